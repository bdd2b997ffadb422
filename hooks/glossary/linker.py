"""The *link* stage: turn mentions of terms in a page's HTML into links to their pages.

The page is parsed into a tree with Lexbor (selectolax), the HTML5 parser
browsers follow; only text nodes outside skipped elements are searched, so
markup is never matched by a pattern. Each link made is returned as a
`Mention` (anchor, section, the sentence around it) for the backlinks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import contract
from .terms import Glossary

# How often a term is linked on one page (the `link` option).
FIRST_PER_PAGE = "first-per-page"
FIRST_PER_SECTION = "first-per-section"
EVERY_MENTION = "every-mention"
MODES = (FIRST_PER_PAGE, FIRST_PER_SECTION, EVERY_MENTION)

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Text inside these is never a mention: links, code, headings, form controls,
# titles of collapsible blocks, and anything that is not prose.
SKIPPED = HEADINGS | frozenset(
    {
        "a", "abbr", "button", "code", "iframe", "kbd", "label", "math", "noscript", "object", "option", "pre",
        "samp", "script", "select", "style", "summary", "svg", "template", "textarea", "title", "var",
    }
)
SKIPPED_CLASSES = frozenset({contract.SKIP, "admonition-title", "headerlink"})
# The element whose text a backlink quotes from: the nearest one of these.
BLOCKS = frozenset(
    {
        "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dt", "figcaption",
        "li", "main", "p", "section", "td", "th",
    }
)
CONTEXT_WORDS = 25

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Mention:
    """One linked mention of a term on a page: what a backlink shows and points to."""

    term: str
    anchor: str
    section: str
    section_anchor: str
    before: str
    text: str
    after: str


def link_html(
    html: str,
    glossary: Glossary,
    href_for: Callable[[str], str],
    *,
    self_term: str | None = None,
    mode: str = FIRST_PER_PAGE,
) -> tuple[str, list[Mention]]:
    """Link the mentions in `html` (a fragment, or a whole document); return it and the mentions.

    `href_for(slug)` gives the URL of a term's page as seen from this page;
    `self_term` is the slug of the page's own term, which is never linked.
    """
    if mode not in MODES:
        raise ValueError(f"unknown link mode {mode!r}; use one of {', '.join(MODES)}")
    is_document = html.lstrip()[:9].lower().startswith(("<html", "<!doctype"))
    tree = LexborHTMLParser(html, is_fragment=not is_document)
    # A fragment has no container: its first top-level node is `root`.
    first = (tree.body.child if tree.body is not None else None) if is_document else tree.root
    page = _PageLinker(glossary, href_for, self_term, mode, tree)
    page.walk(first)
    if not page.mentions and not is_document:
        return html, []
    if is_document:
        # Someone before us (mkdocs-glightbox) wrapped the fragment in a whole
        # document; hand back a fragment again, keeping anything hoisted to <head>.
        head = tree.head
        return (head.inner_html if head is not None else "") + (tree.body.inner_html or ""), page.mentions
    return tree.html or "", page.mentions


class _PageLinker:
    """Walks one page in document order, linking as it goes; state lives only here."""

    def __init__(self, glossary: Glossary, href_for: Callable[[str], str], self_term, mode, tree: LexborHTMLParser):
        self.glossary = glossary
        self.href_for = href_for
        self.self_term = self_term
        self.mode = mode
        self.tree = tree
        self.ids: set[str] | None = None  # the page's ids, read when the first anchor is made
        self.linked: set[str] = set()
        self.mentions: list[Mention] = []
        self.section = ("", "")
        self.blocks: dict[int, tuple[str, dict[int, int]]] = {}

    def walk(self, child: LexborNode | None) -> None:
        """Link the text of `child`, its following siblings, and all they hold."""
        while child is not None:
            following = child.next  # read first: linking replaces `child`
            if child.is_text_node:
                self.link_text(child)
            elif child.is_element_node:
                tag = child.tag
                if tag in HEADINGS:
                    self.enter_section(child)
                elif tag == "a" and contract.TERM_LINK in _classes(child):
                    # Already linked (a page linked twice): count it, change nothing.
                    self.linked.add(child.attributes.get(contract.TERM_ATTR) or "")
                elif tag not in SKIPPED and not (SKIPPED_CLASSES & _classes(child)):
                    self.walk(child.child)
            child = following

    def enter_section(self, heading: LexborNode) -> None:
        self.section = (_heading_text(heading), heading.attributes.get("id") or "")
        if self.mode == FIRST_PER_SECTION:
            self.linked.clear()

    def link_text(self, node: LexborNode) -> None:
        text = node.text_content
        if not text or text.isspace():
            return
        cut, where = 0, None
        for start, end, slug in self.glossary.matcher.finditer(text):
            if slug == self.self_term or (slug in self.linked and self.mode != EVERY_MENTION):
                continue
            self.linked.add(slug)
            if where is None:  # before the first change to the tree
                where = self.locate(node)
            if start > cut:
                node.insert_before(text[cut:start])
            node.insert_before(self.make_link(where, text, start, end, slug))
            cut = end
        if cut:
            if cut < len(text):
                node.insert_before(text[cut:])
            node.decompose()

    def make_link(self, where: tuple[str, int], text: str, start: int, end: int, slug: str) -> LexborNode:
        anchor = self.new_id(contract.MENTION_ID_PREFIX + slug)
        # Made in this page's own document: `create_tag` builds a whole new document per call.
        link = self.tree.create_node("a")
        attrs = link.attrs
        attrs["class"] = contract.TERM_LINK
        attrs["href"] = self.href_for(slug)
        attrs[contract.TERM_ATTR] = slug
        attrs["id"] = anchor
        link.insert_child(text[start:end])
        block_text, offset = where
        before, mention, after = sentence_around(block_text, offset + start, offset + end)
        self.mentions.append(Mention(slug, anchor, *self.section, before, mention, after))
        return link

    def new_id(self, wanted: str) -> str:
        if self.ids is None:
            self.ids = {node.attributes.get("id") or "" for node in self.tree.css("[id]")}
        anchor, n = wanted, 1
        while anchor in self.ids:
            n += 1
            anchor = f"{wanted}-{n}"
        self.ids.add(anchor)
        return anchor

    def locate(self, node: LexborNode) -> tuple[str, int]:
        """The text of the block around `node`, and where `node`'s text starts in it."""
        block = node.parent
        while block is not None and block.tag not in BLOCKS:
            block = block.parent
        if block is None:  # loose text at the top of a fragment
            return node.text_content, 0
        known = self.blocks.get(block.mem_id)
        if known is None:
            parts, offsets, length = [], {}, 0
            for piece in _text_nodes(block.child):
                offsets[piece.mem_id] = length
                content = piece.text_content or ""
                parts.append(content)
                length += len(content)
            known = self.blocks[block.mem_id] = ("".join(parts), offsets)
        block_text, offsets = known
        return block_text, offsets.get(node.mem_id, 0)


def sentence_around(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str, str]:
    """The sentence holding text[start:end], cut to about `words` words around it.

    Returns (before, mention, after) with spaces squashed; "…" marks a cut.
    """
    sentence_start = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = found.end()
    found = _SENTENCE_END.search(text, end)
    sentence_end = found.start() + len(found.group().rstrip()) if found else len(text)

    mention = _SPACES.sub(" ", text[start:end])
    before_words = list(_WORD.finditer(text, sentence_start, start))
    after_words = list(_WORD.finditer(text, end, sentence_end))
    budget = max(words - len(mention.split()), 0)
    keep_before = min(len(before_words), max(budget // 2, budget - len(after_words)))
    keep_after = min(len(after_words), budget - keep_before)

    before = _SPACES.sub(" ", text[before_words[-keep_before].start() : start]) if keep_before else ""
    after = _SPACES.sub(" ", text[end : after_words[keep_after - 1].end()]) if keep_after else ""
    if keep_before < len(before_words):
        before = "…" + (before if keep_before else " ")
    if keep_after < len(after_words):
        after = (after if keep_after else " ") + "…"
    return before, mention, after


def _classes(node: LexborNode) -> set[str]:
    value = node.attributes.get("class")
    return set(value.split()) if value else set()


def _text_nodes(child: LexborNode | None, leave_out: frozenset[str] = frozenset()):
    """Text nodes of `child`, its following siblings and their descendants, in order."""
    while child is not None:
        if child.is_text_node:
            yield child
        elif child.is_element_node and not (leave_out and leave_out & _classes(child)):
            yield from _text_nodes(child.child, leave_out)
        child = child.next


def _heading_text(heading: LexborNode) -> str:
    """A heading's visible words, without the permalink sign beside it."""
    parts = (piece.text_content or "" for piece in _text_nodes(heading.child, frozenset({"headerlink"})))
    return _SPACES.sub(" ", "".join(parts)).strip()
