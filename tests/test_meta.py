"""meta: title, organ and year from the first lines of the report."""

from __future__ import annotations

import pytest

from govinfo_report import parse
from govinfo_report.meta import Meta, read_meta
from govinfo_report.normalize import normalize
from govinfo_report.sections import split_sections


def meta_of(text: str) -> Meta:
    lines = normalize(text).lines
    slices, _ = split_sections(lines)
    return read_meta(lines, slices[0].start if slices else None)


@pytest.mark.parametrize(
    ("text", "title", "organ", "year"),
    [
        (
            "梅州市梅县区医疗保障局2020年政府信息公开工作年度报告\n\n一、总体情况\n正文。",
            "梅州市梅县区医疗保障局2020年政府信息公开工作年度报告",
            "梅州市梅县区医疗保障局",
            2020,
        ),
        (
            "# 平湖市医疗保障局 2023 年度政府信息公开 工作年度报告\n\n## 一、总体情况",
            "平湖市医疗保障局 2023 年度政府信息公开 工作年度报告",
            "平湖市医疗保障局",
            2023,
        ),
        (
            "2019年上海市人民政府办公厅政府信息公开工作年度报告\n一、概述",
            "2019年上海市人民政府办公厅政府信息公开工作年度报告",
            "上海市人民政府办公厅",
            2019,
        ),
        (
            "北京市西城区2022年政务公开工作年度报告",
            "北京市西城区2022年政务公开工作年度报告",
            "北京市西城区",
            2022,
        ),
    ],
)
def test_title_on_one_line(text: str, title: str, organ: str, year: int) -> None:
    meta = meta_of(text)
    assert (meta.title, meta.organ, meta.year) == (title, organ, year)
    assert meta.line == 1


def test_year_in_parentheses_after_the_title() -> None:
    meta = meta_of("某市人民政府办公室政府信息公开工作年度报告（2023年）\n一、总体情况")
    assert meta.organ == "某市人民政府办公室"
    assert meta.year == 2023


def test_organ_on_the_line_above() -> None:
    meta = meta_of("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n一、总体情况")
    assert meta.organ == "洪泽区人民政府"
    assert meta.year == 2023
    assert meta.title == "洪泽区人民政府2023 年政府信息公开工作年度报告"


def test_title_split_over_two_lines() -> None:
    meta = meta_of("2024 年上海市科委政府信息公开工作\n年度报告\n一、总体情况")
    assert meta.organ == "上海市科委"
    assert meta.year == 2024
    assert meta.title == "2024 年上海市科委政府信息公开工作年度报告"
    assert meta.line == 1


def test_crawler_title_line() -> None:
    meta = meta_of("标题: 平潭综合实验区2024年度政府信息公开工作年度报告\n发布时间: 2025-03-10 15:35\n正文。")
    assert (meta.organ, meta.year) == ("平潭综合实验区", 2024)


def test_crawler_line_running_on_after_the_title_is_cut() -> None:
    meta = meta_of("某市统计局2021年政府信息公开工作年度报告根据条例编制，统计期限为2021年1月1日至12月31日。")
    assert meta.title == "某市统计局2021年政府信息公开工作年度报告"
    assert (meta.organ, meta.year) == ("某市统计局", 2021)


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\n本局认真贯彻条例。",
        "",
        "某局关于印发2020年政务公开工作要点的通知",
    ],
)
def test_no_title(text: str) -> None:
    meta = meta_of(text)
    assert (meta.title, meta.organ, meta.year, meta.line) == (None, None, None, None)


def test_title_after_first_heading_is_not_taken() -> None:
    meta = meta_of("一、总体情况\n某局2020年政府信息公开工作年度报告")
    assert meta.title is None


def test_parse_exposes_meta_and_reports_missing_title() -> None:
    report = parse("一、总体情况\n本局认真贯彻条例。")
    assert (report.title, report.organ, report.year) == (None, None, None)
    assert "meta.no_title" in [d.code for d in report.diagnostics]


def test_parse_reports_title_without_year() -> None:
    report = parse("某某局政府信息公开工作年度报告\n一、总体情况\n正文。")
    assert report.title == "某某局政府信息公开工作年度报告"
    assert report.organ == "某某局"
    assert report.year is None
    assert "meta.no_year" in [d.code for d in report.diagnostics]


def test_a_full_title_in_the_body_wins_over_a_generic_page_title() -> None:
    from govinfo_report import parse

    page = (
        "<html><head><title>政府信息公开工作年度报告</title></head><body>"
        "<p>某县人民政府2021年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p></body></html>"
    )
    report = parse(page)
    assert (report.title, report.organ, report.year) == (
        "某县人民政府2021年政府信息公开工作年度报告",
        "某县人民政府",
        2021,
    )
