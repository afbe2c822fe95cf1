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
from strategies import LAYOUTS, PERTURBED, STRATEGIES, pdf_text, perturbed, reports, to_run_together


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
        for row, columns in (got[table] or {}).items():  # a row the report does not have
            if row not in want[table]:  # type: ignore[operator]
                wrong.extend((table, row, c, None, v) for c, v in columns.items() if v is not None)
    for block, rows in want["active_disclosure"].items():  # type: ignore[attr-defined]
        for row, columns in rows.items():
            for column, value in columns.items():
                found = (((got["active_disclosure"] or {}).get(block) or {}).get(row) or {}).get(column)
                one(("active_disclosure", block, row, column), value, found)

    # a local row is kept under its own label with its values as printed, left to right (it has no
    # columns: an empty column beside them is its own business); a value of it is never wrong
    def bare(values: list[Any]) -> list[Any]:
        while values and values[0] is None:
            values = values[1:]
        while values and values[-1] is None:
            values = values[:-1]
        return values

    for table, label, values in want["extra_rows"]:  # type: ignore[attr-defined]
        rows = [r for r in got["extra_rows"] if r["table"] == table and label in r["label"]]
        if not rows:
            missed.append((table, label, values))
        elif bare(rows[0]["values"]) != bare(values):
            found = [v for v in rows[0]["values"] if v is not None]
            (missed if not found else wrong).append((table, label, values, rows[0]["values"]))
    return wrong, missed


_IN_DOUBT = {"cells.too_few", "cells.ambiguous", "cells.unconfirmed", "row.unbound_values"}
"""What the reading engine says of a row it leaves missing: no reading fits (too few cells), the
readings the rules leave disagree, or a rule fails on a row its layout does not vouch for; or
the pairing of labels and values printed apart left a row's values unpaired (a subtotal's
numbers printed above its group's label after a page footer, in PDF text)."""

AMBIGUOUS: dict[str, set[str]] = {
    "run together": {
        "table.unreadable",
        "cells.run_together_ambiguous",
        "limits.split_truncated",
        "template.unknown",
        *_IN_DOUBT,
    },
    # PDF text may run a blank row's label into the lines around it (a heading, a local row's
    # label): that row is then not found, and said so
    "pdf unruled": {*_IN_DOUBT, "row.missing"},
    "pdf text": {*_IN_DOUBT, "row.missing"},
    # rows not padded to the table's width: a blank cell at a row's end may be no cell
    "html2text": _IN_DOUBT,
    # one cell per line, rows told by their labels: a blank cell leaves no trace, and a row whose
    # cells are all blank leaves two row labels before the next values, whose row is not told
    "one cell per line": {*_IN_DOUBT, "table.out_of_order"},
    "markdown on one line": {*_IN_DOUBT, "table.out_of_order"},
}
"""The layouts that may leave values missing, and the diagnostics that must then say why, in the
table of the missing value. Only arithmetic splits a crawler dump's runs of digits, and it cannot
always decide (a table 2 row has no rule; a blank cell leaves no trace; a 2019 and a 2021 table 2
are told apart only by their labels). PDF text drops blank cells, so a row with a blank is short
of cells: where the rules leave several placements of its blanks, the cells they disagree on are
missing; so do one cell per line (docx2txt; markitdown's table in a table) and html2text's rows,
which are not padded to the table's width. Every other layout gives every value back."""


def assert_round_trip(layout: str, result: Report, report: Canonical) -> None:
    wrong, missed = compare(result.to_dict(), report)
    assert not wrong, f"{layout}: wrong values {wrong[:5]}"
    for item in missed:
        table = item[0][0] if isinstance(item[0], tuple) else item[0]
        spans = [t.span for t in result.tables if t.kind == table and t.used]
        reasons = {
            d.code
            for d in result.diagnostics
            if d.code in AMBIGUOUS.get(layout, set())
            and (
                table in d.message  # table.unreadable: no grid was rebuilt, so no table span
                if d.code == "table.unreadable"
                else any(s.start <= d.span.start and d.span.end <= s.end for s in spans)
                if d.span is not None
                else d.code == "template.unknown" and table == "active_disclosure"  # table 2 not mapped
            )
        }
        assert reasons, f"{layout}: missed {item} with no diagnostic that says why in its table"


SLOW = ("pdf", "pdf open borders", "pdf unruled", "pdf page breaks", "pdf repeated header", "run together")
"""Layouts whose parse is slower (writing and reading a PDF; the search over run-together readings):
they get a tenth of the profile's examples (at least 5), so CI stays fast; ``thorough`` runs
all 2,000 of each."""

SLOW_EXAMPLES = (
    settings().max_examples if settings().max_examples >= 2000 else max(5, settings().max_examples // 10)
)


@pytest.mark.parametrize("layout", sorted(set(LAYOUTS) - set(SLOW)))
@settings(deadline=None)
@given(report=reports())
def test_round_trip(layout: str, report: Canonical) -> None:
    check_round_trip(layout, report)


@pytest.mark.parametrize("layout", SLOW)
@settings(deadline=None, max_examples=SLOW_EXAMPLES)
@given(report=reports())
def test_round_trip_slow_layouts(layout: str, report: Canonical) -> None:
    if layout.startswith("pdf"):
        pytest.importorskip("pypdfium2")
    check_round_trip(layout, report)


def check_round_trip(layout: str, report: Canonical) -> None:
    result = parsed(layout, report)
    assert {t.strategy for t in result.tables if t.used} <= STRATEGIES.get(layout, {layout})
    assert_round_trip(layout, result, report)
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
    assert_round_trip(layout, parse(text), report)


@settings(deadline=None, suppress_health_check=[HealthCheck.large_base_example, HealthCheck.too_slow])
@given(report=reports(), data=st.data())
def test_round_trip_pdf_text(report: Canonical, data: st.DataObject) -> None:
    # pdfplumber's text of a report, drawn: detached and vertical labels, wrapped labels with the
    # numbers on the middle line, footers inside tables, table 4 on one line
    result = parse(data.draw(pdf_text(report), label="text"))
    assert {t.strategy for t in result.tables if t.used} <= {"pdftext"}
    assert_round_trip("pdf text", result, report)


def test_regression_lone_number_after_a_tika_cell_is_reported() -> None:
    # found by the perturbed Tika round trip (when the renderer still wrapped numbers): a number
    # alone on a line became a row of its own, and table 2 dropped a row of values without a
    # label silently; it is now row.unbound_values, as in table 3
    text = (
        "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\t第二十条第(九)项\n\n\t信息内容\n"
        "\t采购项目数量\n\t采购总金额\n\n\t政府集中采购\n\t0\n\t253\n9.58\n"
    )
    result = parse(text)
    # the lone number is kept in the cell above it (``253 9.58``): a wrapped number or a stray,
    # and the row's readings disagree
    assert any(
        d.severity is not Severity.INFO and d.span is not None and d.span.start <= 12 and d.span.end >= 11
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
    # never 52; the ``2`` on a line of its own may also be the rest of a wrapped 52 (it is paired
    # by order with a label further on), so the cell is 5 or, as now, missing
    assert result.active_disclosure.get("art20_1/normative_documents", "in_force").value in (None, 5)
    assert result.active_disclosure.get("art20_1/rules", "in_force").value == 0


def test_regression_run_together_lines_never_fuse_digits() -> None:
    from govinfo_report._normalize import normalize
    from govinfo_report._tables import runtogether

    lines = normalize("规章000\n行政规范性文件123\n行政许可550\n3\n行政处罚4119\n").lines
    grid = runtogether.rebuild(lines)
    assert grid is not None
    rows = [[c.text for c in row] for row in grid.rows]
    # two numbers, never ``5503``: for the schema to settle or leave missing
    assert ["行政许可", "550", "3"] in rows
    assert not any("5503" in cell for row in rows for cell in row)


def test_regression_run_together_line_after_a_placeholder_is_no_cell_for_sure() -> None:
    # found by the damage suite: ``行政许可—-442799`` (—, then -44 and 2799 run together) and a
    # stray year ``2022`` on the next line were read as — | -442799 | 2022, the only reading
    text = (
        "某市某某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容本年新制作数量本年新公开数量对外公开总数量\n规章92934328\n规范性文件58076531802\n"
        "第二十条第（五）项\n信息内容上一年项目数量本年增/减处理决定数量\n行政许可—-442799\n2022\n"
        "其他对外管理服务事项-160\n第二十条第（六）项\n信息内容上一年项目数量本年增/减处理决定数量\n"
        "行政处罚55-541482\n行政强制77081562163\n"
    )
    result = parse(text)
    assert {t.strategy for t in result.tables if t.kind == "active_disclosure"} == {"runtogether"}
    assert result.active_disclosure is not None
    row = dict(result.active_disclosure.row("art20_5/administrative_license").cells)
    assert row["change"].value in (None, -44) and row["decisions"].value in (None, 2799)
    assert any(
        d.code.startswith("cells.") and "administrative_license" in d.message for d in result.diagnostics
    )


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


# --- found by the round trip once it drew subtotals, local rows and PDF text ----------------------


def local_rows(template: str = "2021") -> Canonical:
    from render import Extra, canonical

    report = canonical(template)
    report.extras = [
        Extra("applications", "new_requests", "其中：网上申请", ("3", "1", "0", "0", "0", "0")),
        Extra("active_disclosure", "normative_documents", "其他主动公开文件", ("4", "0", "9")),
    ]
    return report


def test_regression_run_together_local_row_is_a_row_of_its_own() -> None:
    # ``行政规范性文件5127其他主动公开文件409``: the unknown label was glued into the row before,
    # and its numbers 409 were read as that row's (4 | 0 | 9 for 5 | 1 | 27)
    report = local_rows()
    result = parsed("run together", report)
    ad = result.active_disclosure
    assert ad is not None
    row = [ad.get("art20_1/normative_documents", c) for c in ("issued", "repealed", "in_force")]
    assert row[0].raw == "5127"  # 5 | 1 | 27 or 51 | 2 | 7 …: left missing, never 4 | 0 | 9
    assert [c.value for c in row] == [None, None, None]
    extra = {r.label: r for r in result.extra_rows}
    assert set(extra) == {"其中：网上申请", "其他主动公开文件"}


def test_regression_run_together_local_row_digits_are_never_one_number() -> None:
    # the local row's run ``409`` may be 4 | 0 | 9 or 40 | 9 …: no column count, no rule; it was
    # read as the number 409
    result = parsed("run together", local_rows())
    (row,) = [r for r in result.extra_rows if r.label == "其他主动公开文件"]
    assert [c.value for c in row.cells] == [None]
    assert row.cells[0].raw == "409"
    assert any(
        d.code == "cells.run_together_ambiguous" and "其他主动公开文件" in d.message
        for d in result.diagnostics
    )


def test_regression_markdown_local_row_drops_the_padding_of_a_wide_table() -> None:
    # a Markdown row as wide as the table: the local row's values ended in blank padding cells
    result = parsed("markdown", local_rows())
    (row,) = [r for r in result.extra_rows if r.label == "其中：网上申请"]
    assert [c.value for c in row.cells] == [3, 1, 0, 0, 0, 0, 4]


def test_regression_table_2_row_with_blanks_at_both_ends_is_placed_by_the_other_rows() -> None:
    # ``| 政府集中采购 |  | 0.00 |  |``: a blank cell before the value and a padding cell after it
    # left the row missing; the other rows of table 2 start their values in the first column
    from render import canonical

    report = canonical("2019")
    report.active["art20_9"]["centralized_procurement"] = ["", "0.00"]
    result = parsed("markdown", report)
    ad = result.active_disclosure
    assert ad is not None
    cells = (
        ad.get("art20_9/centralized_procurement", "projects"),
        ad.get("art20_9/centralized_procurement", "amount"),
    )
    assert (cells[0].state.value, cells[1].value) == ("blank", 0)
    # placed by the column its table's values start in: no error, no doubt
    assert not [d for d in result.diagnostics if d.code.startswith("cells.") and d.severity.value == "error"]


def test_regression_table_4_as_one_run_of_digits_is_split_by_r4() -> None:
    # a crawler dump printed table 4's fifteen numbers as one line of 25 digits, too long to be
    # one number: no strategy took the line, and the table was unreadable
    text = (
        "某局2020年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n"
        "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n"
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计\n"
        "9220131029143521122772132\n五、存在的主要问题及改进情况\n"
    )
    result = parse(text)
    assert result.review_litigation is not None
    review = result.review_litigation.to_dict()
    assert review["review"] == {"upheld": 9, "corrected": 2, "other": 2, "pending": 0, "total": 13}
    assert review["litigation_direct"] == {
        "upheld": 10,
        "corrected": 2,
        "other": 9,
        "pending": 14,
        "total": 35,
    }
    assert review["litigation_after_review"]["total"] == 132
    assert "cells.run_together_split" in {d.code for d in result.diagnostics}


def test_regression_pdf_table_continued_with_a_merged_row_is_joined() -> None:
    # the last row of table 3 (a local row whose label spans three columns) went to the next
    # page, where pdfplumber saw nine columns, not eleven: the row was dropped silently
    pytest.importorskip("pypdfium2")
    from render import Extra, canonical

    report = canonical("2021")
    report.org_subtotal, report.subtotals = True, "小计"
    report.extras = [
        Extra("applications", "carried_forward", "其中：当面申请", ("14", "0", "6", "9", "13", "0"))
    ]
    result = parsed("pdf", report)
    (row,) = [r for r in result.extra_rows if r.label == "其中：当面申请"]
    assert [c.value for c in row.cells] == [14, 0, 6, 9, 13, 0, 28, 42]


def test_regression_pdf_text_subtotal_row_under_its_group_heading() -> None:
    # ``（三）不予公开`` on a line, then ``小计 1 0 …``: the subtotal was not read
    text = (
        "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
        "（一）予以公开 1 0 0 0 0 0 1\n（三）不予公开\n小计 2 0 0 0 0 0 2\n1.属于国家秘密 2 0 0 0 0 0 2\n"
        "（四）无法提供\n2 0 0 0 0 0 2\n小计\n1.本机关不掌握相关政府信息 2 0 0 0 0 0 2\n"
    )
    result = parse(text)
    assert result.applications is not None
    assert result.applications.get("withheld", "total").value == 2
    assert result.applications.get("unavailable", "natural_person").value == 2  # the numbers above 小计


def test_regression_pdf_text_detached_numbers_never_pair_across_a_local_row() -> None:
    # numbers above a local row's label (其中：网上申请) belong to it, not to the next row's label;
    # pairing was all or nothing over the whole table and dropped every detached row
    text = (
        "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
        "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n3 0 0 0 0 0 3\n其中：网上申请\n"
        "二、上年结转政府信息公开申请数量\n1 0 0 0 0 0 1\n（一）予以公开 6 0 0 0 0 0 6\n"
    )
    result = parse(text)
    assert result.applications is not None
    assert result.applications.get("carried_over", "total").value == 1
    (row,) = [r for r in result.extra_rows if r.label == "其中：网上申请"]
    assert [c.value for c in row.cells] == [3, 0, 0, 0, 0, 0, 3]


# --- found by a review of the stretch pairing and the run-together split ---------------------------


def test_regression_heji_after_the_other_rows_is_not_their_subtotal() -> None:
    # 合计 after （六）'s children closes the results; it was taken for （六）'s printed subtotal
    text = (
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
        "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t3\t0\t0\t0\t0\t1\t4\n"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
        "3.其他\t0\t0\t0\t0\t0\t0\t0\n合计\t29\t4\t1\t1\t1\t3\t39\n"
    )
    result = parse(text)
    assert result.applications is not None
    assert "other" not in {row.key for row in result.applications.rows}
    assert [e.label for e in result.extra_rows] == ["合计"]


def test_regression_xiaoji_row_and_a_blank_child_leave_both_missing() -> None:
    # PDF text: 小计 right under （三）不予公开, one line of numbers, then 1.属于国家秘密 whose own
    # numbers (all blank) were dropped: the numbers went to 1.属于国家秘密
    text = (
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
        "（二）部分公开 4 0 1 0 0 0 5\n（三）不予公开\n小计\n1 0 0 0 0 0 1\n1.属于国家秘密\n"
        "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
    )
    result = parse(text)
    assert result.applications is not None
    assert result.applications.get("withheld.state_secret", "total").value is None
    assert result.applications.get("withheld", "total").value is None
    # the numbers may be either row's: both say so
    ambiguous = {d.message.split(":")[0] for d in result.diagnostics if d.code == "cells.ambiguous"}
    assert ambiguous == {"Row withheld", "Row withheld.state_secret"}


def test_regression_run_together_local_row_opening_with_a_year() -> None:
    # ``行政强制02022年本行政区域…：35``: the year is the local row's; it was read into the value
    # before it (2022 for 0, 12.752022 for 12.75)
    text = (
        "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章003行政规范性文件000"
        "第二十条第（五）项信息内容本年处理决定数量行政许可1024第二十条第（六）项信息内容本年处理决定数量"
        "行政处罚56行政强制02022年本行政区域政府信息公开发布总数量：35第二十条第（八）项信息内容"
        "本年收费金额（单位：万元）行政事业性收费12.752022年本行政区域政府信息公开发布总数量：35\n"
    )
    ad = parse(text).to_dict()["active_disclosure"]
    assert ad["art20_6"]["administrative_coercion"] == {"decisions": 0}
    assert ad["art20_8"]["administrative_fees"] == {"amount": 12.75}


def test_regression_run_together_repeated_row_digits_are_never_one_number() -> None:
    # a template row repeated in a dump is kept as a local row; its run ``010`` was read as 10
    text = (
        "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n规章003\n行政规范性文件5127\n规章010\n"
        "第二十条第（五）项\n信息内容本年处理决定数量\n行政许可1024\n"
    )
    result = parse(text)
    (again,) = [e for e in result.extra_rows if e.label == "规章"]
    assert [(c.raw, c.value) for c in again.cells] == [("010", None)]


def test_regression_carriage_returns_count_towards_the_line_limit() -> None:
    from govinfo_report import limits

    text = "某局2021年政府信息公开工作年度报告\r" + "一、总体情况\r" * (limits.MAX_INPUT_LINES + 5)
    result = parse(text)
    assert "limits.input_truncated" in {d.code for d in result.diagnostics}
    assert all(d.span is None or d.span.end <= limits.MAX_INPUT_LINES for d in result.diagnostics)


def test_regression_prose_with_numbers_above_a_dump_table_3_keeps_its_subtotal_column() -> None:
    # found by the thorough run: ``…行政复议37577起…`` in section 3's prose, above table 3's header,
    # ended the header early; the 小计 column went unseen, and eight run-together numbers were
    # split into seven columns that R3 happened to allow: wrong numbers
    from render import canonical

    report = canonical("2019")
    report.org_subtotal = True
    report.prose = {3: "2020年度发生政府信息公开行政复议37577起、行政诉讼0起。"}
    result = parsed("run together", report)
    assert result.applications is not None and "org_subtotal" in result.applications.columns
    wrong, _ = compare(result.to_dict(), report)
    assert wrong == []


def test_regression_run_together_blank_row_then_a_local_row_with_a_number() -> None:
    # found by the round trip after the review: ``行政事业性收费`` left blank, then the local row
    # ``本级政府信息公开发布数量141``: the local row was read as more of the label, and 141 as the fee
    from render import Extra, canonical

    report = canonical("2021")
    report.active["art20_8"]["administrative_fees"] = [""]
    report.extras = [Extra("active_disclosure", "administrative_fees", "本级政府信息公开发布数量", ("141",))]
    result = parsed("run together", report)
    assert result.active_disclosure is not None
    assert result.active_disclosure.get("art20_8/administrative_fees", "amount").value is None
    assert [e.label for e in result.extra_rows] == ["本级政府信息公开发布数量"]


def test_regression_run_together_row_ending_in_a_placeholder() -> None:
    # found by the round trip (dev profile): ``规章00/`` then ``行政规范性文件/``: a run ending in a
    # placeholder was cut from its label, and both rows were reported as labels without values
    from render import canonical

    report = canonical("2021")
    report.active["art20_1"]["rules"] = ["0", "0", "/"]
    report.active["art20_1"]["normative_documents"] = ["", "/", ""]
    report.active["art20_5"]["administrative_license"] = ["3"]
    text = to_run_together(report)
    assert "规章00/" in text and "行政规范性文件/" in text
    result = parse(text)
    ad = result.active_disclosure
    assert ad is not None
    # ``00/``: the placeholder is a cell of its own, ``00`` two cells (no number has a leading
    # zero): three cells for three columns, no blank can hide
    rules = [ad.get("art20_1/rules", c) for c in ("issued", "repealed", "in_force")]
    assert [(c.state.value, c.raw) for c in rules] == [("number", "0"), ("number", "0"), ("placeholder", "/")]
    assert any("read as 0 | 0 | /" in d.message for d in result.diagnostics)
    # ``/`` alone for three columns: the blanks a dump drops decide, left missing
    documents = [ad.get("art20_1/normative_documents", c).value for c in ("issued", "repealed", "in_force")]
    assert documents == [None] * 3
    assert not any(d.code == "row.unbound_values" for d in result.diagnostics)
    assert ad.get("art20_5/administrative_license", "decisions").value == 3


def test_regression_run_together_placeholder_between_numbers_is_a_cell() -> None:
    # ``规章0/0``: three cells for three columns, so no blank can hide: 0 | / | 0
    from render import canonical

    report = canonical("2021")
    report.active["art20_1"]["rules"] = ["0", "/", "7"]
    text = to_run_together(report)
    assert "规章0/7" in text
    ad = parse(text).active_disclosure
    assert ad is not None
    row = [ad.get("art20_1/rules", c) for c in ("issued", "repealed", "in_force")]
    assert [(c.state.value, c.value) for c in row] == [("number", 0), ("placeholder", None), ("number", 7)]


def test_regression_run_together_placeholder_words_are_cells() -> None:
    # found by the benchmark's generated reports: ``规范性文件无无1`` was read as a local row
    # ``无无`` holding 1, and the template row as a label without values
    from render import canonical

    report = canonical("2021")
    report.active["art20_1"]["normative_documents"] = ["无", "无", "1"]
    text = to_run_together(report)
    assert "规范性文件无无1" in text
    result = parse(text)
    ad = result.active_disclosure
    assert ad is not None
    row = [ad.get("art20_1/normative_documents", c) for c in ("issued", "repealed", "in_force")]
    assert [(c.state.value, c.value) for c in row] == [
        ("placeholder", None),
        ("placeholder", None),
        ("number", 1),
    ]
    assert not result.extra_rows


def test_regression_run_together_placeholders_in_a_row_are_one_cell_each() -> None:
    # found by the round trip (thorough profile): ``规章0//`` was a label without values, as
    # ``//`` is no placeholder; each ``/`` is a cell of its own, ``——`` one cell
    from render import canonical

    report = canonical("2021")
    report.active["art20_1"]["rules"] = ["0", "/", "/"]
    report.active["art20_1"]["normative_documents"] = ["——", "5", "/"]
    text = to_run_together(report)
    assert "规章0//" in text and "规范性文件——5/" in text
    ad = parse(text).active_disclosure
    assert ad is not None
    columns = ("issued", "repealed", "in_force")
    rules = [ad.get("art20_1/rules", c) for c in columns]
    assert [(c.state.value, c.raw) for c in rules] == [
        ("number", "0"),
        ("placeholder", "/"),
        ("placeholder", "/"),
    ]
    documents = [ad.get("art20_1/normative_documents", c) for c in columns]
    assert [(c.state.value, c.raw) for c in documents] == [
        ("placeholder", "——"),
        ("number", "5"),
        ("placeholder", "/"),
    ]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("/ 00000 /", ["/", 0, 0, 0, 0, 0, "/"]),
        ("0 / 0 / 000", [0, "/", 0, "/", 0, 0, 0]),
        ("0/0/000", [0, "/", 0, "/", 0, 0, 0]),  # no space: a slash is no digit of a number
    ],
)
def test_run_together_placeholders_are_cells_of_their_own(printed: str, expected: list[object]) -> None:
    # lxml's text of a page writes a table's cells run together, its placeholders among them
    from render import canonical

    text = to_run_together(canonical("2021"))
    text = text.replace("2.其他法律行政法规禁止公开0000000", "2.其他法律行政法规禁止公开" + printed)
    result = parse(text)
    assert result.applications is not None
    cells = [c for _, c in result.applications.row("withheld.prohibited_by_law").cells]
    assert [c.raw if c.state.value == "placeholder" else c.value for c in cells] == expected


def test_regression_run_together_number_on_the_line_under_a_blank_row_is_no_cell_for_sure() -> None:
    # found by an adversarial pass (damage suite, stray_year): a dump prints a row on one line;
    # ``行政强制`` (its one cell blank), then ``2025`` on a line of its own (a year, a page's
    # number, or the row's value wrapped) was read as its value
    from render import canonical

    report = canonical("2021")
    report.active["art20_6"]["administrative_coercion"] = [""]
    text = to_run_together(report)
    assert "\n行政强制\n" in text
    ad = parse(text.replace("\n行政强制\n", "\n行政强制\n2025\n")).active_disclosure
    assert ad is not None
    assert ad.get("art20_6/administrative_coercion", "decisions").value is None
    assert ad.get("art20_6/administrative_penalty", "decisions").value == 56


def test_regression_pdf_text_blank_row_label_run_into_a_local_row_s_is_no_row() -> None:
    # found by the thorough round trip: unruled PDF text ran the blank 规章 row's label into the
    # heading above and the local row below (``…规章其他主动公开文件 0 0 0``): read as 规章 0 | 0 | 0
    pytest.importorskip("pypdfium2")
    from render import Extra, canonical

    report = canonical("2021")
    report.active["art20_1"] = {"rules": ["", "", ""], "normative_documents": ["", "0", "0"]}
    report.extras = [Extra("active_disclosure", "rules", "其他主动公开文件", ("0", "0", "0"))]
    report.prose = {2: "（一）主动公开情况。2021年1月1日至12月31日，本机关在门户网站发布信息。"}
    result = parsed("pdf unruled", report)
    wrong, _ = compare(result.to_dict(), report)
    assert wrong == []
    assert result.active_disclosure is not None
    assert [
        result.active_disclosure.get("art20_1/rules", c).value for c in ("issued", "repealed", "in_force")
    ] == [None] * 3


def test_a_dash_before_a_number_in_a_dump_is_a_placeholder_or_a_minus_sign() -> None:
    # 2019 table 2's 本年增/减 column is signed: ``120—31024`` is 120 | — | 31024 or 120 | -3 | 1024
    from render import canonical

    report = canonical("2019")
    report.active["art20_5"]["administrative_license"] = ["120", "—3", "1024"]
    text = to_run_together(report)
    assert "行政许可120—31024" in text
    ad = parse(text).active_disclosure
    assert ad is not None
    cells = [
        ad.get("art20_5/administrative_license", c).value for c in ("previous_year", "change", "decisions")
    ]
    assert cells == [None, None, None]


# --- where a user sees them --------------------------------------------------------------------
