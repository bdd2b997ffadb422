"""MkDocs hook: adapts MkDocs' build events to the glossary engine in `glossary/`.

collect (`on_files`) → link (`on_page_content`, every page) → publish (`on_env`,
once all pages are linked and before Material's search indexes any of them).
All state of one build lives in a `Build` made in `on_config`, so the rebuilds
of `mkdocs serve` start afresh. Options come from `extra.glossary` in mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from glossary import publish
from glossary.linker import FIRST_PER_PAGE, MODES, Mention, link_html
from glossary.terms import Glossary, GlossaryError, read_term

log = logging.getLogger("mkdocs.hooks.glossary")

DEFAULTS = {"dir": "glossary", "link": FIRST_PER_PAGE, "boost": 2}


@dataclass
class Build:
    """Everything one build learns about the glossary; thrown away with the build."""

    folder: str
    mode: str
    boost: float
    glossary: Glossary | None = None
    term_files: dict[str, File] = field(default_factory=dict)
    backlinks: dict[str, list[tuple[Page, Mention]]] = field(default_factory=dict)

    def term_of(self, page: Page) -> str | None:
        slug = _slug_of(page.file.src_uri, self.folder)
        return slug if slug in self.term_files else None

    def is_index(self, page: Page) -> bool:
        return page.file.src_uri == f"{self.folder}/index.md"

    def href(self, slug: str, page: Page) -> str:
        return get_relative_url(self.term_files[slug].url, page.url)


_build: Build | None = None


def on_config(config, **kwargs):
    """Start a new build: read and check the options."""
    global _build
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
    _build = Build(str(options["dir"]).strip("/"), options["link"], options["boost"])
    return config


def on_files(files: Files, config, **kwargs):
    """Collect: read every term page's front matter into one checked glossary."""
    build = _current()
    terms, term_files = [], {}
    for file in files.documentation_pages():
        slug = _slug_of(file.src_uri, build.folder)
        if slug is None:
            continue
        source = _display_path(file, config)
        try:
            term, warnings = read_term(slug, file.content_string, source)
        except GlossaryError as error:
            raise PluginError(str(error)) from None
        for warning in warnings:
            log.warning(warning)
        terms.append(term)
        term_files[slug] = file
    try:
        build.glossary = Glossary.build(terms)
    except GlossaryError as error:
        raise PluginError(str(error)) from None
    build.term_files = term_files
    build.backlinks = {slug: [] for slug in term_files}
    log.info(f"Glossary: {len(terms)} terms in {build.folder}/")
    return files


def on_page_content(html: str, page: Page, config, files: Files, **kwargs):
    """Link: wrap the mentions on this page, remember them, add a term page's own parts."""
    build = _current()
    glossary = build.glossary
    slug = build.term_of(page)
    html, mentions = link_html(
        html, glossary, lambda target: build.href(target, page), self_term=slug, mode=build.mode
    )
    seen: dict[str, None] = {}
    for mention in mentions:
        if mention.term not in seen:  # one backlink per page: its first mention
            seen[mention.term] = None
            build.backlinks[mention.term].append((page, mention))
    html += publish.definitions_html(glossary.terms[slug] for slug in seen)
    if slug is not None:
        term = glossary.terms[slug]
        page.meta.setdefault("search", {}).setdefault("boost", build.boost)
        related = publish.related_html(term, glossary.terms, lambda target: build.href(target, page))
        html = publish.aliases_html(term) + html + related
        if related:
            _add_to_toc(page, publish.RELATED_HEADING, publish.RELATED_ID)
    elif build.is_index(page):
        html += publish.index_html(glossary.terms.values(), lambda target: build.href(target, page))
        for letter, _ in publish.index_sections(glossary.terms.values()):
            _add_to_toc(page, letter, publish.letter_id(letter))
    return html


def on_env(env, config, files: Files, **kwargs):
    """Publish: every page is linked; give each term page its "Mentioned in" section."""
    build = _current()
    for slug, file in build.term_files.items():
        page = file.page
        if page is None or page.content is None:
            continue
        backlinks = [
            publish.Backlink(source.title or source.url, get_relative_url(source.url, page.url), mention)
            for source, mention in build.backlinks[slug]
        ]
        page.content += publish.backlinks_html(backlinks)
        _add_to_toc(page, publish.BACKLINKS_HEADING, publish.BACKLINKS_ID)
        if not backlinks:
            log.info(f"Glossary: no page mentions '{build.glossary.terms[slug].title}' ({file.src_uri}).")
    return env


def _current() -> Build:
    if _build is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("glossary hook: on_config did not run.")
    return _build


def _display_path(file: File, config) -> str:
    """The file's path as the writer sees it from the project folder, e.g. docs/glossary/token.md."""
    if file.abs_src_path and config.config_file_path:
        return os.path.relpath(file.abs_src_path, os.path.dirname(os.path.abspath(config.config_file_path)))
    return file.src_uri


def _slug_of(src_uri: str, folder: str) -> str | None:
    """The slug of a term page (`<folder>/<slug>.md`), or None for any other page."""
    prefix = folder + "/"
    if not src_uri.startswith(prefix) or not src_uri.endswith(".md"):
        return None
    name = src_uri[len(prefix) : -len(".md")]
    return None if "/" in name or name in ("index", "README") else name


def _add_to_toc(page: Page, title: str, anchor: str) -> None:
    """List a generated heading in the page's table of contents, under the page's h1 if it has one."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    items.append(AnchorLink(title, anchor, 2))
