"""DOCX package: the zip archive checked against zip bombs, its XML parsed safely.

Before anything is decompressed, the archive's directory is checked against
:data:`limits.MAX_ARCHIVE_MEMBERS`, :data:`limits.MAX_ARCHIVE_UNCOMPRESSED` and, member by member,
:data:`limits.MAX_COMPRESSION_RATIO`. The parts read are then decompressed at most
:data:`limits.MAX_XML_BYTES` bytes each, whatever their header claims. XML with a DTD is refused
(Word never writes one); the parser resolves no entities, loads no DTD and opens no network.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

from .. import limits
from .._tables.document import Document
from .._tables.docx import read_docx_xml
from ..errors import InputError

_DOCUMENT = "word/document.xml"
_NUMBERING = "word/numbering.xml"
_STYLES = "word/styles.xml"

_NOT_WORD = "a zip archive, not a Word document; extract the report from it first"

_OTHER_PACKAGES: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx); the library reads reports, not spreadsheets"),
    ("ppt/presentation.xml", "a PowerPoint file (.pptx); save it as PDF and parse that"),
    ("content.xml", "an OpenDocument file; save it as .docx and parse that"),
    ("OFD.xml", "an OFD document; export it to PDF and parse that"),
)


def read_docx(data: bytes) -> Document:
    """The text and tables of a DOCX file. Raises :class:`InputError` for an unsafe or damaged
    archive, or a zip that is not a Word document."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:  # zipfile raises many types on a damaged directory
        raise InputError(
            "input.corrupt", f"The file is a damaged zip archive and cannot be opened ({error})."
        ) from None
    with archive:
        members = archive.infolist()
        _check_archive(members)
        names = {m.filename for m in members}
        if _DOCUMENT not in names:
            what = next((w for part, w in _OTHER_PACKAGES if part in names), _NOT_WORD)
            raise InputError("input.unsupported_format", f"The file is {what}.")
        document = _xml(archive, _DOCUMENT)
        numbering = _xml(archive, _NUMBERING) if _NUMBERING in names else None
        styles = _xml(archive, _STYLES) if _STYLES in names and numbering is not None else None
    return read_docx_xml(document, numbering, styles)


def _check_archive(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > limits.MAX_ARCHIVE_MEMBERS:
        raise InputError(
            "input.unsafe_archive",
            f"The DOCX archive lists {len(members):,} members, more than the limit of "
            f"{limits.MAX_ARCHIVE_MEMBERS:,}; it was not opened.",
        )
    total = sum(m.file_size for m in members)
    if total > limits.MAX_ARCHIVE_UNCOMPRESSED:
        raise InputError(
            "input.unsafe_archive",
            f"The DOCX archive would decompress to {total:,} bytes, more than the limit of "
            f"{limits.MAX_ARCHIVE_UNCOMPRESSED:,}; it was not opened.",
        )
    for member in members:
        if member.file_size <= limits.RATIO_EXEMPT_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > limits.MAX_COMPRESSION_RATIO:
            raise InputError(
                "input.unsafe_archive",
                f"The DOCX member {member.filename} is compressed {ratio:,.0f} to 1, more than the "
                f"limit of {limits.MAX_COMPRESSION_RATIO} to 1 (a zip bomb?); it was not opened.",
            )


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    """Parse one XML part safely (size-capped, no DTD, no entities, no network)."""
    try:
        with archive.open(name) as part:
            data = part.read(limits.MAX_XML_BYTES + 1)
    except Exception as error:  # damaged data raises zlib, bz2 and lzma errors, EOFError, ValueError ...
        raise InputError("input.corrupt", f"The DOCX part {name} cannot be read ({error}).") from None
    if len(data) > limits.MAX_XML_BYTES:
        raise InputError(
            "input.unsafe_archive",
            f"The DOCX part {name} is larger than the limit of {limits.MAX_XML_BYTES:,} bytes; "
            "it was not read.",
        )
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(
            "input.unsafe_xml",
            f"The DOCX part {name} declares a DTD or entities, which Word never writes; it was not read.",
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise InputError("input.corrupt", f"The DOCX part {name} is not well-formed XML ({error}).") from None
    if root is None:
        raise InputError("input.corrupt", f"The DOCX part {name} is empty.")
    if root.getroottree().docinfo.internalDTD is not None:
        raise InputError("input.unsafe_xml", f"The DOCX part {name} declares a DTD; it was not read.")
    return root


__all__ = ["Document", "read_docx"]
