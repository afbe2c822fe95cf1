"""PDF: the text layer and the ruled tables, page by page, with pdfplumber (the extra ``pdf``).

Pages are read with ``extract_text()`` and joined with a newline, so line numbers count lines of
that text. The text goes through the same stages as any text: the PDF-text layout strategy knows
how pdfplumber lays tables out (labels apart from their numbers, vertical labels, page footers
inside tables). Tables drawn with ruling lines are also read as grids (``find_tables``): their
cells are exact, the way HTML and DOCX cells are, and the pipeline uses them for the tables they
hold unless the text's reading fits the template better (``pipeline._prefer_ruled``). A cell
pdfplumber reports as merged (None) is a spanned position; a cell wrapped over lines is joined
with no separator, except between two digits, where a space keeps ``3`` and ``5`` from becoming
``35``.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

import attrs

from .. import limits
from ..diagnostics import diag
from ..errors import InputError
from ..model import Diagnostic, GridCell
from ..tables.document import GridRows, join_cell_pieces

_MIN_TEXT = 20
"""Visible characters below which a PDF counts as having no text layer."""


@attrs.frozen
class PdfText:
    text: str
    pages: int
    tables: tuple[GridRows, ...] = ()
    """The ruled tables of every page, in order, as grids (one-column frames left out)."""
    diagnostics: tuple[Diagnostic, ...] = ()


def _pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise InputError(
            "input.missing_extra",
            "Reading PDF files needs pdfplumber; install it with: pip install 'govinfo-report[pdf]'.",
        ) from None
    return pdfplumber


def read_pdf(data: bytes) -> PdfText:
    """The text layer of a PDF. Raises :class:`InputError` when pdfplumber is missing, the file is
    damaged or encrypted, or no page has text (a scan)."""
    pdfplumber = _pdfplumber()
    diagnostics: list[Diagnostic] = []
    with _quiet("pdfminer"):
        return _read(pdfplumber, data, diagnostics)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """pdfminer logs a warning for every font quirk of a page; a report's problems are
    diagnostics, so its log is kept to errors while the PDF is read."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(max(level, logging.ERROR))
    try:
        yield
    finally:
        logger.setLevel(level)


def _read(pdfplumber: Any, data: bytes, diagnostics: list[Diagnostic]) -> PdfText:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            count = len(pages)
            if count > limits.MAX_PDF_PAGES:
                diagnostics.append(
                    diag(
                        "limits.pdf_pages",
                        f"The PDF has {count} pages; only the first {limits.MAX_PDF_PAGES} were read.",
                    )
                )
            texts: list[str] = []
            tables: list[GridRows] = []
            first_line = 1
            ruled: list[int] = []
            for number, page in enumerate(pages[: limits.MAX_PDF_PAGES], start=1):
                text = page.extract_text() or ""
                texts.append(text)
                lines = text.split("\n")
                if _crossings(page) > limits.MAX_PDF_RULING_CROSSINGS:
                    ruled.append(number)
                else:
                    tables.extend(_grid(t.extract(), lines, first_line) for t in page.find_tables())
                first_line += len(lines)
                page.close()  # frees the page's layout objects as soon as its text is out
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many types on damaged or encrypted files
        raise InputError("input.corrupt", _damaged(error)) from None
    if sum(len("".join(t.split())) for t in texts) < _MIN_TEXT:
        raise InputError(
            "input.no_text_layer",
            f"The PDF ({count} page(s)) has no text layer, so it is a scan; OCR it and parse the text.",
        )
    if ruled:
        message = (
            f"PDF page(s) {_pages(ruled)} draw too many ruling lines; their tables were read from the text."
        )
        diagnostics.append(diag("limits.pdf_ruling", message))
    empty = [n for n, t in enumerate(texts, start=1) if not t.strip()]
    if empty:
        diagnostics.append(
            diag(
                "input.pages_without_text",
                f"PDF page(s) {_pages(empty)} have no text layer (scanned?); not read.",
            )
        )
    kept = tuple(grid for grid in tables if grid and len(grid[0]) > 1)
    return PdfText("\n".join(texts), count, kept, tuple(diagnostics))


def _grid(rows: list[list[str | None]], lines: list[str], first_line: int) -> GridRows:
    """A pdfplumber table as a rectangular grid, each row on the line of the text layer where
    its first cell's text is found (searching on from the previous row's line)."""
    width = max((len(row) for row in rows), default=0)
    out: list[tuple[GridCell, ...]] = []
    at = 0
    for row in rows:
        texts = [_cell_text(c) for c in row]
        probe = next((c for c in row if c and c.strip()), None)
        if probe is not None:
            head = "".join(probe.strip().split("\n")[0].split())[:6]
            found = next((i for i in range(at, len(lines)) if head in "".join(lines[i].split())), None)
            if found is not None:
                at = found
        line = first_line + at
        cells = [
            GridCell("", line, spanned=True) if c is None else GridCell(t, line)
            for c, t in zip(row, texts, strict=True)
        ]
        cells += [GridCell("", line)] * (width - len(cells))
        out.append(tuple(cells))
    return tuple(out)


def _crossings(page: Any) -> int:
    """How many points the page's horizontal and vertical ruling lines could cross at (distinct
    rows x distinct columns); pdfplumber's table finding grows much faster than this."""
    rows = {round(edge["top"]) for edge in page.horizontal_edges}
    columns = {round(edge["x0"]) for edge in page.vertical_edges}
    return len(rows) * len(columns)


def _pages(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    return join_cell_pieces(" ".join(piece.split()) for piece in cell.split("\n"))


def _damaged(error: Exception) -> str:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return "The PDF is password-protected; remove the password and parse it again."
    return f"The PDF is damaged and cannot be read ({name})."


__all__ = ["PdfText", "read_pdf"]
