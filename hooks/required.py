"""MkDocs hook: stop the build when the glossary hook did not run, instead of publishing pages
with no term links and no backlinks.

A mkdocs.yml that lost `hooks/glossary_links.py` builds without an error otherwise. This hook
checks, once every page has been read, that the glossary hook has set up its part of the
templates. (A generator that runs no hooks at all, such as Zensical 0.1, is stopped by the
theme instead: overrides/main.html.) A site built without the glossary on purpose says
`required: false` under extra.glossary.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(-100)  # after every other on_env, the glossary hook's included
def on_env(env, config, files, **kwargs):
    if "glossary_terms" in env.globals or not (config.extra.get("glossary") or {}).get("required", True):
        return env
    raise PluginError(
        "mkdocs.yml: the glossary hook did not run, so no page would link its terms. "
        "Add '- hooks/glossary_links.py' under 'hooks:', or set 'required: false' under extra.glossary."
    )
