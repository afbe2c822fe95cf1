"""Stage 3: locate the table regions.

A table is looked for in the body of its section (2, 3, 4). When that body does not hold the
table's anchor labels (the section is prose, or missing) the table is looked for by its anchors
anywhere, from the first anchor line to the next heading or the next table; a section body with
no anchor anywhere else in the document is still tried (a bare row of numbers under 四、).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._normalize import Line
from ._sections import SectionSlice, heading_number
from ._text import fold
from ._vocab import SECTION_TABLE, TABLE_ANCHORS


@attrs.frozen
class Region:
    kind: str
    """The canonical table expected here."""
    start: int
    """Index of the first line (in the normalised line list)."""
    end: int
    """Index one past the last line."""


def locate(lines: tuple[Line, ...], sections: tuple[SectionSlice, ...]) -> tuple[Region, ...]:
    in_section: dict[str, Region] = {}
    for piece in sections:
        kind = SECTION_TABLE.get(piece.section.number)
        if kind is not None and kind not in in_section and piece.end > piece.start + 1:
            in_section[kind] = Region(kind, piece.start + 1, piece.end)
    regions: list[Region] = []
    for kind, anchors in TABLE_ANCHORS.items():
        section = in_section.get(kind)
        own = _find(lines[section.start : section.end], anchors) if section is not None else None
        if section is not None and own is not None:
            regions.append(_cut(lines, section, section.start + own))
            continue
        anchored = _by_anchor(lines, kind)
        if anchored is not None:
            regions.append(anchored)
        elif section is not None:
            regions.append(section)
    return tuple(sorted(regions, key=lambda r: r.start))


def _by_anchor(lines: tuple[Line, ...], kind: str) -> Region | None:
    """The lines from the table's first anchor label to the next heading or table: an anchor in
    a sentence of prose (``结果维持2件。``) is passed over while one in a table's cells is found."""
    anchors = TABLE_ANCHORS[kind][:2]
    start = next(
        (i for i, line in enumerate(lines) if _holds(line, anchors) and not _prose(line.text)),
        _find(lines, anchors),
    )
    if start is None:
        return None
    end = start + 1
    while (
        end < len(lines) and heading_number(lines[end].text) is None and not _other_anchor(lines[end], kind)
    ):
        end += 1
    return Region(kind, start, end)


def _cut(lines: tuple[Line, ...], region: Region, own: int) -> Region:
    """A section's region ended where another table begins after its own (``own``: the line of
    its first anchor): the next section's heading may be missing, misspelt past recognition or
    numbered as a subsection, and that table then runs on inside this section."""
    for index in range(own + 1, region.end):
        if _other_anchor(lines[index], region.kind, first=2):
            return Region(region.kind, region.start, index)
    return region


def _holds(line: Line, anchors: tuple[str, ...]) -> bool:
    folded = fold(line.text)
    return any(a in folded for a in anchors)


def _prose(text: str) -> bool:
    """A line of sentences: a table's cells hold no full stop and no comma."""
    return any(mark in text for mark in "。，")


def _find(lines: Sequence[Line], anchors: tuple[str, ...]) -> int | None:
    return next((index for index, line in enumerate(lines) if _holds(line, anchors)), None)


def _other_anchor(line: Line, kind: str, first: int = 1) -> bool:
    """The line holds one of another table's ``first`` anchors."""
    folded = fold(line.text)
    return any(
        a in folded for other, anchors in TABLE_ANCHORS.items() if other != kind for a in anchors[:first]
    )
