"""The *collect* stage: read term pages' front matter into a validated glossary.

A term page is a Markdown file whose front matter names the term (`title`),
defines it in one plain sentence (`summary`) and lists its other names
(`aliases`: shown, searched, given an address), other forms of its names that
count as mentions in prose (`forms`: "fine-tuned", "KV caches") and related
terms (`related`). Every mistake a writer can make in
it becomes a `GlossaryError` that names the file and says what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import yaml

from .errors import GlossaryError
from .matcher import NOT_A_MENTION, SENTENCE_END, Matcher, name_key, plural

SUMMARY_LIMIT = 200

# Front-matter fields this engine reads, and those that MkDocs or Material
# read from any page: anything else is probably a typo and earns a warning.
TERM_FIELDS = {"title", "summary", "aliases", "forms", "related", "slug", "case", "link", "not"}
PAGE_FIELDS = {"description", "hide", "icon", "search", "status", "subtitle", "tags", "template", "glossary"}

# libyaml's loader when PyYAML has it (ten times faster); the same YAML either way.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_ABBREVIATION = re.compile(r"\s*\(([^()]+)\)\s*$")
_TITLE_ALTERNATIVES = re.compile(r"\s+/\s+")
_QUALIFIER = re.compile(r"[a-z]+(?:\s|$)")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Term:
    """One glossary entry, as its page defines it."""

    slug: str
    title: str
    summary: str
    aliases: tuple[str, ...]
    related: tuple[str, ...]
    source: str
    case_sensitive: bool = False  # `case: sensitive`: its names match only as written
    autolink: bool = True  # `link: false`: mentions are found (backlinks, Vocabulary) but never linked
    not_mentions: tuple[str, ...] = ()  # `not`: phrases holding a name that are no mention of the term
    forms: tuple[str, ...] = ()  # `forms`: inflections that are mentions but no name ("fine-tuned")

    @property
    def names(self) -> tuple[str, ...]:
        """What the term is called: the title's names, then the aliases (shown, searched, redirected)."""
        return _dedupe(title_names(self.title) + self.aliases)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every spelling that counts as a mention in prose: the names, then the other forms."""
        return _dedupe(self.names + self.forms)


def slugify(title: str) -> str:
    """The documented slug rule: drop a trailing "(ABBR)", lower-case, hyphens between words.

    "In-Context Learning (ICL)" → "in-context-learning";
    "Parameters / Weights" → "parameters-weights".
    """
    return _SLUG_JUNK.sub("-", _ABBREVIATION.sub("", title).lower()).strip("-")


def typographic(text: str) -> str:
    """Straight quotes as the page body has them (Markdown's smarty): "model's" → "model’s", "x" → “x”."""
    text = _APOSTROPHE.sub("\u2019", text)
    text = _OPENING_SINGLE.sub("\u2018", text).replace("'", "\u2019")
    return _OPENING_DOUBLE.sub("\u201c", text).replace('"', "\u201d")


_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_OPENING_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[“]))'")
_OPENING_DOUBLE = re.compile(r'(?:(?<=^)|(?<=[\s(\[‘]))"')


def title_names(title: str) -> tuple[str, ...]:
    """Names a title stands for: "In-Context Learning (ICL)" → ("In-Context Learning", "ICL").

    A bracket that opens with a lowercase word qualifies the name instead of
    renaming it, as on Wikipedia: "Coin (in Coinage)" and "Mercury (planet)"
    are named "Coin" and "Mercury" ("pBFT" is not a lowercase word).
    """
    names: list[str] = []
    abbreviation = _ABBREVIATION.search(title)
    if abbreviation:
        title = title[: abbreviation.start()]
        if _QUALIFIER.match(abbreviation.group(1).strip()):
            abbreviation = None
    names.extend(part.strip() for part in _TITLE_ALTERNATIVES.split(title) if part.strip())
    if abbreviation:
        names.append(abbreviation.group(1).strip())
    return tuple(names)


def split_front_matter(text: str, source: str) -> tuple[dict, str]:
    """Return (front matter, body) of a Markdown page; the front matter must be a YAML mapping."""
    found = _FRONT_MATTER.match(text)
    if not found:
        raise GlossaryError(
            source,
            "has no front matter.",
            "Start the file with a '---' line, the fields (title, summary, aliases, related), and another '---' line.",
        )
    try:
        meta = yaml.load(found.group(1) or "", Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" on line {where.line + 2}" if where is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise GlossaryError(
            source,
            f"has front matter that is not valid YAML{line} ({problem}).",
            "Check the quoting and indentation between the '---' lines; quote a value that holds a colon.",
        ) from None
    if not isinstance(meta, dict):
        raise GlossaryError(
            source, "has front matter that is not a list of fields.", "Write one 'field: value' per line."
        )
    return meta, text[found.end():]


def read_term(slug: str, text: str, source: str) -> tuple[Term, list[str]]:
    """Validate one term page; return the term and warnings about unknown fields.

    `slug` is the file's name; a `slug` field in the front matter overrides it,
    so a file can be renamed without changing the term's URL.
    """
    meta, _body = split_front_matter(text, source)
    if "slug" in meta:
        slug = _required_text(meta, "slug", source, "the last part of the term's URL, e.g. 'in-context-learning'")
        if not _SLUG.fullmatch(slug):
            raise GlossaryError(
                source,
                f"has the slug '{slug}', which is not lower-case words joined by hyphens.",
                f"Use letters, digits and single hyphens only, e.g. '{slugify(slug) or 'in-context-learning'}'.",
            )
    title = _required_text(meta, "title", source, "the term as readers know it, e.g. 'In-Context Learning (ICL)'")
    summary = _required_text(meta, "summary", source, f"one plain sentence of at most {SUMMARY_LIMIT} characters")
    summary = typographic(" ".join(summary.split()))
    if "<" in summary or ">" in summary:
        raise GlossaryError(
            source,
            "has a summary that contains '<' or '>'.",
            "Write the summary as plain text: it is shown as the hover definition, where markup is not allowed.",
        )
    if len(summary) > SUMMARY_LIMIT:
        raise GlossaryError(
            source,
            f"has a summary of {len(summary)} characters.",
            f"Shorten it to at most {SUMMARY_LIMIT}: it is a one-sentence hover definition; "
            "the page body holds the rest.",
        )
    inner_end = SENTENCE_END.search(summary)
    if inner_end:
        first = summary[: inner_end.start() + 1]
        raise GlossaryError(
            source,
            f"has a summary of more than one sentence (the first ends at '{_tail(first)}').",
            "Write it as one sentence; the page body holds the rest. "
            "Avoid abbreviations with a period, such as 'e.g.', which read as the end of a sentence.",
        )
    if summary[-1] not in ".!?":
        raise GlossaryError(
            source,
            f"has a summary that does not end a sentence ('{_tail(summary)}').",
            "End the one-sentence summary with a period.",
        )
    aliases = _text_list(meta, "aliases", source, "other names of the term, e.g. ['ICL', 'lifelong learning']")
    forms = _text_list(meta, "forms", source, "other forms of its names, e.g. ['fine-tuned', 'KV caches']")
    related = _text_list(meta, "related", source, "slugs of other term pages, e.g. ['context-window']")
    if slug in related:
        raise GlossaryError(source, "lists itself under 'related'.", f"Remove '{slug}' from 'related'.")
    case = meta.get("case")
    if case is not None and case != "sensitive":
        raise GlossaryError(
            source,
            f"has 'case: {case}'.",
            "Write 'case: sensitive' to match the term's names only as written, or leave it out.",
        )
    autolink = meta.get("link", True)
    if not isinstance(autolink, bool):
        raise GlossaryError(
            source,
            f"has 'link' as {_kind(autolink)}, not as true or false.",
            "Write 'link: false' to keep the term's page and backlinks but never link its mentions.",
        )
    not_mentions = _text_list(meta, "not", source, "phrases that are no mention of the term, e.g. ['customer service']")
    names = [name_key(name) for name in title_names(title) + tuple(a.strip() for a in aliases + forms)]
    names += [name_key(form) for form in map(plural, names) if form]
    for phrase in not_mentions:
        key = name_key(phrase)
        if not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key) for name in names):
            raise GlossaryError(
                source,
                f"lists '{phrase}' under 'not', which holds none of the term's names.",
                "Under 'not' go phrases that contain a name of the term and are no mention of it, "
                "e.g. 'customer service' for the term Service.",
            )
        if key in names:
            raise GlossaryError(source, f"lists its own name '{phrase}' under 'not'.", f"Remove '{phrase}' from 'not'.")
    unknown = sorted(set(meta) - TERM_FIELDS - PAGE_FIELDS)
    warnings = [
        f"{source}: unknown front-matter field '{field}' is ignored. "
        f"Term pages use {', '.join(sorted(TERM_FIELDS))}; check the spelling."
        for field in unknown
    ]
    term = Term(
        slug, title, summary, tuple(" ".join(a.split()) for a in aliases), tuple(related), source,
        case_sensitive=case == "sensitive", autolink=autolink,
        not_mentions=tuple(" ".join(p.split()) for p in not_mentions),
        forms=tuple(" ".join(f.split()) for f in forms),
    )
    return term, warnings


@dataclass(frozen=True)
class Glossary:
    """Every term of the site, keyed by slug, and the one matcher over all their names."""

    terms: Mapping[str, Term]
    matcher: Matcher

    @classmethod
    def build(cls, terms: Iterable[Term], excluded: Iterable[str] = ()) -> Glossary:
        """Check the terms against each other and compile their names once.

        `excluded` are slugs of terms whose names are not looked for at all
        (the site-wide `exclude` option): their pages stay, unlinked anywhere.
        """
        by_slug: dict[str, Term] = {}
        for term in sorted(terms, key=lambda t: (t.slug, t.source)):
            other = by_slug.setdefault(term.slug, term)
            if other is not term:
                raise GlossaryError(
                    term.source,
                    f"has the slug '{term.slug}', which {other.source} has too.",
                    "Each term needs its own URL: rename one file, or give one page a different 'slug'.",
                )
        for term in by_slug.values():
            for slug in term.related:
                if slug not in by_slug:
                    raise GlossaryError(
                        term.source,
                        f"lists '{slug}' under 'related', but no term page has that slug.",
                        f"Use the file name of a term page without '.md' (known: {_nearest(slug, by_slug)}).",
                    )
        excluded = set(excluded)
        table, as_written = _names_table(by_slug.values())
        table = {name: slug for name, slug in table.items() if slug not in excluded}
        return cls(by_slug, Matcher(table, frozenset(as_written) & set(table)))

    @cached_property
    def unlinked(self) -> frozenset[str]:
        """Slugs of the terms whose mentions are found but never linked (`link: false`)."""
        return frozenset(slug for slug, term in self.terms.items() if not term.autolink)

    @cached_property
    def case_sensitive(self) -> frozenset[str]:
        """Slugs of the terms whose names match only as written (`case: sensitive`)."""
        return frozenset(slug for slug, term in self.terms.items() if term.case_sensitive)

    def __len__(self) -> int:
        return len(self.terms)

    def redirects(self) -> dict[str, str]:
        """Alias slug → term slug: the other URLs a reader might type for a term.

        Every name of a term (the title's parts, its abbreviation, its aliases)
        gets one, except aliases that are only the plural of another of its
        names ("KV caches"). Two terms may not claim the same URL.
        """
        claimed: dict[str, Term] = {}
        for term in self.terms.values():
            plurals = {name_key(form) for form in map(plural, term.names) if form}
            for name in term.names:
                if name in term.aliases and name_key(name) in plurals:
                    continue
                alias = slugify(name)
                if not alias or alias == term.slug:
                    continue
                # A term's own URL counts as claimed by that term.
                owner = self.terms.get(alias) or claimed.setdefault(alias, term)
                if owner is not term:
                    raise GlossaryError(
                        term.source,
                        f"has the name '{name}', whose address ('{alias}') already belongs to {owner.source}.",
                        "Remove or reword that name on one of the two pages.",
                    )
        return {alias: term.slug for alias, term in sorted(claimed.items())}


def _names_table(terms: Iterable[Term]) -> tuple[dict[str, str], set[str]]:
    """Name → slug for every spelling (name or form) and its plural, and the phrases under `not` (→ NOT_A_MENTION);
    and the names to match only as written. Two terms may not share a name."""
    terms = list(terms)
    owner: dict[str, tuple[Term, str]] = {}
    table: dict[str, str] = {}
    for term in terms:
        for name in term.spellings:
            key = name_key(name)
            other, other_name = owner.setdefault(key, (term, name))
            if other is not term:
                # Blame the page where the name is an alias: that is where a writer added it.
                if key in _title_keys(term):
                    culprit, keeper, name = other, term, other_name
                else:
                    culprit, keeper = term, other
                raise GlossaryError(
                    culprit.source,
                    f"uses the name '{name}', which is also a name of {keeper.source} ('{keeper.title}').",
                    "A name, alias or form may belong to one term only: remove it from one of the two pages.",
                )
            table[name] = term.slug
    # Plurals come last and never override a name a writer gave; a plural that
    # two terms would share is left out rather than guessed.
    plurals: dict[str, set[str]] = {}
    for name, slug in table.items():
        form = plural(name)
        if form and name_key(form) not in owner:
            plurals.setdefault(form, set()).add(slug)
    seen: dict[str, set[str]] = {}
    for form, slugs in plurals.items():
        seen.setdefault(name_key(form), set()).update(slugs)
    table.update({form: next(iter(slugs)) for form, slugs in plurals.items() if len(seen[name_key(form)]) == 1})
    sensitive = {term.slug for term in terms if term.case_sensitive}
    as_written = {name for name, slug in table.items() if slug in sensitive}
    # A phrase under `not` may be no name of any term, plurals included.
    by_slug = {term.slug: term for term in terms}
    taken = {name_key(name): slug for name, slug in table.items()}
    for term in terms:
        for phrase in term.not_mentions:
            holder = by_slug.get(taken.get(name_key(phrase), NOT_A_MENTION))
            if holder is not None:
                raise GlossaryError(
                    term.source,
                    f"lists '{phrase}' under 'not', but it is a name of {holder.source} ('{holder.title}').",
                    "A phrase under 'not' hides a term's mentions; it cannot also be a term: remove it from one page.",
                )
            table[phrase] = NOT_A_MENTION
    return table, as_written


def _title_keys(term: Term) -> set[str]:
    return {name_key(name) for name in title_names(term.title)}


def _required_text(meta: dict, field: str, source: str, what: str) -> str:
    value = meta.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise GlossaryError(source, f"has no '{field}'.", f"Add '{field}:' to the front matter: {what}.")
    if not isinstance(value, str):
        raise GlossaryError(
            source,
            f"has '{field}' as {_kind(value)}, not as text.",
            f"Write '{field}' as a single line of text: {what}.",
        )
    return value.strip()


def _text_list(meta: dict, field: str, source: str, what: str) -> list[str]:
    value = meta.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise GlossaryError(
            source, f"has '{field}' as {_kind(value)}, not as a list.", f"Write '{field}' as a list: {what}."
        )
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise GlossaryError(
                source,
                f"has an entry in '{field}' that is empty or not text ({item!r}).",
                f"Each entry is text: {what}.",
            )
    return [item.strip() for item in value]


def _tail(text: str, words: int = 5) -> str:
    """The last few words of a text, to show a writer where in it the problem is."""
    kept = text.split()
    return ("…" if len(kept) > words else "") + " ".join(kept[-words:])


def _kind(value: object) -> str:
    kinds = {str: "a piece of text", dict: "a set of fields", list: "a list", bool: "a yes/no value"}
    return kinds.get(type(value), "a number" if isinstance(value, (int, float)) else "a date or other value")


def _nearest(slug: str, known: Mapping[str, Term]) -> str:
    import difflib

    close = difflib.get_close_matches(slug, list(known), n=3)
    return ", ".join(close) if close else ", ".join(list(known)[:5]) + ", …"


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name_key(name), name)
    return tuple(seen.values())
