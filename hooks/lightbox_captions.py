"""A diagram's lightbox shows its figure's caption, under either generator (hooks/lightbox.py for MkDocs,
hooks/glossary_zensical.py for Zensical): GLightbox reads only the image link's own attributes."""

from __future__ import annotations

from html import escape

from selectolax.lexbor import LexborHTMLParser


def with_captions(html: str) -> str:
    """`html` with each lightbox link in a figure described by the figure's caption, as escaped text:
    GLightbox puts a description into the page as HTML. The same string if nothing was added."""
    if "<figcaption" not in html or "glightbox" not in html:
        return html
    tree = LexborHTMLParser(html, is_fragment=True)
    changed = False
    for figure in tree.css("figure"):
        caption = figure.css_first("figcaption")
        if caption is None:
            continue
        text = escape(" ".join(caption.text().split()), quote=False)
        for link in figure.css("a.glightbox"):
            if not link.attributes.get("data-description"):
                link.attrs["data-description"] = text
                changed = True
    return (tree.html or html) if changed else html
