"""Shared helpers for the layout strategies: the Grid they return and its limits."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .. import limits
from ..model import GridCell


@attrs.frozen
class Grid:
    """Rows of cells as one layout strategy rebuilt them."""

    strategy: str
    rows: tuple[tuple[GridCell, ...], ...]
    truncated: bool = False
    """True when :data:`limits.MAX_TABLE_ROWS` or :data:`limits.MAX_TABLE_CELLS` cut the table."""
    out_of_order: bool = False
    """True when some cells came out of row order (a table printed column by column, labels
    printed apart from their values) and were left unpaired."""


def finish(strategy: str, rows: Sequence[Sequence[GridCell]], *, out_of_order: bool = False) -> Grid | None:
    """Freeze ``rows`` into a :class:`Grid`, dropping empty rows and applying the limits."""
    kept: list[tuple[GridCell, ...]] = []
    cells = 0
    truncated = False
    for row in rows:
        if not any(c.text for c in row):
            continue
        if len(kept) >= limits.MAX_TABLE_ROWS or cells + len(row) > limits.MAX_TABLE_CELLS:
            truncated = True
            break
        kept.append(tuple(row))
        cells += len(row)
    if not kept:
        return None
    return Grid(strategy, tuple(kept), truncated, out_of_order)
