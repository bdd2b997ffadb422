"""Bad input stops the build with a message that names the file and the fix: no traceback, nothing written.

One build per path an error takes to the writer; the wording of every message is checked on the engine
(tests/engine/test_messages.py), on the same fixture files."""

from __future__ import annotations

import shutil

from support import ROOT, SITES, failed_build, mkdocs_build, small_site


def test_the_base_fixture_builds(tmp_path):
    project = small_site(tmp_path)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert 'class="glossary-term"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_broken_term_page_stops_the_build_naming_the_file_and_the_fix(tmp_path):
    # The other broken pages of tests/sites/broken take the same path: their messages are unit-tested.
    log = failed_build(tmp_path, "broken-yaml")
    assert "docs/glossary/broken-yaml.md: has front matter that is not valid YAML on line 3" in log
    assert "quote a value that holds a colon" in log


def test_an_unknown_field_is_a_warning_that_strict_mode_refuses(tmp_path):
    project = small_site(tmp_path, "unknown-field")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "WARNING -  docs/glossary/unknown-field.md: unknown front-matter field 'alias' is ignored." in result.stderr
    assert "check the spelling" in result.stderr


def test_a_wrong_option_names_mkdocs_yml_and_the_choices(tmp_path):
    log = failed_build(tmp_path, extra="extra:\n  glossary:\n    link: sometimes\n")
    assert "mkdocs.yml: extra.glossary.link is 'sometimes'. Use one of: first-per-page, first-per-section, " \
           "every-mention." in log


def test_a_page_the_linker_cannot_mark_names_the_page(tmp_path):
    # The linker marks links with Unicode noncharacters; a page holding all 32 of them is refused, by name.
    project = small_site(tmp_path)
    noncharacters = "".join(chr(c) for c in range(0xFDD0, 0xFDF0))
    (project / "docs" / "odd.md").write_text(f"# Odd\n\nThe context window {noncharacters}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/odd.md: the page holds every Unicode noncharacter from U+FDD0 to U+FDEF; remove them." in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_essay_with_a_bad_source_names_the_file_and_the_fields(tmp_path):
    project = small_site(tmp_path)
    essay = project / "docs" / "essays" / "one.md"
    essay.parent.mkdir()
    essay.write_text("---\nsource: a16z\n---\n\n# One\n\nThe context window.\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/essays/one.md: has a 'source' without a title. Write it as fields under 'source:'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_build_without_the_hook_stops_instead_of_publishing_unlinked_pages(tmp_path):
    # What a generator that ignores `hooks:` (Zensical 0.1) or a mkdocs.yml that lost the line would do.

    project = tmp_path / "project"
    shutil.copytree(SITES / "base" / "docs", project / "docs")
    (project / "overrides").symlink_to(ROOT / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("\n  - hooks/glossary_links.py\n", "\n")
    for hook in ("hooks/lightbox.py", "hooks/minify.py", "hooks/social_cards.py", "hooks/required.py"):
        config = config.replace(hook, str(ROOT / hook))
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", env={"SOCIAL_CARDS": "false"})  # their layout is in hooks/
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml: the glossary hook did not run, so no page would link its terms. " \
           "Add '- hooks/glossary_links.py' under 'hooks:'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_generator_that_runs_no_hooks_is_stopped_by_the_theme(tmp_path):

    project = tmp_path / "project"
    shutil.copytree(SITES / "base" / "docs", project / "docs")
    (project / "overrides").symlink_to(ROOT / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("hooks:")] + config[config.index("extra:"):]  # as if no hook ran at all
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", env={"SOCIAL_CARDS": "false"})  # the cards need a hook too
    assert result.returncode != 0
    assert "The glossary hook did not run: add hooks/glossary_links.py under 'hooks:' in mkdocs.yml" in result.stderr


def test_several_broken_term_pages_are_all_reported_in_one_build(tmp_path):
    # A compiler's way (issue #23): every term page is read and checked, every mistake printed, sorted by
    # file, then the build stops; before, each build showed the first and the writer built again.
    broken = ["summary-no-period", "missing-title", "broken-yaml", "duplicate-entry"]
    project = small_site(tmp_path)
    for name in broken:
        shutil.copy(SITES / "broken" / f"{name}.md", project / "docs" / "glossary" / f"{name}.md")
    log = failed_build(tmp_path, project=project)
    assert "4 mistakes in 4 files stop the build: fix them all, then build again." in log
    found = [line.split(":")[0].strip() for line in log.splitlines() if line.startswith("  docs/glossary/")]
    assert found == sorted(f"docs/glossary/{name}.md" for name in broken)
    assert "docs/glossary/duplicate-entry.md: is named 'Token' by its title, as docs/glossary/token.md" in log
    assert "the two pages look like two entries for one term. Merge them" in log
