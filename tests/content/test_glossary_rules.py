"""This site's glossary as written: how many terms, their file names, and each term page's house rules."""

from __future__ import annotations

import re

import pytest

from support import ROOT, TERMS

# Terms a reader of the topic needs beyond the notes' vocabulary list (issue 12).
ADDED_TERMS = {
    "large-language-model", "pretraining", "lora", "knowledge-cutoff", "system-prompt",
    "embedding", "prompt-injection", "replay", "machine-unlearning", "rlhf",
}


# Words the essay leans on that a reader would hover or look up (issue 19).
ADDED_LATER = {"prompt", "ai-agent", "deployment", "hallucination", "generalization", "model-editing"}


def test_the_glossary_has_the_37_terms_of_the_vocabulary_list_and_sixteen_more():
    assert len(TERMS) == 53
    assert ADDED_TERMS | ADDED_LATER <= set(TERMS)


def test_term_files_follow_the_slug_rule():
    from glossary.terms import slugify

    assert {slug: slugify(fm["title"]) for slug, fm in TERMS.items()} == {slug: slug for slug in TERMS}


@pytest.mark.parametrize("slug", sorted(TERMS))
def test_term_pages_keep_to_the_house_rules(slug):
    from glossary.matcher import SENTENCE_END

    summary = " ".join(TERMS[slug]["summary"].split())
    assert len(summary) <= 200, f"{slug}: a summary of {len(summary)} characters"
    assert summary.endswith(".") and not SENTENCE_END.search(summary), f"{slug}: the summary is not one sentence"
    body = (ROOT / "docs" / "glossary" / f"{slug}.md").read_text(encoding="utf-8").split("---", 2)[2]
    # A definition first, then the example, then why it matters: no other headings.
    assert re.findall(r"^#+ .*$", body, flags=re.M) == ["## Example", "## Why it matters for continual learning"], slug
    definition, example, why = re.split(r"^## .*$", body, flags=re.M)
    assert len(definition.split()) >= 60 and len(example.split()) >= 40 and len(why.split()) >= 30, slug
    words = len(re.sub(r"^#+ .*$", "", body, flags=re.M).split())
    assert 120 <= words <= 350, f"{slug}: {words} words"


