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

The pipeline is a chain of small steps: :func:`looks_like_html` -> ``_parse`` -> ``_walk`` (block
text, table discovery) -> ``_table_rows`` (which ``td``/``th`` belong to which row) -> ``_place``
(span expansion) -> ``_pad`` (rectangular grid). Nothing here raises on any input string.

Line numbers are 1-based and count ``\\r\\n`` and ``\\r`` as one break, as in the model. They are
the line of the first visible character, tracked from lxml's ``sourceline`` (the line on which the
element's start tag ends) plus the newlines seen in the text since; 1 when nothing better is known.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

import attrs
from lxml import etree

from ..model import GridCell
from ..vocab import HTML_CHROME_NAMES, HTML_CHROME_WHOLE_NAMES, HTML_REPORT_MARKERS
from ._visibility import VISIBLE as _VISIBLE
from ._visibility import Visibility
from ._visibility import clean as _clean
from ._visibility import first_visible_line as _first_visible_line
from .document import Document, join_cell_pieces, span_count

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

_LIBXML2_MAX_LINE = 65535
"""libxml2's HTML parser reports every line past this one as this one."""

Element = Any
"""An lxml element (lxml ships no type information)."""


HtmlDocument = Document
"""The HTML reader's result (see :class:`..document.Document`)."""


# --- vocabulary ------------------------------------------------------------------------------

_DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "nav", "header", "footer"})
"""Elements whose whole content (text and tables) is left out."""

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "ul",
    }
)  # fmt: skip
"""Elements that start and end a line of text (inside a table cell: that are joined with no separator)."""

_CELLS = frozenset({"td", "th"})

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


# --- parsing ----------------------------------------------------------------------------------


_NEWLINE_REFERENCE = re.compile(r"&#(?:0*1[03](?![0-9])|[xX]0*[aAdD](?![0-9a-fA-F]));?")


def _parse(source: str) -> tuple[Element, bool]:
    """The lxml tree of ``source``, and whether libxml2 stopped early on one of its limits.

    Raises ``etree.ParserError`` when libxml2 finds no content at all.

    The text is handed to libxml2 as UTF-8 bytes with the encoding forced, so a ``<meta charset>``
    or an XML declaration inside the (already decoded) string cannot make it decode again.

    ``huge_tree`` raises libxml2's nesting limit from 256 to 2048 open elements: old pages leave
    ``<span>``/``<font>`` unclosed by the hundred, and past the limit libxml2 drops the rest of
    the page. The walk below is iterative, so depth costs nothing here; input size is bounded by
    the caller (:data:`govinfo_report.limits.MAX_INPUT_CHARS`).
    """
    text = source.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # a newline written as a character reference is white space, not a source line break
    text = _NEWLINE_REFERENCE.sub(" ", text)
    data = text.encode("utf-8", errors="replace")  # lone surrogates -> "?"
    # lxml's own HTML parser, without lxml.html's element classes: their Python lookup ran once
    # for every element the walk touched, a fifth of the time of reading a page
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        default_doctype=False,
        collect_ids=False,
        huge_tree=True,
    )
    root = etree.fromstring(data, parser=parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    limited = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    return root, limited


def _tag(node: Element) -> str | None:
    """The lower-case tag of an element; None for comments, processing instructions and entities."""
    tag = node.tag
    return tag.lower() if isinstance(tag, str) else None


def _at(node: Element, cursor: int) -> int:
    """The line on which ``node``'s content starts, given the line reached so far."""
    line = node.sourceline
    if not isinstance(line, int) or line < 1:
        return cursor
    if line >= _LIBXML2_MAX_LINE:  # libxml2 stops counting here; the cursor keeps counting
        return max(cursor, line)
    return line


def _end(node: Element, cursor: int) -> int:
    """The line reached at the end of ``node`` (before its tail), walking its whole subtree.

    The walk restarts its count at every element's own line, so the end is the last element's
    line, the line breaks of its text, and those of the tails that close it up to ``node``: read
    directly when that element knows its line, by the walk otherwise."""
    last = deque(node.iter(), maxlen=1)[0]  # the last element in document order (node itself at least)
    line = last.sourceline
    if isinstance(line, int) and 1 <= line < _LIBXML2_MAX_LINE and isinstance(last.tag, str):
        line += (last.text or "").count("\n")
        while last is not node:
            line += (last.tail or "").count("\n")
            last = last.getparent()
        return line
    line = cursor
    for event, sub in etree.iterwalk(node, events=("start", "end")):
        if event == "start":
            line = _at(sub, line) + (sub.text or "").count("\n")
        elif sub is not node:
            line += (sub.tail or "").count("\n")
    return line


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


# --- tables -----------------------------------------------------------------------------------


Rows = list[tuple[Element | None, list[Element]]]
_PLAIN = Visibility()  # a page that hides nothing (no element marked: its check never notes)


def _table_rows(table: Element, page: Visibility, shown: bool, cursor: int) -> tuple[Rows, list[Element]]:
    """The rows of an innermost table as ``(tr or None, [td/th ...])``, and its captions.

    ``thead``/``tbody``/``tfoot`` (and any wrapper libxml2 kept, such as a ``form``, also inside a
    row) are looked through, in document order, but not cells or rows inside a row. Cells outside
    any ``<tr>`` (``<table><td>x</td>``) form an implicit row with their neighbours. Text between
    cells is not kept. Rows and cells a browser removes (``display: none``, ``hidden``) are left
    out, the cells after a removed one moving left; those whose text is hidden go to ``page.muted``.
    """
    rows: Rows = []
    captions: list[Element] = []
    stray: list[Element] | None = None
    marked, muted = page.marked, page.muted
    # (element, whether its parent's text is shown, the cells of the row it is in)
    stack: list[tuple[Element, bool, list[Element] | None]] = [(c, shown, None) for c in reversed(table)]
    while stack:
        node, outer, row = stack.pop()
        tag = _tag(node)
        if tag is None or tag in _DROPPED or (tag == "tr" and row is not None):
            continue
        inner = page.check(node, outer, tag, cursor) if marked and node in marked else outer
        if inner is None:
            continue
        if tag in _CELLS or (tag == "caption" and row is None):
            if tag == "caption":
                row = captions
            elif row is None:
                if stray is None:
                    stray = []
                    rows.append((None, stray))
                row = stray
            row.append(node)
            if not inner:
                muted.add(node)
            continue
        if tag == "tr":
            stray, row = None, []
            rows.append((node, row))
            cells = list(node.iterchildren("td", "th"))
            if len(cells) == len(node) and (not marked or marked.isdisjoint(cells)):  # most rows
                row += cells
                if not inner:
                    muted.update(cells)
                continue
        stack.extend((child, inner, row) for child in reversed(node))
    return rows, captions


def _cell_text(cell: Element, cursor: int, page: Visibility, shown: bool) -> tuple[str, int]:
    """The text of a cell and the line of its first visible character.

    All descendants' text, in order; the pieces a ``<br>`` or a block element (``<p>``, ``<div>``)
    separates are each cleaned and then joined by :func:`.document.join_cell_pieces`: with no
    separator, because in these reports a break inside a cell splits a word (``本年新<br />制作数量``
    -> ``本年新制作数量``), except between two digits (``12<br>3`` -> ``12 3``, never 123). A cell
    holding only ``&nbsp;`` is ``""``. Text a browser hides is not read: ``shown`` tells whether
    the cell's own text is shown (``visibility``), and hidden descendants are skipped.
    """
    line = _at(cell, cursor)
    found = _wrapped_text(cell, line, page) if shown else None
    return found if found is not None else _walked_text(cell, line, page, shown)


def _wrapped_text(cell: Element, line: int, page: Visibility = _PLAIN) -> tuple[str, int] | None:
    """What :func:`_walked_text` gives for a shown cell of text alone (most cells) or of text
    inside a chain of single wrappers (Word's ``<p><span>12</span></p>``) that hide nothing,
    found without the walk; None for any other cell. ``line`` is the cell's own line."""
    marked = page.marked
    node, inner = cell, line
    while len(node) == 1 and not _VISIBLE.search(node.text or ""):
        child = node[0]
        tag = _tag(child)
        if tag is None or tag == "br" or tag in _DROPPED or _VISIBLE.search(child.tail or ""):
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


def _walked_text(cell: Element, line: int, page: Visibility = _PLAIN, shown: bool = True) -> tuple[str, int]:
    """A cell's text and first visible line by walking all its descendants (see :func:`_cell_text`)."""
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


def _grid(
    rows: Rows, cursor: int, budget: int, clamped: list[int], page: Visibility
) -> tuple[tuple[tuple[GridCell, ...], ...], bool]:
    """The rectangular grid of a table's rows, and whether ``budget`` (positions) cut it short."""
    placed, row_lines, cut = _place(rows, cursor, budget, clamped, page)
    grid, cut_more = _pad(placed, row_lines, budget)
    return grid, cut or cut_more


def _place(
    rows: Rows, cursor: int, budget: int, clamped: list[int], page: Visibility
) -> tuple[dict[tuple[int, int], GridCell], list[int], bool]:
    """Put every cell at its position, expanding spans, the way the HTML table model does.

    A cell goes into the first position of its row not yet covered by a ``rowspan`` from above;
    it covers ``rowspan`` x ``colspan`` positions: its text at the top-left one, ``spanned=True``
    elsewhere. Where two cells' spans overlap the first one keeps the position. A ``rowspan`` is
    cut at the last row of the table (row groups are not told apart). Placing stops when
    ``budget`` positions are used; the rows reached so far are kept. The line of every cell whose
    span had to be clamped is added to ``clamped``.
    """
    placed: dict[tuple[int, int], GridCell] = {}
    row_lines: list[int] = []
    count = len(rows)
    muted = page.muted
    for r, (tr, cells) in enumerate(rows):
        if tr is not None:
            cursor = _at(tr, cursor)
        elif cells:
            cursor = _at(cells[0], cursor)
        row_lines.append(cursor)
        col = 0
        for cell in cells:
            while (r, col) in placed:
                col += 1
            text, line = _cell_text(cell, cursor, page, not muted or cell not in muted)
            if cell.get("rowspan") is None and cell.get("colspan") is None:  # most cells: one position
                if len(placed) >= budget:
                    return placed, row_lines, True
                placed[(r, col)] = GridCell(text, line)
                col += 1
                continue
            rowspan, clamped_rows = span_count(cell.get("rowspan"))
            rowspan = min(rowspan, count - r)
            colspan, clamped_cols = span_count(cell.get("colspan"))
            if clamped_rows or clamped_cols:
                clamped.append(line)
            for dr in range(rowspan):
                for dc in range(colspan):
                    position = (r + dr, col + dc)
                    if position in placed:
                        continue
                    if len(placed) >= budget:
                        return placed, row_lines, True
                    origin = dr == 0 and dc == 0
                    placed[position] = GridCell(text, line) if origin else GridCell("", line, spanned=True)
            col += colspan
    return placed, row_lines, False


def _pad(
    placed: dict[tuple[int, int], GridCell], row_lines: list[int], budget: int
) -> tuple[tuple[tuple[GridCell, ...], ...], bool]:
    """The placed cells as rows of equal width.

    Positions no cell covers (a row with fewer cells than the widest one) become empty fillers
    ``GridCell("", line_of_the_row, filler=True)``, not spanned ones: nothing in the HTML spans
    into them, they are simply absent, and the reading engine knows the row has no cell there
    (a row one ``<td>`` short is not read as a row whose last cell is blank). A row with no
    position at all (a ``<tr>`` without cells that no ``rowspan`` reaches) is left out. Rows past
    ``budget`` positions (width x rows) are dropped.
    """
    if not placed:
        return (), False
    width = 1 + max(c for _, c in placed)
    occupied_rows = sorted({r for r, _ in placed})
    keep = min(len(occupied_rows), max(budget // width, 1))
    grid = tuple(
        tuple(placed.get((r, c)) or GridCell("", row_lines[r], filler=True) for c in range(width))
        for r in occupied_rows[:keep]
    )
    return grid, keep < len(occupied_rows)
