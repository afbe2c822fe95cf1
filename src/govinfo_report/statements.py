"""The numbers the prose states (收到政府信息公开申请21件, 行政复议1件 ...), as data.

Sections one, three and four say the key figures in words. Each phrase of the vocabulary
(:data:`.._vocab_prose.PHRASES`) that the prose prints before a number and its unit gives a
:class:`~.model.Statement`. It is linked to the table cells it speaks of only when nothing in
its wording makes it another figure:

* a word before it in its clause qualifies it (其中, 累计, 同比, 比上年, 约 ...), or one after it
  (余, 以上, 左右): a part, a running total, a change, an estimate;
* its sentence names another year than the report's (or a year when the report's is unknown);
* its sentence lacks the words that make it this table's figure (行政复议 may be an organ's own
  case load unless the sentence speaks of 信息公开, or it stands in section four);
* the report's template has no such cell (制发规范性文件 in a 2019 report).

收到申请N件 counts new requests alone in one report and new plus carried-over requests in
another: such a statement has two scopes, unless its wording settles it (新收; or 上年结转
stated in the same sentence). R7 (:mod:`.checks`) checks every linked statement; the reading
engine may use one to choose between readings of a row (:mod:`.reading.evidence`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

import attrs
import regex

from . import _vocab_prose as vocab
from .model import Number, Span, Statement
from .normalize import Line
from .sections import SectionSlice, heading_number
from .text import ITEM

_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.])"
_MONEY = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])"
_APPROX = r"(?P<approx>" + "|".join(vocab.QUALIFIERS_AFTER) + r")?"
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?=年)")


def _compile(phrase: vocab.Phrase) -> regex.Pattern[str]:
    number = _MONEY if phrase.money else _COUNT
    units = vocab.MONEY_UNITS if phrase.money else vocab.COUNT_UNITS
    words = r"(?P<words>" + phrase.words + r")" + vocab.BEFORE_NUMBER
    return regex.compile(words + number + _APPROX + r"(?P<unit>" + units + r")")


_PATTERNS = tuple((phrase, _compile(phrase)) for phrase in vocab.PHRASES)


def find_statements(
    lines: Sequence[Line],
    sections: Sequence[SectionSlice],
    *,
    template: str | None,
    year: int | None,
    title: int | None = None,
    skip: Iterable[Span] = (),
) -> tuple[Statement, ...]:
    """The statements of the prose, in document order; ``title``: the title's line, ``skip``:
    the lines of markup tables.

    The lines are read as one text (a PDF wraps its sentences, ``行政复议 351`` / ``件，其中``),
    a title, a heading or a blank line ending a sentence."""
    skipped = tuple(skip)
    section_of = {i: piece.section.number for piece in sections for i in range(piece.start, piece.end)}
    starts = {piece.start for piece in sections}
    starts.add(next((i for i, line in enumerate(lines) if line.number == title), -1))
    chars: list[str] = []
    where: list[tuple[int, int]] = []  # each character's line index and place in the line
    after_heading = False
    for index, line in enumerate(lines):
        if any(span.start <= line.number <= span.end for span in skipped):
            continue
        heading = index in starts or _heads(line.text)
        if chars and (after_heading or heading or not line.text.strip()):
            chars.append("。")
            where.append(where[-1])
        # a title or heading alone on its line ends there; one that runs into its paragraph
        # (``（二）依申请公开情况。进一步规范…``) does not
        after_heading = heading and not any(ch in vocab.CLAUSE_BREAKS for ch in line.text.strip()[:-1])
        for i, ch in enumerate(line.text):
            for part in unicodedata.normalize("NFKC", ch):
                if not part.isspace():
                    chars.append(part)
                    where.append((index, i))
    text = "".join(chars)
    return tuple(_statements(text, where, lines, section_of, template, year))


def _heads(text: str) -> bool:
    """Whether a line opens with a heading's number (一、 （一） 1.)."""
    return bool(ITEM.match(text)) or heading_number(text) is not None


def _statements(
    text: str,
    where: list[tuple[int, int]],
    lines: Sequence[Line],
    section_of: dict[int, int],
    template: str | None,
    year: int | None,
) -> list[Statement]:
    found: list[tuple[int, int, vocab.Phrase, regex.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for phrase, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue  # a phrase tried earlier already reads these words
            taken.append((start, end))
            found.append((start, end, phrase, match))
    found.sort(key=lambda item: item[0])
    out: list[Statement] = []
    for start, end, phrase, match in found:
        value = _number(match.group("n"), phrase.money)
        if value is None:
            continue
        first, last = where[start], where[end - 1]
        statement = Statement(
            phrase=_printed(lines, first, last),
            topic=phrase.topic,
            value=value,
            unit=match.group("unit"),
            line=lines[first[0]].number,
        )
        why = _unlinked(text, start, end, match, phrase, section_of.get(first[0]), template, year)
        if why is not None:
            out.append(attrs.evolve(statement, unlinked=why))
            continue
        scopes = _scopes(text, phrase, template, match, _sentence(text, start, end), found)
        out.append(attrs.evolve(statement, table=phrase.table, scopes=scopes))
    return out


def _printed(lines: Sequence[Line], first: tuple[int, int], last: tuple[int, int]) -> str:
    """The phrase as printed, from its first character to its last (over a line break)."""
    if first[0] == last[0]:
        return lines[first[0]].text[first[1] : last[1] + 1]
    pieces = [lines[first[0]].text[first[1] :]]
    pieces += [lines[k].text for k in range(first[0] + 1, last[0])]
    pieces.append(lines[last[0]].text[: last[1] + 1])
    return "".join(piece.strip() for piece in pieces)


def _number(text: str, money: bool) -> Number | None:
    digits = text.replace(",", "")
    if not money:
        return int(digits)
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    return int(value) if "." not in digits else value


def _unlinked(
    text: str,
    start: int,
    end: int,
    match: regex.Match[str],
    phrase: vocab.Phrase,
    section: int | None,
    template: str | None,
    year: int | None,
) -> str | None:
    """Why the statement speaks of no cell, or None."""
    if phrase.table is None:
        return "no table cell holds it"
    if template not in phrase.scopes and ("*" not in phrase.scopes or template == "pre2019"):
        return f"the {template or 'unknown'} template has no such cell"
    clause = _clause_before(text, start)
    qualifier = next((q for q in vocab.QUALIFIERS_BEFORE if q in clause), None)
    if qualifier is not None:
        return f"qualified by {qualifier}"
    if match.group("approx"):
        return f"qualified by {match.group('approx')}"
    after = text[end : end + 2]
    qualifier = next((q for q in vocab.QUALIFIERS_AFTER if after.startswith(q)), None)
    if qualifier is not None:
        return f"qualified by {qualifier}"
    sentence_start = _sentence_start(text, start)
    years = _YEAR.findall(text[sentence_start:start])
    if years and year is None:
        return f"its sentence names {years[-1]} and the report's year is not known"
    if years and int(years[-1]) != year:
        return f"of another year ({years[-1]})"
    if phrase.context and section != phrase.section:
        # the sentence, or the one before it (收到申请32件。全年办结33件，结转下年度1件。)
        begin, stop = _sentence(text, start, end)
        begin = _sentence_start(text, begin - 1) if begin > 0 else begin
        if not any(word in text[begin:stop] for word in phrase.context):
            return "its sentence does not say it counts the table's figure"
    return None


def _clause_before(text: str, start: int) -> str:
    """The text of the statement's clause before it, with the clause before that one when it is
    short or ends with a qualifying word (``其中，`` ``…30件，其中，``): the words that may qualify
    its number."""
    begin = start
    while begin > 0 and text[begin - 1] not in vocab.CLAUSE_BREAKS:
        begin -= 1
    if begin > 0 and text[begin - 1] not in vocab.SENTENCE_BREAKS:
        previous = begin - 1
        while previous > 0 and text[previous - 1] not in vocab.CLAUSE_BREAKS:
            previous -= 1
        clause = text[previous : begin - 1]
        if len(clause) <= 4 or clause.endswith(vocab.QUALIFIERS_BEFORE):
            begin = previous
    return text[begin:start]


def _sentence_start(text: str, start: int) -> int:
    begin = start
    while begin > 0 and text[begin - 1] not in vocab.SENTENCE_BREAKS:
        begin -= 1
    return begin


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` begins and ends."""
    stop = end
    while stop < len(text) and text[stop] not in vocab.SENTENCE_BREAKS:
        stop += 1
    return _sentence_start(text, start), stop


def _scopes(
    text: str,
    phrase: vocab.Phrase,
    template: str | None,
    match: regex.Match[str],
    sentence: tuple[int, int],
    found: Sequence[tuple[int, int, vocab.Phrase, regex.Match[str]]],
) -> vocab.Scopes:
    scopes = phrase.scopes.get(template or "", phrase.scopes.get("*", ()))
    if phrase.topic != "requests_received":
        return scopes
    verb = match.group("verb")
    if any(v in verb for v in vocab.REQUESTS_VERB_NEW):
        return ((vocab.NEW,),)
    if verb in vocab.REQUESTS_VERB_HANDLED:
        return (*scopes, (vocab.TOTAL,))
    # 上年结转 stated beside it counts apart: it counts new requests (stated as a part, 其中 or
    # 含, of this or of another figure, it settles nothing)
    begin, stop = sentence
    for at, _, other, _ in found:
        if other.topic == "requests_carried_over" and begin <= at < stop:
            if any(q in _clause_before(text, at) for q in vocab.PART_OF):
                return scopes
            return ((vocab.NEW,),)
    return scopes
