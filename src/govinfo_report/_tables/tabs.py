"""Tab rows: one table row per line, cells separated by tabs.

Rows may have extra or missing columns (lost leading tabs); the schema mapper sorts that
out with the template's column counts and the arithmetic rules. Blank lines are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._normalize import Line
from ..model import GridCell
from .grid import Grid, finish

NAME = "tabs"


def looks_like(lines: Sequence[Line]) -> bool:
    texts = [ln.text for ln in lines if ln.text.strip()]
    multi = sum(1 for t in texts if t.strip("\t").count("\t") >= 1)
    return multi >= max(1, 0.4 * len(texts))


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    for line in lines:
        if not line.text.strip():
            continue
        rows.append([GridCell(piece.strip(), line.number) for piece in line.text.split("\t")])
    return finish(NAME, rows)
