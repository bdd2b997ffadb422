"""Sending a colleague a term: stable URLs, alias redirects, link previews, the sitemap."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import NO_SOCIAL_CARDS, TERMS, ZENSICAL, mkdocs_build, resolve, small_site


def head(site, url):
    tree = LexborHTMLParser(site.page(url))
    meta = {}
    for node in tree.css("head meta"):
        key = node.attributes.get("property") or node.attributes.get("name")
        if key:
            meta[key] = node.attributes.get("content")
    canonical = tree.css_first("link[rel=canonical]")
    meta["canonical"] = canonical.attributes["href"] if canonical else None
    data = tree.css_first('script[type="application/ld+json"]')
    meta["json-ld"] = json.loads(data.text()) if data else None
    return meta


def redirect_target(site, alias):
    """Where /glossary/<alias>/ sends a reader: (term page file, canonical, fallback link)."""
    tree = LexborHTMLParser(site.page(f"glossary/{alias}/"))
    refresh = tree.css_first('meta[http-equiv="refresh"]').attributes["content"]
    href = re.fullmatch(r"0; url=(.+)", refresh).group(1)
    fallback = tree.css_first("body a").attributes["href"]
    assert fallback == href
    assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    return resolve(site, f"glossary/{alias}/", href)[0], tree.css_first("link[rel=canonical]").attributes["href"]


@pytest.mark.parametrize(
    "alias, slug",
    [("icl", "in-context-learning"), ("weights", "parameters-weights"), ("rag", "retrieval-augmented-generation"),
     ("ssms", "state-space-models"), ("lifelong-learning", "continual-learning"), ("key-value-cache", "kv-cache")],
)
def test_an_alias_url_redirects_to_its_term(site, alias, slug):
    target, canonical = redirect_target(site, alias)
    assert target == site.root / "glossary" / slug / "index.html"
    assert canonical == site.server.url + f"glossary/{slug}/"


def test_every_alias_gets_a_redirect_and_forms_and_plurals_get_none(site):
    redirects = {p.parent.name for p in (site.root / "glossary").glob("*/index.html") if p.parent.name not in TERMS}
    for alias in redirects:
        target, _ = redirect_target(site, alias)
        assert target.parent.name in TERMS, alias
    as_address = {slug: {_address(name) for name in fm.get("aliases", [])} for slug, fm in TERMS.items()}
    assert set().union(*as_address.values()) <= redirects
    # Other forms of a name are mentions in prose, not names a reader would type or share.
    forms = {_address(form) for fm in TERMS.values() for form in fm.get("forms", [])}
    assert forms and not forms & redirects, forms & redirects
    assert {"fine-tuned", "ssm", "kv-caches"} <= forms and "tokens" not in redirects


def _address(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@pytest.mark.skipif(ZENSICAL, reason=NO_SOCIAL_CARDS)
@pytest.mark.parametrize("slug", sorted(TERMS))
def test_every_term_page_has_a_link_preview_matching_its_front_matter(site, slug):
    meta = head(site, f"glossary/{slug}/")
    summary = " ".join(TERMS[slug]["summary"].split())
    url = site.server.url + f"glossary/{slug}/"
    assert meta["description"] == meta["og:description"] == meta["twitter:description"] == summary
    assert meta["og:title"] == meta["twitter:title"] == f"{TERMS[slug]['title']} - Continual Learning, Explained"
    assert meta["canonical"] == meta["og:url"] == url
    assert meta["og:site_name"] == "Continual Learning, Explained"
    assert meta["twitter:card"] == "summary_large_image"  # its picture: tests/build/test_social_cards.py
    data = meta["json-ld"]
    assert data["@type"] == "DefinedTerm" and data["@context"] == "https://schema.org"
    assert (data["name"], data["description"], data["url"]) == (TERMS[slug]["title"], summary, url)
    assert data["inDefinedTermSet"]["url"] == site.server.url + "glossary/"
    assert data.get("alternateName", []) == TERMS[slug].get("aliases", [])


def test_the_index_carries_the_defined_term_set(site):
    data = head(site, "glossary/")["json-ld"]
    assert data["@type"] == "DefinedTermSet" and data["url"] == site.server.url + "glossary/"
    assert sorted(t["url"] for t in data["hasDefinedTerm"]) == sorted(site.server.url + f"glossary/{s}/" for s in TERMS)


@pytest.mark.parametrize("url", ["", "essays/continual-learning/", "glossary/"])
def test_other_pages_have_their_own_description(site, url):
    meta = head(site, url)
    assert meta["description"] and meta["og:description"] == meta["description"]
    assert meta["canonical"] == meta["og:url"] == site.server.url + url
    assert meta["json-ld"] is None or url == "glossary/"


def test_the_sitemap_lists_every_term_page_and_no_redirect(site):
    tree = ElementTree.parse(site.root / "sitemap.xml")
    locs = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {site.server.url + f"glossary/{slug}/" for slug in TERMS} <= locs
    assert site.server.url + "glossary/icl/" not in locs


def test_a_term_page_has_a_copy_link_button_for_its_address(site):
    tree = LexborHTMLParser(site.page("glossary/token/"))
    button = tree.css_first("article .glossary-copy-link button")
    assert button.attributes["data-url"] == site.server.url + "glossary/token/"
    assert button.attributes.get("type") == "button"
    assert tree.css_first("article .glossary-copy-status").attributes["role"] == "status"


def test_the_404_page_lists_the_essays_and_terms_it_can_suggest_and_loads_their_script(site):
    tree = LexborHTMLParser((site.root / "404.html").read_text(encoding="utf-8"))
    items = tree.css("ul.glossary-suggestions li")
    assert len(items) == len(TERMS) + 1  # and the essay
    kv = [li for li in items if li.css_first("a").text() == "KV Cache"][0]
    assert "kv-caches" in kv.attributes["data-names"].split()
    essay = [li for li in items if li.css_first("a").attributes["href"] == "/essays/continual-learning/"][0]
    assert set(essay.attributes["data-names"].split()) == {"continual-learning", "why-ai-models-stop-learning"}
    # Only the 404 page and the index load the script that ranks them, and the index's filter; the
    # 404 page is served at any address, so it names the script from the site's root.
    assert [s.attributes["src"] for s in tree.css("script[src*=find]")] == ["/assets/glossary/find.js"]
    index = LexborHTMLParser(site.page("glossary/"))
    assert [s.attributes["src"] for s in index.css("script[src*=find]")] == ["../assets/glossary/find.js"]
    assert not LexborHTMLParser(site.page("glossary/token/")).css("script[src*=find]")
    served = (site.root / "assets" / "glossary" / "find.js").read_text(encoding="utf-8")
    assert "/*" not in served and "\n  " not in served  # minified (hooks/minify.py)


def test_a_slug_in_front_matter_keeps_the_url_when_the_file_is_renamed(tmp_path):
    project = small_site(tmp_path)
    old = project / "docs" / "glossary" / "token.md"
    text = old.read_text(encoding="utf-8").replace("title: Token", "title: Token\nslug: token")
    old.unlink()
    (project / "docs" / "glossary" / "word-piece.md").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "glossary" / "token" / "index.html").is_file()
    assert not (tmp_path / "site" / "glossary" / "word-piece").exists()
    home = LexborHTMLParser((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert home.css_first("a.glossary-term[data-term=token]").attributes["href"] == "glossary/token/"


def test_a_redirect_that_would_hide_a_page_fails_the_build_naming_both_files(tmp_path):
    project = small_site(tmp_path)
    term = project / "docs" / "glossary" / "context-window.md"
    term.write_text(term.read_text(encoding="utf-8").replace("  - context windows", "  - window"), encoding="utf-8")
    page = project / "docs" / "glossary" / "window" / "index.md"
    page.parent.mkdir()
    page.write_text("# Windows in general\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        "docs/glossary/window/index.md: is published at glossary/window/, where docs/glossary/context-window.md "
        "wants a redirect for one of its names." in result.stderr
    )
    assert not (tmp_path / "site" / "index.html").exists()
