"""The output contract: ``to_dict()`` carries its schema version, and every output validates
against the JSON Schema the package ships (made from the vocabulary, kept equal here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES_DIR
from govinfo_report import SCHEMA_VERSION, json_schema, parse, parse_file
from govinfo_report._json_schema import text as schema_text
from govinfo_report.batch import Failure

jsonschema = pytest.importorskip("jsonschema")

SHIPPED = Path(__file__).parents[1] / "src" / "govinfo_report" / "report.schema.json"


def validator() -> Any:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(data: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]


def test_the_shipped_schema_is_the_one_the_vocabulary_makes() -> None:
    # regenerate with: python -m govinfo_report._json_schema > src/govinfo_report/report.schema.json
    assert SHIPPED.read_text(encoding="utf-8") == schema_text()
    assert json_schema()["$defs"]["report"]["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


def test_every_seed_validates_in_both_forms() -> None:
    for path in sorted(EXAMPLES_DIR.glob("seed_*.txt")):
        report = parse_file(path)
        data = report.to_dict()
        assert data["schema_version"] == SCHEMA_VERSION
        assert errors(data) == [], path.name
        assert errors(report.to_dict(cells=True)) == [], path.name
        assert errors({"path": str(path), **data}) == []


def test_the_schema_catches_what_breaks_the_contract() -> None:
    data = parse_file(EXAMPLES_DIR / "seed_000.txt").to_dict()
    assert data["applications"] is not None
    typo = {**data, "applications": {**data["applications"], "new_request": {"total": 3}}}
    assert errors(typo)
    bad_column = json.loads(json.dumps(data))
    bad_column["applications"]["new_requests"]["totl"] = 3
    assert errors(bad_column)
    text_value = json.loads(json.dumps(data))
    text_value["applications"]["new_requests"]["total"] = "3"
    assert errors(text_value)
    assert errors({**data, "schema_version": "0.9"})
    assert errors({k: v for k, v in data.items() if k != "diagnostics"})
    assert errors({**data, "lines": [1, 2]})


def test_a_failure_record_and_an_empty_report_validate() -> None:
    failure = Failure("scan.png", "the file is an image", "input.unsupported_format").to_dict()
    assert failure["schema_version"] == SCHEMA_VERSION
    assert errors(failure) == []
    assert errors({**failure, "code": 3}) != []
    assert errors(parse("").to_dict()) == []
    assert errors(parse("<html><body><a href='r.pdf'>年度报告</a></body></html>").to_dict()) == []


def test_diagnostics_and_sections_name_their_lines_span_as_in_python() -> None:
    report = parse_file(EXAMPLES_DIR / "seed_003.txt")
    data = report.to_dict()
    section = report.sections[0]
    assert data["sections"][0]["span"] == [section.span.start, section.span.end]
    assert [d for d in report.diagnostics if d.span is not None]  # seed 003 has diagnostics on lines
    for diagnostic, out in zip(report.diagnostics, data["diagnostics"], strict=True):
        assert out["span"] == (diagnostic.span.as_list() if diagnostic.span else None)
        assert "lines" not in out


def test_one_document_holds_one_form_of_values() -> None:
    report = parse_file(EXAMPLES_DIR / "seed_000.txt")
    compact, cells = report.to_dict(), report.to_dict(cells=True)
    mixed = {**compact, "applications": cells["applications"]}
    assert errors(compact) == [] and errors(cells) == [] and errors(mixed)
    # a group's printed subtotal is a row; a name no table has is not
    assert errors({**compact, "applications": {"withheld": {"total": 1}}}) == []
    assert errors({**compact, "applications": {"results": {"total": 1}}})


@pytest.mark.corpus
def test_every_corpus_output_validates(corpus_dir: Path) -> None:
    files = sorted(p for p in (corpus_dir / "raw").iterdir() if p.is_file())
    if any(p.suffix == ".pdf" for p in files):
        pytest.importorskip("pypdfium2")
    for path in files:
        report = parse_file(path)
        assert errors(report.to_dict()) == [], path.name
        assert errors(report.to_dict(cells=True)) == [], path.name
