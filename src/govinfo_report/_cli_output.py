"""The command line's outputs: where they go (``--out``: a file written beside its target and put
in its place only when the run finishes, so an interrupted run leaves no output that looks whole),
the format a file name asks for, and one writer per format, each taking the results in order."""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from ._cli_inputs import UsageError
from ._paths import shown
from .batch import Failure, Output
from .records import DIAGNOSTIC_DTYPES, DTYPES, failure_record

FORMATS = ("json", "jsonl", "csv", "parquet")
BY_SUFFIX = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
"""The format a ``--out`` file's extension asks for, when ``--format`` does not say."""
PARQUET_MISSING = "parquet needs pyarrow: pip install pyarrow (in a clone: pip install '.[pandas]')"
_ROW_GROUP = 50_000
"""Rows a Parquet file is written in at a time (memory stays flat over a long batch)."""
_ARROW_TYPES = {"string": "string", "Int64": "int64", "Float64": "float64", "boolean": "bool_"}
"""The Arrow type of each pandas dtype the tidy rows use."""


def format_for(path: str | None, given: str | None, many: bool) -> str:
    """``--format`` when given, else the one ``--out``'s extension names, else JSON for one
    input and JSON lines for several."""
    if given is not None:
        return given
    if path is not None and Path(path).suffix.lower() in BY_SUFFIX:
        return BY_SUFFIX[Path(path).suffix.lower()]
    return "jsonl" if many else "json"


def need_pyarrow() -> None:
    """Refuse Parquet, before anything is written, where pyarrow is not installed."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError(PARQUET_MISSING) from None


_STREAM = re.compile(
    r"/dev/(?:(?P<name>stdout|stderr)|fd/(?P<fd>\d+))|/proc/(?P<pid>self|\d+)/fd/(?P<pfd>\d+)"
)
"""Paths that name a stream the process has open (``/dev/stdout``, a shell's ``>(…)``)."""


def _stream(path: str) -> int | None:
    """The file descriptor ``path`` names in this process, or None."""
    found = _STREAM.fullmatch(path)
    if found is None:
        return None
    if found["name"]:
        return 1 if found["name"] == "stdout" else 2
    if found["pid"] not in (None, "self", str(os.getpid())):
        return None
    return int(found["fd"] or found["pfd"])


class Destination:
    """Standard output (``None`` or ``-``), or a file. A regular file (or a new one) is written
    under a temporary name beside it, with the mode the file has (or the umask gives), and put in
    its place by :meth:`commit`; :meth:`discard` removes it. A link is followed to its target. A
    pipe, a device, and a file whose folder takes no new file are written directly, and a name
    of an open stream (``/dev/stdout``) after what the stream holds. A path that cannot be
    written is the user's to fix: one line, before any file is parsed."""

    def __init__(self, path: str | None, what: str = "--out", *, binary: bool = False) -> None:
        self.path = None if path in (None, "-") else path
        self.temporary: str | None = None
        self.binary = binary
        if self.path is None:
            self.handle: Any = sys.stdout.buffer if binary else sys.stdout
            return
        shown_path = shown(self.path)
        if os.path.isdir(self.path):
            raise UsageError(f"{what} {shown_path}: is a directory; give a file name")
        if not self.path or self.path.endswith(os.sep):
            raise UsageError(f"{what} {shown_path!r}: give a file name")
        self.target = os.path.realpath(self.path)
        try:
            self.handle = self._open(self._descriptor())
        except OSError as exc:
            raise UsageError(f"{what} {shown_path}: {exc.strerror or exc.__class__.__name__}") from None

    def _descriptor(self) -> int:
        assert self.path is not None
        stream = _stream(self.path)
        if stream is not None:  # a name of a stream this process has open: write on through it
            return os.dup(stream)
        if os.path.exists(self.path) and not os.path.isfile(self.path):
            return os.open(self.path, os.O_WRONLY)  # a pipe, a device: as given
        if os.path.exists(self.target) and not os.access(self.target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        folder = os.path.dirname(self.target)
        try:
            descriptor, self.temporary = tempfile.mkstemp(prefix=".govinfo-", suffix=".part", dir=folder)
        except PermissionError:
            if not os.path.isfile(self.target):
                raise
            return os.open(self.target, os.O_WRONLY | os.O_TRUNC)  # a folder that takes no new file
        os.chmod(self.temporary, _mode(self.target))
        return descriptor

    def _open(self, descriptor: int) -> Any:
        if self.binary:
            return os.fdopen(descriptor, "wb")
        return os.fdopen(descriptor, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        """The output is whole: put it in its place."""
        if self.path is None:
            self.handle.flush()
            return
        self.handle.close()
        if self.temporary is not None:
            os.replace(self.temporary, self.target)
            self.temporary = None

    def discard(self) -> None:
        """The run did not finish (or wrote nothing): leave no file (a pipe is only closed)."""
        if self.path is None:
            return
        try:
            self.handle.close()  # on a full disk this fails again: the file goes all the same
        except OSError:
            pass
        finally:
            if self.temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self.temporary)
                self.temporary = None


def _mode(path: str) -> int:
    """The permissions a file written at ``path`` gets: those of the file there, or the umask's."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


class Writer:
    """Takes each file's result in order (a :class:`Failure`, or what :attr:`output` asked the
    workers for) and writes it; :meth:`close` ends the output, :meth:`abort` gives it up."""

    output: Output = "report"

    def kept(self) -> bool:
        """Whether the output holds anything to keep (one JSON document of a file that failed
        holds nothing)."""
        return True

    def add(self, name: str, result: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (an array's closing bracket, a file's last rows)."""

    def abort(self) -> None:
        """Let go of what is held, without finishing the output."""


class JsonWriter(Writer):
    """One JSON document for one input; one JSON array of them for several (each with ``path``;
    a file that gave no report is its ``path``, ``error`` and ``code``)."""

    def __init__(self, out: IO[str], *, many: bool, cells: bool, indent: int | None) -> None:
        self.out, self.many, self.indent = out, many, indent
        self.count = 0
        self.output = "json_cells" if cells else "json"

    def kept(self) -> bool:
        return self.many or self.count > 0

    def add(self, name: str, result: Any) -> None:
        if isinstance(result, Failure):
            if not self.many:
                return  # one input: its error is on standard error only
            text = json.dumps(result.to_dict(), ensure_ascii=False, indent=self.indent)
        elif self.indent is not None:  # the workers' compact line, laid out here
            text = json.dumps(json.loads(result), ensure_ascii=False, indent=self.indent)
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


class Table:
    """Rows of fixed columns (``dtypes``: name → pandas dtype) to a CSV or Parquet file."""

    def write(self, rows: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Write what is held back."""

    def abort(self) -> None:
        """Let go of the file without finishing it."""


class CsvTable(Table):
    def __init__(self, out: IO[str], dtypes: dict[str, str]) -> None:
        self.writer = csv.DictWriter(out, fieldnames=list(dtypes))
        self.writer.writeheader()
        self.out = out

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.writer.writerows(rows)
        self.out.flush()


class ParquetTable(Table):
    """Parquet, written a row group at a time, with the types of the CSV's columns."""

    def __init__(self, out: IO[bytes], dtypes: dict[str, str]) -> None:
        need_pyarrow()
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = pa.schema(
            [(name, getattr(pa, _ARROW_TYPES[dtype])()) for name, dtype in dtypes.items()]
        )
        self.writer = pq.ParquetWriter(out, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.rows += rows
        if len(self.rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            rows, self.rows = self.rows, []
            self.writer.write_table(self.pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self.writer.close()

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # the file is discarded: nothing more to say
            self.writer.close()


def table_for(fmt: str, handle: Any, dtypes: dict[str, str]) -> Table:
    return ParquetTable(handle, dtypes) if fmt == "parquet" else CsvTable(handle, dtypes)


class RowsWriter(Writer):
    """Tidy rows (:data:`~govinfo_report.records.DTYPES`), a row per table cell and at least one
    per file; the diagnostics to a file of their own when one is named."""

    output: Output = "rows"

    def __init__(self, cells: Table, diagnostics: Table | None) -> None:
        self.tables = [cells] if diagnostics is None else [cells, diagnostics]

    def add(self, name: str, result: Any) -> None:
        if isinstance(result, Failure):
            self.tables[0].write([failure_record(result)])
            return
        for table, rows in zip(self.tables, result, strict=False):
            table.write(rows)

    def close(self) -> None:
        for table in self.tables:
            table.close()

    def abort(self) -> None:
        for table in self.tables:
            table.abort()


def diagnostics_format(path: str) -> str:
    """The format of the ``--diagnostics`` file: CSV or Parquet, by its extension."""
    fmt = BY_SUFFIX.get(Path(path).suffix.lower())
    if fmt not in ("csv", "parquet"):
        raise UsageError(f"--diagnostics {shown(path)}: name a .csv or .parquet file")
    return fmt


__all__ = [
    "BY_SUFFIX",
    "DIAGNOSTIC_DTYPES",
    "DTYPES",
    "FORMATS",
    "Destination",
    "JsonLinesWriter",
    "JsonWriter",
    "RowsWriter",
    "Writer",
    "diagnostics_format",
    "format_for",
    "need_pyarrow",
    "table_for",
]
