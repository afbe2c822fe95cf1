"""What the reading engine works on: a row's printed material, its readings, and the units the
engine decides together."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs

from ..model import Cell, GridCell, Span

Number = int | Decimal
CellFactory = Callable[[str, int, int], Cell]
"""(text, line, column index) → Cell."""
RowRule = Callable[[tuple[Number, ...]], bool]
"""A rule on a complete row of numbers (R3, R4); the digit split search uses it to prune."""

GRID = "grid"
"""Cells are the positions of a grid (HTML, DOCX, ruled PDF, Markdown): blank cells are shown,
a row's width is its number of cells."""
DELIMITED = "delimited"
"""Cells set apart by a separator (tab rows, Tika's cell lines, split pipe rows): blank cells are
shown as empty fields."""
SPACED = "spaced"
"""Cells set apart by spaces (PDF text): a blank cell leaves no trace."""
GLUED = "glued"
"""Cells run together (crawler dumps): only arithmetic tells where a number ends."""


@attrs.frozen
class RowSpec:
    """What a row's readings must fill."""

    n: int
    """Its number of columns."""
    make: CellFactory
    """How a cell is read in each column."""
    rule: RowRule | None = None
    """The row rule (R3, R4), which prunes the splits of a run of digits."""
    signed: frozenset[int] = frozenset()
    """Columns that may be negative."""
    decimal_last: bool = False
    """The last column is money (a decimal part allowed)."""
    anchor: int | None = None
    """The column where the table's rows usually put their first value (among the row's cells,
    counting from the label), which decides among placements of blank padding."""
    ends: tuple[bool, bool] = (False, False)
    """Rows of the table print blank cells beyond their columns before, and after, their values
    (a label's span, a trailing tab): a blank cell at that end of a row may be no cell of it."""
    width: int | None = None
    """The cells (label cells included) the table's rows usually have, where a layout pads its
    rows to its width (a Markdown table): a row of another width lost or gained a cell."""
    margins: frozenset[tuple[int, int]] | None = None
    """The blank margins (cells before and after the values) that at least two rows of the table
    print, beyond its usual padding; None when no row fills exactly its columns."""
    padding: tuple[int | None, int | None] | None = None
    """The blank cells the table's rows usually print before and after their values (a label's
    span, a trailing separator, a Markdown table's filler), each side where its rows agree on it."""


@attrs.frozen
class Material:
    """What a layout printed for one template row: its value tokens in order, and what its
    structure says about them."""

    tokens: tuple[GridCell, ...]
    """The value cells in order (blank ones included where the layout shows them)."""
    layout: str
    """:data:`GRID`, :data:`DELIMITED`, :data:`SPACED` or :data:`GLUED`."""
    exact: bool = True
    """The layout delimits this row's cells for certain (not a padded grid row, not cells
    merged into one, not bound to its label by order): with the right count, it vouches."""
    padded_ends: bool = True
    """Blank cells at the row's ends may be padding (a delimited row's separators, a Markdown
    table's empty cells where spans were); False for markup grids, which mark their spans."""
    doubts: tuple[str, ...] = ()
    """Signs that the row may be damaged (a number glued to its label, stray values beside it,
    ...): readings with a cell lost, added, joined or split are then tried too."""
    strays: tuple[tuple[GridCell, ...], ...] = ()
    """Loose values beside the row (each the tokens of one loose row) that may belong to it: the
    rest of a number wrapped in a narrow column, and the cells after it."""
    joinable: frozenset[int] = frozenset()
    """Positions ``i`` where tokens ``i`` and ``i + 1`` may be one number wrapped in a narrow
    column (PDF text on two lines; two pieces of one cell)."""
    lead: tuple[GridCell, ...] = ()
    """Tokens printed before the row's values that may be the start of its first number (digits
    glued to the end of its label)."""
    blanks_unknown: bool = False
    """The row's blank cells tell nothing (its numbers ran into its label): they are unknown."""
    apart: bool = False
    """Its values all stand on lines after its label's, in a layout that prints a row on one line
    (a crawler's dump): a year or a page's number under a row left blank may be all they are."""
    whole_cells: bool = False
    """Each token is one whole cell (one cell per line): a token is never part of another line's
    number, and more values than columns mean values of another row, not a cell split or added;
    only the pieces of one line holding two values may be one number."""


@attrs.frozen
class Reading:
    """One way a row's printed material fills the template's columns."""

    cells: tuple[Cell, ...]
    """One cell per column; a MISSING cell where the reading assumes a cell was lost."""
    how: str = "as printed"
    """How the material was read, for diagnostics."""
    damaged: bool = False
    """Whether the reading assumes damage (a cell lost or added, tokens joined or split)."""
    code: str | None = None
    """The diagnostic that says how the row was read when this reading is the one kept
    (``cells.extra_columns``, ``cells.repaired``, ``cells.run_together_split``)."""


@attrs.frozen
class Candidate:
    """One row of the document that may fill a template row, with its readings."""

    label: str
    """The label as written."""
    span: Span
    """Its source lines."""
    raw: str
    """Its printed values, for messages."""
    readings: tuple[Reading, ...]
    """Every reading of its material (none: it cannot fill the row)."""
    vouched: bool = False
    """The layout vouches for its one reading."""
    note: str | None = None
    """Why it has no reading, or what decided among its placements (for the row's diagnostic)."""
    code: str | None = None
    """The diagnostic code that goes with ``note``."""
    printed: int = 0
    """How many value tokens the row printed (against the template's columns, for messages)."""
    certain: bool = True
    """The row's label names the template row beside its values (not paired by order, not a
    group's heading that may be the label over its items)."""
    forced: bool = False
    """The text alone leaves its one reading: no damage assumed, no rule needed to choose it."""


Ref = tuple[str, str]
"""A cell of a canonical table: ``(row key, column key)``."""


@attrs.frozen
class Unit:
    """Cells of a template that one printed row fills (a table 3 row; table 4's three groups when
    printed as one row of fifteen), and the document rows that may fill them: the engine picks
    among their readings."""

    refs: tuple[Ref, ...]
    """The cells, in the order a reading gives them."""
    candidates: tuple[Candidate, ...]
    """Usually one; several when the row is printed more than once."""
    what: str = ""
    """How messages name the row (``Row granted``)."""
    keys: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """The row keys of the cells, in order."""
    vouched: bool = attrs.field(init=False, eq=False, repr=False)
    """Its one document row's layout vouches for its reading."""

    @keys.default
    def _keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([r[0] for r in self.refs]))

    @vouched.default
    def _vouched(self) -> bool:
        return len(self.candidates) == 1 and self.candidates[0].vouched

    @property
    def bound(self) -> bool:
        """Its document rows name it for certain (see :attr:`Candidate.certain`)."""
        return all(c.certain for c in self.candidates)

    @property
    def forced(self) -> bool:
        """Its one row is read one way by the text alone (see :attr:`Candidate.forced`)."""
        return len(self.candidates) == 1 and self.candidates[0].forced
