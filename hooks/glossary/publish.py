"""The *publish* stage: the HTML the engine adds to pages once the glossary and its mentions are known.

Term pages get an "Also written as" line, a "Related terms" list and a
"Mentioned in" section; the glossary's index page gets the A–Z list. Every
piece of text goes through `escape`, so nothing a writer types becomes markup.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from . import contract
from .linker import Mention
from .terms import Term, plural, slugify

BACKLINKS_HEADING = "Mentioned in"
BACKLINKS_ID = "mentioned-in"
RELATED_HEADING = "Related terms"
RELATED_ID = "related-terms"
NO_MENTIONS = "No page mentions this term yet."

_ARTICLES = ("the ", "a ", "an ")
SEARCH_EXCLUDE = "data-search-exclude"  # understood by Material's search plugin
SECTION_SEPARATOR = " &#8250; "  # "›" between a backlink's page and section, as the HTML has it
# Page titles, sections, addresses and anchors recur in backlink after backlink.
_escape_name = lru_cache(maxsize=4096)(escape)


@dataclass(frozen=True)
class Backlink:
    """A page that mentions a term, and its first linked mention there."""

    page_title: str
    href: str  # the mentioning page, as seen from the term's page (no fragment)
    mention: Mention


def definition_html(term: Term) -> str:
    """One term's entry in a page's definitions: the same on every page, so worth making once."""
    return f'<dt {contract.TERM_ATTR}="{escape(term.slug)}">{escape(term.title)}</dt><dd>{escape(term.summary)}</dd>'


def definitions_html(entries: Iterable[str]) -> str:
    """The definitions of the terms a page links (entries from `definition_html`), for the popover script."""
    pairs = "".join(entries)
    if not pairs:
        return ""
    return f'<template class="{contract.DEFINITIONS}" {SEARCH_EXCLUDE}><dl>{pairs}</dl></template>\n'


def aliases_html(term: Term) -> str:
    if not term.aliases:
        return ""
    names = ", ".join(f"<span>{escape(alias)}</span>" for alias in term.aliases)
    return f'<p class="{contract.ALIASES}">Also written as: {names}</p>\n'


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


def backlink_html(link: Backlink) -> str:
    """One entry of a "Mentioned in" list, linking to the mention itself.

    Written as ASCII (other characters as references), so that a build can
    keep thousands of them compactly until their term pages are rendered.
    """
    mention = link.mention
    where = _escape_name(link.page_title)
    if mention.section and mention.section != link.page_title:
        where += f"{SECTION_SEPARATOR}{_escape_name(mention.section)}"
    quote = f"{escape(mention.before)}<mark>{escape(mention.text)}</mark>{escape(mention.after)}"
    item = (
        f'<li><a href="{_escape_name(link.href)}#{_escape_name(mention.anchor)}">{where}</a> '
        f'<q class="{contract.BACKLINK_CONTEXT}">{quote}</q></li>\n'
    )
    return item.encode("ascii", "xmlcharrefreplace").decode("ascii")


def backlinks_html(items: Iterable[str]) -> str:
    """The "Mentioned in" section around entries made by `backlink_html`."""
    entries = "".join(items)
    body = f"<ul>\n{entries}</ul>\n" if entries else f"<p>{NO_MENTIONS}</p>\n"
    return (
        f'<section class="{contract.BACKLINKS}" aria-labelledby="{BACKLINKS_ID}">\n'
        f'<h2 id="{BACKLINKS_ID}">{BACKLINKS_HEADING}</h2>\n{body}</section>\n'
    )


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


def index_html(terms: Iterable[Term], href_for: Callable[[str], str]) -> str:
    """The A–Z list: letter jump links, then each term with its summary."""
    sections = index_sections(terms)
    jumps = " ".join(f'<a href="#{letter_id(letter)}">{escape(letter)}</a>' for letter, _ in sections)
    # The list repeats every term's title and summary: keep it out of the search
    # index, so that a search lands on the term's own page instead.
    skip = SEARCH_EXCLUDE
    parts = [f'<nav class="{contract.INDEX_LETTERS}" aria-label="Terms by letter" {skip}>{jumps}</nav>\n']
    parts.append(f'<div class="{contract.INDEX}" {skip}>\n')
    for letter, group in sections:
        parts.append(f'<h2 id="{letter_id(letter)}" {skip}>{escape(letter)}</h2>\n<dl>\n')
        for term in group:
            parts.append(
                f'<dt><a href="{escape(href_for(term.slug))}">{escape(term.title)}</a></dt>\n'
                f"<dd>{escape(term.summary)}</dd>\n"
            )
        parts.append("</dl>\n")
    parts.append("</div>\n")
    return "".join(parts)


def copy_link_html(url: str) -> str:
    """The "Copy link" button of a term page; hidden until the script can copy."""
    return (
        f'<p class="{contract.COPY_LINK}"><button type="button" data-url="{escape(url)}" hidden>Copy link</button> '
        f'<span role="status" class="{contract.COPY_STATUS}"></span></p>\n'
    )


def redirect_html(term: Term, href: str, canonical: str) -> str:
    """A page that sends a reader on to `href` (relative, so it works on any host and from file://)."""
    title, target = escape(term.title), escape(href)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<link rel="icon" href="data:,">\n'  # no request for /favicon.ico on the way through
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n"
        f'<p>This term is explained on <a href="{target}">{title}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def _json_for_html(data: object) -> str:
    """JSON that cannot close the <script> it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _term_set(index_url: str) -> dict:
    return {"@type": "DefinedTermSet", "@id": index_url, "name": "Glossary", "url": index_url}


def defined_term_json(term: Term, url: str, index_url: str) -> str:
    """schema.org data for a term page: a DefinedTerm in the site's glossary."""
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": url,
        "name": term.title,
        "description": term.summary,
        "url": url,
        "termCode": term.slug,
        "inDefinedTermSet": _term_set(index_url),
    }
    if term.aliases:
        data["alternateName"] = list(term.aliases)
    return _json_for_html(data)


def defined_term_set_json(terms: Iterable[Term], urls: Mapping[str, str], index_url: str) -> str:
    """schema.org data for the glossary index: the DefinedTermSet and its terms."""
    data = {
        "@context": "https://schema.org",
        **_term_set(index_url),
        "hasDefinedTerm": [
            {"@type": "DefinedTerm", "name": t.title, "description": t.summary, "url": urls[t.slug]}
            for t in sorted(terms, key=lambda t: sort_key(t.title))
        ],
    }
    return _json_for_html(data)


def url_names(term: Term) -> list[str]:
    """The URL-shaped forms of a term's names and their plurals, for matching a mistyped address."""
    forms = {term.slug}
    for name in term.names:
        forms.add(slugify(name))
        forms.add(slugify(plural(name) or ""))
    return sorted(form for form in forms if form)
