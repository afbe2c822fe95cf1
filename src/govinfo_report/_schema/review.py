"""Table 4 (行政复议、行政诉讼): three groups of five, from one row of 15 (the official layout),
three labelled rows of five (one table per group), or one run of digits split by R4."""

from __future__ import annotations

from collections.abc import Sequence

from .._reading import RowSpec, Unit, decide
from .._reading.evidence import Evidence
from .._splitting import groups_total_is_sum
from .._text import fold
from .._vocab import RL_COLUMNS, RL_GROUP_PATTERNS, RL_GROUPS
from ..model import Diagnostic, Span
from .rows import candidate, count_cell, rows_of
from .types import Mapped
from .views import RowView

_WIDTH = len(RL_COLUMNS)


def _group_named(folded: str) -> str | None:
    # most specific first: 复议后起诉 and 未经复议直接起诉 both mention 复议
    for key in ("litigation_after_review", "litigation_direct", "review"):
        if any(p in folded for p in RL_GROUP_PATTERNS[key]):
            return key
    return None


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


def map_review_litigation(views: Sequence[RowView], *, evidence: Sequence[Evidence] = ()) -> Mapped:
    diagnostics: list[Diagnostic] = []
    value_rows = [v for v in views if v.has_content]
    if not value_rows:
        return Mapped((), (), (), RL_COLUMNS)
    named = _labelled_rows(views, value_rows)
    if named is not None:
        spec = RowSpec(_WIDTH, count_cell, rule=groups_total_is_sum(_WIDTH))
        found = [
            Unit(tuple((g, c) for c in RL_COLUMNS), (candidate(named[g], spec),), f"Table 4 ({g})")
            for g in RL_GROUPS
        ]
    else:
        # the fifteen numbers, as one row: printed on one row (the official layout), or gathered
        # from several (then not vouched for: rows of a table read in pieces need not be in order)
        first = value_rows[0]
        values = tuple(c for v in value_rows for c in v.values)
        span = Span(min(v.line for v in value_rows), max(max(v.line, v.last_line) for v in value_rows))
        row = RowView("", values, span.start, span.end, first.index, 0, strategy=first.strategy)
        spec = RowSpec(_WIDTH * 3, count_cell, rule=groups_total_is_sum(_WIDTH))
        refs = tuple((g, c) for g in RL_GROUPS for c in RL_COLUMNS)
        found = [Unit(refs, (candidate(row, spec, by_order=len(value_rows) > 1),), "Table 4")]
    decided = decide("review_litigation", found, RL_COLUMNS, evidence)
    diagnostics.extend(decided.diagnostics)
    rows = rows_of(found, decided, lambda _: RL_COLUMNS, diagnostics)
    return Mapped(tuple(rows), (), tuple(diagnostics), RL_COLUMNS)
