"""The numbers the prose states (收到政府信息公开申请21件, 行政复议1件 ...), as data.

Sections one, three and four say the key figures in words. Each phrase of the vocabulary
(:data:`.._vocab_prose.PHRASES`) that the prose prints before a number and its unit gives a
:class:`~.model.Statement`. It is linked to the table cells it speaks of only when nothing in
its wording makes it another figure (:mod:`._prose_wording`):

* a word before it in its clause qualifies it (其中, 累计, 同比, 比上年, 约, 未, 网上, 自然人 …),
  or one after it (余, 以上, 左右): a part, a running total, a change, an estimate;
* its clause counts several bodies together (全市各部门, 各乡镇);
* its sentence names another year than the report's (or a year when the report's is unknown);
* the words that make it this table's figure are missing (行政复议 and 行政诉讼 need 信息公开 in
  their clause, or 被申请/被提起 there in a sentence about 信息公开 or in section four: an organ
  may be a review body itself; table 2's 制发 needs the report's year before it);
* the report's template has no such cell (制发规范性文件 in a 2019 report);
* the prose states the same figure twice with different numbers.

Table rows are no prose: a number followed by more numbers (``28件 0 0 …``), the lines of a
markup table, and the tab or pipe rows of a text table are skipped; a line holding only a
number (a page's number) ends a sentence.

收到申请N件 counts new requests alone in one report and new plus carried-over requests in
another: such a statement has two scopes, unless its wording settles it (新收; or 上年结转
stated apart after it in the same sentence). R7 (:mod:`.checks`) checks every linked statement; the
reading engine may use one to choose between readings of a row (:mod:`.reading.evidence`).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs
import regex

from . import _prose_wording as wording
from . import _vocab_prose as vocab
from . import limits
from ._normalize import Line
from ._sections import SectionSlice, heading_number
from ._text import ITEM
from .model import Number, Span, Statement

_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.])"
_MONEY = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])"
_APPROX = r"(?P<approx>" + "|".join(vocab.QUALIFIERS_AFTER) + r")?"
_PAGE_NUMBER = regex.compile(r"\s*\d{1,4}\s*")


def _compile(phrase: vocab.Phrase) -> regex.Pattern[str]:
    number = _MONEY if phrase.money else _COUNT
    units = vocab.MONEY_UNITS if phrase.money else vocab.COUNT_UNITS
    words = r"(?P<words>" + phrase.words + r")" + vocab.BEFORE_NUMBER
    return regex.compile(words + number + _APPROX + r"(?P<unit>" + units + r")")


_PATTERNS = tuple((phrase, _compile(phrase)) for phrase in vocab.PHRASES)

Found = tuple[int, int, vocab.Phrase, "regex.Match[str]"]
"""A phrase's start and end in the prose, its vocabulary entry and its match."""


def find_statements(
    lines: Sequence[Line],
    sections: Sequence[SectionSlice],
    *,
    template: str | None,
    year: int | None,
    title: int | None = None,
    skip: Iterable[Span] = (),
    tables: Iterable[tuple[int, int]] = (),
) -> tuple[Statement, ...]:
    """The statements of the prose, in document order. ``title``: the title's line; ``skip``:
    the lines of markup tables; ``tables``: the index ranges of the text's table regions.

    The lines are read as one text (a PDF wraps its sentences, ``行政复议 351`` / ``件，其中``),
    a title, a heading, a blank line or a page's number ending a sentence."""
    skipped = tuple(skip)
    regions = tuple(tables)
    section_of = {i: piece.section.number for piece in sections for i in range(piece.start, piece.end)}
    starts = {piece.start for piece in sections}
    starts.add(next((i for i, line in enumerate(lines) if line.number == title), -1))
    pieces: list[str] = []
    where = _Places(lines)
    after_heading = False
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if _not_prose(index, line, following, skipped, regions):
            if pieces:
                pieces.append("。")
                where.skip()
            continue
        heading = index in starts or _heads(line.text)
        if pieces and (after_heading or heading or not line.text.strip()):
            pieces.append("。")
            where.skip()
        # a title or heading alone on its line ends there; one that runs into its paragraph
        # (``（二）依申请公开情况。进一步规范…``) does not
        after_heading = heading and not any(ch in vocab.CLAUSE_BREAKS for ch in line.text.strip()[:-1])
        folded = _SPACE.sub("", _nfkc(line.text))
        pieces.append(folded)
        where.add(index, len(folded))
    prose = "".join(pieces)
    found = _found(prose)
    out = [_statement(prose, item, found, where, lines, section_of, template, year) for item in found]
    return tuple(_without_conflicts([s for s in out if s is not None]))


_SPACE = regex.compile(r"\s+")


class _Places:
    """Where each character of the prose (the lines in NFKC, whitespace left out, one after
    another) stands in its line as printed: worked out for the few characters asked about."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        self._starts: list[int] = []  # each piece's first character in the prose
        self._indices: list[int] = []  # each piece's line index
        self._size = 0
        self._places: dict[int, list[int]] = {}

    def add(self, index: int, size: int) -> None:
        """The next ``size`` characters are line ``index``'s."""
        self._starts.append(self._size)
        self._indices.append(index)
        self._size += size

    def skip(self) -> None:
        """The next character is a sentence's end put in between lines (no line's)."""
        self._size += 1

    def __getitem__(self, at: int) -> tuple[int, int]:
        """The line index and the place in that line of the prose's character ``at``."""
        k = bisect.bisect_right(self._starts, at) - 1
        index = self._indices[k]
        if index not in self._places:
            self._places[index] = _kept(self._lines[index].text)
        return index, self._places[index][at - self._starts[k]]


def _nfkc(text: str) -> str:
    """``text`` in NFKC, folded character by character where that changes its length (so that
    each character of the result has one place in the line)."""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) == len(text):  # most lines: one character for one (，→ , 　→ space)
        return folded
    return "".join(unicodedata.normalize("NFKC", ch) for ch in text)


def _kept(text: str) -> list[int]:
    """The places in ``text`` of the characters :func:`_nfkc` keeps, whitespace left out."""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) == len(text):
        return [i for i, ch in enumerate(folded) if not ch.isspace()]
    return [i for i, ch in enumerate(text) for p in unicodedata.normalize("NFKC", ch) if not p.isspace()]


def _not_prose(
    index: int, line: Line, following: str, skipped: Sequence[Span], regions: Sequence[tuple[int, int]]
) -> bool:
    """A markup table's line, a text table's tab or pipe row, or a page's number (not a year
    wrapped onto a line of its own: ``截至`` / ``2022`` / ``年底，…``)."""
    if any(span.start <= line.number <= span.end for span in skipped):
        return True
    if _PAGE_NUMBER.fullmatch(line.text) and not following.lstrip().startswith("年"):
        return True
    in_table = any(start <= index < end for start, end in regions)
    return in_table and ("\t" in line.text or "|" in line.text)


def _heads(text: str) -> bool:
    """Whether a line opens with a heading's number (一、 （一） 1.)."""
    return bool(ITEM.match(text)) or heading_number(text) is not None


def _found(text: str) -> list[Found]:
    """Every phrase of the vocabulary the prose prints before a number (the first that reads a
    stretch of words wins), in document order; not a table row's (more numbers after it)."""
    found: list[Found] = []
    taken = bytearray(len(text))  # the characters a phrase tried earlier already reads
    for phrase, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            if _table_row(text, end, match):
                continue
            found.append((start, end, phrase, match))
    return sorted(found, key=lambda item: item[0])


_ROW_GOES_ON = "/—–-"
"""Marks after a number that a table row's next cell may open with (placeholders, a sign)."""


def _table_row(text: str, end: int, match: regex.Match[str]) -> bool:
    """A table row's cells, not a statement: more numbers or cells after it (``28件 0 0 …``,
    ``28件/////``), or a row's label right before its number (``…申请数量28件``)."""
    if end < len(text) and (text[end].isdigit() or text[end] in _ROW_GOES_ON):
        return True
    return match.group("before") in ("数量", "件数", "总数", "总量")


def _statement(
    text: str,
    item: Found,
    found: Sequence[Found],
    where: _Places,
    lines: Sequence[Line],
    section_of: dict[int, int],
    template: str | None,
    year: int | None,
) -> Statement | None:
    start, end, phrase, match = item
    first, last = where[start], where[end - 1]
    if not _separators_printed(match, where, lines):
        return None  # ``申请1，200件``: which number it states is not told
    if sum(ch.isdigit() for ch in match.group("n")) > limits.MAX_NUMBER_DIGITS:
        return None  # no count or amount is that long: a run of digits, as a cell would be text
    statement = Statement(
        phrase=_printed(lines, first, last),
        topic=phrase.topic,
        value=_number(match.group("n"), phrase.money),
        unit=match.group("unit"),
        line=lines[first[0]].number,
    )
    why = wording.unlinked(text, (start, end), match, phrase, section_of.get(first[0]), template, year)
    if why is not None:
        return attrs.evolve(statement, unlinked=why)
    scopes = _scopes(text, phrase, template, match, wording.sentence(text, start, end), found)
    area = wording.area(text, start, match)
    return attrs.evolve(statement, table=phrase.table, scopes=scopes, area=area)


def _separators_printed(match: regex.Match[str], where: _Places, lines: Sequence[Line]) -> bool:
    """The thousands separators of its number are printed as ``,`` (a full-width ``，`` folds to
    ``,`` but ends a clause: ``申请1，200件`` is no 1200)."""
    start = match.start("n")
    for k, ch in enumerate(match.group("n")):
        if ch == ",":
            line, at = where[start + k]
            if lines[line].text[at] != ",":
                return False
    return True


def _printed(lines: Sequence[Line], first: tuple[int, int], last: tuple[int, int]) -> str:
    """The phrase as printed, from its first character to its last (over a line break)."""
    if first[0] == last[0]:
        return lines[first[0]].text[first[1] : last[1] + 1]
    pieces = [lines[first[0]].text[first[1] :]]
    pieces += [lines[k].text for k in range(first[0] + 1, last[0])]
    pieces.append(lines[last[0]].text[: last[1] + 1])
    return "".join(piece.strip() for piece in pieces)


def _number(text: str, money: bool) -> Number:
    digits = text.replace(",", "")
    return Decimal(digits) if money and "." in digits else int(digits)


def _scopes(
    text: str,
    phrase: vocab.Phrase,
    template: str | None,
    match: regex.Match[str],
    sentence: tuple[int, int],
    found: Sequence[Found],
) -> vocab.Scopes:
    scopes = phrase.scopes.get(template or "", phrase.scopes.get("*", ()))
    if phrase.topic != "requests_received":
        return scopes
    verb = match.group("verb")
    if any(v in verb for v in vocab.REQUESTS_VERB_NEW):
        return ((vocab.NEW,),)
    if verb in vocab.REQUESTS_VERB_HANDLED:
        return (*scopes, (vocab.TOTAL,))
    # 上年结转 stated apart after it in its sentence: this counts new requests; stated as a part
    # (其中, 含, 包括, in brackets) of this or of another figure, it settles nothing (nor does one
    # stated before it)
    stop = sentence[1]
    for k in range(bisect.bisect_left(found, match.end(), key=lambda item: item[0]), len(found)):
        at, _, other, _ = found[k]
        if at >= stop:
            break
        if other.topic == "requests_carried_over":
            between = text[match.end() : at]
            return scopes if any(word in between for word in vocab.PART_OF) else ((vocab.NEW,),)
    return scopes


def _without_conflicts(statements: list[Statement]) -> list[Statement]:
    """The statements, those linked to the same cells with different numbers unlinked: the
    prose counts two things by one name (全市…51件 and 本局…5件), and which is the table's is
    not told."""
    values: dict[tuple[str, tuple[tuple[str, ...], ...]], set[Number]] = {}
    for s in statements:
        if s.unlinked is None:
            values.setdefault((s.topic, s.scopes), set()).add(s.value)
    return [
        attrs.evolve(
            s, table=None, scopes=(), area=None, unlinked="the prose states it with different numbers"
        )
        if s.unlinked is None and len(values[(s.topic, s.scopes)]) > 1
        else s
        for s in statements
    ]
