"""Count the instructions a build executes with and without the hook: a cost this machine's speed swings cannot move.

Wall times on a shared virtual machine swing by a third from one build to the
next (benchmarks/README.md); the number of instructions a build executes does
not. This script builds one synthetic site with and without the hook under
Valgrind's callgrind (about 50 times slower than a normal build, so keep the
site small) and prints the two counts and their ratio. Debian's `valgrind`
package provides it; the hook is byte-compiled first, as in run.py.

    .venv/bin/python benchmarks/instructions.py [--terms 40] [--pages 40]
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
from run import hook_fingerprint, snapshot_hook  # noqa: E402

_COLLECTED = re.compile(r"Collected : (\d+)")


def count(config: Path, site_dir: Path) -> int:
    """Instructions executed by one build in a fresh interpreter, as callgrind counts them."""
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--cache-sim=no",
        sys.executable, str(HERE / "build_once.py"), str(config), str(site_dir),
    ]
    # The system allocator instead of Python's own, which Valgrind cannot follow as well.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONMALLOC": "malloc"}
    done = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or not found:
        print(done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"FAILED: the build of {config} under callgrind exited with {done.returncode}.")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--terms", type=int, default=40)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind).")

    work = Path(tempfile.mkdtemp(prefix="glossary-instructions-"))
    try:
        hook = snapshot_hook(work)
        info = generate(work / "site", terms=args.terms, pages=args.pages, seed=args.seed, hook_path=hook)
        configs = {"plain": write_config(work / "site", hook=False, name="mkdocs-plain.yml"),
                   "hook": work / "site" / "mkdocs.yml"}
        counts = {kind: count(config, work / f"out-{kind}") for kind, config in configs.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.terms}×{args.pages} ({info['words']:,} words), hook sources {hook_fingerprint()}:")
    print(f"- instructions without the hook: {counts['plain']:,}")
    print(f"- instructions with the hook:    {counts['hook']:,}")
    print(f"- ratio: {counts['hook'] / counts['plain']:.3f}×")


if __name__ == "__main__":
    main()
