"""Count the instructions a build executes with and without the hook: a cost this machine's speed swings cannot move.

Wall times on a shared virtual machine swing by a third from one build to the
next (benchmarks/README.md); the number of instructions a build executes does
not. This script builds synthetic sites with and without the hook under
Valgrind's callgrind (about 50 times slower than a normal build, so keep the
sites small) and prints the two counts, their ratio, and where the extra goes:
the hook's own handlers, loading the config (which imports the hook), the other
plugins' handlers (mkdocs-glightbox reads every page, so a longer page costs it
more), and the rest of MkDocs and Material. Each of those parts runs through a C
function of its own (see `build_once.py`), whose inclusive cost
callgrind's profile gives. Debian's `valgrind` package provides callgrind; the
hook is byte-compiled first, as in run.py.

An instruction is not a unit of time: code that waits on memory or mispredicted
branches (the hook's regular expressions, its HTML parser, Python's dictionaries)
takes longer per instruction than the average of a build, so the ratio of CPU
time (run.py) comes out higher than this one.

    .venv/bin/python benchmarks/instructions.py [--sizes 40x40,100x100] [--seed 0]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate, write_config  # noqa: E402
from run import hook_fingerprint, parse_sizes, snapshot_hook  # noqa: E402

# The C function each part of a build runs through (build_once.py).
MARKERS = {"hook": "_operator_call", "config": "context_run", "plugins": "sys_call_tracing"}
_INCLUSIVE = re.compile(r"^\s*([\d,]+) .*?:(\w+) ")


def count(config: Path, site_dir: Path, profile: Path) -> dict[str, int]:
    """Instructions executed by one build in a fresh interpreter, in all and by part, as callgrind counts them."""
    command = [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}", "--cache-sim=no",
        sys.executable, str(HERE / "build_once.py"), str(config), str(site_dir),
    ]
    # The system allocator instead of Python's own, which Valgrind cannot follow as well; one hash seed, since
    # strings' hashes order sets and decide dicts' collisions, so that two runs of the same sources count the same.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONMALLOC": "malloc", "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    total = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not total:
        print(done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"FAILED: the build of {config} under callgrind exited with {done.returncode}.")
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(profile)],
                               capture_output=True, text=True, check=True).stdout
    counts = {"total": int(total.group(1))}
    for line in annotated.splitlines():
        found = _INCLUSIVE.match(line)
        if found:
            for part, function in MARKERS.items():
                if found.group(2) == function:
                    counts[part] = max(counts.get(part, 0), int(found.group(1).replace(",", "")))
    return counts


def measure(size, seed: int, hook: Path, work: Path) -> tuple[dict, dict[str, dict[str, int]]]:
    site = work / f"site-{size}"
    info = generate(site, terms=size.terms, pages=size.pages, seed=seed, hook_path=hook)
    configs = {"plain": write_config(site, hook=False, name="mkdocs-plain.yml"), "hook": site / "mkdocs.yml"}
    counts = {kind: count(config, work / f"out-{size}-{kind}", work / f"callgrind-{size}-{kind}.out")
              for kind, config in configs.items()}
    return info, counts


def report(size, info: dict, counts: dict[str, dict[str, int]]) -> list[str]:
    plain, hook = counts["plain"], counts["hook"]
    extra = hook["total"] - plain["total"]
    parts = {
        "the hook's handlers": hook.get("hook", 0),
        "loading the config, which imports the hook": hook.get("config", 0) - plain.get("config", 0),
        "the other plugins' handlers": hook.get("plugins", 0) - plain.get("plugins", 0),
    }
    parts["the rest of MkDocs and Material"] = extra - sum(parts.values())
    lines = [
        f"{size} ({info['words']:,} words):",
        f"- instructions without the hook: {plain['total']:,}",
        f"- instructions with the hook:    {hook['total']:,}",
        f"- ratio: {hook['total'] / plain['total']:.3f}×; the extra, {extra / 1e6:,.0f} million, goes to:",
    ]
    lines += [f"  - {name}: {value / 1e6:,.0f} million ({100 * value / extra:.0f} %)" for name, value in parts.items()]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("40x40"),
                        help="terms×pages, comma-separated (default: 40x40)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    missing = [tool for tool in ("valgrind", "callgrind_annotate") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"{', '.join(missing)} not found (Debian: apt-get install valgrind).")

    work = Path(tempfile.mkdtemp(prefix="glossary-instructions-"))
    try:
        hook = snapshot_hook(work)
        print(f"hook sources {hook_fingerprint()}; callgrind, one build of each kind per size")
        for size in args.sizes:
            info, counts = measure(size, args.seed, hook, work)
            print("\n".join(report(size, info, counts)), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
