"""An essay's line under its title: reading time, its source (front matter `source`, checked
here), and a hint that dotted terms show a definition."""

from __future__ import annotations

from html import escape

from .. import contract
from ..errors import GlossaryError
from .common import SEARCH_EXCLUDE, link_or_text

WORDS_PER_MINUTE = 230  # an adult reading explanatory prose on a screen


SOURCE_FIELDS = {"title", "by", "publisher", "url"}


HINT = "Terms with a dotted underline show their definition when you hover over them, tab to them or tap them."


def byline_html(source: object, words: int, path: str) -> str:
    """The line under an essay's title: its reading time and what it is based on
    (front matter `source`: title, and optionally by, publisher, url), then a
    one-line hint that dotted terms show a definition. Left out of search."""
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    parts = [f"{minutes}-minute read"]
    if source is not None:
        parts.append("Based on " + _source_text(source, path))
    return (
        f'<p class="{contract.BYLINE}" {SEARCH_EXCLUDE}>{" · ".join(parts)}</p>\n'
        f'<p class="{contract.HINT}" {SEARCH_EXCLUDE}>{escape(HINT)}</p>\n'
    )


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
