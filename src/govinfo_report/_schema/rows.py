"""What the three table mappers share: a labelled row's printed material, the units the reading
engine decides, and the canonical rows made from its decision.

A mapper classifies a table's rows by their labels and pairs labels printed apart from their
values (:mod:`.pairing`); here each labelled row becomes a :class:`~..reading.Material` (its
value tokens, the layout they came from, and what the structure says about them), the rows
naming one template row become one :class:`~..reading.Unit`, and the engine decides the cells.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import attrs
import regex

from .._reading import (
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
from .._text import fold, memo_short
from .._values import is_numeric_run, is_value_text, parse_cell
from ..diagnostics import diag
from ..model import Cell, CellState, Diagnostic, ExtraRow, GridCell, Row, Span
from ._habits import MARKUP
from .pairing import Labelled
from .views import RowView

LAYOUTS: dict[str, str] = {
    "html": GRID,
    "docx": GRID,
    "pdf": GRID,
    "boxdrawing": GRID,
    "markdown": GRID,
    "tabs": DELIMITED,
    "tika": DELIMITED,
    "pipe": DELIMITED,
    "bare_pipes": DELIMITED,
    "pdftext": SPACED,
    "paragraphs": SPACED,
    "cell_lines": SPACED,
    "runtogether": GLUED,
}
"""How each layout strategy delimits a row's cells (see :mod:`..reading.model`)."""
WHOLE_CELLS = frozenset({"paragraphs", "cell_lines"})
"""Strategies whose every token is one whole cell (one cell per line)."""
STRICT_LINES = "cell_lines"
"""One cell per line in every line: a line holding two values is a damaged cell."""

_NUMBER_IN_LABEL = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.、．])(?!\s*年)")
"""A number in a label's text (not an item number such as ``2.``, not a year)."""
_ITEM_NUMBER = regex.compile(r"^\W*\d{1,2}\s*[.．、]")


_SPACE = regex.compile(r"[\s\x1c-\x1f]")
"""What ``str.split()`` splits at."""

_TRAILING_DIGITS = regex.compile(r"(?<=[^\d.．、,，\s])(\d+)$")
"""Digits at the end of a label: the start of the row's first number, printed beside the label
(``6、属于四类过程性信息1`` | ``2`` … for 12). No template label ends with a digit."""


def material(
    view: RowView, *, by_order: bool = False, strays: Sequence[tuple[GridCell, ...]] = ()
) -> Material:
    """What a row's structure says about its value cells."""
    layout = LAYOUTS.get(view.strategy, DELIMITED)
    tokens = view.own
    exact = len(tokens) == len(view.values) and not by_order
    doubts: list[str] = []
    lead: tuple[GridCell, ...] = ()
    joinable: set[int] = set()
    whole = view.strategy in WHOLE_CELLS
    if layout == SPACED and not whole:  # a number wrapped in a narrow column, or spaced out (``1 1``)
        joinable = set(range(len(tokens) - 1))
    spaced = _SPACE.search("".join([c.text for c in tokens])) is not None  # most rows: no space
    if layout != GLUED and spaced and any(_several_values(c.text) for c in tokens):
        # two columns in one cell (``0 0``), or a number wrapped in it (``1 3014``): each piece
        # is a token of its own, and the pieces of one cell may be one number
        exact = False
        pieces: list[GridCell] = []
        for c in tokens:
            parts = c.text.split() if _several_values(c.text) else [c.text]
            joinable.update(range(len(pieces), len(pieces) + len(parts) - 1))
            pieces.extend(GridCell(p, c.line) for p in parts)
        tokens = tuple(pieces)
        if view.strategy == STRICT_LINES:
            # a table of one cell per line shows no such line but damaged: a number split, or a
            # cell too many beside a blank cell (which this layout hides)
            doubts.append("a line holding two values in a table of one cell per line")
    blanks_unknown = False
    if layout != GLUED:
        glued = _glued_digits(view.label)
        if glued and tokens:
            lead = (GridCell(glued, view.line),)
            doubts.append(f"digits {glued!r} glued to the label")
        elif _numbers_in(view.label):
            # numbers inside the label's text: a converter ran the row's cells into its label, and
            # its blank cells tell nothing
            doubts.append("numbers inside the label")
            blanks_unknown = True
    return Material(
        tokens,
        layout,
        exact=exact,
        padded_ends=view.strategy not in MARKUP,
        doubts=tuple(doubts),
        strays=tuple(strays),
        joinable=frozenset(joinable),
        lead=lead,
        blanks_unknown=blanks_unknown,
        apart=layout == GLUED and bool(tokens) and all(t.line > view.line for t in tokens),
        whole_cells=whole,
    )


def _depths(cells: Sequence[GridCell]) -> list[int]:
    """How many space-separated pieces each filled cell holds; empty when one holds a single
    piece (the common case, found at the first such cell)."""
    out: list[int] = []
    for cell in cells:
        if cell.text.strip():
            depth = len(cell.text.split())
            if depth < 2:
                return []
            out.append(depth)
    return out


@memo_short(2048)
def _glued_digits(label: str) -> str:
    """The digits at the end of a label (``""`` when none): see :data:`_TRAILING_DIGITS`."""
    found = _TRAILING_DIGITS.search(label.strip())
    return found.group(1) if found is not None else ""


@memo_short(2048)
def _numbers_in(label: str) -> bool:
    """Whether a label's text holds numbers (two or more, past its item number)."""
    return len(_NUMBER_IN_LABEL.findall(_ITEM_NUMBER.sub("", label))) >= 2


@memo_short(4096)
def _several_values(text: str) -> bool:
    pieces = text.split()
    return len(pieces) > 1 and all(is_value_text(p) or is_numeric_run(p) for p in pieces)


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
    pieces = _depths(view.values)
    if len(pieces) > 1 and len(set(pieces)) == 1:  # every cell k numbers deep
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
        if _numbers_in(first.view.label):
            message = (
                f"Row {key}: its label {first.view.label!r} holds numbers; cells run into it "
                "(its own, or a row's whose label was run in too) are not read."
            )
            diagnostics.append(diag("row.label_holds_numbers", message, first.view.span))
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
            cells = tuple((column, decided.cells[(key, column)]) for column in columns_of(key))
            for _, cell in cells:
                if cell.note is not None or cell.state is CellState.TEXT:
                    _noted(cell, diagnostics)
            label = source.label if len(unit.keys) == 1 and source.label else key
            out.append(Row(key, label, cells, source.span))
    return out


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
