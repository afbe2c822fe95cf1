"""Cells run together with no separator (crawler text dumps).

``一、本年新收政府信息公开申请数量21710000218二、上年结转…`` is cut at the known labels of the
template; what lies between a row label and the next label is that row's run of numbers,
kept whole as one cell. Only the schema mapper, with the arithmetic rules, may split it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import cache

import regex

from .. import limits
from .._normalize import Line
from .._text import fold
from .._values import is_numeric_run
from .._vocab import (
    AD_BLOCKS,
    AD_HEADER_WORDS,
    AD_ROWS,
    APP_FULL_LABELS,
    APP_GROUPS,
    APP_ROWS,
    DASHES,
    PLACEHOLDERS,
    RL_GROUP_PATTERNS,
)
from ..model import GridCell
from .grid import Grid, finish

NAME = "runtogether"

_GAP = r"[^\p{Han}\p{L}\p{N}]{0,3}"  # bounded: no backtracking over long runs of punctuation
_CN_NUMBERING = r"(?:[（(]?[一二三四五六七八九十]{1,2}[)）]?[、.．]?)?"
_RUN_CHARS = frozenset("0123456789 ,.+-\t")
_UNITS = ("万元", "亿元", "元", "万")


_MARKS = frozenset(ch for p in PLACEHOLDERS for ch in p if not ch.isalnum() and ch != " ")
"""The marks placeholders are written with (``/`` ``—``): a row's run may end in one (``规章00/``)."""
_WORDS = tuple(sorted((p for p in PLACEHOLDERS if p.isalpha() and not p.isascii()), key=len, reverse=True))
"""Placeholders written as words (``无``): in a row's run they are cells (``规范性文件无无1``)."""


_MARK_PLACEHOLDERS = tuple(
    sorted((p for p in PLACEHOLDERS if p and all(ch in _MARKS for ch in p)), key=len, reverse=True)
)
"""Placeholders written in marks alone (``/`` ``——``), longest first: how a run of marks is cut."""


def _numeric_tail(gap: str) -> int:
    """Where the run of numbers (and placeholders) ending ``gap`` starts, or -1; scanned
    backwards, in linear time."""
    end = len(gap)
    for unit in _UNITS:
        if gap.endswith(unit):
            end -= len(unit)
            break
    start = end
    while start > 0:
        if gap[start - 1] in _RUN_CHARS or gap[start - 1] in _MARKS:
            start -= 1
            continue
        if gap[start - 1] in _COUNT_UNITS and start >= 2 and gap[start - 2].isdigit():
            start -= 1  # ``171件``: a count's unit ends its cell inside the run
            continue
        word = next((w for w in _WORDS if gap.startswith(w, start - len(w))), None)
        if word is None:
            break
        start -= len(word)
    while start < end and gap[start] in " ,.\t":
        start += 1
    if start >= end:
        return -1
    return start if _run_cells(gap[start:]) is not None else -1


_CHUNK = regex.compile(r"\S+")

_COUNT_UNITS = frozenset("件条项个次")
"""Units a count may carry (``171件``): inside a row's run, one ends its cell."""
_UNIT_AS_SPACE = str.maketrans(dict.fromkeys("件条项个次", " "))

_MARK_SPLIT = regex.compile(
    "([" + regex.escape("".join(sorted(_MARKS - set(_RUN_CHARS)))) + "]+|" + "|".join(_WORDS) + ")"
)


def _run_cells(run: str) -> list[tuple[int, str]] | None:
    """A row's run as cells, with their offsets: each run of numbers kept whole (only the mapper
    may split it), each placeholder a cell of its own (``00/`` → ``00`` ``/``; ``0//`` → ``0``
    ``/`` ``/``; ``无无1`` → ``无`` ``无`` ``1``). None when a piece is neither."""
    if is_numeric_run(run):  # a space inside a run is a line break or a gap as printed: kept
        return [(m.start(), m.group()) for m in _CHUNK.finditer(run)]
    cells: list[tuple[int, str]] = []
    at = 0
    text = run.translate(_UNIT_AS_SPACE)  # ``171件146`` is 171 | 146…
    for part in _MARK_SPLIT.split(text):
        if part in _WORDS:
            cells.append((at, part))
        elif len(part) == 1 and part in DASHES and text[at + 1 : at + 2].isdigit():
            return None  # ``—3``: a placeholder beside 3, or -3 written with a dash (``——3`` is not)
        elif part and part[0] in _MARKS and part[0] not in _RUN_CHARS:  # placeholders, one by one
            k = 0
            while k < len(part):
                mark = next((m for m in _MARK_PLACEHOLDERS if part.startswith(m, k)), None)
                if mark is None:
                    return None
                cells.append((at + k, mark))
                k += len(mark)
        elif part.strip():
            if not is_numeric_run(part.strip()):
                return None
            cells.append((at + len(part) - len(part.lstrip()), part.strip()))
        at += len(part)
    return cells or None


def _tail_cells(gap: str, tail: int, numbers: Sequence[int], start: int) -> list[GridCell]:
    """The cells of the run ``gap[tail:]`` (:func:`_run_cells`), each on the line it starts; a
    cell's numbers on a later line are a cell of their own (a stray, or the row's rest)."""
    out: list[GridCell] = []
    for at, text in _run_cells(gap[tail:]) or ():
        first = start + tail + at
        piece = 0
        for k in range(1, len(text)):
            if text[k - 1] == " " and numbers[first + k] != numbers[first + piece]:
                out.append(GridCell(text[piece:k].strip(), numbers[first + piece]))
                piece = k
        out.append(GridCell(text[piece:].strip(), numbers[first + piece]))
    return out


_YEAR_LABEL = regex.compile(r"(?:19|20)[0-9]{2}$")
"""A label may open with a year (``2022年本行政区域…发布总数量：35``): those digits are its own."""


def _numeric_lead(gap: str, lines: Sequence[int]) -> int | None:
    """Where a label the vocabulary does not know starts in ``gap``, after a run of numbers that
    belongs to the row before (``5127其他主动公开文件409``), or None. The run stops at the end of
    its line, so the next line's number is never taken into it, and leaves a year before ``年``
    to the label that follows (``02022年…`` is 0, then ``2022年…``); the run may then be empty."""
    end = 0
    while (
        end < len(gap)
        and lines[end] == lines[0]
        and (  # lines[0]: gap is not empty
            gap[end] in _RUN_CHARS
            or (
                gap[end] in _COUNT_UNITS and gap[end - 1 : end].isdigit() and gap[end + 1 : end + 2].isdigit()
            )
        )
    ):
        end += 1
    for unit in _UNITS:
        if gap.startswith(unit, end):
            end += len(unit)
            break
    rest = gap[end:]
    if gap[end : end + 1] == "年" and (year := _YEAR_LABEL.search(gap, 0, end)) is not None:
        end, rest = year.start(), gap[year.start() :]
    lead = gap[:end].strip()
    if not any(ch.isalpha() for ch in rest) or (lead and not is_numeric_run(lead)):
        return None
    return end if lead or (end < len(gap) and rest[:1].isdigit()) else None


_RL_WORDS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "行政诉讼")


def _loose(folded: str) -> str:
    """A regex matching ``folded`` with any punctuation or spaces between its characters."""
    return _GAP.join(regex.escape(ch) for ch in folded)


@cache
def _lexer() -> regex.Pattern[str]:
    alternatives: list[tuple[int, str]] = []
    for spec in APP_ROWS:
        if spec.group is not None:
            numbering = rf"(?:{spec.number}\s*[.、．]\s*)"
            if not spec.patterns:  # ``3.其他`` is only known by its number
                alternatives.append((2, numbering + r"其他(?!处理|结果)"))
                continue
            prefix = numbering + "?"
        else:
            prefix = _CN_NUMBERING
        alternatives.extend((len(p), prefix + _loose(p)) for p in spec.patterns)
    for group in APP_GROUPS:
        alternatives.extend((len(p), _CN_NUMBERING + _loose(p)) for p in group.patterns)
    for block in AD_BLOCKS:
        alternatives.extend((len(p), _loose(p)) for p in block.patterns)
    for row in AD_ROWS:
        alternatives.extend((len(p), _loose(p)) for p in row.patterns)
    alternatives.extend((len(w), _loose(w)) for w in AD_HEADER_WORDS)
    for patterns in RL_GROUP_PATTERNS.values():
        alternatives.extend((len(p), _loose(p)) for p in patterns)
    alternatives.extend((len(w), _loose(w)) for w in _RL_WORDS)
    alternatives.sort(key=lambda a: -a[0])  # longest first: 行政规范性文件 before 规范性文件
    return regex.compile("|".join(f"(?:{a})" for _, a in alternatives))


@cache
def _label_then_digits() -> regex.Pattern[str]:
    """A known label glued to a number: the mark of a crawler dump (PDF text puts a space between)."""
    return regex.compile(f"(?:{_lexer().pattern})" + r"[-+]?[0-9０-９]")


@cache
def _exact_labels() -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            p
            for p in (
                *(p for spec in APP_ROWS for p in spec.patterns),
                *(p for group in APP_GROUPS for p in group.patterns),
                *(p for row in AD_ROWS for p in row.patterns),
            )
            if len(p) >= 2
        )
    )


def _glued_label(text: str) -> bool:
    """A known label glued to a number somewhere in ``text``. A line longer than
    ``MAX_LINE_CHARS_FOR_LABELS`` is searched for labels as printed only (no punctuation inside
    them), with ``str.find``: the loose pattern's cost grows with the line times the vocabulary."""
    if len(text) <= limits.MAX_LINE_CHARS_FOR_LABELS:
        return _label_then_digits().search(text) is not None
    for label in _exact_labels():
        at = text.find(label)
        while at >= 0:
            after = text[at + len(label) : at + len(label) + 2].lstrip("+-")
            if after[:1] in _DIGITS:
                return True
            at = text.find(label, at + len(label))
    return False


@cache
def _full_labels() -> tuple[str, ...]:
    return (*APP_FULL_LABELS.values(), *_exact_labels())


def _continues(text: str) -> bool:
    """Whether ``text`` after a matched label is more of a template label (the vocabulary matches
    long labels by a part), rather than a label of its own (``行政事业性收费`` left blank, then
    ``本级政府信息公开发布数量141``)."""
    folded = fold(text)
    if not any(ch.isalpha() for ch in folded):  # digits and marks (``147—``): no label of its own
        return True
    return any(folded in full for full in _full_labels())


_DIGITS = frozenset("0123456789０１２３４５６７８９")

_GLUED_ROW = regex.compile(r"[-+]?[0-9０-９][0-9０-９.,+-]*(?:万元|亿元|元|万)?")
_SPACED_ROW = regex.compile(r"(?:\s+[-+]?[0-9０-９][0-9０-９.,]*(?:万元|亿元|元|万)?){2,}\s*")
"""Two or more numbers set apart by spaces after a label: the PDF-text layout, never a dump."""

_MIN_GLUED_ROWS = 3
"""Lines of the form label + glued numbers (``规章000``, ``行政许可0``) that mark a dump with one
row per line, when at least one of them glues two digits or more."""


def looks_like(lines: Sequence[Line]) -> bool:
    """A crawler dump: a long line with a known label glued to a number (the whole table on one
    line), or several lines that are each just a known label and its glued numbers, one of them
    at least two digits (one row per line: ``规章000``). PDF text puts a space between a label and
    its numbers."""
    if any(len(ln.text) > 80 and _glued_label(ln.text) for ln in lines):
        return True
    lexer = _lexer()
    glued = several = 0
    for ln in lines:
        text = ln.text.strip()
        if not text or len(text) > 200 or "\t" in text or "|" in text:
            continue
        label = lexer.match(text)
        if label is None:
            continue
        run = text[label.end() :]
        if _SPACED_ROW.fullmatch(run):
            return False  # ``规章 0 0 0``: PDF text, whose rows some glue by accident (``行政许可550``)
        if _GLUED_ROW.fullmatch(run):
            glued += 1
            several += sum(c.isdigit() for c in run) >= 2
    return glued >= _MIN_GLUED_ROWS and several > 0


def rebuild(lines: Sequence[Line]) -> Grid | None:
    pieces: list[str] = []
    numbers: list[int] = []  # the line of every character of ``text``
    last = ""
    for line in lines:
        if last.isdigit() and line.text[:1].isdigit():
            # a line break between two digits separates two numbers: never fuse them (``5`` / ``2``)
            pieces.append(" ")
            numbers.append(line.number)
        pieces.append(line.text)
        numbers.extend([line.number] * len(line.text))
        last = line.text[-1:] or last
    text = "".join(pieces)
    if not text.strip():
        return None
    rows: list[list[GridCell]] = []
    # a table's worth of rows at most (one more, for ``finish`` to report the truncation)
    matches = list(itertools.islice(_lexer().finditer(text), limits.MAX_TABLE_ROWS + 2))
    if not matches:
        return None
    if matches[0].start() > 0 and text[: matches[0].start()].strip():
        rows.append([GridCell(text[: matches[0].start()].strip(), numbers[0])])
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        label = m.group().strip()
        start = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
        gap = text[start:end].rstrip()  # ``start`` is the gap's first visible character
        lead = _numeric_lead(gap, numbers[start:end]) if gap else None
        if lead is not None:  # numbers, then a label the vocabulary does not know: a row of its own
            value = gap[:lead].strip()
            rows.append(
                [GridCell(label, numbers[m.start()]), *([GridCell(value, numbers[start])] if value else [])]
            )
            start += lead + len(gap[lead:]) - len(gap[lead:].lstrip())
            gap, label = text[start:end].rstrip(), ""
        tail = _numeric_tail(gap)
        if tail > 0:
            more = gap[:tail].strip()
            if label and not _continues(more):  # a blank row, then a local row with a number
                rows.append([GridCell(label, numbers[m.start()])])
                label, lead = "", 0
            label += more  # or the label goes on: ``1.申请人…逾期不补正、…申请 1000001``
        row = [GridCell(label, numbers[m.start()] if lead is None else numbers[start])]
        if tail >= 0:
            row.extend(_tail_cells(gap, tail, numbers, start))
        elif gap:
            if label:
                rows.append(row)
            row = [GridCell(gap, numbers[start])]
        rows.append(row)
    return finish(NAME, rows)
