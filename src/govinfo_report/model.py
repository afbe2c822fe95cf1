"""The data model: frozen, slotted attrs classes returned by :func:`govinfo_report.parse`.

Line numbers are 1-based and inclusive, counted in the text handed to ``parse``
(after newline normalisation: ``\\r\\n`` and ``\\r`` count as one line break). For a file, they
count lines of its decoded text (HTML, text), of its text layer with pages joined by a newline
(PDF), or its blocks in document order, one per paragraph and one per table row (DOCX).
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from ._model_cells import (
    MISSING,
    CanonicalTable,
    Cell,
    CellState,
    Diagnostic,
    ExtraRow,
    GridCell,
    Number,
    Row,
    Severity,
    Span,
    Table,
    _pickled_by_fields,
)

SCHEMA_VERSION = "1.0"
"""The version of the JSON that :meth:`Report.to_dict` gives, its ``schema_version``; the package
ships its JSON Schema (:func:`govinfo_report.json_schema`). The minor number grows when a key is
added, the major one when a key is removed, renamed or changes its meaning."""


@attrs.frozen
class Check:
    """The result of one consistency rule (勾稽关系) on one set of cells."""

    rule: str
    """Rule id, ``R1`` ... ``R9`` (docs/format.md §4)."""
    table: str
    """The canonical table checked."""
    cells: tuple[str, ...]
    """The cells involved, as ``row:column`` (or ``block/row:column``)."""
    expected: int | None
    """What the rule says the checked cell should hold (None for R9)."""
    actual: int | None
    """What the report holds there (None for R9)."""
    passed: bool
    """Whether the rule holds."""
    target: str
    """The cell whose value is compared against the others (a total, a subtotal)."""
    culprit: str | None = None
    """For a failure: the cell that breaks more than one rule, and so is likely wrong."""
    message: str = ""
    """One sentence for a person."""
    line: int | None = None
    """R7: the line of the prose statement checked (its cells carry their own lines); None for
    the other rules."""

    def to_dict(self) -> dict[str, Any]:
        """The check as JSON-safe data, its fields under their names."""
        return {
            "rule": self.rule,
            "table": self.table,
            "cells": list(self.cells),
            "target": self.target,
            "expected": self.expected,
            "actual": self.actual,
            "passed": self.passed,
            "culprit": self.culprit,
            "message": self.message,
            "line": self.line,
        }


@attrs.frozen
class Statement:
    """A number the report's prose states, such as ``收到政府信息公开申请21件`` (see
    :mod:`govinfo_report._statements`), and the table cells it speaks of when it speaks of one."""

    phrase: str
    """The phrase as printed, from its verb to its unit."""
    topic: str
    """What it counts: ``requests_received``, ``reviews``, ``fees`` ... (the vocabulary's key)."""
    value: Number
    """The number stated: ``int`` for counts, ``Decimal`` for money."""
    unit: str
    """The unit as written (``件``, ``元``, ``万元`` ...)."""
    line: int
    """Source line of the phrase."""
    table: str | None = None
    """The canonical table it speaks of, or None when it is linked to no cell."""
    scopes: tuple[tuple[str, ...], ...] = ()
    """The cells (``row:column``) whose sum the number is. Several scopes where the wording
    leaves it open (收到申请 counts new requests alone in one report, new and carried-over
    requests in another); empty when the statement is linked to no cell."""
    unlinked: str | None = None
    """Why it is linked to no cell: the word that qualifies the number (``其中``, ``累计``,
    ``同比`` ...), another year, or no cell of the template; None when linked."""
    area: str | None = None
    """The word saying it counts a whole area (``全市``, ``全县`` ...): a government's report counts
    its area in its tables, a department's may not. R7 checks such a statement; the reader never
    takes it to choose between a row's readings."""

    @property
    def refs(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """:attr:`scopes` as ``(row, column)`` pairs, for :meth:`CanonicalTable.get`."""
        return tuple(tuple(_pair(name) for name in scope) for scope in self.scopes)

    def to_dict(self) -> dict[str, Any]:
        """The statement as JSON-safe data; ``value`` a JSON number, ``scopes`` lists of cell names."""
        value: int | float = self.value if isinstance(self.value, int) else float(self.value)
        if not isinstance(self.value, int) and self.value == int(self.value):
            value = int(self.value)
        return {
            "phrase": self.phrase,
            "topic": self.topic,
            "value": value,
            "unit": self.unit,
            "line": self.line,
            "table": self.table,
            "scopes": [list(scope) for scope in self.scopes],
            "unlinked": self.unlinked,
            "area": self.area,
        }


@attrs.frozen
class Section:
    """One numbered section of the report (一、 ... 六、) or a subsection inside it."""

    number: int
    """1–6 for sections; the item number for subsections."""
    heading: str
    """The heading as written (markup removed)."""
    text: str
    """The body text, lines joined with newlines (tables included, as text)."""
    span: Span
    """Source lines from the heading to the last line of the body."""
    subsections: tuple[Section, ...] = ()
    """（一）/1. subsections found in prose sections."""

    def to_dict(self) -> dict[str, Any]:
        """The section as JSON-safe data: ``number``, ``heading``, ``text``, ``span``."""
        return {
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "span": self.span.as_list(),
        }


@attrs.frozen
class Attachment:
    """A link on the page to a file that may hold the report (a PDF, DOC, DOCX … attachment).

    Many sites publish a page whose body is one line and a link to the report; such a page gives
    a report without tables, with a ``page.links_to_report`` diagnostic naming these links, so a
    scraper knows what to fetch next."""

    url: str
    """The link, made absolute against the page's base URL when one is known (``<base>``, the
    page's canonical URL, or the ``url`` given to ``parse``), else as written."""
    text: str
    """The link's text (whitespace collapsed; may be empty)."""
    line: int
    """Source line of the link."""

    def to_dict(self) -> dict[str, Any]:
        """The attachment as JSON-safe data: ``url``, ``text``, ``line``."""
        return {"url": self.url, "text": self.text, "line": self.line}


@attrs.frozen
class Source:
    """Where a report was read from."""

    format: str = "text"
    """``"text"`` (plain text or Markdown), ``"html"``, ``"docx"`` or ``"pdf"``."""
    encoding: str | None = None
    """The encoding the bytes were decoded with (``"utf-8"``, ``"gb18030"`` ...); None for a str
    handed to ``parse`` and for DOCX and PDF, which carry their own."""
    name: str | None = None
    """The file name or path given to ``parse_file``/``parse_bytes``, or None."""

    def to_dict(self) -> dict[str, Any]:
        """Where the report was read from, as JSON-safe data: ``format``, ``encoding``, ``name``."""
        return {"format": self.format, "encoding": self.encoding, "name": self.name}


@attrs.frozen(repr=False)
class Report:
    """Everything read from one annual report."""

    title: str | None
    """The report's title as written, or None."""
    organ: str | None
    """The government organ that published it."""
    year: int | None
    """The year the report covers."""
    template: str | None
    """``"2019"``, ``"2021"``, ``"pre2019"``, or None when it cannot be told."""
    sections: tuple[Section, ...]
    """The numbered sections found, in document order."""
    active_disclosure: CanonicalTable | None
    """Table 2 (主动公开), or None when the report lacks it."""
    applications: CanonicalTable | None
    """Table 3 (收到和处理政府信息公开申请情况), or None."""
    review_litigation: CanonicalTable | None
    """Table 4 (行政复议、行政诉讼), or None."""
    extra_rows: tuple[ExtraRow, ...]
    """Rows outside the template, kept under their own labels."""
    tables: tuple[Table, ...]
    """Every table found, as rebuilt grids; nothing is dropped."""
    checks: tuple[Check, ...]
    """Every consistency rule evaluated (passed and failed)."""
    diagnostics: tuple[Diagnostic, ...]
    """Problems found and repairs made."""
    source: Source = Source()
    """The input's format and encoding, and the file's name when one was given."""
    statements: tuple[Statement, ...] = ()
    """The numbers the prose states (收到申请…件, 行政复议…件 ...), in document order; R7 checks
    each one linked to table cells."""
    attachments: tuple[Attachment, ...] = ()
    """An HTML page's links to report files (PDF, DOC, DOCX …), in page order; empty for other
    inputs."""

    def __repr__(self) -> str:
        """One line: what the report is and what was read (the data is in the fields)."""
        tables = [t.name for t in (self.active_disclosure, self.applications, self.review_litigation) if t]
        failed = len(self.failed_checks)
        return (
            f"Report(title={self.title!r}, organ={self.organ!r}, year={self.year!r}, "
            f"template={self.template!r}, tables={tables}, checks={len(self.checks)} ({failed} failed), "
            f"statements={len(self.statements)}, diagnostics={len(self.diagnostics)})"
        )

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        """The checks that fail, in :attr:`checks` order."""
        return tuple(c for c in self.checks if not c.passed)

    def to_dict(self, *, cells: bool = False) -> dict[str, Any]:
        """The report as JSON-safe data (the keys of docs/format.md §2).

        With ``cells=False`` (the default) every table value is an int, a number for money, or
        None; ``checks`` lists the failed rules only. With ``cells=True`` every value is a dict
        with its raw text, state, unit, line and note, and ``checks`` lists every rule evaluated.
        """

        def table(t: CanonicalTable | None) -> dict[str, Any] | None:
            return t.to_dict(cells=cells) if t is not None else None

        checks = self.checks if cells else self.failed_checks
        return {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "organ": self.organ,
            "year": self.year,
            "template": self.template,
            "sections": [s.to_dict() for s in self.sections],
            "active_disclosure": table(self.active_disclosure),
            "applications": table(self.applications),
            "review_litigation": table(self.review_litigation),
            "extra_rows": [r.to_dict(cells=cells) for r in self.extra_rows],
            "statements": [s.to_dict() for s in self.statements],
            "checks": [c.to_dict() for c in checks],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "source": self.source.to_dict(),
            "attachments": [a.to_dict() for a in self.attachments],
        }

    def to_json(self, *, cells: bool = False, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 text, Chinese kept as is)."""
        return json.dumps(self.to_dict(cells=cells), ensure_ascii=False, indent=indent)

    def to_records(self) -> list[dict[str, Any]]:
        """The table cells as tidy long rows (see :mod:`govinfo_report.records`)."""
        from .records import to_records

        return to_records(self)

    def to_frame(self) -> Any:
        """The tidy rows as a pandas ``DataFrame`` (needs the ``pandas`` extra)."""
        from .records import reports_to_frame

        return reports_to_frame([self])

    def _repr_html_(self) -> str:
        """The report in a notebook: metadata, the three tables, failing checks on their cells."""
        from ._show import report_html

        return report_html(self)


def _pair(name: str) -> tuple[str, str]:
    row, _, column = name.partition(":")
    return row, column


for _cls in (Check, Statement, Section, Attachment, Source, Report):
    _pickled_by_fields(_cls)

__all__ = [
    "MISSING",
    "SCHEMA_VERSION",
    "Attachment",
    "CanonicalTable",
    "Cell",
    "CellState",
    "Check",
    "Diagnostic",
    "ExtraRow",
    "GridCell",
    "Number",
    "Report",
    "Row",
    "Section",
    "Severity",
    "Source",
    "Span",
    "Statement",
    "Table",
]
