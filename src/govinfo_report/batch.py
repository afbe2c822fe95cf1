"""Many files at once: :func:`parse_many` reads them in worker processes, in input order.

A file that cannot be read gives a :class:`Failure` in its place, and the batch goes on.
"""

from __future__ import annotations

import errno
import os
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs

from .model import Report
from .pipeline import InputError, parse_file

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
        return {"path": self.path, "error": self.error, "code": self.code}


def parse_one(path: str, encoding: str | None = None) -> Report | Failure:
    """:func:`parse_file`, with what it raises turned into a :class:`Failure`."""
    try:
        return parse_file(path, encoding=encoding)
    except InputError as exc:
        return Failure(path, str(exc), exc.code)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return Failure(path, f"cannot read {path}: {reason}", "io." + _errno_name(exc))
    except Exception as exc:  # parse must not raise on content: a bug, reported, and the batch goes on
        message = f"parse failed ({exc.__class__.__name__}: {exc}); please report this as a bug"
        return Failure(path, message, INTERNAL, traceback.format_exc())


def _errno_name(exc: OSError) -> str:
    """``enoent``, ``eacces`` …: the errno's name, stable across platforms' messages."""
    return errno.errorcode.get(exc.errno or 0, exc.__class__.__name__).lower()


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    encoding: str | None = None,
    chunksize: int = 8,
) -> Iterator[tuple[str, Report | Failure]]:
    """``(path, Report or Failure)`` for every path, in input order.

    ``jobs`` worker processes parse the files (``None``: one per CPU; ``1``: in this process, no
    workers). Results are yielded as soon as they are ready in order, so a long batch streams.
    """
    names = [os.fspath(p) for p in paths]
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    if workers == 1 or len(names) < 2:
        for name in names:
            yield name, parse_one(name, encoding)
        return
    pool = ProcessPoolExecutor(max_workers=min(workers, len(names)))
    finished = False
    try:
        results = pool.map(parse_one, names, [encoding] * len(names), chunksize=chunksize)
        yield from zip(names, results, strict=True)
        finished = True
    finally:  # a consumer that stops early (``head``, Ctrl-C) does not wait for the rest
        pool.shutdown(wait=finished, cancel_futures=not finished)


__all__ = ["INTERNAL", "Failure", "parse_many", "parse_one"]
