"""Ruled tables of a PDF page, rebuilt from the segments its paths draw, in named steps:

1. :func:`snap` — segments into ruling lines: horizontal ones within :data:`SNAP` of each other
   share one ``y`` (vertical ones one ``x``), and collinear pieces with gaps up to :data:`JOIN`
   are one line;
2. :func:`close_open_sides` — a table printed without an outer border (its row lines end on a
   common ``x`` that no vertical line draws) gets that border back, so its outer column is not
   lost;
3. :func:`crossings` — the points where a horizontal and a vertical line cross (within
   :data:`CROSS`), each knowing which two lines meet there;
4. :func:`cells` — from each crossing, the smallest rectangle whose four sides are drawn: a
   merged cell is the rectangle no internal line divides;
5. :func:`tables` — cells sharing a corner are one table.

Each step takes and returns plain geometry, so each can be called and looked at on its own.
Text is given to cells by the centre of each glyph's box (``pdf.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .._connected import connected
from ._pdfium import Segment

SNAP = 3.0
"""Points within which parallel ruling lines are one line (a border drawn twice, by two cells)."""

JOIN = 3.0
"""Points of gap along a line that still join two collinear pieces of it."""

CROSS = 3.0
"""Points a line may stop short of another and still meet it (line caps, rounding)."""

MIN_CELL = 2.0
"""Points a cell must measure each way; thinner rectangles are double rules, not cells."""


class Rule(NamedTuple):
    """A ruling line: horizontal at ``y == at`` from ``start`` to ``end`` in ``x``, or vertical at
    ``x == at`` from ``start`` to ``end`` in ``y``."""

    at: float
    start: float
    end: float


class Box(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float


def snap(segments: Iterable[Segment]) -> tuple[list[Rule], list[Rule]]:
    """Step 1: the horizontal and the vertical ruling lines."""
    horizontal = [Rule(s.y0, s.x0, s.x1) for s in segments if s.y0 == s.y1]
    vertical = [Rule(s.x0, s.y0, s.y1) for s in segments if s.x0 == s.x1 and s.y0 != s.y1]
    return _snap_one(horizontal), _snap_one(vertical)


def _snap_one(rules: list[Rule]) -> list[Rule]:
    out: list[Rule] = []
    for group in _clusters(sorted(rules), SNAP):
        at = sum(r.at for r in group) / len(group)
        pieces = sorted(group, key=lambda r: r.start)
        start, end = pieces[0].start, pieces[0].end
        for piece in pieces[1:]:
            if piece.start <= end + JOIN:
                end = max(end, piece.end)
                continue
            out.append(Rule(at, start, end))
            start, end = piece.start, piece.end
        out.append(Rule(at, start, end))
    return out


def _clusters(rules: list[Rule], tolerance: float) -> list[list[Rule]]:
    groups: list[list[Rule]] = []
    for rule in rules:
        if groups and rule.at - groups[-1][-1].at <= tolerance:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups


def _meets(h: Rule, v: Rule) -> bool:
    return v.start - CROSS <= h.at <= v.end + CROSS and h.start - CROSS <= v.at <= h.end + CROSS


def close_open_sides(horizontal: list[Rule], vertical: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """Step 2: for each group of lines that meet (a table), a missing outer border drawn back:
    where two or more of its lines end on the same ``x`` (or ``y``) and no line of the group runs
    there. Lines that meet no line across them (a rule under a heading) are left alone."""
    groups = _groups(horizontal, vertical)
    new_h, new_v = list(horizontal), list(vertical)
    for hs, vs in groups:
        if len(hs) < 2 or not vs:
            continue
        new_v.extend(_sides(hs, vs))
        new_h.extend(_sides(vs, hs))
    return _snap_one(new_h), _snap_one(new_v)


def _sides(along: list[Rule], across: list[Rule]) -> list[Rule]:
    """Borders missing at the common starts and ends of ``along``, as lines ``across`` them."""
    out: list[Rule] = []
    first, last = min(r.start for r in along), max(r.end for r in along)
    for edge, ends in (
        (first, [r for r in along if r.start - first <= SNAP]),
        (last, [r for r in along if last - r.end <= SNAP]),
    ):
        if len(ends) < 2 or any(abs(r.at - edge) <= SNAP for r in across):
            continue
        out.append(Rule(edge, min(r.at for r in ends), max(r.at for r in ends)))
    return out


def _groups(horizontal: list[Rule], vertical: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """The lines that meet, transitively, as (horizontal, vertical) groups."""
    count = len(horizontal)
    links = [(i, count + j) for i, h in enumerate(horizontal) for j, v in enumerate(vertical) if _meets(h, v)]
    lines = [*horizontal, *vertical]
    return [
        ([lines[i] for i in group if i < count], [lines[i] for i in group if i >= count])
        for group in connected(count + len(vertical), links)
    ]


Point = tuple[float, float]


class Crossings(NamedTuple):
    """Where lines cross: for each point, the index of its horizontal and its vertical line."""

    points: dict[Point, tuple[int, int]]
    by_column: dict[float, list[float]]
    """For each ``x``, the ``y`` of its crossings, top down."""
    by_row: dict[float, list[float]]
    """For each ``y``, the ``x`` of its crossings, left to right."""


def crossings(horizontal: Sequence[Rule], vertical: Sequence[Rule]) -> Crossings:
    """Step 3: every point where a horizontal line meets a vertical one."""
    points: dict[Point, tuple[int, int]] = {}
    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _meets(h, v):
                points[(v.at, h.at)] = (i, j)
    by_column: dict[float, list[float]] = defaultdict(list)
    by_row: dict[float, list[float]] = defaultdict(list)
    for x, y in sorted(points):
        by_column[x].append(y)
    for x, y in sorted(points, key=lambda p: (p[1], p[0])):
        by_row[y].append(x)
    return Crossings(points, dict(by_column), dict(by_row))


def cells(found: Crossings) -> list[Box]:
    """Step 4: from each crossing, the smallest rectangle below and to the right of it whose four
    sides are drawn lines (the same line joins each pair of its corners)."""
    points = found.points
    out: list[Box] = []
    for (x, y), (h, v) in points.items():
        below = [b for b in found.by_column[x] if b > y and points[(x, b)][1] == v]
        right = [r for r in found.by_row[y] if r > x and points[(r, y)][0] == h]
        box = _first_closed(points, x, y, below, right)
        if box is not None:
            out.append(box)
    return out


def _first_closed(
    points: dict[Point, tuple[int, int]], x: float, y: float, below: list[float], right: list[float]
) -> Box | None:
    for b in below:
        if b - y < MIN_CELL:
            continue
        bottom_h = points[(x, b)][0]
        for r in right:
            if r - x < MIN_CELL:
                continue
            corner = points.get((r, b))
            if corner is not None and corner[0] == bottom_h and corner[1] == points[(r, y)][1]:
                return Box(x, y, r, b)
    return None


def tables(boxes: list[Box]) -> list[list[Box]]:
    """Step 5: cells that share a corner, as tables, top down."""
    owner: dict[Point, int] = {}
    links: list[tuple[int, int]] = []
    for i, box in enumerate(boxes):
        for corner in ((box.x0, box.top), (box.x1, box.top), (box.x0, box.bottom), (box.x1, box.bottom)):
            if corner in owner:
                links.append((i, owner[corner]))
            else:
                owner[corner] = i
    found = [
        sorted((boxes[i] for i in group), key=lambda b: (b.top, b.x0))
        for group in connected(len(boxes), links)
    ]
    return sorted(found, key=lambda g: (min(b.top for b in g), min(b.x0 for b in g)))


def page_tables(segments: Iterable[Segment]) -> list[list[Box]]:
    """Steps 1-5 in order: the ruled tables a page draws, each as its cells."""
    horizontal, vertical = close_open_sides(*snap(segments))
    return tables(cells(crossings(horizontal, vertical)))


def boundaries(values: Iterable[float]) -> list[float]:
    """Distinct positions, those within :data:`SNAP` of the one before taken as it."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


class Finder:
    """Which cell of a table holds a point: by the table's column and row boundaries."""

    def __init__(self, boxes: list[Box]) -> None:
        self.boxes = boxes
        self.xs = boundaries([b.x0 for b in boxes] + [b.x1 for b in boxes])
        self.ys = boundaries([b.top for b in boxes] + [b.bottom for b in boxes])
        self.at: dict[tuple[int, int], int] = {}
        for n, box in enumerate(boxes):
            for r in range(nearest(self.ys, box.top), nearest(self.ys, box.bottom)):
                for c in range(nearest(self.xs, box.x0), nearest(self.xs, box.x1)):
                    self.at[(r, c)] = n

    def box_at(self, x: float, y: float) -> int | None:
        xs, ys = self.xs, self.ys
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            return None
        row, column = min(bisect_right(ys, y), len(ys) - 1) - 1, min(bisect_right(xs, x), len(xs) - 1) - 1
        # the cell there, or near a boundary snapped away from a cell's own edge, a neighbour's
        for r, c in ((row, column), *((row + dr, column + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))):
            n = self.at.get((r, c))
            if n is not None and _holds(self.boxes[n], x, y):
                return n
        return None


def _holds(box: Box, x: float, y: float) -> bool:
    return box.x0 <= x <= box.x1 and box.top <= y <= box.bottom


def nearest(bounds: list[float], value: float) -> int:
    """The index of the boundary nearest ``value``."""
    i = bisect_left(bounds, value)
    if i == len(bounds) or (i > 0 and value - bounds[i - 1] <= bounds[i] - value):
        return i - 1
    return i


__all__ = [
    "CROSS",
    "JOIN",
    "MIN_CELL",
    "SNAP",
    "Box",
    "Crossings",
    "Finder",
    "Rule",
    "boundaries",
    "cells",
    "close_open_sides",
    "crossings",
    "nearest",
    "page_tables",
    "snap",
    "tables",
]
