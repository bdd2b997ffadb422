"""What a reader sees, in figures: builds the site, serves it on 127.0.0.1 and measures it in Chromium.

    .venv/bin/python benchmarks/reader_figures.py [--site DIR]

Prints Markdown tables (the README's "Reading at every width" quotes them):

1. the definition card beside its word, for every term mention in the essay, focused with the term in the
   middle of the window and just under the header, at 1366×900, 1024×768 and 768×1024: where it sits, its
   gap from the term's line, its arrow's distance from the word, and any overlap with the term's line or the
   table of contents;
2. the phone's first tap (390×844, touch) on every mention placed 85 % of the way down the window, and 30 %:
   how far the page scrolls, and in how many frames;
3. characters per line of running text, at widths from 320 to 2560 px, on the essay, the home page, the
   glossary index and a term page;
4. the phone lightbox: the diagram's width on the page and in the lightbox, and the caption's place;
5. the longest "Mentioned in": entries shown of all, and the term page's height at 1366×900.

The figures are geometry, not time, so a loaded machine gives the same ones. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser_support import CHROMIUM_ARGS, StaticServer, chromium_path  # noqa: E402

ESSAY = "essays/continual-learning/"
WIDTHS = [320, 390, 600, 768, 900, 1024, 1366, 1920, 2560]
PAGES = {"essay": ESSAY, "home": "", "index": "glossary/", "term page": "glossary/catastrophic-forgetting/"}

CARD = """([a, where]) => {
  const h = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const r0 = a.getBoundingClientRect();
  a.blur();
  window.scrollTo(0, scrollY + r0.top - (where === 'middle' ? innerHeight / 2 : h + 30));
  a.focus({preventScroll: true});
  const card = document.querySelector('#glossary-popover');
  if (!card || card.hidden) return null;
  const c = card.getBoundingClientRect(), rects = [...a.getClientRects()];
  const block = a.closest('p, li, dd, dt, figcaption, blockquote') || a.parentElement;
  const lead = (parseFloat(getComputedStyle(block).lineHeight) - rects[0].height) / 2;
  const placement = card.getAttribute('data-placement');
  const word = placement === 'above' ? rects[0] : rects[rects.length - 1];
  const gap = placement === 'above' ? word.top - lead - c.bottom : c.top - word.bottom - lead;
  const arrow = getComputedStyle(card, '::before');
  const arrowX = c.left + parseFloat(arrow.left) + parseFloat(arrow.width) / 2;
  const off = arrowX < word.left ? word.left - arrowX : arrowX > word.right ? arrowX - word.right : 0;
  const overLine = rects.some(r => c.left < r.right && r.left < c.right && c.top < r.bottom + lead
                                   && r.top - lead < c.bottom);
  const t = document.querySelector('.md-sidebar--secondary'), tr = t && t.getBoundingClientRect();
  const overToc = !!(tr && tr.width && c.left < tr.right && tr.left < c.right
                     && c.top < tr.bottom && tr.top < c.bottom);
  return {placement, gap, off, overLine, overToc};
}"""

CHARS_PER_LINE = """() => {
  // Characters on each rendered line of the page's longer paragraphs and list items; a block's last line
  // (often short) is left out.
  const counts = [];
  for (const block of document.querySelectorAll('article p, article li, article dd')) {
    if (block.closest('nav, .md-nav, details:not([open])') || block.textContent.length < 160) continue;
    const lines = new Map(), walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('ul, ol') !== block.closest('ul, ol') && block.tagName !== 'LI') continue;
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        const top = Math.round(r.top);
        lines.set(top, (lines.get(top) || 0) + 1);
      }
    }
    const full = [...lines.entries()].sort((x, y) => x[0] - y[0]).slice(0, -1).map(e => e[1]);
    counts.push(...full);
  }
  return counts;
}"""


def build(out: Path, url: str) -> None:
    env = dict(os.environ, SITE_URL=url, NO_MKDOCS_2_WARNING="1")
    mkdocs = ROOT / ".venv" / "bin" / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, check=True)


def percentile_line(values: list[float]) -> str:
    if not values:
        return "–"
    values = sorted(values)
    return f"{values[0]:.0f} / {statistics.median(values):.0f} / {values[-1]:.0f}"


def cards(browser, base: str) -> None:
    print("\n### 1. The definition card beside its word (keyboard focus, light palette)\n")
    print("| window | mentions × places | above / below | gap from the line, px (min / median / max) "
          "| arrow off the word, px (max) | over the term's line | over the TOC |")
    print("|---|---:|---|---|---:|---:|---:|")
    for width, height, touch in ((1366, 900, False), (1024, 768, False), (768, 1024, True)):
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch)
        page = context.new_page()
        page.goto(base + ESSAY)
        links = page.locator("article a.glossary-term")
        rows = []
        for i in range(links.count()):
            for where in ("middle", "top"):
                handle = links.nth(i).element_handle()
                row = page.evaluate(CARD, [handle, where])
                page.keyboard.press("Escape")
                if row:
                    rows.append(row)
        above = sum(r["placement"] == "above" for r in rows)
        print(f"| {width}×{height} | {len(rows)} | {above} / {len(rows) - above} | "
              f"{percentile_line([r['gap'] for r in rows])} | {max(r['off'] for r in rows):.0f} | "
              f"{sum(r['overLine'] for r in rows)} | {sum(r['overToc'] for r in rows)} |")
        context.close()
        print(f"cards at {width}: {len(rows)}", file=sys.stderr)


def phone_taps(browser, base: str) -> None:
    print("\n### 2. The phone's first tap (390×844, touch)\n")
    print("| term placed at | taps | page scrolled, px (min / median / max) | frames in the scroll (min) "
          "| term's line clear of the sheet, px (min / max) |")
    print("|---|---:|---|---:|---|")
    for fraction in (0.85, 0.3):
        moved, frames, clear = [], [], []
        context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
        page = context.new_page()
        page.goto(base + ESSAY)
        links = page.locator("article p a.glossary-term")
        for i in range(0, links.count(), 3):
            link = links.nth(i)
            link.evaluate("(a, f) => window.scrollBy(0, a.getBoundingClientRect().top - innerHeight * f)", fraction)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            start = page.evaluate("scrollY")
            page.evaluate("""() => { window.__ys = []; const tick = () => { __ys.push(scrollY);
                if (__ys.length < 90) requestAnimationFrame(tick); }; requestAnimationFrame(tick); }""")
            link.tap()
            page.wait_for_function("() => window.__ys.length >= 90")
            end = page.evaluate("scrollY")
            ys = page.evaluate("window.__ys")
            moved.append(end - start)
            if end != start:
                frames.append(len({y for y in ys if min(start, end) < y < max(start, end)}) + 1)
            sheet_top = page.evaluate("innerHeight - document.querySelector('#glossary-popover').offsetHeight")
            bottom = link.evaluate(
                "a => { const r = a.getClientRects(), b = a.closest('p'); const last = r[r.length - 1];"
                " return last.bottom + (parseFloat(getComputedStyle(b).lineHeight) - last.height) / 2; }"
            )
            clear.append(sheet_top - bottom)
            page.locator("article h1").evaluate("h => h.scrollIntoView()")
            page.mouse.click(5, 200)  # closes the sheet (a click outside it)
        print(f"| {fraction:.0%} of the window | {len(moved)} | {percentile_line(moved)} | "
              f"{min(frames) if frames else '–'} | {min(clear):.0f} / {max(clear):.0f} |")
        context.close()


def measure(browser, base: str) -> None:
    print("\n### 3. Characters per line: the median of full lines (the shortest and longest full line)\n")
    print("| width | " + " | ".join(PAGES) + " |")
    print("|---:|" + "---:|" * len(PAGES))
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        cells = []
        for url in PAGES.values():
            page.goto(base + url)
            counts = page.evaluate(CHARS_PER_LINE)
            cells.append(f"{statistics.median(counts):.0f} ({min(counts)}–{max(counts)})" if counts else "–")
        print(f"| {width} | " + " | ".join(cells) + " |")
        context.close()
        print(f"measure at {width}", file=sys.stderr)


def lightbox(browser, base: str) -> None:
    print("\n### 4. The phone lightbox (390×844, touch)\n")
    print("| palette | diagram on the page, px | in the lightbox, px | caption top − image bottom, px |")
    print("|---|---:|---:|---:|")
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, color_scheme=scheme
        )
        page = context.new_page()
        page.goto(base + ESSAY)
        figure = page.locator("article a.glightbox:visible img").first
        inline = figure.bounding_box()["width"]
        figure.tap()
        image = page.locator(".gslide.current .gslide-image img")
        image.wait_for()
        page.wait_for_function(
            "() => !document.getAnimations().some(a => a.playState === 'running')"
        )
        box = image.bounding_box()
        caption = page.locator(".gslide.current .gslide-description")
        gap = caption.bounding_box()["y"] - (box["y"] + box["height"]) if caption.count() else float("nan")
        print(f"| {scheme} | {inline:.0f} | {box['width']:.0f} | {gap:.0f} |")
        context.close()


def mentioned_in(browser, base: str) -> None:
    print("\n### 5. The longest \"Mentioned in\" (1366×900)\n")
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(base + "glossary/")
    urls = page.evaluate("[...document.querySelectorAll('.glossary-index dt a')].map(a => a.href)")
    longest = None
    for url in urls:
        page.goto(url)
        counts = page.evaluate(
            """() => { const all = document.querySelectorAll('.glossary-backlinks li');
              const shown = [...all].filter(li => li.checkVisibility());
              return [all.length, shown.length, document.documentElement.scrollHeight]; }"""
        )
        if longest is None or counts[0] > longest[1][0]:
            longest = (url, counts)
    url, (total, shown, height) = longest
    print(f"{url.removeprefix(base)}: {shown} of {total} entries shown; the page is {height} px tall.")
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (built for the address it is served at)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = args.site or Path(tmp) / "site"
        server = StaticServer(root)
        if not args.site:
            print("building the site", file=sys.stderr)
            build(root, server.url)
        with server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            print("## Reading figures\n")
            cards(browser, server.url)
            phone_taps(browser, server.url)
            measure(browser, server.url)
            lightbox(browser, server.url)
            mentioned_in(browser, server.url)
            browser.close()


if __name__ == "__main__":
    main()
