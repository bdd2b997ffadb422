"""MkDocs hook: adapts MkDocs' build events to the glossary engine in `glossary/`.

collect (`on_files`) → link (`on_page_content`, every page) → publish (`on_env`,
once all pages are linked; each page's own parts in `on_page_context`, around
Material's search: what it should index before, what only readers need after).
All state of one build lives in a `Build` made in `on_config`, so the rebuilds
of `mkdocs serve` start afresh. Options come from `extra.glossary` in mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import tempfile
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from html import escape

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from glossary import publish, study
from glossary.linker import FIRST_PER_PAGE, MODES, Mention, link_html, unlinked
from glossary.study import Deck
from glossary.terms import Glossary, GlossaryError, Term, read_term

log = logging.getLogger("mkdocs.hooks.glossary")

DEFAULTS = {
    "dir": "glossary",
    "link": FIRST_PER_PAGE,
    "boost": 2,
    "max-per-paragraph": None,  # no cap
    "essays": "essays",
    "nav": "index",
    "study": False,  # the study page's folder; off unless a site asks, as it needs assets the site must ship
    "exclude": [],  # slugs or titles of terms never looked for on any page
    "required": True,  # read by the theme (overrides/main.html): stop if the hook did not run
}
NAV_CHOICES = ("index", "all")  # the sidebar lists the glossary's index only, or every term page


@dataclass
class Build:
    """Everything one build learns about the glossary; thrown away with the build."""

    folder: str
    mode: str
    boost: float
    site_url: str
    per_block: int | None = None
    essays: str = "essays"
    nav: str = "index"
    study: str | None = None
    exclude: tuple[str, ...] = ()
    glossary: Glossary | None = None
    index_file: File | None = None  # the glossary's index page, if the site has one
    term_files: dict[str, File] = field(default_factory=dict)  # slug → its page's file
    slug_of_source: dict[str, str] = field(default_factory=dict)  # src_uri → slug
    backlinks: BacklinkSpool | None = None
    linked: dict[str, list[str]] = field(default_factory=dict)  # src_uri → slugs of the terms it links
    content_parts: tuple[str, str] | None = None  # of the page being rendered: its content, what follows it
    content_after_render: str | None = None  # of the page being rendered: what search read of its own
    definitions: dict[str, str] = field(default_factory=dict)  # slug → its entry in pages' definitions
    study_file: File | None = None  # the study page, if the site has one
    card_text: dict[str, tuple[str, str]] = field(default_factory=dict)  # slug → (definition, example)
    sentences: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # slug → its first sentence in an essay
    # `Deck`, not `study.Deck`: in this class `study` is the field above.
    essay_decks: dict[str, Deck] = field(default_factory=dict)  # source → its deck, in the order built

    @property
    def terms(self) -> Mapping[str, Term]:
        """The glossary's terms by slug, for the events after on_files, which makes the glossary."""
        assert self.glossary is not None, "on_files makes the glossary before MkDocs reads any page"
        return self.glossary.terms

    def definition(self, slug: str) -> str:
        entry = self.definitions.get(slug)
        if entry is None:
            entry = self.definitions[slug] = publish.definition_html(self.terms[slug])
        return entry

    def term_of(self, page: Page) -> str | None:
        return self.slug_of_source.get(page.file.src_uri)

    def is_index(self, page: Page) -> bool:
        return page.file.src_uri == f"{self.folder}/index.md"

    def is_essay(self, page: Page) -> bool:
        """A page in the essays folder, unless its front matter says `essay: false`."""
        return page.file.src_uri.startswith(self.essays + "/") and page.meta.get("essay", True) is not False

    def group_of(self, page: Page) -> int:
        """Where the page goes in a "Mentioned in" list."""
        if self.term_of(page) is not None:
            return publish.ENTRIES
        return publish.ESSAYS if self.is_essay(page) else publish.OTHER_PAGES

    def href(self, slug: str, page: Page) -> str:
        return get_relative_url(self.term_files[slug].url, page.url)

    def hrefs_from(self, page: Page) -> Callable[[str], str]:
        """`href` for every term from one page. When the term pages share one folder, one
        relative path to it serves them all; in nested folders each is worked out once."""
        files = self.term_files
        if self.flat:
            to_folder = get_relative_url(self.folder + "/", page.url)
            to_folder = "" if to_folder == "./" else to_folder
            cut = len(self.folder) + 1
            return lambda slug: to_folder + files[slug].url[cut:]
        cache: dict[str, str] = {}
        return lambda slug: cache.get(slug) or cache.setdefault(slug, get_relative_url(files[slug].url, page.url))

    @cached_property  # once term_files is set, in on_files
    def flat(self) -> bool:
        """Are all term pages directly in the glossary's folder?"""
        prefix = self.folder + "/"
        return all("/" not in f.url[len(prefix):].rstrip("/") for f in self.term_files.values())

    def href_to(self, page: Page) -> str:
        """`page` as a backlink on a term page writes it: seen from the term pages when they share
        one folder, else as a mark (`SITE_PATH`) that each term page resolves when it is rendered."""
        if self.flat:
            other = next(file for file in self.term_files.values() if file.url != page.url)
            return get_relative_url(page.url, other.url)
        return f"{SITE_PATH}{page.url}{SITE_PATH}"

    def absolute(self, url: str) -> str:
        return self.site_url + ("" if url == "./" else url)


# Marks a site path in a backlink, which each term page resolves: ASCII, so a spooled entry can
# hold it, and a control character, so no escaped text can.
SITE_PATH = "\x01"
_SITE_PATHS = re.compile(f"{SITE_PATH}([^{SITE_PATH}]*){SITE_PATH}")


class BacklinkSpool:
    """Every "Mentioned in" entry of a build, written to a temporary file as soon as
    its mention is found, until its term's page is rendered.

    At 1,000 pages the entries are megabytes, found while MkDocs reads the pages
    and kept until the end: in memory, they and the holes they leave between the
    pages' strings added a quarter to the build's peak memory (benchmarks/).
    Entries are ASCII (`publish.backlink_html`); the file goes with the build.
    """

    def __init__(self, slugs: Iterable[str]):
        self.file = tempfile.TemporaryFile()
        self.size = 0
        self.spans: dict[str, array] = {slug: array("Q") for slug in slugs}  # start, length, group, start, …

    def add(self, slug: str, entry: str, group: int) -> None:
        data = entry.encode("ascii")
        self.file.write(data)
        self.spans[slug].extend((self.size, len(data), group))
        self.size += len(data)

    def has_entries(self, slug: str) -> bool:
        return bool(self.spans[slug])

    def take(self, slug: str) -> list[tuple[int, str]]:
        """The term's entries with their groups, in the order they were found; read once."""
        self.file.flush()
        spans, entries = self.spans.pop(slug), []
        for i in range(0, len(spans), 3):
            self.file.seek(spans[i])
            entries.append((spans[i + 2], self.file.read(spans[i + 1]).decode("ascii")))
        self.file.seek(0, 2)  # back to the end, where `add` writes
        return entries

    def close(self) -> None:
        self.file.close()


_build: Build | None = None


def on_config(config, **kwargs):
    """Start a new build: read and check the options."""
    global _build
    _close()  # of a build `mkdocs serve` gave up on
    options = dict(config.extra.get("glossary") or {})
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise PluginError(
            f"mkdocs.yml: unknown option extra.glossary.{unknown[0]}. The options are: {', '.join(DEFAULTS)}."
        )
    options = {**DEFAULTS, **options}
    if options["link"] not in MODES:
        raise PluginError(
            f"mkdocs.yml: extra.glossary.link is {options['link']!r}. Use one of: {', '.join(MODES)}."
        )
    if not isinstance(options["boost"], (int, float)) or isinstance(options["boost"], bool):
        raise PluginError("mkdocs.yml: extra.glossary.boost must be a number, e.g. 2.")
    cap = options["max-per-paragraph"]
    if cap is not None and (not isinstance(cap, int) or isinstance(cap, bool) or cap < 1):
        raise PluginError(
            f"mkdocs.yml: extra.glossary.max-per-paragraph is {cap!r}. Use a whole number of links, 1 or more, "
            "or leave it out for no cap."
        )
    if options["nav"] not in NAV_CHOICES:
        raise PluginError(
            f"mkdocs.yml: extra.glossary.nav is {options['nav']!r}. Use one of: {', '.join(NAV_CHOICES)} "
            "(the sidebar shows the glossary's index only, or every term page)."
        )
    if options["study"] is not False and not (isinstance(options["study"], str) and options["study"].strip("/")):
        raise PluginError(
            f"mkdocs.yml: extra.glossary.study is {options['study']!r}. Give the study page's folder, "
            "e.g. study, or false for no study page."
        )
    exclude = options["exclude"]
    if not isinstance(exclude, list) or not all(isinstance(item, str) and item.strip() for item in exclude):
        raise PluginError(
            f"mkdocs.yml: extra.glossary.exclude is {exclude!r}. "
            "Give a list of terms' slugs or titles, e.g. [node, pod]."
        )
    site_url = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
    _build = Build(
        str(options["dir"]).strip("/"), options["link"], options["boost"], site_url,
        per_block=cap, essays=str(options["essays"]).strip("/"), nav=options["nav"],
        study=options["study"].strip("/") if options["study"] else None, exclude=tuple(exclude),
    )
    return config


def on_files(files: Files, config, **kwargs):
    """Collect: read every term page's front matter into one checked glossary."""
    build = _current()
    terms, term_files = [], {}
    for file in files.documentation_pages():
        name = _term_file_name(file.src_uri, build.folder)
        if name is None:
            continue
        try:
            term, warnings = read_term(name, file.content_string, _display_path(file, config))
        except GlossaryError as error:
            raise PluginError(str(error)) from None
        for warning in warnings:
            log.warning(warning)
        terms.append(term)
        term_files[term.slug] = file
        if term.slug != name:  # the page keeps its URL when its file is renamed
            _move(file, f"{posixpath.dirname(file.src_uri[:-len('.md')])}/{term.slug}", config)
    try:
        build.glossary = Glossary.build(terms, excluded=_excluded(build, terms))
        redirects = build.glossary.redirects()
    except GlossaryError as error:
        raise PluginError(str(error)) from None
    build.term_files = term_files
    build.index_file = files.get_file_from_path(f"{build.folder}/index.md")
    build.slug_of_source = {file.src_uri: slug for slug, file in term_files.items()}
    build.backlinks = BacklinkSpool(term_files)
    published = {file.dest_uri: file for file in files}
    for alias, slug in redirects.items():
        files.append(_redirect_file(build, alias, slug, published, config))
    if build.study:
        missing = [path for path in STUDY_ASSETS.values() if files.get_file_from_path(path) is None]
        if missing:
            raise PluginError(
                f"mkdocs.yml: extra.glossary.study asks for a study page, but its files are missing from "
                f"{config.docs_dir}: {', '.join(missing)}. Copy them from this project's docs/, "
                "or set 'study: false' for no study page."
            )
        build.study_file = files.get_file_from_path(f"{build.study}/index.md") or files.get_file_from_path(
            f"{build.study}.md"
        )
        if build.study_file is None:  # the engine's own page, unless the site writes one
            build.study_file = File.generated(config, f"{build.study}/index.md", content=publish.STUDY_PAGE)
            files.append(build.study_file)
    log.info(f"Glossary: {len(terms)} terms in {build.folder}/, {len(redirects)} alias redirects")
    return files


def _page_mode(build: Build, page: Page, config) -> str | None:
    """How this page links terms: front matter `glossary: false` (not at all) or a link mode, else the site's."""
    value = page.meta.get("glossary", build.mode)
    if value is False:
        return None
    if value not in MODES:
        raise PluginError(
            f"{_display_path(page.file, config)}: has 'glossary: {value}' in its front matter. "
            f"Use false (no links on this page) or one of: {', '.join(MODES)}."
        )
    return value


def _excluded(build: Build, terms) -> list[str]:
    """The slugs of the terms `exclude` names (by slug or title); a name of none stops the build."""
    slugs = {term.slug for term in terms}
    by_title = {term.title.casefold(): term.slug for term in terms}
    found = []
    for item in build.exclude:
        slug = item if item in slugs else by_title.get(item.casefold())
        if slug is None:
            raise PluginError(
                f"mkdocs.yml: extra.glossary.exclude lists '{item}', "
                "which is neither the slug nor the title of a term. "
                "Use a term page's file name without '.md', or its title."
            )
        found.append(slug)
    return found


def on_page_content(html: str, page: Page, config, files: Files, **kwargs):
    """Link: wrap the mentions on this page, remember them, add a term page's own parts."""
    build = _current()
    glossary, backlinks = build.glossary, build.backlinks
    assert glossary is not None and backlinks is not None, "on_files makes both before MkDocs reads any page"
    slug = build.term_of(page)
    if slug is not None and build.study_file is not None:
        build.card_text[slug] = study.definition_and_example(html)
    mentioned: list[str] = []
    mentions: list[Mention] = []
    mode = _page_mode(build, page, config)
    if mode is not None:  # `glossary: false` leaves the page's text alone
        try:
            html, mentions = link_html(
                html, glossary, build.hrefs_from(page), self_term=slug, mode=mode, per_block=build.per_block,
                mentioned=mentioned,
            )
        except ValueError as error:
            raise PluginError(f"{_display_path(page.file, config)}: {error}.") from None
    seen: dict[str, None] = {}
    # The index lists every term: it is the way in, not a page that mentions them.
    source = not build.is_index(page)
    for mention in mentions:
        if mention.term not in seen:  # one backlink per page: its first mention
            if not seen:
                title, href, group = page.title or page.url, build.href_to(page), build.group_of(page)
            seen[mention.term] = None
            if source:
                entry = publish.backlink_html(publish.Backlink(title, href, mention))
                backlinks.add(mention.term, entry, group)
    if seen:
        build.linked[page.file.src_uri] = list(seen)
    index_url = build.absolute(f"{build.folder}/")
    if slug is not None:
        term = glossary.terms[slug]
        page.meta.setdefault("search", {}).setdefault("boost", build.boost)
        page.meta.setdefault("description", term.summary)
        page.meta["structured_data"] = publish.defined_term_json(term, build.absolute(page.url), index_url)
        index_href = get_relative_url(build.index_file.url, page.url) if build.index_file else None
        html = publish.entry_head_html(term, build.absolute(page.url), index_href) + html
        if term.related:  # the list itself comes with "Mentioned in", after search has read the page
            _add_to_toc(page, publish.RELATED_HEADING, publish.RELATED_ID)
    elif build.is_essay(page):
        try:
            byline = publish.byline_html(page.meta.get("source"), _words(html), _display_path(page.file, config))
        except GlossaryError as error:
            raise PluginError(str(error)) from None
        html = _after_title(html, byline)
        for mention in mentions:  # a sentence of an essay that uses the term, for its fill-in-the-blank card
            build.sentences.setdefault(mention.term, (mention.before, mention.text, mention.after))
        if page.meta.get("vocabulary", True) is not False:
            html += _vocabulary(build, page, mentioned, config)
    elif build.study_file is not None and page.file is build.study_file:
        _add_to_toc(page, publish.DECKS_HEADING, publish.DECKS_ID)  # written in on_page_context
    elif build.is_index(page):
        urls = {s: build.absolute(file.url) for s, file in build.term_files.items()}
        page.meta["structured_data"] = publish.defined_term_set_json(glossary.terms.values(), urls, index_url)
        html += publish.index_html(glossary.terms.values(), lambda target: build.href(target, page))
        for letter, _ in publish.index_sections(glossary.terms.values()):
            _add_to_toc(page, letter, publish.letter_id(letter))
    # Material prints the description into an attribute as it is: escape it once, here.
    if page.meta.get("description"):
        page.meta["description"] = escape(" ".join(str(page.meta["description"]).split()))
    return html


def _vocabulary(build: Build, page: Page, mentioned: list[str], config) -> str:
    """An essay's Vocabulary section, and the essay's deck for the study page and Anki."""
    deck = study.Deck(_deck_id(build, page), page.title or page.file.name, tuple(mentioned))
    source = _display_path(page.file, config)
    for other_source, other in build.essay_decks.items():
        if other.id == deck.id:
            raise PluginError(
                f"{source}: its study deck would get the id '{deck.id}', which {other_source} has too: "
                "one deck's files and progress would overwrite the other's. Rename one of the two files."
            )
    build.essay_decks[source] = deck
    links = None
    if build.study_file is not None and mentioned:
        page_href = get_relative_url(build.study_file.url, page.url)
        decks = get_relative_url(f"{build.study}/{DECKS_FOLDER}/", page.url)
        links = {
            "page": f"{page_href}?deck={deck.id}", "anki": f"{decks}{deck.id}.apkg", "tsv": f"{decks}{deck.id}.tsv"
        }
    terms = [build.terms[slug] for slug in mentioned]
    html = publish.vocabulary_html(terms, lambda slug: build.href(slug, page), links)
    if html:
        _add_to_toc(page, publish.VOCABULARY_HEADING, publish.VOCABULARY_ID)
    return html


DECKS_FOLDER = "decks"  # under the study page's folder: one .apkg and one .tsv per deck


def _deck_id(build: Build, page: Page) -> str:
    """The essay's path under the essays folder, words joined by hyphens: `2025/intro.md` → `2025-intro`.

    The id names the deck's files and its progress in the reader's browser, so
    essays with one file name in two folders must not share it.
    """
    path = posixpath.splitext(page.file.src_uri[len(build.essays) + 1 :])[0]
    folder, name = posixpath.split(path)
    if name in ("index", "README"):
        path = folder or name
    name = path.replace("/", "-")
    return f"essay-{name}" if name == study.GLOSSARY_DECK else name


def _cards(build: Build) -> dict[str, study.Card]:
    assert build.study_file is not None, "only a site with a study page has cards"
    page_url = build.study_file.url
    cards = {}
    for slug, term in build.terms.items():
        definition, example = build.card_text.get(slug, ("", ""))
        cards[slug] = study.Card(
            slug, term.title, term.summary, definition, example, get_relative_url(build.term_files[slug].url, page_url),
            build.sentences.get(slug),
        )
    return cards


def _decks(build: Build) -> list[study.Deck]:
    everything = [t.slug for t in sorted(build.terms.values(), key=lambda t: publish.sort_key(t.title))]
    decks = [study.Deck(study.GLOSSARY_DECK, "The whole glossary", tuple(everything))]
    return decks + [deck for deck in build.essay_decks.values() if deck.slugs]


def on_nav(nav, config, files: Files, **kwargs):
    """The sidebar lists the glossary as one link, to its index, however many terms it has
    (`nav: index`, the default); term pages stay in the site, in search and in the
    previous/next links at their foot."""
    build = _current()
    if build.nav == "index" and build.index_file is not None and build.index_file.page is not None:
        _collapse(nav.items, None, build.index_file.page)
    if build.study_file is not None and build.study_file.page is not None:
        _collapse(nav.items, None, build.study_file.page)  # a folder of one page: the page itself
    return nav


def _collapse(items, parent, page) -> bool:
    """Put `page` where the section holding it is in the navigation, without the section's other pages."""
    for i, item in enumerate(items):
        if getattr(item, "is_section", False):
            if any(child is page for child in item.children):
                items[i], page.parent = page, parent
                return True
            if _collapse(item.children, item, page):
                return True
    return False


def on_env(env, config, files: Files, **kwargs):
    """Publish: every page is linked, so each term page's "Mentioned in" list is complete."""
    build = _current()
    backlinks = build.backlinks
    assert backlinks is not None, "on_files makes it before MkDocs reads any page"
    for slug, file in build.term_files.items():
        if file.page is None or file.page.content is None:
            continue
        _add_to_toc(file.page, publish.BACKLINKS_HEADING, publish.BACKLINKS_ID)
        if not backlinks.has_entries(slug):
            log.info(f"Glossary: no page mentions '{build.terms[slug].title}' ({file.src_uri}).")
    # The 404 page (overrides/404.html) suggests terms for a mistyped address.
    env.globals["glossary_index"] = f"{build.folder}/"
    env.globals["glossary_terms"] = [
        {"title": term.title, "url": build.term_files[term.slug].url, "names": publish.url_names(term)}
        for term in build.terms.values()
    ]
    return env


@event_priority(100)  # before Material's search indexes the page
def _page_for_search(context, page: Page, config, **kwargs):
    """The page as the search plugin should read it: without the links the hook
    made, and without a term page's "Related terms" and "Mentioned in".

    Both lists are about other pages: "Related terms" repeats their summaries,
    and "Mentioned in" their names and sentences. Indexed, they made a search
    for "ICL" return seven results, five of them term pages whose only match
    was a backlink from In-Context Learning's page (reader review, 2026-12);
    each summary and sentence is found on its own page instead. Material's
    search parses HTML in Python, so every tag costs it time; the links change
    no word it indexes (tests compare the index with a build without the hook).
    """
    build = _current()
    if page.content is None:
        return context
    slug = build.term_of(page)
    section = ""
    if slug is not None:
        assert build.backlinks is not None, "on_files makes it before MkDocs reads any page"
        section = publish.backlinks_html(build.backlinks.take(slug))
        if not build.flat:  # nested term folders: each backlink seen from this page
            section = _SITE_PATHS.sub(lambda m: get_relative_url(m.group(1), page.url), section)
    related = "" if slug is None else publish.related_html(
        build.terms[slug], build.terms, lambda target: build.href(target, page)
    )
    build.content_parts = (page.content, related + section)
    build.content_after_render = page.content = unlinked(page.content)
    return context


@event_priority(-100)  # after Material's search has indexed the page
def _page_for_readers(context, page: Page, config, **kwargs):
    """The page as it is rendered: its links, "Related terms" and the full
    "Mentioned in" section, and the definitions of the terms the page links.

    The definitions come this late so that the search plugin does not parse
    them. All of it goes again in on_post_page, once the page is written.
    """
    build = _current()
    if build.content_parts is None:
        return context
    own, backlinks = build.content_parts
    build.content_parts = None
    linked = build.linked.get(page.file.src_uri) or ()
    page.content = own + backlinks + publish.definitions_html(build.definition(slug) for slug in linked)
    if build.study_file is not None and page.file is build.study_file:
        assets = {name: get_relative_url(path, page.url) for name, path in STUDY_ASSETS.items()}
        decks = _decks(build)
        downloads = get_relative_url(f"{build.study}/{DECKS_FOLDER}/", page.url)
        page.content += publish.study_app_html(study.decks_json(decks, _cards(build)), assets, decks, downloads)
    return context


# The study page's own files, in docs/ (see docs/assets/vendor/ts-fsrs/README.txt for the scheduler).
STUDY_ASSETS = {"css": "assets/study.css", "scheduler": "assets/vendor/ts-fsrs/index.umd.js", "js": "assets/study.js"}


on_page_context = CombinedEvent(_page_for_search, _page_for_readers)

def on_post_page(output: str, page: Page, config, **kwargs):
    """Once the page is written, it keeps what search read of its own: its text without the hook's links.

    MkDocs holds every page's content until the build ends; the links, backlinks
    and definitions are in the written page, and would only add to the build's
    peak memory (at 1,000 pages, several times their own size, in the holes they
    leave in the heap).
    """
    build = _current()
    if build.content_after_render is not None:
        page.content, build.content_after_render = build.content_after_render, None
    return output


def on_post_build(config, **kwargs):
    """The build is written: add the decks for Anki and other tools, let go of the backlinks' temporary file."""
    build = _current()
    if build.study_file is not None:
        cards = {slug: _absolute_card(build, card) for slug, card in _cards(build).items()}
        folder = os.path.join(config.site_dir, build.study, DECKS_FOLDER)
        os.makedirs(folder, exist_ok=True)
        for deck in _decks(build):
            with open(os.path.join(folder, f"{deck.id}.apkg"), "wb") as out:
                out.write(study.anki_package(deck, cards))
            with open(os.path.join(folder, f"{deck.id}.tsv"), "w", encoding="utf-8", newline="\n") as out:
                out.write(study.deck_tsv(deck, cards))
    _close()


def _absolute_card(build: Build, card: study.Card) -> study.Card:
    """The card with the published address of its page: Anki and spreadsheets open it from elsewhere."""
    return replace(card, url=build.absolute(build.term_files[card.slug].url))


def on_build_error(error, **kwargs):
    _close()


def _close() -> None:
    if _build is not None and _build.backlinks is not None:
        _build.backlinks.close()


def _current() -> Build:
    if _build is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("glossary hook: on_config did not run.")
    return _build


def _display_path(file: File, config) -> str:
    """The file's path as the writer sees it from the project folder, e.g. docs/glossary/token.md."""
    if file.abs_src_path and config.config_file_path:
        return os.path.relpath(file.abs_src_path, os.path.dirname(os.path.abspath(config.config_file_path)))
    return file.src_uri


def _words(html: str) -> int:
    """How many words a reader reads on the page: its text, without tags."""
    return len(_TAG.sub(" ", html).split())


_TAG = re.compile(r"<[^>]*>")


def _after_title(html: str, addition: str) -> str:
    """`addition` right under the page's own <h1>, or first if the page has none."""
    end = html.find("</h1>")
    if end < 0:
        return addition + html
    end += len("</h1>")
    return html[:end] + "\n" + addition + html[end:]


def _term_file_name(src_uri: str, folder: str) -> str | None:
    """The file name of a term page (`<folder>/<name>.md`, also in a subfolder of it, as
    `<folder>/networking/pod.md`), or None for any other page (an index of the folder or a subfolder)."""
    prefix = folder + "/"
    if not src_uri.startswith(prefix) or not src_uri.endswith(".md"):
        return None
    name = src_uri[len(prefix) : -len(".md")].rsplit("/", 1)[-1]
    return None if name in ("index", "README") else name


def _move(file: File, path: str, config) -> None:
    """Publish a page at `path/` instead of where its file name puts it."""
    file.dest_uri = f"{path}/index.html" if config.use_directory_urls else f"{path}.html"
    file.url = f"{path}/" if config.use_directory_urls else f"{path}.html"
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))


def _redirect_file(build: Build, alias: str, slug: str, published: dict[str, File], config) -> File:
    """A page at `<folder>/<alias>/` that sends the reader on to the term's page; it may not hide a page."""
    src_uri = f"{build.folder}/{alias}/index.html"
    other = published.get(src_uri) or published.get(f"{build.folder}/{alias}.html")
    if other is not None:
        raise PluginError(
            f"{_display_path(other, config)}: is published at {build.folder}/{alias}/, where "
            f"{build.terms[slug].source} wants a redirect for one of its names. "
            "Rename or move that page, or remove the name from the term page's aliases."
        )
    target = build.term_files[slug].url
    html = publish.redirect_html(
        build.terms[slug], get_relative_url(target, f"{build.folder}/{alias}/"), build.absolute(target)
    )
    return File.generated(config, src_uri, content=html)


def _add_to_toc(page: Page, title: str, anchor: str) -> None:
    """List a generated heading in the page's table of contents, under the page's h1 if it has one."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    items.append(AnchorLink(title, anchor, 2))
