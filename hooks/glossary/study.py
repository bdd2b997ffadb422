"""Study mode: flashcard decks of the glossary, for the study page and for Anki and other tools.

A deck is the whole glossary, or the terms one essay mentions, in the order a
reader meets them. A card is a term: its title on the front; its summary, the
first paragraph of its definition, its example and a link to its page on the
back; and, where an essay uses the term, that sentence with the term left out,
for a second kind of card. Everything here is text: the study page's script
puts it in with textContent, and the Anki fields escape it.

Decks come out the same, byte for byte, when nothing changed: note ids derive
from the term's slug, deck and model ids from fixed names, and the .apkg file's
timestamps are fixed. So re-importing an updated deck updates its notes in Anki
instead of adding copies.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

import genanki
from selectolax.lexbor import LexborHTMLParser

GLOSSARY_DECK = "glossary"
# When the notes "were made", for Anki: fixed, so two builds write the same file.
ANKI_TIMESTAMP = 1767225600.0  # 2026-01-01T00:00:00Z
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIELDS = ("Term", "Summary", "Definition", "Example", "Link")


@dataclass(frozen=True)
class Card:
    """One term, as a flashcard."""

    slug: str
    title: str
    summary: str
    definition: str  # the first paragraph of the term page's definition, as text
    example: str  # the term page's example, as text
    url: str  # the term page's address
    sentence: tuple[str, str, str] | None = None  # (before, the term as written, after), from an essay


@dataclass(frozen=True)
class Deck:
    id: str  # "glossary", or the essay's slug
    title: str
    slugs: tuple[str, ...]  # its cards, in order


def definition_and_example(html: str) -> tuple[str, str]:
    """A term page's first paragraph of definition and its example (the paragraph after its
    "Example" heading), as text, from the page's HTML before the engine adds to it."""
    tree = LexborHTMLParser(html, is_fragment=True)
    definition = tree.css_first("p")
    example = tree.css_first("h2#example")
    while example is not None and example.tag != "p":
        example = example.next
    return _text(definition), _text(example)


def _text(node) -> str:
    return " ".join(node.text().split()) if node is not None else ""


def stable_id(name: str) -> int:
    """A 31-bit id derived from a name: the same on every build (Anki wants ids below 2**31 for models)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") >> 1


def decks_json(decks: Iterable[Deck], cards: Mapping[str, Card]) -> str:
    """What the study page's script reads: every card once, and each deck as a list of slugs."""
    decks = list(decks)
    used = {slug for deck in decks for slug in deck.slugs}
    data = {
        "decks": [{"id": d.id, "title": d.title, "cards": list(d.slugs)} for d in decks],
        "cards": {
            slug: {
                "title": card.title,
                "summary": card.summary,
                "definition": card.definition,
                "url": card.url,
                **({"sentence": list(card.sentence)} if card.sentence else {}),
            }
            for slug, card in cards.items()
            if slug in used
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


_MODEL = genanki.Model(
    stable_id("glossary-term-model"),
    "Glossary term",
    fields=[{"name": name} for name in FIELDS],
    templates=[
        {
            "name": "Term → meaning",
            "qfmt": '<div class="term">{{Term}}</div>',
            "afmt": (
                '{{FrontSide}}<hr id="answer"><p class="summary">{{Summary}}</p><p>{{Definition}}</p>'
                '{{#Example}}<p class="example">{{Example}}</p>{{/Example}}'
                '<p class="link"><a href="{{Link}}">{{Link}}</a></p>'
            ),
        }
    ],
    css=(
        ".card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; max-width: 38em;"
        " margin: 0 auto; text-align: left; } .term { font-size: 1.4em; font-weight: 700; }"
        " .summary { font-weight: 600; } .example { font-style: italic; } .link { font-size: 0.8em; }"
    ),
)


def _fields(card: Card) -> tuple[str, ...]:
    """The card's fields in the order of FIELDS, for Anki and for the TSV."""
    return (card.title, card.summary, card.definition, card.example, card.url)


def anki_package(deck: Deck, cards: Mapping[str, Card]) -> bytes:
    """The deck as an Anki package (.apkg): a zip holding an SQLite collection, the same bytes for the same deck."""
    anki = genanki.Deck(stable_id(f"deck:{deck.id}"), deck.title)
    for slug in deck.slugs:
        fields = [escape(field) for field in _fields(cards[slug])]
        anki.add_note(genanki.Note(model=_MODEL, fields=fields, guid=genanki.guid_for(slug)))
    handle, path = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        genanki.Package(anki).write_to_file(path, timestamp=ANKI_TIMESTAMP)
        return _with_fixed_dates(path)
    finally:
        os.remove(path)


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
    """The deck as tab-separated text, a card a line, for Quizlet, spreadsheets and other tools."""
    def cell(text: str) -> str:
        return " ".join(text.split())  # no tab or line break inside a field

    rows = ["\t".join(name.lower() for name in FIELDS)]
    for slug in deck.slugs:
        rows.append("\t".join(cell(field) for field in _fields(cards[slug])))
    return "\n".join(rows) + "\n"
