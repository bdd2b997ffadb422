"""MkDocs hook: maps MkDocs' build events to the glossary engine in `glossary/`.

The engine's `Site` owns the build (collect → link → publish); each handler here
turns MkDocs' files and pages into the engine's plain data, calls it, and
applies what it returns. One `Site` per build, made in `on_config`, so the
rebuilds of `mkdocs serve` start afresh. Options come from `extra.glossary`.
"""

from __future__ import annotations

import functools
import logging
import os
from html import escape

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink

from glossary.errors import GlossaryError
from glossary.options import read_options
from glossary.pages.sharing import preview_description
from glossary.site import Page, Site, Source

log = logging.getLogger("mkdocs.hooks.glossary")

_site: Site | None = None


def _for_writers(handler):
    """A writer's mistake stops the build with its message, naming the file and the fix: no traceback."""

    @functools.wraps(handler)
    def run(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except GlossaryError as error:
            _close()
            raise PluginError(str(error)) from None

    return run


def _current() -> Site:
    if _site is None:  # pragma: no cover - MkDocs always calls on_config first
        raise PluginError("glossary hook: on_config did not run.")
    return _site


@_for_writers
def on_config(config, **kwargs):
    """Start a new build: read and check the options."""
    global _site
    _close()  # of a build `mkdocs serve` gave up on
    options = read_options(config.extra.get("glossary"))
    _site = Site(options, site_url=config.site_url or "", directory_urls=config.use_directory_urls)
    return config


@_for_writers
def on_files(files: Files, config, **kwargs):
    """Collect: read every term page into one checked glossary; add the redirects and the study page."""
    site = _current()
    sources = [
        Source(file.src_uri, _display_path(file, config), functools.partial(lambda f: f.content_string, file))
        for file in files.documentation_pages()
    ]
    published = {file.dest_uri: _display_path(file, config) for file in files}
    collected = site.collect(sources, published)
    for warning in site.warnings:
        log.warning(warning)
    for src, where in collected.moves.items():
        file = files.get_file_from_path(src)
        assert file is not None, src  # the engine moves only pages it was given
        file.dest_uri, file.url = where.dest, where.url
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, where.dest))
    for src, content in collected.files.items():
        files.append(File.generated(config, src, content=content))
    log.info(collected.note)
    return files


def on_nav(nav, config, files: Files, **kwargs):
    """The sidebar lists the glossary as one link, to its index, however many terms it has
    (`nav: index`, the default), and marks that link on a term page; the study page is a page,
    not a folder of one."""
    site = _current()
    alone = [site.study_src] + ([site.index_src] if site.options.nav == "index" else [])
    for src in filter(None, alone):
        file = files.get_file_from_path(src)
        if file is not None and file.page is not None:
            _collapse(nav.items, None, file.page)
    _place_term_pages(nav, files, site)
    _previous_in_sidebar(nav)
    return nav


def _previous_in_sidebar(nav) -> None:
    """A page the sidebar lists goes back, in its footer, to the page the sidebar shows above it. MkDocs
    chains every page, term pages the sidebar leaves out included, so the study page's "Previous" was
    the glossary's last term (Transformer), a page the reader never passed on the way."""
    listed = list(_pages(nav.items))
    for above, page in zip(listed, listed[1:], strict=False):
        page.previous_page = above


def _place_term_pages(nav, files: Files, site: Site) -> None:
    """A term page the sidebar does not list sits under the glossary's index, which stands for
    the glossary there: while the term page is shown, MkDocs marks its parents as active, so the
    sidebar marks the glossary (and opens the sections around it) as for any page in a section."""
    index = _page_of(files, site.index_src)
    listed = {id(page) for page in _pages(nav.items)}
    if index is None or id(index) not in listed:
        return
    for src in site.term_srcs:
        page = _page_of(files, src)
        if page is not None and id(page) not in listed:
            page.parent = index  # type: ignore[assignment]  # a page in place of its section, as _collapse left it


def _page_of(files: Files, src: str | None) -> MkDocsPage | None:
    file = files.get_file_from_path(src) if src else None
    return file.page if file is not None else None


def _pages(items):
    """Every page the navigation shows, in sections at any depth."""
    for item in items:
        if getattr(item, "is_section", False):
            yield from _pages(item.children)
        elif getattr(item, "is_page", False):
            yield item


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


@event_priority(50)  # before Material's social plugin draws the page's card (at -100), in another thread
def on_page_markdown(markdown: str, page: MkDocsPage, config, files: Files, **kwargs):
    """The text of the page's link preview, for its preview image (hooks/social/card.yml): a term's
    summary as the engine read it. A key of its own, set once: `description` is escaped later."""
    site = _current()
    slug = site.term_srcs.get(page.file.src_uri)
    text = preview_description(page.meta, site.glossary.terms[slug] if slug else None)
    if text:
        page.meta["preview_description"] = text
    return markdown


@_for_writers
def on_page_content(html: str, page: MkDocsPage, config, files: Files, **kwargs):
    """Link: the engine links the page's mentions and adds what its kind of page has."""
    linked = _current().link(_page(page, config), html)
    page.meta.update(linked.meta)
    for title, anchor in linked.toc:
        _add_to_toc(page, title, anchor)
    # Material prints the description into an attribute as it is: escape it once, here.
    if page.meta.get("description"):
        page.meta["description"] = escape(" ".join(str(page.meta["description"]).split()))
    return linked.html


def on_env(env, config, files: Files, **kwargs):
    """Publish: every page is linked, so each term's "Mentioned in" list is complete."""
    site = _current()
    for term in site.unmentioned():
        log.info(f"Glossary: no page mentions '{term.title}' ({term.source}).")
    env.globals.update(site.not_found_data())  # the 404 page (overrides/404.html) suggests terms
    return env


@event_priority(100)  # before Material's search indexes the page
def _page_for_search(context, page: MkDocsPage, config, **kwargs):
    """Search reads the page without the engine's links and lists (see `Site.for_search`)."""
    if page.content is not None:
        page.content = _current().for_search(_page(page, config), page.content)
    return context


@event_priority(-100)  # after Material's search has indexed the page
def _page_for_readers(context, page: MkDocsPage, config, **kwargs):
    """Readers get the page with its links, lists and definitions."""
    reader = _current().for_readers(_page(page, config))
    if reader is not None:
        page.content = reader
    return context


on_page_context = CombinedEvent(_page_for_search, _page_for_readers)


def on_post_page(output: str, page: MkDocsPage, config, **kwargs):
    """Once the page is written, it keeps what search read: MkDocs holds every page's content until
    the build ends (at 1,000 pages, the rest is several times its own size in the heap)."""
    search = _current().after_render(_page(page, config))
    if search is not None:
        page.content = search
    return output


def on_post_build(config, **kwargs):
    """The build is written: add the study decks for Anki and other tools, and let go of the backlinks."""
    for path, content in _current().deck_files().items():
        target = os.path.join(config.site_dir, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(content)
    _close()


def on_build_error(error, **kwargs):
    _close()


def _close() -> None:
    if _site is not None:
        _site.close()


def _page(page: MkDocsPage, config) -> Page:
    return Page(page.file.src_uri, page.url, page.title or "", page.meta, _display_path(page.file, config))


def _display_path(file: File, config) -> str:
    """The file's path as the writer sees it from the project folder, e.g. docs/glossary/token.md."""
    if file.abs_src_path and config.config_file_path:
        return _relative_to_project(file.abs_src_path, config.config_file_path)
    return file.src_uri


@functools.lru_cache(maxsize=8192)
def _relative_to_project(path: str, config_file: str) -> str:
    # Asked for every file in on_files and four times per page: `relpath` costs about 12 µs a call,
    # which a 1,000-page site would pay some 6,000 times. A function of its arguments alone, so
    # keeping it between the rebuilds of `mkdocs serve` carries no build's state into the next.
    return os.path.relpath(path, os.path.dirname(os.path.abspath(config_file)))


def _add_to_toc(page: MkDocsPage, title: str, anchor: str) -> None:
    """List a generated heading in the page's table of contents, under the page's h1 if it has one."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    items.append(AnchorLink(title, anchor, 2))
