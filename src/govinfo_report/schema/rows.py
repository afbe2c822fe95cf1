"""Grid rows read as label + values, and values fitted to a template's columns.

Shared by the three table mappers. Fitting follows one order of evidence: the cell count; then
blank padding from spans; then extra cells, where a reading is kept only when all readings agree
or the row rule leaves exactly one; then numbers run together, split only where the rule leaves
exactly one reading. Anything else is left missing with a diagnostic, never guessed.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
import regex

from .. import limits
from ..diagnostics import diag
from ..model import Cell, CellState, Diagnostic, ExtraRow, GridCell, Span
from ..splitting import split_run
from ..text import fold, memo_short
from ..values import is_numeric_run, is_value_text, parse_cell

Number = int | Decimal
RowRule = Callable[[tuple[Number, ...]], bool]
"""A rule on a complete row of numbers (R3, R4), used to choose among readings."""
CellFactory = Callable[[str, int, int], Cell]
"""(text, line, column index) → Cell."""


@attrs.frozen
class RowView:
    """A grid row read as label + values."""

    label: str
    """The text cells before the values, joined."""
    values: tuple[GridCell, ...]
    """The cells after the label (spanned positions dropped); may be empty."""
    line: int
    """First source line of the row."""
    last_line: int
    """Last source line of the row."""
    index: int = 0
    """Position of the row in its grid (document order)."""
    value_start: int = 0
    """Column (among the row's non-spanned cells) of the first value cell."""
    inline: bool = False
    """A ``label：value`` line (a local statistic in prose): never taken for a template row."""

    @property
    def has_values(self) -> bool:
        return bool(self.values)

    @property
    def has_content(self) -> bool:
        """True when at least one value cell is not blank."""
        return any(c.text.strip() for c in self.values)

    @property
    def span(self) -> Span:
        return Span(self.line, max(self.line, self.last_line))

    @property
    def raw(self) -> str:
        return " ".join(c.text for c in self.values)


_INLINE_VALUE = regex.compile(
    r"^(?P<label>.{2,200}?)[:：]\s*(?P<value>[-+]?[0-9０-９][0-9０-９,]*(?:\.[0-9０-９]+)?\s*(?:万元|亿元|元|万)?)$"
)


@memo_short(16384)
def _is_label_text(text: str) -> bool:
    return bool(text.strip()) and not is_value_text(text) and not is_numeric_run(text)


def row_views(rows: Sequence[Sequence[GridCell]]) -> list[RowView]:
    """Read every grid row as label + values.

    The label is the text cells before the first value cell; a text cell after a value is a value
    cell holding text (``3例``), kept with its raw text.
    """
    out: list[RowView] = []
    for index, row in enumerate(rows):
        cells = [c for c in row if not c.spanned]
        if not cells:
            continue
        is_label: list[bool] = []  # up to the first value cell
        for c in cells:
            text_cell = _is_label_text(c.text)
            if not text_cell and c.text.strip():
                break
            is_label.append(text_cell)
        last_text = max((i for i, text_cell in enumerate(is_label) if text_cell), default=-1)
        label_cells = [c for c in cells[: last_text + 1] if c.text.strip()]
        values = tuple(cells[last_text + 1 :])
        # PDF text keeps words apart with spaces; other layouts' label cells join without one
        joiner = " " if any(" " in c.text for c in label_cells) else ""
        label = joiner.join(c.text.strip() for c in label_cells)
        line = label_cells[0].line if label_cells else cells[0].line
        inline = False
        if not values and len(label_cells) == 1:
            m = _INLINE_VALUE.match(label)
            if m is not None:  # ``2020年本行政区域…发布总数量（非新闻类、消息类）：0``
                label, inline = m["label"].strip(), True
                values = (GridCell(m["value"], label_cells[0].line),)
        out.append(RowView(label, values, line, max(c.line for c in cells), index, last_text + 1, inline))
    return out


@attrs.frozen
class Labelled:
    """A row whose label names a template row."""

    key: str
    view: RowView
    how: str = "exact"
    """``exact``, ``numbered`` or ``fuzzy``: how the label was matched."""


@attrs.frozen
class Classified:
    """A table's rows sorted by what their labels say."""

    bound: list[Labelled] = attrs.Factory(list)
    """Template rows with their values beside the label."""
    pending: list[Labelled] = attrs.Factory(list)
    """Template row labels printed without values."""
    loose: list[RowView] = attrs.Factory(list)
    """Values under no known label (none at all, or a text that names no template row)."""
    optional: list[Labelled] = attrs.Factory(list)
    """Labels without values of rows that may or may not be printed with numbers (a group's
    heading, which may carry its subtotal): paired only where a stretch's count needs them."""
    unnamed: list[RowView] = attrs.Factory(list)
    """Text without values that names no template row (a local row's label, a note): a row of
    its own, so detached numbers are never paired across it."""


_UNNAMED = "unnamed"
"""How a label that names no template row is marked while labels and detached values are paired."""


def pair_by_order(
    rows: Classified, is_fragment: Callable[[str], bool], diagnostics: list[Diagnostic]
) -> list[RowView]:
    """Pair labels printed without values with the value rows beside them, in order.

    PDF text detaches labels from their numbers (the numbers before, after or in the middle of a
    label broken over lines). A value row qualifies when it has no label or only a fragment of a
    template label (``is_fragment``). Rows that stand on their own (a label with its values)
    cut the table into stretches, since a label and its numbers share one band of the page;
    within a stretch the pairing is made only when there are exactly as many value rows as labels
    waiting, labels that name no template row (其中：网上申请) included. Pairs become
    ``rows.bound``; the value rows left over are returned, with the local rows paired here.
    """
    with_values = {r.key for r in rows.bound}
    waiting: list[Labelled] = []  # the first label of each row printed without values
    seen = set(with_values)
    for r in rows.pending:
        if r.key not in seen:
            seen.add(r.key)
            waiting.append(r)
    eligible = [v for v in rows.loose if not fold(v.label) or is_fragment(fold(v.label))]
    is_eligible = {id(v) for v in eligible}
    # (row index, kind, item): kind 0 a wall between stretches, 1 a label waiting, 2 a value row
    events: list[tuple[int, int, Labelled | RowView | None]] = [(r.view.index, 0, None) for r in rows.bound]
    events += [(v.index, 0, None) for v in rows.loose if id(v) not in is_eligible]
    # text above the first template row is the table's header, not a local row's label
    first = min((r.view.index for r in [*rows.bound, *rows.pending, *rows.optional]), default=0)
    unnamed = [
        Labelled(f"{_UNNAMED}{v.index}", v, _UNNAMED)
        for v in rows.unnamed
        # one character (``形）``) is the tail of a wrapped word, not a label
        if v.index > first and len(fold(v.label)) > 1 and not is_fragment(fold(v.label))
    ]
    events += [(w.view.index, 1, w) for w in [*waiting, *unnamed]]
    events += [(o.view.index, 1, o) for o in rows.optional if o.key not in with_values]
    events += [(v.index, 2, v) for v in eligible]
    optional = {id(o) for o in rows.optional}
    paired: list[RowView] = []
    local: list[RowView] = []  # local rows (其中：网上申请) with their detached values
    for found, values_rows in _stretches(events, optional):
        required = [w for w in found if id(w) not in optional]
        headings = [w for w in found if id(w) in optional]
        if headings and len(found) == len(values_rows):
            labels = found  # the headings print their subtotals too
        elif len(required) == len(values_rows):
            labels = required
        else:
            for w in required:
                if w.how != _UNNAMED:
                    message = f"Row {w.key}: label found without values; cells missing."
                    diagnostics.append(diag("row.missing", message, w.view.span))
            continue
        for label, values in zip(labels, values_rows, strict=True):
            paired.append(values)
            merged = RowView(
                label.view.label,
                values.values,
                min(label.view.line, values.line),
                max(label.view.last_line, values.last_line),
                label.view.index,
            )
            name = repr(label.view.label) if label.how == _UNNAMED else label.key
            if label.how == _UNNAMED:
                local.append(merged)
            else:
                rows.bound.append(Labelled(label.key, merged, label.how))
            diagnostics.append(
                diag(
                    "row.bound_by_order",
                    f"Row {name}: values on line {values.line} paired with the label "
                    f"on line {label.view.line} by order.",
                    merged.span,
                )
            )
    taken = {id(v) for v in paired}
    return [v for v in rows.loose if id(v) not in taken] + local


def _stretches(
    events: list[tuple[int, int, Labelled | RowView | None]], optional: set[int]
) -> list[tuple[list[Labelled], list[RowView]]]:
    """The labels waiting and the value rows between two walls, in row order; a row's label is
    taken once per stretch, a required one (``小计``) before an optional one (its group's
    heading). ``events`` are (row index, kind, item): kind 0 a wall, 1 a label, 2 a value row."""
    stretches: list[tuple[list[Labelled], list[RowView]]] = [([], [])]
    keys: dict[str, int] = {}  # label key -> its place in the current stretch
    for _, kind, item in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == 0:
            if stretches[-1] != ([], []):
                stretches.append(([], []))
                keys = {}
        elif isinstance(item, Labelled):
            labels = stretches[-1][0]
            if item.key not in keys:
                keys[item.key] = len(labels)
                labels.append(item)
            elif id(labels[keys[item.key]]) in optional and id(item) not in optional:
                labels[keys[item.key]] = item
        elif isinstance(item, RowView):
            stretches[-1][1].append(item)
    return stretches


def one_row_per_key(
    bound: Sequence[Labelled],
    fit: Callable[[Labelled], Placed],
    table: str,
    diagnostics: list[Diagnostic],
    *,
    glued: bool = False,
) -> tuple[dict[str, tuple[RowView, Placed]], list[ExtraRow]]:
    """Place every labelled row; of several rows naming one template row, keep the first whose
    cells fit the columns exactly (then the first that fits at all). The others are kept as extra
    rows, never dropped: a prose line or a sub-row (其中…) that repeats a row's name."""
    options: dict[str, list[tuple[Labelled, Placed]]] = {}
    for labelled in sorted(bound, key=lambda r: r.view.index):
        options.setdefault(labelled.key, []).append((labelled, fit(labelled)))
    placed: dict[str, tuple[RowView, Placed]] = {}
    extra: list[ExtraRow] = []
    for key, found in options.items():
        chosen = next((o for o in found if o[1].cells is not None and o[1].diagnostic is None), None)
        chosen = chosen or next((o for o in found if o[1].cells is not None), found[0])
        labelled, result = chosen
        placed[key] = (labelled.view, result)
        if labelled.how != "exact":
            code = "row.numbered_label" if labelled.how == "numbered" else "row.fuzzy_label"
            diagnostics.append(
                diag(
                    code,
                    f"Row {key}: label {labelled.view.label!r} matched by {labelled.how}.",
                    labelled.view.span,
                )
            )
        for other, _ in found:
            if other is labelled:
                continue
            diagnostics.append(
                diag(
                    "row.duplicate",
                    f"Row {key} is named again on line {other.view.line}; the row on line "
                    f"{labelled.view.line} is kept and this one is kept as an extra row.",
                    other.view.span,
                )
            )
            extra.append(extra_row(table, other.view, diagnostics, glued=glued))
    return placed, extra


@attrs.frozen
class Placed:
    """The outcome of fitting a row's value cells to the template's columns."""

    cells: tuple[Cell, ...] | None
    """The cells, or None when no honest reading exists."""
    candidates: tuple[tuple[Cell, ...], ...] = ()
    """Readings still possible when ``cells`` is None (for the column rules to choose from)."""
    diagnostic: Diagnostic | None = None
    """What was repaired, or why the row is missing."""


def _blank(cell: GridCell) -> bool:
    return not cell.text.strip()


def missing_cells(view: RowView, n: int) -> tuple[Cell, ...]:
    """The cells of a row that could not be read honestly; each keeps the row's raw text (the
    cells are somewhere in it, e.g. the run ``6233440``) and the diagnostic says why."""
    return tuple(Cell(raw=view.raw, state=CellState.MISSING, line=view.line) for _ in range(n))


def _satisfies(rule: RowRule | None, cells: Sequence[Cell]) -> bool:
    """The row rule on a candidate reading; a reading with a non-number cell cannot be judged."""
    values = [c.value for c in cells]
    if rule is None or any(v is None for v in values):
        return False
    return rule(tuple(v for v in values if v is not None))


def column_anchor(views: Sequence[RowView], n: int | Sequence[int]) -> int | None:
    """The column where a table's values usually start, from the rows that fill exactly their
    ``n`` columns (one count for the table, or one per row)."""
    starts: Counter[int] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    for view, width in zip(views, widths, strict=True):
        filled = [i for i, c in enumerate(view.values) if not _blank(c)]
        if filled and filled[-1] - filled[0] + 1 == width:
            starts[view.value_start + filled[0]] += 1
    if not starts:
        return None
    (column, count), *rest = starts.most_common(2)
    return column if count >= 2 and (not rest or rest[0][1] < count) else None


def place(
    values: Sequence[GridCell],
    n: int,
    make: CellFactory,
    *,
    rule: RowRule | None,
    glued: bool = False,
    signed: frozenset[int] = frozenset(),
    decimal_last: bool = False,
    what: str,
    span: Span,
    anchor: int | None = None,
    offset: int = 0,
) -> Placed:
    """Fit value cells to ``n`` columns; ``rule`` may choose among several readings.

    Blank cells at either end may be padding (spans, a trailing separator) or real blanks. When
    more than one placement of the filled cells fits, the table's usual first value column
    (``anchor``, with ``offset`` the row's first value column) decides; failing that, readings
    that differ leave the row missing. Too few cells are split into more only when ``rule``
    decides, or when the layout is known to run cells together (``glued``) and the digits allow
    one reading alone (``007`` → 0|0|7). Cells a layout wrote apart are never split by digit
    count: ``5`` ``37`` is a row missing a cell.
    """
    vals = list(values)
    if len(vals) == n:
        return Placed(tuple(make(c.text, c.line, i) for i, c in enumerate(vals)))
    if len(vals) > n:
        filled = [i for i, c in enumerate(vals) if not _blank(c)] or [0]
        low, high = filled[0], filled[-1] + 1
        if high - low > limits.MAX_ROW_CELLS:
            message = f"{what}: {high - low} cells, more than any table row has; left missing."
            return Placed(None, diagnostic=diag("limits.row_cells", message, span))
        if high - low > n:
            return _extra(vals[low:high], n, make, rule=rule, what=what, span=span)
        starts = list(range(max(0, high - n), min(low, len(vals) - n) + 1))
        return _padded(
            vals, starts, n, make, anchor=None if anchor is None else anchor - offset, what=what, span=span
        )
    # several numbers in one cell, separated by spaces: a space is never inside a number
    tokens = [GridCell(piece, c.line) for c in vals for piece in c.text.split()]
    if len(tokens) == n and all(is_value_text(t.text) for t in tokens):
        return Placed(tuple(make(t.text, t.line, i) for i, t in enumerate(tokens)))
    if tokens and (rule is not None or glued) and all(is_numeric_run(t.text) for t in tokens):
        return _split(
            tokens, n, make, rule=rule, signed=signed, decimal_last=decimal_last, what=what, span=span
        )
    return Placed(
        None,
        diagnostic=diag(
            "cells.too_few", f"{what}: {len(vals)} cell(s) where {n} are expected; left missing.", span
        ),
    )


def _padded(
    vals: Sequence[GridCell],
    starts: Sequence[int],
    n: int,
    make: CellFactory,
    *,
    anchor: int | None,
    what: str,
    span: Span,
) -> Placed:
    """Blank cells around the filled ones: which ``n`` consecutive cells are the row's columns."""
    windows = {k: tuple(make(c.text, c.line, i) for i, c in enumerate(vals[k : k + n])) for k in starts}
    if len({tuple((c.state, c.value) for c in w) for w in windows.values()}) == 1:
        return Placed(windows[starts[0]])  # padding only: every placement reads the same
    if anchor in windows:
        return Placed(
            windows[anchor],
            diagnostic=diag(
                "cells.aligned_by_column",
                f"{what}: blank cells at both ends; placed in the columns the other rows use.",
                span,
            ),
        )
    return Placed(
        None,
        diagnostic=diag(
            "cells.extra_columns_ambiguous",
            f"{what}: {len(vals)} cells with blanks at both ends; which are the {n} columns is not certain.",
            span,
        ),
    )


def _extra(
    vals: Sequence[GridCell], n: int, make: CellFactory, *, rule: RowRule | None, what: str, span: Span
) -> Placed:
    """More cells than columns: every window of ``n`` consecutive cells is a reading."""
    windows = [
        tuple(make(c.text, c.line, i) for i, c in enumerate(vals[k : k + n]))
        for k in range(len(vals) - n + 1)
    ]
    if len({tuple((c.state, c.value) for c in w) for w in windows}) == 1:
        return Placed(
            windows[0],
            diagnostic=diag(
                "cells.extra_columns",
                f"{what}: {len(vals)} cells where {n} are expected; every reading gives the same values.",
                span,
            ),
        )
    fitting = [w for w in windows if _satisfies(rule, w)]
    if len(fitting) == 1:
        return Placed(
            fitting[0],
            diagnostic=diag(
                "cells.extra_columns",
                f"{what}: {len(vals)} cells where {n} are expected; one reading satisfies the row rule.",
                span,
            ),
        )
    return Placed(
        None,
        diagnostic=diag(
            "cells.extra_columns_ambiguous",
            f"{what}: {len(vals)} cells where {n} are expected and several readings remain.",
            span,
        ),
    )


_UNIT = regex.compile(r"(万元|亿元|元|万)$")


def _also_with_blanks(run: str, n: int, signed: frozenset[int], decimal_last: bool) -> bool:
    """Whether ``run`` also reads as fewer than ``n`` numbers, the rest of the row blank."""
    may_sign = frozenset(range(n)) if signed else frozenset()
    return any(split_run(run, k, signed=may_sign, decimal_last=decimal_last).candidates for k in range(1, n))


def _split(
    tokens: Sequence[GridCell],
    n: int,
    make: CellFactory,
    *,
    rule: RowRule | None,
    signed: frozenset[int],
    decimal_last: bool,
    what: str,
    span: Span,
) -> Placed:
    """Numbers run together: keep a reading only when the row rule leaves exactly one."""
    texts = [unicodedata.normalize("NFKC", t.text).replace(",", "") for t in tokens]
    unit = ""
    m = _UNIT.search(texts[-1])
    if m is not None:
        unit = m.group(1)
        texts[-1] = texts[-1][: m.start()]
    bounds = set(itertools.accumulate(len(t) for t in texts[:-1]))
    if rule is None:
        result = split_run("".join(texts), n, signed=signed, decimal_last=decimal_last)
    else:
        result = split_run("".join(texts), n, accept=rule, signed=signed, decimal_last=decimal_last)
    readings = [
        fields
        for fields in result.candidates
        if bounds <= set(itertools.accumulate(len(f) for f in fields[:-1]))
    ]
    ends = list(itertools.accumulate(len(t) for t in texts))

    def line_at(offset: int) -> int:
        """The line of the token holding the character at ``offset``."""
        return tokens[next(k for k, end in enumerate(ends) if offset < end)].line

    def cells_of(fields: tuple[str, ...]) -> tuple[Cell, ...]:
        starts = [0, *itertools.accumulate(len(f) for f in fields[:-1])]
        return tuple(
            make(f + (unit if i == n - 1 else ""), line_at(start), i)
            for i, (f, start) in enumerate(zip(fields, starts, strict=True))
        )

    raw = " ".join(t.text for t in tokens)
    if result.truncated:
        return Placed(
            None,
            diagnostic=diag(
                "limits.split_truncated",
                f"{what}: too many readings of {raw!r} to enumerate; left missing.",
                span,
            ),
        )
    if len(readings) == 1:
        if rule is None and _also_with_blanks("".join(texts), n, signed, decimal_last):
            # ``10.00`` as two cells is 1|0.00, or a blank and 10.00: a crawler writes nothing for
            # a blank cell, so without a rule the digits do not decide
            return Placed(
                None,
                candidates=(cells_of(readings[0]),),
                diagnostic=diag(
                    "cells.run_together_ambiguous",
                    f"{what}: {raw!r} reads as {' | '.join(readings[0])}, or as fewer numbers beside "
                    "blank cells; left missing.",
                    span,
                ),
            )
        if rule is None:  # ``007`` → 0|0|7: no rule checks it, only the digits force it
            return Placed(
                cells_of(readings[0]),
                diagnostic=diag(
                    "cells.split_by_syntax",
                    f"{what}: {raw!r} read as {' | '.join(readings[0])}, "
                    "the only reading without leading zeros; no rule checks it.",
                    span,
                ),
            )
        return Placed(
            cells_of(readings[0]),
            diagnostic=diag(
                "cells.run_together_split",
                f"{what}: {raw!r} read as {' | '.join(readings[0])}, the only reading the rules allow.",
                span,
            ),
        )
    if not readings:
        return Placed(
            None,
            diagnostic=diag(
                "cells.too_few", f"{what}: {raw!r} cannot be read as {n} cells; left missing.", span
            ),
        )
    return Placed(
        None,
        candidates=tuple(cells_of(r) for r in readings),
        diagnostic=diag(
            "cells.run_together_ambiguous",
            f"{what}: {raw!r} has {len(readings)} readings as {n} cells; left missing.",
            span,
        ),
    )


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
        if glued and is_numeric_run(c.text) and sum(ch.isdigit() for ch in c.text) > 1:
            message = f"Row {view.label!r}: {c.text!r} may be several cells run together; left missing."
            diagnostics.append(diag("cells.run_together_ambiguous", message, Span(c.line, c.line)))
            cells.append(Cell(raw=c.text, state=CellState.MISSING, line=c.line))
        else:
            cells.append(parse_cell(c.text, line=c.line))
    while cells and cells[-1].state is CellState.BLANK:  # the padding of a row as wide as the table
        cells.pop()
    return ExtraRow(table, view.label, tuple(cells), view.span)


def noted(cell: Cell, diagnostics: list[Diagnostic]) -> Cell:
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


def plain_cell_factory(diagnostics: list[Diagnostic]) -> CellFactory:
    """Cells of a count column."""

    def make(text: str, line: int, _column: int) -> Cell:
        return noted(parse_cell(text, line=line), diagnostics)

    return make
