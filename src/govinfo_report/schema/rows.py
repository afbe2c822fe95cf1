"""What the three table mappers share: a labelled row's printed material, the units the reading
engine decides, and the canonical rows made from its decision.

A mapper classifies a table's rows by their labels and pairs labels printed apart from their
values (:mod:`.pairing`); here each labelled row becomes a :class:`~..reading.Material` (its
value tokens, the layout they came from, and what the structure says about them), the rows
naming one template row become one :class:`~..reading.Unit`, and the engine decides the cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

import attrs
import regex

from ..diagnostics import diag
from ..model import Cell, CellState, Diagnostic, ExtraRow, GridCell, Row, Span
from ..reading import (
    DELIMITED,
    GLUED,
    GRID,
    SPACED,
    Candidate,
    Decided,
    Material,
    Reading,
    RowSpec,
    Unit,
    row_readings,
)
from ..text import fold
from ..values import is_numeric_run, is_value_text, parse_cell
from .pairing import Labelled
from .views import RowView

LAYOUTS: dict[str, str] = {
    "html": GRID,
    "docx": GRID,
    "pdf": GRID,
    "markdown": GRID,
    "tabs": DELIMITED,
    "tika": DELIMITED,
    "pipe": DELIMITED,
    "pdftext": SPACED,
    "runtogether": GLUED,
}
"""How each layout strategy delimits a row's cells (see :mod:`..reading.model`)."""

_NUMBER_IN_LABEL = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.、．])(?!\s*年)")
"""A number in a label's text (not an item number such as ``2.``, not a year)."""
_ITEM_NUMBER = regex.compile(r"^\W*\d{1,2}\s*[.．、]")

_MARKUP = frozenset({"html", "docx", "pdf"})
"""Grids read from markup, which marks a cell's span and a row's missing cells."""

_TRAILING_DIGITS = regex.compile(r"(?<=[^\d.．、,，\s])(\d+)$")
"""Digits at the end of a label: the start of the row's first number, printed beside the label
(``6、属于四类过程性信息1`` | ``2`` … for 12). No template label ends with a digit."""


def material(
    view: RowView, *, by_order: bool = False, strays: Sequence[tuple[GridCell, ...]] = ()
) -> Material:
    """What a row's structure says about its value cells."""
    layout = LAYOUTS.get(view.strategy, DELIMITED)
    tokens = tuple(c for c in view.values if not c.filler)
    exact = len(tokens) == len(view.values) and not by_order
    doubts: list[str] = []
    lead: tuple[GridCell, ...] = ()
    joinable: set[int] = set()
    if layout == SPACED:  # a number wrapped in a narrow column, or spaced out (``1 1``)
        joinable = set(range(len(tokens) - 1))
    if layout != GLUED and any(_several_values(c.text) for c in tokens):
        # two columns in one cell (``0 0``), or a number wrapped in it (``1 3014``): each piece
        # is a token of its own, and the pieces of one cell may be one number
        exact = False
        pieces: list[GridCell] = []
        for c in tokens:
            parts = c.text.split() if _several_values(c.text) else [c.text]
            joinable.update(range(len(pieces), len(pieces) + len(parts) - 1))
            pieces.extend(GridCell(p, c.line) for p in parts)
        tokens = tuple(pieces)
    blanks_unknown = False
    if layout != GLUED:
        glued = _TRAILING_DIGITS.search(view.label.strip())
        if glued is not None and tokens:
            lead = (GridCell(glued.group(1), view.line),)
            doubts.append(f"digits {glued.group(1)!r} glued to the label")
        elif len(_NUMBER_IN_LABEL.findall(_ITEM_NUMBER.sub("", view.label))) >= 2:
            # numbers inside the label's text: a converter ran the row's cells into its label, and
            # its blank cells tell nothing
            doubts.append("numbers inside the label")
            blanks_unknown = True
    return Material(
        tokens,
        layout,
        exact=exact,
        padded_ends=view.strategy not in _MARKUP,
        doubts=tuple(doubts),
        strays=tuple(strays),
        joinable=frozenset(joinable),
        lead=lead,
        blanks_unknown=blanks_unknown,
    )


def _several_values(text: str) -> bool:
    pieces = text.split()
    return len(pieces) > 1 and all(is_value_text(p) or is_numeric_run(p) for p in pieces)


def column_anchor(views: Sequence[RowView], n: int | Sequence[int]) -> int | None:
    """The column where a table's values usually start, from the rows that fill exactly their
    ``n`` columns (one count for the table, or one per row)."""
    starts: Counter[int] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    for view, width in zip(views, widths, strict=True):
        filled = [i for i, c in enumerate(view.values) if c.text.strip()]
        if filled and filled[-1] - filled[0] + 1 == width:
            starts[view.value_start + filled[0]] += 1
    if not starts:
        return None
    (column, count), *rest = starts.most_common(2)
    return column if count >= 2 and (not rest or rest[0][1] < count) else None


def usual_padding(views: Sequence[RowView], n: int | Sequence[int]) -> tuple[int | None, int | None] | None:
    """The blank cells a table's rows usually print before and after their values, each side on
    its own, from the rows whose filled cells span exactly their ``n`` columns; a side is None
    when fewer than two rows, or no clear majority, agree on it (a tab dump's rows print one or
    two empty cells after their labels, as their labels span, but one trailing tab each)."""
    before: Counter[int] = Counter()
    after: Counter[int] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    for view, width in zip(views, widths, strict=True):
        cells = [c for c in view.values if not c.filler]
        filled = [i for i, c in enumerate(cells) if c.text.strip()]
        if filled and filled[-1] - filled[0] + 1 == width:
            before[filled[0]] += 1
            after[len(cells) - filled[-1] - 1] += 1
    sides = (_majority(before), _majority(after))
    return None if sides == (None, None) else sides


def blank_margins(
    views: Sequence[RowView], n: int | Sequence[int], padding: tuple[int | None, int | None] | None
) -> frozenset[tuple[int, int]] | None:
    """The blank margins (cells before and after the filled ones, beyond the usual ``padding``)
    that at least two rows whose filled cells span exactly their ``n`` columns print."""
    found: Counter[tuple[int, int]] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    lead, trail = padding or (None, None)
    for view, width in zip(views, widths, strict=True):
        cells = [c for c in view.values if not c.filler]
        filled = [i for i, c in enumerate(cells) if c.text.strip()]
        if filled and filled[-1] - filled[0] + 1 == width:
            before, after = filled[0] - (lead or 0), len(cells) - filled[-1] - 1 - (trail or 0)
            found[(max(before, 0), max(after, 0))] += 1
    if not found:
        return None
    return frozenset(m for m, count in found.items() if count >= 2) | {(0, 0)}


def loose_ends(
    views: Sequence[RowView], n: int | Sequence[int], padding: tuple[int | None, int | None] | None
) -> tuple[bool, bool]:
    """Whether rows of a table print blank cells beyond their ``n`` columns and the usual
    ``padding``, before their values (a label's span) and after them (a trailing separator): in
    that table a blank cell at that end of a row may be no cell of it. Markup grids are left
    out: they mark their spans and their rows' missing cells."""
    widths = [n] * len(views) if isinstance(n, int) else n
    lead, trail = padding or (None, None)
    before = after = False
    for view, width in zip(views, widths, strict=True):
        if view.strategy in _MARKUP:
            continue
        cells = [c for c in view.values if not c.filler]
        core = cells[lead or 0 : len(cells) - (trail or 0)]
        if len(core) > width:
            before = before or not core[0].text.strip()
            after = after or not core[-1].text.strip()
    return before, after


_SAME_WIDTH = 0.8
"""The share of a table's rows that must have one width for it to be the table's width."""


def usual_width(views: Sequence[RowView]) -> int | None:
    """The cells (label cells included, spans and fillers left out) the rows of a table have,
    when nearly all agree (a Markdown table pads every row to its width; a converter that drops
    a span's cells leaves rows of every width, which then say nothing)."""
    found: Counter[int] = Counter(v.value_start + sum(1 for c in v.values if not c.filler) for v in views)
    if not found:
        return None
    (width, count), *_ = found.most_common(1)
    return width if count >= 2 and count >= _SAME_WIDTH * sum(found.values()) else None


def _majority(found: Counter[int]) -> int | None:
    if not found:
        return None
    (value, count), *_ = found.most_common(1)
    return value if count >= 2 and 2 * count > sum(found.values()) else None


def candidate(
    view: RowView,
    spec: RowSpec,
    *,
    by_order: bool = False,
    strays: Sequence[tuple[GridCell, ...]] = (),
    vouchable: bool = True,
) -> Candidate:
    """A labelled row as a candidate for its template row, with every reading of its cells. A
    label that may have no values at all (pairing in doubt) reads as unknown cells."""
    if not view.values:
        unknown = Cell(raw="", state=CellState.MISSING, line=view.line)
        return Candidate(view.label, view.span, "", (Reading((unknown,) * spec.n, "no values"),))
    found = material(view, by_order=by_order, strays=strays)
    if not vouchable:
        found = attrs.evolve(found, exact=False)
    certain = not by_order and vouchable
    pieces = [len(c.text.split()) for c in view.values if c.text.strip()]
    if len(pieces) > 1 and min(pieces) > 1 and len(set(pieces)) == 1:  # every cell k numbers deep
        note = f"its cells hold {pieces[0]} numbers each: {pieces[0]} rows printed as one"
        return Candidate(
            view.label, view.span, view.raw, (), note=note, code="cells.too_few", certain=certain
        )
    generated = row_readings(found, spec, offset=view.value_start)
    readings = generated.readings
    if found.joinable and found.layout not in (SPACED, GLUED):
        # cells holding two numbers: two columns run into one cell (their blanks mean nothing),
        # or a number wrapped in its cell; both are read, the rules choose (a crawler dump's
        # spaces are read by the digits' splits themselves)
        spaced = attrs.evolve(found, layout=SPACED, tokens=tuple(t for t in found.tokens if t.text.strip()))
        readings = _union(readings, row_readings(spaced, spec, offset=view.value_start).readings)
    return Candidate(
        view.label,
        view.span,
        view.raw,
        readings,
        generated.vouched,
        generated.note,
        generated.code,
        len(found.tokens),
        certain=certain,
        forced=generated.forced and readings == generated.readings,
    )


def _union(a: Sequence[Reading], b: Sequence[Reading]) -> tuple[Reading, ...]:
    seen = {tuple((c.state, c.value) for c in r.cells) for r in a}
    return (*a, *(r for r in b if tuple((c.state, c.value) for c in r.cells) not in seen))


def units(
    bound: Sequence[Labelled],
    refs_of: Callable[[str], tuple[tuple[str, str], ...]],
    spec_of: Callable[[str], RowSpec],
    table: str,
    diagnostics: list[Diagnostic],
    *,
    strays: dict[int, list[tuple[GridCell, ...]]] | None = None,
    unvouched: Collection[str] = (),
) -> tuple[list[Unit], list[ExtraRow]]:
    """One unit per template row named, in document order. A row named again (a prose line or a
    sub-row repeating its name) is another candidate for it (the engine keeps only what they
    agree on) and is also kept as an extra row. The rows ``unvouched`` are never vouched for (a
    group's subtotal: its heading may be the label over its items, whose own label was lost)."""
    strays = strays or {}
    named: dict[str, list[Labelled]] = {}
    for labelled in sorted(bound, key=lambda r: r.view.index):
        named.setdefault(labelled.key, []).append(labelled)
    out: list[Unit] = []
    extra: list[ExtraRow] = []
    for key, found in named.items():
        spec = spec_of(key)
        vouchable = key not in unvouched
        candidates = tuple(
            candidate(
                r.view, spec, by_order=r.by_order, strays=strays.get(r.view.index, ()), vouchable=vouchable
            )
            for r in found
        )
        out.append(Unit(refs_of(key), candidates, f"Row {key}"))
        first = found[0]
        if first.how != "exact":
            code = "row.numbered_label" if first.how == "numbered" else "row.fuzzy_label"
            message = f"Row {key}: label {first.view.label!r} matched by {first.how}."
            diagnostics.append(diag(code, message, first.view.span))
        for other in found[1:]:
            if other.alternative:  # one of the value rows its label may have, not a second row
                continue
            diagnostics.append(
                diag(
                    "row.duplicate",
                    f"Row {key} is named again on line {other.view.line}; both are read as "
                    f"candidates for it (only what they agree on is kept) and the one on line "
                    f"{other.view.line} is also kept as an extra row.",
                    other.view.span,
                )
            )
            extra.append(
                extra_row(table, other.view, diagnostics, glued=LAYOUTS.get(other.view.strategy) == GLUED)
            )
    return out, extra


_STRAY_REACH = 2
"""How many grid rows away a loose value may belong to a labelled row."""


def stray_values(
    bound: Sequence[RowView], leftover: Sequence[RowView]
) -> dict[int, list[tuple[GridCell, ...]]]:
    """Loose values (the rest of a wrapped number and the cells after it, a page number), by the
    index of the labelled row just before and just after them: those rows may have lost or
    gained them."""
    indices = sorted(v.index for v in bound)
    out: dict[int, list[tuple[GridCell, ...]]] = {}
    for loose in leftover:
        filled = [c for c in loose.values if c.text.strip()]
        if fold(loose.label) or not filled:
            continue
        at = loose.index
        before = max((i for i in indices if at - _STRAY_REACH <= i < at), default=None)
        after = min((i for i in indices if at < i <= at + _STRAY_REACH), default=None)
        for index in (before, after):
            if index is not None:
                found = tuple(c for c in loose.values if c.text.strip())
                if found:
                    out.setdefault(index, []).append(found)
    return out


def rows_of(
    units_: Sequence[Unit],
    decided: Decided,
    columns_of: Callable[[str], Sequence[str]],
    diagnostics: list[Diagnostic],
) -> list[Row]:
    """The canonical rows of the decided units (one per row key, in unit order)."""
    out: list[Row] = []
    for u, unit in enumerate(units_):
        source = decided.sources[u]
        for key in unit.keys:
            cells = tuple(
                (column, _noted(decided.cells[(key, column)], diagnostics)) for column in columns_of(key)
            )
            label = source.label if len(unit.keys) == 1 and source.label else key
            out.append(Row(key, label, cells, source.span))
    return out


def missing_cells(view: RowView, n: int) -> tuple[Cell, ...]:
    """The cells of a row that could not be read honestly; each keeps the row's raw text."""
    return tuple(Cell(raw=view.raw, state=CellState.MISSING, line=view.line) for _ in range(n))


def extras(
    table: str, leftover: Sequence[RowView], diagnostics: list[Diagnostic], *, glued: bool = False
) -> list[ExtraRow]:
    """Rows no template row took: kept under their own label, or, without a label, reported as
    values that could not be paired (``row.unbound_values``), never dropped silently. In a layout
    that runs cells together (``glued``) a run of digits may be several cells, so it is kept as
    raw text and left missing."""
    kept: list[ExtraRow] = []
    for view in leftover:
        if fold(view.label):
            kept.append(extra_row(table, view, diagnostics, glued=glued))
        elif view.values:
            message = f"Values on line {view.line} could not be paired with a row label."
            diagnostics.append(diag("row.unbound_values", message, view.span))
    return kept


def extra_row(table: str, view: RowView, diagnostics: list[Diagnostic], *, glued: bool = False) -> ExtraRow:
    """A row outside the template, kept under its own label (and reported)."""
    diagnostics.append(
        diag("row.extra", f"Row {view.label!r} is not in the template; kept as extra.", view.span)
    )
    cells: list[Cell] = []
    for c in view.values:
        if c.filler:
            continue
        if glued and is_numeric_run(c.text) and sum(ch.isdigit() for ch in c.text) > 1:
            message = f"Row {view.label!r}: {c.text!r} may be several cells run together; left missing."
            diagnostics.append(diag("cells.run_together_ambiguous", message, Span(c.line, c.line)))
            cells.append(Cell(raw=c.text, state=CellState.MISSING, line=c.line))
        else:
            cells.append(parse_cell(c.text, line=c.line))
    while cells and cells[-1].state is CellState.BLANK:  # the padding of a row as wide as the table
        cells.pop()
    return ExtraRow(table, view.label, tuple(cells), view.span)


def _noted(cell: Cell, diagnostics: list[Diagnostic]) -> Cell:
    """Report an annotated number or a text cell where a number belongs; return the cell."""
    if cell.note is None and cell.state is not CellState.TEXT:
        return cell
    span = Span(cell.line, cell.line) if cell.line is not None else None
    if cell.note is not None:
        diagnostics.append(diag("cells.annotated", f"Cell {cell.raw!r}: number and note kept.", span))
    else:
        diagnostics.append(
            diag("cells.text", f"Cell {cell.raw!r} holds text where a number was expected.", span)
        )
    return cell


def count_cell(text: str, line: int, _column: int) -> Cell:
    """A cell of a count column."""
    return parse_cell(text, line=line)
