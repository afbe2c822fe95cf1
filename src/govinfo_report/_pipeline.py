"""``parse()``, ``parse_bytes()``, ``parse_file()``: the stage list, in order.

    (read bytes →) normalize → sections → locate tables → rebuild cells → prose statements
    → map to schema (the statements as evidence) → check (the rules, and R7 on the statements)

Reading ``_parse`` tells how data flows; each stage lives in its own module. Files and bytes
first go through :mod:`.source` (format by content, encodings, safety limits), which gives text
or, for DOCX, a document whose tables already have exact cells.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import BinaryIO

import attrs

from . import _checks as checks_stage
from . import _schema as schema
from . import limits
from ._attachments import find_attachments, links_to_report, only_links
from ._inputs import Found, kind_of, pdf_grids, read, read_document
from ._locate import Region, locate
from ._meta import Meta, read_meta
from ._normalize import Line
from ._paths import shown
from ._reading.evidence import Evidence
from ._ruled import prefer_ruled, settle
from ._sections import split_sections
from ._source import load, too_large
from ._statements import find_statements
from ._tables import Grid, rebuild
from ._tables.document import Document
from ._templates import detect_template, names_pre2019
from ._text import fold
from ._vocab import TABLE_ANCHORS
from .diagnostics import diag
from .errors import InputError, ParseError
from .model import (
    CanonicalTable,
    Diagnostic,
    ExtraRow,
    Report,
    Severity,
    Source,
    Span,
    Statement,
    Table,
)


def parse(text: str, *, strict: bool = False, url: str | None = None) -> Report:
    """Parse the text of one 政府信息公开工作年度报告 into a :class:`Report`.

    ``text`` may be plain text, Markdown or an HTML page. Any string gives a Report; problems
    become ``Report.diagnostics``. With ``strict=True`` a report with error diagnostics raises
    :class:`ParseError` carrying them. ``url`` is the address a page was fetched from: its links
    to report files (:attr:`Report.attachments`) are made absolute against it.
    """
    if not isinstance(text, str):
        hint = "; for bytes use parse_bytes()" if isinstance(text, (bytes, bytearray, memoryview)) else ""
        raise TypeError(f"parse() takes the report's text as str, not {type(text).__name__}{hint}")
    return _strict(_parse(text, url=url), strict)


def parse_bytes(
    data: bytes,
    *,
    filename: str | None = None,
    encoding: str | None = None,
    strict: bool = False,
    url: str | None = None,
) -> Report:
    """Parse a report file's bytes: HTML, text or Markdown in any encoding, DOCX, or PDF (with
    the ``pdf`` extra). The format is told from the content; ``filename`` only names the input in
    messages (and a mismatching extension is noted). ``encoding`` is a charset declared outside
    the bytes, such as an HTTP ``Content-Type``; it is tried first. ``url`` is the address the
    bytes were fetched from (see :func:`parse`).

    Raises :class:`InputError` (a :class:`ParseError`) with one sentence when the bytes are not a
    readable report file: an unsupported format, over :data:`limits.MAX_INPUT_BYTES`, an unsafe
    archive, a scan without a text layer, or PDF without the ``pdf`` extra.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}; for text use parse()")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be a charset name (str), not {type(encoding).__name__}")
    if filename is not None and not isinstance(filename, str):
        raise TypeError(f"filename must be a str, not {type(filename).__name__}")
    loaded = load(bytes(data), filename=filename, encoding=encoding)
    diagnostics = list(loaded.diagnostics)
    if loaded.document is not None:
        report = _parse(loaded.document, diagnostics)
    else:
        report = _parse(loaded.text or "", diagnostics, pdf_grids(loaded.tables, loaded.text or ""), url)
    fmt = loaded.format if loaded.format != "text" else report.source.format
    return _strict(attrs.evolve(report, source=Source(fmt, loaded.encoding, filename)), strict)


def parse_file(
    path: str | bytes | os.PathLike[str] | os.PathLike[bytes],
    *,
    encoding: str | None = None,
    strict: bool = False,
) -> Report:
    """Parse a report file (.html, .htm, .txt, .md, .docx, .pdf ...), its format told from its
    content. See :func:`parse_bytes`; a file over the size limit is refused before it is read.
    ``OSError`` (a missing file, a directory) propagates as usual."""
    name = os.fsdecode(path)
    with open(name, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.MAX_INPUT_BYTES:
            raise InputError("input.too_large", too_large(os.path.basename(shown(name)), size))
        data = _read_capped(handle, size)
    return parse_bytes(data, filename=shown(name), encoding=encoding, strict=strict)


_CHUNK = 1 << 20


def _read_capped(handle: BinaryIO, size: int) -> bytes:
    """The file's bytes, at most one past :data:`limits.MAX_INPUT_BYTES`. Read by its size, not
    by the limit: ``read(n)`` sets aside ``n`` bytes before it reads (32 MB for a 2 KB report).
    A file that reports no size (a pipe) or grew since is read on in chunks up to the limit."""
    data = handle.read(size + 1) if size else b""
    if size and len(data) <= size:
        return data
    chunks = [data]
    total = len(data)
    while total <= limits.MAX_INPUT_BYTES:
        chunk = handle.read(min(_CHUNK, limits.MAX_INPUT_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _strict(report: Report, strict: bool) -> Report:
    if strict:
        errors = tuple(d for d in report.diagnostics if d.severity is Severity.ERROR)
        if errors:
            raise ParseError(errors)
    return report


def _parse(
    content: str | Document,
    diagnostics: list[Diagnostic] | None = None,
    ruled: list[Found] | None = None,
    url: str | None = None,
) -> Report:
    diagnostics = [] if diagnostics is None else diagnostics
    # 1. normalize: clean lines with their source line numbers (markup also gives its table grids)
    if isinstance(content, Document):
        lines, grids = read_document("docx", content, diagnostics)
        fmt, has_content = "docx", bool(lines or grids)
        if not has_content:
            diagnostics.append(diag("input.empty"))
    else:
        lines, grids, fmt = read(content, diagnostics)
        has_content = bool(content.strip())
    # 2. sections, and the title, organ and year
    slices, found_in_sections = split_sections(lines)
    diagnostics.extend(found_in_sections)
    meta = read_meta(lines, slices[0].start if slices else None)
    diagnostics.extend(_meta_diagnostics(has_content, meta))
    # 3. locate the table regions; 4. rebuild their cells (one strategy per layout)
    # (a table a text embeds as markup is read from it; the rest of its region still is read:
    # pandoc writes a table's merged-cell part as HTML and the rest as a pipe table)
    markup_read = fmt != "text"
    regions = locate(lines, slices)
    found = grids + _rebuild(
        lines,
        regions,
        {kind for kind, _, _ in grids} if markup_read else set(),
        [] if markup_read else [span for _, _, span in grids],
        diagnostics,
    )
    found.sort(key=lambda piece: piece[2].start)
    ruled = ruled or []  # a PDF's ruled tables, read beside its text
    if has_content and not slices and not found and not ruled and meta.title is None:
        diagnostics.append(diag("input.not_a_report"))
    # 5a. the template the labels show
    template, noticed = detect_template(
        (c.text for _, grid, _ in found + ruled for row in grid.rows for c in row),
        (line.text for line in lines),
        meta.year,
    )
    diagnostics.extend(noticed)
    # the numbers the prose states, linked to the cells they speak of (evidence, and R7)
    statements = find_statements(
        lines,
        slices,
        template=template,
        year=meta.year,
        title=meta.line,
        skip=[span for _, _, span in grids],
        tables=[(region.start, region.end) for region in regions],
    )
    evidence = _evidence(statements)
    maps: _Maps = {}  # each table's mapping, done once though both readings of a PDF are weighed

    def map_kind(kind: str, parts: list[Found]) -> schema.Mapped:
        return _map_kind(kind, parts, template, maps, evidence)

    # 5b. map to the template's schema, the statements weighed as evidence
    found, unused, others = prefer_ruled(found, ruled, template, diagnostics, map_kind)
    canonical, extra_rows = _map(found, template, map_kind, bool(slices), diagnostics)
    canonical = settle(canonical, others, map_kind, diagnostics)
    # 6. check the consistency rules and the prose (R7), and mark the cells of failing ones
    results = checks_stage.run_checks(canonical, diagnostics, statements)
    canonical = {kind: checks_stage.mark_disputed(table, results) for kind, table in canonical.items()}
    # a page that only points to the report: the links a scraper fetches next
    attachments = find_attachments(content, url) if fmt == "html" and isinstance(content, str) else ()
    tables = bool(canonical) or any(kind or _old_sheet(grid) for kind, grid, _ in found + ruled)
    bodies = [s.section.text for s in slices]
    if attachments and only_links(tables, bool(statements), bodies, "\n".join(x.text for x in lines)):
        diagnostics.append(links_to_report(attachments))
    return Report(
        title=meta.title,
        organ=meta.organ,
        year=meta.year,
        template=template,
        sections=tuple(s.section for s in slices),
        active_disclosure=canonical.get("active_disclosure"),
        applications=canonical.get("applications"),
        review_litigation=canonical.get("review_litigation"),
        extra_rows=tuple(extra_rows),
        tables=tuple(Table(grid.strategy, kind, grid.rows, span) for kind, grid, span in found)
        + tuple(Table(grid.strategy, kind, grid.rows, span, used=False) for kind, grid, span in unused),
        checks=tuple(results),
        diagnostics=tuple(diagnostics),
        source=Source(fmt),
        statements=statements,
        attachments=attachments,
    )


def _old_sheet(grid: Grid) -> bool:
    """Whether a grid is the statistics sheet of a report from before 2019."""
    return names_pre2019(fold("".join(cell.text for row in grid.rows for cell in row)))


def _meta_diagnostics(has_content: bool, meta: Meta) -> list[Diagnostic]:
    if has_content and meta.title is None:
        return [diag("meta.no_title")]
    if meta.title is not None and meta.year is None:
        return [diag("meta.no_year", None, Span(meta.line or 1, meta.line or 1))]
    return []


def _rebuild(
    lines: tuple[Line, ...],
    regions: tuple[Region, ...],
    done: set[str | None],
    taken: list[Span],
    diagnostics: list[Diagnostic],
) -> list[Found]:
    """Rebuild the grid of every region whose table was not already read from markup (``done``:
    its kinds), leaving out the lines a markup table already gave (``taken``: their spans)."""
    found: list[Found] = []
    for region in regions:
        part = [
            line
            for line in lines[region.start : region.end]
            if not any(span.start <= line.number <= span.end for span in taken)
        ]
        if region.kind in done or not part:
            continue
        span = Span(part[0].number, part[-1].number)
        grid = rebuild(part)
        if grid is None:
            if _has_anchor(part, region.kind):
                diagnostics.append(
                    diag("table.unreadable", f"No layout strategy fits the {region.kind} table.", span)
                )
            continue
        if grid.truncated:
            diagnostics.append(diag("limits.table_truncated", None, span))
        if grid.out_of_order:
            message = (
                f"Cells of the {region.kind} table came out of row order; values whose row is "
                "not told are left unpaired."
            )
            diagnostics.append(diag("table.out_of_order", message, span))
        kind = kind_of(grid)
        found.append((region.kind if kind in (None, region.kind) else kind, grid, span))
    return found


def _map(
    found: list[Found],
    template: str | None,
    map_kind: Callable[[str, list[Found]], schema.Mapped],
    expect_tables: bool,
    diagnostics: list[Diagnostic],
) -> tuple[dict[str, CanonicalTable], list[ExtraRow]]:
    canonical: dict[str, CanonicalTable] = {}
    extra_rows: list[ExtraRow] = []
    if template == "pre2019":  # recognised, not forced into a schema
        return canonical, extra_rows
    # a table printed in pieces (one per block, one per group) is read as one, in document order
    pieces: dict[str, list[Found]] = {}
    for piece in found:
        if piece[0] is not None:
            pieces.setdefault(piece[0], []).append(piece)
    for kind, parts in pieces.items():
        if len(parts) > 1:
            diagnostics.append(
                diag(
                    "table.joined",
                    f"{len(parts)} {kind} tables were read as one.",
                    Span(parts[0][2].start, parts[-1][2].end),
                )
            )
        mapped = map_kind(kind, parts)
        diagnostics.extend(mapped.diagnostics)
        extra_rows.extend(mapped.extra_rows)
        if mapped.rows:
            canonical[kind] = CanonicalTable(kind, template, mapped.rows, mapped.columns)
    if expect_tables or canonical:
        for kind in TABLE_ANCHORS:
            if kind not in canonical:
                diagnostics.append(diag("table.missing", f"Table {kind} was not found."))
    return canonical, extra_rows


_Maps = dict[tuple[str, str | None, tuple[int, ...]], schema.Mapped]
"""Mappings already made in one parse, by table kind, template and the grids mapped."""


def _map_kind(
    kind: str, parts: list[Found], template: str | None, maps: _Maps, evidence: _Evidence
) -> schema.Mapped:
    key = (kind, template, tuple(id(grid) for _, grid, _ in parts))
    if key not in maps:
        maps[key] = _map_parts(kind, parts, template, evidence.get(kind, ()))
    return maps[key]


_Evidence = dict[str, tuple[Evidence, ...]]
"""The prose's statements linked to each table, as the reading engine weighs them."""


def _evidence(statements: Sequence[Statement]) -> _Evidence:
    out: dict[str, list[Evidence]] = {}
    for s in statements:  # an area's count may be more than the report's own: no evidence
        if s.table is not None and s.scopes and s.area is None:
            out.setdefault(s.table, []).append(Evidence(s.refs, s.value, s.line, s.phrase))
    return {kind: tuple(found) for kind, found in out.items()}


def _map_parts(
    kind: str, parts: list[Found], template: str | None, evidence: Sequence[Evidence]
) -> schema.Mapped:
    views: list[schema.RowView] = []
    for _, grid, _ in parts:
        views.extend(schema.row_views(grid.rows, grid.strategy, start=len(views)))
    glued = all(grid.strategy == "runtogether" for _, grid, _ in parts)
    if kind == "applications":
        return schema.map_applications(views, template=template, glued=glued, evidence=evidence)
    if kind == "active_disclosure":
        return schema.map_active_disclosure(views, template=template, glued=glued, evidence=evidence)
    return schema.map_review_litigation(views, evidence=evidence)


def _has_anchor(lines: Sequence[Line], kind: str) -> bool:
    folded = "".join(fold(line.text) for line in lines)
    return any(a in folded for a in TABLE_ANCHORS[kind])


__all__ = ["InputError", "ParseError", "parse", "parse_bytes", "parse_file"]
