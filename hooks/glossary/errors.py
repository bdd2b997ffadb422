"""The one shape of every message the engine gives a writer: the file, what is wrong, how to fix it."""

from __future__ import annotations


class GlossaryError(Exception):
    """A mistake in a term page, an essay, the options or the glossary as a whole, worded for a writer."""

    def __init__(self, source: str, problem: str, fix: str):
        self.source, self.problem, self.fix = source, problem, fix
        super().__init__(f"{source}: {problem} {fix}")
