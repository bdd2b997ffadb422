"""HTML pieces more than one kind of page uses."""

from __future__ import annotations

from functools import lru_cache
from html import escape

SEARCH_EXCLUDE = "data-search-exclude"  # understood by Material's search plugin

# For what recurs page after page (titles, summaries, slugs, a term's address from a page): escaped once.
escape_recurring = lru_cache(maxsize=8192)(escape)


def link_or_text(text: str, href: str | None) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def permalinked_heading(text: str, anchor: str, *, searched: bool = True) -> str:
    """An <h2> with the ¶ permalink Markdown's toc extension gives the page's own headings. A heading of
    a part search skips says so itself: a search that splits pages at headings (Zensical's) would
    otherwise list the part, empty, under the page's title."""
    skip = "" if searched else f" {SEARCH_EXCLUDE}"
    return (
        f'<h2 id="{anchor}"{skip}>{escape(text)}<a class="headerlink" href="#{anchor}" '
        f'title="Permanent link">&para;</a></h2>\n'
    )
