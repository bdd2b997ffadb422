"""The engine on a real corpus: the Polkadot developer docs (118 terms, 236 pages), converted by
corpora/polkadot.py into tests/sites/polkadot. What an author of those docs would notice: the site
builds, its pages are linked, the controls the converter set hold, and the mistakes an editor of
such a glossary makes read as messages naming both files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "sites" / "polkadot"


def copy_fixture(tmp_path: Path) -> Path:
    project = tmp_path / "polkadot"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("../../../hooks/", f"{ROOT / 'hooks'}/"), encoding="utf-8"
    )
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("corpus")
    project = copy_fixture(tmp)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return tmp / "site"


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def term_links(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    links = tree.css("article a.glossary-term, [role=main] a.glossary-term")
    return [(a.text(), a.attributes["data-term"]) for a in links]


def test_the_corpus_builds_strict_and_its_pages_are_linked(site):
    pages = [p for p in (site / "pages").rglob("index.html")]
    linked = [p for p in pages if 'class="glossary-term"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 225
    # Measured 1,634 links on 225 of 229 pages (README); a floor well below that, far above zero.
    assert len(linked) >= 200
    links = sum(p.read_text(encoding="utf-8").count('class="glossary-term"') for p in linked)
    assert links >= 1200


def test_a_term_page_lists_the_pages_that_mention_it(site):
    tree = page(site, "glossary/parachain")
    backlinks = tree.css(".glossary-backlinks li a[href*='#mention-parachain']")
    assert len(backlinks) >= 40, "the parachain page should list the many pages that mention parachains"


def test_the_longest_name_wins_over_a_case_sensitive_shorter_one(site):
    # "Host" is case-sensitive; "Host API" is a term of its own and must win.
    tree = page(site, "pages/reference/apps/hosts/polkadot-web/host-api")
    first = next(p for p in tree.css("p") if p.text().startswith("The Host API surface"))
    assert [(a.text(), a.attributes["data-term"]) for a in first.css("a.glossary-term")][0] == ("Host API", "host-api")


def test_a_case_sensitive_term_that_opens_a_sentence_is_not_linked(site):
    # "Call connect() to establish a session": the verb, not the runtime's Call enum.
    tree = page(site, "pages/apps/build/sign-and-submit")
    item = next(p for p in tree.css("p") if p.text().startswith("Call connect()"))
    assert not item.css("a.glossary-term[data-term=call]")


def test_phrases_under_not_and_excluded_terms_are_not_linked(site):
    texts = {a.text() for p in (site / "pages").rglob("index.html")
             for a in LexborHTMLParser(p.read_text(encoding="utf-8")).css("a.glossary-term")}
    assets = FIXTURE / "docs" / "pages" / "reference" / "polkadot-hub" / "assets.md"
    assert "USD Coin" in assets.read_text(encoding="utf-8")
    assert "USD Coin" not in texts and texts & {"Coin", "coin"}
    assert "Polkadot" not in texts  # site-wide `exclude`, as the source's own tooltips leave it out
    assert "Polkadot Hub" in texts


def test_a_term_with_link_false_keeps_its_backlinks(site):
    everywhere = " ".join(p.read_text(encoding="utf-8") for p in (site / "pages").rglob("index.html"))
    assert '<span class="glossary-mention" data-term="ephemeral"' in everywhere
    assert not re.search(r'<a class="glossary-term"[^>]*data-term="ephemeral"', everywhere)
    tree = page(site, "glossary/ephemeral")
    assert tree.css(".glossary-backlinks li a[href*='#mention-ephemeral']")


def test_the_converter_turns_a_glossary_and_pages_into_a_fixture(tmp_path):
    source = tmp_path / "polkadot-docs"
    (source / "docs" / "reference").mkdir(parents=True)
    (source / "docs" / "reference" / "glossary.md").write_text(
        "---\ntitle: Glossary\n---\n\n# Glossary\n\n## Coin (in Coinage)\n\nA bearer note of the payment app, "
        "e.g. one sent to a friend. It is spent once.\n\n"
        "## Host\n\nThe [app](https://example.org) a Product runs in.\n",
        encoding="utf-8",
    )
    (source / "docs" / "guide.md").write_text(
        "---\ntitle: Guide\ntemplate: root-subsection-page.html\n---\n\n# Guide\n\n--8<-- 'text/snippet.md'\n\n"
        "The Host pays with a coin.\n\n```js\nconst host = 1;\n```\n\n<!-- a note -->\n{{ page.title }}\n",
        encoding="utf-8",
    )
    out = tmp_path / "fixture"
    result = subprocess.run([sys.executable, str(ROOT / "corpora" / "polkadot.py"), str(source), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 terms, 1 pages" in result.stdout
    coin = (out / "docs" / "glossary" / "coin.md").read_text(encoding="utf-8")
    assert "summary: 'A bearer note of the payment app, eg one sent to a friend.'" in coin
    host = (out / "docs" / "glossary" / "host.md").read_text(encoding="utf-8")
    assert "case: sensitive" in host and "[app](https://example.org)" in host
    guide = (out / "docs" / "pages" / "guide.md").read_text(encoding="utf-8")
    assert guide == "---\ntitle: Guide\n---\n\n# Guide\n\nThe Host pays with a coin.\n"
    assert "CC BY 4.0" in (out / "ATTRIBUTION.md").read_text(encoding="utf-8")
