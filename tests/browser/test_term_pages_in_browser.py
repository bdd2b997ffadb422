"""A term page and the glossary's index in a real browser: a long "Mentioned in" folded after ten
entries (by pointer, touch and keyboard, without JavaScript, on paper, and from a link into it), the
sidebar marking the glossary, the index's letters given once, and an essay's tip beside its first term."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import contrast, next_frames, wait_until_scrolled, wait_until_still

LONG = "glossary/parameters-weights/"  # some forty entries (reader review 2026-12b, §1.14)
ESSAY = "essays/continual-learning/"
DESKTOP = {"width": 1366, "height": 900}
LAPTOP = {"width": 1024, "height": 768}
TABLET = {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}
SIZES = [(DESKTOP, False), (LAPTOP, False), (TABLET, True), (PHONE, True)]
SIZE_IDS = ["1366", "1024", "768-touch", "390-touch"]
FOLD = ".glossary-backlinks__more"
CONTROL = FOLD + " > summary"

# What a reader sees of the list: how many entries, how many of them on screen, whether the first
# shown links to an essay, the control's label, and its colors and box.
LIST_STATE = """() => {
  const items = [...document.querySelectorAll('.glossary-backlinks li')];
  const shown = items.filter(li => li.checkVisibility());
  const fold = document.querySelector('.glossary-backlinks__more'), control = fold && fold.querySelector('summary');
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const label = control && [...control.children].filter(span => span.checkVisibility()).map(s => s.textContent);
  return {total: items.length, shown: shown.length, open: !!fold && fold.open,
          firstIsEssay: !!shown.length && new URL(shown[0].querySelector('a').href).pathname.includes('/essays/'),
          label: label && label.join(' '), controlShown: !!control && control.checkVisibility(),
          color: control && rgba(getComputedStyle(control).color),
          page: rgba(getComputedStyle(document.body).backgroundColor),
          box: control && control.getBoundingClientRect().toJSON(),
          height: document.documentElement.scrollHeight};
}"""




def list_state(page):
    return page.evaluate(LIST_STATE)


def wait_for_fold(page, is_open, scripts=True):
    """Until the fold is open (or closed) and drawn. Without the page's scripts there are no animation
    frames to wait on: the check polls on a timer instead."""
    check = f"(document.querySelector('{FOLD}') || {{}}).open === {'true' if is_open else 'false'}"
    page.wait_for_function(check, **({} if scripts else {"polling": 50}), timeout=10_000)
    if scripts:
        next_frames(page)


@pytest.mark.parametrize("viewport, touch", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_long_mentioned_in_shows_ten_entries_and_opens_in_place_with_show_all(open_tab, viewport, touch, scheme):
    page = open_tab(LONG, viewport, scheme, touch=touch)
    closed = list_state(page)
    assert closed["total"] > 30 and closed["shown"] == 10 and not closed["open"], closed
    assert closed["firstIsEssay"], "the essay is the first entry shown"
    assert closed["controlShown"] and closed["label"] == f"Show all {closed['total']}", closed
    assert contrast(closed["color"], closed["page"]) >= 4.5, closed
    assert closed["box"]["height"] >= 24 and closed["box"]["width"] >= 24, closed["box"]  # a target a thumb finds
    control = page.locator(CONTROL)
    control.scroll_into_view_if_needed()
    top = control.bounding_box()["y"]
    control.tap() if touch else control.click()
    wait_for_fold(page, True)
    opened = list_state(page)
    assert opened["shown"] == opened["total"] and opened["label"] == "Show fewer", opened
    assert control.bounding_box()["y"] == top, "the control moved under the reader's finger or pointer"
    assert closed["height"] < 0.6 * opened["height"], (closed["height"], opened["height"])
    control.tap() if touch else control.click()
    wait_for_fold(page, False)
    assert list_state(page)["shown"] == 10


def test_the_fold_works_from_the_keyboard_in_the_reading_order(open_tab):
    page = open_tab(LONG, DESKTOP)
    page.locator(".glossary-backlinks li a").nth(9).focus()  # the last entry shown
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const e = document.activeElement, s = getComputedStyle(e);
          return {tag: e.tagName, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }"""
    )
    assert focused == {"tag": "SUMMARY", "ring": True}, focused
    page.keyboard.press("Enter")
    wait_for_fold(page, True)
    page.keyboard.press("Tab")  # on into the entries it showed
    assert page.evaluate("document.activeElement === document.querySelectorAll('.glossary-backlinks li a')[10]")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    wait_for_fold(page, False)
    assert list_state(page)["shown"] == 10


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_opened_list(open_tab, scheme):
    # tests/browser/test_accessibility.py checks a term page with its list folded.
    page = open_tab(LONG, DESKTOP, scheme)
    page.locator(CONTROL).click()
    wait_for_fold(page, True)
    wait_until_still(page)
    found = Axe().run(page, context={"include": [[".glossary-backlinks"]]}).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found] == []


def test_without_javascript_the_fold_opens_and_prints_in_full(open_tab):
    page = open_tab(LONG, DESKTOP, java_script_enabled=False)
    assert list_state(page)["shown"] == 10
    page.emulate_media(media="print")
    printed = list_state(page)
    assert printed["shown"] == printed["total"] and not printed["controlShown"], printed
    page.emulate_media(media="screen")
    assert list_state(page)["shown"] == 10
    page.locator(CONTROL).click()
    wait_for_fold(page, True, scripts=False)
    assert list_state(page)["label"] == "Show fewer"
    page.keyboard.press("Enter")  # the control kept focus, and the keyboard closes it too
    wait_for_fold(page, False, scripts=False)


def test_a_link_to_words_under_the_fold_opens_it_there(open_tab):
    # A shared link to a passage (#:~:text=, what "find in page" uses too) reaches an entry under the fold.
    page = open_tab(LONG, DESKTOP)
    assert list_state(page)["shown"] == 10  # the entry is under the fold
    words = page.evaluate(
        """() => { const q = document.querySelectorAll('.glossary-backlinks li q')[20].textContent;
          return q.replace(/^\\W+/, '').split(/\\s+/).slice(0, 6).join(' '); }"""
    )
    fragment = "".join(c if c.isalnum() else f"%{ord(c):02X}" if ord(c) < 128 else c for c in words)
    tab = open_tab(f"{LONG}#:~:text={fragment}", DESKTOP)
    wait_for_fold(tab, True)
    wait_until_scrolled(tab)
    entry = tab.locator(".glossary-backlinks li").nth(20).bounding_box()
    assert 0 <= entry["y"] and entry["y"] + entry["height"] <= DESKTOP["height"], entry


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_term_page_marks_the_glossary_in_the_sidebar_also_after_instant_navigation(open_tab, scheme):
    page = open_tab(ESSAY, DESKTOP, scheme)
    colors = """() => Object.fromEntries([...document.querySelectorAll('nav.md-nav--primary > ul > li')].map(li => {
        const a = li.querySelector(':scope > a.md-nav__link, :scope > label.md-nav__link');
        return [a.textContent.trim(), getComputedStyle(a).color]; }))"""
    on_essay = page.evaluate(colors)
    current = page.evaluate("getComputedStyle(document.querySelector('.md-nav--primary a.md-nav__link--active')).color")
    assert on_essay["Glossary"] == on_essay["Home"] != current  # the essay's own link is the marked one
    page.locator("article p a.glossary-term").first.click()  # Material's instant navigation
    page.wait_for_url("**/glossary/**")
    page.wait_for_function("document.querySelector('article .glossary-entry-head')")
    on_term = page.evaluate(colors)
    assert on_term["Glossary"] == current != on_term["Home"], on_term
    page.reload()  # and loaded from its address
    assert page.evaluate(colors) == on_term


def test_on_a_phone_the_menu_marks_the_glossary_on_a_term_page(open_tab):
    page = open_tab("glossary/token/", PHONE, touch=True)
    page.locator("label.md-header__button[for='__drawer']").tap()
    glossary = page.locator("nav.md-nav--primary > ul > li", has_text="Glossary").first
    glossary.wait_for(state="visible")
    home = page.locator("nav.md-nav--primary > ul > li", has_text="Home").first
    color = "li => getComputedStyle(li.querySelector('a')).color"
    assert "md-nav__item--active" in glossary.get_attribute("class")
    assert glossary.evaluate(color) != home.evaluate(color)


@pytest.mark.parametrize("viewport, touch", SIZES, ids=SIZE_IDS)
def test_the_index_shows_its_letters_once_on_the_first_screen(open_tab, viewport, touch):
    page = open_tab("glossary/", viewport, touch=touch)
    letters = page.evaluate(
        # Material's instant navigation writes the links as whole addresses: matched by their fragment.
        """() => [...document.querySelectorAll('a[href*="#letter-"]')].filter(a => {
              const r = a.getBoundingClientRect();  // on the screen, not in a closed menu or under something
              const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
              return !!hit && a.contains(hit); })
            .map(a => [a.textContent.trim(), a.getBoundingClientRect().bottom])"""
    )
    sections = page.locator(".glossary-index h2").count()
    assert len(letters) == sections, letters  # one set, not the bar and the table of contents
    assert all(bottom <= viewport["height"] for _, bottom in letters), letters


@pytest.mark.parametrize("viewport, touch", SIZES, ids=SIZE_IDS)
def test_the_essays_tip_sits_under_its_first_dotted_term_on_the_first_screen_and_not_on_paper(
    open_tab, viewport, touch
):
    page = open_tab(ESSAY, viewport, touch=touch)
    where = """() => { const t = document.querySelector('article a.glossary-term').getBoundingClientRect();
        const h = document.querySelector('article .essay-hint'), r = h.getBoundingClientRect();
        return {term: t.bottom, top: r.top, bottom: r.bottom, shown: h.checkVisibility()}; }"""
    tip = page.evaluate(where)
    assert tip["shown"] and tip["term"] <= tip["top"] and tip["bottom"] <= viewport["height"], tip
    page.emulate_media(media="print")
    assert not page.evaluate(where)["shown"]
    assert page.locator("article a.glossary-term").first.is_visible()  # the text itself prints
