"""HTML pieces more than one kind of page uses."""

from __future__ import annotations

from html import escape

SEARCH_EXCLUDE = "data-search-exclude"  # understood by Material's search plugin


def link_or_text(text: str, href: str | None) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def permalinked_heading(text: str, anchor: str) -> str:
    """An <h2> with the ¶ permalink Markdown's toc extension gives the page's own headings."""
    return (
        f'<h2 id="{anchor}">{escape(text)}<a class="headerlink" href="#{anchor}" '
        f'title="Permanent link">&para;</a></h2>\n'
    )
