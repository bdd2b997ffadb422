"""Study decks as files, without a build: what writing a deck leaves behind."""

import tempfile

from glossary.study.anki import anki_package, deck_tsv
from glossary.study.decks import Card, Deck

DECK = Deck("glossary", "The whole glossary", ("token",))
CARDS = {"token": Card("token", "Token", "A unit of text.", "A token is…", "Take a line…", "https://x/token/")}


def test_writing_a_package_leaves_no_temporary_file(tmp_path, monkeypatch):
    # genanki writes two temporary files per package and keeps them; a build writes a package per deck.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert anki_package(DECK, CARDS)[:2] == b"PK"  # a zip
    assert list(tmp_path.iterdir()) == []
    assert tempfile.gettempdir() == str(tmp_path)  # the default is given back


def test_the_tsv_has_ankis_file_headers_and_a_row_per_card():
    assert deck_tsv(DECK, CARDS).splitlines() == [
        "#separator:tab", "#html:false", "#columns:term\tsummary\tdefinition\texample\tlink",
        "Token\tA unit of text.\tA token is…\tTake a line…\thttps://x/token/"]
