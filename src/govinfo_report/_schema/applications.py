"""Table 3 (收到和处理政府信息公开申请情况) under docs/format.md §2.2 keys.

1. Each row's label is matched to a template row: by its text (most specific first), by its item
   number within the group in force (``2.`` after ``1.属于国家秘密``), or with a small error budget.
2. Labels printed apart from their values (PDF text) are paired with the value rows by order,
   and only when the counts agree.
3. Each row's cells are fitted to the columns (6 applicant columns + total, or + 小计), the row
   rule R3 choosing among readings; rows still open are settled by R1/R2 when one combination fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs
import regex

from .. import limits
from .._reading import Reading, RowSpec, Unit, decide
from .._reading.evidence import Evidence
from .._reading.model import Number, RowRule
from .._reading.slots import UNKNOWN
from .._splitting import total_is_sum
from .._text import SHORT_TEXT, fold, in_group_label, memo
from .._values import is_numeric_run
from .._vocab import (
    APP_COLUMNS,
    APP_COLUMNS_WITH_SUBTOTAL,
    APP_FULL_LABELS,
    APP_GROUPS,
    APP_HEADER_WORDS,
    APP_ROWS,
    APP_SUBTOTAL_HEADER,
    APP_SUBTOTAL_ROW_LABELS,
    CHINESE_DIGITS,
    SUBROW_MARKERS,
    AppRowSpec,
)
from ..diagnostics import diag
from ..model import Diagnostic, Row
from ._habits import blank_margins, column_anchor, loose_ends, stray_values, usual_padding, usual_width
from .pairing import Classified, Labelled, pair_by_order, whole_label
from .rows import (
    count_cell,
    extras,
    rows_of,
    units,
)
from .types import Mapped
from .views import RowView

_NUMBERED = regex.compile(r"([1-9])\p{Han}")
_MIN_ITEM_START = 3
"""Characters after an item's number that make its label the start of a row's name."""
_GROUP_NUMBER = regex.compile(r"\s*[（(]([三四五六])[)）]\s*")
"""A group's item number alone on its line (``（六）``: its name went on down a vertical cell)."""
_SUBGROUP_BY_NUMBER = {CHINESE_DIGITS[g.number]: g.key for g in APP_GROUPS if g.key != "results"}
_CHILDREN: dict[str, dict[int, AppRowSpec]] = {}
for _spec in APP_ROWS:
    if _spec.group is not None and _spec.number is not None:
        _CHILDREN.setdefault(_spec.group, {})[_spec.number] = _spec
_GROUP_OF = {spec.key: spec.group for spec in APP_ROWS}
_GROUP_PATTERNS = tuple((g.key, p) for g in APP_GROUPS for p in g.patterns)
_SUBTOTAL_GROUPS = ("withheld", "unavailable", "not_processed", "other")


@attrs.frozen
class Match:
    """What a table 3 label names."""

    key: str | None
    """Row key, or None when the label names a group only."""
    group: str | None = None
    """Group key, when the label names a group (and no row)."""
    how: str = "exact"
    """``exact``, ``numbered`` (by item number in its group) or ``fuzzy``."""


def _overlap(text: str, pattern: str) -> float:
    return len(set(text) & set(pattern)) / len(set(pattern)) if text and pattern else 0.0


def match_label(folded: str, group: str | None) -> Match | None:
    """Which table 3 row (or group) a folded label names; ``group`` is the group in force."""
    if not folded:
        return None
    if len(folded) <= SHORT_TEXT:  # labels recur in every report: remember them
        return _match_remembered(folded, group)
    return _match(folded, group)


@memo(4096)
def _match_remembered(folded: str, group: str | None) -> Match | None:
    return _match(folded, group)


def _match(folded: str, group: str | None) -> Match | None:
    best: tuple[int, AppRowSpec] | None = None
    found: list[tuple[int, int]] = []  # where each row named is named
    for spec in APP_ROWS:
        longest = ""
        for pattern in spec.patterns:
            if pattern in folded and len(pattern) > len(longest):
                longest = pattern
        if not longest:
            continue
        at = folded.find(longest)
        found.append((at, at + len(longest)))
        if best is None or len(longest) > best[0]:
            best = (len(longest), spec)
    if any(a[1] <= b[0] for a in found for b in found):
        return None  # two rows named apart (two lines run into one): the label names neither
    if len({m.group(1) for m in _NUMBERED.finditer(folded)}) > 1:
        return None  # two items' numbers (``1.属于国家秘密 2.其他…``): two lines run into one
    if best is not None:
        return Match(best[1].key)
    for key, pattern in _GROUP_PATTERNS:
        if pattern in folded:
            # ``（四）无法提供 1.本`` / ``机关不掌握…``: the group's label, then its first item's,
            # wrapped: the item's row, not the group's subtotal
            item = _by_number(folded[folded.find(pattern) + len(pattern) :], key, prefix=True)
            return item if item is not None else Match(None, group=key)
    numbered = _by_number(folded, group)
    if numbered is not None:
        return numbered
    return _fuzzy(folded)


def _by_number(folded: str, group: str | None, *, prefix: bool = False) -> Match | None:
    """``2.其他法律行政止公开`` (OCR-damaged) in the 不予公开 group is its 2nd item; with
    ``prefix``, also an item number and the start of the item's label (a label wrapped after
    its first characters: ``1.本``)."""
    found = list(_NUMBERED.finditer(folded))
    if not found or group not in _CHILDREN:
        return None
    last = found[-1]
    child = _CHILDREN[group].get(int(last.group(1)))
    if child is None:
        return None
    rest = folded[last.start(1) + 1 :]
    if not child.patterns:  # ``3.其他``: its number is its name, nothing was repaired
        return Match(child.key) if rest.startswith("其他") else None
    if prefix and rest and child.patterns[0].startswith(rest):
        return Match(child.key, how="numbered")
    return Match(child.key, how="numbered") if _overlap(rest, child.patterns[0]) >= 0.5 else None


def _fuzzy(folded: str) -> Match | None:
    """A label within a small edit distance of exactly one row's full label."""
    if len(folded) > limits.MAX_FUZZY_LABEL_CHARS:
        return None
    found: list[tuple[int, str]] = []
    for key, length, near in _near_patterns():
        if len(folded) < length * 0.6:
            continue
        hit = near.search(folded)
        if hit is not None:
            found.append((sum(hit.fuzzy_counts), key))
    found.sort()
    if found and (len(found) == 1 or found[0][0] < found[1][0]):
        return Match(found[0][1], how="fuzzy")
    return None


@cache
def _near_patterns() -> tuple[tuple[str, int, regex.Pattern[str]], ...]:
    """Each row's full label as a pattern allowing one edit per six characters (compiled once)."""
    out = []
    for spec in APP_ROWS:
        for pattern in spec.patterns[:1]:
            budget = len(pattern) // 6
            if budget >= 1:
                near = regex.compile(f"(?:{regex.escape(pattern)}){{e<={budget}}}", flags=regex.BESTMATCH)
                out.append((spec.key, len(pattern), near))
    return tuple(out)


def _is_fragment(folded: str) -> bool:
    """Part of a row's full label, its item number aside (``3、补正后申请内容``): a label broken over
    lines with the numbers on a middle line. An item's label (``3.其他``) is one only as the
    start of a row's name: ``其他`` is also inside ``其他法律行政法规禁止公开``."""
    numbered = folded[:1].isdigit()
    folded = folded.lstrip("0123456789")
    if numbered:  # an item's own label: a fragment only as the start of its row's name
        return len(folded) >= _MIN_ITEM_START and any(
            full.startswith(folded) and folded != full for full in APP_FULL_LABELS.values()
        )
    if len(folded) == 1:  # a vertical label's character beside the numbers (``果 12 0 …``)
        return True
    if not folded:
        return False
    if any(folded in full and folded != full for full in APP_FULL_LABELS.values()):
        return True
    # a piece of a group's vertical label glued before a row's numbers (``无法提 0 0 …``)
    return in_group_label(folded)


def _whole(folded: str) -> str | None:
    """The row whose full label a text is, or is a part of (pieces of a wrapped label put back
    together); its item number and a vertical label's characters before it aside."""
    return whole_label(folded, APP_FULL_LABELS)


def _names_a_row(folded: str) -> bool:
    match = match_label(folded, None)
    return match is not None and match.key is not None


def _is_header(folded: str, view: RowView) -> bool:
    if any(c.text.strip() and is_numeric_run(c.text.strip()) for c in view.values):
        return False
    if any(w in folded for w in APP_HEADER_WORDS):
        return True
    # a header that repeats several row names (``本年新收件数|上年结转件数|予以公开|…``)
    return len({s.key for s in APP_ROWS for p in s.patterns if p in folded}) >= 3


def _classify(views: Sequence[RowView]) -> Classified:
    out = Classified()
    group: str | None = None
    heading = False  # the row before was a group's heading: a 小计 now is that group's subtotal
    for view in views:
        folded = fold(view.label)
        subtotal = heading and folded in APP_SUBTOTAL_ROW_LABELS
        heading = heading and not folded  # numbers between the heading and its 小计 keep it
        if subtotal:
            match: Match | None = Match(None, group=group)  # ``小计`` right under （三）不予公开
        elif folded and _is_header(folded, view):
            continue
        elif view.inline or any(m in folded for m in SUBROW_MARKERS):
            match = None  # a ``label：N`` line or a breakdown (其中…) is never a template row
        elif not view.has_content and (alone := _GROUP_NUMBER.fullmatch(view.label)) is not None:
            match = Match(None, group=_SUBGROUP_BY_NUMBER[alone.group(1)])
        elif (lead := _GROUP_NUMBER.match(view.label)) is not None:
            # ``(六)1、申请人无正当理由逾``: the group's number, its name lost, then its first item
            group = _SUBGROUP_BY_NUMBER[lead.group(1)]
            match = match_label(fold(view.label[lead.end() :]), group) or Match(None, group=group)
        else:
            match = match_label(folded, group)
        if match is None:
            if view.has_content:
                out.loose.append(view)
            elif folded and not any(folded in p for g in APP_GROUPS for p in g.patterns):
                out.unnamed.append(view)  # not a piece of a vertical group label (``予公开``)
        elif match.key is None and view.label_spans and view.has_content:
            # a group's label over its items, the first item's own label lost: whose values?
            group = match.group
            out.loose.append(view)
        elif match.key is None:
            group = match.group
            if match.group in _SUBTOTAL_GROUPS:  # a printed subtotal, or 2019's （六）
                heading = not subtotal and not view.has_values
                # a 小计 line says its group prints a subtotal: its numbers must be found
                waiting = out.pending if subtotal else out.optional
                (out.bound if view.has_values else waiting).append(Labelled(match.group or "", view))
        else:
            group = _GROUP_OF[match.key]
            (out.bound if view.has_values else out.pending).append(Labelled(match.key, view, match.how))
    return out


def _row_rule(n: int) -> RowRule:
    if n == 8:  # … other_org, org_subtotal, total

        def with_subtotal(values: tuple[Number, ...]) -> bool:
            return values[6] == sum(values[1:6]) and values[7] == values[0] + values[6]

        return with_subtotal
    return total_is_sum(n)


def map_applications(
    views: Sequence[RowView], *, template: str | None, glued: bool = False, evidence: Sequence[Evidence] = ()
) -> Mapped:
    """Table 3 rows under docs/format.md §2.2 keys."""
    diagnostics: list[Diagnostic] = []
    # the header is the text above the first template row with numbers (总计 is a header word and a
    # row's name; a 小计 row label further down is not the header's)
    first = next(
        (i for i, v in enumerate(views) if v.has_content and _names_a_row(fold(v.label))), len(views)
    )
    header = "".join(fold(v.label) for v in views[:first] if not v.has_content)
    columns = APP_COLUMNS_WITH_SUBTOTAL if APP_SUBTOTAL_HEADER in header else APP_COLUMNS
    if len(columns) == 8:
        diagnostics.append(diag("table.header_columns"))

    rows = _classify(views)
    leftover = pair_by_order(rows, _is_fragment, _whole, diagnostics)
    extra_rows = extras("applications", leftover, diagnostics, glued=glued)

    n = len(columns)
    views_bound = [r.view for r in rows.bound]
    padding = usual_padding(views_bound, n)
    spec = RowSpec(
        n,
        count_cell,
        rule=_row_rule(n),
        anchor=column_anchor(views_bound, n),
        ends=loose_ends(views_bound, n, padding),
        margins=blank_margins(views_bound, n, padding),
        width=usual_width(views_bound),
        padding=padding,
    )
    strays = stray_values(rows.bound, rows.loose, leftover)
    # a group's subtotal is bound by its heading, which may be the label over its items
    keys = {r.key for r in rows.bound}
    subtotals = {"withheld", "unavailable", "not_processed"} | (
        {"other"} if any(k.startswith("other.") for k in keys) else set()
    )
    found, repeated = units(
        rows.bound,
        lambda key: tuple((key, c) for c in columns),
        lambda _: spec,
        "applications",
        diagnostics,
        strays=strays,
        unvouched=subtotals,
    )
    extra_rows.extend(repeated)
    found = [_over_a_lost_item(unit, keys) for unit in found]
    found.sort(key=lambda unit: _rank(unit.keys[0]))
    decided = decide("applications", found, columns, evidence)
    diagnostics.extend(decided.diagnostics)
    out = rows_of(found, decided, lambda _: columns, diagnostics)
    diagnostics.extend(_missing_rows(template, out))
    return Mapped(tuple(out), tuple(extra_rows), tuple(diagnostics), columns)


def _over_a_lost_item(unit: Unit, keys: set[str]) -> Unit:
    """A group's subtotal row, read where the group prints some of its items and not others:
    its label may be the group's heading over an item whose own label was lost, so its numbers
    may be that item's as well as the subtotal's; nothing in the text tells, and no rule checks
    a subtotal against items that are not all there. Its cells are then unknown."""
    key = unit.keys[0]
    if len(unit.keys) != 1 or key not in _SUBTOTAL_GROUPS:
        return unit
    if any(w in fold(c.label) for c in unit.candidates for w in APP_SUBTOTAL_ROW_LABELS):
        return unit  # ``小计``: a subtotal by its own label, no item's
    items = {spec.key for spec in _CHILDREN.get(key, {}).values()}
    printed = items & keys
    if not printed or printed == items:
        return unit
    lost = ", ".join(sorted(items - keys))
    why = f"its label may be the group's heading over {lost}, whose own label is not there"
    unknown = Reading((UNKNOWN,) * len(unit.refs), why)
    candidates = tuple(
        attrs.evolve(c, readings=(*c.readings, unknown), vouched=False, forced=False) for c in unit.candidates
    )
    return Unit(unit.refs, candidates, unit.what)


def _rank(key: str) -> float:
    """Template order; a printed group subtotal sorts just before its first child."""
    return _RANKS.get(key, float(len(APP_ROWS)))


_RANKS: dict[str, float] = {s.key: float(i) for i, s in enumerate(APP_ROWS)}
for _group in _SUBTOTAL_GROUPS:
    _RANKS[_group] = min(r for k, r in _RANKS.items() if k.startswith(_group + ".")) - 0.5


def _missing_rows(template: str | None, rows: list[Row]) -> list[Diagnostic]:
    present = {r.key for r in rows}
    if not present:
        return []
    out: list[Diagnostic] = []
    if template == "2021" and "other" in present and not any(k.startswith("other.") for k in present):
        out.append(diag("row.single_other", None, next(r.span for r in rows if r.key == "other")))
    missing = []
    for spec in APP_ROWS:
        if (template or "2019") not in spec.templates or spec.key in present:
            continue
        children = [k for k in present if spec.group is not None and k.startswith(spec.group + ".")]
        if spec.group is not None and spec.group in present and not children:
            continue  # the group is printed as its subtotal alone, which stands for its items
        missing.append(spec.key)
    if missing:
        out.append(diag("row.missing", "Rows not found: " + ", ".join(missing) + "."))
    return out


__all__ = ["Match", "map_applications", "match_label"]
