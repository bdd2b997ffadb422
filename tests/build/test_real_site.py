"""The real site, built once: what a reader gets in the HTML (its writing rules: tests/content)."""

from __future__ import annotations

import html
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import TERMS, ZENSICAL, all_pages, backlinks, definitions, html_of, resolve


def test_the_strict_build_passes_without_a_warning(site):
    assert "WARNING" not in site.log and "ERROR" not in site.log


@pytest.mark.parametrize("slug", sorted(TERMS))
def test_every_term_page_exists_with_its_title_and_structure(site, slug):
    tree = html_of(site, f"glossary/{slug}/")
    assert tree.css_first("article h1").text() == TERMS[slug]["title"]
    headings = [h.text().rstrip("¶") for h in tree.css("article h2")]
    assert headings[:2] == ["Example", "Why it matters for continual learning"]
    assert headings[-1] == "Mentioned in"


def test_the_index_lists_every_term_a_to_z_with_its_summary(site):
    tree = html_of(site, "glossary/")
    entries = tree.css(".glossary-index dt a")
    titles = [a.text() for a in entries]
    assert sorted(titles) == sorted(fm["title"] for fm in TERMS.values())
    keys = [re.sub(r"^the ", "", t.lower()) for t in titles]
    assert keys == sorted(keys)
    summaries = [dd.text() for dd in tree.css(".glossary-index dd")]
    slugs = [resolve(site, "glossary/", a.attributes["href"])[0].parent.name for a in entries]
    assert summaries == [TERMS[slug]["summary"] for slug in slugs]
    for a in entries:
        assert resolve(site, "glossary/", a.attributes["href"])[0].exists()


def test_the_index_letter_links_jump_to_their_letters(site):
    tree = html_of(site, "glossary/")
    letters = tree.css(".glossary-letters a")
    assert [a.text() for a in letters] == sorted({re.sub(r"^The ", "", fm["title"])[0] for fm in TERMS.values()})
    for a in letters:
        heading = tree.css_first(a.attributes["href"])
        assert heading is not None and heading.tag == "h2" and heading.text() == a.text()


def test_the_index_gives_its_letters_once_in_its_bar_not_again_in_the_table_of_contents(site):
    tree = html_of(site, "glossary/")
    assert len(tree.css(".glossary-letters a")) == len(tree.css(".glossary-index h2")) > 10
    in_toc = [a.attributes["href"] for a in tree.css("nav.md-nav--secondary a[href]")]
    assert not [href for href in in_toc if "#letter-" in href], in_toc


def test_mentions_link_to_the_term_page_and_the_page_carries_their_definitions(site):
    checked = 0
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        linked = set()
        for a in tree.css("a.glossary-term"):
            slug = a.attributes["data-term"]
            target, _ = resolve(site, url, a.attributes["href"])
            assert target == site.root / "glossary" / slug / "index.html", (url, a.html)
            assert "title" not in a.attributes  # the popover shows the definition, not a native tooltip
            assert url != f"glossary/{slug}/", "a term page links to itself"
            linked.add(slug)
            checked += 1
        expected = {slug: {"title": TERMS[slug]["title"], "summary": " ".join(TERMS[slug]["summary"].split())}
                    for slug in linked}
        assert definitions(tree) == expected, url
    assert checked > 200


def test_the_home_page_links_its_terms(site):
    linked = {a.attributes["data-term"]: a.text() for a in html_of(site, "").css("article a.glossary-term")}
    assert linked["context-window"] == "context window"
    assert linked["retrieval-augmented-generation"] == "retrieval-augmented generation"
    assert linked["catastrophic-forgetting"] == "Catastrophic forgetting"


def test_no_paragraph_holds_more_than_three_term_links(site):
    # extra.glossary.max-per-paragraph: 3. A paragraph is the block a link sits in (a p, a list item...).
    from collections import Counter

    from glossary.linker import BLOCKS

    most = 0
    for url, file in all_pages(site):
        per_block = Counter()
        for a in LexborHTMLParser(file.read_text(encoding="utf-8")).css("article a.glossary-term"):
            block = a.parent
            while block.tag not in BLOCKS:
                block = block.parent
            per_block[block.mem_id] += 1
        most = max([most, *per_block.values()])
        assert all(count <= 3 for count in per_block.values()), url
    assert most == 3


def test_no_mention_is_linked_where_it_must_not_be(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        assert tree.css("a a, code a.glossary-term, pre a.glossary-term, h1 a.glossary-term, h2 a.glossary-term, "
                        "h3 a.glossary-term, nav a.glossary-term, .md-search a.glossary-term") == [], url


def test_each_term_is_linked_once_per_page(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        slugs = [a.attributes["data-term"] for a in tree.css("a.glossary-term")]
        assert len(slugs) == len(set(slugs)), url


def test_backlinks_land_on_a_mention_of_the_term(site):
    total = 0
    for slug in TERMS:
        pages = []
        for item in backlinks(site, slug):
            href = item.css_first("a").attributes["href"]
            target, anchor = resolve(site, f"glossary/{slug}/", href)
            mention = LexborHTMLParser(target.read_text(encoding="utf-8")).css_first(f"#{anchor}")
            assert mention is not None, (slug, href)
            assert mention.tag == "a" and mention.attributes["data-term"] == slug
            assert item.css_first("mark").text().lower() == " ".join(mention.text().split()).lower()
            context = item.css_first("q.glossary-context").text()
            assert 3 <= len(context.split()) <= 27
            pages.append(target)
            total += 1
        assert len(pages) == len(set(pages)), f"{slug}: a page is listed twice"
    assert total > 150


def test_a_backlink_names_the_page_and_the_section_of_the_mention(site):
    links = [item.css_first("a") for item in backlinks(site, "in-context-learning")]
    assert len(links) > 5
    sections = 0
    for a in links:
        target, anchor = resolve(site, "glossary/in-context-learning/", a.attributes["href"])
        page = LexborHTMLParser(target.read_text(encoding="utf-8"))
        title = " ".join(page.css_first("article h1").text().split()).rstrip("¶").strip()
        assert page.css_first(f"#{anchor}") is not None, a.attributes["href"]
        name, _, section = a.text().partition(" › ")
        assert name == title, (name, title)
        if section:  # the heading the mention sits under
            sections += 1
            headings = [" ".join(h.text().split()).rstrip("¶").strip() for h in page.css("article h2, article h3")]
            assert section in headings, (section, headings)
    assert sections, "no backlink names a section"


def test_mentioned_in_lists_essays_first_then_other_pages_then_glossary_entries_and_never_the_index(site):
    for slug in TERMS:
        section = html_of(site, f"glossary/{slug}/").css_first(".glossary-backlinks")
        groups = [h.text() for h in section.css("h3.glossary-backlinks__group")]
        assert groups == [g for g in ("Essays", "Other pages", "Glossary entries") if g in groups], slug
        for heading in section.css("h3"):
            ul = heading.next
            while ul.tag != "ul":
                ul = ul.next
            for a in ul.css("li > a"):
                target = resolve(site, f"glossary/{slug}/", a.attributes["href"])[0].parent
                kind = "Glossary entries" if target.parent.name == "glossary" else (
                    "Essays" if target.parent.name == "essays" else "Other pages")
                assert kind == heading.text(), (slug, a.attributes["href"])
                assert target != site.root / "glossary", "the glossary index is listed as a source"
    essay_first = html_of(site, "glossary/catastrophic-forgetting/").css(".glossary-backlinks h3")
    assert [h.text() for h in essay_first] == ["Essays", "Other pages", "Glossary entries"]


def test_a_term_nobody_mentions_says_so_and_the_build_reports_it(site):
    unmentioned = [slug for slug in TERMS if not backlinks(site, slug)]
    for slug in TERMS:
        section = html_of(site, f"glossary/{slug}/").css_first(".glossary-backlinks")
        says_so = "No page mentions this term yet." in section.text()
        reported = f"no page mentions '{TERMS[slug]['title']}'" in site.log
        assert says_so == reported == (slug in unmentioned), slug


def test_related_terms_come_from_the_front_matter(site):
    for slug, fm in TERMS.items():
        links = html_of(site, f"glossary/{slug}/").css(".glossary-related a")
        shown = [resolve(site, f"glossary/{slug}/", a.attributes["href"])[0].parent.name for a in links]
        assert shown == fm.get("related", [])


def test_the_search_index_holds_titles_summaries_aliases_and_boosts(site):
    docs = site.search_index()["docs"]
    by_location = {}
    for doc in docs:
        by_location.setdefault(doc["location"].split("#")[0], []).append(doc)
    icl = by_location["glossary/in-context-learning/"]
    assert "ICL" in icl[0]["title"] and icl[0]["boost"] == 2
    continual = " ".join(d["text"] for d in by_location["glossary/continual-learning/"])
    assert TERMS["continual-learning"]["aliases"]
    for alias in TERMS["continual-learning"]["aliases"]:
        assert alias in continual
    assert "boost" not in by_location[""][0]
    # A result's snippet starts with the summary, not with the label of a control.
    for slug, fm in TERMS.items():
        (first,) = [d for d in by_location[f"glossary/{slug}/"] if d["location"] == f"glossary/{slug}/"]
        text = html.unescape(re.sub(r"<[^>]+>", "", first["text"])).strip()
        assert text.startswith(" ".join(fm["summary"].split())[:40]), (slug, text[:60])


def test_search_leaves_out_mentioned_in_the_copy_control_and_the_section_name(site):
    # "Mentioned in" names other pages and quotes them: indexed, it made a search for "ICL" return
    # five term pages whose only match was a backlink from In-Context Learning (reader review).
    docs = site.search_index()["docs"]
    assert not [d for d in docs if d["location"].endswith("#mentioned-in")]
    for slug in ("in-context-learning", "catastrophic-forgetting", "token"):
        text = html.unescape(" ".join(d["text"] for d in docs if d["location"].startswith(f"glossary/{slug}/")))
        assert backlinks(site, slug), slug  # the page shows them
        for li in backlinks(site, slug):
            quote = " ".join(li.css_first("q").text().split())
            assert quote not in " ".join(text.split())
        assert "Copy link" not in text and not text.lstrip().startswith("Glossary")


@pytest.mark.skipif(ZENSICAL, reason="SITE_GENERATOR=zensical: Zensical's search is its own dialog; "
                    "its bundle (0.0.73) has no search.suggest or search.share feature to turn on")
def test_search_is_configured_to_suggest_highlight_and_share(site):
    features = site.page("").split('"features":', 1)[1].split("]", 1)[0]
    for feature in ("search.suggest", "search.highlight", "search.share"):
        assert feature in features


def test_pages_fetch_nothing_from_elsewhere(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        for node in tree.css("link[href], script[src], img[src], source[src], iframe[src]"):
            ref = node.attributes.get("href") or node.attributes.get("src")
            if node.tag == "link" and node.attributes.get("rel") == "canonical":
                continue
            assert not re.match(r"^(https?:)?//", ref), (url, node.html)
        assert "fonts.googleapis" not in file.read_text(encoding="utf-8")


def test_light_and_dark_palettes_with_a_toggle(site):
    tree = html_of(site, "")
    schemes = [i.attributes["data-md-color-scheme"] for i in tree.css("form[data-md-component=palette] input")]
    assert schemes == ["default", "slate"]


def test_glightbox_wrapper_does_not_leak_into_pages(site):
    for url, file in all_pages(site):
        text = file.read_text(encoding="utf-8")
        assert text.count("<body") == 1 and text.count("<html") == 1 and text.count("<head>") == 1, url


@pytest.mark.skipif(ZENSICAL, reason="SITE_GENERATOR=zensical: Zensical's lightbox starts GLightbox as the "
                    "page loads, so zensical.toml loads the site's copy on every page (else the bundle fetches it "
                    "from a CDN); the load on first click is hooks/lightbox.py's, an MkDocs hook")
def test_no_page_loads_the_lightbox_until_a_reader_opens_an_image(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        if tree.css_first('meta[http-equiv="refresh"]'):
            continue  # an alias's redirect page
        assert not tree.css('script[src$="glightbox.min.js"], link[href$="glightbox.min.css"]'), url
        start = tree.css("#init-glightbox")
        assert len(start) == 1 and start[0].attributes.get("type") == "module", url
        assert "GLightbox(" in start[0].text() and 'closest("a.glightbox")' in start[0].text(), url
        tags = (("data-script", "javascripts/glightbox.min.js"), ("data-style", "stylesheets/glightbox.min.css"))
        for key, name in tags:
            assert resolve(site, url, start[0].attributes[key])[0] == site.root / "assets" / name, url


def test_search_finds_a_summary_on_its_own_term_not_on_the_terms_related_to_it(site):
    # Term pages show their related terms' summaries; search indexes each summary on its own term's page only.
    docs = site.search_index()["docs"]
    assert not [d for d in docs if d["location"].endswith("#related-terms")]
    related = {slug: fm.get("related", []) for slug, fm in TERMS.items() if fm.get("related")}
    assert len(related) >= 10
    for slug, others in related.items():
        assert html_of(site, f"glossary/{slug}/").css(".glossary-related li"), slug
        text = " ".join(html.unescape(d["text"]) for d in docs if d["location"].startswith(f"glossary/{slug}/"))
        for other in others:
            summary = " ".join(TERMS[other]["summary"].split())
            assert summary not in " ".join(text.split()), (slug, other)


def test_script_and_stylesheet_stay_small(site):
    import gzip

    # What readers download: the files as the site serves them (minified by hooks/minify.py), gzipped.
    assets = site.root / "assets" / "glossary"
    files = ("glossary.js", "glossary.css")
    size = sum(len(gzip.compress((assets / name).read_bytes(), 9)) for name in files)
    assert size <= 6 * 1024, size


@pytest.mark.parametrize(
    ("name", "budget"), [("glossary/find.js", 3 * 1024), ("glossary/search.js", 1536), ("learn.js", 2 * 1024)]
)
def test_the_scripts_some_pages_add_stay_small(site, name, budget):
    import gzip

    # find.js: the index's filter and the 404 page's suggestions; search.js: Material's search made kinder,
    # fetched when the reader goes to search; learn.js: the study state in every popover of a site with a
    # study page. Each is a request of its own, so each has a budget of its own.
    size = len(gzip.compress((site.root / "assets" / name).read_bytes(), 9))
    assert size <= budget, size
