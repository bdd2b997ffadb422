"""The Zensical build (zensical.toml, hooks/glossary_zensical.py): what it does its own way, checked on its
output. Runs in `make test`'s Zensical pass (SITE_GENERATOR=zensical); the other built-HTML tests run on it too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from glossary.errors import GlossaryError
from glossary.terms import read_term
from support import ROOT, SITES, TERMS, ZENSICAL, html_of, zensical_build

pytestmark = pytest.mark.skipif(not ZENSICAL, reason="the Zensical build's own checks: SITE_GENERATOR=zensical")

ESSAY = "essays/continual-learning/"


def search_items(site) -> list[dict]:
    return json.loads((site.root / "search.json").read_text(encoding="utf-8"))["items"]


def test_search_leaves_out_what_the_engine_marks_and_the_lists_about_other_pages(site):
    # Zensical reads data-search-exclude and removes it, so the built pages cannot show it: search.json can.
    items = search_items(site)
    assert {"Mentioned in", "Related terms", "Vocabulary"}.isdisjoint(item["title"] for item in items)
    lists = ("#related-terms", "#mentioned-in", "#vocabulary")
    assert not [item["location"] for item in items if item["location"].endswith(lists)]
    assert not [item["location"] for item in items if "Copy link" in item["text"]]
    essay = " ".join(item["text"] for item in items if item["location"].startswith(ESSAY))
    assert "Leonard" in essay  # the essay's own words are there (the home page gives its reading time too)
    for phrase in ("-minute read", "show their definition when you hover", "Study these", "Download for Anki"):
        assert phrase not in essay, phrase
    token = next(item for item in items if item["location"] == "glossary/token/")
    assert token["text"].startswith("<p>" + TERMS["token"]["summary"])  # not the section's name, not the button


@pytest.mark.parametrize("slug", ["token", "in-context-learning", "parameters-weights"])
def test_a_term_page_has_its_link_preview_and_defined_term_data(site, slug):
    # What Zensical gives a link preview, all but the picture (see NO_SOCIAL_CARDS in tests/support.py).
    tree = html_of(site, f"glossary/{slug}/")
    meta = {node.attributes.get("property") or node.attributes.get("name"): node.attributes.get("content")
            for node in tree.css("head meta")}
    url = site.server.url + f"glossary/{slug}/"
    summary = " ".join(TERMS[slug]["summary"].split())
    assert meta["description"] == meta["og:description"] == meta["twitter:description"] == summary
    assert tree.css_first("link[rel=canonical]").attributes["href"] == meta["og:url"] == url
    assert meta["twitter:card"] == "summary"
    data = json.loads(tree.css_first('script[type="application/ld+json"]').text())
    assert (data["@type"], data["name"], data["url"]) == ("DefinedTerm", TERMS[slug]["title"], url)


def test_each_diagram_opens_in_the_sites_own_lightbox_with_its_caption(site):
    tree = html_of(site, ESSAY)
    figures = [figure for figure in tree.css("figure") if figure.css("a.glightbox")]
    assert figures
    for figure in figures:
        caption = " ".join(figure.css_first("figcaption").text().split())
        for link in figure.css("a.glightbox"):
            assert link.attributes["data-description"] == caption
    # Zensical's bundle fetches GLightbox from a CDN unless the page has it: the site's own copy comes first.
    scripts = [node.attributes["src"] for node in tree.css("script[src]")]
    assert any(src.endswith("assets/vendor/glightbox/glightbox.min.js") for src in scripts)
    assert (site.root / "assets" / "vendor" / "glightbox" / "glightbox.min.css").exists()


def test_the_pass_after_the_build_leaves_no_placeholder_or_page_data(site):
    for file in site.root.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        assert "glossary-page-data" not in html and "<!--glossary:" not in html, file


def docs_with(tmp_path, name: str, text: str | None = None):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    if text is None:
        shutil.copy(SITES / "broken" / f"{name}.md", docs / "glossary" / f"{name}.md")
    else:
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def the_message_of(path, shown: str) -> str:
    with pytest.raises(GlossaryError) as raised:
        read_term(path.stem, path.read_text(encoding="utf-8"), shown)
    return str(raised.value)


def test_a_broken_term_page_stops_the_build_with_its_message_alone_and_no_site(tmp_path):
    docs = docs_with(tmp_path, "summary-no-period")
    result = zensical_build(tmp_path / "site", docs=docs)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    expected = the_message_of(docs / "glossary" / "summary-no-period.md", "docs/glossary/summary-no-period.md")
    assert f"ERROR   -  {expected}" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_mistake_found_while_zensical_renders_a_page_is_printed_alone(tmp_path):
    # `glossary: sometimes` is found by the Markdown extension, inside Zensical, which would wrap it in a traceback.
    page = "---\ntitle: Notes\nglossary: sometimes\n---\n\n# Notes\n\nA token.\n"
    result = zensical_build(tmp_path / "site", docs=docs_with(tmp_path, "notes.md", page))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "ERROR   -  docs/notes.md: has 'glossary: sometimes' in its front matter. Use false" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_failed_build_leaves_no_site_where_the_last_one_was(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("an earlier build", encoding="utf-8")
    result = zensical_build(site, docs=docs_with(tmp_path, "missing-title"))
    assert result.returncode != 0
    assert not site.exists(), "an earlier site would look like this build's"



def test_a_term_page_with_a_slug_of_its_own_is_published_at_that_address(tmp_path):
    # Zensical publishes a page where its file is; every link to a term goes to its slug's address.
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = (docs / "glossary" / "token.md").read_text(encoding="utf-8")
    (docs / "glossary" / "token.md").unlink()
    (docs / "glossary" / "tokens-explained.md").write_text(page.replace("---\n", "---\nslug: token\n", 1),
                                                           encoding="utf-8")
    result = zensical_build(tmp_path / "site", docs=docs)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "glossary" / "token" / "index.html").is_file()
    assert not (tmp_path / "site" / "glossary" / "tokens-explained").exists()
    essay = (tmp_path / "site" / "essays" / "continual-learning" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../glossary/token/"' in essay


def test_a_zensical_toml_that_lost_the_extension_is_stopped_by_the_theme(tmp_path):
    # Zensical runs no hooks, so the theme's guard (overrides/main.html, written for minijinja too) is what stops it.
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for folder in ("overrides", "overrides-zensical"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    config = (ROOT / "zensical.toml").read_text(encoding="utf-8")
    assert "\nglossary_zensical = {}\n" in config
    (tmp_path / "zensical.toml").write_text(config.replace("\nglossary_zensical = {}\n", "\n"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "The glossary hook did not run: add hooks/glossary_links.py under 'hooks:' in mkdocs.yml" in result.stderr
    assert "glossary_zensical under markdown_extensions in zensical.toml" in result.stderr
