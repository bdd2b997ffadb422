"""The Zensical-built site in a real browser: the reader's main paths, on Zensical's own bundle and search.

Runs in `make test`'s Zensical pass (SITE_GENERATOR=zensical), where the session's site is the Zensical
build; the other browser tests drive Material's markup (its search box and results), so they run once,
on the MkDocs build. Every request that would leave 127.0.0.1 is refused and fails the test: Zensical's
lightbox would fetch GLightbox from a CDN if the page did not carry the site's copy (zensical.toml).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser_support import wait_until_instant
from support import ZENSICAL

pytestmark = pytest.mark.skipif(not ZENSICAL, reason="the Zensical build in a browser: SITE_GENERATOR=zensical")

ESSAY = "essays/continual-learning/"
POPOVER = "#glossary-popover"


@pytest.fixture
def tab(open_tab):
    """A tab on which every request to another host is refused, and listed; the test fails on any."""
    outside: list[str] = []
    opened = open_tab()

    def only_here(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    opened.context.route("**/*", only_here)
    yield opened
    assert outside == [], outside


def term_link(tab, nth=0):
    link = tab.locator("article a.glossary-term").nth(nth)
    link.scroll_into_view_if_needed()
    return link


def shows_its_definition(tab, link) -> None:
    popover = tab.locator(POPOVER)
    popover.wait_for(state="visible")
    title = tab.evaluate(
        "slug => document.querySelector('template.glossary-definitions').content"
        ".querySelector(`dt[data-term='${slug}']`).textContent",
        link.get_attribute("data-term"),
    )
    assert popover.locator(".glossary-popover__title").text_content() == title
    assert link.get_attribute("aria-describedby") == "glossary-popover"


def test_a_term_shows_its_definition_on_hover_and_at_once_on_focus(tab):
    tab.goto(tab.base + ESSAY)
    link = term_link(tab, 2)
    link.hover()
    shows_its_definition(tab, link)
    tab.mouse.move(5, 5)
    tab.locator(POPOVER).wait_for(state="hidden")
    other = term_link(tab, 4)
    other.focus()
    shows_its_definition(tab, other)
    tab.keyboard.press("Escape")
    tab.locator(POPOVER).wait_for(state="hidden")


def test_search_finds_a_term_by_its_abbreviation(tab):
    # Zensical's search is its own dialog, in a shadow root (Playwright's selectors reach into it).
    tab.goto(tab.base)
    tab.locator(".md-search__button").click()
    box = tab.locator('dialog[aria-label="Search"] input[role="combobox"]')
    box.fill("ICL")
    first = tab.locator('ol[aria-label="Search results"] a[role="option"]').first
    first.wait_for()
    assert urlparse(first.get_attribute("href")).path == "/glossary/in-context-learning/"


def test_the_404_pages_search_link_opens_zensicals_search_with_the_addresss_words(tab):
    tab.expected_errors.append("status of 404 (Not Found)")
    tab.goto(tab.base + "glossary/in-context/")
    tab.get_by_role("link", name="search the site").click()
    box = tab.locator('dialog[aria-label="Search"] input[role="combobox"]')
    tab.wait_for_function("() => { const h = document.activeElement;"
                          " return h && h.shadowRoot && h.shadowRoot.activeElement"
                          " && h.shadowRoot.activeElement.value === 'in context'; }")
    assert box.input_value() == "in context"
    first = tab.locator('ol[aria-label="Search results"] a[role="option"]').first
    first.wait_for()  # it searched
    assert tab.url == tab.base + "glossary/in-context/"  # in place: no page load


def test_the_palette_toggle_switches_to_dark_and_back(tab):
    tab.goto(tab.base)
    body = tab.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    tab.locator('[data-md-component="palette"] label:visible').first.click()
    tab.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    tab.locator('[data-md-component="palette"] label:visible').first.click()
    tab.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


def test_after_instant_navigation_the_popover_still_works(tab):
    tab.goto(tab.base)
    wait_until_instant(tab)  # before the sitemap arrives, a click is a full page load (CI caught one)
    tab.evaluate("window.sameDocument = true")
    tab.locator(f'article a[href$="{ESSAY}"]').first.click()
    tab.wait_for_url("**/" + ESSAY)
    tab.locator("article .essay-byline").wait_for()  # the essay's content is in (the home page has terms too)
    assert tab.evaluate("window.sameDocument === true"), "the page was loaded again, not swapped"
    link = term_link(tab, 1)
    link.hover()
    shows_its_definition(tab, link)


def test_a_backlink_lands_on_its_mention_and_marks_it(tab):
    tab.goto(tab.base + "glossary/token/")
    backlink = tab.locator(".glossary-backlinks li a").first
    href = backlink.get_attribute("href")
    anchor = urlparse(href).fragment
    assert anchor.startswith("mention-")
    backlink.click()
    tab.wait_for_url(f"**#{anchor}")
    tab.locator(f"#{anchor}").wait_for()
    tab.wait_for_function("id => document.getElementById(id).classList.contains('glossary-term--target')", arg=anchor)
    in_view = "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    tab.wait_for_function(f"id => ({in_view})(document.getElementById(id))", arg=anchor)  # the scroll is smooth
    # And by the address, as a shared link opens it.
    tab.goto(tab.base + ESSAY + "#" + anchor)
    assert tab.evaluate("id => document.querySelector(':target')?.id === id", anchor)
