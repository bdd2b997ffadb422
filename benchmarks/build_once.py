"""Build one MkDocs site in this process and print what it cost, as one line of JSON.

`run.py` starts a fresh interpreter for every build so that each build pays the
same start-up costs and `ru_maxrss` is the peak memory of that build alone.

    python benchmarks/build_once.py path/to/mkdocs.yml SITE_DIR [--profile FILE]

Prints {"wall": s, "cpu": s, "user_cpu": s, "system_cpu": s, "load_cpu": s, "hook": s, "hook_events": {...},
"plugins": {...}, "peak_mb": MB}.

"wall" covers loading the config (which imports the hook) and the build; "cpu" is
the processor time this process spent on the same (user and system; unlike wall
time, it does not count the time spent waiting for a core on a busy machine), split
into "user_cpu" (the build's own code) and "system_cpu" (the kernel's, mostly creating
the site's folders and files), "load_cpu" the part of it
spent loading the config, which imports the hook; "hook"
is the time spent inside the hook's own event handlers, "hook_events" splits it
by event, and "plugins" gives the time inside every other plugin's handlers
(search, glightbox), to show where a build with the hook spends its extra time.

MkDocs 1.6 loads each `hooks:` entry as a module and puts it in
`config.plugins` under its path, next to the plugins; each `on_*` function or
method is registered in `config.plugins.events`. Between loading the config and
building, we swap every registration for a timed wrapper.

Each part of the build whose instructions `instructions.py` splits out is called through a C
function that nothing else in a build calls, so that the function's inclusive cost in callgrind's
profile is that part's: the config's loading (which imports the hooks) through
`contextvars.Context.run`, the hooks' handlers through `operator.call`, the plugins' through
`sys.call_tracing` (about 0.3 µs a call, both builds alike).
"""

from __future__ import annotations

import argparse
import contextvars
import cProfile
import functools
import json
import logging
import operator
import os
import resource
import sys
import time
import types
from collections import defaultdict

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


class Timer:
    """Seconds spent in the handlers of the hooks (by event; page content split by term vs other
    pages) and of the plugins (by plugin)."""

    def __init__(self, glossary_dir: str, profiler: cProfile.Profile | None = None):
        self.hook_seconds: dict[str, float] = defaultdict(float)
        self.plugin_seconds: dict[str, float] = defaultdict(float)
        self.glossary_prefix = glossary_dir.strip("/") + "/"
        self.profiler = profiler  # switched on inside the hooks' handlers only

    def wrap_hook(self, event: str, handler):
        @functools.wraps(handler)  # keeps `mkdocs_priority`, if the hook sets one
        def timed(*args, **kwargs):
            key = event
            if event == "page_content":
                page = kwargs.get("page")
                on_term_page = page is not None and page.file.src_uri.startswith(self.glossary_prefix)
                key = "page_content_terms" if on_term_page else "page_content_other"
            if self.profiler:
                self.profiler.enable()
            start = time.perf_counter()
            try:
                return operator.call(handler, *args, **kwargs)
            finally:
                self.hook_seconds[key] += time.perf_counter() - start
                if self.profiler:
                    self.profiler.disable()

        return timed

    def wrap_plugin(self, name: str, handler):
        @functools.wraps(handler)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return _call_tracing(handler, *args, **kwargs)
            finally:
                self.plugin_seconds[name] += time.perf_counter() - start

        return timed

    @property
    def hook_total(self) -> float:
        return sum(self.hook_seconds.values())


def _call_tracing(function, *args, **kwargs):
    return sys.call_tracing(functools.partial(function, *args, **kwargs), ())


def _owner(handler, event: str, plugins) -> tuple[str, object] | None:
    """The plugin or hook module that registered `handler` for `event`."""
    for name, plugin in plugins.items():
        method = getattr(plugin, f"on_{event}", None)
        candidates = getattr(method, "methods", None) or [method]  # a CombinedEvent holds several
        if any(handler == candidate for candidate in candidates if candidate is not None):
            return name, plugin
    return None


def time_handlers(config, timer: Timer) -> int:
    """Replace every registered event handler by a timed wrapper; return how many belong to hooks."""
    hooks_wrapped = 0
    for event, handlers in config.plugins.events.items():
        for i, handler in enumerate(handlers):
            owner = _owner(handler, event, config.plugins)
            if owner is None:
                continue
            name, plugin = owner
            if isinstance(plugin, types.ModuleType):
                handlers[i] = timer.wrap_hook(event, handler)
                hooks_wrapped += 1
            else:
                handlers[i] = timer.wrap_plugin(name, handler)
    return hooks_wrapped


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config", help="mkdocs.yml to build")
    parser.add_argument("site_dir", help="where to write the site")
    parser.add_argument("--profile", help="write a cProfile of the hook's handlers (only) to this file")
    args = parser.parse_args(argv)

    # Warnings and errors on stderr as the CLI shows them; INFO lines are not worth their cost here.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)

    profiler = cProfile.Profile() if args.profile else None
    start, start_cpu = time.perf_counter(), time.process_time()
    start_usage = resource.getrusage(resource.RUSAGE_SELF)
    config = contextvars.copy_context().run(load_config, config_file=args.config, site_dir=args.site_dir)
    load_cpu = time.process_time() - start_cpu  # config read and checked, hooks imported
    glossary_dir = str(((config.extra or {}).get("glossary") or {}).get("dir", "glossary"))
    timer = Timer(glossary_dir, profiler)
    wrapped = time_handlers(config, timer)
    build(config)  # raises (and exits non-zero) if the build fails
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    usage = resource.getrusage(resource.RUSAGE_SELF)

    if profiler:
        profiler.dump_stats(args.profile)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "user_cpu": usage.ru_utime - start_usage.ru_utime,
                "system_cpu": usage.ru_stime - start_usage.ru_stime,
                "load_cpu": load_cpu,
                "hook": timer.hook_total,
                "hook_events": dict(timer.hook_seconds),
                "plugins": dict(timer.plugin_seconds),
                "handlers_wrapped": wrapped,
                "peak_mb": peak_kb / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
