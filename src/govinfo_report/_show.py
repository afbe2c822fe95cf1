"""A report for people: the canonical tables as aligned text (``govinfo-report show``) and as
HTML (``Report._repr_html_`` in notebooks).

A blank, a placeholder, text and a missing cell are each shown their own way, never as 0; a cell
where a consistency rule fails is marked, with the rule.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterator

from ._vocab import CHINESE_DIGITS, SECTION_TABLE, TABLE_LABELS
from .model import CanonicalTable, Cell, CellState, Check, Report, Statement

TITLES: dict[str, str] = {
    kind: f"{CHINESE_DIGITS[number]}、{TABLE_LABELS[kind]} ({kind})" for number, kind in SECTION_TABLE.items()
}
"""A table's heading: its section's number, label and key (``二、主动公开… (active_disclosure)``)."""

BLANK = "·"
MISSING = "?"
FAILED = "!"
LEGEND = (
    f"{BLANK} blank   {MISSING} missing (not read)   / — 无 … placeholder as printed   "
    f"‹…› text   {FAILED} disputed: a rule fails on this cell"
)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int, right: bool) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def _clip(text: str, size: int) -> str:
    out = ""
    for ch in text:
        if width(out + ch) > size - 1:
            return out + "…"
        out += ch
    return out


def cell_text(cell: Cell) -> str:
    """How a cell is shown: its number, or a mark that says why it has none."""
    if cell.state is CellState.NUMBER:
        return cell.raw.strip() if cell.value is None else str(cell.value)
    if cell.state is CellState.BLANK:
        return BLANK
    if cell.state is CellState.PLACEHOLDER:
        return cell.raw.strip()
    if cell.state is CellState.MISSING:
        return MISSING
    return f"‹{_clip(cell.raw.strip(), 10)}›"


def _failing(report: Report) -> dict[tuple[str, str], list[Check]]:
    """Failed checks by (table, ``row:column``) of every cell they involve."""
    out: dict[tuple[str, str], list[Check]] = {}
    for check in report.failed_checks:
        for name in check.cells:
            out.setdefault((check.table, name), []).append(check)
    return out


def _tables(report: Report) -> Iterator[CanonicalTable]:
    for name in TABLE_LABELS:
        table: CanonicalTable | None = getattr(report, name)
        if table is not None:
            yield table


def _columns(table: CanonicalTable) -> list[str]:
    present = {key for row in table.rows for key, _ in row.cells}
    return [c for c in table.columns if c in present]


def _header(report: Report) -> list[str]:
    facts = [
        f"organ {report.organ or '?'}",
        f"year {report.year if report.year is not None else '?'}",
        f"template {report.template or '?'}",
        f"source {report.source.format}" + (f" {report.source.name}" if report.source.name else ""),
    ]
    return [report.title or "(no title)", " · ".join(facts)]


def report_text(report: Report) -> str:
    """The report's metadata and canonical tables as aligned text, with a legend."""
    lines = _header(report)
    for table in _tables(report):
        columns = _columns(table)
        grid = [["row", *columns]]
        for row in table.rows:
            cells = dict(row.cells)
            texts = []
            for column in columns:
                cell = cells.get(column)
                mark = FAILED if cell is not None and cell.disputed else ""
                texts.append("" if cell is None else cell_text(cell) + mark)
            grid.append([row.key, *texts])
        sizes = [max(width(r[i]) for r in grid) for i in range(len(grid[0]))]
        lines += ["", TITLES[table.name]]
        for r in grid:
            lines.append("  ".join(_pad(t, sizes[i], right=i > 0) for i, t in enumerate(r)).rstrip())
    if report.extra_rows:
        lines += ["", "local rows (extra_rows)"]
        for extra in report.extra_rows:
            values = "  ".join(cell_text(c) for c in extra.cells)
            lines.append(f"{extra.table}  {extra.label}  {values}".rstrip())
    if report.statements:
        lines += ["", "numbers the prose states (R7 checks the linked ones)"]
        lines += [f"  {text}" for text in _statements(report)]
    failed = report.failed_checks
    lines += ["", f"checks: {len(report.checks) - len(failed)} passed, {len(failed)} failed"]
    lines += [f"  {c.rule} {c.table} {c.target}: {c.message}" for c in failed]
    lines += ["", LEGEND]
    return "\n".join(lines) + "\n"


def _statements(report: Report) -> list[str]:
    """One line per statement: where, what, the cells it speaks of and R7's verdict, or why it
    speaks of none."""
    r7 = [c for c in report.checks if c.rule == "R7"]
    out = []
    for statement in report.statements:
        head = f"line {statement.line}: {statement.phrase}"
        if statement.unlinked is not None:
            out.append(f"{head} (no cell: {statement.unlinked})")
            continue
        check = next((c for c in r7 if _checks(c, statement)), None)
        cells = " or ".join(" + ".join(scope) for scope in statement.scopes)
        verdict = "not checked" if check is None else "R7 holds" if check.passed else "R7 FAILS"
        out.append(f"{head} → {statement.table} {cells}: {verdict}")
    return out


def _checks(check: Check, statement: Statement) -> bool:
    """Whether ``check`` is R7 on ``statement``: its line, its number, cells of its scopes."""
    names = {name for scope in statement.scopes for name in scope}
    return (
        check.line == statement.line
        and check.expected is not None
        and check.expected == statement.value
        and check.table == statement.table
        and set(check.cells) <= names
    )


_STYLE = (
    "<style>.govinfo td,.govinfo th{padding:2px 6px;text-align:right}"
    ".govinfo th.row,.govinfo td.row{text-align:left}"
    ".govinfo .blank,.govinfo .missing{color:#888}.govinfo .failed{background:#fdd}</style>"
)


def report_html(report: Report) -> str:
    """The report as HTML for a notebook: metadata, the tables, failing cells highlighted with
    their rules as tooltips, the failed checks listed."""
    esc = html.escape
    failing = _failing(report)
    head, facts = _header(report)
    parts = [_STYLE, '<div class="govinfo">', f"<strong>{esc(head)}</strong><br><small>{esc(facts)}</small>"]
    for table in _tables(report):
        columns = _columns(table)
        parts.append(f"<p><strong>{esc(TITLES[table.name])}</strong></p><table>")
        parts.append(
            '<tr><th class="row">row</th>' + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr>"
        )
        for row in table.rows:
            cells = dict(row.cells)
            out = [f'<td class="row" title="{esc(row.label)}">{esc(row.key)}</td>']
            for column in columns:
                cell = cells.get(column)
                if cell is None:
                    out.append("<td></td>")
                    continue
                checks = failing.get((table.name, f"{row.key}:{column}"), [])
                classes = [cell.state.value] + (["failed"] if cell.disputed else [])
                tip = "; ".join(f"{c.rule}: {c.message}" for c in checks) or f"raw: {cell.raw!r}"
                out.append(f'<td class="{" ".join(classes)}" title="{esc(tip)}">{esc(cell_text(cell))}</td>')
            parts.append("<tr>" + "".join(out) + "</tr>")
        parts.append("</table>")
    if report.statements:
        items = "".join(f"<li>{esc(text)}</li>" for text in _statements(report))
        parts.append(f"<p>numbers the prose states (R7 checks the linked ones)</p><ul>{items}</ul>")
    failed = report.failed_checks
    parts.append(f"<p>checks: {len(report.checks) - len(failed)} passed, {len(failed)} failed</p>")
    if failed:
        items = "".join(
            f"<li>{esc(c.rule)} {esc(c.table)} {esc(c.target)}: {esc(c.message)}</li>" for c in failed
        )
        parts.append(f"<ul>{items}</ul>")
    parts.append(f"<p><small>{esc(LEGEND)}</small></p></div>")
    return "".join(parts)


__all__ = ["cell_text", "report_html", "report_text", "width"]
