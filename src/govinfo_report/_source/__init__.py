"""Stage 0: bytes → text or a document. Format by content, encodings, and the safety limits.

``load`` decides the format from magic bytes (the file name's extension is only a hint), refuses
what it cannot read with one :class:`~govinfo_report.errors.InputError` sentence, and hands back
either decoded text (text, Markdown, HTML, a PDF's text layer) or a DOCX document's blocks and
tables. Nothing here interprets the report.
"""

from __future__ import annotations

import os

import attrs

from .. import limits
from .._tables.document import Document, GridRows
from ..diagnostics import diag
from ..errors import InputError
from ..model import Diagnostic
from .encoding import decode
from .sniff import expected_format, sniff


@attrs.frozen
class Loaded:
    """What the bytes hold: text (``format`` ``"text"`` or ``"pdf"``) or a DOCX ``document``."""

    format: str
    text: str | None = None
    document: Document | None = None
    tables: tuple[GridRows, ...] = ()
    """A PDF's ruled tables, read beside its text."""
    encoding: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


def load(data: bytes, *, filename: str | None = None, encoding: str | None = None) -> Loaded:
    """Read ``data`` as a report file. Raises :class:`InputError` for input it refuses."""
    shown = os.path.basename(filename) if filename else "The input"
    if len(data) > limits.MAX_INPUT_BYTES:
        raise InputError("input.too_large", too_large(shown, len(data)))
    kind, what = sniff(data)
    if kind == "refused":
        raise InputError("input.unsupported_format", f"{shown} is {what}.")
    found = "docx" if kind == "zip" else kind
    expected = expected_format(filename)
    mismatch: tuple[Diagnostic, ...] = ()
    if expected is not None and expected != found:
        message = (
            f"{shown} is named as {expected.upper()} but holds {found.upper()}; read as {found.upper()}."
        )
        mismatch = (diag("input.format_mismatch", message),)
    if kind == "pdf":
        from .pdf import read_pdf  # each binary format's reader is loaded when one is met

        pdf = read_pdf(data)
        return Loaded("pdf", text=pdf.text, tables=pdf.tables, diagnostics=mismatch + pdf.diagnostics)
    if kind == "zip":
        from .docx import read_docx

        return Loaded("docx", document=read_docx(data), diagnostics=mismatch)
    decoded = decode(data, declared=encoding)
    return Loaded(
        "text", text=decoded.text, encoding=decoded.encoding, diagnostics=mismatch + decoded.diagnostics
    )


def too_large(shown: str, size: int) -> str:
    return (
        f"{shown} is {size:,} bytes, more than the limit of {limits.MAX_INPUT_BYTES:,} bytes "
        "(govinfo_report.limits.MAX_INPUT_BYTES); it was not read."
    )


__all__ = ["Loaded", "load", "too_large"]
