"""MkDocs hook: the theme loads mkdocs-glightbox's script without blocking the first paint.

mkdocs-glightbox wraps images in links (`on_page_content`, left to it) and then
parses every written page once more to add its stylesheet, a render-blocking
script in <head>, and an inline start at the end of <body> (`on_post_page`).
This hook hands the second part to the theme: `overrides/main.html` writes the
same tags with the script deferred and the start as an inline module script,
which browsers run after deferred scripts, from a server or a file:// URL.
Besides the first paint (Lighthouse's largest render-blocking request), that
spares the build a parse and a copy of every page, a megabyte each once the
navigation is large.

The hook turns the plugin's page step off with the plugin's own per-page switch
(`glightbox: false` in page.meta), set after the plugin has wrapped the page's
images. It leaves the plugin alone on pages that opted out, and everywhere when
Material's privacy plugin is on, whose image rewriting the start would need.
"""

from __future__ import annotations

import json

from mkdocs.plugins import event_priority

SWITCH = "glightbox"  # mkdocs-glightbox's per-page switch in page.meta

_tags: dict[str, str] | None = None  # what the template writes; the same on every page of a build


def on_config(config, **kwargs):
    """Work out the plugin's tags once per build, or None to leave the plugin alone."""
    global _tags
    plugin = config.plugins.get("glightbox")
    if plugin is None or _privacy_on(config):
        _tags = None
    else:
        _tags = {"style": _style(plugin.config, config), "start": _start(plugin.config, config)}
    return config


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


def _start(options, config) -> str:
    """The plugin's start script: its options, and a reload after each instant navigation."""
    settings = {key: options[key] for key in ("touchNavigation", "loop", "zoomable", "draggable")}
    settings["openEffect"] = settings["closeEffect"] = options["effect"]
    settings["slideEffect"] = options["slide_effect"]
    start = f"const lightbox = GLightbox({json.dumps(settings)});\n"
    if config.theme.name == "material" or "navigation.instant" in config.theme.get("features", []):
        start += "document$.subscribe(() => { lightbox.reload(); });\n"
    return start
