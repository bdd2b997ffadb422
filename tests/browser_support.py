"""Finding a Chromium for the browser tests and serving the built site to it on 127.0.0.1."""

from __future__ import annotations

import datetime
import functools
import json
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Flags for a sandboxed, offline machine: no GPU, no background calls to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's Chromium if installed, else None (Playwright then uses its own download)."""
    return DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else shutil.which("chromium")


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site as a static host does, including its 404.html for unknown addresses."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class StaticServer:
    """The built site over HTTP on a free port of 127.0.0.1, for as long as the tests need it."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def wait_until_still(page, quiet_ms: int = 300) -> None:
    """Returns once no animation or transition has run for quiet_ms. Material's header fades its
    title in a frame or more after the page scrolls, so "none running now" can come too early;
    axe measuring mid-fade reports a blended colour."""
    page.evaluate(
        """async quietMs => {
          const frame = () => new Promise(done => requestAnimationFrame(done));
          let quietSince = performance.now();
          while (performance.now() - quietSince < quietMs) {
            await frame();
            if (document.getAnimations().some(a => a.playState === 'running')) quietSince = performance.now();
          }
        }""",
        quiet_ms,
    )


def wait_until_landed(page, target: str, quiet_frames: int = 10) -> None:
    """Returns once the mention `target` (an id) is marked as a backlink's target and the window has
    stopped scrolling (the script scrolls it into place; Material may scroll on load too)."""
    page.wait_for_function(
        "id => { const a = document.getElementById(id); return a && a.classList.contains('glossary-term--target'); }",
        arg=target,
    )
    wait_until_scrolled(page, quiet_frames)


def wait_until_scrolled(page, quiet_frames: int = 10) -> None:
    """Returns once the window's scroll position has not changed for quiet_frames frames (a smooth
    scroll is not an animation document.getAnimations() reports)."""
    page.evaluate(
        """async quiet => {
          const frame = () => new Promise(done => requestAnimationFrame(done));
          let still = 0, y = scrollY;
          while (still < quiet) { await frame(); still = scrollY === y ? still + 1 : 0; y = scrollY; }
        }""",
        quiet_frames,
    )


def next_frames(page, count: int = 2) -> None:
    """Returns once the page has drawn `count` more frames: a resize or a class change has been handled."""
    page.evaluate(
        "async n => { for (let i = 0; i < n; i++) await new Promise(done => requestAnimationFrame(done)); }", count
    )


def luminance(rgb) -> float:
    """WCAG relative luminance of an sRGB color (r, g, b[, a]), 0-255."""

    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    """WCAG contrast ratio of two opaque colors."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(color, page) -> list[float]:
    """`color` (r, g, b[, a]) laid over the opaque page color."""
    alpha = color[3] if len(color) > 3 else 1.0
    return [c * alpha + p * (1 - alpha) for c, p in zip(color[:3], page[:3], strict=True)]


def wait_until_instant(page) -> None:
    """Returns once Material's instant navigation can take a click: it follows only links its
    sitemap.xml lists, and until that file has arrived (fetched after the page loads) a click is
    an ordinary, full page load."""
    page.wait_for_function(
        """() => window.document$ && performance.getEntriesByType('resource')
                   .some(e => e.name.split(/[?#]/)[0].endsWith('/sitemap.xml') && e.responseEnd > 0)"""
    )
    next_frames(page, 3)  # the file parsed and its links taken in


def stored(page, key: str = "glossary-study/v2/term"):
    """The study progress this browser holds under `key` (study.js's storage), or None."""
    value = page.evaluate(f"localStorage.getItem('{key}')")
    return json.loads(value) if value else None


def expected_due(page, history, start: datetime.datetime):
    """What ts-fsrs itself gives for a card graded `history` ([(minutes after `start`, grade)]), as ISO text."""
    return page.evaluate(
        """([start, history]) => {
          const f = FSRS.fsrs(FSRS.generatorParameters({enable_fuzz: false}));
          let card = FSRS.createEmptyCard(new Date(start));
          for (const [minutes, grade] of history) card = f.next(card, new Date(start + minutes * 60000), grade).card;
          return card.due.toISOString(); }""",
        [start.timestamp() * 1000, history],
    )
