"""Automatic list numbers, for the DOCX reader (:mod:`.docx`): the list definitions of
``word/numbering.xml`` and the numbered paragraph styles of ``word/styles.xml``, the counters of
the lists read so far, the number formats Chinese reports use, and a paragraph's text behind its
number.
"""

from __future__ import annotations

import attrs

from .._vocab import CHINESE_DIGITS
from ..limits import MAX_LIST_LABEL_CHARS
from ._docx_text import Element
from ._docx_text import attribute as _attr
from ._docx_text import first_child as _child
from ._docx_text import integer as _int
from ._docx_text import local_name as _local


@attrs.frozen
class _Level:
    start: int
    fmt: str
    text: str


@attrs.frozen
class _StyleNumber:
    num_id: str | None
    level: int | None
    based_on: str | None


@attrs.define
class Numbering:
    """The list definitions of ``word/numbering.xml``, the list numbers paragraph styles carry
    (``word/styles.xml``: a 标题 1 heading style numbered 一、), and the counters of the lists
    read so far."""

    levels: dict[str, dict[int, _Level]] = attrs.field(factory=dict)
    """numId -> ilvl -> level definition."""
    starts: dict[tuple[str, int], int] = attrs.field(factory=dict)
    """(numId, ilvl) -> start override."""
    styles: dict[str, _StyleNumber] = attrs.field(factory=dict)
    """styleId -> the numbering its ``w:pPr/w:numPr`` gives, and the style it is based on."""
    abstract: dict[str, str] = attrs.field(factory=dict)
    """numId -> the abstract list it instantiates. Word counts per abstract list: two numIds of
    one list (a heading style's and a paragraph's own) continue each other's numbers."""
    counters: dict[str, list[int | None]] = attrs.field(factory=dict)
    """abstract list -> the current count of each level (None: not started)."""
    used: set[str] = attrs.field(factory=set)
    """numIds met so far: a ``w:startOverride`` restarts its level at the first paragraph only."""

    @classmethod
    def read(cls, root: Element | None, styles: Element | None = None) -> Numbering:
        numbering = cls()
        for style in styles if styles is not None else ():
            if _local(style) != "style" or _attr(style, "type") not in (None, "paragraph"):
                continue
            properties = _child(style, "pPr")
            num = _child(properties, "numPr") if properties is not None else None
            numbering.styles[_attr(style, "styleId") or ""] = _StyleNumber(
                _attr(_child(num, "numId"), "val") if num is not None else None,
                _int(_attr(_child(num, "ilvl"), "val"), 0)
                if num is not None and _child(num, "ilvl") is not None
                else None,
                _attr(_child(style, "basedOn"), "val"),
            )
        if root is None:
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root:
            if _local(node) != "abstractNum":
                continue
            levels: dict[int, _Level] = {}
            for lvl in node:
                if _local(lvl) != "lvl":
                    continue
                start = _int(_attr(_child(lvl, "start"), "val"), 1)
                fmt = _attr(_child(lvl, "numFmt"), "val") or "decimal"
                text = _attr(_child(lvl, "lvlText"), "val") or ""
                levels[_int(_attr(lvl, "ilvl"), 0)] = _Level(start, fmt, text)
            abstract[_attr(node, "abstractNumId") or ""] = levels
        for node in root:
            if _local(node) != "num":
                continue
            num_id = _attr(node, "numId") or ""
            abstract_id = _attr(_child(node, "abstractNumId"), "val") or ""
            numbering.levels[num_id] = abstract.get(abstract_id, {})
            numbering.abstract[num_id] = abstract_id
            for override in node:
                if _local(override) == "lvlOverride":
                    restart = _child(override, "startOverride")
                    if restart is not None:
                        level = _int(_attr(override, "ilvl"), 0)
                        numbering.starts[(num_id, level)] = _int(_attr(restart, "val"), 1)
        return numbering

    def label(self, paragraph: Element) -> str:
        """The number Word shows in front of ``paragraph`` (``一、``, ``（二）``, ``3.``), or ``""``:
        from the paragraph's own ``w:numPr``, else from its style's (following ``w:basedOn``).
        ``numId`` 0 means no number."""
        properties = _child(paragraph, "pPr")
        num = _child(properties, "numPr") if properties is not None else None
        num_id = _attr(_child(num, "numId"), "val") if num is not None else None
        raw_level = _attr(_child(num, "ilvl"), "val") if num is not None else None
        style = _attr(_child(properties, "pStyle"), "val") if properties is not None else None
        if num_id is None or raw_level is None:
            by_style = self._style_number(style)
            num_id = num_id if num_id is not None else by_style.num_id
            level = _int(raw_level, by_style.level or 0) if raw_level is not None else by_style.level or 0
        else:
            level = _int(raw_level, 0)
        levels = self.levels.get(num_id or "")
        if num_id is None or not levels or level not in levels or not 0 <= level < 9:
            return ""
        counters = self.counters.setdefault(self.abstract.get(num_id, num_id), [None] * 9)
        if num_id not in self.used:
            self.used.add(num_id)
            for restarted in range(9):
                if (num_id, restarted) in self.starts:
                    counters[restarted] = None
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        current = counters[level]
        counters[level] = (
            self.starts.get((num_id, level), levels[level].start) if current is None else current + 1
        )
        text = levels[level].text
        if len(text) > MAX_LIST_LABEL_CHARS:
            return ""
        for k in range(level, -1, -1):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                shown = levels[k] if k in levels else levels[level]
                value = counters[k]
                text = text.replace(
                    placeholder,
                    _format(self.starts.get((num_id, k), shown.start) if value is None else value, shown.fmt),
                )
        if levels[level].fmt in ("bullet", "none") or len(text) > MAX_LIST_LABEL_CHARS:
            return ""
        return text

    def _style_number(self, style: str | None) -> _StyleNumber:
        """The numbering a paragraph style gives, looking through the styles it is based on."""
        num_id: str | None = None
        level: int | None = None
        seen: set[str] = set()
        while style is not None and style not in seen and style in self.styles and len(seen) < 20:
            seen.add(style)
            found = self.styles[style]
            num_id = num_id if num_id is not None else found.num_id
            level = level if level is not None else found.level
            style = found.based_on
        return _StyleNumber(num_id, level, None)


def _format(value: int, fmt: str) -> str:
    """A list counter in a Word number format (the formats Chinese reports use; others as digits)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting"):  # fmt: skip
        return _chinese(value)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(value).translate(_FULL_WIDTH)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    if fmt in ("lowerLetter", "upperLetter") and 1 <= value <= 26:
        letter = chr(ord("a") + value - 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    return str(value)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _chinese(value: int) -> str:
    """1..99 in Chinese numerals (一 … 十 … 九十九); other values as digits."""
    if not 1 <= value <= 99:
        return str(value)
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CHINESE_DIGITS[tens] + "十")
    return head + (CHINESE_DIGITS[units] if units else "")


def numbered(label: str, text: str) -> str:
    """A paragraph's text behind its list number; a space between them when the text starts with
    a digit, so the number ``1.`` and the text ``12`` never read as ``1.12``."""
    if label and text[:1].isdigit():
        return f"{label} {text}"
    return label + text
