#!/usr/bin/env python3
"""Figures for the engine on a real corpus: the Polkadot developer docs (tests/sites/polkadot,
made by corpora/polkadot.py).

    .venv/bin/python benchmarks/corpus.py [--pairs 5] [--sample 60] [--seed 2026]

Prints the links made and the terms they reach, a seeded random sample of linked mentions with
the sentence around each (to judge by hand: benchmarks/corpus-judgments.tsv holds the verdicts),
and the build time with and without the hook, alternating, each build in a fresh interpreter.
A script that prints figures, not a test: this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "sites" / "polkadot"


def build(project: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                   cwd=project, env=env, check=True)
    return time.perf_counter() - started


def copy_without_hook(work: Path) -> Path:
    plain = work / "plain"
    shutil.copytree(FIXTURE, plain)
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("hooks:")[0]  # no hook, no extra.glossary
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def mentions(site: Path):
    """(page, term, linked text, context) of every link the hook made; the context is the block's
    text around that very link, "⟦…⟧" marking the link."""
    for file in sorted(site.rglob("index.html")):
        page = file.parent.relative_to(site).as_posix()
        if page.startswith("glossary"):
            continue
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        for link in tree.css("a.glossary-term"):
            block = link.parent
            while block.tag not in ("p", "li", "td", "dd", "div", "body"):
                block = block.parent
            before, _, after = block.html.partition(f'id="{link.attributes["id"]}">')
            before = before.rsplit("<a ", 1)[0]
            after = after.split("</a>", 1)[1]
            words = [" ".join(LexborHTMLParser(part).text().split()) for part in (before, after)]
            yield page, link.attributes["data-term"], link.text(), f"{words[0][-90:]} ⟦{link.text()}⟧ {words[1][:90]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corpus-"))
    try:
        build(FIXTURE, work / "site")
        found = list(mentions(work / "site"))
        terms = {term for _, term, _, _ in found}
        pages = len({page for page, *_ in found})
        print(f"links made: {len(found)} on {pages} pages, to {len(terms)} of "
              f"{len(list((FIXTURE / 'docs' / 'glossary').glob('*.md'))) - 1} terms")
        print()
        print(f"random sample of {args.sample} linked mentions (seed {args.seed}):")
        for n, (page, term, text, context) in enumerate(random.Random(args.seed).sample(found, args.sample), 1):
            print(f"{n}\t{term}\t{text}\t{page}\t…{context}…")
        print()
        plain = copy_without_hook(work)
        with_hook, without = [], []
        for _ in range(args.pairs):
            with_hook.append(build(FIXTURE, work / "a"))
            without.append(build(plain, work / "b"))
        ratios = [a / b for a, b in zip(with_hook, without, strict=True)]
        print(f"build time, median of {args.pairs} pairs: with the hook {statistics.median(with_hook):.2f} s, "
              f"without {statistics.median(without):.2f} s, ratio {statistics.median(ratios):.2f}× "
              f"(pairs {min(ratios):.2f}–{max(ratios):.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
