"""One cell per line, no row marks (docx2txt, mammoth, plain pdftotext, a Markdown table written
on one line): ``规章`` / ``0`` / ``0`` / ``0`` / ``行政规范性文件`` / ``14`` …

A row is a label followed by its values: the values after a label line, up to the next label,
are that label's row. A label wrapped over lines is joined back from the last line that opens
with an item number (``4.保护第三方`` / ``合法权``); label lines before it (headers, a parent item
such as ``（三）不予公开``) are rows of their own, as in PDF text. A blank cell leaves no trace, so
the rows are read as PDF text's are (:data:`..reading.SPACED`): where a row has fewer values than
columns, only what the rules settle is read; more values than columns are another row's.

A table whose every line holds one cell (docx2txt, a Markdown table written on one line) is
named ``cell_lines``: there a line holding two values (``182 2``) is a damaged cell, a number split
or a cell too many beside a blank one, and its row is read in doubt; PDF text (``paragraphs``)
prints some rows' values together on a line.

Where the text does not tell whose values a run is (two row labels before it, a group's heading
with items after it, column headers at a table's or a block's start, more values than a row
holds), the values are left out of the grid, never paired by order: those cells are missing and
the grid is marked ``out_of_order`` (``table.out_of_order``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import limits
from .._normalize import Line
from .._sections import cn_number
from .._text import ITEM as _ITEM
from .._text import fold, in_group_label
from .._vocab import (
    AD_BLOCKS,
    AD_HEADER_WORDS,
    AD_ROWS,
    APP_FULL_LABELS,
    APP_GROUPS,
    APP_HEADER_WORDS,
    RL_GROUP_PATTERNS,
)
from ..model import GridCell
from .grid import Grid, finish
from .pdftext import cell_lines, is_value, split_values

NAME = "paragraphs"
STRICT = "cell_lines"
"""The name of a table whose every line holds one cell (docx2txt, a Markdown table on one line),
as against PDF text that mostly does: there a line holding two values is a damaged cell."""

MIN_VALUE_LINES = 4
"""A table of this layout shows at least this many lines holding one value each."""
MAX_ROW_VALUES = 15
"""The most values one row of either template holds (table 4's single row). A longer run of
values with no label between holds several rows' values (a table printed column by column, or
labels printed apart from their values): which row each belongs to is not told."""
_ROW_NAMES = tuple(APP_FULL_LABELS.values())
"""Table 3's row names (folded, item numbers aside)."""
_SHORT_NAMES = frozenset(p for spec in AD_ROWS for p in spec.patterns)
"""Table 2's row names, printed whole (``规章``, ``行政许可``)."""
_TABLE_4_NAMES = tuple(p for ps in RL_GROUP_PATTERNS.values() for p in ps)
"""Table 4's row names (``行政复议``), all in its header over its one row of values."""
_HEADER_WORDS = (*AD_HEADER_WORDS, *APP_HEADER_WORDS)
_BLOCKS = tuple(p for block in AD_BLOCKS for p in block.patterns)
_MAX_LABEL = 16
"""A row's label is short: a longer line naming a row (``我局作出行政许可决定…``) is prose."""
_MIN_NAME = 4
"""Characters of a row's name that name it (``总计`` alone is also a header's word)."""


def looks_like(lines: Sequence[Line]) -> bool:
    """Most lines with a value hold one value and nothing else, and some follow each other."""
    alone = rows = 0
    run = longest = 0
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if "\t" in text or text.startswith("|"):
            return False
        if is_value(text):
            alone += 1
            run += 1
            longest = max(longest, run)
            continue
        run = 0
        if split_values(text)[1]:
            rows += 1
    return alone >= MIN_VALUE_LINES and alone >= 3 * rows and longest >= 2


def rebuild(lines: Sequence[Line]) -> Grid | None:
    runs = _runs(lines)
    if runs is None:
        return None
    rows: list[list[GridCell]] = []
    # the first values of the table or of a block of table 2 right after column headers, no
    # row named: the values come before their labels (plain pdftotext), so no label's row is
    # the values after it, in the whole table (later, such a run goes on with the row above)
    reversed_order = any(values and _header_only(labels) for labels, values in _first_runs(runs))
    unpaired = False
    for k, (labels, values) in enumerate(runs):
        opens = max((j for j, label in enumerate(labels) if _ITEM.match(label.text)), default=len(labels) - 1)
        rows.extend([label] for label in labels[:opens])
        items_follow = k + 1 < len(runs) and _opens_an_item(runs[k + 1][0])
        if values and (reversed_order or not _in_order(labels, values, items_follow=items_follow)):
            # whose values these are is not told: they are left out, never paired by order
            rows.extend([label] for label in labels[opens:])
            unpaired = True
        elif labels:
            joined = "".join(label.text for label in labels[opens:])
            rows.append([GridCell(joined, labels[opens].line), *values])
        else:
            rows.append(list(values))
    return finish(STRICT if _strict(lines) else NAME, rows, out_of_order=unpaired)


_MAX_SEVERAL = 2
"""A table of one cell per line shows no more lines holding several values than this (one, or
one in twenty of its value lines): damaged cells, not PDF text's rows."""


def _strict(lines: Sequence[Line]) -> bool:
    """Whether (nearly) every line holds one cell: no label line with values after it, few value
    lines with several values."""
    several = single = 0
    for _, text in cell_lines(lines):
        head, tail = split_values(text)
        if head and tail:
            return False
        if tail:
            several += len(tail) > 1
            single += len(tail) == 1
    return several <= max(1, min(_MAX_SEVERAL, single // 20))


Run = tuple[list[GridCell], list[GridCell]]
"""Label lines, then the value lines after them."""


def _runs(lines: Sequence[Line]) -> list[Run] | None:
    runs: list[Run] = []
    labels: list[GridCell] = []
    values: list[GridCell] = []
    cells = 0
    for line, text in cell_lines(lines):
        if cells > limits.MAX_TABLE_CELLS:  # ``finish`` reports the truncation
            break
        head, tail = ([], [text]) if is_value(text) else split_values(text)
        if head:
            if values:
                runs.append((labels, values))
                labels, values = [], []
            labels.append(GridCell(" ".join(head), line.number))
        values.extend(GridCell(v, line.number) for v in tail)
        cells += len(head) + len(tail)
    if labels or values:
        runs.append((labels, values))
    return runs or None


def _in_order(labels: Sequence[GridCell], values: Sequence[GridCell], *, items_follow: bool) -> bool:
    """The values after these labels are the last label's row. Not when they are more than a
    row holds, when two of the labels name rows (``8.属于行政查询事项`` then ``5.属于三类…``: rows'
    labels printed apart from their values, as PDF text in reading order or by columns prints
    them; ``(一)`` and ``(二)`` are two rows as well), or when the last label is a group's
    heading (``（四）无法提供``) with items after it: a printed subtotal, or its first item's
    values whose label follows them (without items, 2019's ``（六）其他处理`` is a row)."""
    if len(values) > MAX_ROW_VALUES:
        return False
    if labels and _heading(labels[-1].text) and items_follow:
        return False
    # (a blank row's label before a block's heading is a rival too: PDF text read column by
    # column crosses blocks, ``4698`` / ``行政许可`` / ``第二十条第（六）项``)
    if sum(1 for label in labels if _names_a_row(label.text)) >= 2:
        return False
    items = [_item(label.text) for label in labels]
    numbered = [item for item in items if item is not None]
    return not any((level, number + 1) in numbered for level, number in numbered)


def _opens_an_item(labels: Sequence[GridCell]) -> bool:
    """The labels open with a numbered item of the lowest level (``1.本机关不掌握…``)."""
    item = _item(labels[0].text) if labels else None
    return item is not None and item[0] == "digit"


def _opens_a_block(label: str) -> bool:
    """A table 2 block's heading (``第二十条第（八）项``)."""
    folded = fold(label)
    return any(block in folded for block in _BLOCKS)


def _first_runs(runs: Sequence[Run]) -> list[Run]:
    """The table's first run with values, and each first one after a block's heading."""
    first: list[Run] = []
    waiting = True
    for labels, values in runs:
        if any(_opens_a_block(label.text) for label in labels):
            waiting = True
        if waiting and values:
            first.append((labels, values))
            waiting = False
    return first


def _header_only(labels: Sequence[GridCell]) -> bool:
    """Column headers (``本年处理决定数量``, ``法律服务机构``) and no row's name."""
    folded = [fold(label.text) for label in labels]
    header = any(word in f for f in folded for word in _HEADER_WORDS)
    named = any(name in f for f in folded for name in _TABLE_4_NAMES)  # table 4: one row under its header
    return header and not named and not any(_names_a_row(label.text) for label in labels)


def _heading(label: str) -> bool:
    """A group's heading over its items (``（四）无法提供``, ``三、本年度办理结果``)."""
    folded = fold(label)
    return any(pattern in folded for group in APP_GROUPS for pattern in group.patterns)


def _names_a_row(label: str) -> bool:
    """The label (or a piece of it after a space) opens a row of its own: an item number and a
    name that is no group's (``5.属于三类内部``, ``（一）予以公开``), the start of a row's name,
    or a table 2 row's name."""
    for token in label.split():
        found = _ITEM.match(token)
        if found is not None:
            rest = fold(token[found.end() :])
            if rest and not _heading(token) and not in_group_label(rest, whole=True):
                return True
    folded = fold(label)
    if len(folded) >= _MIN_NAME and any(name.startswith(folded) for name in _ROW_NAMES):
        return True
    return len(folded) <= _MAX_LABEL and any(name in folded for name in _SHORT_NAMES)


def _item(label: str) -> tuple[str, int] | None:
    """The level and number of the item a label opens with (``(二)`` → ``("paren", 2)``)."""
    found = _ITEM.match(label)
    if found is None or found.lastgroup is None:
        return None
    text = found.group(found.lastgroup)
    return found.lastgroup, int(text) if text.isdigit() else cn_number(text)
