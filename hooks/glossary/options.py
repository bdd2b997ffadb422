"""The site-wide options (`extra.glossary` in mkdocs.yml), read once into a frozen `Options`.

Every wrong value is a `GlossaryError` that names the configuration file, the
option and the values it takes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from .errors import GlossaryError
from .linker import FIRST_PER_PAGE, MODES

NAV_CHOICES = ("index", "all")  # the sidebar lists the glossary's index only, or every term page
MENTIONED_IN = ("essays", "pages", "entries")  # essays, other pages, glossary entries: the default order


class Options(NamedTuple):
    folder: str = "glossary"  # `dir`: the folder under docs/ with one page per term
    link: str = FIRST_PER_PAGE  # which mentions become links: one of linker.MODES
    boost: float = 2  # search ranking of term pages against other pages
    max_per_paragraph: int | None = None  # links in one paragraph at most; None: no cap
    essays: str | None = "essays"  # folder of the essays (byline, Vocabulary, decks); None: no essays
    nav: str = "index"  # one of NAV_CHOICES
    study: str | None = None  # folder of the study page and its decks; None: no study page
    exclude: tuple[str, ...] = ()  # slugs or titles of terms never looked for on any page
    required: bool = True  # read by the theme: stop a build in which the hook did not run
    joined: bool = False  # a name's words written together count as a mention ("PersistentVolume")
    mentioned_in: tuple[str, ...] = MENTIONED_IN  # the order of the groups of a "Mentioned in" list


class _Wrong(Exception):
    """A value an option does not take: what to write instead."""


def _folder(value: Any) -> str:
    if not isinstance(value, str) or not value.strip("/ "):
        raise _Wrong("Give a folder under docs/, e.g. glossary.")
    return value.strip("/ ")


def _folder_or_none(example: str, meaning: str) -> Callable[[Any], str | None]:
    def read(value: Any) -> str | None:
        if value is False:
            return None
        if not isinstance(value, str) or not value.strip("/ "):
            raise _Wrong(f"Give the folder of the {meaning}, e.g. {example}, or false for no {meaning}.")
        return value.strip("/ ")

    return read


def _choice(choices: tuple[str, ...], meaning: str = "") -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if value not in choices:
            raise _Wrong(f"Use one of: {', '.join(choices)}{meaning}.")
        return value

    return read


def _number(value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _Wrong("It must be a number, e.g. 2.")
    return value


def _cap(value: Any) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise _Wrong("Use a whole number of links, 1 or more, or leave it out for no cap.")
    return value


def _terms(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise _Wrong("Give a list of terms' slugs or titles, e.g. [node, pod].")
    return tuple(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Wrong("Write true or false.")
    return value


def _groups(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or sorted(map(str, value)) != sorted(MENTIONED_IN):
        raise _Wrong("List the groups essays, entries (glossary entries) and pages (other pages) once each, "
                     "in the order shown, e.g. [essays, entries, pages].")
    return tuple(value)


# Each option as a writer spells it: the field it sets, and how its value is read.
_OPTIONS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "dir": ("folder", _folder),
    "link": ("link", _choice(MODES)),
    "boost": ("boost", _number),
    "max-per-paragraph": ("max_per_paragraph", _cap),
    "essays": ("essays", _folder_or_none("essays", "essays")),
    "nav": ("nav", _choice(NAV_CHOICES, " (the sidebar shows the glossary's index only, or every term page)")),
    "study": ("study", _folder_or_none("study", "study page")),
    "exclude": ("exclude", _terms),
    "required": ("required", _flag),
    "joined": ("joined", _flag),
    "mentioned-in": ("mentioned_in", _groups),
}
assert {field for field, _ in _OPTIONS.values()} == set(Options._fields)


def read_options(raw: Mapping[str, Any] | None, source: str = "mkdocs.yml") -> Options:
    """`extra.glossary` as written in `source`, checked, with the defaults for what it leaves out."""
    values = {}
    for key, value in (raw or {}).items():
        if key not in _OPTIONS:
            known = ", ".join(_OPTIONS)
            raise GlossaryError(source, f"unknown option extra.glossary.{key}.", f"The options are: {known}.")
        field, read = _OPTIONS[key]
        try:
            values[field] = read(value)
        except _Wrong as wrong:
            raise GlossaryError(source, f"extra.glossary.{key} is {value!r}.", str(wrong)) from None
    return Options(**values)
