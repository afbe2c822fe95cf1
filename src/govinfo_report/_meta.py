"""Title, organ and year, read from the report's title (which may be split over lines).

The title is looked for in the first lines, before the first section heading. Page chrome is
never a title, nor the organ on the line above one: a breadcrumb (``当前位置：首页 > 政务公开``,
a trail of links), a site name (``XX市人民政府门户网站``). A page title with separators
(``…年度报告_XX市人民政府``) lends only its part that reads as a title, and a title in the body
ranks before it. A notice issuing the report (``关于印发XX局2023年…年度报告的通知``) gives the
report's title and organ. A year range (``2024—2025年``) names no report year: the year is None
(``meta.no_year``) unless both ends are the same year.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from ._normalize import Line
from ._vocab import (
    EMBEDDED_TITLE_LEADS,
    ORGAN_PRONOUNS,
    OTHER_DOCUMENT_ENDINGS,
    PAGE_POSITION_MARKERS,
    PAGE_SITE_WORDS,
    PAGE_TITLE_SEPARATORS,
    PAGE_TRAIL_SEPARATORS,
    PROSE_AFTER_NAMES,
    PROSE_OPENINGS,
    REPORT_NOTICE_PREFIXES,
    REPORT_NOTICE_SUFFIXES,
    REPORT_TITLE_ABOUT,
    REPORT_TITLE_ENDINGS,
    REPORT_TITLE_WORDS,
    STATISTICS_PERIOD_WORDS,
    YEAR_RANGE_SEPARATORS,
)

_YEAR_NUMBER = r"(?:[1１][9９]|[2２][0０])[0-9０-９]{2}|二[〇零○O][〇零○O一二三四五六七八九]{2}"
_YEAR = regex.compile(rf"({_YEAR_NUMBER})\s*年(?!\s*[0-9０-９一二三四五六七八九十]{{1,2}}\s*月)")
"""A year, not a date's (``2020年1月印发``)."""
_YEAR_RANGE = regex.compile(
    rf"({_YEAR_NUMBER})\s*(?:年度?)?\s*(?:{'|'.join(map(regex.escape, YEAR_RANGE_SEPARATORS))}){{1,2}}"
    rf"\s*({_YEAR_NUMBER})\s*年"
)
_YEAR_AFTER = regex.compile(rf"\s*[（(]\s*(?:{_YEAR_NUMBER})\s*年?度?\s*[)）]")
_YEAR_DIGITS = str.maketrans("〇零○O一二三四五六七八九", "0000123456789")  # int() reads ０-９ itself
_ISSUING = "|".join(map(regex.escape, REPORT_NOTICE_PREFIXES))
_NOTICE_WORD = regex.compile("|".join(map(regex.escape, (*REPORT_NOTICE_PREFIXES, *REPORT_TITLE_ABOUT))))
_NOTICE_HEAD = regex.compile(
    rf"^(?:.*(?:{_ISSUING})|{'|'.join(map(regex.escape, REPORT_TITLE_ABOUT))})\s*[《「“\"]?"
)
_NOTICE_TAIL = regex.compile(r"[》」”\"]?\s*(?:" + "|".join(map(regex.escape, REPORT_NOTICE_SUFFIXES)) + ")?")
_TAG = regex.compile(r"</?!?[A-Za-z][^<>]*>")  # markup left in a text line: ``<title>…</title>``
_BRACKETED = regex.compile(r"<[^<>]*>")  # no breadcrumb separators inside: ``<XX局…年度报告>``
_TRAIL = regex.compile(r"\S\s*(?:" + "|".join(map(regex.escape, PAGE_TRAIL_SEPARATORS)) + r")\s*\S")
_SLASH = regex.compile(r"(?<=\p{Han})\s*/\s*(?=\p{Han})")
_LINK_FIRST = regex.compile(r"(?:[*+-]\s+)?!?\[[^\]]*\]\(")  # ``[首页](/)``, ``* [政务公开](/zwgk/)``


def _separator(sep: str) -> str:
    """A page title's separator; one that may join a year range only away from digits and 年."""
    if sep in YEAR_RANGE_SEPARATORS:
        return rf"(?<![0-9０-９年]\s*){regex.escape(sep)}+(?!\s*[0-9０-９])"
    return rf"{regex.escape(sep)}+"


_SITE_SPLIT = regex.compile(r"\s*(?:" + "|".join(map(_separator, PAGE_TITLE_SEPARATORS)) + r")\s*")
_TITLE_SCAN_LINES = 12
"""Non-blank lines (page chrome not counted) in which the title is looked for."""
_TITLE_SCAN_MAX = 120
"""Lines looked at in any case: a page's chrome does not move the window without end."""
_ORGAN_MAX = 40
_CHROME_MAX = 200
"""Page chrome is a short line: a longer one is read as text (and no pattern meets a long one)."""
_ORGAN_STRIP = regex.compile(r"^[\s#*|:：、,，《「“\"\\]+|[\s#*|:：、,，（(》」”\"\\]+$")


@attrs.frozen
class Meta:
    title: str | None
    """The report's own name, as the title line gives it (a notice's ``关于印发`` left out)."""
    organ: str | None
    year: int | None
    """None when the title names none, or a range of two years."""
    line: int | None
    """The 1-based line the title starts on."""


@attrs.frozen
class _Year:
    """Where the title names its year, and which."""

    start: int
    end: int
    value: int | None
    """None for a range over two years (``2024—2025年``)."""


def _is_title(text: str) -> bool:
    compact = "".join(text.split())
    return any(w in compact for w in REPORT_TITLE_WORDS) and any(e in compact for e in REPORT_TITLE_ENDINGS)


def _title_part(text: str) -> str:
    """Cut a title line at the first sentence-like continuation (crawler dumps run the body on)
    and at a notice's closing words (``…年度报告》的通知``)."""
    compact = " ".join(text.split())
    for ending in REPORT_TITLE_ENDINGS:
        at = compact.find(ending)
        if at >= 0:
            end = at + len(ending)
            tail = _NOTICE_TAIL.match(compact, end)
            year_after = _YEAR_AFTER.match(compact, tail.end() if tail else end)  # ``…年度报告（2023年）``
            return compact[:end] + (year_after.group() if year_after else "")
    return compact


def _unchrome(text: str) -> tuple[str | None, bool]:
    """The part of a line that may be a title or an organ (None: page chrome), and whether the
    line is a page title with separators. A long line is body text (a crawler's run-on line)."""
    if len(text) > _CHROME_MAX:
        return text, False
    if text.lstrip("#*>-+【[ ").startswith(PAGE_POSITION_MARKERS) or _LINK_FIRST.match(text):
        return None, True
    if _TRAIL.search(_BRACKETED.sub("", text)) or len(_SLASH.findall(text)) >= 2:
        return None, True
    parts = [p for p in _SITE_SPLIT.split(text) if p.strip("\\ ")]
    if len(parts) > 1:
        return next((p for p in parts if _is_title(p)), None), True
    if len(text) <= _ORGAN_MAX and not _is_title(text) and any(w in text for w in PAGE_SITE_WORDS):
        return None, True
    return text, False


def _year_value(text: str) -> int:
    return int(text.translate(_YEAR_DIGITS))


def _find_year(title: str) -> _Year | None:
    single = _YEAR.search(title)
    span = _YEAR_RANGE.search(title)
    if span is not None and (single is None or span.start() <= single.start()):
        first, last = _year_value(span.group(1)), _year_value(span.group(2))
        return _Year(span.start(), span.end(), first if first == last else None)
    return _Year(single.start(), single.end(), _year_value(single.group(1))) if single else None


def _clean_organ(text: str) -> str | None:
    organ = "".join(_ORGAN_STRIP.sub("", text).split())
    return organ if 0 < len(organ) <= _ORGAN_MAX else None


def _organ_before(text: str) -> str | None:
    """The organ in the words before the year: after a notice's last ``关于印发``/``关于``, or
    before it when nothing follows (``XX市人民政府关于2024年…``)."""
    words = list(_NOTICE_WORD.finditer(text))
    if not words:
        return _clean_organ(text)
    return _clean_organ(text[words[-1].end() :]) or _clean_organ(text[: words[-1].start()])


def _first(text: str, words: tuple[str, ...]) -> int:
    return min((text.find(w) for w in words if w in text), default=-1)


def _organ_in(title: str, year: _Year | None) -> str | None:
    """The organ named in the title: before the year, or between the year and 政府信息公开."""
    word = _first(title, REPORT_TITLE_WORDS)
    if year is None or (word >= 0 and year.start > word):  # ``…年度报告（2023年）``
        return _organ_before(title[:word]) if word > 0 else None
    before = _organ_before(title[: year.start])
    if before:
        return before
    after = title[year.end :].lstrip("度 ")
    cut = _first(after, REPORT_TITLE_WORDS)
    return _organ_before(after[:cut]) if cut > 0 else None


def read_meta(lines: tuple[Line, ...], first_heading: int | None) -> Meta:
    """Find the title among the first lines (before the first section heading). When several lines
    read as titles (a page's generic ``<title>`` and the body's full one), the first naming a year
    and an organ wins, then the first naming a year, then the first; at each rank a line of the
    body before a page title's part."""
    found = list(_titles(lines, first_heading))
    if not found:
        return _from_preamble(lines, first_heading)
    return min(found, key=lambda f: (f[0].year is None or f[0].organ is None, f[0].year is None, f[1]))[0]


def _window(lines: tuple[Line, ...], first_heading: int | None) -> list[tuple[Line, str | None, bool]]:
    """The non-blank lines before the first heading, until ``_TITLE_SCAN_LINES`` of them are no
    chrome, each with :func:`_unchrome`'s reading."""
    end = min(len(lines), _TITLE_SCAN_MAX, len(lines) if first_heading is None else first_heading)
    window: list[tuple[Line, str | None, bool]] = []
    counted = 0
    for line in lines[:end]:
        if counted >= _TITLE_SCAN_LINES:
            break
        if text := _TAG.sub("", line.text).strip():
            part, chrome = _unchrome(text)
            window.append((line, part, chrome))
            counted += part is not None
    return window


def _titles(lines: tuple[Line, ...], first_heading: int | None) -> Iterator[tuple[Meta, bool]]:
    window = _window(lines, first_heading)
    for pos, (line, text, chrome) in enumerate(window):
        if text is not None and not _is_title(text):
            text = _joined(window, pos)
        if text is None:
            continue
        full = _title_part(text)
        if len(full) > 80 or _prose(text, full):
            continue
        year = _find_year(full)
        organ = _organ_in(full, year)
        if organ is None and _sentence(text, full):
            continue  # ``2018年…年度报告中存在的问题已整改完毕。``: prose about another report
        title = _NOTICE_HEAD.sub("", full)  # the report's own name: ``关于印发`` and the issuer left out
        if title.count("《") > title.count("》"):  # a name quoted in prose: ``根据…《…年度报告格式》``
            continue
        above = window[pos - 1] if pos > 0 else None
        if organ is None and year is not None and above is not None and above[1] and not above[2]:
            organ = _organ_above(above[1])
            title = above[1] + title if organ else title
        elif year is None and above is not None and above[1] and not above[2] and not _prose(above[1], ""):
            # ``某局 2023 年`` / ``政府信息公开工作年度报告``: a title wrapped after its year
            wrapped = "".join((above[1] + full).split())
            if (year := _find_year(wrapped)) is not None and len(above[1]) <= _ORGAN_MAX:
                organ, title = _organ_in(wrapped, year), wrapped
        yield Meta(title=title, organ=organ, year=year.value if year else None, line=line.number), chrome


def _prose(text: str, name: str) -> bool:
    """A sentence naming a report, no title: it opens with a word of prose (``现将``, ``根据``),
    the name holds a sentence's punctuation, or the sentence goes on after the name with what is
    done with the report (``…年度报告向社会公布。``)."""
    compact, name = "".join(text.split()), "".join(name.split())
    if compact.startswith(PROSE_OPENINGS) or any(mark in name for mark in "，。；！？"):
        return True
    return compact.startswith(name) and compact[len(name) :].startswith(PROSE_AFTER_NAMES)


def _sentence(text: str, name: str) -> bool:
    """The line goes on after the report's name and ends as a sentence."""
    compact, name = "".join(text.split()), "".join(name.split())
    return len(compact) > len(name) and compact.endswith("。")


def _joined(window: list[tuple[Line, str | None, bool]], pos: int) -> str | None:
    """A title split over two lines, its words starting on the first: ``2024 年上海市科委政府信息公开工作``
    / ``年度报告``, or ``…2019 年政府信息公`` / ``开工作年度报告`` (a PDF's wrap)."""
    _, text, chrome = window[pos]
    if text is None or chrome or pos + 1 >= len(window):
        return None
    _, nxt, nxt_chrome = window[pos + 1]
    if nxt is None or nxt_chrome or len(nxt) > 20 or _is_title(nxt):
        return None
    joined = "".join((text + nxt).split())
    starts = _first(joined, REPORT_TITLE_WORDS)
    return text + nxt if _is_title(joined) and 0 <= starts < len("".join(text.split())) else None


def _organ_above(text: str) -> str | None:
    """The organ on its own line above: ``洪泽区人民政府`` / ``2023 年政府信息公开工作年度报告``."""
    if len(text) > _ORGAN_MAX or _is_title(text):
        return None
    return None if any(p in text for p in "。，,；;：:") else _clean_organ(text)


_SENTENCE_BREAK = regex.compile(r"[。；;，,！!？?：:\s]")
_PERIOD = regex.compile(
    rf"(?:{'|'.join(STATISTICS_PERIOD_WORDS)})\D{{0,6}}?({_YEAR_NUMBER})\s*年\s*0?1\s*月\s*0?1\s*日\D{{0,6}}?"
    rf"({_YEAR_NUMBER})\s*年\s*12\s*月\s*31\s*日"
)
"""The period a report's figures cover, one calendar year: its year."""


def _from_preamble(lines: tuple[Line, ...], first_heading: int | None) -> Meta:
    """No title line (a tool dropped it): the report's name where the preamble presents it
    (``现将XX局2023年政府信息公开工作年度报告向社会公布``) gives the organ and year; the period its
    figures cover (``统计期限自2019年1月1日起至2019年12月31日止``) gives the year, and a name of
    another year is not this report's. Other names in the preamble (a notice's, last year's
    report's) are never taken. The title stays None: none was printed."""
    window = [(line, text) for line, text, _ in _window(lines, first_heading) if text is not None]
    periods = {covered for _, text in window for covered in _period_years(text)}
    period = next(iter(periods)) if len(periods) == 1 else None  # last year's and this year's: neither
    for line, text in window:
        for name in _presented_names(text):
            year = _find_year(name)
            if year is None or year.value is None or (period is not None and year.value != period):
                continue
            organ = _organ_in(name, year)
            organ = None if organ in ORGAN_PRONOUNS else organ
            return Meta(None, organ, year.value, line.number)
    if period is not None:
        line = next(line for line, text in window if period in _period_years(text))
        return Meta(None, None, period, line.number)
    return Meta(None, None, None, None)


def _presented_names(text: str) -> Iterator[str]:
    """Report names right after a word that presents the report (``现将``) in a sentence."""
    for ending in REPORT_TITLE_ENDINGS:
        for found in regex.finditer(regex.escape(ending), text):
            before = text[: found.start()]
            if before.count("《") > before.count("》") or text.startswith(
                OTHER_DOCUMENT_ENDINGS, found.end()
            ):
                continue  # a name quoted (``《…年度报告格式》``), or a format's or a template's
            start = max((m.end() for m in _SENTENCE_BREAK.finditer(before)), default=0)
            sentence = text[start : found.end()]
            lead = max(
                (sentence.rfind(w) + len(w) for w in EMBEDDED_TITLE_LEADS if w in sentence), default=-1
            )
            if lead >= 0 and _is_title(sentence[lead:]):
                yield sentence[lead:]


def _period_years(text: str) -> list[int]:
    """The calendar years of the periods a text names (a period over two years names none)."""
    years = [(_year_value(m.group(1)), _year_value(m.group(2))) for m in _PERIOD.finditer(text)]
    return [first for first, last in years if first == last]
