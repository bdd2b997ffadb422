"""Helpers shared by the tests: the project's root, building a site, reading what it built."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


# The generator the tests build with: MkDocs, or ProperDocs (its continuation, which runs the same
# plugins and hooks) when SITE_GENERATOR=properdocs; `make test` runs the built-HTML tests with both.
GENERATOR = os.environ.get("SITE_GENERATOR", "mkdocs")
assert GENERATOR in ("mkdocs", "properdocs"), f"SITE_GENERATOR={GENERATOR}: use mkdocs or properdocs"

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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", GENERATOR, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


class Site:
    """The built site, read as a reader's browser would get it."""

    def __init__(self, root: Path, log: str):
        self.root = root
        self.log = log

    def page(self, url: str) -> str:
        path = self.root / url.strip("/") / "index.html" if not url.endswith(".html") else self.root / url
        return path.read_text(encoding="utf-8")

    def search_index(self) -> dict:
        return json.loads((self.root / "search" / "search_index.json").read_text(encoding="utf-8"))


def build_with_real_config(
    docs: Path, project: Path, *, with_hook: bool = True, env: dict | None = None, extra_config: str = "",
    site: Path | None = None,
) -> Path:
    """Build `docs` with the project's own mkdocs.yml (and `extra_config` appended), hooks,
    overrides and assets; return the site folder (`site`, or `project/site`)."""
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
    result = mkdocs_build(project, site, env=env)
    assert result.returncode == 0, result.stderr
    return site
