"""Which readings the rules leave: within a unit, then across the units the rules tie together.

A rule instance (:class:`..rules.Rule`) breaks a reading when its sides differ. Unlike the
checks, the search also weighs what a reading leaves unknown: a cell assumed lost cannot break a
rule, except where the known cells already exceed what the rule allows (an unknown count is
never negative). And where a table fills in its totals, a reading that leaves a total blank
beside numbers breaks its rule (blank counts as 0): a reading does not escape a rule that way.
A rule every reading breaks is the report's own error, not evidence against a reading.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from decimal import Decimal

from .. import limits
from .._connected import connected
from .._rules import Rule, cell_ok
from ..model import Cell, CellState
from .model import Reading, Ref, Unit

Agg = tuple["int | Decimal", bool, bool, bool]
"""Cells as the search adds them: their sum, whether one is a number, one text, one unknown."""
_NONE: Agg = (0, False, False, False)

Option = tuple[int, Reading]
"""A candidate's index in its unit, and one of its readings."""

Where = dict[Ref, tuple[int, int]]
"""Each cell's unit, and its position in the unit's readings."""


def agg(cells: Sequence[Cell]) -> Agg:
    total: int | Decimal = 0
    number = text = unknown = False
    for cell in cells:
        state = cell.state
        if state is CellState.NUMBER:
            total += cell.value or 0
            number = True
        elif state is CellState.MISSING:
            unknown = True
        elif state is CellState.TEXT:
            text = True
    return total, number, text, unknown


def plus(a: Agg, b: Agg) -> Agg:
    return a[0] + b[0], a[1] or b[1], a[2] or b[2], a[3] or b[3]


HOLDS, BREAKS, OPEN = 1, 2, 0
"""How a rule stands on a reading: it holds, it breaks, or it cannot be told (text, no number,
or a cell the reading assumes lost)."""


def outcome(rule: Rule, left: Agg, right: Agg, *, strict: bool) -> int:
    """How a rule stands on cells so added; ``strict``: a blank total counts as 0 against its
    parts, though it confirms nothing."""
    lsum, lnum, ltext, lunknown = left
    rsum, rnum, rtext, runknown = right
    if ltext or rtext:
        return OPEN
    if rule.balance:
        if not lunknown and not runknown:
            return OPEN if not (lnum or rnum) else HOLDS if lsum == rsum else BREAKS
        if lunknown and runknown:
            return OPEN
        return BREAKS if (lsum > rsum if lunknown else rsum > lsum) else OPEN
    if runknown or (not rnum and not strict):
        return OPEN
    if lunknown:
        return BREAKS if lsum > rsum else OPEN
    if not rnum:  # a blank total (strict): broken by a part, never confirmed by zeros
        return BREAKS if lsum else OPEN
    return HOLDS if lsum == rsum else BREAKS


def broken(rule: Rule, left: Agg, right: Agg, *, strict: bool) -> bool:
    """Whether a rule breaks on cells so added."""
    return outcome(rule, left, right, strict=strict) == BREAKS


def survivors(outcomes: Sequence[Sequence[int]]) -> list[int]:
    """The indices of the readings (or combinations) to keep, given how each rule stands on
    each: a rule prunes only when some reading actually satisfies it (a reading never wins by
    leaving the rule's cells unknown); of the rest, the readings that break no more rules than
    every reading does survive. All of them when none would."""
    if not outcomes:
        return []
    rules = len(outcomes[0])
    decisive = [r for r in range(rules) if any(o[r] == HOLDS for o in outcomes)]
    failing = [frozenset(r for r in decisive if o[r] == BREAKS) for o in outcomes]
    common = frozenset.intersection(*failing)
    kept = [i for i, f in enumerate(failing) if f == common]
    return kept or list(range(len(outcomes)))


def blank_totals(units: Sequence[Unit], rules: Sequence[Rule], where: Where) -> bool:
    """Whether the table leaves totals blank beside numbers, in two rows or more that print one
    reading only (a report that fills in no totals): then a blank total is no evidence against a
    reading. One such row is no habit: its blank may be a separator after a lost total."""
    found: set[int] = set()
    for rule in rules:
        if rule.balance:
            continue
        target = where.get(rule.target)
        if target is None:
            continue
        unit = units[target[0]]
        readings = [r for c in unit.candidates for r in c.readings]
        if len(readings) != 1 or readings[0].damaged:
            continue
        cells = readings[0].cells
        if cells[target[1]].state in (CellState.BLANK, CellState.PLACEHOLDER):
            parts = [cells[where[r][1]] for r in rule.left if where.get(r, (-1, 0))[0] == target[0]]
            if any(c.state is CellState.NUMBER and c.value for c in parts):
                found.add(target[0])
                if len(found) > 1:
                    return True
    return False


def prune_local(
    table: str, unit: Unit, options: list[Option], rules: Sequence[Rule], where: Where, *, strict: bool
) -> tuple[list[Option], list[Rule], list[int]]:
    """The options the unit's own rules (and R9) leave (see :func:`survivors`); the rules and the
    positions (R9) that every option breaks."""
    if len(options) == 1:  # the one reading stands: only what it breaks is wanted
        cells = options[0][1].cells
        refs = unit.refs
        return (
            options,
            [rule for rule in rules if _outcome(rule, cells, where, strict) == BREAKS],
            [p for p, c in enumerate(cells) if not cell_ok(table, refs[p][1], c)],
        )
    table_of: list[list[int]] = []
    for _, reading in options:
        stands = [_outcome(rule, reading.cells, where, strict) for rule in rules]
        stands += [
            HOLDS if cell_ok(table, unit.refs[p][1], c) else BREAKS for p, c in enumerate(reading.cells)
        ]
        table_of.append(stands)
    kept = survivors(table_of) if len(table_of) > 1 else list(range(len(table_of)))
    always = [i for i in range(len(rules) + len(unit.refs)) if all(t[i] == BREAKS for t in table_of)]
    return (
        [options[k] for k in kept],
        [rules[i] for i in always if i < len(rules)],
        [i - len(rules) for i in always if i >= len(rules)],
    )


def _outcome(rule: Rule, cells: Sequence[Cell], where: Where, strict: bool) -> int:
    def add(refs: Sequence[Ref]) -> Agg:
        return agg([cells[where[r][1]] for r in refs])

    return outcome(rule, add(rule.left), add(rule.right), strict=strict)


def linked(touched: Sequence[Sequence[int]], open_: Sequence[bool]) -> list[list[int]]:
    """The open units tied together by the rules, as groups searched separately."""
    links = [pair for units in touched for pair in itertools.pairwise([u for u in units if open_[u]])]
    wanted = {u for units in touched for u in units if open_[u]}
    groups = ([u for u in group if u in wanted] for group in connected(len(open_), links))
    return [group for group in groups if group]


def search(
    group: list[int],
    rules: Sequence[tuple[Rule, Sequence[int]]],
    options: Sequence[Sequence[Option]],
    where: Where,
    *,
    strict: bool,
) -> tuple[dict[int, list[int]], list[Rule]] | None:
    """The options of the ``group``'s units found in a surviving combination (see
    :func:`survivors`), and the rules that hold in every surviving combination; None past the
    combination limit."""
    if math.prod(len(options[u]) for u in group) > limits.MAX_CONSTRAINT_COMBINATIONS:
        return None
    members = set(group)
    # per rule: the sums of the fixed units' cells, and of each open unit's options, per side
    plans: list[tuple[Rule, tuple[Agg, Agg], list[tuple[int, list[tuple[Agg, Agg]]]]]] = []
    for rule, touched in rules:
        if not members & set(touched):
            continue
        fixed = (_NONE, _NONE)
        parts: list[tuple[int, list[tuple[Agg, Agg]]]] = []
        for u in touched:
            if u in members:
                parts.append((group.index(u), [_sides_of(rule, u, r.cells, where) for _, r in options[u]]))
            else:
                left, right = _sides_of(rule, u, options[u][0][1].cells, where)
                fixed = (plus(fixed[0], left), plus(fixed[1], right))
        plans.append((rule, fixed, parts))
    combos = list(itertools.product(*(range(len(options[u])) for u in group)))
    stands: list[list[int]] = []
    for combo in combos:
        row: list[int] = []
        for rule, (left, right), parts in plans:
            for position, sums in parts:
                extra = sums[combo[position]]
                left, right = plus(left, extra[0]), plus(right, extra[1])
            row.append(outcome(rule, left, right, strict=strict))
        stands.append(row)
    chosen = survivors(stands)
    kept = [combos[i] for i in chosen]
    held = [plans[r][0] for r in range(len(plans)) if all(stands[i][r] == HOLDS for i in chosen)]
    return {u: sorted({combo[k] for combo in kept}) for k, u in enumerate(group)}, held


def _sides_of(rule: Rule, u: int, cells: Sequence[Cell], where: Where) -> tuple[Agg, Agg]:
    """What unit ``u``'s cells add to each side of ``rule``."""

    def add(refs: Sequence[Ref]) -> Agg:
        return agg([cells[where[r][1]] for r in refs if r in where and where[r][0] == u])

    return add(rule.left), add(rule.right)
