"""The explainer essay, its diagrams and the home page, as a reader gets them."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from xml.etree import ElementTree

from selectolax.lexbor import LexborHTMLParser
from test_site import TERMS, resolve

from support import ROOT

ESSAY = "essays/continual-learning/"
SOURCE = ROOT / "docs" / "essays" / "continual-learning.md"


def essay(site):
    return LexborHTMLParser(site.page(ESSAY))


def test_the_essay_is_2500_to_3500_words():
    body = SOURCE.read_text(encoding="utf-8").split("---", 2)[2]
    prose = re.sub(r"<figure.*?</figure>", "", body, flags=re.S)
    assert 2500 <= len(prose.split()) <= 3500


def test_the_essay_has_a_linkable_heading_per_part(site):
    headings = essay(site).css("article h2[id]")
    assert len(headings) >= 9  # eight parts and the sources
    for heading in headings:
        anchor = heading.css_first("a.headerlink")
        assert anchor is not None and anchor.attributes["href"] == "#" + heading.attributes["id"]


def test_at_least_30_distinct_terms_are_linked_from_the_essay(site):
    linked = {a.attributes["data-term"] for a in essay(site).css("article a.glossary-term")}
    assert len(linked) >= 30, sorted(set(TERMS) - linked)


def test_no_term_is_left_without_a_mention(site):
    assert "no page mentions" not in site.log
    for slug in TERMS:
        assert LexborHTMLParser(site.page(f"glossary/{slug}/")).css(".glossary-backlinks li"), slug


def test_each_diagram_comes_wide_and_narrow_in_both_palettes_and_opens_in_the_lightbox(site):
    figures = essay(site).css("article figure")
    stems = set()
    for figure in figures:
        images = figure.css("a.glightbox > img")
        kinds = [(img.attributes["class"], img.attributes["src"].rsplit("#", 1)[1]) for img in images]
        assert kinds == [("diagram-wide", "only-light"), ("diagram-wide", "only-dark"),
                         ("diagram-narrow", "only-light"), ("diagram-narrow", "only-dark")]
        caption = " ".join(figure.css_first("figcaption").text().split())
        assert caption
        for img, (layout, palette) in zip(images, kinds, strict=True):
            assert len(img.attributes.get("alt", "").split()) >= 8
            assert img.attributes.get("loading") == "lazy"  # the hidden layout and palette are not fetched
            link = img.parent
            assert link.attributes["href"] == img.attributes["src"]
            # One gallery per layout and palette: the lightbox pages through the diagrams the reader sees.
            gallery = layout.removeprefix("diagram-") + "-" + palette.removeprefix("only-")
            assert link.attributes["data-gallery"] == gallery
            assert html.unescape(link.attributes["data-description"]) == caption  # the lightbox shows the caption
            assert resolve(site, ESSAY, img.attributes["src"])[0].is_file()
        stems.add(images[0].attributes["src"].rsplit("/", 1)[1].split("#")[0].rsplit("-", 1)[0])
    assert stems == {"compaction-spectrum", "where-knowledge-lives", "stability-plasticity"}


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
    assert "Hover over an underlined term" in text and "Malika Aubakirova and Matt Bornstein" in text
