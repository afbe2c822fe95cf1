"""PDF: the text layer and the ruled tables, page by page, on PDFium (pypdfium2, the extra ``pdf``).

Each page's glyphs are grouped into lines top down (``_pdf_lines``) and the pages' lines joined,
so line numbers count lines of that text; it goes through the same stages as any text, where the
PDF-text layout strategy reads tables printed without rules. Tables drawn with ruling lines are
rebuilt from the page's segments (``_pdf_grid``) and their cells filled with the glyphs whose
centres they hold: such cells are exact, the way HTML and DOCX cells are, and the pipeline uses
them for the tables they hold unless the text's reading fits the template better
(``_ruled.prefer_ruled``; cells the two read differently are left missing: ``_ruled.settle``).
A table whose rows go on past a page break (``_pdf_tables``), with nothing but page furniture between, is one
table: its pieces are laid on one grid by their columns' ``x``. A cell's wrapped lines are
joined with no separator, except between two digits, where a space keeps ``3`` and ``5`` from
becoming ``35``; a cell printed one character per line (a vertical label) is read
in the order the PDF draws it, so rotated text reads forwards.

Bad input: a password the empty one does not open, a damaged or truncated file, or a file with
no text layer (a scan) is refused with one sentence; hostile files are bounded by the page,
object, character and ruling limits in :mod:`govinfo_report.limits` and by
:data:`~govinfo_report.limits.MAX_PDF_SECONDS` per document.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import attrs

from .. import limits
from .._tables.document import GridRows, join_cell_pieces
from ..diagnostics import diag
from ..errors import InputError
from ..model import Diagnostic
from . import _pdf_grid as grid
from ._pdf_lines import OVERPRINTED, group_lines, line_text
from ._pdf_tables import PageLines, Piece, continued, frame, grid_rows
from ._pdfium import Glyph, Page, raw, read_page

_MIN_TEXT = 20
"""Visible characters below which a PDF counts as having no text layer."""


@attrs.frozen
class PdfText:
    text: str
    pages: int
    tables: tuple[GridRows, ...] = ()
    """The ruled tables of every page, in order, as grids (one-column frames left out)."""
    diagnostics: tuple[Diagnostic, ...] = ()


def _pdfium() -> Any:
    try:
        return raw()
    except ImportError:
        raise InputError(
            "input.missing_extra",
            "Reading PDF files needs pypdfium2: pip install pypdfium2 (or, in a clone of govinfo_report, "
            "pip install '.[pdf]').",
        ) from None


def read_pdf(data: bytes) -> PdfText:
    """The text layer and the ruled tables of a PDF. Raises :class:`InputError` when pypdfium2 is
    missing, the file is damaged or needs a password, or no page has text (a scan)."""
    pdfium_c = _pdfium()
    with _PDFIUM:  # PDFium is not thread-safe: one document at a time in a process
        document = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
        if not document:
            raise InputError(*_refusal(pdfium_c.FPDF_GetLastError(), pdfium_c))
        try:
            return _read(pdfium_c, document)
        finally:
            pdfium_c.FPDF_CloseDocument(document)


_PDFIUM = threading.Lock()
"""Held while PDFium reads a document: threads of a process (a Dask worker's, a thread pool's)
take turns; processes read in parallel."""


def _refusal(error: int, pdfium_c: Any) -> tuple[str, str]:
    if error == pdfium_c.FPDF_ERR_PASSWORD:
        return "input.encrypted", "The PDF needs a password to open; remove it and parse the file again."
    if error == pdfium_c.FPDF_ERR_SECURITY:
        return "input.encrypted", "The PDF is encrypted with a security handler that cannot be read."
    return "input.corrupt", "The PDF is damaged and cannot be read."


def _read(pdfium_c: Any, document: Any) -> PdfText:
    started = time.monotonic()
    diagnostics: list[Diagnostic] = []
    count = pdfium_c.FPDF_GetPageCount(document)
    if count <= 0:
        raise InputError("input.corrupt", "The PDF is damaged: it has no readable page.")
    if count > limits.MAX_PDF_PAGES:
        message = f"The PDF has {count} pages; only the first {limits.MAX_PDF_PAGES} were read."
        diagnostics.append(diag("limits.pdf_pages", message))
    pages: list[PageLines] = []
    pieces: list[Piece] = []
    troubles: dict[str, list[int]] = {}
    first = 1
    for number in range(1, min(count, limits.MAX_PDF_PAGES) + 1):
        if time.monotonic() - started > limits.MAX_PDF_SECONDS:
            message = (
                f"Reading the PDF took longer than {limits.MAX_PDF_SECONDS:g} s; "
                f"pages from {number} on were left out."
            )
            diagnostics.append(diag("limits.pdf_time", message))
            break
        handle = pdfium_c.FPDF_LoadPage(document, number - 1)
        if not handle:
            troubles.setdefault("unreadable", []).append(number)
            pages.append(PageLines([""], [0.0]))
            first += 1
            continue
        try:
            page = read_page(pdfium_c, handle, number)
        finally:
            pdfium_c.FPDF_ClosePage(handle)
        if page.truncated:
            troubles.setdefault("truncated", []).append(number)
        lines = group_lines(page.glyphs)
        line_of = {g.order: first + i for i, line in enumerate(lines) for g in line}
        texts = [line_text(line) for line in lines] or [""]
        if any(OVERPRINTED in t and _overprinted(t, line) for t, line in zip(texts, lines, strict=False)):
            troubles.setdefault("overprinted", []).append(number)
        pages.append(PageLines(texts, [line[0].bottom for line in lines] or [0.0]))
        pieces.extend(_pieces(page, line_of, troubles))
        first += len(texts)
    _report_troubles(troubles, diagnostics)
    text = "\n".join("\n".join(p.texts) for p in pages)
    if len("".join(text.split())) < _MIN_TEXT:
        raise InputError(
            "input.no_text_layer",
            f"The PDF ({count} page(s)) has no text layer, so it is a scan; OCR it and parse the text.",
        )
    empty = [n for n, p in enumerate(pages, start=1) if not "".join(p.texts).strip()]
    if empty:
        message = f"PDF page(s) {_pages(empty)} have no text layer (scanned?); not read."
        diagnostics.append(diag("input.pages_without_text", message))
    tables = tuple(grid_rows(run) for run in continued(pieces, pages))
    kept = tuple(rows for rows in tables if rows and len(rows[0]) > 1)
    return PdfText(text, count, kept, tuple(diagnostics))


_TROUBLES = {
    "ruling": ("limits.pdf_ruling", "draw too many ruling lines; their tables were read from the text"),
    "truncated": (
        "limits.pdf_objects",
        "hold more objects or characters than the limits; the rest was not read",
    ),
    "unreadable": ("input.pages_without_text", "are damaged and were not read"),
    "overprinted": ("input.overprinted", "print text over different text; no number is read from it"),
}


def _overprinted(text: str, line: list[Glyph]) -> bool:
    """Whether a line's text marks glyphs printed over others (not a replacement character the
    PDF itself prints, as files with a broken character map do)."""
    return text.count(OVERPRINTED) > sum(1 for g in line if g.text == OVERPRINTED)


def _report_troubles(troubles: dict[str, list[int]], diagnostics: list[Diagnostic]) -> None:
    for kind, (code, what) in _TROUBLES.items():
        if kind in troubles:
            diagnostics.append(diag(code, f"PDF page(s) {_pages(troubles[kind])} {what}."))


def _pieces(page: Page, line_of: dict[int, int], troubles: dict[str, list[int]]) -> list[Piece]:
    """The page's ruled tables with the text of their cells."""
    horizontal, vertical = grid.snap(page.segments)
    if len(horizontal) * len(vertical) > limits.MAX_PDF_RULING_CROSSINGS:
        troubles.setdefault("ruling", []).append(page.number)
        return []
    horizontal, vertical = grid.close_open_sides(horizontal, vertical)
    if len(horizontal) * len(vertical) > limits.MAX_PDF_RULING_CROSSINGS:  # with the borders drawn back
        troubles.setdefault("ruling", []).append(page.number)
        return []
    found = grid.tables(grid.cells(grid.crossings(horizontal, vertical)))
    members: list[list[list[Glyph]]] = [[[] for _ in boxes] for boxes in found]
    finders = [grid.Finder(boxes) for boxes in found]
    for glyph in page.glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        # the smallest cell that holds it: a frame drawn round the page holds everything too
        holders = [(t, b) for t, finder in enumerate(finders) if (b := finder.box_at(x, y)) is not None]
        if holders:
            t, b = min(holders, key=lambda at: _area(found[at[0]][at[1]]))
            members[t][b].append(glyph)
    out = []
    for boxes, held in zip(found, members, strict=True):
        texts = [_cell_text(glyphs) for glyphs in held]
        lines = [min((line_of[g.order] for g in glyphs), default=None) for glyphs in held]
        out.append(Piece(page.number, boxes, texts, lines, frame(boxes)))
    return out


def _area(box: grid.Box) -> float:
    return (box.x1 - box.x0) * (box.bottom - box.top)


def _cell_text(glyphs: list[Glyph]) -> str:
    """A cell's glyphs as text: its lines joined (a space only between two digits); a cell
    printed one glyph per line is a vertical label, read in the PDF's own order."""
    lines = group_lines(glyphs)
    if len(lines) > 1 and all(len(line) == 1 for line in lines):
        return join_cell_pieces(g.text.strip() for g in sorted(glyphs, key=lambda g: g.order))
    return join_cell_pieces(line_text(line) for line in lines)


def _pages(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")


__all__ = ["PdfText", "read_pdf"]
