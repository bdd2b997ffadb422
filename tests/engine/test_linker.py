"""The linker on its own: HTML in, linked HTML and the mentions for backlinks out."""

import pytest
from selectolax.lexbor import LexborHTMLParser

from glossary.linker import EVERY_MENTION, FIRST_PER_SECTION, link_html, sentence_around, unlinked
from glossary.terms import Glossary, Term


def term(slug, title, summary, aliases=()):
    return Term(slug, title, summary, tuple(aliases), (), f"docs/glossary/{slug}.md")


GLOSSARY = Glossary.build(
    [
        term("token", "Token", "The unit of text a model reads."),
        term("in-context-learning", "In-Context Learning (ICL)", 'Using the prompt <now> & "here".'),
        term("inference", "Inference", "Running a trained model."),
        term("inference-time-compute", "Inference-Time Compute", "Spending more work per answer."),
        term("parameters-weights", "Parameters / Weights", "The numbers a model learns.", aliases=["weight"]),
    ]
)


def link(html, **options):
    return link_html(html, GLOSSARY, lambda slug: f"../{slug}/", **options)[:2]


def links(html):
    """(text, term, id) of every term link in the HTML, as a browser would see them."""
    tree = LexborHTMLParser(html)
    return [(a.text(), a.attributes["data-term"], a.attributes["id"]) for a in tree.css("a.glossary-term")]


def visible_text(html):
    return LexborHTMLParser(html).body.text()


def test_a_mention_becomes_a_link_to_its_term_with_an_anchor():
    html, mentions = link("<p>Count every token.</p>")
    assert html == (
        '<p>Count every <a class="glossary-term" href="../token/" data-term="token" id="mention-token">token</a>.</p>'
    )
    assert [(m.term, m.anchor, m.text) for m in mentions] == [("token", "mention-token", "token")]


@pytest.mark.parametrize(
    "skipped",
    [
        '<a href="x">token</a>',
        "<code>token</code>",
        "<pre><code>token</code></pre>",
        "<kbd>token</kbd>",
        "<script>var token = 1;</script>",
        "<style>.token{}</style>",
        "<h2>token</h2>",
        "<h6><em>token</em></h6>",
        '<p class="glossary-skip">A token <em>token</em></p>',
        '<div class="admonition"><p class="admonition-title">token</p></div>',
        "<details><summary>token</summary></details>",
        '<span class="x glossary-skip y">token</span>',
        '<img alt="token" title="token" src="a.png">',
        "<abbr title='token'>token</abbr>",
    ],
)
def test_skipped_elements_are_left_exactly_as_they_were(skipped):
    html, mentions = link(skipped)
    assert html == skipped and mentions == []


def test_only_the_first_mention_on_a_page_is_linked_by_default():
    html, mentions = link("<p>token, token</p><h2>Later</h2><p>token</p>")
    assert [t for t, *_ in links(html)] == ["token"]
    assert len(mentions) == 1


def test_first_per_section_starts_again_at_each_heading():
    html, mentions = link('<p>token token</p><h2 id="b">B</h2><p>token</p>', mode=FIRST_PER_SECTION)
    assert [(t, i) for t, _, i in links(html)] == [("token", "mention-token"), ("token", "mention-token-2")]
    assert [(m.section, m.section_anchor) for m in mentions] == [("", ""), ("B", "b")]


def test_every_mention_links_each_one_with_its_own_anchor():
    html, mentions = link("<p>token and token</p><p>token</p>", mode=EVERY_MENTION)
    assert [i for *_, i in links(html)] == ["mention-token", "mention-token-2", "mention-token-3"]
    assert len(mentions) == 3


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="first-per-page"):
        link("<p>token</p>", mode="sometimes")


def test_a_term_page_never_links_to_itself():
    html, mentions = link("<p>A token is a token; weights too.</p>", self_term="token")
    assert [t for _, t, _ in links(html)] == ["parameters-weights"]
    assert [m.term for m in mentions] == ["parameters-weights"]


def test_mentioned_lists_every_term_once_in_order_linked_or_not():
    page = "<p>Weights and a token.</p><p>Token, weights, ICL.</p>"
    linked = link_html(page, GLOSSARY, lambda slug: f"../{slug}/", per_block=1)
    # One link a paragraph: "token" waits for the second paragraph, and "ICL" finds no room.
    assert [m.term for m in linked.mentions] == ["parameters-weights", "token"]
    assert linked.mentioned == ["parameters-weights", "token", "in-context-learning"]
    assert link_html("<p>Nothing here.</p>", GLOSSARY, lambda slug: slug).mentioned == []


def test_longest_name_wins_and_the_shorter_term_can_still_be_linked_later():
    html, _ = link("<p>Inference-time compute builds on inference.</p>")
    assert [(t, s) for t, s, _ in links(html)] == [
        ("Inference-time compute", "inference-time-compute"),
        ("inference", "inference"),
    ]


def test_a_mention_split_by_markup_is_left_alone_and_markup_inside_prose_is_kept():
    html, _ = link("<p>in-context <em>learning</em>, then <strong>a <em>token</em></strong>.</p>")
    assert links(html) == [("token", "token", "mention-token")]
    assert html.startswith("<p>in-context <em>learning</em>, then <strong>a <em><a ")


def test_visible_text_is_unchanged():
    source = "<p>ICL &amp; tokens &lt;b&gt; — the model&rsquo;s weights, 🧠 令牌.</p><ul><li>Inference</li></ul>"
    html, _ = link(source)
    assert visible_text(html) == visible_text(source)
    assert len(links(html)) == 4


def test_anchors_never_clash_with_ids_already_on_the_page():
    html, _ = link('<h2 id="mention-token">Mention token</h2><p>token</p>')
    assert links(html) == [("token", "token", "mention-token-2")]


def test_linking_a_linked_page_again_changes_nothing():
    once, _ = link("<p>token and ICL, and token again.</p><p>weights</p>")
    twice, mentions = link(once)
    assert twice == once and mentions == []


def test_a_whole_document_from_glightbox_comes_back_as_a_fragment():
    wrapped = (
        '<html><head><style>p{}</style></head><body><p>A token.</p>'
        '<a class="glightbox" href="a.png"><img src="a.png" alt="token"></a></body></html>'
    )
    html, _ = link(wrapped)
    assert html.startswith("<style>p{}</style><p>A <a class=\"glossary-term\"")
    assert "<html" not in html and "<body" not in html
    assert '<a class="glightbox" href="a.png"><img src="a.png" alt="token"></a>' in html


def test_a_mention_remembers_its_section_and_sentence():
    _, mentions = link(
        '<h2 id="why">Why it <a class="headerlink" href="#why">¶</a>matters</h2>'
        "<p>First sentence. Models read text as <em>many small</em> tokens, not letters. Last one.</p>"
    )
    (mention,) = mentions
    assert (mention.section, mention.section_anchor) == ("Why it matters", "why")
    assert (mention.before, mention.text, mention.after) == (
        "Models read text as many small ", "tokens", ", not letters."
    )


def test_a_long_sentence_is_cut_to_about_25_words_around_the_mention():
    words = [f"w{i}" for i in range(60)]
    text = " ".join(words[:30]) + " token " + " ".join(words[30:]) + "."
    start = text.index("token")
    before, mention, after = sentence_around(text, start, start + 5)
    assert before.startswith("…") and after.endswith("…")
    assert len((before + mention + after).replace("…", " ").split()) == 25
    assert before == "…" + " ".join(words[18:30]) + " " and after == " " + " ".join(words[30:42]) + "…"


def test_a_short_sentence_keeps_its_words_and_stops_at_the_full_stop():
    text = "One sentence. Then a token here! Another."
    start = text.index("token")
    assert sentence_around(text, start, start + 5) == ("Then a ", "token", " here!")


def test_html_without_any_mention_is_returned_untouched():
    source = "<p>Nothing  here &amp; <br/>nothing there</p>"
    assert link(source) == (source, [])


def test_text_is_escaped_as_before_and_the_link_marker_characters_are_left_alone():
    # The linker marks a link in the text with two Unicode noncharacters and swaps them for its tags
    # after the page is serialized; the page's own noncharacters and escaped text must come back as they were.
    page = "<p>A &amp; B &lt;i&gt; token \ufdd0\ufdd1 then weights\ufdd2.</p>"
    html, mentions = link(page)
    assert [m.term for m in mentions] == ["token", "parameters-weights"]
    assert html == (
        '<p>A &amp; B &lt;i&gt; <a class="glossary-term" href="../token/" data-term="token" id="mention-token">'
        "token</a> \ufdd0\ufdd1 then "
        '<a class="glossary-term" href="../parameters-weights/" data-term="parameters-weights" '
        'id="mention-parameters-weights">weights</a>\ufdd2.</p>'
    )


def test_a_page_holding_every_marker_character_is_refused_with_a_reason():
    page = "<p>token " + "".join(chr(c) for c in range(0xFDD0, 0xFDF0)) + "</p>"
    with pytest.raises(ValueError, match="U\\+FDD0 to U\\+FDEF"):
        link(page)


def test_attribute_values_are_escaped():
    html = link_html("<p>A token.</p>", GLOSSARY, lambda slug: f'../a&b"/{slug}/').html
    assert 'href="../a&amp;b&quot;/token/"' in html


def test_unlinked_gives_back_the_page_without_its_links():
    page = '<p>A token, <a href="x">a link</a> &amp; weights: <a class="other">kept</a>.</p>'
    html, _ = link(page)
    assert html.count('class="glossary-term"') == 2
    assert unlinked(html) == page
