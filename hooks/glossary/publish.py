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
from .terms import GlossaryError, Term, plural, slugify

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
        f'<p class="{contract.EYEBROW}" {SEARCH_EXCLUDE}>{_link("Glossary", index_href)}</p>\n'
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


def _link(text: str, href: str | None) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


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
    text = _link(f"“{source['title'].strip()}”", url)
    if source.get("by"):
        text += f" by {escape(source['by'].strip())}"
    if source.get("publisher"):
        text += f" ({escape(source['publisher'].strip())})"
    return text


VOCABULARY_HEADING = "Vocabulary"
VOCABULARY_ID = "vocabulary"
DECKS_HEADING = "Decks for Anki and other tools"  # on the study page
DECKS_ID = "decks-for-anki"


def _permalinked_heading(text: str, anchor: str) -> str:
    """An <h2> with the ¶ permalink Markdown's toc extension gives the page's own headings."""
    return (
        f'<h2 id="{anchor}">{escape(text)}<a class="headerlink" href="#{anchor}" '
        f'title="Permanent link">&para;</a></h2>\n'
    )


def vocabulary_html(terms: Iterable[Term], href_for: Callable[[str], str], study: Mapping[str, str] | None) -> str:
    """An essay's closing list of the terms it uses, in the order a reader meets them, each
    with its summary; then, if the site has a study page, links to study them there and to
    download them for Anki (`study`: "page", "anki" and "tsv" addresses). Left out of search:
    each summary is found on its own term's page."""
    terms = list(terms)
    if not terms:
        return ""
    items = "".join(
        f'<li><a href="{escape(href_for(term.slug))}">{escape(term.title)}</a>: {escape(term.summary)}</li>\n'
        for term in terms
    )
    count = f"{len(terms)} term" + ("" if len(terms) == 1 else "s")
    actions = ""
    if study:
        actions = (
            f'<p class="{contract.VOCABULARY_ACTIONS}">'
            f'<a class="md-button md-button--primary" href="{escape(study["page"])}">Study these {count}</a> '
            f'<a class="md-button" href="{escape(study["anki"])}" download>Download for Anki</a> '
            f'<a href="{escape(study["tsv"])}" download>or as a spreadsheet (TSV)</a></p>\n'
        )
    return (
        f'<section class="{contract.VOCABULARY}" {SEARCH_EXCLUDE} aria-labelledby="{VOCABULARY_ID}">\n'
        f"{_permalinked_heading(VOCABULARY_HEADING, VOCABULARY_ID)}"
        f"<p>The {count} this essay uses, in the order you meet them.</p>\n<ol>\n{items}</ol>\n{actions}</section>\n"
    )


STUDY_PAGE = """---
title: Study
description: Flashcards of the glossary's terms, scheduled by FSRS and kept in your browser, \
and the same decks for Anki.
---

# Study the terms

Flashcards of every term in the glossary, or of the terms one essay uses. A card shows a term, or a
sentence with the term left out; recall what you can, show the answer, and say how well you knew it.
The scheduler, FSRS, then decides when the card comes back: soon if you forgot it, later each time you
remember it. Your progress stays in this browser and is sent nowhere; export it to keep a copy or to
move it to another browser.
"""


def study_app_html(decks_json: str, assets: Mapping[str, str], decks, downloads: str) -> str:
    """The study page's working part: the decks as inert text in a <template> (Material's
    instant navigation re-runs every <script> of a page as code), the app's place, its
    stylesheet and scripts, which no other page loads (`assets`: "css", "scheduler", "js"),
    and each deck's files for Anki and other tools (in the folder `downloads`)."""
    files = "".join(
        f'<li>{escape(deck.title)} ({len(deck.slugs)} cards): '
        f'<a href="{escape(downloads + deck.id)}.apkg" download>Anki package</a>, '
        f'<a href="{escape(downloads + deck.id)}.tsv" download>spreadsheet (TSV)</a></li>\n'
        for deck in decks
    )
    return (
        f'<template class="{contract.STUDY_DECKS}">{escape(decks_json, quote=False)}</template>\n'
        f'<div class="{contract.STUDY}" {SEARCH_EXCLUDE}><p class="{contract.STUDY_WAIT}">'
        "Flashcards need JavaScript. Without it, each essay's Vocabulary list and the glossary index "
        "hold the same terms, and the decks below open in Anki.</p></div>\n"
        f"{_permalinked_heading(DECKS_HEADING, DECKS_ID)}"
        "<p>Import a package into Anki with File › Import; importing a newer copy later updates its cards "
        "instead of adding them twice. The spreadsheets open in Quizlet and most flashcard apps.</p>\n"
        f"<ul>\n{files}</ul>\n"
        f'<link rel="stylesheet" href="{escape(assets["css"])}">\n'
        f'<script defer src="{escape(assets["scheduler"])}"></script>\n'
        f'<script defer src="{escape(assets["js"])}"></script>\n'
    )


# Where a page that mentions a term belongs in its "Mentioned in" list, in the order shown.
ESSAYS, ENTRIES, OTHER_PAGES = 0, 1, 2
BACKLINK_GROUPS = {ESSAYS: "Essays", ENTRIES: "Glossary entries", OTHER_PAGES: "Other pages"}


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


def backlinks_html(items: Iterable[tuple[int, str]]) -> str:
    """The "Mentioned in" section around entries made by `backlink_html`, each with its
    group (`ESSAYS`, `ENTRIES`, `OTHER_PAGES`): essays first, each group in the order found."""
    groups: dict[int, list[str]] = {}
    for group, entry in items:
        groups.setdefault(group, []).append(entry)
    body = "".join(
        f'<h3 class="{contract.BACKLINK_GROUP}">{BACKLINK_GROUPS[group]}</h3>\n<ul>\n{"".join(groups[group])}</ul>\n'
        for group in sorted(groups)
    ) or f"<p>{NO_MENTIONS}</p>\n"
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
    return "".join(parts)


def copy_link_html(url: str) -> str:
    """The "Copy link" control by a term page's title; hidden until the script can copy."""
    return (
        f'<p class="{contract.COPY_LINK}" {SEARCH_EXCLUDE}><button type="button" data-url="{escape(url)}" '
        f'aria-label="Copy link" title="Copy link to this entry" hidden>{_LINK_ICON}</button>'
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
