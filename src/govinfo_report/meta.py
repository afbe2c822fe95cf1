"""Title, organ and year, read from the report's title (which may be split over lines)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from .normalize import Line
from .vocab import REPORT_TITLE_ENDINGS, REPORT_TITLE_WORDS

_YEAR = regex.compile(r"((?:19|20)[0-9０-９]{2}|二[〇零○O][〇零○O一二三四五六七八九]{2})\s*年")
_YEAR_AFTER = regex.compile(r"\s*[（(]\s*(?:19|20)[0-9０-９]{2}\s*年?度?\s*[)）]")
_YEAR_DIGITS = str.maketrans("〇零○O一二三四五六七八九", "0000123456789")
_TITLE_SCAN_LINES = 12
_ORGAN_MAX = 40
_ORGAN_STRIP = regex.compile(r"^[\s#*|:：、,，]+|[\s#*|:：、,，（(]+$")


@attrs.frozen
class Meta:
    title: str | None
    organ: str | None
    year: int | None
    line: int | None


def _is_title(text: str) -> bool:
    compact = "".join(text.split())
    return any(w in compact for w in REPORT_TITLE_WORDS) and any(e in compact for e in REPORT_TITLE_ENDINGS)


def _title_part(text: str) -> str:
    """Cut a title line at the first sentence-like continuation (crawler dumps run the body on)."""
    compact = " ".join(text.split())
    for ending in REPORT_TITLE_ENDINGS:
        at = compact.find(ending)
        if at >= 0:
            end = at + len(ending)
            year_after = _YEAR_AFTER.match(compact, end)  # ``…年度报告（2023年）``
            return compact[: year_after.end() if year_after else end]
    return compact


def _clean_organ(text: str) -> str | None:
    organ = "".join(_ORGAN_STRIP.sub("", text).split())
    return organ if 0 < len(organ) <= _ORGAN_MAX else None


def _organ_in(title: str, year_match: regex.Match[str] | None) -> str | None:
    """The organ named in the title: before the year, or between the year and 政府信息公开."""
    word = min((title.find(w) for w in REPORT_TITLE_WORDS if w in title), default=-1)
    if year_match is None or (word >= 0 and year_match.start() > word):  # ``…年度报告（2023年）``
        return _clean_organ(title[:word]) if word > 0 else None
    before = _clean_organ(title[: year_match.start()])
    if before:
        return before
    after = title[year_match.end() :].lstrip("度 ")
    cut = min((after.find(w) for w in REPORT_TITLE_WORDS if w in after), default=-1)
    return _clean_organ(after[:cut]) if cut > 0 else None


def read_meta(lines: tuple[Line, ...], first_heading: int | None) -> Meta:
    """Find the title among the first lines (before the first section heading). When several lines
    read as titles (a page's generic ``<title>`` and the body's full one), the first naming a year
    and an organ wins, then the first naming a year, then the first."""
    found = list(_titles(lines, first_heading))
    complete = [m for m in found if m.year is not None and m.organ is not None]
    dated = [m for m in found if m.year is not None]
    return (complete or dated or found or [Meta(None, None, None, None)])[0]


def _titles(lines: tuple[Line, ...], first_heading: int | None) -> Iterator[Meta]:
    limit = min(
        len(lines), first_heading if first_heading is not None else _TITLE_SCAN_LINES, _TITLE_SCAN_LINES
    )
    candidates = [i for i in range(limit) if lines[i].text.strip()]
    for pos, i in enumerate(candidates):
        text = lines[i].text.strip()
        compact = "".join(text.split())
        joined_with_next = False
        if not _is_title(text):
            # a title split over two lines: ``2024 年上海市科委政府信息公开工作`` / ``年度报告``
            if pos + 1 < len(candidates) and any(w in compact for w in REPORT_TITLE_WORDS):
                nxt = lines[candidates[pos + 1]].text.strip()
                if len(nxt) <= 20 and _is_title(text + nxt):
                    text = text + nxt
                    joined_with_next = True
            if not joined_with_next:
                continue
        title = _title_part(text)
        if len(title) > 80:
            continue
        year_match = _YEAR.search(title)
        year = int(year_match.group(1).translate(_YEAR_DIGITS)) if year_match else None
        organ = _organ_in(title, year_match)
        if organ is None and year_match is not None and pos > 0:
            # the organ on its own line above: ``洪泽区人民政府`` / ``2023 年政府信息公开工作年度报告``
            prev = lines[candidates[pos - 1]].text.strip()
            if 0 < len(prev) <= _ORGAN_MAX and not any(p in prev for p in "。，,；;：:"):
                organ = _clean_organ(prev)
                title = prev + title
        yield Meta(title=title, organ=organ, year=year, line=lines[i].number)
