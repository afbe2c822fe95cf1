"""Stage 3: locate the table regions: the body of sections 2, 3 and 4, or, where the sections
were not found, the lines from a table's anchor label to the next table or heading."""

from __future__ import annotations

import attrs

from .normalize import Line
from .sections import SectionSlice, heading_number
from .text import fold
from .vocab import SECTION_TABLE, TABLE_ANCHORS


@attrs.frozen
class Region:
    kind: str
    """The canonical table expected here."""
    start: int
    """Index of the first line (in the normalised line list)."""
    end: int
    """Index one past the last line."""


def locate(lines: tuple[Line, ...], sections: tuple[SectionSlice, ...]) -> tuple[Region, ...]:
    regions: dict[str, Region] = {}
    for piece in sections:
        kind = SECTION_TABLE.get(piece.section.number)
        if kind is not None and kind not in regions and piece.end > piece.start + 1:
            regions[kind] = Region(kind, piece.start + 1, piece.end)
    for kind, anchors in TABLE_ANCHORS.items():
        if kind in regions:
            continue
        start = _find(lines, anchors[:2])
        if start is None:
            continue
        end = start + 1
        while (
            end < len(lines)
            and heading_number(lines[end].text) is None
            and not _other_anchor(lines[end], kind)
        ):
            end += 1
        regions[kind] = Region(kind, start, end)
    return tuple(sorted(regions.values(), key=lambda r: r.start))


def _find(lines: tuple[Line, ...], anchors: tuple[str, ...]) -> int | None:
    for index, line in enumerate(lines):
        folded = fold(line.text)
        if any(a in folded for a in anchors):
            return index
    return None


def _other_anchor(line: Line, kind: str) -> bool:
    folded = fold(line.text)
    return any(a in folded for other, anchors in TABLE_ANCHORS.items() if other != kind for a in anchors[:1])
