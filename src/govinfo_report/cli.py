"""The command line, ``govinfo-report`` (also ``python -m govinfo_report``).

    govinfo-report parse FILE|DIR... [--format json|jsonl|csv] [--out PATH] [--jobs N]
    govinfo-report check FILE...
    govinfo-report show FILE

``python -m govinfo_report FILE...`` without a command is ``parse --format json``, as it was
before the commands existed. Bad input is one line on standard error; a traceback is shown only
with ``--debug``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ._version import __version__
from .batch import INTERNAL, Failure, parse_many
from .model import Check, Report
from .pipeline import parse
from .records import RECORD_FIELDS, to_records
from .series import check_series
from .show import report_text

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

PROG = "govinfo-report"
COMMANDS = ("parse", "check", "show")
EXAMPLES_PACKAGE = "govinfo_report"
EXAMPLES_DIR = "examples"
DEFAULT_EXAMPLE = "seed_000"
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"})
"""The files a directory is searched for (files named on the command line are read whatever
their name)."""

EXIT_OK = 0
EXIT_RULES_FAILED = 1
"""``check``: a consistency rule fails."""
EXIT_BAD_INPUT = 2
"""Bad usage, or a file that could not be read (argparse also uses 2)."""
EXIT_INTERNAL = 70
"""Something went wrong in the library itself (``EX_SOFTWARE``): please report it."""

EPILOG = """examples:
  govinfo-report parse report.pdf                       one report as JSON
  govinfo-report parse reports/ --format jsonl --jobs 2 every report under reports/, a line each
  govinfo-report parse reports/ --format csv --out cells.csv   tidy rows: one per table cell
  govinfo-report check report.html                      which consistency rules fail, on which cells
  govinfo-report show report.docx                       the tables as aligned text
  govinfo-report parse --example                        a bundled example report
"""


class UsageError(Exception):
    """A problem with the command line or a named input; the message is one line for a person."""


# --- inputs ---------------------------------------------------------------------------------------


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


def expand(paths: Sequence[str]) -> list[str]:
    """The files to read: each path as given, each directory walked (sorted, hidden entries
    skipped) for report files (:data:`SUFFIXES`)."""
    files: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            files.append(path)
            continue
        found = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [
                os.path.join(root, n)
                for n in names
                if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES
            ]
        files += sorted(found)
    return files


def _stdin_report() -> Report | Failure:
    from .pipeline import InputError, parse_bytes

    try:
        return parse_bytes(sys.stdin.buffer.read())
    except InputError as exc:
        return Failure("-", str(exc), exc.code)


def _results(args: argparse.Namespace, progress: Progress) -> Iterator[tuple[str, Report | Failure]]:
    """``(name, Report or Failure)`` for the example, then every file, in order."""
    if args.example is not None:
        yield f"example {args.example}", parse(read_example(args.example))
    files = expand(args.files)
    progress.total = len(files)
    stdin = {i for i, f in enumerate(files) if f == "-"}
    rest = [f for f in files if f != "-"]
    results = parse_many(rest, jobs=args.jobs) if rest else iter(())
    for i, name in enumerate(files):
        result = _stdin_report() if i in stdin else next(results)[1]
        progress.step()
        yield name, result


class Progress:
    """A progress line on standard error, drawn only when it is a terminal and there are several
    files."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.total = 0
        self.done = 0
        self.shown = stream.isatty()

    def step(self) -> None:
        self.done += 1
        if not self.shown or self.total < 2:
            return
        bar = "#" * (20 * self.done // self.total)
        self.stream.write(f"\r{self.done}/{self.total} files [{bar:<20}]")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


# --- commands -------------------------------------------------------------------------------------


def _failure_line(prog: str, name: str, failure: Failure) -> str:
    where = "" if failure.code.startswith("io.") else f"{name}: "
    return f"{prog}: {where}{failure.error}"


def _failed(status: int, failure: Failure, debug: bool) -> int:
    """The exit status after ``failure``: a bug in the library outranks a bad file."""
    if failure.code == INTERNAL:
        if debug:
            print(failure.trace, file=sys.stderr, end="")
        return EXIT_INTERNAL
    return status if status == EXIT_INTERNAL else EXIT_BAD_INPUT


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def run_parse(args: argparse.Namespace, prog: str) -> int:
    if args.list_examples:
        for name in example_names():
            print(name)
        return EXIT_OK
    if not args.files and args.example is None:
        raise UsageError("give a FILE or DIR, or --example [NAME] to parse a bundled example")
    inputs = len(args.files) + (args.example is not None)
    many = inputs > 1 or any(os.path.isdir(f) for f in args.files)
    fmt = args.format or ("jsonl" if many else "json")
    failed = 0
    count = 0
    status = EXIT_OK
    progress = Progress(sys.stderr)
    with _output(args.out) as out:
        writer: csv.DictWriter[str] | None = None
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=[*RECORD_FIELDS, "error"])
            writer.writeheader()
        for name, result in _results(args, progress):
            count += 1
            if isinstance(result, Failure):
                failed += 1
                status = _failed(status, result, args.debug)
                if fmt == "json":
                    print(_failure_line(prog, name, result), file=sys.stderr)
                elif writer is not None:
                    writer.writerow({"source": result.path, "error": result.error})
                else:
                    out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                continue
            if writer is not None:
                # every file has a row: one holding no table cell gives its name and metadata
                meta = {"organ": result.organ, "year": result.year, "template": result.template}
                records = to_records(result) or [meta]
                writer.writerows({**r, "source": r.get("source") or name} for r in records)
            elif fmt == "jsonl":
                out.write(
                    json.dumps({"path": name, **result.to_dict(cells=args.cells)}, ensure_ascii=False) + "\n"
                )
            else:
                out.write(result.to_json(cells=args.cells, indent=args.indent) + "\n")
            out.flush()
    if failed and fmt != "json":
        print(f"{prog}: {failed} of {count} files could not be read", file=sys.stderr)
    return status


def _one(args: argparse.Namespace, prog: str) -> Iterator[tuple[str, Report | Failure]]:
    if not args.files and args.example is None:
        raise UsageError("give a FILE, or --example [NAME]")
    yield from _results(args, Progress(sys.stderr))


def _print_failed(check: Check) -> None:
    culprit = f"; likely wrong: {check.culprit}" if check.culprit else ""
    found = f"expected {check.expected}, found {check.actual}"
    print(f"  {check.rule} {check.table} {check.target}: {found}{culprit}")
    print(f"     cells: {', '.join(check.cells)}")
    if check.message:
        print(f"     {check.message}")


def run_check(args: argparse.Namespace, prog: str) -> int:
    status = EXIT_OK
    reports: list[Report] = []
    for name, result in _one(args, prog):
        if isinstance(result, Failure):
            print(_failure_line(prog, name, result), file=sys.stderr)
            status = _failed(status, result, args.debug)
            continue
        reports.append(result)
        failed = result.failed_checks
        print(f"{name}: {len(result.checks) - len(failed)} rules pass, {len(failed)} fail")
        for check in failed:
            _print_failed(check)
        if not result.checks:
            print("  (no rule could be checked: no table was read)")
        if failed and status == EXIT_OK:
            status = EXIT_RULES_FAILED
    series = check_series(reports) if len(reports) > 1 else ()
    if series:  # the same organ's consecutive years among the files: R6, R8
        broken = [c for c in series if not c.passed]
        print(f"across years: {len(series) - len(broken)} rules pass, {len(broken)} fail")
        for check in broken:
            _print_failed(check)
        if broken and status == EXIT_OK:
            status = EXIT_RULES_FAILED
    return status


def run_show(args: argparse.Namespace, prog: str) -> int:
    status = EXIT_OK
    for name, result in _one(args, prog):
        if isinstance(result, Failure):
            print(_failure_line(prog, name, result), file=sys.stderr)
            status = _failed(status, result, args.debug)
            continue
        sys.stdout.write(report_text(result))
    return status


# --- parser ---------------------------------------------------------------------------------------


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return value


def _jobs(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _inputs(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help=what)
    parser.add_argument(
        "--example",
        nargs="?",
        const=DEFAULT_EXAMPLE,
        metavar="NAME",
        help=f"a bundled example report (default {DEFAULT_EXAMPLE}; see parse --list-examples)",
    )
    parser.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default 1)")


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Read 政府信息公开工作年度报告 (HTML, text, Markdown, DOCX, PDF) into verified data.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something goes wrong")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parsing = commands.add_parser(
        "parse",
        help="reports as JSON, JSON lines or tidy CSV",
        description="Parse reports. A file that cannot be read becomes an error record (path, error) "
        "in JSON lines and CSV, a line on standard error in JSON; the exit status is 2 if any failed.",
    )
    _inputs(parsing, "a report file or a directory of them (walked); - reads standard input")
    parsing.add_argument(
        "--format",
        choices=("json", "jsonl", "csv"),
        help="json: one document per report (the default for one file); jsonl: one line per file "
        "(the default for several, or a directory); csv: one row per table cell",
    )
    parsing.add_argument("--out", metavar="PATH", help="write to PATH instead of standard output")
    parsing.add_argument(
        "--cells",
        action="store_true",
        help="JSON: every cell as {value, raw, state, unit, line, note}, and every check evaluated",
    )
    parsing.add_argument("--indent", type=_count, metavar="N", help="JSON: pretty-print with N spaces")
    parsing.add_argument("--list-examples", action="store_true", help="list the bundled examples and exit")

    checking = commands.add_parser(
        "check",
        help="the consistency rules (勾稽关系) that fail, with their cells",
        description="Check each report's consistency rules; exit status 1 when any fails.",
    )
    _inputs(checking, "a report file")
    showing = commands.add_parser("show", help="the tables as aligned text", description="Show the tables.")
    _inputs(showing, "a report file")
    return parser


def _use_utf8(streams: Sequence[IO[str]]) -> None:
    # Chinese is printed as is; do not let a legacy console encoding turn that into a crash.
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None, *, prog: str = PROG) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        build_parser(prog).print_help(sys.stderr)
        return EXIT_BAD_INPUT
    debug = ["--debug"] if "--debug" in args_list else []
    args_list = [a for a in args_list if a != "--debug"]
    first = next((a for a in args_list if not a.startswith("-")), None)
    if first not in COMMANDS and not {"-h", "--help", "--version"} & set(args_list[:1]):
        # ``python -m govinfo_report FILE``: parse, one JSON document per report, as before
        args_list = ["parse", *([] if "--format" in args_list else ["--format", "json"]), *args_list]
    args_list = debug + args_list
    parser = build_parser(prog)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    _use_utf8([sys.stdout, sys.stderr])
    run = {"parse": run_parse, "check": run_check, "show": run_show}[args.command]
    try:
        return run(args, prog)
    except UsageError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, and keep the final flush from raising.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line, or the traceback with --debug
        if args.debug:
            traceback.print_exc()
        else:
            print(
                f"{prog}: {exc.__class__.__name__}: {exc} (--debug shows where; please report it)",
                file=sys.stderr,
            )
        return EXIT_INTERNAL


__all__ = ["build_parser", "example_names", "expand", "main", "read_example"]
