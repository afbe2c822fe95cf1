"""Tika-style cells: one cell per line, each prefixed by a tab; rows separated by blank lines.

A line without the leading tab continues the previous cell (``本年新`` / ``制作数量``), even
across a blank line (``其他对外管理`` / blank / ``服务事项``); a lone tab is an empty cell. A
number on a line without a tab under a number is kept in that cell after a space (``300 1``:
the rest of a wrapped number, or a stray such as a page number; the reading engine weighs
both), never glued onto it; text after a number is a row of its own (a note, a line of prose).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._normalize import Line
from .._values import is_numeric_run, is_value_text
from ..model import GridCell
from .grid import Grid, finish

NAME = "tika"


def looks_like(lines: Sequence[Line]) -> bool:
    texts = [ln.text for ln in lines if ln.text.strip()]
    if len(texts) < 4:
        return False
    tab_first = sum(1 for t in texts if t.startswith("\t") and t.count("\t") == 1)
    return tab_first >= 0.6 * len(texts)


def _is_value(text: str) -> bool:
    text = text.strip()
    return bool(text) and (is_value_text(text) or is_numeric_run(text))


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
        stripped = text.strip()
        before = current or (rows[-1] if rows else [])  # the row this line may go on
        after_number = bool(before) and _is_value(before[-1].text)
        if _is_value(stripped):
            if after_number:
                # under a number: the rest of it wrapped in a narrow cell, or a stray (a page
                # number); kept in its cell apart by a space, never glued on (``300 1``, not 3001)
                current = current or rows.pop()
                last = current[-1]
                current[-1] = GridCell(f"{last.text} {stripped}", last.line)
                continue
            if current:  # a number alone: a cell that lost its tab, the start of a row
                rows.append(current)
            current = [GridCell(stripped, line.number)]
            continue
        if after_number:  # text after a number is no part of it (a note, prose): a row of its own
            if current:
                rows.append(current)
            rows.append([GridCell(stripped, line.number)])
            current = []
            continue
        if not current and rows:
            current = rows.pop()  # the cell goes on across a blank line: reopen its row
        if current:
            last = current[-1]
            current[-1] = GridCell(last.text + stripped, last.line if last.text else line.number)
        else:
            current.append(GridCell(stripped, line.number))
    if current:
        rows.append(current)
    return finish(NAME, rows)
