"""MkDocs hook: the theme loads mkdocs-glightbox only when a reader opens an image.

mkdocs-glightbox wraps images in links (`on_page_content`, left to it) and then
parses every written page once more to add its stylesheet, a render-blocking
script in <head>, and an inline start at the end of <body> (`on_post_page`).
This hook hands the second part to the theme: `overrides/main.html` writes the
stylesheet patch and the start (`docs/assets/lightbox-start.js`, with the
plugin's options), as an inline module script that loads the library on the
first click on an image, from a server or a file:// URL. Pages
no longer block on it or run it at load (Lighthouse's total blocking time), and
the build is spared a parse and a copy of every page, a megabyte each once the
navigation is large. The hook also gives each diagram's lightbox the caption of
its figure.

The hook turns the plugin's page step off with the plugin's own per-page switch
(`glightbox: false` in page.meta), set after the plugin has wrapped the page's
images. It leaves the plugin alone on pages that opted out, and everywhere when
Material's privacy plugin is on, whose image rewriting the start would need.
"""

from __future__ import annotations

import json
from pathlib import Path

import rjsmin
from lightbox_captions import with_captions
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SWITCH = "glightbox"  # mkdocs-glightbox's per-page switch in page.meta
# The lazy start, JavaScript in a file of its own (linted and tested as such), next to the site's assets.
START = Path(__file__).resolve().parent.parent / "docs" / "assets" / "lightbox-start.js"
OPTIONS = "/* OPTIONS */{}"  # where the start takes the plugin's options

_tags: dict[str, str] | None = None  # what the template writes; the same on every page of a build


def on_config(config, **kwargs):
    """Work out the plugin's tags once per build, or None to leave the plugin alone."""
    global _tags
    plugin = config.plugins.get("glightbox")
    if plugin is None or _privacy_on(config):
        _tags = None
    else:
        _tags = {"style": _style(plugin.config, config), "start": _start(plugin.config)}
    return config


def on_files(files, config, **kwargs):
    """The start reaches readers inside each page: a copy of its file in the site would be loaded by nothing."""
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve() == START:
            files.remove(file)
    return files


@event_priority(-100)  # after mkdocs-glightbox (and the glossary) have done their part of the page
def on_page_content(html, page, config, **kwargs):
    """A diagram's lightbox shows its figure's caption: the plugin reads only the image's own attributes."""
    return html if _tags is None else with_captions(html)


@event_priority(-100)  # after any plugin that reads page.meta in this event
def on_page_context(context, page, config, **kwargs):
    """Give the template what the plugin would have injected into this page."""
    if _tags is None or page.meta.get(SWITCH, True) is False:
        return context
    page.meta[SWITCH] = False
    context["lightbox"] = _tags
    return context


def _privacy_on(config) -> bool:
    privacy = config.plugins.get("material/privacy")
    return privacy is not None and privacy.config.enabled


def _style(options, config) -> str:
    """The plugin's small stylesheet patch, as it writes it (mkdocs-glightbox 0.5)."""
    rules = [
        "html.glightbox-open { overflow: initial; height: 100%; }",
        ".gslide-title { margin-top: 0px; user-select: text; }",
        ".gslide-desc { color: #666; user-select: text; }",
        f".gslide-image img {{ background: {options['background']}; }}",
    ]
    if not options["shadow"]:
        rules.append(".glightbox-clean .gslide-media { -webkit-box-shadow: none; box-shadow: none; }")
    if config.theme.name == "material":
        rules += [
            ".gscrollbar-fixer { padding-right: 15px; }",
            ".gdesc-inner { font-size: 0.75rem; }",
            'body[data-md-color-scheme="slate"] .gdesc-inner { background: var(--md-default-bg-color); }',
            'body[data-md-color-scheme="slate"] .gslide-title { color: var(--md-default-fg-color); }',
            'body[data-md-color-scheme="slate"] .gslide-desc { color: var(--md-default-fg-color); }',
        ]
    return "\n".join(rules)


def _start(options) -> str:
    """The plugin's start script (`START`) with the plugin's options, minified: run the first time
    a reader opens an image, so until then no page loads or runs glightbox (15 KB, and a long task
    on a phone, on pages that mostly have no image at all)."""
    settings = {key: options[key] for key in ("touchNavigation", "loop", "zoomable", "draggable")}
    settings["openEffect"] = settings["closeEffect"] = options["effect"]
    settings["slideEffect"] = options["slide_effect"]
    script = START.read_text(encoding="utf-8")
    if script.count(OPTIONS) != 1:
        raise PluginError(f"{START}: the lazy start of the lightbox must hold {OPTIONS} once, for the options.")
    return rjsmin.jsmin(script.replace(OPTIONS, json.dumps(settings)))
