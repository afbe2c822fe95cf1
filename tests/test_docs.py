"""Docs that must not drift from the code."""

from __future__ import annotations

from pathlib import Path

from govinfo_report.diagnostics import CATALOGUE, catalogue_markdown

DOCS = Path(__file__).parents[1] / "docs"


def test_diagnostics_page_is_generated_from_the_catalogue() -> None:
    assert (DOCS / "diagnostics.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_every_code_is_on_the_page_with_its_severity() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip()
        for line in text.splitlines()
        if line.startswith("| `")
    }
    assert rows == {code: severity.value for code, (severity, _) in CATALOGUE.items()}
