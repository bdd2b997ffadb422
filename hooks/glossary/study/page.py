"""Study mode's parts of pages: an essay's closing Vocabulary, and the study page itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape

from .. import contract
from ..pages.common import SEARCH_EXCLUDE, escape_recurring, permalinked_heading
from ..terms import Term
from .decks import Deck, file_names

VOCABULARY_HEADING = "Vocabulary"


VOCABULARY_ID = "vocabulary"


DECKS_HEADING = "Decks for Anki and other tools"  # on the study page


DECKS_ID = "decks-for-anki"


def vocabulary_html(terms: Iterable[Term], href_for: Callable[[str], str], study: Mapping[str, str] | None) -> str:
    """An essay's closing list of the terms it uses, in the order a reader meets them, each
    with its summary; then, if the site has a study page, links to study them there and to
    download them for Anki (`study`: "page", "anki" and "tsv" addresses). Left out of search:
    each summary is found on its own term's page."""
    terms = list(terms)
    if not terms:
        return ""
    items = "".join(
        f'<li><a href="{escape_recurring(href_for(term.slug))}" {contract.TERM_ATTR}="{escape_recurring(term.slug)}">'
        f"{escape_recurring(term.title)}</a>: {escape_recurring(term.summary)}</li>\n"
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
        f"{permalinked_heading(VOCABULARY_HEADING, VOCABULARY_ID, searched=False)}"
        f"<p>The {count} this essay uses, in the order you meet them.</p>\n<ol>\n{items}</ol>\n{actions}</section>\n"
    )


def learn_html(script: str, scheduler: str) -> str:
    """The script that shows a term's study state in its popover (docs/assets/learn.js), at `script`
    from the page, with the address of the scheduler it loads on the reader's first review."""
    return (
        f'<script class="{contract.LEARN}" defer src="{escape(script)}" '
        f'{contract.LEARN_SCHEDULER}="{escape(scheduler)}"></script>\n'
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


def study_app_html(decks_json: str, assets: Mapping[str, str], decks: Iterable[Deck], downloads: str) -> str:
    """The study page's working part: the decks as inert text in a <template> (Material's
    instant navigation re-runs every <script> of a page as code), the app's place, its
    stylesheet and scripts, which no other page loads (`assets`: "css", "scheduler", "js"),
    and each deck's files for Anki and other tools (in the folder `downloads`)."""
    files = "".join(
        f'<li>{escape(deck.title)} ({len(deck.slugs)} cards): '
        f'<a href="{escape(downloads + file_names(deck)["anki"])}" download>Anki package</a>, '
        f'<a href="{escape(downloads + file_names(deck)["tsv"])}" download>spreadsheet (TSV)</a></li>\n'
        for deck in decks
    )
    return (
        f'<template class="{contract.STUDY_DECKS}">{escape(decks_json, quote=False)}</template>\n'
        f'<div class="{contract.STUDY}" {SEARCH_EXCLUDE}><p class="{contract.STUDY_WAIT}">'
        "Flashcards need JavaScript. Without it, each essay's Vocabulary list and the glossary index "
        "hold the same terms, and the decks below open in Anki.</p></div>\n"
        f"{permalinked_heading(DECKS_HEADING, DECKS_ID)}"
        "<p>Import a package into Anki with File › Import; importing a newer copy later updates its cards "
        "instead of adding them twice. The spreadsheets open in Quizlet and most flashcard apps.</p>\n"
        f"<ul>\n{files}</ul>\n"
        f'<link rel="stylesheet" href="{escape(assets["css"])}">\n'
        f'<script defer src="{escape(assets["scheduler"])}"></script>\n'
        f'<script defer src="{escape(assets["js"])}"></script>\n'
    )
