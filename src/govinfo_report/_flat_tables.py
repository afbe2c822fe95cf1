"""Markdown tables written wrong: on one line, row after row (``| a | b | | --- | --- | | 1 | 2 |``),
or several rows stacked in one (``| 二、上年结转…<br>（一）予以公开 | 2<br>16 | 0<br>0 |``).

markitdown writes a table nested in another table's cell this way: its rows joined by spaces
inside the outer cell. Where one row ends is not shown (the gap between two rows looks like an
empty cell, and rows under a merged cell have fewer cells), so the cells are written one per line,
as docx2txt writes a table, for the one-cell-per-line layout to read by their labels.
"""

from __future__ import annotations

import regex

from ._text import ITEM, fold
from ._vocab import APP_FULL_LABELS

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


_BR = regex.compile(r"<br\s*/?>", regex.IGNORECASE)
_STACKED_VALUE = regex.compile(r"\s*(?:-?[0-9][0-9,.]*|/|-|—)\s*")


def unstack(line: str) -> list[str] | None:
    """The rows of a Markdown row that holds several (a PDF's rule missing between them:
    pymupdf4llm), one per line; None unless every cell holding a number holds as many lines of
    numbers, no cell more lines, and every label cell as many lines too, but for one line that
    opens the one row no other label cell opens with an item number (``二、上年结`` beside
    ``转政府信<br>（一）予``): which row a shorter cell's lines are is not told otherwise."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")) or "<" not in stripped:
        return None
    cells = [_BR.split(cell) for cell in stripped[1:-1].split("|")]
    numbers = [parts for parts in cells if any(_STACKED_VALUE.fullmatch(p) for p in parts if p.strip())]
    counts = {len(parts) for parts in numbers}
    if len(numbers) < 2 or len(counts) != 1 or (k := counts.pop()) < 2 or any(len(p) > k for p in cells):
        return None
    if not all(_STACKED_VALUE.fullmatch(p) for parts in numbers for p in parts):
        return None  # a blank line or a word in a cell of numbers: which row is which is not told
    rows = [[""] * len(cells) for _ in range(k)]
    short: list[int] = []
    for c, parts in enumerate(cells):
        if len(parts) == k:
            for i, part in enumerate(parts):
                rows[i][c] = part.strip()
        elif any(p.strip() for p in parts):
            short.append(c)
    if short:
        opened = {i for i in range(k) for text in rows[i] if ITEM.match(text)}
        lacking = [i for i in range(k) if i not in opened]
        only = cells[short[0]]
        if len(short) > 1 or len(only) > 1 or not ITEM.match(only[0]) or len(lacking) != 1:
            return None
        rows[lacking[0]][short[0]] = only[0].strip()
    return ["|" + "|".join(row) + "|" for row in rows]


def relabel(line: str) -> str | None:
    """A Markdown row whose label was cut into several cells at wrong places, each wrapped over
    lines (``|（二）部<br>的，只计|分公开（区分处理<br>这一情形，不计其|1|…``): its label read
    across the cells line by line, where that reading names a row of the template and the cells
    read one after the other do not; None otherwise."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")) or "<" not in stripped:
        return None
    cells = stripped[1:-1].split("|")
    label = [
        k
        for k, cell in enumerate(cells)
        if cell.strip() and not any(_STACKED_VALUE.fullmatch(part) for part in _BR.split(cell))
    ]
    if len(label) < 2 or label != list(range(label[0], label[-1] + 1)):
        return None
    parts = [_BR.split(cells[k]) for k in label]
    if all(len(p) == 1 for p in parts):
        return None
    by_lines = "".join(p[i] for i in range(max(map(len, parts))) for p in parts if i < len(p))
    by_cells = "".join("".join(p) for p in parts)
    if not _names_a_row(by_lines) or _names_a_row(by_cells):
        return None
    cells[label[0] : label[-1] + 1] = [by_lines, *([""] * (len(label) - 1))]
    return "|" + "|".join(cells) + "|"


def _names_a_row(text: str) -> bool:
    folded = fold(text)
    return any(name in folded for name in APP_FULL_LABELS.values() if len(name) >= _MIN_NAME)


_MIN_NAME = 4
"""A template row's name this long, inside a label, names that row."""
