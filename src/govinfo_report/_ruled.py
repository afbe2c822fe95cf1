"""A PDF's two readings of each table: the ruled grid and the PDF's text.

Both are mapped to the template. The grid is used unless the text reads more of the template's
cells, or as many while breaking fewer of its rules (:func:`prefer_ruled`). Then the two are
held against each other (:func:`settle`): a cell the reading used gives a value for, and the
other reading prints something different in, is in doubt, since one of the two misread it and
nothing says which; it is left missing (``table.readings_disagree``). Where both agree, or the
other reading has nothing there, the value stands.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from . import _checks as checks_stage
from . import _schema as schema
from ._tables import Grid
from .diagnostics import diag
from .model import CanonicalTable, Cell, CellState, Diagnostic, Span

Found = tuple[str | None, Grid, Span]
MapKind = Callable[[str, list[Found]], schema.Mapped]

_READ = (CellState.NUMBER, CellState.BLANK, CellState.PLACEHOLDER)


def prefer_ruled(
    found: list[Found],
    ruled: list[Found],
    template: str | None,
    diagnostics: list[Diagnostic],
    map_kind: MapKind,
) -> tuple[list[Found], list[Found], dict[str, list[Found]]]:
    """For each table a PDF draws with ruling lines, use the ruled grid instead of the grid
    rebuilt from the text, unless it reads fewer cells of the template or as many while breaking
    more of its rules. Returns the grids to map, the grids left unused (still listed in
    ``Report.tables``), and for each table the reading not used, to :func:`settle` with."""
    unused: list[Found] = [piece for piece in ruled if piece[0] is None]
    others: dict[str, list[Found]] = {}
    for kind in dict.fromkeys(piece[0] for piece in ruled if piece[0] is not None):
        mine = [piece for piece in ruled if piece[0] == kind]
        theirs = [piece for piece in found if piece[0] == kind]
        if theirs and _fit(kind, mine, template, map_kind) < _fit(kind, theirs, template, map_kind):
            unused.extend(mine)
            others[kind] = mine
            message = f"The PDF's ruled {kind} table fits the template less well than its text; text used."
            span = Span(min(p[2].start for p in mine), max(p[2].end for p in mine))
            diagnostics.append(diag("table.ruled_rejected", message, span))
            continue
        at = next((i for i, piece in enumerate(found) if piece[0] == kind), len(found))
        found = (
            [piece for piece in found[:at] if piece[0] != kind]
            + mine
            + [piece for piece in found[at:] if piece[0] != kind]
        )
        unused.extend(theirs)
        if theirs:
            others[kind] = theirs
    return found, unused, others


def _fit(kind: str, parts: list[Found], template: str | None, map_kind: MapKind) -> tuple[int, int]:
    """How well grids fit the template: cells read (a number, a blank or a placeholder), then
    rules broken (fewer is better)."""
    mapped = map_kind(kind, parts)
    read = sum(1 for row in mapped.rows for _, cell in row.cells if cell.state in _READ)
    if not mapped.rows:
        return read, 0
    table = CanonicalTable(kind, template, mapped.rows, mapped.columns)
    return read, -sum(1 for check in checks_stage.CHECKS[kind](table) if not check.passed)


def settle(
    canonical: dict[str, CanonicalTable],
    others: dict[str, list[Found]],
    map_kind: MapKind,
    diagnostics: list[Diagnostic],
) -> dict[str, CanonicalTable]:
    """The tables with every cell the two readings of a PDF read differently left missing."""
    out = dict(canonical)
    for kind, parts in others.items():
        table = canonical.get(kind)
        if table is None:
            continue
        other = {(row.key, column): cell for row in map_kind(kind, parts).rows for column, cell in row.cells}
        exact = all(grid.strategy == "pdf" for _, grid, _ in parts)
        doubted: list[str] = []
        lines: list[int] = []
        rows = []
        for row in table.rows:
            cells = []
            for column, cell in row.cells:
                theirs = other.get((row.key, column))
                if cell.state in _READ and theirs is not None and _differs(cell, theirs, exact=exact):
                    cell = attrs.evolve(cell, state=CellState.MISSING, value=None, unit=None)
                    doubted.append(f"{row.key}.{column}")
                    lines += [n for n in (cell.line, theirs.line) if n is not None]
                cells.append((column, cell))
            rows.append(attrs.evolve(row, cells=tuple(cells)))
        if doubted:
            shown = ", ".join(doubted[:6]) + (" ..." if len(doubted) > 6 else "")
            message = (
                f"The PDF's ruled grid and its text read {len(doubted)} cell(s) of the {kind} table "
                f"differently ({shown}); one of them misread each, so they were left missing."
            )
            span = Span(min(lines), max(lines)) if lines else None
            diagnostics.append(diag("table.readings_disagree", message, span))
            out[kind] = attrs.evolve(table, rows=tuple(rows))
    return out


def _differs(ours: Cell, theirs: Cell, *, exact: bool) -> bool:
    """True when the other reading has something else at the cell: another value, or text
    where a value should be. When the other reading is the ruled grid (``exact``), whatever its
    cell prints counts, even where it reads no value (``6 5 1``: digits wrapped one per line); a
    cell the text reading left missing (its row in doubt) says nothing of the cell."""
    if theirs.state in (*_READ, CellState.TEXT):
        return theirs.state != ours.state or theirs.value != ours.value
    if exact and theirs.raw.strip():
        return "".join(theirs.raw.split()) != "".join(ours.raw.split())
    return False


__all__ = ["prefer_ruled", "settle"]
