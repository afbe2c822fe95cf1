"""The reading engine: how printed cells become a template row's values.

Every layout feeds the same three steps. For each template row, the printed material that may
belong to it (its tokens in order, with the line each came from) gives every way it can fill
the row's columns (:mod:`.generate`); the table's rules drop the readings that break them, and a
cell gets a value only when every surviving reading agrees (:mod:`.engine`). A layout vouches
for a reading only when its structure says so (a grid row exactly as wide as the template, a
delimited row with no stray material around it); a vouched reading stands even where a rule
fails, and its cells are marked as disputed.
"""

from .engine import Decided, decide
from .generate import row_readings
from .model import DELIMITED, GLUED, GRID, SPACED, Candidate, Material, Reading, RowSpec, Unit

__all__ = [
    "DELIMITED",
    "GLUED",
    "GRID",
    "SPACED",
    "Candidate",
    "Decided",
    "Material",
    "Reading",
    "RowSpec",
    "Unit",
    "decide",
    "row_readings",
]
