"""What a statement's wording says of its number: its clause, its sentence, the words that
qualify it, the year it names. Used by :mod:`.statements`; the words are :mod:`._vocab_prose`'s."""

from __future__ import annotations

import regex

from . import _vocab_prose as vocab
from ._sections import cn_number

_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?=年)")
_CN_YEAR = regex.compile(r"([一二][〇零○一二三四五六七八九]{3})(?=年)")
_COMBINED = regex.compile(vocab.COMBINED)
_PART_AFTER = regex.compile(vocab.PART_AFTER)


def clause_before(text: str, start: int) -> str:
    """The text of the clause before ``start``, with the clause before that one when it is short
    or ends with a qualifying word (``其中，`` ``…30件，其中，``)."""
    return text[clause_start(text, start) : start]


def clause_start(text: str, start: int) -> int:
    """Where the clause of :func:`clause_before` begins."""
    begin = _after_last(text, vocab.CLAUSE_BREAKS, start)
    if begin > 0 and text[begin - 1] not in vocab.SENTENCE_BREAKS:
        previous = _after_last(text, vocab.CLAUSE_BREAKS, begin - 1)
        clause = text[previous : begin - 1]
        if len(clause) <= 4 or clause.endswith(vocab.QUALIFIERS_BEFORE):
            begin = previous
    return begin


_BACK = {
    marks: regex.compile("[" + regex.escape(marks) + "]", flags=regex.REVERSE)
    for marks in (vocab.CLAUSE_BREAKS, vocab.SENTENCE_BREAKS)
}
_SENTENCE_END = regex.compile("[" + regex.escape(vocab.SENTENCE_BREAKS) + "]")


def _after_last(text: str, marks: str, stop: int) -> int:
    """The position after the last of ``marks`` before ``stop`` (0 when none), searched back
    from ``stop`` (a long text is never scanned from its start)."""
    found = _BACK[marks].search(text, 0, max(stop, 0))
    return found.start() + 1 if found is not None else 0


def sentence_start(text: str, start: int) -> int:
    return _after_last(text, vocab.SENTENCE_BREAKS, start)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``text[start:end]`` begins and ends."""
    found = _SENTENCE_END.search(text, end)
    return sentence_start(text, start), found.start() if found is not None else len(text)


def last_year(text: str) -> int | None:
    """The last year ``text`` names (``2023年``, ``二〇二三年``), or None."""
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
    for m in _CN_YEAR.finditer(text):
        digits = "".join(str(cn_number(ch)) if ch not in "〇零○" else "0" for ch in m.group(1))
        found.append((m.start(), int(digits)))
    return max(found)[1] if found else None


def unlinked(
    text: str,
    span: tuple[int, int],
    match: regex.Match[str],
    phrase: vocab.Phrase,
    section: int | None,
    template: str | None,
    year: int | None,
) -> str | None:
    """Why the statement at ``span`` speaks of no cell of its table, or None."""
    start, end = span
    if phrase.table is None:
        return "no table cell holds it"
    if template not in phrase.scopes and ("*" not in phrase.scopes or template == "pre2019"):
        return f"the {template or 'unknown'} template has no such cell"
    if section in vocab.NOT_STATED_IN:
        return f"in section {section}, whose numbers are no table's"
    if match.group("unit") in vocab.OTHER_UNITS:
        return f"counts {match.group('unit')}"
    clause = own_words(text, start, match)
    for words, why in (
        (vocab.QUALIFIERS_BEFORE, "qualified by {}"),
        (vocab.SUB_BODIES, "counts several bodies together ({})"),
    ):
        found = next((w for w in words if w in clause), None)
        if found is not None:
            return why.format(found)
    approx = match.group("approx") or next(
        (q for q in vocab.QUALIFIERS_AFTER if text[end : end + 2].startswith(q)), None
    )
    if approx:
        return f"qualified by {approx}"
    if phrase.topic == "lawsuits" and _COMBINED.search(text[max(0, start - 6) : start]):
        return "counts reviews and lawsuits together"
    stop = sentence(text, start, end)[1]
    following = sentence(text, stop + 1, stop + 1)[1] if stop < len(text) else stop
    if _PART_AFTER.search(text[end:following]):  # in its sentence, or the next one
        return "its sentence then counts a part of it (其中…信息公开)"
    # the year its clause names; else, unless its clause says this year (本年度), the last one
    # its sentence named before it
    named = last_year(clause)
    if named is None and not any(word in clause for word in vocab.THIS_YEAR):
        named = last_year(text[sentence_start(text, start) : start])
    if named is not None and year is None:
        return f"its sentence names {named} and the report's year is not known"
    if named is not None and named != year:
        return f"of another year ({named})"
    return _context(text, span, clause, phrase, section, year)


def own_words(text: str, start: int, match: regex.Match[str]) -> str:
    """The statement's clause up to its noun: the words before it and its own verb and fill
    (``全市收到政府信息公开``), read as one stretch of text."""
    fill_end = match.end("fill") if match.groupdict().get("fill") is not None else start
    return text[clause_start(text, start) : max(start, fill_end)]


def _context(
    text: str, span: tuple[int, int], clause: str, phrase: vocab.Phrase, section: int | None, year: int | None
) -> str | None:
    """Why the words around the statement do not make it its table's figure, or None."""
    missing = "its sentence does not say it counts the table's figure"
    if not phrase.context:
        return None
    before = text[sentence_start(text, span[0]) : span[1]]  # its sentence, up to it
    if phrase.context == vocab.CASE_CONTEXT:
        # in its own clause (因政府信息公开被申请行政复议2起); a case against the organ (被提起…) in
        # a sentence about them, or in section four, whose heading says so
        own = clause + text[span[0] : span[1]]
        against = any(word in own for word in vocab.CASE_AGAINST)
        if any(word in own for word in phrase.context):
            return None
        in_their_section = section == phrase.section
        return None if against and (in_their_section or any(w in before for w in phrase.context)) else missing
    if phrase.clause:  # this year's, before it in its sentence: 本年度制发…, 2023年…
        words = [*phrase.context, *([f"{year}年"] if year is not None else [])]
        return None if any(word in before for word in words) else missing
    if phrase.topic.startswith("requests") and any(noun in clause for noun in vocab.NOT_REQUESTS):
        return "its clause counts another thing"  # 12345热线全年办结3000件, 热线收到群众申请
    if section == phrase.section:
        return None
    # the sentence, or the one before it (收到申请32件。全年办结33件，结转下年度1件。)
    begin, stop = sentence(text, *span)
    begin = sentence_start(text, begin - 1) if begin > 0 else begin
    return None if any(word in text[begin:stop] for word in phrase.context) else missing


def area(text: str, start: int, match: regex.Match[str]) -> str | None:
    """The word saying the statement counts a whole area (全市, 全县 …), or None."""
    clause = own_words(text, start, match)
    return next((w for w in vocab.AREAS if w in clause), None)
