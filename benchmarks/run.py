"""Benchmark the glossary hook: build synthetic sites with and without it and print two Markdown tables.

1. Scaling: for each size (N terms × M pages), the site is generated once, then
   built K times with the hook and K times without it, alternating (plain, hook,
   hook, plain, …) so that drift in the machine's speed hits both alike. Every
   build runs in a fresh interpreter (`build_once.py`). Both builds show the same
   sidebar (`--sidebar`: the glossary's index only, as the real site, or every
   term page), checked in the built HTML: Material writes the whole sidebar into
   every page, so a plain build listing every term would pay for a navigation
   the hook's build does not have.
2. Term doubling: the same essays (pages and words fixed) with 100, 200, 400, 800
   terms, built with the hook K times each, to show what the number of terms costs.

    .venv/bin/python benchmarks/run.py [--sizes 40x40,250x250,1000x1000] [--pairs 5] [--sidebar index|all]
        [--doubling 100,200,400,800] [--doubling-pages 100] [--words-per-page 1000]
        [--no-scaling] [--no-doubling] [--max-build-seconds 300] [--profile] [--keep DIR] [--sites-in DIR]

Figures go to stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import compileall
import functools
import hashlib
import io
import json
import math
import os
import platform
import pstats
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import SIDEBARS, generate, write_config  # noqa: E402

SIDEBAR_TEXT = {"index": "the glossary's index only", "all": "every term page"}
TARGET_RATIO = 1.10
TARGET_TERM_CHANGE = 0.10
TARGET_MEMORY = 1.2
# Where a mention must never be linked; a link found here is a bug worth shouting about.
UNLINKED_ZONES = ", ".join(
    f"{zone} a.glossary-term"
    for zone in ("pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", ".admonition-title", "summary", "a")
)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- One build --------------------------------------------------------------


def build_once(config: Path, site_dir: Path, profile: Path | None = None) -> dict:
    """Build in a fresh interpreter; stop the whole benchmark if the build fails."""
    command = [sys.executable, str(HERE / "build_once.py"), str(config), str(site_dir)]
    if profile:
        command += ["--profile", str(profile)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        log(done.stderr[-5000:])
        raise SystemExit(f"FAILED: the build of {config} exited with {done.returncode} (its output is above).")
    return json.loads(done.stdout.strip().splitlines()[-1])


def count_links(site_dir: Path) -> tuple[int, int, int]:
    """(links made, backlinks written, links in places that must stay unlinked) in the built HTML."""
    links = backlinks = misplaced = 0
    for page in site_dir.rglob("*.html"):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        links += len(tree.css("a.glossary-term"))
        backlinks += len(tree.css(".glossary-backlinks li"))
        misplaced += len(tree.css(UNLINKED_ZONES))
    return links, backlinks, misplaced


def sidebar_links(site_dir: Path) -> list[tuple[str, str]]:
    """The sidebar's links (address, text) on the home page, an essay and the glossary's index; the
    page's own table of contents, which Material nests in the sidebar under the current page, left out."""
    links = []
    for page in ("index.html", "essays/essay-0001/index.html", "glossary/index.html"):
        tree = LexborHTMLParser((site_dir / page).read_text(encoding="utf-8"))
        for link in tree.css("nav.md-nav--primary a"):
            href = link.attributes.get("href") or ""
            if not href.startswith("#"):
                links.append((href, link.text(strip=True)))
    return links


def has_glossary_links(site_dir: Path) -> bool:
    return any('class="glossary-term"' in page.read_text(encoding="utf-8") for page in site_dir.rglob("*.html"))


# --- One size, with and without the hook ------------------------------------


@dataclass
class Size:
    terms: int
    pages: int

    def __str__(self) -> str:
        return f"{self.terms}×{self.pages}"

    def scaled(self, factor: float) -> Size:
        return Size(max(10, round(self.terms * factor)), max(10, round(self.pages * factor)))


class TooSlow(Exception):
    """A plain build took longer than allowed; carries its time so the size can be scaled down."""

    def __init__(self, seconds: float):
        self.seconds = seconds


def compare(size: Size, args, work: Path) -> dict:
    """Generate one site, build it K times with and K times without the hook, alternating."""
    folder = work / f"scaling-{size.terms}x{size.pages}"
    shutil.rmtree(folder, ignore_errors=True)
    info = generate(folder, terms=size.terms, pages=size.pages, words_per_page=args.words_per_page, seed=args.seed,
                    hook_path=args.hook_path, sidebar=args.sidebar)
    configs = {"hook": folder / "mkdocs.yml",
               "plain": write_config(folder, hook=False, name="mkdocs-plain.yml", sidebar=args.sidebar)}
    runs: dict[str, list[dict]] = {"plain": [], "hook": []}
    sites = args.sites_in or folder
    for pair in range(args.pairs):
        order = ("plain", "hook") if pair % 2 == 0 else ("hook", "plain")
        for kind in order:
            result = build_once(configs[kind], sites / f"site-{kind}")
            log(f"  {size} pair {pair + 1}/{args.pairs} {kind:5}: {result['wall']:7.2f} s  cpu {result['cpu']:7.2f} s"
                f"  hook {result['hook']:6.2f} s  peak {result['peak_mb']:6.0f} MB")
            if kind == "plain" and result["wall"] > args.max_build_seconds:
                raise TooSlow(result["wall"])
            runs[kind].append(result)
    log(f"  {size}: counting links")
    links, backlinks, misplaced = count_links(sites / "site-hook")
    if has_glossary_links(sites / "site-plain"):
        raise SystemExit(f"FAILED: the plain build of {size} holds glossary links; the hook was not left out.")
    sidebar = sidebar_links(sites / "site-plain")
    written = {kind: sum(1 for path in (sites / f"site-{kind}").rglob("*") if path.is_file()) for kind in runs}
    if sidebar != sidebar_links(sites / "site-hook"):
        raise SystemExit(f"FAILED: the builds of {size} show different sidebars: not like with like.")
    if not args.keep:
        shutil.rmtree(folder)
        if args.sites_in:
            for kind in runs:
                shutil.rmtree(sites / f"site-{kind}")
    row = summarize(size, info, runs, links, backlinks, misplaced)
    row["sidebar_links"] = len(sidebar) // 3  # per page: the three pages' sidebars hold the same links
    row["files_plain"], row["files_hook"] = written["plain"], written["hook"]
    return row


def summarize(size: Size, info: dict, runs: dict[str, list[dict]], links: int, backlinks: int, misplaced: int) -> dict:
    plain, hook = runs["plain"], runs["hook"]
    pairs = list(zip(plain, hook, strict=True))
    median = statistics.median
    hook_own = median(r["hook"] for r in hook)
    ratios = [h["wall"] / p["wall"] for p, h in pairs]
    cpu_ratios = [h["cpu"] / p["cpu"] for p, h in pairs]
    return {
        "size": size,
        "info": info,
        "plain_s": median(r["wall"] for r in plain),
        "hook_s": median(r["wall"] for r in hook),
        "ratio": median(ratios),
        "ratios": ratios,
        "extra_s": median(h["wall"] - p["wall"] for p, h in pairs),
        "cpu_ratio": median(cpu_ratios),
        "cpu_ratios": cpu_ratios,
        "cpu_interval": median_interval(cpu_ratios),
        "extra_cpu_s": median(h["cpu"] - p["cpu"] for p, h in pairs),
        "user_ratio": median(h["user_cpu"] / p["user_cpu"] for p, h in pairs),
        "extra_system_s": median(h["system_cpu"] - p["system_cpu"] for p, h in pairs),
        "extra_load_cpu_s": median(h["load_cpu"] - p["load_cpu"] for p, h in pairs),
        "plugins_plain": _median_by_key([r["plugins"] for r in plain]),
        "plugins_hook": _median_by_key([r["plugins"] for r in hook]),
        "own_s": hook_own,
        "share": median(r["hook"] / r["wall"] for r in hook),
        "us_per_word": hook_own / info["words"] * 1e6,
        "peak_plain": median(r["peak_mb"] for r in plain),
        "peak_hook": median(r["peak_mb"] for r in hook),
        "links": links,
        "backlinks": backlinks,
        "misplaced": misplaced,
    }


def median_interval(values: list[float], confidence: float = 0.95) -> tuple[float, float] | None:
    """A confidence interval for the median that assumes nothing of the values' distribution: the
    k-th smallest and k-th largest value, k the largest rank that the count of values below the median,
    Binomial(n, 1/2), stays under with probability (1 − confidence)/2 at most. None for too few values
    (fewer than 6 at 95 %)."""
    values, n = sorted(values), len(values)
    tail, below, k = (1 - confidence) / 2, 0.0, 0
    while k < n and below + math.comb(n, k) / 2**n <= tail:
        below, k = below + math.comb(n, k) / 2**n, k + 1
    return (values[k - 1], values[n - k]) if k else None


def _median_by_key(dicts: list[dict[str, float]]) -> dict[str, float]:
    keys = sorted({key for d in dicts for key in d})
    return {key: statistics.median(d.get(key, 0.0) for d in dicts) for key in keys}


def predicted_seconds(size: Size, done: list[dict]) -> tuple[float, float] | None:
    """(plain build time of `size`, exponent used), extrapolated from the sizes measured so far.

    A power law in the number of pages, fitted to the last two sizes; Material
    renders the whole navigation into every page, so plain builds grow faster
    than linearly.
    """
    if not done:
        return None
    last = done[-1]
    pages = size.terms + size.pages
    last_pages = last["info"]["all_pages"]
    if len(done) >= 2:
        before = done[-2]
        exponent = math.log(last["plain_s"] / before["plain_s"]) / math.log(last_pages / before["info"]["all_pages"])
        exponent = max(exponent, 1.0)
    else:
        exponent = 2.0  # nothing to fit yet: assume the worst plausible growth
    return last["plain_s"] * (pages / last_pages) ** exponent, exponent


def scaling(args, work: Path) -> list[dict]:
    rows: list[dict] = []
    for wanted in args.sizes:
        size = wanted
        guess = predicted_seconds(size, rows)
        if guess and guess[0] > args.max_build_seconds:
            factor = (0.8 * args.max_build_seconds / guess[0]) ** (1 / guess[1])
            size = wanted.scaled(factor)
            note = (f"{wanted} would take about {guess[0]:.0f} s per plain build "
                    f"(over {args.max_build_seconds:.0f} s): scaled down to {size}.")
            log("  " + note)
            args.notes.append(note)
        while True:
            log(f"scaling {size}: generating and building {args.pairs} pairs")
            try:
                rows.append(compare(size, args, work))
                break
            except TooSlow as slow:
                smaller = size.scaled((0.8 * args.max_build_seconds / slow.seconds) ** 0.5)
                note = (f"{size}: a plain build took {slow.seconds:.0f} s (over {args.max_build_seconds:.0f} s): "
                        f"scaled down to {smaller}.")
                log("  " + note)
                args.notes.append(note)
                size = smaller
    return rows


# --- Term doubling ----------------------------------------------------------


def doubling(args, work: Path) -> list[dict]:
    """The same essays with more and more terms; hook builds only.

    The sizes are built in turn (100, 200, 400, 800, 100, 200, …), K rounds, so
    that a slow spell of the machine falls on every row rather than on one.
    """
    sites = {}
    for terms in args.doubling:
        folder = work / f"doubling-{terms}"
        shutil.rmtree(folder, ignore_errors=True)
        mention_terms = None if args.doubling_mentions_all else min(args.doubling)
        info = generate(folder, terms=terms, pages=args.doubling_pages, words_per_page=args.words_per_page,
                        seed=args.seed, hook_path=args.hook_path, mention_terms=mention_terms, sidebar=args.sidebar)
        sites[terms] = (folder, info)
    log(f"doubling {', '.join(map(str, args.doubling))} terms × {args.doubling_pages} pages: {args.pairs} rounds")
    results: dict[int, list[dict]] = {terms: [] for terms in args.doubling}
    for i in range(args.pairs):
        for terms, (folder, _) in sites.items():
            result = build_once(folder / "mkdocs.yml", folder / "site-hook")
            log(f"  round {i + 1}/{args.pairs}, {terms} terms: {result['wall']:7.2f} s  hook {result['hook']:6.2f} s")
            results[terms].append(result)
    linking = link_stage_seconds(sites, args)
    rows = []
    median = statistics.median
    for terms, (folder, info) in sites.items():
        runs = results[terms]
        links, backlinks, misplaced = count_links(folder / "site-hook")
        if not args.keep:
            shutil.rmtree(folder)
        essays = [r["hook_events"].get("page_content_other", 0.0) for r in runs]
        rows.append(
            {
                "terms": terms,
                "info": info,
                "wall_s": median(r["wall"] for r in runs),
                "own_s": median(r["hook"] for r in runs),
                "essays_s": median(essays),
                "essays_min_s": min(essays),
                "linking_s": linking[terms],
                "collect_s": median(r["hook_events"].get("files", 0.0) for r in runs),
                "publish_s": median(r["hook_events"].get("env", 0.0) for r in runs),
                "links": links,
                "backlinks": backlinks,
                "misplaced": misplaced,
            }
        )
    return rows


def link_stage_seconds(sites: dict[int, tuple[Path, dict]], args, rounds: int = 7) -> dict[int, float]:
    """The link stage's time on the same essays with each row's glossary, in this one process.

    What the hook does to each essay (find and link the mentions, write their
    backlink entries), without MkDocs around it: the essays' HTML as the hook
    received it (a built essay's article without its links), each glossary read
    from its row's term pages. The glossaries take turns, `rounds` times, and
    each keeps its fastest round: a build's own timing of the same work moves
    by a third with the machine's load, this does not.
    """
    sys.path.insert(0, str(args.hook_path.parent))
    from glossary.linker import unlinked
    from glossary.options import Options
    from glossary.site import Page, Site, Source

    first_site = next(iter(sites.values()))[0] / "site-hook"
    essays = []
    for page in sorted((first_site / "essays").rglob("index.html")):
        article = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("article")
        for generated in article.css("template"):
            generated.decompose()
        essays.append(unlinked(article.inner_html))
    glossaries = {}
    for terms, (folder, _) in sites.items():
        sources = [Source(f"glossary/{path.name}", str(path), functools.partial(path.read_text, encoding="utf-8"))
                   for path in sorted((folder / "docs" / "glossary").glob("*.md"))]
        glossaries[terms] = sources

    def link_all(sources: list) -> float:
        # The engine's own link stage, as the hook calls it: a fresh build each round, so the
        # backlinks it records are written as in a build (the collect stage is outside the timing).
        site = Site(Options(essays=None))
        site.collect(sources, {})
        start = time.perf_counter()
        for i, html in enumerate(essays):
            site.link(Page(f"essays/essay-{i}.md", f"essays/essay-{i}/", "Essay", {}, "essay"), html)
        site.close()
        return time.perf_counter() - start

    fastest = {terms: math.inf for terms in glossaries}
    for _ in range(rounds):
        for terms, sources in glossaries.items():
            fastest[terms] = min(fastest[terms], link_all(sources))
    log("  link stage on the essays, fastest of " + str(rounds) + ": "
        + ", ".join(f"{terms} terms {seconds:.3f} s" for terms, seconds in fastest.items()))
    return fastest


# --- Output -----------------------------------------------------------------


def scaling_table(rows: list[dict]) -> str:
    lines = [
        "| size (terms × pages) | words | sidebar links | plain median s | hook median s | ratio | pair ratios min–max "
        "| extra ms | CPU ratio | 95 % interval | CPU pair ratios min–max | extra CPU ms | hook's own s | share % "
        "| hook µs/word | peak MB plain | peak MB hook | peak ratio | links | backlinks |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']} | {r['info']['words']:,} | {r['sidebar_links']} | {r['plain_s']:.2f} | {r['hook_s']:.2f} "
            f"| {r['ratio']:.3f}× | {min(r['ratios']):.2f}–{max(r['ratios']):.2f} | {1000 * r['extra_s']:.0f} "
            f"| {r['cpu_ratio']:.3f}× | {_interval(r['cpu_interval'])} "
            f"| {min(r['cpu_ratios']):.2f}–{max(r['cpu_ratios']):.2f} "
            f"| {1000 * r['extra_cpu_s']:.0f} "
            f"| {r['own_s']:.2f} | {100 * r['share']:.1f} | {r['us_per_word']:.2f} | {r['peak_plain']:.0f} "
            f"| {r['peak_hook']:.0f} | {r['peak_hook'] / r['peak_plain']:.3f}× | {r['links']:,} | {r['backlinks']:,} |"
        )
    return "\n".join(lines)


def scaling_verdicts(rows: list[dict]) -> list[str]:
    memory = max(rows, key=lambda r: r["peak_hook"] / r["peak_plain"])
    lines = [
        cost_verdict(rows),
        _verdict(memory["peak_hook"] / memory["peak_plain"] <= TARGET_MEMORY,
                 f"peak memory within {TARGET_MEMORY}× of the plain build (worst: "
                 f"{memory['peak_hook'] / memory['peak_plain']:.3f}× at {memory['size']})"),
    ]
    lines.append(
        "- CPU split: user-mode CPU ratio (the builds' own code) "
        + ", ".join(f"{r['user_ratio']:.3f}× at {r['size']}" for r in rows)
        + "; the kernel's extra time (system CPU) "
        + ", ".join(f"{1000 * r['extra_system_s']:+.0f} ms at {r['size']} "
                    f"({r['files_hook'] - r['files_plain']:+,} files)" for r in rows)
    )
    lines.append("- Fixed cost (the part of the extra that does not grow with the site): "
                 + fixed_cost(rows) + "; of it, loading the config, which imports the hook, "
                 + ", ".join(f"{1000 * r['extra_load_cpu_s']:.0f}" for r in rows) + " ms of CPU by size")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        exponent = math.log(last["own_s"] / first["own_s"]) / math.log(last["info"]["words"] / first["info"]["words"])
        spread = [f"{r['us_per_word']:.2f}" for r in rows]
        lines.append(
            f"- hook time ∝ words^{exponent:.2f} from {first['size']} to {last['size']} (1.00 is linear); "
            f"µs/word by size: {', '.join(spread)}"
        )
    lines.append("- Where the extra time goes (medians, plain → with hook): the hook's own handlers, the other "
                 "plugins' handlers, and the rest of MkDocs and Material:")
    for r in rows:
        parts = [f"hook {r['own_s']:.2f} s"]
        for name in sorted(set(r["plugins_plain"]) | set(r["plugins_hook"])):
            parts.append(f"{name} {r['plugins_plain'].get(name, 0):.2f} → {r['plugins_hook'].get(name, 0):.2f} s")
        rest_plain = r["plain_s"] - sum(r["plugins_plain"].values())
        rest_hook = r["hook_s"] - r["own_s"] - sum(r["plugins_hook"].values())
        parts.append(f"rest {rest_plain:.2f} → {rest_hook:.2f} s")
        lines.append(f"  - {r['size']}: " + "; ".join(parts))
    if any(r["misplaced"] for r in rows):
        lines.append("- WARNING: links found inside code, headings, titles or links: "
                     + ", ".join(f"{r['size']}: {r['misplaced']}" for r in rows if r["misplaced"]))
    return lines


def cost_verdict(rows: list[dict]) -> str:
    """The build-cost target, judged on CPU time (a build's wall time also counts the time it waits for
    a core): met if, at every size, the whole 95 % interval of the median ratio is at or under the
    target; missed if at some size the whole interval is over it; else unsettled, and more pairs tell."""
    target = f"build cost (CPU time) with the hook ≤ {TARGET_RATIO:.2f}× without it at every size"
    sizes = "; ".join(f"{r['size']}: {r['cpu_ratio']:.3f}× ({_interval(r['cpu_interval'])})" for r in rows)
    worst_wall = max(rows, key=lambda r: r["ratio"])
    detail = f"median CPU ratio and its 95 % interval by size: {sizes}; worst wall-time ratio " \
             f"{worst_wall['ratio']:.3f}× at {worst_wall['size']}"
    if any(r["cpu_interval"] is None for r in rows):
        worst = max(rows, key=lambda r: r["cpu_ratio"])
        return _verdict(worst["cpu_ratio"] <= TARGET_RATIO, f"{target}, by the medians alone: too few pairs for "
                        f"an interval at some size (at least 6 are needed) ({detail})")
    over = [r["size"] for r in rows if r["cpu_interval"][0] > TARGET_RATIO]
    open_ = [r["size"] for r in rows if r["cpu_interval"][0] <= TARGET_RATIO < r["cpu_interval"][1]]
    if over:
        return _verdict(False, f"{target} ({detail})")
    if open_:
        return (f"- UNSETTLED: {target}: at {', '.join(map(str, open_))} the interval holds the target, so "
                f"this machine's spread hides the answer; more pairs narrow it ({detail})")
    return _verdict(True, f"{target} ({detail})")


def _interval(bounds: tuple[float, float] | None) -> str:
    return f"{bounds[0]:.2f}–{bounds[1]:.2f}" if bounds else "too few pairs"


def fixed_cost(rows: list[dict]) -> str:
    """The extra time's intercept at zero words: a least-squares line through (words, extra) over the sizes."""
    def intercept(key: str) -> float:
        xs = [r["info"]["words"] for r in rows]
        ys = [r[key] for r in rows]
        if len(rows) < 2:
            return ys[0]
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mean_x) ** 2 for x in xs)
        return mean_y - slope * mean_x

    if len(rows) < 2:
        return (f"one size only, so no fit: the extra is {1000 * rows[0]['extra_s']:.0f} ms wall, "
                f"{1000 * rows[0]['extra_cpu_s']:.0f} ms CPU")
    return (f"about {1000 * intercept('extra_s'):.0f} ms wall and {1000 * intercept('extra_cpu_s'):.0f} ms CPU "
            f"(extra time against words, a straight line through the {len(rows)} sizes, at zero words)")


def doubling_table(rows: list[dict]) -> str:
    lines = [
        "| terms | pages | words | build median s | hook's own s | hook µs/word | change vs previous "
        "| link stage on essays s | change vs previous | hook s on essays, builds | change vs previous "
        "| fastest build | change vs previous | collect s | publish s | links | backlinks |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    previous = None
    for r in rows:
        info = r["info"]
        change = _change(r["own_s"], previous["own_s"]) if previous else "—"
        change_essays = _change(r["essays_s"], previous["essays_s"]) if previous else "—"
        change_fastest = _change(r["essays_min_s"], previous["essays_min_s"]) if previous else "—"
        change_linking = _change(r["linking_s"], previous["linking_s"]) if previous else "—"
        lines.append(
            f"| {r['terms']} | {info['all_pages']:,} | {info['words']:,} | {r['wall_s']:.2f} | {r['own_s']:.2f} "
            f"| {r['own_s'] / info['words'] * 1e6:.2f} | {change} | {r['linking_s']:.3f} | {change_linking} "
            f"| {r['essays_s']:.3f} | {change_essays} "
            f"| {r['essays_min_s']:.3f} | {change_fastest} | {r['collect_s']:.3f} | {r['publish_s']:.3f} "
            f"| {r['links']:,} | {r['backlinks']:,} |"
        )
        previous = r
    return "\n".join(lines)


def doubling_verdicts(rows: list[dict]) -> list[str]:
    if len(rows) < 2:
        return []
    pairs = list(zip(rows, rows[1:], strict=False))  # each row with the next: one pair fewer than rows

    def worst(key: str) -> float:
        return max((b[key] / a[key] - 1 for a, b in pairs), key=abs)

    return [
        _verdict(abs(worst("linking_s")) < TARGET_TERM_CHANGE,
                 f"doubling the terms changes the link stage's time on the fixed essays "
                 f"by < {TARGET_TERM_CHANGE:.0%} (largest change: {worst('linking_s'):+.1%}; "
                 f"measured in one process, fastest of 7 interleaved rounds)"),
        f"- For information, timed inside the builds (the machine's load moves these by a third): the hook's time "
        f"on the essays changes by up to {worst('essays_s'):+.1%} (median of the builds) "
        f"and {worst('essays_min_s'):+.1%} "
        f"(fastest build); its whole time, which also covers the added term pages, their backlinks and compiling "
        f"more names, by up to {worst('own_s'):+.1%}.",
    ]


def _change(now: float, before: float) -> str:
    return f"{100 * (now / before - 1):+.1f}%"


def _verdict(ok: bool, text: str) -> str:
    return f"- {'PASS' if ok else 'FAIL'}: {text}"


def profile_largest(size: Size, args, work: Path) -> str:
    """One hook build of `size` with cProfile on inside the hook's handlers: top 15 by cumulative time."""
    folder = work / "profile"
    shutil.rmtree(folder, ignore_errors=True)
    generate(folder, terms=size.terms, pages=size.pages, words_per_page=args.words_per_page, seed=args.seed,
             hook_path=args.hook_path, sidebar=args.sidebar)
    log(f"profiling one hook build of {size}")
    out = folder / "hook.prof"
    build_once(folder / "mkdocs.yml", folder / "site-hook", profile=out)
    text = io.StringIO()
    pstats.Stats(str(out), stream=text).strip_dirs().sort_stats("cumulative").print_stats(15)
    if not args.keep:
        shutil.rmtree(folder)
    return text.getvalue()


def hook_fingerprint(hooks: Path = HERE.parent / "hooks") -> str:
    """A short hash of the hook's sources, to tell which version was measured."""
    digest = hashlib.sha256()
    for path in sorted(hooks.rglob("*.py")):
        digest.update(path.relative_to(hooks).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def snapshot_hook(work: Path) -> Path:
    """Copy hooks/ into the work folder and return the copied hook's path.

    Every build of one run then uses the same version of the hook, even if
    someone edits hooks/ while the benchmark is running.
    """
    target = work / "hook"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(HERE.parent / "hooks", target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # Compiled once, as an installed package is: with PYTHONDONTWRITEBYTECODE set (as on our
    # machines) every build would otherwise compile the hook's source again, and no plugin's.
    compileall.compile_dir(str(target), quiet=1)
    return target / "glossary_links.py"


def header(args) -> list[str]:
    import mkdocs

    load = os.getloadavg()
    return [
        "```",
        "$ " + shlex.join([sys.executable, *sys.argv]),
        f"{time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · MkDocs {mkdocs.__version__} · "
        f"{os.cpu_count()} CPUs · load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        f"{args.pairs} builds per variant, each in a fresh interpreter; "
        f"essays of {args.words_per_page} words; seed {args.seed}; "
        f"both builds' sidebars list {SIDEBAR_TEXT[args.sidebar]}",
        f"hook: {HERE.parent / 'hooks'} (sources {hook_fingerprint()}), copied before the first build",
        "```",
    ]


# --- Main -------------------------------------------------------------------


def parse_sizes(text: str) -> list[Size]:
    sizes = []
    for part in text.split(","):
        terms, _, pages = part.strip().lower().partition("x")
        sizes.append(Size(int(terms), int(pages)))
    return sizes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("40x40,250x250,1000x1000"),
                        help="terms×pages, comma-separated (default: 40x40,250x250,1000x1000)")
    parser.add_argument("--pairs", type=int, default=5, help="builds with and without the hook per size (default 5)")
    parser.add_argument("--words-per-page", type=int, default=1000, help="words per essay (default 1000)")
    parser.add_argument("--doubling", type=lambda s: [int(x) for x in s.split(",")], default=[100, 200, 400, 800],
                        help="term counts of the doubling table (default 100,200,400,800)")
    parser.add_argument("--doubling-pages", type=int, default=100,
                        help="pages (home, glossary index, essays) of the doubling table's sites (default 100)")
    parser.add_argument("--doubling-mentions-all", action="store_true",
                        help="let the doubling table's essays mention every term (default: only the first 100, "
                        "so that the essays are the same text in every row)")
    parser.add_argument("--sidebar", choices=SIDEBARS, default="index",
                        help="what both builds' sidebars list of the glossary: its index only (default, as the "
                        "real site) or every term page")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    parser.add_argument("--no-doubling", action="store_true", help="skip the term-doubling table")
    parser.add_argument("--max-build-seconds", type=float, default=300,
                        help="scale a size down when a plain build would take longer (default 300)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the hook in one build of the largest size: "
                             "top 15 functions by cumulative time")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path,
                        help="build in this folder and keep the sites (default: a temporary folder)")
    parser.add_argument("--sites-in", type=Path,
                        help="write the built sites in this folder instead (e.g. /dev/shm, a RAM disk: to tell "
                             "the kernel's time creating files on a disk from the build's own)")
    args = parser.parse_args(argv)
    args.notes = []
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")

    started = time.monotonic()
    print("\n".join(header(args)), flush=True)
    work = args.keep or Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        args.hook_path = snapshot_hook(work)
        args.measured_hook = hook_fingerprint(args.hook_path.parent)
        rows = []
        if not args.no_scaling:
            rows = scaling(args, work)
            print("\n## Scaling: with and without the hook\n")
            print(scaling_table(rows))
            print()
            print("\n".join(scaling_verdicts(rows)))
            for note in args.notes:
                print(f"- Scaled down: {note}")
            sys.stdout.flush()
        if not args.no_doubling:
            drows = doubling(args, work)
            essays = drows[0]["info"]["essay_words"]
            same = len({r["info"]["essays_digest"] for r in drows}) == 1
            print(f"\n## Term doubling: {args.doubling_pages} pages ({essays:,} words of essays"
                  f"{', the same text in every row' if same else ''}) with more and more terms\n")
            if not args.doubling_mentions_all:
                print(f"The home page and essays mention only the first {min(args.doubling)} terms; the others "
                      "are in the glossary (term pages, matcher) but not in that text.\n")
            print(doubling_table(drows))
            print()
            print("\n".join(doubling_verdicts(drows)))
            if any(r["misplaced"] for r in drows):
                print("- WARNING: links found inside code, headings, titles or links.")
            sys.stdout.flush()
        if args.profile:
            largest = max((r["size"] for r in rows), key=lambda s: s.terms + s.pages, default=args.sizes[-1])
            print(f"\n## Profile of the hook's handlers in one build of {largest} (cProfile adds overhead)\n")
            print("```\n" + profile_largest(largest, args, work).strip() + "\n```")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    now = hook_fingerprint()
    print(f"\nTotal time {time.monotonic() - started:.0f} s; load average at end "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if now != args.measured_hook:
        print(f"Note: hooks/ changed during the run (sources now {now}); the figures are for {args.measured_hook}.")


if __name__ == "__main__":
    main()
