"""The numbers the prose states (Report.statements), R7, and the prose as evidence (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import Report, Span, parse
from render import canonical, to_text

TITLE = "某市某某局2023年政府信息公开工作年度报告\n"


def statements(
    prose: str, title: str = TITLE
) -> list[tuple[str, int, tuple[tuple[str, ...], ...], str | None]]:
    # table 2's labels tell the 2021 template (its statements are linked only in a known template)
    report = parse(
        f"{title}一、总体情况\n{prose}\n二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    )
    assert report.template == "2021"
    return [(s.topic, int(s.value), s.scopes, s.unlinked) for s in report.statements]


NEW = ("new_requests:total",)
BOTH = ("new_requests:total", "carried_over:total")


# --- what the prose states ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prose", "topic", "value", "scopes"),
    [
        ("2023年，本机关共收到政府信息公开申请21件。", "requests_received", 21, (NEW, BOTH)),
        ("全年受理政府信息公开申请 37 件，均按时答复。", "requests_received", 37, (NEW, BOTH)),
        ("本年度新收政府信息公开申请数量为18件。", "requests_received", 18, (NEW,)),
        ("全年共收到政府信息公开申请24件，上年结转3件。", "requests_received", 24, (NEW,)),
        ("共收到依申请公开申请1,024件。", "requests_received", 1024, (NEW, BOTH)),
        ("全年办理政府信息公开申请218件。", "requests_received", 218, (NEW, BOTH, ("total:total",))),
        ("收到申请30件，上年度结转申请4件。", "requests_carried_over", 4, (("carried_over:total",),)),
        ("收到政府信息公开申请30件。全年办结33件。", "requests_closed", 33, (("total:total",),)),
        (
            "收到政府信息公开申请30件，结转下年度继续办理1件。",
            "requests_carried_forward",
            1,
            (("carried_forward:total",),),
        ),
        ("因政府信息公开被申请行政复议2起。", "reviews", 2, (("review:total",),)),
        (
            "因政府信息公开被提起行政诉讼3件。",
            "lawsuits",
            3,
            (("litigation_direct:total", "litigation_after_review:total"),),
        ),
        (
            "本年度制发行政规范性文件62件。",
            "normative_documents_issued",
            62,
            (("art20_1/normative_documents:issued",),),
        ),
        (
            "截至年底，现行有效规范性文件440件。",
            "normative_documents_in_force",
            440,
            (("art20_1/normative_documents:in_force",),),
        ),
    ],
)
def test_a_statement_is_read_and_linked(
    prose: str, topic: str, value: int, scopes: tuple[tuple[str, ...], ...]
) -> None:
    found = [s for s in statements(prose) if s[0] == topic]
    assert found == [(topic, value, scopes, None)]


def test_a_statement_keeps_its_phrase_unit_and_line() -> None:
    report = parse(f"{TITLE}一、总体情况\n本机关依法公开。\n全年受理政府信息公开申请 21 件，均已答复。\n")
    (statement,) = report.statements
    assert (statement.phrase, statement.unit, statement.line, statement.table) == (
        "受理政府信息公开申请 21 件",
        "件",
        4,
        "applications",
    )
    assert report.to_dict()["statements"] == [
        {
            "phrase": "受理政府信息公开申请 21 件",
            "topic": "requests_received",
            "value": 21,
            "unit": "件",
            "line": 4,
            "table": "applications",
            "scopes": [["new_requests:total"], ["new_requests:total", "carried_over:total"]],
            "unlinked": None,
            "area": None,
        }
    ]


def test_a_statement_wrapped_over_two_lines_is_read_from_its_first() -> None:
    # PDF text wraps its sentences at the page's width
    report = parse(
        f"{TITLE}四、政府信息公开行政复议、行政诉讼情况\n政府信息公开行政复议 351\n件，其中结果维持72件。\n"
    )
    assert [(s.topic, s.value, s.line, s.phrase) for s in report.statements] == [
        ("reviews", 351, 3, "行政复议 351件")
    ]


@pytest.mark.parametrize(
    ("prose", "why"),
    [
        ("其中，收到政府信息公开申请5件。", "qualified by 其中"),
        ("累计收到政府信息公开申请500件。", "qualified by 累计"),
        ("同比收到政府信息公开申请增加，收到政府信息公开申请同比减少5件。", None),  # no phrase fits
        ("比上年多收到政府信息公开申请5件。", "qualified by 比上年"),
        ("本年度共收到申请30件，其中，收到政府信息公开申请5件。", "qualified by 其中"),
        ("占收到政府信息公开申请12件的一半。", "qualified by 占"),
        ("收到政府信息公开申请30余件。", "qualified by 余"),
        ("收到政府信息公开申请100件以上。", "qualified by 以上"),
        ("2022年收到政府信息公开申请12件。", "of another year (2022)"),
        ("去年收到政府信息公开申请12件。", "qualified by 去年"),
        ("近三年收到政府信息公开申请300件。", "qualified by 近"),
        ("全年办理行政复议案件120件。", "its sentence does not say it counts the table's figure"),
        ("全年办结12345热线工单3000件。", None),  # no phrase fits: 办结 needs its number next
        ("全年办结3000件。", "its sentence does not say it counts the table's figure"),
        ("收取信息处理费1200.50元。", "no table cell holds it"),
    ],
)
def test_a_qualified_or_unmeant_number_is_linked_to_no_cell(prose: str, why: str | None) -> None:
    found = statements(prose)
    if why is None:
        assert all(s[3] is not None for s in found)
        return
    assert found[-1][3] == why  # the qualified one is the last statement of each text
    assert found[-1][2] == ()


def test_a_figure_of_another_template_is_linked_to_no_cell() -> None:
    report = canonical("2019")
    report.prose = {1: "本年度制发规范性文件5件。"}
    result = parse(to_text(report))
    assert result.template == "2019"
    assert [s.unlinked for s in result.statements] == ["the 2019 template has no such cell"]


def test_a_year_is_no_other_year_when_it_is_the_reports() -> None:
    assert statements("2023年1月1日至12月31日，共收到政府信息公开申请21件。")[0][3] is None


def test_a_sentence_naming_a_year_is_linked_only_when_the_reports_year_is_known() -> None:
    found = statements("2023年，共收到政府信息公开申请21件。", title="某市某某局政府信息公开工作年度报告\n")
    assert found[0][3] == "its sentence names 2023 and the report's year is not known"


# --- R7 ------------------------------------------------------------------------------------------


def _with_prose(prose: str) -> Report:
    report = canonical("2021")  # new 39, carried over 2, total 39, carried forward 2; reviews 4
    report.prose = {1: prose}
    return parse(to_text(report))


def _r7(report: Report) -> list[tuple[bool, tuple[str, ...], int | None, int | None]]:
    return [(c.passed, c.cells, c.expected, c.actual) for c in report.checks if c.rule == "R7"]


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        # the wording leaves the scope open: either count holds, and the check says which
        ("本年度共收到政府信息公开申请39件。", [(True, NEW, 39, 39)]),
        ("本年度共收到政府信息公开申请41件。", [(True, BOTH, 41, 41)]),
        ("本年度受理政府信息公开申请41件，均按时答复。", [(True, BOTH, 41, 41)]),
        ("全年办理政府信息公开申请39件。", [(True, NEW, 39, 39)]),
        # the wording settles it
        ("本年度新收政府信息公开申请39件。", [(True, NEW, 39, 39)]),
        (
            "本年度共收到政府信息公开申请39件，上年结转2件。",
            [(True, NEW, 39, 39), (True, ("carried_over:total",), 2, 2)],
        ),
        (
            "全年办结39件，结转下年度继续办理2件，申请均按时答复。",
            [(True, ("total:total",), 39, 39), (True, ("carried_forward:total",), 2, 2)],
        ),
        (
            "因政府信息公开被申请行政复议4件，被提起行政诉讼4件。",
            [
                (True, ("review:total",), 4, 4),
                (True, ("litigation_direct:total", "litigation_after_review:total"), 4, 4),
            ],
        ),
    ],
)
def test_r7_holds_whatever_the_wording(
    prose: str, expected: list[tuple[bool, tuple[str, ...], int, int]]
) -> None:
    report = _with_prose(prose)
    assert _r7(report) == expected
    assert not report.failed_checks


def test_r7_fails_naming_both_lines_and_marks_the_cells() -> None:
    report = _with_prose("本年度新收政府信息公开申请41件。")  # settled as new requests, which are 39
    (check,) = [c for c in report.checks if c.rule == "R7"]
    assert (check.passed, check.expected, check.actual, check.cells) == (False, 41, 39, NEW)
    cell = report.applications.get("new_requests", "total") if report.applications else None
    assert cell is not None and cell.value == 39 and cell.disputed == ("R7",)
    assert f"line {check.line}" in check.message and f"line {cell.line}" in check.message
    failed = [d for d in report.diagnostics if d.code == "check.failed"]
    assert [d.span for d in failed] == [Span(check.line, check.line)]  # type: ignore[arg-type]


def test_r7_fails_when_neither_scope_holds() -> None:
    report = _with_prose("本年度共收到政府信息公开申请40件。")
    assert _r7(report) == [(False, BOTH, 40, 39)]  # every cell its wording may count
    assert report.applications is not None
    assert report.applications.get("carried_over", "total").disputed == ("R7",)


def test_r7_is_skipped_without_the_table() -> None:
    report = parse(f"{TITLE}一、总体情况\n本年度共收到政府信息公开申请40件。\n")
    assert report.statements and not report.checks


# --- the prose as evidence --------------------------------------------------------------------

_TABLE_2 = (
    "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
    "行政规范性文件6233440第二十条第（五）项信息内容本年处理决定数量行政许可4529第二十条第（六）项"
    "信息内容本年处理决定数量行政处罚1100行政强制65第二十条第（八）项信息内容本年收费金额（单位：万元）"
    "行政事业性收费18651.06"
)


def _dump(prose: str) -> Report:
    """A crawler's dump (corpus 006's table 2): ``行政规范性文件6233440`` has sixteen readings."""
    text = (
        "某区人民政府2024年政府信息公开工作年度报告\n"
        f"一、总体情况 2024年，本区持续深化政务公开。{prose}{_TABLE_2}"
        "三、收到和处理政府信息公开申请情况 略。四、政府信息公开行政复议、行政诉讼情况 略。"
        "五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。\n"
    )
    return parse(text)


def _normative(report: Report) -> list[int | None]:
    assert report.active_disclosure is not None
    row = report.active_disclosure.row("art20_1/normative_documents")
    return [None if c.value is None else int(c.value) for _, c in row.cells]


def test_without_prose_the_run_is_left_missing() -> None:
    report = _dump("")
    assert _normative(report) == [None, None, None]
    assert "cells.fixed_by_prose" not in {d.code for d in report.diagnostics}


def test_the_prose_picks_the_readings_it_agrees_with() -> None:
    report = _dump("本年度制发行政规范性文件62件。")
    # 62 | 3 | 3440, 62 | 33 | 440, 62 | 334 | 40 … agree on 62 alone: the rest stays missing
    assert _normative(report) == [62, None, None]
    (fixed,) = [d for d in report.diagnostics if d.code == "cells.fixed_by_prose"]
    assert "line 2" in fixed.message and "制发行政规范性文件62件" in fixed.message
    assert "cells.run_together_ambiguous" in {d.code for d in report.diagnostics}
    assert _r7(report) == [(True, ("art20_1/normative_documents:issued",), 62, 62)]


def test_the_prose_never_picks_a_number_no_reading_gives() -> None:
    report = _dump("本年度制发行政规范性文件99件。")
    assert _normative(report) == [None, None, None]
    assert _r7(report) == []  # the cell is missing: nothing to check


@pytest.mark.parametrize(
    "prose",
    ["其中制发行政规范性文件62件。", "累计制发行政规范性文件62件。", "2022年制发行政规范性文件62件。"],
)
def test_a_qualified_number_is_no_evidence(prose: str) -> None:
    assert _normative(_dump(prose)) == [None, None, None]


def test_the_prose_never_overrides_a_reading_the_layout_vouches_for() -> None:
    report = canonical("2021")  # 行政规范性文件 5 | 1 | 27, a tab table: the layout vouches for it
    report.prose = {1: "本年度制发行政规范性文件62件。"}
    result = parse(to_text(report))
    assert _normative(result) == [5, 1, 27]
    assert "cells.fixed_by_prose" not in {d.code for d in result.diagnostics}
    assert _r7(result) == [(False, ("art20_1/normative_documents:issued",), 62, 5)]


# --- wordings found by an adversarial pass: each another figure than the cell's -----------------


@pytest.mark.parametrize(
    ("prose", "topic", "why"),
    [
        (
            "本年度全面清理现行有效规范性文件7件，废止1件。",
            "normative_documents_in_force",
            "qualified by 清理",
        ),
        (
            "全市各部门共制发行政规范性文件51件。",
            "normative_documents_issued",
            "counts several bodies together (各部门)",
        ),
        (
            "全县各乡镇、部门共受理政府信息公开申请300件。",
            "requests_received",
            "counts several bodies together (各乡镇)",
        ),
        ("本年度共收到政府信息公开申请39件，网上收到申请30件。", "requests_received", "qualified by 网上"),
        ("全年受理政府信息公开申请39件，受理自然人申请28件。", "requests_received", "qualified by 自然人"),
        (
            "本年度收到政府信息公开申请39件，收到更正个人信息申请1件。",
            "requests_received",
            "qualified by 个人信息",
        ),
        ("受理依申请公开申请39件，受理行政许可申请1024件。", "requests_received", "qualified by 许可"),
        ("本年度不予受理政府信息公开申请2件。", "requests_received", "qualified by 不予"),
        ("已办结39件，尚未办结2件。", "requests_closed", "qualified by 未"),
        ("上个年度收到政府信息公开申请12件。", "requests_received", "qualified by 上个"),
        ("二〇二二年收到政府信息公开申请15件。", "requests_received", "of another year (2022)"),
        (
            "本机关作为复议机关，全年共办理行政复议案件120件。",
            "reviews",
            "its sentence does not say it counts the table's figure",
        ),
        (
            "全年应诉行政诉讼案件30件，其中政府信息公开类4件。",
            "lawsuits",
            "its sentence then counts a part of it (其中…信息公开)",
        ),
        (
            "本机关被申请行政复议22件，其中涉及政府信息公开的12件。",
            "reviews",
            "its sentence then counts a part of it (其中…信息公开)",
        ),
        ("三年来，共制发行政规范性文件51件。", "normative_documents_issued", "qualified by 年来"),
        ("下一步，将制发行政规范性文件51件。", "normative_documents_issued", "qualified by 将"),
        ("本年度协助市政府制发行政规范性文件51件。", "normative_documents_issued", "qualified by 协助"),
        (
            "截至目前，制发行政规范性文件51件。",
            "normative_documents_issued",
            "its sentence does not say it counts the table's figure",
        ),
        ("本年度制发行政规范性文件51件次。", "normative_documents_issued", "counts 件次"),
        (
            "本年度共发生政府信息公开行政复议、行政诉讼案件8件。",
            "lawsuits",
            "counts reviews and lawsuits together",
        ),
        (
            "因政府信息公开被申请行政复议和提起行政诉讼案件共8件。",
            "lawsuits",
            "counts reviews and lawsuits together",
        ),
        (
            "本年度收到政府信息公开申请39件。全市12345热线全年办结3000件。",
            "requests_closed",
            "its clause counts another thing",
        ),
        (
            "本年度制发行政规范性文件5件。本年度共制发行政规范性文件6件。",
            "normative_documents_issued",
            "the prose states it with different numbers",
        ),
    ],
)
def test_another_figure_by_the_same_words_is_linked_to_no_cell(prose: str, topic: str, why: str) -> None:
    found = [s for s in statements(prose) if s[0] == topic]
    assert found and found[-1][3] == why and found[-1][2] == ()


def test_the_report_s_year_in_its_own_clause_outweighs_another_named_before() -> None:
    found = statements("2022年收到政府信息公开申请15件，本年度收到政府信息公开申请39件。")
    assert [(s[1], s[3]) for s in found] == [(15, "of another year (2022)"), (39, None)]


def test_an_area_s_count_is_checked_but_never_evidence() -> None:
    report = _dump("全区本年度制发行政规范性文件62件。")
    (statement,) = report.statements
    assert statement.area == "全区" and statement.unlinked is None
    assert _normative(report) == [None, None, None]  # not taken to choose among readings
    assert "cells.fixed_by_prose" not in {d.code for d in report.diagnostics}


def test_a_page_number_between_the_lines_is_no_digit_of_the_number() -> None:
    # PDF text: ``…现行有效规范性文件`` / ``2`` (the page's number) / ``7件。``: never 27
    def in_force(prose: str) -> list[int]:
        return [int(s.value) for s in _dump(prose).statements if s.topic == "normative_documents_in_force"]

    assert in_force("截至年底，现行有效规范性文件\n27件。") == [27]  # wrapped, it is read
    assert in_force("截至年底，现行有效规范性文件\n2\n7件。") == []


def test_a_year_wrapped_onto_a_line_of_its_own_is_no_page_number() -> None:
    report = _dump("截至\n2022\n年底，现行有效规范性文件440件。")  # a 2024 report
    assert [s.unlinked for s in report.statements] == ["of another year (2022)"]


def test_a_text_table_s_cells_are_no_prose() -> None:
    # cells printed with their unit (``28件``) in a tab table: a table row, not a statement
    text = to_text(canonical("2021")).replace(
        "一、本年新收政府信息公开申请数量\t", "一、本年新收政府信息公开申请数量\t28件\t"
    )
    assert "28件" in text
    assert parse(text).statements == ()


def test_two_statements_agreeing_on_one_figure_both_stand() -> None:
    report = _with_prose("全年收到政府信息公开申请39件。本年度共收到政府信息公开申请39件。")
    assert [c.passed for c in report.checks if c.rule == "R7"] == [True, True]


def _pdf_text(prose: str) -> Report:
    """PDF text whose 行政规范性文件 row prints two numbers for three columns: a blank left no trace."""
    lines = [
        "某局2023年政府信息公开工作年度报告",
        "一、总体情况",
        prose,
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 1 2 3",
        "行政规范性文件 5 27",
        "第二十条第（五）项",
        "信息内容 本年处理决定数量",
        "行政许可 4698",
    ]
    return parse("\n".join(lines) + "\n")


def test_a_blank_cell_the_prose_states_a_number_of_contradicts_it() -> None:
    # 5 | 27 | (blank), 5 | (blank) | 27, (blank) | 5 | 27: the prose's 5 issued drops the last
    assert _normative(_pdf_text("本局依法公开。")) == [None, None, None]
    report = _pdf_text("本年度制发行政规范性文件5件。")
    assert _normative(report) == [5, None, None]
    assert "cells.fixed_by_prose" in {d.code for d in report.diagnostics}
    # no reading prints 27 issued: the prose decides nothing
    assert _normative(_pdf_text("本年度制发行政规范性文件27件。")) == [None, None, None]


def _table_4_dump(prose: str, section: int = 1) -> Report:
    """Table 4 as a crawler dumps it, ``3315122001013123128``: without a rule across its groups
    the digits leave several readings."""
    from strategies import to_run_together

    report = canonical("2021")
    report.review = {
        "review": [3, 3, 1, 5],
        "litigation_direct": [20, 0, 10, 1],
        "litigation_after_review": [2, 3, 1, 2],
    }
    report.prose = {section: prose} if prose else {}
    return parse(to_run_together(report))


def _table_4(report: Report) -> list[list[int | None]]:
    assert report.review_litigation is not None
    return [
        [None if c.value is None else int(c.value) for _, c in row.cells]
        for row in report.review_litigation.rows
    ]


TRUTH_4 = [[3, 3, 1, 5, 12], [20, 0, 10, 1, 31], [2, 3, 1, 2, 8]]


def _own_or_missing(found: list[list[int | None]]) -> bool:
    return all(
        v is None or v == t
        for row, truth in zip(found, TRUTH_4, strict=True)
        for v, t in zip(row, truth, strict=True)
    )


@pytest.mark.parametrize(
    "prose",
    [
        "",
        "本机关被申请行政复议22件，其中涉及政府信息公开的12件。",  # all its reviews, then its part
        "本机关作为被告被起诉行政诉讼36件，其中涉及政府信息公开的27件。",
        "下一步，力争将行政复议控制在22件以内。",
    ],
)
def test_a_broader_count_of_cases_never_picks_table_4_s_reading(prose: str) -> None:
    assert _own_or_missing(_table_4(_table_4_dump(prose)))
    assert _own_or_missing(_table_4(_table_4_dump(prose, section=4)))


def test_a_part_counted_in_the_next_sentence_makes_the_count_broader() -> None:
    # in section four 被申请 counts, but the next sentence counts the disclosure cases apart
    prose = "本机关被申请行政复议22件，被提起行政诉讼39件，均已依法应诉。其中，政府信息公开类行政复议12件。"
    report = _table_4_dump(prose, section=4)
    assert _own_or_missing(_table_4(report))
    assert next(s.unlinked for s in report.statements if s.topic == "reviews") == (
        "its sentence then counts a part of it (其中…信息公开)"
    )


def test_a_true_count_of_the_cases_reads_table_4() -> None:
    # without prose the digits leave table 4 mostly missing; the reviews' total (12) and both
    # lawsuits' totals (31 + 8) as the prose states them leave one reading
    assert _table_4(_table_4_dump(""))[2] == [None] * 5
    report = _table_4_dump("本年度因政府信息公开被申请行政复议12件，被提起行政诉讼39件。")
    assert _table_4(report) == TRUTH_4
    assert "cells.fixed_by_prose" in {d.code for d in report.diagnostics}
    assert [c.passed for c in report.checks if c.rule == "R7"] == [True, True]


def test_numbers_in_the_sections_of_problems_and_other_matters_are_no_table_s() -> None:
    report = canonical("2021")
    report.prose = {5: "本年度收到政府信息公开申请40件。", 6: "本年度收到政府信息公开申请40件。"}
    found = parse(to_text(report)).statements
    assert [s.unlinked for s in found] == [
        "in section 5, whose numbers are no table's",
        "in section 6, whose numbers are no table's",
    ]


def test_a_dump_s_table_row_with_units_is_no_statement() -> None:
    # a crawler's dump of a row whose cells print their unit: its first number is a cell, not
    # what the prose says (``…申请数量28件/////28件``)
    for row in [
        "一、本年新收政府信息公开申请数量28件/////28件",
        "一、本年新收政府信息公开申请数量28件——1件1件1件3件34件",
    ]:
        text = f"{TITLE}一、总体情况\n本局依法公开。\n三、收到和处理政府信息公开申请情况\n{row}\n"
        assert parse(text).statements == ()


def test_show_the_notebook_and_check_carry_the_statements_and_r7(tmp_path: Path) -> None:
    from govinfo_report._show import report_html, report_text

    report = canonical("2021")
    report.prose = {1: "本年度新收政府信息公开申请41件。全年累计收到政府信息公开申请500件。"}
    text = to_text(report)
    result = parse(text)
    shown = report_text(result)
    assert "numbers the prose states" in shown
    assert "新收政府信息公开申请41件" in shown and "R7 FAILS" in shown
    assert "(no cell: qualified by 累计)" in shown
    html = report_html(result)
    assert "新收政府信息公开申请41件" in html and "R7 FAILS" in html
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 1
    assert "R7 applications new_requests:total: expected 41, found 39" in done.stdout


@pytest.mark.parametrize(
    ("prose", "why"),
    [
        (
            "我局高度重视政府信息公开工作，全年办理行政复议案件120件。",
            "its sentence does not say it counts the table's figure",
        ),
        ("12345热线收到群众申请300件，均已依申请公开答复。", "its clause counts another thing"),
    ],
)
def test_context_words_elsewhere_in_the_sentence_link_no_case_load(prose: str, why: str) -> None:
    assert [s[3] for s in statements(prose)] == [why]


def test_an_area_s_count_of_requests_is_linked_with_its_area() -> None:
    report = parse(f"{TITLE}一、总体情况\n全市收到政府信息公开申请51件。\n")
    assert [(s.unlinked, s.area) for s in report.statements] == [(None, "全市")]


def test_a_clause_s_comma_inside_a_number_gives_no_statement() -> None:
    assert statements("本年度收到政府信息公开申请1，200件。") == []
    assert [s[1] for s in statements("本年度收到政府信息公开申请1,200件。")] == [1200]


def test_show_names_r7_s_verdict_for_each_of_two_statements_of_one_number_on_a_line() -> None:
    from govinfo_report._show import report_text

    report = canonical("2021")  # reviews 4; lawsuits 3 + 3 = 6
    report.review["litigation_after_review"] = [1, 0, 1, 1]
    report.prose = {1: "本年度因政府信息公开被申请行政复议4件，被提起行政诉讼4件。"}
    shown = report_text(parse(to_text(report)))
    assert "行政复议4件 → review_litigation review:total: R7 holds" in shown
    assert (
        "行政诉讼4件 → review_litigation litigation_direct:total + litigation_after_review:total: R7 FAILS"
        in shown
    )


def test_a_phrase_in_full_width_forms_keeps_its_printed_text_and_line() -> None:
    # NFKC folds ２１; the phrase is still cut from the line as printed (its spaces cleaned up),
    # on lines after one whose characters fold to more than one (㎡ → m2)
    text = f"{TITLE}一、总体情况\n办公用房面积１２０㎡。\n全年受理政府信息公开申请　２１　件，均已答复。\n"
    (statement,) = parse(text).statements
    assert (statement.value, statement.line, statement.phrase) == (21, 4, "受理政府信息公开申请 ２１ 件")


def test_a_figure_longer_than_any_count_is_no_statement() -> None:
    # thousands of digits: int() refuses them and float() gives inf; no report states such a figure
    import json

    text = (
        "某局2023年政府信息公开工作年度报告\n一、总体情况\n"
        f"本年度共收取信息处理费{'9' * 400}.5元。收到政府信息公开申请{'9' * 5000}件。"
        "本年度收到政府信息公开申请12件。\n"
    )
    report = parse(text)
    assert [s.value for s in report.statements] == [12]
    json.dumps(report.to_dict(), allow_nan=False)
