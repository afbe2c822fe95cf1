"""What a table mapper returns."""

from __future__ import annotations

import attrs

from ..model import Diagnostic, ExtraRow, Row


@attrs.frozen
class Mapped:
    rows: tuple[Row, ...]
    """Canonical rows found, in template order."""
    extra_rows: tuple[ExtraRow, ...]
    """Rows outside the template, under their own labels."""
    diagnostics: tuple[Diagnostic, ...]
    """Repairs made and problems found."""
    columns: tuple[str, ...]
    """Column keys of the table."""
