"""The publish stage on its own: generated HTML is escaped and well formed, backlinks are data until rendered."""

import marshal
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from glossary.backlinks import ENTRIES, ESSAYS, OTHER_PAGES, Backlink, BacklinkSpool, section_html
from glossary.linker import Mention
from glossary.pages.definitions import definition_html, definitions_html
from glossary.pages.essay import byline_html, with_hint
from glossary.pages.index import index_html, sort_key
from glossary.pages.sharing import preview_description
from glossary.terms import Term

HOSTILE = "Quotes \" and ' & ampersands </script><img src=x onerror=alert(1)>"


def term(slug, title, summary="A sentence.", aliases=(), related=()):
    return Term(slug, title, summary, tuple(aliases), tuple(related), f"docs/glossary/{slug}.md")


def backlink(title, url, group=ESSAYS, section="", before="", text="X", after=""):
    return Backlink.of(Mention("x", "mention-x", section, "", before, text, after), title, url, group)


def test_definitions_are_inert_text_in_a_template():
    html = definitions_html([definition_html(term("x", "X <b>", HOSTILE))])
    tree = LexborHTMLParser(html, is_fragment=True)
    (template,) = tree.css("template.glossary-definitions")
    assert "data-search-exclude" in template.attributes
    assert tree.css("img, b, script") == []
    (content,) = template.parent.template_fragments() if template.parent else tree.root.template_fragments()
    entries = [(dt.attributes["data-term"], dt.text(), dt.next.text()) for dt in content.css("dt")]
    assert entries == [("x", "X <b>", HOSTILE)]


def test_no_definitions_no_script():
    assert definitions_html([]) == ""


def test_backlinks_escape_what_they_quote_and_link_the_page_as_the_term_page_sees_it():
    found = backlink("Essay & notes", "essays/essay/", section="Why <it> matters", before="a <b>bold</b> ",
                     after=" & more")
    html = section_html([found], lambda url: "../../" + url)
    tree = LexborHTMLParser(html, is_fragment=True)
    assert tree.css("b") == []
    item = tree.css_first("li")
    assert item.css_first("a").text() == "Essay & notes › Why <it> matters"
    assert item.css_first("a").attributes["href"] == "../../essays/essay/#mention-x"
    assert item.css_first("q").text() == "a <b>bold</b> X & more"
    assert item.css_first("mark").text() == "X"


@pytest.mark.parametrize("room", ["all", "none", "the first"])
def test_the_spool_gives_backlinks_back_unchanged_in_the_order_found(room):
    found = backlink("Ünïcode", "a/", section="Café “au lait”", before="…the ", text="naïve", after=" model’s")
    in_memory = {"all": 1 << 20, "none": 1, "the first": len(marshal.dumps(tuple(found)))}[room]
    spool = BacklinkSpool(["x", "y"], in_memory=in_memory)
    spool.add("x", found)
    assert (spool.file is not None) is (room == "none")  # past its room the spool is a file on disk
    spool.add("y", backlink("Other", "c/"))
    spool.add("x", backlink("Second", "b/"))
    assert (spool.file is not None) is (room != "all")
    assert spool.take("y") == [backlink("Other", "c/")]
    assert spool.has_entries("x") and not spool.has_entries("y")
    assert spool.take("x") == [found, backlink("Second", "b/")]
    assert not spool.has_entries("x") and spool.take("y") == []
    spool.close()


def test_backlinks_are_grouped_essays_then_other_pages_then_entries_each_group_in_the_order_found():
    found = [backlink("home", "", OTHER_PAGES), backlink("b", "b/", ENTRIES), backlink("e1", "e1/"),
             backlink("a", "a/", ENTRIES), backlink("e2", "e2/")]
    tree = LexborHTMLParser(section_html(found, lambda url: url), is_fragment=True)
    # The pages that use a term before the glossary's other entries (one term on a docs site listed 49
    # entries before the 112 pages that use it; issue #23).
    assert [h.text() for h in tree.css("h3")] == ["Essays", "Other pages", "Glossary entries"]
    assert [[a.text() for a in ul.css("a")] for ul in tree.css("ul")] == [["e1", "e2"], ["home"], ["b", "a"]]


def test_a_term_without_backlinks_says_so():
    assert "No page mentions this term yet." in section_html([], lambda url: url)


def mentions(essays=0, entries=0, others=0):
    """Backlinks from so many essays, other pages and glossary entries (the order a list shows them in),
    titled by their group."""
    return ([backlink(f"essay {i}", f"e{i}/") for i in range(essays)]
            + [backlink(f"page {i}", f"p{i}/", OTHER_PAGES) for i in range(others)]
            + [backlink(f"entry {i}", f"g{i}/", ENTRIES) for i in range(entries)])


def as_read(found):
    """A "Mentioned in" list as a reader meets it: the entries above the fold and under it, each as
    (its group's heading, its title), and the fold's control's two labels (None without a fold)."""
    tree = LexborHTMLParser(section_html(found, lambda url: url), is_fragment=True)
    shown, folded, heading = [], [], None

    def read(parent, into):
        nonlocal heading
        for node in parent.iter():
            if node.tag == "h3":
                heading = node.text()
            elif node.tag == "ul":
                into += [(heading, a.text()) for a in node.css("li > a")]
            elif node.tag == "details":
                read(node, folded)

    read(tree.css_first("section.glossary-backlinks"), shown)
    fold = tree.css_first("details.glossary-backlinks__more")
    control = None
    if fold is not None:
        summary = next(fold.iter())
        assert summary.tag == "summary"  # the control comes first, the entries under it
        control = (summary.css_first(".glossary-backlinks__show-all").text(),
                   summary.css_first(".glossary-backlinks__show-fewer").text())
    return shown, folded, control, tree


def test_a_long_mentioned_in_shows_ten_entries_and_the_rest_behind_show_all():
    # Parameters / Weights: one essay and some forty glossary entries.
    shown, folded, control, tree = as_read(mentions(essays=1, entries=40))
    assert shown == [("Essays", "essay 0")] + [("Glossary entries", f"entry {i}") for i in range(9)]
    assert folded == [("Glossary entries", f"entry {i}") for i in range(9, 40)]
    assert control == ("Show all 41", "Show fewer")
    # The glossary entries go on under the fold without a second heading of their own.
    assert [h.text() for h in tree.css("details h3")] == []


def test_a_list_of_about_ten_entries_is_not_folded():
    for count in (1, 10, 12):  # a fold that hid one or two entries would cost as much as showing them
        assert as_read(mentions(entries=count))[2] is None
    shown, folded, control, _ = as_read(mentions(entries=13))
    assert (len(shown), len(folded), control) == (10, 3, ("Show all 13", "Show fewer"))


def test_a_fold_at_the_end_of_a_group_puts_the_next_heading_under_it():
    shown, folded, _, tree = as_read(mentions(essays=10, entries=5))
    assert shown == [("Essays", f"essay {i}") for i in range(10)]
    assert [h.text() for h in tree.css("details h3")] == ["Glossary entries"]
    # Nine essays: one other page alone under its heading above the fold would be a stray; the group waits.
    shown, folded, _, _ = as_read(mentions(essays=9, entries=30, others=2))
    assert shown == [("Essays", f"essay {i}") for i in range(9)] and folded[0] == ("Other pages", "page 0")


@settings(deadline=None)  # a loaded machine is no failure
@given(st.integers(0, 24), st.integers(0, 24), st.integers(0, 6))
def test_any_fold_keeps_the_order_shows_essays_first_and_no_heading_over_nothing(essays, entries, others):
    found = mentions(essays, entries, others)
    shown, folded, control, tree = as_read(found)
    assert [title for _, title in shown + folded] == [b.page_title for b in found]
    for heading in tree.css("h3"):  # every heading stands over entries
        after = heading.next
        while after is not None and after.tag != "ul":
            after = after.next
        assert after is not None and after.css("li")
    total = len(found)
    assert (control is None) == (total <= 12) and not (control and control[0] != f"Show all {total}")
    if control:
        assert 8 <= len(shown) <= 10 and len(folded) >= 3
        for group in ("Essays", "Glossary entries", "Other pages"):
            above = [1 for heading, _ in shown if heading == group]
            whole = [1 for heading, _ in shown + folded if heading == group]
            assert len(above) in (0, len(whole)) or len(above) >= 3, group  # no stray entry above the fold
    assert not (any(h != "Essays" for h, _ in shown) and any(h == "Essays" for h, _ in folded))


def test_the_hint_follows_the_block_that_holds_the_first_dotted_term():
    term_link = '<a class="glossary-term" href="t/" data-term="t" id="mention-t">token</a>'
    html = (
        '<h1>Title</h1>\n<p>No term here, only a <a href="x/">link</a>.</p>\n<!-- <p> -->\n'
        '<figure><svg viewBox="0 0 1 1"><path d="M0 0"/></svg><br><figcaption>Nothing.</figcaption></figure>\n'
        f'<ul>\n<li><p title="a > b">One {term_link}.</p></li>\n<li>Two.</li>\n</ul>\n<p>After.</p>'
    )
    hinted = with_hint(html)
    tree = LexborHTMLParser(hinted, is_fragment=True)
    (hint,) = tree.css("p.essay-hint")
    assert "data-search-exclude" in hint.attributes and "dotted underline" in hint.text()
    before, after = hint.prev, hint.next
    while before.tag == "-text":
        before = before.prev
    while after.tag == "-text":
        after = after.next
    assert before.tag == "ul" and after.text() == "After."  # after the whole list, not inside it
    assert re.sub(r'\n<p class="essay-hint"[^>]*>[^<]*</p>', "", hinted) == html  # nothing else changed
    assert with_hint("<h1>Title</h1>\n<p>No terms.</p>") == "<h1>Title</h1>\n<p>No terms.</p>"
    assert "essay-hint" not in byline_html(None, 1000, "docs/essays/one.md")


def test_the_index_sorts_without_leading_articles_and_groups_by_letter():
    terms = [term("the-bitter-lesson", "The Bitter Lesson"), term("attention", "Attention"), term("b", "Batch")]
    tree = LexborHTMLParser(index_html(terms, lambda slug: f"{slug}/"))
    assert [h.text() for h in tree.css("h2")] == ["A", "B"]
    assert [a.text() for a in tree.css("dt a")] == ["Attention", "Batch", "The Bitter Lesson"]
    assert [a.attributes["href"] for a in tree.css(".glossary-letters a")] == ["#letter-a", "#letter-b"]
    assert sort_key("An Apple") == "apple"


def test_a_link_preview_says_a_pages_description_else_its_terms_summary():
    token = term("token", "Token", "A small  chunk\n of text.")
    assert preview_description({}, token) == "A small chunk of text."  # one line, as the preview image shows it
    assert preview_description({"description": "Said  otherwise."}, token) == "Said otherwise."
    assert preview_description({"description": "An essay."}, None) == "An essay."
    assert preview_description({}, None) is None


def test_a_site_can_order_the_groups_of_mentioned_in():
    # A glossary-first site (`mentioned-in: [entries, essays, pages]`) gets its entries first.
    found = [backlink("home", "", OTHER_PAGES), backlink("b", "b/", ENTRIES), backlink("e1", "e1/")]
    tree = LexborHTMLParser(section_html(found, lambda url: url, (ENTRIES, ESSAYS, OTHER_PAGES)), is_fragment=True)
    assert [h.text() for h in tree.css("h3")] == ["Glossary entries", "Essays", "Other pages"]
    assert [[a.text() for a in ul.css("a")] for ul in tree.css("ul")] == [["b"], ["e1"], ["home"]]
