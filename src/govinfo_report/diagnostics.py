"""The catalogue of diagnostic codes. Codes are stable: tools may match on them."""

from __future__ import annotations

from .model import Diagnostic, Severity, Span

CATALOGUE: dict[str, tuple[Severity, str]] = {
    # input and normalisation
    "input.empty": (Severity.ERROR, "The input holds no text."),
    "input.not_a_report": (Severity.ERROR, "No report structure (title, sections or tables) was found."),
    "input.undecodable": (
        Severity.WARNING,
        "Some bytes could not be decoded; each was replaced by U+FFFD and the rest was read.",
    ),
    "page.links_to_report": (
        Severity.ERROR,
        "The page holds neither the report's tables nor its text, only links to files that may hold "
        "it (PDF, DOC, DOCX …); the message names them, and Report.attachments lists them.",
    ),
    "input.charset_mismatch": (
        Severity.INFO,
        "The declared charset does not fit the bytes; the encoding that does was used.",
    ),
    "input.format_mismatch": (
        Severity.INFO,
        "The file name's extension names another format than the content; the content decided.",
    ),
    "input.pages_without_text": (
        Severity.WARNING,
        "Some PDF pages have no text layer (scanned images); their content was not read.",
    ),
    # raised as InputError by parse_file / parse_bytes (never found in Report.diagnostics)
    "input.unsupported_format": (
        Severity.ERROR,
        "The file is not HTML, text, DOCX or PDF (for example a legacy .doc or an image).",
    ),
    "input.too_large": (Severity.ERROR, "The input is larger than the size limit and was not read."),
    "input.unsafe_archive": (
        Severity.ERROR,
        "The DOCX archive exceeds the member, size or compression-ratio limits (a zip bomb?).",
    ),
    "input.unsafe_xml": (Severity.ERROR, "The DOCX holds XML with a DTD or entity declarations."),
    "input.corrupt": (Severity.ERROR, "The file is damaged and cannot be opened."),
    "input.overprinted": (
        Severity.WARNING,
        "A PDF page prints text over different text; no number is read from the glyphs involved.",
    ),
    "input.encrypted": (Severity.ERROR, "The PDF needs a password that is not the empty one."),
    "input.no_text_layer": (
        Severity.ERROR,
        "The PDF has no text layer (a scan); OCR it first and parse the text.",
    ),
    "input.missing_extra": (Severity.ERROR, "Reading this format needs an optional dependency."),
    "limits.input_truncated": (Severity.ERROR, "The input is longer than the limit; the rest was not read."),
    "limits.table_truncated": (
        Severity.ERROR,
        "A table has more rows or cells than the limit; the rest was not read.",
    ),
    "limits.pdf_pages": (
        Severity.ERROR,
        "The PDF has more pages than the limit; the rest were not read.",
    ),
    "limits.pdf_ruling": (
        Severity.WARNING,
        "A PDF page draws more ruling lines than the limit; its tables were read from the text only.",
    ),
    "limits.pdf_objects": (
        Severity.ERROR,
        "A PDF page holds more characters or objects than the limits; the rest were not read.",
    ),
    "limits.pdf_time": (
        Severity.ERROR,
        "The PDF took longer to read than the time limit; the pages after it were not read.",
    ),
    "limits.span_clamped": (
        Severity.WARNING,
        "A table cell's rowspan/colspan is malformed or larger than the limit; it was clamped.",
    ),
    "limits.split_truncated": (Severity.WARNING, "Too many readings of run-together cells to enumerate."),
    "limits.row_cells": (Severity.WARNING, "A row has more cells than any table row; it was not read."),
    "limits.row_readings": (
        Severity.WARNING,
        "A row's printed cells have more readings than the limit; its cells were left missing.",
    ),
    "limits.readings": (
        Severity.WARNING,
        "Rows in doubt have more combinations of readings than the limit; each was decided alone.",
    ),
    "normalize.page_footer": (Severity.INFO, "Page footers (- 3 -) were removed."),
    "normalize.crawler_chrome": (Severity.INFO, "Crawler or page chrome lines were removed."),
    "normalize.hidden_markup": (
        Severity.INFO,
        "Hidden markup (display:none, visibility:hidden, the hidden attribute; Word's hidden text) "
        "was skipped, as a browser or Word skips it.",
    ),
    "normalize.artefact": (Severity.INFO, "Word artefacts such as [bookmark: _GoBack] were removed."),
    "normalize.markup": (Severity.INFO, "Stray HTML tags in the text (<br>, <p>, &nbsp;) were removed."),
    "normalize.inline_heading": (
        Severity.INFO,
        "A section heading inside a longer line was split onto its own line.",
    ),
    "normalize.table_placeholder": (
        Severity.WARNING,
        "A converter printed [TABLE] where a table was (pandoc's plain text of a table it cannot "
        "draw): that table's cells are not in the text; convert the original another way.",
    ),
    "normalize.frame": (
        Severity.INFO,
        "A page laid out in a one-cell table drawn as a text grid (pandoc's plain text) was taken "
        "out of its frame.",
    ),
    "normalize.flat_table": (
        Severity.INFO,
        "A Markdown table written on one line (markitdown's table inside a table) was cut into "
        "one cell per line; its rows are read by their labels.",
    ),
    # sections and metadata
    "sections.heading_misspelt": (
        Severity.INFO,
        "A section heading a character or two off the format's wording (one added, dropped, "
        "changed, or two swapped) was read as that section.",
    ),
    "sections.missing": (Severity.WARNING, "A section of the national format was not found."),
    "sections.duplicate": (Severity.INFO, "A section heading appears twice; the repeats were merged."),
    "sections.out_of_order": (Severity.WARNING, "A section heading appears out of order."),
    "meta.no_title": (Severity.WARNING, "No report title was found."),
    "meta.no_year": (Severity.WARNING, "The report year could not be read from the title."),
    # templates and tables
    "template.unknown": (Severity.WARNING, "The template (2019 or 2021) could not be told from the labels."),
    "template.mixed": (Severity.WARNING, "Labels of both templates appear; the majority decided."),
    "template.pre2019": (Severity.INFO, "A pre-2019 report: no national schema is applied."),
    "table.missing": (Severity.WARNING, "A statistical table of the national format was not found."),
    "table.out_of_order": (
        Severity.WARNING,
        "Cells of a table came out of row order (PDF text printed column by column, as pdfminer "
        "does, or rows' labels printed apart from their values): values whose row is not told "
        "were left unpaired, their cells missing.",
    ),
    "table.unreadable": (Severity.ERROR, "A table region was found but no layout strategy could rebuild it."),
    "table.joined": (Severity.INFO, "A table printed in several pieces was read as one, in document order."),
    "table.readings_disagree": (
        Severity.WARNING,
        "A PDF's ruled grid and its text read cells of a table differently; those cells were left missing.",
    ),
    "table.ruled_rejected": (
        Severity.INFO,
        "A PDF's ruled table fits the template less well than its text; the text was used.",
    ),
    "table.header_columns": (Severity.INFO, "The header names an extra column (法人或其他组织小计)."),
    # rows
    "row.missing": (Severity.WARNING, "A row of the template was not found; its cells are missing."),
    "row.duplicate": (Severity.WARNING, "A row label appears twice; the first row was kept."),
    "row.fuzzy_label": (Severity.INFO, "A row label was matched despite differences in its text."),
    "row.numbered_label": (Severity.INFO, "A row label was identified by its item number within its group."),
    "row.extra": (Severity.INFO, "A row outside the template was kept under its own label."),
    "row.bound_by_order": (Severity.WARNING, "Values printed apart from their label were paired by order."),
    "row.label_holds_numbers": (
        Severity.WARNING,
        "A row's label holds numbers: cells ran into it (its own or another row's) and are not read.",
    ),
    "row.unbound_values": (
        Severity.ERROR,
        "Values could not be paired with a row label; they were not used.",
    ),
    "row.other_template": (
        Severity.WARNING,
        "A row of the other template's table; kept as an extra row, never re-keyed.",
    ),
    "row.single_other": (
        Severity.INFO,
        "A 2021 report uses the single 2019 （六）其他处理 row; kept as other.",
    ),
    # cells
    "cells.extra_columns": (
        Severity.WARNING,
        "A row has more cells than the template; the extra ones were dropped.",
    ),
    "cells.extra_columns_ambiguous": (
        Severity.ERROR,
        "A row has more cells than the template and no reading is certain; left missing.",
    ),
    "cells.aligned_by_column": (
        Severity.INFO,
        "Blank cells at both ends of a row; its values placed in the columns the other rows use.",
    ),
    "cells.split_by_syntax": (
        Severity.WARNING,
        "Cells run together were split where the digits allow one reading only (no rule).",
    ),
    "cells.too_few": (
        Severity.ERROR,
        "A row has fewer cells than the template; its cells were left missing.",
    ),
    "cells.run_together_split": (
        Severity.WARNING,
        "Cells run together were split; arithmetic left one reading.",
    ),
    "cells.run_together_ambiguous": (
        Severity.ERROR,
        "Cells run together have several readings; they were left missing.",
    ),
    "cells.ambiguous": (
        Severity.ERROR,
        "A row's printed cells have several readings that the rules leave; the cells where they "
        "differ were left missing.",
    ),
    "cells.repaired": (
        Severity.WARNING,
        "A row's printed cells were read as damaged (a cell lost, added, joined or split); the "
        "rules leave that reading only.",
    ),
    "cells.unconfirmed": (
        Severity.ERROR,
        "A row its layout does not vouch for takes part in a failing rule; its cells were left missing.",
    ),
    "cells.fixed_by_prose": (
        Severity.WARNING,
        "A number the prose states chose between a row's readings (it agrees with some and "
        "contradicts the others), or kept a cell only the row's own rule chose; the message names "
        "the statement's line.",
    ),
    "cells.text": (Severity.WARNING, "A cell holds text where a number was expected."),
    "cells.annotated": (Severity.INFO, "A cell holds a number with an annotation; both were kept."),
    # checks
    "check.failed": (
        Severity.WARNING,
        "A consistency rule (勾稽关系, R1–R5, R9) does not hold, or a number the prose states "
        "differs from its cells (R7; the message names both lines).",
    ),
}


def diag(code: str, message: str | None = None, span: Span | None = None) -> Diagnostic:
    """A diagnostic of a catalogued code; ``message`` defaults to the catalogue's sentence."""
    severity, summary = CATALOGUE[code]
    return Diagnostic(code=code, severity=severity, message=message or summary, span=span)


def catalogue_markdown() -> str:
    """``docs/diagnostics.md``, generated: ``python -m govinfo_report.diagnostics > docs/diagnostics.md``."""
    lines = [
        "# Diagnostics catalogue",
        "",
        "Every problem found or repair made while parsing is a `Diagnostic` with a stable `code`,",
        "a `severity`, a one-sentence `message` naming the row or cell, and the source `lines`",
        "(1-based, inclusive). `parse(text, strict=True)` raises `ParseError` (a `ValueError`)",
        "carrying the **error** diagnostics. Codes are stable: match on them, not on messages.",
        "",
        "This page is generated from `govinfo_report.diagnostics.CATALOGUE`",
        "(`python -m govinfo_report.diagnostics > docs/diagnostics.md`); a test keeps them equal.",
        "",
        "| code | severity | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{code}` | {severity.value} | {text} |" for code, (severity, text) in CATALOGUE.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(catalogue_markdown(), end="")
