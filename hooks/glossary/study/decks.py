"""Study mode's decks: a deck is the whole glossary, or the terms one essay mentions, in the
order a reader meets them. A card is a term: its title on the front; its summary, the first
paragraph of its definition, its example and a link to its page on the back; and, where an
essay uses the term, that sentence with the term left out, for a second kind of card.
Everything here is text: the study page's script puts it in with textContent.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

GLOSSARY_DECK = "glossary"
DECKS_FOLDER = "decks"  # under the study page's folder: one .apkg and one .tsv per deck
# The study page's own files, which a site that turns study on must ship (docs/assets/vendor/ts-fsrs/README.txt),
# and learn.js, which brings the same progress to the definitions in every page that has some.
ASSETS = {"css": "assets/study.css", "scheduler": "assets/vendor/ts-fsrs/index.umd.js", "js": "assets/study.js",
          "learn": "assets/learn.js"}


class Card(NamedTuple):
    """One term, as a flashcard."""

    slug: str
    title: str
    summary: str
    definition: str  # the first paragraph of the term page's definition, as text
    example: str  # the term page's example, as text
    url: str  # the term page's address
    sentence: tuple[str, str, str] | None = None  # (before, the term as written, after), from an essay


class Deck(NamedTuple):
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


def deck_id(src: str, essays: str) -> str:
    """An essay's deck id: its path under the essays folder, words joined by hyphens
    (`essays/2025/intro.md` → `2025-intro`). The id names the deck's files and its
    progress in the reader's browser, so essays with one file name in two folders
    must not share it.
    """
    path = posixpath.splitext(src[len(essays) + 1 :])[0]
    folder, name = posixpath.split(path)
    if name in ("index", "README"):
        path = folder or name
    name = path.replace("/", "-")
    return f"essay-{name}" if name == GLOSSARY_DECK else name


def file_names(deck: Deck) -> dict[str, str]:
    """The names of a deck's files in the decks folder, by kind: "anki" and "tsv"."""
    return {"anki": f"{deck.id}.apkg", "tsv": f"{deck.id}.tsv"}
