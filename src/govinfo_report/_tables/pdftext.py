"""PDF text (pdfplumber / pdftotext): cells separated by spaces, one table row per line at best.

Labels may sit on a line of their own, before or after their numbers; vertical labels leave
one character per line (``三`` ``、`` ``本`` ``年`` …) or glued in front of a row (``本 3.危及…``).
This strategy only cuts each line into a label and its trailing values; pairing labels with
detached values is done by the schema mapper, which knows the template's row order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from .. import _vocab as vocab
from .. import limits
from .._normalize import Line
from .._text import ITEM, fold, in_group_label
from .._values import is_numeric_run, is_value_text
from ..model import GridCell
from .grid import Grid, finish

NAME = "pdftext"

# one character of a vertical label, glued before a row whose own label starts with its item
# number (``本 3.危及…``, ``办 （三）不予公开``); a letter-spaced label (``规 章 1 2 3``) is left alone
_VERTICAL_PREFIX = regex.compile(
    r"^(?:\p{Han}|[、，,])\s+(?=[0-9０-９]{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,2}[)）])"
)
_LETTER_SPACED = regex.compile(r"^\p{Han}(?:\s\p{Han}){1,12}(?:\s|$)")
_VERTICAL_ALONE = regex.compile(r"^(?:\p{Han}、?|[、，,])$")
# one character of a vertical label glued after a row's last number (``… 24757 25365结``: the
# next line, ``结``, run into it); never a money unit, which scales the number
_VERTICAL_SUFFIX = regex.compile(r"(?<=[0-9])\s*(?!" + "|".join(vocab.MONEY_UNITS) + r")\p{Han}$")


def looks_like(lines: Sequence[Line]) -> bool:
    if any("\t" in ln.text or ln.text.lstrip().startswith("|") for ln in lines):
        return False
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    if not texts:
        return False
    return any(is_value(t.rsplit(None, 1)[-1]) for t in texts)  # a line ending in a value


_WHOLE = tuple(p for spec in vocab.APP_ROWS for p in spec.patterns) + tuple(
    p for group in vocab.APP_GROUPS for p in group.patterns
)
"""Names that end a label: a row's or a group's name printed whole is no label cut short."""


def _group_piece(token: str) -> bool:
    """A piece of a group's label (``）不``, ``无法提``), not a row's label of its own."""
    return not ITEM.match(token) and in_group_label(fold(token))


def _cut_short(label: str) -> bool:
    """An item's label (``2、其他法律行``) that may go on below: a name after its number (no
    group's number alone, no piece of a group's label), no group's heading, no name printed
    whole."""
    found = ITEM.match(label)
    if (
        found is None
        or is_value(label)
        or _group_piece(label[found.end() :])
        or not fold(label[found.end() :])
    ):
        return False
    return not any(name in fold(label) for name in _WHOLE)


def _wrapped(label: str, rest: str) -> bool:
    """``rest`` (a line without an item number) goes on with ``label`` (an item's label cut short
    at the cell's edge): never a 小计 or 其中 line, which are rows of their own, never a piece of a
    group's label."""
    if not _cut_short(label) or ITEM.match(rest) or is_value(rest) or _group_piece(rest):
        return False
    folded = fold(rest)
    return folded not in vocab.APP_SUBTOTAL_ROW_LABELS and not any(m in folded for m in vocab.SUBROW_MARKERS)


def vertical_alone(text: str) -> bool:
    """One character of a vertical label on a line of its own (``三`` ``、`` ``本`` …)."""
    return _VERTICAL_ALONE.match(text) is not None


_PLAIN_COUNT = regex.compile(r"-?[0-9]{1,15}")


def is_value(token: str) -> bool:
    # most tokens of a PDF table are plain counts: known values without a full cell parse
    return _PLAIN_COUNT.fullmatch(token) is not None or is_value_text(token) or is_numeric_run(token)


def split_values(text: str) -> tuple[list[str], list[str]]:
    """A line's label tokens and its trailing values; a run of digits too long to be one number
    (table 4's fifteen numbers glued, ``9220031291422127721915449``) is a value for the schema to split.
    Tokens past a table's worth of cells are not read (the grid is truncated there)."""
    tokens = text.split(maxsplit=limits.MAX_TABLE_CELLS + 1)[: limits.MAX_TABLE_CELLS + 1]
    k = len(tokens)
    while k > 0 and is_value(tokens[k - 1]):
        k -= 1
    return tokens[:k], tokens[k:]


def cell_lines(lines: Sequence[Line]) -> Iterator[tuple[Line, str]]:
    """The lines that hold cells, each with its text stripped: no blank line, no character of a
    vertical label on a line of its own."""
    for line in lines:
        text = line.text.strip()
        if text and not vertical_alone(text):
            yield line, text


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    cells = 0
    for line, text in cell_lines(lines):
        if cells > limits.MAX_TABLE_CELLS:  # ``finish`` reports the truncation
            break
        text = _VERTICAL_PREFIX.sub("", text)
        if len(text.split()) > 2:  # a label and numbers, not a single cell such as ``3例``
            text = _VERTICAL_SUFFIX.sub("", text)
        if _LETTER_SPACED.match(text):  # ``规 章 1 2 3``: the label's characters spaced out
            head, tail = split_values(text)
            text = "".join(head) + (" " + " ".join(tail) if tail else "")
        label_tokens, values = split_values(text)
        row: list[GridCell] = []
        if len(label_tokens) >= 2 and vertical_alone(label_tokens[0]) and len(label_tokens[1]) >= 2:
            label_tokens = label_tokens[1:]  # ``结 公开``: a vertical label's character, then the row's
        while len(label_tokens) >= 2 and _group_piece(label_tokens[0]) and not ITEM.match(label_tokens[1]):
            label_tokens = label_tokens[1:]  # ``）不 益``: a piece of （三）不予公开, then the row's
        opens = next((k for k in range(1, len(label_tokens)) if ITEM.match(label_tokens[k])), 0)
        # ``三、本年 2、其他法律行政``: a piece of the parent's label in the column before
        if opens and not any(is_value(token) for token in label_tokens[:opens]):
            rows.append([GridCell(" ".join(label_tokens[:opens]), line.number)])
            label_tokens = label_tokens[opens:]
        previous = rows[-1] if rows else []
        rest = "".join(label_tokens)
        # two items' labels cut short, one after the other (``3、要求提供公开出`` / ``4、无正当理由大量``
        # / ``版物 0 …``): whose ending this line is, is not told
        interleaved = len(rows) >= 2 and len(rows[-2]) == 1 and _cut_short(rows[-2][0].text)
        piece = bool(values) and _group_piece(rest) and len(previous) == 1 and _cut_short(previous[0].text)
        if (
            label_tokens
            and len(previous) == 1
            and not interleaved
            and (piece or _wrapped(previous[0].text, rest))
        ):
            # ``2、其他法律行`` / ``政法规禁止公开 0 0 …``: a label wrapped, its values on its last
            # line; ``2.没有现成信息需要另`` / ``无法提 0 0 …``: its values beside a piece of the
            # group's vertical label (no part of the row's own)
            rows.pop()
            row.append(GridCell(previous[0].text + ("" if piece else rest), previous[0].line))
        elif label_tokens:
            row.append(GridCell(" ".join(label_tokens), line.number))
        row.extend(GridCell(v, line.number) for v in values)
        rows.append(row)
        cells += len(row)
    return finish(NAME, rows)
