"""Every reading of one row's printed material (the engine's first step).

Readings come in two tiers:

* **As the layout prints**: the cells as printed; blank padding at a grid row's ends (a span,
  a trailing separator) left out, each placement a reading; blank cells put back where a PDF's
  text leaves them out, each set of positions a reading; the splits of a run of digits.
* **Under damage** (:mod:`.damaged`), tried only when there is a sign of it (no printed reading fits, a number
  glued to the label, stray values beside the row): a cell lost at any position (its value
  unknown), a cell too many dropped, two tokens joined (a number wrapped in a narrow column),
  one token split in two (a separator lost between ``0`` and ``50``), a stray continuation joined.

A row whose layout delimits its cells for certain, with exactly one printed reading and no sign
of damage, is vouched for: its reading stands even where a rule fails.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from decimal import Decimal

import attrs

from .. import limits
from .._values import is_numeric_run
from ..model import Cell, CellState, GridCell
from .damaged import EXTRA, damaged_readings
from .glued import glued_readings
from .model import DELIMITED, GLUED, GRID, SPACED, Material, Reading, RowSpec
from .slots import BLANK_SLOT, UNKNOWN, cells_of, choose, insert, is_blank

_MAX_TRIED = 4 * limits.MAX_ROW_READINGS
"""Readings under damage made at most (before equal ones are merged) for one row."""


@attrs.frozen
class Generated:
    readings: tuple[Reading, ...]
    vouched: bool
    note: str | None = None
    """Why there is no reading, or what decided among placements."""
    code: str | None = None
    """The diagnostic code that goes with the note."""
    forced: bool = False
    """The text alone leaves one reading (no damage assumed, no rule needed to choose it)."""


def row_readings(material: Material, spec: RowSpec, *, offset: int = 0) -> Generated:
    """Every reading of ``material`` as ``spec.n`` cells (``offset``: the row's first value column,
    for the anchor)."""
    found = _row_readings(material, spec, offset)
    if not material.blanks_unknown:
        return found
    unknown = tuple(
        attrs.evolve(r, cells=tuple(UNKNOWN if c.state is CellState.BLANK else c for c in r.cells))
        for r in found.readings
    )
    if unknown == found.readings:
        return attrs.evolve(found, vouched=False, forced=False)
    note = "numbers run into its label, so its blank cells may be no cells: they are unknown"
    return attrs.evolve(
        found, readings=unknown, vouched=False, forced=False, note=note, code="cells.ambiguous"
    )


def _row_readings(material: Material, spec: RowSpec, offset: int) -> Generated:
    tokens = material.tokens
    n = spec.n
    if len(tokens) > limits.MAX_ROW_CELLS + n:
        return Generated((), False, f"{len(tokens)} cells, more than any table row has", "limits.row_cells")
    if material.whole_cells and sum(not is_blank(t) for t in tokens) > n:
        another = "more values than columns: values of another row among them"
        return Generated((), False, another, "cells.ambiguous")
    if material.layout == GLUED:
        glued = glued_readings(tokens, spec)
        if material.apart and glued.readings:
            stray = Reading((UNKNOWN,) * n, "its numbers on a later line than its label, a stray's as well")
            return Generated((*glued.readings, stray), False, glued.note, glued.code)
        return Generated(glued.readings, False, glued.note, glued.code, glued.forced)
    if _wrapped_digit_by_digit(tokens, material.strays):
        wrapped = "its numbers may go on digit by digit on the lines beside it (wrapped in narrow columns)"
        return Generated((), False, wrapped, "cells.ambiguous")
    exact = material.exact
    shifted = False
    if material.layout == DELIMITED and spec.padding is not None:
        # the blank cells the table's rows print around their values (a label's span, a trailing
        # separator): this row's own cells are what lies inside them
        tokens, skipped, shifted = _unpadded(tokens, spec.padding)
        offset += skipped
    whole = tokens  # the row as printed
    if material.layout == GRID and material.padded_ends:
        # a Markdown table writes a span as empty cells and pads its rows with them
        tokens, offset, shifted = _markdowncells_of(tokens, spec, offset)
        inside = len(tokens) == n and not is_blank(tokens[0]) and not is_blank(tokens[-1])
        if not (spec.width is None and len(whole) > n and inside and any(is_blank(t) for t in tokens)):
            # only a blank among n cells of a wider row, in a table of no one width, leaves in
            # doubt which of its blank cells are padding: the readings under damage see it whole
            whole = tokens
    printed, note, code = _printed(tokens, spec, material.layout, offset, bool(material.joinable))
    unusual = spec.padding is not None and material.layout == DELIMITED and len(tokens) != n
    if unusual:
        exact = False  # not the table's habit: its blank padding is no proof of the row's width
    # a row wider than the template beyond its blank padding may hold a cell too many; a row
    # without the padding the table's rows have is shifted
    # a blank cell at an end of the row, read as a column, may be a label's span or a trailing
    # separator instead, where other rows of the table print them
    loose = material.layout == DELIMITED and len(tokens) == n and _loose_end(tokens, spec) is not None
    # a markup grid marks its spans and its missing cells: a row wider than the template there
    # holds a cell too many, not blank padding
    wide = len(tokens) > n and not material.padded_ends and not _in_columns(tokens, spec, offset)
    # blank padding no other row of the table prints: a blank here may be a cell, and a filled
    # one at the other end a stray
    # (a Markdown table pads its rows to its width: blank cells after the values are that)
    odd = material.layout == DELIMITED and len(tokens) > n and not _margins_seen(tokens, n, spec)
    # a cell holding two numbers: a wrapped number, or two columns run into one cell
    merged = bool(material.joinable) and material.layout != SPACED
    # PDF text short of cells in a row no rule checks: a blank left out, or two numbers whose
    # space was lost (``-80 204`` as ``-80204``), which only arithmetic could tell apart
    short = material.layout == SPACED and spec.rule is None and sum(not is_blank(t) for t in tokens) < n
    doubt = bool(material.doubts or material.strays) or merged or shifted or loose or wide or odd or short
    doubt = doubt or any(r.damaged for r in printed)
    # a delimited row ending in a blank cell its own rule refutes (a blank 总计 beside numbers),
    # in a table whose rows print no separator after their values: the blank may as well be a
    # trailing separator after a lost cell as the report's own error, and text alone cannot
    # tell the two apart (where the rows do print one, it was left out above as padding)
    habit = spec.padding is not None and bool(spec.padding[1])
    if material.layout == DELIMITED and tokens and is_blank(tokens[-1]) and not habit:
        doubt = doubt or any(_refuted(r, spec) for r in printed)
    # a PDF's text shows no blank cells and no cell boundaries: it never vouches for a reading
    vouched = len(printed) == 1 and not doubt and exact and material.layout in (GRID, DELIMITED)
    # a printed reading the row's own rule refutes (a placement chosen by the other rows'
    # columns, say) may hide a damage where the layout does not vouch for it: the readings under
    # damage are weighed too (a vouched row's arithmetic errors are the report's)
    doubt = doubt or (not vouched and any(_refuted(r, spec) for r in printed))
    if vouched or (printed and not doubt):
        return Generated(tuple(printed), vouched, note, code, forced=len(printed) == 1)
    # a delimited row without the table's padding; a Markdown row whole (which of its blank
    # cells are padding is what is in doubt)
    material = attrs.evolve(material, tokens=whole)
    damaged = list(itertools.islice(damaged_readings(material, spec), _MAX_TRIED + 1))
    found = _unique([*printed, *damaged])
    if len(found) > limits.MAX_ROW_READINGS or len(damaged) > _MAX_TRIED:
        return Generated((), False, f"more than {limits.MAX_ROW_READINGS} readings", "limits.row_readings")
    if not found:
        return Generated(
            (), False, note or f"{len(tokens)} cell(s) where {n} are expected", code or "cells.too_few"
        )
    # every damage the row may hide reads it the same way: the text alone leaves that reading
    return Generated(tuple(found), False, note, code, forced=len(found) == 1)


def _wrapped_digit_by_digit(tokens: tuple[GridCell, ...], strays: tuple[tuple[GridCell, ...], ...]) -> bool:
    """A row of single digits none of them 0, beside a loose line of at least as many single digits: each
    number of the row may be the first digit of a number wrapped one digit per line in a narrow
    column (``6`` / ``5`` / ``1`` for 651; a number's first digit is never 0), and then no cell of
    the row is what it prints."""
    digits = [t for t in tokens if not is_blank(t)]
    if len(digits) < 2 or not all(_one_digit(t) and t.text.strip() != "0" for t in digits):
        return False
    return any(
        sum(1 for t in stray if not is_blank(t)) >= len(digits)
        and all(_one_digit(t) for t in stray if not is_blank(t))
        for stray in strays
    )


def _one_digit(token: GridCell) -> bool:
    text = token.text.strip()
    return len(text) == 1 and text.isdigit()


def _markdowncells_of(
    tokens: tuple[GridCell, ...], spec: RowSpec, offset: int
) -> tuple[tuple[GridCell, ...], int, bool]:
    """A Markdown row's own cells, their first column, and whether the row breaks the table's
    columns. Exactly ``n`` filled cells side by side are the row's, whatever blanks surround
    them; otherwise the row's cells start in the table's usual first value column and end
    where the table's rows end (its blanks past the values are its padding)."""
    n = spec.n
    filled = [i for i, t in enumerate(tokens) if not is_blank(t)]
    as_wide = spec.width is None or offset + len(tokens) == spec.width  # no cell more or less
    if filled and filled[-1] - filled[0] + 1 == n and as_wide:
        window = tokens[filled[0] : filled[-1] + 1]
        # a blank inside the window of a row wider than the template, where the table's width is
        # unknown: it may be an empty cell too many, and a blank at the end the row's own
        unsure = spec.width is None and len(tokens) > n and any(is_blank(t) for t in window)
        return window, offset + filled[0], unsure
    shifted = spec.anchor is None or spec.width is None
    if spec.anchor is not None:
        tokens, moved = _from_anchor(tokens, spec.anchor - offset)
        shifted = shifted or moved
        offset = spec.anchor if not moved else offset
    if spec.width is not None:
        shifted = shifted or offset + len(tokens) != spec.width
        pad = spec.width - offset - n
        while pad > 0 and tokens and is_blank(tokens[-1]):
            tokens, pad = tokens[:-1], pad - 1
    return tokens, offset, shifted


def _in_columns(tokens: tuple[GridCell, ...], spec: RowSpec, offset: int) -> bool:
    """Whether a grid row is as wide as the table's rows, with ``n`` cells from the table's usual
    first value column on and only blanks before it (an empty cell of the labels' columns)."""
    if spec.anchor is None or spec.width is None or offset + len(tokens) != spec.width:
        return False
    position = spec.anchor - offset
    return position >= 0 and len(tokens) - position == spec.n and all(is_blank(t) for t in tokens[:position])


def _from_anchor(tokens: tuple[GridCell, ...], position: int) -> tuple[tuple[GridCell, ...], bool]:
    """The tokens from the table's usual first value column on, and whether the row breaks the
    columns (a filled cell before it, or values starting before it)."""
    if position < 0:
        return tokens, True
    if any(not is_blank(t) for t in tokens[:position]):
        return tokens, True
    return tokens[position:], False


def _refuted(reading: Reading, spec: RowSpec) -> bool:
    """Whether the row rule (R3, R4) fails on a reading of numbers and blanks (blank as 0)."""
    if spec.rule is None:
        return False
    values: list[int | Decimal] = []
    for cell in reading.cells:
        if cell.state is CellState.NUMBER and cell.value is not None:
            values.append(cell.value)
        elif cell.state in (CellState.BLANK, CellState.PLACEHOLDER):
            values.append(0)
        else:
            return False
    return any(values) and not spec.rule(tuple(values))


def _loose_end(tokens: Sequence[GridCell], spec: RowSpec) -> int | None:
    """The end (0 first, 1 last) of the row whose blank cell may be no cell of it."""
    if not tokens:
        return None
    if spec.ends[1] and is_blank(tokens[-1]):
        return 1
    if spec.ends[0] and is_blank(tokens[0]):
        return 0
    return None


def _margins_seen(tokens: tuple[GridCell, ...], n: int, spec: RowSpec) -> bool:
    """Whether the blank cells around the row's values match blank margins other rows print."""
    if spec.margins is None:
        return True  # the table tells nothing: padding as the layout usually prints it
    before = next((i for i, t in enumerate(tokens) if not is_blank(t)), len(tokens))
    after = next((i for i, t in enumerate(reversed(tokens)) if not is_blank(t)), len(tokens))
    extra = len(tokens) - n
    return any((k, extra - k) in spec.margins for k in range(extra + 1) if k <= before and extra - k <= after)


def _unpadded(
    tokens: tuple[GridCell, ...], padding: tuple[int | None, int | None]
) -> tuple[tuple[GridCell, ...], int, bool]:
    """The tokens without the table's usual blank padding (as much of it as the row has), how
    many were left out before them, and whether the row lacks some of the padding."""
    lead, trail = padding
    if not lead and not trail:
        return tokens, 0, False
    blanks_before = next((i for i, t in enumerate(tokens) if not is_blank(t)), len(tokens))
    blanks_after = next((i for i, t in enumerate(reversed(tokens)) if not is_blank(t)), len(tokens))
    before = min(lead or 0, blanks_before)
    after = min(trail or 0, blanks_after)
    if before + after > len(tokens):
        return (), 0, True
    short = before < (lead or 0) or after < (trail or 0)
    return tokens[before : len(tokens) - after], before, short


def _printed(
    tokens: tuple[GridCell, ...], spec: RowSpec, layout: str, offset: int, joinable: bool = False
) -> tuple[list[Reading], str | None, str | None]:
    """The readings of the layout's own conventions, without assuming damage."""
    n, m = spec.n, len(tokens)
    if m == n:
        return [Reading(cells_of(tokens, spec))], None, None
    if m > n and layout in (GRID, DELIMITED):
        # blank padding at either end (spans, a trailing separator), or extra columns of the
        # source table: the row's cells are ``n`` consecutive ones
        filled = [i for i, c in enumerate(tokens) if not is_blank(c)] or [0]
        low, high = filled[0], filled[-1] + 1
        padding = high - low <= n
        if not padding and joinable:  # cells split at their spaces are no columns of a table
            return [], None, None
        starts = range(max(0, high - n), min(low, m - n) + 1) if padding else range(m - n + 1)
        how = "blank padding left out" if padding else "extra columns left out"
        code = None if padding else EXTRA
        windows = {k: Reading(cells_of(tokens[k : k + n], spec), how, not padding, code) for k in starts}
        if not windows:
            return [], None, None
        values = {_signature(w.cells) for w in windows.values()}
        if len(values) == 1:
            return [next(iter(windows.values()))], None, None
        anchor = None if spec.anchor is None else spec.anchor - offset
        if padding and anchor in windows:
            note = "blank cells at both ends; placed in the columns the other rows use"
            return [windows[anchor]], note, "cells.aligned_by_column"
        return list(windows.values()), None, None
    if m < n and layout == SPACED:  # a PDF's text leaves blank cells out: put them back
        found: list[Reading] = []
        placements = math.comb(n, n - m) <= limits.MAX_ROW_READINGS
        for gaps in choose(n, n - m) if placements else ():
            cells = cells_of(insert(tokens, gaps, n, BLANK_SLOT), spec)
            if not any(_run_together(c) for c in cells):
                found.append(Reading(cells, "blank cells put back"))
        if spec.rule is not None and all(is_numeric_run(t.text) for t in tokens):
            # a PDF's text may also run a row's numbers together (table 4's fifteen, glued)
            found.extend(glued_readings(tokens, spec).readings)
        return found, None, None
    return [], None, None


def _run_together(cell: Cell) -> bool:
    """A cell of digits alone that is no number (``007``): several cells run together."""
    return cell.state is CellState.TEXT and is_numeric_run(cell.raw)


def _signature(cells: Sequence[Cell]) -> tuple[tuple[CellState, object], ...]:
    return tuple((c.state, c.value) for c in cells)


def _unique(readings: Sequence[Reading]) -> list[Reading]:
    seen: set[tuple[tuple[CellState, object], ...]] = set()
    out: list[Reading] = []
    for reading in readings:
        signature = _signature(reading.cells)
        if signature not in seen:
            seen.add(signature)
            out.append(reading)
    return out


__all__ = ["UNKNOWN", "Generated", "RowSpec", "is_numeric_run", "row_readings"]
