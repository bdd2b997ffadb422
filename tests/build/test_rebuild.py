"""Rebuilds in one process, as `mkdocs serve` does: nothing doubled, nothing stale."""

from __future__ import annotations

import os
import re

from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from support import definitions, small_site


def build_in_process(project, site_dir):
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    build(config)
    return site_dir


def read(site_dir, url):
    html = (site_dir / url / "index.html").read_text(encoding="utf-8")
    # The fixture's theme stamps each page with the build time; nothing else may differ.
    return re.sub(r"Build Date UTC : [^\n]*", "", html)


def test_building_twice_gives_identical_pages(tmp_path):
    project = small_site(tmp_path)
    first = build_in_process(project, tmp_path / "one")
    second = build_in_process(project, tmp_path / "two")
    for url in ("", "glossary/token", "glossary/context-window", "glossary"):
        assert read(first, url) == read(second, url), url
    backlinks = LexborHTMLParser(read(second, "glossary/token")).css(".glossary-backlinks li")
    assert len(backlinks) == 2  # the home page and the Context Window page, once each


def test_an_edited_term_page_updates_its_links_and_backlinks(tmp_path):
    project = small_site(tmp_path)
    site_dir = build_in_process(project, tmp_path / "site")
    token = project / "docs" / "glossary" / "token.md"
    token.write_text(
        token.read_text(encoding="utf-8").replace(
            "The unit of text a language model reads and writes.", "A new definition of a token."
        ),
        encoding="utf-8",
    )
    (project / "docs" / "index.md").write_text("# A small site\n\nNothing about that here.\n", encoding="utf-8")
    build_in_process(project, site_dir)

    window = LexborHTMLParser(read(site_dir, "glossary/context-window"))
    assert window.css_first("a.glossary-term[data-term=token]") is not None
    assert definitions(window)["token"]["summary"] == "A new definition of a token."
    token_page = LexborHTMLParser(read(site_dir, "glossary/token"))
    backlinks = [li.css_first("a").attributes["href"] for li in token_page.css(".glossary-backlinks li")]
    assert backlinks == ["../context-window/#mention-token"]
