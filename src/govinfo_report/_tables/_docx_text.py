"""WordprocessingML elements, for the DOCX reader (:mod:`.docx`): looking up elements and
attributes by local name (any namespace), the paragraphs, tables, rows and cells under a
container, and the visible text of a paragraph (runs, tabs, breaks; tracked deletions, field
codes and hidden runs left out; text boxes handed back to be read as blocks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

Element = Any
"""An lxml element (lxml ships no type information)."""

_SKIPPED = frozenset({"del", "moveFrom", "delText", "instrText", "Fallback", "rPr", "pPr", "sectPr"})
"""Elements whose content is not part of the visible text."""

_CONTAINERS = frozenset(
    {"sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "body", "txbxContent"}
)
"""Block-level wrappers looked through for paragraphs and tables."""


def local_name(node: Element) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def attribute(node: Element | None, name: str) -> str | None:
    """The value of the ``w:name`` attribute (any namespace), or None."""
    if node is None:
        return None
    for key, value in node.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return str(value)
    return None


def first_child(node: Element, name: str) -> Element | None:
    for child in node:
        if local_name(child) == name:
            return child
    return None


_INTEGER = re.compile(r"\s*(-?)0*([0-9]{1,6})\s*")


def integer(value: str | None, default: int) -> int:
    """An integer attribute (``w:val``) of at most six digits, or ``default`` when it is anything
    else (``"--2"``, ``"²"``, ``"x"``, absent)."""
    match = _INTEGER.fullmatch(value) if value is not None else None
    if match is None:
        return default
    return -int(match.group(2)) if match.group(1) else int(match.group(2))


def _children(container: Element, wanted: frozenset[str]) -> Iterator[Element]:
    """The elements named in ``wanted`` under ``container``, looking through wrappers
    (:data:`_CONTAINERS`: content controls, custom XML, tracked insertions) but not into them."""
    stack = list(reversed(container))
    while stack:
        node = stack.pop()
        name = local_name(node)
        if name in wanted:
            yield node
        elif name in _CONTAINERS:
            stack.extend(reversed(node))


def block_nodes(container: Element) -> Iterator[Element]:
    """The paragraphs (``w:p``) and tables (``w:tbl``) of a body, cell or text box."""
    return _children(container, _BLOCK)


def rows(table: Element) -> Iterator[Element]:
    return _children(table, _ROW)


def cells(row: Element) -> Iterator[Element]:
    return _children(row, _CELL)


_BLOCK = frozenset({"p", "tbl"})
_ROW = frozenset({"tr"})
_CELL = frozenset({"tc"})


def has_table_inside(table: Element) -> bool:
    return any(local_name(node) == "tbl" for node in table.iterdescendants())


def paragraph_text(paragraph: Element) -> tuple[str, list[Element], bool]:
    """The visible text of a paragraph, the text boxes anchored in it, and whether hidden text
    (:func:`_hidden` runs with text) was left out."""
    parts: list[str] = []
    boxes: list[Element] = []
    hidden = False
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        name = local_name(node)
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
            choice = first_child(node, "Choice")
            if choice is not None:
                stack.append(choice)
        elif name == "r" and _hidden(node):
            hidden = hidden or any(local_name(t) == "t" and (t.text or "").strip() for t in node.iter())
        else:
            stack.extend(reversed(node))
    return "".join(parts), boxes, hidden


def _hidden(run: Element) -> bool:
    """Whether a run is hidden text (``w:vanish``, or ``w:specVanish``: always hidden)."""
    properties = first_child(run, "rPr")
    if properties is None:
        return False
    return is_on(first_child(properties, "vanish")) or is_on(first_child(properties, "specVanish"))


def is_on(toggle: Element | None) -> bool:
    """Whether an on/off property is present and on (``<w:vanish/>``; not ``<w:vanish w:val="0"/>``)."""
    return toggle is not None and (attribute(toggle, "val") or "true") not in ("0", "false", "off")
