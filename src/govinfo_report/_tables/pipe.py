"""Pipe rows split across lines: ``| 规章`` / ``|`` / ``0`` / ``|`` / ``0`` …

A row starts at a line opening with ``|`` followed by text; everything up to the next such
line belongs to it, with cells separated by ``|`` (runs ``|||`` are spanned, empty cells).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .._normalize import Line
from ..model import GridCell
from .document import join_cell_pieces
from .grid import Grid, finish

NAME = "pipe"

_ROW_START = regex.compile(r"^\s*\|\s*[^|\s]")


def looks_like(lines: Sequence[Line]) -> bool:
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    bare = sum(1 for t in texts if t and set(t) == {"|"})
    starts = sum(1 for ln in lines if _ROW_START.match(ln.text))
    return starts >= 2 and bare >= 2


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    pieces: list[tuple[str, int]] = []

    def flush() -> None:
        if not pieces:
            return
        cells: list[GridCell] = []
        buffer = ""
        first: int | None = None
        opened = False
        for text, number in pieces:
            for k, part in enumerate(text.split("|")):
                if k > 0:  # a cell boundary
                    if opened:
                        cells.append(GridCell(buffer, first if first is not None else number))
                    opened = True
                    buffer, first = "", None
                piece = part.strip()
                if piece:
                    first = number if first is None else first
                    # ``12`` / ``3`` split over lines: never 123
                    buffer = join_cell_pieces((buffer, piece)) if buffer else piece
        if buffer:
            cells.append(GridCell(buffer, first if first is not None else pieces[-1][1]))
        rows.append(cells)
        pieces.clear()

    for line in lines:
        if not line.text.strip():
            continue
        if _ROW_START.match(line.text):
            flush()
        pieces.append((line.text, line.number))
    flush()
    return finish(NAME, rows)
