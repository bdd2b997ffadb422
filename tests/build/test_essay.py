"""The explainer essay as built: linkable headings, diagrams wrapped for the lightbox (its writing: tests/content)."""

from __future__ import annotations

import html

from selectolax.lexbor import LexborHTMLParser

from support import resolve

ESSAY = "essays/continual-learning/"


def essay(site):
    return LexborHTMLParser(site.page(ESSAY))


def test_the_essay_has_a_linkable_heading_per_part(site):
    headings = essay(site).css("article h2[id]")
    assert len(headings) >= 9  # eight parts and the sources
    for heading in headings:
        anchor = heading.css_first("a.headerlink")
        assert anchor is not None and anchor.attributes["href"] == "#" + heading.attributes["id"]


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
