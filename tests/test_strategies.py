"""Layout strategies (one small table per layout → exact grid) and small reports end to end.

Line numbers in the expected grids are counted in the input string, 1-based.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import ModuleType

import pytest

from govinfo_report import CellState, Report, Span, parse
from govinfo_report._normalize import Line, normalize
from govinfo_report._tables import boxdrawing, markdown, pdftext, pipe, runtogether, tabs, tika


def lines_of(text: str) -> tuple[Line, ...]:
    return normalize(text).lines


def texts(module: ModuleType, lines: Sequence[Line]) -> list[list[str]]:
    grid = module.rebuild(lines)
    assert grid is not None
    assert grid.strategy == module.NAME
    return [[cell.text for cell in row] for row in grid.rows]


def cell_lines(module: ModuleType, lines: Sequence[Line]) -> list[list[int]]:
    grid = module.rebuild(lines)
    assert grid is not None
    return [[cell.line for cell in row] for row in grid.rows]


# --------------------------------------------------------------------------- one table per layout

TIKA = "\n".join(
    [
        "\t第二十条第（五）项",  # 1
        "",  # 2
        "\t信息内容",  # 3
        "\t上一年项目数量",  # 4
        "\t本年增/减",  # 5
        "\t处理决定数量",  # 6
        "",  # 7
        "\t行政许可",  # 8
        "\t0",  # 9
        "\t",  # 10  an empty cell
        "\t0",  # 11
        "",  # 12
        "\t其他对外管理",  # 13
        "",  # 14
        "服务事项",  # 15  continues the cell across the blank line
        "\t20",  # 16
        "\t-9",  # 17
        "\t[bookmark: _GoBack]7447",  # 18
    ]
)


def test_tika_cells_rows_and_continuation_across_blank_line() -> None:
    assert texts(tika, lines_of(TIKA)) == [
        ["第二十条第（五）项"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政许可", "0", "", "0"],
        ["其他对外管理服务事项", "20", "-9", "7447"],
    ]
    assert cell_lines(tika, lines_of(TIKA))[3] == [13, 16, 17, 18]


def test_tika_header_continued_on_the_next_line() -> None:
    text = "\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t0\n\t0"
    assert texts(tika, lines_of(text)) == [
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["规章", "0", "0", "0"],
    ]


PIPE = "\n".join(
    [
        "| 第二十条第(一)项",  # 1
        "|",  # 2
        "|||",  # 3
        "| 信息内容",  # 4
        "|",  # 5
        "本年新 |",  # 6
        "本年新 |",  # 7
        "对外公开总数量",  # 8
        "|",  # 9
        "| 规章",  # 10
        "|",  # 11
        "0",  # 12
        "|",  # 13
        "0",  # 14
        "|",  # 15
        "0",  # 16
        "|",  # 17
        "| 规范性文件",  # 18
        "|",  # 19
        "7",  # 20
        "|",  # 21
        "|",  # 22  an empty cell
        "9",  # 23
        "|",  # 24
    ]
)


def test_pipe_rows_split_across_lines() -> None:
    assert texts(pipe, lines_of(PIPE)) == [
        ["第二十条第(一)项", "", "", ""],
        ["信息内容", "本年新", "本年新", "对外公开总数量"],
        ["规章", "0", "0", "0"],
        ["规范性文件", "7", "", "9"],
    ]
    assert cell_lines(pipe, lines_of(PIPE))[2] == [10, 12, 14, 16]


TABS = "\n".join(
    [
        "第二十条第（一）项\t\t\t",  # 1
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",  # 2
        "规章\t0\t0\t0",  # 3
        "",  # 4  blank line inside the table
        "行政规范性文件\t2\t1\t5",  # 5
        "\t\t4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",  # 6  11 values
        "2. 没有现成信息需要另行制作\t\t0\t0\t0\t0\t0\t0\t0\t",  # 7  lost its leading tabs
    ]
)


def test_tabs_rows_with_extra_and_missing_columns() -> None:
    assert texts(tabs, lines_of(TABS)) == [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "2", "1", "5"],
        ["", "", "4.保护第三方合法权益", *["0"] * 11],
        ["2. 没有现成信息需要另行制作", "", *["0"] * 7, ""],
    ]
    assert [row[0] for row in cell_lines(tabs, lines_of(TABS))] == [1, 2, 3, 5, 6, 7]


MARKDOWN = "\n".join(
    [
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",  # 1
        "| --- | --- | --- | --- |",  # 2
        "| 规章 | 1 | 0 | 11 |",  # 3
        "",  # 4
        "第二十条第（五）项",  # 5
        "",  # 6
        "| 信息内容 | 本年处理决定数量 |",  # 7
        "|:---|---:|",  # 8
        "| 行政许可 | / |",  # 9
    ]
)


def test_markdown_tables_with_a_heading_line_between() -> None:
    assert texts(markdown, lines_of(MARKDOWN)) == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "1", "0", "11"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "/"],
    ]
    assert [row[0] for row in cell_lines(markdown, lines_of(MARKDOWN))] == [1, 3, 5, 7, 9]


def test_markdown_placeholder_header() -> None:
    text = "| 数据1 | 数据2 | 数据3 |\n|---|---|---|\n| 一、本年新收政府信息公开申请数量 | 3 | 3 |"
    assert texts(markdown, lines_of(text)) == [
        ["数据1", "数据2", "数据3"],
        ["一、本年新收政府信息公开申请数量", "3", "3"],
    ]


PDF = "\n".join(
    [
        "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21",  # 1
        "1 0 0 0 0 0 1",  # 2  numbers before their label
        "1.属于国家秘密",  # 3
        "三",  # 4  vertical label, one character per line
        "、",  # 5
        "本",  # 6
        "年",  # 7
        "度 3.危及“三安全一稳定” 0 0 0 0 0 0 0",  # 8  a vertical character glued in front
        "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0",  # 9  table 4 flattened
    ]
)


def test_pdftext_labels_values_and_vertical_labels() -> None:
    assert texts(pdftext, lines_of(PDF)) == [
        ["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "21"],
        ["1", "0", "0", "0", "0", "0", "1"],
        ["1.属于国家秘密"],
        ["3.危及“三安全一稳定”", "0", "0", "0", "0", "0", "0", "0"],
        ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"],
    ]
    assert [row[0] for row in cell_lines(pdftext, lines_of(PDF))] == [1, 2, 3, 8, 9]


RUN = "规章000行政规范性文件6233440第二十条第（五）项信息内容本年处理决定数量行政许可4529"


def test_runtogether_cuts_labels_and_keeps_runs_whole() -> None:
    rows = texts(runtogether, [Line(RUN, 7)])
    with_values = [row for row in rows if len(row) > 1]
    assert with_values == [["规章", "000"], ["行政规范性文件", "6233440"], ["行政许可", "4529"]]
    assert ["第二十条第（五）项"] in rows
    assert all(cell.line == 7 for row in runtogether.rebuild([Line(RUN, 7)]).rows for cell in row)


def test_runtogether_exact_grid() -> None:
    assert texts(runtogether, [Line(RUN, 7)]) == [
        ["规章", "000"],
        ["行政规范性文件", "6233440"],
        ["第二十条第（五）项"],
        ["信息内容"],
        ["本年处理决定数量"],
        ["行政许可", "4529"],
    ]


def test_runtogether_signed_run_and_line_mapping() -> None:
    lines = [
        Line("第二十条第（五）项信息内容上一年项目数量", 3),
        Line("行政许可20-97447其他对外管理服务事项000", 4),
    ]
    rows = [row for row in runtogether.rebuild(lines).rows if len(row) > 1]
    assert [[c.text for c in row] for row in rows] == [
        ["行政许可", "20-97447"],
        ["其他对外管理服务事项", "000"],
    ]
    assert [[c.line for c in row] for row in rows] == [[4, 4], [4, 4]]


# --------------------------------------------------------------------------- looks_like

PROSE = "本年度我局认真贯彻落实条例。\n全年主动公开信息十条。\n"
LONG_RUN = "二、主动公开情况如下：第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数" + RUN


BOX = "\n".join(
    [
        "┌────────┬────────────────┬──────┬──────┬────┐",  # 1
        "│        │（一）予以公开  │  17  │  23  │ 40 │",  # 2
        "│三、本年├────────────────┼──────┼──────┼────┤",  # 3
        "│度办理结│（二）部分公开（│  12  │  34  │ 46 │",  # 4
        "│果      │区分处理的）    │  5   │      │    │",  # 5
        "│        ├────────────────┼──────┼──────┼────┤",  # 6
        "│        │（七）总计      │  29  │  57  │ 86 │",  # 7
        "└────────┴────────────────┴──────┴──────┴────┘",  # 8
    ]
)
"""w3m's box-drawn table: a label merged over three rows, wrapped over lines in its box, a wide
character two columns wide, and a cell holding two numbers on two lines (12 / 5)."""


def test_boxdrawing_reads_merged_and_wrapped_cells_by_their_boxes() -> None:
    grid = boxdrawing.rebuild(lines_of(BOX))
    assert grid is not None and grid.strategy == "boxdrawing"
    assert [[("~" if c.spanned else "") + c.text for c in row] for row in grid.rows] == [
        ["三、本年度办理结果", "（一）予以公开", "17", "23", "40"],
        ["~", "（二）部分公开（区分处理的）", "12 5", "34", "46"],  # 12 / 5: two numbers, never 125
        ["~", "（七）总计", "29", "57", "86"],
    ]
    assert [row[1].line for row in grid.rows] == [2, 4, 7]


GRID_TABLE = "\n".join(
    [
        "+---------------+--------+--------+",  # 1
        "| 信息内容      | 本年制 | 现行有 |",  # 2
        "|               | 发件数 | 效件数 |",  # 3
        "+===============+========+========+",  # 4
        "| 规章          | 7      | 31     |",  # 5
        "+---------------+--------+--------+",  # 6
        "| 行            | 12     | 45     |",  # 7
        "| 政规范性文件  | 8      |        |",  # 8
        "+---------------+--------+--------+",  # 9
    ]
)
"""pandoc's grid table: ASCII rules, a header under ``=``, a label and a cell wrapped in their boxes."""


def test_boxdrawing_reads_ascii_grid_tables() -> None:
    grid = boxdrawing.rebuild(lines_of(GRID_TABLE))
    assert grid is not None
    assert [[c.text for c in row] for row in grid.rows] == [
        ["信息内容", "本年制发件数", "现行有效件数"],
        ["规章", "7", "31"],
        ["行政规范性文件", "12 8", "45"],  # 12 / 8 in one box: two numbers, never 128
    ]
    assert boxdrawing.looks_like(lines_of(GRID_TABLE)) is True
    # a Markdown table has pipes and dashes but no corner: no rule of a grid table
    assert boxdrawing.rebuild(lines_of(MARKDOWN)) is None


def test_boxdrawing_leaves_text_without_rules_alone() -> None:
    assert boxdrawing.looks_like(lines_of("│ a │ b │\n│ c │ d │")) is False  # no horizontal rule
    assert (
        boxdrawing.looks_like(lines_of(TABS)) is False and boxdrawing.looks_like(lines_of(MARKDOWN)) is False
    )


LAYOUTS = {
    "boxdrawing": BOX,
    "tika": TIKA,
    "pipe": PIPE,
    "tabs": TABS,
    "markdown": MARKDOWN,
    "pdftext": PDF,
    "runtogether": LONG_RUN,
    "prose": PROSE,
}
MODULES = {m.NAME: m for m in (boxdrawing, tika, pipe, tabs, markdown, pdftext, runtogether)}


@pytest.mark.parametrize(
    ("strategy", "layout"),
    [
        ("tika", "tabs"),
        ("tika", "pipe"),
        ("tika", "pdftext"),
        ("tika", "prose"),
        ("pipe", "markdown"),
        ("pipe", "tabs"),
        ("pipe", "tika"),
        ("tabs", "tika"),
        ("tabs", "pdftext"),
        ("tabs", "prose"),
        ("markdown", "pipe"),
        ("markdown", "tabs"),
        ("markdown", "pdftext"),
        ("pdftext", "tabs"),
        ("pdftext", "markdown"),
        ("pdftext", "pipe"),
        ("pdftext", "prose"),
        ("pdftext", "runtogether"),
        ("runtogether", "tabs"),
        ("runtogether", "pdftext"),
        ("runtogether", "prose"),
    ],
)
def test_looks_like_rejects_other_layouts(strategy: str, layout: str) -> None:
    assert MODULES[strategy].looks_like(lines_of(LAYOUTS[layout])) is False


@pytest.mark.parametrize("strategy", sorted(MODULES))
def test_looks_like_accepts_its_own_layout(strategy: str) -> None:
    assert MODULES[strategy].looks_like(lines_of(LAYOUTS[strategy])) is True


def test_pdftext_rejects_tika_cells() -> None:
    assert pdftext.looks_like(lines_of(TIKA)) is False


WIDE_PDF = "\n".join(
    label + "".join(" " * 10 + v for v in values.split())
    for label, values in [
        ("一、本年新收政府信息公开申请数量", "5 0 0 0 0 0 4"),
        ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
    ]
)


def test_runtogether_rejects_wide_pdf_text() -> None:
    assert runtogether.looks_like(lines_of(WIDE_PDF)) is False


# --------------------------------------------------------------------------- reports end to end

APP_HEADER_TABS = [
    "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计",
    "\t\t自然人\t法人或其他组织\t\t\t\t\t",
    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
]


def report(
    sec2: Sequence[str],
    sec3: Sequence[str],
    sec4: Sequence[str],
    title: str = "某某区医疗保障局2021年政府信息公开工作年度报告",
) -> str:
    return "\n".join(
        [
            title,
            "一、总体情况",
            "本局认真贯彻条例。",
            "二、主动公开政府信息情况",
            *sec2,
            "三、收到和处理政府信息公开申请情况",
            *sec3,
            "四、政府信息公开行政复议、行政诉讼情况",
            *sec4,
            "五、存在的主要问题及改进情况",
            "公开意识有待加强。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
        ]
    )


def tab_row(*cells: object) -> str:
    return "\t".join(str(c) for c in cells)


SEC2_2021_TABS = [
    "第二十条第（一）项\t\t\t",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t0",
    "行政规范性文件\t2\t1\t5",
    "第二十条第（五）项\t\t\t",
    "信息内容\t本年处理决定数量\t\t",
    "行政许可\t12\t\t",
    "第二十条第（六）项\t\t\t",
    "信息内容\t本年处理决定数量\t\t",
    "行政处罚\t3\t\t",
    "行政强制\t0\t\t",
    "第二十条第（八）项\t\t\t",
    "信息内容\t本年收费金额（单位：万元）\t\t",
    "行政事业性收费\t1.5\t\t",
]

Z7 = [0] * 7
SEC3_2021_TABS = [
    *APP_HEADER_TABS,
    tab_row("一、本年新收政府信息公开申请数量", "", 3, 1, 0, 0, 0, 0, 4),
    tab_row("二、上年结转政府信息公开申请数量", "", 1, 0, 0, 0, 0, 0, 1),
    tab_row("三、本年度办理结果", "(一) 予以公开", 2, 1, 0, 0, 0, 0, 3),
    tab_row("", "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）", *Z7),
    tab_row("", "(三) 不予公开", "1.属于国家秘密", *Z7),
    tab_row("", "", "2.其他法律行政法规禁止公开", *Z7),
    tab_row("", "", "3.危及“三安全一稳定”", *Z7),
    tab_row("", "", "4.保护第三方合法权益", *Z7),
    tab_row("", "", "5.属于三类内部事务信息", *Z7),
    tab_row("", "", "6.属于四类过程性信息", *Z7),
    tab_row("", "", "7.属于行政执法案卷", *Z7),
    tab_row("", "", "8.属于行政查询事项", *Z7),
    tab_row("", "(四) 无法提供", "1.本机关不掌握相关政府信息", 1, 0, 0, 0, 0, 0, 1),
    tab_row("", "", "2.没有现成信息需要另行制作", *Z7),
    tab_row("", "", "3.补正后申请内容仍不明确", *Z7),
    tab_row("", "(五) 不予处理", "1.信访举报投诉类申请", *Z7),
    tab_row("", "", "2.重复申请", *Z7),
    tab_row("", "", "3.要求提供公开出版物", *Z7),
    tab_row("", "", "4.无正当理由大量反复申请", *Z7),
    tab_row("", "", "5.要求行政机关确认或重新出具已获取信息", *Z7),
    tab_row("", "(六) 其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *Z7),
    tab_row("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *Z7),
    tab_row("", "", "3.其他", *Z7),
    tab_row("", "(七) 总计", "", 3, 1, 0, 0, 0, 0, 4),
    tab_row("四、结转下年度继续办理", "", 1, 0, 0, 0, 0, 0, 1),
]

SEC4_TABS = [
    "行政复议\t\t\t\t\t行政诉讼",
    "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
    "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
    "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t2\t0\t0\t1\t3",
]


def codes(report: Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def test_minimal_2021_report_in_tab_layout() -> None:
    r = parse(report(SEC2_2021_TABS, SEC3_2021_TABS, SEC4_TABS))
    assert (r.organ, r.year, r.template) == ("某某区医疗保障局", 2021, "2021")
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert r.applications is not None
    assert r.applications.get("new_requests", "total").value == 4
    assert r.applications.get("new_requests", "commercial").value == 1
    assert r.applications.get("unavailable.not_held", "natural_person").value == 1
    assert r.applications.get("other.other", "total").value == 0
    assert r.applications.get("carried_forward", "natural_person").value == 1
    assert r.active_disclosure is not None
    assert r.active_disclosure.get("art20_1/normative_documents", "repealed").value == 1
    assert r.active_disclosure.get("art20_6/administrative_penalty", "decisions").value == 3
    fees = r.active_disclosure.get("art20_8/administrative_fees", "amount")
    assert fees.value == Decimal("1.5") and fees.unit == "万元"
    assert r.review_litigation is not None
    assert [c.value for _, c in r.review_litigation.row("litigation_after_review").cells] == [2, 0, 0, 1, 3]
    assert {t.strategy for t in r.tables} == {"tabs"}
    assert r.failed_checks == ()
    assert {"R1", "R2", "R3", "R4"} <= {c.rule for c in r.checks}


def test_2021_row_lines_point_at_the_source() -> None:
    text = report(SEC2_2021_TABS, SEC3_2021_TABS, SEC4_TABS)
    r = parse(text)
    assert r.applications is not None
    source = text.split("\n")
    line = r.applications.get("new_requests", "total").line
    assert line is not None and source[line - 1].startswith("一、本年新收政府信息公开申请数量")


def tika_rows(*rows: Sequence[str]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out += ["\t" + cell for cell in row] + [""]
    return out


SEC2_2019_TIKA = tika_rows(
    ["第二十条第（一）项"],
    ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "1", "1", "5"],
    ["规范性文件", "2", "2", "10"],
    ["第二十条第（五）项"],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "20", "-9", "7447"],
    ["其他对外管理服务事项", "0", "0", "0"],
    ["第二十条第（六）项"],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政处罚", "103", "-55", "48"],
    ["行政强制", "0", "0", "0"],
    ["第二十条第（八）项"],
    ["信息内容", "上一年项目数量", "本年增/减"],
    ["行政事业性收费", "0", "0"],
    ["第二十条第（九）项"],
    ["信息内容", "采购项目数量", "采购总金额"],
    ["政府集中采购", "16", "251000元"],
)
SEC3_2019_TIKA = tika_rows(
    ["一、本年新收政府信息公开申请数量", "2", "0", "0", "0", "0", "0", "2"],
    ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"],
    ["三、本年度办理结果", "（一）予以公开", "2", "0", "0", "0", "0", "0", "2"],
    ["（六）其他处理", "0", "0", "0", "0", "0", "0", "0"],
    ["（七）总计", "2", "0", "0", "0", "0", "0", "2"],
    ["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"],
)


def test_2019_report_template_and_money() -> None:
    text = report(
        SEC2_2019_TIKA,
        SEC3_2019_TIKA,
        ["0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"],
        title="某某局2019年政府信息公开工作年度报告",
    )
    r = parse(text)
    assert (r.year, r.template) == (2019, "2019")
    assert r.active_disclosure is not None
    amount = r.active_disclosure.get("art20_9/centralized_procurement", "amount")
    assert amount.value == Decimal("251000") and isinstance(amount.value, Decimal)
    assert amount.unit == "元" and amount.raw == "251000元"
    assert r.active_disclosure.get("art20_9/centralized_procurement", "projects").value == 16
    assert r.active_disclosure.get("art20_5/administrative_license", "change").value == -9
    assert r.active_disclosure.get("art20_6/administrative_penalty", "change").value == -55
    assert r.active_disclosure.get("art20_1/normative_documents", "total_published").value == 10
    assert r.applications is not None
    assert r.applications.get("other", "total").value == 0
    assert r.applications.get("total", "natural_person").value == 2
    assert not [c for c in r.failed_checks if c.rule == "R9"]


def test_template_comes_from_labels_not_from_year() -> None:
    text = report(SEC2_2021_TABS, SEC3_2021_TABS, SEC4_TABS, title="某某局2020年政府信息公开工作年度报告")
    r = parse(text)
    assert (r.year, r.template) == (2020, "2021")


SEC3_RUN = [
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
    "商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量21710000218"
    "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开21710000218"
    "（七）总计21710000218四、结转下年度继续办理0000000"
]
SEC2_RUN = [
    "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6233440"
    "第二十条第（五）项信息内容本年处理决定数量行政许可4529第二十条第（八）项信息内容本年收费金额（单位：万元）"
    "行政事业性收费18651.06"
]
SEC4_RUN = [
    "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计21317000001324019"
]


def run_report() -> Report:
    return parse(report(SEC2_RUN, SEC3_RUN, SEC4_RUN, title="某某区2024年政府信息公开工作年度报告"))


def test_run_together_row_split_by_arithmetic() -> None:
    r = run_report()
    assert r.applications is not None
    assert [c.value for _, c in r.applications.row("new_requests").cells] == [217, 1, 0, 0, 0, 0, 218]
    assert [c.value for _, c in r.applications.row("carried_over").cells] == [0] * 7
    split = [d for d in r.diagnostics if d.code == "cells.run_together_split" and "new_requests" in d.message]
    assert len(split) == 1
    assert split[0].span == Span(7, 7)


def test_run_together_table4_split_by_groups() -> None:
    r = run_report()
    assert r.review_litigation is not None
    assert [[c.value for _, c in row.cells] for row in r.review_litigation.rows] == [
        [2, 1, 3, 1, 7],
        [0, 0, 0, 0, 0],
        [13, 2, 4, 0, 19],
    ]


def test_ambiguous_run_is_left_missing() -> None:
    r = run_report()
    assert r.active_disclosure is not None
    row = r.active_disclosure.row("art20_1/normative_documents")
    assert [c.value for _, c in row.cells] == [None, None, None]
    assert {c.state for _, c in row.cells} == {CellState.MISSING}
    assert all(c.raw == "6233440" for _, c in row.cells)
    ambiguous = [d for d in r.diagnostics if d.code == "cells.run_together_ambiguous"]
    assert len(ambiguous) == 1 and "normative_documents" in ambiguous[0].message


def test_unambiguous_runs_in_table_two() -> None:
    r = run_report()
    assert r.active_disclosure is not None
    assert [c.value for _, c in r.active_disclosure.row("art20_1/rules").cells] == [0, 0, 0]
    assert r.active_disclosure.get("art20_5/administrative_license", "decisions").value == 4529
    fees = r.active_disclosure.get("art20_8/administrative_fees", "amount")
    assert fees.value == Decimal("18651.06")


def extra_columns_report(*rows: str) -> Report:
    sec3 = [
        *APP_HEADER_TABS,
        tab_row("一、本年新收政府信息公开申请数量", "", 3, 0, 0, 0, 0, 0, 3),
        *rows,
    ]
    return parse(report(SEC2_2021_TABS, sec3, SEC4_TABS))


def test_eleven_zeros_where_seven_are_expected() -> None:
    r = extra_columns_report(tab_row("", "", "4.保护第三方合法权益", *[0] * 11))
    assert r.applications is not None
    row = r.applications.row("withheld.third_party_rights")
    assert [c.value for _, c in row.cells] == [0] * 7
    assert [c.state for _, c in row.cells] == [CellState.NUMBER] * 7
    extra = [d for d in r.diagnostics if d.code == "cells.extra_columns"]
    assert len(extra) == 1 and "withheld.third_party_rights" in extra[0].message


def test_extra_columns_settled_by_the_row_total() -> None:
    # windows of 7 over 0 0 2 1 0 0 0 0 3 0 0: only 2 1 0 0 0 0 | 3 has total = sum of six
    r = extra_columns_report(tab_row("", "", "5.属于三类内部事务信息", *[0, 0, 2, 1, 0, 0, 0, 0, 3, 0, 0]))
    assert r.applications is not None
    row = r.applications.row("withheld.internal_affairs")
    assert [c.value for _, c in row.cells] == [2, 1, 0, 0, 0, 0, 3]
    assert "cells.extra_columns" in codes(r)


def test_extra_columns_without_a_single_reading_are_missing() -> None:
    # windows of 7 over 0 0 0 0 0 0 0 1 1 0 2 starting at the 1st, 3rd and 5th value all have
    # total = sum of six (0 = 0, 1 = 0+1, 2 = 1+1): no single reading. The three agree on the
    # first three cells (0 0 0), which are certain; the others are left missing
    r = extra_columns_report(tab_row("", "", "6.属于四类过程性信息", *[0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 2]))
    assert r.applications is not None
    row = r.applications.row("withheld.process_information")
    assert [c.value for _, c in row.cells] == [0, 0, 0] + [None] * 4
    assert "cells.extra_columns_ambiguous" in codes(r)


SEC3_PDF = [
    "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5",  # 8 (lines 1-7: title, sections 1-2, heading 3)
    "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",  # 9
    "（一）予以公开 3 0 0 0 0 0 3",  # 10
    "2 0 0 0 0 0 2",  # 11
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",  # 12
    "（七）总计 5 0 0 0 0 0 5",  # 13
    "四、结转下年度继续办理 0 0 0 0 0 0 0",  # 14
]


def pdf_report() -> Report:
    return parse(report(["规章 0 0 0", "行政规范性文件 0 0 0"], SEC3_PDF, ["0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"]))


def test_pdf_label_after_its_values_is_bound_by_order() -> None:
    r = pdf_report()
    assert r.applications is not None
    row = r.applications.row("partially_granted")
    assert [c.value for _, c in row.cells] == [2, 0, 0, 0, 0, 0, 2]
    assert row.cells[0][1].line == 11
    bound = [d for d in r.diagnostics if d.code == "row.bound_by_order"]
    assert len(bound) == 1 and "partially_granted" in bound[0].message
    assert r.applications.get("granted", "natural_person").value == 3


def test_pdf_row_bound_by_order_spans_label_and_values() -> None:
    # values on line 11, label on line 12: the row covers both
    r = pdf_report()
    assert r.applications is not None
    assert r.applications.row("partially_granted").span == Span(11, 12)
    (bound,) = [d for d in r.diagnostics if d.code == "row.bound_by_order"]
    assert bound.span == Span(11, 12)


def test_pdf_table4_one_line_of_fifteen() -> None:
    text = report(["规章 0 0 0", "行政规范性文件 0 0 0"], SEC3_PDF, ["10 1 0 0 11 0 0 0 0 0 5 0 0 0 5"])
    r = parse(text)
    assert r.review_litigation is not None
    assert [[c.value for _, c in row.cells] for row in r.review_litigation.rows] == [
        [10, 1, 0, 0, 11],
        [0, 0, 0, 0, 0],
        [5, 0, 0, 0, 5],
    ]


def test_wide_pdf_row_is_read_as_written() -> None:
    wide = WIDE_PDF.replace("0" + " " * 10 + "4", "0" + " " * 10 + "5")
    r = parse(report(["规章 0 0 0", "行政规范性文件 0 0 0"], wide.split("\n"), ["0 " * 14 + "0"]))
    assert r.applications is not None
    assert [c.value for _, c in r.applications.row("new_requests").cells] == [5, 0, 0, 0, 0, 0, 5]


def test_wide_pdf_row_whose_total_fails_is_left_missing() -> None:
    # PDF text vouches for no cell boundary or blank: 5 | … | 4 may be a misread row as well as
    # the report's error, so the row is left missing and the diagnostic says which rule failed
    r = parse(
        report(
            ["规章 0 0 0", "行政规范性文件 0 0 0"], WIDE_PDF.split("\n"), ["0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"]
        )
    )
    assert r.applications is not None
    assert {c.state for _, c in r.applications.row("new_requests").cells} == {CellState.MISSING}
    assert any(
        d.code == "cells.unconfirmed" and "R3 (new_requests) fails (5 against 4)" in d.message
        for d in r.diagnostics
    )


TABLE_4_HEADER = [
    "行政复议 行政诉讼",
    "结果 结果 其他 尚未 总计 未经复议直接起诉 复议后起诉",
    "维持 纠正 结果 审结 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
]


@pytest.mark.parametrize(
    "heading", [None, "四、政府信息公开行政复仪、行政讼情况", "（四）政府信息公开行政复议、行政诉讼情况"]
)
def test_table_4_of_fifteen_on_one_line_is_found_by_its_header(heading: str | None) -> None:
    # the section's heading missing, misspelt or numbered as a subsection: the table's own
    # header (结果维持, 未经复议直接起诉 …) finds it, and its one line of fifteen is the 3×5 block
    text = report(
        ["规章 0 0 0", "行政规范性文件 0 0 0"],
        SEC3_PDF,
        [*TABLE_4_HEADER, "3 1 2 4 10 5 6 7 8 26 9 11 12 13 45"],
    )
    text = text.replace("四、政府信息公开行政复议、行政诉讼情况\n", "" if heading is None else heading + "\n")
    r = parse(text)
    assert r.review_litigation is not None
    assert [[c.value for _, c in row.cells] for row in r.review_litigation.rows] == [
        [3, 1, 2, 4, 10],
        [5, 6, 7, 8, 26],
        [9, 11, 12, 13, 45],
    ]
