"""Markdown pipe tables: ``| a | b |`` rows with ``|---|`` separators.

Lines between tables (headings such as ``第二十条第（一）项`` or ``（三）不予公开``) become
one-cell rows, so one table per row group reads as one grid.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from .._normalize import Line
from ..model import GridCell
from . import pdftext
from .grid import Grid, finish

NAME = "markdown"
BARE = "bare_pipes"
"""html2text's tables: rows without outer pipes, read as delimited rows (blank fields shown)."""

_SEPARATOR_CELL = regex.compile(r":?-{2,}:?")


def _is_row(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) >= 2 and stripped[0] == "|" and stripped[-1] == "|"


def _is_separator(text: str) -> bool:
    """``|---|:--:|`` (the outer pipes optional); checked cell by cell, in linear time."""
    stripped = text.strip()
    if "-" not in stripped:
        return False
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return all(_SEPARATOR_CELL.fullmatch(cell.strip()) for cell in stripped.split("|"))


def looks_like(lines: Sequence[Line]) -> bool:
    """Rows under a ``|---|`` separator, or whole ``| a | b |`` rows with none (trafilatura and
    html2text write tables without one) as long as no row is split over lines."""
    if any(_is_separator(ln.text) for ln in lines):
        return sum(1 for ln in lines if "|" in ln.text and not _is_separator(ln.text)) >= 2
    rows = sum(1 for ln in lines if _is_row(ln.text) and ln.text.count("|") >= 3)
    return rows >= 2 and not any(_is_split_piece(ln.text) for ln in lines)


def _is_split_piece(text: str) -> bool:
    """A line of a pipe row split over lines: a bare ``|``, or a row's start without its end."""
    stripped = text.strip()
    return stripped == "|" or (stripped.startswith("|") and not stripped.endswith("|"))


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    separated = False
    opened = False  # a row opens with ``|`` (a Markdown table) or none does (html2text)
    texts = [line.text.strip() for line in lines]
    filled = [k for k, text in enumerate(texts) if text]
    for k, after in itertools.zip_longest(filled, filled[1:]):
        text, line = texts[k], lines[k]
        if _is_separator(text):
            separated = True
            continue
        header = after is not None and _is_separator(texts[after])  # the row a separator closes
        if _is_row(text) or ((separated or header or any(len(r) > 1 for r in rows)) and _is_bare_row(text)):
            # outer pipes come in pairs: without the opening one (html2text), a closing ``|``
            # ends an empty cell
            opened = opened or text.startswith("|")
            inner = text[1:].removesuffix("|") if text.startswith("|") else text
            rows.append([GridCell(cell.strip(), line.number) for cell in inner.split("|")])
        else:
            rows.append([GridCell(text.removeprefix("|").strip(), line.number)])
    shared = sum(1 for row in rows for cell in row if _several_values(cell.text))
    loose = sum(1 for row in rows if len(row) == 1 and _pdf_row(row[0].text))
    if shared >= MIN_SHARED_CELLS or loose >= 1 or _filler_columns(rows) >= MIN_FILLER_COLUMNS:
        # a PDF's text put in tables by guessed columns (markitdown, pymupdf4llm): two columns in
        # one cell, empty cells where no column was, rows left outside the tables as PDF text
        # (``规章 0 0 0``): its cells tell no more than PDF text does
        return pdftext.rebuild([Line(" ".join(c.text for c in row if c.text), row[0].line) for row in rows])
    # rows without outer pipes are not padded to the table's width, and a closing ``|`` ends an
    # empty cell: cells apart by a separator, as tab rows are
    return finish(NAME if opened else BARE, rows)


MIN_FILLER_COLUMNS = 2
"""Columns blank in every row of a table, between filled ones: columns a PDF converter guessed
(pymupdf4llm's ``|规章|0|||0||0||``), where an HTML or Word table has its header's words."""
MIN_SHARED_CELLS = 2
"""Cells holding two numbers (``0 0``) that show a table's columns were guessed from a PDF."""


def _filler_columns(rows: Sequence[Sequence[GridCell]]) -> int:
    """The most columns blank in every row of a run of rows of labels and values one after the
    other, as wide as each other (two rows or more), between columns holding values: where
    values stand apart, not a label's merged columns."""
    runs: list[list[Sequence[GridCell]]] = []
    for row in rows:
        clean = len(row) > 2 and _label_and_values(row)
        if clean and runs and runs[-1] and len(runs[-1][-1]) == len(row):
            runs[-1].append(row)
        else:
            runs.append([row] if clean else [])
    most = 0
    for same in runs:
        if len(same) < 2:
            continue
        width = len(same[0])
        valued = [j for j in range(width) if any(pdftext.is_value(row[j].text) for row in same)]
        if len(valued) < 2:
            continue
        filled = [any(row[j].text for row in same) for j in range(width)]
        most = max(most, sum(1 for j in range(valued[0] + 1, valued[-1]) if not filled[j]))
    return most


def _label_and_values(row: Sequence[GridCell]) -> bool:
    """A row of a label and values only (blank cells aside), no header or broken text."""
    texts = [c.text for c in row if c.text]
    return len(texts) >= 2 and all(pdftext.is_value(t) for t in texts[1:])


def _pdf_row(text: str) -> bool:
    """A line of PDF text outside the tables: a short label and two values or more."""
    label, values = pdftext.split_values(text)
    return len(values) >= 2 and 0 < len("".join(label)) <= MAX_PDF_LABEL


MAX_PDF_LABEL = 20
"""Characters of a row's label: a longer line ending in numbers is prose."""


def _several_values(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 2 and all(pdftext.is_value(t) for t in tokens)


def _is_bare_row(text: str) -> bool:
    """A row with one outer pipe or none (``a | b | c``, which GFM allows, or html2text's
    ``行政许可| 4698``; the rest of a row a line break cut), in a table already under way."""
    return "|" in text
