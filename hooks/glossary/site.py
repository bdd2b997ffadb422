"""One build of a site, for any generator: collect → link → publish, with data in and data out.

An adapter makes one `Site` per build and hands it plain data: the options, the
site's documentation pages (`Source`), and each page as it is linked and
rendered (`Page` and its HTML). The site answers with data the adapter applies:
files to add or move (`Collected`), a page's new HTML with the front matter and
headings it gained (`Linked`), the two versions of a page (what search reads,
what readers get), and the study decks' files. Every mistake in the site's
input is a `GlossaryError` naming the file and the fix.

URLs follow the rule MkDocs, ProperDocs and Zensical share: `a/b.md` is served at
`a/b/` (or `a/b.html` without directory URLs), an `index.md` at its folder.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any, NamedTuple

from . import backlinks as backlinks_
from .backlinks import Backlink, BacklinkSpool
from .errors import GlossaryError, raise_all
from .linker import MODES, Mention, link_html, unlinked
from .options import Options
from .pages import definitions, essay, index, sharing, term
from .study import anki, decks
from .study import page as study_page
from .terms import Glossary, Term, read_term

TERM, INDEX, ESSAY, STUDY, OTHER = "term", "index", "essay", "study", "other"  # kinds of page


# The engine's records are named tuples: a frozen dataclass writes and compiles its methods when the hook is
# imported, about 1 ms each, in every build.
class Source(NamedTuple):
    """A documentation page before it is read: where it is, and its text."""

    src: str  # its path under the docs folder, e.g. "glossary/token.md"
    path: str  # as the writer sees it, for messages, e.g. "docs/glossary/token.md"
    read: Callable[[], str]  # its Markdown, front matter included


class Page(NamedTuple):
    """A page as it is linked and rendered."""

    src: str
    url: str  # its address from the site's root, e.g. "glossary/token/" ("" for the home page)
    title: str
    meta: Mapping[str, Any]  # its front matter
    path: str  # as the writer sees it
    # Where the links the page's HTML gains are relative to, if not `url`: Zensical reads every
    # relative link in a page as written in its source file, and rebases it to the page's address.
    links_from: str | None = None

    @property
    def base(self) -> str:
        return self.links_from or self.url


class Placement(NamedTuple):
    """Where a file is written under the site folder, and its address."""

    dest: str
    url: str


class Collected(NamedTuple):
    """What the collect stage asks of the adapter."""

    moves: dict[str, Placement]  # src of a term page whose `slug` renames its address → where it goes
    files: dict[str, str]  # src of a file to add (alias redirects, the study page) → its content
    note: str  # one line for the build's log


class Linked:
    """A page once linked: its HTML, front matter to set, and headings to list in its table of contents."""

    __slots__ = ("html", "meta", "toc")

    def __init__(self, html: str):
        self.html = html
        self.meta: dict[str, Any] = {}
        self.toc: list[tuple[str, str]] = []  # (title, anchor)


# Where a term page's lists and the study page's app go when a pass after the build writes them.
TERM_LISTS_LATER = "<!--glossary:term-lists-->"
STUDY_APP_LATER = "<!--glossary:study-app-->"


class Site:
    def __init__(
        self, options: Options, *, site_url: str = "", directory_urls: bool = True, finish_later: bool = False
    ):
        """`finish_later`: the generator links each page apart from the others (Zensical, which also
        serves unchanged pages from its cache), so what needs every page ("Mentioned in", the study
        page's decks) is left to a pass over the built site, which reads `page_data` from each page."""
        self.options = options
        self.finish_later = finish_later
        self._page_data: dict[str, dict[str, Any]] = {}  # src → what the page adds to other pages
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.directory_urls = directory_urls
        self.glossary = Glossary.build(())
        self.term_urls: dict[str, str] = {}  # slug → its page's address
        self.term_srcs: dict[str, str] = {}  # src → slug
        self.index_src: str | None = None
        self.study_src: str | None = None
        self.spool = BacklinkSpool(())
        self.linked: dict[str, list[str]] = {}  # src → slugs of the terms the page links, in order
        self.mentioned: set[str] = set()  # slugs of the terms some page (the index aside) mentions
        self.card_text: dict[str, tuple[str, str]] = {}  # slug → (definition, example)
        self.sentences: dict[str, tuple[str, str, str]] = {}  # slug → its first sentence in an essay
        self.essay_decks: dict[str, decks.Deck] = {}  # an essay's path → its deck, in the order linked
        self._deck_owners: dict[str, str] = {}  # a deck's id → the essay's path, to find two essays with one id
        self.essays: dict[str, str] = {}  # an essay's address → its title, for the 404 page
        self._definitions: dict[str, str] = {}
        self._versions: dict[str, tuple[str, str]] = {}  # src → (for search, for readers) while it renders
        # src → what only readers get at the end of the page (an essay's Vocabulary): search skips it anyway
        # (data-search-exclude), and Material's search pays for every tag it parses.
        self._for_readers_only: dict[str, str] = {}
        self._backlink_hrefs: dict[str, str] = {}  # a mentioning page's url → its href from every term page
        self.warnings: list[str] = []  # about term pages (unknown front-matter fields), for the build's log

    # --- URLs -------------------------------------------------------------------------------

    def placement(self, src_without_suffix: str) -> Placement:
        """Where a page whose source is `<path>.md` is published (the generators' shared rule)."""
        path = src_without_suffix
        folder, name = posixpath.split(path)
        if name in ("index", "README"):
            url = f"{folder}/" if folder else ""
            return Placement(posixpath.join(folder, "index.html"), url if self.directory_urls else url + "index.html")
        if self.directory_urls:
            return Placement(f"{path}/index.html", f"{path}/")
        return Placement(f"{path}.html", f"{path}.html")

    def absolute(self, url: str) -> str:
        return self.site_url + ("" if url == "./" else url)

    @cached_property  # once the terms are collected
    def flat(self) -> bool:
        """Are all term pages directly in the glossary's folder?"""
        prefix = self.options.folder + "/"
        return all("/" not in url[len(prefix):].rstrip("/") for url in self.term_urls.values())

    def hrefs_from(self, page_url: str) -> Callable[[str], str]:
        """A term's address as `page_url` links it. When the term pages share one folder, one
        relative path to it serves them all; in nested folders each is worked out once."""
        urls = self.term_urls
        if self.flat:
            to_folder = relative_url(self.options.folder + "/", page_url)
            to_folder = "" if to_folder == "./" else to_folder
            cut = len(self.options.folder) + 1
            return lambda slug: to_folder + urls[slug][cut:]
        cache: dict[str, str] = {}
        return lambda slug: cache.get(slug) or cache.setdefault(slug, relative_url(urls[slug], page_url))

    # --- collect ----------------------------------------------------------------------------

    def collect(self, sources: Iterable[Source], published: Mapping[str, str]) -> Collected:
        """Read every term page into one checked glossary; say which files to add and move.

        `published` maps each file the site writes (its path under the site folder)
        to the file it comes from, as the writer sees it: an alias's redirect may
        not take the place of one, and a study page needs its assets among them.
        """
        folder, terms, moves = self.options.folder, [], {}
        # Every term page is read and checked before the build stops, so one build reports every mistake.
        mistakes: list[GlossaryError] = []
        unread: set[str] = set()
        pages = {source.src: source for source in sources}
        for source in pages.values():
            name = term_file_name(source.src, folder)
            if name is None:
                continue
            try:
                found, warnings = read_term(name, source.read(), source.path)
            except GlossaryError as mistake:
                mistakes.append(mistake)
                unread.add(name)
                continue
            self.warnings.extend(warnings)
            terms.append(found)
            self.term_srcs[source.src] = found.slug
            where = self.placement(source.src[: -len(".md")])
            if found.slug != name:  # the page keeps its address when its file is renamed
                where = self.placement(f"{posixpath.dirname(source.src)}/{found.slug}".lstrip("/"))
                moves[source.src] = where
            self.term_urls[found.slug] = where.url
        excluded: list[str] = []
        try:
            excluded = self._excluded(terms, unread)
        except GlossaryError as mistake:
            mistakes.append(mistake)
        try:
            self.glossary = Glossary.build(terms, excluded=excluded, joined=self.options.joined, unread=unread)
            redirects = self.glossary.redirects()
        except GlossaryError as mistake:
            mistakes.append(mistake)
            redirects = {}
        self.spool.close()  # the empty one made with the site
        self.spool = BacklinkSpool(self.glossary.terms)
        self.index_src = f"{folder}/index.md" if f"{folder}/index.md" in pages else None
        files = {}
        for alias, slug in redirects.items():
            src = f"{folder}/{alias}/index.html"
            hidden = published.get(src) or published.get(f"{folder}/{alias}.html")
            if hidden is not None:
                mistakes.append(GlossaryError(
                    hidden,
                    f"is published at {folder}/{alias}/, where {self.glossary.terms[slug].source} wants a redirect "
                    "for one of its names.",
                    "Rename or move that page, or remove the name from the term page's aliases.",
                ))
                continue
            target = self.term_urls[slug]
            files[src] = sharing.redirect_html(
                self.glossary.terms[slug], relative_url(target, f"{folder}/{alias}/"), self.absolute(target)
            )
        if self.options.study:
            study = self.options.study
            missing = [asset for asset in decks.ASSETS.values() if asset not in published]
            if missing:
                mistakes.append(GlossaryError(
                    "mkdocs.yml",
                    f"extra.glossary.study asks for a study page, but its files are missing from the docs folder: "
                    f"{', '.join(missing)}.",
                    "Copy them from this project's docs/, or set 'study: false' for no study page.",
                ))
            self.study_src = next((s for s in (f"{study}/index.md", f"{study}.md") if s in pages), None)
            if self.study_src is None:  # the engine's own page, unless the site writes one
                self.study_src = f"{study}/index.md"
                files[self.study_src] = study_page.STUDY_PAGE
        raise_all(mistakes)
        note = f"Glossary: {len(terms)} terms in {folder}/, {len(redirects)} alias redirects"
        return Collected(moves, files, note)

    def _excluded(self, terms: list[Term], unread: set[str]) -> list[str]:
        """The slugs of the terms `exclude` names (by slug or title); a name of none stops the build,
        unless some term page could not be read: it may be that one, and its own message says enough."""
        slugs = {t.slug for t in terms}
        by_title = {t.title.casefold(): t.slug for t in terms}
        found = []
        for item in self.options.exclude:
            slug = item if item in slugs else by_title.get(item.casefold())
            if slug is None and unread:
                continue
            if slug is None:
                raise GlossaryError(
                    "mkdocs.yml",
                    f"extra.glossary.exclude lists '{item}', which is neither the slug nor the title of a term.",
                    "Use a term page's file name without '.md', or its title.",
                )
            found.append(slug)
        return found

    # --- kinds of page ----------------------------------------------------------------------

    def kind(self, page: Page) -> str:
        if page.src in self.term_srcs:
            return TERM
        if page.src == self.index_src:
            return INDEX
        if page.src == self.study_src:
            return STUDY
        essays = self.options.essays
        if essays and page.src.startswith(essays + "/") and page.meta.get("essay", True) is not False:
            return ESSAY
        return OTHER

    def _mode(self, page: Page) -> str | None:
        """How the page links terms: front matter `glossary: false` (not at all) or a link mode, else the site's."""
        value = page.meta.get("glossary", self.options.link)
        if value is False:
            return None
        if value not in MODES:
            raise GlossaryError(
                page.path,
                f"has 'glossary: {value}' in its front matter.",
                f"Use false (no links on this page) or one of: {', '.join(MODES)}.",
            )
        return value

    # --- link -------------------------------------------------------------------------------

    def link(self, page: Page, html: str) -> Linked:
        """Link the mentions on a page, record its backlinks, and add the parts its kind has."""
        kind = self.kind(page)
        slug = self.term_srcs.get(page.src)
        if slug is not None and self.study_src is not None:
            self.card_text[slug] = decks.definition_and_example(html)
            self._data(page)["card"] = [slug, *self.card_text[slug]]
        mentions: list[Mention] = []
        mentioned: list[str] = []
        mode = self._mode(page)
        if mode is not None:  # `glossary: false` leaves the page's text alone
            try:
                html, mentions, mentioned = link_html(
                    html, self.glossary, self.hrefs_from(page.base), self_term=slug, mode=mode,
                    per_block=self.options.max_per_paragraph,
                )
            except ValueError as error:
                raise GlossaryError(page.path, f"{error}.", "") from None
        self._record(page, kind, mentions)
        linked = Linked(html)
        if slug is not None:
            self._term_page(page, linked, self.glossary.terms[slug])
        elif kind == ESSAY:
            self._essay(page, linked, mentions, mentioned)
        elif kind == INDEX:
            self._index(page, linked)
        elif kind == STUDY:
            linked.toc.append((study_page.DECKS_HEADING, study_page.DECKS_ID))  # the list comes in for_search
        return linked

    def _record(self, page: Page, kind: str, mentions: list[Mention]) -> None:
        """One backlink per term a page mentions, from its first mention; the index lists every
        term, so it is the way in, not a page that mentions them."""
        seen: dict[str, None] = {}
        group = {TERM: backlinks_.ENTRIES, ESSAY: backlinks_.ESSAYS}.get(kind, backlinks_.OTHER_PAGES)
        for mention in mentions:
            if mention.term in seen:
                continue
            seen[mention.term] = None
            if kind != INDEX:
                backlink = Backlink.of(mention, page.title or page.url, page.url, group)
                if self.finish_later:
                    self._data(page).setdefault("backlinks", []).append([mention.term, *backlink])
                else:
                    self.spool.add(mention.term, backlink)
                self.mentioned.add(mention.term)
        if seen:
            self.linked[page.src] = list(seen)

    def _term_page(self, page: Page, linked: Linked, entry: Term) -> None:
        url = self.absolute(page.url)
        index_href = None
        if self.index_src is not None:
            # From a source file a link names the file it goes to: Zensical rebases a "./" written in
            # glossary/token.md (the index's address, as a folder) to ".././", and resolves "index.md".
            index_href = relative_url(self.index_src if page.links_from else self._index_url, page.base)
        linked.html = term.entry_head_html(entry, url, index_href) + linked.html
        linked.meta = {
            "search": {"boost": self.options.boost, **page.meta.get("search", {})},
            "description": page.meta.get("description", entry.summary),
            "structured_data": sharing.defined_term_json(entry, url, self.absolute(self._index_url)),
        }
        if entry.related:  # the list itself comes with "Mentioned in", after search has read the page
            linked.toc.append((term.RELATED_HEADING, term.RELATED_ID))
        linked.toc.append((backlinks_.HEADING, backlinks_.ANCHOR))

    def _essay(self, page: Page, linked: Linked, mentions: list[Mention], mentioned: list[str]) -> None:
        self.essays[page.url] = page.title or page.src
        self._data(page)["essay"] = self.essays[page.url]
        words = len(_TAG.sub(" ", linked.html).split())
        byline = essay.byline_html(page.meta.get("source"), words, page.path)
        linked.html = _after_title(essay.with_hint(linked.html), byline)
        sentences: dict[str, tuple[str, str, str]] = {}  # a sentence that uses each term, for its fill-in card
        for mention in mentions:
            sentences.setdefault(mention.term, (mention.before, mention.text, mention.after))
        for slug, sentence in sentences.items():
            self.sentences.setdefault(slug, sentence)
        if sentences:
            self._data(page)["sentences"] = sentences
        if page.meta.get("vocabulary", True) is False:
            return
        deck = decks.Deck(decks.deck_id(page.src, self.options.essays or ""), page.title or page.src, tuple(mentioned))
        other_path = self._deck_owners.setdefault(deck.id, page.path)
        if other_path != page.path:  # the same path is a page linked again (a server's rebuild)
            raise GlossaryError(
                page.path,
                f"its study deck would get the id '{deck.id}', which {other_path} has too: "
                "one deck's files and progress would overwrite the other's.",
                "Rename one of the two files.",
            )
        self.essay_decks[page.path] = deck
        self._data(page)["deck"] = [page.path, deck.id, deck.title, list(deck.slugs)]
        links = None
        if self.study_src is not None and mentioned:
            downloads = relative_url(self._decks_url, page.base)
            files = decks.file_names(deck)
            links = {"page": f"{relative_url(self._study_url, page.base)}?deck={deck.id}",
                     "anki": downloads + files["anki"], "tsv": downloads + files["tsv"]}
        hrefs = self.hrefs_from(page.base)
        html = study_page.vocabulary_html([self.glossary.terms[s] for s in mentioned], hrefs, links)
        if html:
            self._for_readers_only[page.src] = html
            linked.toc.append((study_page.VOCABULARY_HEADING, study_page.VOCABULARY_ID))

    def _index(self, page: Page, linked: Linked) -> None:
        terms = self.glossary.terms.values()
        urls = {slug: self.absolute(url) for slug, url in self.term_urls.items()}
        linked.meta["structured_data"] = sharing.defined_term_set_json(terms, urls, self.absolute(self._index_url))
        # The letters are the page's own bar (index.index_html), not its table of contents as well.
        linked.html += index.index_html(
            terms, self.hrefs_from(page.base), relative_url(index.FIND_SCRIPT, page.base)
        )

    @property
    def _index_url(self) -> str:
        return self.placement(f"{self.options.folder}/index").url

    @property
    def _study_url(self) -> str:
        return self.placement((self.study_src or "")[: -len(".md")]).url

    @property
    def _decks_url(self) -> str:
        return posixpath.join(self.options.study or "", decks.DECKS_FOLDER) + "/"

    # --- publish ----------------------------------------------------------------------------

    def unmentioned(self) -> list[Term]:
        """The terms no page mentions: their pages say so, and the build's log should too."""
        return [t for slug, t in self.glossary.terms.items() if slug not in self.mentioned]

    def for_search(self, page: Page, content: str) -> str:
        """The page as a search index should read it: without the links the engine made, without
        a term page's "Related terms" and "Mentioned in", and without an essay's Vocabulary. The
        page as readers get it waits for `for_readers`.

        Both lists are about other pages: "Related terms" repeats their summaries,
        and "Mentioned in" their names and sentences. Indexed, they made a search
        for "ICL" return seven results, five of them term pages whose only match
        was a backlink from In-Context Learning's page (reader review, 2026-12);
        each summary and sentence is found on its own page instead. The links
        change no word search indexes, and an HTML parser pays for every tag. The
        Vocabulary is marked for search to skip (as generators that index the page as
        written need); handed only to readers, it is not even parsed.
        """
        reader = content + self._for_readers_only.pop(page.src, "")
        slug = self.term_srcs.get(page.src)
        if slug is not None:
            reader += TERM_LISTS_LATER if self.finish_later else self.term_lists_html(slug, page.url)
        popovers = definitions.definitions_html(self._definition(s) for s in self.linked.get(page.src, ()))
        reader += popovers
        if popovers and self.study_src is not None:
            # The scheduler's address is data the script reads from the page's address, not a link.
            learn, scheduler = decks.ASSETS["learn"], decks.ASSETS["scheduler"]
            reader += study_page.learn_html(relative_url(learn, page.base), relative_url(scheduler, page.url))
        if page.src == self.study_src:
            reader += STUDY_APP_LATER if self.finish_later else self.study_app_html(page)
        search = unlinked(content)
        self._versions[page.src] = (search, reader)
        return search

    def for_readers(self, page: Page) -> str | None:
        """The page as readers get it (after `for_search`): its links, "Related terms", "Mentioned
        in", and the definitions its popovers read, which are nothing to search."""
        versions = self._versions.get(page.src)
        return versions[1] if versions else None

    def after_render(self, page: Page) -> str | None:
        """What search read of the page, for a generator to keep once the page is written: the links,
        lists and definitions are in the written page, and would only add to the build's peak memory."""
        versions = self._versions.pop(page.src, None)
        return versions[0] if versions else None

    def term_lists_html(self, slug: str, term_url: str) -> str:
        """A term page's "Related terms" and "Mentioned in", once every page that mentions it is linked
        (the backlinks are read once)."""
        related = term.related_html(self.glossary.terms[slug], self.glossary.terms, self.hrefs_from(term_url))
        order = [backlinks_.BY_OPTION[group] for group in self.options.mentioned_in]
        return related + backlinks_.section_html(self.spool.take(slug), self._page_hrefs(term_url), order)

    def _page_hrefs(self, term_url: str) -> Callable[[str], str]:
        """A mentioning page's address as a term page links it: the same from every term page
        when they share one folder, so worked out once per page for the whole build."""
        cache = self._backlink_hrefs if self.flat else {}
        return lambda url: cache.get(url) or cache.setdefault(url, relative_url(url, term_url))

    def _definition(self, slug: str) -> str:
        entry = self._definitions.get(slug)
        if entry is None:
            entry = self._definitions[slug] = definitions.definition_html(self.glossary.terms[slug])
        return entry

    def not_found_data(self) -> dict[str, Any]:
        """What the 404 page's template reads to suggest pages for a mistyped address: the essays
        and the terms, each A–Z, and the script that ranks them (the theme takes `glossary_terms`
        as the sign that this hook ran: overrides/main.html, hooks/required.py)."""
        essays = [{"title": title, "url": url, "names": sharing.essay_url_names(title, url)}
                  for url, title in self.essays.items()]
        terms = [{"title": t.title, "url": self.term_urls[t.slug], "names": sharing.url_names(t)}
                 for t in self.glossary.terms.values()]
        return {
            "glossary_index": f"{self.options.folder}/",
            "glossary_essays": sorted(essays, key=lambda p: index.sort_key(p["title"])),
            "glossary_terms": sorted(terms, key=lambda p: index.sort_key(p["title"])),
            "glossary_find_script": index.FIND_SCRIPT,
        }

    # --- study ------------------------------------------------------------------------------

    def all_decks(self) -> list[decks.Deck]:
        everything = sorted(self.glossary.terms.values(), key=lambda t: index.sort_key(t.title))
        whole = decks.Deck(decks.GLOSSARY_DECK, "The whole glossary", tuple(t.slug for t in everything))
        return [whole] + [deck for deck in self.essay_decks.values() if deck.slugs]

    def cards(self, url_of: Callable[[str], str]) -> dict[str, decks.Card]:
        """Every term as a card, its page's address given by `url_of(term's url)`."""
        return {
            slug: decks.Card(slug, t.title, t.summary, *self.card_text.get(slug, ("", "")),
                             url_of(self.term_urls[slug]), self.sentences.get(slug))
            for slug, t in self.glossary.terms.items()
        }

    def study_app_html(self, page: Page) -> str:
        assets = {name: relative_url(path, page.url) for name, path in decks.ASSETS.items()}
        cards = self.cards(lambda url: relative_url(url, page.url))
        every = self.all_decks()
        downloads = relative_url(self._decks_url, page.url)
        return study_page.study_app_html(decks.decks_json(every, cards), assets, every, downloads)

    def deck_files(self) -> dict[str, bytes]:
        """The decks as files for Anki and other tools: path under the site folder → content.
        Their cards link to the published address: Anki and spreadsheets open them from elsewhere."""
        if self.study_src is None:
            return {}
        cards = self.cards(self.absolute)
        files = {}
        for deck in self.all_decks():
            names = decks.file_names(deck)
            files[self._decks_url + names["anki"]] = anki.anki_package(deck, cards)
            files[self._decks_url + names["tsv"]] = anki.deck_tsv(deck, cards).encode("utf-8")
        return files

    def close(self) -> None:
        self.spool.close()

    # --- finished after the build (see `finish_later`) --------------------------------------

    def _data(self, page: Page) -> dict[str, Any]:
        return self._page_data.setdefault(page.src, {"src": page.src, "url": page.url}) if self.finish_later else {}

    def page_data(self, page: Page) -> dict[str, Any]:
        """What the page, once linked, adds to other pages: its backlinks, a term page's card text,
        an essay's title, sentences and deck. Plain JSON data, kept in the page for the last pass."""
        return self._page_data.pop(page.src, {"src": page.src, "url": page.url})

    def add_page_data(self, data: Mapping[str, Any]) -> None:
        """The last pass: take a built page's `page_data`, pages in the order the generator links them."""
        for slug, *fields in data.get("backlinks", ()):
            if slug in self.glossary.terms:
                self.spool.add(slug, Backlink(*fields))
                self.mentioned.add(slug)
        if "card" in data:
            slug, definition, example = data["card"]
            self.card_text[slug] = (definition, example)
        for slug, (before, text, after) in data.get("sentences", {}).items():
            self.sentences.setdefault(slug, (before, text, after))
        if "essay" in data:
            self.essays[data["url"]] = data["essay"]
        if "deck" in data:
            path, deck_id, title, slugs = data["deck"]
            self.essay_decks[path] = decks.Deck(deck_id, title, tuple(s for s in slugs if s in self.glossary.terms))


def relative_url(url: str, other: str) -> str:
    """`url` as a link from the page at `other`, both from the site's root, as the generators write
    it: the last part of `other` is a file if it holds a dot, and ".." stops at the root."""
    folder, _, name = other.rpartition("/")
    if "." in name:
        other = folder
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):  # the two paths differ in length
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts


def term_file_name(src: str, folder: str) -> str | None:
    """The file name of a term page (`<folder>/<name>.md`, also in a subfolder of it, as
    `<folder>/networking/pod.md`), or None for any other page (an index of the folder or a subfolder)."""
    prefix = folder + "/"
    if not src.startswith(prefix) or not src.endswith(".md"):
        return None
    name = src[len(prefix) : -len(".md")].rsplit("/", 1)[-1]
    return None if name in ("index", "README") else name


_TAG = re.compile(r"<[^>]*>")


def _after_title(html: str, addition: str) -> str:
    """`addition` right under the page's own <h1>, or first if the page has none."""
    end = html.find("</h1>")
    if end < 0:
        return addition + html
    end += len("</h1>")
    return html[:end] + "\n" + addition + html[end:]


