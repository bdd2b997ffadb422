"""The study page in a real browser: cards by keyboard and by touch, FSRS's schedule, progress that lasts."""

from __future__ import annotations

import datetime
import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import expected_due, stored, wait_until_still
from support import TERMS

STUDY = "study/"
KEY = "glossary-study/v2/term"  # one schedule per term and kind of card, whichever deck shows it
SENTENCE_KEY = "glossary-study/v2/sentence"
START = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)
# Every term page is a new card in the whole-glossary deck.
TERM_COUNT = len(TERMS)


def study(open_tab, url=STUDY, clock=True, **options):
    """A tab on the study page (or `url`), its time standing still at START unless clock=False."""
    page = open_tab(url, clock=START if clock else None, **options)
    if url.startswith(STUDY):
        page.locator(".glossary-study__card").wait_for()
    return page


def test_keyboard_reveals_grades_and_the_schedule_is_fsrs_own(open_tab):
    page = study(open_tab)
    prompt = page.locator(".glossary-study__prompt")
    first = prompt.text_content()
    assert first == "Agentic Loops"  # the glossary deck, in the index's order
    page.keyboard.press("Space")
    answer = page.locator(".glossary-study__answer")
    assert answer.get_attribute("aria-live") == "polite"  # the revealed answer is announced
    assert TERMS["agentic-loops"]["summary"] in answer.text_content()
    assert page.evaluate("document.activeElement.textContent").startswith("Good3")  # focus is on a grade
    labels = page.locator(".glossary-study__grade").all_text_contents()
    assert [label[:4] for label in labels] == ["Agai", "Hard", "Good", "Easy"]
    assert all("in " in label for label in labels)  # the next interval on each button
    page.keyboard.press("3")
    assert prompt.text_content() != first
    assert page.evaluate("document.activeElement.classList.contains('glossary-study__reveal')")
    card = stored(page)["cards"]["agentic-loops"]
    assert card["due"].replace("Z", "") == expected_due(page, [(0, 3)], START).replace("Z", "")
    # Eleven minutes on, the card is due again; a second Good follows FSRS from the same history.
    page.clock.pause_at(START + datetime.timedelta(minutes=11))
    page.reload()
    page.locator(".glossary-study__card").wait_for()
    assert prompt.text_content() == "Agentic Loops"
    page.keyboard.press("Enter")
    page.keyboard.press("3")
    due = stored(page)["cards"]["agentic-loops"]["due"]
    assert due.replace("Z", "") == expected_due(page, [(0, 3), (11, 3)], START).replace("Z", "")
    assert "Streak: 1 day" in page.locator(".glossary-study__stats").text_content()


def test_touch_works_at_phone_width_with_large_buttons(open_tab):
    page = study(open_tab, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.locator(".glossary-study__reveal").tap()
    grades = page.locator(".glossary-study__grade")
    for i in range(4):
        box = grades.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44 and box["x"] + box["width"] <= 390
    grades.nth(3).tap()  # Easy
    assert stored(page)["cards"]["agentic-loops"]["state"] == 2  # FSRS's Review state


def test_progress_survives_a_reload_and_an_instant_navigation(open_tab):
    page = study(open_tab)
    page.keyboard.press("Space")
    page.keyboard.press("4")
    assert f"New: {TERM_COUNT - 1}" in page.locator(".glossary-study__stats").text_content()
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary a", has_text="Home").first.click()
    page.wait_for_url(page.base)
    page.locator("nav.md-nav--primary a", has_text="Study").first.click()
    page.locator(".glossary-study__stats").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not keep the document"
    assert f"New: {TERM_COUNT - 1}" in page.locator(".glossary-study__stats").text_content()
    assert page.locator(".glossary-study__prompt").text_content() == "AI Agent"  # the index's second entry
    page.reload()
    page.locator(".glossary-study__card").wait_for()
    assert f"New: {TERM_COUNT - 1}" in page.locator(".glossary-study__stats").text_content()


def test_an_essays_study_link_opens_its_own_deck(open_tab):
    page = study(open_tab, "essays/continual-learning/")
    first_term = page.locator(".glossary-vocabulary ol > li > a").first.text_content()
    page.locator(".glossary-vocabulary a", has_text="Study these").click()
    page.locator(".glossary-study__card").wait_for()
    assert page.locator(".glossary-study__controls select").first.input_value() == "continual-learning"
    assert page.locator(".glossary-study__prompt").text_content() == first_term  # the essay's deck, in its order


def decks_of(page):
    return page.evaluate("JSON.parse(document.querySelector('template.glossary-study-decks').content.textContent)")


def test_a_sentence_card_leaves_the_term_out_and_its_answer_completes_the_sentence(open_tab):
    page = study(open_tab, STUDY + "#deck=continual-learning")
    page.locator(".glossary-study__controls select").nth(1).select_option("sentence")
    prompt = page.locator(".glossary-study__prompt")
    assert prompt.locator(".glossary-study__gap").count() == 1
    data = decks_of(page)
    slug = next(s for s in data["decks"][1]["cards"] if "sentence" in data["cards"][s])
    before, term, after = data["cards"][slug]["sentence"]
    assert term.lower() not in prompt.text_content().lower()
    page.keyboard.press("Space")
    # The answer: the same sentence, the term filled into its blank and marked.
    assert " ".join(prompt.text_content().split()) == " ".join((before + term + after).split())
    assert prompt.locator("mark.glossary-study__filled").text_content() == term
    assert prompt.locator(".glossary-study__gap").count() == 0
    assert page.locator(".glossary-study__title").text_content() == data["cards"][slug]["title"]


def test_a_term_learned_in_one_deck_is_learned_in_every_deck(open_tab):
    # Before, progress was kept per deck: after a card in the whole glossary, the essay's deck said "New: 47".
    page = study(open_tab)
    essay = next(d for d in decks_of(page)["decks"] if d["id"] == "continual-learning")
    first = page.locator(".glossary-study__prompt").text_content()
    slug = next(s for s, fm in TERMS.items() if fm["title"] == first)
    assert slug in essay["cards"]
    page.keyboard.press("Space")
    page.keyboard.press("4")  # Easy: not due again today
    page.locator(".glossary-study__controls select").first.select_option("continual-learning")
    stats = page.locator(".glossary-study__stats")
    assert f"New: {len(essay['cards']) - 1}" in stats.text_content() and "Learned: 1" in stats.text_content()
    assert page.locator(".glossary-study__prompt").text_content() != first
    # Reset in the essay's deck forgets its terms in the whole glossary too, and says so.
    page.get_by_role("button", name="Reset these cards").click()
    page.get_by_role("button", name=f"erase the progress of these {len(essay['cards'])} cards, in every deck").click()
    page.locator(".glossary-study__controls select").first.select_option("glossary")
    assert f"New: {TERM_COUNT}" in stats.text_content() and stored(page) == {"cards": {}}


def reviewed_card(page, iso, grade):
    """An FSRS card, as stored, first reviewed at `iso` with `grade`."""
    return page.evaluate(
        """([iso, grade]) => { const f = FSRS.fsrs(FSRS.generatorParameters({enable_fuzz: false}));
          const card = f.next(FSRS.createEmptyCard(new Date(iso)), new Date(iso), grade).card;
          return JSON.parse(JSON.stringify(card)); }""",
        [iso, grade],
    )


def test_progress_kept_per_deck_by_an_earlier_version_is_merged_once_and_removed(open_tab):
    page = study(open_tab)
    earlier = reviewed_card(page, "2026-11-20T10:00:00Z", 1)
    later = reviewed_card(page, "2026-11-25T10:00:00Z", 4)
    sentence = reviewed_card(page, "2026-11-22T10:00:00Z", 3)
    old = {
        "glossary-study/v1/glossary/term": {"cards": {"agentic-loops": earlier, "ai-agent": earlier}},
        "glossary-study/v1/continual-learning/term": {"cards": {"agentic-loops": later, "no-such-term": later}},
        "glossary-study/v1/continual-learning/sentence": {"cards": {"agentic-loops": sentence}},
        "glossary-study/v1/streak": {"day": "2026-12-01", "days": 4},
    }
    page.evaluate("old => Object.entries(old).forEach(([k, v]) => localStorage.setItem(k, JSON.stringify(v)))", old)
    page.reload()
    page.locator(".glossary-study__card").wait_for()
    cards = stored(page)["cards"]
    assert cards["agentic-loops"] == later  # the card reviewed last wins
    assert cards["ai-agent"] == earlier and "no-such-term" not in cards  # a term the site no longer has drops out
    assert stored(page, SENTENCE_KEY) == {"cards": {"agentic-loops": sentence}}
    assert stored(page, "glossary-study/v2/streak") == {"day": "2026-12-01", "days": 4}
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('glossary-study/v1/'))") == []
    assert "Streak: 4 days" in page.locator(".glossary-study__stats").text_content()
    assert f"New: {TERM_COUNT - 2}" in page.locator(".glossary-study__stats").text_content()


def test_an_export_file_of_the_earlier_version_is_imported(open_tab, tmp_path):
    page = study(open_tab)
    card = reviewed_card(page, "2026-11-25T10:00:00Z", 4)
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"app": "glossary-study", "version": 1, "exported": "2026-11-26T00:00:00Z",
                               "decks": {"continual-learning/term": {"cards": {"agentic-loops": card}}},
                               "streak": {"day": "", "days": 0}}))
    page.locator(".glossary-study__import input").set_input_files(str(old))
    page.locator(".glossary-study__note").filter(has_text="Progress imported").wait_for()
    assert stored(page) == {"cards": {"agentic-loops": card}}  # now in every deck, the whole glossary's too
    assert f"New: {TERM_COUNT - 1}" in page.locator(".glossary-study__stats").text_content()


def in_view(page, selector):
    """Whether the element is wholly in the window and below Material's header."""
    return page.evaluate(
        """s => { const box = document.querySelector(s).getBoundingClientRect();
          const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
          return box.height > 0 && box.top >= header && box.bottom <= innerHeight; }""",
        selector,
    )


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 768, "height": 1024}])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["term", "sentence"])
def test_on_a_touch_screen_one_card_fits_one_screen(open_tab, viewport, scheme, kind):
    # Before, "Show answer" scrolled the prompt out of sight, and after a grade the next prompt sat under
    # the header; the buttons showed keyboard hints, and Material's "Back to top" floated over them.
    page = study(open_tab, STUDY + "?deck=continual-learning", viewport=viewport, scheme=scheme, touch=True)
    page.locator(".glossary-study__controls select").nth(1).select_option(kind)
    for _ in range(6):
        page.locator(".glossary-study__reveal").tap()
        for part in (".glossary-study__prompt", ".glossary-study__answer", ".glossary-study__grades"):
            assert in_view(page, part), part
        assert page.locator(".glossary-study kbd:visible").count() == 0
        page.locator(".glossary-study__grade").nth(2).tap()
        assert in_view(page, ".glossary-study__prompt") and in_view(page, ".glossary-study__reveal")
    # Material shows its "Back to top" button when the page scrolls up: never on this page.
    assert page.locator(".md-top").evaluate("top => getComputedStyle(top).display") == "none"


def test_with_a_keyboard_the_hints_show_and_the_card_stays_in_view(open_tab):
    page = study(open_tab, viewport={"width": 1366, "height": 900})
    assert page.locator(".glossary-study__reveal kbd").is_visible()
    for _ in range(3):
        page.keyboard.press("Space")
        assert page.locator(".glossary-study__grade kbd").first.is_visible()
        assert in_view(page, ".glossary-study__prompt") and in_view(page, ".glossary-study__grades")
        page.keyboard.press("3")
        assert in_view(page, ".glossary-study__prompt")


def test_a_corrupt_saved_value_is_discarded_with_a_note(open_tab):
    page = study(open_tab)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{\"cards\": {{\"token\": {{\"due\": \"soon\"}}}}}}')")
    page.reload()
    page.locator(".glossary-study__card").wait_for()
    assert "could not be read" in page.locator(".glossary-study__note").text_content()
    assert stored(page) is None
    assert f"New: {TERM_COUNT}" in page.locator(".glossary-study__stats").text_content()


def test_export_then_import_restores_progress_and_a_foreign_file_is_refused(open_tab, tmp_path):
    page = study(open_tab)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["app"] == "glossary-study" and data["version"] == 2
    assert "agentic-loops" in data["kinds"]["term"]["cards"]

    page.get_by_role("button", name="Reset these cards").click()
    armed = f"Press again to erase the progress of these {TERM_COUNT} cards, in every deck"
    page.get_by_role("button", name=armed).click()
    assert stored(page) == {"cards": {}}
    assert f"New: {TERM_COUNT}" in page.locator(".glossary-study__stats").text_content()

    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"app": "something-else", "decks": {}}))
    page.locator(".glossary-study__import input").set_input_files(str(foreign))
    note = page.locator(".glossary-study__note")
    note.filter(has_text="nothing was imported").wait_for()
    assert stored(page) == {"cards": {}}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    page.locator(".glossary-study__import input").set_input_files(str(broken))
    note.filter(has_text="nothing was imported").wait_for()

    page.locator(".glossary-study__import input").set_input_files(str(exported))
    note.filter(has_text="Progress imported").wait_for()
    assert "agentic-loops" in stored(page)["cards"]
    assert f"New: {TERM_COUNT - 1}" in page.locator(".glossary-study__stats").text_content()


def test_it_works_from_a_file_url(open_tab, site):
    page = open_tab((site.root / "study" / "index.html").as_uri())
    page.locator(".glossary-study__reveal").click()
    assert page.locator(".glossary-study__summary").is_visible()
    page.keyboard.press("1")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is not None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_study_page(open_tab, scheme):
    page = study(open_tab, clock=False, color_scheme=scheme)  # axe runs on timers
    axe = Axe()

    def violations():
        # Once transitions end: Material's header fades its title in as the page scrolls.
        wait_until_still(page)
        return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe.run(page).response["violations"]]

    assert violations() == []
    page.keyboard.press("Space")
    assert page.locator(".glossary-study__summary").is_visible()
    assert violations() == []
