"""What a shared address shows: alias redirect pages, schema.org data for link previews,
and the URL forms of each term's and essay's names for the 404 page's suggestions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from ..terms import Term, plural, slugify
from .index import sort_key


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


def preview_description(meta: Mapping[str, Any], term: Term | None) -> str | None:
    """What a page's link preview says of it, as plain text on one line: its `description`, else
    (a term page) the term's summary; None for a page with neither."""
    text = meta.get("description") or (term.summary if term is not None else None)
    return " ".join(str(text).split()) if text else None


def url_names(term: Term) -> list[str]:
    """The URL-shaped forms of a term's names and their plurals, for matching a mistyped address."""
    forms = {term.slug}
    for name in term.names:
        forms.add(slugify(name))
        forms.add(slugify(plural(name) or ""))
    return sorted(form for form in forms if form)


def essay_url_names(title: str, url: str) -> list[str]:
    """The URL-shaped forms of an essay's names, for matching a mistyped address: its title and the
    last part of its address (its file name)."""
    last = url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
    return sorted(form for form in {slugify(title), slugify(last)} if form)
