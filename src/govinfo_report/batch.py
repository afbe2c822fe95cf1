"""Many files at once: :func:`parse_many` reads them in worker processes, in input order.

A file that cannot be read gives a :class:`Failure` in its place, and the batch goes on. The
workers send back what the caller asked for (``output``): a :class:`Report`, its JSON line, or
its tidy rows. A Report is large to send between processes (tens of kilobytes of objects to
pickle and unpickle); text is cheap, so a batch that only writes JSON or rows should ask for them.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, Literal, get_args, overload

import attrs

from ._paths import shown
from ._pipeline import InputError, parse_file
from .model import SCHEMA_VERSION, Report

INTERNAL = "internal"
"""The code of a failure that is a bug in the library, not a problem of the file."""


@attrs.frozen
class Failure:
    """A file of a batch that gave no report."""

    path: str
    """The path as given."""
    error: str
    """One sentence for a person."""
    code: str
    """``InputError.code`` (``input.unsupported_format`` …), ``io.<errno name>`` for a file that
    could not be opened, or ``internal`` for a bug in the library (which must not raise on content)."""
    trace: str = ""
    """For ``internal``: the traceback, to report the bug with."""

    def to_dict(self) -> dict[str, Any]:
        """The error record of ``parse``'s JSON: ``schema_version``, ``path``, ``error``, ``code``."""
        return {
            "schema_version": SCHEMA_VERSION,
            "path": shown(self.path),
            "error": self.error,
            "code": self.code,
        }


def parse_one(path: str, encoding: str | None = None) -> Report | Failure:
    """:func:`parse_file`, with what it raises turned into a :class:`Failure`."""
    return guarded(path, lambda: parse_file(path, encoding=encoding))


def guarded(path: str, read: Callable[[], Report]) -> Report | Failure:
    """``read()``, with what it raises turned into a :class:`Failure` of ``path``: an
    ``InputError``, an ``OSError``, or anything else as a bug of the library."""
    try:
        return read()
    except InputError as exc:
        return Failure(path, str(exc), exc.code)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return Failure(path, f"cannot read {shown(path)}: {reason}", "io." + _errno_name(exc))
    except Exception as exc:  # parse must not raise on content: a bug, reported, and the batch goes on
        message = f"parse failed ({exc.__class__.__name__}: {exc}); please report this as a bug"
        return Failure(path, message, INTERNAL, traceback.format_exc())


def _errno_name(exc: OSError) -> str:
    """``enoent``, ``eacces`` …: the errno's name, stable across platforms' messages."""
    return errno.errorcode.get(exc.errno or 0, exc.__class__.__name__).lower()


Output = Literal["report", "json", "json_cells", "records", "rows"]
"""What :func:`parse_many` yields for a file that was read:

* ``"report"``: the :class:`Report`;
* ``"json"``: its JSON line (``str``, no newline): :meth:`Report.to_dict` with the ``path`` as
  given, as ``govinfo-report parse --format jsonl`` writes it; ``"json_cells"`` the same with
  ``cells=True``;
* ``"records"``: its tidy rows (``list[dict]``, :func:`govinfo_report.records.to_records` with
  the path as ``source``);
* ``"rows"``: its tidy rows and its diagnostics' rows
  (:func:`govinfo_report.records.diagnostic_records`), as a pair of lists.
"""

OUTPUTS: tuple[str, ...] = get_args(Output)


def json_line(path: str, report: Report, *, cells: bool = False, indent: int | None = None) -> str:
    """The report as one JSON object with the ``path`` it was read from (``parse``'s JSON lines)."""
    data = report.to_dict(cells=cells)
    return json.dumps(
        {"schema_version": data.pop("schema_version"), "path": shown(path), **data},
        ensure_ascii=False,
        indent=indent,
    )


def convert(output: Output, path: str, report: Report) -> Any:
    """``report`` as ``output`` asks (:data:`Output`), read from ``path``."""
    if output == "report":
        return report
    if output in ("records", "rows"):
        from .records import diagnostic_records, to_records

        cells = to_records(report, path)
        return cells if output == "records" else (cells, diagnostic_records(report, path))
    return json_line(path, report, cells=output == "json_cells")


def records_of(path: str, encoding: str | None = None) -> list[dict[str, Any]]:
    """The tidy rows of one file (:mod:`govinfo_report.records`): its cells, or the one row of a
    file that gave no report. Never raises: map it over a Dask bag, a pool, a cluster."""
    from .records import failure_record, to_records

    result = parse_one(path, encoding)
    return [failure_record(result)] if isinstance(result, Failure) else to_records(result, path)


def _work(output: Output, path: str, encoding: str | None = None) -> Any:
    result = parse_one(path, encoding)
    if isinstance(result, Failure):
        return result
    return convert(output, path, result)


@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = ...,
    encoding: str | None = ...,
    chunksize: int = ...,
    output: Literal["report"] = ...,
) -> Iterator[tuple[str, Report | Failure]]: ...
@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = ...,
    encoding: str | None = ...,
    chunksize: int = ...,
    output: Literal["json", "json_cells"],
) -> Iterator[tuple[str, str | Failure]]: ...
@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = ...,
    encoding: str | None = ...,
    chunksize: int = ...,
    output: Literal["records"],
) -> Iterator[tuple[str, list[dict[str, Any]] | Failure]]: ...
@overload
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = ...,
    encoding: str | None = ...,
    chunksize: int = ...,
    output: Literal["rows"],
) -> Iterator[tuple[str, tuple[list[dict[str, Any]], list[dict[str, Any]]] | Failure]]: ...
def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    encoding: str | None = None,
    chunksize: int = 8,
    output: Output = "report",
) -> Iterator[tuple[str, Any]]:
    """``(path, result)`` for every path, in input order: the result is a :class:`Failure` for a
    file that gave no report, else what ``output`` asks for (:data:`Output`; a :class:`Report` by
    default).

    ``jobs`` worker processes parse the files (``None``: one per CPU; ``1``: in this process, no
    workers). Results are yielded as soon as they are ready in order, so a long batch streams.
    """
    if output not in OUTPUTS:
        raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, not {output!r}")
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, not {chunksize}")
    return _results([os.fspath(p) for p in paths], workers, encoding, chunksize, output)


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the batch and the pool), so a
    worker neither prints a traceback nor dies mid-file; SIGTERM, which the parent sends to end
    it, ends it (whatever handler the parent had when the worker was forked)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _results(
    names: list[str], workers: int, encoding: str | None, chunksize: int, output: Output
) -> Iterator[tuple[str, Any]]:
    work: Callable[[str], Any] = partial(_work, output, encoding=encoding)
    if workers == 1 or len(names) < 2:
        for name in names:
            yield name, work(name)
        return
    pool = ProcessPoolExecutor(max_workers=min(workers, len(names)), initializer=_ignore_interrupts)
    finished = False
    try:
        yield from zip(names, pool.map(work, names, chunksize=chunksize), strict=True)
        finished = True
    finally:  # a consumer that stops early (``head``, Ctrl-C, SIGTERM) leaves no worker behind
        if not finished:
            _end_workers(pool)
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now, mid-file: the batch was given up."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


__all__ = [
    "INTERNAL",
    "OUTPUTS",
    "Failure",
    "Output",
    "convert",
    "guarded",
    "json_line",
    "parse_many",
    "parse_one",
    "records_of",
]
