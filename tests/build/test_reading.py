"""What the build gives a reader around the text: the top of a term page, the line under an essay's
title, a sidebar that stays short however many terms there are, and scripts that never block a page."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import (
    NO_NAV_HOOK,
    SEARCH_EXCLUDE_STRIPPED,
    TERMS,
    ZENSICAL,
    all_pages,
    build_with_real_config,
    html_of,
    resolve,
)

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


@pytest.mark.skipif(ZENSICAL, reason=SEARCH_EXCLUDE_STRIPPED)
def test_the_copy_control_is_a_named_icon_button_left_out_of_search(site):
    tree = html_of(site, "glossary/token/")
    control = tree.css_first(".glossary-copy-link")
    assert "data-search-exclude" in control.attributes
    button = control.css_first("button")
    assert button.attributes["aria-label"] == "Copy link" and button.attributes["type"] == "button"
    assert button.css_first("svg").attributes["aria-hidden"] == "true"
    assert not button.text().strip()


@pytest.mark.skipif(ZENSICAL, reason=SEARCH_EXCLUDE_STRIPPED)
def test_an_essay_shows_its_reading_time_and_source_under_its_title(site):
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
    assert "data-search-exclude" in byline.attributes
    # Only essays get a byline and a hint.
    for url in ("", "glossary/", "glossary/token/"):
        assert html_of(site, url).css(".essay-byline, .essay-hint") == []


@pytest.mark.skipif(ZENSICAL, reason=SEARCH_EXCLUDE_STRIPPED)
def test_an_essays_hint_comes_right_after_the_first_paragraph_with_a_dotted_term(site):
    # Above the text it told of underlines the reader had not met yet; under the first one, it explains
    # what they have just seen (reader review 2026-12, §1.14).
    blocks = list(html_of(site, ESSAY).css_first("article").iter())
    first = next(i for i, block in enumerate(blocks) if block.css_first("a.glossary-term"))
    assert blocks[first].tag == "p" and first <= 3  # the essay's opening paragraph has one
    hint = blocks[first + 1]
    assert "essay-hint" in (hint.attributes.get("class") or ""), hint.html[:80]
    assert "dotted underline" in hint.text() and "data-search-exclude" in hint.attributes
    assert len(html_of(site, ESSAY).css(".essay-hint")) == 1


def test_the_home_page_gives_the_reading_time_the_essay_shows(site):
    byline = html_of(site, ESSAY).css_first("article .essay-byline").text()
    minutes = re.match(r"(\d+)-minute read", byline).group(1)
    home = " ".join(html_of(site, "").css_first("article").text().split())
    said = re.findall(r"(\w+)[ -]minutes?\b", home)
    assert said == [minutes], (
        f"docs/index.md gives the essay's reading time as {said}, its byline as {minutes} minutes: "
        "write the byline's figure on the home page"
    )


def test_mentioned_in_shows_ten_entries_and_the_rest_behind_show_all(site):
    folded = []
    for slug in TERMS:
        url = f"glossary/{slug}/"
        section = html_of(site, url).css_first(".glossary-backlinks")
        entries, fold = section.css("li"), section.css_first("details.glossary-backlinks__more")
        if len(entries) <= 12:
            assert fold is None, slug
            continue
        assert fold is not None, f"{slug}: {len(entries)} entries, none behind a fold"
        folded.append(slug)
        hidden = fold.css("li")
        assert 8 <= len(entries) - len(hidden) <= 10 and len(hidden) >= 3, slug
        assert fold.css_first("summary .glossary-backlinks__show-all").text() == f"Show all {len(entries)}"
        assert fold.css_first("summary .glossary-backlinks__show-fewer").text() == "Show fewer"
        for li in hidden:  # the essays are above the fold
            assert resolve(site, url, li.css_first("a").attributes["href"])[0].parent.parent.name != "essays"
    assert "parameters-weights" in folded  # some forty entries: the page was 5,584 px tall (reader review)


@pytest.mark.skipif(ZENSICAL, reason=NO_NAV_HOOK)
def test_a_term_page_marks_the_glossary_as_its_section_in_the_sidebar(site):
    index = site.root / "glossary" / "index.html"
    for url, file in all_pages(site):
        nav = LexborHTMLParser(file.read_text(encoding="utf-8")).css_first("nav.md-nav--primary")
        if nav is None:
            continue  # a redirect page
        marked = [resolve(site, url, a.attributes["href"])[0]
                  for a in nav.css("li.md-nav__item--active > a.md-nav__link")]
        assert (index in marked) == url.startswith("glossary/"), url
    # The sidebar still lists no term page (nav: index).
    nav = html_of(site, "glossary/token/").css_first("nav.md-nav--primary")
    assert "glossary/token/" not in [resolve(site, "glossary/token/", a.attributes["href"])[0].parent.as_posix()[-15:]
                                     for a in nav.css("a[href]")]


def test_the_sidebar_links_the_glossary_once_however_many_terms_it_has(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        nav = tree.css_first("nav.md-nav--primary")
        if nav is None:
            continue  # a redirect page
        targets = [resolve(site, url, a.attributes["href"])[0] for a in nav.css("a[href]")]
        glossary = [t for t in targets if t.is_relative_to(site.root / "glossary")]
        assert set(glossary) == {site.root / "glossary" / "index.html"}, url  # the index (and its own letters)


def test_a_page_of_the_sidebar_goes_back_to_the_page_above_it_not_to_the_last_term(site):
    # The study page's footer said "Previous: Transformer", the last of the term pages the sidebar hides.
    previous = html_of(site, "study/").css_first(".md-footer__link--prev")
    assert previous.attributes["aria-label"] == "Previous: Glossary"
    assert resolve(site, "study/", previous.attributes["href"])[0] == site.root / "glossary" / "index.html"


@pytest.mark.skipif(ZENSICAL, reason=NO_NAV_HOOK)
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
