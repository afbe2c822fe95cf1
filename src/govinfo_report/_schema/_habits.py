"""What a table's rows usually print, from which a row's own cells are told apart: where the
values start, the blank padding around them, the table's width, and loose values beside rows.

A row that breaks its table's habits (a cell more or less, padding no other row prints) is in
doubt; a row that keeps them may be vouched for (see :mod:`..reading.generate`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .._text import fold
from ..model import GridCell
from .pairing import Labelled
from .views import RowView

MARKUP = frozenset({"html", "docx", "pdf", "boxdrawing"})
"""Grids read from markup or drawn rules, which mark a cell's span and a row's missing cells."""


def column_anchor(views: Sequence[RowView], n: int | Sequence[int]) -> int | None:
    """The column where a table's values usually start, from the rows that fill exactly their
    ``n`` columns (one count for the table, or one per row)."""
    starts: Counter[int] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    for view, width in zip(views, widths, strict=True):
        filled = view.values_filled
        if filled and filled[1] - filled[0] + 1 == width:
            starts[view.value_start + filled[0]] += 1
    if not starts:
        return None
    (column, count), *rest = starts.most_common(2)
    return column if count >= 2 and (not rest or rest[0][1] < count) else None


def usual_padding(views: Sequence[RowView], n: int | Sequence[int]) -> tuple[int | None, int | None] | None:
    """The blank cells a table's rows usually print before and after their values, each side on
    its own, from the rows whose filled cells span exactly their ``n`` columns; a side is None
    when fewer than two rows, or no clear majority, agree on it (a tab dump's rows print one or
    two empty cells after their labels, as their labels span, but one trailing tab each)."""
    before: Counter[int] = Counter()
    after: Counter[int] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    for view, width in zip(views, widths, strict=True):
        filled = view.own_filled
        if filled and filled[1] - filled[0] + 1 == width:
            before[filled[0]] += 1
            after[len(view.own) - filled[1] - 1] += 1
    sides = (_majority(before), _majority(after))
    return None if sides == (None, None) else sides


def blank_margins(
    views: Sequence[RowView], n: int | Sequence[int], padding: tuple[int | None, int | None] | None
) -> frozenset[tuple[int, int]] | None:
    """The blank margins (cells before and after the filled ones, beyond the usual ``padding``)
    that at least two rows whose filled cells span exactly their ``n`` columns print."""
    found: Counter[tuple[int, int]] = Counter()
    widths = [n] * len(views) if isinstance(n, int) else n
    lead, trail = padding or (None, None)
    for view, width in zip(views, widths, strict=True):
        filled = view.own_filled
        if filled and filled[1] - filled[0] + 1 == width:
            before, after = filled[0] - (lead or 0), len(view.own) - filled[1] - 1 - (trail or 0)
            found[(max(before, 0), max(after, 0))] += 1
    if not found:
        return None
    return frozenset(m for m, count in found.items() if count >= 2) | {(0, 0)}


def loose_ends(
    views: Sequence[RowView], n: int | Sequence[int], padding: tuple[int | None, int | None] | None
) -> tuple[bool, bool]:
    """Whether rows of a table print blank cells beyond their ``n`` columns and the usual
    ``padding``, before their values (a label's span) and after them (a trailing separator): in
    that table a blank cell at that end of a row may be no cell of it. Markup grids are left
    out: they mark their spans and their rows' missing cells."""
    widths = [n] * len(views) if isinstance(n, int) else n
    lead, trail = padding or (None, None)
    before = after = False
    for view, width in zip(views, widths, strict=True):
        if view.strategy in MARKUP:
            continue
        cells = view.own
        core = cells[lead or 0 : len(cells) - (trail or 0)]
        if len(core) > width:
            before = before or not core[0].text.strip()
            after = after or not core[-1].text.strip()
    return before, after


_SAME_WIDTH = 0.8
"""The share of a table's rows that must have one width for it to be the table's width."""


def usual_width(views: Sequence[RowView]) -> int | None:
    """The cells (label cells included, spans and fillers left out) the rows of a table have,
    when nearly all agree (a Markdown table pads every row to its width; a converter that drops
    a span's cells leaves rows of every width, which then say nothing)."""
    found: Counter[int] = Counter(v.value_start + len(v.own) for v in views)
    if not found:
        return None
    (width, count), *_ = found.most_common(1)
    return width if count >= 2 and count >= _SAME_WIDTH * sum(found.values()) else None


def _majority(found: Counter[int]) -> int | None:
    if not found:
        return None
    (value, count), *_ = found.most_common(1)
    return value if count >= 2 and 2 * count > sum(found.values()) else None


_STRAY_REACH = 2
"""How many grid rows away a loose value may belong to a labelled row."""


def stray_values(
    bound: Sequence[Labelled], loose: Sequence[RowView], leftover: Sequence[RowView]
) -> dict[int, list[tuple[GridCell, ...]]]:
    """Loose values (the rest of a wrapped number and the cells after it, a page number), by the
    index of the labelled row just before and just after them: those rows may have lost or
    gained them. Values paired by order with a label further on (``loose`` but not
    ``leftover``) may as well be the rest of a number wrapped in the row printed with its values
    right above them."""
    out = _strays([r.view for r in bound], leftover)
    kept = {id(v) for v in leftover}
    taken = [v for v in loose if id(v) not in kept]
    own = [r.view for r in bound if not r.by_order]
    for index, found in _strays(own, taken, reach=1, after=False).items():
        out.setdefault(index, []).extend(found)
    return out


def _strays(
    bound: Sequence[RowView], leftover: Sequence[RowView], reach: int = _STRAY_REACH, after: bool = True
) -> dict[int, list[tuple[GridCell, ...]]]:
    indices = sorted(v.index for v in bound)
    out: dict[int, list[tuple[GridCell, ...]]] = {}
    for loose in leftover:
        filled = [c for c in loose.values if c.text.strip()]
        if fold(loose.label) or not filled:
            continue
        at = loose.index
        before = max((i for i in indices if at - reach <= i < at), default=None)
        next_ = min((i for i in indices if at < i <= at + reach), default=None)
        for index in (before, next_ if after else None):
            if index is not None:
                found = tuple(c for c in loose.values if c.text.strip())
                if found:
                    out.setdefault(index, []).append(found)
    return out


__all__ = [
    "MARKUP",
    "blank_margins",
    "column_anchor",
    "loose_ends",
    "stray_values",
    "usual_padding",
    "usual_width",
]
