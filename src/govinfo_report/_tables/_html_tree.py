"""The lxml tree of an HTML page, for the HTML reader (:mod:`.html`): parsing, the tag of an
element, the source line an element starts and ends on, and the element names every step of
the reader treats alike (left out, block).

Line numbers are 1-based, as in the model: lxml's ``sourceline`` is the line on which an
element's start tag ends, and libxml2 stops counting past :data:`_LIBXML2_MAX_LINE`.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from lxml import etree

_LIBXML2_MAX_LINE = 65535
"""libxml2's HTML parser reports every line past this one as this one."""

Element = Any
"""An lxml element (lxml ships no type information)."""

DROPPED = frozenset(
    {"script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "del", "s", "strike"}
)
"""Elements whose whole content (text and tables) is left out: scripts and page chrome, and text
struck out (``<del>5</del>56``: deleted, as Word's tracked deletions are)."""

BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "ul",
    }
)  # fmt: skip
"""Elements that start and end a line of text (inside a table cell: that are joined with no separator)."""


_NEWLINE_REFERENCE = re.compile(r"&#(?:0*1[03](?![0-9])|[xX]0*[aAdD](?![0-9a-fA-F]));?")


def parse(source: str) -> tuple[Element, bool]:
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


def tag_of(node: Element) -> str | None:
    """The lower-case tag of an element; None for comments, processing instructions and entities."""
    tag = node.tag
    return tag.lower() if isinstance(tag, str) else None


def line_at(node: Element, cursor: int) -> int:
    """The line on which ``node``'s content starts, given the line reached so far."""
    line = node.sourceline
    if not isinstance(line, int) or line < 1:
        return cursor
    if line >= _LIBXML2_MAX_LINE:  # libxml2 stops counting here; the cursor keeps counting
        return max(cursor, line)
    return line


def end_line(node: Element, cursor: int) -> int:
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
            line = line_at(sub, line) + (sub.text or "").count("\n")
        elif sub is not node:
            line += (sub.tail or "").count("\n")
    return line
