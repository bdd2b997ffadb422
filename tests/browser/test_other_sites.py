"""An author's site built differently from ours: term pages in nested folders, no directory URLs,
served under a subpath. Links, redirects, backlinks and the popover work there too."""

from __future__ import annotations

import shutil

import pytest

from browser_support import StaticServer, wait_until_landed
from support import SITES, build_with_real_config


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("subpath")
    docs = tmp / "docs"
    shutil.copytree(SITES / "base" / "docs", docs)
    nested = docs / "glossary" / "text"
    nested.mkdir()
    (docs / "glossary" / "token.md").rename(nested / "token.md")
    window = docs / "glossary" / "context-window.md"
    with_alias = window.read_text(encoding="utf-8").replace(
        "  - context windows\n", "  - context windows\n  - window size\n"
    )
    window.write_text(with_alias, encoding="utf-8")
    served = tmp / "served"
    server = StaticServer(served)
    build_with_real_config(
        docs, tmp / "project", site=served / "handbook",
        env={"SITE_URL": server.url + "handbook/"}, extra_config="use_directory_urls: false\n",
    )
    with server:
        server.base = server.url + "handbook/"
        yield server


def test_a_term_link_shows_its_popover_and_opens_the_nested_page(page, subpath_site):
    page.goto(subpath_site.base + "index.html")
    link = page.locator("article a.glossary-term[data-term=token]")
    link.hover()
    popover = page.locator("#glossary-popover")
    popover.wait_for()
    assert popover.locator(".glossary-popover__title").text_content() == "Token"
    link.click()
    page.wait_for_url(subpath_site.base + "glossary/text/token.html")
    backlink = page.locator(".glossary-backlinks li a", has_text="A small site")
    backlink.click()
    page.wait_for_function("location.hash === '#mention-token'")
    assert page.url == subpath_site.base + "index.html#mention-token"
    wait_until_landed(page, "mention-token")
    assert page.locator("#mention-token").evaluate("a => a.classList.contains('glossary-term--target')")


def test_an_alias_address_redirects_under_the_subpath(page, subpath_site):
    page.goto(subpath_site.base + "glossary/window-size/index.html")
    page.wait_for_url(subpath_site.base + "glossary/context-window.html")
