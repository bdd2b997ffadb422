"""hooks/glossary/contract.py is the one list of the class names and data- attributes that the engine's
HTML, its scripts, its stylesheets and the theme's templates share: none of them uses a name it does
not list, and it lists no name that nothing uses. Read as text, in milliseconds, with no build."""

from __future__ import annotations

import re
from pathlib import Path

from glossary import contract
from support import ROOT

ASSETS = ROOT / "docs" / "assets"
HOOKS = ROOT / "hooks"

# Every script and stylesheet the site serves as its own (not the vendored libraries), and the templates.
SCRIPTS = sorted(path for path in ASSETS.rglob("*.js") if "vendor" not in path.parts)
STYLESHEETS = sorted(path for path in ASSETS.rglob("*.css") if "vendor" not in path.parts)
TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))

# A class (or id) of the engine's: glossary-… or essay-…, BEM-style. Not a custom property (--glossary-…),
# and not a file name ("glossary-study-progress.json", the study page's export).
CLASS = re.compile(r"(?<![\w-])(?:glossary|essay)-[a-z0-9]+(?:(?:--?|__)[a-z0-9]+)*(?![\w-]*\.(?:json|js|css)\b)")
ATTRIBUTE = re.compile(r"(?<![\w-])data-[a-z0-9]+(?:-[a-z0-9]+)*")
# A custom property a script sets is shared with the stylesheet; those a stylesheet sets are its own.
PROPERTY = re.compile(r"--glossary-[a-z0-9-]+")
# data- attributes that are not the engine's: Material's (its palette, its components, the search partial
# copied into overrides/), and the lightbox start's addresses (hooks/lightbox.py, overrides/main.html).
NOT_THE_ENGINES = re.compile(r"data-md-.*|data-clipboard(-text)?|data-script|data-style")

COMMENTS = {
    ".js": re.compile(r"/\*.*?\*/|(?<![:\w\\])//[^\n]*", re.S),  # not the // of a URL or of a regex literal
    ".css": re.compile(r"/\*.*?\*/", re.S),
    ".html": re.compile(r"\{#.*?#\}|<!--.*?-->", re.S),
}


def code_of(path: Path) -> str:
    """The file without its comments, which may name anything."""
    return COMMENTS[path.suffix].sub(" ", path.read_text(encoding="utf-8"))


def listed() -> dict[str, str]:
    """Every name contract.py lists, with the constant that holds it."""
    names = {}
    for constant, value in vars(contract).items():
        if constant.isupper():
            for name in value if isinstance(value, tuple) else (value,):
                names[name] = constant
    return names


def used_in(path: Path) -> set[str]:
    code = code_of(path)
    names = set(CLASS.findall(code))
    names |= {name for name in ATTRIBUTE.findall(code) if not NOT_THE_ENGINES.fullmatch(name)}
    if path.suffix == ".js":
        names |= set(PROPERTY.findall(code))
    return names


def test_the_files_it_covers_are_there():
    # If a file moved, the checks below would pass over it without a word.
    names = {path.relative_to(ROOT).as_posix() for path in (*SCRIPTS, *STYLESHEETS, *TEMPLATES)}
    assert {
        "docs/assets/glossary/glossary.js",
        "docs/assets/glossary/glossary.css",
        "docs/assets/study.js",
        "docs/assets/study.css",
        "overrides/404.html",
        "overrides/main.html",
    } <= names


def test_scripts_stylesheets_and_templates_use_only_names_the_contract_lists():
    names = listed()
    unlisted = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (*SCRIPTS, *STYLESHEETS, *TEMPLATES)
        for name in used_in(path)
        if name not in names
    }
    assert not unlisted, "add these to hooks/glossary/contract.py, or use a listed name:\n" + "\n".join(
        sorted(unlisted)
    )


def test_the_contract_lists_no_name_that_nothing_uses():
    # Used: by the engine's HTML (a module of hooks/ names the constant), or by a script, stylesheet or template.
    python = "\n".join(
        path.read_text(encoding="utf-8") for path in HOOKS.rglob("*.py") if path.name != "contract.py"
    )
    in_python = set(re.findall(r"\bcontract\.([A-Z_]+)\b", python))
    in_files = set().union(*(used_in(path) for path in (*SCRIPTS, *STYLESHEETS, *TEMPLATES)))
    unused = {
        f"{constant} = {name!r}"
        for name, constant in listed().items()
        if constant not in in_python and name not in in_files
    }
    assert not unused, "nothing uses these; remove them from hooks/glossary/contract.py:\n" + "\n".join(
        sorted(unused)
    )


def test_the_checks_see_a_name_that_is_not_listed(tmp_path):
    # A check that cannot fail is worse than none: an unlisted class, attribute and property are found.
    script = tmp_path / "new.js"
    script.write_text(
        '/* glossary-in-a-comment data-in-a-comment */\n'
        'el.classList.add("glossary-new"); el.setAttribute("data-new", "");  // essay-not-this\n'
        'document.body.style.setProperty("--glossary-new-height", "1px");\n'
        'save("glossary-study-progress.json");\n',
        encoding="utf-8",
    )
    assert used_in(script) - set(listed()) == {"glossary-new", "data-new", "--glossary-new-height"}
