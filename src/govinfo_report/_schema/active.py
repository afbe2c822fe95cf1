"""Table 2 (主动公开政府信息情况) as ``BLOCK/ROW`` keys with the template's columns (docs/format.md §2.1).

Row labels are unique across blocks, so a row is found by its own label; the ``第二十条第（X）项``
block lines only separate the blocks. A row of the other template is never forced into this one.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .._reading import RowSpec, decide
from .._reading.evidence import Evidence
from .._reading.model import CellFactory
from .._text import fold, memo_short
from .._values import parse_cell
from .._vocab import (
    AD_BLOCKS,
    AD_COLUMNS,
    AD_DECREASE_WORDS,
    AD_HEADER_WORDS,
    AD_MONEY_COLUMNS,
    AD_MONEY_UNIT_DEFAULT,
    AD_ROWS,
    AD_SIGNED_COLUMNS,
    SUBROW_MARKERS,
    AdRowSpec,
)
from ..diagnostics import diag
from ..model import Cell, CellState, Diagnostic, Span
from ._habits import blank_margins, column_anchor, loose_ends, stray_values, usual_padding, usual_width
from .pairing import Classified, Labelled, pair_by_order, whole_label
from .rows import (
    extras,
    rows_of,
    units,
)
from .types import Mapped
from .views import RowView


def _names_block(folded: str) -> bool:
    return any(p in folded for block in AD_BLOCKS for p in block.patterns)


@memo_short(2048)
def _row(folded: str) -> AdRowSpec | None:
    """The row whose label is the most specific one in ``folded``; None when two rows are named
    apart (two lines run into one names neither)."""
    best: tuple[int, AdRowSpec] | None = None
    found: list[tuple[int, int]] = []
    for spec in AD_ROWS:
        longest = ""
        for pattern in spec.patterns:
            if pattern in folded and len(pattern) > len(longest):
                longest = pattern
        if not longest:
            continue
        at = folded.find(longest)
        found.append((at, at + len(longest)))
        if best is None or len(longest) > best[0]:
            best = (len(longest), spec)
    if any(a[1] <= b[0] for a in found for b in found):
        return None
    if best is not None and len(_after(folded, best[1])) >= _MIN_TAIL:
        return None  # ``规章其他主动公开文件``: another row's label run on after its name
    return best[1] if best else None


_MIN_TAIL = 4
"""Characters of label text after a row's name that are another row's label run into it (PDF
text joins a blank row's label with the next line's): the row named is then not told."""


def _after(folded: str, spec: AdRowSpec) -> str:
    """The label text after the row's longest name in ``folded``."""
    longest = max((p for p in spec.patterns if p in folded), key=len)
    return folded[folded.find(longest) + len(longest) :]


_FULL_LABELS = {f"{spec.block}/{spec.key}": spec.patterns[0] for spec in AD_ROWS}


def _name(folded: str) -> str | None:
    """The row whose full label a text is, or is a part of (a wrapped label put back together)."""
    return whole_label(folded, _FULL_LABELS)


def _factory(columns: tuple[str, ...], unit: str | None) -> CellFactory:
    def make(text: str, line: int, column: int) -> Cell:
        money = columns[column] in AD_MONEY_COLUMNS
        cell = parse_cell(text, line=line, money=money, unit=unit if money else None)
        if columns[column] in AD_SIGNED_COLUMNS and cell.note and _DECREASE.search(cell.note):
            # ``3（减少）``: the sign is in the words beside the number, not read
            return Cell(raw=cell.raw, state=CellState.TEXT, line=line)
        return cell

    return make


_DECREASE = regex.compile("|".join(map(regex.escape, AD_DECREASE_WORDS)))


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


def map_active_disclosure(
    views: Sequence[RowView], *, template: str | None, glued: bool = False, evidence: Sequence[Evidence] = ()
) -> Mapped:
    """Table 2 rows; without a known template nothing is mapped (the columns differ)."""
    if template not in AD_COLUMNS:
        return Mapped(
            (), (), (diag("template.unknown", "Table 2 was not mapped: the template is unknown."),), ()
        )
    schema = AD_COLUMNS[template]
    diagnostics: list[Diagnostic] = []
    classified = _classify(views, template, diagnostics)
    leftover = pair_by_order(classified, _is_fragment, _name, diagnostics)
    extra_rows = extras("active_disclosure", leftover, diagnostics, glued=glued)
    unit = AD_MONEY_UNIT_DEFAULT.get(template)
    bound = classified.bound
    widths = [len(schema[r.key.partition("/")[0]]) for r in bound]
    anchor = column_anchor([r.view for r in bound], widths)
    padding = usual_padding([r.view for r in bound], widths)
    ends = loose_ends([r.view for r in bound], widths, padding)
    margins = blank_margins([r.view for r in bound], widths, padding)
    width = usual_width([r.view for r in bound])

    specs: dict[str, RowSpec] = {}

    def spec_of(key: str) -> RowSpec:
        block = key.partition("/")[0]
        if block not in specs:  # one per block: its rows share their columns
            columns = schema[block]
            specs[block] = RowSpec(
                len(columns),
                _factory(columns, unit),
                signed=frozenset(i for i, c in enumerate(columns) if c in AD_SIGNED_COLUMNS),
                decimal_last=columns[-1] in AD_MONEY_COLUMNS,
                anchor=anchor,
                ends=ends,
                margins=margins,
                width=width,
                padding=padding,
            )
        return specs[block]

    def refs_of(key: str) -> tuple[tuple[str, str], ...]:
        return tuple((key, c) for c in schema[key.partition("/")[0]])

    strays = stray_values(bound, classified.loose, leftover)
    found, repeated = units(bound, refs_of, spec_of, "active_disclosure", diagnostics, strays=strays)
    extra_rows.extend(repeated)
    rank = {f"{spec.block}/{spec.key}": i for i, spec in enumerate(AD_ROWS)}
    found.sort(key=lambda u: rank.get(u.keys[0], len(rank)))
    all_columns = tuple(dict.fromkeys(c for cols in schema.values() for c in cols))
    decided = decide("active_disclosure", found, all_columns, evidence)
    diagnostics.extend(decided.diagnostics)
    rows = rows_of(found, decided, lambda key: schema[key.partition("/")[0]], diagnostics)
    expected = [f"{spec.block}/{spec.key}" for spec in AD_ROWS if template in spec.templates]
    missing = [key for key in expected if key not in {r.key for r in rows}]
    if missing and rows:
        span = Span(min(v.line for v in views), max(v.last_line for v in views))  # the table's lines
        diagnostics.append(diag("row.missing", "Rows not found: " + ", ".join(missing) + ".", span))
    return Mapped(tuple(rows), tuple(extra_rows), tuple(diagnostics), all_columns)
