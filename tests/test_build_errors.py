"""Bad input stops the build with a message that names the file and the fix: no traceback, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build

SITES = Path(__file__).parent / "sites"


def small_site(tmp_path: Path, broken: str | None = None, extra: str = "") -> Path:
    """The base fixture site, with one broken term page dropped into its glossary."""
    project = tmp_path / "project"
    shutil.copytree(SITES / "base", project)
    (project / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: mkdocs\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'glossary_links.py'}\n{extra}",
        encoding="utf-8",
    )
    if broken:
        shutil.copy(SITES / "broken" / f"{broken}.md", project / "docs" / "glossary" / f"{broken}.md")
    return project


def failed_build(tmp_path, broken=None, extra=""):
    project = small_site(tmp_path, broken, extra)
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not (site_dir / "index.html").exists(), "a failed build wrote pages"
    return result.stderr


def test_the_base_fixture_builds(tmp_path):
    project = small_site(tmp_path)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert 'class="glossary-term"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


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
def test_a_broken_term_page_stops_the_build_naming_the_file_and_the_fix(tmp_path, broken, problem, fix):
    log = failed_build(tmp_path, broken)
    assert f"docs/glossary/{broken}.md: {problem}" in log
    assert fix in log


def test_an_unknown_field_is_a_warning_that_strict_mode_refuses(tmp_path):
    project = small_site(tmp_path, "unknown-field")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "WARNING -  docs/glossary/unknown-field.md: unknown front-matter field 'alias' is ignored." in result.stderr
    assert "check the spelling" in result.stderr


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
    ],
)
def test_a_wrong_option_names_mkdocs_yml_and_the_choices(tmp_path, options, message):
    log = failed_build(tmp_path, extra=f"extra:\n  glossary:\n    {options}\n")
    assert f"mkdocs.yml: {message}" in log


def test_a_page_the_linker_cannot_mark_names_the_page(tmp_path):
    # The linker marks links with Unicode noncharacters; a page holding all 32 of them is refused, by name.
    project = small_site(tmp_path)
    noncharacters = "".join(chr(c) for c in range(0xFDD0, 0xFDF0))
    (project / "docs" / "odd.md").write_text(f"# Odd\n\nThe context window {noncharacters}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/odd.md: the page holds every Unicode noncharacter from U+FDD0 to U+FDEF; remove them." in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    "source, message",
    [
        ("source: a16z", "has a 'source' without a title. Write it as fields under 'source:'"),
        ("source:\n  title: T\n  author: A", "has an unknown field 'author' under 'source'."),
        ("source:\n  title: T\n  url: a16z.com", "has 'source.url' 'a16z.com', which is not a web address."),
    ],
)
def test_an_essay_with_a_bad_source_names_the_file_and_the_fields(tmp_path, source, message):
    project = small_site(tmp_path)
    essay = project / "docs" / "essays" / "one.md"
    essay.parent.mkdir()
    essay.write_text(f"---\n{source}\n---\n\n# One\n\nThe context window.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"docs/essays/one.md: {message}" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_build_without_the_hook_stops_instead_of_publishing_unlinked_pages(tmp_path):
    # What a generator that ignores `hooks:` (Zensical 0.1) or a mkdocs.yml that lost the line would do.
    import shutil

    from support import ROOT as root

    project = tmp_path / "project"
    shutil.copytree(SITES / "base" / "docs", project / "docs")
    (project / "overrides").symlink_to(root / "overrides")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("\n  - hooks/glossary_links.py\n", "\n")
    for hook in ("hooks/lightbox.py", "hooks/minify.py", "hooks/required.py"):
        config = config.replace(hook, str(root / hook))
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml: the glossary hook did not run, so no page would link its terms. " \
           "Add '- hooks/glossary_links.py' under 'hooks:'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_generator_that_runs_no_hooks_is_stopped_by_the_theme(tmp_path):
    import shutil

    from support import ROOT as root

    project = tmp_path / "project"
    shutil.copytree(SITES / "base" / "docs", project / "docs")
    (project / "overrides").symlink_to(root / "overrides")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("hooks:")] + config[config.index("extra:"):]  # as if no hook ran at all
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "The glossary hook did not run: add hooks/glossary_links.py under 'hooks:' in mkdocs.yml" in result.stderr
