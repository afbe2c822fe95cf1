"""HTML layout: block text and table grids from an HTML page or fragment.

The HTML is parsed with lxml's libxml2 HTML parser in recover mode (no network, no DTD, comments
and processing instructions removed), so broken markup still yields a tree. Two things come out:

* ``lines``: the text outside tables, one entry per block element (``p``, ``div``, ``h1``-``h6``,
  ``li``, ``td`` of a layout table, ``title`` ...), split further at ``<br>``;
* ``tables``: every innermost ``<table>`` rebuilt as a rectangular grid, pdfplumber style: a cell's
  text sits at its top-left position and every other position its ``rowspan``/``colspan`` covers
  holds ``GridCell("", line, spanned=True)``.

Both leave out what a browser hides (``display: none``, ``visibility: hidden``, the ``hidden``
attribute: :mod:`._visibility`), noting the lines of the hidden elements in ``hidden``.

The pipeline is a chain of small steps: :func:`looks_like_html` -> ``parse`` (:mod:`._html_tree`)
-> ``_walk`` (block text, table discovery) -> ``table_rows`` (which ``td``/``th`` belong to which
row) -> ``_place`` (span expansion) -> ``_pad`` (rectangular grid), these three in
:mod:`._html_grid`, with the text of each cell from :mod:`._html_cells`. Nothing here raises on
any input string.

Line numbers are 1-based and count ``\\r\\n`` and ``\\r`` as one break, as in the model. They are
the line of the first visible character, tracked from lxml's ``sourceline`` (the line on which the
element's start tag ends) plus the newlines seen in the text since; 1 when nothing better is known.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from .._vocab import HTML_CHROME_NAMES, HTML_CHROME_WHOLE_NAMES, HTML_REPORT_MARKERS
from ..model import GridCell
from ._html_cells import cell_text as _cell_text
from ._html_cells import walked_text as _walked_text  # noqa: F401  (tests compare the two)
from ._html_cells import wrapped_text as _wrapped_text  # noqa: F401
from ._html_grid import table_grid as _grid
from ._html_grid import table_rows as _table_rows
from ._html_tree import BLOCKS as _BLOCKS
from ._html_tree import DROPPED as _DROPPED
from ._html_tree import Element
from ._html_tree import end_line as _end
from ._html_tree import line_at as _at
from ._html_tree import parse as _parse
from ._html_tree import tag_of as _tag
from ._visibility import Visibility
from ._visibility import clean as _clean
from ._visibility import first_visible_line as _first_visible_line
from .document import Document

__all__ = (
    "MAX_DOCUMENT_CELLS",
    "MAX_SPAN",
    "MAX_TABLE_CELLS",
    "HtmlDocument",
    "looks_like_html",
    "read_html",
)

from ..limits import MAX_DOCUMENT_CELLS, MAX_SPAN
from ..limits import MAX_HTML_TABLE_CELLS as MAX_TABLE_CELLS

HtmlDocument = Document
"""The HTML reader's result (see :class:`..document.Document`)."""


# --- vocabulary ------------------------------------------------------------------------------

_MARKERS = re.compile("|".join(map(re.escape, HTML_REPORT_MARKERS)))
_MARKER_CARRY = max(map(len, HTML_REPORT_MARKERS)) - 1
"""Characters of text carried from one text node to the next, so a split marker is found."""

_EMPHASIS = frozenset({"strong", "b"})
"""Inline elements that make a line of their own when they hold just a numbered heading."""

_NUMBERED_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[）)])\s*\S"
)
_MAX_HEADING_CHARS = 60
_MAX_HEADING_ELEMENTS = 16
"""An emphasis element with more elements inside is no heading (and is not walked further)."""

_NAME_TOKEN = re.compile(r"[^a-z0-9]+")
"""Separators inside ``class``/``id`` values (``main-nav``, ``share_box``, ``bd share``)."""


_LOOKS_LIKE_HTML = re.compile(
    r"</?(?:!doctype\s+html|html|head|body|title|meta|p|div|br|hr|span|font|center|table|"
    r"thead|tbody|tfoot|tr|td|th|caption|h[1-6]|ul|ol|li|strong|b|pre)(?=[\s/>])",
    re.IGNORECASE,
)
"""An opening or closing tag of an element that reports are written with (``< b`` is no tag)."""


# --- public functions -------------------------------------------------------------------------


def looks_like_html(source: str) -> bool:
    """Whether ``source`` contains at least one tag of an element HTML reports use (``p``,
    ``table``, ``div``, ``br``, ``html``, ``body``, ``td`` ...). Text that only mentions
    ``<长江三角洲区域一体化发展规划纲要>`` or ``a < b`` is not HTML."""
    if not isinstance(source, str):
        return False
    return _LOOKS_LIKE_HTML.search(source) is not None


def read_html(source: str) -> HtmlDocument | None:
    """Read the block text and the tables of an HTML page or fragment.

    Returns None when ``source`` does not look like HTML (:func:`looks_like_html`) or, should lxml
    fail in an unforeseen way, when it cannot be read; HTML with no content (``</div>``, a lone
    doctype) gives an empty document. Never raises.
    """
    if not looks_like_html(source):
        return None
    try:
        root, limited = _parse(source)
    except etree.ParserError:  # "Document is empty": HTML, but nothing in it
        return HtmlDocument(lines=(), tables=())
    except Exception:  # a layout strategy never raises: an unreadable page is simply not read
        return None
    try:
        doc = _clamped(_walk(root), _line_count(source))
    except Exception:
        return None
    return attrs.evolve(doc, truncated=True) if limited else doc


def _line_count(source: str) -> int:
    return source.count("\n") + source.count("\r") - source.count("\r\n") + 1


def _clamped(doc: HtmlDocument, last: int) -> HtmlDocument:
    """Keep every line number inside the source: an entity such as ``&#10;`` is a newline in the
    decoded text but not in the source."""
    if all(n <= last for n in (*doc.hidden, *(n for _, n in doc.lines))) and all(
        c.line <= last for _, g in doc.tables for r in g for c in r
    ):
        return doc
    return attrs.evolve(
        doc,
        lines=tuple((t, min(n, last)) for t, n in doc.lines),
        hidden=tuple(min(n, last) for n in doc.hidden),
        tables=tuple(
            (i, tuple(tuple(attrs.evolve(c, line=min(c.line, last)) for c in r) for r in g))
            for i, g in doc.tables
        ),
    )


# --- block text -------------------------------------------------------------------------------


@attrs.define
class _Lines:
    """The block text gathered so far, and the block being gathered."""

    lines: list[tuple[str, int]] = attrs.field(factory=list)
    parts: list[str] = attrs.field(factory=list)
    line: int | None = None
    pre: int = 0
    """Depth of ``<pre>`` elements around the current position."""

    def add(self, text: str, cursor: int, shown: bool = True) -> int:
        """Add ``text`` found on line ``cursor`` (when ``shown``); returns the line reached after it."""
        if not text or not shown:
            return cursor + text.count("\n")
        if self.pre:
            first, *rest = text.split("\n")
            self._add(first, cursor)
            for piece in rest:
                self.flush()
                cursor += 1
                self._add(piece, cursor)
            return cursor
        self._add(text, cursor)
        return cursor + text.count("\n")

    def _add(self, text: str, cursor: int) -> None:
        self.parts.append(text)
        if self.line is None:
            self.line = _first_visible_line(text, cursor)

    def flush(self) -> None:
        """End the current block."""
        text = _clean("".join(self.parts))
        if text:
            self.lines.append((text, self.line or 1))
        self.parts.clear()
        self.line = None


def _walk(root: Element) -> HtmlDocument:
    """Block text and innermost tables of the tree under ``root``, in document order.

    Iterative (an explicit stack), so deeply nested markup cannot exhaust Python's recursion limit.
    """
    out = _Lines()
    tables: list[tuple[int, tuple[tuple[GridCell, ...], ...]]] = []
    budget = MAX_DOCUMENT_CELLS
    truncated = False
    clamped: list[int] = []
    dropped: list[int] = []
    is_chrome = _Chrome(root)
    page = Visibility.of(root)
    marked = page.marked
    cursor = 1
    # (element, leaving it, it is a block, whether the text around it (its tail) is shown)
    stack: list[tuple[Element, bool, bool, bool]] = [(root, False, False, True)]
    while stack:
        node, leaving, block, shown = stack.pop()
        tag = _tag(node)
        if leaving:
            if tag == "pre":
                out.pre -= 1
            if block:
                out.flush()
            cursor = out.add(node.tail or "", cursor, shown)
            continue
        if tag is None or tag in _DROPPED:
            cursor = out.add(node.tail or "", _end(node, cursor), shown)
            continue
        cursor = _at(node, cursor)
        inner = page.check(node, shown, tag, cursor) if marked and node in marked else shown
        if inner is None:  # display:none: no box, no line break, nothing inside
            cursor = out.add(node.tail or "", _end(node, cursor), shown)
            continue
        if is_chrome(node):
            out.flush()
            dropped.append(cursor)
            cursor = out.add(node.tail or "", _end(node, cursor), shown)
            continue
        if tag == "br":
            out.flush()
            cursor = out.add(node.tail or "", cursor, shown)
            continue
        if tag == "table" and not _has_table_inside(node):
            out.flush()
            rows, captions = _table_rows(node, page, inner, cursor)
            for caption in captions:
                text, line = _cell_text(caption, cursor, page, caption not in page.muted)
                if text:
                    out.lines.append((text, line))
            grid, cut = _grid(rows, cursor, min(MAX_TABLE_CELLS, budget), clamped, page)
            truncated = truncated or cut
            if grid:
                tables.append((len(out.lines), grid))
                budget -= len(grid) * len(grid[0])
            cursor = out.add(node.tail or "", _end(node, cursor), shown)
            continue
        block = tag in _BLOCKS or (tag in _EMPHASIS and _is_heading(node))
        if block:
            out.flush()
        if tag == "pre":
            out.pre += 1
        cursor = out.add(node.text or "", cursor, inner)
        stack.append((node, True, block, shown))
        stack.extend((child, False, False, inner) for child in reversed(node))
    out.flush()
    return HtmlDocument(
        lines=tuple(out.lines),
        tables=tuple(tables),
        truncated=truncated,
        clamped=tuple(clamped),
        dropped=tuple(dropped),
        hidden=tuple(_at(node, line) for node, line in page.hidden),
    )


@attrs.define
class _Chrome:
    """Tells page chrome by its ``class``/``id`` (navigation, breadcrumbs, share links, footers,
    sidebars): a name token in :data:`vocab.HTML_CHROME_NAMES`, and nothing of the report inside
    (no table, no text naming the report's sections or tables). Which elements hold the report is
    found once per page, on the first candidate, marking the ancestors of every table and of every
    text that names the report: linear in the page, however deeply candidates nest."""

    root: Element
    holders: set[Element] | None = None
    """Elements with the report inside; the set keeps lxml's proxies alive, so identity holds."""

    def __call__(self, node: Element) -> bool:
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if not names.strip():
            return False
        lowered = names.lower()
        whole = set(lowered.split())
        if whole.isdisjoint(HTML_CHROME_WHOLE_NAMES) and {
            t for t in _NAME_TOKEN.split(lowered) if t
        }.isdisjoint(HTML_CHROME_NAMES):
            return False
        if self.holders is None:
            self.holders = _report_holders(self.root)
        return node not in self.holders


def _report_holders(root: Element) -> set[Element]:
    """Every element with a table or the report's words inside. The text is read once, in
    document order, so a marker split over inline elements (``<span>一、总体</span><span>情况</span>``)
    is found; it marks the ancestors of the element holding its last character, which include
    every element holding the whole marker."""
    holders: set[Element] = set()
    carry = ""  # the end of the text so far, long enough to complete a marker
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            text, owner = node.text, node
            if node.tag == "table":  # libxml2's HTML parser gives tags in lower case
                _mark(node, holders)
        else:
            text, owner = node.tail, node.getparent()
        if not text or not isinstance(text, str):
            continue
        window = carry + text
        if _MARKERS.search(window):
            _mark(owner, holders)
        carry = window[-_MARKER_CARRY:]
    return holders


def _mark(node: Element | None, holders: set[Element]) -> None:
    while node is not None and node not in holders:
        holders.add(node)
        node = node.getparent()


def _is_heading(node: Element) -> bool:
    """Whether an emphasis element (``<strong>``, ``<b>``) holds just a numbered heading
    (``一、总体情况``, ``（二）…``): then it is a line of its own, even inside running text."""
    text = node.text or ""
    for count, sub in enumerate(node.iterdescendants()):
        if count >= _MAX_HEADING_ELEMENTS or len(text) > _MAX_HEADING_CHARS:
            return False
        text += (sub.text or "") + (sub.tail or "")
    if len(text) > _MAX_HEADING_CHARS:
        return False
    return _NUMBERED_HEADING.match(text.strip()) is not None


def _has_table_inside(table: Element) -> bool:
    """Whether a ``<table>`` holds another one (then it is a layout table, walked as text)."""
    return any(True for _ in table.iterdescendants("table"))
