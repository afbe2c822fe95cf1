"""Reports as tidy long rows: one row per table cell, for CSV, Parquet and data frames.

Each record names its report (``source``, ``organ``, ``year``, ``template``), its place
(``table``, ``row``, ``column``) and its cell (``value``, ``raw``, ``state``, ``unit``, ``line``,
and ``disputed``: the ids of the consistency rules that fail on it, space-separated, or ``""``).
A local row (``extra_rows``) has its label as ``row`` and its position, from 1, as ``column``,
with ``extra`` true. ``value`` is an int, a float for money, or None; ``state`` tells a blank
from a placeholder, a text, or a missing cell, so None never reads as 0. ``value`` is None also
where a float64 column could not hold the number exactly (past 2**53): the tidy rows never give
another number than the report's; ``raw`` keeps it.

Every report gives at least one row, so a batch's rows list every file: a report with no table
cell (an empty file, a page that only links to the report, a pre-2019 report) gives one row with
no table whose ``error`` says why, as does a file that gave no report (:func:`failure_record`).
The columns and their types (:data:`DTYPES`) are the same whatever the batch holds; read a CSV
back with :func:`read_cells`. A report's diagnostics are rows of their own
(:func:`diagnostic_records`), joined to the cells on ``source``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._paths import shown
from ._vocab import TABLE_LABELS
from .model import Cell, Report, Severity

if TYPE_CHECKING:
    import os

    import pandas

    from .batch import Failure

DTYPES: dict[str, str] = {
    "source": "string",
    "organ": "string",
    "year": "Int64",
    "template": "string",
    "table": "string",
    "row": "string",
    "column": "string",
    "value": "Float64",
    "raw": "string",
    "state": "string",
    "unit": "string",
    "line": "Int64",
    "extra": "boolean",
    "disputed": "string",
    "error": "string",
}
"""Every column of the tidy rows, in order, with its pandas dtype (nullable types: ``<NA>`` where
the record holds None). ``template`` is a string (``"2019"``), never a number."""

RECORD_FIELDS: tuple[str, ...] = tuple(DTYPES)
"""The keys of every record, in order (the columns of the CSV, the Parquet file and the frame)."""

NEVER_NULL: frozenset[str] = frozenset({"raw", "disputed", "error"})
"""Columns where ``""`` is a value (a blank cell's raw text, no failing rule, no error); in every
other column an empty CSV field is None (``<NA>``)."""

DIAGNOSTIC_DTYPES: dict[str, str] = {
    "source": "string",
    "code": "string",
    "severity": "string",
    "message": "string",
    "start": "Int64",
    "end": "Int64",
}
"""The columns of :func:`diagnostic_records`, with their pandas dtypes: ``start`` and ``end`` are
the first and last source lines, or None."""

DIAGNOSTIC_FIELDS: tuple[str, ...] = tuple(DIAGNOSTIC_DTYPES)
"""The keys of :func:`diagnostic_records`, in order."""


def to_records(report: Report, source: str | None = None) -> list[dict[str, Any]]:
    """The report's table cells as tidy rows (:data:`RECORD_FIELDS`), tables in template order,
    then the local rows; one row with no table and the reason in ``error`` when it has no cell.

    ``source`` names the report (default: the file name it was read from)."""
    return list(_records(report, source))


def _records(report: Report, source: str | None = None) -> Iterator[dict[str, Any]]:
    head = {
        "source": shown(source) if source is not None else report.source.name,
        "organ": report.organ,
        "year": report.year,
        "template": report.template,
    }

    def record(table: str, row: str, column: str, cell: Cell, extra: bool) -> dict[str, Any]:
        return {
            **head,
            "table": table,
            "row": row,
            "column": column,
            "value": _exact(cell),
            "raw": cell.raw,
            "state": cell.state.value,
            "unit": cell.unit,
            "line": cell.line,
            "extra": extra,
            "disputed": " ".join(cell.disputed),
            "error": "",
        }

    found = False
    for name in TABLE_LABELS:
        table = getattr(report, name)
        if table is None:
            continue
        for row in table.rows:
            for column, cell in row.cells:
                found = True
                yield record(name, row.key, column, cell, False)
    for extra in report.extra_rows:
        for position, cell in enumerate(extra.cells, start=1):
            found = True
            yield record(extra.table, extra.label, str(position), cell, True)
    if not found:
        yield {**_empty(), **head, "error": no_cells_reason(report)}


_FLOAT_EXACT = 2**53
"""Integers up to this are held exactly by a float64 column."""


def _exact(cell: Cell) -> int | float | None:
    """The cell's value, or None when a float64 column cannot hold it exactly (a count past
    2**53, money with more digits than a float keeps): the tidy rows never give another number
    than the report's."""
    value = cell.json_value()
    if isinstance(value, int):
        return value if abs(value) <= _FLOAT_EXACT else None
    if isinstance(value, float) and Decimal(repr(value)) != cell.value:
        return None
    return value


def _empty() -> dict[str, Any]:
    return {name: ("" if name in NEVER_NULL else None) for name in RECORD_FIELDS}


def no_cells_reason(report: Report) -> str:
    """Why a report gave no table cell, in one sentence: its error diagnostics, or what it is."""
    errors = [d.message for d in report.diagnostics if d.severity is Severity.ERROR]
    if errors:
        return "; ".join(dict.fromkeys(errors))
    if report.template == "pre2019":
        return "a report from before 2019: no national tables"
    return "no table of the template was found"


def failure_record(failure: Failure) -> dict[str, Any]:
    """The one row of a file that gave no report: its path as ``source`` and its error."""
    return {**_empty(), "source": shown(failure.path), "error": failure.error}


def diagnostic_records(report: Report, source: str | None = None) -> list[dict[str, Any]]:
    """The report's diagnostics as rows (:data:`DIAGNOSTIC_FIELDS`), for a file beside the cells."""
    name = shown(source) if source is not None else report.source.name
    return [
        {
            "source": name,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "start": d.span.start if d.span else None,
            "end": d.span.end if d.span else None,
        }
        for d in report.diagnostics
    ]


PANDAS_MISSING = (
    "pandas is needed for data frames: pip install pandas (or, in a clone of govinfo_report, "
    "pip install '.[pandas]') "
    "(or use Report.to_records() for plain rows)"
)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    return pd


def records_to_frame(records: Iterable[dict[str, Any]]) -> pandas.DataFrame:
    """Tidy rows as a data frame with the columns and types of :data:`DTYPES`."""
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(records), columns=list(RECORD_FIELDS))
    return frame.astype(DTYPES)


def reports_to_frame(reports: Iterable[Report | Failure]) -> pandas.DataFrame:
    """One data frame of the tidy rows of many reports (pandas, the ``pandas`` extra); a
    :class:`~govinfo_report.batch.Failure` among them gives its one row.

    Columns and types are :data:`DTYPES` whatever the reports hold: ``value`` a nullable float
    (``<NA>`` where the report holds no number), ``year`` and ``line`` nullable integers,
    ``extra`` a nullable boolean, the rest strings. ``frame.to_parquet(path)`` (the ``pyarrow``
    of the ``pandas`` extra) writes the same columns as ``parse --format parquet``.
    """
    rows: list[dict[str, Any]] = []
    for item in reports:
        rows += to_records(item) if isinstance(item, Report) else [failure_record(item)]
    return records_to_frame(rows)


def read_cells(path: str | os.PathLike[str]) -> pandas.DataFrame:
    """A CSV or Parquet file written by ``govinfo-report parse --format csv|parquet`` (or by
    :func:`reports_to_frame`), or a folder of Parquet parts (Dask's ``to_parquet``), with the
    columns and types of :data:`DTYPES`.

    Read a CSV with pandas alone as ``pandas.read_csv(path, dtype=DTYPES, keep_default_na=False,
    na_values=NA_VALUES)``: that keeps a raw text such as ``N/A`` or ``无`` as it is.
    """
    return _read(path, DTYPES, NA_VALUES)


def read_diagnostics(path: str | os.PathLike[str]) -> pandas.DataFrame:
    """A diagnostics file written by ``govinfo-report parse --diagnostics PATH`` (CSV or
    Parquet), with the columns and types of :data:`DIAGNOSTIC_DTYPES`."""
    return _read(path, DIAGNOSTIC_DTYPES, {"start": [""], "end": [""]})


def _read(path: str | os.PathLike[str], dtypes: dict[str, str], na: dict[str, list[str]]) -> pandas.DataFrame:
    pd = _pandas()
    if Path(path).is_dir() or Path(path).suffix.lower() in (".parquet", ".pq"):
        return pd.read_parquet(path)[list(dtypes)].astype(dtypes)
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=na)
    return frame[list(dtypes)]


NA_VALUES: dict[str, list[str]] = {name: [""] for name in RECORD_FIELDS if name not in NEVER_NULL}
"""For ``pandas.read_csv``: an empty field is ``<NA>``, except in :data:`NEVER_NULL` columns."""


__all__ = [
    "DIAGNOSTIC_DTYPES",
    "DIAGNOSTIC_FIELDS",
    "DTYPES",
    "NA_VALUES",
    "NEVER_NULL",
    "RECORD_FIELDS",
    "diagnostic_records",
    "failure_record",
    "no_cells_reason",
    "read_cells",
    "read_diagnostics",
    "records_to_frame",
    "reports_to_frame",
    "to_records",
]
