"""Cell text → state, value, unit (docs/format.md §3). Never turns "not reported" into 0."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import regex

from . import limits
from ._normalize import ARTEFACT
from ._text import memo_short
from ._vocab import PLACEHOLDERS
from .model import Cell, CellState

_NUMBER = regex.compile(
    r"(?P<sign>[+-]?)\s*(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?\s*(?P<unit>万元|亿元|元|万)?"
)
_ANNOTATED = regex.compile(
    r"(?P<num>[+-]?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:万元|亿元|元|万)?)\s*[(（](?P<note>[^()（）]{1,60})[)）]"
)
_COUNT_UNIT = regex.compile(r"(?P<num>[+-]?[0-9][0-9,]*)\s*(?P<note>件|条|项|个|次|人次)")
_NUMERIC_RUN = regex.compile(r"[+-]?[0-9,]+(?:[+-][0-9,]+)*(?:\.[0-9]+)?(?:万元|亿元|元|万)?")


def clean(raw: str) -> str:
    """The cell text with artefacts removed and whitespace collapsed (what ``Cell.raw`` keeps)."""
    text = ARTEFACT.sub("", raw).replace("&nbsp;", " ")
    return " ".join(text.split())


_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-"})


def _nfkc(text: str) -> str:
    """NFKC, with the minus-like dashes PDF text uses read as ``-``."""
    return unicodedata.normalize("NFKC", text).translate(_MINUS)


def _number(text: str, *, money: bool) -> tuple[int | Decimal, str | None] | None:
    """The number ``text`` writes (a count, a signed change, an amount with its unit), or None;
    ``text`` is NFKC-normalised with :func:`_nfkc` (which a normalised text passes unchanged)."""
    m = _NUMBER.fullmatch(text)
    if m is None:
        return None
    digits = m["int"].replace(",", "")
    unit = m["unit"]
    frac = m["frac"]
    if digits[0] == "0" and len(digits) > 1:
        return None  # no report writes a count with a leading zero: ``007`` is cells run together
    if len(digits) + len(frac or "") > limits.MAX_NUMBER_DIGITS:
        return None  # no count or amount is that long: the cell is read as text
    sign = "-" if m["sign"] == "-" else ""
    if money or frac is not None or unit is not None:
        value = Decimal(f"{sign}{digits}.{frac}" if frac is not None else f"{sign}{digits}")
        return value, unit
    return int(f"{sign}{digits}"), None


def _annotated(text: str, *, money: bool) -> tuple[tuple[int | Decimal, str | None] | None, str | None]:
    """A number with a note beside it: ``22（其中修订16件）``, ``5件``; ``text`` normalised as
    for :func:`_number`."""
    for pattern in (_ANNOTATED, _COUNT_UNIT):
        m = pattern.fullmatch(text)
        if m is not None:
            found = _number(m["num"].strip(), money=money)
            if found is not None:
                return found, m["note"].strip()
    return None, None


_Reading = tuple[str, CellState, "int | Decimal | None", "str | None", "str | None"]
"""What a cell's text says, whatever its line: raw, state, value, its own unit, note."""


_FOOTNOTE = regex.compile(
    "[\u00b9\u00b2\u00b3\u2070-\u2079\u2080-\u2089\u2460-\u2473\u24ea\u24f5-\u24fe"
    "\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]+"
)
"""Superscript, subscript and circled digits: a footnote's mark beside a number (``1024¹``,
``22①``), which NFKC would make more digits of it."""


def _read(raw: str, money: bool) -> _Reading:
    text = clean(raw)
    if not text:
        return text, CellState.BLANK, None, None, None
    if text.isascii() and text.isdigit():  # a plain count (most cells): what the patterns would say
        if len(text) > limits.MAX_NUMBER_DIGITS or (text[0] == "0" and len(text) > 1):
            return text, CellState.TEXT, None, None, None  # ``00`` is two cells run together, not 0
        return text, CellState.NUMBER, Decimal(text) if money else int(text), None, None
    marked = _FOOTNOTE.sub(lambda m: f"（{unicodedata.normalize('NFKC', m.group())}）", text)
    plain = unicodedata.normalize("NFKC", marked)
    if text in PLACEHOLDERS or plain in PLACEHOLDERS:
        return text, CellState.PLACEHOLDER, None, None, None
    normalised = plain.translate(_MINUS)  # once, for every pattern below
    found, note = _number(normalised, money=money), None
    if found is None:
        found, note = _annotated(normalised, money=money)
    if found is None:
        return text, CellState.TEXT, None, None, None
    return text, CellState.NUMBER, found[0], found[1], note


@memo_short(16384)
def _read_count(raw: str) -> _Reading:
    return _read(raw, money=False)


@memo_short(4096)
def _read_money(raw: str) -> _Reading:
    return _read(raw, money=True)


def parse_cell(raw: str, *, line: int | None = None, money: bool = False, unit: str | None = None) -> Cell:
    """Read one cell.

    ``money`` gives a Decimal value; ``unit`` is the column's unit when the cell writes none.
    """
    text, state, value, own_unit, note = _read_money(raw) if money else _read_count(raw)
    # positional arguments: raw, state, value, unit, line, note (this runs for every cell)
    if state is not CellState.NUMBER:
        return Cell(text, state, None, None, line)
    return Cell(text, state, value, own_unit or (unit if money else None), line, note)


def is_value_text(text: str) -> bool:
    """True when a cell's text reads as a value (number, placeholder) rather than a label."""
    return _read_count(text)[1] in (CellState.NUMBER, CellState.PLACEHOLDER)


@memo_short(16384)
def is_numeric_run(text: str) -> bool:
    """True for a run of digits (with signs, separators, a decimal part or a money unit) and nothing else."""
    if _FOOTNOTE.search(text):  # a footnote's mark is no digit of the run
        return False
    return bool(text) and _NUMERIC_RUN.fullmatch(_nfkc(text).replace(" ", "")) is not None
