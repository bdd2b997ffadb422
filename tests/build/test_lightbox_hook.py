"""hooks/lightbox.py: the theme writes what mkdocs-glightbox would inject, with the script deferred."""

from __future__ import annotations

import json
import re

import lightbox
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

from support import ROOT


@pytest.fixture(scope="module")
def config():
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    return lightbox.on_config(config)  # this test's own import of the hook, not the one MkDocs loaded


def a_page(config, meta=None) -> Page:
    page = Page("Essay", File("essays/essay.md", str(ROOT / "docs"), "/tmp/site", True), config)
    page.meta = dict(meta or {})
    return page


def injected_by_the_plugin(config, page) -> tuple[str, str]:
    """The stylesheet patch and start script the plugin writes into a page, as it writes them."""
    output = config.plugins["glightbox"].on_post_page("<html><head></head><body></body></html>", page, config)
    tree = LexborHTMLParser(output)
    return tree.css_first("#glightbox-style").text(), tree.css_first("#init-glightbox").text()


def test_the_theme_gets_what_the_plugin_would_inject(config):
    page = a_page(config)
    style, start = injected_by_the_plugin(config, page)
    context = lightbox.on_page_context({}, page=page, config=config)
    given = context["lightbox"]
    # Same rules and same options; only white space may differ.
    assert given["style"].split() == style.split()
    options = re.compile(r"GLightbox\((\{.*?\})\)")
    assert json.loads(options.search(given["start"])[1]) == json.loads(options.search(start)[1])
    assert "lightbox.reload()" in given["start"] and "lightbox.reload()" in start


def test_the_plugin_then_leaves_the_page_alone(config):
    page = a_page(config)
    lightbox.on_page_context({}, page=page, config=config)
    html = "<html><head></head><body><p>Text</p></body></html>"
    assert config.plugins["glightbox"].on_post_page(html, page, config) == html


def test_a_page_that_opts_out_of_the_lightbox_gets_no_tags(config):
    page = a_page(config, {"glightbox": False})
    assert "lightbox" not in lightbox.on_page_context({}, page=page, config=config)


def test_with_materials_privacy_plugin_the_plugin_keeps_its_own_tags(config, monkeypatch):
    # Privacy rewrites image addresses, and the plugin's start then fixes the links: leave that to it.
    monkeypatch.setattr(lightbox, "_privacy_on", lambda config: True)
    lightbox.on_config(config)
    page = a_page(config)
    assert "lightbox" not in lightbox.on_page_context({}, page=page, config=config)
    assert page.meta == {}
    monkeypatch.undo()
    lightbox.on_config(config)
