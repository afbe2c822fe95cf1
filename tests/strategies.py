"""Hypothesis strategies for canonical reports, and renderers for the layouts the library reads.

A drawn report has consistent numbers (each column: new + carried over = results + carried
forward; totals are sums), realistic magnitudes, and, in table 2, blanks, placeholders and money
with units. ``LAYOUTS`` renders one report into each layout; ``tests/test_roundtrip.py`` parses
them back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from render import (
    Canonical,
    Extra,
    Row,
    Spec,
    _result_keys,
    blocks,
    consistent,
    to_docx,
    to_html,
    to_text,
)

counts = st.one_of(st.integers(0, 9), st.integers(0, 999), st.integers(0, 99_999))
"""Mostly small counts, some large (a city's 行政处罚 runs to millions: see corpus 003)."""


@st.composite
def applicant_row(draw: Any, small: bool = False) -> list[int]:
    top = 20 if small else 3000
    return [draw(st.integers(0, top)) if draw(st.booleans()) else 0 for _ in range(6)]


@st.composite
def reports(draw: Any, template: str | None = None) -> Canonical:
    template = template or draw(st.sampled_from(["2021", "2019"]))
    results = {key: draw(applicant_row(small=True)) for key in _result_keys(template)}
    total = [sum(column) for column in zip(*results.values(), strict=True)]
    carried_over = [draw(st.integers(0, t)) for t in total]  # so that new requests are never negative
    applications = consistent(results, carried_over, [draw(st.integers(0, 30)) for _ in total])
    review = {
        g: [draw(st.integers(0, 30)) for _ in range(4)]
        for g in ("review", "litigation_direct", "litigation_after_review")
    }

    def cell(money: bool = False, signed: bool = False) -> str:
        kind = draw(st.sampled_from(["number"] * 6 + ["blank", "placeholder"]))
        if kind == "blank":
            return ""
        if kind == "placeholder":
            return draw(st.sampled_from(["/", "—", "无"]))
        if money:
            return str(draw(st.decimals(0, 100_000, places=2, allow_nan=False, allow_infinity=False)))
        value = draw(counts)
        return str(-value if signed and draw(st.booleans()) else value)

    if template == "2021":
        active = {
            "art20_1": {"rules": [cell(), cell(), cell()], "normative_documents": [cell(), cell(), cell()]},
            "art20_5": {"administrative_license": [cell()]},
            "art20_6": {"administrative_penalty": [cell()], "administrative_coercion": [cell()]},
            "art20_8": {"administrative_fees": [cell(money=True)]},
        }
    else:
        active = {
            "art20_1": {"rules": [cell(), cell(), cell()], "normative_documents": [cell(), cell(), cell()]},
            "art20_5": {
                "administrative_license": [cell(), cell(signed=True), cell()],
                "other_external_management": [cell(), cell(signed=True), cell()],
            },
            "art20_6": {
                "administrative_penalty": [cell(), cell(signed=True), cell()],
                "administrative_coercion": [cell(), cell(signed=True), cell()],
            },
            "art20_8": {"administrative_fees": [cell(), cell(signed=True)]},
            "art20_9": {"centralized_procurement": [cell(), cell(money=True)]},
        }
    year = draw(st.integers(2021, 2025)) if template == "2021" else draw(st.integers(2019, 2020))
    organ = draw(st.sampled_from(["某市某某局", "某县人民政府", "某区医疗保障局"]))
    extras: list[Extra] = []
    if draw(st.integers(0, 3)) == 0:  # 其中：网上申请, a breakdown of a row outside the results
        after = draw(st.sampled_from(["new_requests", "carried_over", "carried_forward"]))
        label = draw(st.sampled_from(["其中：网上申请", "其中：当面申请", "其中：信函申请"]))
        extras.append(
            Extra("applications", after, label, tuple(str(v) for v in draw(applicant_row(small=True))))
        )
    if draw(st.integers(0, 3)) == 0:  # a local row in table 2 (docs/format.md §2.1)
        block = draw(st.sampled_from(sorted(active)))
        after = draw(st.sampled_from(sorted(active[block])))
        label = draw(st.sampled_from(["其他主动公开文件", "本级政府信息公开发布数量", "政策解读"]))
        width = len(active[block][after])
        extras.append(
            Extra("active_disclosure", after, label, tuple(str(draw(counts)) for _ in range(width)))
        )
    stated = {
        "new": sum(applications["new_requests"]),
        "carried": sum(applications["carried_over"]),
        "closed": sum(applications["total"]),
        "forward": sum(applications["carried_forward"]),
        "reviews": sum(review["review"]),
        "lawsuits": sum(review["litigation_direct"]) + sum(review["litigation_after_review"]),
    }
    prose = draw(st.dictionaries(st.integers(1, 6), prose_with_numbers(year, stated), max_size=6))
    return Canonical(
        template,
        organ,
        year,
        applications,
        review,
        active,
        prose=prose,
        org_subtotal=draw(st.booleans()),
        subtotals=draw(st.sampled_from(["", "", "row", "小计"])),
        extras=extras,
    )


def prose_with_numbers(year: int, stated: dict[str, int] | None = None) -> st.SearchStrategy[str]:
    """A paragraph as reports write them: numbers that belong to no table cell (qualified by
    其中, 累计, 同比 …, or of another year), and the figures the tables hold stated as reports state
    them (R7; ``stated``: the table's own totals, so the prose never contradicts the table)."""
    n = st.integers(0, 99_999).map(str)
    free = [
        st.builds(lambda a, b: f"{year}年，本机关主动公开政府信息{a}条，其中政策文件{b}件。", n, n),
        st.builds(lambda a, b: f"累计收到政府信息公开申请{a}件，同比增加{b}件，按时办结率100%。", n, n),
        st.builds(lambda a: f"{year - 1}年度发生政府信息公开行政复议{a}起、行政诉讼0起。", n),
        st.builds(lambda a: f"本机关{year}年未收取信息处理费，共计0元；开展培训{a}次。", n),
        st.just(f"（一）主动公开情况。{year}年1月1日至12月31日，本机关在门户网站发布信息。"),
    ]
    if stated is None:
        return st.one_of(free)
    new, carried, closed, forward = stated["new"], stated["carried"], stated["closed"], stated["forward"]
    true = [
        st.just(
            f"{year}年，本机关共收到政府信息公开申请{new}件，上年结转{carried}件，办结{closed}件，"
            f"结转下年度继续办理{forward}件。"
        ),
        st.just(f"全年受理政府信息公开申请{new + carried}件，均在法定期限内答复。"),
        st.just(f"{year}年度发生政府信息公开行政复议{stated['reviews']}起、行政诉讼{stated['lawsuits']}起。"),
    ]
    return st.one_of(*free, *true)


# --- layouts -------------------------------------------------------------------------------------


def _rows_as_text(report: Canonical, row: Callable[[Row], list[str]]) -> list[str]:
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines.append(block)
        else:
            for cells in block:
                lines.extend(row(cells))
    return lines


def to_tika(report: Canonical) -> str:
    """Apache Tika's text of a Word table: every cell on its own line after a tab, a blank line
    after each row."""
    return "\n".join(_rows_as_text(report, lambda cells: [*(f"\t{c.text}" for c in cells), ""])) + "\n"


def to_markdown(report: Canonical) -> str:
    """A Markdown pipe table per table; merged cells written once, rows as wide as they come."""
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines += [block, ""]
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        for i, cells in enumerate(block):
            texts = [c.text for c in cells] + [""] * (width - len(cells))
            lines.append("| " + " | ".join(texts) + " |")
            if i == 0:
                lines.append("|" + "---|" * width)
        lines.append("")
    return "\n".join(lines)


def to_markdown_bare(report: Canonical) -> str:
    """trafilatura's Markdown (and text) of a page's tables: ``| a | b | `` rows padded to the
    table's width with empty cells, and no separator row."""
    return "\n".join(line + " " for line in to_markdown(report).split("\n") if not line.startswith("|---"))


def to_html2text(report: Canonical) -> str:
    """html2text's tables: no outer pipes (``规章| 0| 0| 0``), a ``---|---`` line after the first
    row, merged cells written once."""
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines += [block, ""]
            continue
        for i, cells in enumerate(block):
            lines.append("| ".join(c.text for c in cells) + "  ")
            if i == 0:
                lines.append("---|" * (len(cells) - 1) + "---  ")
        lines.append("  ")
    return "\n".join(lines)


def to_paragraphs(report: Canonical) -> str:
    """docx2txt's text of a Word file: every paragraph, every table cell included, followed by a
    blank line; an empty cell is a blank line and its separator."""
    texts = _rows_as_text(report, lambda cells: [c.text for c in cells])
    return "".join(f"{text}\n\n" for text in texts)


def to_flat_markdown(report: Canonical) -> str:
    """markitdown's Markdown of a page laid out in a one-cell table: the whole report is that
    cell, and every table in it a Markdown table written on one line, its rows side by side."""
    pieces: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            pieces.append(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        rows = [[c.text for c in cells] for cells in block]
        rows[0] += [""] * (width - len(rows[0]))  # the header row padded to the table's width
        rows.insert(1, ["---"] * width)
        pieces.append(" ".join("| " + " | ".join(texts) + " |" for texts in rows))
    return "| |\n| --- |\n| " + "  ".join(pieces) + " |\n"


def _width(text: str) -> int:
    """Columns a text takes in a monospaced font: a wide (CJK) character two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _occupancy(block: list[Row]) -> tuple[list[list[int]], list[str]]:
    """Each grid slot's cell (HTML rules: a cell takes the first free slot of its row and spans
    below and right), and each cell's text."""
    width = max(sum(c.colspan for c in row) for row in block)
    owner: list[list[int]] = [[-1] * width for _ in block]
    texts: list[str] = []
    for r, row in enumerate(block):
        c = 0
        for cell in row:
            while c < width and owner[r][c] >= 0:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if r + dr < len(block) and c + dc < width:
                        owner[r + dr][c + dc] = len(texts)
            texts.append(cell.text)
            c += cell.colspan
    for slots in owner:  # a row short of cells: empty ones of its own
        for c, slot in enumerate(slots):
            if slot < 0:
                slots[c] = len(texts)
                texts.append("")
    return owner, texts


def _box_table(block: list[Row], chars: str) -> list[str]:
    """A table drawn as a text browser draws it: a box per cell, merged cells one box, the text
    on a cell's first line. ``chars``: horizontal, vertical, then the joints by the arms they
    have (up, down, left, right), as in :data:`_JOINTS`."""
    owner, texts = _occupancy(block)
    rows, cols = len(owner), len(owner[0])
    first: dict[int, tuple[int, int]] = {}
    for r in range(rows):
        for c in range(cols):
            first.setdefault(owner[r][c], (r, c))
    widths = [3] * cols
    for cell, (r, c) in first.items():
        span = sum(1 for k in range(c, cols) if owner[r][k] == cell)
        need = _width(texts[cell]) + 2 - (span - 1)
        have = sum(widths[c : c + span])
        if need > have:
            widths[c + span - 1] += need - have
    h, v = chars[0], chars[1]

    def cut_below(r: int, c: int) -> bool:  # a rule under slot (r, c)
        return r < 0 or r + 1 >= rows or owner[r][c] != owner[r + 1][c]

    def cut_right(r: int, c: int) -> bool:  # a rule right of slot (r, c)
        return c < 0 or c + 1 >= cols or owner[r][c] != owner[r][c + 1]

    def joint(r: int, c: int) -> str:  # where the rule under row r meets the one right of column c
        up = r >= 0 and cut_right(r, c)
        down = r + 1 < rows and cut_right(r + 1, c)
        left = c >= 0 and cut_below(r, c)
        right = c + 1 < cols and cut_below(r, c + 1)
        return _JOINTS[chars][(up, down, left, right)]

    out: list[str] = []
    for r in range(-1, rows):
        line = joint(r, -1)
        for c in range(cols):
            line += (h if cut_below(r, c) else " ") * widths[c] + joint(r, c)
        out.append(line)
        if r + 1 < rows:
            text, c = v, 0
            while c < cols:
                cell = owner[r + 1][c]
                span = 1
                while c + span < cols and owner[r + 1][c + span] == cell:
                    span += 1
                room = sum(widths[c : c + span]) + span - 1
                shown = texts[cell] if first[cell] == (r + 1, c) else ""
                text += " " + shown + " " * (room - _width(shown) - 1) + v
                c += span
            out.append(text)
    return out


def _joints(h: str, v: str, table: str) -> dict[tuple[bool, bool, bool, bool], str]:
    """The joint for each set of arms (up, down, left, right), from ``table`` in the order
    └ ┘ ┴ ┌ ┐ ┬ ├ ┤ ┼ (missing arms: the line itself, or a space)."""
    corners = dict(
        zip(
            [
                (1, 0, 0, 1),
                (1, 0, 1, 0),
                (1, 0, 1, 1),
                (0, 1, 0, 1),
                (0, 1, 1, 0),
                (0, 1, 1, 1),
                (1, 1, 0, 1),
                (1, 1, 1, 0),
                (1, 1, 1, 1),
            ],
            table,
            strict=True,
        )
    )
    out: dict[tuple[bool, bool, bool, bool], str] = {}
    for up in (False, True):
        for down in (False, True):
            for left in (False, True):
                for right in (False, True):
                    key = (int(up), int(down), int(left), int(right))
                    if key in corners:
                        out[(up, down, left, right)] = corners[key]
                    elif up or down:
                        out[(up, down, left, right)] = v
                    elif left or right:
                        out[(up, down, left, right)] = h
                    else:
                        out[(up, down, left, right)] = " "
    return out


_JOINTS = {
    "─│": _joints("─", "│", "└┘┴┌┐┬├┤┼"),
    "-|": _joints("-", "|", "+++++++++"),
}


def to_box(report: Canonical, chars: str = "─│") -> str:
    """A text browser's tables (w3m): every cell a box of rules, merged cells one box, a wide
    character two columns wide."""
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines += [block, ""]
            continue
        lines += _box_table(block, chars)
        lines.append("")
    return "\n".join(lines) + "\n"


def to_framed(report: Canonical) -> str:
    """pandoc's plain text of a page laid out in a one-cell table: the page framed, its tables
    drawn as ASCII grid tables inside."""
    inner = to_box(report, "-|").rstrip("\n").split("\n")
    width = max(_width(line) for line in inner) + 2
    framed = ["| " + line + " " * (width - _width(line) - 1) + "|" for line in inner]
    return "\n".join(["+" + "-" * width + "+", *framed, "+" + "-" * width + "+"]) + "\n"


def to_split_pipes(report: Canonical) -> str:
    """Pipe rows broken across lines, as some HTML-to-text tools write them (seed 001): a row
    opens with ``| label``; every later cell follows a line holding ``|``, its text on a line of
    its own; a blank cell leaves two ``|`` lines in a row."""

    def row(cells: list[Spec]) -> list[str]:
        lines = [f"| {cells[0].text}"]
        for cell in cells[1:]:
            lines.append("|")
            if cell.text:
                lines.append(cell.text)
        return [*lines, "|"]

    return "\n".join(_rows_as_text(report, row)) + "\n"


def to_run_together(report: Canonical) -> str:
    """A crawler's text dump: every row on one line, its cells run together with no separator."""
    return "\n".join(_rows_as_text(report, lambda cells: ["".join(c.text for c in cells)])) + "\n"


def to_pdf_file(report: Canonical) -> bytes:
    from pdfwriter import to_pdf

    return to_pdf(report)


def to_pdf_open(report: Canonical) -> bytes:
    """A PDF whose tables have no outer side borders: the grid builder draws them back."""
    from pdfwriter import to_pdf

    return to_pdf(report, open_sides="both")


def to_pdf_unruled(report: Canonical) -> bytes:
    """A PDF whose tables are printed with no ruling lines: read from the PDF's text (labels apart
    from numbers, blank cells gone, wrapped cells)."""
    from pdfwriter import to_pdf

    return to_pdf(report, rules=False)


def to_pdf_page_breaks(report: Canonical) -> bytes:
    """Tables moved down so that page breaks fall inside them: a row cut in two by the break,
    page numbers between the pieces, the vertical label turned to read upwards."""
    from pdfwriter import to_pdf

    return to_pdf(report, lead=520, split_rows=True, footer=True, vertical="up")


def to_pdf_repeated_header(report: Canonical) -> bytes:
    """Page breaks inside the tables, the header printed again on the new page, no right border,
    the vertical label turned to read downwards."""
    from pdfwriter import to_pdf

    return to_pdf(report, lead=450, repeat_header=True, footer=True, vertical="down", open_sides="right")


# --- perturbations, the way extraction tools damage text -------------------------------------------

HEADING = ("一、", "二、", "三、", "四、", "五、", "六、")


@st.composite
def perturbed(draw: Any, text: str, layout: str = "tabs") -> str:
    """``text`` damaged the way real extraction tools damage it: heading markup, page footers
    between lines, crawler chrome around the report, Word artefacts before values, zero-width and
    no-break spaces, full-width digits, half-width brackets, odd spaces and Windows newlines; in
    tab rows a trailing tab (on every row or none), in Tika cells a long label wrapped onto the
    next line. None of these changes a value. (An empty column inserted after one row's label is
    not drawn: with a blank last value it gives the very text of a row whose first value is
    blank.)"""
    lines = text.split("\n")
    out: list[str] = []
    page = draw(st.integers(1, 9))
    # a tool writes a tab after every row's last cell or after none: a row without it among rows
    # with it has lost a cell or its trailing blank, which no reader can tell apart
    trailing = layout == "tabs" and draw(st.booleans())
    for number, line in enumerate(lines):
        if line.startswith(HEADING) and "\t" not in line:
            line = draw(st.sampled_from([line, f"**{line}**", f"# {line}", f"### {line}", f" {line} "]))
        if draw(st.integers(0, 30)) == 0:
            out.append(draw(st.sampled_from([f"- {page} -", f"第 {page} 页", f"—{page}—"])))
            page += 1
        if "\t" in line:
            cells = line.split("\t")
            for i, cell in enumerate(cells):
                if cell.strip().lstrip("-").isdigit():
                    damage = draw(st.integers(0, 40))
                    if damage == 0:
                        cells[i] = "[bookmark: _GoBack]" + cell
                    elif damage == 1:
                        cells[i] = "\u00a0" + cell + "\u00a0"  # no-break spaces of an HTML-to-text tool
                    elif damage == 2:
                        cells[i] = cell.translate(_FULL_WIDTH)
                elif len(cell) > 2 and draw(st.integers(0, 30)) == 0:
                    cut = draw(st.integers(1, len(cell) - 1))
                    cells[i] = cell[:cut] + "\u200b" + cell[cut:]  # a zero-width space inside a label
            line = "\t".join(cells)
            if trailing:
                line += "\t"
            label = line[1:]
            wraps = any("\u4e00" <= ch <= "\u9fff" for ch in label)  # text wraps; numbers do not
            if layout == "tika" and len(label) > 6 and wraps and draw(st.integers(0, 4)) == 0:
                cut = draw(st.integers(2, len(label) - 2))
                line = "\t" + label[:cut] + "\n" + label[cut:]  # Tika continues a cell on the next line
        if draw(st.integers(0, 5)) == 0:
            line = line.replace("（", "(").replace("）", ")")
        if draw(st.integers(0, 10)) == 0:
            line = line.replace("、", "\u3000、", 1)
        out.append(line)
        if number == 0 and draw(st.booleans()):  # a crawler's page fields under the title
            out.append(draw(st.sampled_from(["发布时间：2023-01-20 来源：本站", "发布日期：2023年1月20日"])))
    if draw(st.booleans()):
        out += ["分享到：微信 微博", "【打印】【关闭】"]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(out)


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


PERTURBED: dict[str, Callable[[Canonical], str]] = {"tabs": to_text, "tika": to_tika}
"""Layouts whose text is perturbed in the round trip."""


# --- PDF text, as pdfplumber's extract_text() gives it (corpus 001-003) ---------------------------

_APP_HEADER = (
    "申请人情况",
    "（本列数据的勾稽关系为：第一项加第二项之和， 法人或其他组织",
    "等于第三项加第四项之和）",
    "自然人 总计",
    "商业企 科研机 社会公益 法律服务",
    "其他",
    "业 构 组织 机构",
)
_RL_HEADER = (
    "行政复议 行政诉讼",
    "未经复议直接起诉 复议后起诉",
    "结果 结果 其他 尚未",
    "总 计",
    "维持 纠正 结果 审结 结果 结果 其他 尚未 结果 结果 其他 尚未",
    "总 计 总计",
    "维持 纠正 结果 审结 维持 纠正 结果 审结",
)


def _is_value(text: str) -> bool:
    return text.strip() in ("", "/", "—", "无") or text.lstrip("-").replace(".", "", 1).rstrip("元").isdigit()


@st.composite
def pdf_text(draw: Any, report: Canonical) -> str:
    """The report as a PDF's text layer: cells set apart by spaces and blank cells gone; table 3's
    header garbled over lines, 三、本年度办理结果 printed vertically one character per line, long
    labels wrapped with their numbers on the middle line, a row's numbers sometimes above its
    label, page footers inside tables, and table 4's fifteen numbers on one line."""
    lines: list[str] = []
    page = draw(st.integers(1, 5))

    def footer() -> None:
        nonlocal page
        if draw(st.integers(0, 12)) == 12:  # the simplest draw is the undamaged layout
            lines.append(draw(st.sampled_from([f"- {page} -", f"— {page} —", f"第 {page} 页"])))
            page += 1

    for block in blocks(report):
        if isinstance(block, str):
            lines.append(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        if width == 15:  # table 4
            lines.extend(_RL_HEADER)
            lines.append(" ".join(c.text for c in block[-1] if c.text))
            continue
        table3 = width > 4
        if table3:
            header = list(_APP_HEADER)
            if report.org_subtotal:
                header[5] = "其他 小计"
            lines.extend(header)
            block = block[3:]
        vertical: list[str] = []
        for row in block:
            label = [c.text for c in row if not _is_value(c.text) and not (table3 and c.rowspan > 1)]
            values = [c.text for c in row if _is_value(c.text) and c.text]
            spanned = [c.text for c in row if table3 and c.rowspan > 1 and not _is_value(c.text)]
            if spanned and spanned[0].startswith("三、"):
                vertical = list(spanned[0])
            text = " ".join(label)
            prefix = ""
            if vertical and draw(st.booleans()):
                char = vertical.pop(0)
                if draw(st.booleans()) and text[:1] in "（0123456789":
                    prefix = char + " "  # ``本 2.其他法律…``: a vertical character glued before a row
                else:
                    lines.append(char)
            if spanned and not spanned[0].startswith("三、"):
                lines.append(spanned[0])  # a group label (（三）不予公开) on a line of its own
            numbers = " ".join(values)
            footer()
            if len(text) > 18 and numbers and draw(st.booleans()):
                cut = draw(st.integers(12, len(text) - 2))  # a cell holds a dozen characters a line
                lines += [prefix + text[:cut], numbers, text[cut:]]  # the numbers centred on a wrapped label
            elif numbers and table3 and draw(st.integers(0, 8)) == 8:
                lines += [numbers, prefix + text]  # the numbers a line above their label
            else:
                lines.append(prefix + " ".join(p for p in (text, numbers) if p))
        lines.extend(vertical)
    return "\n".join(lines) + "\n"


def to_markdown_blocks(report: Canonical) -> str:
    """Markdown with one pipe table per block of table 2 (第二十条第（X）项 as its heading line),
    and table 3 split into one table per row group under placeholder headers (数据1…)."""
    lines: list[str] = []

    def table(rows: list[Row], header: list[str] | None = None) -> None:
        head = header or [c.text for c in rows[0]]
        width = max(len(head), *(sum(c.colspan for c in row) for row in rows))
        body = rows if header else rows[1:]
        head += [""] * (width - len(head))
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * width)
        for cells in body:
            texts = [c.text for c in cells] + [""] * (width - len(cells))
            lines.append("| " + " | ".join(texts) + " |")
        lines.append("")

    for block in blocks(report):
        if isinstance(block, str):
            lines += [block, ""]
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        if width == 4:  # table 2: a heading line and a table per 第二十条 block
            pieces: list[list[Row]] = []
            for row in block:
                if row[0].text.startswith("第二十条"):
                    lines_before = row[0].text
                    pieces.append([[Spec(lines_before)]])
                else:
                    pieces[-1].append(row)
            for piece in pieces:
                lines += [piece[0][0].text, ""]
                table(piece[1:])
        elif width > 4:  # table 3: the header, then the rows in groups under 数据1…
            table(block[:3])
            n = width - 3
            body = block[3:]
            for start in range(0, len(body), 8):
                table(body[start : start + 8], ["项目", "", "", *(f"数据{i}" for i in range(1, n + 1))])
        else:
            table(block)
    return "\n".join(lines)


# --- the layouts the round trip renders ------------------------------------------------------------

LAYOUTS: dict[str, Callable[[Canonical], str | bytes]] = {
    "pdf open borders": to_pdf_open,
    "pdf unruled": to_pdf_unruled,
    "pdf page breaks": to_pdf_page_breaks,
    "pdf repeated header": to_pdf_repeated_header,
    "run together": to_run_together,
    "pdf": to_pdf_file,
    "split pipes": to_split_pipes,
    "tabs": to_text,
    "tika": to_tika,
    "markdown": to_markdown,
    "markdown blocks": to_markdown_blocks,
    "markdown without separator": to_markdown_bare,
    "html2text": to_html2text,
    "one cell per line": to_paragraphs,
    "markdown on one line": to_flat_markdown,
    "box drawing": to_box,
    "pandoc frame": to_framed,
    "html": to_html,
    "docx": to_docx,
}

STRATEGIES: dict[str, set[str]] = {
    "split pipes": {"pipe"},
    "markdown blocks": {"markdown"},
    "markdown without separator": {"markdown"},
    "html2text": {"bare_pipes"},
    "one cell per line": {"cell_lines"},
    "markdown on one line": {"cell_lines"},
    "box drawing": {"boxdrawing"},
    "pandoc frame": {"boxdrawing"},
    "run together": {"runtogether", "pdftext"},
    "pdf open borders": {"pdf"},
    "pdf page breaks": {"pdf"},
    "pdf repeated header": {"pdf"},
    "pdf unruled": {"pdftext"},
}
"""The strategies that may rebuild a layout's tables, where they differ from the layout's name
(table 4's fifteen glued numbers, on a line of their own, read as a PDF-text row)."""
