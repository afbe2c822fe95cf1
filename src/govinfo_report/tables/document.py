"""What a markup reader (HTML, DOCX) gives the pipeline: block text and exact table grids."""

from __future__ import annotations

import attrs

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
