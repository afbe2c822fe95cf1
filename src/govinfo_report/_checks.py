"""Stage 6: the consistency rules (勾稽关系, docs/format.md §4) as data.

The rule instances of each table come from :mod:`.rules` (the reading engine prunes readings
with the same ones). Blank and placeholder cells count as zero inside a sum, as long as one of
the cells added is a number. A rule is skipped when the cell it checks is not a number, when
every cell it adds up is blank (a column the report did not fill in), or when any of them is
text or missing (the parser could not read it). R7 checks the numbers the prose states
(:mod:`.statements`) against their cells. R6 and R8 need several reports (:mod:`.series`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from ._rules import Number, Rule, cell_ok, sides, table_rules, term
from ._text import memo
from .diagnostics import diag
from .model import CanonicalTable, Check, Diagnostic, Span, Statement


def _check(rule: Rule, table: CanonicalTable) -> Check | None:
    found = sides(rule, table.get)
    if found is None:
        return None
    expected, actual = found
    names, added = _names(rule)
    if rule.balance:
        message = (
            f"{rule.description}: {' + '.join(r for r, _ in rule.left)} = {expected}, "
            f"{' + '.join(r for r, _ in rule.right)} = {actual}."
        )
    else:
        message = f"{rule.description}: {added} = {expected}, {names[0]} is {actual}."
    return Check(
        rule=rule.rule,
        table=table.name,
        cells=names,
        expected=_int(expected),
        actual=_int(actual),
        passed=expected == actual,
        target=f"{rule.target[0]}:{rule.target[1]}",
        message=message,
    )


@memo(1024)
def _names(rule: Rule) -> tuple[tuple[str, ...], str]:
    """A rule's cells as ``row:column``, and how its message names what it adds (the same rules
    run on every report)."""
    names = tuple(f"{r}:{c}" for r, c in rule.cells)
    parts = names[1:]
    return names, " + ".join(parts) if len(parts) <= 6 else f"the {len(parts)} cells it sums"


def _run(table: CanonicalTable) -> list[Check]:
    rules = table_rules(table.name, [r.key for r in table.rows], table.columns)
    out = [c for c in (_check(rule, table) for rule in rules) if c is not None]
    out.extend(_r9(table))
    return _with_culprits(out)


def check_applications(table: CanonicalTable) -> list[Check]:
    """R1, R2, R3, R5 and R9 on table 3."""
    return _run(table)


def check_review(table: CanonicalTable) -> list[Check]:
    """R4 and R9 on table 4."""
    return _run(table)


def check_active(table: CanonicalTable) -> list[Check]:
    """R9 on table 2."""
    return _run(table)


def _int(value: int | Decimal | None) -> int | None:
    if value is None:
        return None
    return int(value) if value == int(value) else None


def _r9(table: CanonicalTable) -> list[Check]:
    """R9: counts are non-negative integers (``change`` may be negative); money is a non-negative decimal."""
    out: list[Check] = []
    for row in table.rows:
        for column, cell in row.cells:
            if cell_ok(table.name, column, cell):
                continue
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


CHECKS: dict[str, Callable[[CanonicalTable], list[Check]]] = {
    "applications": check_applications,
    "review_litigation": check_review,
    "active_disclosure": check_active,
}


def check_statements(statements: Sequence[Statement], canonical: dict[str, CanonicalTable]) -> list[Check]:
    """R7: each linked statement of the prose against the cells it speaks of.

    A statement whose wording leaves its scope open (收到申请N件: new requests, or new and
    carried-over ones) passes when one scope holds, and the check names the cells of the one that
    did; it fails only when every scope can be added up and none gives the number. It is skipped
    when a cell of a scope is missing or text, or none is a number.
    """
    out: list[Check] = []
    for statement in statements:
        table = canonical.get(statement.table or "")
        if table is None or not statement.scopes:
            continue
        sums: list[tuple[tuple[str, ...], tuple[tuple[str, str], ...], Number]] = []
        for scope, refs in zip(statement.scopes, statement.refs, strict=True):
            total, unusable, number = term(table.get(*ref) for ref in refs)
            if unusable or not number:
                break
            sums.append((scope, refs, total))
        else:
            out.append(_r7(statement, table, sums))
    return out


def _r7(
    statement: Statement,
    table: CanonicalTable,
    sums: list[tuple[tuple[str, ...], tuple[tuple[str, str], ...], Number]],
) -> Check:
    matched = [found for found in sums if found[2] == statement.value]
    scope, refs, total = matched[0] if matched else sums[0]
    lines = sorted({line for ref in refs if (line := table.get(*ref).line) is not None})
    where = f"line {', '.join(map(str, lines))}" if lines else "the table"
    open_scope = len(statement.scopes) > 1
    said = f"R7: the prose on line {statement.line} says {statement.phrase}"
    if matched:
        how = " (its wording leaves the scope open; this one holds)" if open_scope else ""
        message = f"{said}; {' + '.join(scope)} = {total} ({where}){how}."
    else:
        found = "; ".join(f"{' + '.join(s)} = {t}" for s, _, t in sums)
        message = f"{said}; the table ({where}) gives {found}."
    # a failure involves every cell its wording may count; a pass, the cells of the scope that held
    cells = scope if matched else tuple(dict.fromkeys(name for s, _, _ in sums for name in s))
    return Check(
        rule="R7",
        table=table.name,
        cells=cells,
        expected=_int(statement.value),
        actual=_int(total),
        passed=bool(matched),
        target=scope[0],
        message=message,
        line=statement.line,
    )


def run_checks(
    canonical: dict[str, CanonicalTable],
    diagnostics: list[Diagnostic],
    statements: Sequence[Statement] = (),
) -> list[Check]:
    """Every table's checks, then R7 on the prose's statements; a ``check.failed`` diagnostic for
    each that fails, on its row (R7: on the statement's line)."""
    results: list[Check] = []
    for kind, run in CHECKS.items():
        if kind not in canonical:
            continue
        table = canonical[kind]
        for check in run(table):
            results.append(check)
            if not check.passed:
                row = next((r for r in table.rows if check.target.startswith(r.key + ":")), None)
                diagnostics.append(diag("check.failed", check.message, row.span if row is not None else None))
    for check in check_statements(statements, canonical):
        results.append(check)
        if not check.passed and check.line is not None:
            diagnostics.append(diag("check.failed", check.message, Span(check.line, check.line)))
    return results


def mark_disputed(table: CanonicalTable, checks: list[Check]) -> CanonicalTable:
    """The table with each cell of a failing rule marked with the rule's id."""
    rules: dict[str, list[str]] = {}
    for check in checks:
        if check.table == table.name and not check.passed:
            for name in check.cells:
                found = rules.setdefault(name, [])
                if check.rule not in found:
                    found.append(check.rule)
    if not rules:
        return table
    rows = tuple(
        attrs.evolve(
            row,
            cells=tuple(
                (
                    column,
                    attrs.evolve(cell, disputed=tuple(sorted(rules[name])))
                    if (name := f"{row.key}:{column}") in rules
                    else cell,
                )
                for column, cell in row.cells
            ),
        )
        for row in table.rows
    )
    return attrs.evolve(table, rows=rows)
