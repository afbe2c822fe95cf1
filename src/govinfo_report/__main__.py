"""Command line: parse reports and print them as JSON.

    python -m govinfo_report [FILE ...] [--example [NAME]] [--list-examples] [--cells] [--indent N]

Each FILE (``-`` for standard input) is handed to :func:`govinfo_report.parse_bytes`, which
tells HTML, text, Markdown, DOCX and PDF apart by content and decodes any encoding, and printed
as ``Report.to_json()``: one JSON document per line, in the order given (``--example`` first).
A file that cannot be read, or that is refused (an image, a legacy .doc, a scan ...), gets one
line on standard error and the run ends with status 2 after the other inputs are done; no
traceback is shown for bad input.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import TYPE_CHECKING

from govinfo_report import InputError as Refused
from govinfo_report import Report, parse, parse_bytes
from govinfo_report._version import __version__

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

PROG = "python -m govinfo_report"
EXAMPLES_PACKAGE = "govinfo_report"
EXAMPLES_DIR = "examples"
DEFAULT_EXAMPLE = "seed_000"

EXIT_OK = 0
EXIT_PARSE_FAILED = 1
"""``parse`` itself failed: a bug in the library, since it must not raise on content."""
EXIT_BAD_INPUT = 2
"""Bad usage, an unreadable file, or an unknown example name (argparse also uses 2)."""


class InputError(Exception):
    """An input could not be read; the message is one line for a person."""


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
            return _decode(entry.read_bytes(), f"example {wanted}")
    available = ", ".join(example_names()) or "none bundled"
    raise InputError(f"no example named {name!r} (available: {available})")


def read_file(path: str) -> bytes:
    """The bytes of ``path`` (``-`` = standard input)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(f"cannot read {path}: {reason}") from None
    return data


def _decode(data: bytes, what: str) -> str:
    # Newlines are left as written: parse() normalises them and counts lines itself.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot read {what}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _indent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse 政府信息公开工作年度报告 (text) into JSON.",
        epilog="Several inputs print one JSON document per line (with --indent, one after another).",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a report file (HTML, text, Markdown, DOCX or PDF); - reads stdin",
    )
    parser.add_argument(
        "--example",
        nargs="?",
        const=DEFAULT_EXAMPLE,
        metavar="NAME",
        help=f"parse a bundled example report (default {DEFAULT_EXAMPLE}; see --list-examples)",
    )
    parser.add_argument("--list-examples", action="store_true", help="list the bundled examples and exit")
    parser.add_argument(
        "--cells",
        action="store_true",
        help="give every cell as {value, raw, state, unit, line, note} and list every check evaluated",
    )
    parser.add_argument("--indent", type=_indent, metavar="N", help="pretty-print the JSON with N spaces")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _use_utf8_stdout() -> None:
    # The JSON keeps Chinese as is; do not let a legacy console encoding turn that into a crash.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.list_examples:
        for name in example_names():
            print(name)
        return EXIT_OK

    inputs: list[tuple[str, str | None]] = []  # (name shown in messages, example name or None)
    if args.example is not None:
        inputs.append((f"example {args.example}", args.example))
    inputs.extend((path, None) for path in args.files)

    status = EXIT_OK
    for shown, example in inputs:
        try:
            report = _read(shown, example)
        except InputError as exc:
            _error(str(exc))
            status = EXIT_BAD_INPUT
            continue
        except Refused as exc:
            _error(f"{shown}: {exc}")
            status = EXIT_BAD_INPUT
            continue
        except Exception as exc:  # parse must not raise on content; say so in one line.
            _error(f"{shown}: parse failed ({exc.__class__.__name__}: {exc}); please report this as a bug")
            status = max(status, EXIT_PARSE_FAILED)
            continue
        try:
            output = report.to_json(cells=args.cells, indent=args.indent)
        except Exception as exc:  # parse() must not raise on content; say so in one line.
            _error(f"{shown}: parse failed ({exc.__class__.__name__}: {exc}); please report this as a bug")
            status = max(status, EXIT_PARSE_FAILED)
            continue
        print(output, flush=True)
    return status


def _read(shown: str, example: str | None) -> Report:
    if example is not None:
        return parse(read_example(example))
    return parse_bytes(read_file(shown), filename=None if shown == "-" else shown)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.files and args.example is None and not args.list_examples:
        parser.error("give a FILE, or --example [NAME] to parse a bundled example")
    _use_utf8_stdout()
    try:
        return run(args)
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly. Point stdout at devnull so that the
        # interpreter's final flush does not raise again at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
