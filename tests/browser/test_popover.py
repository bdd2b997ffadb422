"""The definition popover, as a reader meets it: mouse, keyboard, touch, navigation."""

from __future__ import annotations

import datetime

from browser_support import wait_until_instant

ESSAY = "essays/continual-learning/"
POPOVER = "#glossary-popover"


def first_term(page, nth=0):
    link = page.locator("article a.glossary-term").nth(nth)
    link.scroll_into_view_if_needed()
    return link


def summary_of(page, link):
    """The definition the page carries for a term link (see hooks/glossary/contract.py)."""
    slug = link.get_attribute("data-term")
    title, summary = page.evaluate(
        "slug => { const dt = document.querySelector('template.glossary-definitions').content"
        ".querySelector(`dt[data-term='${slug}']`); return [dt.textContent, dt.nextElementSibling.textContent]; }",
        slug,
    )
    return {"title": title, "summary": summary}


def visible(page):
    popover = page.locator(POPOVER)
    return popover.count() == 1 and popover.is_visible()


def test_hover_shows_the_definition_after_a_short_delay_and_the_pointer_can_move_onto_it(open_tab):
    # The page's clock stands still and moves only by `run_for`: the delays are the page's milliseconds,
    # not a loaded machine's (wall-clock waits of 400-500 ms failed under CI load).
    page = open_tab(ESSAY, clock=datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC))
    link = first_term(page, 3)
    term = summary_of(page, link)
    link.hover()
    page.clock.run_for(280)
    assert not visible(page), "shown before the hover delay (300 ms)"
    page.clock.run_for(40)
    assert visible(page), "not shown 320 ms after the hover"
    popover = page.locator(POPOVER)
    assert popover.locator(".glossary-popover__title").text_content() == term["title"]
    assert popover.locator(".glossary-popover__summary").text_content() == term["summary"]
    assert popover.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "glossary-popover"

    popover.locator(".glossary-popover__more").hover()  # across the gap, onto the popover
    page.clock.run_for(1000)
    assert visible(page), "hid while the pointer was on it"
    page.mouse.move(5, 300)
    page.clock.run_for(320)  # the grace is 300 ms
    assert not visible(page)
    assert link.get_attribute("aria-describedby") is None


def test_the_read_more_link_goes_to_the_term_page(page):
    page.goto(page.base + ESSAY)
    link = first_term(page)
    href = link.evaluate("a => a.href")
    link.hover()
    page.locator(POPOVER).wait_for()
    page.locator(".glossary-popover__more").click()
    page.wait_for_url(href)


def test_keyboard_focus_shows_it_at_once_and_escape_hides_it(page):
    page.goto(page.base + ESSAY)
    link = first_term(page)
    link.focus()
    assert visible(page)
    shown = page.locator(POPOVER).locator(".glossary-popover__summary").text_content()
    assert shown == summary_of(page, link)["summary"]
    page.keyboard.press("Escape")
    assert not visible(page)
    assert page.evaluate("document.activeElement.classList.contains('glossary-term')")
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.classList.contains('glossary-term')"):
        assert visible(page)  # at once, as for the first term: no timer between focus and card


def test_a_click_goes_to_the_term_page(page):
    page.goto(page.base + ESSAY)
    link = first_term(page)
    href = link.evaluate("a => a.href")
    title = summary_of(page, link)["title"]
    link.click()
    page.wait_for_url(href)
    page.locator("article h1", has_text=title).wait_for()


def test_a_tap_shows_the_definition_without_navigating_and_a_second_tap_navigates(open_tab):
    page = open_tab(ESSAY, {"width": 390, "height": 800}, touch=True)
    link = first_term(page)
    href = link.evaluate("a => a.href")
    link.tap()
    page.locator(POPOVER).wait_for(state="visible", timeout=300)
    # A fixed wait on purpose: the first tap must NOT navigate, and a navigation would start in this time.
    page.wait_for_timeout(300)
    assert page.url == page.base + ESSAY
    assert visible(page)
    box = page.locator(POPOVER).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.locator("article h1").tap()  # tapping elsewhere closes it
    page.locator(POPOVER).wait_for(state="hidden", timeout=200)
    link.tap()
    page.locator(POPOVER).wait_for(state="visible", timeout=200)
    link.tap()
    page.wait_for_url(href)


def test_without_room_in_the_margin_it_flips_above_near_the_bottom_and_stays_in_the_window(page):
    page.set_viewport_size({"width": 700, "height": 600})
    page.goto(page.base + ESSAY)
    for nth in (0, 5, 12):
        link = first_term(page, nth)
        link.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().bottom - innerHeight + 4)")
        link.focus()
        box = page.locator(POPOVER).bounding_box()
        anchor = link.bounding_box()
        assert page.locator(POPOVER).get_attribute("data-placement") == "above"
        assert box["y"] + box["height"] <= anchor["y"] + 1
        assert box["x"] >= 0 and box["x"] + box["width"] <= 700 and box["y"] >= 0
        page.keyboard.press("Escape")


def test_showing_it_moves_nothing_on_the_page(page):
    page.goto(page.base + ESSAY)
    page.evaluate(
        """() => { window.__shift = 0; new PerformanceObserver(list => {
             for (const entry of list.getEntries()) window.__shift += entry.value;
           }).observe({type: 'layout-shift'}); }"""
    )
    link = first_term(page, 2)
    before = page.locator("article p").nth(4).bounding_box()
    link.focus()
    assert visible(page)
    # A fixed wait on purpose: a layout shift may be reported a frame or more late; none may come in 200 ms.
    page.wait_for_timeout(200)
    assert page.locator("article p").nth(4).bounding_box() == before
    assert page.evaluate("window.__shift") == 0


def test_hovering_works_after_an_instant_navigation(page):
    page.goto(page.base)
    wait_until_instant(page)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a.md-button--primary").click()
    page.wait_for_url(page.base + ESSAY)
    page.locator("article h1", has_text="Why AI Models Stop Learning").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not keep the document"
    link = first_term(page, 1)
    link.hover()
    page.locator(POPOVER).wait_for()
    assert page.locator(".glossary-popover__summary").text_content() == summary_of(page, link)["summary"]


def test_a_hostile_definition_is_shown_as_text_and_runs_nothing(page):
    page.goto(page.base + ESSAY)
    link = first_term(page)
    slug = link.get_attribute("data-term")
    hostile = '<img src=x onerror="window.__ran = true"><script>window.__ran = true</script> & "quotes"'
    page.evaluate(
        "([slug, text]) => { const dt = document.querySelector('template.glossary-definitions').content"
        ".querySelector(`dt[data-term='${slug}']`); dt.textContent = text; dt.nextElementSibling.textContent = text; }",
        [slug, hostile],
    )
    link.focus()
    popover = page.locator(POPOVER)
    assert popover.locator(".glossary-popover__summary").text_content() == hostile
    assert popover.locator("img, script").count() == 0
    # A fixed wait on purpose: an injected handler would run within this time; none may.
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None


def test_it_does_not_print(page):
    page.goto(page.base + ESSAY)
    first_term(page).focus()
    assert visible(page)
    page.emulate_media(media="print")
    assert not page.locator(POPOVER).is_visible()


def test_it_works_from_a_file_url_without_a_server(open_tab, site):
    tab = open_tab((site.root / "essays" / "continual-learning" / "index.html").as_uri())
    link = tab.locator("article a.glossary-term").first
    link.focus()
    assert tab.locator(POPOVER).is_visible()


def test_without_javascript_a_term_is_an_ordinary_link(open_tab):
    page = open_tab(ESSAY, java_script_enabled=False)
    link = page.locator("article a.glossary-term").first
    slug = link.get_attribute("data-term")
    link.hover()
    # A fixed wait on purpose: past the 300 ms hover delay, no popover may appear.
    page.wait_for_timeout(400)
    assert page.locator("#glossary-popover").count() == 0
    link.click()
    page.wait_for_url(page.base + f"glossary/{slug}/")
