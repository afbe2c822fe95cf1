"""Readings of a row whose cells ran together (crawler dumps): the splits of its digits.

Only arithmetic tells where a number ends in ``21710000218``: :func:`..splitting.split_run`
lists the splits the row rule allows (or, without a rule, every split without leading zeros).
A split never crosses a boundary the layout printed (a space, a placeholder).
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator, Sequence

import attrs
import regex

from .._splitting import SumGroups, split_run, total_is_sum
from .._values import is_numeric_run, parse_cell
from .._vocab import DASHES
from ..model import Cell, CellState, GridCell
from .model import Reading, RowSpec
from .slots import UNKNOWN

_UNIT = regex.compile(r"(万元|亿元|元|万)$")
_MARKS = regex.compile(r"(/|／|[" + DASHES + r"]{2,}|[" + DASHES + r"](?![\d.]))")
"""Placeholder marks that are no part of a number: a slash; a dash not before a digit (``—3``
may be -3 written with a dash; ``-`` is a minus sign), or two."""


@attrs.frozen
class Glued:
    readings: tuple[Reading, ...]
    note: str | None = None
    code: str | None = None
    forced: bool = False
    """The digits alone leave one reading (``0000000``), no rule needed to choose it."""


def glued_readings(tokens: Sequence[GridCell], spec: RowSpec) -> Glued:
    """The readings of run-together tokens as ``spec.n`` cells."""
    raw = " ".join(t.text for t in tokens)
    # a space in a run was a boundary the layout printed (a line break between two numbers), and
    # a placeholder is a cell of its own (``1010/0011``: no digit of a number is a slash)
    tokens = [
        GridCell(piece, t.line)
        for t in tokens
        for part in (t.text.split() or [t.text])
        for piece in (_MARKS.split(part) if _MARKS.search(part) else [part])
        if piece
    ]
    found = _glued(tokens, spec, raw)
    # numbers on a later line than the row's first may be a stray (a page number, a year) or the
    # rest of the row; a space on one line may be a gap inside a number
    later = [k for k, t in enumerate(tokens) if t.line != tokens[0].line] if tokens else []
    more: list[Reading] = []
    alternatives = []
    if later and later[0] > 0:
        alternatives.append(_glued(tokens[: later[0]], spec, raw))
    numeric = all(is_numeric_run(t.text) for t in tokens)  # a placeholder is a boundary
    if numeric and any(a.line == b.line for a, b in itertools.pairwise(tokens)):
        alternatives.append(_glued(tokens, spec, raw, spaced=False))
        if not found.readings and len(tokens) > spec.n:
            # more numbers apart than columns: a number spaced out, or a number too many
            more.append(Reading((UNKNOWN,) * spec.n, "a number too many"))
    for alternative in alternatives:
        # an alternative this reader cannot enumerate still leaves the row in doubt
        more += alternative.readings or [Reading((UNKNOWN,) * spec.n, "another split it cannot list")]
    if alternatives and not found.readings and spec.rule is None:
        # its numbers as printed fit no reading, and no rule checks the alternatives (a later
        # line left out may be the rest of a wrapped number as well as a stray)
        more.append(Reading((UNKNOWN,) * spec.n, "its numbers as printed fit no reading"))
    seen = {tuple((c.state, c.value) for c in r.cells) for r in found.readings}
    extra = [r for r in more if tuple((c.state, c.value) for c in r.cells) not in seen]
    if not extra:
        return found
    if not found.readings:
        return Glued(tuple(extra))
    return attrs.evolve(found, readings=(*found.readings, *extra), forced=False)


def _glued(tokens: Sequence[GridCell], spec: RowSpec, raw: str, *, spaced: bool = True) -> Glued:
    """:func:`glued_readings` of ``tokens``; with ``spaced`` False, a space on one line is no
    boundary."""
    n, make = spec.n, spec.make
    if spaced and len(tokens) == n and all(_canonical(t.text) for t in tokens):
        return Glued((Reading(tuple(make(t.text, t.line, i) for i, t in enumerate(tokens))),), forced=True)
    marked = [_placeholder(t.text) for t in tokens]
    apart = 1 + sum(
        1
        for k, (a, b) in enumerate(itertools.pairwise(tokens))
        if spaced or a.line != b.line or marked[k] or marked[k + 1]
    )
    if (
        not tokens
        or apart > n
        or not all(is_numeric_run(t.text) or m for t, m in zip(tokens, marked, strict=True))
    ):
        return Glued((), f"{raw!r} cannot be read as {n} cells", "cells.too_few")
    # a placeholder is split as a ``0`` of its own (the rules add it as 0) and read back as printed
    texts = [
        "0" if m else unicodedata.normalize("NFKC", t.text).replace(",", "").replace(" ", "")
        for t, m in zip(tokens, marked, strict=True)
    ]
    unit = ""
    m = _UNIT.search(texts[-1])
    if m is not None:
        unit = m.group(1)
        texts[-1] = texts[-1][: m.start()]
    cuts = list(itertools.accumulate(len(t) for t in texts[:-1]))
    pairs = itertools.pairwise(tokens)
    bounds = {
        c
        for k, (c, (a, b)) in enumerate(zip(cuts, pairs, strict=True))
        if spaced or a.line != b.line or marked[k] or marked[k + 1]
    }
    starts = [0, *cuts]
    placeholders = {starts[k]: t for k, (t, m) in enumerate(zip(tokens, marked, strict=True)) if m}
    run = "".join(texts)
    if spec.rule is None:
        result = split_run(run, n, signed=spec.signed, decimal_last=spec.decimal_last)
    else:
        result = split_run(run, n, accept=spec.rule, signed=spec.signed, decimal_last=spec.decimal_last)
    if result.truncated:
        return Glued((), f"too many readings of {raw!r} to enumerate", "limits.split_truncated")
    splits = [f for f in result.candidates if bounds <= set(itertools.accumulate(len(x) for x in f[:-1]))]
    ends = list(itertools.accumulate(len(t) for t in texts))

    def line_at(offset: int) -> int:
        return tokens[next(k for k, end in enumerate(ends) if offset < end)].line

    def reading(fields: tuple[str, ...], blank_at: int | None = None) -> Reading:
        """The cells of a split (with a blank cell put in at ``blank_at``, when given)."""
        starts = [0, *itertools.accumulate(len(f) for f in fields[:-1])]
        placed: list[tuple[str, int] | None] = list(zip(fields, starts, strict=True))
        if blank_at is not None:
            placed.insert(blank_at, None)
        cells = tuple(
            _BLANK
            if at is None
            else make(placeholders[at[1]].text, line_at(at[1]), i)
            if at[1] in placeholders
            else make(at[0] + (unit if i == n - 1 else ""), line_at(at[1]), i)
            for i, at in enumerate(placed)
        )
        shown = [
            placeholders[at].text if at in placeholders else f for f, at in zip(fields, starts, strict=True)
        ]
        how = f"read as {' | '.join(shown)}" + (
            "" if blank_at is None else f" with cell {blank_at + 1} blank"
        )
        return Reading(cells, how, code=code)

    # without a rule only the digits decide: ``007`` is 0 | 0 | 7 and nothing else
    code = "cells.run_together_split" if spec.rule is not None else "cells.split_by_syntax"
    blanked = list(_with_a_blank(run, bounds, spec, reading))
    if not splits and not blanked:
        return Glued((), f"{raw!r} cannot be read as {n} cells", "cells.too_few")
    readings = (*(reading(f) for f in splits), *blanked)
    if spec.rule is None and _also_with_blanks(run, n, spec.signed, spec.decimal_last):
        # ``10.00`` as two cells is 1|0.00, or a blank and 10.00: a crawler writes nothing for a
        # blank cell, so without a rule the digits do not decide
        note = f"{raw!r} reads as {len(readings)} split(s), or as fewer numbers beside blank cells"
        return Glued((*readings, Reading((UNKNOWN,) * n, "fewer numbers beside blank cells")), note)
    return Glued(readings, forced=len(readings) == 1 and _only_split(run, bounds, spec))


def _with_a_blank(
    run: str, bounds: set[int], spec: RowSpec, reading: Callable[[tuple[str, ...], int | None], Reading]
) -> Iterator[Reading]:
    """Readings of a row whose rule is a total of the other cells (R3) with one of them blank: a
    crawler writes nothing for a blank cell. The numbers are split by the rule on the cells left
    (a blank adds nothing to the total), the blank put in each place it may be."""
    rule = spec.rule
    if not isinstance(rule, SumGroups) or rule.groups != 1 or spec.n < 3:
        return
    n = spec.n
    found = split_run(
        run, n - 1, accept=total_is_sum(n - 1), signed=spec.signed, decimal_last=spec.decimal_last
    )
    for fields in found.candidates:
        if found.truncated or not bounds <= set(itertools.accumulate(len(x) for x in fields[:-1])):
            continue
        for place in range(n - 1):
            yield reading(fields, place)


_BLANK = Cell(raw="", state=CellState.BLANK)


def _only_split(run: str, bounds: set[int], spec: RowSpec) -> bool:
    """Whether the digits alone split ``run`` into ``spec.n`` numbers one way (the rule aside), and
    into no fewer numbers beside blank cells."""
    found = split_run(run, spec.n, signed=spec.signed, decimal_last=spec.decimal_last, limit=64)
    splits = [f for f in found.candidates if bounds <= set(itertools.accumulate(len(x) for x in f[:-1]))]
    return (
        not found.truncated
        and len(splits) == 1
        and not _also_with_blanks(run, spec.n, spec.signed, spec.decimal_last)
    )


def _placeholder(text: str) -> bool:
    return parse_cell(text).state is CellState.PLACEHOLDER


def _canonical(text: str) -> bool:
    """A token that is one cell as printed: a placeholder, or one number without leading zeros
    (``718-337`` is two)."""
    cell = parse_cell(text)
    return cell.state is CellState.PLACEHOLDER or (cell.state is CellState.NUMBER and cell.note is None)


def _also_with_blanks(run: str, n: int, signed: frozenset[int], decimal_last: bool) -> bool:
    """Whether ``run`` also reads as fewer than ``n`` numbers, the rest of the row blank."""
    may_sign = frozenset(range(n)) if signed else frozenset()
    return any(split_run(run, k, signed=may_sign, decimal_last=decimal_last).candidates for k in range(1, n))
