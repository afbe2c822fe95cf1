"""Labels printed apart from their values (PDF text), paired with the value rows beside them.

A PDF's text detaches labels from their numbers: the numbers before, after or in the middle of
a label broken over lines. Rows that stand on their own (a label with its values) cut the table
into stretches, since a label and its numbers share one band of the page. Within a stretch:

1. a label's pieces are put back together: a piece that continues a template label (``形，不计其他
   情形）``) joins it, and two pieces around a value row that together name a template row are
   that row's label with those values (a label wrapped around its numbers);
2. every value row may belong to any label between the value rows before and after it (a piece
   of label that names no row included: it may be part of a label this reader cannot name), or,
   between two pieces of one label, to that label; every way to give each value row a label of
   its own, in page order, is tried;
3. a label that gets the same value row in every way is bound to it (``row.bound_by_order``); a
   label that gets different ones is given each as a candidate, and the reading engine keeps
   only what they agree on (all zeros often); a value row that no way binds is left over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .._text import fold
from ..diagnostics import diag
from ..model import Diagnostic, Span
from .views import RowView


@attrs.frozen
class Labelled:
    """A row whose label names a template row."""

    key: str
    view: RowView
    how: str = "exact"
    """``exact``, ``numbered`` or ``fuzzy``: how the label was matched."""
    by_order: bool = False
    """The values were printed apart from the label and paired with it by order."""
    alternative: bool = False
    """One of several value rows the label may have (the others are candidates too)."""


@attrs.frozen
class Classified:
    """A table's rows sorted by what their labels say."""

    bound: list[Labelled] = attrs.Factory(list)
    """Template rows with their values beside the label."""
    pending: list[Labelled] = attrs.Factory(list)
    """Template row labels printed without values."""
    loose: list[RowView] = attrs.Factory(list)
    """Values under no known label (none at all, or a text that names no template row)."""
    optional: list[Labelled] = attrs.Factory(list)
    """Labels without values of rows that may or may not be printed with numbers (a group's
    heading, which may carry its subtotal): labels only where the table prints subtotals."""
    unnamed: list[RowView] = attrs.Factory(list)
    """Text without values that names no template row (a local row's label, a note, a piece of
    a wrapped label)."""


_MAX_WAYS = 4_096
"""Ways of pairing one stretch tried at most; past it the stretch is left unpaired."""
_MAX_PAIRED = 64
"""Value rows with a label beside them in one stretch paired at most (a table has about 30)."""
_STRAY_TOKENS = 2
"""A value row of at most this many tokens may be a stray (a page number), bound to no label."""


@attrs.define
class _Label:
    index: int
    view: RowView
    key: str | None
    """The template row, or None for a piece of text that names none."""
    labelled: Labelled | None = None
    local: bool = False
    """Text that names no template row but may be a local row's label (其中：网上申请)."""
    soft: bool = False
    """A template row printed with blank cells only: it may be waiting for its values."""
    last: int = -1
    """The index of the label's last piece, when its pieces lie around value rows."""
    optional: bool = False
    """A group's heading, which carries its subtotal only in some reports."""


def pair_by_order(
    rows: Classified,
    is_fragment: Callable[[str], bool],
    whole_of: Callable[[str], str | None],
    diagnostics: list[Diagnostic],
) -> list[RowView]:
    """Pair labels printed without values with the value rows beside them (see the module
        docstring). ``whole_of`` names the template row whose full label a folded text is, or is a
    part of, if any. Pairs are added
        to ``rows.bound``; the value rows left over are returned, with local rows paired here."""
    with_values = {r.key for r in rows.bound if r.view.has_content}
    keys = {r.key for r in [*rows.bound, *rows.pending]}
    # a printed subtotal: a group's own row (``other`` counts when it has children: in 2019 it is
    # a row of its own)
    subtotals = bool(keys & _GROUP_KEYS) or ("other" in keys and any(k.startswith("other.") for k in keys))
    first = min((r.view.index for r in [*rows.bound, *rows.pending, *rows.optional]), default=0)
    labels: list[_Label] = []
    seen: set[str] = set(with_values)
    for r in sorted(rows.pending, key=lambda r: r.view.index):
        if r.key not in seen:
            seen.add(r.key)
            labels.append(_Label(r.view.index, r.view, r.key, r))
    # a group's heading carries a subtotal only where the table prints them; （六）其他处理 without
    # its items is a row of its own (the 2019 template, and many 2021 reports)
    single_other = not any(k.startswith("other.") for k in keys)
    for o in rows.optional:
        if o.key not in with_values and (subtotals or (o.key == "other" and single_other)):
            labels.append(_Label(o.view.index, o.view, o.key, o, optional=True))
    for view in rows.unnamed:
        # text above the first template row is the table's header; one character (``形）``, ``四``)
        # is the tail of a wrapped word or a vertical label's, no label of its own
        if view.index > first and len(fold(view.label)) > 1:
            local = not is_fragment(fold(view.label))
            labels.append(_Label(view.index, view, None, local=local))
    soft = [r for r in rows.bound if not r.view.has_content and r.key not in with_values]
    labels += [_Label(r.view.index, r.view, r.key, r, soft=True) for r in soft]
    eligible = [v for v in rows.loose if not fold(v.label) or is_fragment(fold(v.label))]
    is_eligible = {id(v) for v in eligible}
    walls = [r.view.index for r in rows.bound if r.view.has_content]
    walls += [v.index for v in rows.loose if id(v) not in is_eligible]
    paired: list[RowView] = []
    local_rows: list[RowView] = []
    for stretch_labels, values in _stretches(walls, labels, eligible):
        stretch_labels = _one_per_row(stretch_labels)
        _join_pieces(stretch_labels, values, whole_of, is_fragment)
        ways = _ways(stretch_labels, values)
        taken = _bind(stretch_labels, values, ways, rows, local_rows, diagnostics)
        paired.extend(taken)
    bound = {r.key for r in rows.bound}
    for label in labels:  # a label that no values were paired with, in any stretch
        if label.key is not None and not label.soft and not label.optional and label.key not in bound:
            bound.add(label.key)
            message = f"Row {label.key}: label found without values beside it; cells missing."
            diagnostics.append(diag("row.missing", message, label.view.span))
    taken_ids = {id(v) for v in paired}
    return [v for v in rows.loose if id(v) not in taken_ids] + local_rows


_GROUP_KEYS = frozenset({"withheld", "unavailable", "not_processed"})


def _stretches(
    walls: Sequence[int], labels: Sequence[_Label], values: Sequence[RowView]
) -> list[tuple[list[_Label], list[RowView]]]:
    """The labels and value rows between two walls, in row order."""
    cuts = sorted(set(walls))
    out: dict[int, tuple[list[_Label], list[RowView]]] = {}

    def stretch(index: int) -> int:
        return sum(1 for w in cuts if w < index)

    for label in sorted(labels, key=lambda x: x.index):
        out.setdefault(stretch(label.index), ([], []))[0].append(label)
    for value in sorted(values, key=lambda v: v.index):
        out.setdefault(stretch(value.index), ([], []))[1].append(value)
    return [out[k] for k in sorted(out) if out[k][1]]


_NUMBERING = "0123456789一二三四五六七八九十"
_VERTICAL_CHARS = 2
"""Characters of a vertical label a PDF's text may put before a row's label (``本 2.其他…``)."""


def whole_label(folded: str, full: dict[str, str]) -> str | None:
    """The key of the one ``full`` label that the folded text is, or is a part of: its item
    number, and up to :data:`_VERTICAL_CHARS` characters of a vertical label before it, aside.
    At least four characters must be left to tell."""
    text = folded.lstrip(_NUMBERING)
    for skip in range(_VERTICAL_CHARS + 1):
        rest = text[skip:].lstrip(_NUMBERING)
        if len(rest) < 4:
            return None
        keys = [key for key, label in full.items() if rest in label]
        if keys:
            return keys[0] if len(keys) == 1 else None
    return None


def _one_per_row(labels: list[_Label]) -> list[_Label]:
    """One label per template row in a stretch: a group's heading and the 小计 line under it name
    one row (the 小计 line, which says a subtotal is printed, is kept)."""
    out: list[_Label] = []
    at: dict[str, int] = {}
    for label in sorted(labels, key=lambda x: x.index):
        if label.key is None or label.key not in at:
            if label.key is not None:
                at[label.key] = len(out)
            out.append(label)
        elif out[at[label.key]].optional and not label.optional:
            out[at[label.key]] = attrs.evolve(label, index=out[at[label.key]].index)
    return out


def _join_pieces(
    labels: list[_Label],
    values: list[RowView],
    whole_of: Callable[[str], str | None],
    is_fragment: Callable[[str], bool],
) -> None:
    """Put a label's pieces back together (in place): a piece that continues the label beside it
    joins it; two pieces that together name a template row become that row's label."""
    labels.sort(key=lambda x: x.index)
    k = 0
    while k + 1 < len(labels):
        a, b = labels[k], labels[k + 1]
        # the label's middle piece may sit on the value row between them (``…逾期不补`` /
        # ``正、行政机关…政府信 67 3 0 …`` / ``息公开申请``)
        between = "".join(fold(v.label) for v in values if max(a.index, a.last) < v.index < b.index)
        joined = fold(a.view.label) + between + fold(b.view.label)
        name = whole_of(joined) if not a.soft and not b.soft else None
        pieces = (a.key is None and is_fragment(fold(a.view.label))) or (
            b.key is None and is_fragment(fold(b.view.label))
        )
        if name is not None and pieces and a.key in (None, name) and b.key in (None, name):
            owner = a if a.key is not None else b
            view = attrs.evolve(
                owner.view, label=a.view.label + b.view.label, line=min(a.view.line, b.view.line)
            )
            labelled = owner.labelled or Labelled(name, view, "exact")
            labels[k] = _Label(a.index, view, name, attrs.evolve(labelled, view=view), last=b.index)
            labels[k + 1 : k + 2] = []
            # the value rows between the two pieces are the joined label's (a label wrapped
            # around its numbers): the other pieces' positions no longer tell
            continue
        k += 1


def _ways(labels: Sequence[_Label], values: Sequence[RowView]) -> list[tuple[int | None, ...]] | None:
    """Every way to give each value row a label between the value rows before and after it
    (an index into ``labels``; None for a stray left unbound), each label at most one value row.
    None when there are more ways than :data:`_MAX_WAYS`."""
    order = sorted(values, key=lambda v: v.index)
    reach: list[list[int]] = []
    for k, value in enumerate(order):
        around = [i for i, label in enumerate(labels) if label.index < value.index < label.last]
        if around:  # a label wrapped around its numbers
            reach.append(around)
            continue
        low = order[k - 1].index if k else -1
        high = order[k + 1].index if k + 1 < len(order) else 1 << 30
        reach.append([i for i, label in enumerate(labels) if low < label.index < high])
    active = [k for k in range(len(order)) if reach[k]]  # the others are left over in every way
    if len(active) > _MAX_PAIRED:
        return None
    ways: list[tuple[int | None, ...]] = []
    chosen: list[int | None] = [None] * len(order)
    used: set[int] = set()

    def walk(j: int, after: int) -> bool:
        if j == len(active):
            ways.append(tuple(chosen))
            return len(ways) <= _MAX_WAYS
        k = active[j]
        # rows keep their order on the page: a later value row takes a later label
        options: list[int | None] = [i for i in reach[k] if i not in used and labels[i].index > after]
        if len(order[k].values) <= _STRAY_TOKENS:
            options.append(None)  # a stray (a page number) may belong to no label
        for option in options:
            chosen[k] = option
            if option is not None:
                used.add(option)
            going = walk(j + 1, after if option is None else labels[option].index)
            if option is not None:
                used.discard(option)
            chosen[k] = None
            if not going:
                return False
        return True

    return ways if walk(0, -1) and ways else None


def _bind(
    labels: Sequence[_Label],
    values: Sequence[RowView],
    ways: list[tuple[int | None, ...]] | None,
    rows: Classified,
    local_rows: list[RowView],
    diagnostics: list[Diagnostic],
) -> list[RowView]:
    """Bind the labels the ways agree on; give the others each value row they may have."""
    order = sorted(values, key=lambda v: v.index)
    if ways is None:  # too many ways to pair: the labels are reported without values
        return []
    taken: list[RowView] = []
    for i, label in enumerate(labels):
        options = {next((order[k].index for k, x in enumerate(way) if x == i), None) for way in ways}
        found = [v for v in order if v.index in options]
        if label.key is None:  # a local row's label, or a piece of one
            if label.local and len(options) == 1 and found:
                local_rows.append(_merged(label.view, found[0]))
                taken.append(found[0])
            continue
        assert label.labelled is not None
        if not found:
            continue
        taken.extend(found)
        alternative = len(options) > 1
        for value in found:
            merged = _merged(label.view, value)
            rows.bound.append(
                attrs.evolve(label.labelled, view=merged, by_order=True, alternative=alternative)
            )
        if None in options:  # it may also have no values at all: its cells are then unknown
            empty = attrs.evolve(label.view, values=())
            rows.bound.append(attrs.evolve(label.labelled, view=empty, by_order=True, alternative=True))
        lines = " or ".join(str(v.line) for v in found)
        doubt = (
            "" if not alternative else "; the pairing is in doubt, only what the readings agree on is kept"
        )
        span = Span(
            min(label.view.line, *(v.line for v in found)),
            max(label.view.last_line, *(v.last_line for v in found)),
        )
        diagnostics.append(
            diag(
                "row.bound_by_order",
                f"Row {label.key}: values on line {lines} paired with the label on line "
                f"{label.view.line} by order{doubt}.",
                span,
            )
        )
    return taken


def _merged(label: RowView, values: RowView) -> RowView:
    return RowView(
        label.label,
        values.values,
        min(label.line, values.line),
        max(label.last_line, values.last_line),
        label.index,
        strategy=values.strategy,
    )
