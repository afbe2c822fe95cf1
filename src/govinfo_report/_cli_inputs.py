"""The command line's inputs: the bundled examples, the files a run names (directories walked,
quoted globs expanded, the files passed over counted), and the results parsed from them."""

from __future__ import annotations

import glob
import os
import sys
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from .batch import Failure, Output, convert, guarded, parse_many
from .model import Report

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

EXAMPLES_PACKAGE = "govinfo_report"
EXAMPLES_DIR = "examples"
DEFAULT_EXAMPLE = "seed_000"
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"})
"""The files a directory or a glob is searched for (files named on the command line are read
whatever their name)."""
_GLOB = frozenset("*?[")


class UsageError(Exception):
    """A problem with the command line or a named input; the message is one line for a person."""


def _examples() -> Iterator[Traversable]:
    folder = resources.files(EXAMPLES_PACKAGE) / EXAMPLES_DIR
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".txt"):
            yield entry


def example_names() -> list[str]:
    """Names of the bundled example reports (``seed_000`` ...)."""
    return [entry.name.removesuffix(".txt") for entry in _examples()]


def read_example(name: str) -> str:
    """The text of the bundled example ``name`` (with or without ``.txt``)."""
    wanted = name.removesuffix(".txt")
    for entry in _examples():
        if entry.name.removesuffix(".txt") == wanted:
            return entry.read_bytes().decode("utf-8-sig")
    available = ", ".join(example_names()) or "none bundled"
    raise UsageError(f"no example named {name!r} (available: {available})")


@attrs.frozen
class Inputs:
    """The files to read, and the files a directory or glob held that are no report file."""

    files: tuple[str, ...]
    skipped: tuple[tuple[str, int], ...] = ()
    """Files passed over, by extension (``.doc``, ``.jpg``; ``""`` for none), sorted."""
    many: bool = False
    """Whether the inputs are several (a directory or a glob counts as several, whatever it
    holds): one JSON document or an array of them."""


def _is_glob(path: str) -> bool:
    return path != "-" and not os.path.exists(path) and bool(_GLOB & set(path))


def _walk(folder: str) -> list[str]:
    """Every file under ``folder``, sorted, hidden entries skipped."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, n) for n in names if not n.startswith(".")]
    return sorted(found)


def expand(paths: Sequence[str]) -> Inputs:
    """The files to read: each file as given; each directory walked (sorted, hidden entries
    skipped) and each quoted glob (``'reports/*.html'``, ``**`` for any depth) expanded, keeping
    report files (:data:`SUFFIXES`). A glob that matches nothing is kept as given, so it is
    reported as a file that cannot be read. Standard input (``-``) may be named once."""
    files: list[str] = []
    skipped: Counter[str] = Counter()
    if list(paths).count("-") > 1:
        raise UsageError("- (standard input) can be read once")

    def keep(names: Sequence[str]) -> None:
        for name in names:
            suffix = Path(name).suffix.lower()
            if suffix in SUFFIXES:
                files.append(name)
            else:
                skipped[suffix] += 1

    for path in paths:
        if os.path.isdir(path):
            keep(_walk(path))
        elif _is_glob(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                files.append(path)
            found = [
                name for match in matches for name in (_walk(match) if os.path.isdir(match) else [match])
            ]
            keep(list(dict.fromkeys(found)))  # ``reports/**`` matches a folder and the files in it
        else:
            files.append(path)
    many = len(paths) > 1 or any(os.path.isdir(p) or _is_glob(p) for p in paths)
    return Inputs(tuple(files), tuple(sorted(skipped.items())), many)


class Progress:
    """A progress line on standard error, drawn only when it is a terminal and there are several
    files."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.total = 0
        self.done = 0
        self.shown = stream.isatty()

    def clear(self) -> None:
        """End a drawn line, so that a message after it starts a line of its own."""
        if self.shown and self.total >= 2 and 0 < self.done < self.total:
            self.stream.write("\n")

    def step(self) -> None:
        """One more file done: redraw the line."""
        self.done += 1
        if not self.shown or self.total < 2:
            return
        bar = "#" * (20 * self.done // self.total)
        self.stream.write(f"\r{self.done}/{self.total} files [{bar:<20}]")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _in_process(output: Output, name: str, read: Callable[[], Report]) -> Any:
    """An input parsed here (an example, standard input), guarded and converted as a worker's."""
    result = guarded(name, read)
    return result if isinstance(result, Failure) else convert(output, name, result)


def _stdin() -> Report:
    from . import limits
    from ._pipeline import parse_bytes

    # at most one byte past the limit: parse_bytes refuses it in one sentence
    return parse_bytes(sys.stdin.buffer.read(limits.MAX_INPUT_BYTES + 1))


def results(
    inputs: Inputs, example: str | None, jobs: int, progress: Progress, output: Output = "report"
) -> Generator[tuple[str, Any], None, None]:
    """``(name, result)`` for the example, then every file, in order: a :class:`Failure`, or what
    ``output`` asks for."""
    if example is not None:
        from ._pipeline import parse

        text = read_example(example)
        yield f"example {example}", _in_process(output, f"example {example}", lambda: parse(text))
    files = inputs.files
    progress.total = len(files)
    rest = [f for f in files if f != "-"]
    parsed = parse_many(rest, jobs=jobs, output=output) if rest else iter(())
    try:
        for name in files:
            result = _in_process(output, "-", _stdin) if name == "-" else next(parsed)[1]
            progress.step()
            yield name, result
    finally:  # closed now, not when collected: a batch given up ends its workers at once
        close = getattr(parsed, "close", None)
        if close is not None:
            close()


__all__ = [
    "DEFAULT_EXAMPLE",
    "SUFFIXES",
    "Inputs",
    "Progress",
    "UsageError",
    "example_names",
    "expand",
    "read_example",
    "results",
]
