"""Bytes → text: byte-order marks, the declared charset, then trial decoding.

Order of evidence:

1. a byte-order mark (UTF-8, UTF-16 and UTF-32, either byte order);
2. the charset the caller declares (an HTTP ``Content-Type``) or the document declares
   (``<meta charset>``, an XML declaration), when it is one of :data:`_DECLARABLE` and the bytes
   decode with it;
3. UTF-8, then UTF-16 without a mark when the bytes have NULs and read as text in one byte
   order, then GB18030 (a superset of GBK and GB2312).

A UTF-8 text damaged in a few places (a truncated download) stays UTF-8: GB18030 decodes almost
any byte string without error, so it is taken only when UTF-8 fails widely. Bytes that no encoding
reads are replaced by U+FFFD and reported (``input.undecodable``); decoding never raises.
"""

from __future__ import annotations

import codecs
import re

import attrs

from ..diagnostics import diag
from ..model import Diagnostic, Span

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "hz"})
"""Codec names read as GB18030, their superset (pages labelled gb2312 routinely hold GBK characters)."""

_DECLARABLE = frozenset({"utf-8", "gb18030", "big5", "big5hkscs"})
"""Declared charsets taken at their word when the bytes decode with them. Others are unknown, are
no text encoding (``hex``), or decode any bytes without an error (``iso-8859-1``, a server
default; ``utf-16`` without a byte-order mark), so a wrong declaration would garble the report
silently: for those the bytes decide."""

_DECLARED = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
_DECLARED_WINDOW = 4096
"""Bytes at the head of a document searched for a declared charset."""

_NEWLINE = re.compile(r"\r\n|\r|\n")

_UTF8_DAMAGE_RATIO = 20
"""UTF-8 is kept despite errors while it decodes at least this many non-ASCII characters per error."""


@attrs.frozen
class Decoded:
    """A decoded text, the encoding that read it, and what decoding found."""

    text: str
    encoding: str
    """Python codec name: ``utf-8``, ``gb18030``, ``utf-16-le`` ..."""
    diagnostics: tuple[Diagnostic, ...] = ()


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag or an XML declaration near the start of ``data`` names."""
    match = _DECLARED.search(data[:_DECLARED_WINDOW])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset named outside the bytes (HTTP), tried first."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _lenient(data[len(bom) :], name)
    ignored: str | None = None
    for claim in (declared, declared_charset(data)):
        if not claim:
            continue
        codec = _codec(claim)
        if codec not in _DECLARABLE:
            # unknown, not a text encoding (hex, base64), or one that reads any bytes without an
            # error (single-byte Western codecs, UTF-16 without a mark): the bytes decide instead
            ignored = ignored or claim
            continue
        try:
            return Decoded(data.decode(codec), codec)
        except (UnicodeError, LookupError, ValueError):
            decoded = _trial(data)
            if decoded.encoding == codec:
                return decoded
            return _noted(decoded, f"The bytes are not valid {claim}; they were read as {decoded.encoding}.")
    decoded = _trial(data)
    if ignored is not None and not data.isascii():
        return _noted(
            decoded, f"The declared charset {ignored} was not used; the bytes read as {decoded.encoding}."
        )
    return decoded


def _noted(decoded: Decoded, message: str) -> Decoded:
    return attrs.evolve(decoded, diagnostics=(diag("input.charset_mismatch", message), *decoded.diagnostics))


def has_bom(data: bytes) -> bool:
    """Whether ``data`` starts with a Unicode byte-order mark."""
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _codec(name: str | None) -> str | None:
    """The Python codec for a charset label, GB labels widened to GB18030; None when unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError, TypeError):  # unknown, or not a codec name at all ("utf\x00")
        return None
    if codec in _GB_FAMILY:
        return "gb18030"
    return codec


def _trial(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return _lenient(data, utf16)
    utf8 = data.decode("utf-8", errors="replace")
    errors = utf8.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for char in utf8 if ord(char) > 0x7F) - errors
    if multibyte >= _UTF8_DAMAGE_RATIO * errors:
        return _lenient(data, "utf-8")
    return _lenient(data, "gb18030")


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the head has NUL bytes (UTF-8 and GB18030 text has none) and
    reads in one byte order as the text of a report: at least nine characters in ten are CJK,
    CJK or full-width punctuation, or printable ASCII. Random bytes, and UTF-8 or GBK read as
    UTF-16, give a third or less of such characters."""
    head = data[: 4096 - 4096 % 2]
    if len(head) < 4 or b"\x00" not in head:
        return None
    best, score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        text = head.decode(codec, errors="replace")
        plausible = sum(1 for char in text if _plausible(char)) / len(text)
        if plausible > score:
            best, score = codec, plausible
    return best if score >= 0.9 else None


def _plausible(char: str) -> bool:
    code = ord(char)
    return (
        0x20 <= code < 0x7F
        or char in "\t\n\r"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or 0x2500 <= code <= 0x257F  # box drawing: tables of text dumps
    )


def _lenient(data: bytes, codec: str) -> Decoded:
    """Decode with ``codec``, replacing what does not decode, and report the replacements."""
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    lines = [n for n, line in enumerate(_NEWLINE.split(text), start=1) if "\ufffd" in line] or [1]
    count = text.count("\ufffd")
    message = f"{count} undecodable byte sequence(s) in {codec} were replaced by U+FFFD."
    return Decoded(text, codec, (diag("input.undecodable", message, Span(lines[0], lines[-1])),))
