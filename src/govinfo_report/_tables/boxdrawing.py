"""Layout: a table drawn with box-drawing characters (``│ ─ ┼ ├ ┤``), as w3m and other text
browsers print an HTML table, or in ASCII with ``+`` where rules meet (pandoc's grid tables); a
cell's text may wrap over several lines inside its box.

The characters are rules on a grid of character cells (a wide CJK character takes two columns,
as a terminal shows it), so the table is rebuilt the way a ruled PDF table is: each box character
draws the arms it shows (``├`` up, down and right) as segments, the PDF grid builder's steps find
the cells (merged cells are boxes no inner rule divides), and every other character belongs to
the box that holds it. A cell's lines are joined without fusing two numbers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import regex

from .. import limits
from .._normalize import Line
from .._source import _pdf_grid as geometry
from .._source._pdf_tables import Piece, frame, grid_rows
from .._source._pdfium import Segment
from ..model import GridCell
from .document import join_cell_pieces
from .grid import Grid, finish

NAME = "boxdrawing"

_ARMS: dict[str, tuple[bool, bool, bool, bool]] = {}
"""For each box-drawing character, the arms it draws: left, right, up, down."""
for _chars, _arms in (
    ("─━═┄┅┈┉╌╍", (True, True, False, False)),
    ("│┃║┆┇┊┋╎╏", (False, False, True, True)),
    ("┌┏╔╒╓╭", (False, True, False, True)),
    ("┐┓╗╕╖╮", (True, False, False, True)),
    ("└┗╚╘╙╰", (False, True, True, False)),
    ("┘┛╝╛╜╯", (True, False, True, False)),
    ("├┣╠╞╟", (False, True, True, True)),
    ("┤┫╣╡╢", (True, False, True, True)),
    ("┬┳╦╤╥", (True, True, False, True)),
    ("┴┻╩╧╨", (True, True, True, False)),
    ("┼╋╬╪╫", (True, True, True, True)),
):
    for _char in _chars:
        _ARMS[_char] = _arms

_WIDTH = 6.0
"""Units of one column (half a CJK character): wider than the grid builder's snapping distance,
so rules one column apart stay two rules."""

_HEIGHT = 12.0
"""Units of one line."""

_MIN_LINES = 3
"""Lines with box-drawing rules a region needs to be read as a box-drawn table."""


Char = tuple[str, float, float, int]
"""A character that is no rule: its text, the centre of its place (x, y), its line's index."""


_ASCII_CORNER = regex.compile(r"\+[-=]{3,}\+")
"""A grid table's rule in ASCII (pandoc's grid tables): ``+-----+`` or ``+=====+``."""


def looks_like(lines: Sequence[Line]) -> bool:
    """Several lines with vertical rules and at least one with a horizontal rule: drawn with box
    characters, or in ASCII with ``+`` where rules meet."""
    ruled = sum(1 for line in lines if sum(1 for ch in line.text if ch in "│┃║├┤┼") >= 2)
    if ruled >= _MIN_LINES and any("─" in line.text or "━" in line.text for line in lines):
        return True
    ascii_rules = sum(1 for line in lines if _ASCII_CORNER.search(line.text))
    return ascii_rules >= 2 and sum(1 for line in lines if line.text.count("|") >= 2) >= _MIN_LINES - 1


def rebuild(lines: Sequence[Line]) -> Grid | None:
    if sum(1 for line in lines for ch in line.text if ch in _ARMS or ch in "+|") > limits.MAX_BOX_CHARS:
        return None
    placed = [_placed(line.text) for line in lines]
    at = {(row, x): ch for row, chars in enumerate(placed) for x, ch, _ in chars if ch in _RULES}
    segments: list[Segment] = []
    glyphs: list[Char] = []
    for row, chars in enumerate(placed):
        y = (row + 0.5) * _HEIGHT
        for x, ch, width in chars:
            arms = _ARMS.get(ch) or _ascii_arms(at, row, x, ch)
            middle = (x + width / 2) * _WIDTH
            if arms is not None:
                segments.extend(_arms_of(arms, x, row, middle, y))
            elif not ch.isspace():
                glyphs.append((ch, middle, y, row))
    horizontal, vertical = geometry.snap(segments)
    if len(horizontal) * len(vertical) > limits.MAX_PDF_RULING_CROSSINGS:
        return None
    tables = geometry.tables(
        geometry.cells(geometry.crossings(*geometry.close_open_sides(horizontal, vertical)))
    )
    if not tables:
        return None
    pieces = [_piece(boxes, glyphs, lines) for boxes in tables]
    rows = [row for piece in pieces for row in grid_rows([piece])]
    if not rows:
        return None
    width = max(len(row) for row in rows)
    return finish(NAME, [_padded(row, width) for row in rows])


def _placed(text: str) -> list[tuple[int, str, int]]:
    """A line's characters with the column each starts at and the columns it takes."""
    out = []
    x = 0
    for ch in text:
        width = 1 if ch in _ARMS else _columns(ch)
        out.append((x, ch, width))
        x += width
    return out


_ACROSS = frozenset("-=+")
_DOWN = frozenset("|+")
_RULES = _ACROSS | _DOWN


def _ascii_arms(
    at: dict[tuple[int, int], str], row: int, x: int, ch: str
) -> tuple[bool, bool, bool, bool] | None:
    """The arms an ASCII character draws where it is part of a grid table's rules: ``+`` toward
    the rules beside it, ``-`` and ``=`` in a run that ends at a ``+``, ``|`` above or below
    another ``|`` or ``+``. A ``-`` or ``|`` in text draws nothing."""
    if ch == "+":
        left, right = at.get((row, x - 1)) in _ACROSS, at.get((row, x + 1)) in _ACROSS
        up, down = at.get((row - 1, x)) in _DOWN, at.get((row + 1, x)) in _DOWN
        return (left, right, up, down) if (left or right) and (up or down or (left and right)) else None
    if ch in "-=":
        return (True, True, False, False) if _run_ends_at_corner(at, row, x) else None
    if ch == "|" and (at.get((row - 1, x)) in _DOWN or at.get((row + 1, x)) in _DOWN):
        return (False, False, True, True)
    return None


def _run_ends_at_corner(at: dict[tuple[int, int], str], row: int, x: int) -> bool:
    left = x
    while at.get((row, left - 1)) in ("-", "="):
        left -= 1
    right = x
    while at.get((row, right + 1)) in ("-", "="):
        right += 1
    return right - left >= 2 and (at.get((row, left - 1)) == "+" or at.get((row, right + 1)) == "+")


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _arms_of(arms: tuple[bool, bool, bool, bool], x: int, row: int, middle: float, y: float) -> list[Segment]:
    left, right, up, down = arms
    out = []
    if left:
        out.append(Segment(x * _WIDTH, y, middle, y))
    if right:
        out.append(Segment(middle, y, (x + 1) * _WIDTH, y))
    if up:
        out.append(Segment(middle, row * _HEIGHT, middle, y))
    if down:
        out.append(Segment(middle, y, middle, (row + 1) * _HEIGHT))
    return out


def _piece(
    boxes: list[geometry.Box], glyphs: list[tuple[str, float, float, int]], lines: Sequence[Line]
) -> Piece:
    """A table's cells with their text: each character in the box that holds it."""
    finder = geometry.Finder(boxes)
    held: list[list[Char]] = [[] for _ in boxes]
    for glyph in glyphs:
        n = finder.box_at(glyph[1], glyph[2])
        if n is not None:
            held[n].append(glyph)
    texts = [_cell_text(chars) for chars in held]
    numbers = [min((lines[g[3]].number for g in chars), default=None) for chars in held]
    return Piece(1, boxes, texts, numbers, frame(boxes))


def _cell_text(chars: list[Char]) -> str:
    """A cell's characters line by line, a space where the line leaves a gap, the lines joined
    without fusing two numbers."""
    pieces: list[str] = []
    for row in sorted({g[3] for g in chars}):
        line = sorted((g for g in chars if g[3] == row), key=lambda g: g[1])
        text = ""
        right = None
        for ch, middle, _, _ in line:
            half = _columns(ch) * _WIDTH / 2
            if right is not None and middle - half > right + _WIDTH / 2:
                text += " "
            text += ch
            right = middle + half
        pieces.append(text)
    return join_cell_pieces(pieces)


def _padded(row: tuple[GridCell, ...], width: int) -> tuple[GridCell, ...]:
    line = row[0].line if row else 1
    return row + tuple(GridCell("", line, filler=True) for _ in range(width - len(row)))


__all__ = ["NAME", "looks_like", "rebuild"]
