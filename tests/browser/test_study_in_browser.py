"""The study page in a real browser: cards by keyboard and by touch, FSRS's schedule, progress that lasts."""

from __future__ import annotations

import datetime
import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import wait_until_still
from support import TERMS

STUDY = "study/"
KEY = "glossary-study/v1/glossary/term"
START = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)
# Every term page is a new card in the whole-glossary deck.
TERM_COUNT = len(TERMS)


def study(open_tab, url=STUDY, clock=True, **options):
    """A tab on the study page (or `url`), its time standing still at START unless clock=False."""
    page = open_tab(url, clock=START if clock else None, **options)
    if url.startswith(STUDY):
        page.locator(".glossary-study__card").wait_for()
    return page


def stored(page, key=KEY):
    value = page.evaluate(f"localStorage.getItem('{key}')")
    return json.loads(value) if value else None


def expected_due(page, history):
    """What ts-fsrs itself gives for a card graded `history` ([(minutes after START, grade)]), as ISO text."""
    return page.evaluate(
        """([start, history]) => {
          const f = FSRS.fsrs(FSRS.generatorParameters({enable_fuzz: false}));
          let card = FSRS.createEmptyCard(new Date(start));
          for (const [minutes, grade] of history) card = f.next(card, new Date(start + minutes * 60000), grade).card;
          return card.due.toISOString(); }""",
        [START.timestamp() * 1000, history],
    )


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
    assert card["due"].replace("Z", "") == expected_due(page, [(0, 3)]).replace("Z", "")
    # Eleven minutes on, the card is due again; a second Good follows FSRS from the same history.
    page.clock.pause_at(START + datetime.timedelta(minutes=11))
    page.reload()
    page.locator(".glossary-study__card").wait_for()
    assert prompt.text_content() == "Agentic Loops"
    page.keyboard.press("Enter")
    page.keyboard.press("3")
    due = stored(page)["cards"]["agentic-loops"]["due"]
    assert due.replace("Z", "") == expected_due(page, [(0, 3), (11, 3)]).replace("Z", "")
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


def test_a_sentence_card_leaves_the_term_out(open_tab):
    page = study(open_tab, STUDY + "#deck=continual-learning")
    page.locator(".glossary-study__controls select").nth(1).select_option("sentence")
    prompt = page.locator(".glossary-study__prompt")
    assert prompt.locator(".glossary-study__gap").count() == 1
    page.keyboard.press("Space")
    title = page.locator(".glossary-study__title").text_content()
    assert title.split(" (")[0].lower() not in prompt.text_content().lower()


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
    assert data["app"] == "glossary-study" and "agentic-loops" in data["decks"]["glossary/term"]["cards"]

    page.get_by_role("button", name="Reset this deck").click()
    page.get_by_role("button", name="Press again to erase this deck's progress").click()
    assert stored(page) is None and f"New: {TERM_COUNT}" in page.locator(".glossary-study__stats").text_content()

    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"app": "something-else", "decks": {}}))
    page.locator(".glossary-study__import input").set_input_files(str(foreign))
    note = page.locator(".glossary-study__note")
    note.filter(has_text="nothing was imported").wait_for()
    assert stored(page) is None
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
