"""Helpers shared by the tests: the project's root, building a site, reading what it built."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import yaml
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
# The fixture sites: base (a small glossary), broken (one bad term page each), adversarial, polkadot.
SITES = ROOT / "tests" / "sites"
sys.path.insert(0, str(ROOT / "hooks"))


# The generator the tests build with: MkDocs, or ProperDocs (its continuation, which runs the same
# plugins and hooks) when SITE_GENERATOR=properdocs, or Zensical (zensical.toml, hooks/glossary_zensical.py)
# when SITE_GENERATOR=zensical; `make test` runs the built-HTML tests with all three.
GENERATOR = os.environ.get("SITE_GENERATOR", "mkdocs")
assert GENERATOR in ("mkdocs", "properdocs", "zensical"), f"SITE_GENERATOR={GENERATOR}: mkdocs, properdocs or zensical"
ZENSICAL = GENERATOR == "zensical"
# Why a test does not run on the Zensical build: each skip names what Zensical does differently.
FIXTURE_SITE_ON_ZENSICAL = (
    "SITE_GENERATOR=zensical: this test builds a site from a mkdocs.yml of its own (hooks, plugins or options "
    "appended to the project's), which Zensical does not run; the Zensical build is the real site's zensical.toml"
)
SEARCH_EXCLUDE_STRIPPED = (
    "SITE_GENERATOR=zensical: Zensical removes data-search-exclude from the HTML once its search has read the "
    "page, so the attribute cannot be seen in the built page (tests/build/test_zensical.py checks search.json)"
)
NO_NAV_HOOK = (
    "SITE_GENERATOR=zensical: Zensical runs no on_nav hook; term pages are left out of zensical.toml's nav, "
    "so the sidebar does not place them under the glossary and they have no previous/next links"
)
NO_SOCIAL_CARDS = (
    "SITE_GENERATOR=zensical: no preview images; they are drawn by Material's social plugin with this site's "
    "layout (hooks/social/) and fonts (hooks/social_cards.py, an MkDocs hook), which Zensical does not run"
)

TERM_FILES = sorted(p for p in (ROOT / "docs" / "glossary").glob("*.md") if p.name != "index.md")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def as_shown(fm: dict) -> dict:
    """A term's front matter with its summary as readers see it: one line, curly quotes (see test_terms)."""
    from glossary.terms import typographic

    return {**fm, "summary": typographic(" ".join(fm["summary"].split()))}


# Every term page's front matter, by slug, as the site shows it.
TERMS = {path.stem: as_shown(front_matter(path)) for path in TERM_FILES}


def mkdocs_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (or ProperDocs') as a writer would, and return what it printed."""
    if ZENSICAL:
        import pytest

        pytest.skip(FIXTURE_SITE_ON_ZENSICAL)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", GENERATOR, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def zensical_build(
    site_dir: Path, *, docs: Path | None = None, env: dict | None = None, glossary: bool = True
) -> subprocess.CompletedProcess:
    """Build the real site (or `docs` with its configuration) with Zensical and the glossary's pass after
    it, as `make build-zensical` does, and return what it printed."""
    command = [sys.executable, str(ROOT / "hooks" / "glossary_zensical.py"), "build", str(site_dir)]
    command += (["--docs", str(docs)] if docs else []) + ([] if glossary else ["--without-glossary"])
    return subprocess.run(
        command,
        cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300,
    )


def as_on_ci(folder: Path) -> dict:
    """The environment of a build on a fresh clone on a machine without network, as CI's: the social
    cards' cache (mkdocs.yml) starts empty in `folder`, and every network connection fails and is
    written to `folder`/network.log (tests/offline/sitecustomize.py)."""
    path = os.pathsep.join(filter(None, [str(ROOT / "tests" / "offline"), os.environ.get("PYTHONPATH")]))
    nowhere = "http://127.0.0.1:9"  # and a proxy that answers nothing, for clients that read one
    return {
        "PYTHONPATH": path, "NETWORK_LOG": str(folder / "network.log"), "SOCIAL_CARDS_CACHE": str(folder / "cards"),
        "HTTP_PROXY": nowhere, "HTTPS_PROXY": nowhere, "http_proxy": nowhere, "https_proxy": nowhere,
    }


class Site:
    """The built site, read as a reader's browser would get it."""

    def __init__(self, root: Path, log: str):
        self.root = root
        self.log = log

    def page(self, url: str) -> str:
        path = self.root / url.strip("/") / "index.html" if not url.endswith(".html") else self.root / url
        return path.read_text(encoding="utf-8")

    def search_index(self) -> dict:
        if ZENSICAL:
            import pytest

            pytest.skip("SITE_GENERATOR=zensical: Zensical writes its own search index (search.json, another "
                        "format, with no boost), not Material's search/search_index.json")
        return json.loads((self.root / "search" / "search_index.json").read_text(encoding="utf-8"))


def build_with_real_config(
    docs: Path, project: Path, *, with_hook: bool = True, env: dict | None = None, extra_config: str = "",
    site: Path | None = None,
) -> Path:
    """Build `docs` with the project's own mkdocs.yml (and `extra_config` appended), hooks,
    overrides and assets; return the site folder (`site`, or `project/site`). With SITE_GENERATOR=zensical,
    with the project's zensical.toml (no `extra_config` there: such a test is skipped)."""
    if ZENSICAL and not extra_config and not env:
        site = site or project / "site"
        result = zensical_build(site, docs=docs, glossary=with_hook)
        assert result.returncode == 0, result.stderr
        return site
    shutil.copytree(docs, project / "docs")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets", dirs_exist_ok=True)
    for folder in ("hooks", "overrides"):
        (project / folder).symlink_to(ROOT / folder)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not with_hook:
        config = config.replace("\n  - hooks/glossary_links.py\n", "\n")
        assert "glossary_links" not in config
        # Built without the hook on purpose: the theme would otherwise stop the build (overrides/main.html).
        config = config.replace("\n  glossary:\n", "\n  glossary:\n    required: false\n", 1)
    (project / "mkdocs.yml").write_text(config + extra_config, encoding="utf-8")
    site = site or project / "site"
    # No preview images: these sites test other things, and the real site's build draws and tests them.
    result = mkdocs_build(project, site, env={"SOCIAL_CARDS": "false", **(env or {})})
    assert result.returncode == 0, result.stderr
    return site


# Reading a built site (the real one, or any Site).


def html_of(site: Site, url: str) -> LexborHTMLParser:
    return LexborHTMLParser(site.page(url))


def resolve(site: Site, page_url: str, href: str) -> tuple[Path, str]:
    """The file a relative link on `page_url` opens, and its #fragment."""
    path, fragment = urldefrag(href)
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    file = site.root / target.lstrip("./")
    if file.is_dir() or not file.suffix:
        file = file / "index.html"
    return file, fragment


def all_pages(site: Site):
    """(url, file) of every page of the site, redirect pages included."""
    for file in sorted(site.root.rglob("index.html")):
        url = file.parent.relative_to(site.root).as_posix()
        yield ("" if url == "." else url + "/"), file


def backlinks(site: Site, slug: str):
    """The items of a term page's "Mentioned in"."""
    return html_of(site, f"glossary/{slug}/").css(".glossary-backlinks li")


def definitions(tree: LexborHTMLParser) -> dict:
    """The definitions a page carries for its popovers, as the browser script reads them."""
    templates = tree.css("template.glossary-definitions")
    assert len(templates) <= 1
    if not templates:
        return {}
    found = {}
    (content,) = templates[0].parent.template_fragments()
    for dt in content.css("dt"):
        dd = dt.next
        assert dd.tag == "dd"
        found[dt.attributes["data-term"]] = {"title": dt.text(), "summary": dd.text()}
    return found


# Messages the Nu checker reports on Material's own markup, which we keep on purpose (see README, "Validity").
KNOWN_MATERIAL_MESSAGES = {
    'Attribute "autocorrect" not allowed on element "input" at this point.',
    'Attribute "autocomplete" is only allowed when the input type is "color", "date", "datetime-local", "email", '
    '"hidden", "month", "number", "password", "range", "search", "tel", "text", "time", "url", or "week".',
    'The value of the "for" attribute of the "label" element must be the ID of a non-hidden form control.',
}


# The base fixture site, and builds of it that must fail.


def small_site(tmp_path: Path, broken: str | None = None, extra: str = "") -> Path:
    """The base fixture site, with one broken term page dropped into its glossary."""
    project = tmp_path / "project"
    shutil.copytree(SITES / "base", project)
    (project / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: mkdocs\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'glossary_links.py'}\n{extra}",
        encoding="utf-8",
    )
    if broken:
        shutil.copy(SITES / "broken" / f"{broken}.md", project / "docs" / "glossary" / f"{broken}.md")
    return project


def failed_build(tmp_path: Path, broken: str | None = None, extra: str = "", project: Path | None = None) -> str:
    """Build the base fixture site (or `project`), which must fail without a traceback and without
    writing pages; return what the build printed."""
    project = project or small_site(tmp_path, broken, extra)
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not (site_dir / "index.html").exists(), "a failed build wrote pages"
    return result.stderr
