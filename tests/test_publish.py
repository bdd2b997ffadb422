"""The publish stage on its own: generated HTML is escaped and well formed."""

from selectolax.lexbor import LexborHTMLParser

from glossary.linker import Mention
from glossary.publish import (
    ENTRIES,
    ESSAYS,
    OTHER_PAGES,
    Backlink,
    backlink_html,
    backlinks_html,
    definition_html,
    definitions_html,
    index_html,
    sort_key,
)
from glossary.terms import Term

HOSTILE = "Quotes \" and ' & ampersands </script><img src=x onerror=alert(1)>"


def term(slug, title, summary="A sentence.", aliases=(), related=()):
    return Term(slug, title, summary, tuple(aliases), tuple(related), f"docs/glossary/{slug}.md")


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


def test_backlinks_escape_what_they_quote():
    mention = Mention("x", "mention-x", "Why <it> matters", "why", "a <b>bold</b> ", "X", " & more")
    html = backlinks_html([(ESSAYS, backlink_html(Backlink("Essay & notes", "../../essay/", mention)))])
    tree = LexborHTMLParser(html, is_fragment=True)
    assert tree.css("b") == []
    item = tree.css_first("li")
    assert item.css_first("a").text() == "Essay & notes › Why <it> matters"
    assert item.css_first("a").attributes["href"] == "../../essay/#mention-x"
    assert item.css_first("q").text() == "a <b>bold</b> X & more"
    assert item.css_first("mark").text() == "X"


def test_backlinks_are_ascii_and_read_the_same():
    mention = Mention("x", "mention-x", "Café “au lait”", "cafe", "…the ", "naïve", " model’s weights")
    item = backlink_html(Backlink("Ünïcode", "../", mention))
    assert item.isascii()
    tree = LexborHTMLParser(item, is_fragment=True)
    assert tree.css_first("a").text() == "Ünïcode › Café “au lait”"
    assert tree.css_first("q").text() == "…the naïve model’s weights"


def test_backlinks_are_grouped_essays_first_each_group_in_the_order_found():
    def entry(title):
        return backlink_html(Backlink(title, f"../{title}/", Mention("x", "mention-x", "", "", "", "X", "")))

    html = backlinks_html([(OTHER_PAGES, entry("home")), (ENTRIES, entry("b")), (ESSAYS, entry("e1")),
                           (ENTRIES, entry("a")), (ESSAYS, entry("e2"))])
    tree = LexborHTMLParser(html, is_fragment=True)
    assert [h.text() for h in tree.css("h3")] == ["Essays", "Glossary entries", "Other pages"]
    assert [[a.text() for a in ul.css("a")] for ul in tree.css("ul")] == [["e1", "e2"], ["b", "a"], ["home"]]


def test_a_term_without_backlinks_says_so():
    assert "No page mentions this term yet." in backlinks_html([])


def test_the_index_sorts_without_leading_articles_and_groups_by_letter():
    terms = [term("the-bitter-lesson", "The Bitter Lesson"), term("attention", "Attention"), term("b", "Batch")]
    tree = LexborHTMLParser(index_html(terms, lambda slug: f"{slug}/"))
    assert [h.text() for h in tree.css("h2")] == ["A", "B"]
    assert [a.text() for a in tree.css("dt a")] == ["Attention", "Batch", "The Bitter Lesson"]
    assert [a.attributes["href"] for a in tree.css(".glossary-letters a")] == ["#letter-a", "#letter-b"]
    assert sort_key("An Apple") == "apple"
