"""The cells and tables of the data model (re-exported by :mod:`govinfo_report.model`)."""

from __future__ import annotations

import enum
import functools
import operator
from decimal import Decimal
from typing import Any

import attrs

Number = int | Decimal


class CellState(str, enum.Enum):
    """What a table cell holds."""

    NUMBER = "number"
    """A count, a signed change or an amount of money."""
    BLANK = "blank"
    """Nothing at all (an empty cell, ``&nbsp;``)."""
    PLACEHOLDER = "placeholder"
    """A mark meaning "nothing to report": ``/`` ``—`` ``无`` ``不涉及``."""
    TEXT = "text"
    """Anything else; the raw text is kept and a diagnostic is raised."""
    MISSING = "missing"
    """The report has no such cell, or the parser could not place it honestly."""


class Severity(str, enum.Enum):
    """How serious a diagnostic is."""

    ERROR = "error"
    """A value could not be read, or the report's structure is broken."""
    WARNING = "warning"
    """A value was read, but only after a repair; or the report is inconsistent."""
    INFO = "info"
    """Something worth knowing that changed no value."""


@attrs.frozen
class Span:
    """A range of source lines, 1-based, inclusive."""

    start: int
    """First line."""
    end: int
    """Last line (``>= start``)."""

    def as_list(self) -> list[int]:
        """``[start, end]``, as the JSON gives a span."""
        return [self.start, self.end]


@attrs.frozen
class Diagnostic:
    """One problem found, or one repair made, while parsing."""

    code: str
    """Stable identifier, e.g. ``cells.run_together_split`` (see :mod:`govinfo_report.diagnostics`)."""
    severity: Severity
    """How serious it is."""
    message: str
    """One sentence for a person; names the row or cell concerned."""
    span: Span | None = None
    """The source lines concerned, when known."""

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON-safe data: ``code``, ``severity``, ``message``, ``span``."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "span": self.span.as_list() if self.span else None,
        }


@attrs.frozen
class GridCell:
    """One cell of a table as a layout strategy rebuilt it, before any meaning is given."""

    text: str
    """The cell's text (continuation lines joined)."""
    line: int
    """Source line of the cell's first character."""
    spanned: bool = False
    """True where the position is covered by another cell's row/column span."""
    filler: bool = False
    """True where the row has no cell at this position: a markup table's grid is padded to its
    widest row, and a row with fewer cells gets empty fillers at its end."""


@attrs.frozen
class Table:
    """A table found in the document, as the grid of cells a layout strategy produced."""

    strategy: str
    """Name of the layout strategy that rebuilt it (``tika``, ``pipe``, ``tabs``, ...)."""
    kind: str | None
    """``active_disclosure``, ``applications``, ``review_litigation``, or None if unrecognised."""
    rows: tuple[tuple[GridCell, ...], ...]
    """The rows of cells, in document order."""
    span: Span
    """Source lines the table covers."""
    used: bool = True
    """Whether the canonical table was read from this grid. A PDF gives two readings of a ruled
    table, its grid and its text; the one that fits the template less well is kept here unused."""


@attrs.frozen
class Cell:
    """One value of a canonical table, with its evidence."""

    raw: str
    """The text as written in the report (after whitespace clean-up)."""
    state: CellState
    """What the cell holds."""
    value: Number | None = None
    """The number: ``int`` for counts, ``Decimal`` for money; None unless state is NUMBER."""
    unit: str | None = None
    """Unit for money as written (``万``, ``元``, ``万元``), or from the column header."""
    line: int | None = None
    """Source line the value came from."""
    note: str | None = None
    """An annotation written beside the number, e.g. ``其中修订16件`` in ``22（其中修订16件）``."""
    disputed: tuple[str, ...] = ()
    """The consistency rules (``R1`` … ``R9``) that fail on this cell, in order: the value is as
    the report prints it, but the report's own arithmetic does not hold here, so one of the
    cells of each rule is wrong. Empty for a cell no failing rule involves."""

    def json_value(self) -> int | float | None:
        """The value as a JSON number, or None."""
        if self.value is None:
            return None
        if isinstance(self.value, Decimal):
            return int(self.value) if self.value == self.value.to_integral_value() else float(self.value)
        return self.value

    def to_dict(self) -> dict[str, Any]:
        """The cell with its evidence as JSON-safe data (``to_dict(cells=True)``'s values)."""
        return {
            "value": self.json_value(),
            "raw": self.raw,
            "state": self.state.value,
            "unit": self.unit,
            "line": self.line,
            "note": self.note,
            "disputed": list(self.disputed),
        }


MISSING = Cell(raw="", state=CellState.MISSING)
"""The cell a canonical table holds where the report gives nothing usable."""


@attrs.frozen
class Row:
    """One canonical row of a typed table."""

    key: str
    """Canonical row key (docs/format.md §2.2), e.g. ``withheld.state_secret``."""
    label: str
    """The label as written in the report."""
    cells: tuple[tuple[str, Cell], ...]
    """``(column key, cell)`` pairs in column order."""
    span: Span | None = None
    """Source lines of the row."""

    def cell(self, column: str) -> Cell:
        """The cell of ``column``; ``KeyError`` when the row has none."""
        for key, cell in self.cells:
            if key == column:
                return cell
        raise KeyError(column)


@attrs.frozen
class CanonicalTable:
    """One of the three statistical tables, under the canonical keys of its template."""

    name: str
    """``active_disclosure``, ``applications`` or ``review_litigation``."""
    template: str | None
    """The template whose schema the keys follow."""
    rows: tuple[Row, ...]
    """The canonical rows found. For ``active_disclosure`` keys are ``BLOCK/ROW``."""
    columns: tuple[str, ...]
    """Column keys of the table (for ``active_disclosure``, the union over blocks)."""
    _cells: dict[tuple[str, str], Cell] = attrs.field(init=False, repr=False, eq=False)
    """``(row, column)`` → cell, for :meth:`get` (the rules look up every cell several times)."""

    def __attrs_post_init__(self) -> None:
        cells: dict[tuple[str, str], Cell] = {}
        for r in self.rows:
            for key, cell in r.cells:
                cells.setdefault((r.key, key), cell)  # the first, as a scan in row order finds
        object.__setattr__(self, "_cells", cells)

    def row(self, key: str) -> Row:
        """The row of ``key``; ``KeyError`` when the report has none."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def get(self, row: str, column: str) -> Cell:
        """The cell at ``row``/``column``; the MISSING cell when the report has none there.

        Raises ``KeyError`` naming the valid keys when ``row`` or ``column`` is no key of this
        table in either template (a typo such as ``"totl"``)."""
        try:
            cells = self._cells
        except AttributeError:  # unpickled from a version without the index: made on first use
            self.__attrs_post_init__()
            cells = self._cells
        found = cells.get((row, column))
        if found is None:
            _known_keys(self.name, row, column)
            return MISSING
        return found

    def to_dict(self, *, cells: bool = False) -> dict[str, Any]:
        """``{row: {column: value}}`` (table 2: ``{block: {row: {column: value}}}``); with
        ``cells=True`` each value is the cell's :meth:`Cell.to_dict`."""
        out: dict[str, Any] = {}
        for row in self.rows:
            values = {k: (c.to_dict() if cells else c.json_value()) for k, c in row.cells}
            if self.name == "active_disclosure":
                block, _, key = row.key.partition("/")
                out.setdefault(block, {})[key] = values
            else:
                out[row.key] = values
        return out


def _known_keys(table: str, row: str, column: str) -> None:
    """Raise ``KeyError`` when ``row`` or ``column`` is no key of ``table`` in either template."""
    keys = _keys().get(table)
    if keys is None:
        return  # a table of another name: nothing to check against
    for key, valid, what in ((row, keys[0], "row"), (column, keys[1], "column")):
        if key not in valid:
            raise KeyError(f"{key!r} is no {what} of {table}; the {what}s are: {', '.join(sorted(valid))}")


@functools.cache
def _keys() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each table's row and column keys in either template (the vocabulary, loaded on first use)."""
    from ._vocab import AD_COLUMNS, AD_ROWS, APP_COLUMNS_WITH_SUBTOTAL, APP_ROWS, RL_COLUMNS, RL_GROUPS

    app_rows = {spec.key for spec in APP_ROWS} | {spec.group for spec in APP_ROWS if spec.group}
    ad_rows = {f"{spec.block}/{spec.key}" for spec in AD_ROWS}
    ad_columns = {c for blocks in AD_COLUMNS.values() for cols in blocks.values() for c in cols}
    return {
        "applications": (frozenset(app_rows), frozenset(APP_COLUMNS_WITH_SUBTOTAL)),
        "active_disclosure": (frozenset(ad_rows), frozenset(ad_columns)),
        "review_litigation": (frozenset(RL_GROUPS), frozenset(RL_COLUMNS)),
    }


@attrs.frozen
class ExtraRow:
    """A row the report adds to a fixed table (a local variant), kept under its own label."""

    table: str
    """The canonical table it was found in."""
    label: str
    """The label as written."""
    cells: tuple[Cell, ...]
    """Its values, left to right."""
    span: Span | None = None
    """Source lines."""

    def to_dict(self, *, cells: bool = False) -> dict[str, Any]:
        """The row as JSON-safe data: ``table``, ``label``, ``values``, ``span``."""
        return {
            "table": self.table,
            "label": self.label,
            "values": [c.to_dict() if cells else c.json_value() for c in self.cells],
            "span": self.span.as_list() if self.span else None,
        }


def _pickled_by_fields(cls: type) -> None:
    """Pickle instances as the class and its ``__init__`` arguments.

    attrs' own state for a frozen slotted class is a dict, set back one attribute at a time
    through ``object.__setattr__``: a report's thousand cells took as long to pickle and unpickle
    as to parse, which is what :func:`govinfo_report.batch.parse_many` does for every report
    a worker process sends back.
    """
    names = tuple(f.name for f in attrs.fields(cls) if f.init)
    get = operator.attrgetter(*names)

    if len(names) == 1:

        def reduce_one(self: object) -> tuple[type, tuple[object, ...]]:
            return type(self), (get(self),)

        cls.__reduce__ = reduce_one  # type: ignore[assignment,method-assign]
    else:

        def reduce_many(self: object) -> tuple[type, tuple[object, ...]]:
            return type(self), get(self)

        cls.__reduce__ = reduce_many  # type: ignore[assignment,method-assign]


for _cls in (Span, Diagnostic, GridCell, Table, Cell, Row, CanonicalTable, ExtraRow):
    _pickled_by_fields(_cls)
