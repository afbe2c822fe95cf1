"""sections: the six numbered headings, their spans, and table row labels that only look like headings."""

from __future__ import annotations

import pytest

from govinfo_report import parse
from govinfo_report._normalize import normalize
from govinfo_report._sections import heading_number, split_sections
from govinfo_report.model import Section, Span


def sections_of(text: str) -> tuple[list[Section], list[str]]:
    slices, diagnostics = split_sections(normalize(text).lines)
    return [s.section for s in slices], [d.code for d in diagnostics]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一、总体情况", 1),
        ("一、概述", 1),
        ("二、主动公开政府信息情况", 2),
        ("三、收到和处理政府信息公开申请情况", 3),
        ("四、政府信息公开行政复议、行政诉讼情况", 4),
        ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", 4),
        ("五、存在的主要问题及改进情况", 5),
        ("五、政府信息公开工作存在的主要问题及改进情况", 5),
        ("五、存在问题及改进情况", 5),
        ("六、其他需要报告的事项", 6),
    ],
)
def test_canonical_headings_and_variants(text: str, number: int) -> None:
    assert heading_number(text) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一 、 总体情况", 1),
        ("一．总体情况", 1),
        ("一、总 体 情 况", 1),
        ("  三、收到和处理政府信息公开申请情况  ", 3),
        ("| 五、存在的主要问题及改进情况 |", 5),
    ],
)
def test_headings_with_spaces_and_punctuation_variants(text: str, number: int) -> None:
    assert heading_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
        "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
        "\t一、本年新收政府信息公开申请数量",
        "（一）主动公开情况",
        "本局认真贯彻条例。",
    ],
)
def test_table_row_labels_are_not_headings(text: str) -> None:
    assert heading_number(text) is None


REPORT = "\n".join(
    [
        "某局2021年政府信息公开工作年度报告",  # 1
        "## 一、总体情况",  # 2
        "（一）主动公开情况。全年公开信息10条。",  # 3
        "补充说明。",  # 4
        "（二）依申请公开情况。未收到申请。",  # 5
        "1.平台建设。网站运行正常。",  # 6
        "**二、主动公开政府信息情况**",  # 7
        "第二十条第（一）项",  # 8
        "### 三、收到和处理政府信息公开申请情况",  # 9
        "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1",  # 10
        "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",  # 11
        "三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1",  # 12
        "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",  # 13
        "四、政府信息公开行政复议、行政诉讼情况",  # 14
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",  # 15
        "五、存在的主要问题及改进情况",  # 16
        "问题。",  # 17
        "六、其他需要报告的事项",  # 18
        "无",  # 19
    ]
)


def test_six_sections_with_spans_and_headings() -> None:
    sections, codes = sections_of(REPORT)
    assert [(s.number, s.heading, s.span) for s in sections] == [
        (1, "一、总体情况", Span(2, 6)),
        (2, "二、主动公开政府信息情况", Span(7, 8)),
        (3, "三、收到和处理政府信息公开申请情况", Span(9, 13)),
        (4, "四、政府信息公开行政复议、行政诉讼情况", Span(14, 15)),
        (5, "五、存在的主要问题及改进情况", Span(16, 17)),
        (6, "六、其他需要报告的事项", Span(18, 19)),
    ]
    assert codes == []


def test_table_rows_stay_in_section_three() -> None:
    sections, _ = sections_of(REPORT)
    body = sections[2].text.split("\n")
    assert body[0].startswith("一、本年新收政府信息公开申请数量")
    assert body[3].startswith("四、结转下年度继续办理")
    assert len(body) == 4


def test_section_text_excludes_heading() -> None:
    sections, _ = sections_of(REPORT)
    assert sections[1].text == "第二十条第（一）项"
    assert sections[5].text == "无"


def test_subsections_of_section_one() -> None:
    sections, _ = sections_of(REPORT)
    subs = sections[0].subsections
    assert [(s.number, s.heading, s.span, s.text) for s in subs] == [
        (1, "（一）主动公开情况。", Span(3, 4), "全年公开信息10条。\n补充说明。"),
        (2, "（二）依申请公开情况。", Span(5, 5), "未收到申请。"),
        (1, "1.平台建设。", Span(6, 6), "网站运行正常。"),
    ]


def test_duplicated_heading_is_merged() -> None:
    text = "\n".join(
        [
            "某局2020年政府信息公开工作年度报告",  # 1
            "一、总体情况",  # 2
            "引言。",  # 3
            "一、总体情况",  # 4
            "正文。",  # 5
            "二、主动公开政府信息情况",  # 6
            "表格。",  # 7
        ]
    )
    slices, diagnostics = split_sections(normalize(text).lines)
    sections = [s.section for s in slices]
    assert [s.number for s in sections] == [1, 2]
    assert sections[0].span == Span(2, 5)
    assert "引言。" in sections[0].text and "正文。" in sections[0].text
    duplicate = [d for d in diagnostics if d.code == "sections.duplicate"]
    assert len(duplicate) == 1
    assert duplicate[0].span == Span(4, 4)


def test_missing_sections_reported() -> None:
    _, codes = sections_of("一、总体情况\n正文。\n二、主动公开政府信息情况\n表格。")
    assert codes == ["sections.missing"]


def test_out_of_order_heading_is_ignored_and_reported() -> None:
    sections, codes = sections_of(
        "一、总体情况\n甲\n三、收到和处理政府信息公开申请情况\n乙\n二、主动公开政府信息情况\n丙"
    )
    assert [s.number for s in sections] == [1, 3]
    assert "sections.out_of_order" in codes
    assert sections[1].span == Span(3, 6)


def test_no_headings_no_sections_no_diagnostics() -> None:
    sections, codes = sections_of("本局认真贯彻条例。\n全年未收到申请。")
    assert sections == []
    assert codes == []


def test_headings_split_out_of_a_crawler_line() -> None:
    line = (
        "本报告根据条例编制，统计期限为2024年1月1日至12月31日。"
        "一、总体情况 2024年，本区持续深化政务公开，取得积极成效。"
        "二、主动公开政府信息情况第二十条第（一）项"
    )
    sections, _ = sections_of(line)
    assert [(s.number, s.span) for s in sections] == [(1, Span(1, 1)), (2, Span(1, 1))]
    assert sections[1].text == "第二十条第（一）项"


# --- a misspelt heading -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "number"),
    [
        ("三、收到和处里政府信息公开申情况", 3),  # a character changed, one dropped
        ("二、主动公政府信息情况", 2),  # one dropped
        ("一、总休情况", 1),  # one changed
    ],
)
def test_a_misspelt_heading_is_read_and_said(heading: str, number: int) -> None:
    r = parse(f"某局2023年政府信息公开工作年度报告\n{heading}\n本局依法公开。\n")
    assert [s.number for s in r.sections] == [number]
    assert [d.code for d in r.diagnostics if d.code.startswith("sections.heading")] == [
        "sections.heading_misspelt"
    ]


@pytest.mark.parametrize(
    "label", ["四、结转下年度继续办理", "三、本年度办理结果", "二、上年结转政府信息公开申请数量"]
)
def test_a_table_row_label_is_no_misspelt_heading(label: str) -> None:
    assert heading_number(label) is None


# --- each table found whatever its section heading says -----------------------------------------

_HEADINGS = {
    "active_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}
_MISSPELT = {  # off in the words that name the section (a heading that holds them is a variant)
    "active_disclosure": "二、主公动开政府信息情况",  # two swapped
    "applications": "三、收到和处里政府信息公开申情况",  # one changed, one dropped
    "review_litigation": "四、政府信息公开行政复仪、行政讼情况",  # one changed, one dropped
}


def _canonical_text(table: str, heading: str | None) -> tuple[str, dict[str, object]]:
    from render import canonical, expected, to_text

    report = canonical("2021")
    text = to_text(report)
    assert _HEADINGS[table] in text
    replaced = text.replace(_HEADINGS[table] + "\n", "" if heading is None else heading + "\n")
    return replaced, expected(report)


def _renumbered(heading: str) -> str:
    return "（" + heading[0] + "）" + heading[2:]  # a subsection's number: no section heading


@pytest.mark.parametrize("table", sorted(_HEADINGS))
@pytest.mark.parametrize("how", ["misspelt", "missing", "renumbered"])
def test_each_table_is_read_whatever_its_heading_says(table: str, how: str) -> None:
    heading = {"misspelt": _MISSPELT[table], "missing": None, "renumbered": _renumbered(_HEADINGS[table])}
    text, truth = _canonical_text(table, heading[how])
    report = parse(text)
    assert report.to_dict()[table] == truth[table]
    codes = {d.code for d in report.diagnostics}
    assert ("sections.heading_misspelt" in codes) == (how == "misspelt")
    assert "table.missing" not in codes
