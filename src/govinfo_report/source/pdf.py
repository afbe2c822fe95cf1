"""PDF: the text layer and the ruled tables, page by page, on PDFium (pypdfium2, the extra ``pdf``).

Each page's glyphs are grouped into lines top down (``_pdf_lines``) and the pages' lines joined,
so line numbers count lines of that text; it goes through the same stages as any text, where the
PDF-text layout strategy reads tables printed without rules. Tables drawn with ruling lines are
rebuilt from the page's segments (``_pdf_grid``) and their cells filled with the glyphs whose
centres they hold: such cells are exact, the way HTML and DOCX cells are, and the pipeline uses
them for the tables they hold unless the text's reading fits the template better
(``_ruled.prefer_ruled``; cells the two read differently are left missing: ``_ruled.settle``).
A table whose rows go on past a page break, with nothing but page furniture between, is one
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

import itertools
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs
import regex

from .. import limits
from ..diagnostics import diag
from ..errors import InputError
from ..model import Diagnostic, GridCell
from ..normalize import FOOTER
from ..tables.document import GridRows, join_cell_pieces
from ..values import is_value_text
from . import _pdf_grid as grid
from ._pdf_lines import OVERPRINTED, group_lines, line_text
from ._pdfium import Glyph, Page, raw, read_page

_MIN_TEXT = 20
"""Visible characters below which a PDF counts as having no text layer."""

_EDGE = 2 * grid.SNAP
"""Points the left and right edges of a table's two pieces may differ by across a page break."""


@attrs.frozen
class PdfText:
    text: str
    pages: int
    tables: tuple[GridRows, ...] = ()
    """The ruled tables of every page, in order, as grids (one-column frames left out)."""
    diagnostics: tuple[Diagnostic, ...] = ()


class _Piece(NamedTuple):
    """A ruled table on one page: its cells, each with its text and the line it starts on."""

    page: int
    boxes: list[grid.Box]
    texts: list[str]
    lines: list[int | None]
    frame: grid.Box
    """The table's outer edges."""


class _PageLines(NamedTuple):
    texts: list[str]
    baselines: list[float]
    first: int
    """Line number of the page's first line in the whole text."""


def _pdfium() -> Any:
    try:
        return raw()
    except ImportError:
        raise InputError(
            "input.missing_extra",
            "Reading PDF files needs pypdfium2; install it with: pip install 'govinfo-report[pdf]'.",
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
    pages: list[_PageLines] = []
    pieces: list[_Piece] = []
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
            pages.append(_PageLines([""], [0.0], first))
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
        pages.append(_PageLines(texts, [line[0].baseline for line in lines] or [0.0], first))
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
    tables = tuple(_grid_rows(run) for run in _continued(pieces, pages))
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


def _pieces(page: Page, line_of: dict[int, int], troubles: dict[str, list[int]]) -> list[_Piece]:
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
    finders = [_Finder(boxes) for boxes in found]
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
        out.append(_Piece(page.number, boxes, texts, lines, _frame(boxes)))
    return out


class _Finder:
    """Which cell of a table holds a point: by the table's column and row boundaries."""

    def __init__(self, boxes: list[grid.Box]) -> None:
        self.boxes = boxes
        self.xs = grid.boundaries([b.x0 for b in boxes] + [b.x1 for b in boxes])
        self.ys = grid.boundaries([b.top for b in boxes] + [b.bottom for b in boxes])
        self.at: dict[tuple[int, int], int] = {}
        for n, box in enumerate(boxes):
            for r in range(_nearest(self.ys, box.top), _nearest(self.ys, box.bottom)):
                for c in range(_nearest(self.xs, box.x0), _nearest(self.xs, box.x1)):
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


def _holds(box: grid.Box, x: float, y: float) -> bool:
    return box.x0 <= x <= box.x1 and box.top <= y <= box.bottom


def _area(box: grid.Box) -> float:
    return (box.x1 - box.x0) * (box.bottom - box.top)


def _cell_text(glyphs: list[Glyph]) -> str:
    """A cell's glyphs as text: its lines joined (a space only between two digits); a cell
    printed one glyph per line is a vertical label, read in the PDF's own order."""
    lines = group_lines(glyphs)
    if len(lines) > 1 and all(len(line) == 1 for line in lines):
        return join_cell_pieces(g.text.strip() for g in sorted(glyphs, key=lambda g: g.order))
    return join_cell_pieces(line_text(line) for line in lines)


def _continued(pieces: list[_Piece], pages: list[_PageLines]) -> list[list[_Piece]]:
    """Pieces in runs, a piece joining the run before it when it goes on from the last page's
    table: it is the first table of the next page, as wide, and only page furniture lies between
    (page numbers, and lines both pages print: a running header or footer)."""
    runs: list[list[_Piece]] = []
    for piece in pieces:
        if runs and _goes_on(runs[-1][-1], piece, pieces, pages):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _goes_on(before: _Piece, after: _Piece, pieces: list[_Piece], pages: list[_PageLines]) -> bool:
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


def _frame(boxes: list[grid.Box]) -> grid.Box:
    left, top = min(b.x0 for b in boxes), min(b.top for b in boxes)
    return grid.Box(left, top, max(b.x1 for b in boxes), max(b.bottom for b in boxes))


def _top(piece: _Piece) -> float:
    return piece.frame.top


def _grid_rows(run: Sequence[_Piece]) -> GridRows:
    """Pieces of one table as one grid: their cells placed by the column and row boundaries of
    all of them (a piece drawn with fewer columns has cells spanning the ones it lacks). At each
    page break, a header the next page prints again is dropped, and a row the break cut in two
    is one row again (:func:`_mend_seam`)."""
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
        c0, c1 = _nearest(xs, box.x0), _nearest(xs, box.x1)
        r0, r1 = _nearest(ys, box.top), _nearest(ys, box.bottom)
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
    for seam in reversed([_nearest(ys, y) for y in seams]):
        out, walls = _mend_seam(out, seam, walls)
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


def _mend_seam(
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


def _nearest(bounds: list[float], value: float) -> int:
    i = bisect_left(bounds, value)
    if i == len(bounds) or (i > 0 and value - bounds[i - 1] <= bounds[i] - value):
        return i - 1
    return i


def _pages(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")


__all__ = ["PdfText", "read_pdf"]
