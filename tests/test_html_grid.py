"""The HTML layout: block text, span expansion into grids, and the real page 005.html.

Every HTML snippet is built one source line per list item, so the expected line numbers can be
read off the list (item 0 is line 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report._tables import html as html_reader
from govinfo_report._tables.html import (
    MAX_SPAN,
    MAX_TABLE_CELLS,
    HtmlDocument,
    looks_like_html,
    read_html,
)
from govinfo_report.model import GridCell

CORPUS_005 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw" / "005.html"

S = None
"""A spanned position, in the compact text view of a grid (pdfplumber's convention)."""


def html(*lines: str) -> str:
    return "\n".join(lines)


def read(source: str) -> HtmlDocument:
    doc = read_html(source)
    assert doc is not None
    return doc


def only_grid(source: str) -> tuple[tuple[GridCell, ...], ...]:
    doc = read(source)
    assert len(doc.tables) == 1
    return doc.tables[0][1]


def texts(grid: tuple[tuple[GridCell, ...], ...]) -> list[list[str | None]]:
    """The grid as text, None where a position is covered by another cell's span."""
    return [[None if cell.spanned else cell.text for cell in row] for row in grid]


# --- span expansion -----------------------------------------------------------------------------

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

TABLE_3 = html(
    "<table>",  # 1
    f'<tr><td colspan="3" rowspan="2">{NOTE}</td><td colspan="2">申请人情况</td></tr>',  # 2
    "<tr><td>自然人</td><td>总计</td></tr>",  # 3
    '<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>'
    "<td>5</td><td>5</td></tr>",  # 4
    '<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td><td>0</td></tr>',  # 5
    "<tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>1</td></tr>",  # 6
    "</table>",  # 7
)


def test_table_3_spans_expand_into_a_rectangular_grid() -> None:
    grid = only_grid(TABLE_3)
    assert texts(grid) == [
        [NOTE, S, S, "申请人情况", S],
        [S, S, S, "自然人", "总计"],
        ["三、本年度办理结果", "（一）予以公开", S, "5", "5"],
        [S, "（三）不予公开", "1.属于国家秘密", "", "0"],
        [S, S, "2.其他法律行政法规禁止公开", "1", "1"],
    ]


def test_spanned_positions_carry_the_line_of_the_cell_that_covers_them() -> None:
    grid = only_grid(TABLE_3)
    assert grid[0][0] == GridCell(NOTE, 2)
    assert grid[1][2] == GridCell("", 2, spanned=True)
    assert grid[2][0] == GridCell("三、本年度办理结果", 4)
    assert grid[4][0] == GridCell("", 4, spanned=True)  # rowspan=3 from line 4
    assert grid[3][1] == GridCell("（三）不予公开", 5)
    assert grid[4][1] == GridCell("", 5, spanned=True)  # rowspan=2 from line 5
    assert grid[3][3] == GridCell("", 5)  # &nbsp;: blank, not spanned
    assert grid[4][2] == GridCell("2.其他法律行政法规禁止公开", 6)


def test_short_rows_are_padded_with_filler_cells() -> None:
    grid = only_grid(
        html(
            "<table>",
            "<tr><td>a</td><td>b</td><td>c</td></tr>",
            "<tr><td>d</td></tr>",
            "</table>",
        )
    )
    # the row printed one cell: the others are filler (no cell of the page), not blank cells
    assert grid[1] == (GridCell("d", 3), GridCell("", 3, filler=True), GridCell("", 3, filler=True))


def test_rowspan_past_the_last_row_is_cut_at_the_table_end() -> None:
    grid = only_grid('<table><tr><td rowspan="5">a</td><td>b</td></tr></table>')
    assert texts(grid) == [["a", "b"]]


def test_overlapping_spans_keep_the_first_cell() -> None:
    # b's colspan=2 runs into the position a's rowspan already covers.
    grid = only_grid(
        html(
            "<table>",
            '<tr><td>x</td><td rowspan="2">a</td></tr>',
            '<tr><td colspan="2">b</td><td>c</td></tr>',
            "</table>",
        )
    )
    assert texts(grid) == [["x", "a", ""], ["b", S, "c"]]
    assert grid[1][1] == GridCell("", 2, spanned=True)  # a's (line 2), not b's (line 3)


@pytest.mark.parametrize(
    ("attribute", "width"),
    [
        ('colspan="abc"', 1),
        ('colspan=""', 1),
        ('colspan="0"', 1),
        ('colspan="-3"', 1),
        ('colspan="2px"', 2),  # read like browsers do: the leading integer
        ('colspan=" 3 "', 3),
        ('colspan="100000"', MAX_SPAN),
        ('colspan="' + "9" * 5000 + '"', MAX_SPAN),  # too long for int(): clamped, no error
    ],
)
def test_malformed_colspan_is_clamped(attribute: str, width: int) -> None:
    grid = only_grid(f"<table><tr><td {attribute}>x</td><td>y</td></tr></table>")
    assert texts(grid) == [["x", *[S] * (width - 1), "y"]]


@pytest.mark.parametrize("value", ["abc", "0", "-1", ""])
def test_malformed_rowspan_is_one_row(value: str) -> None:
    grid = only_grid(f'<table><tr><td rowspan="{value}">a</td><td>b</td></tr><tr><td>c</td></tr></table>')
    assert texts(grid) == [["a", "b"], ["c", ""]]


def test_huge_rowspan_is_clamped_to_max_span() -> None:
    rows = "<tr><td>r</td></tr>" * (MAX_SPAN + 5)
    grid = only_grid(f'<table><tr><td rowspan="100000">a</td><td>b</td></tr>{rows}</table>')
    # covers its own row and MAX_SPAN - 1 more; the rows after it start in column 0 again.
    assert [row[0].spanned for row in grid[1:MAX_SPAN]] == [True] * (MAX_SPAN - 1)
    assert texts(grid)[MAX_SPAN - 1] == [S, "r"]
    assert texts(grid)[MAX_SPAN] == ["r", ""]


def test_a_table_over_max_table_cells_keeps_the_rows_that_fit() -> None:
    n_rows = MAX_TABLE_CELLS // MAX_SPAN + 50
    doc = read("<table>" + f'<tr><td colspan="{MAX_SPAN}">x</td></tr>' * n_rows + "</table>")
    grid = doc.tables[0][1]
    assert len(grid) == MAX_TABLE_CELLS // MAX_SPAN
    assert {len(row) for row in grid} == {MAX_SPAN}
    assert doc.truncated


# --- cell text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "<td>本年新<br />制作数量</td>",
        "<td>本年新<br>制作数量</td>",
        "<td><p>本年新</p><p>制作数量</p></td>",
        "<td>\n  <p>本年新</p>\n  <p>制作数量</p>\n</td>",
        "<td><p align='center'>本年新<br />\n制作数量</p></td>",
        "<td><span>本年新</span><b>制作数量</b></td>",
    ],
)
def test_breaks_inside_a_cell_join_without_separator(cell: str) -> None:
    assert texts(only_grid(f"<table><tr>{cell}</tr></table>")) == [["本年新制作数量"]]


@pytest.mark.parametrize(
    "cell",
    [
        "<td>&nbsp;</td>",
        "<td><p align='center'>&nbsp;</p></td>",
        "<td>&nbsp; &#160;\u3000\n</td>",
        "<td></td>",
        "<td><br></td>",
    ],
)
def test_nbsp_and_empty_cells_are_blank(cell: str) -> None:
    grid = only_grid(f"<table><tr><td>a</td>{cell}</tr></table>")
    assert grid[0][1] == GridCell("", 1)


def test_whitespace_inside_a_cell_collapses_to_one_space() -> None:
    grid = only_grid(
        "<table><tr><td>  251000\n   元 </td><td>a&nbsp;&nbsp;b</td><th>x\u200by</th></tr></table>"
    )
    assert texts(grid) == [["251000 元", "a b", "xy"]]


def test_cell_line_is_the_line_of_its_first_character() -> None:
    grid = only_grid(html("<table><tr>", "<td>", "", "  <p>13</p>", "</td>", "</tr></table>"))
    assert grid[0][0] == GridCell("13", 4)


def test_thead_tbody_tfoot_and_th_are_rows_in_document_order() -> None:
    grid = only_grid(
        html(
            "<table>",
            "<thead><tr><th>信息内容</th><th>本年新制作数量</th></tr></thead>",
            "<tbody><tr><td>规章</td><td>13</td></tr></tbody>",
            "<tfoot><tr><td>合计</td><td>13</td></tr></tfoot>",
            "</table>",
        )
    )
    assert texts(grid) == [["信息内容", "本年新制作数量"], ["规章", "13"], ["合计", "13"]]
    assert [row[0].line for row in grid] == [2, 3, 4]


def test_unclosed_cells_and_rows_are_recovered() -> None:
    grid = only_grid("<table><tr><td>a<td>b<tr><td>c</table><p>after</p>")
    assert texts(grid) == [["a", "b"], ["c", ""]]


def test_cells_outside_any_row_form_a_row() -> None:
    assert texts(only_grid("<table><td>a</td><td>b</td><tr><td>c</td></tr></table>")) == [
        ["a", "b"],
        ["c", ""],
    ]


def test_tables_without_cells_are_left_out() -> None:
    doc = read("<p>x</p><table></table><table><tr></tr></table><table><tbody></tbody></table>")
    assert doc.tables == ()
    assert doc.lines == (("x", 1),)


def test_a_row_without_cells_is_left_out() -> None:
    assert texts(only_grid("<table><tr></tr><tr><td>x</td></tr><tr></tr></table>")) == [["x"]]


def test_a_row_only_covered_by_a_rowspan_is_kept() -> None:
    grid = only_grid('<table><tr><td rowspan="2">a</td><td>b</td></tr><tr></tr></table>')
    assert texts(grid) == [["a", "b"], [S, ""]]


# --- block text and table positions -------------------------------------------------------------


def test_lines_and_table_positions() -> None:
    doc = read(
        html(
            "<p>二、主动公开政府信息情况</p>",
            "<table><tr><td>规章</td><td>13</td></tr></table>",
            "<p>三、收到和处理政府信息公开申请情况</p>",
            "<div>说明</div>",
            "<table><tr><td>自然人</td></tr></table>",
        )
    )
    assert doc.lines == (
        ("二、主动公开政府信息情况", 1),
        ("三、收到和处理政府信息公开申请情况", 3),
        ("说明", 4),
    )
    assert [position for position, _ in doc.tables] == [1, 3]
    assert texts(doc.tables[1][1]) == [["自然人"]]


def test_br_splits_a_block_into_lines() -> None:
    doc = read(html("<p>一、总体情况<br>（一）主动公开", "方面<br /></p>", "<p><br />四、行政复议</p>"))
    assert doc.lines == (("一、总体情况", 1), ("（一）主动公开 方面", 1), ("四、行政复议", 3))


def test_inline_elements_stay_on_their_line() -> None:
    doc = read("<div>共受理<strong>859</strong>件，<a href='#'>详见</a>附表</div><h2>二、主动公开</h2>")
    assert doc.lines == (("共受理859件，详见附表", 1), ("二、主动公开", 1))


def test_scripts_styles_comments_and_page_chrome_are_dropped() -> None:
    doc = read(
        html(
            "<html><head><title>年度报告</title><style>p { color: red }</style></head><body>",
            "<header>首页 | 政务公开</header><nav><table><tr><td>菜单</td></tr></table></nav>",
            '<script>var s = "<p>not text</p>";</script><noscript>请启用脚本</noscript>',
            "<!-- <p>注释</p> -->",
            "<p>&nbsp;正文&nbsp;</p>",
            "<footer>版权所有</footer>",
            "</body></html>",
        )
    )
    assert doc.lines == (("年度报告", 1), ("正文", 5))
    assert doc.tables == ()


def test_nested_layout_table_keeps_the_inner_table_and_its_text_goes_to_lines() -> None:
    doc = read(
        html(
            "<table><tr>",
            "<td><p>二、主动公开政府信息情况</p>",
            "<table><tr><td>规章</td><td>13</td></tr></table>",
            "<p>三、收到和处理</p></td>",
            "<td>侧栏</td>",
            "</tr></table>",
        )
    )
    assert doc.lines == (("二、主动公开政府信息情况", 2), ("三、收到和处理", 4), ("侧栏", 5))
    assert len(doc.tables) == 1
    position, grid = doc.tables[0]
    assert position == 1
    assert grid == ((GridCell("规章", 3), GridCell("13", 3)),)


def test_caption_is_a_line_before_its_table() -> None:
    doc = read("<table><caption>表一</caption><tr><td>a</td></tr></table>")
    assert doc.lines == (("表一", 1),)
    assert doc.tables[0][0] == 1


def test_pre_keeps_its_lines() -> None:
    doc = read(html("<pre>一、总体情况", "\t规章\t13", "</pre>"))
    assert doc.lines == (("一、总体情况", 1), ("规章 13", 2))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_count_as_one_line_break(newline: str) -> None:
    doc = read(newline.join(["<p>a</p>", "", "<p>b</p>"]))
    assert doc.lines == (("a", 1), ("b", 3))


def test_meta_charset_in_an_already_decoded_page_is_ignored() -> None:
    doc = read(
        '<?xml version="1.0" encoding="gbk"?><html><head>'
        '<meta http-equiv="Content-Type" content="_text/html; charset=gb2312"></head>'
        "<body><p>政府信息公开</p></body></html>"
    )
    assert doc.lines == (("政府信息公开", 1),)


# --- what is HTML -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   \n",
        "2019年政府信息公开工作年度报告\n一、总体情况",
        "《上海市贯彻<长江三角洲区域一体化发展规划纲要>实施方案》",
        "a < b and c > d",
        "| 规章 | 13 |\n|---|---|",
        "<!-- only a comment -->",
    ],
)
def test_text_that_is_not_html(source: str) -> None:
    assert not looks_like_html(source)
    assert read_html(source) is None


@pytest.mark.parametrize(
    "source",
    ["<p>x", "<BR/>", "<TABLE BORDER=1>", "</div>", "<!DOCTYPE html>", "<td\nclass='a'>1</td>"],
)
def test_fragments_that_are_html(source: str) -> None:
    assert looks_like_html(source)
    assert read_html(source) is not None


_TOKENS = st.sampled_from(
    [
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<tbody>", "<p>", "</p>",
        "<br />", "<div>", "</div>", "<pre>", "</pre>", "<caption>", "<script>", "</script>",
        '<td rowspan="3">', '<td colspan="2">', '<td colspan="x">', '<td rowspan="0">',
        "&nbsp;", "&#0;", "&bogus;", "<!--", "-->", "<?xml ?>", "<", ">", "\n", "\r", "\x00",
        "\ud800", "规章", "13", " ",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=60).map("".join))
def test_never_raises_on_tag_soup(source: str) -> None:
    doc = read_html(source)
    if doc is not None:
        for _, grid in doc.tables:
            assert grid and len({len(row) for row in grid}) == 1
        assert all(text and line >= 1 for text, line in doc.lines)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(source: str) -> None:
    read_html(source)


# --- the real page ------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_005.exists(), reason="needs ../shared/corpus")
def test_corpus_005_html_fragment() -> None:
    # A fragment with no <html> wrapper, all on one line.
    doc = read(CORPUS_005.read_text(encoding="utf-8"))
    assert len(doc.tables) >= 3
    rows = [row for _, grid in doc.tables for row in grid]
    # 第二十条第（五）项: <td>行政许可</td><td colspan="2">0</td><td>0</td><td>0</td>
    # (the colspan sits on the first value cell, while the header row puts it on the second).
    assert [
        GridCell("行政许可", 1),
        GridCell("0", 1),
        GridCell("", 1, spanned=True),
        GridCell("0", 1),
        GridCell("0", 1),
    ] in [list(row) for row in rows]
    assert ["信息内容", "本年新制作数量", "本年新公开数量", S, "对外公开总数量"] in texts(tuple(rows))
    lines = [text for text, _ in doc.lines]
    assert "一、总体情况" in lines
    assert "四、政府信息公开行政复议、行政诉讼情况" in lines  # written <p><br />四、…</p>
    assert {line for _, line in doc.lines} == {1}


def test_deeply_nested_markup_is_read_and_excess_depth_is_flagged() -> None:
    deep = read("<p>before</p>" + "<span>" * 300 + "x" + "</span>" * 300 + "<p>after</p>")
    assert deep.lines == (("before", 1), ("x", 1), ("after", 1))
    assert not deep.truncated
    too_deep = read("<p>before</p>" + "<span>" * 5000 + "x")
    assert too_deep.lines[0] == ("before", 1)
    assert too_deep.truncated


_CELL_TEXTS = st.sampled_from(
    ["12", " 3 ", "\n7\n", "", " ", "\u200b", "&nbsp;", "无", "本年新", "\n", "1\n2"]
)
_CELL_MARKUP = st.recursive(
    _CELL_TEXTS | st.just("<!-- note -->") | st.just("<br>"),
    lambda inner: st.tuples(
        st.sampled_from(["", "\n", " ", "\n  "]),
        st.sampled_from(["p", "span", "font", "b", "div", "o:p", "script", "sup"]),
        st.lists(inner, min_size=1, max_size=2).map("".join),
        st.sampled_from(["", "\n", " ", "x", "4"]),
    ).map(lambda t: f"{t[0]}<{t[1]}>{t[2]}</{t[1]}>{t[3]}"),
    max_leaves=6,
)


@given(cells=st.lists(_CELL_MARKUP, min_size=1, max_size=3), lines_before=st.integers(0, 3))
def test_the_shortcut_for_wrapped_cells_gives_what_the_walk_gives(
    cells: list[str], lines_before: int
) -> None:
    # text alone, or in a chain of single wrappers, is read without the walk (most cells of
    # Word's HTML); it must read exactly as the walk does, text and first line
    page = "<html><body>" + "\n" * lines_before + "<table><tr>"
    page += "".join(f"<td>{c}</td>\n" for c in cells) + "</tr></table></body></html>"
    root, _ = html_reader._parse(page)
    for td in root.iter("td"):
        line = html_reader._at(td, 1)
        quick = html_reader._wrapped_text(td, line)
        assert quick is None or quick == html_reader._walked_text(td, line)
