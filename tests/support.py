"""Helpers shared by the tests: the project's root, building a site, reading what it built."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


def mkdocs_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a writer would, and return what it printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
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


def build_with_real_config(docs: Path, project: Path, *, with_hook: bool = True, env: dict | None = None) -> Path:
    """Build `docs` with the project's own mkdocs.yml, hooks, overrides and assets; return the site folder."""
    shutil.copytree(docs, project / "docs")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets", dirs_exist_ok=True)
    for folder in ("hooks", "overrides"):
        (project / folder).symlink_to(ROOT / folder)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not with_hook:
        config = config.replace("\n  - hooks/glossary_links.py\n", "\n")
        assert "glossary_links" not in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, project / "site", env=env)
    assert result.returncode == 0, result.stderr
    return project / "site"
