"""Pages made from the code, so that they cannot drift from it: the schema reference
(``python -m govinfo_report._reference > docs/schema.md``, from the vocabulary the parser uses)
and the layouts gallery (``python -m govinfo_report._reference layouts > docs/layouts.md``, each
example parsed by the library itself)."""

from __future__ import annotations

import json
import sys

from ._vocab import (
    AD_COLUMN_LABELS,
    AD_COLUMNS,
    AD_ROWS,
    APP_COLUMNS_WITH_SUBTOTAL,
    APP_ROWS,
    BLOCK_LABELS,
    COLUMN_LABELS,
    RL_COLUMNS,
    RL_GROUPS,
    ROW_LABELS,
    SECTION_KEYWORDS,
    TABLE_LABELS,
)

_SUBTOTALS = ("withheld", "unavailable", "not_processed")


def _templates(templates: frozenset[str]) -> str:
    return "both" if len(templates) == 2 else ", ".join(sorted(templates))


_TEMPLATES = """## Templates

| template | source | years |
|---|---|---|
| `2019` | 国办公开办函〔2019〕60号 | 2019 and 2020 reports |
| `2021` | 国办公开办函〔2021〕30号 | 2021 reports on |
| `pre2019` | none (2008–2018: prose, local sheets) | no national tables; sections and raw tables only |

The template is told from the table labels, not from the year: organs use the wrong one. The two
templates are **not** interchangeable: keys of one are never mapped onto the other."""


def schema_markdown() -> str:
    out = [
        "# Schema reference: canonical keys ↔ Chinese labels",
        "",
        "Every key of `Report.to_dict()`'s three tables, with the label the national templates print.",
        "Made from the vocabulary (`_vocab.py`) by `python -m govinfo_report._reference > docs/schema.md`;",
        "a test keeps the two equal. Values are described in [values.md](values.md); `to_records()`",
        "rows ([batch.md](batch.md)) use the same keys.",
        "",
        _TEMPLATES,
        "",
        f"## `active_disclosure` — {TABLE_LABELS['active_disclosure']}",
        "",
        'A row key is `BLOCK/ROW` (`art20_1/rules`); `to_dict()` nests it: `{"art20_1": {"rules": {...}}}`.',
        "Local rows (其他主动公开文件, `…发布总数量：0`) are kept in `extra_rows` under their own label.",
    ]
    for template, blocks in AD_COLUMNS.items():
        labels = AD_COLUMN_LABELS[template]
        out += ["", f"### Template {template}", "", "| block | rows | columns |", "|---|---|---|"]
        for block, columns in blocks.items():
            rows = "; ".join(
                f"`{spec.key}` {ROW_LABELS[f'{block}/{spec.key}']}"
                for spec in AD_ROWS
                if spec.block == block and template in spec.templates
            )
            names = "; ".join(f"`{c}` {labels[c]}" for c in columns)
            out.append(f"| `{block}` {BLOCK_LABELS[block]} | {rows} | {names} |")
    out += [
        "",
        f"## `applications` — {TABLE_LABELS['applications']}",
        "",
        "### Columns (applicant types), in order",
        "",
        "| key | label |",
        "|---|---|",
        *(f"| `{c}` | {COLUMN_LABELS['applications'][c]} |" for c in APP_COLUMNS_WITH_SUBTOTAL),
        "",
        "### Rows",
        "",
        "| key | label | templates |",
        "|---|---|---|",
    ]
    for spec in APP_ROWS:
        if spec.group in _SUBTOTALS and spec.number == 1:
            out.append(f"| `{spec.group}` | {ROW_LABELS[spec.group]} | both |")
        if spec.key == "other.no_correction":
            out.append(f"| `other` | {ROW_LABELS['other']} | both |")
        out.append(f"| `{spec.key}` | {ROW_LABELS[spec.key]} | {_templates(spec.templates)} |")
    out += [
        "",
        "Organs sometimes print the 2019 single （六）其他处理 row inside an otherwise-2021 report; it is",
        "accepted as `other` (`row.single_other`).",
        "",
        f"## `review_litigation` — {TABLE_LABELS['review_litigation']}",
        "",
        "One printed row of 15 numbers in three groups; each group is a row here.",
        "",
        "| row | label |",
        "|---|---|",
        *(f"| `{g}` | {ROW_LABELS[g]} |" for g in RL_GROUPS),
        "",
        "| column | label |",
        "|---|---|",
        *(f"| `{c}` | {COLUMN_LABELS['review_litigation'][c]} |" for c in RL_COLUMNS),
        "",
        "## Sections",
        "",
        "A line `一、`…`六、` is a section heading when its text holds one of these words:",
        "",
        "| number | words |",
        "|---|---|",
        *(f"| {n} | {'、'.join(words)} |" for n, words in SECTION_KEYWORDS.items()),
        "",
    ]
    return "\n".join(out)


_HEAD = "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"

LAYOUT_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Tika cells",
        "Apache Tika's text of a Word table: each cell on a line after a tab, a blank line after each "
        "row; an empty cell is a lone tab.",
        "\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t0\n\t\n\t3\n\n"
        "\t行政规范性文件\n\t5\n\t1\n\t27\n\n",
    ),
    (
        "Pipe rows split across lines",
        "An HTML-to-text tool's pipe rows: a row opens with `| label`, cells follow `|` lines.",
        "| 信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n现行有效件数\n|\n| 规章\n|\n0\n|\n|\n3\n|\n"
        "| 行政规范性文件\n|\n5\n|\n1\n|\n27\n|\n",
    ),
    (
        "Tab rows",
        "A word processor's text: a row per line, cells apart by tabs, each row ending in one (the "
        "tool's habit, so no cell). A trailing tab on one row only would leave its blank cell in "
        "doubt: a separator, or an empty cell too many inside the row.",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\t\n规章\t0\t\t3\t\n行政规范性文件\t5\t1\t27\t\n",
    ),
    (
        "Markdown",
        "A pipe table; a placeholder (`/`) is not a number.",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
        "| 规章 | 0 | / | 3 |\n| 行政规范性文件 | 5 | 1 | 27 |\n",
    ),
    (
        "Markdown without a separator row",
        "trafilatura's Markdown and text of a page: whole `| a | b |` rows padded with empty "
        "cells, no `|---|` line.",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | \n| 规章 | 0 |  | 3 | \n"
        "| 行政规范性文件 | 5 | 1 | 27 | \n",
    ),
    (
        "Markdown without outer pipes",
        "html2text's tables: `a| b| c` rows, a `---|---` line after the first row, merged cells "
        "written once.",
        "信息内容| 本年制发件数| 本年废止件数| 现行有效件数\n---|---|---|---\n规章| 0| | 3\n"
        "行政规范性文件| 5| 1| 27\n",
    ),
    (
        "One cell per line",
        "docx2txt's and mammoth's text of a Word table, plain pdftotext's of a PDF: every cell a "
        "paragraph of its own, no mark where a row ends. A row is a label and the values after it; "
        "a blank cell leaves no trace (a blank line at most), so a row short of values is read "
        "only as far as the rules settle it.",
        "信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n0\n\n\n\n3\n\n"
        "行政规范性文件\n\n5\n\n1\n\n27\n",
    ),
    (
        "Markdown table on one line",
        "markitdown's Markdown of a table inside a table's cell: its rows side by side on one line. "
        "Where a row ends is not shown, so the cells are read one per line.",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | | --- | --- | --- | --- | "
        "| 规章 | 0 | | 3 | | 行政规范性文件 | 5 | 1 | 27 |\n",
    ),
    (
        "Markdown of guessed columns",
        "markitdown's and pymupdf4llm's Markdown of a PDF: tables whose columns were guessed from "
        "the text's positions, two numbers in one cell, columns no row fills; read as PDF text.",
        "|     | 信息内容 |     | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 规章 |     | 0 3 |     |     |     |\n"
        "| 行政规范性文件 |     | 5 1 | 27 |     |     |\n",
    ),
    (
        "Page in a one-cell frame",
        "pandoc's plain text of a page laid out in a one-cell table: the frame is taken off and "
        "what it holds is read as text (its tables too).",
        "+--------------------------------------------------------------+\n"
        "| +----------------+------------+------------+------------+ |\n"
        "| | 信息内容       | 本年制发件 | 本年废止件 | 现行有效件 | |\n"
        "| |                | 数         | 数         | 数         | |\n"
        "| +----------------+------------+------------+------------+ |\n"
        "| | 规章           | 0          |            | 3          | |\n"
        "| +----------------+------------+------------+------------+ |\n"
        "| | 行政规范性文件 | 5          | 1          | 27         | |\n"
        "| +----------------+------------+------------+------------+ |\n"
        "+--------------------------------------------------------------+\n",
    ),
    (
        "Box-drawing rules",
        "A text browser's table (w3m): rules drawn with box characters, a wide character two "
        "columns wide, a cell's text wrapped inside its box.",
        "┌──────────────┬────────┬────────┬────────┐\n"
        "│信息内容      │本年制发│本年废止│现行有效│\n"
        "│              │件数    │件数    │件数    │\n"
        "├──────────────┼────────┼────────┼────────┤\n"
        "│规章          │   0    │        │   3    │\n"
        "├──────────────┼────────┼────────┼────────┤\n"
        "│行政规范性文件│   5    │   1    │   27   │\n"
        "└──────────────┴────────┴────────┴────────┘\n",
    ),
    (
        "PDF text",
        "pdfplumber's text: cells apart by spaces, a blank cell gone, a label apart from its numbers.",
        "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 3\n行政规范性文件\n5 1 27\n",
    ),
    (
        "Cells run together",
        "A crawler's dump: no separator at all; only the digits' syntax or a rule may split a run, "
        "and a run with several readings is left missing.",
        "信息内容本年制发件数本年废止件数现行有效件数\n规章003\n行政规范性文件5127\n"
        "第二十条第（五）项\n信息内容本年处理决定数量\n行政许可1024\n",
    ),
)
"""(name, what it is, the text after a title and 第二十条第（一）项): the layouts gallery."""


def layouts_markdown() -> str:
    from ._pipeline import parse

    out = [
        "# Layouts gallery",
        "",
        "The same two rows of table 2 in each text layout the library reads: the text, the grid the",
        "layout's strategy rebuilt, and the values read. Generated by",
        "`python -m govinfo_report._reference layouts > docs/layouts.md` (a test keeps it equal); HTML,",
        "DOCX and ruled PDF tables are read from their markup or ruling, see [formats.md](formats.md).",
    ]
    for name, what, body in LAYOUT_EXAMPLES:
        report = parse(_HEAD + body)
        out += ["", f"## {name}", "", what, "", "```text", body.rstrip("\n").replace("\t", "→"), "```", ""]
        for table in report.tables:
            out.append(f"Grid (strategy `{table.strategy}`), a row per line, cells apart by ` ¦ `:")
            out += ["", "```text", *(" ¦ ".join(c.text for c in row) for row in table.rows), "```", ""]
        values = report.active_disclosure.to_dict()["art20_1"] if report.active_disclosure else None
        out += [
            "Values (`to_dict()['active_disclosure']['art20_1']`):",
            "",
            "```json",
            json.dumps(values, ensure_ascii=False),
            "```",
        ]
        notes = [d for d in report.diagnostics if d.code.startswith(("cells.", "row.bound", "row.unbound"))]
        if notes:
            out += ["", "Diagnostics:", "", *(f"* `{d.code}`: {d.message}" for d in notes)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(layouts_markdown() if sys.argv[1:] == ["layouts"] else schema_markdown(), end="")
