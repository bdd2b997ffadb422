"""The publish stage on its own: generated HTML is escaped and well formed, backlinks are data until rendered."""

from selectolax.lexbor import LexborHTMLParser

from glossary.backlinks import ENTRIES, ESSAYS, OTHER_PAGES, Backlink, BacklinkSpool, section_html
from glossary.linker import Mention
from glossary.pages.definitions import definition_html, definitions_html
from glossary.pages.index import index_html, sort_key
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


def test_the_spool_keeps_backlinks_as_ascii_and_gives_them_back_unchanged():
    spool = BacklinkSpool(["x", "y"])
    found = backlink("Ünïcode", "a/", section="Café “au lait”", before="…the ", text="naïve", after=" model’s")
    spool.add("x", found)
    spool.add("x", backlink("Second", "b/"))
    spool.file.seek(0)
    assert spool.file.read().isascii()
    assert spool.has_entries("x") and not spool.has_entries("y")
    assert spool.take("x") == [found, backlink("Second", "b/")]
    assert not spool.has_entries("x") and spool.take("y") == []
    spool.close()


def test_backlinks_are_grouped_essays_first_each_group_in_the_order_found():
    found = [backlink("home", "", OTHER_PAGES), backlink("b", "b/", ENTRIES), backlink("e1", "e1/"),
             backlink("a", "a/", ENTRIES), backlink("e2", "e2/")]
    tree = LexborHTMLParser(section_html(found, lambda url: url), is_fragment=True)
    assert [h.text() for h in tree.css("h3")] == ["Essays", "Glossary entries", "Other pages"]
    assert [[a.text() for a in ul.css("a")] for ul in tree.css("ul")] == [["e1", "e2"], ["b", "a"], ["home"]]


def test_a_term_without_backlinks_says_so():
    assert "No page mentions this term yet." in section_html([], lambda url: url)


def test_the_index_sorts_without_leading_articles_and_groups_by_letter():
    terms = [term("the-bitter-lesson", "The Bitter Lesson"), term("attention", "Attention"), term("b", "Batch")]
    tree = LexborHTMLParser(index_html(terms, lambda slug: f"{slug}/"))
    assert [h.text() for h in tree.css("h2")] == ["A", "B"]
    assert [a.text() for a in tree.css("dt a")] == ["Attention", "Batch", "The Bitter Lesson"]
    assert [a.attributes["href"] for a in tree.css(".glossary-letters a")] == ["#letter-a", "#letter-b"]
    assert sort_key("An Apple") == "apple"
