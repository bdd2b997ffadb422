"""The *link* stage: turn mentions of terms in a page's HTML into links to their pages.

The page is parsed into a tree with Lexbor (selectolax), the HTML5 parser
browsers follow; only text nodes outside skipped elements are searched, so
markup is never matched by a pattern. Each link made is returned as a
`Mention` (anchor, section, the sentence around it) for the backlinks.

A linked text node is replaced by its own text with two marker characters
around each mention, and the markers become the link's tags in the serialized
page: the serializer escapes the text as it always does, and a link costs a
string instead of a new element with four attributes (a third of the time a
link took). The markers are Unicode noncharacters the page does not hold.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from operator import itemgetter
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import contract
from .matcher import NOT_A_MENTION
from .matcher import SENTENCE_END as _SENTENCE_END
from .pages.common import escape_recurring
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

_SPACES = re.compile(r"\s+")
# Text that ends where a sentence, a list item or a label's explanation begins, the
# sentence perhaps opening with a quotation mark or a bracket.
_SENTENCE_START = re.compile(r"(?:\A|[.!?…:][\"'”’)\]]*)\s*[\"'“‘(\[]*\Z")
# Pairs of marker characters (opening, closing), tried in turn: noncharacters, which no text should hold.
_MARKERS = [(chr(c), chr(c + 1)) for c in range(0xFDD0, 0xFDF0, 2)]


class Mention(NamedTuple):
    """One linked mention of a term on a page: what a backlink shows and points to (a named tuple:
    made for every link, where a frozen dataclass pays a call per field)."""

    term: str
    anchor: str
    section: str
    section_anchor: str
    before: str
    text: str
    after: str


class LinkedPage(NamedTuple):
    html: str
    mentions: list[Mention]  # the linked mentions, in page order
    mentioned: list[str]  # the slug of every term the page mentions, linked or not, in order of first mention


def link_html(
    html: str,
    glossary: Glossary,
    href_for: Callable[[str], str],
    *,
    self_term: str | None = None,
    mode: str = FIRST_PER_PAGE,
    per_block: int | None = None,
) -> LinkedPage:
    """Link the mentions in `html` (a fragment, or a whole document): the page, its mentions,
    and every term it mentions.

    `href_for(slug)` gives the URL of a term's page as seen from this page;
    `self_term` is the slug of the page's own term, which is never linked.
    `per_block` caps the links in one paragraph (or list item, table cell…):
    a mention past the cap stays plain text, and its term is linked at its next
    mention instead, so a dense paragraph does not read as a wall of links.
    """
    if mode not in MODES:
        raise ValueError(f"unknown link mode {mode!r}; use one of {', '.join(MODES)}")
    if per_block is not None and per_block < 1:
        raise ValueError(f"the cap on links per paragraph must be 1 or more, not {per_block}")
    markers = next((pair for pair in _MARKERS if pair[0] not in html and pair[1] not in html), None)
    if markers is None:
        raise ValueError("the page holds every Unicode noncharacter from U+FDD0 to U+FDEF; remove them")
    is_document = html.lstrip()[:9].lower().startswith(("<html", "<!doctype"))
    tree = LexborHTMLParser(html, is_fragment=not is_document)
    # A fragment has no container: its first top-level node is `root`.
    first = (tree.body.child if tree.body is not None else None) if is_document else tree.root
    page = _PageLinker(glossary, href_for, self_term, mode, tree, markers, per_block)
    page.walk(first)
    if not page.mentions and not is_document:
        return LinkedPage(html, [], page.mentioned)
    if is_document:
        # Someone before us (mkdocs-glightbox) wrapped the fragment in a whole
        # document; hand back a fragment again, keeping anything hoisted to <head>.
        head, body = tree.head, tree.body
        head_html = (head.inner_html if head is not None else None) or ""
        body_html = (body.inner_html if body is not None else None) or ""
        linked = head_html + body_html
    else:
        linked = tree.html or ""
    return LinkedPage(page.tags_in(linked), page.mentions, page.mentioned)


def unlinked(html: str) -> str:
    """`html` without the links `link_html` made in it: their text stays, their tags go."""
    # A C callable as the replacement: a template (r"\1") is expanded by a Python function per link.
    return _LINK.sub(_LINK_TEXT, html)


# A link as `link_html` writes it (its text holds no "<": the serializer escapes text).
_LINK = re.compile(rf'<a class="{contract.TERM_LINK}" [^>]*>([^<]*)</a>')
_LINK_TEXT = itemgetter(1)


class _PageLinker:
    """Walks one page in document order, linking as it goes; state lives only here."""

    def __init__(self, glossary: Glossary, href_for: Callable[[str], str], self_term, mode, tree: LexborHTMLParser,
                 markers: tuple[str, str], per_block: int | None = None):
        self.glossary = glossary
        self.unlinked = glossary.unlinked  # `link: false`: an anchor for backlinks, no link
        self.case_sensitive = glossary.case_sensitive
        self.per_block = per_block
        self.mentioned: list[str] = []  # every term mentioned so far, linked or not, in order
        self.seen: set[str] = set()  # the same, to look up
        self.href_for = href_for
        self.self_term = self_term
        self.mode = mode
        self.tree = tree
        self.ids: set[str] | None = None  # the page's ids, read when the first anchor is made
        self.linked: set[str] = set()
        self.mentions: list[Mention] = []
        self.section = ("", "")
        self.blocks: dict[int, _Block] = {}
        self.opening, self.closing = markers
        self.tags: list[tuple[str, str]] = []  # the opening and closing tags of each link, in document order

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
                elif (tag == "a" and contract.TERM_LINK in _classes(child)) or (
                    tag == "span" and contract.MENTION in _classes(child)
                ):
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
        pieces: list[str] = []
        cut, block = 0, None
        for start, end, slug in self.glossary.matcher.finditer(text):
            if slug == self.self_term or slug == NOT_A_MENTION:
                continue
            if slug in self.case_sensitive and _capital_only_first(text, start, end):
                # A sentence's first word is capitalized anyway, so there "Call" or "Pod"
                # says no more than "call" or "pod" would: no mention.
                if block is None:
                    block, offset = self.locate(node)
                if _SENTENCE_START.search(block.text, 0, offset + start):
                    continue
            if slug not in self.seen:
                self.seen.add(slug)
                self.mentioned.append(slug)
            if slug in self.linked and self.mode != EVERY_MENTION:
                continue
            if block is None:
                block, offset = self.locate(node)
            linked = slug not in self.unlinked
            if self.per_block is not None and linked:
                if block.links >= self.per_block:
                    continue
                block.links += 1
            self.linked.add(slug)
            anchor = self.new_id(contract.MENTION_ID_PREFIX + slug)
            if linked:
                self.tags.append((
                    f'<a class="{contract.TERM_LINK}" href="{escape_recurring(self.href_for(slug))}" '
                    f'{contract.TERM_ATTR}="{escape_recurring(slug)}" id="{escape_recurring(anchor)}">',
                    "</a>",
                ))
            else:
                self.tags.append((
                    f'<span class="{contract.MENTION}" {contract.TERM_ATTR}="{escape_recurring(slug)}" '
                    f'id="{escape_recurring(anchor)}">',
                    "</span>",
                ))
            pieces += (text[cut:start], self.opening, text[start:end], self.closing)
            before, mention, after = sentence_around(block.text, offset + start, offset + end, breaks=block.breaks)
            self.mentions.append(Mention(slug, anchor, *self.section, before, mention, after))
            cut = end
        if pieces:
            pieces.append(text[cut:])
            node.replace_with("".join(pieces))

    def tags_in(self, html: str) -> str:
        """The serialized page with each pair of markers turned into its link's tags."""
        if not self.tags:
            return html
        parts = html.split(self.opening)
        if len(parts) != len(self.tags) + 1:  # pragma: no cover - the markers are checked absent from the page
            raise AssertionError("a link's marker went missing in the serialized page")
        out = [parts[0]]
        for (opening, closing), part in zip(self.tags, parts[1:], strict=True):
            out += (opening, part.replace(self.closing, closing, 1))
        return "".join(out)

    def new_id(self, wanted: str) -> str:
        if self.ids is None:
            self.ids = {node.attributes.get("id") or "" for node in self.tree.css("[id]")}
        anchor, n = wanted, 1
        while anchor in self.ids:
            n += 1
            anchor = f"{wanted}-{n}"
        self.ids.add(anchor)
        return anchor

    def locate(self, node: LexborNode) -> tuple[_Block, int]:
        """The block around `node`, and where `node`'s text starts in the block's text."""
        block = node.parent
        while block is not None and block.tag not in BLOCKS:
            block = block.parent
        if block is None:  # loose text at the top of a fragment
            return _Block(node.text_content or ""), 0
        known = self.blocks.get(block.mem_id)
        if known is None:
            parts, offsets, length = [], {}, 0
            for piece in _text_nodes(block.child):
                offsets[piece.mem_id] = length
                content = piece.text_content or ""
                parts.append(content)
                length += len(content)
            known = self.blocks[block.mem_id] = _Block("".join(parts), offsets)
        return known, known.offsets.get(node.mem_id, 0)


class _Block:
    """The text of a block a backlink quotes from; its sentence breaks are found once, when first needed."""

    __slots__ = ("text", "offsets", "links", "_breaks")

    def __init__(self, text: str, offsets: dict[int, int] | None = None):
        self.text = text
        self.offsets = offsets or {}
        self.links = 0  # made in this block so far, for the cap on links per paragraph
        self._breaks: SentenceBreaks | None = None

    @property
    def breaks(self) -> SentenceBreaks:
        if self._breaks is None:
            self._breaks = SentenceBreaks(self.text)
        return self._breaks


class SentenceBreaks:
    """Where the sentences of a text end: for each break, where its punctuation starts and
    ends, and where the next sentence starts (after the spaces)."""

    __slots__ = ("starts", "stops", "ends")

    def __init__(self, text: str):
        self.starts, self.stops, self.ends = [], [], []
        for found in _SENTENCE_END.finditer(text):
            self.starts.append(found.start())
            self.stops.append(found.start() + len(found.group().rstrip()))
            self.ends.append(found.end())


def sentence_around(
    text: str, start: int, end: int, words: int = CONTEXT_WORDS, breaks: SentenceBreaks | None = None
) -> tuple[str, str, str]:
    """The sentence holding text[start:end], cut to about `words` words around it.

    Returns (before, mention, after) with spaces squashed; "…" marks a cut.
    `breaks` are the text's sentence breaks, if already found.
    """
    breaks = breaks or SentenceBreaks(text)
    i = bisect_right(breaks.ends, start)
    sentence_start = breaks.ends[i - 1] if i else 0
    j = bisect_left(breaks.starts, end)
    sentence_end = breaks.stops[j] if j < len(breaks.starts) else len(text)

    mention = " ".join(text[start:end].split())
    before_words = text[sentence_start:start].split()
    after_words = text[end:sentence_end].split()
    budget = max(words - len(mention.split()), 0)
    keep_before = min(len(before_words), max(budget // 2, budget - len(after_words)))
    keep_after = min(len(after_words), budget - keep_before)

    before = " ".join(before_words[len(before_words) - keep_before :]) if keep_before else ""
    if keep_before and text[start - 1].isspace():
        before += " "
    after = " ".join(after_words[:keep_after]) if keep_after else ""
    if keep_after and text[end].isspace():
        after = " " + after
    if keep_before < len(before_words):
        before = "…" + (before if keep_before else " ")
    if keep_after < len(after_words):
        after = (after if keep_after else " ") + "…"
    return before, mention, after


def _capital_only_first(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is capitalized and holds no other capital ("Call", not "RuntimeCall")."""
    return text[start].isupper() and not any(char.isupper() for char in text[start + 1:end])


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
