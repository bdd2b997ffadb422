"""Hostile summaries: markup is refused at build time; what remains reaches the reader as inert text."""

from __future__ import annotations

import shutil

import pytest

from browser_support import StaticServer
from support import SITES, build_with_real_config

# No '<' or '>' (those stop the build: see test_build_errors), but everything else a writer could paste.
WRITTEN = (
    """Quotes " and ' & ampersands, &lt;img src=x onerror="window.__ran=1"&gt; """
    """and &#60;script&#62;window.__ran=1&#60;/script&#62; {{ config }}."""
)
# As readers get it: the same characters, with the typographic quotes every summary gets (test_terms).
HOSTILE = (
    WRITTEN.replace(' " ', " \u201c ").replace(" ' ", " \u2018 ").replace('="', "=\u201d").replace('1"', "1\u201d")
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    docs = tmp / "docs"
    shutil.copytree(SITES / "base" / "docs", docs)
    for page in (docs / "glossary").glob("*.md"):
        if page.name != "index.md":
            text = page.read_text(encoding="utf-8")
            start = text.index("summary:")
            end = text.index("\n", start)
            quoted = "'" + WRITTEN.replace("'", "''") + "'"  # YAML's single-quoted style
            page.write_text(text[:start] + "summary: " + quoted + text[end:], encoding="utf-8")
    server = StaticServer(tmp / "project" / "site")
    build_with_real_config(docs, tmp / "project", env={"SITE_URL": server.url})
    with server:
        yield server


@pytest.mark.parametrize("url", ["", "glossary/context-window/"])
def test_hovering_and_focusing_every_term_runs_nothing(open_tab, hostile_site, url):
    page = open_tab(hostile_site.url + url)
    terms = page.locator("a.glossary-term")
    assert terms.count() >= 1
    for i in range(terms.count()):
        terms.nth(i).hover()
        page.locator("#glossary-popover").wait_for(state="visible", timeout=5000)  # what shows, not when
        assert page.locator("#glossary-popover .glossary-popover__summary").text_content() == HOSTILE
        page.mouse.move(0, 0)
        terms.nth(i).focus()
        assert page.locator("#glossary-popover .glossary-popover__summary").text_content() == HOSTILE
        assert page.locator("#glossary-popover img, #glossary-popover script").count() == 0
        page.keyboard.press("Escape")
    assert page.evaluate("window.__ran") is None


def test_a_hostile_summary_is_inert_in_the_page_head_too(open_tab, hostile_site):
    page = open_tab(hostile_site.url + "glossary/token/")
    for selector in ('meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]'):
        assert page.locator(selector).get_attribute("content") == HOSTILE
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["description"] == HOSTILE
    assert page.evaluate("window.__ran") is None
