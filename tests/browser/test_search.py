"""Searching the site in a real browser, with Material's own search."""

import re

import pytest

from support import TERMS


def search(page, query):
    """Type a query into the search box and return the result links, best first."""
    page.goto(page.base)
    page.locator("input.md-search__input").click()
    # Material loads the index in a worker; typing before it is ready finds nothing.
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    page.locator("input.md-search__input").press_sequentially(query)  # Material searches on key events
    page.locator(".md-search-result__item").first.wait_for()
    # Results come from a worker, query by query as the keys go in: read them once they stop changing.
    results, settled = None, 0
    while settled < 3:
        page.wait_for_timeout(150)
        now = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
        settled = settled + 1 if now == results else 0
        results = now
    return results


@pytest.mark.parametrize(
    "query, term",
    [
        ("ICL", "in-context-learning"),
        ("RAG", "retrieval-augmented-generation"),
        ("weights", "parameters-weights"),
        ("SFT", "instruction-tuning"),
        ("KV caches", "kv-cache"),
    ],
)
def test_an_alias_or_abbreviation_finds_its_term_first(page, query, term):
    results = search(page, query)
    assert results[0].split("?")[0] == f"{page.base}glossary/{term}/"


def test_an_abbreviation_finds_its_term_and_no_list_of_backlinks(page):
    # "ICL" once gave seven results, five of them "Mentioned in" lists naming In-Context Learning.
    results = search(page, "ICL")
    assert results[0].split("?")[0] == f"{page.base}glossary/in-context-learning/"
    assert not any("#mentioned-in" in href for href in results)
    # Each result's snippet starts with the page's text, not with the label of a control.
    for snippet in page.locator(".md-search-result__item > a article p:first-of-type").all_text_contents():
        assert not re.match(r"\s*(Copy link|Glossary\b|Also called)", snippet), snippet
    first = page.locator(".md-search-result__item > a article p").first.text_content()
    assert first.startswith(TERMS["in-context-learning"]["summary"][:40])  # the term's summary opens it
    assert page.locator(".md-search-result__item").first.locator("details").count() == 0  # no empty second section


def test_a_quoted_sentence_finds_its_own_page_not_the_terms_quoting_it(page):
    # The sentence is quoted in the "Mentioned in" list of the term it mentions.
    results = search(page, "Long agent runs are where the limits")
    assert results[0].split("?")[0].startswith(f"{page.base}glossary/agentic-loops/")
    assert not any("#mentioned-in" in href for href in results)
