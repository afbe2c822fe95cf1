"""Grid rows read as a label and its values: what the table mappers classify."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from .._text import memo_short
from .._values import is_numeric_run, is_value_text
from ..model import GridCell, Span


@attrs.frozen
class RowView:
    """A grid row read as label + values."""

    label: str
    """The text cells before the values, joined."""
    values: tuple[GridCell, ...]
    """The cells after the label (spanned positions dropped); may be empty."""
    line: int
    """First source line of the row."""
    last_line: int
    """Last source line of the row."""
    index: int = 0
    """Position of the row in its grid (document order)."""
    value_start: int = 0
    """Grid column of the first value cell (spanned cells before it counted): rows of one grid
    line up by it."""
    inline: bool = False
    """A ``label：value`` line (a local statistic in prose): never taken for a template row."""
    strategy: str = ""
    """The layout strategy that rebuilt the row's grid (``html``, ``tabs``, ``pdftext`` ...)."""
    label_spans: bool = False
    """Every label cell of the row spans into the row below (a group's label, such as （三）不予公开
    over its items): the row's own label is not printed."""

    @functools.cached_property
    def own(self) -> tuple[GridCell, ...]:
        """The value cells the row prints itself (a Markdown table's filler cells left out)."""
        values = self.values
        return tuple(c for c in values if not c.filler) if any(c.filler for c in values) else values

    @functools.cached_property
    def own_filled(self) -> tuple[int, int] | None:
        """The first and last non-blank cell of :attr:`own`; None when all are blank."""
        return _reach(self.own)

    @functools.cached_property
    def values_filled(self) -> tuple[int, int] | None:
        """The first and last non-blank cell of :attr:`values`; None when all are blank."""
        return self.own_filled if self.own is self.values else _reach(self.values)

    @property
    def has_values(self) -> bool:
        return bool(self.values)

    @property
    def has_content(self) -> bool:
        """True when at least one value cell is not blank."""
        return any(c.text.strip() for c in self.values)

    @property
    def span(self) -> Span:
        return Span(self.line, max(self.line, self.last_line))

    @property
    def raw(self) -> str:
        return " ".join(c.text for c in self.values)


def _reach(cells: Sequence[GridCell]) -> tuple[int, int] | None:
    filled = [i for i, c in enumerate(cells) if c.text.strip()]
    return (filled[0], filled[-1]) if filled else None


_INLINE_VALUE = regex.compile(
    r"^(?P<label>.{2,200}?)[:：]\s*(?P<value>[-+]?[0-9０-９][0-9０-９,]*(?:\.[0-9０-９]+)?\s*(?:万元|亿元|元|万)?)$"
)


@memo_short(16384)
def _is_label_text(text: str) -> bool:
    return bool(text.strip()) and not is_value_text(text) and not is_numeric_run(text)


def row_views(rows: Sequence[Sequence[GridCell]], strategy: str = "", start: int = 0) -> list[RowView]:
    """Read every grid row as label + values (``start``: the index of the first row, when a
    table printed in pieces is read as one).

    The label is the text cells before the first value cell; a text cell after a value is a value
    cell holding text (``3例``), kept with its raw text.
    """
    out: list[RowView] = []
    for index, row in enumerate(rows, start):
        below = rows[index - start + 1] if index - start + 1 < len(rows) else ()
        down = (
            {id(c) for k, c in enumerate(row) if k < len(below) and below[k].spanned and c.text.strip()}
            if any(c.spanned for c in below)
            else set()
        )
        spanned = any(c.spanned for c in row)
        cells = [c for c in row if not c.spanned] if spanned else list(row)
        if not cells:
            continue
        is_label: list[bool] = []  # up to the first value cell
        for c in cells:
            text_cell = _is_label_text(c.text)
            if not text_cell and c.text.strip():
                break
            is_label.append(text_cell)
        last_text = max((i for i, text_cell in enumerate(is_label) if text_cell), default=-1)
        label_cells = [c for c in cells[: last_text + 1] if c.text.strip()]
        values = tuple(cells[last_text + 1 :])
        # PDF text keeps words apart with spaces; other layouts' label cells join without one
        joiner = " " if any(" " in c.text for c in label_cells) else ""
        label = joiner.join(c.text.strip() for c in label_cells)
        line = label_cells[0].line if label_cells else cells[0].line
        inline = False
        if not values and len(label_cells) == 1:
            m = _INLINE_VALUE.match(label)
            if m is not None:  # ``2020年本行政区域…发布总数量（非新闻类、消息类）：0``
                label, inline = m["label"].strip(), True
                values = (GridCell(m["value"], label_cells[0].line),)
        last = max(c.line for c in cells)
        spans = bool(label_cells) and all(id(c) in down for c in label_cells)
        # the grid column of the first value: spanned label cells count (rows of a grid line up)
        first = cells[last_text + 1] if values and not inline else None
        if first is None:
            start_at = len(row)
        else:
            start_at = next(k for k, c in enumerate(row) if c is first) if spanned else last_text + 1
        out.append(RowView(label, values, line, last, index, start_at, inline, strategy, spans))
    return out
