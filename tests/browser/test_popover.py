"""The definition popover, as a reader meets it: mouse, keyboard, touch, navigation."""

from __future__ import annotations

import pytest

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


def test_hover_shows_the_definition_after_a_short_delay_and_the_pointer_can_move_onto_it(page):
    page.goto(page.base + ESSAY)
    link = first_term(page, 3)
    term = summary_of(page, link)
    link.hover()
    page.wait_for_timeout(120)
    assert not visible(page), "shown before the hover delay"
    page.wait_for_timeout(400)
    assert visible(page)
    popover = page.locator(POPOVER)
    assert popover.locator(".glossary-popover__title").text_content() == term["title"]
    assert popover.locator(".glossary-popover__summary").text_content() == term["summary"]
    assert popover.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "glossary-popover"

    popover.locator(".glossary-popover__more").hover()  # across the gap, onto the popover
    page.wait_for_timeout(500)
    assert visible(page)
    page.mouse.move(5, 300)
    page.wait_for_timeout(500)
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
    page.wait_for_timeout(50)
    if page.evaluate("document.activeElement.classList.contains('glossary-term')"):
        assert visible(page)


def test_a_click_goes_to_the_term_page(page):
    page.goto(page.base + ESSAY)
    link = first_term(page)
    href = link.evaluate("a => a.href")
    title = summary_of(page, link)["title"]
    link.click()
    page.wait_for_url(href)
    page.locator("article h1", has_text=title).wait_for()


@pytest.fixture
def touch_page(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.base = server.url
    yield tab
    context.close()
    assert errors == []


def test_a_tap_shows_the_definition_without_navigating_and_a_second_tap_navigates(touch_page):
    page = touch_page
    page.goto(page.base + ESSAY)
    link = first_term(page)
    href = link.evaluate("a => a.href")
    link.tap()
    page.wait_for_timeout(300)
    assert page.url == page.base + ESSAY
    assert visible(page)
    box = page.locator(POPOVER).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.locator("article h1").tap()  # tapping elsewhere closes it
    page.wait_for_timeout(200)
    assert not visible(page)
    link.tap()
    page.wait_for_timeout(200)
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
    page.wait_for_timeout(200)
    assert page.locator("article p").nth(4).bounding_box() == before
    assert page.evaluate("window.__shift") == 0


def test_hovering_works_after_an_instant_navigation(page):
    page.goto(page.base)
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
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None


def test_it_does_not_print(page):
    page.goto(page.base + ESSAY)
    first_term(page).focus()
    assert visible(page)
    page.emulate_media(media="print")
    assert not page.locator(POPOVER).is_visible()


def test_term_links_are_underlined_not_only_coloured(page):
    page.goto(page.base + ESSAY)
    style = first_term(page).evaluate(
        "a => getComputedStyle(a).textDecorationLine + ' ' + getComputedStyle(a).textDecorationStyle"
    )
    assert style == "underline dotted"


def test_a_backlink_lands_on_the_mention_and_highlights_it(page):
    page.goto(page.base + "glossary/catastrophic-forgetting/")
    backlink = page.locator(".glossary-backlinks li a").first
    target = backlink.evaluate("a => new URL(a.href).hash.slice(1)")
    backlink.click()
    page.wait_for_function(f"location.hash === '#{target}'")
    mention = page.locator(f"#{target}")
    page.wait_for_timeout(300)
    assert mention.evaluate("a => a.classList.contains('glossary-term')")
    highlight = "a => getComputedStyle(a).backgroundColor"
    assert mention.evaluate(highlight) not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.locator(f"article a.glossary-term:not([id='{target}'])").first
    assert other.evaluate(highlight) in ("rgba(0, 0, 0, 0)", "transparent")
    box = mention.bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"] - box["height"]


def test_it_works_from_a_file_url_without_a_server(browser, site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((site.root / "essays" / "continual-learning" / "index.html").as_uri())
    link = tab.locator("article a.glossary-term").first
    link.focus()
    assert tab.locator(POPOVER).is_visible()
    context.close()


def test_script_and_stylesheet_stay_small(site):
    import gzip

    # What readers download: the files as the site serves them (minified by hooks/minify.py), gzipped.
    assets = site.root / "assets"
    size = sum(len(gzip.compress((assets / name).read_bytes(), 9)) for name in ("glossary.js", "glossary.css"))
    assert size <= 6 * 1024, size


def test_without_javascript_a_term_is_an_ordinary_link(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + ESSAY)
    link = page.locator("article a.glossary-term").first
    slug = link.get_attribute("data-term")
    link.hover()
    page.wait_for_timeout(400)
    assert page.locator("#glossary-popover").count() == 0
    link.click()
    page.wait_for_url(server.url + f"glossary/{slug}/")
    context.close()
