"""A term page's own parts: its top (section, title, copy-link control, summary, other names)
and its "Related terms" list. Its "Mentioned in" section is `backlinks.section_html`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from .. import contract
from ..terms import Term
from .common import SEARCH_EXCLUDE, link_or_text

RELATED_HEADING = "Related terms"


RELATED_ID = "related-terms"


def aliases_html(term: Term) -> str:
    if not term.aliases:
        return ""
    names = ", ".join(f"<span>{escape(alias)}</span>" for alias in term.aliases)
    return f'<p class="{contract.ALIASES}">Also called: {names}</p>\n'


# The "link" icon of Material Design Icons (Pictogrammers Free License), inline: no request, any palette.
_LINK_ICON = (
    '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" '
    'd="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 '
    '13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>'
)


def entry_head_html(term: Term, url: str, index_href: str | None) -> str:
    """The top of a term page: where it belongs, its title with a copy-link control, its
    summary as the opening line, and its other names.

    Material writes its own <h1> only when the content has none, so the title is ours.
    The section name and the control are left out of the search index: a result's snippet
    starts with the summary, not with a control's label.
    """
    return (
        f'<div class="{contract.ENTRY_HEAD}">\n'
        f'<p class="{contract.EYEBROW}" {SEARCH_EXCLUDE}>{link_or_text("Glossary", index_href)}</p>\n'
        # Search knows the title as the page's; indexed again (or with an id, as a second
        # empty section) it would open every result's snippet.
        f'<div class="{contract.ENTRY_TITLE}">\n<h1 {SEARCH_EXCLUDE}>{escape(term.title)}</h1>\n'
        f"{copy_link_html(url)}</div>\n"
        f'<p class="{contract.SUMMARY}">{escape(term.summary)}</p>\n'
        f"{aliases_html(term)}</div>\n"
    )


def related_html(term: Term, terms: Mapping[str, Term], href_for: Callable[[str], str]) -> str:
    if not term.related:
        return ""
    items = "".join(
        f'<li><a href="{escape(href_for(slug))}">{escape(terms[slug].title)}</a>: {escape(terms[slug].summary)}</li>\n'
        for slug in term.related
    )
    return (
        f'<h2 id="{RELATED_ID}">{RELATED_HEADING}</h2>\n'
        f'<ul class="{contract.RELATED}">\n{items}</ul>\n'
    )


def copy_link_html(url: str) -> str:
    """The "Copy link" control by a term page's title; hidden until the script can copy."""
    return (
        f'<p class="{contract.COPY_LINK}" {SEARCH_EXCLUDE}><button type="button" data-url="{escape(url)}" '
        f'aria-label="Copy link" title="Copy link to this entry" hidden>{_LINK_ICON}</button>'
        f'<span role="status" class="{contract.COPY_STATUS}"></span></p>\n'
    )
