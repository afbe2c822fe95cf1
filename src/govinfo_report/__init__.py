"""govinfo_report: Chinese government information disclosure annual reports → verified data.

>>> from govinfo_report import parse
>>> report = parse(text)
>>> report.applications.get("new_requests", "total").value
"""

from ._version import __version__
from .model import (
    CanonicalTable,
    Cell,
    CellState,
    Check,
    Diagnostic,
    ExtraRow,
    GridCell,
    Report,
    Row,
    Section,
    Severity,
    Span,
    Table,
)
from .pipeline import ParseError, parse

__all__ = (
    "CanonicalTable",
    "Cell",
    "CellState",
    "Check",
    "Diagnostic",
    "ExtraRow",
    "GridCell",
    "ParseError",
    "Report",
    "Row",
    "Section",
    "Severity",
    "Span",
    "Table",
    "__version__",
    "parse",
)
