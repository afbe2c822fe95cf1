"""The converter zoo (``../shared/zoo``): ten reports as real tools turned them into text, Markdown,
Word and PDF. Where a tool's text no longer says which number is whose, the right answer is a
missing cell with a diagnostic: every value given must be its own cell's (gold by hand, in
``zNNN.json``). Skipped when the zoo is absent."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import parse_file
from test_contract import errors
from test_golden import gold_cells, number, pick, same

ZOO = Path(__file__).parents[2] / "shared" / "zoo"


def _files() -> list[tuple[str, str]]:
    if not (ZOO / "index.tsv").exists():
        return []
    with (ZOO / "index.tsv").open(encoding="utf-8") as handle:
        return [(row["file"], row["report"]) for row in csv.DictReader(handle, delimiter="\t")]


FILES = _files()
zoo = pytest.mark.skipif(not FILES, reason="../shared/zoo is absent")


@zoo
@pytest.mark.corpus
@pytest.mark.parametrize(("name", "report"), FILES or [("-", "-")], ids=[f for f, _ in FILES] or ["none"])
def test_zoo_gives_no_wrong_or_invented_value(name: str, report: str) -> None:
    if name.endswith(".pdf"):
        pytest.importorskip("pypdfium2")
    gold: dict[str, Any] = json.loads((ZOO / f"{report}.json").read_text(encoding="utf-8"))
    parsed = parse_file(ZOO / name)
    pred = parsed.to_dict()
    # the output contract holds for every tool's output, in both forms
    assert errors(pred) == [] and errors(parsed.to_dict(cells=True)) == []
    bad = [
        (cell, truth, pick(pred, cell))
        for cell, truth in gold_cells(gold)
        if pick(pred, cell) not in (None, "<missing>") and not same(pick(pred, cell), truth)
    ]
    assert bad == []
    # a cell left missing is said so: every table whose cells are missing has a diagnostic
    missing_tables = {
        cell[0]
        for cell, truth in gold_cells(gold)
        if number(truth) is not None and pick(pred, cell) in (None, "<missing>")
    }
    said = {d.code.split(".")[0] for d in parsed.diagnostics}
    assert not missing_tables or said & {"cells", "row", "table", "template", "limits", "pdf", "input"}
    # the generated reports' prose states their tables' own figures: R7 never fails on them
    assert [c.message for c in parsed.checks if c.rule == "R7" and not c.passed] == []


@zoo
@pytest.mark.corpus
def test_zoo_reads_most_cells_of_the_tools_that_keep_the_table() -> None:
    # the page itself and the tools that keep a table's rows, or its cells in order one per line:
    # nearly every cell of each tool's ten reports is read (mammoth drops a blank cell's
    # paragraph, so a row with a blank may be short of cells: only the rules place them)
    tools = (
        "__html__page.html",
        "__docx__soffice.docx",
        "__docx__markitdown.md",
        "__html__w3m.txt",
        "__html__trafilatura-md.md",
        "__html__trafilatura-txt.txt",
        "__html__html2text.md",
        "__html__markitdown.md",
        "__html__pandoc-gfm.md",
        "__docx__pandoc-gfm.md",
        "__docx__docx2txt.txt",
        "__docx__mammoth.md",
    )
    for tool in tools:
        kept = [(n, r) for n, r in FILES if n.endswith(tool)]
        assert len(kept) == 10, tool
        read = total = 0
        for name, report in kept:
            gold = json.loads((ZOO / f"{report}.json").read_text(encoding="utf-8"))
            pred = parse_file(ZOO / name).to_dict()
            cells = list(gold_cells(gold))
            total += len(cells)
            read += sum(1 for cell, truth in cells if same(pick(pred, cell), truth))
        assert read >= 0.95 * total, (tool, read, total)


@zoo
@pytest.mark.corpus
def test_zoo_word_printed_pdfs_are_read_whole() -> None:
    # the PDFs LibreOffice printed from the Word files: full rules, merged cells, the vertical
    # label, table 3 over a page break (a row cut by it): every cell of the gold, exactly
    pytest.importorskip("pypdfium2")
    printed = [(n, r) for n, r in FILES if n.endswith("__pdf__soffice.pdf")]
    assert len(printed) == 10
    for name, report in printed:
        gold = json.loads((ZOO / f"{report}.json").read_text(encoding="utf-8"))
        pred = parse_file(ZOO / name).to_dict()
        unread = [
            (cell, truth, pick(pred, cell))
            for cell, truth in gold_cells(gold)
            if not same(pick(pred, cell), truth)
        ]
        assert unread == [], name


@zoo
@pytest.mark.corpus
def test_zoo_pdfminer_tables_out_of_row_order_are_said_so() -> None:
    # pdfminer prints a table column by column: whose values are whose is not told, and the
    # report says so instead of pairing them
    for name, _ in [(n, r) for n, r in FILES if n.endswith("__pdf__pdfminer.txt")]:
        result = parse_file(ZOO / name)
        assert any(d.code == "table.out_of_order" for d in result.diagnostics), name


@zoo
@pytest.mark.corpus
def test_zoo_pages_state_their_figures_and_r7_checks_them() -> None:
    # each generated page's prose states its requests (and most their reviews and lawsuits): the
    # statements are found, linked and checked, and hold
    pages = [(n, r) for n, r in FILES if n.endswith("__html__page.html")]
    assert len(pages) == 10
    for name, _ in pages:
        report = parse_file(ZOO / name)
        r7 = [c for c in report.checks if c.rule == "R7"]
        assert len(r7) >= 2 and all(c.passed for c in r7), name
        assert {s.topic for s in report.statements if s.unlinked is None} >= {"requests_received"}
