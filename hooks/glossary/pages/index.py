"""The glossary's index page: every term A–Z with its summary, letter jump links and a filter box."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .. import contract
from ..terms import Term
from .common import SEARCH_EXCLUDE

_ARTICLES = ("the ", "a ", "an ")

# The script of the index's filter and the 404 page's suggestions, under the docs folder: only those two
# pages load it (this page's HTML, and overrides/404.html through Site.not_found_data).
FIND_SCRIPT = "assets/glossary/find.js"


def sort_key(title: str) -> str:
    """Where a title sorts in the index: "The Bitter Lesson" under B."""
    folded = title.casefold()
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded[len(article):]
    return folded


def letter_of(title: str) -> str:
    first = sort_key(title)[:1].upper()
    return first if first.isalpha() else "#"


def index_sections(terms: Iterable[Term]) -> list[tuple[str, list[Term]]]:
    """Terms grouped by initial letter, both in alphabetical order."""
    groups: dict[str, list[Term]] = {}
    for term in sorted(terms, key=lambda t: sort_key(t.title)):
        groups.setdefault(letter_of(term.title), []).append(term)
    return sorted(groups.items())


def letter_id(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else letter.lower())


def index_html(terms: Iterable[Term], href_for: Callable[[str], str], script: str | None = None) -> str:
    """The A–Z list: letter jump links, then each term with its summary; `script`, the address of
    FIND_SCRIPT from this page, if the page is to load it (instant navigation runs a script in the
    page's content on every arrival, as a full load does).

    The bar is the page's only set of letters, not repeated in its table of contents: the bar is
    in view at every width, while Material tucks the table of contents into the menu on narrow screens."""
    sections = index_sections(terms)
    jumps = " ".join(f'<a href="#{letter_id(letter)}">{escape(letter)}</a>' for letter, _ in sections)
    # The list repeats every term's title and summary: keep it out of the search
    # index, so that a search lands on the term's own page instead.
    skip = SEARCH_EXCLUDE
    parts = [f'<nav class="{contract.INDEX_LETTERS}" aria-label="Terms by letter" {skip}>{jumps}</nav>\n']
    # The filter box works in the browser only, so it stays hidden until the script shows it.
    parts.append(
        f'<p {skip}><input type="search" class="{contract.FILTER}" aria-label="Filter the glossary" '
        f'placeholder="Filter the glossary" autocomplete="off" hidden> '
        f'<span class="{contract.FILTER_STATUS}" role="status"></span></p>\n'
    )
    parts.append(f'<div class="{contract.INDEX}" {skip}>\n')
    for letter, group in sections:
        parts.append(f'<h2 id="{letter_id(letter)}" {skip}>{escape(letter)}</h2>\n<dl>\n')
        for term in group:
            names = " ".join(term.names)
            href = escape(href_for(term.slug))
            parts.append(
                f'<dt data-names="{escape(names)}"><a href="{href}">{escape(term.title)}</a></dt>\n'
                f"<dd>{escape(term.summary)}</dd>\n"
            )
        parts.append("</dl>\n")
    parts.append("</div>\n")
    if script:
        parts.append(f'<script defer src="{escape(script)}"></script>\n')
    return "".join(parts)
