"""Tika-style cells: one cell per line, each prefixed by a tab; rows separated by blank lines.

A line without the leading tab continues the previous cell (``本年新`` / ``制作数量``), even
across a blank line (``其他对外管理`` / blank / ``服务事项``); a lone tab is an empty cell. A
number on a line without a tab stands alone (a page number, a stray value): digits are never
glued onto a cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import GridCell
from ..normalize import Line
from ..values import is_numeric_run, is_value_text
from .grid import Grid, finish

NAME = "tika"


def looks_like(lines: Sequence[Line]) -> bool:
    texts = [ln.text for ln in lines if ln.text.strip()]
    if len(texts) < 4:
        return False
    tab_first = sum(1 for t in texts if t.startswith("\t") and t.count("\t") == 1)
    return tab_first >= 0.6 * len(texts)


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    current: list[GridCell] = []
    for line in lines:
        text = line.text
        if not text.strip() and "\t" not in text:
            if current:
                rows.append(current)
                current = []
            continue
        if text.startswith("\t"):
            for piece in text[1:].split("\t"):
                current.append(GridCell(piece.strip(), line.number))
            continue
        # continuation of the previous cell, possibly of the previous row
        if is_value_text(text.strip()) or is_numeric_run(text.strip()):
            # a number on a line of its own is not the rest of a cell: never glue digits onto a cell
            if current:
                rows.append(current)
            current = [GridCell(text.strip(), line.number)]
            continue
        if not current and rows:
            current = rows.pop()  # the cell goes on across a blank line: reopen its row
        if current:
            last = current[-1]
            current[-1] = GridCell(last.text + text.strip(), last.line if last.text else line.number)
        else:
            current.append(GridCell(text.strip(), line.number))
    if current:
        rows.append(current)
    return finish(NAME, rows)
