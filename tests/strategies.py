"""Hypothesis strategies for canonical reports, and renderers for the layouts the library reads.

A drawn report has consistent numbers (each column: new + carried over = results + carried
forward; totals are sums), realistic magnitudes, and, in table 2, blanks, placeholders and money
with units. ``LAYOUTS`` renders one report into each layout; ``tests/test_roundtrip.py`` parses
them back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from render import (
    Canonical,
    Row,
    _result_keys,
    blocks,
    consistent,
    to_docx,
    to_html,
    to_text,
)

counts = st.one_of(st.integers(0, 9), st.integers(0, 999), st.integers(0, 99_999))
"""Mostly small counts, some large (a city's 行政处罚 runs to millions: see corpus 003)."""


@st.composite
def applicant_row(draw: Any, small: bool = False) -> list[int]:
    top = 20 if small else 3000
    return [draw(st.integers(0, top)) if draw(st.booleans()) else 0 for _ in range(6)]


@st.composite
def reports(draw: Any, template: str | None = None) -> Canonical:
    template = template or draw(st.sampled_from(["2021", "2019"]))
    results = {key: draw(applicant_row(small=True)) for key in _result_keys(template)}
    total = [sum(column) for column in zip(*results.values(), strict=True)]
    carried_over = [draw(st.integers(0, t)) for t in total]  # so that new requests are never negative
    applications = consistent(results, carried_over, [draw(st.integers(0, 30)) for _ in total])
    review = {
        g: [draw(st.integers(0, 30)) for _ in range(4)]
        for g in ("review", "litigation_direct", "litigation_after_review")
    }

    def cell(money: bool = False, signed: bool = False) -> str:
        kind = draw(st.sampled_from(["number"] * 6 + ["blank", "placeholder"]))
        if kind == "blank":
            return ""
        if kind == "placeholder":
            return draw(st.sampled_from(["/", "—", "无"]))
        if money:
            return str(draw(st.decimals(0, 100_000, places=2, allow_nan=False, allow_infinity=False)))
        value = draw(counts)
        return str(-value if signed and draw(st.booleans()) else value)

    if template == "2021":
        active = {
            "art20_1": {"rules": [cell(), cell(), cell()], "normative_documents": [cell(), cell(), cell()]},
            "art20_5": {"administrative_license": [cell()]},
            "art20_6": {"administrative_penalty": [cell()], "administrative_coercion": [cell()]},
            "art20_8": {"administrative_fees": [cell(money=True)]},
        }
    else:
        active = {
            "art20_1": {"rules": [cell(), cell(), cell()], "normative_documents": [cell(), cell(), cell()]},
            "art20_5": {
                "administrative_license": [cell(), cell(signed=True), cell()],
                "other_external_management": [cell(), cell(signed=True), cell()],
            },
            "art20_6": {
                "administrative_penalty": [cell(), cell(signed=True), cell()],
                "administrative_coercion": [cell(), cell(signed=True), cell()],
            },
            "art20_8": {"administrative_fees": [cell(), cell(signed=True)]},
            "art20_9": {"centralized_procurement": [cell(), cell(money=True)]},
        }
    year = draw(st.integers(2021, 2025)) if template == "2021" else draw(st.integers(2019, 2020))
    organ = draw(st.sampled_from(["某市某某局", "某县人民政府", "某区医疗保障局"]))
    return Canonical(template, organ, year, applications, review, active)


# --- layouts -------------------------------------------------------------------------------------


def _rows_as_text(report: Canonical, row: Callable[[Row], list[str]]) -> list[str]:
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines.append(block)
        else:
            for cells in block:
                lines.extend(row(cells))
    return lines


def to_tika(report: Canonical) -> str:
    """Apache Tika's text of a Word table: every cell on its own line after a tab, a blank line
    after each row."""
    return "\n".join(_rows_as_text(report, lambda cells: [*(f"\t{c.text}" for c in cells), ""])) + "\n"


def to_markdown(report: Canonical) -> str:
    """A Markdown pipe table per table; merged cells written once, rows as wide as they come."""
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines += [block, ""]
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        for i, cells in enumerate(block):
            texts = [c.text for c in cells] + [""] * (width - len(cells))
            lines.append("| " + " | ".join(texts) + " |")
            if i == 0:
                lines.append("|" + "---|" * width)
        lines.append("")
    return "\n".join(lines)


def to_split_pipes(report: Canonical) -> str:
    """Pipe rows broken after every cell, the way some HTML-to-text tools wrap them."""
    return "\n".join(_rows_as_text(report, lambda cells: [*(f"| {c.text}" for c in cells), "|"])) + "\n"


def to_run_together(report: Canonical) -> str:
    """A crawler's text dump: every row on one line, its cells run together with no separator."""
    return "\n".join(_rows_as_text(report, lambda cells: ["".join(c.text for c in cells)])) + "\n"


def to_pdf_file(report: Canonical) -> bytes:
    from pdfwriter import to_pdf

    return to_pdf(report)


def to_pdf_open(report: Canonical) -> bytes:
    """A PDF whose tables have no outer side borders: pdfplumber loses a column of the grids,
    so the tables are read from the PDF's text (labels apart from numbers, wrapped cells)."""
    from pdfwriter import to_pdf

    return to_pdf(report, open_sides="both")


LAYOUTS: dict[str, Callable[[Canonical], str | bytes]] = {
    "pdf open borders": to_pdf_open,
    "run together": to_run_together,
    "pdf": to_pdf_file,
    "split pipes": to_split_pipes,
    "tabs": to_text,
    "tika": to_tika,
    "markdown": to_markdown,
    "html": to_html,
    "docx": to_docx,
}

STRATEGIES: dict[str, set[str]] = {
    "split pipes": {"pipe"},
    "run together": {"runtogether", "pdftext"},
    "pdf open borders": {"pdftext"},
}
"""The strategies that may rebuild a layout's tables, where they differ from the layout's name
(table 4's fifteen glued numbers, on a line of their own, read as a PDF-text row)."""


# --- perturbations, the way extraction tools damage text -------------------------------------------

HEADING = ("一、", "二、", "三、", "四、", "五、", "六、")


@st.composite
def perturbed(draw: Any, text: str, layout: str = "tabs") -> str:
    """``text`` damaged the way real extraction tools damage it: heading markup, page footers
    between lines, Word artefacts before values, half-width brackets, odd spaces and Windows
    newlines; in tab rows a trailing tab, in Tika cells a long label wrapped onto the next line.
    None of these changes a value."""
    lines = text.split("\n")
    out: list[str] = []
    page = draw(st.integers(1, 9))
    for line in lines:
        if line.startswith(HEADING) and "\t" not in line:
            line = draw(st.sampled_from([line, f"**{line}**", f"# {line}", f"### {line}", f" {line} "]))
        if draw(st.integers(0, 30)) == 0:
            out.append(draw(st.sampled_from([f"- {page} -", f"第 {page} 页", f"—{page}—"])))
            page += 1
        if "\t" in line:
            cells = line.split("\t")
            for i, cell in enumerate(cells):
                if cell.strip().lstrip("-").isdigit() and draw(st.integers(0, 20)) == 0:
                    cells[i] = "[bookmark: _GoBack]" + cell
            line = "\t".join(cells)
            if layout == "tabs" and draw(st.integers(0, 10)) == 0:
                line += "\t"
            label = line[1:]
            wraps = any("\u4e00" <= ch <= "\u9fff" for ch in label)  # text wraps; numbers do not
            if layout == "tika" and len(label) > 6 and wraps and draw(st.integers(0, 4)) == 0:
                cut = draw(st.integers(2, len(label) - 2))
                line = "\t" + label[:cut] + "\n" + label[cut:]  # Tika continues a cell on the next line
        if draw(st.integers(0, 5)) == 0:
            line = line.replace("（", "(").replace("）", ")")
        if draw(st.integers(0, 10)) == 0:
            line = line.replace("、", "\u3000、", 1)
        out.append(line)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(out)


PERTURBED: dict[str, Callable[[Canonical], str]] = {"tabs": to_text, "tika": to_tika}
"""Layouts whose text is perturbed in the round trip."""
