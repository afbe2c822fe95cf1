"""Hostile input: the work grows linearly with the input, and every limit hit is reported.

Work is counted, not timed: the Python function calls a parse makes (``cProfile``'s count, the
same on every run) and its peak memory (``tracemalloc``). Each input of ``tests/hostile.py`` is
parsed at two sizes, four times apart; the larger may cost at most a little over four times the
smaller. The 2 MB run of the same inputs, with times, is ``python tests/hostile.py`` (recorded in
docs/testing.md).
"""

from __future__ import annotations

import cProfile
import json
import pstats
import tracemalloc

import pytest

from govinfo_report import Report, parse
from govinfo_report import limits as limit_values
from hostile import HOSTILE

SMALL = 12_000
"""Bytes of the smaller input; the larger is four times as big."""

SLACK = 1.5
"""How much more than four times the work the larger input may cost (fixed costs shrink, some
paths, such as a row's readings, grow with what the input holds, not with its bytes)."""


def calls(text: str) -> int:
    profile = cProfile.Profile()
    profile.runcall(parse, text)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined,no-any-return]


def peak(text: str) -> int:
    tracemalloc.start()
    try:
        parse(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    parse(HOSTILE["whole reports"](SMALL))  # patterns compiled once, outside the counts


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_work_grows_linearly(name: str) -> None:
    small, large = HOSTILE[name](SMALL), HOSTILE[name](4 * SMALL)
    assert calls(large) <= 4 * SLACK * calls(small)
    assert peak(large) <= 4 * SLACK * peak(small) + 2_000_000


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_a_report(name: str) -> None:
    text = HOSTILE[name](4 * SMALL)
    report = parse(text)
    assert isinstance(report, Report)
    json.dumps(report.to_dict())
    lines = text.count("\n") + 1
    for d in report.diagnostics:
        assert d.span is None or 1 <= d.span.start <= d.span.end <= lines


def test_lines_past_the_limit_are_not_read_and_that_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limit_values, "MAX_INPUT_LINES", 50)
    report = parse(HOSTILE["numbered headings"](20_000))
    (truncated,) = [d for d in report.diagnostics if d.code == "limits.input_truncated"]
    assert "50" in truncated.message
    assert all(d.span is None or d.span.end <= 50 for d in report.diagnostics)


def test_a_row_of_more_cells_than_any_table_row_is_not_read() -> None:
    report = parse(HOSTILE["spaced numbers"](2_000))
    codes = {d.code for d in report.diagnostics}
    assert "limits.row_cells" in codes
    assert report.applications is not None
    assert report.applications.get("granted", "natural_person").value is None


def test_a_table_past_its_cell_limit_is_truncated_and_that_is_said() -> None:
    report = parse(HOSTILE["labels glued to digits"](400_000))
    assert "limits.table_truncated" in {d.code for d in report.diagnostics}
