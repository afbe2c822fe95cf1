"""Markdown tables written on one line, row after row (``| a | b | | --- | --- | | 1 | 2 |``).

markitdown writes a table nested in another table's cell this way: its rows joined by spaces
inside the outer cell. Where one row ends is not shown (the gap between two rows looks like an
empty cell, and rows under a merged cell have fewer cells), so the cells are written one per line,
as docx2txt writes a table, for the one-cell-per-line layout to read by their labels.
"""

from __future__ import annotations

import regex

_SEPARATOR = regex.compile(r"\s*:?-{3,}:?\s*")
MIN_PIPES = 6
"""A line needs at least this many ``|`` to hold a header and a separator row of two cells."""


def unflatten(line: str) -> list[str] | None:
    """The text around the tables and every cell of them, one per line, in order; None when
    ``line`` holds no flat table."""
    if "---" not in line or line.count("|") < MIN_PIPES:
        return None
    tokens = line.split("|")  # tokens[i] lies between the i-th pipe and the next
    tables = _tables(tokens)
    if not tables:
        return None
    out: list[str] = []
    position = 0  # the first token not yet written
    for k, (header, width) in enumerate(tables):
        _text(out, tokens[position:header])
        stop = tables[k + 1][0] - 1 if k + 1 < len(tables) else len(tokens) - 1
        cells = tokens[header : header + width] + tokens[header + 2 * width + 2 : stop]
        out.extend(cell.strip() for cell in cells if cell.strip())
        position = stop
    _text(out, tokens[position:])
    return out


def _tables(tokens: list[str]) -> list[tuple[int, int]]:
    """(first header token, width) of every header row followed by a separator row."""
    found: list[tuple[int, int]] = []
    k = 1
    while k < len(tokens):
        if not _SEPARATOR.fullmatch(tokens[k]):
            k += 1
            continue
        end = k
        while end < len(tokens) - 1 and _SEPARATOR.fullmatch(tokens[end]):
            end += 1
        width = end - k
        header = k - 1 - width  # ``width`` header cells, then the gap before the separator
        floor = found[-1][0] + 2 * found[-1][1] + 2 if found else 1
        rows_after = len(tokens) - (k + width + 1)  # at least one whole row after the separator
        if width >= 2 and header >= floor and not tokens[k - 1].strip() and rows_after >= width:
            found.append((header, width))
        k = max(end, k + 1)
    return found


def _text(out: list[str], tokens: list[str]) -> None:
    text = "|".join(tokens).strip(" |")
    if text:
        out.append(text)
