"""What a markup reader (HTML, DOCX) gives the pipeline: block text and exact table grids."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from ..limits import MAX_SPAN
from ..model import GridCell

GridRows = tuple[tuple[GridCell, ...], ...]


@attrs.frozen
class Document:
    """The text outside tables and the tables of one HTML page or Word document."""

    lines: tuple[tuple[str, int], ...]
    """Text outside tables, one entry per block (paragraph, heading, list item ...), as
    ``(text, line)``. For HTML ``line`` is the source line; for DOCX, blocks are numbered in
    document order (a paragraph, or a table row, is one line)."""
    tables: tuple[tuple[int, GridRows], ...]
    """Each innermost table as ``(position, rows)``: ``position`` is ``len(lines)`` at the moment
    the table was met; ``rows`` is the rectangular grid, a cell's text at the top-left position of
    its span and ``GridCell("", line, spanned=True)`` at every other position the span covers.
    Tables without any cell are left out."""
    truncated: bool = False
    """True when a limit cut rows or tables, or the markup parser stopped early."""
    clamped: tuple[int, ...] = ()
    """Lines of cells whose row or column span was malformed or over :data:`limits.MAX_SPAN`."""
    dropped: tuple[int, ...] = ()
    """Lines of page chrome left out (navigation, breadcrumbs, share links ...)."""
    hidden: tuple[int, ...] = ()
    """Lines of hidden elements whose text was left out, as a browser or Word hides them
    (``display: none``, ``visibility: hidden``, ``hidden``; Word's hidden text and rows)."""


_SPAN_VALUE = re.compile(r"\s*\+?([0-9]+)")
"""The leading integer of a span attribute, read the way browsers read it (``"2px"`` -> 2)."""

_SPAN_DIGITS = 6
"""A span value with more digits than this is clamped without being converted."""


def span_count(value: object) -> tuple[int, bool]:
    """A ``rowspan``/``colspan``/``w:gridSpan`` value as a count in ``1..MAX_SPAN``, and whether it
    had to be clamped: 1 when unreadable or < 1, :data:`MAX_SPAN` when larger. An absent or empty
    value is 1 and no clamp."""
    if not isinstance(value, str) or not value.strip():
        return 1, False
    match = _SPAN_VALUE.match(value)
    if match is None:
        return 1, True
    digits = match.group(1).lstrip("0")
    if len(digits) > _SPAN_DIGITS:
        return MAX_SPAN, True
    count = int(digits or "0")
    return min(max(count, 1), MAX_SPAN), not 1 <= count <= MAX_SPAN


def join_cell_pieces(pieces: Iterable[str]) -> str:
    """The pieces of one cell (its paragraphs or ``<br>``-separated lines) as one text: joined
    with no separator, because a break inside a cell splits a word (``本年新`` / ``制作数量``),
    except between two digits, where a space keeps ``12`` / ``3`` two numbers, never 123."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        out += " " + piece if out[-1:].isdigit() and piece[:1].isdigit() else piece
    return out
