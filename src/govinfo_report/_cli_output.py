"""The command line's outputs: where they go (``--out``, checked before anything is parsed), the
format a file name asks for, and one writer per format, each taking the results in order."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ._cli_inputs import UsageError
from .batch import Failure, Output
from .model import Report
from .records import DIAGNOSTIC_FIELDS, DTYPES, RECORD_FIELDS, failure_record

FORMATS = ("json", "jsonl", "csv", "parquet")
BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
"""The format a ``--out`` file's extension asks for, when ``--format`` does not say."""
PARQUET_MISSING = "--format parquet needs pyarrow: pip install pyarrow (in a clone: pip install '.[pandas]')"
_ROW_GROUP = 50_000
"""Rows a Parquet file is written in at a time (memory stays flat over a long batch)."""


def format_for(path: str | None, given: str | None, many: bool) -> str:
    """``--format`` when given, else the one ``--out``'s extension names, else JSON for one
    input and JSON lines for several."""
    if given is not None:
        return given
    if path is not None and Path(path).suffix.lower() in BY_SUFFIX:
        return BY_SUFFIX[Path(path).suffix.lower()]
    return "jsonl" if many else "json"


@contextmanager
def opened(path: str | None, what: str = "--out", *, binary: bool = False) -> Iterator[Any]:
    """The file to write to (standard output for None). A path that cannot be written is the
    user's to fix: one line, before any file is parsed."""
    if path is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    if os.path.isdir(path):
        raise UsageError(f"{what} {path}: is a directory; give a file name")
    try:
        handle = open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"{what} {path}: {exc.strerror or exc.__class__.__name__}") from None
    with handle:
        yield handle


class Writer:
    """Takes each file's result in order (a :class:`Failure`, or what :attr:`output` asked the
    workers for) and writes it; :meth:`close` ends the output."""

    output: Output = "report"

    def add(self, name: str, result: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (an array's closing bracket, a file's last rows)."""


class JsonWriter(Writer):
    """One JSON document for one input; one JSON array of them for several (each with ``path``;
    a file that gave no report is its ``path``, ``error`` and ``code``)."""

    def __init__(self, out: IO[str], *, many: bool, cells: bool, indent: int | None) -> None:
        self.out, self.many, self.cells, self.indent = out, many, cells, indent
        self.count = 0
        self.output = "report" if indent is not None else ("json_cells" if cells else "json")

    def add(self, name: str, result: Any) -> None:
        if isinstance(result, Failure):
            if not self.many:
                return  # one input: its error is on standard error only
            text = json.dumps(result.to_dict(), ensure_ascii=False, indent=self.indent)
        elif isinstance(result, Report):
            from .batch import json_line

            text = json_line(name, result, cells=self.cells, indent=self.indent)
        else:
            text = result
        if self.many:
            self.out.write("[\n" if self.count == 0 else ",\n")
            if self.indent:  # an array's items one level in, as json.dumps would indent them
                text = "\n".join(" " * self.indent + line for line in text.split("\n"))
        self.out.write(text)
        if not self.many:
            self.out.write("\n")
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.many:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")


class JsonLinesWriter(Writer):
    """A JSON line per file: the report with its ``path``, or the file's error."""

    def __init__(self, out: IO[str], *, cells: bool) -> None:
        self.out = out
        self.output = "json_cells" if cells else "json"

    def add(self, name: str, result: Any) -> None:
        line = json.dumps(result.to_dict(), ensure_ascii=False) if isinstance(result, Failure) else result
        self.out.write(line + "\n")
        self.out.flush()


class RowsWriter(Writer):
    """Tidy rows (:data:`~govinfo_report.records.RECORD_FIELDS`), a row per table cell and at
    least one per file; the diagnostics to a file of their own when one is named."""

    output: Output = "rows"

    def __init__(self, cells: Table, diagnostics: Table | None) -> None:
        self.cells, self.diagnostics = cells, diagnostics

    def add(self, name: str, result: Any) -> None:
        if isinstance(result, Failure):
            self.cells.write([failure_record(result)])
            return
        cells, diagnostics = result
        self.cells.write(cells)
        if self.diagnostics is not None:
            self.diagnostics.write(diagnostics)

    def close(self) -> None:
        self.cells.close()
        if self.diagnostics is not None:
            self.diagnostics.close()


class Table:
    """Rows of fixed columns to a CSV or Parquet file."""

    def write(self, rows: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Write what is held back."""


class CsvTable(Table):
    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        self.writer = csv.DictWriter(out, fieldnames=fields)
        self.writer.writeheader()
        self.out = out

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.writer.writerows(rows)
        self.out.flush()


_ARROW_TYPES = {"string": "string", "Int64": "int64", "Float64": "float64", "boolean": "bool_"}


class ParquetTable(Table):
    """Parquet, written a row group at a time, with the types of the CSV's columns."""

    def __init__(self, out: IO[bytes], fields: tuple[str, ...]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise UsageError(PARQUET_MISSING) from None
        types = {**DTYPES, "code": "string", "severity": "string", "message": "string"}
        types |= {"start": "Int64", "end": "Int64"}
        self.pa = pa
        self.schema = pa.schema([(f, getattr(pa, _ARROW_TYPES[types[f]])()) for f in fields])
        self.writer = pq.ParquetWriter(out, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.rows += rows
        if len(self.rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def table_for(fmt: str, handle: Any, fields: tuple[str, ...]) -> Table:
    return ParquetTable(handle, fields) if fmt == "parquet" else CsvTable(handle, fields)


def diagnostics_format(path: str) -> str:
    """The format of the ``--diagnostics`` file: CSV or Parquet, by its extension."""
    fmt = BY_SUFFIX.get(Path(path).suffix.lower())
    if fmt not in ("csv", "parquet"):
        raise UsageError(f"--diagnostics {path}: name a .csv or .parquet file")
    return fmt


__all__ = [
    "BY_SUFFIX",
    "DIAGNOSTIC_FIELDS",
    "FORMATS",
    "RECORD_FIELDS",
    "JsonLinesWriter",
    "JsonWriter",
    "RowsWriter",
    "Writer",
    "diagnostics_format",
    "format_for",
    "opened",
    "table_for",
]
