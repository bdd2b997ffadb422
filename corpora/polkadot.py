#!/usr/bin/env python3
"""Convert the Polkadot developer docs into a fixture site for the glossary engine.

    python3 corpora/polkadot.py PATH_TO_POLKADOT_DOCS_CHECKOUT [--raw]

The source (github.com/polkadot-developers/polkadot-docs, CC BY 4.0) is an MkDocs Material site
with one glossary page of about 116 terms, many of them everyday words ("call", "host", "weight",
"product"), and about 240 pages. This writes `tests/sites/polkadot/`: one term page per glossary
entry (title from its heading, summary from its first sentence, the entry as the definition) and
every other page with its prose kept and what needs the source's own plugins left out (snippet
includes, macros, fenced code, HTML comments).

The terms get the author controls an editor of those docs would set (`CONTROLS` below): the
project's own exclusion of "Polkadot" from its tooltips, `case: sensitive` for product names
written as proper nouns, and `not` for the phrases where a name means something else. `--raw`
leaves the controls out, to see what the engine makes of the data as it comes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from glossary.terms import slugify  # noqa: E402

OUT = ROOT / "tests" / "sites" / "polkadot"
GLOSSARY = "docs/reference/glossary.md"

# What an editor of these docs would set. Everyday words that the docs use as proper nouns for
# parts of the product ("publish a Product", "the Host") match only as written; phrases where a
# name means something else are no mention of it.
CONTROLS = {
    "product": {"case": "sensitive"},
    "browse": {"case": "sensitive"},
    "host": {"case": "sensitive"},
    "chat": {"case": "sensitive"},
    "pocket": {"case": "sensitive"},
    "triangle": {"case": "sensitive"},
    "collective": {"case": "sensitive"},
    "recycler": {"case": "sensitive"},
    "manifest": {"case": "sensitive"},
    "sandbox": {"case": "sensitive"},
    "statement": {"case": "sensitive"},
    "alias": {"case": "sensitive"},
    "oracle": {"case": "sensitive"},
    "pairing": {"case": "sensitive"},
    "allowance": {"case": "sensitive"},
    "shield-states": {"case": "sensitive"},
    "origin": {"not": ["cross-origin", "origin of", "whitelisted origin", "origins for CORS", "regardless of origin",
                       "back to the origin", "origin or destination",
                       "allowed origins"]},
    # "Call" is the runtime's enum of dispatchable functions; "call" and "calls" in the prose are mostly
    # the verb or an API call, and so are these capitalized ones.
    "call": {"case": "sensitive", "not": ["Remote Procedure Call", "RPC Call", "RPC Calls", "TrUAPI Calls",
                                          "Runtime API Calls", "Cross-Contract Calls"]},
    # Everyday words whose glossary sense (block authors, runtime metadata, the header's digest field,
    # chain randomness) is the rarer one in these docs: their pages and backlinks stay, no links.
    "ephemeral": {"link": False},
    "authority": {"link": False},
    "metadata": {"link": False},
    "digest": {"link": False},
    "entropy": {"link": False},
    "coin": {"not": ["USD Coin"]},  # USDC, not a Coinage coin
    "weight": {"not": ["weight-based"]},
    "events": {"not": ["events such as", "lifecycle events", "append-only events", "membership events",
                       "progress events", "status events", "further events", "recorded all events"]},
    "header": {"not": ["HTTP header", "header file", "request header", "code block header", "in the header",
                       "Apps header", "contain a header"]},
    "transaction": {"not": ["transaction fee", "transaction fees"]},
    "runtime": {"not": ["at runtime", "runtime containers", "runtime code"]},
    "consensus": {"not": ["broader consensus"]},
    "slot": {"not": ["storage slot", "storage slots", "core slots", "validator slots", "authorization slot"]},
}
SITE_OPTIONS = "    exclude: [Polkadot]   # as the source's own glossary_tooltips.exclude_terms\n"

_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)(?:\{[^}]*\})?")
_ATTRS = re.compile(r"\{(?:target|\.|#|:)[^}]*\}")
_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2\s*$", re.M | re.S)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[`*_])")


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links as their text, no emphasis or code marks."""
    text = _LINK.sub(r"\1", markdown)
    text = _ATTRS.sub("", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.replace("<", "").replace(">", "").split())


def summary_of(body: str) -> str:
    """The entry's first sentence, cut to 200 characters at a word if it is longer."""
    first = next(p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("-", "|", "!")))
    sentence = _SENTENCE.split(plain(first))[0].strip()
    sentence = re.sub(r"\b(e\.g|i\.e|etc|vs)\.", lambda m: m.group(1).replace(".", ""), sentence)
    if len(sentence) > 200:
        sentence = sentence[:196].rsplit(" ", 1)[0].rstrip(",;:") + "."
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def glossary_entries(text: str):
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    parts = re.split(r"^#{2,3}\s+(.+?)\s*$", text, flags=re.M)
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        yield title.strip(), body.strip()


def term_page(title: str, body: str, raw: bool) -> tuple[str, str]:
    slug = slugify(title)
    controls = {} if raw else CONTROLS.get(slug, {})
    front = [f"title: {yaml_text(title)}", f"summary: {yaml_text(summary_of(body))}"]
    if "case" in controls:
        front.append(f"case: {controls['case']}")
    if controls.get("link") is False:
        front.append("link: false")
    if controls.get("not"):
        front.append("not:\n" + "".join(f"  - {yaml_text(p)}\n" for p in controls["not"]).rstrip("\n"))
    in_page_links_as_text = _LINK.sub(
        lambda m: m.group(1) if m.group(0).split("](", 1)[1].startswith("#") else m.group(0), body
    )
    definition = _ATTRS.sub("", in_page_links_as_text)
    return slug, "---\n" + "\n".join(front) + "\n---\n\n" + definition.strip() + "\n"


def yaml_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def content_page(text: str) -> str:
    """A page's prose, without what the source's own plugins would have filled in."""
    front = re.match(r"\A---\n.*?\n---\n", text, flags=re.S)
    if front:  # the source theme's own template is not ours
        kept = re.sub(r"^template:.*\n", "", front.group(0), flags=re.M)
        text = kept + text[front.end():]
    text = _FENCE.sub("", text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^.*--8<--.*$", "", text, flags=re.M)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text, flags=re.S)
    text = re.sub(r"^(\s*)!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?\s*$", "", text, flags=re.M)  # images: not copied
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a checkout of polkadot-developers/polkadot-docs")
    parser.add_argument("--raw", action="store_true", help="leave out the author controls")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    source = args.source
    head = subprocess.run(["git", "-C", str(source), "rev-parse", "HEAD"], capture_output=True, text=True)
    commit = head.stdout.strip()
    if args.out.exists():
        shutil.rmtree(args.out)
    docs = args.out / "docs"
    (docs / "glossary").mkdir(parents=True)
    (docs / "glossary" / "index.md").write_text(
        "# Glossary\n\nThe terms of the Polkadot developer docs.\n", encoding="utf-8"
    )
    count = 0
    for title, body in glossary_entries((source / GLOSSARY).read_text(encoding="utf-8")):
        slug, page = term_page(title, body, args.raw)
        (docs / "glossary" / f"{slug}.md").write_text(page, encoding="utf-8")
        count += 1
    pages = 0
    for path in sorted((source / "docs").rglob("*.md")):
        relative = path.relative_to(source / "docs")
        if relative.parts[0].startswith(".") or relative.as_posix() == "reference/glossary.md":
            continue
        target = docs / "pages" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content_page(path.read_text(encoding="utf-8")), encoding="utf-8")
        pages += 1
    (docs / "index.md").write_text("# Polkadot developer docs (converted)\n\nA fixture for the glossary engine.\n",
                                   encoding="utf-8")
    (args.out / "mkdocs.yml").write_text(
        "site_name: Polkadot docs (fixture)\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: mkdocs\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, def_list, footnotes, pymdownx.details,"
        " pymdownx.superfences, {pymdownx.tabbed: {alternate_style: true}}, {toc: {permalink: true}}]\n"
        "validation: {links: {not_found: ignore, anchors: ignore, unrecognized_links: ignore, absolute_links: ignore},"
        " nav: {omitted_files: ignore, not_found: ignore}}\n"
        "hooks:\n  - ../../../hooks/glossary_links.py\n"
        "extra:\n  glossary:\n    essays: false\n    max-per-paragraph: 3\n"
        + ("" if args.raw else SITE_OPTIONS),
        encoding="utf-8",
    )
    (args.out / "ATTRIBUTION.md").write_text(
        "The pages under `docs/` are converted by `corpora/polkadot.py` from the Polkadot developer docs,\n"
        f"https://github.com/polkadot-developers/polkadot-docs (commit {commit}), by the Polkadot\n"
        "developers, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: the\n"
        "glossary page split into one page per term with a summary; code, snippet includes, macros, images\n"
        "and HTML comments removed; author controls added to some terms (see the converter).\n",
        encoding="utf-8",
    )
    print(f"{count} terms, {pages} pages → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
