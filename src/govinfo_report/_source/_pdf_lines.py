"""Glyphs into lines of text, the way a reader sees the page: top to bottom, left to right.

A line is a run of glyphs whose baselines (the bottoms of their boxes) lie within
:data:`LINE_TOLERANCE` of the one before; within it, glyphs go left to right and a gap wider than
:data:`SPACE_GAP` is a space. Table cells side by side come out as one line with spaces between
them, a cell's wrapped text on lines of its own: the layout the PDF-text strategy reads.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._pdfium import Glyph

LINE_TOLERANCE = 3.0
"""Points two baselines may differ by and still be one line."""

SPACE_GAP = 3.0
"""Points of empty space between two glyphs of a line that make a space."""


def group_lines(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs clustered into lines by baseline, each line sorted left to right, lines top down."""
    ordered = sorted(glyphs, key=lambda g: (g.bottom, g.x0))
    lines: list[list[Glyph]] = []
    last = None
    for glyph in ordered:
        if last is None or glyph.bottom - last > LINE_TOLERANCE:
            lines.append([])
        lines[-1].append(glyph)
        last = glyph.bottom
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


OVERLAP = 0.5
"""Share of the narrower glyph's width two glyphs of a line may cover of each other; more is one
glyph printed over another."""

DOUBLE_STRIKE = 1.0
"""Points apart two copies of one glyph may start and be one glyph drawn twice (a "shadow"
bold); copies farther apart that still cover each other may as well be two glyphs set tight
(``11`` kerned), so they are unreadable."""

OVERPRINTED = "\ufffd"
"""What a line shows where a glyph is printed over a different one (a correction pasted over a
number, a damaged stream drawn twice): the replacement character, so that no number is read
from either, and the PDF reader reports the page."""


def line_text(line: Sequence[Glyph]) -> str:
    """One line's glyphs as text: a space for every gap, one space for a run of them. A glyph
    printed again within :data:`DOUBLE_STRIKE` of itself (a shadow bold) is one glyph; printed
    over a different one, or over itself farther off, it is unreadable: :data:`OVERPRINTED`
    stands for both."""
    out: list[str] = []
    right = -1e9
    last: Glyph | None = None
    for glyph in line:
        text = glyph.text
        if text == " ":
            if out and out[-1] != " ":
                out.append(" ")
            right = max(right, glyph.x1)
            continue
        if last is not None:
            narrower = min(last.x1 - last.x0, glyph.x1 - glyph.x0)
            if narrower > 0 and min(last.x1, glyph.x1) - max(last.x0, glyph.x0) > OVERLAP * narrower:
                if text != last.text or abs(glyph.x0 - last.x0) > DOUBLE_STRIKE:
                    out[-1] = OVERPRINTED
                right = max(right, glyph.x1)
                continue
        if out and glyph.x0 > right + SPACE_GAP and out[-1] != " ":
            out.append(" ")
        out.append(text)
        last = glyph
        right = max(right, glyph.x1)
    return "".join(out).strip()


__all__ = [
    "DOUBLE_STRIKE",
    "LINE_TOLERANCE",
    "OVERLAP",
    "OVERPRINTED",
    "SPACE_GAP",
    "group_lines",
    "line_text",
]
