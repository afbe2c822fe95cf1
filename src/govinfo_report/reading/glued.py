"""Readings of a row whose cells ran together (crawler dumps): the splits of its digits.

Only arithmetic tells where a number ends in ``21710000218``: :func:`..splitting.split_run`
lists the splits the row rule allows (or, without a rule, every split without leading zeros).
A split never crosses a boundary the layout printed (a space, a placeholder).
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence

import attrs
import regex

from ..model import Cell, CellState, GridCell
from ..splitting import split_run
from ..values import is_numeric_run
from .model import Reading, RowSpec

_UNIT = regex.compile(r"(万元|亿元|元|万)$")

UNKNOWN = Cell(raw="", state=CellState.MISSING)


@attrs.frozen
class Glued:
    readings: tuple[Reading, ...]
    note: str | None = None
    code: str | None = None


def glued_readings(tokens: Sequence[GridCell], spec: RowSpec) -> Glued:
    """The readings of run-together tokens as ``spec.n`` cells."""
    n, make = spec.n, spec.make
    raw = " ".join(t.text for t in tokens)
    if len(tokens) == n and all(_canonical(t.text) for t in tokens):
        return Glued((Reading(tuple(make(t.text, t.line, i) for i, t in enumerate(tokens))),))
    if not tokens or len(tokens) > n or not all(is_numeric_run(t.text) for t in tokens):
        return Glued((), f"{raw!r} cannot be read as {n} cells", "cells.too_few")
    texts = [unicodedata.normalize("NFKC", t.text).replace(",", "").replace(" ", "") for t in tokens]
    unit = ""
    m = _UNIT.search(texts[-1])
    if m is not None:
        unit = m.group(1)
        texts[-1] = texts[-1][: m.start()]
    bounds = set(itertools.accumulate(len(t) for t in texts[:-1]))
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

    def reading(fields: tuple[str, ...]) -> Reading:
        starts = [0, *itertools.accumulate(len(f) for f in fields[:-1])]
        cells = tuple(
            make(f + (unit if i == n - 1 else ""), line_at(start), i)
            for i, (f, start) in enumerate(zip(fields, starts, strict=True))
        )
        return Reading(cells, f"read as {' | '.join(fields)}", code=code)

    # without a rule only the digits decide: ``007`` is 0 | 0 | 7 and nothing else
    code = "cells.run_together_split" if spec.rule is not None else "cells.split_by_syntax"
    if not splits:
        return Glued((), f"{raw!r} cannot be read as {n} cells", "cells.too_few")
    readings = tuple(reading(f) for f in splits)
    if spec.rule is None and _also_with_blanks(run, n, spec.signed, spec.decimal_last):
        # ``10.00`` as two cells is 1|0.00, or a blank and 10.00: a crawler writes nothing for a
        # blank cell, so without a rule the digits do not decide
        note = f"{raw!r} reads as {len(readings)} split(s), or as fewer numbers beside blank cells"
        return Glued((*readings, Reading((UNKNOWN,) * n, "fewer numbers beside blank cells")), note)
    return Glued(readings)


def _canonical(text: str) -> bool:
    """A token that is one cell as printed: a placeholder, or a number without leading zeros."""
    plain = unicodedata.normalize("NFKC", text).replace(",", "").lstrip("+-")
    if not plain[:1].isdigit():
        return True
    return not (plain[0] == "0" and len(plain) > 1 and plain[1].isdigit())


def _also_with_blanks(run: str, n: int, signed: frozenset[int], decimal_last: bool) -> bool:
    """Whether ``run`` also reads as fewer than ``n`` numbers, the rest of the row blank."""
    may_sign = frozenset(range(n)) if signed else frozenset()
    return any(split_run(run, k, signed=may_sign, decimal_last=decimal_last).candidates for k in range(1, n))
