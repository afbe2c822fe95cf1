"""A PDF's ruled tables over page breaks: pieces that go on from the page before are one table,
laid on one grid by their columns' positions; a header printed again is dropped, and a row the
break cut in two is one row again."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

import regex

from .._normalize import FOOTER
from .._tables.document import GridRows, join_cell_pieces
from .._values import is_value_text
from ..model import GridCell
from . import _pdf_grid as grid

_EDGE = 2 * grid.SNAP
"""Points the left and right edges of a table's two pieces may differ by across a page break."""


class Piece(NamedTuple):
    """A ruled table on one page: its cells, each with its text and the line it starts on."""

    page: int
    boxes: list[grid.Box]
    texts: list[str]
    lines: list[int | None]
    frame: grid.Box
    """The table's outer edges."""


class PageLines(NamedTuple):
    """A page's lines of text, with the baseline of each."""

    texts: list[str]
    baselines: list[float]


def continued(pieces: list[Piece], pages: list[PageLines]) -> list[list[Piece]]:
    """Pieces in runs, a piece joining the run before it when it goes on from the last page's
    table: it is the first table of the next page, as wide, and only page furniture lies between
    (page numbers, and lines both pages print: a running header or footer)."""
    runs: list[list[Piece]] = []
    for piece in pieces:
        if runs and _goes_on(runs[-1][-1], piece, pieces, pages):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _goes_on(before: Piece, after: Piece, pieces: list[Piece], pages: list[PageLines]) -> bool:
    if after.page != before.page + 1 or after.page > len(pages):
        return False
    if any(p.page == before.page and _top(p) > _top(before) for p in pieces):
        return False  # not the last table of its page
    if any(p.page == after.page and _top(p) < _top(after) for p in pieces):
        return False
    if abs(before.frame.x0 - after.frame.x0) > _EDGE or abs(before.frame.x1 - after.frame.x1) > _EDGE:
        return False
    end = before.frame.bottom
    lower, upper = pages[before.page - 1], pages[after.page - 1]
    below = [t for t, y in zip(lower.texts, lower.baselines, strict=True) if y > end]
    above = [t for t, y in zip(upper.texts, upper.baselines, strict=True) if y < _top(after)]
    running = set(lower.texts) & set(upper.texts)  # a running header or footer: on both pages
    return all(
        not t.strip() or FOOTER.match(t) or _PAGE_NUMBER.match(t) or t in running for t in below + above
    )


_PAGE_NUMBER = regex.compile(r"^\s*[0-9]{1,4}\s*$")
"""A bare page number, as a line of its own below or above a table's pieces."""


def frame(boxes: list[grid.Box]) -> grid.Box:
    left, top = min(b.x0 for b in boxes), min(b.top for b in boxes)
    return grid.Box(left, top, max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def _top(piece: Piece) -> float:
    return piece.frame.top


def grid_rows(run: Sequence[Piece]) -> GridRows:
    """Pieces of one table as one grid: their cells placed by the column and row boundaries of
    all of them (a piece drawn with fewer columns has cells spanning the ones it lacks). At each
    page break, a header the next page prints again is dropped, and a row the break cut in two
    is one row again (:func:`mend_seam`)."""
    offset, seams = 0.0, []
    boxes: list[grid.Box] = []
    texts: list[str] = []
    lines: list[int | None] = []
    for i, piece in enumerate(run):
        if i:
            seams.append(run[i - 1].frame.bottom + offset)
            offset = seams[-1] - _top(piece)
        boxes += [grid.Box(b.x0, b.top + offset, b.x1, b.bottom + offset) for b in piece.boxes]
        texts += piece.texts
        lines += piece.lines
    xs = grid.boundaries([b.x0 for b in boxes] + [b.x1 for b in boxes])
    ys = grid.boundaries([b.top for b in boxes] + [b.bottom for b in boxes])
    cover: list[list[tuple[int, bool] | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for n, box in enumerate(boxes):
        c0, c1 = grid.nearest(xs, box.x0), grid.nearest(xs, box.x1)
        r0, r1 = grid.nearest(ys, box.top), grid.nearest(ys, box.bottom)
        for r in range(r0, r1):
            for c in range(c0, c1):
                cover[r][c] = (n, r == r0 and c == c0)
    out: list[tuple[GridCell, ...]] = []
    line = next((n for n in lines if n is not None), 1)
    for row in cover:
        starts = [lines[at[0]] for at in row if at is not None and at[1]]
        line = min((n for n in starts if n is not None), default=line)
        out.append(tuple(_grid_cell(at, texts, line) for at in row))
    walls = [_walls(row) for row in cover]
    for seam in reversed([grid.nearest(ys, y) for y in seams]):
        out, walls = mend_seam(out, seam, walls)
    return tuple(out)


def _walls(row: list[tuple[int, bool] | None]) -> tuple[bool, ...]:
    """Where a row's cells meet: between each two positions, whether they are two cells."""
    return tuple((a[0] if a else None) != (b[0] if b else None) for a, b in itertools.pairwise(row))


_ITEM = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|[0-9０-９]{1,2}\s*[.、．](?![0-9０-９]))"
)
"""A label that starts with an item number (``三、`` ``（二）`` ``4.``) starts a row of its own."""


Rows = list[tuple[GridCell, ...]]


def mend_seam(
    rows: Rows, seam: int, walls: list[tuple[bool, ...]] | None = None
) -> tuple[Rows, list[tuple[bool, ...]]]:
    """Rows around the page break before row ``seam``, and where their cells meet (``walls``,
    from :func:`_walls`): a header printed again at the top of the page is dropped; then the rows
    either side of the break are one row cut in two when they are cut into the same cells, the
    lower row holds no value (only the rest of its labels), its label does not start with an
    item number of its own, and no value of the upper row has text under it. A wrong join merges
    two labels and keeps the upper row's values on the upper row's label; it never moves a
    number."""
    walls = walls if walls is not None else [() for _ in rows]
    repeated = 0
    while (
        seam + repeated < len(rows)
        and repeated < seam
        and _texts(rows[seam + repeated]) == _texts(rows[repeated])
        and not any(is_value_text(c.text) for c in rows[repeated])
    ):
        repeated += 1
    rows = rows[:seam] + rows[seam + repeated :]
    walls = walls[:seam] + walls[seam + repeated :]
    if not 0 < seam < len(rows) or walls[seam - 1] != walls[seam]:
        return rows, walls  # a heading across the table is no piece of the row above
    upper, lower = rows[seam - 1], rows[seam]
    label = next((c.text for c in lower if c.text.strip()), "")
    if _ITEM.match(label) or any(is_value_text(c.text) for c in lower):
        return rows, walls  # a row of its own, or one whose numbers might be another row's
    for a, b in zip(upper, lower, strict=True):
        if a.text.strip() and b.text.strip() and is_value_text(a.text):
            return rows, walls
    joined = tuple(_join(a, b) for a, b in zip(upper, lower, strict=True))
    return [*rows[: seam - 1], joined, *rows[seam + 1 :]], [*walls[:seam], *walls[seam + 1 :]]


def _join(upper: GridCell, lower: GridCell) -> GridCell:
    if upper.spanned or not lower.text.strip():
        return upper  # under a cell merged from above, the text goes with that cell, not this row
    if not upper.text.strip():
        return GridCell(lower.text, upper.line)
    return GridCell(join_cell_pieces([upper.text, lower.text]), upper.line)


def _texts(row: tuple[GridCell, ...]) -> list[str]:
    return ["".join(c.text.split()) for c in row]


def _grid_cell(at: tuple[int, bool] | None, texts: list[str], line: int) -> GridCell:
    if at is None:
        return GridCell("", line)
    return GridCell(texts[at[0]], line) if at[1] else GridCell("", line, spanned=True)


__all__ = ["PageLines", "Piece", "continued", "frame", "grid_rows", "mend_seam"]
