"""Helpers shared by the tests: the project's root, building a site, reading what it built."""

from __future__ import annotations

import json
import os
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
