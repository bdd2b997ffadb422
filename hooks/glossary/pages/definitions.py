"""The definitions a page carries for its popovers: the terms it links, as text in an inert <template>."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .. import contract
from ..terms import Term
from .common import SEARCH_EXCLUDE


def definition_html(term: Term) -> str:
    """One term's entry in a page's definitions: the same on every page, so worth making once."""
    return f'<dt {contract.TERM_ATTR}="{escape(term.slug)}">{escape(term.title)}</dt><dd>{escape(term.summary)}</dd>'


def definitions_html(entries: Iterable[str]) -> str:
    """The definitions of the terms a page links (entries from `definition_html`), for the popover script."""
    pairs = "".join(entries)
    if not pairs:
        return ""
    return f'<template class="{contract.DEFINITIONS}" {SEARCH_EXCLUDE}><dl>{pairs}</dl></template>\n'
