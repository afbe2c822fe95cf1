"""Rules across years (docs/format.md §4): the same organ's reports of consecutive years.

* **R6**: year N's 上年结转 (``carried_over``) equals year N−1's 结转下年度继续办理
  (``carried_forward``), column by column.
* **R8** (2019 template, table 2): year N−1's 上一年项目数量 + 本年增/减 equals year N's
  上一年项目数量, row by row.

Reports are grouped by organ (compared as folded text) and year; an organ-year given twice is
not compared (which of the two is right cannot be told). A cell that holds no number skips its
rule, as in one report's checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ._text import fold
from ._vocab import AD_COLUMNS, AD_ROWS, APP_COLUMNS_WITH_SUBTOTAL
from .model import CanonicalTable, Check, Report

_R8_ROWS: tuple[str, ...] = tuple(
    f"{spec.block}/{spec.key}"
    for spec in AD_ROWS
    if "2019" in spec.templates and "previous_year" in AD_COLUMNS["2019"].get(spec.block, ())
)
"""The 2019 table 2 rows that print 上一年项目数量 (第二十条第（五）（六）（八）项)."""


def check_series(reports: Iterable[Report]) -> tuple[Check, ...]:
    """R6 and R8 for every organ's consecutive years among ``reports`` (any order)."""
    by_organ: dict[str, dict[int, list[Report]]] = {}
    for report in reports:
        if report.organ and report.year is not None:
            by_organ.setdefault(fold(report.organ), {}).setdefault(report.year, []).append(report)
    checks: list[Check] = []
    for years in by_organ.values():
        for year in sorted(years):
            before, now = years.get(year - 1), years[year]
            if before is None or len(before) != 1 or len(now) != 1:
                continue
            checks.extend(_r6(before[0], now[0]))
            checks.extend(_r8(before[0], now[0]))
    return tuple(checks)


def _count(table: CanonicalTable | None, row: str, column: str) -> int | None:
    if table is None:
        return None
    value = table.get(row, column).value
    return value if isinstance(value, int) else None


def _r6(before: Report, now: Report) -> Iterator[Check]:
    a, b = before.year, now.year
    for column in APP_COLUMNS_WITH_SUBTOTAL:
        forward = _count(before.applications, "carried_forward", column)
        over = _count(now.applications, "carried_over", column)
        if forward is None or over is None:
            continue
        yield Check(
            "R6",
            "applications",
            (f"{a}/carried_forward:{column}", f"{b}/carried_over:{column}"),
            forward,
            over,
            forward == over,
            f"{b}/carried_over:{column}",
            message=(
                f"{b} carried over {over} in {column}; {a} carried forward {forward}."
                if forward != over
                else ""
            ),
        )


def _r8(before: Report, now: Report) -> Iterator[Check]:
    if before.template != "2019" or now.template != "2019":
        return
    a, b = before.year, now.year
    for row in _R8_ROWS:
        previous = _count(before.active_disclosure, row, "previous_year")
        change = _count(before.active_disclosure, row, "change")
        following = _count(now.active_disclosure, row, "previous_year")
        if previous is None or change is None or following is None:
            continue
        expected = previous + change
        yield Check(
            "R8",
            "active_disclosure",
            (f"{a}/{row}:previous_year", f"{a}/{row}:change", f"{b}/{row}:previous_year"),
            expected,
            following,
            expected == following,
            f"{b}/{row}:previous_year",
            message=(
                f"{b} {row} previous year {following}; {a} gives {previous} {change:+d} = {expected}."
                if expected != following
                else ""
            ),
        )


__all__ = ["check_series"]
