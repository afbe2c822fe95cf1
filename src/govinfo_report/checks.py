"""Stage 6: the consistency rules (勾稽关系, SPEC.md §4) as data.

Blank and placeholder cells count as zero inside a sum (the report left nothing there),
as long as one of the cells added is a number. A rule is skipped when the cell it checks is
not a number, when every cell it adds up is blank (a column the report did not fill in), or
when any of them is text or missing (the parser could not read it).
R6–R8 need several reports and R7 the prose:
they are not run on one report here.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from .model import CanonicalTable, Cell, CellState, Check
from .text import memo
from .vocab import AD_MONEY_COLUMNS, AD_SIGNED_COLUMNS, APP_ORG_COLUMNS, APP_ROWS

_TOP = ("new_requests", "carried_over", "total", "carried_forward")
_GROUPS = ("withheld", "unavailable", "not_processed", "other")


_Term = tuple["int | Decimal", bool, bool]
"""Cells as a sum rule sees them: what they add (blank and placeholder 0), whether one cannot
be used (text, missing), whether one is a number."""


def _term(cells: Iterable[Cell]) -> _Term:
    total: int | Decimal = 0
    unusable = number = False
    for cell in cells:  # one pass: this runs for every rule of every report
        state = cell.state
        if state is CellState.NUMBER:
            total += cell.value or 0
            number = True
        elif state is not CellState.BLANK and state is not CellState.PLACEHOLDER:
            unusable = True  # text or missing: a sum with it cannot be checked
    return total, unusable, number


def _sum(target: Cell, parts: Sequence[Cell]) -> tuple[int | Decimal, int | Decimal] | None:
    """A sum rule's two sides (the parts' sum, the target), or None when the rule is skipped."""
    if target.state is not CellState.NUMBER or not parts or target.value is None:
        return None
    total, unusable, number = _term(parts)
    return None if unusable or not number else (total, target.value)


def _r1_sides(cells: Sequence[Cell]) -> tuple[int | Decimal, int | Decimal] | None:
    """R1's two sides for the cells of ``_TOP`` in one column, or None when it is skipped."""
    left, right = _term(cells[:2]), _term(cells[2:])
    if left[1] or right[1] or not (left[2] or right[2]):
        return None
    return left[0], right[0]


def _rule(
    rule: str,
    table: CanonicalTable,
    target: tuple[str, str],
    parts: Sequence[tuple[str, str]],
    description: str,
) -> Check | None:
    get = table.get
    sides = _sum(get(*target), [get(r, c) for r, c in parts])
    if sides is None:
        return None
    expected, actual = sides
    names, added = _names(target, tuple(parts))
    message = f"{description}: {added} = {expected}, {names[0]} is {actual}."
    return Check(
        rule=rule,
        table=table.name,
        cells=names,
        expected=_int(expected),
        actual=_int(actual),
        passed=expected == actual,
        target=f"{target[0]}:{target[1]}",
        message=message,
    )


@memo(1024)
def _names(target: tuple[str, str], parts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, ...], str]:
    """A rule's cells as ``row:column``, and how its message names what it adds (the same rules
    run on every report)."""
    names = tuple(f"{r}:{c}" for r, c in (target, *parts))
    return names, " + ".join(names[1:]) if len(parts) <= 6 else f"the {len(parts)} cells it sums"


def _r1(table: CanonicalTable, col: str) -> Check | None:
    """R1 per column: new_requests + carried_over = total + carried_forward (blank counts as 0)."""
    sides = _r1_sides([table.get(k, col) for k in _TOP])
    if sides is None:
        return None
    left, right = sides
    return Check(
        rule="R1",
        table=table.name,
        cells=tuple(f"{k}:{col}" for k in _TOP),
        expected=_int(left),
        actual=_int(right),
        passed=left == right,
        target=f"total:{col}",
        message=f"R1 ({col}): new_requests + carried_over = {left}, total + carried_forward = {right}.",
    )


def _plus(a: _Term, b: _Term) -> _Term:
    return a[0] + b[0], a[1] or b[1], a[2] or b[2]


_UNUSABLE: _Term = (0, True, False)


def r1_r2_test(
    fixed: Mapping[str, Sequence[Cell]], open_keys: Sequence[str], width: int
) -> Callable[[Sequence[Sequence[Cell]]], bool]:
    """A test of readings of table 3's ``open_keys`` rows (one cell tuple per open row, in that
    order) beside the ``fixed`` rows, ``width`` columns each: whether R1 and R2 both hold wherever
    they apply, and apply somewhere. It gives what :func:`check_applications` finds for R1 and R2,
    without making the checks; the fixed rows are added up once (the mapper tries thousands of
    readings of run-together rows)."""
    where = {k: i for i, k in enumerate(open_keys)}
    leaves = _result_leaves([*fixed, *open_keys]) or []
    fixed_leaves = [_term(fixed[k][c] for k in leaves if k in fixed) for c in range(width)]
    open_leaves = [where[k] for k in leaves if k in where]

    fixed_top = {k: [_term((fixed[k][c],)) for c in range(width)] for k in _TOP if k in fixed}
    # a reading's cells as terms, made once each: by id, with the reading kept so that its id is
    # never another's
    terms: dict[int, tuple[Sequence[Cell], tuple[_Term, ...]]] = {}

    def of(cells: Sequence[Cell]) -> tuple[_Term, ...]:
        found = terms.get(id(cells))
        if found is None or found[0] is not cells:
            found = terms[id(cells)] = (cells, tuple(_term((cell,)) for cell in cells))
        return found[1]

    def holds(combo: Sequence[Sequence[Cell]]) -> bool:
        chosen = [of(cells) for cells in combo]
        tops = [
            chosen[where[k]] if k in where else fixed_top[k] if k in fixed_top else (_UNUSABLE,) * width
            for k in _TOP
        ]
        applied = False
        for c in range(width):
            new, carried, total, forward = (t[c] for t in tops)
            r1 = _plus(_plus(new, carried), _plus(total, forward))
            if not r1[1] and r1[2]:  # R1: new + carried over = total + carried forward
                if new[0] + carried[0] != total[0] + forward[0]:
                    return False
                applied = True
            if leaves and total[2] and not total[1]:  # R2: total = the result rows' sum
                parts = fixed_leaves[c]
                for i in open_leaves:
                    parts = _plus(parts, chosen[i][c])
                if not parts[1] and parts[2]:
                    if parts[0] != total[0]:
                        return False
                    applied = True
        return applied

    return holds


Reading = tuple[tuple[Cell, ...], ...]
"""One reading of table 3's open rows: a cell tuple per open row."""


def fitting_readings(
    fixed: Mapping[str, Sequence[Cell]],
    open_keys: Sequence[str],
    options: Sequence[Sequence[tuple[Cell, ...]]],
    width: int,
) -> tuple[int, Reading | None]:
    """How many readings of the ``open_keys`` rows (``options``: each row's candidate cell
    tuples) R1 and R2 allow beside the ``fixed`` rows (counted up to 2: the mapper keeps one only
    when it is the only one), and one of them.

    The answer is what testing every combination with :func:`r1_r2_test` gives. When every
    candidate cell is a number, as readings of run-together digits are, which rules apply in
    which column does not depend on the reading; then R1 is tried on the rows it adds, and R2's
    sums are matched half against half (meet in the middle), not combination by combination.
    """
    if not all(c.state is CellState.NUMBER for option in options for cells in option for c in cells):
        holds = r1_r2_test(fixed, open_keys, width)
        found = [combo for combo in itertools.product(*options) if holds(combo)]
        return min(len(found), 2), found[0] if found else None
    where = {k: i for i, k in enumerate(open_keys)}
    leaves = _result_leaves([*fixed, *open_keys]) or []
    open_leaves = [where[k] for k in leaves if k in where]
    open_tops = [where[k] for k in _TOP if k in where]
    free = [i for i in range(len(open_keys)) if i not in open_leaves and i not in open_tops]
    # which rules apply in which column: the same for every reading (candidate cells are numbers)
    fixed_leaves = [_term(fixed[k][c] for k in leaves if k in fixed) for c in range(width)]
    number: _Term = (0, False, True)  # what a candidate cell is to the rules

    def cell_term(key: str, c: int) -> _Term:
        if key in where:
            return number
        return _term((fixed[key][c],)) if key in fixed else _UNUSABLE

    r1_columns, r2_columns = [], []
    for c in range(width):
        flags = [cell_term(k, c) for k in _TOP]
        if not any(f[1] for f in flags) and any(f[2] for f in flags):
            r1_columns.append(c)
        total, parts = flags[2], fixed_leaves[c]
        if open_leaves:
            parts = _plus(parts, number)
        if leaves and total[2] and not total[1] and not parts[1] and parts[2]:
            r2_columns.append(c)
    if not r1_columns and not r2_columns:
        return 0, None  # no rule applies: no reading is confirmed

    def top_value(key: str, chosen: Mapping[int, tuple[Cell, ...]], c: int) -> int | Decimal:
        if key in where:
            return chosen[where[key]][c].value or 0
        return cell_term(key, c)[0]

    half = len(open_leaves) // 2
    first, second = open_leaves[:half], open_leaves[half:]

    def sums(rows: Sequence[int]) -> dict[tuple[int | Decimal, ...], list[tuple[tuple[Cell, ...], ...]]]:
        out: dict[tuple[int | Decimal, ...], list[tuple[tuple[Cell, ...], ...]]] = {}
        for combo in itertools.product(*(options[i] for i in rows)):
            key = tuple(sum((cells[c].value or 0 for cells in combo), 0) for c in r2_columns)
            out.setdefault(key, []).append(combo)
        return out

    left, right = sums(first), sums(second)
    count, witness = 0, None
    for tops in itertools.product(*(options[i] for i in open_tops)):
        chosen = dict(zip(open_tops, tops, strict=True))
        if any(
            top_value("new_requests", chosen, c) + top_value("carried_over", chosen, c)
            != top_value("total", chosen, c) + top_value("carried_forward", chosen, c)
            for c in r1_columns
        ):
            continue
        target = [top_value("total", chosen, c) - fixed_leaves[c][0] for c in r2_columns]
        for key, combos in left.items():
            matches = right.get(tuple(t - k for t, k in zip(target, key, strict=True)))
            if not matches:
                continue
            count += len(combos) * len(matches)
            if witness is None:
                witness = {**chosen, **dict(zip(first, combos[0], strict=True))}
                witness.update(zip(second, matches[0], strict=True))
            if count >= 2:
                break
        if count >= 2:
            break
    for i in free:
        count *= len(options[i])
    if witness is None:
        return 0, None
    return min(count, 2), tuple(witness.get(i, options[i][0]) for i in range(len(open_keys)))


def _int(value: int | Decimal | None) -> int | None:
    if value is None:
        return None
    return int(value) if value == int(value) else None


def _result_leaves(keys: Sequence[str]) -> list[str] | None:
    """The result rows that add up to ``total`` (R2), or None when one is missing."""
    present = set(keys)
    leaves = ["granted", "partially_granted"]
    if not present.issuperset(leaves):
        return None
    for group in _GROUPS:
        children = [spec.key for spec in APP_ROWS if spec.group == group]
        if present.issuperset(children):
            leaves.extend(children)
        elif group in present:  # a printed subtotal, or the single 2019 （六） row
            leaves.append(group)
        else:
            return None
    return leaves


def check_applications(table: CanonicalTable) -> list[Check]:
    out: list[Check | None] = []
    keys = [r.key for r in table.rows]
    results = [k for k in keys if k not in _TOP]
    leaves = _result_leaves(keys)
    groups = {g: [k for k in results if k.startswith(g + ".")] for g in _GROUPS if g in keys}
    for col in table.columns:
        # R1: new + carried over = total + carried forward
        out.append(_r1(table, col))
        # R2: total = sum of the result rows
        if leaves:
            out.append(_rule("R2", table, ("total", col), [(k, col) for k in leaves], f"R2 ({col})"))
        # R5: printed group subtotals = sum of their children
        for group, children in groups.items():
            if children:
                parts = [(k, col) for k in children]
                out.append(_rule("R5", table, (group, col), parts, f"R5 ({group}, {col})"))
    six = [c for c in table.columns if c not in ("total", "org_subtotal")]
    for key in keys:
        out.append(_rule("R3", table, (key, "total"), [(key, c) for c in six], f"R3 ({key})"))
        if "org_subtotal" in table.columns:
            out.append(
                _rule(
                    "R3",
                    table,
                    (key, "org_subtotal"),
                    [(key, c) for c in APP_ORG_COLUMNS],
                    f"R3 ({key}, org_subtotal)",
                )
            )
    out.extend(_r9(table))
    return _with_culprits([c for c in out if c is not None])


def check_review(table: CanonicalTable) -> list[Check]:
    out: list[Check | None] = []
    for row in table.rows:
        out.append(
            _rule(
                "R4",
                table,
                (row.key, "total"),
                [(row.key, c) for c in ("upheld", "corrected", "other", "pending")],
                f"R4 ({row.key})",
            )
        )
    out.extend(_r9(table))
    return _with_culprits([c for c in out if c is not None])


def check_active(table: CanonicalTable) -> list[Check]:
    return _with_culprits([c for c in _r9(table) if c is not None])


def _r9(table: CanonicalTable) -> list[Check | None]:
    """R9: counts are non-negative integers (``change`` may be negative); money is a non-negative decimal."""
    out: list[Check | None] = []
    active = table.name == "active_disclosure"
    for row in table.rows:
        for column, cell in row.cells:
            value = cell.value
            if cell.state is not CellState.NUMBER or value is None:
                continue
            if active and column in AD_MONEY_COLUMNS:
                ok = value >= 0
            else:
                signed = active and column in AD_SIGNED_COLUMNS
                ok = (signed or value >= 0) and (type(value) is int or value == int(value))
            if not ok:
                out.append(
                    Check(
                        rule="R9",
                        table=table.name,
                        cells=(f"{row.key}:{column}",),
                        expected=None,
                        actual=None,
                        passed=False,
                        target=f"{row.key}:{column}",
                        message=f"R9: {row.key}:{column} = {cell.raw!r} is not a non-negative whole count.",
                    )
                )
    return out


def _with_culprits(checks: list[Check]) -> list[Check]:
    """Name, on each failed check, the cell that also breaks another rule (the likely culprit)."""
    failed = [c for c in checks if not c.passed]
    counts = Counter(cell for c in failed for cell in c.cells)
    out: list[Check] = []
    for check in checks:
        if check.passed:
            out.append(check)
            continue
        shared = [cell for cell in check.cells if counts[cell] >= 2]
        best = max((counts[c] for c in shared), default=0)
        top = [c for c in shared if counts[c] == best]
        out.append(attrs.evolve(check, culprit=top[0] if len(top) == 1 else None))
    return out
