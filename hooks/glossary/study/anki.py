"""Study decks as files for other tools: an Anki package (.apkg) and tab-separated text.

Decks come out the same, byte for byte, when nothing changed: note ids derive
from the term's slug, deck and model ids from fixed names, and the .apkg file's
timestamps are fixed. So re-importing an updated deck updates its notes in Anki
instead of adding copies.

A note is a term, with the study page's two kinds of card: term → meaning, and,
where an essay uses the term, the sentence with the term left out → the sentence
completed (Anki makes that card only for notes whose Sentence field is not empty).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from .decks import Card, Deck

if TYPE_CHECKING:
    import genanki

# When the notes "were made", for Anki: fixed, so two builds write the same file.
ANKI_TIMESTAMP = 1767225600.0  # 2026-01-01T00:00:00Z
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIELDS = ("Term", "Summary", "Definition", "Example", "Link")  # the TSV's columns too
SENTENCE_FIELDS = ("Sentence", "Completed")  # the sentence with a blank; with the term in its place, in bold
GAP = "_____"


def stable_id(name: str) -> int:
    """A 31-bit id derived from a name: the same on every build (Anki wants ids below 2**31 for models)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") >> 1


# A new id for a model with new fields: Anki keeps a note type's fields under its id. The notes' ids
# (from the slug) do not change, so Anki's "Merge notetypes" import option updates notes imported before.
@functools.cache
def _model() -> genanki.Model:
    import genanki  # here, not at the top: see anki_package

    return genanki.Model(
        stable_id("glossary-term-model/2"),
        "Glossary term",
        fields=[{"name": name} for name in (*FIELDS, *SENTENCE_FIELDS)],
        templates=[
            {
                "name": "Term → meaning",
                "qfmt": '<div class="term">{{Term}}</div>',
                "afmt": (
                    '{{FrontSide}}<hr id="answer"><p class="summary">{{Summary}}</p><p>{{Definition}}</p>'
                    '{{#Example}}<p class="example">{{Example}}</p>{{/Example}}'
                    '<p class="link"><a href="{{Link}}">{{Link}}</a></p>'
                ),
            },
            {
                "name": "Sentence → term",
                "qfmt": '{{#Sentence}}<p class="sentence">{{Sentence}}</p>{{/Sentence}}',
                "afmt": (
                    '<p class="sentence">{{Completed}}</p><hr id="answer"><div class="term">{{Term}}</div>'
                    '<p class="summary">{{Summary}}</p><p class="link"><a href="{{Link}}">{{Link}}</a></p>'
                ),
            },
        ],
        css=(
            ".card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; max-width: 38em;"
            " margin: 0 auto; text-align: left; } .term { font-size: 1.4em; font-weight: 700; }"
            " .summary { font-weight: 600; } .example { font-style: italic; } .link { font-size: 0.8em; }"
            " .sentence { font-size: 1.2em; } .sentence b { text-decoration: underline; }"
        ),
    )


def _fields(card: Card) -> tuple[str, ...]:
    """The card's fields in the order of FIELDS, for Anki and for the TSV."""
    return (card.title, card.summary, card.definition, card.example, card.url)


def _sentence_fields(card: Card) -> tuple[str, str]:
    """The note's Sentence and Completed fields, as HTML; empty for a term no essay uses."""
    if not card.sentence:
        return "", ""
    before, term, after = (escape(part) for part in card.sentence)
    return before + GAP + after, f"{before}<b>{term}</b>{after}"


def anki_package(deck: Deck, cards: Mapping[str, Card]) -> bytes:
    """The deck as an Anki package (.apkg): a zip holding an SQLite collection, the same bytes for the same deck."""
    # Imported when decks are written, not with the engine: genanki brings asyncio and more with it, about
    # 25 ms of every build (half the hook's import), which a site without study mode never needs.
    import genanki

    anki = genanki.Deck(stable_id(f"deck:{deck.id}"), deck.title)
    for slug in deck.slugs:
        fields = [escape(field) for field in _fields(cards[slug])] + list(_sentence_fields(cards[slug]))
        anki.add_note(genanki.Note(model=_model(), fields=fields, guid=genanki.guid_for(slug)))
    # genanki leaves two temporary files behind for every package it writes (its SQLite database and a
    # copy): have it write them in a folder of ours, which goes with everything in it.
    with tempfile.TemporaryDirectory(prefix="glossary-anki-") as folder:
        default, tempfile.tempdir = tempfile.tempdir, folder
        try:
            path = os.path.join(folder, "deck.apkg")
            genanki.Package(anki).write_to_file(path, timestamp=ANKI_TIMESTAMP)
            return _with_fixed_dates(path)
        finally:
            tempfile.tempdir = default


def _with_fixed_dates(path: str) -> bytes:
    """The zip at `path` again, its entries dated 1980-01-01: genanki dates them when it writes them."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def deck_tsv(deck: Deck, cards: Mapping[str, Card]) -> str:
    """The deck as tab-separated text, a card a line, for Quizlet, spreadsheets and other tools. It opens
    with Anki's file headers (its manual, "Importing text files"): the separator, plain text rather than
    HTML, and the columns' names, so that Anki reads no header row as a card; other tools show
    those lines as three rows to skip."""
    def cell(text: str) -> str:
        return " ".join(text.split())  # no tab or line break inside a field

    rows = ["#separator:tab", "#html:false", "#columns:" + "\t".join(name.lower() for name in FIELDS)]
    for slug in deck.slugs:
        rows.append("\t".join(cell(field) for field in _fields(cards[slug])))
    return "\n".join(rows) + "\n"
