"""The site's prose as a reader meets it: American spelling, and no sentence borrowed from the notes."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from support import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))

# British spellings a writer slips into; each with the American form the site uses.
# Whole words only, so "rotation" or "organic" do not trip it.
BRITISH = {
    "towards": "toward", "afterwards": "afterward", "maths": "math", "rota": "schedule",
    "postcode": "ZIP code", "tyre": "tire", "grey": "gray", "colour": "color", "behaviour": "behavior",
    "favour": "favor", "neighbour": "neighbor", "centre": "center", "programme": "program",
    "catalogue": "catalog", "dialogue": "dialog", "defence": "defense", "licence": "license",
    "judgement": "judgment", "whilst": "while", "amongst": "among", "learnt": "learned",
    "travelled": "traveled", "travellers": "travelers", "labelled": "labeled", "modelled": "modeled",
    "cancelled": "canceled", "fulfil": "fulfill", "organise": "organize", "recognise": "recognize",
    "summarise": "summarize", "realise": "realize", "analyse": "analyze", "optimise": "optimize",
    "minimise": "minimize", "specialise": "specialize", "generalise": "generalize", "memorise": "memorize",
}
_STEMS = "|".join(sorted(BRITISH, key=len, reverse=True))
# A British stem with the endings English gives it ("recognised", "colours", "behaviours").
_BRITISH = re.compile(rf"\b({_STEMS})(s|d|ed|es|ing|ation|ations|er|ers)?\b", re.IGNORECASE)


def prose(path):
    """What a reader sees of a page: its text without the front matter's aliases (other spellings on purpose)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        _, meta, body = text.split("---", 2)
        fields = yaml.safe_load(meta) or {}
        return " ".join(str(fields.get(key, "")) for key in ("title", "summary", "description")) + "\n" + body
    return text


def british_words(text):
    return sorted({m.group(0) for m in _BRITISH.finditer(text)}, key=str.lower)


def american(word):
    stem = _BRITISH.fullmatch(word).group(1).lower()
    return f"'{BRITISH[stem]}' (not '{word}')"


def test_the_spelling_check_catches_british_forms():
    assert british_words("It moved towards the centre; the colours were recognised.") == [
        "centre", "colours", "recognised", "towards"]
    assert british_words("The rotation of the rotary organ is organized toward the center.") == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_pages_use_american_spelling(path):
    found = british_words(prose(path))
    assert not found, "use " + ", ".join(map(american, found))


def test_no_page_shares_a_run_of_eight_words_with_the_source_notes():
    tool = ROOT.parent / "shared" / "tools" / "originality"
    if not tool.exists():
        pytest.skip("the originality tool lives beside the project, in ../shared/tools")
    result = subprocess.run([str(tool), "docs"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
