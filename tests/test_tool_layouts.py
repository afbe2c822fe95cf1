"""What conversion tools make of a table, one small hand-written example each: Markdown without a
separator row (trafilatura) or outer pipes (html2text), one cell per line (docx2txt, mammoth,
plain pdftotext), a Markdown table written on one line (markitdown's table in a table), cells out
of row order (pdfminer), and pandoc's HTML table beside a pipe table in one region.

Line numbers are counted in the input string, 1-based.
"""

from __future__ import annotations

import pytest

from govinfo_report import parse
from govinfo_report._flat_tables import unflatten
from govinfo_report._normalize import normalize
from govinfo_report._tables import markdown, paragraphs, pdftext

HEAD = ["某市某局2023年政府信息公开工作年度报告", "一、总体情况", "本机关依法公开。"]


def rows_of(module, text: str, strategy: str | None = None) -> list[list[str]]:  # type: ignore[no-untyped-def]
    lines = normalize(text).lines
    assert module.looks_like(lines)
    grid = module.rebuild(lines)
    assert grid is not None and grid.strategy == (strategy or module.NAME)
    return [[c.text for c in row] for row in grid.rows]


# --- Markdown without a separator row, or without outer pipes ---------------------------------------

TRAFILATURA = "\n".join(  # each row ends in a space, as trafilatura writes it
    [
        "| 第二十条第（一）项 |  |  |  | ",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | ",
        "| 规章 | 11 | 12 | 13 | ",
        "| 行政规范性文件 | 14 | 15 | 16 | ",
    ]
)


def test_markdown_rows_without_a_separator_are_a_table() -> None:
    assert rows_of(markdown, TRAFILATURA) == [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "11", "12", "13"],
        ["行政规范性文件", "14", "15", "16"],
    ]


def test_pipe_rows_split_over_lines_are_not_taken_for_markdown() -> None:
    split = "| 规章\n|\n11\n|\n12\n|\n13\n|\n| 行政规范性文件\n|\n14\n|"
    assert not markdown.looks_like(normalize(split).lines)


HTML2TEXT = "  \n".join(  # each line ends in two spaces, as html2text writes it
    [
        "第二十条第（一）项",
        "---",
        "信息内容| 本年制发件数| 本年废止件数| 现行有效件数",
        "规章| 11| 12| 13",
        "行政规范性文件| 14| 15| 16",
    ]
)


def test_html2text_rows_without_outer_pipes_are_read_after_the_separator() -> None:
    assert rows_of(markdown, HTML2TEXT, markdown.BARE) == [  # delimited rows: blank fields shown
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "11", "12", "13"],
        ["行政规范性文件", "14", "15", "16"],
    ]


# --- one cell per line ------------------------------------------------------------------------------

DOCX2TXT = "\n\n".join(
    [
        *("第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        *("规章", "11", "12", "13", "行政规范性文件", "14", "15", "16"),
    ]
)


def test_one_cell_per_line_rows_are_told_by_their_labels() -> None:
    assert rows_of(paragraphs, DOCX2TXT, paragraphs.STRICT) == [
        ["第二十条第（一）项"],
        ["信息内容"],
        ["本年制发件数"],
        ["本年废止件数"],
        ["现行有效件数"],
        ["规章", "11", "12", "13"],
        ["行政规范性文件", "14", "15", "16"],
    ]


def test_a_label_wrapped_over_lines_is_joined_from_its_item_number() -> None:
    text = "（三）不予公开\n4.保护第三方\n合法权\n益\n21\n22\n23\n24"
    rows = rows_of(paragraphs, text, paragraphs.STRICT)
    assert rows == [["（三）不予公开"], ["4.保护第三方合法权", "21", "22", "23", "24"]]


def test_two_items_before_one_run_of_values_leave_the_values_unpaired() -> None:
    # plain pdftotext: two rows' labels, then both rows' values; whose is whose is not told
    text = "(一) 予以公开\n(二) 部分公开\n" + "\n".join(str(v) for v in range(21, 35))
    lines = normalize(text).lines
    grid = paragraphs.rebuild(lines)
    assert grid is not None and grid.out_of_order
    assert [[c.text for c in row] for row in grid.rows][:2] == [["(一) 予以公开"], ["(二) 部分公开"]]
    assert all(len(row) == 1 or not row[0].text.startswith("(") for row in grid.rows)


def test_a_run_longer_than_any_row_is_unpaired() -> None:
    text = "1.属于国家秘密\n" + "\n".join(str(v) for v in range(21, 38))  # 17 values
    grid = paragraphs.rebuild(normalize(text).lines)
    assert grid is not None and grid.out_of_order
    assert grid.rows[0][0].text == "1.属于国家秘密" and len(grid.rows[0]) == 1


def test_pdf_text_lines_are_not_one_cell_per_line() -> None:
    text = "规章 11 12 13\n行政规范性文件 14 15 16\n行政许可 17\n行政处罚 18"
    assert not paragraphs.looks_like(normalize(text).lines)


SEC1 = ["二、主动公开政府信息情况"]
TABLE2_LINES = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
TABLE2_LINES += ["规章", "11", "12", "13", "行政规范性文件", "14", "15", "16"]
TABLE4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼"]
TABLE4 += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]
TABLE4 += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
TABLE4 += ["31", "32", "33", "34", "130", "35", "36", "37", "38", "146", "41", "42", "43", "44", "170"]


def one_per_line(table3: list[str]) -> str:
    lines = [*HEAD, *SEC1, *TABLE2_LINES, "三、收到和处理政府信息公开申请情况", *table3, *TABLE4]
    lines += ["五、存在的主要问题及改进情况", "无。"]
    return "\n\n".join(lines) + "\n"


TABLE3_ROWS = [
    "一、本年新收政府信息公开申请数量",
    "51\n\n52\n\n53\n\n54\n\n55\n\n56\n\n321",
    "二、上年结转政府信息公开申请数量",
    "61\n\n62\n\n63\n\n64\n\n65\n\n66\n\n381",
]


def test_one_cell_per_line_report_is_read_end_to_end() -> None:
    r = parse(one_per_line(TABLE3_ROWS))
    assert r.active_disclosure is not None and r.applications is not None and r.review_litigation is not None
    assert [c.value for _, c in r.active_disclosure.row("art20_1/normative_documents").cells] == [14, 15, 16]
    assert [c.value for _, c in r.applications.row("carried_over").cells] == [61, 62, 63, 64, 65, 66, 381]
    after_review = r.review_litigation.row("litigation_after_review")
    assert [c.value for _, c in after_review.cells] == [41, 42, 43, 44, 170]
    assert {t.strategy for t in r.tables} == {"cell_lines"}  # every line holds one cell


def test_a_line_holding_two_values_in_a_table_of_one_cell_per_line_is_a_damaged_cell() -> None:
    # docx2txt never prints two cells on a line: ``182 2`` is 1822 split (or a cell too many
    # beside a blank cell, which the layout hides), so the row is not read as 182 | 2 | 111
    rows = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    rows += ["规章", "182 2", "111", "行政规范性文件", "14", "15", "16"]
    text = "\n".join(HEAD + ["二、主动公开政府信息情况"] + [f"{r}\n" for r in rows]) + "\n"
    r = parse(text)
    assert r.active_disclosure is not None
    assert [t.strategy for t in r.tables] == ["cell_lines"]
    assert [c.value for _, c in r.active_disclosure.row("art20_1/rules").cells] == [None, None, None]
    assert [c.value for _, c in r.active_disclosure.row("art20_1/normative_documents").cells] == [14, 15, 16]


def test_more_values_than_columns_after_a_label_are_another_rows() -> None:
    # the label of 二、 lost: its values run on after 一、's; neither row may take them
    rows = [TABLE3_ROWS[0], TABLE3_ROWS[1] + "\n\n61\n\n62\n\n381"]
    r = parse(one_per_line(rows))
    assert r.applications is not None
    values = [c.value for _, c in r.applications.row("new_requests").cells]
    assert all(v is None for v in values)
    assert any(d.code == "cells.ambiguous" and "new_requests" in d.message for d in r.diagnostics)


# --- a Markdown table on one line (markitdown's table in a table) ------------------------------------

FLAT = (
    "| 前言如下表： |  |  |  | | --- | --- | --- | --- | | 第二十条第（一）项 | | | | "
    "| 规章 | 11 | 12 | 13 | | 行政规范性文件 | 14 | 15 | 16 |   三、收到和处理 |"
)


def test_a_flat_table_is_cut_into_one_cell_per_line() -> None:
    assert unflatten(FLAT) == [
        "前言如下表：",
        "第二十条第（一）项",
        "规章",
        "11",
        "12",
        "13",
        "行政规范性文件",
        "14",
        "15",
        "16",
        "三、收到和处理",
    ]


def test_a_line_with_dashes_but_no_table_is_left_alone() -> None:
    assert unflatten("| a --- b | c | d | e | f | g |") is None
    assert unflatten("| --- | --- | --- |") is None


def test_normalize_reports_a_flat_table() -> None:
    normalized = normalize("标题\n" + FLAT)
    assert [d.code for d in normalized.diagnostics] == ["normalize.flat_table"]
    assert all(line.number == 2 for line in normalized.lines[1:])


# --- PDF text: a piece of the parent's label before an item's label ----------------------------------


def test_pdf_text_parent_fragment_before_an_item_is_a_row_of_its_own() -> None:
    lines = normalize("三、本年 2、其他法律行政 21 22 23 24 25 26 141").lines
    rows = [[c.text for c in row] for row in pdftext.rebuild(lines).rows]  # type: ignore[union-attr]
    assert rows == [["三、本年"], ["2、其他法律行政", "21", "22", "23", "24", "25", "26", "141"]]


# --- pandoc: an HTML table and a pipe table in one region --------------------------------------------

PANDOC = """\
某市某局2023年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

<table>
<tr><td>一、本年新收政府信息公开申请数量</td><td>51</td><td>52</td><td>53</td><td>54</td><td>55</td><td>56</td><td>321</td></tr>
</table>

|   |   |   |   |   |   |   |   |
|---|---|---|---|---|---|---|---|
| 二、上年结转政府信息公开申请数量 | 61 | 62 | 63 | 64 | 65 | 66 | 381 |

四、政府信息公开行政复议、行政诉讼情况
"""


def test_a_pipe_table_beside_an_html_table_in_one_region_is_read_too() -> None:
    r = parse(PANDOC)
    assert r.applications is not None
    assert r.applications.get("new_requests", "total").value == 321
    assert r.applications.get("carried_over", "total").value == 381
    assert any(d.code == "table.joined" for d in r.diagnostics)


# --- pandoc's plain text: a page in a one-cell frame, a table it cannot draw --------------------------

FRAMED = """\
某市某局2023年政府信息公开工作年度报告
+----------------------------------------------------------------+
| 二、主动公开政府信息情况                                       |
|                                                                |
| 第二十条第（一）项                                             |
|                                                                |
| +----------------+--------------+--------------+--------------+ |
| | 信息内容       | 本年制发件数 | 本年废止件数 | 现行有效件数 | |
| +================+==============+==============+==============+ |
| | 规章           | 11           | 12           | 13           | |
| +----------------+--------------+--------------+--------------+ |
| | 行政规范性文件 | 14           | 15           | 16           | |
| +----------------+--------------+--------------+--------------+ |
|                                                                |
| 三、收到和处理政府信息公开申请情况                             |
|                                                                |
| [TABLE]                                                        |
+----------------------------------------------------------------+
"""


def test_a_page_in_a_one_cell_frame_is_read_out_of_it() -> None:
    r = parse(FRAMED)
    codes = [d.code for d in r.diagnostics]
    assert "normalize.frame" in codes
    assert r.active_disclosure is not None
    assert [c.value for _, c in r.active_disclosure.row("art20_1/normative_documents").cells] == [14, 15, 16]
    # the table pandoc could not draw is said to be gone, not silently missing
    (placeholder,) = [d for d in r.diagnostics if d.code == "normalize.table_placeholder"]
    assert placeholder.span is not None and placeholder.span.start == 17


def test_a_box_that_is_not_a_frame_is_left_alone() -> None:
    from govinfo_report._frames import unframe

    lines = ["+------------+", "| 规章 | 1 |", "+------------+"]  # one line inside: a cell
    assert unframe(lines) == (lines, [])
    framed = ["+------------+", "| a          |", "| b          |", "| c          |", "+------------+"]
    assert unframe(framed) == (["", "a", "b", "c", ""], [(0, 4)])
    unclosed = ["+------------+", "| a          |", "| b          |", "| c          |", "text"]
    assert unframe(unclosed) == (unclosed, [])


# --- a PDF's text put in Markdown tables by guessed columns (markitdown's PDF, pymupdf4llm) -----------

GUESSED = """\
|     |     | 规章 | 11 12 |     | 13 |
| --- | --- | --- | --- | --- | --- |
| 行政规范性文件 |     | 14  | 15 16 |  |  |
"""


def test_markdown_cells_holding_two_numbers_are_read_as_pdf_text() -> None:
    grid = markdown.rebuild(normalize(GUESSED).lines)
    assert grid is not None and grid.strategy == "pdftext"  # its blank cells are no cells
    assert [[c.text for c in row] for row in grid.rows] == [
        ["规章", "11", "12", "13"],
        ["行政规范性文件", "14", "15", "16"],
    ]


# --- PDF text: pieces of a vertical group label around the rows --------------------------------------

VERTICAL_PIECES = """\
某局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（三 4.保护第三方合法权
41 0 0 0 0 0 41
）不 益
予公
开 5.属于三类内部事务
52 0 0 0 0 0 52
信息
（四）
2.没有现成信息需要另
无法提 63 0 0 0 0 0 63
行制作
2.其他法律行
政法规禁止公开 74 0 0 0 0 0 74
"""


def test_pdf_text_pieces_of_a_group_label_are_no_row_labels() -> None:
    rows = [[c.text for c in row] for row in pdftext.rebuild(normalize(VERTICAL_PIECES).lines).rows]  # type: ignore[union-attr]
    assert ["（三"] in rows and ["益"] in rows  # ``）不`` dropped before the label's tail
    assert ["2.其他法律行政法规禁止公开", "74", "0", "0", "0", "0", "0", "74"] in rows  # one label, wrapped
    r = parse(VERTICAL_PIECES)
    assert r.applications is not None
    assert r.applications.get("withheld.third_party_rights", "total").value == 41
    assert r.applications.get("withheld.internal_affairs", "total").value == 52
    # ``无法提`` is a piece of （四）无法提供: its numbers are 2.没有现成信息…'s, paired by order
    assert r.applications.get("unavailable.needs_creation", "total").value == 63


def test_pdf_text_rows_outside_markdown_tables_make_the_region_pdf_text() -> None:
    # markitdown's PDF: some rows as tables of guessed columns, others left as PDF text lines
    text = (
        "规章 11 12 13\n"
        "|     | 行政规范性文件 |     | 14 |     | 15 | 16 |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
    )
    grid = markdown.rebuild(normalize(text).lines)
    assert grid is not None and grid.strategy == "pdftext"
    assert [[c.text for c in row] for row in grid.rows] == [
        ["规章", "11", "12", "13"],
        ["行政规范性文件", "14", "15", "16"],
    ]


def test_markdown_columns_blank_in_every_row_make_the_table_pdf_text() -> None:
    # pymupdf4llm's columns guessed from a PDF: the values stand in columns of their own, with
    # columns no row fills between them
    text = "|规章|11|||12||13||\n|---|---|---|---|---|---|---|---|\n|行政规范性文件|14|||15||16||\n"
    grid = markdown.rebuild(normalize(text).lines)
    assert grid is not None and grid.strategy == "pdftext"
    # a Word or HTML table's blank column has its header's words: it stays a grid
    header = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
    real = header + "| 规章 | 11 |  | 13 |\n| 行政规范性文件 | 14 |  | 16 |\n"
    grid = markdown.rebuild(normalize(real).lines)
    assert grid is not None and grid.strategy == "markdown"


# --- the title dropped by the tool ------------------------------------------------------------------


def test_organ_and_year_from_the_name_inside_the_preamble() -> None:
    text = (
        "依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制本报告。"
        "现将某市某区人力资源和社会保障局2023年政府信息公开工作年度报告向社会公布。\n一、总体情况\n本局依法公开。\n"
    )
    r = parse(text)
    assert (r.title, r.organ, r.year) == (None, "某市某区人力资源和社会保障局", 2023)


def test_year_from_the_period_the_figures_cover() -> None:
    text = "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n一、总体情况\n本局依法公开。\n"
    assert parse(text).year == 2019
    # a period over two years names no one year
    spread = "本报告中所列数据的统计期限自2019年1月1日起至2020年12月31日止。\n一、总体情况\n无。\n"
    assert parse(spread).year is None


# --- regressions of the adversarial pass: one cell per line out of row order ------------------------


def one_per_line_table3(*lines: str) -> str:
    head = ["某市某局2021年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    return "\n".join([*head, *lines, "四、政府信息公开行政复议、行政诉讼情况"]) + "\n"


def seven(first: int) -> list[str]:
    values = list(range(first, first + 6))
    return [*(str(v) for v in values), str(sum(values))]


def test_two_row_labels_before_one_run_leave_it_unpaired() -> None:
    # item 8's values printed after item 5's label: the last label must not take them
    text = one_per_line_table3(
        "（三）不予公开",
        "4.保护第三方合法权益",
        *seven(41),
        "8.属于行政查询事项",
        "5.属于三类内部事务信息",
        *seven(81),
    )
    r = parse(text)
    assert r.applications is not None
    assert r.applications.get("withheld.third_party_rights", "total").value == 261
    assert r.applications.get("withheld.internal_affairs", "total").value is None
    assert r.applications.get("withheld.administrative_query", "total").value is None
    assert any(d.code == "table.out_of_order" for d in r.diagnostics)


def test_a_leaf_then_another_level_before_one_run_leave_it_unpaired() -> None:
    text = one_per_line_table3("四、结转下年度继续办理", "（七）总计", *seven(11))
    r = parse(text)
    assert r.applications is None or all(
        c.value is None for key in ("total", "carried_forward") for _, c in r.applications.row(key).cells
    )


def test_a_group_heading_never_takes_the_values_after_it_as_a_subtotal() -> None:
    # plain pdftotext: item 1's label printed after its values, under the group's heading
    text = one_per_line_table3(
        "（四）无法提供",
        *seven(51),
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        *seven(61),
        "3.补正后申请内容仍不明确",
        *seven(71),
    )
    r = parse(text)
    assert r.applications is not None
    assert "unavailable" not in {row.key for row in r.applications.rows}  # no subtotal invented
    # a printed subtotal, or item 1's values with its label after them: neither is told, and
    # the values after items 1 and 2's labels are either's; item 3's stand after its label
    assert r.applications.get("unavailable.not_held", "total").value is None
    assert r.applications.get("unavailable.needs_creation", "total").value is None
    assert r.applications.get("unavailable.unclear_after_correction", "total").value == 441


def test_a_bare_number_before_a_page_break_is_a_page_number() -> None:
    lines = ["某市某局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（五）项"]
    lines += ["信息内容", "本年处理决定数量", "行政许可", "3\f", "第二十条第（六）项", "行政处罚", "19"]
    r = parse("\n".join(lines) + "\n")
    assert r.active_disclosure is not None
    assert r.active_disclosure.get("art20_5/administrative_license", "decisions").value is None
    assert any(d.code == "normalize.page_footer" for d in r.diagnostics)


@pytest.mark.parametrize(
    "preamble",
    [
        # another report named: last year's, a notice's, a format, a superior's
        "按照区政府办关于报送2022年度政府信息公开工作年度报告的通知要求，编制本报告。",
        "与2022年政府信息公开工作年度报告相比，公开数量有所增加。",
        "本报告已纳入某市人民政府2023年政府信息公开工作年度报告。",
        "根据市政府办公厅关于做好2023年政府信息公开工作年度报告编制工作的通知编制。",
        "2022年政府信息公开工作年度报告中存在的问题已整改完毕。",
        "依据国办2023年政府信息公开工作年度报告格式编制。",
        "区政府办公室2024年1月印发关于做好2023年政府信息公开工作年度报告编制发布工作的通知。",
    ],
)
def test_a_report_named_in_prose_is_no_title(preamble: str) -> None:
    r = parse(preamble + "\n一、总体情况\n本局依法公开。\n")
    assert (r.title, r.organ) == (None, None)
    assert r.year in (None, 2023)


def test_the_presented_name_yields_to_the_period_and_to_pronouns() -> None:
    own = "现将本局2023年政府信息公开工作年度报告向社会公布。\n一、总体情况\n无。\n"
    assert (parse(own).organ, parse(own).year) == (None, 2023)  # ``本局`` names no organ
    lead = (
        "2024年1月，现将现代农业示范区管委会2023年政府信息公开工作年度报告向社会公布。\n一、总体情况\n无。\n"
    )
    assert (parse(lead).organ, parse(lead).year) == ("现代农业示范区管委会", 2023)
    other = (
        "现将某局2022年政府信息公开工作年度报告更正说明一并公布。"
        "本报告统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n无。\n"
    )
    assert (parse(other).organ, parse(other).year) == (None, 2023)
    both = (
        "上年度报告统计期限自2022年1月1日起至2022年12月31日止，"
        "本年度报告统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n无。\n"
    )
    assert parse(both).year is None  # two periods: neither is told to be this report's


# --- pymupdf4llm: rows stacked in one Markdown row, a label cut across cells --------------------------


def test_a_markdown_row_holding_two_rows_is_two_rows() -> None:
    from govinfo_report._flat_tables import relabel, unstack

    stacked = "|二、上年结|转政府信<br>（一）予|息公开申请数量<br>以公开|2<br>16|0<br>0|1<br>3|3<br>19|"
    assert unstack(stacked) == [
        "|二、上年结|转政府信|息公开申请数量|2|0|1|3|",
        "||（一）予|以公开|16|0|3|19|",
    ]
    # a cell of numbers with a line fewer: which row lacks it is not told
    assert unstack("|a<br>b|2<br>16|0|2<br>16|") is None
    cut = "||（二）部<br>的，只计<br>他情形）|分公开（区分处理<br>这一情形，不计其<br>|1|0|1|"
    assert relabel(cut) == "||（二）部分公开（区分处理的，只计这一情形，不计其他情形）||1|0|1|"
    # a parent's vertical label beside the item's: read cell after cell, as it is
    assert relabel("|三、本年<br>度办理结<br>果||2、其他法律行政<br>法规禁止公开|0|0|0|") is None


def test_a_group_number_before_an_item_sets_the_group() -> None:
    text = one_per_line_table3(
        "（五）不予处理",
        "5.要求行政机关确认或重新出具已获取信息",
        *seven(21),
        "(六)1、申请人无正当理由逾",
        *seven(31),
    )
    r = parse(text)
    assert r.applications is not None
    assert r.applications.get("other.no_correction", "total").value == 201


def test_stacked_rows_whose_labels_cannot_be_placed_are_not_cut() -> None:
    from govinfo_report._flat_tables import unstack

    # two one-line labels in two columns: which row each is, is not told
    assert unstack("||（七）总计|3.其他|21<br>41|22<br>42|141<br>261|") is None
    # three rows of numbers, two lines of labels
    three = (
        "|二、上年结转<br>三、本年度办理结果|（一）予以公开<br>（二）部分公开||"
        "31<br>41<br>51|301<br>361<br>421|"
    )
    assert unstack(three) is None


def test_a_blank_row_before_a_block_heading_still_rivals_the_next_row() -> None:
    # PDF text read by columns crosses blocks: 6785 may be 行政许可's as well as 行政处罚's
    lines = ["某市某局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（一）项"]
    lines += ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "11", "12", "13"]
    lines += ["第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "第二十条第（六）项"]
    lines += ["信息内容", "本年处理决定数量", "行政处罚", "6785", "三、收到和处理政府信息公开申请情况"]
    r = parse("\n\n".join(lines) + "\n")
    assert r.active_disclosure is not None
    assert r.active_disclosure.get("art20_6/administrative_penalty", "decisions").value is None
    assert r.active_disclosure.get("art20_1/rules", "in_force").value == 13


def test_html2text_row_ending_in_a_pipe_keeps_its_empty_last_cell() -> None:
    # no opening pipe: the closing one ends an empty cell, so a cell too many is seen, never
    # taken for the row's own (a 2019 row with a blank 对外公开总数量 and a value written twice)
    text = "信息内容| 本年新制作数量| 本年新公开数量| 对外公开总数量\n---|---|---|---\n"
    text += "规范性文件| 722| 722| 464|\n"
    grid = markdown.rebuild(normalize(text).lines)
    assert grid is not None
    assert [c.text for c in grid.rows[-1]] == ["规范性文件", "722", "722", "464", ""]


@pytest.mark.parametrize(
    "values",
    [
        ["90", "90", "27"],  # a value written twice
        ["1", "90", "27"],  # a stray page number
        ["9", "0", "27"],  # ``90`` split over two lines
    ],
)
@pytest.mark.xfail(
    strict=True,
    reason="one cell per line hides a blank cell: one token too many beside a blank cell of a "
    "table 2 row (a value written twice, a stray page number, a number split over two lines; no "
    "rule checks the row) fills its columns exactly and is read as printed (the thorough damage "
    "suite on docx2txt-style text and markitdown's table on one line)",
)
def test_a_token_too_many_beside_a_blank_cell_is_not_read(values: list[str]) -> None:
    lines = ["某市某局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（一）项"]
    lines += ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "11", "12", "13"]
    lines += ["行政规范性文件", *values, "三、收到和处理政府信息公开申请情况"]  # truth: blank, 90, 27
    r = parse("\n\n".join(lines) + "\n")
    assert r.active_disclosure is not None
    assert r.active_disclosure.get("art20_1/normative_documents", "issued").value is None
