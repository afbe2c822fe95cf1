"""Stage 2: lines → the six numbered sections (一、 … 六、) and their （一）/1. subsections.

Table row labels that also start with ``一、`` … ``四、`` (``四、结转下年度继续办理``) are told
apart by the section keywords in :mod:`govinfo_report._vocab`.
"""

from __future__ import annotations

import attrs
import regex

from ._normalize import Line
from ._text import fold
from ._vocab import CHINESE_NUMERALS, INLINE_HEADINGS, SECTION_KEYWORDS
from .diagnostics import diag
from .model import Diagnostic, Section, Span

_HEADING = regex.compile(r"^[\s|]*(?P<num>[一二三四五六])\s*[、.．,，]\s*(?P<rest>[^\t|]{1,60}?)[\s|]*$")
_SUBHEADING = regex.compile(
    r"^\s*(?:[（(]\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*[)）]|(?P<num>[0-9０-９]{1,2})\s*[.、．](?![0-9０-９]))\s*(?P<rest>.*)$"
)
_MAX_HEADING_FOLDED = 40


@attrs.frozen
class SectionSlice:
    """A section with the indices of its lines in the normalised line list."""

    section: Section
    start: int
    """Index of the heading line."""
    end: int
    """Index one past the last body line."""


def heading_number(text: str) -> int | None:
    """The section number if ``text`` is a section heading line, else None."""
    found = _heading(text)
    return None if found is None else found[0]


def _heading(text: str) -> tuple[int, bool] | None:
    """The section number of a heading line, and whether it is misspelt: its words hold none of
    the section's keywords, but are within a character or two of a canonical heading (a
    character added, dropped, changed or two swapped: ``三、收到和处里政府信息公开申情况``)."""
    m = _HEADING.match(text)
    if m is None:
        return None
    rest = fold(m["rest"])
    if not rest or len(rest) > _MAX_HEADING_FOLDED:
        return None
    number = CHINESE_NUMERALS[m["num"]]
    if any(word in rest for word in SECTION_KEYWORDS[number]):
        return number, False
    if any(_near(rest, canonical) for canonical in _CANONICAL.get(number, ())):
        return number, True
    return None


_CANONICAL: dict[int, tuple[str, ...]] = {
    number: tuple(fold(text[2:]) for text in INLINE_HEADINGS if CHINESE_NUMERALS[text[0]] == number)
    for number in range(1, 7)
}
"""Each section's canonical headings, folded, their numbers aside."""
MAX_HEADING_EDITS = 2
"""Edits (a character added, dropped, changed, or two swapped) a misspelt heading may differ by
from a canonical one; at most one in a heading of eight characters or fewer."""


def _near(text: str, canonical: str) -> bool:
    """Within :data:`MAX_HEADING_EDITS` edits of ``canonical`` (optimal string alignment)."""
    budget = MAX_HEADING_EDITS if len(canonical) > 8 else 1
    if abs(len(text) - len(canonical)) > budget:
        return False
    previous2: list[int] = []
    previous = list(range(len(canonical) + 1))
    for i, a in enumerate(text, start=1):
        current = [i] + [0] * len(canonical)
        for j, b in enumerate(canonical, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == canonical[j - 2] and text[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > budget:
            return False
        previous2, previous = previous, current
    return previous[-1] <= budget


def split_sections(lines: tuple[Line, ...]) -> tuple[tuple[SectionSlice, ...], tuple[Diagnostic, ...]]:
    """Find the section headings and cut the lines into sections."""
    diagnostics: list[Diagnostic] = []
    heads: list[tuple[int, int]] = []  # (line index, section number)
    for index, line in enumerate(lines):
        read = _heading(line.text)
        if read is None:
            continue
        number, misspelt = read
        if misspelt:
            diagnostics.append(
                diag(
                    "sections.heading_misspelt",
                    f"Heading {line.text.strip()!r} read as section {number}: it is a character or two "
                    "off the format's wording.",
                    Span(line.number, line.number),
                )
            )
        if heads and number == heads[-1][1]:
            diagnostics.append(
                diag(
                    "sections.duplicate",
                    f"Heading {line.text.strip()!r} repeats section {number}.",
                    Span(line.number, line.number),
                )
            )
            continue
        if heads and number < heads[-1][1]:
            diagnostics.append(
                diag(
                    "sections.out_of_order",
                    f"Heading {line.text.strip()!r} follows section {heads[-1][1]}; ignored.",
                    Span(line.number, line.number),
                )
            )
            continue
        heads.append((index, number))
    slices: list[SectionSlice] = []
    for k, (index, number) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        body = lines[index + 1 : end]
        heading = _clean_heading(lines[index].text)
        last = body[-1].number if body else lines[index].number
        text = "\n".join(line.text for line in body).strip("\n")
        subsections = _subsections(body) if number in (1, 5, 6) else ()
        section = Section(
            number=number,
            heading=heading,
            text=text,
            span=Span(lines[index].number, last),
            subsections=subsections,
        )
        slices.append(SectionSlice(section, index, end))
    found = {s.section.number for s in slices}
    if slices:
        missing = [n for n in range(1, 7) if n not in found]
        if missing:
            diagnostics.append(
                diag("sections.missing", "Section(s) " + ", ".join(str(n) for n in missing) + " not found.")
            )
    return tuple(slices), tuple(diagnostics)


def _clean_heading(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


def _subsections(body: tuple[Line, ...]) -> tuple[Section, ...]:
    marks: list[tuple[int, int, str]] = []
    for index, line in enumerate(body):
        m = _SUBHEADING.match(line.text)
        if m is None or "\t" in line.text:
            continue
        number = CHINESE_NUMERALS.get(m["cn"][-1], 0) if m["cn"] else int(m["num"])
        if m["cn"] and len(m["cn"]) > 1:
            number = cn_number(m["cn"])
        marks.append((index, number, line.text.strip()))
    out: list[Section] = []
    for k, (index, number, text) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(body)
        heading, _, first = _heading_and_rest(text)
        rest = [first] if first else []
        rest += [line.text for line in body[index + 1 : end]]
        out.append(
            Section(
                number=number,
                heading=heading,
                text="\n".join(rest).strip("\n"),
                span=Span(body[index].number, body[end - 1].number),
            )
        )
    return tuple(out)


def _heading_and_rest(text: str) -> tuple[str, str, str]:
    for stop in ("。", "：", ":"):
        head, sep, rest = text.partition(stop)
        if sep and len(head) <= 40:
            return head + (sep if stop == "。" else ""), sep, rest.strip()
    if len(text) <= 40:
        return text, "", ""
    return text[:40], "", text[40:]


def cn_number(numeral: str) -> int:
    """The value of a Chinese numeral up to 99 (``十二`` → 12, ``二十`` → 20)."""
    if numeral.startswith("十"):
        return 10 + CHINESE_NUMERALS.get(numeral[1:], 0) if len(numeral) > 1 else 10
    if numeral.endswith("十"):
        return CHINESE_NUMERALS.get(numeral[0], 0) * 10
    if "十" in numeral:
        a, _, b = numeral.partition("十")
        return CHINESE_NUMERALS.get(a, 0) * 10 + CHINESE_NUMERALS.get(b, 0)
    return CHINESE_NUMERALS.get(numeral, 0)
