"""Stage 1 for each kind of input: a text's or a document's clean lines, and the table grids its
markup (a page's, a Word file's, a text's embedded ``<table>``) or a PDF's rules already give,
each with its kind (by its anchor labels) and its source lines."""

from __future__ import annotations

import regex

from . import limits
from ._normalize import FOOTER, NEWLINE, Line, line_breaks, normalize, normalize_lines
from ._tables import Grid
from ._tables.document import Document, GridRows
from ._tables.html import read_html
from ._text import fold
from ._vocab import TABLE_ANCHORS
from .diagnostics import diag
from .model import Diagnostic, Span

Found = tuple[str | None, Grid, Span]
"""A rebuilt table: its kind (when known), the grid, its source lines."""


def read(text: str, diagnostics: list[Diagnostic]) -> tuple[tuple[Line, ...], list[Found], str]:
    """Lines and markup grids of a text, and its format (``"html"`` when read as a page)."""
    if not text.strip():
        diagnostics.append(diag("input.empty"))
    if len(text) > limits.MAX_INPUT_CHARS:
        text = text[: limits.MAX_INPUT_CHARS]
        diagnostics.append(
            diag("limits.input_truncated", f"Only the first {limits.MAX_INPUT_CHARS:,} characters were read.")
        )
    if line_breaks(text) >= limits.MAX_INPUT_LINES:  # counted first: splitting is the rare path
        pieces = NEWLINE.split(text, maxsplit=limits.MAX_INPUT_LINES)
        text = "\n".join(pieces[:-1])
        diagnostics.append(
            diag("limits.input_truncated", f"Only the first {limits.MAX_INPUT_LINES:,} lines were read.")
        )
    document = read_html(text) if "<" in text else None
    if document is not None and _reads_as_page(text, document):
        lines, grids = read_document("html", document, diagnostics)
        return lines, grids, "html"
    # text (a Markdown or OCR conversion may still embed a <table>: its grid is read from the markup)
    grids = _markup_grids("html", document, diagnostics) if document is not None else []
    normalized = normalize(text)
    diagnostics.extend(normalized.diagnostics)
    return normalized.lines, grids, "text"


def read_document(
    strategy: str, document: Document, diagnostics: list[Diagnostic]
) -> tuple[tuple[Line, ...], list[Found]]:
    """Lines (normalised like text) and grids of a page or a Word document."""
    grids = _markup_grids(strategy, document, diagnostics)
    if document.dropped:
        diagnostics.append(
            diag(
                "normalize.crawler_chrome",
                f"{len(document.dropped)} page chrome element(s) (navigation, breadcrumbs, share "
                "links) were dropped.",
                Span(min(document.dropped), max(document.dropped)),
            )
        )
    if document.hidden:
        how = "Word's hidden text" if strategy == "docx" else "display:none, visibility:hidden, hidden"
        diagnostics.append(
            diag(
                "normalize.hidden_markup",
                f"{len(document.hidden)} hidden element(s) were skipped ({how}).",
                Span(min(document.hidden), max(document.hidden)),
            )
        )
    normalized = normalize_lines((n, t) for t, n in document.lines)
    diagnostics.extend(normalized.diagnostics)
    return normalized.lines, grids


def _markup_grids(strategy: str, document: Document, diagnostics: list[Diagnostic]) -> list[Found]:
    if document.truncated:
        diagnostics.append(
            diag("limits.table_truncated", f"The {strategy.upper()} tables were cut at a limit.")
        )
    if document.clamped:
        diagnostics.append(
            diag(
                "limits.span_clamped",
                f"{len(document.clamped)} cell span(s) were malformed or over {limits.MAX_SPAN}; clamped.",
                Span(min(document.clamped), max(document.clamped)),
            )
        )
    return [(kind_of(g), g, grid_span(g)) for g in (Grid(strategy, rows) for _, rows in document.tables)]


_TAG = regex.compile(r"<[^<>]{0,2000}>")


def pdf_grids(tables: tuple[GridRows, ...], text: str) -> list[Found]:
    """A PDF's ruled tables with their kinds. A table without anchor labels right after one
    continues it across a page break (the header is printed once, on the first page) when it is
    as wide, or when it is narrower (a row's merged cells leave its page fewer columns) and only
    blank or footer lines lie between the two in the text."""
    lines = text.split("\n")
    found: list[Found] = []
    for rows in tables:
        grid = Grid("pdf", rows)
        kind = kind_of(grid)
        span = grid_span(grid)
        if kind is None and found and found[-1][0] is not None:
            width, before = len(found[-1][1].rows[0]), found[-1][2]
            seam = lines[before.end : span.start - 1]
            if len(rows[0]) == width or (
                len(rows[0]) < width
                and before.end < span.start
                and all(not line.strip() or FOOTER.match(line) for line in seam)
            ):
                kind = found[-1][0]
        found.append((kind, grid, span))
    return found


def _reads_as_page(text: str, document: Document) -> bool:
    """Markup is read as a page when it starts as one and its line breaks carry no more structure
    than its blocks do; a text dump with a few stray tags, or a Markdown file with an embedded
    ``<table>``, stays text."""
    if not text.lstrip().startswith("<"):
        return False
    text_lines = sum(1 for line in text.splitlines() if _TAG.sub("", line).strip())
    return 2 * len(document.lines) >= text_lines


def kind_of(grid: Grid) -> str | None:
    """Which canonical table a grid is, by its anchor labels."""
    folded = "".join(fold(c.text) for row in grid.rows for c in row)  # cell by cell: never across a cell
    scores = {kind: sum(1 for a in anchors if a in folded) for kind, anchors in TABLE_ANCHORS.items()}
    best = max(scores.values())
    if best == 0:
        return None
    winners = [k for k, v in scores.items() if v == best]
    return winners[0] if len(winners) == 1 else None


def grid_span(grid: Grid) -> Span:
    numbers = [c.line for row in grid.rows for c in row] or [1]
    return Span(min(numbers), max(numbers))
