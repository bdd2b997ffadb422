"""What the build gives a reader around the text: the top of a term page, the line under an essay's
title, a sidebar that stays short however many terms there are, and scripts that never block a page."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from support import TERMS, all_pages, build_with_real_config, html_of, resolve

ESSAY = "essays/continual-learning/"


def test_a_term_page_opens_with_its_section_title_summary_and_other_names(site):
    for slug, fm in TERMS.items():
        tree = html_of(site, f"glossary/{slug}/")
        head = tree.css_first("article .glossary-entry-head")
        assert head is not None
        eyebrow = head.css_first(".glossary-eyebrow a")
        assert eyebrow.text() == "Glossary"
        index = site.root / "glossary" / "index.html"
        assert resolve(site, f"glossary/{slug}/", eyebrow.attributes["href"])[0] == index
        title = head.css_first(".glossary-entry-title")
        assert title.css_first("h1").text() == fm["title"]
        assert title.css_first(".glossary-copy-link button[data-url]") is not None  # by the title
        assert len(tree.css("article h1")) == 1
        # The summary the popover shows is the page's opening line.
        assert head.css_first("p.glossary-summary").text() == fm["summary"]
        names = head.css_first(".glossary-aliases")
        if fm.get("aliases"):
            assert [n.text() for n in names.css("span")] == fm["aliases"] and names.text().startswith("Also called:")
        else:
            assert names is None
        # Then the definition: the first paragraph after the top is the body's.
        body = head.next
        while body is not None and body.tag != "p":
            body = body.next
        assert body is not None and len(body.text().split()) > 20, slug


def test_the_copy_control_is_a_named_icon_button_left_out_of_search(site):
    tree = html_of(site, "glossary/token/")
    control = tree.css_first(".glossary-copy-link")
    assert "data-search-exclude" in control.attributes
    button = control.css_first("button")
    assert button.attributes["aria-label"] == "Copy link" and button.attributes["type"] == "button"
    assert button.css_first("svg").attributes["aria-hidden"] == "true"
    assert not button.text().strip()


def test_an_essay_shows_its_reading_time_source_and_a_hint_under_its_title(site):
    tree = html_of(site, ESSAY)
    h1 = tree.css_first("article h1")
    byline = h1.next
    while byline.tag != "p":
        byline = byline.next
    assert "essay-byline" in byline.attributes["class"]
    words = len(re.sub(r"<[^>]+>", " ", (site.root / ESSAY / "index.html").read_text()).split())
    minutes = int(re.match(r"(\d+)-minute read · Based on ", byline.text()).group(1))
    assert 10 <= minutes <= 20 and minutes < words / 150
    source = byline.css_first("a")
    assert source.attributes["href"] == "https://a16z.com/why-we-need-continual-learning/"
    assert source.text() == "“Why We Need Continual Learning”"
    assert "by Malika Aubakirova and Matt Bornstein (a16z)" in byline.text()
    hint = tree.css_first("article .essay-hint")
    assert "dotted underline" in hint.text() and "data-search-exclude" in hint.attributes
    assert "data-search-exclude" in byline.attributes
    # Only essays get them.
    for url in ("", "glossary/", "glossary/token/"):
        assert html_of(site, url).css(".essay-byline, .essay-hint") == []


def test_the_sidebar_links_the_glossary_once_however_many_terms_it_has(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        nav = tree.css_first("nav.md-nav--primary")
        if nav is None:
            continue  # a redirect page
        targets = [resolve(site, url, a.attributes["href"])[0] for a in nav.css("a[href]")]
        glossary = [t for t in targets if t.is_relative_to(site.root / "glossary")]
        assert set(glossary) == {site.root / "glossary" / "index.html"}, url  # the index (and its own letters)


def test_a_term_page_links_the_terms_before_and_after_it(site):
    footer = html_of(site, "glossary/catastrophic-forgetting/").css(".md-footer__link")
    titles = [" ".join(a.text().split()) for a in footer]
    assert any("Attention Heads" in t for t in titles) and any("Compression / Compaction" in t for t in titles)


def test_every_page_loads_its_scripts_deferred(site):
    # Material's bundle has a hashed name that changes with each release: the template defers its
    # block, not a file name. If a release renames or moves the tag, this fails.
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        scripts = tree.css("script[src]")
        if not scripts:
            continue  # a redirect page
        assert any(re.search(r"/bundle\.[0-9a-f]+\.min\.js$", s.attributes["src"]) for s in scripts), url
        for script in scripts:
            assert "defer" in script.attributes, (url, script.attributes["src"])


def test_the_index_has_a_filter_box_and_each_entry_its_names(site):
    tree = html_of(site, "glossary/")
    box = tree.css_first("input.glossary-filter")
    assert box.attributes["type"] == "search" and box.attributes["aria-label"] == "Filter the glossary"
    assert "hidden" in box.attributes  # shown by the script, so it never sits there broken without it
    assert tree.css_first(".glossary-filter-status").attributes["role"] == "status"
    kv = [dt for dt in tree.css(".glossary-index dt") if dt.text() == "KV Cache"][0]
    assert "key-value cache" in kv.attributes["data-names"]


def glossary_site(tmp_path, terms):
    """A fixture like an author's growing glossary: `terms` term pages, one essay."""
    docs = tmp_path / "docs"
    (docs / "glossary").mkdir(parents=True)
    (docs / "essays").mkdir()
    (docs / "index.md").write_text("# Home\n\nTerm 1 is explained.\n", encoding="utf-8")
    (docs / "essays" / "one.md").write_text("# One\n\nWe use term 1 here.\n", encoding="utf-8")
    (docs / "glossary" / "index.md").write_text("# Glossary\n", encoding="utf-8")
    for n in range(1, terms + 1):
        (docs / "glossary" / f"term-{n}.md").write_text(
            f"---\ntitle: Term {n}\nsummary: The term numbered {n}.\n---\n\nDefinition {n}.\n\n"
            "## Example\n\nAn example.\n\n## Why it matters for continual learning\n\nA reason.\n",
            encoding="utf-8",
        )
    return build_with_real_config(docs, tmp_path / "project")


def test_a_site_of_500_terms_has_the_sidebar_of_a_site_of_3(tmp_path):
    def sidebar(site):
        page = (site / "essays" / "one" / "index.html").read_text(encoding="utf-8")
        return LexborHTMLParser(page).css_first("nav.md-nav--primary").html

    small, large = glossary_site(tmp_path / "small", 3), glossary_site(tmp_path / "large", 500)
    assert sidebar(large) == sidebar(small)
    assert len(LexborHTMLParser(sidebar(large)).css("a[href]")) < 10
    index = LexborHTMLParser((large / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert len(index.css(".glossary-index dt")) == 500
