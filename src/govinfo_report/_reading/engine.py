"""Which cells are certain: the readings the rules leave, and what they agree on.

1. **Within a unit**, the rules whose cells all lie in it (R3 on a row, R4 on table 4's groups,
   R9 on each cell) drop the readings that break them (:func:`.search.prune_local`). A number
   the prose states of a unit's cells then keeps the readings it agrees with, when it
   contradicts every other one (:mod:`.evidence`).
2. **Across units**, every combination of the open units' readings (a named limit bounds how
   many) is tried against the rules that tie rows together (R1, R2, R5): the combinations that
   break no more than every combination does survive (:func:`.search.search`).
3. A cell gets a value only when every surviving reading gives it the same value; otherwise it
   is missing, with one diagnostic for its row.
4. A row its layout does not vouch for is left missing where a rule it takes part in still
   fails, since its reading may be why: the cells of a failing rule of its own (R3, R4, R9); its
   cells in a failing rule across rows (R1, R2, R5) when its reading was chosen by the rules
   (the text alone left it several); the whole row when its label may not be its own (paired
   by order, a group's heading). A row read one way by the text alone keeps its cells when a
   rule across rows fails (the failure is the report's, or another row's); a vouched row keeps
   its cells as printed; the checks mark them as disputed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .._rules import Number, Rule, cell_ok, sides, table_rules
from ..diagnostics import diag
from ..model import Cell, CellState, Diagnostic, Span
from .evidence import Evidence, choose, stated
from .model import Candidate, Reading, Ref, Unit
from .search import Option, Where, blank_totals, linked, prune_local, search

_GLUED = ("cells.run_together_split", "cells.split_by_syntax")
_MISSING = Cell(raw="", state=CellState.MISSING)


@attrs.frozen
class Decided:
    """What the engine settled for a table."""

    cells: dict[Ref, Cell]
    """Every unit's cells: a value where certain, MISSING elsewhere."""
    sources: dict[int, Candidate]
    """Unit index → the candidate its label and lines are taken from."""
    diagnostics: tuple[Diagnostic, ...]


def decide(
    table: str, units: Sequence[Unit], columns: Sequence[str], evidence: Sequence[Evidence] = ()
) -> Decided:
    """Settle the cells of ``units`` (in table order) against the table's rules, and the
    numbers the prose states of them (``evidence``, see :mod:`.evidence`)."""
    where: Where = {ref: (u, p) for u, unit in enumerate(units) for p, ref in enumerate(unit.refs)}
    keys = list(dict.fromkeys(k for unit in units for k in unit.keys))
    rules = table_rules(table, keys, columns)
    touched = [sorted({where[r][0] for r in rule.cells if r in where}) for rule in rules]
    strict = not blank_totals(units, rules, where)
    notes: list[Diagnostic] = []
    options = [_options(unit) for unit in units]
    initial = [list(o) for o in options]
    always: dict[int, tuple[list[Rule], list[int]]] = {}  # what every reading of a unit breaks
    for u, unit in enumerate(units):
        if unit.vouched and len(options[u]) == 1:
            continue  # its one reading stands, whatever it breaks: the report's own error
        local = [rule for rule, on in zip(rules, touched, strict=True) if on == [u]]
        options[u], broken_rules, broken_cells = prune_local(
            table, unit, options[u], local, where, strict=strict
        )
        if broken_rules or broken_cells:
            always[u] = (broken_rules, broken_cells)
    notes.extend(choose(units, options, where, evidence))
    forced = [unit.forced for unit in units]  # read one way by the text alone
    cross = [(rule, on) for rule, on in zip(rules, touched, strict=True) if len(on) > 1]
    supported = [list(range(len(o))) for o in options]
    confirmed: set[Ref] = set()  # cells of a rule that held in every combination the rules left
    for group in linked([on for _, on in cross], [len(o) > 1 for o in options]):
        found = search(group, cross, options, where, strict=strict)
        if found is None:
            message = (
                f"{len(group)} rows have too many combinations of readings to try; "
                "the cells their readings disagree on are missing."
            )
            notes.append(diag("limits.readings", message, _span([units[u] for u in group])))
            continue
        kept, held = found
        for u in group:
            supported[u] = kept[u]
        confirmed.update(ref for rule in held for ref in rule.cells)
    cells: dict[Ref, Cell] = {}
    sources: dict[int, Candidate] = {}
    for u, unit in enumerate(units):
        chosen = [options[u][k] for k in supported[u]]
        sources[u] = unit.candidates[chosen[0][0]] if unit.candidates else Candidate("", Span(1, 1), "", ())
        cells.update(_agree(unit, chosen, notes))
    _unconfirmed(table, units, list(zip(rules, touched, strict=True)), forced, always, cells, notes)
    _unsupported(units, initial, forced, cross, confirmed, stated(evidence, cells), cells, notes)
    return Decided(cells, sources, tuple(notes))


def _unsupported(
    units: Sequence[Unit],
    initial: Sequence[Sequence[Option]],
    forced: Sequence[bool],
    cross: Sequence[tuple[Rule, Sequence[int]]],
    confirmed: set[Ref],
    prose: dict[Ref, Evidence],
    cells: dict[Ref, Cell],
    notes: list[Diagnostic],
) -> None:
    """Leave missing a cell the rules chose (its row's readings disagree on it, or it is a split
    the row rule picked among the digits' readings) that a rule across rows could confirm but
    none does: the row's own rule alone may pick a wrong split by chance when a cell was lost. A
    cell whose value the prose states (``prose``) is kept."""
    if all(unit.vouched or forced[u] for u, unit in enumerate(units)):
        return
    # only rules over a row read neither as vouched nor as forced matter here
    cross = [(rule, on) for rule, on in cross if any(not units[u].vouched and not forced[u] for u in on)]
    get = _lookup(cells)
    held = {
        ref
        for rule, _ in cross
        if (found := sides(rule, get)) is not None and found[0] == found[1]
        for ref in rule.cells
    } | confirmed
    tied = {ref for rule, _ in cross for ref in rule.cells}
    for u, unit in enumerate(units):
        if unit.vouched or forced[u]:
            continue
        # run-together digits are split by the row's rule: readings that agree on a cell agree
        # by that rule, which a lost cell can satisfy by chance as well
        by_rule = all(r.code == "cells.run_together_split" for _, r in initial[u])
        lost = []
        for p, ref in enumerate(unit.refs):
            cell = cells[ref]
            if cell.state is CellState.MISSING or ref not in tied or ref in held:
                continue
            readings = {(r.cells[p].state, r.cells[p].value) for _, r in initial[u]}
            if len(initial[u]) == 1 or by_rule or len(readings) > 1:
                lost.append(ref)
        candidate = unit.candidates[0] if unit.candidates else None
        kept = [ref for ref in lost if ref in prose]
        lost = [ref for ref in lost if ref not in prose]
        for ref in kept:
            message = (
                f"{unit.what}: {ref[1]} chosen by its own rule alone is kept: {prose[ref].where} states it."
            )
            notes.append(diag("cells.fixed_by_prose", message, candidate.span if candidate else None))
        for ref in lost:
            cells[ref] = Cell(raw=cells[ref].raw, state=CellState.MISSING, line=cells[ref].line)
        if lost:
            names = ", ".join(c for _, c in lost)
            message = (
                f"{unit.what}: {names} chosen by its own rule alone, and no rule across rows "
                "confirms them; left missing."
            )
            notes.append(diag("cells.unconfirmed", message, candidate.span if candidate else None))


def _options(unit: Unit) -> list[Option]:
    found = [(c, r) for c, candidate in enumerate(unit.candidates) for r in candidate.readings]
    if not found:  # printed but unreadable: the row's cells are unknown to every rule
        found = [(0, Reading((_MISSING,) * len(unit.refs), "unreadable"))]
    return found


def _agree(unit: Unit, chosen: Sequence[Option], notes: list[Diagnostic]) -> dict[Ref, Cell]:
    """The unit's cells: where every surviving reading agrees, that cell; elsewhere MISSING."""
    candidate = unit.candidates[chosen[0][0]] if unit.candidates else None
    raw = candidate.raw if candidate else ""
    line = candidate.span.start if candidate else None
    out: dict[Ref, Cell] = {}
    doubtful: list[str] = []
    unknown: list[str] = []
    single = len(unit.keys) == 1
    alone = len(chosen) == 1
    cells = chosen[0][1].cells
    for p, ref in enumerate(unit.refs):
        first = cells[p]
        seen = 1 if alone else len({(r.cells[p].state, r.cells[p].value) for _, r in chosen})
        if seen == 1 and first.state is not CellState.MISSING:
            out[ref] = first
        else:
            out[ref] = Cell(raw=raw, state=CellState.MISSING, line=line)
            (doubtful if seen > 1 else unknown).append(ref[1] if single else f"{ref[0]}:{ref[1]}")
    notes.extend(_row_notes(unit, chosen, doubtful, unknown))
    return out


def _row_notes(
    unit: Unit, chosen: Sequence[Option], doubtful: Sequence[str], unknown: Sequence[str] = ()
) -> list[Diagnostic]:
    """One diagnostic for the row: why it has no reading, how it was repaired, or which cells
    its surviving readings leave in doubt or unknown."""
    if not unit.candidates:
        return []
    candidate = unit.candidates[chosen[0][0]]
    if (
        len(chosen) == 1
        and not doubtful
        and not unknown
        and chosen[0][1].code is None
        and candidate.readings
        and all(c.code is None for c in unit.candidates)
    ):
        return []  # one reading as printed, every cell known: nothing to say (most rows)
    span, raw, what, n = candidate.span, candidate.raw, unit.what, len(unit.refs)
    readings = [r for _, r in chosen]
    if not any(c.readings for c in unit.candidates):
        note = next((c.note for c in unit.candidates if c.note), None) or "no reading fits its columns"
        code = next((c.code for c in unit.candidates if c.code), None) or "cells.too_few"
        return [diag(code, f"{what}: {note}; left missing.", span)]
    if doubtful:
        message = (
            f"{what}: {raw!r} has {len(readings)} readings left by the rules; "
            f"{', '.join(doubtful)} left missing."
        )
        printed = {unit.candidates[k].printed for k, _ in chosen}
        if all(r.code in _GLUED or r.how.startswith("fewer numbers") for r in readings):
            code = "cells.run_together_ambiguous"
        elif len(unit.candidates) == 1 and min(printed) > n:
            code = "cells.extra_columns_ambiguous"
        elif len(unit.candidates) == 1 and 0 < max(printed) < n:
            code = "cells.too_few"
        else:
            code = "cells.ambiguous"
        return [diag(code, message, span)]
    notes = [diag(c.code, f"{what}: {c.note}.", span) for c in unit.candidates if c.code and c.readings]
    reading = readings[0]
    if unknown and not notes and any(r.how != "no values" for r in readings):
        # every reading left leaves these cells unknown (a reading this reader cannot enumerate)
        hows = "; ".join(dict.fromkeys(r.how for r in readings))
        message = f"{what}: {raw!r} read as: {hows}; {', '.join(unknown)} left missing."
        notes.append(diag("cells.ambiguous", message, span))
    if len(chosen) == 1 and reading.code is not None:
        message = f"{what}: {raw!r} read with {reading.how}, the only reading the rules allow."
        if reading.code == "cells.run_together_split":
            message = f"{what}: {raw!r} {reading.how}, the only reading the rules allow."
        elif reading.code == "cells.split_by_syntax":
            message = (
                f"{what}: {raw!r} {reading.how}, the only reading without leading zeros; no rule checks it."
            )
        notes.append(diag(reading.code, message, span))
    return notes


def _unconfirmed(
    table: str,
    units: Sequence[Unit],
    rules: Sequence[tuple[Rule, Sequence[int]]],
    forced: Sequence[bool],
    always: dict[int, tuple[list[Rule], list[int]]],
    cells: dict[Ref, Cell],
    notes: list[Diagnostic],
) -> None:
    """Leave missing what a failing rule may say a reading got wrong, in rows the layout does
    not vouch for (see the module docstring, step 4)."""
    if all(unit.vouched for unit in units):
        return  # a vouched row's arithmetic errors are the report's
    get = _lookup(cells)
    doubted: dict[int, tuple[set[Ref], str]] = {}

    def doubt(u: int, refs: Sequence[Ref], why: str) -> None:
        if not units[u].vouched:
            found = doubted.setdefault(u, (set(), why))
            found[0].update(refs)

    for u, (broken_rules, positions) in always.items():
        for rule in broken_rules:
            doubt(u, rule.cells, _failing(rule, sides(rule, get)))
        if positions:
            doubt(u, [units[u].refs[p] for p in positions], "R9 (a count is a whole number) fails")
    for rule, on in rules:
        if all(units[u].vouched for u in on):
            continue  # nothing to doubt: see ``doubt``
        found = sides(rule, get)
        if found is None or found[0] == found[1]:
            continue
        for u in on:
            if len(on) == 1 or (units[u].bound and not forced[u]):
                doubt(u, rule.cells, _failing(rule, found))
            elif not units[u].bound:
                doubt(u, units[u].refs, _failing(rule, found))
    for u, unit in enumerate(units):
        if not unit.vouched:
            for ref in unit.refs:
                if not cell_ok(table, ref[1], cells[ref]):
                    doubt(u, [ref], "R9 (a count is a whole number) fails")
    for u, (refs, why) in sorted(doubted.items()):
        unit = units[u]
        candidate = unit.candidates[0] if unit.candidates else None
        lost = [r for r in unit.refs if r in refs and cells[r].state is not CellState.MISSING]
        for ref in lost:
            cells[ref] = Cell(
                raw=candidate.raw if candidate else "", state=CellState.MISSING, line=cells[ref].line
            )
        if lost:
            message = f"{unit.what}: its layout does not vouch for its cells and {why}; left missing."
            notes.append(diag("cells.unconfirmed", message, candidate.span if candidate else None))


def _lookup(cells: dict[Ref, Cell]) -> Callable[[str, str], Cell]:
    """The decided cells as :func:`..rules.sides` reads them (MISSING where there is none)."""
    return lambda row, column: cells.get((row, column), _MISSING)


def _failing(rule: Rule, found: tuple[Number, Number] | None) -> str:
    """``R4 (review) fails (11 against 0)``: the rule and, where its cells are known, its sides."""
    if found is None:
        return f"{rule.description} fails"
    return f"{rule.description} fails ({found[0]} against {found[1]})"


def _span(units: Sequence[Unit]) -> Span | None:
    spans = [c.span for unit in units for c in unit.candidates]
    return Span(min(s.start for s in spans), max(s.end for s in spans)) if spans else None
