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


def test_schema_page_is_generated_from_the_vocabulary() -> None:
    from govinfo_report._reference import schema_markdown

    assert (DOCS / "schema.md").read_text(encoding="utf-8") == schema_markdown()


def test_layouts_gallery_is_generated_by_parsing_its_examples() -> None:
    from govinfo_report._reference import layouts_markdown

    assert (DOCS / "layouts.md").read_text(encoding="utf-8") == layouts_markdown()


def test_every_limit_is_documented_with_its_value() -> None:
    from govinfo_report import limits

    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in text.splitlines()
        if line.startswith("| `MAX_") or line.startswith("| `RATIO")
    }
    documented = {name.strip("` ") for name in rows}
    assert documented | {"RATIO_EXEMPT_BYTES"} == {n for n in dir(limits) if n.isupper()}
    for name, value in rows.items():
        number = getattr(limits, name.strip("` "))
        mib = number // (1024 * 1024)
        assert value in (
            f"{number:,}",
            f"{number} : 1",
            f"{mib} MiB" if mib * 1024 * 1024 == number else "",
        ), name


def test_every_input_error_code_is_documented() -> None:
    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    raised = {code for code in CATALOGUE if code.startswith("input.") and CATALOGUE[code][0].value == "error"}
    assert raised and all(f"`{code}`" in text for code in raised)
