"""Zensical adapter: the glossary engine in `glossary/`, run by a generator that has no build events.

Zensical (zensical.toml) runs Python-Markdown extensions and nothing else of ours, and
serves pages it rendered before from its cache. So the engine runs in two places:
- per page, this module's Markdown extension (`glossary_zensical` under markdown_extensions)
  links the page and adds what its kind of page has, as the MkDocs hook's `on_page_content`;
  it leaves in the page what the page adds to others (`Site.page_data`);
- after the build, `finish` reads that from every built page, cached ones too, and writes what
  needs every page: "Mentioned in", the study page's decks, the alias redirects, the 404 list; and
  "Related terms", which, as under MkDocs, search does not read.
`python hooks/glossary_zensical.py build [SITE_DIR]` does both (`make build-zensical`), in a
scratch copy of the project, and puts the site in place only once it is whole.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from lightbox_captions import with_captions
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from glossary.errors import GlossaryError
from glossary.options import read_options
from glossary.site import STUDY_APP_LATER, TERM_LISTS_LATER, Page, Site, Source

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "zensical.toml"
ERRORS = "GLOSSARY_ERRORS"  # a file the build command reads a writer's mistake from, to print it alone
PAGE_DATA = "glossary-page-data"  # class of the <template> that carries a page's `page_data` to `finish`
_PAGE_DATA = re.compile(rf'<template class="{PAGE_DATA}"[^>]*>(.*?)</template>\n?', re.S)


# --- per page: the Markdown extension ----------------------------------------------------------------


class GlossaryExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # The `toc` extension runs every postprocessor on each heading's text too: only the run after the
        # last tree processor has the whole page.
        done = _TreeDone(md)
        md.treeprocessors.register(done, "glossary_tree_done", -1000)
        md.postprocessors.register(_LinkPage(md, done), "glossary", -1000)


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 - Python-Markdown's name
    return GlossaryExtension(**kwargs)


class _TreeDone(Treeprocessor):
    whole = False

    def run(self, root):
        self.whole = True


class _LinkPage(Postprocessor):
    def __init__(self, md: Markdown, done: _TreeDone):
        super().__init__(md)
        self.done = done

    def run(self, text: str) -> str:
        from zensical.extensions.context import ContextPreprocessor

        context = ContextPreprocessor.from_markdown(self.md)
        if not self.done.whole or context is None:
            return text
        self.done.whole = False
        try:
            return _link(self.md, context.page, context.config, text)
        except GlossaryError as error:
            _report(error)
            raise


def _link(md: Markdown, zensical_page, config: dict, html: str) -> str:
    """What the MkDocs hook does from on_page_content to on_page_context, for one page."""
    site = _site(config)
    meta = zensical_page.meta
    page = Page(zensical_page.path, zensical_page.url, zensical_page.title or "", meta,
                _display_path(config, zensical_page.path), links_from=zensical_page.path)
    linked = site.link(page, html)
    meta.update(linked.meta)
    if meta.get("description"):  # printed into an attribute as it is, as Material does
        meta["description"] = escape(" ".join(str(meta["description"]).split()))
    meta["glossary_linked"] = True  # the theme's sign that the glossary ran (overrides/main.html)
    for title, anchor in linked.toc:
        _add_to_toc(md, title, anchor)
    site.for_search(page, linked.html)
    reader = site.for_readers(page) or linked.html
    site.after_render(page)
    data = json.dumps(site.page_data(page), separators=(",", ":")).replace("<", "\\u003c").replace("&", "\\u0026")
    return with_captions(reader) + f'<template class="{PAGE_DATA}" data-search-exclude>{data}</template>\n'


def _add_to_toc(md: Markdown, title: str, anchor: str) -> None:
    """List a generated heading in the page's table of contents, under the page's h1 if it has one."""
    tokens = getattr(md, "toc_tokens", [])
    if len(tokens) == 1 and tokens[0]["level"] == 1:
        tokens = tokens[0]["children"]
    tokens.append({"level": 2, "id": anchor, "name": title, "html": escape(title), "data-toc-label": "",
                   "children": []})


# One Site for every page of a build: Zensical renders all pages in one process, and `zensical serve`
# keeps that process, so a changed term page (looked for at most once a second) starts a new one.
_current: tuple[Any, Site] | None = None
_checked = 0.0


def _site(config: dict) -> Site:
    global _current, _checked
    if _current is not None and time.monotonic() - _checked < 1:
        return _current[1]
    _checked = time.monotonic()
    docs = _docs(config)
    key = (str(docs), _signature(docs, config))
    if _current is None or _current[0] != key:
        if _current is not None:
            _current[1].close()
        _current = (key, _collected(config, finish_later=True)[0])
    return _current[1]


def _signature(docs: Path, config: dict) -> tuple:
    glossary = (config.get("extra") or {}).get("glossary") or {}
    folder = docs / str(glossary.get("dir", "glossary"))
    files = sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*.md"))
    return (json.dumps(glossary, sort_keys=True, default=str), tuple(files))


def _collected(config: dict, *, finish_later: bool):
    """A new Site with every term page read and checked (the collect stage), and what it asks to add."""
    options = read_options((config.get("extra") or {}).get("glossary"))
    site = Site(options, site_url=config.get("site_url") or "", directory_urls=config.get("use_directory_urls", True),
                finish_later=finish_later)
    docs = _docs(config)
    sources, published = [], {}
    for path in sorted(docs.rglob("*")):
        if not path.is_file():
            continue
        src = path.relative_to(docs).as_posix()
        shown = _display_path(config, src)
        if src.endswith(".md"):
            sources.append(Source(src, shown, _reader(path)))
            published[site.placement(src[: -len(".md")]).dest] = shown
        else:
            published[src] = shown
    collected = site.collect(sources, published)
    for warning in site.warnings:
        print(f"WARNING -  {warning}", file=sys.stderr)
    return site, collected


def _reader(path: Path):
    return lambda: path.read_text(encoding="utf-8")


def _docs(config: dict) -> Path:
    return Path(config["root_dir"]) / config["docs_dir"]


def _display_path(config: dict, src: str) -> str:
    """The file's path as the writer sees it from the project folder, e.g. docs/glossary/token.md."""
    return Path(config["docs_dir"], src).as_posix()


def _report(error: GlossaryError) -> None:
    """The build command prints a writer's mistake alone; Zensical would print it in a traceback."""
    target = os.environ.get(ERRORS)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(str(error) + "\n")


# --- after the build: what crosses pages ---------------------------------------------------------------


def finish(config: dict, site_dir: Path) -> list[str]:
    """Write what needs every page into the built site; return lines for the build's log."""
    site, collected = _collected(config, finish_later=False)
    try:
        pages = sorted(_built_pages(site_dir), key=lambda found: _build_order(found[1]["src"]))
        for _, data, _ in pages:
            site.add_page_data(data)
        for file, data, html in pages:
            page = Page(data["src"], data["url"], "", {}, _display_path(config, data["src"]))
            slug = site.term_srcs.get(page.src)
            html = _PAGE_DATA.sub("", html)
            if slug is not None:
                html = html.replace(TERM_LISTS_LATER, site.term_lists_html(slug, page.url), 1)
            if page.src == site.study_src:
                html = html.replace(STUDY_APP_LATER, site.study_app_html(page), 1)
            file.write_text(html, encoding="utf-8")
        for dest, content in collected.files.items():
            if dest.endswith(".html"):  # the alias redirects; the study page is a source (see `build`)
                _write(site_dir / dest, content.encode("utf-8"))
        for dest, content in site.deck_files().items():
            _write(site_dir / dest, content)
        _fill_not_found(site_dir / "404.html", site, config)
        log = [collected.note]
        log += [f"Glossary: no page mentions '{term.title}' ({term.source})." for term in site.unmentioned()]
        return log
    finally:
        site.close()


def _built_pages(site_dir: Path) -> Iterator[tuple[Path, dict, str]]:
    for file in site_dir.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        found = _PAGE_DATA.search(html)
        if found:
            yield file, json.loads(found.group(1)), html


def _build_order(src: str) -> tuple:
    """The order MkDocs links pages in, so "Mentioned in" lists them as the MkDocs build does: folder by
    folder, a folder's index first."""
    *folders, name = src.split("/")
    return (tuple(folders), name not in ("index.md", "README.md"), name)


def _fill_not_found(path: Path, site: Site, config: dict) -> None:
    """The 404 page lists every essay and term, as the theme writes them from the MkDocs hook's data:
    root-relative addresses, since a host serves that page at any address."""
    if not path.exists():
        return
    data = site.not_found_data()
    root = "/" + (config.get("site_url") or "").split("://", 1)[-1].partition("/")[2]
    items = "".join(
        f'\n      <li data-names="{escape(" ".join(entry["names"]))}" hidden>'
        f'<a href="{escape(root + entry["url"])}">{escape(entry["title"])}</a></li>'
        for entry in data["glossary_essays"] + data["glossary_terms"]
    )
    script = f'\n  <script defer src="{escape(root + data["glossary_find_script"])}"></script>'
    html = path.read_text(encoding="utf-8")
    html, found = re.subn(r'(<ul class="glossary-suggestions">)\s*(</ul>)', rf"\1{items}\n    \2", html, count=1)
    if found:
        html = html.replace("</ul>\n  </div>", "</ul>\n  </div>" + script, 1)
    path.write_text(html, encoding="utf-8")


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


# --- the build command -----------------------------------------------------------------------------------


def build(site_dir: Path, site_url: str | None = None, docs: Path = ROOT / "docs", glossary: bool = True) -> int:
    """Build the site with Zensical and finish it, in a scratch copy of the project: `--clean`, so no
    page keeps another's old copy of a term (Zensical's cache knows no such dependency), and the site
    is moved to `site_dir` only once it is whole. A writer's mistake is printed alone, and no site is left."""
    started = time.monotonic()
    shutil.rmtree(site_dir, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="zensical-build-") as scratch:
        project = Path(scratch)
        shutil.copytree(docs, project / "docs", ignore=shutil.ignore_patterns("lightbox-start.js"))
        if docs != ROOT / "docs":  # other pages (a test's), with this site's assets
            shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets", dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("lightbox-start.js"))
        for folder in ("hooks", "overrides", "overrides-zensical"):
            (project / folder).symlink_to(ROOT / folder)
        _minify(project / "docs")
        config_text = (ROOT / CONFIG).read_text(encoding="utf-8")
        if site_url:
            config_text = re.sub(r'(?m)^site_url = ".*"$', f'site_url = "{site_url}"', config_text, count=1)
        if not glossary:  # the same site without the glossary, on purpose
            config_text = config_text.replace("\nglossary_zensical = {}\n", "\n")
            config_text = config_text.replace(  # the theme would stop it otherwise
                "[project.extra.glossary]\n", "[project.extra.glossary]\nrequired = false\n", 1)
        (project / CONFIG).write_text(config_text, encoding="utf-8")
        config = _config(project / CONFIG)
        try:
            if glossary:  # every term page checked first, so their mistakes come all at once
                _add_study_page(config, project / "docs")
        except GlossaryError as error:
            return _failed(str(error))
        errors = project / "errors.txt"
        env = {**os.environ, ERRORS: str(errors),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "hooks"), os.environ.get("PYTHONPATH")]))}
        run = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "-f", CONFIG], cwd=project,
                             env=env, capture_output=True, text=True)
        if errors.exists():
            return _failed(errors.read_text(encoding="utf-8").strip())
        print((run.stdout + run.stderr).rstrip(), file=sys.stderr)  # Zensical's own log: its warnings
        if run.returncode != 0:
            return _failed(f"zensical build stopped (exit {run.returncode}).")
        built = project / str(config.get("site_dir", "site"))
        try:
            log = finish(config, built) if glossary else []
        except GlossaryError as error:
            return _failed(str(error))
        shutil.move(str(built), str(site_dir))
    for line in log:
        print(f"INFO    -  {line}", file=sys.stderr)
    print(f"INFO    -  Zensical build and glossary pass in {time.monotonic() - started:.2f} s: {site_dir}",
          file=sys.stderr)
    return 0


def _add_study_page(config: dict, docs: Path) -> None:
    """The engine's own study page, unless the site has one: Zensical builds pages from sources only.
    And a term page whose `slug` is not its file's name goes under that name in the scratch copy:
    Zensical publishes a page where its file is, and every link to the term is to its slug's address."""
    site, collected = _collected(config, finish_later=False)
    site.close()
    for src, content in collected.files.items():
        if src.endswith(".md"):
            _write(docs / src, content.encode("utf-8"))
    for src in collected.moves:
        (docs / src).rename(docs / posixpath.dirname(src) / f"{site.term_srcs[src]}.md")


def _minify(docs: Path) -> None:
    """The site's own scripts and stylesheets, minified as hooks/minify.py serves them under MkDocs: Zensical's
    `minify` plugin would rename them (glossary.min.js), and the engine and glossary.js name them."""
    import tomllib

    from minify import MINIFIERS, own_files

    project = tomllib.loads((ROOT / CONFIG).read_text(encoding="utf-8"))["project"]
    for src in own_files([*project.get("extra_css", ()), *project.get("extra_javascript", ())]):
        path, minify = docs / src, MINIFIERS.get(Path(src).suffix)
        if minify and path.exists():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")


def _config(path: Path) -> dict:
    from zensical.config import parse_config

    return parse_config(str(path))


def _failed(message: str) -> int:
    print(f"ERROR   -  {message}", file=sys.stderr)
    return 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python hooks/glossary_zensical.py",
                                     description="Build the site with Zensical and the glossary.")
    parser.add_argument("command", choices=["build"])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site-zensical")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the pages to build (default: docs/)")
    parser.add_argument("--without-glossary", action="store_true", help="leave the glossary out, on purpose")
    args = parser.parse_args(argv)
    return build(args.site_dir.resolve(), os.environ.get("SITE_URL"), args.docs.resolve(), not args.without_glossary)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
