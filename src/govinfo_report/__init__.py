"""govinfo_report: Chinese government information disclosure annual reports → verified data.

>>> from govinfo_report import parse
>>> report = parse(text)
>>> report.applications.get("new_requests", "total").value
>>> report = parse_file("report.pdf")  # or .html, .docx, .txt; parse_bytes(data) for raw bytes
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
    Source,
    Span,
    Table,
)
from .pipeline import InputError, ParseError, parse, parse_bytes, parse_file

__all__ = (
    "CanonicalTable",
    "Cell",
    "CellState",
    "Check",
    "Diagnostic",
    "ExtraRow",
    "GridCell",
    "InputError",
    "ParseError",
    "Report",
    "Row",
    "Section",
    "Severity",
    "Source",
    "Span",
    "Table",
    "__version__",
    "parse",
    "parse_bytes",
    "parse_file",
)
