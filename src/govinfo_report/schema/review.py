"""Table 4 (行政复议、行政诉讼): three groups of five, from one row of 15 (the official layout),
three labelled rows of five (one table per group), or one run of digits split by R4."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Cell, CellState, Diagnostic, Row, Span
from ..splitting import groups_total_is_sum
from ..text import fold
from ..vocab import RL_COLUMNS, RL_GROUP_PATTERNS, RL_GROUPS
from .rows import RowView, place, plain_cell_factory
from .types import Mapped

_WIDTH = len(RL_COLUMNS)


def _group_named(folded: str) -> str | None:
    # most specific first: 复议后起诉 and 未经复议直接起诉 both mention 复议
    for key in ("litigation_after_review", "litigation_direct", "review"):
        if any(p in folded for p in RL_GROUP_PATTERNS[key]):
            return key
    return None


def _rows(cells: Sequence[Cell], spans: Sequence[Span]) -> tuple[Row, ...]:
    return tuple(
        Row(group, group, tuple(zip(RL_COLUMNS, cells[k * _WIDTH : (k + 1) * _WIDTH], strict=True)), spans[k])
        for k, group in enumerate(RL_GROUPS)
    )


def _labelled_rows(views: Sequence[RowView], value_rows: Sequence[RowView]) -> dict[str, RowView] | None:
    """Three rows of five values, each after a label naming its group."""
    if len(value_rows) != 3 or any(len(v.values) != _WIDTH for v in value_rows):
        return None
    named: dict[str, RowView] = {}
    group: str | None = None
    for view in views:
        group = _group_named(fold(view.label)) or group
        if any(view is v for v in value_rows) and group is not None and group not in named:
            named[group] = view
    return named if len(named) == 3 else None


def map_review_litigation(views: Sequence[RowView]) -> Mapped:
    diagnostics: list[Diagnostic] = []
    make = plain_cell_factory(diagnostics)
    value_rows = [v for v in views if v.has_content]
    if not value_rows:
        return Mapped((), (), (), RL_COLUMNS)
    named = _labelled_rows(views, value_rows)
    if named is not None:
        cells = [make(c.text, c.line, i) for g in RL_GROUPS for i, c in enumerate(named[g].values)]
        return Mapped(_rows(cells, [named[g].span for g in RL_GROUPS]), (), tuple(diagnostics), RL_COLUMNS)
    values = [c for v in value_rows for c in v.values]
    # rows of a table read in pieces need not be in line order
    span = Span(min(v.line for v in value_rows), max(max(v.line, v.last_line) for v in value_rows))
    result = place(values, _WIDTH * 3, make, rule=groups_total_is_sum(_WIDTH), what="Table 4", span=span)
    if result.diagnostic is not None:
        diagnostics.append(result.diagnostic)
    if result.cells is None:
        missing = Cell(raw=" ".join(c.text for c in values), state=CellState.MISSING, line=span.start)
        return Mapped(_rows([missing] * (_WIDTH * 3), [span] * 3), (), tuple(diagnostics), RL_COLUMNS)
    return Mapped(_rows(result.cells, [span] * 3), (), tuple(diagnostics), RL_COLUMNS)
