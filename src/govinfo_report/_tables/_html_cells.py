"""The text of an HTML table cell, for the HTML reader (:mod:`.html`): its visible text and the
line of its first visible character, found by a short cut for the common cells or by walking
all of the cell's descendants.
"""

from __future__ import annotations

from ._html_tree import BLOCKS as _BLOCKS
from ._html_tree import DROPPED as _DROPPED
from ._html_tree import Element
from ._html_tree import end_line as _end
from ._html_tree import line_at as _at
from ._html_tree import tag_of as _tag
from ._visibility import VISIBLE as _VISIBLE
from ._visibility import Visibility
from ._visibility import clean as _clean
from ._visibility import first_visible_line as _first_visible_line
from .document import join_cell_pieces

_MARKS = frozenset({"sup", "sub"})
_MARK_CHARS = 3
"""A superscript or subscript this short beside a number is a footnote's mark."""

_PLAIN = Visibility()  # a page that hides nothing (no element marked: its check never notes)


def cell_text(cell: Element, cursor: int, page: Visibility, shown: bool) -> tuple[str, int]:
    """The text of a cell and the line of its first visible character.

    All descendants' text, in order; the pieces a ``<br>`` or a block element (``<p>``, ``<div>``)
    separates are each cleaned and then joined by :func:`.document.join_cell_pieces`: with no
    separator, because in these reports a break inside a cell splits a word (``本年新<br />制作数量``
    -> ``本年新制作数量``), except between two digits (``12<br>3`` -> ``12 3``, never 123). A cell
    holding only ``&nbsp;`` is ``""``. Text a browser hides is not read: ``shown`` tells whether
    the cell's own text is shown (``visibility``), and hidden descendants are skipped.
    """
    line = _at(cell, cursor)
    found = wrapped_text(cell, line, page) if shown else None
    return found if found is not None else walked_text(cell, line, page, shown)


def wrapped_text(cell: Element, line: int, page: Visibility = _PLAIN) -> tuple[str, int] | None:
    """What :func:`walked_text` gives for a shown cell of text alone (most cells) or of text
    inside a chain of single wrappers (Word's ``<p><span>12</span></p>``) that hide nothing,
    found without the walk; None for any other cell. ``line`` is the cell's own line."""
    marked = page.marked
    node, inner = cell, line
    while len(node) == 1 and not _VISIBLE.search(node.text or ""):
        child = node[0]
        tag = _tag(child)
        if tag is None or tag == "br" or tag in _DROPPED or tag in _MARKS:
            return None  # a mark may be a footnote's: the walk tells
        if _VISIBLE.search(child.tail or ""):
            return None
        if marked and child in marked:
            return None  # it may hide its text: the walk tells
        inner = _at(child, inner + (node.text or "").count("\n"))
        node = child
    if len(node):
        return None
    text = node.text or ""
    first = _first_visible_line(text, inner)
    return join_cell_pieces([_clean(text)]), first if first is not None else line


def walked_text(cell: Element, line: int, page: Visibility = _PLAIN, shown: bool = True) -> tuple[str, int]:
    """A cell's text and first visible line by walking all its descendants (see :func:`cell_text`)."""
    start = line
    pieces: list[str] = []
    parts: list[str] = []
    first = None
    # (element, leaving it, whether the text around it (its tail) is shown)
    stack: list[tuple[Element, bool, bool]] = [(cell, False, shown)]
    while stack:
        node, leaving, outer = stack.pop()
        tag = _tag(node)
        if leaving:
            if tag in _BLOCKS:
                pieces.append(_clean("".join(parts)))
                parts.clear()
            texts = (node.tail or "",) if node is not cell else ()
        elif tag is None or tag in _DROPPED:
            line = _end(node, line)
            texts = (node.tail or "",)
        else:
            line = _at(node, line)
            inner = shown if node is cell else page.check(node, outer, tag, line)
            if inner is None:  # removed: no break, nothing inside
                line, texts = _end(node, line), (node.tail or "",)
            elif tag in _MARKS and len(mark := "".join(node.itertext()).strip()) <= _MARK_CHARS:
                # a footnote's mark beside a number (``1024<sup>1</sup>``): a note, never digits
                if inner and mark:
                    parts.append(f"（{mark}）")
                line, texts = _end(node, line), (node.tail or "",)
            else:
                if tag == "br" or tag in _BLOCKS:
                    pieces.append(_clean("".join(parts)))
                    parts.clear()
                stack.append((node, True, outer))
                stack.extend((child, False, inner) for child in reversed(node))
                texts, outer = (node.text or "",), inner  # the text inside is shown as the element
        for text in texts:
            if outer:
                if first is None:
                    first = _first_visible_line(text, line)
                parts.append(text)
            line += text.count("\n")
    pieces.append(_clean("".join(parts)))
    return join_cell_pieces(pieces), first if first is not None else start
