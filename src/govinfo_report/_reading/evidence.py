"""The prose as evidence: a number the report states in words (收到政府信息公开申请21件) may
choose between the readings of a row its layout leaves open.

It only ever chooses between readings of printed cells, and only when it settles the question:

* a row whose layout vouches for its reading, or that has one reading, is left as it is;
* the statement must agree with some of the row's readings and contradict others; a reading it
  cannot be compared with (a split the reader cannot list, a cell assumed lost) is kept, and
  only when the statement names that one cell alone, the cell taking the stated number there
  (the part of that reading that agrees); otherwise the row is left as it was;
* it never fills a cell: where the readings it keeps still disagree, the cell stays missing.

A cell the row's own rule chose and no rule across rows confirms (:func:`.engine.decide`,
step 4) is kept when a statement gives its value alone, whatever scope its wording has: the
prose is a second, independent witness.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .._rules import Number, term
from ..diagnostics import diag
from ..model import Cell, CellState, Diagnostic
from .model import Ref, Unit
from .search import Option, Where


@attrs.frozen
class Evidence:
    """A number the prose states of some cells of the table."""

    scopes: tuple[tuple[Ref, ...], ...]
    """The cells whose sum the number may be (several where the wording leaves it open)."""
    value: Number
    """The number stated."""
    line: int
    """The statement's line."""
    phrase: str
    """The phrase as printed."""

    def says(self, get: Callable[[Ref], Cell | None]) -> bool | None:
        """True when one scope's cells add up to the number, False when every scope's cells are
        known and add up to another (or hold text, or are blank where the number is not 0), None
        when it cannot tell (``get`` gives None for a cell whose value is not known)."""
        known = True
        for scope in self.scopes:
            cells = [get(ref) for ref in scope]
            if any(c is None for c in cells):
                known = False
                continue
            total, unusable, number = term(c for c in cells if c is not None)
            if unusable:
                continue  # text where a number is stated: not this scope
            if not number:
                # blank or placeholder: no number, unlike a stated one; a stated 0 may be either
                known = known and self.value != 0
            elif total == self.value:
                return True
        return False if known else None

    @property
    def cell(self) -> Ref | None:
        """The one cell the number is, when its wording leaves one scope of one cell."""
        return self.scopes[0][0] if len(self.scopes) == 1 and len(self.scopes[0]) == 1 else None

    @property
    def where(self) -> str:
        return f"the prose on line {self.line} ({self.phrase})"


def choose(
    units: Sequence[Unit],
    options: list[list[Option]],
    where: Where,
    evidence: Sequence[Evidence],
) -> list[Diagnostic]:
    """Keep, in each open unit, the readings a statement agrees with when it contradicts all the
    others; one ``cells.fixed_by_prose`` diagnostic per choice."""
    notes: list[Diagnostic] = []
    for u, unit in enumerate(units):
        for found in evidence:
            if unit.vouched or len(options[u]) < 2:
                break
            if not any(ref in unit.refs for scope in found.scopes for ref in scope):
                continue
            verdicts = [found.says(_lookup(u, option, options, where)) for option in options[u]]
            if True not in verdicts or False not in verdicts:
                continue
            at = unit.refs.index(found.cell) if found.cell in unit.refs else None
            if None in verdicts and at is None:
                continue  # a reading it cannot be compared with might hold another number
            before = len(options[u])
            # a reading whose cell is unknown (a split it cannot list, a cell assumed lost) is
            # kept, the stated cell taking the number: only the part of it that agrees is left
            printed = next(o for o, agrees in zip(options[u], verdicts, strict=True) if agrees)
            options[u] = [
                o if agrees else _stating(o, at, printed)
                for o, agrees in zip(options[u], verdicts, strict=True)
                if agrees is not False
            ]
            candidate = unit.candidates[options[u][0][0]]
            message = (
                f"{unit.what}: of the {before} readings of {candidate.raw!r}, {found.where} agrees "
                f"with {len(options[u])} and contradicts the others; only those are kept."
            )
            notes.append(diag("cells.fixed_by_prose", message, candidate.span))
    return notes


def _stating(option: Option, position: int | None, agreeing: Option) -> Option:
    """A reading whose cell at ``position`` is unknown, restricted to the part of it that agrees
    with the statement: that cell as a reading the statement agrees with prints it."""
    if position is None:
        return option
    index, reading = option
    cells = list(reading.cells)
    cells[position] = agreeing[1].cells[position]
    return index, attrs.evolve(reading, cells=tuple(cells))


def _lookup(
    u: int, option: Option, options: Sequence[Sequence[Option]], where: Where
) -> Callable[[Ref], Cell | None]:
    """A reading's cells, and those of the other units that have a single reading left."""

    def get(ref: Ref) -> Cell | None:
        if ref not in where:
            return None
        w, p = where[ref]
        if w == u:
            cell = option[1].cells[p]
        elif len(options[w]) == 1:
            cell = options[w][0][1].cells[p]
        else:
            return None
        return None if cell.state is CellState.MISSING else cell

    return get


def stated(evidence: Sequence[Evidence], cells: dict[Ref, Cell]) -> dict[Ref, Evidence]:
    """The decided cells whose value a statement gives: a scope of one cell, where every scope
    the wording allows adds up to the number (a sum of several cells names none of them)."""
    out: dict[Ref, Evidence] = {}

    def get(ref: Ref) -> Cell | None:
        cell = cells.get(ref)
        return None if cell is None or cell.state is CellState.MISSING else cell

    for found in evidence:
        if all(Evidence((scope,), found.value, found.line, found.phrase).says(get) for scope in found.scopes):
            for scope in found.scopes:
                if len(scope) == 1:
                    out.setdefault(scope[0], found)
    return out
