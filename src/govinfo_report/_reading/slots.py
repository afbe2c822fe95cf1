"""Slots of a reading: the printed tokens, and the blank or unknown cells a reading puts in."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from ..model import Cell, CellState, GridCell
from .model import RowSpec

UNKNOWN = Cell(raw="", state=CellState.MISSING)
"""A cell a reading cannot know (assumed lost, or in a reading this reader cannot list)."""

BLANK_SLOT = GridCell("", 0)
"""A slot a reading fills with a blank cell (one a PDF's text left out)."""
UNKNOWN_SLOT = GridCell("", -1)
"""A slot a reading fills with an unknown cell (one assumed lost)."""


def cells_of(slots: Sequence[GridCell], spec: RowSpec) -> tuple[Cell, ...]:
    """The cells of a reading: each printed token read in its own column."""
    make = spec.make
    return tuple(
        UNKNOWN if slot is UNKNOWN_SLOT else BLANK if slot is BLANK_SLOT else make(slot.text, slot.line, i)
        for i, slot in enumerate(slots)
    )


BLANK = Cell(raw="", state=CellState.BLANK)


def is_blank(cell: GridCell) -> bool:
    return not cell.text.strip()


def insert(tokens: Sequence[GridCell], gaps: tuple[int, ...], n: int, slot: GridCell) -> list[GridCell]:
    """``tokens`` with ``slot`` at each position of ``gaps`` (positions among the ``n`` columns)."""
    out: list[GridCell] = []
    it = iter(tokens)
    for position in range(n):
        out.append(slot if position in gaps else next(it))
    return out


def choose(n: int, k: int) -> Iterator[tuple[int, ...]]:
    return itertools.combinations(range(n), k)


__all__ = ["BLANK", "BLANK_SLOT", "UNKNOWN", "UNKNOWN_SLOT", "cells_of", "choose", "insert", "is_blank"]
