"""Reports as tidy long rows: one row per table cell, for CSV files and data frames.

Each record names its report (``source``, ``organ``, ``year``, ``template``), its place
(``table``, ``row``, ``column``) and its cell (``value``, ``raw``, ``state``, ``unit``, ``line``,
and ``disputed``: the ids of the consistency rules that fail on it, space-separated, or ``""``).
A local row (``extra_rows``) has its label as ``row`` and its position, from 1, as ``column``,
with ``extra`` true. ``value`` is an int, a float for money, or None; ``state`` tells a blank
from a placeholder, a text, or a missing cell, so None never reads as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .model import Cell, Report
from .vocab import TABLE_LABELS

if TYPE_CHECKING:
    import pandas

RECORD_FIELDS: tuple[str, ...] = (
    "source",
    "organ",
    "year",
    "template",
    "table",
    "row",
    "column",
    "value",
    "raw",
    "state",
    "unit",
    "line",
    "extra",
    "disputed",
)
"""The keys of every record, in order (the columns of the CSV and of the data frame)."""


def to_records(report: Report) -> list[dict[str, Any]]:
    """The report's table cells as tidy rows (:data:`RECORD_FIELDS`), tables in template order,
    then the local rows."""
    return list(_records(report))


def _records(report: Report) -> Iterator[dict[str, Any]]:
    head = {
        "source": report.source.name,
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
            "value": cell.json_value(),
            "raw": cell.raw,
            "state": cell.state.value,
            "unit": cell.unit,
            "line": cell.line,
            "extra": extra,
            "disputed": " ".join(cell.disputed),
        }

    for name in TABLE_LABELS:
        table = getattr(report, name)
        if table is None:
            continue
        for row in table.rows:
            for column, cell in row.cells:
                yield record(name, row.key, column, cell, False)
    for extra in report.extra_rows:
        for position, cell in enumerate(extra.cells, start=1):
            yield record(extra.table, extra.label, str(position), cell, True)


PANDAS_MISSING = (
    "pandas is needed for data frames: pip install pandas (or, in a clone of govinfo_report, "
    "pip install '.[pandas]') "
    "(or use Report.to_records() for plain rows)"
)


def reports_to_frame(reports: Iterable[Report]) -> pandas.DataFrame:
    """One data frame of the tidy rows of many reports (pandas, the ``pandas`` extra).

    ``value`` is a nullable float column (``NA`` where the report holds no number), ``year`` and
    ``line`` nullable integers, ``extra`` a boolean.
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(PANDAS_MISSING) from None
    rows = [record for report in reports for record in _records(report)]
    frame = pd.DataFrame.from_records(rows, columns=list(RECORD_FIELDS))
    return frame.astype(
        {
            "year": "Int64",
            "line": "Int64",
            "value": "Float64",
            "extra": "boolean",
            **{
                name: "string"
                for name in (
                    "source",
                    "organ",
                    "template",
                    "table",
                    "row",
                    "column",
                    "raw",
                    "state",
                    "unit",
                    "disputed",
                )
            },
        }
    )


__all__ = ["RECORD_FIELDS", "reports_to_frame", "to_records"]
