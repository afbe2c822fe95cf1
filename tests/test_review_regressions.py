"""Regressions from a review: each input is small, and each expected value is read off it."""

from __future__ import annotations

from govinfo_report import CellState, Report, parse

HEAD = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
TABLE2 = (
    "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
    "行政规范性文件\t2\t1\t5\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t10\n"
)
TAIL = (
    "四、政府信息公开行政复议、行政诉讼情况\n无。\n"
    "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
)


def section3(rows: str) -> str:
    return HEAD + TABLE2 + "三、收到和处理政府信息公开申请情况\n" + rows + TAIL


def values(report: Report, key: str) -> list[object]:
    assert report.applications is not None
    return [c.value for _, c in report.applications.row(key).cells]


def test_prose_naming_a_row_does_not_take_the_row() -> None:
    # PDF text: a prose line ends in 3 and names 予以公开; the table row below has the 7 cells
    rows = (
        "本年度共收到政府信息公开申请 5 件，其中予以公开 3\n件。\n"
        "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n"
        "三、本年度办理结果 （一）予以公开 3 0 0 0 0 0 3\n"
    )
    report = parse(
        HEAD + "第二十条第（一）项\n规章 0 0 0\n三、收到和处理政府信息公开申请情况\n" + rows + TAIL
    )
    assert values(report, "granted") == [3, 0, 0, 0, 0, 0, 3]
    assert [r.label for r in report.extra_rows] == ["本年度共收到政府信息公开申请 5 件，其中予以公开"]


def test_a_breakdown_row_is_kept_as_extra_not_taken_for_its_parent() -> None:
    rows = (
        "其中：本年新收网上申请\t3\t0\t0\t0\t0\t0\t3\n一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n"
    )
    report = parse(section3(rows))
    assert values(report, "new_requests") == [5, 0, 0, 0, 0, 0, 5]
    assert [(r.label, [c.value for c in r.cells]) for r in report.extra_rows] == [
        ("其中：本年新收网上申请", [3, 0, 0, 0, 0, 0, 3])
    ]


def test_tika_never_glues_a_stray_number_onto_a_cell() -> None:
    # a lone "3" (say, a page number) after the 上年结转 row: its total stays 0, not "03"
    cells = ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"]
    rows = "".join(f"\t{c}\n" for c in cells) + "\n3\n\n"
    report = parse(section3(rows))
    assert values(report, "carried_over") == [0, 0, 0, 0, 0, 0, 0]


def test_blank_total_beside_numbers_leaves_the_row_in_doubt() -> None:
    # the label spans two columns (one empty cell after it); 予以公开 ends in a blank cell
    # beside 2: a blank total (the report's error) or a lost cell and a trailing tab, which no
    # reader can tell apart; no value is given that either reading contradicts
    rows = (
        "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\n"
        "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n"
        "（一）予以公开\t\t2\t0\t0\t0\t0\t0\t\n"
    )
    report = parse(section3(rows))
    assert report.applications is not None
    granted = dict(report.applications.row("granted").cells)
    assert granted["total"].state is CellState.MISSING
    assert all(c.value in (None, v) for c, v in zip(granted.values(), [2, 0, 0, 0, 0, 0, 2], strict=True))
    assert any(d.code.startswith("cells.") and "granted" in d.message for d in report.diagnostics)


def test_blank_at_both_ends_with_nothing_to_align_by_is_left_missing() -> None:
    # 8 cells for 7 columns: a blank first or last cell is no cell, or the 2 is a stray. The
    # readings disagree on the ends (2 | … | blank, blank | 2 | …, blank | 0 … | blank): those
    # are missing; the zeros every reading puts in the middle columns are certain
    report = parse(section3("（一）予以公开\t\t2\t0\t0\t0\t0\t0\t\n"))
    assert report.applications is not None
    cells = [c for _, c in report.applications.row("granted").cells]
    assert [c.state for c in cells[:2]] == [CellState.MISSING] * 2
    assert cells[-1].state is CellState.MISSING
    assert [c.value for c in cells[2:-1]] == [0, 0, 0, 0]
    assert any(d.code == "cells.extra_columns_ambiguous" for d in report.diagnostics)


def test_a_text_cell_after_the_numbers_is_kept_as_text() -> None:
    report = parse(section3("（一）予以公开\t3\t0\t0\t0\t0\t0\t3例\n"))
    assert report.applications is not None
    total = report.applications.get("granted", "total")
    assert (total.state, total.raw, total.value) == (CellState.TEXT, "3例", None)
    assert values(report, "granted")[:6] == [3, 0, 0, 0, 0, 0]


def test_letter_spaced_pdf_label_keeps_its_first_character() -> None:
    text = HEAD + "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规 章 1 2 3\n"
    report = parse(text + "三、收到和处理政府信息公开申请情况\n")
    assert report.active_disclosure is not None
    assert [c.value for _, c in report.active_disclosure.row("art20_1/rules").cells] == [1, 2, 3]


def test_tables_in_an_appendix_are_found_by_their_labels() -> None:
    text = (
        "某某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n本年度主动公开信息120条。\n"
        "三、收到和处理政府信息公开申请情况\n详见附表。\n"
        + TAIL
        + "附表：\n"
        + TABLE2
        + "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n"
    )
    report = parse(text)
    assert values(report, "new_requests") == [5, 0, 0, 0, 0, 0, 5]
    assert report.active_disclosure is not None
    assert report.active_disclosure.get("art20_5/administrative_license", "decisions").value == 10


def test_html_table_printed_in_pieces_is_read_whole() -> None:
    def tr(*cells: object) -> str:
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    def group(*rows: str) -> str:
        return "<table>" + "".join(rows) + "</table>"

    header = tr("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    html = (
        "<p>某某局2021年政府信息公开工作年度报告</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
        + group(tr("行政复议"), header, tr(1, 0, 0, 0, 1))
        + group(tr("未经复议直接起诉"), header, tr(0, 2, 0, 0, 2))
        + group(tr("复议后起诉"), header, tr(0, 0, 3, 0, 3))
    )
    report = parse(html)
    assert report.review_litigation is not None
    assert [[c.value for _, c in row.cells] for row in report.review_litigation.rows] == [
        [1, 0, 0, 0, 1],
        [0, 2, 0, 0, 2],
        [0, 0, 3, 0, 3],
    ]
    assert any(d.code == "table.joined" for d in report.diagnostics)


def test_table_read_in_two_layouts_keeps_row_spans_ordered() -> None:
    # found by test_any_text_gives_a_json_safe_report: table 4 read once as pipe rows and once as
    # PDF text; the joined rows are not in line order, and the span came out as lines 5..3
    text = "二、主动公开\n未经复议直接起诉复议后起诉\r0\n第二十条第一项\n|0\n|0\n|\n|"
    report = parse(text)
    spans = [row.span for row in report.review_litigation.rows] if report.review_litigation else []
    spans += [d.span for d in report.diagnostics if d.span is not None]
    assert spans
    assert all(1 <= s.start <= s.end <= 8 for s in spans)
