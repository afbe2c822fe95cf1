"""The command line, ``govinfo-report`` (also ``python -m govinfo_report``).

    govinfo-report parse FILE|DIR|GLOB... [--format json|jsonl|csv|parquet] [--out PATH] [--jobs N]
    govinfo-report check FILE... [--format text|json|jsonl]
    govinfo-report show FILE...

``python -m govinfo_report FILE...`` without a command is ``parse --format json``, as it was
before the commands existed. Bad input is one line on standard error; a traceback is shown only
with ``--debug``. Every run ends with a summary line on standard error (``--quiet``: none), and
a run that read no report exits non-zero. The inputs are in :mod:`._cli_inputs`, the outputs in
:mod:`._cli_output`.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Generator, Sequence
from contextlib import closing
from typing import IO, Any

import attrs

from ._cli_args import PROG, build_parser
from ._cli_inputs import (
    Inputs,
    Progress,
    UsageError,
    example_names,
    expand,
    read_example,
    results,
)
from ._cli_output import (
    DIAGNOSTIC_DTYPES,
    DTYPES,
    Destination,
    JsonLinesWriter,
    JsonWriter,
    RowsWriter,
    Writer,
    diagnostics_format,
    format_for,
    need_pyarrow,
    table_for,
)
from ._paths import shown
from .batch import INTERNAL, Failure, Output
from .model import SCHEMA_VERSION, Check, Report, Severity

COMMANDS = ("parse", "check", "show")

EXIT_OK = 0
EXIT_RULES_FAILED = 1
"""``check``: a consistency rule fails, or a report has no rule that could be checked."""
EXIT_BAD_INPUT = 2
"""Bad usage, a file that could not be read, or no report read at all (argparse also uses 2)."""
EXIT_INTERNAL = 70
"""Something went wrong in the library itself (``EX_SOFTWARE``): please report it."""
EXIT_CANNOT_WRITE = 74
"""The output could not be written (a full disk: ``EX_IOERR``)."""
EXIT_INTERRUPTED = 130
"""Ctrl-C; an output file is not left behind half written."""


# --- a run: its inputs, its failures, its summary -------------------------------------------------


@attrs.define
class Run:
    """What a command has seen so far (a mutable tally): it prints each failure and, at the end,
    the summary line."""

    prog: str
    args: argparse.Namespace
    inputs: Inputs
    progress: Progress = attrs.field(factory=lambda: Progress(sys.stderr))
    parsed: int = 0
    failed: int = 0
    status: int = EXIT_OK

    @classmethod
    def start(cls, args: argparse.Namespace, prog: str) -> Run:
        """The run's inputs, checked before any output is opened."""
        if not args.files and args.example is None:
            raise UsageError("give a FILE, DIR or GLOB, or --example [NAME] to read a bundled example")
        if args.example is not None:
            read_example(args.example)  # an unknown name is refused now
        return cls(prog, args, expand(args.files))

    @property
    def many(self) -> bool:
        return self.inputs.many or (self.args.example is not None and bool(self.args.files))

    def items(self, output: Output = "report") -> Generator[tuple[str, Any], None, None]:
        """``(name, result)`` of every input; failures are said on standard error here."""
        found = results(self.inputs, self.args.example, self.args.jobs, self.progress, output)
        with closing(found):  # a run given up (Ctrl-C) ends the batch's workers at once
            for name, result in found:
                if isinstance(result, Failure):
                    self.failed += 1
                    self.fail(name, result)
                else:
                    self.parsed += 1
                yield name, result

    def fail(self, name: str, failure: Failure) -> None:
        self.progress.clear()
        where = "" if failure.code.startswith("io.") else f"{shown(name)}: "
        print(f"{self.prog}: {where}{failure.error}", file=sys.stderr)
        if failure.code == INTERNAL:
            if self.args.debug:
                print(failure.trace, file=sys.stderr, end="")
            self.status = EXIT_INTERNAL
        elif self.status != EXIT_INTERNAL:
            self.status = EXIT_BAD_INPUT

    def finish(self) -> int:
        """The summary line, and the exit status: a run that read no report is an error."""
        skipped = self.inputs.skipped
        passed_over = ""
        if skipped:
            kinds = ", ".join(f"{n} {shown(ext) or 'without extension'}" for ext, n in skipped)
            passed_over = f"; {sum(n for _, n in skipped)} skipped by extension ({kinds})"
        total = self.parsed + self.failed
        if self.parsed == 0:
            what = "no file" if total == 0 else f"none of {_files(total)}"
            print(f"{self.prog}: no report read: {what}{passed_over}", file=sys.stderr)
            return self.status if self.status != EXIT_OK else EXIT_BAD_INPUT
        if not self.args.quiet:
            print(
                f"{self.prog}: {_files(total)}: {self.parsed} read, {self.failed} failed{passed_over}",
                file=sys.stderr,
            )
        return self.status


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


# --- commands -------------------------------------------------------------------------------------


def run_parse(args: argparse.Namespace, prog: str) -> int:
    if args.list_examples:
        for name in example_names():
            print(name)
        return EXIT_OK
    run = Run.start(args, prog)
    fmt = format_for(args.out, args.format, run.many)
    _refuse(args, fmt, run.inputs)
    outputs: list[Destination] = []
    try:
        writer = _writer(fmt, args, run.many, outputs)
        try:
            with closing(run.items(writer.output)) as items:
                for name, result in items:
                    writer.add(name, result)
        except BaseException:
            writer.abort()
            raise
        writer.close()
    except BaseException:
        for output in outputs:
            output.discard()
        raise
    for output in outputs:
        output.commit() if writer.kept() else output.discard()
    return run.finish()


def _refuse(args: argparse.Namespace, fmt: str, inputs: Inputs) -> None:
    """The options that cannot work, refused before anything is opened or parsed."""
    if fmt == "parquet" and args.out in (None, "-"):
        raise UsageError("--format parquet writes a file: give --out PATH")
    if fmt not in ("json", "jsonl") and (args.cells or args.indent is not None):
        raise UsageError("--cells and --indent go with JSON: --format json or jsonl")
    if args.diagnostics is not None:
        if fmt not in ("csv", "parquet"):
            raise UsageError("--diagnostics goes with the tidy rows: --format csv or parquet")
        if diagnostics_format(args.diagnostics) == "parquet":
            need_pyarrow()
    if fmt == "parquet":
        need_pyarrow()
    both = args.out not in (None, "-") and args.diagnostics is not None
    if both and os.path.realpath(args.out) == os.path.realpath(args.diagnostics):
        raise UsageError("--out and --diagnostics name the same file")
    for option, path in (("--out", args.out), ("--diagnostics", args.diagnostics)):
        if path is None or not os.path.isfile(path):
            continue
        if any(os.path.exists(f) and os.path.samefile(f, path) for f in inputs.files if f != "-"):
            raise UsageError(f"{option} {path} is one of the files to read")


def _writer(fmt: str, args: argparse.Namespace, many: bool, outputs: list[Destination]) -> Writer:
    out = Destination(args.out, binary=fmt == "parquet")
    outputs.append(out)
    if fmt == "json":
        return JsonWriter(out.handle, many=many, cells=args.cells, indent=args.indent)
    if fmt == "jsonl":
        return JsonLinesWriter(out.handle, cells=args.cells)
    diagnostics = None
    if args.diagnostics is not None:
        dfmt = diagnostics_format(args.diagnostics)
        beside = Destination(args.diagnostics, "--diagnostics", binary=dfmt == "parquet")
        outputs.append(beside)
        diagnostics = table_for(dfmt, beside.handle, DIAGNOSTIC_DTYPES)
    return RowsWriter(table_for(fmt, out.handle, DTYPES), diagnostics)


def _print_failed(check: Check) -> None:
    culprit = f"; likely wrong: {check.culprit}" if check.culprit else ""
    found = f"expected {check.expected}, found {check.actual}"
    print(f"  {check.rule} {check.table} {check.target}: {found}{culprit}")
    print(f"     cells: {', '.join(check.cells)}")
    if check.message:
        print(f"     {check.message}")


def _errors(report: Report) -> list[str]:
    return [f"error {d.code}: {d.message}" for d in report.diagnostics if d.severity is Severity.ERROR]


def _for_series(report: Report) -> Report:
    """What the rules across years read of a report (its organ, year and tables), kept small."""
    return attrs.evolve(report, sections=(), tables=(), statements=(), diagnostics=(), checks=())


def run_check(args: argparse.Namespace, prog: str) -> int:
    run = Run.start(args, prog)
    fmt = args.format or "text"
    reports: list[Report] = []
    records: list[dict[str, Any]] = []
    status = EXIT_OK

    def emit(items: list[dict[str, Any]]) -> None:
        if fmt == "jsonl":
            for item in items:
                print(json.dumps(item, ensure_ascii=False))
        else:
            records.extend(items)

    with closing(run.items()) as items:
        for name, result in items:
            if isinstance(result, Failure):
                continue
            reports.append(_for_series(result))
            failed = result.failed_checks
            if failed or not result.checks:
                status = EXIT_RULES_FAILED
            if fmt != "text":
                path = shown(name)
                emit([{"schema_version": SCHEMA_VERSION, "path": path, **c.to_dict()} for c in result.checks])
                continue
            print(f"{shown(name)}: {len(result.checks) - len(failed)} rules pass, {len(failed)} fail")
            for check in failed:
                _print_failed(check)
            for line in _errors(result):
                print(f"  {line}")
            if not result.checks:
                print("  no rule could be checked: no table was read")
    if len(reports) > 1:  # the same organ's consecutive years among the files: R6, R8
        from .series import check_series

        series = check_series(reports)
        broken = [c for c in series if not c.passed]
        if broken:
            status = EXIT_RULES_FAILED
        if fmt != "text":
            emit([{"schema_version": SCHEMA_VERSION, "path": None, **c.to_dict()} for c in series])
        elif series:
            print(f"across years: {len(series) - len(broken)} rules pass, {len(broken)} fail")
            for check in broken:
                _print_failed(check)
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=args.indent))
    finished = run.finish()
    return finished if finished != EXIT_OK else status


def run_show(args: argparse.Namespace, prog: str) -> int:
    from ._show import report_text

    run = Run.start(args, prog)
    with closing(run.items()) as items:
        for name, result in items:
            if isinstance(result, Failure):
                continue
            if run.many:
                print(f"== {shown(name)}")
            for line in _errors(result):
                print(line)
            sys.stdout.write(report_text(result))
    return run.finish()


def _use_utf8(streams: Sequence[IO[str] | None]) -> None:
    # Chinese is printed as is; do not let a legacy console encoding, or a file name's undecodable
    # bytes in a message, turn that into a crash.
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper):
            utf8 = stream.encoding.lower().replace("-", "") == "utf8"
            errors = "backslashreplace" if stream is sys.stderr else stream.errors
            if not utf8 or stream.errors != errors:
                stream.reconfigure(encoding="utf-8", errors=errors)


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C, then SIGTERM (``timeout``, a CI's cancel) end the run alike: no output file is
    left. A second signal while the run cleans up is ignored, so the clean-up finishes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None, *, prog: str = PROG) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        build_parser(prog).print_help(sys.stderr)
        return EXIT_BAD_INPUT
    debug = ["--debug"] if "--debug" in args_list else []
    args_list = [a for a in args_list if a != "--debug"]
    first = next((a for a in args_list if not a.startswith("-")), None)
    if first not in COMMANDS and not {"-h", "--help", "--version"} & set(args_list[:1]):
        # ``python -m govinfo_report FILE``: parse, JSON unless --format or --out says otherwise
        named = any(a.split("=")[0] in ("--format", "--out") for a in args_list)
        legacy = [] if named else ["--format", "json"]
        args_list = ["parse", *legacy, *args_list]
    args_list = debug + args_list
    parser = build_parser(prog)
    args = parser.parse_args(args_list)  # --help, --version and bad usage exit here (SystemExit)
    _use_utf8([sys.stdout, sys.stderr])
    signals = (signal.SIGINT, signal.SIGTERM)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = [signal.signal(s, _interrupted) for s in signals] if main_thread else []
    try:
        return _run(args, prog)
    finally:  # after an interrupt, signals stay ignored while the process ends its workers
        if previous and signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            _end_children()
        elif previous:
            for number, handler in zip(signals, previous, strict=True):
                signal.signal(number, handler)


def _end_children() -> None:
    """After an interrupt: no worker outlives the run, even one started as the signal came."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()


def _run(args: argparse.Namespace, prog: str) -> int:
    """The command, with what it raises turned into one line and an exit status."""
    run = {"parse": run_parse, "check": run_check, "show": run_show}[args.command]
    try:
        return run(args, prog)
    except UsageError as exc:
        print(f"{prog}: {shown(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, and keep the final flush from raising.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        out = getattr(args, "out", None)
        unwritten = f"; {shown(out)} was not written" if out not in (None, "-") else ""
        print(f"\n{prog}: interrupted{unwritten}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:  # writing the output: a full disk, a closed stream
        print(f"{prog}: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    except Exception as exc:  # a bug: one line, or the traceback with --debug
        if args.debug:
            traceback.print_exc()
        else:
            print(
                f"{prog}: {exc.__class__.__name__}: {exc} (--debug shows where; please report it)",
                file=sys.stderr,
            )
        return EXIT_INTERNAL


__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CANNOT_WRITE",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_RULES_FAILED",
    "Progress",
    "build_parser",
    "example_names",
    "expand",
    "main",
    "read_example",
]
