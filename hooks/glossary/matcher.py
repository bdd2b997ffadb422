"""Find mentions of glossary names in plain text: the heart of the *link* stage.

All names of all terms are compiled once per build into a single regular
expression shaped like a trie, so the cost of a search grows with the length
of the text, not with the number of terms.

Matching rules (documented for writers in the README):

* longest name first: "inference-time compute" wins over "inference";
* whole words only; a hyphen joins words, so "weights-based" is no mention of
  "weights", but an apostrophe does not ("the model's weights" is);
* case-insensitive, except words written with two or more capitals
  ("ICL", "KV cache", "LoRA"), which match only as written, and names of a
  term whose page says `case: sensitive`, which match only as written too;
* inside a name, a space or a hyphen matches any run of spaces, a hyphen or a
  dash: "fine-tuning" also matches "fine tuning", "KV cache" also "KV-cache";
* a simple English plural of every name matches too ("token" → "tokens");
* a quote or an apostrophe in a name matches it straight or curled ("Bob's host"
  also "Bob’s host", as Markdown's smarty prints it), and a slash matches a
  slash with or without spaces around it ("UID/GID", "UID / GID").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from typing import Final

# Characters that join two words of a name. Hyphens and dashes join words in
# compounds ("stability–plasticity"), so a name written with either matches both.
_JOINERS = "\u2010\u2011\u2013-"  # hyphen last: it is a range marker elsewhere
_SEPARATOR_IN_NAME = re.compile(rf"[\s/{_JOINERS}]+")
# The joiners as literals, not a character class: under IGNORECASE, `re` folds the case of a class of
# non-ASCII characters each time it compiles one, and a name's every gap holds one (140 on this site:
# the whole pattern compiled in three times the time).
_SEPARATOR_PATTERN = "(?:\\s+|" + "|".join(map(re.escape, _JOINERS)) + ")"
# Words of a name as a pattern reads them: a slash is part of the name ("UID/GID"), not a gap.
_WORD_GAP = re.compile(rf"[\s{_JOINERS}]+")
_SLASH = re.compile(r"\s*/\s*")

# Writers type straight quotes in front matter, while the page text has them as smarty
# curled them: each quote in a name stands for all its shapes, so both spellings match.
_QUOTES = {"'": "'\u2018\u2019", '"': '"\u201c\u201d'}
_STRAIGHT = str.maketrans({curled: straight for straight, shapes in _QUOTES.items() for curled in shapes})
# A character of a name that matches a set of characters in the text, never held to a case.
_CLASSES = {**{quote: "[" + shapes + "]" for quote, shapes in _QUOTES.items()}, "/": r"\s*/\s*"}

# A word is "written in capitals" when it holds two or more capital letters.
_CAPITALS = re.compile(r"[A-Z].*[A-Z]")

# A name starts a word: the character before it is no word character (the text is searched with a
# space in front), and no joiner that follows one ("weights-based" holds no "based"). The pattern
# consumes that character, so that `re` can skip to the candidates: a pattern that begins with a
# character class is searched for that class in a tight loop, one that begins with a lookbehind is
# tried, in full, at every position of the text (over the benchmark's 100 essays, with the first letters
# below: 539 million instructions before, 412 million after).
_BEFORE_A_WORD = "\\W"
_NOT_AFTER_JOINED = rf"(?<!\w[{_JOINERS}])"
_WORD_END = rf"(?!\w)(?![{_JOINERS}]\w)"
# Under `re`'s Unicode case folding these letters also match "İ" and "ı", "K" (kelvin) and "ſ".
_FOLDED_BEYOND_ASCII = "iks"


class _Separator(enum.Enum):
    """A word separator as a trie edge: an enum of one member, so that `unit is _SEP`
    tells a type checker the other edges are letters."""

    SEP = "word separator"


_SEP: Final = _Separator.SEP  # a trie edge meaning "word separator"
# A trie edge: a word separator, or a letter and whether it must match in its case.
_Unit = tuple[str, bool] | _Separator

NOT_A_MENTION = ""  # the "term" of a phrase that must never count as a mention

# Where a sentence ends inside running text: closing punctuation, maybe a quote or
# bracket, then a space. Backlinks quote the sentence around a mention by it, and a
# term's summary must not contain one, so both agree on what "one sentence" is.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def name_key(name: str) -> str:
    """The form two names are compared in: lower case, one space between words, straight quotes."""
    return _straightened(_SEPARATOR_IN_NAME.sub(" ", name.strip()).lower())


def _straightened(text: str) -> str:
    """`text` with straight quotes. `translate` looks up every character in a dict (a microsecond a name,
    thousands of names a build); a curled quote is never ASCII, so ASCII text has none to straighten."""
    return text if text.isascii() else text.translate(_STRAIGHT)


def plural(name: str) -> str | None:
    """A simple English plural of a name's last word, or None when it has one already."""
    last = name.rstrip()
    if not last or not last[-1].isalpha() or last[-1] in "sS":
        return None
    if last.split()[-1].isupper():  # an abbreviation: "SSM" → "SSMs"
        return last + "s"
    if last[-1] == "y" and len(last) > 1 and last[-2] not in "aeiou":
        return last[:-1] + "ies"
    if last.endswith(("x", "z", "ch", "sh")):
        return last + "es"
    return last + "s"


def _units(name: str, as_written: bool = False) -> list[_Unit]:
    """A name as trie edges: separators, case-free letters, and exact-case letters."""
    units: list[_Unit] = []
    name = _straightened(_SLASH.sub("/", name.strip()))
    for i, word in enumerate(w for w in _WORD_GAP.split(name) if w):
        if i:
            units.append(_SEP)
        exact = as_written or bool(_CAPITALS.search(word))
        units.extend(
            (char, False) if char in _CLASSES else (char, True) if exact else (char.lower(), False) for char in word
        )
    return units


class Matcher:
    """One compiled pattern over every name; finds the mentions in a text.

    `names` maps each name as a writer spells it to the key of its term
    (a slug). Two names with the same `name_key` must map to the same term:
    the caller checks that, with a message a writer can act on. Names in
    `as_written` match only in the case they are written in. A name mapped
    to `NOT_A_MENTION` is found like any other, so as the longest match it
    hides the shorter names inside it ("customer service" hides "service").
    """

    def __init__(self, names: Mapping[str, str], as_written: frozenset[str] = frozenset()):
        self._term_of_key: dict[str, str] = {}
        self._term_of_text: dict[str, str] = {}
        trie: dict = {}
        for name, term in names.items():
            key = name_key(name)
            if not key:
                continue
            known = self._term_of_key.setdefault(key, term)
            if known != term:
                raise ValueError(f"the name {name!r} belongs to both {known!r} and {term!r}")
            node = trie
            for unit in _units(name, name in as_written):
                node = node.setdefault(unit, {})
            node[None] = True  # a name ends here
        body = _trie_pattern(trie, first=True)
        # Looking first for a letter that can open a name lets the search skip most of a
        # text quickly: the whole pattern is tried only where a name may start.
        openers = {char for unit in trie if unit is not _SEP for char in _QUOTES.get(unit[0], unit[0])}
        opens = "(?=[" + "".join(sorted(map(re.escape, openers))) + "])"
        self._pattern = (
            re.compile(_BEFORE_A_WORD + opens + _NOT_AFTER_JOINED + "(" + body + ")" + _WORD_END, re.IGNORECASE)
            if body else None
        )

    def __bool__(self) -> bool:
        return self._pattern is not None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, term) for each mention in `text`, left to right."""
        if self._pattern is None:
            return
        term_of = self._term_of_text
        for match in self._pattern.finditer(" " + text):
            found = match.group(1)
            term = term_of.get(found)
            if term is None:  # the same spellings recur page after page: fold each once
                term = self._term_of_key.get(name_key(found))
                if term is None:  # `re` folds "ſ" to s and "İ" to i, `str.lower` does not: a spelling of no name
                    continue
                term_of[found] = term
            start, end = match.span(1)
            yield start - 1, end - 1, term


def _trie_pattern(node: dict, first: bool = False) -> str:
    """Regex for a trie node; longer names are tried before the name that ends here.
    `first`: the node of the names' first letters (see `_run_pattern`)."""
    branches = []
    # Exact-case edges first, so "KV cache" is tried before a case-free "kv…".
    for unit in sorted((u for u in node if u is not None), key=_unit_order):
        child = node[unit]
        if unit is not _SEP and unit[1]:
            # A letter in its exact case also goes on with every case-free name: without
            # this, a case-sensitive "Host" would win over a longer case-free "Host API".
            free = node.get((unit[0].lower(), False))
            if free is not None:
                child = _merged(child, free)
        run = [unit]
        while len(child) == 1 and None not in child:  # a stretch with no choice: one piece of pattern
            (only,) = child
            run.append(only)
            child = child[only]
        branches.append(_run_pattern(run, first) + _trie_pattern(child))
    if not branches:
        return ""
    alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if None not in node:
        return alternation
    # A name ends here: the longer ones are optional, greedily. `re` parses a pattern in Python, once a
    # build: an alternation, which is a group already, and a single character (a plural's "s") take the
    # "?" as they are, without one more group to parse.
    one_piece = len(branches) > 1 or len(alternation) == 1
    return alternation + "?" if one_piece else "(?:" + alternation + ")?"


def _two_cases(letter: str) -> bool:
    """Whether IGNORECASE matches `letter` (lower case) in exactly its two cases."""
    return letter.isascii() and letter.isalpha() and letter not in _FOLDED_BEYOND_ASCII


def _merged(one: dict, other: dict) -> dict:
    """The trie of the names in both tries."""
    both = dict(one)
    for unit, child in other.items():
        both[unit] = _merged(both[unit], child) if unit is not None and unit in both else child
    return both


def _unit_order(unit: _Unit) -> tuple[int, str]:
    if unit is _SEP:
        return (2, "")
    char, exact = unit
    return (0 if exact else 1, char)


def _run_pattern(units: list[_Unit], first: bool = False) -> str:
    """Regex for trie edges in a row; letters held to their case share one group, since
    Python's re compiles a group per letter slowly when there are hundreds of names.

    `first`: the run opens one of the alternatives for a name's first letter. A case-free
    ASCII letter there is written as a class of its two cases: `re` skips an alternative
    whose first character is a class or an exact letter without trying it, while a letter
    under IGNORECASE costs a full attempt, at every word of the text, for every letter
    that can open a name."""
    out: list[str] = []
    exact: list[str] = []
    for i, unit in enumerate(units):
        if unit is not _SEP and unit[1]:
            exact.append(re.escape(unit[0]))
            continue
        if first and i == 0 and unit is not _SEP and _two_cases(unit[0]):
            out.append(f"(?-i:[{unit[0]}{unit[0].upper()}])")
            continue
        if exact:
            out.append(f"(?-i:{''.join(exact)})")
            exact = []
        if unit is _SEP:
            out.append(_SEPARATOR_PATTERN)
        else:
            out.append(_CLASSES.get(unit[0]) or re.escape(unit[0]))
    if exact:
        out.append(f"(?-i:{''.join(exact)})")
    return "".join(out)
