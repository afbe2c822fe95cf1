"""The command line's arguments: the commands, their options and their help."""

from __future__ import annotations

import argparse

from ._cli_inputs import DEFAULT_EXAMPLE
from ._cli_output import FORMATS
from ._version import __version__
from .records import DIAGNOSTIC_FIELDS

PROG = "govinfo-report"

EPILOG = """examples:
  govinfo-report parse report.pdf                       one report as JSON
  govinfo-report parse reports/ --jobs 2 --out all.jsonl  every report under reports/, a line each
  govinfo-report parse 'reports/**/*.html' --out cells.csv  tidy rows: one per table cell
  govinfo-report parse reports/ --out cells.parquet --diagnostics diagnostics.parquet
  govinfo-report check report.html                      which consistency rules fail, on which cells
  govinfo-report check reports/ --format jsonl          every check as a JSON line
  govinfo-report show report.docx                       the tables as aligned text
  govinfo-report parse --example                        a bundled example report
"""


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of {least} or more")
    return value


def _count(text: str) -> int:
    return _whole(text, 0)


def _jobs(text: str) -> int:
    return _whole(text, 1)


def _inputs(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help=what)
    parser.add_argument(
        "--example",
        nargs="?",
        const=DEFAULT_EXAMPLE,
        metavar="NAME",
        help=f"a bundled example report (default {DEFAULT_EXAMPLE}; see parse --list-examples)",
    )
    parser.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="worker processes, 1 or more (default 1: none)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary line on standard error (errors are still said)"
    )


_INPUTS = (
    "report files; a directory is walked for .html .htm .shtml .xhtml .txt .md .docx .pdf files, "
    "and a quoted glob ('reports/**/*.pdf') is expanded the same way; - reads standard input"
)


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    """The command line's argument parser: the commands ``parse``, ``check`` and ``show``."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Read 政府信息公开工作年度报告 (HTML, text, Markdown, DOCX, PDF) into verified data. "
        "Each run ends with a summary line on standard error (files read, failed, skipped by "
        "extension); a run that reads no report exits 2.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something goes wrong")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parsing = commands.add_parser(
        "parse",
        help="reports as JSON, JSON lines, tidy CSV or Parquet",
        description="Parse reports. A file that cannot be read is said on standard error; it is an "
        "error record (path, error, code) in a JSON array and in JSON lines, and a row whose error "
        "column says why in CSV and Parquet. Exit status 2 then, 70 for a bug in the library, 74 "
        "when the output cannot be written, 130 when interrupted (an --out file is written whole "
        "or not at all).",
    )
    _inputs(parsing, _INPUTS)
    parsing.add_argument(
        "--format",
        choices=FORMATS,
        help="json: one document for one input, a JSON array for several; jsonl: one line per "
        "file; csv, parquet: one row per table cell (parquet needs --out). Default: from --out's "
        "extension (.json .jsonl .ndjson .csv .parquet), else json for one input and jsonl for "
        "several or a directory",
    )
    parsing.add_argument(
        "--out",
        metavar="PATH",
        help="write to PATH (put in place when the run ends) instead of standard output",
    )
    parsing.add_argument(
        "--diagnostics",
        metavar="PATH",
        help="csv, parquet: write every file's diagnostics to PATH (.csv or .parquet), a row each: "
        f"{', '.join(DIAGNOSTIC_FIELDS)}",
    )
    parsing.add_argument(
        "--cells",
        action="store_true",
        help="JSON: every cell as {value, raw, state, unit, line, note, disputed}, and every check evaluated",
    )
    parsing.add_argument("--indent", type=_count, metavar="N", help="JSON: pretty-print with N spaces")
    parsing.add_argument("--list-examples", action="store_true", help="list the bundled examples and exit")

    checking = commands.add_parser(
        "check",
        help="the consistency rules (勾稽关系) that fail, with their cells",
        description="Check each report's consistency rules, and across the files R6 and R8 for an "
        "organ's consecutive years. Text: the failing rules and a file's error diagnostics; json, "
        "jsonl: every check evaluated, with its path (null across years). Exit status 1 when a "
        "rule fails or a report has no rule that could be checked, 2 when a file cannot be read.",
    )
    _inputs(checking, _INPUTS)
    checking.add_argument("--format", choices=("text", "json", "jsonl"), help="default: text")
    checking.add_argument("--indent", type=_count, metavar="N", help="json: pretty-print with N spaces")
    showing = commands.add_parser(
        "show",
        help="the tables as aligned text",
        description="Show each report's tables as aligned text, with its error diagnostics.",
    )
    _inputs(showing, _INPUTS)
    return parser


__all__ = ["EPILOG", "PROG", "build_parser"]
