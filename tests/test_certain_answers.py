"""Regressions of issue 12 ("certain answers"): each class of damage that used to put a value in
the wrong cell, on the row that showed it, in a report whose every number is distinct and non-zero
(a zero hides a shift). After the damage, every value is its own cell's truth or missing, and a
missing one is said so on or next to its row. Hidden markup (class 6) is in
``test_hidden_markup.py``, converter text (class 7) in ``test_zoo.py``, titles (class 8) in
``test_meta.py``; the damage suite (``test_damage.py``) draws all of them at random."""

from __future__ import annotations

import random
from typing import Any

from damage_bases import pdf_text
from govinfo_report import CellState, Report, parse
from render import Canonical, _result_keys, canonical, consistent, expected, to_html, to_text
from strategies import to_markdown, to_split_pipes, to_tika


def distinct(template: str = "2021") -> Canonical:
    """The canonical report with distinct non-zero numbers in table 3 (R1, R2, R3 hold)."""
    keys = _result_keys(template)
    results = {k: [10 * i + c + 1 for c in range(6)] for i, k in enumerate(keys)}
    report = canonical(template)
    report.applications = consistent(results, [301, 302, 303, 304, 305, 306], [7, 8, 9, 11, 13, 17])
    return report


def _truth(report: Canonical) -> dict[tuple[str, str], Any]:
    want: dict[str, Any] = expected(report)["applications"]  # type: ignore[assignment]
    return {(row, column): value for row, values in want.items() for column, value in values.items()}


def assert_truth_or_missing(report: Canonical, parsed: Report, *, near: int | None = None) -> list[str]:
    """Every table 3 value is its cell's truth or missing; returns the missing cells. ``near``: a
    line whose row loses cells must have a diagnostic on it or next to it."""
    got = parsed.to_dict()["applications"] or {}
    missing = []
    for (row, column), value in _truth(report).items():
        found = (got.get(row) or {}).get(column)  # a row not found is missing too
        assert found in (None, value), f"{row}/{column}: truth {value}, got {found}"
        if found is None and value is not None:
            missing.append(f"{row}/{column}")
    if missing and near is not None:
        assert any(
            d.span is not None and d.span.start - 1 <= near <= d.span.end + 1
            for d in parsed.diagnostics
            if d.code.startswith(("cells.", "row.", "limits."))
        ), missing
    return missing


def _edit_row(text: str, label: str, edit: Any) -> tuple[str, int]:
    """``text`` with the tab row that holds ``label`` changed by ``edit(cells) -> cells``; the
    row's line number."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if label in line and "\t" in line)
    lines[at] = "\t".join(edit(lines[at].split("\t")))
    return "\n".join(lines), at + 1


# Fourteen of these nineteen tests fail against the code before the reading engine (commit
# 4841189): a value came back in the wrong cell or as a blank, or nothing said a row's numbers
# went unread. The other five (a short or long tab row, an extra empty HTML cell, stray lines
# between tab rows, cells printed apart) pin the same classes in layouts that already held them.

# --------------------------------------------------------------------------- 1. one cell short


def test_a_lost_html_cell_never_slides_the_values_left() -> None:
    # 1.属于国家秘密 | 21 | 22 | 23 | 24 | 25 | 26 | 141 without its 23: 24 was read as research
    report = distinct()
    html = to_html(report).replace("<td>22</td><td>23</td>", "<td>22</td>", 1)
    parsed = parse(html)
    missing = assert_truth_or_missing(report, parsed)
    assert missing and all(m.startswith("withheld.state_secret/") for m in missing)
    assert any(
        d.code.startswith("cells.") and "withheld.state_secret" in d.message for d in parsed.diagnostics
    )


def test_a_tab_row_one_cell_short_never_slides_its_values_left() -> None:
    report = distinct()
    # （一）予以公开 1 2 3 4 5 6 21: the 3 is lost, so six cells follow the label
    text, line = _edit_row(to_text(report), "予以公开", lambda cells: [*cells[:4], *cells[5:]])
    missing = assert_truth_or_missing(report, parse(text), near=line)
    assert missing and all(m.startswith("granted/") for m in missing)


def test_a_lost_separator_is_no_number_of_its_own() -> None:
    # | 21 | 22 | in a Markdown row printed | 2122 |: 2122 was read as commercial
    report = distinct()
    text = to_markdown(report).replace("| 21 | 22 |", "| 2122 |", 1)
    parsed = parse(text)
    assert_truth_or_missing(report, parsed)
    assert parsed.applications is not None
    assert all(c.value != 2122 for _, c in parsed.applications.row("withheld.state_secret").cells)


def test_a_lost_separator_in_an_html_cell_is_no_number_of_its_own() -> None:
    report = distinct()
    html = to_html(report).replace("<td>32</td><td>33</td>", "<td>3233</td>", 1)
    assert_truth_or_missing(report, parse(html))


def test_a_trailing_separator_is_not_taken_for_a_blank_total() -> None:
    report = distinct()
    # every row ends with a tab (a dump's habit); 予以公开 lost its 3: ``1 2 4 5 6 21 ⇥``, whose
    # trailing separator is no blank 总计 with the values slid left
    lines = [line + "\t" if line.count("\t") >= 7 else line for line in to_text(report).split("\n")]
    text, line = _edit_row("\n".join(lines), "予以公开", lambda cells: [*cells[:4], *cells[5:]])
    parsed = parse(text)
    missing = assert_truth_or_missing(report, parsed, near=line)
    assert missing and all(m.startswith("granted/") for m in missing)
    assert parsed.applications is not None
    assert parsed.applications.get("granted", "total").state is not CellState.BLANK


def test_a_blank_total_beside_numbers_is_not_given_as_blank() -> None:
    report = distinct()
    # no row of the table ends with a separator: ``1 2 3 4 5 6 ⇥`` is a blank 总计 (the report's
    # error) or a lost 总计 and a trailing tab; the six values are kept (every reading that the
    # column sums leave agrees on them), the total is missing, not blank
    text, line = _edit_row(to_text(report), "予以公开", lambda cells: [*cells[:-1], ""])
    parsed = parse(text)
    assert_truth_or_missing(report, parsed, near=line)
    assert parsed.applications is not None
    granted = parsed.applications.row("granted")
    assert [c.value for _, c in granted.cells][:5] == [1, 2, 3, 4, 5]
    assert parsed.applications.get("granted", "total").state is CellState.MISSING


def test_a_lost_first_cell_and_a_trailing_tab_never_slide_the_values_left() -> None:
    # found by a review: ``2.没有现成信息需要另行制作`` without its 111 and with a trailing tab,
    # in a table whose other rows end without one, was read 112 113 … one column left
    report = distinct()
    text, line = _edit_row(to_text(report), "没有现成信息", lambda cells: [cells[0], *cells[2:], ""])
    missing = assert_truth_or_missing(report, parse(text), near=line)
    assert missing and all(m.startswith("unavailable.needs_creation/") for m in missing)


# --------------------------------------------------------------------------- 2. one cell long


def test_a_duplicated_cell_never_slides_the_values_right() -> None:
    report = distinct()
    text, line = _edit_row(to_text(report), "予以公开", lambda cells: [*cells[:2], cells[2], *cells[2:]])
    assert_truth_or_missing(report, parse(text), near=line)


def test_an_extra_empty_html_cell_never_slides_the_values_right() -> None:
    report = distinct()
    html = to_html(report).replace("<td>1.属于国家秘密</td>", "<td>1.属于国家秘密</td><td></td>", 1)
    assert_truth_or_missing(report, parse(html))


def test_a_duplicated_value_line_is_no_longer_number() -> None:
    # split pipe rows: the line ``26`` written twice was read as 2626
    report = distinct()
    text = to_split_pipes(report).replace("\n26\n|\n", "\n26\n26\n|\n", 1)
    parsed = parse(text)
    assert_truth_or_missing(report, parsed)
    assert parsed.applications is not None
    assert parsed.applications.get("withheld.state_secret", "other_org").value != 2626


# --------------------------------------------------------------------------- 3. stray, lost lines


def test_stray_lines_between_tika_rows_bind_nothing() -> None:
    # a line before a Tika row's label (``续表：``, a year, a footer, prose with numbers) moved
    # every value below it one row up: 2.其他法律行政法规禁止公开's 32 was read as 1.属于国家秘密's
    report = distinct()
    text = to_tika(report)
    for stray in ("续表：", "2022年", "1/9", "- 3 -", "全年共收到申请878件，办结146件。"):
        damaged = text.replace("\t2.其他法律行政法规禁止公开", f"{stray}\n\t2.其他法律行政法规禁止公开", 1)
        assert_truth_or_missing(report, parse(damaged))


def test_stray_lines_between_tab_rows_bind_nothing() -> None:
    report = distinct()
    text = to_text(report)
    for stray in ("续表", "3", "- 3 -", "3/6", "2023年"):
        damaged = text.replace("（二）部分公开", f"{stray}\n（二）部分公开", 1)
        missing = assert_truth_or_missing(report, parse(damaged))
        assert not missing, stray


def test_a_lost_item_label_does_not_invent_the_group_subtotal() -> None:
    # ``（五）不予处理\t1.信访举报投诉类申请\t…`` lost its item label: the group's label was taken
    # for a subtotal row the report does not print, holding the item's numbers
    report = distinct()
    text = to_text(report).replace("（五）不予处理\t1.信访举报投诉类申请\t", "（五）不予处理\t", 1)
    parsed = parse(text)
    assert_truth_or_missing(report, parsed)
    subtotal = (parsed.to_dict()["applications"] or {}).get("not_processed") or {}
    assert set(subtotal.values()) <= {None}
    codes = {d.code for d in parsed.diagnostics}
    assert "row.missing" in codes and codes & {"cells.unconfirmed", "cells.ambiguous"}


def test_a_lost_item_label_in_a_pipe_table_does_not_invent_the_group_subtotal() -> None:
    # found by the damage suite: ``| （六）其他处理 | 1.申请人…不再处理… | 181 …`` without its
    # item's label: no rule checks a subtotal against items that are not all there, and the
    # heading kept the item's numbers as the group's subtotal
    report = distinct()
    results = {k: v for k, v in report.applications.items() if k in _result_keys("2021")}
    results["other.fee_unpaid"] = results["other.other"] = [0] * 6  # R2 then holds with it
    report.applications = consistent(results, [301, 302, 303, 304, 305, 306], [7, 8, 9, 11, 13, 17])
    item = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | "
    text = to_markdown(report).replace(item, "", 1)
    parsed = parse(text)
    assert_truth_or_missing(report, parsed)
    subtotal = (parsed.to_dict()["applications"] or {}).get("other") or {}
    assert set(subtotal.values()) <= {None}


def test_two_rows_merged_on_one_line_give_neither_the_other_s_values() -> None:
    # two tab rows run into one line: 2.其他法律…'s values were read as 1.属于国家秘密's
    report = distinct()
    lines = to_text(report).split("\n")
    at = next(i for i, line in enumerate(lines) if "国家秘密" in line)
    lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
    assert_truth_or_missing(report, parse("\n".join(lines)))


def test_numbers_run_into_a_label_are_said() -> None:
    # found by the damage suite: PDF text whose line ``（四）无法提供`` + its subtotal's numbers
    # ran into the next row's label: the numbers went nowhere, and nothing said so
    report = distinct()
    text = pdf_text(report, random.Random(1))
    text = text.replace("（四）无法提供\n结 1.本机关", "（四）无法提供 5 6 7 8 9 10 45 1.本机关", 1)
    assert "45 1.本机关" in text
    parsed = parse(text)
    assert_truth_or_missing(report, parsed)
    (said,) = [d for d in parsed.diagnostics if d.code == "row.label_holds_numbers"]
    assert "unavailable.not_held" in said.message and "5 6 7 8 9 10 45" in said.message


# --------------------------------------------------------------------------- 4, 5. digits


def test_a_number_wrapped_in_its_cell_is_not_its_first_part() -> None:
    report = distinct()
    # 总计's total wrapped over two lines in a Tika cell: ``1300`` then ``0`` and so on
    text = to_tika(report)
    total = str(_truth(report)[("total", "total")])
    marker = f"\t{total}\n"
    at = text.index("（七）总计")
    cut = text.index(marker, at)
    damaged = text[:cut] + f"\t{total[:-1]}\n{total[-1]}\n" + text[cut + len(marker) :]
    parsed = parse(damaged)
    assert_truth_or_missing(report, parsed)
    assert parsed.applications is not None
    assert parsed.applications.get("total", "total").value in (None, int(total))


def test_a_number_wrapped_before_a_blank_row_is_not_its_first_part() -> None:
    # found by the damage suite: 行政强制 646 wrapped as ``64`` then ``6``, and 行政事业性收费
    # printed blank: the ``6`` was paired by order with the blank row's label, and 行政强制 kept 64
    text = to_text(distinct()).replace("行政强制\t0\n", "行政强制\t64\n6\n", 1)
    text = text.replace("行政事业性收费\t12.75", "行政事业性收费\t", 1)
    parsed = parse(text)
    table = parsed.to_dict()["active_disclosure"] or {}
    assert (table.get("art20_6") or {}).get("administrative_coercion", {}).get("decisions") in (None, 646)
    assert any(
        d.code.startswith("cells.") and "administrative_coercion" in d.message for d in parsed.diagnostics
    )


def test_cells_printed_apart_are_never_split_again() -> None:
    report = distinct()
    results = {k: v for k, v in report.applications.items() if k in _result_keys("2021")}
    results["granted"] = [11, 2, 3, 4, 5, 6]
    report.applications = consistent(results, [301, 302, 303, 304, 305, 306], [7, 8, 9, 11, 13, 17])
    parsed = parse(to_text(report))
    assert parsed.applications is not None
    assert [c.value for _, c in parsed.applications.row("granted").cells] == [11, 2, 3, 4, 5, 6, 31]
