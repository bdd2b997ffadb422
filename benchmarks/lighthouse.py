#!/usr/bin/env python3
"""Lighthouse scores of the built site, as a static host would serve it.

Builds the site, serves it on 127.0.0.1 with gzip (as GitHub Pages, Netlify or
any static host does), runs Lighthouse (installed with npm on first use) in
Debian's Chromium against the essay, a term page and the glossary index, and
prints the four category scores, total blocking time and page weight of each.
A script that prints figures, not a test: this machine is shared and noisy.

    .venv/bin/python benchmarks/lighthouse.py [--runs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "13.5.0"
CACHE = ROOT / "benchmarks" / ".lighthouse"
PAGES = {
    "essay": "essays/continual-learning/",
    "term page": "glossary/catastrophic-forgetting/",
    "glossary index": "glossary/",
}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves text files gzipped when the browser accepts it, like a real static host."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()  # also redirects /dir to /dir/
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_binary() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} with npm into {CACHE} …", file=sys.stderr)
        subprocess.run(
            [
                "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE),
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    return binary


def build(site_dir: Path, url: str) -> None:
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, check=True,
    )


def audit(binary: Path, url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [str(binary), url, f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={out}", "--quiet"],
        env=env, check=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        **{name: round(report["categories"][key]["score"] * 100) for key, name in
           (("performance", "perf"), ("accessibility", "a11y"), ("best-practices", "best"), ("seo", "seo"))},
        "tbt": audits["total-blocking-time"]["numericValue"],
        "weight": audits["total-byte-weight"]["numericValue"] / 1024,
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is printed")
    parser.add_argument("--keep", type=Path, help="keep the built site and reports here")
    args = parser.parse_args()

    binary = lighthouse_binary()
    work = args.keep or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    site_dir = work / "site"
    handler = functools.partial(GzipHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    build(site_dir, base)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    print(
        f"$ {' '.join(sys.argv)}  "
        f"(lighthouse {LIGHTHOUSE_VERSION}, mobile preset, simulated throttling, median of {args.runs})"
    )
    print()
    print("| page | performance (min–max) | accessibility | best practices | SEO | total blocking time (min–max) "
          "| page weight | LCP | CLS |")
    print("|---|---|---|---|---|---|---|---|---|")
    try:
        for name, path in PAGES.items():
            runs = [audit(binary, base + path, work / f"{name.replace(' ', '-')}-{i}.json") for i in range(args.runs)]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            low = {key: min(run[key] for run in runs) for key in runs[0]}
            high = {key: max(run[key] for run in runs) for key in runs[0]}
            print(
                f"| {name} | {median['perf']:.0f} ({low['perf']:.0f}–{high['perf']:.0f}) | {median['a11y']:.0f} "
                f"| {median['best']:.0f} | {median['seo']:.0f} "
                f"| {median['tbt']:.0f} ms ({low['tbt']:.0f}–{high['tbt']:.0f}) | {median['weight']:.0f} KiB "
                f"| {median['lcp'] / 1000:.1f} s | {median['cls']:.3f} |"
            )
    finally:
        server.shutdown()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
