"""The *collect* stage: read term pages' front matter into a validated glossary.

A term page is a Markdown file whose front matter names the term (`title`),
defines it in one plain sentence (`summary`) and lists its other names
(`aliases`: shown, searched, given an address), other forms of its names that
count as mentions in prose (`forms`: "fine-tuned", "KV caches") and related
terms (`related`). Every mistake a writer can make in
it becomes a `GlossaryError` that names the file and says what to fix; the
glossary is checked whole before the build stops, so all of them are reported at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import NamedTuple, TypeVar

import yaml

from .errors import GlossaryError, raise_all
from .matcher import NOT_A_MENTION, SENTENCE_END, Matcher, name_key, plural

SUMMARY_LIMIT = 200

# Front-matter fields this engine reads, and those that MkDocs or Material
# read from any page: anything else is probably a typo and earns a warning.
TERM_FIELDS = {"title", "summary", "aliases", "forms", "related", "slug", "case", "link", "not", "bracket", "joined"}
BRACKETS = ("name", "qualifier")  # `bracket`: what the bracket ending a title is
PAGE_FIELDS = {"description", "hide", "icon", "search", "status", "subtitle", "tags", "template", "glossary"}

# libyaml's loader when PyYAML has it (ten times faster); the same YAML either way.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_ABBREVIATION = re.compile(r"\s*\(([^()]+)\)\s*$")
_TITLE_ALTERNATIVES = re.compile(r"\s+/\s+")
_QUALIFIER = re.compile(r"[a-z]+(?:\s|$)")
_WORD_GAPS = re.compile(r"[\s\-\u2010\u2011\u2013]+")  # between the words of a name: spaces, hyphens, dashes
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")
T = TypeVar("T")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Term(NamedTuple):
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
    bracket: str | None = None  # `bracket`: the title's bracket is a "name" or a "qualifier"; None: the rule decides
    joined: bool | None = None  # `joined`: its names' words written together count too; None: the site's option

    @property
    def names(self) -> tuple[str, ...]:
        """What the term is called: the title's names, then the aliases (shown, searched, redirected)."""
        return _dedupe(title_names(self.title, self.bracket) + self.aliases)

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


def title_names(title: str, bracket: str | None = None) -> tuple[str, ...]:
    """Names a title stands for: "In-Context Learning (ICL)" → ("In-Context Learning", "ICL").

    A bracket that opens with a lowercase word qualifies the name instead of
    renaming it, as on Wikipedia: "Coin (in Coinage)" and "Mercury (planet)"
    are named "Coin" and "Mercury" ("pBFT" is not a lowercase word); unless
    it spells the title out (`expands`): "cgroup (control group)" is named both.
    `bracket` ("name" or "qualifier", the page's own word) overrides the rule.
    """
    names: list[str] = []
    abbreviation = _ABBREVIATION.search(title)
    if abbreviation:
        title = title[: abbreviation.start()]
        inside = abbreviation.group(1).strip()
        qualifies = _QUALIFIER.match(inside) and not expands(inside, title)
        if bracket == "qualifier" or (qualifies and bracket != "name"):
            abbreviation = None
    names.extend(part.strip() for part in _TITLE_ALTERNATIVES.split(title) if part.strip())
    if abbreviation:
        names.append(abbreviation.group(1).strip())
    return tuple(names)


def expands(words: str, title: str) -> bool:
    """Whether `words` spell out `title`: the title, in letters and digits, is the initials of two or more
    words ("SIG" ← special interest group), or those initials with the last word whole ("cgroup" ←
    control group, "KV cache" ← key-value cache). A qualifier seldom does ("Coin (in Coinage)")."""
    parts = [part for part in _WORD_GAPS.split(words.lower()) if part]
    letters = _NOT_LETTERS.sub("", title.lower())
    initials = "".join(part[0] for part in parts)
    if len(parts) < 2 or not letters:
        return False
    return letters in (initials, initials[:-1] + _NOT_LETTERS.sub("", parts[-1]))


def joined_name(name: str) -> str | None:
    """A name of two or more words written together, as an API names a thing: "Persistent Volume" →
    "PersistentVolume", "config map" → "ConfigMap"; None for a name of one word."""
    words = [word for word in _WORD_GAPS.split(name.strip()) if word]
    if len(words) < 2 or not all(word[0].isalnum() for word in words):
        return None
    return "".join(word[0].upper() + word[1:] for word in words)


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
    so a file can be renamed without changing the term's URL. Every field is
    checked before the page is refused, so one error names all its mistakes.
    """
    meta, _body = split_front_matter(text, source)
    mistakes: list[GlossaryError] = []

    def checked(read: Callable[[], T], fallback: T) -> T:
        try:
            return read()
        except GlossaryError as mistake:
            mistakes.append(mistake)
            return fallback

    slug = checked(lambda: _slug(meta, slug, source), slug)
    title = checked(
        lambda: _required_text(meta, "title", source, "the term as readers know it, e.g. 'In-Context Learning (ICL)'"),
        "",
    )
    summary = checked(lambda: _summary(meta, source), "")
    def listed(field: str, what: str) -> list[str]:
        return checked(lambda: _text_list(meta, field, source, what), [])

    aliases = listed("aliases", "other names of the term, e.g. ['ICL', 'lifelong learning']")
    forms = listed("forms", "other forms of its names, e.g. ['fine-tuned', 'KV caches']")
    related = listed("related", "slugs of other term pages, e.g. ['context-window']")
    if slug in related:
        mistakes.append(GlossaryError(source, "lists itself under 'related'.", f"Remove '{slug}' from 'related'."))
    case = meta.get("case")
    if case is not None and case != "sensitive":
        mistakes.append(GlossaryError(
            source,
            f"has 'case: {case}'.",
            "Write 'case: sensitive' to match the term's names only as written, or leave it out.",
        ))
    autolink = checked(lambda: _yes_or_no(
        meta, "link", source, "Write 'link: false' to keep the term's page and backlinks but never link its mentions."
    ), None)
    joined = checked(lambda: _yes_or_no(
        meta, "joined", source,
        "Write 'joined: true' to count a name's words written together ('PersistentVolume' for Persistent Volume), "
        "'joined: false' to keep the site's 'joined' option off for this term, or leave it out.",
    ), None)
    bracket = checked(lambda: _bracket(meta, title, source), None)
    not_mentions = listed("not", "phrases that are no mention of the term, e.g. ['customer service']")
    names = [name_key(name) for name in title_names(title, bracket) + tuple(a.strip() for a in aliases + forms)]
    names += [name_key(form) for form in map(plural, names) if form]
    for phrase in not_mentions if title else ():
        key = name_key(phrase)
        if not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key) for name in names):
            mistakes.append(GlossaryError(
                source,
                f"lists '{phrase}' under 'not', which holds none of the term's names.",
                "Under 'not' go phrases that contain a name of the term and are no mention of it, "
                "e.g. 'customer service' for the term Service.",
            ))
        elif key in names:
            mistakes.append(GlossaryError(
                source, f"lists its own name '{phrase}' under 'not'.", f"Remove '{phrase}' from 'not'."
            ))
    raise_all(mistakes)
    unknown = sorted(set(meta) - TERM_FIELDS - PAGE_FIELDS)
    warnings = [
        f"{source}: unknown front-matter field '{field}' is ignored. "
        f"Term pages use {', '.join(sorted(TERM_FIELDS))}; check the spelling."
        for field in unknown
    ]
    term = Term(
        slug, title, summary, tuple(" ".join(a.split()) for a in aliases), tuple(related), source,
        case_sensitive=case == "sensitive", autolink=autolink is not False,
        not_mentions=tuple(" ".join(p.split()) for p in not_mentions),
        forms=tuple(" ".join(f.split()) for f in forms), bracket=bracket, joined=joined,
    )
    return term, warnings


def _slug(meta: dict, slug: str, source: str) -> str:
    if "slug" not in meta:
        return slug
    slug = _required_text(meta, "slug", source, "the last part of the term's URL, e.g. 'in-context-learning'")
    if not _SLUG.fullmatch(slug):
        raise GlossaryError(
            source,
            f"has the slug '{slug}', which is not lower-case words joined by hyphens.",
            f"Use letters, digits and single hyphens only, e.g. '{slugify(slug) or 'in-context-learning'}'.",
        )
    return slug


def _summary(meta: dict, source: str) -> str:
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
    return summary


def _yes_or_no(meta: dict, field: str, source: str, fix: str) -> bool | None:
    value = meta.get(field)
    if value is not None and not isinstance(value, bool):
        raise GlossaryError(source, f"has '{field}' as {_kind(value)}, not as true or false.", fix)
    return value


def _bracket(meta: dict, title: str, source: str) -> str | None:
    """`bracket`: whether the bracket ending the title is another name of the term or a qualifier."""
    value = meta.get("bracket")
    if value is None:
        return None
    if value not in BRACKETS:
        raise GlossaryError(
            source,
            f"has 'bracket: {value}'.",
            "Write 'bracket: name' if the bracket ending the title is another name of the term "
            "(an abbreviation, or what one stands for), 'bracket: qualifier' if it only tells the term "
            "from others ('Mercury (planet)'), or leave it out.",
        )
    if title and not _ABBREVIATION.search(title):
        raise GlossaryError(
            source,
            f"has 'bracket: {value}', but its title '{title}' does not end with a bracket.",
            "Remove 'bracket', or end the title with one, e.g. 'cgroup (control group)'.",
        )
    return value


class Glossary:
    """Every term of the site, keyed by slug, and the one matcher over all their names. (A plain
    class: a dataclass writes and compiles its methods when the hook is imported, in every build.)"""

    def __init__(self, terms: Mapping[str, Term], matcher: Matcher):
        self.terms = terms
        self.matcher = matcher

    @classmethod
    def build(
        cls, terms: Iterable[Term], excluded: Iterable[str] = (), *, joined: bool = False,
        unread: Iterable[str] = (),
    ) -> Glossary:
        """Check the terms against each other and compile their names once; every mistake
        found is reported at once.

        `excluded` are slugs of terms whose names are not looked for at all
        (the site-wide `exclude` option): their pages stay, unlinked anywhere.
        `joined` is the site's `joined` option, for terms whose page does not say.
        `unread` are slugs of term pages that could not be read: another page may
        name them under `related` without a second message.
        """
        mistakes: list[GlossaryError] = []
        by_slug: dict[str, Term] = {}
        for term in sorted(terms, key=lambda t: (t.slug, t.source)):
            other = by_slug.setdefault(term.slug, term)
            if other is not term:
                mistakes.append(GlossaryError(
                    term.source,
                    f"has the slug '{term.slug}', which {other.source} has too.",
                    "Each term needs its own URL: rename one file, or give one page a different 'slug'.",
                ))
        unread = set(unread)
        for term in by_slug.values():
            for slug in term.related:
                if slug not in by_slug and slug not in unread:
                    mistakes.append(GlossaryError(
                        term.source,
                        f"lists '{slug}' under 'related', but no term page has that slug.",
                        f"Use the file name of a term page without '.md' (known: {_nearest(slug, by_slug)}).",
                    ))
        excluded = set(excluded)
        table, as_written = _names_table(by_slug.values(), mistakes, joined)
        raise_all(mistakes)
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
        mistakes: list[GlossaryError] = []
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
                    mistakes.append(GlossaryError(
                        term.source,
                        f"has the name '{name}', whose address ('{alias}') already belongs to {owner.source}.",
                        "Remove or reword that name on one of the two pages.",
                    ))
        raise_all(mistakes)
        return {alias: term.slug for alias, term in sorted(claimed.items())}


def _names_table(
    terms: Iterable[Term], mistakes: list[GlossaryError], joined: bool = False
) -> tuple[dict[str, str], set[str]]:
    """Name → slug for every spelling (name or form) and its plural, and the phrases under `not` (→ NOT_A_MENTION);
    and the names to match only as written. Two terms may not share a name: each such mistake goes to
    `mistakes`, and the name stays its first term's. `joined`: the site's default for the `joined` field."""
    terms = list(terms)
    owner: dict[str, tuple[Term, str]] = {}
    table: dict[str, str] = {}
    # Titles first, so that a clash of two titles shows as two entries for one thing, whichever
    # page holds the same name as an alias; then aliases and forms, blamed where they are written.
    titles = {term.slug: _title_keys(term) for term in terms}
    for in_title in (True, False):
        for term in terms:
            for name in term.spellings:
                key = name_key(name)
                if (key in titles[term.slug]) != in_title:
                    continue
                other, other_name = owner.setdefault(key, (term, name))
                if other is not term:
                    mistakes.append(_name_taken(term, name, other, other_name))
                    if in_title and _keeps_address(term, name, other):
                        owner[key] = (term, name)  # the entry to keep, as the message says
                        table[name] = term.slug
                    continue
                table[name] = term.slug
    # Plurals and joined forms come last and never override a name a writer gave; one that
    # two terms would share is left out rather than guessed.
    derived: dict[str, set[str]] = {}
    for name, slug in table.items():
        form = plural(name)
        if form and name_key(form) not in owner:
            derived.setdefault(form, set()).add(slug)
    by_slug = {term.slug: term for term in terms}
    exact: set[str] = set()
    for term in terms:
        if not (joined if term.joined is None else term.joined):
            continue
        for name in term.spellings:
            together = joined_name(name)
            for form in (together, together and plural(together)):
                if form and name_key(form) not in owner:
                    derived.setdefault(form, set()).add(term.slug)
                    exact.add(form)  # "PersistentVolume", never "persistentvolume"
    seen: dict[str, set[str]] = {}
    for form, slugs in derived.items():
        seen.setdefault(name_key(form), set()).update(slugs)
    table.update({form: next(iter(slugs)) for form, slugs in derived.items() if len(seen[name_key(form)]) == 1})
    sensitive = {term.slug for term in terms if term.case_sensitive}
    as_written = {name for name, slug in table.items() if slug in sensitive or name in exact}
    # A phrase under `not` may be no name of any term, plurals included.
    taken = {name_key(name): slug for name, slug in table.items()}
    for term in terms:
        for phrase in term.not_mentions:
            holder = by_slug.get(taken.get(name_key(phrase), NOT_A_MENTION))
            if holder is not None:
                mistakes.append(GlossaryError(
                    term.source,
                    f"lists '{phrase}' under 'not', but it is a name of {holder.source} ('{holder.title}').",
                    "A phrase under 'not' hides a term's mentions; it cannot also be a term: remove it from one page.",
                ))
                continue
            table[phrase] = NOT_A_MENTION
    return table, as_written


def _name_taken(term: Term, name: str, other: Term, other_name: str) -> GlossaryError:
    """The message for a name two terms claim. Where it is the title's name on both pages, they look
    like two entries for one thing, and taking the name off one would only lead to the next message."""
    key = name_key(name)
    if key in _title_keys(term) and key in _title_keys(other):
        if _keeps_address(term, name, other):
            return _duplicate_entries(other_name, keeper=term, duplicate=other)
        return _duplicate_entries(name, keeper=other, duplicate=term)
    # Titles are claimed first, so `term` holds the name as an alias or form: that is where a writer added it.
    return GlossaryError(
        term.source,
        f"uses the name '{name}', which is also a name of {other.source} ('{other.title}').",
        "A name, alias or form may belong to one term only: remove it from one of the two pages.",
    )


def _keeps_address(term: Term, name: str, other: Term) -> bool:
    """Of two entries titled `name`, whether `term` is the one to keep: it is at the address the name gives
    and the other is not, and links people have sent point there."""
    return term.slug == slugify(name) != other.slug


def _duplicate_entries(name: str, keeper: Term, duplicate: Term) -> GlossaryError:
    """Two pages whose titles give the same name: say how to merge them and keep the old address."""
    keeper_addresses = {slugify(kept) for kept in keeper.names} | {keeper.slug}
    names = [n for n in duplicate.names if name_key(n) not in {name_key(k) for k in keeper.names}]
    if duplicate.slug in keeper_addresses:
        address = f"its address ('{duplicate.slug}') then leads to {keeper.source}, which has that name."
    else:
        alias = next((n for n in names if slugify(n) == duplicate.slug), duplicate.slug.replace("-", " "))
        if alias not in names:
            names.append(alias)
        address = f"the alias '{alias}' keeps its address ('{duplicate.slug}') working as a redirect."
    move = f"add {', '.join(repr(n) for n in names)} to its 'aliases', " if names else ""
    return GlossaryError(
        duplicate.source,
        f"is named '{name}' by its title, as {keeper.source} ('{keeper.title}') is: "
        "the two pages look like two entries for one term.",
        f"Merge them: keep {keeper.source}, move into it what this page says that it lacks, {move}"
        f"and delete this page; {address} If they are two terms, give each a name of its own.",
    )


def _title_keys(term: Term) -> set[str]:
    return {name_key(name) for name in title_names(term.title, term.bracket)}


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
