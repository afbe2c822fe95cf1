"""Markdown pipe tables: ``| a | b |`` rows with ``|---|`` separators.

Lines between tables (headings such as ``第二十条第（一）项`` or ``（三）不予公开``) become
one-cell rows, so one table per row group reads as one grid.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..model import GridCell
from ..normalize import Line
from .grid import Grid, finish

NAME = "markdown"

_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def looks_like(lines: Sequence[Line]) -> bool:
    return (
        sum(1 for ln in lines if _SEPARATOR.match(ln.text)) >= 1
        and sum(1 for ln in lines if _ROW.match(ln.text)) >= 2
    )


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    for line in lines:
        text = line.text.strip()
        if not text or _SEPARATOR.match(text):
            continue
        if _ROW.match(text):
            inner = text.strip()[1:-1]
            rows.append([GridCell(cell.strip(), line.number) for cell in inner.split("|")])
        else:
            rows.append([GridCell(text, line.number)])
    return finish(NAME, rows)
