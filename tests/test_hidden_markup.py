"""Hidden markup is skipped as a browser or Word skips it.

Table 4 of the report (行政复议、行政诉讼) in its official structure, with fifteen distinct
non-zero numbers, is read from a page or a Word file into which hidden content was put: a digit,
a cell, a row, a heading, a whole table. Each test through ``parse``/``parse_bytes`` checks the
fifteen values read and the one ``normalize.hidden_markup`` diagnostic (its count and its lines);
the others check the reader's output (block text, grids, hidden lines) directly.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import parse, parse_bytes
from govinfo_report._source.docx import read_docx
from govinfo_report._tables import html as html_reader
from govinfo_report._tables._visibility import Visibility
from govinfo_report._tables.html import read_html
from govinfo_report.model import Report
from render import (
    HEADINGS,
    RL_COLUMNS,
    RL_GROUPS,
    Spec,
    canonical,
    document_xml,
    docx_package,
    paragraph_xml,
    review_table,
    table_xml,
)

REVIEW = {
    "review": [3, 5, 7, 11],
    "litigation_direct": [13, 17, 19, 23],
    "litigation_after_review": [29, 31, 37, 41],
}
"""Distinct non-zero numbers (the totals 26, 72 and 138 are distinct too)."""

TITLE = "某市某某局2022年政府信息公开工作年度报告"
HEADING = HEADINGS[3]  # 四、政府信息公开行政复议、行政诉讼情况


def expected() -> dict[tuple[str, str], int | None]:
    return {
        (group, column): value
        for group in RL_GROUPS
        for column, value in zip(RL_COLUMNS, [*REVIEW[group], sum(REVIEW[group])], strict=True)
    }


def values(report: Report) -> dict[tuple[str, str], object]:
    table = report.review_litigation
    assert table is not None
    return {(g, c): table.get(g, c).value for g in RL_GROUPS for c in RL_COLUMNS}


def hidden_diagnostics(report: Report) -> list[tuple[str, int, int]]:
    """The ``normalize.hidden_markup`` diagnostics as ``(message, first line, last line)``."""
    found = [d for d in report.diagnostics if d.code == "normalize.hidden_markup"]
    assert all(d.severity.value == "info" and d.span is not None for d in found)
    return [(d.message, d.span.start, d.span.end) for d in found if d.span is not None]


def codes(report: Report) -> set[str]:
    return {d.code for d in report.diagnostics}


# --- HTML ----------------------------------------------------------------------------------------


def rows() -> list[list[Spec]]:
    report = canonical()
    report.review = {k: list(v) for k, v in REVIEW.items()}
    return review_table(report)


def td(cell: Spec) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    return f"<td{spans}>{cell.text}</td>"


def page(
    cells: dict[str, str] | None = None,
    *,
    before_values: str = "",
    before_table: str = "",
    head: str = "",
) -> str:
    """A page of the title, the six headings each with a sentence, and table 4 under its
    heading, one element per line. ``cells`` replaces the ``<td>`` of a value (by its text)
    with markup; ``before_values`` is put on its own line before the row of values;
    ``before_table`` before the table."""
    lines = [f"<html><head>{head}</head><body>", f"<p>{TITLE}</p>"]
    for heading in HEADINGS:
        lines += [f"<p>{heading}</p>", f"<p>本机关认真落实政府信息公开工作要求，{heading[2:]}如下。</p>"]
        if heading != HEADING:
            continue
        if before_table:
            lines.append(before_table)
        lines.append('<table border="1" cellspacing="0">')
        table = rows()
        for row in table[:-1]:
            lines.append("<tr>" + "".join(td(c) for c in row) + "</tr>")
        if before_values:
            lines.append(before_values)
        lines.append("<tr>" + "".join((cells or {}).get(c.text) or td(c) for c in table[-1]) + "</tr>")
        lines.append("</table>")
    lines.append("</body></html>")
    return "\n".join(lines) + "\n"


def line_of(source: str, needle: str) -> int:
    return next(n for n, line in enumerate(source.split("\n"), start=1) if needle in line)


def test_the_page_without_hidden_markup_reads_whole_and_notes_nothing() -> None:
    report = parse(page())
    assert report.source.format == "html"
    assert values(report) == expected()
    assert hidden_diagnostics(report) == []


def test_a_hidden_span_inside_a_cell_adds_no_digit() -> None:
    source = page({"3": '<td>3<span style="display:none">9</span></td>'})
    report = parse(source)
    assert values(report) == expected()  # 3, not 39
    line = line_of(source, "display:none")
    assert hidden_diagnostics(report) == [
        ("1 hidden element(s) were skipped (display:none, visibility:hidden, hidden).", line, line)
    ]


@pytest.mark.parametrize(
    "hidden",
    [
        '<td style="display:none">99</td>',
        '<td style="DISPLAY : None !important">99</td>',
        "<td hidden>99</td>",
        '<td hidden="hidden">99</td>',
        '<td class="gone">99</td>',
    ],
)
def test_a_hidden_cell_is_no_cell(hidden: str) -> None:
    # put before the first value, a cell read would move all fifteen values one column right
    source = page({"3": hidden + "<td>3</td>"}, head="<style>.gone { display: none }</style>")
    report = parse(source)
    assert values(report) == expected()
    line = line_of(source, ">99<")
    assert [(start, end) for _, start, end in hidden_diagnostics(report)] == [(line, line)]


def test_a_cell_with_visibility_hidden_keeps_its_column_but_not_its_text() -> None:
    source = page(
        {
            "3": '<td style="visibility:hidden">3</td>',
            # visibility is inherited, and a descendant can show itself again
            "5": '<td style="visibility: hidden">9<span style="visibility:visible">5</span></td>',
        }
    )
    report = parse(source)
    table = report.review_litigation
    assert table is not None
    assert table.get("review", "upheld").value is None  # an empty cell, still in its column
    assert table.get("review", "upheld").state.value == "blank"
    assert values(report) == {**expected(), ("review", "upheld"): None}
    assert codes(report) >= {"normalize.hidden_markup", "check.failed"}  # 0 + 5 + 7 + 11 != 26
    line = line_of(source, "visibility:hidden")
    assert hidden_diagnostics(report) == [
        ("2 hidden element(s) were skipped (display:none, visibility:hidden, hidden).", line, line)
    ]


@pytest.mark.parametrize(
    "attributes", ['style="display:none"', "hidden", 'style="visibility: collapse"', 'class="hide"']
)
def test_a_hidden_row_is_no_row(attributes: str) -> None:
    fake = f"<tr {attributes}>" + "".join(f"<td>{90 + k}</td>" for k in range(15)) + "</tr>"
    source = page(before_values=fake, head="<style>.hide{display:none}</style>")
    report = parse(source)
    assert values(report) == expected()
    assert "row.duplicate" not in codes(report) and "cells.extra_columns" not in codes(report)
    line = line_of(source, ">90<")
    assert [(start, end) for _, start, end in hidden_diagnostics(report)] == [(line, line)]


def test_a_hidden_paragraph_and_a_hidden_table_are_not_read() -> None:
    fake_table = (
        '<table style="display:none"><tr><td>行政复议</td><td>结果维持</td><td>总计</td></tr>'
        "<tr><td>行政复议</td><td>98</td><td>99</td></tr></table>"
    )
    hidden = f'<p style="display:none">五、存在的主要问题及改进情况</p><div hidden>{fake_table}</div>'
    source = page(before_table=hidden)
    report = parse(source)
    assert values(report) == expected()
    # the fake heading would be a second section 五, the fake table a second table 4
    assert [s.heading for s in report.sections] == list(HEADINGS)
    assert not codes(report) & {"sections.out_of_order", "sections.duplicate", "table.joined"}
    assert len(report.tables) == 1
    line = line_of(source, "五、")
    assert hidden_diagnostics(report) == [
        ("2 hidden element(s) were skipped (display:none, visibility:hidden, hidden).", line, line)
    ]


def test_aria_hidden_and_empty_hidden_elements_hide_nothing_worth_a_note() -> None:
    source = page(
        {"3": '<td><span aria-hidden="true">3</span></td>'},
        before_table='<p aria-hidden="true">本机关依法办理。</p><input type="hidden" value="7">'
        '<div style="display:none"></div><span hidden> </span>',
    )
    report = parse(source)
    assert values(report) == expected()
    assert hidden_diagnostics(report) == []


def test_hidden_markup_in_the_block_text() -> None:
    source = "\n".join(
        [
            "<html><head><style>",
            "/* .x{display:none} */ .off, .gone{visibility:hidden}",
            "@media print { .noprint { display: none } }",
            "</style></head><body>",
            '<p>一、总体<span style="display:none">隐藏</span>情况</p>',
            '<p style="visibility:hidden">看不见<b style="visibility:visible">看得见</b></p>',
            '<p>换<br style="display:none">行</p>',
            '<p class="x noprint">打印时隐藏</p>',
            '<p class="off">不显示</p><p hidden style="display:block">显示</p>',
            "</body></html>",
        ]
    )
    document = read_html(source)
    assert document is not None
    assert document.lines == (
        ("一、总体情况", 5),
        ("看得见", 6),
        ("换行", 7),
        ("打印时隐藏", 8),
        ("显示", 9),
    )
    assert document.hidden == (5, 6, 9)


# --- DOCX ----------------------------------------------------------------------------------------

HIDDEN_RUN = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'


def docx(table: str | None = None, *, before_table: str = "") -> bytes:
    """A Word file of the title (line 1), the heading (line 2), ``before_table`` and table 4."""
    body = paragraph_xml(TITLE) + paragraph_xml(HEADING) + before_table
    return docx_package(document_xml(body + (table if table is not None else table_xml(rows()))))


def with_cell(table: str, value: str, paragraph: str) -> str:
    """The table with the paragraph of a value's cell replaced."""
    needle = paragraph_xml(value)
    assert table.count(needle) == 1
    return table.replace(needle, paragraph)


def before_last_row(table: str, row: str) -> str:
    head, last = table.rsplit("<w:tr>", 1)
    return f"{head}{row}<w:tr>{last}"


def test_docx_hidden_runs_in_a_cell_add_no_digit() -> None:
    table = table_xml(rows())
    table = with_cell(table, "3", "<w:p><w:r><w:t>3</w:t></w:r>" + HIDDEN_RUN.format("9") + "</w:p>")
    special = '<w:r><w:rPr><w:specVanish/></w:rPr><w:t xml:space="preserve">8</w:t></w:r>'
    table = with_cell(table, "5", f"<w:p>{special}<w:r><w:t>5</w:t></w:r></w:p>")
    report = parse_bytes(docx(table))
    assert values(report) == expected()  # 3 and 5, not 39 and 85
    # blocks are numbered: title 1, heading 2, the table's rows 3 to 6
    assert hidden_diagnostics(report) == [("1 hidden element(s) were skipped (Word's hidden text).", 6, 6)]


def test_docx_hidden_row_is_no_row() -> None:
    table = table_xml(rows())
    hidden_cell = "<w:tc><w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>" + HIDDEN_RUN + "</w:p></w:tc>"
    row = (
        "<w:tr><w:trPr><w:hidden/></w:trPr>"
        + "".join(hidden_cell.format(90 + k) for k in range(15))
        + "</w:tr>"
    )
    report = parse_bytes(docx(before_last_row(table, row)))
    assert values(report) == expected()
    assert "row.duplicate" not in codes(report)
    assert hidden_diagnostics(report) == [("1 hidden element(s) were skipped (Word's hidden text).", 6, 6)]


def test_docx_a_row_marked_hidden_with_text_shown_stays_a_row() -> None:
    # Word hides a row only when its end mark is hidden and nothing in it is shown
    table = table_xml(rows())
    head, last = table.rsplit("<w:tr>", 1)
    document = read_docx(docx_package(document_xml(head + "<w:tr><w:trPr><w:hidden/></w:trPr>" + last)))
    ((_, grid),) = document.tables
    assert [c.text for c in grid[-1]][:3] == ["3", "5", "7"]
    assert document.hidden == ()


def test_docx_hidden_paragraphs_and_hidden_paragraph_marks() -> None:
    fake = "<w:p>" + HIDDEN_RUN.format("五、存在的主要问题及改进情况") + "</w:p>"
    # a hidden paragraph mark hides the mark only: the text stays, as a paragraph of its own
    mark = "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>本机关依法办理。</w:t></w:r></w:p>"
    # w:webHidden hides in Word's web layout view only: the print layout shows it
    web = "<w:p><w:r><w:rPr><w:webHidden/></w:rPr><w:t>网页视图隐藏</w:t></w:r></w:p>"
    data = docx(before_table=fake + mark + web)
    report = parse_bytes(data)
    assert values(report) == expected()
    assert [s.heading for s in report.sections] == [HEADING]
    assert "sections.out_of_order" not in codes(report)
    assert hidden_diagnostics(report) == [("1 hidden element(s) were skipped (Word's hidden text).", 3, 3)]
    document = read_docx(data)
    assert [text for text, _ in document.lines] == [TITLE, HEADING, "本机关依法办理。", "网页视图隐藏"]


def test_docx_vanish_switched_off_is_shown() -> None:
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>9</w:t></w:r>'
    table = with_cell(table_xml(rows()), "3", f"<w:p>{shown}</w:p>")
    report = parse_bytes(docx(table))
    assert values(report) == {**expected(), ("review", "upheld"): 9}
    assert hidden_diagnostics(report) == []


def test_the_message_counts_what_was_hidden() -> None:
    source = page({str(n): f"<td>{n}<span hidden>0</span></td>" for n in (3, 5, 7)})
    report = parse(source)
    assert values(report) == expected()
    ((message, _, _),) = hidden_diagnostics(report)
    assert re.match(r"3 hidden element\(s\) were skipped", message)


def test_a_chain_of_single_wrappers_holding_a_hidden_element_is_read_by_the_walk() -> None:
    # the shortcut for text inside single wrappers (Word's <p><span>12</span></p>) must not read
    # the text of a hidden wrapper
    source = (
        "<html><head><style>.h{display:none}</style></head><body><table><tr>"
        '<td><p><span style="display:none">9</span></p></td>'
        '<td><div><span class="h">8</span></div></td>'
        '<td><p style="visibility:hidden"><span>7</span></p></td>'
        '<td><p style="visibility:hidden"><span style="visibility:visible">6</span></p></td>'
        "</tr></table></body></html>"
    )
    document = read_html(source)
    assert document is not None
    ((_, grid),) = document.tables
    assert [c.text for c in grid[0]] == ["", "", "", "6"]
    # four hidden elements holding text (the last one's text is shown again by its child)
    assert len(document.hidden) == 4


_HIDING = st.sampled_from(
    [
        *("", ' style="display:none"', ' style="visibility:hidden"', ' style="visibility:visible"'),
        *(" hidden", ' class="h"', ' aria-hidden="true"', ' style="color:red"'),
    ]
)
_MARKUP = st.recursive(
    st.sampled_from(["12", " 3 ", "\n7\n", "", "&nbsp;", "无", "<br>"]),
    lambda inner: st.tuples(
        st.sampled_from(["p", "span", "font", "div", "script"]),
        _HIDING,
        st.lists(inner, min_size=1, max_size=2).map("".join),
        st.sampled_from(["", "\n", "4"]),
    ).map(lambda t: f"<{t[0]}{t[1]}>{t[2]}</{t[0]}>{t[3]}"),
    max_leaves=5,
)


@given(cells=st.lists(st.tuples(_HIDING, _MARKUP), min_size=1, max_size=3))
def test_the_shortcut_for_wrapped_cells_reads_hidden_markup_as_the_walk(cells: list[tuple[str, str]]) -> None:
    page = "<html><head><style>.h{display:none}</style></head><body><table><tr>"
    page += "".join(f"<td{hiding}>{markup}</td>\n" for hiding, markup in cells)
    page += "</tr></table></body></html>"
    root, _ = html_reader._parse(page)
    visibility = Visibility.of(root)
    for td in root.iter("td"):
        line = html_reader._at(td, 1)
        quick = html_reader._wrapped_text(td, line, visibility)
        assert quick is None or quick == html_reader._walked_text(td, line, visibility)
