"""The consistency rules (勾稽关系, docs/format.md §4) of one table, as data: which cells each adds up.

Two stages use them: the checks (stage 6), which report every rule that holds or fails, and the
reading engine (stage 5), which drops the readings of a row that break them. Both evaluate these
same instances with :func:`sides`, so "a rule holds" means one thing everywhere.

* A **sum** rule says ``target = Σ parts`` (R2 per column, R3 per row, R4 per group, R5 per
  printed subtotal). It is skipped when the target is not a number, when a part is text or
  missing, or when no part is a number (a column the report did not fill in). Blank and
  placeholder parts add 0.
* A **balance** rule says ``Σ left = Σ right`` (R1: new + carried over = total + carried
  forward). It is skipped when a cell is text or missing, or when none is a number.

R9 (counts are non-negative whole numbers) speaks of single cells: see :func:`cell_ok`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import attrs

from ._text import memo
from ._vocab import AD_MONEY_COLUMNS, AD_SIGNED_COLUMNS, APP_ORG_COLUMNS, APP_ROWS, RL_COLUMNS
from .model import Cell, CellState

Ref = tuple[str, str]
"""A cell of a canonical table: ``(row key, column key)``."""

Number = int | Decimal

TOP = ("new_requests", "carried_over", "total", "carried_forward")
"""The rows R1 balances, in the order its checks name them."""
GROUPS = ("withheld", "unavailable", "not_processed", "other")
"""Table 3's result groups that may print a subtotal (or, for ``other``, the single 2019 row)."""


@attrs.frozen
class Rule:
    """One instance of a rule on named cells."""

    rule: str
    """``R1`` … ``R5``."""
    table: str
    """The canonical table."""
    target: Ref
    """The cell compared with the others (a total, a subtotal)."""
    left: tuple[Ref, ...]
    """The cells added up: a sum rule's parts; a balance rule's first side."""
    right: tuple[Ref, ...]
    """A sum rule: ``(target,)``; a balance rule: its second side."""
    description: str
    """How messages name the instance, e.g. ``R2 (natural_person)``."""
    balance: bool = False
    """R1: both sides are sums."""

    @property
    def cells(self) -> tuple[Ref, ...]:
        """Every cell the rule reads, as its check names them (the target first for a sum)."""
        return (*self.left, *self.right) if self.balance else (self.target, *self.left)


Term = tuple[Number, bool, bool]
"""Cells as a rule sees them: what they add (blank and placeholder 0), whether one cannot be
used (text, missing), whether one is a number."""


def term(cells: Iterable[Cell]) -> Term:
    total: Number = 0
    unusable = number = False
    for cell in cells:  # one pass: this runs for every rule of every reading
        state = cell.state
        if state is CellState.NUMBER:
            total += cell.value or 0
            number = True
        elif state is not CellState.BLANK and state is not CellState.PLACEHOLDER:
            unusable = True
    return total, unusable, number


def sides(rule: Rule, get: Callable[[str, str], Cell]) -> tuple[Number, Number] | None:
    """The rule's two sides (expected from the added cells, actual), or None when it is skipped."""
    if rule.balance:
        left, right = term(get(*r) for r in rule.left), term(get(*r) for r in rule.right)
        if left[1] or right[1] or not (left[2] or right[2]):
            return None
        return left[0], right[0]
    target = get(*rule.target)
    if target.state is not CellState.NUMBER or target.value is None or not rule.left:
        return None
    total, unusable, number = term(get(*r) for r in rule.left)
    return None if unusable or not number else (total, target.value)


def cell_ok(table: str, column: str, cell: Cell) -> bool:
    """R9 on one cell: counts are non-negative whole numbers, ``change`` may be negative, money is
    a non-negative decimal. Cells that are not numbers pass."""
    value = cell.value
    if cell.state is not CellState.NUMBER or value is None:
        return True
    active = table == "active_disclosure"
    if active and column in AD_MONEY_COLUMNS:
        return value >= 0
    signed = active and column in AD_SIGNED_COLUMNS
    return (signed or value >= 0) and (type(value) is int or value == int(value))


def table_rules(table: str, keys: Sequence[str], columns: Sequence[str]) -> tuple[Rule, ...]:
    """The rule instances of a table whose rows are ``keys`` (in table order), in the order the
    checks report them."""
    return _rules(table, tuple(keys), tuple(columns))


@memo(256)
def _rules(table: str, keys: tuple[str, ...], columns: tuple[str, ...]) -> tuple[Rule, ...]:
    if table == "applications":
        return _applications(keys, columns)
    if table == "review_litigation":
        parts = tuple(c for c in RL_COLUMNS if c != "total")
        return tuple(_sum("R4", table, (k, "total"), [(k, c) for c in parts], f"R4 ({k})") for k in keys)
    return ()


def _sum(rule: str, table: str, target: Ref, parts: Sequence[Ref], description: str) -> Rule:
    return Rule(rule, table, target, tuple(parts), (target,), description)


def _applications(keys: tuple[str, ...], columns: tuple[str, ...]) -> tuple[Rule, ...]:
    out: list[Rule] = []
    leaves = result_leaves(keys)
    results = [k for k in keys if k not in TOP]
    # a group's subtotal is checked against its items only when every item the template has is
    # there: a row not found may hold any number
    groups = {g: [k for k in results if k.startswith(g + ".")] for g in GROUPS if g in keys}
    groups = {g: children for g, children in groups.items() if set(children) >= _items(g, children)}
    top = all(k in keys for k in TOP)
    for col in columns:
        if top:
            out.append(
                Rule(
                    "R1",
                    "applications",
                    ("total", col),
                    (("new_requests", col), ("carried_over", col)),
                    (("total", col), ("carried_forward", col)),
                    f"R1 ({col})",
                    balance=True,
                )
            )
        if leaves and "total" in keys:
            out.append(_sum("R2", "applications", ("total", col), [(k, col) for k in leaves], f"R2 ({col})"))
        for group, children in groups.items():
            if children:
                target = (group, col)
                out.append(
                    _sum("R5", "applications", target, [(k, col) for k in children], f"R5 ({group}, {col})")
                )
    six = [c for c in columns if c not in ("total", "org_subtotal")]
    for key in keys:
        out.append(_sum("R3", "applications", (key, "total"), [(key, c) for c in six], f"R3 ({key})"))
        if "org_subtotal" in columns:
            parts = [(key, c) for c in APP_ORG_COLUMNS]
            out.append(_sum("R3", "applications", (key, "org_subtotal"), parts, f"R3 ({key}, org_subtotal)"))
    return tuple(out)


def _items(group: str, printed: Sequence[str]) -> set[str]:
    """The items of ``group`` the template has (none when no item is printed: a 2019 （六）)."""
    return {spec.key for spec in APP_ROWS if spec.group == group} if printed else set()


def result_leaves(keys: Sequence[str]) -> list[str] | None:
    """The result rows that add up to ``total`` (R2), or None when one is missing."""
    present = set(keys)
    leaves = ["granted", "partially_granted"]
    if not present.issuperset(leaves):
        return None
    for group in GROUPS:
        children = [spec.key for spec in APP_ROWS if spec.group == group]
        if present.issuperset(children):
            leaves.extend(children)
        elif group in present:  # a printed subtotal, or the single 2019 （六） row
            leaves.append(group)
        else:
            return None
    return leaves
