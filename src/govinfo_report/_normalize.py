"""Stage 1: raw text → clean lines, each remembering its source line.

Repairs made here are reported: page footers, crawler chrome and Word artefacts removed,
headings buried inside long lines split out. Tabs are kept: they are table structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import regex

from ._flat_tables import relabel, unflatten, unstack
from ._frames import unframe
from ._vocab import CRAWLER_CHROME_FIELDS, CRAWLER_CHROME_LINES, CRAWLER_TITLE_PREFIXES, INLINE_HEADINGS
from .diagnostics import diag
from .model import Diagnostic, Span


@attrs.frozen
class Line:
    """One line of normalised text."""

    text: str
    """The text, cleaned (tabs kept)."""
    number: int
    """Its 1-based line number in the input."""


NEWLINE = regex.compile(r"\r\n|\r|\n")
"""A line break, as the stages count lines."""


def line_breaks(text: str) -> int:
    """How many line breaks ``NEWLINE`` finds in ``text``."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


# simple classes of characters, replaced over the whole text: the standard library's engine is
# twice as fast as ``regex`` at these
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
ARTEFACT = regex.compile(r"\[(?:bookmark|footnoteRef|endnoteRef):[^\]]{0,80}\]")
"""Word artefacts left in extracted text; also stripped from cell text by :mod:`values`."""
_STRAY_TAG = regex.compile(
    r"</?(?:br|p|span|div|font|b|strong|em|i|u|sup|sub|a|o:p)\b[^<>]{0,200}>|&nbsp;", regex.IGNORECASE
)


def _tag_gap(match: regex.Match[str]) -> str:
    """What a stray tag leaves: nothing (``本年新<br>制作数量`` is one word), but a space between two
    digits (``2<br>16`` is two numbers stacked in a cell, never 216)."""
    text, start, end = match.string, match.start(), match.end()
    return " " if text[start - 1 : start].isdigit() and text[end : end + 1].isdigit() else ""


_MD_HEADING = regex.compile(r"^[ ]{0,3}#{1,6}[ ]+")
_MD_HEADING_OPENINGS = ("#", " #", "  #", "   #")
FOOTER = regex.compile(
    r"^\s*(?:[-—–－~]{1,2}\s*[0-9０-９]{1,4}\s*[-—–－~]{1,2}|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|[0-9０-９]{1,3}[/／][0-9０-９]{1,3})\s*$"
)
"""A page footer line (``- 3 -``, ``第 3 页``, ``3/6``), removed from text and the seam of a page
break. ``3/6`` is a footer only written tight: ``3 / 6`` may be cells (3, a placeholder, 6)."""
_PAGE_NUMBER = re.compile(r"(?m)^[ \t]*([0-9]{1,4})[ \t]*(?=\f|\n\f)")
"""A bare number on a page's last line, before the form feed that ends the page (pdftotext)."""
_RULE = regex.compile(r"^\s*=+\s*(?:正文)?\s*=+\s*$")
_CHROME = regex.compile(
    "^(?:(?:" + "|".join(regex.escape(p) for p in CRAWLER_CHROME_FIELDS) + r")\s*[:：].{0,200}"
    "|(?:" + "|".join(regex.escape(p) for p in CRAWLER_CHROME_LINES) + r").{0,36})$"
)
_TITLE_PREFIX_CHARS = max(len(p) for p in CRAWLER_TITLE_PREFIXES)
_TITLE_FIRST = frozenset(p[0].lower() for p in CRAWLER_TITLE_PREFIXES)
_CHROME_FIRST = frozenset(p[0] for p in (*CRAWLER_CHROME_FIELDS, *CRAWLER_CHROME_LINES))
_FOOTER_FIRST = frozenset("-—–－~第0123456789０１２３４５６７８９")
"""The characters a page footer line opens with (:data:`FOOTER`, once its spaces are stripped)."""
_INLINE = regex.compile("(?:" + "|".join(regex.escape(h) for h in INLINE_HEADINGS) + ")")


@attrs.frozen
class Normalized:
    lines: tuple[Line, ...]
    diagnostics: tuple[Diagnostic, ...]
    line_count: int
    """Number of lines in the input (the highest line number seen)."""


def normalize(text: str) -> Normalized:
    """Split ``text`` into clean :class:`Line` s and report every repair."""
    # line breaks first (``\r``, an invisible character, ``\n`` are two breaks, as ``NEWLINE``
    # counts them), then one pass over the whole text for spaces and invisibles, not one per line
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:  # a bare number as a page's last line is its page number: a footer
        text = _PAGE_NUMBER.sub(r"- \1 -", text)
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    lines = text.split("\n")
    frames: list[tuple[int, int]] = []
    if "+-" in text:
        lines, frames = unframe(lines)
    numbered: Iterable[tuple[int, str]] = enumerate(lines, start=1)
    if "<br" in text.lower():  # a Markdown row holding several rows: one line each, one number
        numbered = [(n, row) for n, line in numbered for row in (unstack(line) or [relabel(line) or line])]
    normalized = _normalize(numbered, spaces_done=True)
    if not frames:
        return normalized
    framed = diag("normalize.frame", None, Span(frames[0][0] + 1, frames[-1][1] + 1))
    return attrs.evolve(normalized, diagnostics=(framed, *normalized.diagnostics))


def normalize_lines(raw_lines: Iterable[tuple[int, str]]) -> Normalized:
    """Clean numbered lines (a page's or a document's blocks) and report every repair."""
    return _normalize(raw_lines, spaces_done=False)


def _normalize(raw_lines: Iterable[tuple[int, str]], *, spaces_done: bool) -> Normalized:
    diagnostics: list[Diagnostic] = []
    out: list[Line] = []
    footers: list[int] = []
    chrome: list[int] = []
    artefacts: list[int] = []
    inline: list[int] = []
    markup: list[int] = []
    flat: list[int] = []
    placeholders: list[int] = []
    line_count = 0
    for number, raw in raw_lines:
        if number > line_count:
            line_count = number
        line = raw if spaces_done else _INVISIBLE.sub("", _SPACES.sub(" ", raw))
        # each pattern below is tried only on lines holding the character it starts with
        if "[" in line and ARTEFACT.search(line):
            artefacts.append(number)
            line = ARTEFACT.sub("", line)
        if "<" in line or "&" in line:
            stripped = _STRAY_TAG.sub(_tag_gap, line)  # ``本年新<br>制作数量``: one cell, no space
            if stripped != line:
                markup.append(number)
                line = stripped
        if line.startswith(_MD_HEADING_OPENINGS):
            line = _MD_HEADING.sub("", line)
        if line.count("**") >= 2:  # Markdown bold (a linear replace: no regex backtracking on long lines)
            line = line.replace("**", "")
        line = line.rstrip(" ")
        bare = line.strip()
        if not bare:
            out.append(Line(line, number))
            continue
        if bare == "[TABLE]":  # pandoc's plain text of a table it cannot draw: the cells are gone
            placeholders.append(number)
        first = bare[0]  # each pattern below is tried only on lines opening the way it does
        if first in _FOOTER_FIRST and "\t" not in line and FOOTER.match(bare):
            footers.append(number)
            continue
        if (first == "=" and _RULE.match(bare)) or (
            first in _CHROME_FIRST and len(bare) < 240 and "\t" not in line and _CHROME.match(bare)
        ):
            chrome.append(number)
            continue
        if first.lower() in _TITLE_FIRST and (head := bare[:_TITLE_PREFIX_CHARS].lower()).startswith(
            CRAWLER_TITLE_PREFIXES
        ):
            prefix = next(p for p in CRAWLER_TITLE_PREFIXES if head.startswith(p))
            line = bare[len(prefix) :].strip()
            chrome.append(number)
        cells = unflatten(line) if first == "|" or "---" in line else None
        if cells is not None:
            flat.append(number)
        for piece in cells if cells is not None else (line,):
            if len(piece) > 60 and _INLINE.search(piece):
                pieces = _split_inline(piece)
                if len(pieces) > 1:
                    inline.append(number)
                out.extend(Line(p, number) for p in pieces)
            else:
                out.append(Line(piece, number))
    if footers:
        diagnostics.append(
            diag(
                "normalize.page_footer",
                f"{len(footers)} page footer line(s) removed.",
                Span(footers[0], footers[-1]),
            )
        )
    if chrome:
        diagnostics.append(
            diag(
                "normalize.crawler_chrome",
                f"{len(chrome)} crawler/page chrome line(s) removed.",
                Span(chrome[0], chrome[-1]),
            )
        )
    if artefacts:
        diagnostics.append(diag("normalize.artefact", None, Span(artefacts[0], artefacts[-1])))
    if markup:
        diagnostics.append(diag("normalize.markup", None, Span(markup[0], markup[-1])))
    if inline:
        diagnostics.append(diag("normalize.inline_heading", None, Span(inline[0], inline[-1])))
    if flat:
        diagnostics.append(diag("normalize.flat_table", None, Span(flat[0], flat[-1])))
    if placeholders:
        diagnostics.append(diag("normalize.table_placeholder", None, Span(placeholders[0], placeholders[-1])))
    return Normalized(tuple(out), tuple(diagnostics), line_count)


def _split_inline(line: str) -> list[str]:
    """Cut a long line before and after every canonical heading it holds."""
    pieces: list[str] = []
    start = 0
    for m in _INLINE.finditer(line):
        pieces.append(line[start : m.start()])
        pieces.append(m.group())
        start = m.end()
    pieces.append(line[start:])
    return [p.strip() for p in pieces if p.strip()] or [line]
