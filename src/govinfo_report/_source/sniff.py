"""Which format a file is, by its content: magic bytes first, the name's extension only as a hint."""

from __future__ import annotations

import os

from .encoding import has_bom, utf16_without_bom

_EXTENSIONS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".html": "text",
    ".htm": "text",
    ".shtml": "text",
    ".xhtml": "text",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
}
"""The format a file name's extension promises (HTML and text are told apart later, by markup)."""

_LEGACY_OFFICE = "a legacy Office file (.doc, .xls or .wps); save it as .docx and parse that"

_REFUSED: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _LEGACY_OFFICE),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt and parse that"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image; run OCR on it and parse the text"),
    (b"\xff\xd8\xff", "a JPEG image; run OCR on it and parse the text"),
    (b"GIF87a", "a GIF image; run OCR on it and parse the text"),
    (b"GIF89a", "a GIF image; run OCR on it and parse the text"),
    (b"II*\x00", "a TIFF image; run OCR on it and parse the text"),
    (b"MM\x00*", "a TIFF image; run OCR on it and parse the text"),
    (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; extract the report first"),
    (b"Rar!\x1a\x07", "a RAR archive; extract the report first"),
)  # fmt: skip
"""Magic bytes of formats that are refused, with what the file is and what to do."""

_PDF_WINDOW = 1024
"""``%PDF-`` may follow some junk bytes; readers look this far."""


def sniff(data: bytes) -> tuple[str, str | None]:
    """``("pdf" | "zip" | "text", None)`` or ``("refused", what the file is and what to do)``."""
    if _is_pdf(data):
        return "pdf", None
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip", None
    for magic, what in _REFUSED:
        if data.startswith(magic):
            return "refused", what
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "refused", "a WebP image; run OCR on it and parse the text"
    if _binary(data):
        return "refused", "binary data, not a report"
    return "text", None


def _is_pdf(data: bytes) -> bool:
    """``%PDF-`` at the start, or within the first KB of a file that also ends as a PDF does
    (``%%EOF``): a text that merely mentions ``%PDF-`` stays text."""
    if data.lstrip(b" \t\r\n\x00").startswith(b"%PDF-"):
        return True
    return b"%PDF-" in data[:_PDF_WINDOW] and b"%%EOF" in data[-_PDF_WINDOW:]


_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
"""Control bytes that text does not hold (tab, newlines, form feed and escape are allowed)."""


def _binary(data: bytes) -> bool:
    """More than 5% control bytes in the head, and no UTF-16/32 text to explain them; a few
    stray control bytes are text damage, not binary."""
    head = data[:4096]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls * 20 <= len(head):
        return False
    return not has_bom(head) and utf16_without_bom(head) is None


def expected_format(filename: str | None) -> str | None:
    """The format a file name's extension promises, or None."""
    if not filename:
        return None
    return _EXTENSIONS.get(os.path.splitext(filename)[1].lower())
