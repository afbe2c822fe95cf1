"""Stage 5: rebuilt grids → the canonical tables of the detected template (SPEC.md §2).

Each grid row is read as a label (its text cells) and its values (the cells after the label).
Labels are matched after folding, most specific first, then by item number within their group,
then with a small error budget. Values printed apart from their labels (PDF text) are paired
by order only when the counts agree. A row's cells are placed by the template's column count;
extra, missing and run-together cells are settled by the arithmetic rules or left missing.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

import attrs
import regex

from . import limits
from .diagnostics import diag
from .model import Cell, CellState, Diagnostic, ExtraRow, GridCell, Row, Span
from .splitting import SplitResult, groups_total_is_sum, split_run, total_is_sum
from .text import fold
from .values import clean, is_numeric_run, is_value_text, parse_cell
from .vocab import (
    AD_BLOCKS,
    AD_COLUMNS,
    AD_HEADER_WORDS,
    AD_MONEY_COLUMNS,
    AD_MONEY_UNIT_DEFAULT,
    AD_ROWS,
    AD_SIGNED_COLUMNS,
    APP_COLUMNS,
    APP_COLUMNS_WITH_SUBTOTAL,
    APP_GROUPS,
    APP_HEADER_WORDS,
    APP_ROWS,
    APP_SUBTOTAL_HEADER,
    RL_COLUMNS,
    RL_GROUP_PATTERNS,
    RL_GROUPS,
    AppRowSpec,
)

Values = tuple[int | Decimal | None, ...]


# --------------------------------------------------------------------------- row views


@attrs.frozen
class RowView:
    """A grid row read as label + values."""

    label: str
    values: tuple[GridCell, ...]
    line: int
    last_line: int

    @property
    def has_values(self) -> bool:
        return bool(self.values)

    @property
    def span(self) -> Span:
        return Span(self.line, max(self.line, self.last_line))


_INLINE_VALUE = regex.compile(
    r"^(?P<label>.{2,200}?)[:：]\s*(?P<value>[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|万)?)$"
)


def row_views(rows: Sequence[Sequence[GridCell]]) -> list[RowView]:
    """Read every grid row as label + values (spanned positions dropped)."""
    out: list[RowView] = []
    for row in rows:
        cells = [c for c in row if not c.spanned]
        if not cells:
            continue
        last_text = -1
        for i, cell in enumerate(cells):
            if cell.text.strip() and not is_value_text(cell.text) and not is_numeric_run(cell.text):
                last_text = i
        label_cells = [c for c in cells[: last_text + 1] if c.text.strip()]
        values = tuple(cells[last_text + 1 :])
        label = "".join(c.text.strip() for c in label_cells) if label_cells else ""
        if label_cells and any(" " in c.text for c in label_cells):
            label = " ".join(c.text.strip() for c in label_cells)
        line = label_cells[0].line if label_cells else cells[0].line
        if not values and len(label_cells) == 1:
            m = _INLINE_VALUE.match(label)
            if m is not None:  # ``2020年本行政区域…发布总数量（非新闻类、消息类）：0``
                label = m["label"].strip()
                values = (GridCell(m["value"], label_cells[0].line),)
        out.append(RowView(label, values, line, max(c.line for c in cells)))
    return out


# --------------------------------------------------------------------------- label matching


@attrs.frozen
class Match:
    key: str | None
    """Row key, or None."""
    group: str | None = None
    """Group key when the label names a group (and no row)."""
    how: str = "exact"
    """``exact``, ``numbered`` or ``fuzzy``."""


_NUMBERED = regex.compile(r"([1-9])\p{Han}")
_CHILDREN: dict[str, dict[int, AppRowSpec]] = {}
for _spec in APP_ROWS:
    if _spec.group is not None and _spec.number is not None:
        _CHILDREN.setdefault(_spec.group, {})[_spec.number] = _spec
_GROUP_PATTERNS: tuple[tuple[str, str], ...] = tuple((g.key, p) for g in APP_GROUPS for p in g.patterns)


def _overlap(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return len(set(a) & set(b)) / len(set(b))


def match_app_label(folded: str, group: str | None) -> Match | None:
    """Which table 3 row (or group) a folded label names; ``group`` is the group in force."""
    if not folded:
        return None
    best: tuple[int, AppRowSpec] | None = None
    for spec in APP_ROWS:
        for pattern in spec.patterns:
            if pattern in folded and (best is None or len(pattern) > best[0]):
                best = (len(pattern), spec)
    if best is not None:
        return Match(best[1].key)
    for key, pattern in _GROUP_PATTERNS:
        if pattern in folded:
            return Match(None, group=key)
    numbered = list(_NUMBERED.finditer(folded))
    if numbered and group in _CHILDREN:
        last = numbered[-1]
        child = _CHILDREN[group].get(int(last.group(1)))
        rest = folded[last.start(1) + 1 :]
        if child is not None:
            if not child.patterns:
                if rest.startswith("其他"):
                    return Match(child.key, how="numbered")
            elif _overlap(rest, child.patterns[0]) >= 0.5:
                return Match(child.key, how="numbered")
    if len(folded) <= limits.MAX_FUZZY_LABEL_CHARS:
        found: list[tuple[int, AppRowSpec]] = []
        for spec in APP_ROWS:
            for pattern in spec.patterns[:1]:
                budget = len(pattern) // 6
                if budget < 1 or len(folded) < len(pattern) * 0.6:
                    continue
                hit = regex.search(
                    f"(?:{regex.escape(pattern)}){{e<={budget}}}", folded, flags=regex.BESTMATCH
                )
                if hit is not None:
                    found.append((sum(hit.fuzzy_counts), spec))
        if found:
            found.sort(key=lambda f: f[0])
            if len(found) == 1 or found[0][0] < found[1][0]:
                return Match(found[0][1].key, how="fuzzy")
    return None


def _is_app_header(folded: str, view: RowView) -> bool:
    if any(c.text.strip() and is_numeric_run(c.text.strip()) for c in view.values):
        return False
    if any(w in folded for w in APP_HEADER_WORDS):
        return True
    keys = {s.key for s in APP_ROWS for p in s.patterns if p in folded}
    return len(keys) >= 3


# --------------------------------------------------------------------------- cell placement


@attrs.frozen
class Placed:
    """The outcome of fitting a row's value cells to the template's columns."""

    cells: tuple[Cell, ...] | None
    """The cells, or None when no honest reading exists."""
    candidates: tuple[tuple[Cell, ...], ...] = ()
    """Readings still possible when ``cells`` is None (for the cross-row rules to choose from)."""
    diagnostic: Diagnostic | None = None


CellFactory = Callable[[str, int, int], Cell]
"""(text, line, column index) → Cell."""


def _blank(cell: GridCell) -> bool:
    return not cell.text.strip()


def place(
    values: Sequence[GridCell],
    n: int,
    make: CellFactory,
    *,
    accept: Callable[[Values], bool] | None,
    signed: frozenset[int] = frozenset(),
    decimal_last: bool = False,
    what: str,
    span: Span,
    split_rule: Callable[[tuple[int | Decimal, ...]], bool] | None = None,
) -> Placed:
    """Fit value cells to ``n`` columns; ``accept`` is the row rule that may choose a reading."""
    vals = list(values)
    while len(vals) > n and _blank(vals[-1]):
        vals.pop()
    while len(vals) > n and _blank(vals[0]):
        vals.pop(0)
    if len(vals) == n:
        return Placed(tuple(make(c.text, c.line, i) for i, c in enumerate(vals)))
    if len(vals) > n:
        windows = [
            tuple(make(c.text, c.line, i) for i, c in enumerate(vals[k : k + n]))
            for k in range(len(vals) - n + 1)
        ]
        readings = {tuple((c.state, c.value) for c in w) for w in windows}
        if len(readings) == 1:
            return Placed(
                windows[0],
                diagnostic=diag(
                    "cells.extra_columns",
                    f"{what}: {len(vals)} cells where {n} are expected; every reading gives the same values.",
                    span,
                ),
            )
        if accept is not None:
            fitting = [w for w in windows if accept(tuple(c.value for c in w))]
            if len(fitting) == 1:
                return Placed(
                    fitting[0],
                    diagnostic=diag(
                        "cells.extra_columns",
                        f"{what}: {len(vals)} cells where {n} are expected; "
                        "one reading satisfies the row rule.",
                        span,
                    ),
                )
        return Placed(
            None,
            diagnostic=diag(
                "cells.extra_columns_ambiguous",
                f"{what}: {len(vals)} cells where {n} are expected and several readings remain.",
                span,
            ),
        )
    # a cell holding several numbers separated by spaces: each is a token; a space is never inside a number
    tokens = [GridCell(piece, c.line) for c in vals for piece in c.text.split()]
    if len(tokens) == n and all(is_value_text(t.text) for t in tokens):
        return Placed(tuple(make(t.text, t.line, i) for i, t in enumerate(tokens)))
    if tokens and all(is_numeric_run(t.text) for t in tokens):
        return _split(
            tokens,
            n,
            make,
            split_rule=split_rule,
            signed=signed,
            decimal_last=decimal_last,
            what=what,
            span=span,
        )
    return Placed(
        None,
        diagnostic=diag(
            "cells.too_few", f"{what}: {len(vals)} cell(s) where {n} are expected; left missing.", span
        ),
    )


_UNIT = regex.compile(r"(万元|亿元|元|万)$")


def _split(
    tokens: Sequence[GridCell],
    n: int,
    make: CellFactory,
    *,
    split_rule: Callable[[tuple[int | Decimal, ...]], bool] | None,
    signed: frozenset[int],
    decimal_last: bool,
    what: str,
    span: Span,
) -> Placed:
    texts = [unicodedata.normalize("NFKC", t.text).replace(",", "") for t in tokens]
    unit = ""
    m = _UNIT.search(texts[-1])
    if m is not None:
        unit = m.group(1)
        texts[-1] = texts[-1][: m.start()]
    joined = "".join(texts)
    bounds: set[int] = set()
    pos = 0
    for t in texts[:-1]:
        pos += len(t)
        bounds.add(pos)
    result: SplitResult = (
        split_run(joined, n, accept=split_rule, signed=signed, decimal_last=decimal_last)
        if split_rule is not None
        else split_run(joined, n, signed=signed, decimal_last=decimal_last)
    )
    readings: list[tuple[str, ...]] = []
    for fields in result.candidates:
        cuts = set(itertools.accumulate(len(f) for f in fields[:-1]))
        if bounds <= cuts:  # a space between tokens is never inside a number
            readings.append(fields)
    line = tokens[0].line

    def cells_of(fields: tuple[str, ...]) -> tuple[Cell, ...]:
        last = len(fields) - 1
        return tuple(make(f + (unit if i == last else ""), line, i) for i, f in enumerate(fields))

    raw = " ".join(t.text for t in tokens)
    if result.truncated:
        return Placed(
            None,
            diagnostic=diag(
                "limits.split_truncated",
                f"{what}: too many readings of {raw!r} to enumerate; left missing.",
                span,
            ),
        )
    if len(readings) == 1:
        return Placed(
            cells_of(readings[0]),
            diagnostic=diag(
                "cells.run_together_split",
                f"{what}: {raw!r} read as {' | '.join(readings[0])}, the only reading the rules allow.",
                span,
            ),
        )
    if not readings:
        return Placed(
            None,
            diagnostic=diag(
                "cells.too_few", f"{what}: {raw!r} cannot be read as {n} cells; left missing.", span
            ),
        )
    return Placed(
        None,
        candidates=tuple(cells_of(r) for r in readings),
        diagnostic=diag(
            "cells.run_together_ambiguous",
            f"{what}: {raw!r} has {len(readings)} readings as {n} cells; left missing.",
            span,
        ),
    )


# --------------------------------------------------------------------------- results


@attrs.frozen
class Mapped:
    rows: tuple[Row, ...]
    extra_rows: tuple[ExtraRow, ...]
    diagnostics: tuple[Diagnostic, ...]
    columns: tuple[str, ...]


def _sum_rule(n: int) -> Callable[[Values], bool]:
    def rule(values: Values) -> bool:
        if any(v is None for v in values):
            return True
        nums = [v for v in values if v is not None]
        if n == 8:
            return nums[6] == sum(nums[1:6]) and nums[7] == nums[0] + nums[6]
        return nums[-1] == sum(nums[:-1])

    return rule


def _subtotal_split_rule(values: tuple[int | Decimal, ...]) -> bool:
    return values[6] == sum(values[1:6]) and values[7] == values[0] + values[6]


# --------------------------------------------------------------------------- table 3


def map_applications(views: Sequence[RowView], *, template: str | None) -> Mapped:
    """Table 3 rows under SPEC.md §2.2 keys."""
    diagnostics: list[Diagnostic] = []
    header_text = "".join(fold(v.label) for v in views if not any(c.text.strip() for c in v.values))
    columns = APP_COLUMNS_WITH_SUBTOTAL if APP_SUBTOTAL_HEADER in header_text else APP_COLUMNS
    n = len(columns)
    if n == 8:
        diagnostics.append(diag("table.header_columns"))

    # 1. classify rows
    group: str | None = None
    bound: list[tuple[str, RowView, str]] = []  # key, view, how
    pending: list[tuple[str, RowView, str]] = []  # label without values
    loose: list[tuple[int, RowView, bool]] = []  # (order, view, has_label) values without a known label
    order: dict[int, int] = {}
    for index, view in enumerate(views):
        folded = fold(view.label)
        order[id(view)] = index
        if folded and _is_app_header(folded, view):
            continue
        match = match_app_label(folded, group) if folded else None
        if match is None:
            if view.has_values and any(c.text.strip() for c in view.values):
                loose.append((index, view, bool(folded)))
            continue
        if match.key is None:
            group = match.group
            if view.has_values and match.group in ("other", "withheld", "unavailable", "not_processed"):
                bound.append((match.group or "", view, "exact"))
            continue
        spec_group = next(s.group for s in APP_ROWS if s.key == match.key)
        group = spec_group
        if view.has_values:
            bound.append((match.key, view, match.how))
        else:
            pending.append((match.key, view, match.how))

    # 2. pair labels printed apart from their values, by order, when the counts agree
    with_values = {key for key, _, _ in bound}
    waiting: list[tuple[str, RowView, str]] = []
    for key, view, how in pending:
        if key not in with_values and all(key != k for k, _, _ in waiting):
            waiting.append((key, view, how))
    plain = [entry for entry in loose if not entry[2]]
    chosen: list[tuple[int, RowView, bool]] = []
    if waiting:
        if len(loose) == len(waiting):
            chosen = loose
        elif len(plain) == len(waiting):
            chosen = plain
    if chosen:
        for (key, label_view, how), (_, value_view, _) in zip(waiting, chosen, strict=True):
            merged = RowView(
                label_view.label,
                value_view.values,
                min(label_view.line, value_view.line),
                max(label_view.last_line, value_view.last_line),
            )
            bound.append((key, merged, how))
            diagnostics.append(
                diag(
                    "row.bound_by_order",
                    (
                        f"Row {key}: values on line {value_view.line} paired with label "
                        f"on line {label_view.line} "
                        "by order."
                    ),
                    merged.span,
                )
            )
        used = {id(v) for _, v, _ in chosen}
        loose = [entry for entry in loose if id(entry[1]) not in used]
    else:
        for key, view, _ in waiting:
            diagnostics.append(
                diag("row.missing", f"Row {key}: label found without values; cells missing.", view.span)
            )
    extra_rows: list[ExtraRow] = []
    for _, view, has_label in loose:
        if has_label:
            extra_rows.append(
                ExtraRow(
                    "applications",
                    view.label,
                    tuple(parse_cell(c.text, line=c.line) for c in view.values),
                    view.span,
                )
            )
            diagnostics.append(
                diag("row.extra", f"Row {view.label!r} is not in the template; kept as extra.", view.span)
            )
        else:
            diagnostics.append(
                diag(
                    "row.unbound_values",
                    f"Values on line {view.line} could not be paired with a row label.",
                    view.span,
                )
            )

    # 3. place each row's cells
    def make(text: str, line: int, _i: int) -> Cell:
        return _annotated(parse_cell(text, line=line), diagnostics, line)

    bound.sort(key=lambda b: order.get(id(b[1]), b[1].line))
    placed: dict[str, tuple[RowView, Placed]] = {}
    for key, view, how in bound:
        if key in placed:
            diagnostics.append(
                diag("row.duplicate", f"Row {key} appears again on line {view.line}; ignored.", view.span)
            )
            continue
        if how == "numbered":
            diagnostics.append(
                diag("row.numbered_label", f"Row {key}: label {view.label!r} read by its number.", view.span)
            )
        elif how == "fuzzy":
            diagnostics.append(
                diag("row.fuzzy_label", f"Row {key}: label {view.label!r} matched loosely.", view.span)
            )
        rule = _sum_rule(n)
        split_rule = _subtotal_split_rule if n == 8 else total_is_sum(n)
        placed[key] = (
            view,
            place(
                view.values, n, make, accept=rule, what=f"Row {key}", span=view.span, split_rule=split_rule
            ),
        )

    # 4. settle rows with several readings by the column rules (R1, R2)
    _settle(placed, columns, diagnostics)

    rows: list[Row] = []
    for key in _ordered_keys(placed):
        view, result = placed[key]
        if result.diagnostic is not None:
            diagnostics.append(result.diagnostic)
        cells = (
            result.cells
            if result.cells is not None
            else tuple(Cell(raw=_raw(view), state=CellState.MISSING, line=view.line) for _ in columns)
        )
        rows.append(Row(key, view.label, tuple(zip(columns, cells, strict=True)), view.span))
    if template == "2021" and "other" in placed and not any(k.startswith("other.") for k in placed):
        diagnostics.append(diag("row.single_other", None, placed["other"][0].span))
    present = {r.key for r in rows}
    expected = [s.key for s in APP_ROWS if (template or "2019") in s.templates]
    if template == "2021" and "other" in present:
        expected = [k for k in expected if not k.startswith("other.")]
    missing = [k for k in expected if k not in present and k.partition(".")[0] not in present - {k}]
    missing = [k for k in missing if not (k.startswith("other.") and "other" in present)]
    if missing and rows:
        diagnostics.append(diag("row.missing", "Rows not found: " + ", ".join(missing) + "."))
    return Mapped(tuple(rows), tuple(extra_rows), tuple(diagnostics), columns)


def _raw(view: RowView) -> str:
    return " ".join(c.text for c in view.values)


def _annotated(cell: Cell, diagnostics: list[Diagnostic], line: int) -> Cell:
    if cell.note is not None:
        diagnostics.append(
            diag("cells.annotated", f"Cell {cell.raw!r}: number and note kept.", Span(line, line))
        )
    elif cell.state is CellState.TEXT:
        diagnostics.append(
            diag("cells.text", f"Cell {cell.raw!r} holds text where a number was expected.", Span(line, line))
        )
    return cell


def _ordered_keys(placed: dict[str, tuple[RowView, Placed]]) -> list[str]:
    """Template order; a printed group subtotal sorts just before its first child."""
    rank: dict[str, float] = {s.key: float(i) for i, s in enumerate(APP_ROWS)}
    for group in ("withheld", "unavailable", "not_processed", "other"):
        rank[group] = min(r for k, r in rank.items() if k.startswith(group + ".")) - 0.5
    return sorted(placed, key=lambda k: rank.get(k, float(len(APP_ROWS))))


def _settle(
    placed: dict[str, tuple[RowView, Placed]], columns: Sequence[str], diagnostics: list[Diagnostic]
) -> None:
    """Choose among several readings of run-together rows with R1 and R2, if exactly one fits."""
    open_keys = [k for k, (_, p) in placed.items() if p.cells is None and p.candidates]
    if not open_keys:
        return
    options = [placed[k][1].candidates for k in open_keys]
    total = 1
    for o in options:
        total *= len(o)
    if total > limits.MAX_CONSTRAINT_COMBINATIONS:
        return
    fixed = {k: p.cells for k, (_, p) in placed.items() if p.cells is not None}
    fitting: list[tuple[tuple[Cell, ...], ...]] = []
    for combo in itertools.product(*options):
        table = dict(fixed)
        table.update(zip(open_keys, combo, strict=True))
        if _columns_hold(table, len(columns)):
            fitting.append(combo)
    if len(fitting) != 1:
        return
    for key, cells in zip(open_keys, fitting[0], strict=True):
        view, _ = placed[key]
        placed[key] = (
            view,
            Placed(
                cells,
                diagnostic=diag(
                    "cells.run_together_split",
                    f"Row {key}: {_raw(view)!r} read as {' | '.join(c.raw for c in cells)}; "
                    "the only reading that the column rules (R1, R2) allow.",
                    view.span,
                ),
            ),
        )


def _columns_hold(table: Mapping[str, tuple[Cell, ...]], width: int) -> bool:
    def val(key: str, col: int) -> int | Decimal | None:
        cells = table.get(key)
        if cells is None:
            return None
        return cells[col].value if cells[col].state is CellState.NUMBER else 0

    checked = False
    for col in range(width):
        total = val("total", col)
        results = [k for k in table if k not in ("new_requests", "carried_over", "total", "carried_forward")]
        leaves = [
            k
            for k in results
            if not (
                k in ("withheld", "unavailable", "not_processed")
                or (k == "other" and any(r.startswith("other.") for r in results))
            )
        ]
        parts = [val(k, col) for k in leaves]
        if total is not None and leaves and all(p is not None for p in parts):
            checked = True
            if sum(p for p in parts if p is not None) != total:
                return False
        new, carried, forward = (
            val("new_requests", col),
            val("carried_over", col),
            val("carried_forward", col),
        )
        if None not in (new, carried, forward, total):
            checked = True
            if new + carried != total + forward:  # type: ignore[operator]
                return False
    return checked


# --------------------------------------------------------------------------- table 2


def _ad_block(folded: str) -> str | None:
    for block in AD_BLOCKS:
        if any(p in folded for p in block.patterns):
            return block.key
    return None


def _ad_row(folded: str) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for spec in AD_ROWS:
        for pattern in spec.patterns:
            if pattern in folded and (best is None or len(pattern) > best[0]):
                best = (len(pattern), spec.block, spec.key)
    return (best[1], best[2]) if best else None


def map_active_disclosure(views: Sequence[RowView], *, template: str | None) -> Mapped:
    """Table 2 rows as ``BLOCK/ROW`` keys with the template's columns (SPEC.md §2.1)."""
    diagnostics: list[Diagnostic] = []
    rows: list[Row] = []
    extra_rows: list[ExtraRow] = []
    if template not in AD_COLUMNS:
        return Mapped(
            (), (), (diag("template.unknown", "Table 2 was not mapped: the template is unknown."),), ()
        )
    schema = AD_COLUMNS[template]
    seen: set[str] = set()
    block: str | None = None
    for view in views:
        folded = fold(view.label)
        named_block = _ad_block(folded)
        if named_block is not None:
            block = named_block
        row = _ad_row(folded)
        if row is None:
            if (
                view.has_values
                and folded
                and named_block is None
                and not any(w in folded for w in AD_HEADER_WORDS)
                and any(c.text.strip() for c in view.values)
            ):
                extra_rows.append(
                    ExtraRow(
                        "active_disclosure",
                        view.label,
                        tuple(parse_cell(c.text, line=c.line) for c in view.values),
                        view.span,
                    )
                )
                diagnostics.append(
                    diag("row.extra", f"Row {view.label!r} is not in the template; kept as extra.", view.span)
                )
            continue
        row_block, key = row
        if row_block not in schema:
            diagnostics.append(
                diag("row.extra", f"Row {view.label!r} belongs to the other template; ignored.", view.span)
            )
            continue
        full = f"{row_block}/{key}"
        if not view.has_values:
            continue
        if full in seen:
            diagnostics.append(diag("row.duplicate", f"Row {full} appears again; ignored.", view.span))
            continue
        seen.add(full)
        cols = schema[row_block]
        unit = AD_MONEY_UNIT_DEFAULT.get(template)

        def make(text: str, line: int, i: int, cols: tuple[str, ...] = cols, unit: str | None = unit) -> Cell:
            money = cols[i] in AD_MONEY_COLUMNS
            return _annotated(
                parse_cell(text, line=line, money=money, unit=unit if money else None), diagnostics, line
            )

        signed = frozenset(i for i, c in enumerate(cols) if c in AD_SIGNED_COLUMNS)
        result = place(
            view.values,
            len(cols),
            make,
            accept=None,
            signed=signed,
            decimal_last=cols[-1] in AD_MONEY_COLUMNS,
            what=f"Row {full}",
            span=view.span,
            split_rule=None,
        )
        if result.diagnostic is not None:
            diagnostics.append(result.diagnostic)
        cells = (
            result.cells
            if result.cells is not None
            else tuple(Cell(raw=_raw(view), state=CellState.MISSING, line=view.line) for _ in cols)
        )
        rows.append(Row(full, view.label, tuple(zip(cols, cells, strict=True)), view.span))
    del block
    columns = tuple(dict.fromkeys(c for cols in schema.values() for c in cols))
    return Mapped(tuple(rows), tuple(extra_rows), tuple(diagnostics), columns)


# --------------------------------------------------------------------------- table 4


def _rl_group(folded: str) -> str | None:
    for key in ("litigation_after_review", "litigation_direct", "review"):
        if any(p in folded for p in RL_GROUP_PATTERNS[key]):
            return key
    return None


def map_review_litigation(views: Sequence[RowView]) -> Mapped:
    """Table 4: three groups of five, from one row of 15, three labelled rows of 5, or a run."""
    diagnostics: list[Diagnostic] = []
    width = len(RL_COLUMNS)
    value_rows = [v for v in views if any(c.text.strip() for c in v.values)]

    def make(text: str, line: int, _i: int) -> Cell:
        return _annotated(parse_cell(text, line=line), diagnostics, line)

    def rows_from(cells: Sequence[Cell], spans: Sequence[Span]) -> tuple[Row, ...]:
        return tuple(
            Row(g, g, tuple(zip(RL_COLUMNS, cells[k * width : (k + 1) * width], strict=True)), spans[k])
            for k, g in enumerate(RL_GROUPS)
        )

    # three rows of five, each named by a label before it
    if len(value_rows) == 3 and all(len([c for c in v.values if not c.spanned]) == width for v in value_rows):
        named: dict[str, RowView] = {}
        last_group: str | None = None
        for view in views:
            group = _rl_group(fold(view.label))
            if group is not None:
                last_group = group
            if view in value_rows and last_group is not None and last_group not in named:
                named[last_group] = view
        if len(named) == 3:
            cells = [make(c.text, c.line, i) for g in RL_GROUPS for i, c in enumerate(named[g].values)]
            return Mapped(
                rows_from(cells, [named[g].span for g in RL_GROUPS]), (), tuple(diagnostics), RL_COLUMNS
            )
    values = [c for v in value_rows for c in v.values]
    if not values:
        return Mapped((), (), (), RL_COLUMNS)
    span = Span(value_rows[0].line, value_rows[-1].last_line)
    result = place(
        values,
        width * 3,
        make,
        accept=lambda vals: all(
            None in vals[k : k + width]
            or vals[k + width - 1] == sum(v for v in vals[k : k + width - 1] if v is not None)
            for k in range(0, width * 3, width)
        ),
        what="Table 4",
        span=span,
        split_rule=groups_total_is_sum(width),
    )
    if result.diagnostic is not None:
        diagnostics.append(result.diagnostic)
    if result.cells is None:
        missing = Cell(raw=" ".join(c.text for c in values), state=CellState.MISSING, line=span.start)
        return Mapped(rows_from([missing] * (width * 3), [span] * 3), (), tuple(diagnostics), RL_COLUMNS)
    return Mapped(rows_from(result.cells, [span] * 3), (), tuple(diagnostics), RL_COLUMNS)


__all__ = [
    "Mapped",
    "RowView",
    "clean",
    "map_active_disclosure",
    "map_applications",
    "map_review_litigation",
    "row_views",
]
