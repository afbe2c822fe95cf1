"""normalize: raw text → clean Lines that remember their source line; every repair reported."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govinfo_report._normalize import NEWLINE, Normalized, line_breaks, normalize, normalize_lines
from govinfo_report.model import Span


def pairs(result: Normalized) -> list[tuple[int, str]]:
    return [(line.number, line.text) for line in result.lines]


def codes(result: Normalized) -> list[str]:
    return [d.code for d in result.diagnostics]


# --------------------------------------------------------------------------- line numbering


def test_crlf_cr_and_lf_each_count_as_one_line_break() -> None:
    result = normalize("甲\r\n乙\r丙\n丁")
    assert pairs(result) == [(1, "甲"), (2, "乙"), (3, "丙"), (4, "丁")]
    assert result.line_count == 4


def test_crlf_is_not_two_breaks() -> None:
    result = normalize("一\r\n\r\n二")
    assert pairs(result) == [(1, "一"), (2, ""), (3, "二")]


def test_clean_text_has_no_diagnostics() -> None:
    result = normalize("一、总体情况\n本局认真贯彻条例。")
    assert result.diagnostics == ()
    assert pairs(result) == [(1, "一、总体情况"), (2, "本局认真贯彻条例。")]


# --------------------------------------------------------------------------- spaces


def test_nbsp_and_ideographic_space_become_spaces() -> None:
    result = normalize("规\u00a0章\u3000说明")
    assert pairs(result) == [(1, "规 章 说明")]


def test_zero_width_characters_are_removed() -> None:
    result = normalize("\ufeff行政\u200b许可\u200d")
    assert pairs(result) == [(1, "行政许可")]


def test_trailing_spaces_are_stripped_but_tabs_kept() -> None:
    result = normalize("信息内容\t本年处理决定数量\t\t  \n\t\t0\t0")
    assert pairs(result) == [(1, "信息内容\t本年处理决定数量\t\t"), (2, "\t\t0\t0")]


def test_tabs_inside_a_row_are_preserved() -> None:
    result = normalize("规章\t0\t0\t0")
    assert result.lines[0].text.split("\t") == ["规章", "0", "0", "0"]


# --------------------------------------------------------------------------- markup


def test_markdown_heading_marks_and_bold_are_removed() -> None:
    result = normalize(
        "## 一、总体情况\n**二、主动公开政府信息情况**\n#### 四、政府信息公开行政复议、行政诉讼情况"
    )
    assert pairs(result) == [
        (1, "一、总体情况"),
        (2, "二、主动公开政府信息情况"),
        (3, "四、政府信息公开行政复议、行政诉讼情况"),
    ]


def test_heading_mark_and_bold_together() -> None:
    assert pairs(normalize("## **六、其他需要报告的事项**")) == [(1, "六、其他需要报告的事项")]


def test_bold_inside_a_sentence() -> None:
    assert pairs(normalize("全年收到申请**3**件。")) == [(1, "全年收到申请3件。")]


def test_hash_without_space_is_not_a_heading_mark() -> None:
    assert pairs(normalize("#标签")) == [(1, "#标签")]


def test_word_artefact_removed_and_reported() -> None:
    result = normalize("行政许可\n\t[bookmark: _GoBack]0")
    assert pairs(result) == [(1, "行政许可"), (2, "\t0")]
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "normalize.artefact"
    assert diagnostic.span == Span(2, 2)


# --------------------------------------------------------------------------- page footers


@pytest.mark.parametrize("footer", ["- 3 -", "— 4 —", "-12-", "第 3 页"])
def test_page_footer_removed_with_its_line_as_span(footer: str) -> None:
    result = normalize(
        f"1.本机关不掌握相关政府信息 10 0 0 0 0 0 10\n{footer}\n3.补正后申请内容仍不明确 0 0 0 0 0 0 0"
    )
    assert pairs(result) == [
        (1, "1.本机关不掌握相关政府信息 10 0 0 0 0 0 10"),
        (3, "3.补正后申请内容仍不明确 0 0 0 0 0 0 0"),
    ]
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "normalize.page_footer"
    assert diagnostic.span == Span(2, 2)


def test_two_footers_reported_once_spanning_both() -> None:
    result = normalize("甲\n- 3 -\n乙\n— 4 —\n丙")
    assert pairs(result) == [(1, "甲"), (3, "乙"), (5, "丙")]
    assert codes(result) == ["normalize.page_footer"]
    assert result.diagnostics[0].span == Span(2, 4)


def test_negative_number_and_number_row_are_not_footers() -> None:
    result = normalize("\t-55\n10 1 0 0 0")
    assert pairs(result) == [(1, "\t-55"), (2, "10 1 0 0 0")]
    assert result.diagnostics == ()


# --------------------------------------------------------------------------- crawler chrome


def test_crawler_chrome_removed_and_title_kept() -> None:
    text = "\n".join(
        [
            "标题: 平潭综合实验区2024年度政府信息公开工作年度报告",
            "发布时间: 2025-03-10 15:35",
            "原文链接: https://www.example.gov.cn/a.htm",
            "==== 正文 ====",
            "本报告根据条例编制。",
        ]
    )
    result = normalize(text)
    assert pairs(result) == [
        (1, "平潭综合实验区2024年度政府信息公开工作年度报告"),
        (5, "本报告根据条例编制。"),
    ]
    assert codes(result) == ["normalize.crawler_chrome"]
    assert result.diagnostics[0].span == Span(1, 4)


def test_full_width_title_prefix() -> None:
    result = normalize("标题：某局2023年政府信息公开工作年度报告")
    assert pairs(result) == [(1, "某局2023年政府信息公开工作年度报告")]


def test_prose_starting_with_a_chrome_word_is_kept() -> None:
    text = "栏目设置方面，新增专栏3个。\n信息来源广泛，审核严格。"
    result = normalize(text)
    assert pairs(result) == [(1, "栏目设置方面，新增专栏3个。"), (2, "信息来源广泛，审核严格。")]
    assert result.diagnostics == ()


# --------------------------------------------------------------------------- inline headings


def test_long_crawler_line_is_split_at_canonical_headings() -> None:
    line = (
        "本报告所列数据统计期限为2024年1月1日至2024年12月31日。"
        "一、总体情况 2024年，本区持续深化政务公开。"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数"
    )
    result = normalize("标题行\n" + line + "\n下一行")
    assert pairs(result) == [
        (1, "标题行"),
        (2, "本报告所列数据统计期限为2024年1月1日至2024年12月31日。"),
        (2, "一、总体情况"),
        (2, "2024年，本区持续深化政务公开。"),
        (2, "二、主动公开政府信息情况"),
        (2, "第二十条第（一）项信息内容本年制发件数"),
        (3, "下一行"),
    ]
    assert codes(result) == ["normalize.inline_heading"]
    assert result.diagnostics[0].span == Span(2, 2)


def test_short_line_with_heading_text_is_not_split() -> None:
    result = normalize("正如一、总体情况所述")
    assert pairs(result) == [(1, "正如一、总体情况所述")]
    assert result.diagnostics == ()


def test_empty_input() -> None:
    result = normalize("")
    assert pairs(result) == [(1, "")]
    assert result.diagnostics == ()


_TRICKY = ["a", "中", "3", "-", "第", "页", "#", " ", "*", "\t", "\u3000", "\x85", "\u2028"]
_TRICKY += ["[bookmark: _GoBack]", "<br>", "发布时间：", "一、总体情况"]
_TRICKY += ["\r", "\n", "\u200b", "\ufeff", "\u00ad"] * 4  # line breaks and invisibles side by side


@given(st.lists(st.sampled_from(_TRICKY), max_size=40).map("".join))
@example("a\r\u200b\nb")  # found by review: the whole-text pass once joined these two breaks
def test_a_text_is_normalised_as_its_lines_are(text: str) -> None:
    # normalize() cleans the whole text at once; it must give what cleaning each line gives,
    # line numbers included (``\r`` + an invisible character + ``\n`` are two line breaks)
    assert normalize(text) == normalize_lines(enumerate(NEWLINE.split(text), start=1))
    assert line_breaks(text) == len(NEWLINE.split(text)) - 1
