"""The benchmark's own arithmetic: the interval it gives the median ratio, and the build-cost verdict it draws."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from run import TARGET_RATIO, cost_verdict, median_interval  # noqa: E402


# The distribution-free 95 % interval of a median from published tables (Conover, Practical Nonparametric
# Statistics): the r-th smallest and r-th largest of n values.
@pytest.mark.parametrize(("n", "rank"), [(6, 1), (10, 2), (20, 6), (30, 10), (50, 18)])
def test_the_median_interval_is_the_one_the_tables_give(n, rank):
    values = [float(v) for v in range(1, n + 1)]
    assert median_interval(list(reversed(values))) == (float(rank), float(n + 1 - rank))


def test_five_values_are_too_few_for_a_95_percent_interval():
    assert median_interval([1.0, 2.0, 3.0, 4.0, 5.0]) is None


def row(size, low, high):
    return {"size": size, "cpu_ratio": (low + high) / 2, "cpu_interval": (low, high), "ratio": (low + high) / 2}


@pytest.mark.parametrize(("intervals", "word"), [
    ([(1.02, 1.08), (1.00, TARGET_RATIO)], "PASS"),  # every interval at or under the target
    ([(1.02, 1.08), (1.05, 1.15)], "UNSETTLED"),  # one holds the target
    ([(1.05, 1.15), (1.11, 1.16)], "FAIL"),  # one is all over it, whatever the other says
])
def test_the_cost_verdict_reads_the_intervals(intervals, word):
    rows = [row(f"{i}x{i}", low, high) for i, (low, high) in enumerate(intervals, start=1)]
    assert cost_verdict(rows).startswith(f"- {word}:")
