"""A page laid out in a one-cell table, drawn as a text grid (pandoc's plain text of a page):

    +---------------------------+
    | 一、总体情况              |
    | 2023年，我局按照……        |
    +---------------------------+

The frame is one cell: its top border has no ``+`` but its corners, every line inside opens and
ends with ``|``, and a border closes it. Its lines are the cell's text, so the frame is taken off
and whatever it holds (headings, prose, tables of its own) is read as the rest of the text is.
"""

from __future__ import annotations

import regex

_BORDER = regex.compile(r"\+-{10,}\+")
MIN_FRAME_LINES = 3
"""A frame holds at least this many lines (a one-line box is a table cell, not a layout)."""


def unframe(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """``lines`` with every one-cell frame taken off, and the 0-based indexes of each frame's
    first and last lines (for the diagnostic)."""
    out = list(lines)
    found: list[tuple[int, int]] = []
    k = 0
    while k < len(out):
        top = out[k].strip()
        if not (top.startswith("+-") and _BORDER.fullmatch(top)):
            k += 1
            continue
        end = k + 1
        while end < len(out) and _inside(out[end]):
            end += 1
        if end < len(out) and out[end].strip() == top and end - k - 1 >= MIN_FRAME_LINES:
            out[k] = out[end] = ""
            for i in range(k + 1, end):
                inner = out[i].strip()[1:-1].rstrip()
                out[i] = inner[1:] if inner.startswith(" ") else inner  # pandoc's ``| `` margin
            found.append((k, end))
            k = end + 1
        else:
            k += 1
    return out, found


def _inside(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and stripped[0] == "|" and stripped[-1] == "|"
