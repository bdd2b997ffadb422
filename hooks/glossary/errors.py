"""The one shape of every message the engine gives a writer: the file, what is wrong, how to fix it.

A build reads and checks every page before it stops, as a compiler does: the mistakes it finds
are reported together (`raise_all`), so fourteen pages with one slip take one build, not fourteen.
"""

from __future__ import annotations

from collections.abc import Iterable


class GlossaryError(Exception):
    """A mistake in a term page, an essay, the options or the glossary as a whole, worded for a writer."""

    def __init__(self, source: str, problem: str, fix: str):
        self.source, self.problem, self.fix = source, problem, fix
        super().__init__(f"{source}: {problem} {fix}")

    @property
    def mistakes(self) -> list[GlossaryError]:
        """Each mistake this error reports: itself alone, unless it gathers several."""
        return [self]


class GlossaryErrors(GlossaryError):
    """Several mistakes found in one build, one per line, sorted by file; the first line counts them."""

    def __init__(self, mistakes: Iterable[GlossaryError]):
        self._mistakes = sorted(_each_once(mistakes), key=lambda mistake: mistake.source)  # stable: a file's in order
        files = len({mistake.source for mistake in self._mistakes})
        problem = f"{len(self._mistakes)} mistakes in {files} file{'s' if files > 1 else ''} stop the build:"
        self.source, self.problem, self.fix = self._mistakes[0].source, problem, "Fix them all, then build again."
        Exception.__init__(self, "\n".join([f"{problem} fix them all, then build again."]
                                           + [f"  {mistake}" for mistake in self._mistakes]))

    @property
    def mistakes(self) -> list[GlossaryError]:
        return list(self._mistakes)


def raise_all(mistakes: Iterable[GlossaryError]) -> None:
    """Stop the build if any mistake was found: with its own message if it is the only one, else with all."""
    found = _each_once(mistakes)
    if len(found) == 1:
        raise found[0]
    if found:
        raise GlossaryErrors(found)


def _each_once(mistakes: Iterable[GlossaryError]) -> list[GlossaryError]:
    """Every single mistake, those gathered in a `GlossaryErrors` too; one found twice is reported once."""
    return list({str(each): each for mistake in mistakes for each in mistake.mistakes}.values())
