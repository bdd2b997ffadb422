"""Backlinks: each page that mentions a term, kept as data until the term's page is rendered.

A backlink is recorded when the linker finds a page's first mention of a term,
and rendered once, as an entry of that term's "Mentioned in" section, with the
address of the mentioning page as seen from the term's page.
"""

from __future__ import annotations

import marshal
import tempfile
from array import array
from collections.abc import Callable, Iterable
from html import escape
from typing import IO, NamedTuple

from . import contract
from .linker import Mention
from .pages.common import escape_recurring

HEADING = "Mentioned in"
ANCHOR = "mentioned-in"
NO_MENTIONS = "No page mentions this term yet."
SECTION_SEPARATOR = " &#8250; "  # "›" between a backlink's page and section, as the HTML has it

# Where a page that mentions a term belongs in its "Mentioned in" list, in the order shown.
ESSAYS, ENTRIES, OTHER_PAGES = 0, 1, 2
GROUPS = {ESSAYS: "Essays", ENTRIES: "Glossary entries", OTHER_PAGES: "Other pages"}
# The pages that use a term matter more to its reader than other entries of the glossary (on a
# docs site, one term listed 49 entries before 112 pages): essays, then other pages, then entries.
ORDER = (ESSAYS, OTHER_PAGES, ENTRIES)
# The groups as the `mentioned-in` option names them.
BY_OPTION = {"essays": ESSAYS, "entries": ENTRIES, "pages": OTHER_PAGES}

# A long list shows its first entries and folds the rest under a "Show all N" control (a native
# <details>: it opens without a script, by keyboard, for find-in-page and for a link into it).
SHOWN = 10  # entries shown above the fold; the first group (essays by default) is the last to be folded
FEWEST = 3  # no fold hides fewer entries, and no group shows fewer above it: its heading goes in too
SHOW_ALL = "Show all {total}"
SHOW_FEWER = "Show fewer"


class Backlink(NamedTuple):
    """A page's first mention of a term: where it is and the sentence around it. A named tuple, not a
    frozen dataclass: one is made at every first mention of every page and again when its term's page
    reads it back, and a frozen dataclass's fields cost a call each to set."""

    page_title: str
    page_url: str  # the mentioning page's address from the site's root, e.g. "essays/intro/"
    group: int  # ESSAYS, ENTRIES or OTHER_PAGES
    section: str
    anchor: str  # the mention's id on that page
    before: str
    text: str
    after: str

    @classmethod
    def of(cls, mention: Mention, page_title: str, page_url: str, group: int) -> Backlink:
        return cls(page_title, page_url, group, mention.section, mention.anchor, mention.before, mention.text,
                   mention.after)


class BacklinkSpool:
    """Every backlink of a build, kept as bytes until its term's page is rendered: in memory up to
    `in_memory` bytes, then in a temporary file.

    At 1,000 pages the backlinks are megabytes, found while the generator reads
    the pages and kept until the end: as objects, they and the holes they leave
    between the pages' strings added a quarter to the build's peak memory
    (benchmarks/). Each is written with `marshal`, five times as fast as JSON both ways:
    the bytes are read back by the same interpreter and go with the build.

    A small site's backlinks stay in a list per term: on disk, every backlink read back
    cost two system calls (a seek and a read), which on a 40-page site were most of the
    build's extra kernel time; in memory, a `SpooledTemporaryFile` still went through its
    Python methods for every write, seek and read (a 40 × 40 build's 815 backlinks, spooled and
    read back: 22.5 million instructions that way, 14.8 million in lists).
    """

    def __init__(self, slugs: Iterable[str], in_memory: int = 1 << 20):
        self.in_memory = in_memory
        self.size = 0
        self.held: dict[str, list[bytes]] = {slug: [] for slug in slugs}  # until the spool goes to disk
        self.file: IO[bytes] | None = None
        self.spans: dict[str, array] = {}  # once on disk: slug → start, length, start, …

    def add(self, slug: str, backlink: Backlink) -> None:
        data = marshal.dumps(tuple(backlink))
        if self.file is None:
            self.held[slug].append(data)
            self.size += len(data)
            if self.size > self.in_memory:
                self._to_disk()
        else:
            self._write(slug, data)

    def has_entries(self, slug: str) -> bool:
        return bool(self.held.get(slug) or self.spans.get(slug))

    def take(self, slug: str) -> list[Backlink]:
        """The term's backlinks in the order they were found; read once."""
        found = self.held.pop(slug, [])
        spans = self.spans.pop(slug, None)
        if spans and self.file is not None:
            for i in range(0, len(spans), 2):
                self.file.seek(spans[i])
                found.append(self.file.read(spans[i + 1]))
            self.file.seek(0, 2)  # back to the end, where `add` writes
        return [Backlink._make(marshal.loads(data)) for data in found]

    def close(self) -> None:
        if self.file is not None:
            self.file.close()

    def _to_disk(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.size = 0
        held, self.held = self.held, {}
        for slug, datas in held.items():
            for data in datas:
                self._write(slug, data)

    def _write(self, slug: str, data: bytes) -> None:
        assert self.file is not None
        self.file.write(data)
        self.spans.setdefault(slug, array("Q")).extend((self.size, len(data)))
        self.size += len(data)


def entry_html(backlink: Backlink, href: str) -> str:
    """One entry of a "Mentioned in" list, linking to the mention itself (`href`: the mentioning page)."""
    where = escape_recurring(backlink.page_title)
    if backlink.section and backlink.section != backlink.page_title:
        where += f"{SECTION_SEPARATOR}{escape_recurring(backlink.section)}"
    quote = f"{escape(backlink.before)}<mark>{escape(backlink.text)}</mark>{escape(backlink.after)}"
    return (
        f'<li><a href="{escape_recurring(href)}#{escape_recurring(backlink.anchor)}">{where}</a> '
        f'<q class="{contract.BACKLINK_CONTEXT}">{quote}</q></li>\n'
    )


def section_html(
    backlinks: Iterable[Backlink], href_for: Callable[[str], str], order: Iterable[int] = ORDER
) -> str:
    """The "Mentioned in" section: its groups in `order` (essays first, then other pages, then
    glossary entries, unless the site says otherwise), each group in the order found; past `SHOWN`
    entries, the rest behind a "Show all N" control.
    `href_for(page_url)` is that page's address as the term's page links it."""
    grouped: dict[int, list[str]] = {}
    for backlink in backlinks:
        grouped.setdefault(backlink.group, []).append(entry_html(backlink, href_for(backlink.page_url)))
    groups = [(group, grouped[group]) for group in order if group in grouped]
    total = sum(len(entries) for _, entries in groups)
    shown, folded, start = [], [], 0
    cut = fold_at([len(entries) for _, entries in groups])
    for group, entries in groups:
        above = entries[: max(0, cut - start)]
        heading = f'<h3 class="{contract.BACKLINK_GROUP}">{GROUPS[group]}</h3>\n'
        if above:
            shown.append(f"{heading}<ul>\n{''.join(above)}</ul>\n")
        if len(above) < len(entries):  # a group begun above the fold goes on below it without a second heading
            folded.append(f"{'' if above else heading}<ul>\n{''.join(entries[len(above):])}</ul>\n")
        start += len(entries)
    body = "".join(shown) or f"<p>{NO_MENTIONS}</p>\n"
    if folded:
        body += (
            f'<details class="{contract.BACKLINKS_MORE}">\n<summary>'
            f'<span class="{contract.BACKLINKS_SHOW_ALL}">{SHOW_ALL.format(total=total)}</span>'
            f'<span class="{contract.BACKLINKS_SHOW_FEWER}">{SHOW_FEWER}</span></summary>\n'
            f'{"".join(folded)}</details>\n'
        )
    return (
        f'<section class="{contract.BACKLINKS}" aria-labelledby="{ANCHOR}">\n'
        f'<h2 id="{ANCHOR}">{HEADING}</h2>\n{body}</section>\n'
    )


def fold_at(sizes: list[int]) -> int:
    """How many entries show above the fold, given the size of each group in order (all, if
    there is no fold). Where the fold would leave fewer than `FEWEST` of a group under its
    heading, the whole group goes below it, so no heading stands over a stray entry or two."""
    total = sum(sizes)
    if total < SHOWN + FEWEST:
        return total
    start = 0
    for size in sizes:
        if 0 < start < SHOWN < start + size and SHOWN - start < FEWEST:
            return start
        start += size
    return SHOWN
