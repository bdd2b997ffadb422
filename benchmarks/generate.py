"""Write a synthetic MkDocs site of N glossary terms and M other pages, for benchmarking the glossary hook.

The site looks like the real one at scale: term pages under `docs/glossary/` with
front matter the hook checks, and essays under `docs/essays/` whose filler prose
is sprinkled with mentions of terms (names, aliases, abbreviations, plurals,
possessives, mixed case) and that also hold the places where mentions must stay
unlinked (headings, code blocks, inline code, admonition and collapsible titles,
links). Same arguments and seed, same bytes.

Pages: M counts the pages that are not term pages: `docs/index.md`,
`docs/glossary/index.md` and M − 2 essays. The N term pages come on top.

    .venv/bin/python benchmarks/generate.py OUT_DIR --terms 250 --pages 250 [--words-per-page 1000] [--no-hook]
        [--sidebar index|all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOK = ROOT / "hooks" / "glossary_links.py"

# The engine's own rules for comparing names and forming plurals, so that the
# names generated here never collide (a shared name stops the build; a shared
# plural is silently dropped, which would change what gets linked).
sys.path.insert(0, str(ROOT / "hooks"))
from glossary.matcher import name_key, plural  # noqa: E402
from glossary.terms import slugify  # noqa: E402

# --- Vocabulary -------------------------------------------------------------
# Term names are built from these words only; the filler prose never uses them,
# so every mention in the text is one the generator put there on purpose.

HEADS = """model drift token policy buffer index batch kernel layer gradient sampler encoder decoder router probe
cache prior embedding adapter replay schedule checkpoint memory patch matrix vector tensor agent reward critic
horizon window graph query shard pipeline lattice sketch branch rollout benchmark optimizer tokenizer prompt
dataset ensemble manifold objective penalty circuit feature neuron channel filter codebook projection activation
attention curriculum""".split()

MODIFIERS = """sparse dense latent causal masked online offline stochastic residual contrastive adaptive elastic
synthetic recurrent frozen hybrid modular federated quantized pruned rotary greedy hierarchical episodic
semantic parametric low-rank multi-head self-supervised cross-entropy zero-shot long-context test-time mixture
variational bayesian orthogonal spectral discrete""".split()

# Words written with two or more capitals: they match only as written ("KV cache").
TAGS = ["KV", "QK", "MoE", "RoPE", "GQA", "SFT", "DPO", "LoRA"]

# Alternative endings that make an alias sharing the name as a prefix:
# "sparse model" and "sparse model scheme" (longest match must win).
ALIAS_SUFFIXES = ["scheme", "technique", "procedure", "regime"]

# File names under docs/glossary/ that the hook reads as the glossary's own pages, not as terms.
RESERVED_SLUGS = {"index", "readme"}

IRREGULAR = {"matrix": "matrices", "index": "indices", "vertex": "vertices"}

_FILLER = """the a an of and to in is that it for on with as was by at from this but not are or be have which one
all were when we there can been has more if no out so what up its about into than them only other new some could
these two may first then do any like now over such our even most made after also did many before must through
back where much your way well down should because each just those people how too little good very make world
still own see work long get here between both life being under never day same another know while last might us
great old year off come since against go came right used take three small large simple useful early later
careful slow fast clear hard easy common rare costly cheap system result question answer change process example
team data time problem idea approach practice reason effect cost step part number study paper research field
user engineer teacher student lesson language text word page book reader writer story number morning evening
afternoon week month office school kitchen garden city river road bridge house table chair letter note
learns keeps changes shows uses needs makes takes gives finds helps holds builds reads writes turns brings moves
starts stops tries seems runs grows falls leaves stays follows explains suggests remains returns carries
quickly slowly often rarely always sometimes usually nearly almost perhaps together apart instead again already
however although therefore meanwhile later soon""".split()

_TERM_NAMES = HEADS + MODIFIERS + ALIAS_SUFFIXES + list(IRREGULAR.values())
_TERM_WORDS = {w for name in _TERM_NAMES for w in re.split(r"[-\s]", name)}
_TERM_WORDS |= {plural(w) or w for w in list(_TERM_WORDS)}
FILLER = sorted({w for w in _FILLER if w not in _TERM_WORDS})

CODE_LANGUAGES = ["python", "yaml", "text"]
ADMONITIONS = ["note", "tip", "warning", "info"]

# Words of a body, as counted everywhere in the benchmark: runs of letters
# (with inner apostrophes and hyphens), in the Markdown source without front matter.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


# --- Terms ------------------------------------------------------------------


@dataclass
class Term:
    slug: str
    title: str
    name: str  # the main name, as mentions write it
    aliases: list[str]
    abbreviation: str | None
    related: list[str] = field(default_factory=list)

    def spellings(self) -> list[str]:
        """Every name a mention may use: main name, abbreviation, aliases."""
        found = [self.name] + ([self.abbreviation] if self.abbreviation else []) + self.aliases
        return [s for s in found if s]


class NameRegistry:
    """Keys of every name and generated plural taken so far, so a new name can never collide."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def _keys_of(self, name: str) -> set[str]:
        keys = {name_key(name)}
        form = plural(name)
        if form:
            keys.add(name_key(form))
        return keys

    def free(self, *names: str) -> bool:
        wanted = set()
        for name in names:
            keys = self._keys_of(name)
            if keys & wanted:
                return False
            wanted |= keys
        return not (wanted & self.keys)

    def take(self, *names: str) -> None:
        for name in names:
            self.keys |= self._keys_of(name)


def make_terms(count: int, seed: int) -> list[Term]:
    """The first `count` terms of the seed's sequence.

    Each term is decided from the ones before it only, so the 100 terms of a
    small site are the first 100 of a larger one (the term-doubling table
    relies on that). Early terms are single words ("model"); later ones extend
    earlier names ("model drift", "sparse model cache") so prefixes are shared.
    """
    rng = random.Random(f"terms-{seed}")
    registry = NameRegistry()
    terms: list[Term] = []
    singles = HEADS[:]
    rng.shuffle(singles)
    attempts = 0
    while len(terms) < count:
        attempts += 1
        if attempts > 200 * (count + 10):
            raise ValueError(f"could not find {count} distinct term names; extend the vocabulary")
        name = _candidate_name(rng, terms, singles)
        if name is None or not registry.free(name):
            continue
        term = _make_term(rng, name, registry)
        if term is None or term.slug in RESERVED_SLUGS or any(t.slug == term.slug for t in terms):
            continue
        term.related = _pick_related(rng, terms)
        terms.append(term)
    return terms


def _candidate_name(rng: random.Random, terms: list[Term], singles: list[str]) -> str | None:
    """A name shaped like one of: head, modifier head, name head, TAG head."""
    if singles and (len(terms) < 12 or rng.random() < 0.08):
        return singles.pop()
    roll = rng.random()
    if roll < 0.45:
        return f"{rng.choice(MODIFIERS)} {rng.choice(HEADS)}"
    if roll < 0.75 and terms:  # extend an existing name: "model" → "model drift"
        base = rng.choice(terms[-200:]).name
        if base.count(" ") + base.count("-") >= 2:
            return None
        return f"{base} {rng.choice(HEADS)}"
    if roll < 0.85:
        return f"{rng.choice(TAGS)} {rng.choice(HEADS)}"
    return f"{rng.choice(MODIFIERS)} {rng.choice(HEADS)} {rng.choice(HEADS)}"


def _make_term(rng: random.Random, name: str, registry: NameRegistry) -> Term | None:
    """Title, abbreviation and aliases for a name, all checked free before any is taken."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(set(words)) < len(words):
        return None  # "model model"
    abbreviation = None
    if len(words) >= 2 and rng.random() < 0.7:
        initials = "".join(w[0] for w in words).upper()
        for option in (initials, initials + words[-1][1].upper(), initials + words[-1][1:3].upper()):
            if registry.free(name, option):
                abbreviation = option
                break
    aliases: list[str] = []
    last = words[-1]
    if last in IRREGULAR:  # "sparse matrix" → "sparse matrices"
        aliases.append(name[: -len(last)] + IRREGULAR[last])
    if len(words) >= 2 and rng.random() < 0.35:  # "sparse model" → "sparse model scheme"
        aliases.append(f"{name} {rng.choice(ALIAS_SUFFIXES)}")
    names = [name] + ([abbreviation] if abbreviation else [])
    aliases = [a for a in aliases if registry.free(*names, a)]
    if not registry.free(*names, *aliases):
        return None
    registry.take(*names, *aliases)

    title = " ".join(w if _is_exact(w) else w[:1].upper() + w[1:] for w in name.split(" "))
    if abbreviation and rng.random() < 0.5:
        title_text, alias_list = f"{title} ({abbreviation})", aliases
    else:
        title_text, alias_list = title, ([abbreviation] if abbreviation else []) + aliases
    return Term(slugify(title_text), title_text, name, alias_list, abbreviation)


def _is_exact(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _pick_related(rng: random.Random, earlier: list[Term]) -> list[str]:
    """Two or three earlier terms (they exist in every prefix of the sequence)."""
    if not earlier:
        return []
    return [t.slug for t in rng.sample(earlier, min(len(earlier), rng.randint(2, 3)))]


# --- Prose ------------------------------------------------------------------


class Writer:
    """Writes prose for one page: filler sentences with mentions of a focus set of terms."""

    def __init__(self, rng: random.Random, focus: list[Term], mention_rate: float = 0.45):
        self.rng = rng
        self.focus = focus
        self.mention_rate = mention_rate

    def mention(self, term: Term | None = None) -> str:
        """A mention as a writer would spell it: any name, sometimes plural or possessive, in varied case."""
        rng = self.rng
        term = term or rng.choice(self.focus)
        text = rng.choice(term.spellings()) if rng.random() < 0.35 else term.name
        roll = rng.random()
        if roll < 0.2 and plural(text):
            text = plural(text)
        elif roll < 0.27:
            text += "'s"
        if rng.random() < 0.3 and "-" in text:
            text = text.replace("-", " ")  # "low-rank" written "low rank"
        return self.vary_case(text)

    def vary_case(self, text: str) -> str:
        """Random case for words that match in any case; capitalised words stay as written."""
        roll = self.rng.random()
        if roll < 0.75:
            return text
        words = text.split(" ")
        if roll < 0.92:
            words[0] = words[0] if _is_exact(words[0]) else words[0][:1].upper() + words[0][1:]
        else:
            words = [w if _is_exact(w) else w[:1].upper() + w[1:] for w in words]
        return " ".join(words)

    def words(self, count: int) -> list[str]:
        return [self.rng.choice(FILLER) for _ in range(count)]

    def sentence(self, low: int = 7, high: int = 20, mentions: bool = True) -> str:
        words = self.words(self.rng.randint(low, high))
        if mentions:
            for _ in range(2):
                if self.rng.random() < self.mention_rate:
                    words.insert(self.rng.randrange(len(words) + 1), self.mention())
        if self.rng.random() < 0.15 and len(words) > 6:
            words[len(words) // 2] += ","
        first = words[0]
        if first and first[0].islower():
            words[0] = first[0].upper() + first[1:]
        return " ".join(words) + self.rng.choice("....?")

    def paragraph(self, sentences: tuple[int, int] = (3, 6)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def heading_text(self) -> str:
        """A heading that names a term: the name must stay unlinked there."""
        name = self.mention()
        words = self.words(self.rng.randint(1, 4))
        words.insert(self.rng.randrange(len(words) + 1), name)
        text = " ".join(words)
        return text[:1].upper() + text[1:]


# --- Pages ------------------------------------------------------------------


def term_page(term: Term, writer: Writer) -> str:
    """A term page: checked front matter and a short body (~150 words) with the documented sections."""
    rng = writer.rng
    summary = _summary(writer)
    meta = {"title": term.title, "summary": summary}
    if term.aliases:
        meta["aliases"] = term.aliases
    if term.related:
        meta["related"] = term.related
    own = writer.vary_case(term.name)
    body = [
        f"The {own} is {_lower_first(writer.paragraph((3, 4)))}",
        "## Example",
        writer.paragraph((2, 4)),
        "## Why it matters",
        writer.paragraph((2, 3)) + f" Without the {term.name}, {' '.join(writer.words(rng.randint(5, 9)))}.",
    ]
    return _front_matter(meta) + "\n\n".join(body) + "\n"


def _summary(writer: Writer) -> str:
    """One plain sentence of at most 200 characters, no markup (the hook checks both)."""
    text = writer.sentence(8, 22, mentions=False)
    return text if len(text) <= 200 else text[:199].rsplit(" ", 1)[0] + "."


def essay_page(number: int, words_wanted: int, writer: Writer, terms_by_slug: dict[str, Term]) -> str:
    """An essay of about `words_wanted` words: sections of prose and one of each kind of block."""
    rng = writer.rng
    title = f"Essay {number}: " + writer.heading_text()
    meta = {"title": title, "description": writer.sentence(8, 16, mentions=False)}
    blocks = [f"# {title}", writer.paragraph()]
    extras = [
        _list_block, _table_block, _admonition_block, _details_block, _code_block, _inline_code_block, _link_block
    ]
    rng.shuffle(extras)
    words = sum(count_words(b) for b in blocks)
    while words < words_wanted:
        section = [f"{'##' if rng.random() < 0.8 else '###'} {writer.heading_text()}", writer.paragraph()]
        if extras:
            section.append(extras.pop()(writer, terms_by_slug))
        else:
            section.append(writer.paragraph())
        blocks.extend(section)
        words += sum(count_words(b) for b in section)
    return _front_matter(meta) + "\n\n".join(blocks) + "\n"


def _list_block(writer: Writer, _terms) -> str:
    return "\n".join(f"- {writer.sentence(5, 12)}" for _ in range(writer.rng.randint(3, 5)))


def _table_block(writer: Writer, _terms) -> str:
    rows = ["| Term | Where it shows up | Note |", "|---|---|---|"]
    for _ in range(writer.rng.randint(3, 5)):
        rows.append(f"| {writer.mention()} | {' '.join(writer.words(4))} | {writer.sentence(4, 8)} |")
    return "\n".join(rows)


def _admonition_block(writer: Writer, _terms) -> str:
    kind = writer.rng.choice(ADMONITIONS)
    return f'!!! {kind} "{writer.heading_text()}"\n\n    {writer.paragraph((2, 3))}'


def _details_block(writer: Writer, _terms) -> str:
    return f'??? info "{writer.heading_text()}"\n\n    {writer.paragraph((2, 3))}'


def _code_block(writer: Writer, _terms) -> str:
    """Term names as identifiers, strings and comments: code is never linked."""
    rng = writer.rng
    language = rng.choice(CODE_LANGUAGES)
    names = [writer.mention() for _ in range(3)]
    lines = [
        f"# {names[0]} and {names[1]}",
        f"{_identifier(names[1])} = load({names[2]!r})",
        f"for step in {_identifier(names[0])}:",
        f"    update(step, note={' '.join(writer.words(3))!r})",
    ]
    return f"```{language}\n" + "\n".join(lines) + "\n```"


def _identifier(name: str) -> str:
    return re.sub(r"\W+", "_", name.lower()).strip("_")


def _inline_code_block(writer: Writer, _terms) -> str:
    sentence = writer.sentence()
    return f"Set `{_identifier(writer.mention())}` or `{writer.mention()}` before {_lower_first(sentence)}"


def _link_block(writer: Writer, terms: dict[str, Term]) -> str:
    """A hand-made link whose text is a term name: text inside links stays as it is."""
    term = writer.rng.choice(writer.focus)
    return f"See [{term.name}](../glossary/{term.slug}.md) for {_lower_first(writer.paragraph((1, 2)))}"


def _lower_first(text: str) -> str:
    """Lower-case a sentence's first letter, unless its first word is written in capitals ("KV cache")."""
    first = text.split(" ", 1)[0]
    return text if _is_exact(first) else text[:1].lower() + text[1:]


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


# --- The project ------------------------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """Reads the real mkdocs.yml, whose MkDocs tags (`!ENV`, `!relative`) we do not need, as plain YAML."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


SIDEBARS = ("index", "all")  # the glossary hook's `nav` option: what the sidebar lists of the glossary


def site_config(hook: bool, hook_path: Path | str = HOOK, sidebar: str = "index", docs: Path | None = None) -> dict:
    """mkdocs.yml of the synthetic site: Material, search, glightbox and the real site's Markdown extensions.

    Both builds get the same sidebar, or the plain one would pay for a navigation the other does not
    have (Material writes the whole sidebar into every page). With `sidebar="index"` (the hook's
    default, and the real site's) the hook shows the glossary as one link, to its index; the plain
    build gets an explicit `nav` that lists the same pages (home, the essays' section, the glossary's
    index), so it needs `docs`, the folder with the essays. With `sidebar="all"` the hook lists every
    term page, as MkDocs' own navigation does without `nav`.
    """
    if sidebar not in SIDEBARS:
        raise ValueError(f"sidebar must be one of {SIDEBARS}, not {sidebar!r}")
    real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    config = {
        "site_name": "Glossary benchmark",
        "theme": {
            "name": "material",
            "font": False,
            "features": ["content.tooltips", "navigation.indexes", "navigation.top", "search.suggest"],
        },
        "plugins": [
            {"search": {"separator": r'[\s\-,:;!?=\[\]()"/]+|\.(?!\d)'}},
            {"glightbox": {"auto_themed": True}},
        ],
        "extra": {"glossary": {"dir": "glossary", "link": "first-per-page", "boost": 2, "nav": sidebar}},
        "markdown_extensions": real["markdown_extensions"],
    }
    if hook:
        config["hooks"] = [str(Path(hook_path).resolve())]
    elif sidebar == "index":
        if docs is None:
            raise ValueError("the plain build's sidebar is listed from the pages: give `docs`")
        essays = sorted(path.relative_to(docs).as_posix() for path in (docs / "essays").glob("*.md"))
        # What MkDocs' own navigation shows once the hook has put the glossary's index in its section's place.
        config["nav"] = ["index.md", {"Essays": essays}, "glossary/index.md"]
    return config


def write_config(
    out_dir: Path | str, hook: bool = True, name: str = "mkdocs.yml", hook_path: Path | str = HOOK,
    sidebar: str = "index",
) -> Path:
    path = Path(out_dir) / name
    config = site_config(hook, hook_path, sidebar, docs=Path(out_dir) / "docs")
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def generate(
    out_dir,
    terms: int = 40,
    pages: int = 40,
    words_per_page: int = 1000,
    seed: int = 0,
    hook: bool = True,
    hook_path: Path | str = HOOK,
    mention_terms: int | None = None,
    sidebar: str = "index",
) -> dict:
    """Write the whole project into `out_dir`; return its size (terms, pages, words).

    `pages` counts the home page, the glossary's index and the essays (so
    `pages - 2` essays of `words_per_page` words); the term pages come on top.
    With `mention_terms=K`, the home page and essays mention only the first K
    terms, so they come out byte for byte the same whatever the number of terms
    (the term-doubling table holds the text fixed this way).
    """
    if pages < 3:
        raise ValueError("pages must be at least 3: home, glossary index and one essay")
    out = Path(out_dir)
    docs = out / "docs"
    (docs / "glossary").mkdir(parents=True, exist_ok=True)
    (docs / "essays").mkdir(parents=True, exist_ok=True)

    all_terms = make_terms(terms, seed)
    by_slug = {t.slug: t for t in all_terms}
    pool = all_terms[:mention_terms] if mention_terms else all_terms
    # Term pages and the essays draw from separate generators, so that the
    # essays do not change when only the number of term pages does.
    term_rng = random.Random(f"term-pages-{seed}-{terms}")
    text_rng = random.Random(f"essays-{seed}-{len(pool)}-{pages}-{words_per_page}")
    words = {"terms": 0, "essays": 0, "other": 0}
    text_digest = hashlib.sha256()

    def write(path: Path, text: str, kind: str) -> None:
        path.write_text(text, encoding="utf-8")
        words[kind] += count_words(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)
        if kind == "essays":
            text_digest.update(text.encode())

    for term in all_terms:
        others = term_rng.sample(all_terms, min(len(all_terms), 4))
        write(docs / "glossary" / f"{term.slug}.md", term_page(term, Writer(term_rng, others, 0.25)), "terms")
    write(docs / "glossary" / "index.md", _front_matter({"title": "Glossary"}) + "# Glossary\n\n"
          + Writer(term_rng, all_terms, 0).paragraph() + "\n", "other")

    home = Writer(text_rng, text_rng.sample(pool, min(len(pool), 8)))
    write(docs / "index.md", _front_matter({"title": "Home"}) + "# Glossary benchmark\n\n"
          + "\n\n".join(home.paragraph() for _ in range(3)) + "\n", "essays")

    # Popular terms are mentioned by many essays, rare ones by a few (Zipf-like weights).
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(pool))]
    for number in range(1, pages - 1):
        focus = _distinct(text_rng.choices(pool, weights, k=text_rng.randint(25, 45)))
        page = essay_page(number, words_per_page, Writer(text_rng, focus), by_slug)
        write(docs / "essays" / f"essay-{number:04d}.md", page, "essays")

    write_config(out, hook=hook, hook_path=hook_path, sidebar=sidebar)  # after the pages: a plain nav lists them
    size = {
        "terms": terms,
        "pages": pages,
        "all_pages": terms + pages,
        "words_per_page": words_per_page,
        "seed": seed,
        "words": sum(words.values()),
        "essay_words": words["essays"],
        "term_words": words["terms"],
        "mention_terms": len(pool),
        "essays_digest": text_digest.hexdigest()[:12],
    }
    (out / "size.json").write_text(json.dumps(size, indent=2) + "\n", encoding="utf-8")
    return size


def _distinct(terms: list[Term]) -> list[Term]:
    return list({t.slug: t for t in terms}.values())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path, help="folder to write the project into (created)")
    parser.add_argument("--terms", type=int, default=40, help="number of term pages (N)")
    parser.add_argument("--pages", type=int, default=40, help="number of other pages (M): home, glossary index, essays")
    parser.add_argument("--words-per-page", type=int, default=1000, help="words per essay")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--mention-terms", type=int, help="essays mention only the first K terms (text independent of --terms)"
    )
    parser.add_argument("--no-hook", action="store_true",
                        help="leave the glossary hook out of mkdocs.yml (and list the same sidebar in `nav`)")
    parser.add_argument("--sidebar", choices=SIDEBARS, default="index",
                        help="the glossary in the sidebar: its index only (default, as the real site) or every term")
    args = parser.parse_args(argv)
    size = generate(args.out_dir, args.terms, args.pages, args.words_per_page, args.seed, hook=not args.no_hook,
                    mention_terms=args.mention_terms, sidebar=args.sidebar)
    print(json.dumps(size))


if __name__ == "__main__":
    main()
