"""Table 2 (主动公开政府信息情况) as ``BLOCK/ROW`` keys with the template's columns (SPEC.md §2.1).

Row labels are unique across blocks, so a row is found by its own label; the ``第二十条第（X）项``
block lines only separate the blocks. A row of the other template is never forced into this one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import diag
from ..model import Cell, Diagnostic, Row
from ..text import fold
from ..values import parse_cell
from ..vocab import (
    AD_BLOCKS,
    AD_COLUMNS,
    AD_HEADER_WORDS,
    AD_MONEY_COLUMNS,
    AD_MONEY_UNIT_DEFAULT,
    AD_ROWS,
    AD_SIGNED_COLUMNS,
    SUBROW_MARKERS,
    AdRowSpec,
)
from .rows import (
    CellFactory,
    Classified,
    Labelled,
    Placed,
    RowView,
    column_anchor,
    extras,
    missing_cells,
    noted,
    one_row_per_key,
    pair_by_order,
    place,
)
from .types import Mapped


def _names_block(folded: str) -> bool:
    return any(p in folded for block in AD_BLOCKS for p in block.patterns)


def _row(folded: str) -> AdRowSpec | None:
    """The row whose label is the most specific one in ``folded``."""
    best: tuple[int, AdRowSpec] | None = None
    for spec in AD_ROWS:
        for pattern in spec.patterns:
            if pattern in folded and (best is None or len(pattern) > best[0]):
                best = (len(pattern), spec)
    return best[1] if best else None


def _factory(columns: tuple[str, ...], unit: str | None, diagnostics: list[Diagnostic]) -> CellFactory:
    def make(text: str, line: int, column: int) -> Cell:
        money = columns[column] in AD_MONEY_COLUMNS
        return noted(parse_cell(text, line=line, money=money, unit=unit if money else None), diagnostics)

    return make


def _is_fragment(folded: str) -> bool:
    """Part of a row label broken over lines (``其他对外管理服务`` / ``事项 20 -9 7447``)."""
    return len(folded) >= 2 and any(
        folded in spec.patterns[0] and folded != spec.patterns[0] for spec in AD_ROWS
    )


def _classify(views: Sequence[RowView], template: str, diagnostics: list[Diagnostic]) -> Classified:
    rows = Classified()
    for view in views:
        folded = fold(view.label)
        # a ``label：N`` line or a breakdown (其中…) is never a template row, whatever it names
        found = None if view.inline or any(m in folded for m in SUBROW_MARKERS) else _row(folded)
        if found is None:
            if _names_block(folded) or any(w in folded for w in AD_HEADER_WORDS):
                continue
            if view.has_content:
                rows.loose.append(view)
            elif folded:
                rows.unnamed.append(view)
            continue
        if template not in found.templates:  # a row of the other template: kept as it is, never re-keyed
            diagnostics.append(
                diag("row.other_template", f"Row {view.label!r} belongs to the other template.", view.span)
            )
            rows.loose.append(view)
            continue
        (rows.bound if view.has_values else rows.pending).append(Labelled(f"{found.block}/{found.key}", view))
    return rows


def map_active_disclosure(views: Sequence[RowView], *, template: str | None, glued: bool = False) -> Mapped:
    """Table 2 rows; without a known template nothing is mapped (the columns differ)."""
    if template not in AD_COLUMNS:
        return Mapped(
            (), (), (diag("template.unknown", "Table 2 was not mapped: the template is unknown."),), ()
        )
    schema = AD_COLUMNS[template]
    diagnostics: list[Diagnostic] = []
    classified = _classify(views, template, diagnostics)
    leftover = pair_by_order(classified, _is_fragment, diagnostics)
    extra_rows = extras("active_disclosure", leftover, diagnostics, glued=glued)
    unit = AD_MONEY_UNIT_DEFAULT.get(template)
    bound = classified.bound
    anchor = column_anchor([r.view for r in bound], [len(schema[r.key.partition("/")[0]]) for r in bound])

    def fit(row: Labelled) -> Placed:
        columns = schema[row.key.partition("/")[0]]
        return place(
            row.view.values,
            len(columns),
            _factory(columns, unit, diagnostics),
            rule=None,
            glued=glued,
            signed=frozenset(i for i, c in enumerate(columns) if c in AD_SIGNED_COLUMNS),
            decimal_last=columns[-1] in AD_MONEY_COLUMNS,
            what=f"Row {row.key}",
            span=row.view.span,
            anchor=anchor,
            offset=row.view.value_start,
        )

    placed, repeated = one_row_per_key(classified.bound, fit, "active_disclosure", diagnostics, glued=glued)
    extra_rows.extend(repeated)
    rows: list[Row] = []
    for key, (view, result) in placed.items():
        columns = schema[key.partition("/")[0]]
        if result.diagnostic is not None:
            diagnostics.append(result.diagnostic)
        cells = result.cells if result.cells is not None else missing_cells(view, len(columns))
        rows.append(Row(key, view.label, tuple(zip(columns, cells, strict=True)), view.span))
    expected = [f"{spec.block}/{spec.key}" for spec in AD_ROWS if template in spec.templates]
    missing = [key for key in expected if key not in placed]
    if missing and placed:
        diagnostics.append(diag("row.missing", "Rows not found: " + ", ".join(missing) + "."))
    all_columns = tuple(dict.fromkeys(c for cols in schema.values() for c in cols))
    return Mapped(tuple(_in_template_order(rows)), tuple(extra_rows), tuple(diagnostics), all_columns)


def _in_template_order(rows: list[Row]) -> list[Row]:
    rank = {f"{spec.block}/{spec.key}": i for i, spec in enumerate(AD_ROWS)}
    return sorted(rows, key=lambda r: rank.get(r.key, len(rank)))
