"""Readings of a row under damage: cells lost, added, joined or split, strays taken in.

Tried only when there is a sign of damage (see :mod:`.generate`). Every reading here is marked
damaged, so the engine tells it from a reading as printed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .. import limits
from .._vocab import MONEY_UNITS
from ..model import GridCell
from .model import SPACED, Material, Reading, RowSpec
from .slots import UNKNOWN_SLOT, cells_of, choose, insert, is_blank

EXTRA = "cells.extra_columns"
REPAIRED = "cells.repaired"

MAX_EDITS = 2
"""Cells lost in one row that a reading under damage may assume (each lost cell is unknown).
Cells added are dropped in every way while the readings stay under the row limit."""


def damaged_readings(material: Material, spec: RowSpec) -> Iterator[Reading]:
    """Readings that assume one or two cells of the row were lost, added, joined or split."""
    tokens = list(material.tokens)
    if material.layout == SPACED:
        tokens = [t for t in tokens if t.text.strip()]
    n = spec.n
    bases: list[tuple[list[GridCell], str]] = [(tokens, "")]
    if material.padded_ends and material.layout != SPACED and tokens:
        # a blank cell at an end of a row in doubt may be no cell of it (a span, a separator)
        if is_blank(tokens[0]):
            bases.append((tokens[1:], "its first, blank cell taken for no cell"))
        if is_blank(tokens[-1]) and len(tokens) > 1:
            bases.append((tokens[:-1], "its last, blank cell taken for no cell"))
    variants = list(bases)
    for base, how in bases:
        # a PDF's text may space a number out (``1 1``): joined only where a token is too many
        # (or where one line of one cell per line holds two values: a cell's own number split)
        spaced_out = material.layout == SPACED and not material.whole_cells
        joinable = material.joinable if not spaced_out or len(base) > n else frozenset()
        variants.extend(_edited(base, how, joinable, n))
    for lead in material.lead:  # digits printed beside the label: the start of the first number
        variants.append(([lead, *tokens], f"{lead.text!r} beside the label taken as a cell"))
        joined = join(lead, tokens[0]) if tokens else None
        if joined is not None:
            variants.append(
                ([joined, *tokens[1:]], f"{lead.text!r} beside the label joined to {tokens[0].text!r}")
            )
    for stray in material.strays:  # loose values beside the row: cells of it, or a number's rest
        shown = " ".join(t.text for t in stray)
        variants.append(([*tokens, *stray], f"{shown!r} from line {stray[0].line} taken as its cells"))
        # a cell's text goes on in its cell (the last one); a PDF's text wraps any column
        for i in (
            range(len(tokens)) if material.layout == SPACED else range(max(len(tokens) - 1, 0), len(tokens))
        ):
            joined = join(tokens[i], stray[0])
            if joined is not None:
                how = f"{tokens[i].text!r} continued by {stray[0].text!r}"
                rest = [*tokens[:i], joined, *tokens[i + 1 :]]
                variants.append(([*rest, *stray[1:]] if i == len(tokens) - 1 else rest, how))
    for variant, how in variants:
        size = len(variant)
        if size == n:
            if how:
                yield Reading(cells_of(variant, spec), how, True, REPAIRED)
        elif 0 < size - n <= MAX_EDITS:
            for kept in _subsequences(variant, n):
                dropped = ", ".join(repr(c.text) for i, c in enumerate(variant) if i not in kept)
                chosen = [variant[i] for i in kept]
                code = REPAIRED if how else EXTRA
                yield Reading(cells_of(chosen, spec), _joined(how, f"{dropped} dropped"), True, code)
        elif 0 < n - size <= MAX_EDITS:
            for gaps in choose(n, n - size):
                where = ", ".join(str(g + 1) for g in gaps)
                cells = cells_of(insert(variant, gaps, n, UNKNOWN_SLOT), spec)
                yield Reading(cells, _joined(how, f"cell {where} lost"), True, REPAIRED)


def _edited(
    tokens: list[GridCell], how: str, joinable: frozenset[int], n: int
) -> Iterator[tuple[list[GridCell], str]]:
    """``tokens`` with two joined (a number wrapped over two lines, or in its cell) or one split
    in two (a lost separator), as far as the row's width allows."""
    m = len(tokens)
    if m - n <= MAX_EDITS:
        for i in sorted(joinable):
            joined = join(tokens[i], tokens[i + 1]) if i + 1 < m else None
            if joined is not None:
                what = f"{tokens[i].text!r} and {tokens[i + 1].text!r} joined"
                yield [*tokens[:i], joined, *tokens[i + 2 :]], _joined(how, what)
    if 0 < n - m <= MAX_EDITS:
        for i, token in enumerate(tokens):
            for left, right in _splits(token.text):
                pieces = [GridCell(left, token.line), GridCell(right, token.line)]
                what = f"{token.text!r} split as {left} | {right}"
                yield [*tokens[:i], *pieces, *tokens[i + 1 :]], _joined(how, what)


def join(a: GridCell, b: GridCell) -> GridCell | None:
    """Two tokens as one number (``300`` and ``1`` → ``3001``; ``-1`` and ``28`` → ``-128``), if
    that is a number."""
    text = a.text + b.text
    digits = text[1:] if text.startswith("-") else text
    if (
        not _digits(digits)
        or (digits[0] == "0" and len(digits) > 1)
        or len(digits) > limits.MAX_NUMBER_DIGITS
    ):
        return None
    return GridCell(text, a.line)


def _joined(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b


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


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _splits(text: str) -> Iterator[tuple[str, str]]:
    """Ways a run of digits reads as two numbers (no leading zeros: ``050`` is 0 | 50 only; a
    minus sign stays with the first: ``-3239171`` is -3239 | 171 …; a decimal point stays in
    one of them: ``204696.76`` is 204 | 696.76, 20469 | 6.76 …; a money unit stays with the
    last: ``138642.46万`` is 138 | 642.46万 …)."""
    unit = next((u for u in MONEY_UNITS if text.endswith(u)), "")
    text = text.removesuffix(unit)
    sign = "-" if text.startswith("-") else ""
    body = text[len(sign) :]
    whole, dot, fraction = body.partition(".")
    if not _digits(whole + fraction) or not 2 <= len(whole + fraction) <= 2 * limits.MAX_NUMBER_DIGITS:
        return
    if dot and (not whole or not fraction):
        return
    for cut in range(1, len(body)):
        left, right = body[:cut], body[cut:]
        if _plain(left) and _plain(right) and sign + left != "-0":
            yield sign + left, right + unit


def _plain(text: str) -> bool:
    """A number as a table prints one: digits, at most one decimal point inside, no leading zero."""
    whole, dot, fraction = text.partition(".")
    if not whole or (dot and not fraction) or (whole[0] == "0" and len(whole) > 1):
        return False
    return _digits(whole) and (not dot or _digits(fraction))


__all__ = ["EXTRA", "MAX_EDITS", "REPAIRED", "damaged_readings", "join"]
