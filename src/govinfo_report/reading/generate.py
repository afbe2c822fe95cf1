"""Every reading of one row's printed material (the engine's first step).

Readings come in two tiers:

* **As the layout prints**: the cells as printed; blank padding at a grid row's ends (a span,
  a trailing separator) left out, each placement a reading; blank cells put back where a PDF's
  text leaves them out, each set of positions a reading; the splits of a run of digits.
* **Under damage**, tried only when there is a sign of it (no printed reading fits, a number
  glued to the label, stray values beside the row): a cell lost at any position (its value
  unknown), a cell too many dropped, two tokens joined (a number wrapped in a narrow column),
  one token split in two (a separator lost between ``0`` and ``50``), a stray continuation joined.

A row whose layout delimits its cells for certain, with exactly one printed reading and no sign
of damage, is vouched for: its reading stands even where a rule fails.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from collections.abc import Iterator, Sequence

import attrs

from .. import limits
from ..model import Cell, CellState, GridCell
from ..values import is_numeric_run
from .glued import glued_readings
from .model import DELIMITED, GLUED, GRID, SPACED, Material, Reading, RowSpec

UNKNOWN = Cell(raw="", state=CellState.MISSING)
"""A cell a reading assumes was lost: its value is not known."""

_EXTRA = "cells.extra_columns"
_REPAIRED = "cells.repaired"

_MAX_TRIED = 4 * limits.MAX_ROW_READINGS
"""Readings under damage made at most (before equal ones are merged) for one row."""

_MAX_EDITS = 2
"""Cells lost in one row that a reading under damage may assume (each lost cell is unknown).
Cells added are dropped in every way while the readings stay under the row limit."""


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
    if material.layout == GLUED:
        found = glued_readings(tokens, spec)
        return Generated(found.readings, False, found.note, found.code, found.forced)
    exact = material.exact
    shifted = False
    if material.layout == DELIMITED and spec.padding is not None:
        # the blank cells the table's rows print around their values (a label's span, a trailing
        # separator): this row's own cells are what lies inside them
        tokens, skipped, shifted = _unpadded(tokens, spec.padding)
        material = attrs.evolve(material, tokens=tokens)
        offset += skipped
    if material.layout == GRID and material.padded_ends:
        # a Markdown table writes a span as empty cells and pads its rows with them
        tokens, offset, shifted = _markdown_cells(tokens, spec, offset)
        material = attrs.evolve(material, tokens=tokens)
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
    wide = len(tokens) > n and not material.padded_ends
    # blank padding no other row of the table prints: a blank here may be a cell, and a filled
    # one at the other end a stray
    # (a Markdown table pads its rows to its width: blank cells after the values are that)
    odd = material.layout == DELIMITED and len(tokens) > n and not _margins_seen(tokens, n, spec)
    # a cell holding two numbers: a wrapped number, or two columns run into one cell
    merged = bool(material.joinable) and material.layout != SPACED
    doubt = bool(material.doubts or material.strays) or merged or shifted or loose or wide or odd
    doubt = doubt or any(r.damaged for r in printed)
    # a PDF's text shows no blank cells and no cell boundaries: it never vouches for a reading
    vouched = len(printed) == 1 and not doubt and exact and material.layout in (GRID, DELIMITED)
    # a printed reading the row's own rule refutes (a placement chosen by the other rows'
    # columns, say) may hide a damage where the layout does not vouch for it: the readings under
    # damage are weighed too (a vouched row's arithmetic errors are the report's)
    doubt = doubt or (not vouched and any(_refuted(r, spec) for r in printed))
    if vouched or (printed and not doubt):
        return Generated(tuple(printed), vouched, note, code, forced=len(printed) == 1)
    damaged = list(itertools.islice(_damaged(material, spec), _MAX_TRIED + 1))
    found = _unique([*printed, *damaged])
    if len(found) > limits.MAX_ROW_READINGS or len(damaged) > _MAX_TRIED:
        return Generated((), False, f"more than {limits.MAX_ROW_READINGS} readings", "limits.row_readings")
    if not found:
        return Generated(
            (), False, note or f"{len(tokens)} cell(s) where {n} are expected", code or "cells.too_few"
        )
    return Generated(tuple(found), False, note, code)


def _markdown_cells(
    tokens: tuple[GridCell, ...], spec: RowSpec, offset: int
) -> tuple[tuple[GridCell, ...], int, bool]:
    """A Markdown row's own cells, their first column, and whether the row breaks the table's
    columns. Exactly ``n`` filled cells side by side are the row's, whatever blanks surround
    them; otherwise the row's cells start in the table's usual first value column and end
    where the table's rows end (its blanks past the values are its padding)."""
    n = spec.n
    filled = [i for i, t in enumerate(tokens) if not _blank(t)]
    as_wide = spec.width is None or offset + len(tokens) == spec.width  # no cell more or less
    if filled and filled[-1] - filled[0] + 1 == n and as_wide:
        return tokens[filled[0] : filled[-1] + 1], offset + filled[0], False
    shifted = spec.anchor is None or spec.width is None
    if spec.anchor is not None:
        tokens, moved = _from_anchor(tokens, spec.anchor - offset)
        shifted = shifted or moved
        offset = spec.anchor if not moved else offset
    if spec.width is not None:
        shifted = shifted or offset + len(tokens) != spec.width
        pad = spec.width - offset - n
        while pad > 0 and tokens and _blank(tokens[-1]):
            tokens, pad = tokens[:-1], pad - 1
    return tokens, offset, shifted


def _from_anchor(tokens: tuple[GridCell, ...], position: int) -> tuple[tuple[GridCell, ...], bool]:
    """The tokens from the table's usual first value column on, and whether the row breaks the
    columns (a filled cell before it, or values starting before it)."""
    if position < 0:
        return tokens, True
    if any(not _blank(t) for t in tokens[:position]):
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
    if spec.ends[1] and _blank(tokens[-1]):
        return 1
    if spec.ends[0] and _blank(tokens[0]):
        return 0
    return None


def _margins_seen(tokens: tuple[GridCell, ...], n: int, spec: RowSpec) -> bool:
    """Whether the blank cells around the row's values match blank margins other rows print."""
    if spec.margins is None:
        return True  # the table tells nothing: padding as the layout usually prints it
    before = next((i for i, t in enumerate(tokens) if not _blank(t)), len(tokens))
    after = next((i for i, t in enumerate(reversed(tokens)) if not _blank(t)), len(tokens))
    extra = len(tokens) - n
    return any((k, extra - k) in spec.margins for k in range(extra + 1) if k <= before and extra - k <= after)


def _unpadded(
    tokens: tuple[GridCell, ...], padding: tuple[int | None, int | None]
) -> tuple[tuple[GridCell, ...], int, bool]:
    """The tokens without the table's usual blank padding (as much of it as the row has), how
    many were left out before them, and whether the row lacks some of the padding."""
    lead, trail = padding
    blanks_before = next((i for i, t in enumerate(tokens) if not _blank(t)), len(tokens))
    blanks_after = next((i for i, t in enumerate(reversed(tokens)) if not _blank(t)), len(tokens))
    before = min(lead or 0, blanks_before)
    after = min(trail or 0, blanks_after)
    if before + after > len(tokens):
        return (), 0, True
    short = before < (lead or 0) or after < (trail or 0)
    return tokens[before : len(tokens) - after], before, short


BLANK_SLOT = GridCell("", 0)
"""A slot a reading fills with a blank cell (one a PDF's text left out)."""
UNKNOWN_SLOT = GridCell("", -1)
"""A slot a reading fills with an unknown cell (one assumed lost)."""


def _cells(slots: Sequence[GridCell], spec: RowSpec) -> tuple[Cell, ...]:
    """The cells of a reading: each printed token read in its own column."""
    out: list[Cell] = []
    for i, slot in enumerate(slots):
        if slot is UNKNOWN_SLOT:
            out.append(UNKNOWN)
        elif slot is BLANK_SLOT:
            out.append(_BLANK)
        else:
            out.append(spec.make(slot.text, slot.line, i))
    return tuple(out)


_BLANK = Cell(raw="", state=CellState.BLANK)


def _blank(cell: GridCell) -> bool:
    return not cell.text.strip()


def _printed(
    tokens: tuple[GridCell, ...], spec: RowSpec, layout: str, offset: int, joinable: bool = False
) -> tuple[list[Reading], str | None, str | None]:
    """The readings of the layout's own conventions, without assuming damage."""
    n, m = spec.n, len(tokens)
    if m == n:
        return [Reading(_cells(tokens, spec))], None, None
    if m > n and layout in (GRID, DELIMITED):
        # blank padding at either end (spans, a trailing separator), or extra columns of the
        # source table: the row's cells are ``n`` consecutive ones
        filled = [i for i, c in enumerate(tokens) if not _blank(c)] or [0]
        low, high = filled[0], filled[-1] + 1
        padding = high - low <= n
        if not padding and joinable:  # cells split at their spaces are no columns of a table
            return [], None, None
        starts = range(max(0, high - n), min(low, m - n) + 1) if padding else range(m - n + 1)
        how = "blank padding left out" if padding else "extra columns left out"
        code = None if padding else _EXTRA
        windows = {k: Reading(_cells(tokens[k : k + n], spec), how, not padding, code) for k in starts}
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
        for gaps in _choose(n, n - m):
            cells = _cells(_insert(tokens, gaps, n, BLANK_SLOT), spec)
            if not any(_run_together(c) for c in cells):
                found.append(Reading(cells, "blank cells put back"))
            if len(found) > limits.MAX_ROW_READINGS:
                return [], None, None
        if spec.rule is not None and all(is_numeric_run(t.text) for t in tokens):
            # a PDF's text may also run a row's numbers together (table 4's fifteen, glued)
            found.extend(glued_readings(tokens, spec).readings)
        return found, None, None
    return [], None, None


def _run_together(cell: Cell) -> bool:
    """A cell of digits alone that is no number (``007``): several cells run together."""
    return cell.state is CellState.TEXT and is_numeric_run(cell.raw)


def _damaged(material: Material, spec: RowSpec) -> Iterator[Reading]:
    """Readings that assume one or two cells of the row were lost, added, joined or split."""
    tokens = list(material.tokens)
    if material.layout == SPACED:
        tokens = [t for t in tokens if t.text.strip()]
    n = spec.n
    bases: list[tuple[list[GridCell], str]] = [(tokens, "")]
    if material.padded_ends and material.layout != SPACED and tokens:
        # a blank cell at an end of a row in doubt may be no cell of it (a span, a separator)
        if _blank(tokens[0]):
            bases.append((tokens[1:], "its first, blank cell taken for no cell"))
        if _blank(tokens[-1]) and len(tokens) > 1:
            bases.append((tokens[:-1], "its last, blank cell taken for no cell"))
    variants = list(bases)
    for base, how in bases:
        # a PDF's text may space a number out (``1 1``): joined only where a token is too many
        joinable = material.joinable if material.layout != SPACED or len(base) > n else frozenset()
        variants.extend(_edited(base, how, joinable, n))
    for lead in material.lead:  # digits printed beside the label: the start of the first number
        variants.append(([lead, *tokens], f"{lead.text!r} beside the label taken as a cell"))
        joined = _join(lead, tokens[0]) if tokens else None
        if joined is not None:
            variants.append(
                ([joined, *tokens[1:]], f"{lead.text!r} beside the label joined to {tokens[0].text!r}")
            )
    for stray in material.strays:  # loose values beside the row: cells of it, or a number's rest
        shown = " ".join(t.text for t in stray)
        variants.append(([*tokens, *stray], f"{shown!r} from line {stray[0].line} taken as its cells"))
        # a cell's text goes on in its cell (the last one); a PDF's text wraps any column
        for i in range(len(tokens)) if material.layout == SPACED else range(len(tokens) - 1, len(tokens)):
            joined = _join(tokens[i], stray[0])
            if joined is not None:
                how = f"{tokens[i].text!r} continued by {stray[0].text!r}"
                rest = [*tokens[:i], joined, *tokens[i + 1 :]]
                variants.append(([*rest, *stray[1:]] if i == len(tokens) - 1 else rest, how))
    for variant, how in variants:
        size = len(variant)
        if size == n:
            if how:
                yield Reading(_cells(variant, spec), how, True, _REPAIRED)
        elif 0 < size - n <= _MAX_EDITS:
            for kept in _subsequences(variant, n):
                dropped = ", ".join(repr(c.text) for i, c in enumerate(variant) if i not in kept)
                chosen = [variant[i] for i in kept]
                code = _REPAIRED if how else _EXTRA
                yield Reading(_cells(chosen, spec), _joined(how, f"{dropped} dropped"), True, code)
        elif 0 < n - size <= _MAX_EDITS:
            for gaps in _choose(n, n - size):
                where = ", ".join(str(g + 1) for g in gaps)
                cells = _cells(_insert(variant, gaps, n, UNKNOWN_SLOT), spec)
                yield Reading(cells, _joined(how, f"cell {where} lost"), True, _REPAIRED)


def _edited(
    tokens: list[GridCell], how: str, joinable: frozenset[int], n: int
) -> Iterator[tuple[list[GridCell], str]]:
    """``tokens`` with two joined (a number wrapped over two lines, or in its cell) or one split
    in two (a lost separator), as far as the row's width allows."""
    m = len(tokens)
    if m - n <= _MAX_EDITS:
        for i in sorted(joinable):
            joined = _join(tokens[i], tokens[i + 1]) if i + 1 < m else None
            if joined is not None:
                what = f"{tokens[i].text!r} and {tokens[i + 1].text!r} joined"
                yield [*tokens[:i], joined, *tokens[i + 2 :]], _joined(how, what)
    if 0 < n - m <= _MAX_EDITS:
        for i, token in enumerate(tokens):
            for left, right in _splits(token.text):
                pieces = [GridCell(left, token.line), GridCell(right, token.line)]
                what = f"{token.text!r} split as {left} | {right}"
                yield [*tokens[:i], *pieces, *tokens[i + 1 :]], _joined(how, what)


def _join(a: GridCell, b: GridCell) -> GridCell | None:
    """Two tokens as one number (``300`` and ``1`` → ``3001``; ``-1`` and ``28`` → ``-128``), if
    that is a number."""
    text = a.text + b.text
    digits = text[1:] if text.startswith("-") else text
    if not _digits(digits) or (digits[0] == "0" and len(digits) > 1):
        return None
    return GridCell(text, a.line)


def _joined(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b


def _insert(tokens: Sequence[GridCell], gaps: tuple[int, ...], n: int, slot: GridCell) -> list[GridCell]:
    """``tokens`` with ``slot`` at each position of ``gaps`` (positions among the ``n`` columns)."""
    out: list[GridCell] = []
    it = iter(tokens)
    for position in range(n):
        out.append(slot if position in gaps else next(it))
    return out


def _subsequences(tokens: Sequence[GridCell], n: int) -> Iterator[tuple[int, ...]]:
    """The positions of ``n`` tokens kept in order, once for every distinct sequence of texts
    they read (eleven zeros for seven columns are one reading, not 330), at most
    :data:`limits.MAX_ROW_READINGS` + 1 of them."""
    found = 0
    chosen: list[int] = []
    stack: list[Iterator[int]] = [iter(_firsts(tokens, 0, n))]
    while stack:
        at = next(stack[-1], None)
        if at is None:
            stack.pop()
            if chosen:
                chosen.pop()
            continue
        chosen.append(at)
        if len(chosen) == n:
            yield tuple(chosen)
            chosen.pop()
            found += 1
            if found > limits.MAX_ROW_READINGS:
                return
            continue
        stack.append(iter(_firsts(tokens, at + 1, n - len(chosen))))


def _firsts(tokens: Sequence[GridCell], start: int, need: int) -> list[int]:
    """The first position of each distinct text from ``start`` on that leaves ``need - 1`` after it."""
    seen: set[str] = set()
    out: list[int] = []
    for i in range(start, len(tokens) - need + 1):
        if tokens[i].text not in seen:
            seen.add(tokens[i].text)
            out.append(i)
    return out


def _choose(n: int, k: int) -> Iterator[tuple[int, ...]]:
    return itertools.combinations(range(n), k)


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _splits(text: str) -> Iterator[tuple[str, str]]:
    """Ways a run of digits reads as two numbers (no leading zeros: ``050`` is 0 | 50 only; a
    minus sign stays with the first: ``-3239171`` is -3239 | 171 …)."""
    sign = "-" if text.startswith("-") else ""
    digits = text[len(sign) :]
    if not _digits(digits) or len(digits) < 2:
        return
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if (left[0] != "0" or left == "0") and (right[0] != "0" or right == "0") and sign + left != "-0":
            yield sign + left, right


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
