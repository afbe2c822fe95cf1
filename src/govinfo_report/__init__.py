"""govinfo_report: Chinese government information disclosure annual reports → verified data.

>>> from govinfo_report import parse
>>> report = parse(text)
>>> report.applications.get("new_requests", "total").value
>>> report = parse_file("report.pdf")  # or .html, .docx, .txt; parse_bytes(data) for raw bytes
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import InputError, ParseError
from .model import (
    SCHEMA_VERSION,
    Attachment,
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
    Statement,
    Table,
)

if TYPE_CHECKING:
    from ._pipeline import parse, parse_bytes, parse_file


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Report.to_dict` (version :data:`SCHEMA_VERSION`), as shipped with
    the package in ``report.schema.json``. It also covers ``parse``'s JSON lines: a report with the
    ``path`` it was read from, or a file that gave no report (``path``, ``error``, ``code``)."""
    import json
    from importlib import resources

    return json.loads(resources.files(__name__).joinpath("report.schema.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    """``parse``, ``parse_bytes`` and ``parse_file``, imported on first use: importing the package
    for its data model (a notebook loading saved results, a worker's parent) does not load the
    parsing stages."""
    if name in ("parse", "parse_bytes", "parse_file"):
        from . import _pipeline as pipeline

        value = getattr(pipeline, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "SCHEMA_VERSION",
    "Attachment",
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
    "Statement",
    "Table",
    "__version__",
    "json_schema",
    "parse",
    "parse_bytes",
    "parse_file",
)
