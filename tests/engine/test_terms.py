"""Collecting the glossary: front matter in, checked terms (or a writer-friendly error) out."""

import pytest

from glossary.terms import Glossary, GlossaryError, Term, read_term, slugify, title_names

GOOD = """---
title: In-Context Learning (ICL)
summary: Using what is in the prompt right now, without changing any weights.
aliases:
  - in context
related:
  - token
---

Body.
"""


def term(slug, title, aliases=(), related=(), summary="A plain sentence."):
    return Term(slug, title, summary, tuple(aliases), tuple(related), f"docs/glossary/{slug}.md")


def test_reads_a_term_page():
    term_, warnings = read_term("in-context-learning", GOOD, "docs/glossary/in-context-learning.md")
    assert term_.title == "In-Context Learning (ICL)"
    assert term_.summary.startswith("Using what is in the prompt")
    assert term_.names == ("In-Context Learning", "ICL", "in context")
    assert term_.related == ("token",)
    assert warnings == []


def test_forms_are_mentions_in_prose_but_no_names():
    page = "---\ntitle: Fine-Tuning\nsummary: S.\naliases: [finetuning]\nforms: [fine-tuned, fine-tunes]\n---\n"
    fine_tuning, _ = read_term("fine-tuning", page, "docs/glossary/fine-tuning.md")
    # Names are what "Also called", search and redirects show; forms only count as mentions.
    assert fine_tuning.names == ("Fine-Tuning", "finetuning")
    assert fine_tuning.spellings == ("Fine-Tuning", "finetuning", "fine-tuned", "fine-tunes")
    glossary = Glossary.build([fine_tuning])
    assert glossary.redirects() == {"finetuning": "fine-tuning"}
    text = "She fine-tuned it; it fine-tunes itself."
    assert [text[start:end] for start, end, _ in glossary.matcher.finditer(text)] == ["fine-tuned", "fine-tunes"]


def test_a_form_claimed_by_two_terms_stops_the_build():
    one, _ = read_term("a", "---\ntitle: Alpha\nsummary: S.\nforms: [shared]\n---\n", "docs/glossary/a.md")
    two, _ = read_term("b", "---\ntitle: Beta\nsummary: S.\nforms: [shared]\n---\n", "docs/glossary/b.md")
    with pytest.raises(
        GlossaryError, match="uses the name 'shared'.*A name, alias or form may belong to one term only"
    ):
        Glossary.build([one, two])


@pytest.mark.parametrize(
    "title, slug",
    [
        ("In-Context Learning (ICL)", "in-context-learning"),
        ("Parameters / Weights", "parameters-weights"),
        ("KV Cache", "kv-cache"),
        ("The Bitter Lesson", "the-bitter-lesson"),
        ("Stability-Plasticity Dilemma", "stability-plasticity-dilemma"),
        ("State Space Models (SSMs)", "state-space-models"),
    ],
)
def test_slug_rule(title, slug):
    assert slugify(title) == slug


def test_title_names():
    assert title_names("Parameters / Weights") == ("Parameters", "Weights")
    assert title_names("Retrieval-Augmented Generation (RAG)") == ("Retrieval-Augmented Generation", "RAG")
    assert title_names("Token") == ("Token",)
    # A lowercase bracket qualifies the name; an abbreviation with a lowercase letter still names it.
    assert title_names("Coin (in Coinage)") == ("Coin",)
    assert title_names("Mercury (planet)") == ("Mercury",)
    assert title_names("Practical Byzantine Fault Tolerance (pBFT)") == ("Practical Byzantine Fault Tolerance", "pBFT")


def broken(front_matter: str) -> GlossaryError:
    with pytest.raises(GlossaryError) as caught:
        read_term("x", f"---\n{front_matter}\n---\nBody\n", "docs/glossary/x.md")
    assert str(caught.value).startswith("docs/glossary/x.md: ")
    return caught.value


@pytest.mark.parametrize(
    "front_matter, problem, fix",
    [
        ("summary: A sentence.", "has no 'title'", "Add 'title:'"),
        ("title: X", "has no 'summary'", "Add 'summary:'"),
        ("title: X\nsummary: '   '", "has no 'summary'", "Add 'summary:'"),
        ("title: [X]\nsummary: A sentence.", "'title' as a list, not as text", "single line of text"),
        ("title: X\nsummary: Hover <img src=x onerror=alert(1)> here.", "contains '<' or '>'", "plain text"),
        ("title: X\nsummary: " + "word " * 50, "summary of 249 characters", "at most 200"),
        (
            "title: X\nsummary: One sentence. Two.",
            "more than one sentence (the first ends at 'One sentence.')",
            "one sentence",
        ),
        ("title: X\nsummary: Flags e.g. this one.", "more than one sentence", "such as 'e.g.'"),
        ("title: X\nsummary: No ending", "does not end a sentence ('No ending')", "with a period"),
        ("title: X\nsummary: S.\naliases: ICL", "'aliases' as a piece of text, not as a list", "as a list"),
        ("title: X\nsummary: S.\naliases: [ok, 3]", "not text (3)", "Each entry is text"),
        ("title: X\nsummary: S.\nrelated: [x]", "lists itself", "Remove 'x'"),
        ("title: X\nsummary: a: b: c", "not valid YAML on line", "quote a value that holds a colon"),
        ("- just\n- a list", "not a list of fields", "field: value"),
    ],
)
def test_front_matter_mistakes_name_the_file_and_the_fix(front_matter, problem, fix):
    error = broken(front_matter)
    assert problem in error.problem
    assert fix in error.fix


def test_missing_front_matter():
    with pytest.raises(GlossaryError, match="has no front matter.*Start the file with a '---' line"):
        read_term("x", "# Just a heading\n", "docs/glossary/x.md")


def test_unknown_fields_warn_and_material_fields_do_not():
    _, warnings = read_term("x", "---\ntitle: X\nsummary: S.\nalias: [y]\nhide: [toc]\n---\n", "docs/glossary/x.md")
    assert warnings == [
        "docs/glossary/x.md: unknown front-matter field 'alias' is ignored. "
        "Term pages use aliases, bracket, case, forms, joined, link, not, related, slug, summary, title; "
        "check the spelling."
    ]


def test_summary_whitespace_is_folded():
    t, _ = read_term("x", "---\ntitle: X\nsummary: >\n  One\n  sentence.\n---\n", "docs/glossary/x.md")
    assert t.summary == "One sentence."


def test_a_name_on_two_pages_is_an_error_blaming_the_page_where_it_is_an_alias():
    with pytest.raises(GlossaryError) as caught:
        Glossary.build([term("a", "Token"), term("b", "Symbol", aliases=["TOKEN"])])
    assert str(caught.value) == (
        "docs/glossary/b.md: uses the name 'TOKEN', which is also a name of docs/glossary/a.md ('Token'). "
        "A name, alias or form may belong to one term only: remove it from one of the two pages."
    )
    with pytest.raises(
        GlossaryError,
        match=r"^docs/glossary/a.md: uses the name 'symbol', which is also a name of docs/glossary/b.md",
    ):
        Glossary.build([term("a", "Token", aliases=["symbol"]), term("b", "Symbol")])


def test_an_alias_equal_to_another_terms_title_is_an_error():
    with pytest.raises(GlossaryError, match="uses the name 'Inference'"):
        Glossary.build([term("inference", "Inference"), term("other", "Other", aliases=["Inference"])])


def test_an_unknown_related_slug_is_an_error_with_suggestions():
    with pytest.raises(GlossaryError) as caught:
        Glossary.build([term("token", "Token", related=["tokens"]), term("context-window", "Context Window")])
    assert (
        "docs/glossary/token.md: lists 'tokens' under 'related', but no term page has that slug." in str(caught.value)
    )
    assert "known: token" in str(caught.value)


def test_plurals_never_override_a_writers_name():
    # "Modes" is an alias of one term and the plural of another's title: the alias wins.
    glossary = Glossary.build([term("mode", "Mode"), term("modes", "Operating Modes", aliases=["modes"])])
    assert [t for *_, t in glossary.matcher.finditer("one mode, two modes")] == ["mode", "modes"]


def test_redirects_cover_other_names_but_not_plurals():
    glossary = Glossary.build(
        [
            term("in-context-learning", "In-Context Learning (ICL)"),
            term("kv-cache", "KV Cache", aliases=["KV caches", "key-value cache"]),
        ]
    )
    assert glossary.redirects() == {"icl": "in-context-learning", "key-value-cache": "kv-cache"}


def test_two_terms_may_not_claim_the_same_address():
    with pytest.raises(GlossaryError, match="whose address \\('fine-tune'\\) already belongs to docs/glossary/a.md"):
        Glossary.build(
            [term("a", "Alpha", aliases=["fine tune"]), term("b", "Beta", aliases=["fine-tune!"])]
        ).redirects()
    with pytest.raises(GlossaryError, match="already belongs to docs/glossary/token.md"):
        Glossary.build([term("token", "Token"), term("word", "Word", aliases=["token?"])]).redirects()


def test_a_summary_gets_the_typographic_quotes_of_the_page_body():
    t, _ = read_term(
        "x", "---\ntitle: X\nsummary: A model's \"memory\" and the models' notes.\n---\n", "docs/glossary/x.md"
    )
    assert t.summary == "A model\u2019s \u201cmemory\u201d and the models\u2019 notes."


@pytest.mark.parametrize(
    "title, names",
    [
        # The bracket's initials spell the title: an expansion, so a name (issue #23).
        ("SIG (special interest group)", ("SIG", "special interest group")),
        ("cgroup (control group)", ("cgroup", "control group")),  # the initials, then the last word whole
        ("KV cache (key-value cache)", ("KV cache", "key-value cache")),
        ("IPv4 (internet protocol version 4)", ("IPv4", "internet protocol version 4")),
        # Otherwise a bracket opening with a lowercase word qualifies the title.
        ("Coin (in Coinage)", ("Coin",)),
        ("Cat (cute animal)", ("Cat",)),  # "ca" starts "cat", but spells neither it nor "c" + "animal"
        ("Mercury (planet)", ("Mercury",)),
        ("Node (machine)", ("Node",)),
    ],
)
def test_an_expansion_in_brackets_is_a_name_and_a_qualifier_is_not(title, names):
    assert title_names(title) == names


def test_the_bracket_field_settles_what_the_rule_cannot():
    def names(title, bracket):
        page = f"---\ntitle: {title}\nsummary: S.\nbracket: {bracket}\n---\n"
        return read_term("x", page, "docs/glossary/x.md")[0].names

    assert names("Pod (Kubernetes)", "qualifier") == ("Pod",)
    assert names("Node (machine)", "name") == ("Node", "machine")
    assert names("SIG (special interest group)", "qualifier") == ("SIG",)


@pytest.mark.parametrize(
    "front, message",
    [
        ("title: Pod (Kubernetes)\nbracket: abbreviation",
         "docs/glossary/x.md: has 'bracket: abbreviation'. Write 'bracket: name' if the bracket"),
        ("title: Pod\nbracket: name",
         "docs/glossary/x.md: has 'bracket: name', but its title 'Pod' does not end with a bracket."),
        ("title: Persistent Volume\njoined: yes please",
         "docs/glossary/x.md: has 'joined' as a piece of text, not as true or false. Write 'joined: true'"),
    ],
)
def test_a_wrong_bracket_or_joined_value_is_one_line_naming_the_file(front, message):
    with pytest.raises(GlossaryError) as caught:
        read_term("x", f"---\n{front}\nsummary: S.\n---\n", "docs/glossary/x.md")
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_joined_names_count_as_written_with_their_plural():
    page = "---\ntitle: Persistent Volume\nsummary: S.\njoined: true\naliases: [config map]\n---\n"
    volume, _ = read_term("pv", page, "docs/glossary/pv.md")
    glossary = Glossary.build([volume])
    text = "A PersistentVolume, two PersistentVolumes, a ConfigMap; not persistentvolume or Persistentvolume."
    assert [text[s:e] for s, e, _ in glossary.matcher.finditer(text)] == [
        "PersistentVolume", "PersistentVolumes", "ConfigMap"]
    assert volume.names == ("Persistent Volume", "config map")  # no name of its own: not shown, no address
    assert glossary.redirects() == {"config-map": "pv", "persistent-volume": "pv"}


def test_joined_is_off_by_default_and_the_site_option_turns_it_on_unless_a_page_says_false():
    volume, _ = read_term("pv", "---\ntitle: Persistent Volume\nsummary: S.\n---\n", "docs/glossary/pv.md")
    claim, _ = read_term("pvc", "---\ntitle: Volume Claim\nsummary: S.\njoined: false\n---\n", "docs/glossary/pvc.md")
    text = "A PersistentVolume and a VolumeClaim."
    assert list(Glossary.build([volume, claim]).matcher.finditer(text)) == []
    assert [t for *_, t in Glossary.build([volume, claim], joined=True).matcher.finditer(text)] == ["pv"]


def test_a_joined_form_never_takes_a_name_another_term_has():
    volume, _ = read_term("pv", "---\ntitle: Persistent Volume\nsummary: S.\njoined: true\n---\n",
                          "docs/glossary/pv.md")
    api = term("api-object", "PersistentVolume")
    glossary = Glossary.build([volume, api])
    assert [t for *_, t in glossary.matcher.finditer("a PersistentVolume")] == ["api-object"]


def test_two_pages_titled_with_one_name_are_told_how_to_merge():
    # Two entries for one thing: "remove the name from one page" would lead straight into another error.
    with pytest.raises(GlossaryError) as caught:
        Glossary.build([term("cgroup", "cgroup (control group)"), term("control-group", "Control Group")])
    message = str(caught.value)
    # The page to keep is the one at the address the shared name gives: links people have sent go there.
    assert message.startswith(
        "docs/glossary/cgroup.md: is named 'control group' by its title, as docs/glossary/control-group.md "
        "('Control Group') is: the two pages look like two entries for one term. "
        "Merge them: keep docs/glossary/control-group.md, move into it what this page says that it lacks, "
        "add 'cgroup' to its 'aliases', and delete this page; "
        "the alias 'cgroup' keeps its address ('cgroup') working as a redirect."
    )
    assert "remove it from one of the two pages" not in message


def test_a_merged_page_keeps_its_address_through_an_alias():
    with pytest.raises(GlossaryError) as caught:
        Glossary.build([term("token", "Token"), term("unit-of-text", "Token", aliases=["word piece"])])
    message = str(caught.value)
    assert message.startswith("docs/glossary/unit-of-text.md: is named 'Token' by its title, as docs/glossary/token.md")
    assert "keep docs/glossary/token.md" in message
    assert "add 'word piece', 'unit of text' to its 'aliases'" in message
    assert "the alias 'unit of text' keeps its address ('unit-of-text') working as a redirect." in message


def test_every_clash_between_pages_is_reported_at_once_sorted_by_file():
    with pytest.raises(GlossaryError) as caught:
        Glossary.build([
            term("b", "Beta", related=["nothing"]), term("a", "Alpha", aliases=["beta"]),
            term("c", "Gamma", aliases=["alpha"]), term("d", "Delta"), term("d", "Delta Again"),
        ])
    lines = str(caught.value).splitlines()
    assert lines[0] == "4 mistakes in 4 files stop the build: fix them all, then build again."
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "docs/glossary/a.md", "docs/glossary/b.md", "docs/glossary/c.md", "docs/glossary/d.md"]
    assert len(caught.value.mistakes) == 4
