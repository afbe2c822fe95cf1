"""DOCX layout: block text and table grids from WordprocessingML (``word/document.xml``).

Read with lxml, namespaces matched by local name so Transitional and Strict OOXML both read:

* paragraphs (``w:p``) in document order, also inside content controls (``w:sdt``), custom XML
  and text boxes (``w:txbxContent``, read once: the ``mc:Choice`` of an ``mc:AlternateContent``,
  not its ``mc:Fallback`` copy); ``w:tab`` is a tab, ``w:br``/``w:cr`` a line break;
* tracked changes: ``w:del`` and ``w:moveFrom`` dropped, ``w:ins`` and ``w:moveTo`` kept; field
  codes (``w:instrText``), bookmarks and comments' anchors left out;
* hidden text left out as Word hides it: runs with ``w:vanish`` or ``w:specVanish``, also in table
  cells, and a table row marked hidden (``w:trPr/w:hidden``) whose cells show no text. A hidden
  paragraph mark (``w:pPr/w:rPr/w:vanish``) hides the mark only: Word runs the paragraph into the
  next one, here it stays a paragraph of its own with its text. ``w:webHidden`` hides only in Web
  Layout view and is kept, as Word's print layout shows it;
* automatic numbering (``w:numPr``, from ``word/numbering.xml``) rendered in front of the text,
  so an auto-numbered heading reads ``一、总体情况`` as it does on screen;
* tables (``w:tbl``) as rectangular grids: ``w:gridSpan`` spreads a cell over columns,
  ``w:vMerge`` continues the cell above (``GridCell("", line, spanned=True)``), ``w:gridBefore``
  and ``w:gridAfter`` leave empty positions. A table that holds another table is a layout table:
  its cells are read as text and the inner tables as tables.

DOCX has no source lines: blocks are numbered in document order, one line per paragraph (and per
line break inside one) and one per table row. Nothing here raises on a well-formed XML tree.
"""

from __future__ import annotations

import attrs

from ..limits import MAX_DOCUMENT_CELLS, MAX_SPAN
from ..limits import MAX_HTML_TABLE_CELLS as MAX_TABLE_CELLS
from ..model import GridCell
from ._docx_numbering import Numbering
from ._docx_numbering import numbered as _numbered
from ._docx_text import Element
from ._docx_text import attribute as _attr
from ._docx_text import block_nodes as _block_nodes
from ._docx_text import cells as _cells
from ._docx_text import first_child as _child
from ._docx_text import has_table_inside as _has_table_inside
from ._docx_text import integer as _int
from ._docx_text import is_on as _on
from ._docx_text import local_name as _local
from ._docx_text import paragraph_text as _paragraph_text
from ._docx_text import rows as _rows
from .document import Document, GridRows, join_cell_pieces, span_count

# --- reading ------------------------------------------------------------------------------------


@attrs.define
class _Reader:
    numbering: Numbering
    lines: list[tuple[str, int]] = attrs.field(factory=list)
    tables: list[tuple[int, GridRows]] = attrs.field(factory=list)
    line: int = 0
    budget: int = MAX_DOCUMENT_CELLS
    truncated: bool = False
    clamped: list[int] = attrs.field(factory=list)
    hidden: list[int] = attrs.field(factory=list)
    """Lines (paragraphs, table rows) where hidden text was left out, each once."""

    def blocks(self, container: Element) -> None:
        """Read the paragraphs and tables under ``container`` in document order."""
        for node in _block_nodes(container):
            if _local(node) == "p":
                self.paragraph(node)
            elif _has_table_inside(node):
                self.layout_table(node)
            else:
                self.table(node)

    def paragraph(self, paragraph: Element) -> None:
        text, boxes = self.paragraph_text(paragraph, self.line + 1)
        for piece in _numbered(self.numbering.label(paragraph), text).split("\n"):
            self.line += 1
            if piece.strip():
                self.lines.append((piece, self.line))
        for box in boxes:
            self.blocks(box)

    def layout_table(self, table: Element) -> None:
        for row in _rows(table):
            for cell in _cells(row):
                self.blocks(cell)

    def table(self, table: Element) -> None:
        positions: dict[tuple[int, int], GridCell] = {}
        row_lines: list[int] = []
        limit = min(MAX_TABLE_CELLS, self.budget)
        width = 0
        for row in _rows(table):
            r = len(row_lines)
            if r * max(width, 1) >= limit:  # rows x width, padding included, as the grid will be
                self.truncated = True
                break
            self.line += 1
            properties = _child(row, "trPr")
            col = _int(_attr(_child(properties, "gridBefore"), "val"), 0) if properties is not None else 0
            col = min(max(col, 0), MAX_SPAN)  # empty positions before the first cell
            cells = [(*self.cell_shape(cell), cell) for cell in _cells(row)]
            texts = ["" if merged else self.cell_text(cell) for _, merged, cell in cells]
            if properties is not None and _on(_child(properties, "hidden")) and not any(texts):
                continue  # Word hides the row: its mark is hidden and none of its text is shown
            row_lines.append(self.line)
            for (span, merged, _), text in zip(cells, texts, strict=True):
                for dc in range(span):
                    if len(positions) >= limit:
                        self.truncated = True
                        break
                    spanned = merged or dc > 0
                    positions[(r, col + dc)] = GridCell("" if spanned else text, self.line, spanned=spanned)
                col += span
            width = max(width, col)
        if not positions:
            return
        width = 1 + max(c for _, c in positions)
        rows = sorted({r for r, _ in positions})
        keep = min(len(rows), max(limit // width, 1))
        self.truncated = self.truncated or keep < len(rows)
        grid = tuple(
            tuple(positions.get((r, c)) or GridCell("", row_lines[r], filler=True) for c in range(width))
            for r in rows[:keep]
        )
        self.budget -= len(grid) * width
        self.tables.append((len(self.lines), grid))

    def cell_shape(self, cell: Element) -> tuple[int, bool]:
        """A cell's column span, and whether it continues the cell above (``w:vMerge``)."""
        properties = _child(cell, "tcPr")
        if properties is None:
            return 1, False
        span, clamped = span_count(_attr(_child(properties, "gridSpan"), "val"))
        if clamped:
            self.clamped.append(self.line)
        merge = _child(properties, "vMerge")
        merged = merge is not None and (_attr(merge, "val") or "continue") == "continue"
        horizontal = _child(properties, "hMerge")  # legacy horizontal merge
        merged = merged or (horizontal is not None and (_attr(horizontal, "val") or "continue") == "continue")
        return span, merged

    def cell_text(self, cell: Element) -> str:
        """The text of a cell: its paragraphs, each with white space collapsed, joined by
        :func:`.document.join_cell_pieces` (no separator, since a paragraph break inside a cell
        splits a word: ``本年新`` / ``制作数量``; a space between two digits)."""
        pieces: list[str] = []
        for node in _block_nodes(cell):  # paragraphs only: a table holding tables is a layout table
            text, boxes = self.paragraph_text(node, self.line)
            pieces.append(" ".join(_numbered(self.numbering.label(node), text).split()))
            for p in (p for box in boxes for p in _block_nodes(box)):
                pieces.append(" ".join(self.paragraph_text(p, self.line)[0].split()))
        return join_cell_pieces(pieces)

    def paragraph_text(self, paragraph: Element, line: int) -> tuple[str, list[Element]]:
        """:func:`_paragraph_text`, noting ``line`` (once) when hidden text was left out."""
        text, boxes, hidden = _paragraph_text(paragraph)
        if hidden and (not self.hidden or self.hidden[-1] != line):
            self.hidden.append(line)
        return text, boxes


def read_docx_xml(
    document: Element, numbering: Element | None = None, styles: Element | None = None
) -> Document:
    """Block text and tables of a parsed ``word/document.xml`` (with ``word/numbering.xml`` and
    ``word/styles.xml`` for list numbers)."""
    reader = _Reader(Numbering.read(numbering, styles))
    body = next((node for node in document.iter() if _local(node) == "body"), None)
    if body is not None:
        reader.blocks(body)
    return Document(
        lines=tuple(reader.lines),
        tables=tuple(reader.tables),
        truncated=reader.truncated,
        clamped=tuple(reader.clamped),
        hidden=tuple(reader.hidden),
    )


__all__ = ["Numbering", "read_docx_xml"]
