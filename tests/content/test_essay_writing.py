"""The explainer essay, its diagrams, sources and the home page as written: length, terms used, every
term mentioned somewhere, accessible diagrams drawn by our script."""

from __future__ import annotations

import re
import subprocess
import sys
from xml.etree import ElementTree

from selectolax.lexbor import LexborHTMLParser

from support import ROOT, TERMS, resolve

ESSAY = "essays/continual-learning/"
SOURCE = ROOT / "docs" / "essays" / "continual-learning.md"


def essay(site):
    return LexborHTMLParser(site.page(ESSAY))


def test_the_essay_is_2500_to_3500_words():
    body = SOURCE.read_text(encoding="utf-8").split("---", 2)[2]
    prose = re.sub(r"<figure.*?</figure>", "", body, flags=re.S)
    assert 2500 <= len(prose.split()) <= 3500


def test_at_least_30_distinct_terms_are_linked_from_the_essay(site):
    linked = {a.attributes["data-term"] for a in essay(site).css("article a.glossary-term")}
    assert len(linked) >= 30, sorted(set(TERMS) - linked)


def test_no_term_is_left_without_a_mention(site):
    assert "no page mentions" not in site.log
    for slug in TERMS:
        assert LexborHTMLParser(site.page(f"glossary/{slug}/")).css(".glossary-backlinks li"), slug


def test_diagrams_are_accessible_svg_drawn_by_our_script():
    check = subprocess.run([sys.executable, "diagrams/draw.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    svg_ns = "{http://www.w3.org/2000/svg}"
    files = sorted((ROOT / "docs" / "assets" / "diagrams").glob("*.svg"))
    assert len(files) == 12
    for svg in files:
        root = ElementTree.parse(svg).getroot()  # well-formed XML, or this raises
        assert root.get("role") == "img" and root.get("viewBox"), svg.name
        assert root.find(f"{svg_ns}title").text.strip() and root.find(f"{svg_ns}desc").text.strip()
        assert not list(root.iter(f"{svg_ns}script")), svg.name
        assert not list(root.iter(f"{svg_ns}image")), svg.name


def test_sources_name_and_link_the_article_the_podcast_and_the_notes(site):
    tree = essay(site)
    sources = tree.css_first("h2#sources").next
    while sources is not None and sources.tag != "ul":
        sources = sources.next
    text = sources.text()
    assert "Malika Aubakirova and Matt Bornstein" in text and "Why We Need Continual Learning" in text
    assert "AI + a16z" in text and "Jim Grisanzio" in text
    hrefs = [a.attributes["href"] for a in sources.css("a")]
    assert "https://a16z.com/why-we-need-continual-learning/" in hrefs


def test_the_home_page_starts_the_reader_on_the_essay_and_the_glossary(site):
    tree = LexborHTMLParser(site.page(""))
    buttons = {a.text(): a.attributes["href"] for a in tree.css("article a.md-button")}
    assert resolve(site, "", buttons["Start reading the essay"])[0] == site.root / ESSAY / "index.html"
    assert resolve(site, "", buttons["Browse the glossary"])[0] == site.root / "glossary" / "index.html"
    text = tree.css_first("article").text()
    assert "Hover over a term with a dotted underline" in text and "Malika Aubakirova and Matt Bornstein" in text
