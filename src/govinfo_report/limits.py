"""Named limits that bound the work done on hostile or unusual input.

Each limit, when hit, produces a ``limits.*`` diagnostic instead of a hang or a crash.
"""

from __future__ import annotations

MAX_INPUT_CHARS = 20_000_000
"""Characters of input read at most; the rest is ignored (diagnostic ``limits.input_truncated``)."""

MAX_LINE_CHARS_FOR_LABELS = 4_000
"""A line longer than this is not searched for fuzzy label matches (exact matches still are)."""

MAX_FUZZY_LABEL_CHARS = 80
"""Fuzzy (error-tolerant) label matching is tried only on label texts up to this length."""

MAX_NUMBER_DIGITS = 24
"""Digits a cell's number may have; a longer one is read as text (no count or amount is that long)."""

MAX_TABLE_ROWS = 2_000
"""Rows of one rebuilt table kept at most."""

MAX_TABLE_CELLS = 50_000
"""Cells of one rebuilt table kept at most."""

MAX_CONSTRAINT_COMBINATIONS = 5_000
"""Combinations of ambiguous row readings tried against the column rules at most."""

# HTML tables (tables/html.py)

MAX_SPAN = 100
"""Largest ``rowspan``/``colspan`` honoured; larger values are clamped (``colspan="100000"`` -> 100)."""

MAX_HTML_TABLE_CELLS = 20_000
"""Most grid positions (rows x width, padding included) one table may have; rows past it are dropped."""

MAX_DOCUMENT_CELLS = 500_000
"""Most grid positions over all tables of one document; tables past it are dropped.

A ``<td colspan=100 rowspan=100>`` under 100 empty ``<tr>`` is 10,000 positions from a few hundred
bytes, so without a document-wide cap a hostile page of a few megabytes could ask for gigabytes.
"""
