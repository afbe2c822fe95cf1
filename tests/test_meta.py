"""meta: title, organ and year from the first lines of the report."""

from __future__ import annotations

import pytest

from govinfo_report import parse
from govinfo_report._meta import Meta, read_meta
from govinfo_report._normalize import normalize
from govinfo_report._sections import split_sections


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


# --------------------------------------------------------------------------- forms real titles take


@pytest.mark.parametrize(
    ("text", "title", "organ", "year"),
    [
        # the organ joined to the report's name by 关于: 关于 is no part of the organ
        (
            "青山市人民政府关于2024年政府信息公开工作年度报告",
            "青山市人民政府关于2024年政府信息公开工作年度报告",
            "青山市人民政府",
            2024,
        ),
        # a notice issuing the report: the report's name and organ, not the notice's words
        (
            "关于印发青山市统计局2023年政府信息公开工作年度报告的通知",
            "青山市统计局2023年政府信息公开工作年度报告",
            "青山市统计局",
            2023,
        ),
        (
            "青山县人民政府办公室关于印发《青山县2023年政府信息公开工作年度报告》的通知",
            "青山县2023年政府信息公开工作年度报告",
            "青山县",
            2023,
        ),
        (
            "青山市人民政府关于印发2024年政府信息公开工作年度报告的通知",
            "2024年政府信息公开工作年度报告",
            "青山市人民政府",
            2024,
        ),
        (
            "关于公布2022年青山市财政局政务公开工作年度报告的公告",
            "2022年青山市财政局政务公开工作年度报告",
            "青山市财政局",
            2022,
        ),
        (
            "关于印发青山市民政局政府信息公开工作年度报告的通知（2023年）",
            "青山市民政局政府信息公开工作年度报告（2023年）",
            "青山市民政局",
            2023,
        ),
        # full-width digits: the year is read, not glued to the organ
        (
            "青山区人民政府２０２４年政府信息公开工作年度报告",
            "青山区人民政府２０２４年政府信息公开工作年度报告",
            "青山区人民政府",
            2024,
        ),
        (
            "青山区人民政府２０２４年度政府信息公开工作年度报告",
            "青山区人民政府２０２４年度政府信息公开工作年度报告",
            "青山区人民政府",
            2024,
        ),
        (
            "２０２３年青山区教育局政府信息公开工作年度报告",
            "２０２３年青山区教育局政府信息公开工作年度报告",
            "青山区教育局",
            2023,
        ),
        (
            "青山区人民政府办公室政府信息公开工作年度报告（２０２３年）",
            "青山区人民政府办公室政府信息公开工作年度报告（２０２３年）",
            "青山区人民政府办公室",
            2023,
        ),
        # 年度 after the year
        (
            "青山市水务局2024年度政府信息公开工作年度报告",
            "青山市水务局2024年度政府信息公开工作年度报告",
            "青山市水务局",
            2024,
        ),
    ],
)
def test_title_forms(text: str, title: str, organ: str, year: int) -> None:
    meta = meta_of(text + "\n一、总体情况\n正文。")
    assert (meta.title, meta.organ, meta.year, meta.line) == (title, organ, year, 1)


@pytest.mark.parametrize(
    "years",
    [
        "2024—2025年",
        "2024－2025年",
        "2024-2025年",
        "2024~2025年",
        "2024至2025年",
        "2024年至2025年",
        "2024 - 2025年度",
        "2024年度—2025年度",
    ],
)
def test_a_year_range_names_no_year(years: str) -> None:
    # which of the two years the report covers is not said: no year, rather than a guess
    meta = meta_of(f"青山市水务局{years}政府信息公开工作年度报告\n一、总体情况\n正文。")
    assert (meta.organ, meta.year) == ("青山市水务局", None)


def test_a_range_over_one_year_is_that_year() -> None:
    meta = meta_of("青山市水务局2024—2024年政府信息公开工作年度报告\n一、总体情况\n正文。")
    assert (meta.organ, meta.year) == ("青山市水务局", 2024)


def test_parse_reports_a_year_range_as_no_year() -> None:
    report = parse("青山市水务局2024—2025年政府信息公开工作年度报告\n一、总体情况\n正文。")
    assert (report.organ, report.year) == ("青山市水务局", None)
    assert "meta.no_year" in [d.code for d in report.diagnostics]


# --------------------------------------------------------------------------- page chrome


def page(page_title: str, body: str) -> str:
    return (
        f"<html><head><title>{page_title}</title></head><body>{body}"
        "<p>一、总体情况</p><p>本局认真贯彻条例。</p></body></html>"
    )


GENERIC_PAGE_TITLES = [
    "青山市人民政府门户网站",
    "政府信息公开年报_青山市人民政府",
    "当前位置：首页 > 政务公开 > 年度报告",
    "青山市人民政府|2024年度政府信息公开年报",
    "政府信息公开工作年度报告 - 青山市人民政府",
    "2023年政府信息公开工作年度报告_青山市人民政府",
]


@pytest.mark.parametrize("page_title", GENERIC_PAGE_TITLES)
def test_the_title_in_the_body_wins_over_page_chrome(page_title: str) -> None:
    body = (
        "<div>当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>"
        "<p>2024年青山市林业局政府信息公开工作年度报告</p>"
    )
    report = parse(page(page_title, body))
    assert (report.title, report.organ, report.year) == (
        "2024年青山市林业局政府信息公开工作年度报告",
        "青山市林业局",
        2024,
    )


@pytest.mark.parametrize("page_title", GENERIC_PAGE_TITLES)
def test_page_chrome_is_never_the_organ(page_title: str) -> None:
    report = parse(page(page_title, "<p>2024年政府信息公开工作年度报告</p>"))
    assert (report.title, report.organ, report.year) == ("2024年政府信息公开工作年度报告", None, 2024)


def test_the_organ_on_its_own_line_under_page_chrome() -> None:
    report = parse(page("青山市人民政府门户网站", "<p>青山市林业局</p><p>2024年政府信息公开工作年度报告</p>"))
    assert (report.organ, report.year) == ("青山市林业局", 2024)


def test_a_page_title_lends_its_report_part() -> None:
    # the page title names the report before the site; the body's title names no organ
    report = parse(
        page(
            "青山市林业局2024年政府信息公开工作年度报告_青山市人民政府",
            "<p>2024年政府信息公开工作年度报告</p>",
        )
    )
    assert (report.title, report.organ, report.year) == (
        "青山市林业局2024年政府信息公开工作年度报告",
        "青山市林业局",
        2024,
    )


def test_page_markup_read_as_text_is_no_part_of_the_title() -> None:
    meta = meta_of("<title>青山市林业局2023年政府信息公开工作年度报告_青山市人民政府</title>\n一、总体情况")
    assert (meta.title, meta.organ, meta.year) == (
        "青山市林业局2023年政府信息公开工作年度报告",
        "青山市林业局",
        2023,
    )


def test_a_breadcrumb_wrapped_over_two_lines_is_no_title() -> None:
    # pandoc's Markdown of a page: the breadcrumb's second line starts with a link
    meta = meta_of(
        "当前位置：[首页](/) \\> [政务公开](/zwgk/) \\>\n"
        "[政府信息公开](/zwgk/zfxxgk/) \\> [政府信息公开年报](/zwgk/zfxxgk/ndbg/)\n\n"
        "# 青山市林业局2023年政府信息公开工作年度报告\n\n一、总体情况"
    )
    assert (meta.title, meta.organ, meta.year) == (
        "青山市林业局2023年政府信息公开工作年度报告",
        "青山市林业局",
        2023,
    )


@pytest.mark.parametrize(
    "crumbs",
    [
        "首页 > 政务公开 > 政府信息公开年报",
        "您的位置：首页 » 政务公开 » 政府信息公开年报",
        "首页 / 政务公开 / 政府信息公开年报",
        "[政府信息公开年报](/ndbg/)",
    ],
)
def test_a_breadcrumb_is_neither_title_nor_organ(crumbs: str) -> None:
    meta = meta_of(f"{crumbs}\n2023年政府信息公开工作年度报告\n一、总体情况")
    assert (meta.title, meta.organ, meta.year) == ("2023年政府信息公开工作年度报告", None, 2023)


def test_navigation_links_do_not_use_up_the_lines_looked_at() -> None:
    nav = "".join(f"* [栏目{i}](/c{i}/)\n\n" for i in range(12))
    meta = meta_of(f"{nav}青山市林业局2023年政府信息公开工作年度报告\n\n一、总体情况")
    assert (meta.organ, meta.year) == ("青山市林业局", 2023)


def test_a_title_wrapped_inside_its_words() -> None:
    # a PDF's line break falls inside 政府信息公开
    meta = meta_of("青山市林业局 2019 年政府信息公\n开工作年度报告\n本报告根据条例编制。\n一、总体情况")
    assert (meta.title, meta.organ, meta.year, meta.line) == (
        "青山市林业局 2019 年政府信息公开工作年度报告",
        "青山市林业局",
        2019,
        1,
    )


def test_a_title_above_is_no_organ_but_an_organ_named_for_its_work_is() -> None:
    assert meta_of("政府信息公开工作年度报告\n2024年政府信息公开工作年度报告\n一、总体情况").organ is None
    meta = meta_of("青山市政务公开办公室\n2024年政府信息公开工作年度报告\n一、总体情况")
    assert (meta.organ, meta.year) == ("青山市政务公开办公室", 2024)


def test_a_report_name_quoted_in_prose_is_no_title() -> None:
    meta = meta_of("本报告根据《中华人民共和国政府信息公开工作年度报告格式》要求编制。\n一、总体情况")
    assert (meta.title, meta.organ, meta.year) == (None, None, None)
