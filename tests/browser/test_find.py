"""Finding a page by any spelling in a real browser: the glossary index's filter and the 404 page's
suggestions (docs/assets/glossary/find.js, which only those two pages load)."""

from __future__ import annotations

import pytest

DESKTOP = {"width": 1366, "height": 900}
SMALL_DESKTOP = {"width": 1024, "height": 768}
TABLET = {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}
SIZES = [
    pytest.param(DESKTOP, False, id="desktop"),
    pytest.param(SMALL_DESKTOP, False, id="small-desktop"),
    pytest.param(TABLET, True, id="tablet"),
    pytest.param(PHONE, True, id="phone"),
]

FILTER = "input.glossary-filter"
# What the reader sees of the index: the terms in order, the letter sections and the letter links shown.
SHOWN = """() => {
  const seen = selector => [...document.querySelectorAll(selector)].filter(e => e.checkVisibility());
  return {
    terms: seen('.glossary-index dt').map(e => e.textContent),
    sections: seen('.glossary-index h2[id]').map(e => e.id),
    letters: seen('.glossary-letters a').map(e => e.hash.slice(1)),
    status: document.querySelector('.glossary-filter-status').textContent,
  };
}"""


def shown_for(page, words):
    page.locator(FILTER).fill(words)
    return page.evaluate(SHOWN)


@pytest.mark.parametrize("size, touch", SIZES)
def test_the_filter_puts_name_matches_first_and_forgives_a_slip(open_tab, size, touch):
    page = open_tab("glossary/", size, touch=touch)
    # "weights" is in fifteen summaries; the term it names comes first, the others stay under their letters.
    shown = shown_for(page, "weights")
    assert shown["terms"][0] == "Parameters / Weights", shown
    assert len(shown["terms"]) > 3 and shown["status"] == f"{len(shown['terms'])} terms"
    assert page.locator(".glossary-matches h2").is_visible()
    # The letter bar links only the letters whose section is shown, and every one of those.
    assert shown["letters"] == shown["sections"] and 0 < len(shown["sections"]) < 16, shown
    for words, first in [("catastrofic", "Catastrophic Forgetting"), ("forgeting", "Catastrophic Forgetting"),
                         ("in context", "In-Context Learning (ICL)"), ("halucination", "Hallucination"),
                         ("icl", "In-Context Learning (ICL)"), ("distilation", "Distillation")]:
        shown = shown_for(page, words)
        assert shown["terms"] and shown["terms"][0] == first, (words, shown)
    # Emptied, the list is whole again, A-Z under every letter.
    shown = shown_for(page, "")
    assert len(shown["terms"]) == page.locator(".glossary-index dt").count() and shown["status"] == ""
    assert shown["letters"] == shown["sections"] and len(shown["sections"]) >= 16
    assert shown["terms"] == sorted(shown["terms"], key=lambda t: t.lower().removeprefix("the ")), shown
    assert page.locator(".glossary-matches").is_hidden()


def test_a_filter_that_matches_nothing_offers_the_site_search_with_its_words(open_tab):
    page = open_tab("glossary/", DESKTOP)
    shown = shown_for(page, "polaroids")  # in the essay, in no term
    assert shown["terms"] == [] and shown["letters"] == [], shown
    assert shown["status"] == "No term matches \u201cpolaroids\u201d."
    link = page.get_by_role("link", name="Search the whole site?")
    link.click()
    page.wait_for_function("document.getElementById('__search').checked")
    assert page.locator("input.md-search__input").input_value() == "polaroids"
    page.locator(".md-search-result__item a[href*='essays/continual-learning/']").first.wait_for()
    # Once there is a match again, the link goes.
    page.keyboard.press("Escape")
    shown_for(page, "token")
    assert link.is_hidden()


def test_the_filter_works_after_instant_navigation_and_is_kept_on_the_way_back(open_tab):
    page = open_tab("", DESKTOP)
    # Instant navigation to the index: Material loads the page's script, which runs its filter.
    page.locator(".md-sidebar--primary a[href$='glossary/']").first.click()
    page.wait_for_url("**/glossary/")
    page.locator(FILTER).wait_for()
    assert page.evaluate("!!window.document$") and page.evaluate("!!window.glossaryFind")
    shown = shown_for(page, "weights")
    assert shown["terms"][0] == "Parameters / Weights"
    count = len(shown["terms"])
    page.locator(".glossary-matches a", has_text="Parameters / Weights").click()
    page.locator("article h1", has_text="Parameters / Weights").wait_for()
    page.go_back()
    page.wait_for_function("document.querySelector('input.glossary-filter')?.value === 'weights'")
    shown = page.evaluate(SHOWN)
    assert shown["terms"][0] == "Parameters / Weights" and len(shown["terms"]) == count, shown
    # The script ran on each arrival; the page was set up once, and filters as before.
    shown = shown_for(page, "catastrofic")
    assert shown["terms"] == ["Catastrophic Forgetting"] and shown["status"] == "1 term", shown
    assert page.locator(".glossary-matches").count() == 1


@pytest.mark.parametrize(
    "address, first",
    [
        ("glosary/rag/", "Retrieval-Augmented Generation (RAG)"),  # closest first, not A-Z
        ("glossary/forgetting/", "Catastrophic Forgetting"),      # a word of a name
        ("essays/continual-learnin/", "Why AI Models Stop Learning"),  # an essay, not the term
        ("glossary/kv-caches/", "KV Cache"),  # a plural
        ("glossary/tokens/", "Token"),
        ("glossary/transfomer/", "Transformer"),  # a slip
    ],
)
def test_the_404_page_suggests_the_closest_pages_first(page, address, first):
    page.expected_errors.append("status of 404 (Not Found)")
    response = page.goto(page.base + address)
    assert response.status == 404
    suggestions = page.locator("ul.glossary-suggestions li:visible a")
    suggestions.first.wait_for()
    assert suggestions.first.text_content() == first, suggestions.all_text_contents()
    assert suggestions.count() <= 3
    suggestions.first.click()  # and it leads there
    page.locator("article h1", has_text=first.split(" (")[0]).wait_for()


def test_the_404_page_search_link_is_filled_with_the_words_of_the_address(open_tab):
    page = open_tab(None, PHONE, touch=True)
    page.expected_errors.append("status of 404 (Not Found)")
    page.goto(page.base + "glossary/Catastrophic-Forgeting/")  # any case
    assert page.locator("ul.glossary-suggestions li:visible a").first.text_content() == "Catastrophic Forgetting"
    page.get_by_role("link", name="search the site").click()
    page.wait_for_function("document.getElementById('__search').checked")
    assert page.locator("input.md-search__input").input_value() == "catastrophic forgeting"
