"""Learning while reading: a term's study state in its definition card, two reviews recorded from it
into the study page's own schedule, learned terms marked more quietly, and an essay's "You know 12 of
the 47 terms here" line. All in the reader's browser; the page without JavaScript is as built."""

from __future__ import annotations

import datetime
import json

import pytest

from browser_support import contrast, expected_due, over, stored, wait_until_instant
from support import TERMS

ESSAY = "essays/continual-learning/"
START = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)
SHOW = 300  # glossary.js SHOW_DELAY
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
KEY = "glossary-study/v2/term"  # study.js's progress of term cards, shared by every deck
STUDY_PART = "#glossary-popover .glossary-popover__study"

# Any CSS color as sRGB 0-255 and alpha 0-1 (Chromium may give oklab or color-mix).
RGBA = """c => { const x = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  x.fillStyle = c; x.fillRect(0, 0, 1, 1); const d = x.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2], d[3] / 255]; }"""


# The study part's text and button colors, and the opaque surface under them.
COLORS = f"""p => {{ const rgba = {RGBA}, s = getComputedStyle(p.querySelector('button'));
  let bg = 'transparent', e = p;
  while (e && rgba(bg)[3] === 0) {{ bg = getComputedStyle(e).backgroundColor; e = e.parentElement; }}
  return {{text: rgba(getComputedStyle(p.querySelector('p')).color), button: rgba(s.color), ground: rgba(bg)}}; }}"""


def learned_card(days_ahead, now=START):
    """An FSRS card past its learning steps, next due `days_ahead` days after `now`, as study.js stores it."""
    due = now + datetime.timedelta(days=days_ahead)
    return {"due": due.isoformat(), "stability": 20.0, "difficulty": 5.0, "elapsed_days": 0,
            "scheduled_days": days_ahead, "learning_steps": 0, "reps": 3, "lapses": 0, "state": 2,
            "last_review": (now - datetime.timedelta(days=1)).isoformat()}


def with_progress(open_tab, cards, url=ESSAY, viewport=DESKTOP, **options):
    """A tab whose browser already holds study progress for `cards` ({slug: card}), on `url`."""
    tab = open_tab(None, viewport, clock=START, **options)
    tab.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps({'cards': cards}))})")
    tab.goto(tab.base + url)
    return tab


def essay_terms(page):
    return page.locator(".glossary-vocabulary li a[data-term]").evaluate_all("as => as.map(a => a.dataset.term)")


def underline(link):
    return link.evaluate(f"a => ({RGBA})(getComputedStyle(a).textDecorationColor)")


def test_a_card_says_where_the_reader_stands_and_a_review_from_it_is_the_study_pages(open_tab):
    page = open_tab(ESSAY, DESKTOP, clock=START)
    slug = "catastrophic-forgetting"
    link = page.locator(f"article a.glossary-term[data-term='{slug}']").first
    other = page.locator("article a.glossary-term:not([data-term='catastrophic-forgetting'])").first
    link.hover()
    page.clock.run_for(SHOW + 50)
    status = page.locator(f"{STUDY_PART} p")
    assert status.text_content() == "New to you"
    assert stored(page) is None  # showing is not a review

    now = datetime.datetime.fromtimestamp(page.evaluate("Date.now()") / 1000, datetime.UTC)  # the page's own
    page.get_by_role("button", name="I knew this").click()
    page.wait_for_function(f"document.querySelector('{STUDY_PART} p').textContent.startsWith('Learned')")
    # Knowing a term met for the first time is FSRS's Easy: past the learning steps at once.
    card = stored(page)["cards"][slug]
    assert card["state"] == 2 and card["due"] == expected_due(page, [(0, 4)], now)
    days = round((datetime.datetime.fromisoformat(card["due"].replace("Z", "+00:00")) - now).total_seconds() / 86400)
    assert status.text_content() == f"Learned · next review in {days} days"
    # Every mention of it in the prose is now marked more quietly than the terms still to learn.
    assert page.locator(f"a.glossary-term[data-term='{slug}']:not(.glossary-term--learned)").count() == 0
    page_color = page.evaluate(f"({RGBA})(getComputedStyle(document.body).backgroundColor)")
    quiet, loud = over(underline(link), page_color), over(underline(other), page_color)
    assert contrast(quiet, page_color) < contrast(loud, page_color) / 1.5, (quiet, loud)

    # "Show me again" is FSRS's Again, on the same card: back to learning, and no longer quiet.
    page.get_by_role("button", name="Show me again").click()
    page.wait_for_function(f"document.querySelector('{STUDY_PART} p').textContent.startsWith('Learning')")
    again = stored(page)["cards"][slug]
    assert again["reps"] == card["reps"] + 1 and again["lapses"] == 1 and again["state"] == 3  # Relearning
    assert "glossary-term--learned" not in link.get_attribute("class")

    # The study page holds the same schedule: there the card is no longer new but due again today.
    page.goto(page.base + "study/")
    stats = page.locator(".glossary-study__stats")
    stats.wait_for()
    assert stats.text_content().startswith("Due today: 1 · "), stats.text_content()


def test_a_learned_term_is_quieter_and_the_essay_says_how_many_the_reader_knows(open_tab):
    # Nothing studied yet: no line, every term marked as usual.
    fresh = open_tab(ESSAY, DESKTOP)
    fresh.locator("article a.glossary-term").first.wait_for()
    fresh.wait_for_function("!!window.GlossaryLearn")
    assert fresh.locator(".glossary-known").count() == 0
    assert fresh.locator(".glossary-term--learned").count() == 0
    terms = essay_terms(fresh)
    assert len(terms) > 10

    learned = {slug: learned_card(12) for slug in terms[:2]}
    learned[terms[2]] = {**learned_card(12), "due": (START - datetime.timedelta(days=1)).isoformat()}  # due: not known
    page = with_progress(open_tab, learned)
    line = page.locator(".glossary-known")
    others = len(terms) - 2
    assert line.text_content() == f"You know 2 of the {len(terms)} terms here · review the {others} others"
    assert line.evaluate("p => p.previousElementSibling.className") == "essay-byline"  # under the title
    deck = page.locator(".glossary-vocabulary__study a").first.get_attribute("href")
    assert line.locator("a").get_attribute("href") == deck and "?deck=" in deck
    assert page.locator(f"a.glossary-term[data-term='{terms[0]}'].glossary-term--learned").count() >= 1
    assert page.locator(f"a.glossary-term[data-term='{terms[2]}'].glossary-term--learned").count() == 0
    assert page.locator(f"a.glossary-term[data-term='{terms[3]}'].glossary-term--learned").count() == 0

    # All of them known: the line says so, with nothing to review.
    page = with_progress(open_tab, {slug: learned_card(12) for slug in terms})
    assert page.locator(".glossary-known").text_content() == f"You know all {len(terms)} terms here"


def test_without_javascript_the_page_is_as_built_and_gives_no_tip_it_cannot_keep(open_tab):
    page = open_tab(None, DESKTOP, java_script_enabled=False)
    page.goto(page.base + ESSAY)
    assert page.locator(".glossary-known, .glossary-popover__study, .glossary-term--learned").count() == 0
    assert page.locator("script.glossary-learn").count() == 1  # the script is there for those who run it
    # Without a script no definition shows on hover, focus or tap: the tip that says so is hidden,
    # and a term is a link to its page.
    hint = page.locator("article .essay-hint")
    assert hint.count() == 1 and hint.is_hidden()
    link = page.locator("article a.glossary-term").first
    slug = link.get_attribute("data-term")
    link.click()
    page.wait_for_url(f"**/glossary/{slug}/")
    assert page.locator("article h1").text_content() == TERMS[slug]["title"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_sheet_has_the_state_and_both_reviews_within_thumb_reach(open_tab, scheme):
    page = open_tab(ESSAY, PHONE, scheme, touch=True)
    link = page.locator("article a.glossary-term").first
    slug = link.get_attribute("data-term")
    link.tap()
    part = page.locator(STUDY_PART)
    part.wait_for()
    assert part.locator("p").text_content() == "New to you"
    buttons = part.locator("button")
    assert buttons.evaluate_all("bs => bs.map(b => b.tabIndex)") == [0, 0]  # the sheet is a dialog: reachable
    for box in (buttons.nth(0).bounding_box(), buttons.nth(1).bounding_box()):
        assert box["height"] >= 40 and box["y"] + box["height"] <= PHONE["height"], box  # on screen, thumb-sized
    colors = part.evaluate(COLORS)
    ground = colors["ground"]
    assert contrast(over(colors["text"], ground), ground) >= 4.5, colors
    assert contrast(over(colors["button"], ground), ground) >= 4.5, colors
    part.get_by_role("button", name="Show me again").tap()
    page.wait_for_function(f"document.querySelector('{STUDY_PART} p').textContent.startsWith('Learning')")
    assert stored(page)["cards"][slug]["state"] == 1  # FSRS's Learning: seen, not yet known
    assert page.locator("#glossary-popover").is_visible()  # the reader stays in the paragraph


def test_after_instant_navigation_the_next_page_knows_the_reader_too(open_tab):
    # Material swaps the page without reloading scripts: learn.js runs again with the new page's content.
    page = open_tab(None, DESKTOP)
    page.goto(page.base + ESSAY)
    wait_until_instant(page)
    now = datetime.datetime.now(datetime.UTC)  # the page's clock runs here: Material's navigation needs it
    everything = {slug: learned_card(12, now) for slug in TERMS}
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps({'cards': everything}))})")
    followed = page.locator("article a.glossary-term").first
    slug = followed.get_attribute("data-term")
    followed.click()
    page.wait_for_url(f"**/glossary/{slug}/")
    page.locator("article h1").wait_for()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no full load
    mentions = page.locator("article a.glossary-term")
    assert mentions.count() > 0
    page.wait_for_function("[...document.querySelectorAll('article a.glossary-term')]"
                           ".every(a => a.classList.contains('glossary-term--learned'))")
    mentions.first.hover()
    page.locator(STUDY_PART).wait_for()
    assert page.locator(f"{STUDY_PART} p").text_content().startswith("Learned · next review in")
