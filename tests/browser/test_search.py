"""Searching the site in a real browser, with Material's own search."""

import re

from support import TERMS

# Counts the messages sent to Material's search worker and its answers, one per message. A slow worker
# hands each answer on `lag` ms late, in order, as a loaded machine might: the reader's next keys are
# sent before the answers to the last ones arrive.
COUNT_WORKER_MESSAGES = """lag => {
  window.__worker = {sent: 0, answered: 0};
  window.Worker = class extends window.Worker {
    constructor(...args) { super(...args); this.addEventListener('message', () => window.__worker.answered++); }
    postMessage(...args) { window.__worker.sent++; return super.postMessage(...args); }
    addEventListener(type, listener, ...rest) {
      const late = lag && type === 'message' ? event => setTimeout(() => listener.call(this, event), lag) : listener;
      return super.addEventListener(type, late, ...rest);
    }
  };
}"""


def open_search(page, lag=0):
    """The home page with the search box open and its index loaded."""
    page.add_init_script(f"({COUNT_WORKER_MESSAGES})({lag})")
    page.goto(page.base)
    page.locator("input.md-search__input").click()
    # Material loads the index in a worker; typing before it is ready finds nothing.
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()


def search(page, query):
    """Type a query into the open search box (emptied first) and return the result links, best first."""
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    box.press_sequentially(query)  # Material searches on key events
    page.locator(".md-search-result__item").first.wait_for()
    # Results come from the worker, query by query as the keys go in: read them once it has answered
    # every query, the last key's included, and the answer is drawn.
    page.wait_for_function("window.__worker.answered >= window.__worker.sent")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


ALIASES = [
    ("ICL", "in-context-learning"),
    ("RAG", "retrieval-augmented-generation"),
    ("weights", "parameters-weights"),
    ("SFT", "instruction-tuning"),
    ("KV caches", "kv-cache"),
]


def test_an_alias_or_abbreviation_finds_its_term_first(page):
    # One page and one search index for all the queries (the box emptied between them).
    open_search(page)
    for query, term in ALIASES:
        results = search(page, query)
        assert results[0].split("?")[0] == f"{page.base}glossary/{term}/", query


def test_an_abbreviation_or_a_quoted_sentence_finds_its_page_and_no_list_of_backlinks(page):
    # "ICL" once gave seven results, five of them "Mentioned in" lists naming In-Context Learning.
    open_search(page)
    results = search(page, "ICL")
    assert results[0].split("?")[0] == f"{page.base}glossary/in-context-learning/"
    assert not any("#mentioned-in" in href for href in results)
    # Each result's snippet starts with the page's text, not with the label of a control.
    for snippet in page.locator(".md-search-result__item > a article p:first-of-type").all_text_contents():
        assert not re.match(r"\s*(Copy link|Glossary\b|Also called)", snippet), snippet
    first = page.locator(".md-search-result__item > a article p").first.text_content()
    assert first.startswith(TERMS["in-context-learning"]["summary"][:40])  # the term's summary opens it
    assert page.locator(".md-search-result__item").first.locator("details").count() == 0  # no empty second section

    # The sentence is quoted in the "Mentioned in" list of the term it mentions (same page, box emptied).
    results = search(page, "Long agent runs are where the limits")
    assert results[0].split("?")[0].startswith(f"{page.base}glossary/agentic-loops/")
    assert not any("#mentioned-in" in href for href in results)


def test_a_term_whose_name_holds_the_query_comes_first_and_the_script_comes_with_search(page):
    page.add_init_script(COUNT_WORKER_MESSAGES.join(("(", ")(0)")))
    page.goto(page.base)
    fetched = "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/glossary/search.js'))"
    assert not page.evaluate(fetched)  # a reader who never searches never fetches it
    page.locator("input.md-search__input").click()
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    page.wait_for_function(fetched)
    # lunr scored "in*" prefixes (Prompt Injection, Inference) above In-Context Learning, 6th in the review.
    # "context": Context Window, whose name starts with it, before In-Context Learning, which holds it.
    for query, first in [("in context", "in-context-learning"), ("in-context", "in-context-learning"),
                         ("context", "context-window"), ("in cont", "in-context-learning")]:
        results = search(page, query)
        assert results[0].split("?")[0] == f"{page.base}glossary/{first}/", (query, results)


def test_a_misspelling_finds_its_term_and_says_the_results_are_for_similar_spellings(page):
    # A slow worker: the retry must be for the reader's last query, and only its answer is "similar".
    open_search(page, lag=60)
    meta = page.locator(".md-search-result__meta")
    for query, term in [("catastrofic", "catastrophic-forgetting"), ("forgeting", "catastrophic-forgetting"),
                        ("catastrofic forgeting", "catastrophic-forgetting"), ("halucination", "hallucination")]:
        results = search(page, query)
        assert results[0].split("?")[0] == f"{page.base}glossary/{term}/", (query, results)
        assert meta.text_content().strip() == "No exact match; results for similar spellings", query
        assert page.locator("input.md-search__input").input_value() == query  # what the reader typed
    # A word spelt right is searched as it is, and a word found nowhere still finds nothing.
    search(page, "catastrophic")
    assert re.fullmatch(r"\d+ matching documents", meta.text_content().strip())
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially("xqzzyv")
    page.wait_for_function("window.__worker.answered >= window.__worker.sent && window.__worker.sent > 0")
    meta.filter(has_text="No matching documents").wait_for()


def test_answers_to_words_rubbed_out_are_not_taken_for_the_next_query(page):
    # On a loaded machine the answers to what the reader typed and rubbed out arrive after the box is
    # empty. The retry once took their result counts for Material's idle messages, and left the answer
    # to the next misspelling ("catastrofic forgeting", the same 18 documents) without its line.
    open_search(page, lag=150)
    box = page.locator("input.md-search__input")
    box.press_sequentially("catastrophic forgetting")
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function("window.__worker.answered >= window.__worker.sent")
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    results = search(page, "catastrofic forgeting")
    assert results[0].split("?")[0] == f"{page.base}glossary/catastrophic-forgetting/", results
    meta = page.locator(".md-search-result__meta").text_content().strip()
    assert meta == "No exact match; results for similar spellings"
