"""MkDocs hook: the site's own scripts and stylesheets reach readers minified.

The files listed under `extra_css` and `extra_javascript` (the glossary's `glossary.js`
and `glossary.css`, and `site.css`), the glossary's `find.js`, which the index and the 404 page
load themselves, its `search.js`, which glossary.js fetches when the reader goes to search, and
the study page's own script and stylesheet, which that page loads itself, stay commented and
readable in the repository; the built site serves them without comments and white space, as
Material serves its own bundle. Vendored files (`assets/vendor/`) are served as their authors
built them. rjsmin and rcssmin are small, pure-Python and maintained; they keep the glossary's
files within their gzipped budgets (tests/build/test_real_site.py measures what the site serves).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from urllib.parse import urlparse

import rcssmin
import rjsmin

from glossary.pages.index import FIND_SCRIPT
from glossary.study.decks import ASSETS as STUDY_ASSETS

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
VENDOR = "assets/vendor/"  # other projects' files, kept byte for byte (their checksums are pinned)
# Fetched by glossary.js from beside itself, the first time the reader goes to the search box.
SEARCH_SCRIPT = "assets/glossary/search.js"


def own_files(listed: Iterable[str]) -> set[str]:
    """The site's own scripts and stylesheets under the docs folder: those a config lists (`listed`, its
    extra_css and extra_javascript), and those pages load themselves; not addresses, not vendored files."""
    every = (*listed, FIND_SCRIPT, SEARCH_SCRIPT, *STUDY_ASSETS.values())
    return {path for path in every if not urlparse(path).scheme and not path.startswith(VENDOR)}


def on_files(files, config, **kwargs):
    """Replace the content of the site's own scripts and stylesheets by its minified form."""
    own = own_files(str(path) for path in (*config.extra_css, *config.extra_javascript))
    for file in files:
        minify = MINIFIERS.get(posixpath.splitext(file.src_uri)[1])
        if minify and file.src_uri in own:
            file.content_string = minify(file.content_string)
    return files
