"""``parse()``: the stage list, in order.

    normalize → sections → locate tables → rebuild cells → map to schema → check

Reading this one function tells how data flows; each stage lives in its own module.
"""

from __future__ import annotations

from collections import Counter

import regex

from . import checks as checks_stage
from . import schema
from .diagnostics import diag
from .locate import Region, locate
from .meta import read_meta
from .model import CanonicalTable, Check, Diagnostic, ExtraRow, GridCell, Report, Span, Table
from .normalize import Line, normalize
from .sections import split_sections
from .tables import Grid, rebuild
from .tables.html import read_html
from .text import fold
from .vocab import PRE2019_MARKERS, TABLE_ANCHORS, TEMPLATE_MARKERS

_BLOCK_TAG = regex.compile(r"<(?:p|div|html|body|h[1-6]|table|br)\b", regex.IGNORECASE)


class ParseError(ValueError):
    """Raised by ``parse(..., strict=True)`` when the report has error diagnostics."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        where = f" (line {first.span.start})" if first is not None and first.span is not None else ""
        summary = f"{first.code}: {first.message}{where}" if first is not None else "no diagnostics"
        more = f" (+{len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(summary + more)


def parse(text: str, *, strict: bool = False) -> Report:
    """Parse the text of one 政府信息公开工作年度报告 into a :class:`Report`.

    Any string gives a Report; problems become ``Report.diagnostics``. With ``strict=True``
    a report with error diagnostics raises :class:`ParseError` carrying them.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report's text as str, not {type(text).__name__}")
    report = _parse(text)
    if strict:
        errors = tuple(d for d in report.diagnostics if d.severity.value == "error")
        if errors:
            raise ParseError(errors)
    return report


def _parse(text: str) -> Report:
    diagnostics: list[Diagnostic] = []
    grids: list[tuple[int, Grid]] = []  # (line index the grid stands at, grid)

    # 1. normalize (an HTML page first gives its text lines and its table grids)
    document = read_html(text) if "<" in text else None
    if document is not None and (document.tables or len(_BLOCK_TAG.findall(text, endpos=100_000)) >= 3):
        lines = tuple(Line(t, n) for t, n in document.lines)
        grids = [(index, Grid("html", rows)) for index, rows in document.tables]
    else:
        normalized = normalize(text)
        lines = normalized.lines
        diagnostics.extend(normalized.diagnostics)
    if not text.strip():
        diagnostics.append(diag("input.empty"))

    # 2. sections, title, organ, year
    slices, section_diagnostics = split_sections(lines)
    diagnostics.extend(section_diagnostics)
    meta = read_meta(lines, slices[0].start if slices else None)
    if text.strip() and meta.title is None:
        diagnostics.append(diag("meta.no_title"))
    elif meta.title is not None and meta.year is None:
        diagnostics.append(diag("meta.no_year", None, Span(meta.line or 1, meta.line or 1)))

    # 3. locate the table regions; 4. rebuild their cells
    regions = locate(lines, slices)
    found: list[tuple[str | None, Grid, Span]] = []
    for index, grid in grids:
        found.append((_kind_of(grid), grid, _grid_span(grid, lines, index)))
    if not grids:
        for region in regions:
            part = lines[region.start : region.end]
            if not part:
                continue
            rebuilt = rebuild(part)
            span = Span(part[0].number, part[-1].number)
            if rebuilt is None:
                if any(fold(line.text) for line in part) and _has_anchor(part, region.kind):
                    diagnostics.append(
                        diag("table.unreadable", f"No layout strategy fits the {region.kind} table.", span)
                    )
                continue
            if rebuilt.truncated:
                diagnostics.append(diag("limits.table_truncated", None, span))
            kind = _kind_of(rebuilt)
            found.append((region.kind if kind in (None, region.kind) else kind, rebuilt, span))

    # 5. map to the schema of the template the labels show
    template, template_diagnostics = _template(lines, found, meta.year)
    diagnostics.extend(template_diagnostics)
    tables = tuple(Table(grid.strategy, kind, grid.rows, span) for kind, grid, span in found)
    canonical: dict[str, CanonicalTable] = {}
    extra_rows: list[ExtraRow] = []
    if template != "pre2019":
        for kind, grid, _span in found:
            if kind is None or kind in canonical:
                continue
            views = schema.row_views(grid.rows)
            if kind == "applications":
                mapped = schema.map_applications(views, template=template)
            elif kind == "active_disclosure":
                mapped = schema.map_active_disclosure(views, template=template)
            else:
                mapped = schema.map_review_litigation(views)
            diagnostics.extend(mapped.diagnostics)
            extra_rows.extend(mapped.extra_rows)
            if mapped.rows:
                canonical[kind] = CanonicalTable(kind, template, mapped.rows, mapped.columns)
        for kind in ("active_disclosure", "applications", "review_litigation"):
            if kind not in canonical and (slices or canonical):
                diagnostics.append(diag("table.missing", f"Table {kind} was not found."))

    # 6. check the consistency rules
    results: list[Check] = []
    if "applications" in canonical:
        results.extend(checks_stage.check_applications(canonical["applications"]))
    if "review_litigation" in canonical:
        results.extend(checks_stage.check_review(canonical["review_litigation"]))
    if "active_disclosure" in canonical:
        results.extend(checks_stage.check_active(canonical["active_disclosure"]))
    for check in results:
        if not check.passed:
            diagnostics.append(diag("check.failed", check.message))

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
        tables=tables,
        checks=tuple(results),
        diagnostics=tuple(diagnostics),
    )


def _kind_of(grid: Grid) -> str | None:
    """Which canonical table a grid is, by its anchor labels."""
    folded = "".join(fold(c.text) for row in grid.rows for c in row)
    scores = {kind: sum(1 for a in anchors if a in folded) for kind, anchors in TABLE_ANCHORS.items()}
    best = max(scores.values())
    if best == 0:
        return None
    winners = [k for k, v in scores.items() if v == best]
    return winners[0] if len(winners) == 1 else None


def _has_anchor(lines: tuple[Line, ...], kind: str) -> bool:
    folded = "".join(fold(line.text) for line in lines)
    return any(a in folded for a in TABLE_ANCHORS[kind])


def _grid_span(grid: Grid, lines: tuple[Line, ...], index: int) -> Span:
    numbers = [c.line for row in grid.rows for c in row]
    if numbers:
        return Span(min(numbers), max(numbers))
    line = lines[min(index, len(lines) - 1)].number if lines else 1
    return Span(line, line)


def _template(
    lines: tuple[Line, ...], found: list[tuple[str | None, Grid, Span]], year: int | None
) -> tuple[str | None, list[Diagnostic]]:
    """The template from the labels (SPEC.md §2), never from the year alone."""
    folded = "".join(fold(c.text) for _, grid, _ in found for row in grid.rows for c in row)
    votes: Counter[str] = Counter()
    for marker in TEMPLATE_MARKERS:
        if marker.pattern in folded:
            votes[marker.template] += 1
    if votes:
        ranked = votes.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None, [
                diag("template.mixed", "Labels of both templates appear equally; template unknown.")
            ]
        if len(ranked) > 1:
            return ranked[0][0], [diag("template.mixed")]
        return ranked[0][0], []
    whole = fold("".join(line.text for line in lines))
    if (year is not None and year < 2019) or any(m in whole for m in PRE2019_MARKERS):
        return "pre2019", [diag("template.pre2019")]
    if found:
        return None, [diag("template.unknown")]
    return None, []


__all__ = ["GridCell", "ParseError", "Region", "parse"]
