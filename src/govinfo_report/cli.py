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
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
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
    DIAGNOSTIC_FIELDS,
    RECORD_FIELDS,
    JsonLinesWriter,
    JsonWriter,
    RowsWriter,
    Writer,
    diagnostics_format,
    format_for,
    opened,
    table_for,
)
from .batch import INTERNAL, Failure
from .model import Check, Report, Severity

COMMANDS = ("parse", "check", "show")

EXIT_OK = 0
EXIT_RULES_FAILED = 1
"""``check``: a consistency rule fails, or a report has no rule that could be checked."""
EXIT_BAD_INPUT = 2
"""Bad usage, a file that could not be read, or no report read at all (argparse also uses 2)."""
EXIT_INTERNAL = 70
"""Something went wrong in the library itself (``EX_SOFTWARE``): please report it."""


# --- a run: its inputs, its failures, its summary -------------------------------------------------


@attrs.define
class Run:
    """What a command has seen so far: it prints each failure and, at the end, the summary."""

    prog: str
    debug: bool
    quiet: bool
    inputs: Inputs = attrs.field(factory=lambda: expand([]))
    parsed: int = 0
    failed: int = 0
    status: int = EXIT_OK

    def items(self, args: argparse.Namespace, output: Any = "report") -> Iterator[tuple[str, Any]]:
        """``(name, result)`` of every input; failures are said on standard error here."""
        self.inputs = expand(args.files)
        if not self.inputs.files and args.example is None:
            return
        for name, result in results(self.inputs, args.example, args.jobs, Progress(sys.stderr), output):
            if isinstance(result, Failure):
                self.failed += 1
                self.fail(name, result)
            else:
                self.parsed += 1
            yield name, result

    def fail(self, name: str, failure: Failure) -> None:
        where = "" if failure.code.startswith("io.") else f"{name}: "
        print(f"{self.prog}: {where}{failure.error}", file=sys.stderr)
        if failure.code == INTERNAL:
            if self.debug:
                print(failure.trace, file=sys.stderr, end="")
            self.status = EXIT_INTERNAL
        elif self.status != EXIT_INTERNAL:
            self.status = EXIT_BAD_INPUT

    def finish(self) -> int:
        """The summary line, and the exit status: a run that read no report is an error."""
        skipped = self.inputs.skipped
        passed_over = ""
        if skipped:
            kinds = ", ".join(f"{n} {ext or 'without extension'}" for ext, n in sorted(skipped.items()))
            passed_over = f"; {sum(skipped.values())} skipped by extension ({kinds})"
        total = self.parsed + self.failed
        if self.parsed == 0:
            what = "no file" if total == 0 else f"none of {_files(total)}"
            print(f"{self.prog}: no report read: {what}{passed_over}", file=sys.stderr)
            return self.status if self.status != EXIT_OK else EXIT_BAD_INPUT
        if not self.quiet:
            print(
                f"{self.prog}: {_files(total)}: {self.parsed} read, {self.failed} failed{passed_over}",
                file=sys.stderr,
            )
        return self.status


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"


def _need_input(args: argparse.Namespace) -> None:
    if not args.files and args.example is None:
        raise UsageError("give a FILE, DIR or GLOB, or --example [NAME] to read a bundled example")


# --- commands -------------------------------------------------------------------------------------


def run_parse(args: argparse.Namespace, prog: str) -> int:
    if args.list_examples:
        for name in example_names():
            print(name)
        return EXIT_OK
    _need_input(args)
    many = len(args.files) + (args.example is not None) > 1 or any(
        os.path.isdir(f) or (not os.path.exists(f) and set("*?[") & set(f)) for f in args.files
    )
    fmt = format_for(args.out, args.format, many)
    if fmt == "parquet" and args.out is None:
        raise UsageError("--format parquet writes a file: give --out PATH")
    if args.diagnostics is not None and fmt not in ("csv", "parquet"):
        raise UsageError("--diagnostics goes with the tidy rows: --format csv or parquet")
    run = Run(prog, args.debug, args.quiet)
    with ExitStack() as files:  # every output is opened (and refused) before a file is parsed
        writer = _writer(fmt, files, args, many)
        try:
            for name, result in run.items(args, writer.output):
                writer.add(name, result)
        finally:
            writer.close()
    return run.finish()


def _writer(fmt: str, files: ExitStack, args: argparse.Namespace, many: bool) -> Writer:
    out = files.enter_context(opened(args.out, binary=fmt == "parquet"))
    if fmt == "json":
        return JsonWriter(out, many=many, cells=args.cells, indent=args.indent)
    if fmt == "jsonl":
        return JsonLinesWriter(out, cells=args.cells)
    diagnostics = None
    if args.diagnostics is not None:
        dfmt = diagnostics_format(args.diagnostics)
        handle = files.enter_context(opened(args.diagnostics, "--diagnostics", binary=dfmt == "parquet"))
        diagnostics = table_for(dfmt, handle, DIAGNOSTIC_FIELDS)
    return RowsWriter(table_for(fmt, out, RECORD_FIELDS), diagnostics)


def _print_failed(check: Check) -> None:
    culprit = f"; likely wrong: {check.culprit}" if check.culprit else ""
    found = f"expected {check.expected}, found {check.actual}"
    print(f"  {check.rule} {check.table} {check.target}: {found}{culprit}")
    print(f"     cells: {', '.join(check.cells)}")
    if check.message:
        print(f"     {check.message}")


def _errors(report: Report) -> list[str]:
    return [f"  error {d.code}: {d.message}" for d in report.diagnostics if d.severity is Severity.ERROR]


def run_check(args: argparse.Namespace, prog: str) -> int:
    _need_input(args)
    run = Run(prog, args.debug, args.quiet)
    fmt = args.format or "text"
    reports: list[tuple[str, Report]] = []
    records: list[dict[str, Any]] = []
    status = EXIT_OK
    for name, result in run.items(args):
        if isinstance(result, Failure):
            continue
        reports.append((name, result))
        failed = result.failed_checks
        if failed or not result.checks:
            status = EXIT_RULES_FAILED
        if fmt != "text":
            records += [{"path": name, **c.to_dict()} for c in result.checks]
            continue
        print(f"{name}: {len(result.checks) - len(failed)} rules pass, {len(failed)} fail")
        for check in failed:
            _print_failed(check)
        for line in _errors(result):
            print(line)
        if not result.checks:
            print("  no rule could be checked: no table was read")
    if len(reports) > 1:  # the same organ's consecutive years among the files: R6, R8
        from .series import check_series

        series = check_series(r for _, r in reports)
        broken = [c for c in series if not c.passed]
        if broken:
            status = EXIT_RULES_FAILED
        if fmt != "text":
            records += [{"path": None, **c.to_dict()} for c in series]
        elif series:
            print(f"across years: {len(series) - len(broken)} rules pass, {len(broken)} fail")
            for check in broken:
                _print_failed(check)
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=args.indent))
    elif fmt == "jsonl":
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    finished = run.finish()
    return finished if finished != EXIT_OK else status


def run_show(args: argparse.Namespace, prog: str) -> int:
    from ._show import report_text

    _need_input(args)
    run = Run(prog, args.debug, args.quiet)
    for name, result in run.items(args):
        if isinstance(result, Failure):
            continue
        if len(run.inputs.files) + (args.example is not None) > 1:
            print(f"== {name}")
        for line in _errors(result):
            print(line.strip())
        sys.stdout.write(report_text(result))
    return run.finish()


def _use_utf8(streams: Sequence[IO[str]]) -> None:
    # Chinese is printed as is; do not let a legacy console encoding turn that into a crash.
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")


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
        # ``python -m govinfo_report FILE``: parse, one JSON document per report, as before
        legacy = [] if {"--format", "--out"} & set(args_list) else ["--format", "json"]
        args_list = ["parse", *legacy, *args_list]
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


__all__ = ["Progress", "build_parser", "example_names", "expand", "main", "read_example"]
