"""Stage 5: rebuilt grids → the canonical tables of the detected template (docs/format.md §2).

Each grid row is read as a label (its text cells) and its values (the cells after the label);
one mapper per table then gives the rows their canonical keys and fits the values to the
template's columns (:mod:`.rows` holds what the mappers share).
"""

from __future__ import annotations

from .active import map_active_disclosure
from .applications import map_applications, match_label
from .review import map_review_litigation
from .types import Mapped
from .views import RowView, row_views

__all__ = [
    "Mapped",
    "RowView",
    "map_active_disclosure",
    "map_applications",
    "map_review_litigation",
    "match_label",
    "row_views",
]
