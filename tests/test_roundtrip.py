"""Round trip: a canonical report with known values, rendered into a layout, parsed back.

Every value must come back, or (where a layout is ambiguous) be left null with a diagnostic;
a value that comes back must be the right one, and a blank or a placeholder never becomes a
number.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import Report, Severity, parse, parse_bytes
from render import Canonical, expected
from strategies import LAYOUTS, PERTURBED, STRATEGIES, perturbed, reports


def parsed(layout: str, report: Canonical) -> Report:
    rendered = LAYOUTS[layout](report)
    return parse_bytes(rendered) if isinstance(rendered, bytes) else parse(rendered)


def compare(got: dict[str, Any], report: Canonical) -> tuple[list[Any], list[Any]]:
    """(wrong values, missed values) of ``got`` against the canonical report."""
    want = expected(report)
    wrong: list[Any] = []
    missed: list[Any] = []

    def one(where: tuple[str, ...], value: Any, found: Any) -> None:
        if found == value or (value is None and found is None):
            return
        if found is None:
            missed.append((where, value))
        else:
            wrong.append((where, value, found))

    for table in ("applications", "review_litigation"):
        for row, columns in want[table].items():  # type: ignore[attr-defined]
            for column, value in columns.items():
                one((table, row, column), value, ((got[table] or {}).get(row) or {}).get(column))
    for block, rows in want["active_disclosure"].items():  # type: ignore[attr-defined]
        for row, columns in rows.items():
            for column, value in columns.items():
                found = (((got["active_disclosure"] or {}).get(block) or {}).get(row) or {}).get(column)
                one(("active_disclosure", block, row, column), value, found)
    return wrong, missed


SLOW = ("pdf", "pdf open borders", "run together")
"""Layouts whose parse takes up to seconds (pdfplumber; the search over run-together readings):
they get a tenth of the profile's examples (at least 5), so CI stays fast; ``thorough`` still
runs 200 of each."""


@pytest.mark.parametrize("layout", sorted(set(LAYOUTS) - set(SLOW)))
@settings(deadline=None)
@given(report=reports())
def test_round_trip(layout: str, report: Canonical) -> None:
    check_round_trip(layout, report)


@pytest.mark.parametrize("layout", SLOW)
@settings(deadline=None, max_examples=max(5, settings().max_examples // 10))
@given(report=reports())
def test_round_trip_slow_layouts(layout: str, report: Canonical) -> None:
    if layout.startswith("pdf"):
        pytest.importorskip("pdfplumber")
    check_round_trip(layout, report)


def check_round_trip(layout: str, report: Canonical) -> None:
    result = parsed(layout, report)
    assert {t.strategy for t in result.tables if t.used} <= STRATEGIES.get(layout, {layout})
    wrong, missed = compare(result.to_dict(), report)
    assert not wrong, f"{layout}: wrong values {wrong[:5]}"
    if missed:  # an ambiguous layout may leave cells null, but must say so
        assert any(d.severity is not Severity.INFO for d in result.diagnostics), (
            f"{layout}: silent misses {missed[:5]}"
        )
    # never the other template; unknown only where the layout hid the labels that tell them apart,
    # and then said so (a run-together table 2 of blanks and zeros may be unreadable)
    assert result.template in (report.template, None)
    if result.template is None:
        assert "template.unknown" in {d.code for d in result.diagnostics}
    assert result.year == report.year


# --- bugs the round trip found, kept as regressions ---------------------------------------------


def zeros(template: str = "2021") -> Canonical:
    from render import canonical

    report = canonical(template)
    report.applications = {k: [0] * 6 for k in report.applications}
    report.review = {k: [0] * 4 for k in report.review}
    for rows in report.active.values():
        for key, cells in rows.items():
            rows[key] = ["0"] * len(cells)
    return report


def test_regression_run_together_one_row_per_line_is_read() -> None:
    # a crawler dump with one table row per line (``规章000``) was unreadable: the layout was
    # recognised only when a whole table ran on one long line
    report = zeros()
    result = parsed("run together", report)
    assert "table.unreadable" not in {d.code for d in result.diagnostics}
    wrong, missed = compare(result.to_dict(), report)
    assert (wrong, missed) == ([], [])


def test_regression_run_together_blank_beside_money_is_not_split() -> None:
    # a blank 采购项目数量 beside 10.00 runs together as ``10.00``: it was read as 1 | 0.00
    from render import canonical

    report = canonical("2019")
    report.active["art20_9"]["centralized_procurement"] = ["", "10.00"]
    result = parse(LAYOUTS["run together"](report))  # type: ignore[arg-type]
    cells = (
        result.active_disclosure.to_dict()["art20_9"]["centralized_procurement"]
        if result.active_disclosure
        else {}
    )
    assert cells == {"projects": None, "amount": None}
    assert "cells.run_together_ambiguous" in {d.code for d in result.diagnostics}


@pytest.mark.parametrize("layout", sorted(PERTURBED))
@settings(deadline=None, suppress_health_check=[HealthCheck.large_base_example, HealthCheck.too_slow])
@given(report=reports(), data=st.data())
def test_round_trip_perturbed(layout: str, report: Canonical, data: st.DataObject) -> None:
    text = data.draw(perturbed(PERTURBED[layout](report), layout), label="text")
    result = parse(text)
    wrong, missed = compare(result.to_dict(), report)
    assert not wrong, f"{layout}: wrong values {wrong[:5]}"
    if missed:
        assert any(d.severity is not Severity.INFO for d in result.diagnostics), (
            f"{layout}: silent misses {missed[:5]}"
        )


def test_regression_lone_number_after_a_tika_cell_is_reported() -> None:
    # found by the perturbed Tika round trip (when the renderer still wrapped numbers): a number
    # alone on a line became a row of its own, and table 2 dropped a row of values without a
    # label silently; it is now row.unbound_values, as in table 3
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\t第二十条第(九)项\n\n\t信息内容\n"
        "\t采购项目数量\n\t采购总金额\n\n\t政府集中采购\n\t0\n\t253\n9.58\n"
    )
    result = parse(text)
    assert any(
        d.severity is not Severity.INFO and d.span is not None and d.span.start <= 12 <= d.span.end
        for d in result.diagnostics
        if d.code != "sections.missing"
    )


def test_regression_pdf_text_with_glued_rows_is_not_a_crawler_dump() -> None:
    # review of the one-row-per-line dump: three pdfplumber rows that glue label and number made the
    # region a dump, whose lines were then joined with no separator: 5 / 2 became 52
    text = (
        "某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 0 5 5\n2\n"
        "第二十条第（五）项\n行政许可550\n第二十条第（六）项\n行政处罚4119\n行政强制195\n"
    )
    result = parse(text)
    assert {t.strategy for t in result.tables if t.kind == "active_disclosure"} == {"pdftext"}
    assert result.active_disclosure is not None
    assert result.active_disclosure.get("art20_1/normative_documents", "in_force").value == 5


def test_regression_run_together_lines_never_fuse_digits() -> None:
    from govinfo_report.normalize import normalize
    from govinfo_report.tables import runtogether

    lines = normalize("规章000\n行政规范性文件123\n行政许可550\n3\n行政处罚4119\n").lines
    grid = runtogether.rebuild(lines)
    assert grid is not None
    rows = [[c.text for c in row] for row in grid.rows]
    assert ["行政许可", "550 3"] in rows  # two numbers, for the schema to settle or leave missing


def test_regression_full_width_digits_outside_cells() -> None:
    # after NFKC-free patterns were narrowed to ASCII digits, full-width page footers stayed in
    text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n１．主动公开情况\n正文\n－ ２ －\n"
    result = parse(text)
    assert "normalize.page_footer" in {d.code for d in result.diagnostics}
    assert [s.heading for s in result.sections[0].subsections] == ["１．主动公开情况"]


def test_regression_run_together_table_2_of_placeholders_leaves_the_template_unknown() -> None:
    # found by the CI round trip: a 2019 dump whose table 2 runs placeholders into zeros (``规章0/0``)
    # is unreadable, and tables 3 and 4 do not tell the templates apart; the template is then None
    # with template.unknown, never guessed
    report = zeros("2019")
    report.active = {
        "art20_1": {"rules": ["0", "/", "0"], "normative_documents": ["/", "0", "0"]},
        "art20_5": {"administrative_license": ["0", "0", "0"], "other_external_management": ["0", "/", "0"]},
        "art20_6": {"administrative_penalty": ["0", "/", "0"], "administrative_coercion": ["/", "", "0"]},
        "art20_8": {"administrative_fees": ["0", ""]},
        "art20_9": {"centralized_procurement": ["/", ""]},
    }
    check_round_trip("run together", report)
    result = parsed("run together", report)
    assert result.template in ("2019", None)
