"""One build through the engine's Site, in memory and in milliseconds: no generator, no files.

What an adapter hands the Site (sources, pages, their HTML) and what it gets back
(files to add and move, linked pages, the two versions of each page, the decks).
"""

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from glossary.errors import GlossaryError
from glossary.options import Options
from glossary.site import ESSAY, INDEX, OTHER, STUDY, TERM, Page, Site, Source, relative_url

TERM_PAGES = {
    "glossary/token.md": "---\ntitle: Token\nsummary: A unit of text.\naliases: [word piece]\n---\n\nA token.\n",
    "glossary/context-window.md": (
        "---\ntitle: Context Window\nsummary: What a model can see at once.\nrelated: [token]\n---\n\nWindow.\n"
    ),
    "glossary/old-name.md": "---\ntitle: Weights\nsummary: The numbers a model learns.\nslug: weights\n---\n\nW.\n",
}
STUDY_ASSETS = {"assets/study.css", "assets/study.js", "assets/vendor/ts-fsrs/index.umd.js", "assets/learn.js"}


def sources(extra=()):
    pages = {**TERM_PAGES, "glossary/index.md": "# Glossary\n", "index.md": "# Home\n"}
    pages.update(dict.fromkeys(extra, "# Page\n"))
    return [Source(src, f"docs/{src}", lambda text=text: text) for src, text in pages.items()]


def collected_site(published=(), extra=(), **options):
    site = Site(Options(**options), site_url="https://example.org/docs/")
    result = site.collect(sources(extra), {path: f"docs/{path}" for path in published})
    return site, result


def page(src, url, title="A page", **meta):
    return Page(src, url, title, meta, f"docs/{src}")


def test_collect_reads_the_terms_moves_a_renamed_page_and_adds_redirects():
    site, result = collected_site()
    assert sorted(site.glossary.terms) == ["context-window", "token", "weights"]
    assert site.term_urls["weights"] == "glossary/weights/"
    assert {src: (where.dest, where.url) for src, where in result.moves.items()} == {
        "glossary/old-name.md": ("glossary/weights/index.html", "glossary/weights/")}
    redirect = LexborHTMLParser(result.files["glossary/word-piece/index.html"])
    assert redirect.css_first("a").attributes["href"] == "../token/"
    assert redirect.css_first("link[rel=canonical]").attributes["href"] == "https://example.org/docs/glossary/token/"
    assert result.note == "Glossary: 3 terms in glossary/, 1 alias redirects"


def test_a_redirect_may_not_take_the_place_of_a_page():
    with pytest.raises(GlossaryError, match="docs/glossary/word-piece.html: is published at glossary/word-piece/"):
        collected_site(published=["glossary/word-piece.html"])


def test_a_study_page_is_made_when_asked_and_its_files_are_there():
    site, result = collected_site(published=STUDY_ASSETS, study="study")
    assert site.study_src == "study/index.md" and result.files["study/index.md"].startswith("---\ntitle: Study")
    site, result = collected_site(published=STUDY_ASSETS, extra=["study.md"], study="study")
    assert site.study_src == "study.md" and "study.md" not in result.files  # the site's own page
    site, result = collected_site()
    assert site.study_src is None and not any(src.startswith("study") for src in result.files)


def test_a_study_page_without_its_files_is_an_error_naming_them():
    with pytest.raises(GlossaryError) as caught:
        collected_site(published=["assets/study.css"], study="study")
    assert "assets/vendor/ts-fsrs/index.umd.js, assets/study.js" in str(caught.value)
    assert str(caught.value).startswith("mkdocs.yml: ")


def test_the_kind_of_each_page():
    site, _ = collected_site(published=STUDY_ASSETS, study="study")
    assert site.kind(page("glossary/token.md", "glossary/token/")) == TERM
    assert site.kind(page("glossary/index.md", "glossary/")) == INDEX
    assert site.kind(page("study/index.md", "study/")) == STUDY
    assert site.kind(page("essays/one.md", "essays/one/")) == ESSAY
    assert site.kind(page("essays/notes.md", "essays/notes/", essay=False)) == OTHER
    assert site.kind(page("index.md", "")) == OTHER


def test_a_term_page_gets_its_head_meta_and_table_of_contents():
    site, _ = collected_site()
    linked = site.link(page("glossary/context-window.md", "glossary/context-window/", "Context Window"),
                       "<p>A window of tokens.</p>")
    tree = LexborHTMLParser(linked.html, is_fragment=True)
    assert tree.css_first("h1").text() == "Context Window"
    assert tree.css_first(".glossary-summary").text() == "What a model can see at once."
    assert tree.css_first("a.glossary-term").attributes["href"] == "../token/"
    assert linked.meta["description"] == "What a model can see at once."
    assert linked.meta["search"] == {"boost": 2}
    assert '"@type":"DefinedTerm"' in linked.meta["structured_data"]
    assert linked.toc == [("Related terms", "related-terms"), ("Mentioned in", "mentioned-in")]


def test_backlinks_are_rendered_once_on_the_term_page_and_search_reads_no_links():
    site, _ = collected_site()
    essay = page("essays/one.md", "essays/one/", "One")
    site.link(essay, "<h1>One</h1><h2 id='why'>Why</h2><p>Tokens fill the window.</p>")
    token = page("glossary/token.md", "glossary/token/", "Token")
    linked = site.link(token, "<p>A token.</p>")
    search = site.for_search(token, linked.html)
    reader = site.for_readers(token)
    assert "Mentioned in" not in search and "Mentioned in" in reader
    item = LexborHTMLParser(reader, is_fragment=True).css_first(".glossary-backlinks li a")
    assert item.attributes["href"] == "../../essays/one/#mention-token"
    assert item.text() == "One › Why"
    assert site.after_render(token) == search and site.for_readers(token) is None
    assert [t.slug for t in site.unmentioned()] == ["context-window", "weights"]  # "window" alone is no name
    site.close()


def test_an_essay_gets_a_byline_and_its_vocabulary_and_the_page_its_definitions():
    site, _ = collected_site(published=STUDY_ASSETS, study="study")
    essay = page("essays/2025/intro.md", "essays/2025/intro/", "Intro")
    linked = site.link(essay, "<h1>Intro</h1><p>The context window holds tokens, weights not.</p>")
    assert LexborHTMLParser(linked.html, is_fragment=True).css_first("h1").next.next.attributes["class"] == (
        "essay-byline")
    assert linked.toc == [("Vocabulary", "vocabulary")]
    search = LexborHTMLParser(site.for_search(essay, linked.html), is_fragment=True)
    assert search.css(".glossary-vocabulary") == []  # readers only: search would skip it, after parsing it
    reader = LexborHTMLParser(site.for_readers(essay), is_fragment=True)
    assert [a.text() for a in reader.css(".glossary-vocabulary ol a")] == ["Context Window", "Token", "Weights"]
    assert reader.css_first(".glossary-vocabulary__study a").attributes["href"] == "../../../study/?deck=2025-intro"
    assert len(reader.css("template.glossary-definitions")) == 1
    assert sorted(site.deck_files()) == [
        "study/decks/2025-intro.apkg", "study/decks/2025-intro.tsv", "study/decks/glossary.apkg",
        "study/decks/glossary.tsv"]


def test_two_essays_with_one_deck_id_are_an_error_naming_both():
    site, _ = collected_site()
    site.link(page("essays/2025/intro.md", "essays/2025/intro/"), "<p>Tokens.</p>")
    with pytest.raises(GlossaryError, match=r"docs/essays/2025-intro.md: its study deck would get the id "
                                            r"'2025-intro', which docs/essays/2025/intro.md has too"):
        site.link(page("essays/2025-intro.md", "essays/2025-intro/"), "<p>Tokens.</p>")


def test_a_page_can_turn_linking_off_and_a_wrong_mode_names_the_page():
    site, _ = collected_site()
    assert site.link(page("notes.md", "notes/", glossary=False), "<p>Tokens.</p>").html == "<p>Tokens.</p>"
    with pytest.raises(GlossaryError, match="docs/notes.md: has 'glossary: always' in its front matter"):
        site.link(page("notes.md", "notes/", glossary="always"), "<p>Tokens.</p>")


def test_the_index_lists_every_term_and_links_none_back():
    site, _ = collected_site()
    linked = site.link(page("glossary/index.md", "glossary/", "Glossary"), "<p>Every token here.</p>")
    assert [a.text() for a in LexborHTMLParser(linked.html).css(".glossary-index dt a")] == [
        "Context Window", "Token", "Weights"]
    # The letters are the page's own bar; its table of contents does not repeat them.
    assert [a.attributes["href"] for a in LexborHTMLParser(linked.html).css(".glossary-letters a")] == [
        "#letter-c", "#letter-t", "#letter-w"]
    assert not [anchor for _, anchor in linked.toc if anchor.startswith("letter-")]
    assert site.unmentioned() == list(site.glossary.terms.values())  # the index is no source of backlinks
    # Its filter's script, which no other page loads, from the page's own address.
    scripts = LexborHTMLParser(linked.html).css("script[src]")
    assert [s.attributes["src"] for s in scripts] == ["../assets/glossary/find.js"]
    assert "defer" in scripts[0].attributes


def test_the_404_page_gets_the_essays_and_the_terms_to_suggest_and_the_script_that_ranks_them():
    site, _ = collected_site(essays="essays")
    site.link(page("essays/one.md", "essays/one/", "Why Models Stop Learning"), "<p>Tokens.</p>")
    site.link(page("notes.md", "notes/", "Notes"), "<p>Tokens.</p>")  # not an essay: not suggested
    data = site.not_found_data()
    assert data["glossary_essays"] == [
        {"title": "Why Models Stop Learning", "url": "essays/one/", "names": ["one", "why-models-stop-learning"]}]
    assert [t["title"] for t in data["glossary_terms"]] == ["Context Window", "Token", "Weights"]  # A-Z
    token = next(t for t in data["glossary_terms"] if t["title"] == "Token")
    assert token["url"] == "glossary/token/" and {"token", "tokens", "word-piece"} <= set(token["names"])
    assert data["glossary_find_script"] == "assets/glossary/find.js" and data["glossary_index"] == "glossary/"


def test_without_directory_urls_pages_end_in_html():
    site = Site(Options(), directory_urls=False)
    site.collect(sources(), {})
    assert site.term_urls == {"context-window": "glossary/context-window.html", "token": "glossary/token.html",
                              "weights": "glossary/weights.html"}
    assert site.placement("glossary/index").url == "glossary/index.html"
    linked = site.link(page("essays/one.md", "essays/one.html"), "<p>Tokens.</p>")
    assert LexborHTMLParser(linked.html).css_first("a").attributes["href"] == "../glossary/token.html"


@pytest.mark.parametrize(
    "url, other, relative",
    [("glossary/token/", "essays/one/", "../../glossary/token/"), ("", "glossary/token/", "../.."),
     ("glossary/", "glossary/", "./"), ("a.html", "b/c.html", "../a.html"), ("study/decks/", ".", "study/decks/")],
)
def test_relative_urls_follow_the_generators_rule(url, other, relative):
    assert relative_url(url, other) == relative


def test_a_site_finished_after_the_build_gives_the_same_lists_decks_and_404_data_as_one_build():
    # Zensical links each page apart (and serves some from its cache): each page carries `page_data`,
    # JSON, and a pass over the built site puts the lists together (hooks/glossary_zensical.py).
    pages = [(page("essays/one.md", "essays/one/", "One"), "<h1>One</h1><p>The context window holds tokens.</p>"),
             (page("glossary/token.md", "glossary/token/", "Token"), "<p>Sits in a context window.</p>"),
             (page("notes.md", "notes/", "Notes"), "<p>Weights and tokens.</p>")]
    whole, _ = collected_site(published=STUDY_ASSETS, study="study", essays="essays")
    apart, _ = collected_site(published=STUDY_ASSETS, study="study", essays="essays")
    apart.finish_later = True
    data = []
    for each, html in pages:
        whole.link(each, html)
        linked = apart.link(each, html)
        apart.for_search(each, linked.html)
        assert "glossary-backlinks" not in (apart.for_readers(each) or "")  # not yet: other pages may mention it
        data.append(json.loads(json.dumps(apart.page_data(each))))
    finished, _ = collected_site(published=STUDY_ASSETS, study="study", essays="essays")
    for each in data:  # in the order the pages were linked, as the pass sorts them
        finished.add_page_data(each)
    for slug in ("token", "context-window", "weights"):
        url = whole.term_urls[slug]
        assert finished.term_lists_html(slug, url) == whole.term_lists_html(slug, url)
    assert finished.deck_files() == whole.deck_files()
    assert finished.not_found_data() == whole.not_found_data()


def test_links_are_written_from_the_source_where_the_generator_rebases_them():
    # Zensical reads a relative link as written in the page's source file, and rebases it to the page's address.
    site, _ = collected_site()
    essay = Page("essays/one.md", "essays/one/", "One", {}, "docs/essays/one.md", links_from="essays/one.md")
    linked = site.link(essay, "<p>Tokens.</p>")
    assert LexborHTMLParser(linked.html, is_fragment=True).css_first("a").attributes["href"] == "../glossary/token/"
    backlink = json.loads(json.dumps(site.page_data(essay)))
    assert backlink == {"src": "essays/one.md", "url": "essays/one/"}  # recorded only when finished later


def test_a_term_page_links_up_to_the_index_by_its_address_or_from_the_source_by_its_file():
    site, _ = collected_site()

    def eyebrow(page):
        html = site.link(page, "<p>Text.</p>").html
        return LexborHTMLParser(html, is_fragment=True).css_first(".glossary-eyebrow a").attributes["href"]

    assert eyebrow(page("glossary/token.md", "glossary/token/")) == "../"
    # Zensical would rebase "./" (the index's folder, from glossary/token.md) to ".././".
    sourced = Page("glossary/token.md", "glossary/token/", "Token", {}, "docs/glossary/token.md",
                   links_from="glossary/token.md")
    assert eyebrow(sourced) == "index.md"
