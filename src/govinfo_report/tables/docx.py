"""DOCX layout: block text and table grids from WordprocessingML (``word/document.xml``).

Read with lxml, namespaces matched by local name so Transitional and Strict OOXML both read:

* paragraphs (``w:p``) in document order, also inside content controls (``w:sdt``), custom XML
  and text boxes (``w:txbxContent``, read once: the ``mc:Choice`` of an ``mc:AlternateContent``,
  not its ``mc:Fallback`` copy); ``w:tab`` is a tab, ``w:br``/``w:cr`` a line break;
* tracked changes: ``w:del`` and ``w:moveFrom`` dropped, ``w:ins`` and ``w:moveTo`` kept; field
  codes (``w:instrText``), bookmarks and comments' anchors left out;
* hidden text left out as Word hides it: runs with ``w:vanish`` or ``w:specVanish``, also in table
  cells, and a table row marked hidden (``w:trPr/w:hidden``) whose cells show no text. A hidden
  paragraph mark (``w:pPr/w:rPr/w:vanish``) hides the mark only: Word runs the paragraph into the
  next one, here it stays a paragraph of its own with its text. ``w:webHidden`` hides only in Web
  Layout view and is kept, as Word's print layout shows it;
* automatic numbering (``w:numPr``, from ``word/numbering.xml``) rendered in front of the text,
  so an auto-numbered heading reads ``一、总体情况`` as it does on screen;
* tables (``w:tbl``) as rectangular grids: ``w:gridSpan`` spreads a cell over columns,
  ``w:vMerge`` continues the cell above (``GridCell("", line, spanned=True)``), ``w:gridBefore``
  and ``w:gridAfter`` leave empty positions. A table that holds another table is a layout table:
  its cells are read as text and the inner tables as tables.

DOCX has no source lines: blocks are numbered in document order, one line per paragraph (and per
line break inside one) and one per table row. Nothing here raises on a well-formed XML tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from ..limits import MAX_DOCUMENT_CELLS, MAX_LIST_LABEL_CHARS, MAX_SPAN
from ..limits import MAX_HTML_TABLE_CELLS as MAX_TABLE_CELLS
from ..model import GridCell
from ..vocab import CHINESE_DIGITS
from .document import Document, GridRows, join_cell_pieces, span_count

Element = Any
"""An lxml element (lxml ships no type information)."""

_SKIPPED = frozenset({"del", "moveFrom", "delText", "instrText", "Fallback", "rPr", "pPr", "sectPr"})
"""Elements whose content is not part of the visible text."""

_CONTAINERS = frozenset(
    {"sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "body", "txbxContent"}
)
"""Block-level wrappers looked through for paragraphs and tables."""


def _local(node: Element) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _attr(node: Element | None, name: str) -> str | None:
    """The value of the ``w:name`` attribute (any namespace), or None."""
    if node is None:
        return None
    for key, value in node.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return str(value)
    return None


def _child(node: Element, name: str) -> Element | None:
    for child in node:
        if _local(child) == name:
            return child
    return None


# --- numbering ----------------------------------------------------------------------------------


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


_INTEGER = re.compile(r"\s*(-?)0*([0-9]{1,6})\s*")


def _int(value: str | None, default: int) -> int:
    """An integer attribute (``w:val``) of at most six digits, or ``default`` when it is anything
    else (``"--2"``, ``"²"``, ``"x"``, absent)."""
    match = _INTEGER.fullmatch(value) if value is not None else None
    if match is None:
        return default
    return -int(match.group(2)) if match.group(1) else int(match.group(2))


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


# --- reading ------------------------------------------------------------------------------------


@attrs.define
class _Reader:
    numbering: Numbering
    lines: list[tuple[str, int]] = attrs.field(factory=list)
    tables: list[tuple[int, GridRows]] = attrs.field(factory=list)
    line: int = 0
    budget: int = MAX_DOCUMENT_CELLS
    truncated: bool = False
    clamped: list[int] = attrs.field(factory=list)
    hidden: list[int] = attrs.field(factory=list)
    """Lines (paragraphs, table rows) where hidden text was left out, each once."""

    def blocks(self, container: Element) -> None:
        """Read the paragraphs and tables under ``container`` in document order."""
        for node in _block_nodes(container):
            if _local(node) == "p":
                self.paragraph(node)
            elif _has_table_inside(node):
                self.layout_table(node)
            else:
                self.table(node)

    def paragraph(self, paragraph: Element) -> None:
        text, boxes = self.paragraph_text(paragraph, self.line + 1)
        for piece in _numbered(self.numbering.label(paragraph), text).split("\n"):
            self.line += 1
            if piece.strip():
                self.lines.append((piece, self.line))
        for box in boxes:
            self.blocks(box)

    def layout_table(self, table: Element) -> None:
        for row in _rows(table):
            for cell in _cells(row):
                self.blocks(cell)

    def table(self, table: Element) -> None:
        positions: dict[tuple[int, int], GridCell] = {}
        row_lines: list[int] = []
        limit = min(MAX_TABLE_CELLS, self.budget)
        width = 0
        for row in _rows(table):
            r = len(row_lines)
            if r * max(width, 1) >= limit:  # rows x width, padding included, as the grid will be
                self.truncated = True
                break
            self.line += 1
            properties = _child(row, "trPr")
            col = _int(_attr(_child(properties, "gridBefore"), "val"), 0) if properties is not None else 0
            col = min(max(col, 0), MAX_SPAN)  # empty positions before the first cell
            cells = [(*self.cell_shape(cell), cell) for cell in _cells(row)]
            texts = ["" if merged else self.cell_text(cell) for _, merged, cell in cells]
            if properties is not None and _on(_child(properties, "hidden")) and not any(texts):
                continue  # Word hides the row: its mark is hidden and none of its text is shown
            row_lines.append(self.line)
            for (span, merged, _), text in zip(cells, texts, strict=True):
                for dc in range(span):
                    if len(positions) >= limit:
                        self.truncated = True
                        break
                    spanned = merged or dc > 0
                    positions[(r, col + dc)] = GridCell("" if spanned else text, self.line, spanned=spanned)
                col += span
            width = max(width, col)
        if not positions:
            return
        width = 1 + max(c for _, c in positions)
        rows = sorted({r for r, _ in positions})
        keep = min(len(rows), max(limit // width, 1))
        self.truncated = self.truncated or keep < len(rows)
        grid = tuple(
            tuple(positions.get((r, c)) or GridCell("", row_lines[r], filler=True) for c in range(width))
            for r in rows[:keep]
        )
        self.budget -= len(grid) * width
        self.tables.append((len(self.lines), grid))

    def cell_shape(self, cell: Element) -> tuple[int, bool]:
        """A cell's column span, and whether it continues the cell above (``w:vMerge``)."""
        properties = _child(cell, "tcPr")
        if properties is None:
            return 1, False
        span, clamped = span_count(_attr(_child(properties, "gridSpan"), "val"))
        if clamped:
            self.clamped.append(self.line)
        merge = _child(properties, "vMerge")
        merged = merge is not None and (_attr(merge, "val") or "continue") == "continue"
        horizontal = _child(properties, "hMerge")  # legacy horizontal merge
        merged = merged or (horizontal is not None and (_attr(horizontal, "val") or "continue") == "continue")
        return span, merged

    def cell_text(self, cell: Element) -> str:
        """The text of a cell: its paragraphs, each with white space collapsed, joined by
        :func:`.document.join_cell_pieces` (no separator, since a paragraph break inside a cell
        splits a word: ``本年新`` / ``制作数量``; a space between two digits)."""
        pieces: list[str] = []
        for node in _block_nodes(cell):  # paragraphs only: a table holding tables is a layout table
            text, boxes = self.paragraph_text(node, self.line)
            pieces.append(" ".join(_numbered(self.numbering.label(node), text).split()))
            for p in (p for box in boxes for p in _block_nodes(box)):
                pieces.append(" ".join(self.paragraph_text(p, self.line)[0].split()))
        return join_cell_pieces(pieces)

    def paragraph_text(self, paragraph: Element, line: int) -> tuple[str, list[Element]]:
        """:func:`_paragraph_text`, noting ``line`` (once) when hidden text was left out."""
        text, boxes, hidden = _paragraph_text(paragraph)
        if hidden and (not self.hidden or self.hidden[-1] != line):
            self.hidden.append(line)
        return text, boxes


def _numbered(label: str, text: str) -> str:
    """A paragraph's text behind its list number; a space between them when the text starts with
    a digit, so the number ``1.`` and the text ``12`` never read as ``1.12``."""
    if label and text[:1].isdigit():
        return f"{label} {text}"
    return label + text


def _children(container: Element, wanted: frozenset[str]) -> Iterator[Element]:
    """The elements named in ``wanted`` under ``container``, looking through wrappers
    (:data:`_CONTAINERS`: content controls, custom XML, tracked insertions) but not into them."""
    stack = list(reversed(container))
    while stack:
        node = stack.pop()
        name = _local(node)
        if name in wanted:
            yield node
        elif name in _CONTAINERS:
            stack.extend(reversed(node))


def _block_nodes(container: Element) -> Iterator[Element]:
    """The paragraphs (``w:p``) and tables (``w:tbl``) of a body, cell or text box."""
    return _children(container, _BLOCK)


def _rows(table: Element) -> Iterator[Element]:
    return _children(table, _ROW)


def _cells(row: Element) -> Iterator[Element]:
    return _children(row, _CELL)


_BLOCK = frozenset({"p", "tbl"})
_ROW = frozenset({"tr"})
_CELL = frozenset({"tc"})


def _has_table_inside(table: Element) -> bool:
    return any(_local(node) == "tbl" for node in table.iterdescendants())


def _paragraph_text(paragraph: Element) -> tuple[str, list[Element], bool]:
    """The visible text of a paragraph, the text boxes anchored in it, and whether hidden text
    (:func:`_hidden` runs with text) was left out."""
    parts: list[str] = []
    boxes: list[Element] = []
    hidden = False
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        name = _local(node)
        if not name or name in _SKIPPED:
            continue
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name == "txbxContent":
            boxes.append(node)
        elif name == "AlternateContent":
            choice = _child(node, "Choice")
            if choice is not None:
                stack.append(choice)
        elif name == "r" and _hidden(node):
            hidden = hidden or any(_local(t) == "t" and (t.text or "").strip() for t in node.iter())
        else:
            stack.extend(reversed(node))
    return "".join(parts), boxes, hidden


def _hidden(run: Element) -> bool:
    """Whether a run is hidden text (``w:vanish``, or ``w:specVanish``: always hidden)."""
    properties = _child(run, "rPr")
    if properties is None:
        return False
    return _on(_child(properties, "vanish")) or _on(_child(properties, "specVanish"))


def _on(toggle: Element | None) -> bool:
    """Whether an on/off property is present and on (``<w:vanish/>``; not ``<w:vanish w:val="0"/>``)."""
    return toggle is not None and (_attr(toggle, "val") or "true") not in ("0", "false", "off")


def read_docx_xml(
    document: Element, numbering: Element | None = None, styles: Element | None = None
) -> Document:
    """Block text and tables of a parsed ``word/document.xml`` (with ``word/numbering.xml`` and
    ``word/styles.xml`` for list numbers)."""
    reader = _Reader(Numbering.read(numbering, styles))
    body = next((node for node in document.iter() if _local(node) == "body"), None)
    if body is not None:
        reader.blocks(body)
    return Document(
        lines=tuple(reader.lines),
        tables=tuple(reader.tables),
        truncated=reader.truncated,
        clamped=tuple(reader.clamped),
        hidden=tuple(reader.hidden),
    )


__all__ = ["Numbering", "read_docx_xml"]
