"""PDF: the text layer, page by page, with pdfplumber (the optional extra ``pdf``).

Pages are read with ``extract_text()`` and joined with a newline, so line numbers count lines of
that text. The text then goes through the same stages as any text: the PDF-text layout strategy
knows how pdfplumber lays tables out (labels apart from their numbers, vertical labels, page
footers inside tables).
"""

from __future__ import annotations

import io
from typing import Any

import attrs

from .. import limits
from ..diagnostics import diag
from ..errors import InputError
from ..model import Diagnostic

_MIN_TEXT = 20
"""Visible characters below which a PDF counts as having no text layer."""


@attrs.frozen
class PdfText:
    text: str
    pages: int
    diagnostics: tuple[Diagnostic, ...] = ()


def _pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise InputError(
            "input.missing_extra",
            "Reading PDF files needs pdfplumber; install it with: pip install 'govinfo-report[pdf]'.",
        ) from None
    return pdfplumber


def read_pdf(data: bytes) -> PdfText:
    """The text layer of a PDF. Raises :class:`InputError` when pdfplumber is missing, the file is
    damaged or encrypted, or no page has text (a scan)."""
    pdfplumber = _pdfplumber()
    diagnostics: list[Diagnostic] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            count = len(pages)
            if count > limits.MAX_PDF_PAGES:
                diagnostics.append(
                    diag(
                        "limits.pdf_pages",
                        f"The PDF has {count} pages; only the first {limits.MAX_PDF_PAGES} were read.",
                    )
                )
            texts = []
            for page in pages[: limits.MAX_PDF_PAGES]:
                texts.append(page.extract_text() or "")
                page.close()  # frees the page's layout objects as soon as its text is out
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many types on damaged or encrypted files
        raise InputError("input.corrupt", _damaged(error)) from None
    if sum(len("".join(t.split())) for t in texts) < _MIN_TEXT:
        raise InputError(
            "input.no_text_layer",
            f"The PDF ({count} page(s)) has no text layer, so it is a scan; OCR it and parse the text.",
        )
    empty = [n for n, t in enumerate(texts, start=1) if not t.strip()]
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        diagnostics.append(
            diag("input.pages_without_text", f"PDF page(s) {shown} have no text layer (scanned?); not read.")
        )
    return PdfText("\n".join(texts), count, tuple(diagnostics))


def _damaged(error: Exception) -> str:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return "The PDF is password-protected; remove the password and parse it again."
    return f"The PDF is damaged and cannot be read ({name})."


__all__ = ["PdfText", "read_pdf"]
