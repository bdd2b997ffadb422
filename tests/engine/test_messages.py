"""Every message a writer gets for a mistake, checked on the engine in milliseconds.

The build tests (tests/build/) keep one end-to-end build per path an error takes to the writer
(a term page, an option, an essay's front matter, a page's own option, the link stage, a warning
under --strict, a missing hook): they prove the build stops, prints the message without a traceback
and writes nothing. The wording of each message is checked here, on the same input files.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest
import yaml

from glossary.errors import GlossaryError
from glossary.options import Options, read_options
from glossary.pages.essay import byline_html
from glossary.site import Site, Source
from glossary.study import anki
from glossary.study.decks import Card, Deck
from support import SITES


def sources(docs, changed=None):
    """The Markdown files of a fixture site's docs folder as the engine reads them, with `changed`
    ({path under docs: text, or None to remove}) applied."""
    texts = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    for src, text in (changed or {}).items():
        if text is None:
            texts.pop(src)
        else:
            texts[src] = text
    return [Source(src, f"docs/{src}", lambda text=text: text) for src, text in texts.items()]


def collect_error(docs, changed=None, options=None) -> str:
    with pytest.raises(GlossaryError) as error:
        Site(options or Options()).collect(sources(docs, changed), {})
    return str(error.value)


BASE = SITES / "base" / "docs"


@pytest.mark.parametrize(
    "broken, problem, fix",
    [
        ("missing-title", "has no 'title'.", "Add 'title:' to the front matter"),
        ("missing-summary", "has no 'summary'.", "Add 'summary:' to the front matter"),
        ("summary-markup", "has a summary that contains '<' or '>'.", "Write the summary as plain text"),
        ("summary-too-long", "has a summary of 245 characters.", "Shorten it to at most 200"),
        (
            "summary-two-sentences",
            "has a summary of more than one sentence (the first ends at '…definition should be one sentence.').",
            "Write it as one sentence",
        ),
        (
            "summary-no-period",
            "has a summary that does not end a sentence",
            "End the one-sentence summary with a period.",
        ),
        (
            "duplicate-alias",
            "uses the name 'token', which is also a name of docs/glossary/token.md ('Token').",
            "remove it from one of the two pages",
        ),
        ("broken-yaml", "has front matter that is not valid YAML on line 3", "quote a value that holds a colon"),
        ("unknown-related", "lists 'tokens' under 'related', but no term page has that slug.", "known: token"),
        ("no-front-matter", "has no front matter.", "Start the file with a '---' line"),
    ],
)
def test_a_broken_term_page_names_the_file_and_the_fix(broken, problem, fix):
    # The fixture files of tests/sites/broken, dropped into the base site's glossary as the build test does.
    text = (SITES / "broken" / f"{broken}.md").read_text(encoding="utf-8")
    message = collect_error(BASE, {f"glossary/{broken}.md": text})
    assert f"docs/glossary/{broken}.md: {problem}" in message
    assert fix in message


@pytest.mark.parametrize(
    "options, message",
    [
        (
            "link: sometimes",
            "extra.glossary.link is 'sometimes'. Use one of: first-per-page, first-per-section, every-mention.",
        ),
        ("links: every-mention", "unknown option extra.glossary.links."),
        ("boost: high", "extra.glossary.boost is 'high'. It must be a number, e.g. 2."),
        ("max-per-paragraph: 0", "extra.glossary.max-per-paragraph is 0. Use a whole number of links, 1 or more"),
        ("nav: sidebar", "extra.glossary.nav is 'sidebar'. Use one of: index, all"),
        ("study: 3", "extra.glossary.study is"),
        ("study: ''", "extra.glossary.study is"),
        ("exclude: pod", "extra.glossary.exclude is 'pod'. Give a list"),
    ],
)
def test_a_wrong_option_names_mkdocs_yml_and_the_choices(options, message):
    # As mkdocs.yml gives them to the hook: the YAML under extra.glossary.
    with pytest.raises(GlossaryError) as error:
        read_options(yaml.safe_load(options))
    assert f"mkdocs.yml: {message}" in str(error.value)
    if options.startswith("study:"):
        assert "or false for no study page" in str(error.value)


def test_an_excluded_name_that_is_no_term_names_mkdocs_yml():
    message = collect_error(BASE, options=read_options({"exclude": ["pdo"]}))
    assert "mkdocs.yml: extra.glossary.exclude lists 'pdo', which is neither" in message


@pytest.mark.parametrize(
    "source, message",
    [
        ("source: a16z", "has a 'source' without a title. Write it as fields under 'source:'"),
        ("source:\n  title: T\n  author: A", "has an unknown field 'author' under 'source'."),
        ("source:\n  title: T\n  url: a16z.com", "has 'source.url' 'a16z.com', which is not a web address."),
    ],
)
def test_an_essay_with_a_bad_source_names_the_file_and_the_fields(source, message):
    meta = yaml.safe_load(source)
    with pytest.raises(GlossaryError) as error:
        byline_html(meta["source"], 100, "docs/essays/one.md")
    assert f"docs/essays/one.md: {message}" in str(error.value)


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ("slug: Token Page", "has the slug 'Token Page', which is not lower-case words joined by hyphens."),
        ("slug: context-window", "has the slug 'context-window', which docs/glossary/"),
    ],
)
def test_a_bad_or_taken_slug_names_the_file(front_matter, message):
    token = (BASE / "glossary" / "token.md").read_text(encoding="utf-8").replace("related:\n  - context-window\n", "")
    changed = token.replace("title: Token", f"title: Token\n{front_matter}")
    assert message in collect_error(BASE, {"glossary/token.md": changed})


# The mistakes an editor of a large glossary makes (tests/build/test_corpus.py builds the corpus itself).
POLKADOT = SITES / "polkadot" / "docs"


def polkadot_options():
    config = (SITES / "polkadot" / "mkdocs.yml").read_text(encoding="utf-8")
    extra = config[config.index("\nextra:") :]
    return read_options(yaml.safe_load(extra)["extra"]["glossary"])


def with_front(src, line):
    text = (POLKADOT / src).read_text(encoding="utf-8")
    return text.replace("---\n", f"---\n{line}\n", 1)


def corpus_error(changed):
    return " ".join(collect_error(POLKADOT, changed, polkadot_options()).split())


def test_the_corpus_glossary_itself_collects_without_an_error():
    site = Site(polkadot_options())
    site.collect(sources(POLKADOT), {})
    assert len(site.glossary.terms) >= 100


def test_an_alias_that_is_another_terms_title_names_both_files():
    # An editor shortens "Authority Round (Aura)" to "Authority", which is a term of its own.
    message = corpus_error({"glossary/authority-round.md": with_front("glossary/authority-round.md",
                                                                       "aliases: [Authority]")})
    assert "docs/glossary/authority-round.md" in message and "docs/glossary/authority.md" in message
    assert "uses the name 'Authority'" in message and "remove it from one of the two pages" in message


def test_one_alias_on_two_terms_names_both_files():
    message = corpus_error({
        "glossary/relay-chain.md": with_front("glossary/relay-chain.md", "aliases: [main chain]"),
        "glossary/polkadot-hub.md": with_front("glossary/polkadot-hub.md", "aliases: [Main Chain]"),
    })
    assert "docs/glossary/relay-chain.md" in message and "docs/glossary/polkadot-hub.md" in message
    assert "'Main Chain'" in message or "'main chain'" in message


def test_two_term_pages_with_one_title_name_both_files():
    # A second "Slot" page in a folder of consensus terms, as a growing glossary gets one.
    message = corpus_error({"glossary/consensus/time-slot.md": (POLKADOT / "glossary" / "slot.md").read_text("utf-8")})
    assert "docs/glossary/slot.md" in message and "docs/glossary/consensus/time-slot.md" in message
    assert "'Slot'" in message


def test_an_anki_package_is_the_same_bytes_every_time(monkeypatch):
    # Was: a second build of the whole real site compared with the first, deck file by deck file.
    cards = {
        slug: Card(slug, title, f"{title} in one sentence.", f"What {title} is.", f"An example of {title}.",
                   f"https://example.org/glossary/{slug}/")
        for slug, title in (("token", "Token"), ("context-window", "Context Window"))
    }
    deck = Deck("glossary", "The whole glossary", tuple(cards))
    first, first_tsv = anki.anki_package(deck, cards), anki.deck_tsv(deck, cards)
    later = time.time() + 86_400 * 3
    monkeypatch.setattr(time, "time", lambda: later)  # a build on another day
    assert anki.anki_package(deck, cards) == first
    assert anki.deck_tsv(deck, cards) == first_tsv
    # Nor does the time its files were written leak in through the zip's own dates.
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_every_broken_term_page_is_reported_in_one_build_sorted_by_file():
    # Fourteen pages with one slip took fourteen builds (issue #23): now every page is read and checked first.
    broken = ["summary-no-period", "missing-title", "broken-yaml", "duplicate-alias", "unknown-related",
              "duplicate-entry"]
    changed = {f"glossary/{name}.md": (SITES / "broken" / f"{name}.md").read_text(encoding="utf-8") for name in broken}
    lines = collect_error(BASE, changed).splitlines()
    assert lines[0] == "6 mistakes in 6 files stop the build: fix them all, then build again."
    files = [line.split(":")[0].strip() for line in lines[1:]]
    assert files == sorted(f"docs/glossary/{name}.md" for name in broken)
    message = "\n".join(lines)
    assert "docs/glossary/summary-no-period.md: has a summary that does not end a sentence" in message
    assert "docs/glossary/missing-title.md: has no 'title'." in message
    assert "docs/glossary/broken-yaml.md: has front matter that is not valid YAML on line 3" in message
    assert "docs/glossary/unknown-related.md: lists 'tokens' under 'related'" in message
    assert "docs/glossary/duplicate-alias.md: uses the name 'token'" in message
    # Two entries for one thing: how to merge them, not "remove the name", which would only lead to another error.
    assert ("docs/glossary/duplicate-entry.md: is named 'Token' by its title, as docs/glossary/token.md ('Token') "
            "is: the two pages look like two entries for one term. Merge them: keep docs/glossary/token.md") in message


def test_every_mistake_of_one_term_page_is_reported_at_once():
    page = "---\ntitle: Pod\nsummary: A group of containers\ncase: exact\nlink: sometimes\n---\n"
    message = collect_error(BASE, {"glossary/pod.md": page})
    assert message.splitlines()[0] == "3 mistakes in 1 file stop the build: fix them all, then build again."
    for problem in ("has a summary that does not end a sentence", "has 'case: exact'.", "has 'link' as a piece"):
        assert f"  docs/glossary/pod.md: {problem}" in message


def test_a_page_that_cannot_be_read_brings_no_second_message_from_pages_that_name_it():
    token = (SITES / "broken" / "summary-no-period.md").read_text(encoding="utf-8")
    message = collect_error(BASE, {"glossary/token.md": token})  # context-window.md lists token under related
    assert message.startswith("docs/glossary/token.md: has a summary that does not end a sentence")
    assert "\n" not in message
