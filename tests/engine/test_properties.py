"""Property tests of the linker: whatever a writer pastes, the page stays intact."""

from __future__ import annotations

from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from glossary.linker import EVERY_MENTION, FIRST_PER_PAGE, FIRST_PER_SECTION, link_html
from glossary.terms import Glossary, Term

GLOSSARY = Glossary.build(
    [
        Term("token", "Token", "The unit a model reads.", (), (), "t.md"),
        Term("icl", "In-Context Learning (ICL)", "Using the prompt.", ("in context",), (), "i.md"),
        Term("inference", "Inference", "Running a model.", (), (), "n.md"),
        Term("itc", "Inference-Time Compute", "More work per answer.", (), (), "c.md"),
        Term("weights", "Parameters / Weights", "The numbers.", ("weight",), (), "w.md"),
        Term("kv", "KV Cache", "Saved work.", (), (), "k.md"),
        Term("ft", "Fine-Tuning", "More training.", ("fine-tuned",), (), "f.md"),
    ]
)

NAMES = ["token", "tokens", "Token", "ICL", "icl", "in-context learning", "In Context", "inference",
         "inference-time compute", "weights", "Weights", "weight", "KV cache", "kv cache", "KV-caches",
         "fine-tuned", "fine tuning", "fine-tuning"]
WORDS = ["the", "model's", "weights-based", "non-token", "tokenizer", "l'inférence", "токен", "令牌", "🧠", "—",
         "it's", "(ICL)", "“token”", "tokens,", "a&b", "x<y", "1>0", "e.g.", "CAFÉ", "naïve", "\u200b", "'quoted'"]
piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS), st.text(alphabet=st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\xa0"), max_size=6))
text = st.lists(piece, max_size=8).map(lambda parts: escape(" ".join(parts), quote=False))

# What the README promises never to link inside (written out here, not imported from the linker).
SKIPPED = {"a", "code", "pre", "kbd", "samp", "var", "abbr", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = ["em", "strong", "span", "b", "i", "sub", "mark", "q"]
SKIPPED_INLINE = ["code", "kbd", "samp", "abbr", "var"]


def inline(children):
    return st.one_of(
        st.tuples(st.sampled_from(INLINE), children).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        st.tuples(st.sampled_from(SKIPPED_INLINE), children).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        children.map(lambda c: f'<a href="x">{c}</a>'),
        children.map(lambda c: f'<span class="glossary-skip">{c}</span>'),
        st.just('<img alt="token weights" src="a.png">'),
        st.just("<br>"),
    )


content = st.recursive(text, lambda children: st.lists(st.one_of(children, inline(children)), max_size=4).map("".join),
                       max_leaves=12)
block = st.tuples(st.sampled_from(["p", "li", "h2", "blockquote", "td", "div", "h4", "figcaption", "dd"]), content).map(
    lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"
)
code_block = st.just("<pre><code>token ICL\nweights</code></pre>")
page = st.lists(st.one_of(block, code_block), min_size=1, max_size=5).map("".join)
modes = st.sampled_from([FIRST_PER_PAGE, FIRST_PER_SECTION, EVERY_MENTION])
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def link(html, mode):
    return link_html(html, GLOSSARY, lambda slug: f"/glossary/{slug}/", mode=mode)[0]


def tree(html):
    # Inside a container: selectolax serializes a top-level fragment node together with its siblings.
    return LexborHTMLParser(f"<div>{html}</div>", is_fragment=True)


def text_of(html):
    return "".join(node.text_content or "" for node in _texts(tree(html).root))


def _texts(node):
    while node is not None:
        if node.is_text_node:
            yield node
        elif node.is_element_node:
            yield from _texts(node.child)
        node = node.next


def skipped_parts(html):
    """Outer HTML of every skipped element that is not inside another skipped one."""
    found = []

    def walk(node):
        while node is not None:
            if node.is_element_node:
                classes = (node.attributes.get("class") or "").split()
                is_term_link = node.tag == "a" and "glossary-term" in classes
                if node.tag in SKIPPED and not is_term_link or "glossary-skip" in classes:
                    found.append(node.html)
                else:
                    walk(node.child)
            node = node.next

    walk(tree(html).root)
    return found


@SETTINGS
@given(page, modes)
def test_visible_text_is_unchanged(html, mode):
    assert text_of(link(html, mode)) == text_of(html)


@SETTINGS
@given(page, modes)
def test_no_link_ends_up_inside_a_link(html, mode):
    assert tree(link(html, mode)).css("a a") == []


@SETTINGS
@given(page, modes)
def test_skipped_elements_come_out_byte_for_byte(html, mode):
    # Both sides are serialized by the same parser, so equal strings mean equal bytes in the page.
    assert skipped_parts(link(html, mode)) == skipped_parts(html)


@SETTINGS
@given(page, modes)
def test_linking_a_linked_page_changes_nothing(html, mode):
    once = link(html, mode)
    assert link(once, mode) == once


@SETTINGS
@given(page)
def test_first_per_page_links_each_term_at_most_once(html):
    slugs = [a.attributes["data-term"] for a in tree(link(html, FIRST_PER_PAGE)).css("a.glossary-term")]
    assert len(slugs) == len(set(slugs))
