"""Reading comfort in a real browser, at a desktop and a phone size, in both palettes."""

from __future__ import annotations

import re

import pytest

from browser_support import next_frames, wait_until_landed, wait_until_scrolled, wait_until_still

ESSAY = "essays/continual-learning/"
POPOVER = "#glossary-popover"
DESKTOP = {"width": 1366, "height": 900}
NARROW_DESKTOP = {"width": 768, "height": 900}  # a tablet held upright: no room in the margin
PHONE = {"width": 390, "height": 844}


def line_and_popover(page, link):
    """The term's line box (the paragraph's width, the line's height) and the popover's box, in the window."""
    return page.evaluate(
        """a => {
          const r = a.getClientRects()[0], block = a.closest('p, li, dd, figcaption') || a.parentElement;
          const b = block.getBoundingClientRect(), lh = parseFloat(getComputedStyle(block).lineHeight);
          const p = document.querySelector('#glossary-popover').getBoundingClientRect();
          return {line: {left: b.left, right: b.right, top: r.top, bottom: r.bottom, height: lh},
                  pop: {left: p.left, right: p.right, top: p.top, bottom: p.bottom},
                  placement: document.querySelector('#glossary-popover').getAttribute('data-placement')};
        }""",
        link.element_handle(),
    )


def overlaps(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


# Next to its term at every width above the phone's (was: in the right margin on a desktop, and clear of the
# two lines under the term; test_popover_card.py checks the card's place in detail).
@pytest.mark.parametrize("viewport, expected", [(DESKTOP, {"above", "below"}), (NARROW_DESKTOP, {"above", "below"})])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_popover_never_covers_the_line_being_read(open_tab, viewport, expected, scheme):
    page = open_tab(ESSAY, viewport, scheme)
    links = page.locator("article p a.glossary-term")
    seen = set()
    for nth in range(0, links.count(), 3):
        link = links.nth(nth)
        link.scroll_into_view_if_needed()
        link.focus()
        assert page.locator(POPOVER).is_visible()
        box = line_and_popover(page, link)
        line = box["line"]
        assert not overlaps(box["pop"], line), (nth, box)
        assert box["pop"]["left"] >= 0 and box["pop"]["right"] <= viewport["width"]
        seen.add(box["placement"])
        page.keyboard.press("Escape")
    assert seen <= expected and seen, seen


def test_the_popover_has_an_arrow_pointing_at_the_term(open_tab):
    page = open_tab(ESSAY, NARROW_DESKTOP)
    link = page.locator("article p a.glossary-term").nth(6)
    link.scroll_into_view_if_needed()
    link.focus()
    arrow = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('#glossary-popover'), '::before');
                   return {content: s.content, width: parseFloat(s.width), left: s.left}; }"""
    )
    assert arrow["content"] == '""' and arrow["width"] > 5
    word = link.evaluate("a => { const r = a.getClientRects()[0]; return {x: r.left, width: r.width}; }")
    term_x = word["x"] + min(word["width"], 48) / 2  # on the term's first line, should it wrap
    popover_x = page.locator(POPOVER).bounding_box()["x"]
    assert abs(popover_x + float(arrow["left"].removesuffix("px")) + arrow["width"] / 2 - term_x) < 12


def test_in_the_dark_palette_the_popover_is_a_raised_surface_with_an_edge(open_tab):
    page = open_tab(ESSAY, DESKTOP, "dark")
    link = page.locator("article p a.glossary-term").nth(2)
    link.scroll_into_view_if_needed()
    link.focus()
    colors = page.evaluate(
        """() => { const p = getComputedStyle(document.querySelector('#glossary-popover'));
                   return [getComputedStyle(document.body).backgroundColor, p.backgroundColor, p.borderTopColor]; }"""
    )

    def lightness(css):
        r, g, b = (int(v) for v in re.findall(r"\d+", css)[:3])
        return (max(r, g, b) + min(r, g, b)) / 2

    page_bg, surface, edge = map(lightness, colors)
    assert surface > page_bg + 10 and edge > surface + 30


def test_on_a_phone_it_is_a_sheet_with_a_close_button_and_the_term_stays_in_sight(open_tab):
    page = open_tab(ESSAY, PHONE, "light", touch=True)
    link = page.locator("article p a.glossary-term").nth(5)
    link.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - innerHeight + 40)")  # near the bottom
    link.tap()
    sheet = page.locator(POPOVER)
    sheet.wait_for()
    wait_until_still(page)  # the sheet has slid in
    wait_until_scrolled(page)  # and the page, smoothly, lifted the term above it
    box = sheet.bounding_box()
    assert box["x"] == 0 and box["width"] == PHONE["width"]
    assert abs(box["y"] + box["height"] - PHONE["height"]) < 2  # along the bottom edge
    assert sheet.get_attribute("role") == "dialog"
    term = link.bounding_box()
    assert 48 <= term["y"] and term["y"] + term["height"] <= box["y"], "the term is hidden behind the sheet"
    assert page.url == page.base + ESSAY
    # The address bar moving changes the window's height only: the sheet stays.
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"] - 60})
    next_frames(page)  # the resize has been handled
    assert sheet.is_visible()
    close = page.get_by_role("button", name="Close the definition")
    assert close.bounding_box()["width"] >= 40
    close.tap()
    assert not sheet.is_visible()
    # Turning the phone closes it.
    link.tap()
    sheet.wait_for()
    page.set_viewport_size({"width": PHONE["height"], "height": PHONE["width"]})
    sheet.wait_for(state="hidden")  # at the resize event, which the browser fires at its next frame


def test_a_backlink_lands_a_third_of_the_way_down_highlighted_without_a_popover(open_tab):
    page = open_tab("glossary/catastrophic-forgetting/", DESKTOP)
    backlink = page.locator(".glossary-backlinks li a").first
    target = backlink.evaluate("a => new URL(a.href).hash.slice(1)")
    backlink.click()
    page.wait_for_function(f"location.hash === '#{target}'")
    wait_until_landed(page, target)
    mention = page.locator(f"#{target}")
    assert mention.evaluate("a => a.classList.contains('glossary-term--target')")
    top = mention.bounding_box()["y"] / DESKTOP["height"]
    assert 0.2 <= top <= 0.45, top
    assert not page.locator(POPOVER).is_visible()
    # Highlighted, and the only term that is (was test_popover's test_a_backlink_lands_on_the_mention...).
    assert mention.evaluate("a => a.classList.contains('glossary-term')")
    highlight = "a => getComputedStyle(a).backgroundColor"
    assert mention.evaluate(highlight) not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.locator(f"article a.glossary-term:not([id='{target}'])").first
    assert other.evaluate(highlight) in ("rgba(0, 0, 0, 0)", "transparent")
    # Arriving from another site (a full page load), then entering the same address again
    # (Material swaps in a fresh copy of the page), land the same way.
    address = page.url
    page.goto("about:blank")
    for arrival in ("full page load", "same address again"):
        page.goto(address)
        wait_until_landed(page, target)
        mention = page.locator(f"#{target}")
        assert mention.evaluate("a => a.classList.contains('glossary-term--target')"), arrival
        assert 0.2 <= mention.bounding_box()["y"] / DESKTOP["height"] <= 0.45, arrival
        assert not page.locator(POPOVER).is_visible(), arrival


def test_the_title_reads_as_a_title_and_lines_hold_about_70_characters(open_tab):
    page = open_tab(ESSAY, DESKTOP)
    title = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('article h1'));"
        " return [s.fontWeight, s.color, getComputedStyle(document.querySelector('article > p:not([class])')).color]; }"
    )
    assert int(title[0]) >= 700 and title[1] == title[2]
    per_line = page.evaluate(
        """() => { let chars = 0, lines = 0;
          for (const p of document.querySelectorAll('article > p')) {
            const range = document.createRange(); range.selectNodeContents(p);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size > 2) { chars += p.textContent.length; lines += tops.size; } }
          return chars / lines; }"""
    )
    assert 60 <= per_line <= 80, per_line


def test_term_links_are_told_apart_from_ordinary_links(open_tab):
    page = open_tab(ESSAY, DESKTOP)
    term = page.locator("article p a.glossary-term").first.evaluate(
        "a => { const s = getComputedStyle(a); "
        "return [s.color, s.textDecorationStyle, getComputedStyle(a.parentElement).color, s.textDecorationLine]; }"
    )
    other = page.locator("article li a[href^='https://a16z.com']").first.evaluate(
        "a => { const s = getComputedStyle(a); return [s.color, s.textDecorationStyle]; }"
    )
    assert term[1] == "dotted" and term[0] == term[2]  # text-colored, dotted
    assert term[3] == "underline"  # underlined, not only colored (was test_popover's own test)
    assert other[1] == "solid" and other[0] != term[0]  # link-colored, solid


def test_the_first_screen_of_an_essay_tells_the_reader_about_definitions(open_tab):
    page = open_tab(ESSAY, PHONE, touch=True)
    hint = page.locator("article .essay-hint")
    assert hint.is_visible() and hint.bounding_box()["y"] < PHONE["height"]
    assert "dotted underline" in hint.text_content()


def test_mentioned_in_is_grouped_and_quiet(open_tab):
    page = open_tab("glossary/catastrophic-forgetting/", DESKTOP)
    groups = page.locator(".glossary-backlinks h3").all_text_contents()
    assert groups == ["Essays", "Other pages", "Glossary entries"]
    item = page.locator(".glossary-backlinks li").first
    assert item.evaluate("li => getComputedStyle(li).marginLeft") == "0px"
    mark = item.locator("mark").evaluate("m => getComputedStyle(m).backgroundColor")
    assert mark in ("rgba(0, 0, 0, 0)", "transparent")


def test_keyboard_reaches_the_first_term_with_visible_named_stops_only(open_tab):
    page = open_tab(ESSAY, DESKTOP)
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        # Judged once transitions end: Material fades a heading's permalink in as it takes focus.
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
        stop = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
              const name = (e.getAttribute('aria-label') || e.textContent || e.title || '').trim();
              const shown = el => { const b = el.getBoundingClientRect(), c = getComputedStyle(el);
                return b.width > 0 && b.height > 0 && c.visibility !== 'hidden' && parseFloat(c.opacity) > 0; };
              // A visually hidden radio shows its focus on its label (Material's palette toggle).
              const next = e.nextElementSibling;
              const visible = shown(e) || (e.matches('.md-option') && next && next.tagName === 'LABEL' && shown(next));
              return {term: e.matches('a.glossary-term'), visible: visible, name: name, tag: e.tagName}; }"""
        )
        stops.append(stop)
        assert stop["visible"] or stop["name"] in ("Skip to content",), stops
        assert stop["name"], stops
        if stop["term"]:
            break
    assert stops[-1]["term"], "no term within 40 tab stops"
    assert page.locator("#glossary-popover").is_visible()
    outline = page.evaluate("() => parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert outline >= 2


def test_on_a_phone_diagrams_are_the_narrow_layout_with_legible_text(open_tab):
    page = open_tab(ESSAY, PHONE, touch=True)
    for figure in page.locator("article figure").all():
        figure.scroll_into_view_if_needed()
        image = figure.locator("img:visible")
        assert image.count() == 1
        assert "-narrow-" in image.get_attribute("src")
        image.scroll_into_view_if_needed()
        # The lazy image has loaded, so its box has its drawn width.
        image.evaluate("img => img.complete && img.naturalWidth || new Promise(done => img.onload = done)")
        smallest = image.evaluate(
            """async img => { const svg = new DOMParser().parseFromString(
                 await (await fetch(img.src)).text(), 'image/svg+xml').documentElement;
               const scale = img.getBoundingClientRect().width / svg.viewBox.baseVal.width;
               const sizes = [...svg.querySelectorAll('text')].map(t => +t.getAttribute('font-size'));
               return Math.min(...sizes) * scale; }"""
        )
        assert smallest >= 14, smallest


# What the reader sees of the open lightbox: the image as drawn (object-fit: contain keeps its proportions
# inside its box), the caption's box, and the backdrop against the page's own background.
LIGHTBOX = """() => {
  const img = document.querySelector('.glightbox-container .gslide.current img'), box = img.getBoundingClientRect();
  const drawn = Math.min(box.width, box.height * img.naturalWidth / img.naturalHeight);
  const caption = document.querySelector('.gslide.current .gslide-desc').getBoundingClientRect();
  const overlay = getComputedStyle(document.querySelector('.goverlay'));
  return {drawn, imageBottom: box.bottom, captionTop: caption.top, captionHeight: caption.height,
          backdrop: overlay.backgroundColor, opacity: parseFloat(overlay.opacity),
          page: getComputedStyle(document.body).backgroundColor};
}"""


# Larger than on the page at every size: twice as large on a desktop, the window's whole width on a phone
# or a tablet, whose page already shows a diagram almost as wide as the window.
@pytest.mark.parametrize(
    "viewport, touch, larger",
    [
        (DESKTOP, False, 1.2),
        ({"width": 1024, "height": 768}, False, 1.2),
        ({"width": 768, "height": 1024}, True, 1.05),
        (PHONE, True, 1.05),
    ],
    ids=["1366x900", "1024x768", "768x1024-touch", "390x844-touch"],
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_lightbox_shows_a_diagram_larger_than_the_page_with_its_caption(open_tab, viewport, touch, larger, scheme):
    options = {"device_scale_factor": 3} if viewport == PHONE else {}
    page = open_tab(ESSAY, viewport, scheme, touch=touch, **options)
    figure = page.locator("article figure").first
    figure.scroll_into_view_if_needed()
    link = figure.locator("a.glightbox:visible")
    assert ("-narrow-" in link.get_attribute("href")) == (viewport == PHONE)
    image = link.locator("img")
    image.evaluate("img => img.complete && img.naturalWidth || new Promise(done => img.onload = done)")
    in_page = image.bounding_box()["width"]
    caption = " ".join(figure.locator("figcaption").text_content().split())
    link.tap() if touch else link.click()
    page.locator(".glightbox-container .gslide.current img").wait_for()
    wait_until_still(page)  # the lightbox has finished opening
    shown = page.evaluate(LIGHTBOX)
    assert shown["drawn"] > in_page * larger, (in_page, shown)
    # The whole caption (no "See more"), under the image, never over it.
    assert " ".join(page.locator(".gslide.current .gslide-desc").text_content().split()) == caption
    assert shown["captionTop"] >= shown["imageBottom"] - 1, shown
    # An opaque backdrop in the page's palette: nothing of the page shows through.
    assert shown["opacity"] == 1 and shown["backdrop"] == shown["page"], shown


def test_the_index_filter_narrows_the_list_as_the_reader_types(open_tab):
    page = open_tab("glossary/", DESKTOP)
    box = page.get_by_role("searchbox", name="Filter the glossary")
    box.fill("cache")
    visible = page.locator(".glossary-index dt:visible").all_text_contents()
    assert "KV Cache" in visible and len(visible) < 6
    assert page.locator(".glossary-filter-status").text_content() == f"{len(visible)} terms" or len(visible) == 1
    assert page.locator(".glossary-index h2:visible").count() < 5
    box.fill("low-rank")  # an alias, not in the title
    assert page.locator(".glossary-index dt:visible").all_text_contents() == ["LoRA (Low-Rank Adaptation)"]
    box.fill("")
    assert page.locator(".glossary-index dt:visible").count() == page.locator(".glossary-index dt").count()


def test_the_palette_toggle_works_with_the_deferred_bundle(open_tab):
    page = open_tab(ESSAY, DESKTOP)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    link = page.locator("article p a.glossary-term").first
    link.hover()
    page.locator(POPOVER).wait_for()


def test_the_404_page_search_link_opens_search(open_tab):
    page = open_tab("glossary/nothing-here/", DESKTOP)
    page.expected_errors.append("status of 404 (Not Found)")  # the page itself, served as a 404
    page.get_by_role("link", name="search the site").click()
    page.wait_for_function("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_on_a_phone_the_header_title_is_not_cut_and_the_home_buttons_match(open_tab):
    page = open_tab("", PHONE, touch=True)
    topic = page.locator(".md-header__topic .md-ellipsis").first
    assert topic.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1")
    widths = {round(b.bounding_box()["width"]) for b in page.locator("article a.md-button").all()}
    heights = {round(b.bounding_box()["height"]) for b in page.locator("article a.md-button").all()}
    assert len(widths) == 1 and len(heights) == 1, (widths, heights)  # one line each, the same width
