"""An essay's line under its title: reading time and its source (front matter `source`, checked
here); and, after the first paragraph with a dotted term, a hint that such terms show a definition."""

from __future__ import annotations

import re
from html import escape

from .. import contract
from ..errors import GlossaryError
from .common import SEARCH_EXCLUDE, link_or_text

WORDS_PER_MINUTE = 230  # an adult reading explanatory prose on a screen


SOURCE_FIELDS = {"title", "by", "publisher", "url"}


HINT = "Terms with a dotted underline show their definition when you hover over them, tab to them or tap them."


def byline_html(source: object, words: int, path: str) -> str:
    """The line under an essay's title: its reading time and what it is based on
    (front matter `source`: title, and optionally by, publisher, url). Left out of search."""
    parts = [f"{reading_minutes(words)}-minute read"]
    if source is not None:
        parts.append("Based on " + _source_text(source, path))
    return f'<p class="{contract.BYLINE}" {SEARCH_EXCLUDE}>{" · ".join(parts)}</p>\n'


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE))


def with_hint(html: str) -> str:
    """The essay with the hint right after the block (a paragraph, a list, a figure) that holds its
    first dotted term: next to a term the reader has just seen, however far down it comes, rather
    than above the text. An essay without one needs no hint. Left out of search."""
    first = html.find(f'<a class="{contract.TERM_LINK}"')
    end = _end_of_block(html, first) if first >= 0 else None
    if end is None:
        return html
    hint = f'\n<p class="{contract.HINT}" {SEARCH_EXCLUDE}>{escape(HINT)}</p>'
    return html[:end] + hint + html[end:]


# A tag (its attributes' quoted values may hold ">"), or something to step over whole: a comment, or a
# raw-text element whose text may hold "<".
_TAG = re.compile(
    r"<!--.*?-->|<(script|style|textarea)\b.*?</\1\s*>|<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _end_of_block(html: str, position: int) -> int | None:
    """Where the top-level element holding `position` ends, in a page's well-formed HTML."""
    depth = 0
    for tag in _TAG.finditer(html):
        closing, name, attributes = tag.group(2), tag.group(3), tag.group(4)
        if name is None or name.lower() in _VOID or attributes.rstrip().endswith("/"):
            if depth == 0 and tag.end() > position:
                return tag.end()
            continue
        depth += -1 if closing else 1
        if depth == 0 and tag.end() > position:
            return tag.end()
    return None


def _source_text(source: object, path: str) -> str:
    fix = "Write it as fields under 'source:': title, and optionally by, publisher and url."
    if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source["title"].strip():
        raise GlossaryError(path, "has a 'source' without a title.", fix)
    unknown = sorted(set(source) - SOURCE_FIELDS)
    if unknown:
        raise GlossaryError(path, f"has an unknown field '{unknown[0]}' under 'source'.", fix)
    for key in SOURCE_FIELDS & set(source):
        if not isinstance(source[key], str):
            raise GlossaryError(path, f"has 'source.{key}' that is not text.", fix)
    url = source.get("url")
    if url is not None and not url.startswith(("https://", "http://")):
        raise GlossaryError(
            path, f"has 'source.url' {url!r}, which is not a web address.", "Give the full https:// address."
        )
    text = link_or_text(f"“{source['title'].strip()}”", url)
    if source.get("by"):
        text += f" by {escape(source['by'].strip())}"
    if source.get("publisher"):
        text += f" ({escape(source['publisher'].strip())})"
    return text
