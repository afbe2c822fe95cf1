"""HTML table grids, for the HTML reader (:mod:`.html`): which ``td``/``th`` belong to which row
of an innermost ``<table>``, span expansion (``rowspan``/``colspan``) the way the HTML table model
places cells, and padding to a rectangular grid.
"""

from __future__ import annotations

from ..model import GridCell
from ._html_cells import cell_text as _cell_text
from ._html_tree import DROPPED as _DROPPED
from ._html_tree import Element
from ._html_tree import line_at as _at
from ._html_tree import tag_of as _tag
from ._visibility import Visibility
from .document import span_count

Rows = list[tuple[Element | None, list[Element]]]

_CELLS = frozenset({"td", "th"})


def table_rows(table: Element, page: Visibility, shown: bool, cursor: int) -> tuple[Rows, list[Element]]:
    """The rows of an innermost table as ``(tr or None, [td/th ...])``, and its captions.

    ``thead``/``tbody``/``tfoot`` (and any wrapper libxml2 kept, such as a ``form``, also inside a
    row) are looked through, in document order, but not cells or rows inside a row. Cells outside
    any ``<tr>`` (``<table><td>x</td>``) form an implicit row with their neighbours. Text between
    cells is not kept. Rows and cells a browser removes (``display: none``, ``hidden``) are left
    out, the cells after a removed one moving left; those whose text is hidden go to ``page.muted``.
    """
    rows: Rows = []
    captions: list[Element] = []
    stray: list[Element] | None = None
    marked, muted = page.marked, page.muted
    # (element, whether its parent's text is shown, the cells of the row it is in)
    stack: list[tuple[Element, bool, list[Element] | None]] = [(c, shown, None) for c in reversed(table)]
    while stack:
        node, outer, row = stack.pop()
        tag = _tag(node)
        if tag is None or tag in _DROPPED or (tag == "tr" and row is not None):
            continue
        inner = page.check(node, outer, tag, cursor) if marked and node in marked else outer
        if inner is None:
            continue
        if tag in _CELLS or (tag == "caption" and row is None):
            if tag == "caption":
                row = captions
            elif row is None:
                if stray is None:
                    stray = []
                    rows.append((None, stray))
                row = stray
            row.append(node)
            if not inner:
                muted.add(node)
            continue
        if tag == "tr":
            stray, row = None, []
            rows.append((node, row))
            cells = list(node.iterchildren("td", "th"))
            if len(cells) == len(node) and (not marked or marked.isdisjoint(cells)):  # most rows
                row += cells
                if not inner:
                    muted.update(cells)
                continue
        stack.extend((child, inner, row) for child in reversed(node))
    return rows, captions


def table_grid(
    rows: Rows, cursor: int, budget: int, clamped: list[int], page: Visibility
) -> tuple[tuple[tuple[GridCell, ...], ...], bool]:
    """The rectangular grid of a table's rows, and whether ``budget`` (positions) cut it short."""
    placed, row_lines, cut = _place(rows, cursor, budget, clamped, page)
    grid, cut_more = _pad(placed, row_lines, budget)
    return grid, cut or cut_more


def _place(
    rows: Rows, cursor: int, budget: int, clamped: list[int], page: Visibility
) -> tuple[dict[tuple[int, int], GridCell], list[int], bool]:
    """Put every cell at its position, expanding spans, the way the HTML table model does.

    A cell goes into the first position of its row not yet covered by a ``rowspan`` from above;
    it covers ``rowspan`` x ``colspan`` positions: its text at the top-left one, ``spanned=True``
    elsewhere. Where two cells' spans overlap the first one keeps the position. A ``rowspan`` is
    cut at the last row of the table (row groups are not told apart). Placing stops when
    ``budget`` positions are used; the rows reached so far are kept. The line of every cell whose
    span had to be clamped is added to ``clamped``.
    """
    placed: dict[tuple[int, int], GridCell] = {}
    row_lines: list[int] = []
    count = len(rows)
    muted = page.muted
    for r, (tr, cells) in enumerate(rows):
        if tr is not None:
            cursor = _at(tr, cursor)
        elif cells:
            cursor = _at(cells[0], cursor)
        row_lines.append(cursor)
        col = 0
        for cell in cells:
            while (r, col) in placed:
                col += 1
            text, line = _cell_text(cell, cursor, page, not muted or cell not in muted)
            if cell.get("rowspan") is None and cell.get("colspan") is None:  # most cells: one position
                if len(placed) >= budget:
                    return placed, row_lines, True
                placed[(r, col)] = GridCell(text, line)
                col += 1
                continue
            rowspan, clamped_rows = span_count(cell.get("rowspan"))
            rowspan = min(rowspan, count - r)
            colspan, clamped_cols = span_count(cell.get("colspan"))
            if clamped_rows or clamped_cols:
                clamped.append(line)
            for dr in range(rowspan):
                for dc in range(colspan):
                    position = (r + dr, col + dc)
                    if position in placed:
                        continue
                    if len(placed) >= budget:
                        return placed, row_lines, True
                    origin = dr == 0 and dc == 0
                    placed[position] = GridCell(text, line) if origin else GridCell("", line, spanned=True)
            col += colspan
    return placed, row_lines, False


def _pad(
    placed: dict[tuple[int, int], GridCell], row_lines: list[int], budget: int
) -> tuple[tuple[tuple[GridCell, ...], ...], bool]:
    """The placed cells as rows of equal width.

    Positions no cell covers (a row with fewer cells than the widest one) become empty fillers
    ``GridCell("", line_of_the_row, filler=True)``, not spanned ones: nothing in the HTML spans
    into them, they are simply absent, and the reading engine knows the row has no cell there
    (a row one ``<td>`` short is not read as a row whose last cell is blank). A row with no
    position at all (a ``<tr>`` without cells that no ``rowspan`` reaches) is left out. Rows past
    ``budget`` positions (width x rows) are dropped.
    """
    if not placed:
        return (), False
    width = 1 + max(c for _, c in placed)
    occupied_rows = sorted({r for r, _ in placed})
    keep = min(len(occupied_rows), max(budget // width, 1))
    grid = tuple(
        tuple(placed.get((r, c)) or GridCell("", row_lines[r], filler=True) for c in range(width))
        for r in occupied_rows[:keep]
    )
    return grid, keep < len(occupied_rows)
