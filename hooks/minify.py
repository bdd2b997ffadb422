"""MkDocs hook: the site's own scripts and stylesheets reach readers minified.

`docs/assets/glossary.js`, `glossary.css` and `site.css` stay commented and readable
in the repository; the built site serves them without comments and white space, as
Material serves its own bundle. rjsmin and rcssmin are small, pure-Python and
maintained; they keep the two files within their 6 KB gzipped budget
(tests/browser/test_popover.py measures what the site serves).
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlparse

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def on_files(files, config, **kwargs):
    """Replace the content of the site's own extra_css and extra_javascript files by its minified form."""
    own = {str(path) for path in (*config.extra_css, *config.extra_javascript) if not urlparse(str(path)).scheme}
    for file in files:
        minify = MINIFIERS.get(posixpath.splitext(file.src_uri)[1])
        if minify and file.src_uri in own:
            file.content_string = minify(file.content_string)
    return files
