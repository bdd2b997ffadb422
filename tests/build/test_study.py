"""Study mode in the built site: each essay's Vocabulary, the study page's decks, the Anki and TSV files."""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import sqlite3
import tempfile
import zipfile

import pytest
from selectolax.lexbor import LexborHTMLParser

from support import (
    ROOT,
    SEARCH_EXCLUDE_STRIPPED,
    TERMS,
    ZENSICAL,
    all_pages,
    failed_build,
    html_of,
    mkdocs_build,
    resolve,
    small_site,
)

ESSAY = "essays/continual-learning/"
STUDY = "study/"


def essay_terms_in_order(site, url):
    """An oracle for the order in which an essay mentions terms, independent of the engine's matcher:
    every name of every term, longest first, found as a whole word in the text a reader reads
    (headings, other links and the generated lines left out), each found stretch blanked out."""
    tree = html_of(site, url)
    body = tree.css_first("article")
    for node in body.css("h1, h2, h3, .essay-byline, .essay-hint, .glossary-vocabulary, a:not(.glossary-term)"):
        node.decompose()
    text = " ".join(body.text().split())
    names = []
    for slug, fm in TERMS.items():
        title = re.sub(r"\s*\(([^)]+)\)$", r" / \1", fm["title"])
        for name in [*re.split(r"\s+/\s+", title), *fm.get("aliases", []), *fm.get("forms", [])]:
            names += [(name, slug), (name + "s", slug)]
    first = {}
    for name, slug in sorted(names, key=lambda pair: -len(pair[0])):
        # Words joined by a space or a hyphen or dash; a word with two capitals ("KV") only as written.
        words = [re.escape(w) if not re.search(r"[A-Z].*[A-Z]", w) else f"(?-i:{re.escape(w)})"
                 for w in re.split(r"[\s\-\u2010\u2013]+", name)]
        joiner = "[-\u2010\u2013 ]"
        pattern = r"(?<![\w-])" + joiner.join(words) + r"(?![\w-])"
        for found in re.finditer(pattern, text, re.IGNORECASE):
            first[slug] = min(first.get(slug, found.start()), found.start())
        text = re.sub(pattern, lambda m: "#" * len(m.group()), text, flags=re.IGNORECASE)
    return sorted(first, key=first.get)


def vocabulary(site, url):
    section = html_of(site, url).css_first("article .glossary-vocabulary")
    return section, [resolve(site, url, a.attributes["href"])[0].parent.name for a in section.css("ol > li > a")]


@pytest.mark.skipif(ZENSICAL, reason=SEARCH_EXCLUDE_STRIPPED)
def test_the_essay_ends_with_its_vocabulary_in_the_order_a_reader_meets_the_terms(site):
    section, slugs = vocabulary(site, ESSAY)
    assert slugs == essay_terms_in_order(site, ESSAY)
    assert "data-search-exclude" in section.attributes
    last = html_of(site, ESSAY).css("article > *")
    assert [n for n in last if n.tag in ("section", "h2")][-1].attributes.get("class") == "glossary-vocabulary"
    for li, slug in zip(section.css("ol > li"), slugs, strict=True):
        assert li.text() == f"{TERMS[slug]['title']}: {TERMS[slug]['summary']}"
    study, anki, tsv = section.css(".glossary-vocabulary__study a")
    assert study.text() == f"Study these {len(slugs)} terms"
    address, query = study.attributes["href"].split("?")
    assert resolve(site, ESSAY, address)[0] == site.root / "study" / "index.html" and query == "deck=continual-learning"
    assert anki.text() == "Download for Anki" and "download" in anki.attributes
    assert resolve(site, ESSAY, anki.attributes["href"])[0] == site.root / "study" / "decks" / "continual-learning.apkg"
    assert resolve(site, ESSAY, tsv.attributes["href"])[0] == site.root / "study" / "decks" / "continual-learning.tsv"


def decks(site):
    """The decks as the study page's script reads them: the text of its <template> (a template's
    text is parsed as HTML, so entities are decoded)."""
    page = site.page(STUDY)
    text = re.search(r'<template class="glossary-study-decks">(.*?)</template>', page, re.S).group(1)
    return json.loads(html.unescape(text))


def test_the_study_page_carries_the_decks_as_text(site):
    data = decks(site)
    by_id = {deck["id"]: deck for deck in data["decks"]}
    titles = sorted(TERMS, key=lambda s: re.sub(r"^the ", "", TERMS[s]["title"].lower()))
    assert by_id["glossary"]["cards"] == titles and by_id["glossary"]["title"] == "The whole glossary"
    assert by_id["continual-learning"]["cards"] == vocabulary(site, ESSAY)[1]
    assert set(data["cards"]) == set(TERMS)
    for slug, card in data["cards"].items():
        page = html_of(site, f"glossary/{slug}/")
        assert card["title"] == TERMS[slug]["title"] and card["summary"] == TERMS[slug]["summary"]
        head = page.css_first("article .glossary-entry-head")
        first = head.next
        while first.tag != "p":
            first = first.next
        assert card["definition"] == " ".join(first.text().split())
        assert resolve(site, STUDY, card["url"])[0] == site.root / "glossary" / slug / "index.html"
        if "sentence" in card:
            before, term, after = card["sentence"]
            assert term and (before + term + after).strip()
    with_sentence = [c for c in data["cards"].values() if "sentence" in c]
    assert len(with_sentence) >= 30


def test_only_the_study_page_loads_the_study_script_and_the_scheduler(site):
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        sources = [s.attributes["src"] for s in tree.css("script[src]")]
        loads = any(s.endswith(("study.js", "ts-fsrs/index.umd.js")) for s in sources)
        assert loads == (url == STUDY), url
    tree = html_of(site, STUDY)
    scripts = [s.attributes["src"] for s in tree.css("article script[src]")]
    assert scripts[0].endswith("vendor/ts-fsrs/index.umd.js") and scripts[1].endswith("assets/study.js")
    assert all("defer" in s.attributes for s in tree.css("article script[src]"))


def test_every_page_with_definitions_loads_learn_js_which_finds_the_scheduler_from_there(site):
    # learn.js shows a term's study state in its popover and records a review with the study page's
    # scheduler, which it fetches on the first review only: its address must work from every page.
    seen = 0
    for url, file in all_pages(site):
        tree = LexborHTMLParser(file.read_text(encoding="utf-8"))
        learn = tree.css("script.glossary-learn")
        assert len(learn) == (1 if tree.css_first("template.glossary-definitions") else 0), url
        if learn:
            seen += 1
            assert "defer" in learn[0].attributes, url
            assert resolve(site, url, learn[0].attributes["src"])[0] == site.root / "assets" / "learn.js", url
            scheduler = resolve(site, url, learn[0].attributes["data-scheduler"])[0]
            assert scheduler == site.root / "assets" / "vendor" / "ts-fsrs" / "index.umd.js", url
            assert scheduler.is_file()
    assert seen > len(TERMS)  # the essay and the term pages, at least
    # The essay's terms name their slugs, so the script can count those the reader knows.
    slugs = [a.attributes["data-term"] for a in html_of(site, ESSAY).css(".glossary-vocabulary li a")]
    assert slugs == essay_terms_in_order(site, ESSAY)


def test_the_vendored_scheduler_is_the_pinned_release():
    folder = ROOT / "docs" / "assets" / "vendor" / "ts-fsrs"
    notes = (folder / "README.txt").read_text(encoding="utf-8")
    pinned = re.search(r"^- sha256 of index.umd.js: ([0-9a-f]{64})$", notes, re.M).group(1)
    assert hashlib.sha256((folder / "index.umd.js").read_bytes()).hexdigest() == pinned
    assert "- version: 5.4.2" in notes and "MIT License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "TS_FSRS_VERSION ?= 5.4.2" in (ROOT / "Makefile").read_text(encoding="utf-8")


def notes_of(apkg: bytes):
    with zipfile.ZipFile(io.BytesIO(apkg)) as package:
        assert set(package.namelist()) == {"collection.anki2", "media"}
        with tempfile.NamedTemporaryFile(suffix=".anki2") as db:
            db.write(package.read("collection.anki2"))
            db.flush()
            connection = sqlite3.connect(db.name)
            rows = connection.execute("select id, guid, flds from notes order by id").fetchall()
            decks = json.loads(connection.execute("select decks from col").fetchone()[0])
            models = json.loads(connection.execute("select models from col").fetchone()[0])
            cards = connection.execute("select nid, ord from cards").fetchall()
            connection.close()
    return rows, decks, models, cards


def test_each_deck_is_an_anki_package_with_its_notes_and_a_tsv(site):
    import genanki

    for deck in decks(site)["decks"]:
        apkg = (site.root / "study" / "decks" / f"{deck['id']}.apkg").read_bytes()
        rows, anki_decks, _, _ = notes_of(apkg)
        assert deck["title"] in [d["name"] for d in anki_decks.values()]
        assert [guid for _, guid, _ in rows] == [genanki.guid_for(slug) for slug in deck["cards"]]
        for (_, _, fields), slug in zip(rows, deck["cards"], strict=True):
            term, summary, definition, example, link, _, _ = fields.split("\x1f")
            assert term == TERMS[slug]["title"].replace("&", "&amp;")
            assert link == site.server.url + f"glossary/{slug}/"
            assert summary and definition and example
        lines = (site.root / "study" / "decks" / f"{deck['id']}.tsv").read_text(encoding="utf-8").splitlines()
        # Anki's file headers (its manual, "Importing text files"), so that Anki takes no header row for a card.
        assert lines[:3] == ["#separator:tab", "#html:false", "#columns:term\tsummary\tdefinition\texample\tlink"]
        assert [line.split("\t")[0] for line in lines[3:]] == [TERMS[slug]["title"] for slug in deck["cards"]]
        assert all(len(line.split("\t")) == 5 for line in lines[2:])


def test_the_anki_package_has_the_sentence_cards_too(site):
    # Before, it held only term → meaning cards; the study page's second kind, the sentence, was missing.
    data = decks(site)
    deck = next(d for d in data["decks"] if d["id"] == "continual-learning")
    rows, _, models, cards = notes_of((site.root / "study" / "decks" / "continual-learning.apkg").read_bytes())
    (model,) = models.values()
    assert [f["name"] for f in model["flds"]] == ["Term", "Summary", "Definition", "Example", "Link", "Sentence",
                                                  "Completed"]
    assert [t["name"] for t in model["tmpls"]] == ["Term → meaning", "Sentence → term"]
    ords = {nid: sorted(o for n, o in cards if n == nid) for nid, _, _ in rows}
    with_sentence = 0
    for (nid, _, fields), slug in zip(rows, deck["cards"], strict=True):
        sentence, completed = fields.split("\x1f")[5:]
        if "sentence" in data["cards"][slug]:
            before, term, after = (html.escape(part) for part in data["cards"][slug]["sentence"])
            assert sentence == f"{before}_____{after}" and completed == f"{before}<b>{term}</b>{after}"
            assert ords[nid] == [0, 1]  # a card of each kind
            with_sentence += 1
        else:
            assert sentence == completed == "" and ords[nid] == [0]
    assert with_sentence >= 30


STUDY_ON = "extra:\n  glossary:\n    study: study\n"


def site_with_study(tmp_path):
    """The base fixture site with the study page on and the files it needs copied in."""
    project = small_site(tmp_path, extra=STUDY_ON)
    for name in ("study.css", "study.js", "vendor/ts-fsrs/index.umd.js", "learn.js"):
        (project / "docs" / "assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / "assets" / name).write_bytes((ROOT / "docs" / "assets" / name).read_bytes())
    return project


def test_a_site_that_does_not_ask_for_a_study_page_gets_none(tmp_path):
    result = mkdocs_build(small_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file() and not (tmp_path / "site" / "study").exists()


def test_a_study_page_without_its_files_stops_the_build_naming_them(tmp_path):
    # Before, such a site got a study page whose script and stylesheet were missing, and --strict passed.
    log = failed_build(tmp_path, extra=STUDY_ON)
    assert "mkdocs.yml: extra.glossary.study asks for a study page, but its files are missing" in log
    assert "assets/study.css, assets/vendor/ts-fsrs/index.umd.js, assets/study.js, assets/learn.js" in log
    assert "or set 'study: false' for no study page" in log


def test_essays_with_one_file_name_in_two_folders_get_a_deck_each(tmp_path):
    project = site_with_study(tmp_path)
    for year, text in (("2025", "The context window."), ("2026", "Tokens fill it.")):
        (project / "docs" / "essays" / year).mkdir(parents=True)
        (project / "docs" / "essays" / year / "intro.md").write_text(f"# Intro {year}\n\n{text}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    decks = tmp_path / "site" / "study" / "decks"
    assert sorted(p.name for p in decks.glob("*.tsv")) == ["2025-intro.tsv", "2026-intro.tsv", "glossary.tsv"]
    assert "Context Window" in (decks / "2025-intro.tsv").read_text(encoding="utf-8")
    assert "Context Window" not in (decks / "2026-intro.tsv").read_text(encoding="utf-8")
    essay_path = tmp_path / "site" / "essays" / "2026" / "intro" / "index.html"
    essay = LexborHTMLParser(essay_path.read_text(encoding="utf-8"))
    assert [a.attributes["href"] for a in essay.css(".glossary-vocabulary a") if "deck=" in a.attributes["href"]] == [
        "../../../study/?deck=2026-intro"]


def test_two_essays_that_would_share_a_deck_stop_the_build_naming_both(tmp_path):

    project = site_with_study(tmp_path)
    (project / "docs" / "essays" / "2025").mkdir(parents=True)
    (project / "docs" / "essays" / "2025" / "intro.md").write_text("# A\n\nThe context window.\n", encoding="utf-8")
    (project / "docs" / "essays" / "2025-intro.md").write_text("# B\n\nThe context window.\n", encoding="utf-8")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not (site_dir / "index.html").exists(), "a failed build wrote pages"
    assert re.search(
        r"docs/essays/(2025/intro|2025-intro)\.md: its study deck would get the id '2025-intro', "
        r"which docs/essays/(2025-intro|2025/intro)\.md has too", result.stderr), result.stderr


def test_an_essay_can_turn_its_vocabulary_off_and_a_wrong_option_stops_the_build(tmp_path):
    project = site_with_study(tmp_path)
    essays = project / "docs" / "essays"
    essays.mkdir()
    (essays / "on.md").write_text("# On\n\nThe context window holds tokens.\n", encoding="utf-8")
    (essays / "off.md").write_text("---\nvocabulary: false\n---\n\n# Off\n\nThe context window.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    on = LexborHTMLParser((tmp_path / "site" / "essays" / "on" / "index.html").read_text(encoding="utf-8"))
    off = LexborHTMLParser((tmp_path / "site" / "essays" / "off" / "index.html").read_text(encoding="utf-8"))
    assert [a.text() for a in on.css(".glossary-vocabulary ol a")] == ["Context Window", "Token"]
    assert off.css(".glossary-vocabulary") == []
    assert (tmp_path / "site" / "study" / "decks" / "on.apkg").is_file()
    assert not (tmp_path / "site" / "study" / "decks" / "off.apkg").exists()


def test_the_study_script_and_stylesheet_stay_within_12_kb_gzipped(site):
    import gzip

    # As served (the scheduler comes on top, as the issue allows: it is the library's own file).
    size = sum(len(gzip.compress((site.root / "assets" / name).read_bytes(), 9)) for name in ("study.js", "study.css"))
    assert size <= 12 * 1024, size
