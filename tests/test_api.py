"""The public surface: names, types, errors, output shapes."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from importlib import resources

import pytest

import govinfo_report
from govinfo_report import CellState, ParseError, Report, parse


def example(name: str = "seed_000") -> str:
    return resources.files("govinfo_report").joinpath("examples", f"{name}.txt").read_text(encoding="utf-8")


def test_all_is_pinned() -> None:
    assert govinfo_report.__all__ == (
        "SCHEMA_VERSION",
        "Attachment",
        "CanonicalTable",
        "Cell",
        "CellState",
        "Check",
        "Diagnostic",
        "ExtraRow",
        "GridCell",
        "InputError",
        "ParseError",
        "Report",
        "Row",
        "Section",
        "Severity",
        "Source",
        "Span",
        "Statement",
        "Table",
        "__version__",
        "json_schema",
        "parse",
        "parse_bytes",
        "parse_file",
    )


@pytest.mark.parametrize("bad", [b"bytes", None, 1, ["a"]])
def test_non_str_is_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        parse(bad)  # type: ignore[arg-type]


def test_empty_text_gives_a_report() -> None:
    report = parse("")
    assert isinstance(report, Report)
    assert report.applications is None and report.template is None
    assert [d.code for d in report.diagnostics] == ["input.empty"]


def test_report_is_frozen() -> None:
    report = parse(example())
    with pytest.raises(AttributeError):
        report.year = 1999  # type: ignore[misc]


def test_strict_raises_one_value_error_subclass_with_the_errors() -> None:
    # table 2 row run together with no separator: ambiguous, an error diagnostic
    text = (
        "二、主动公开政府信息情况\n"
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6233440"
    )
    report = parse(text)
    errors = tuple(d for d in report.diagnostics if d.severity.value == "error")
    assert errors
    with pytest.raises(ParseError) as caught:
        parse(text, strict=True)
    assert isinstance(caught.value, ValueError)
    assert caught.value.diagnostics == errors


def test_strict_passes_a_clean_report() -> None:
    # seed_003 has errors since the reading engine: its last two table 3 rows print empty cells
    # beside eleven zeros for seven columns, and whether a blank is a column cannot be told
    assert parse(example("seed_004"), strict=True).template == "2021"


def test_to_dict_shape_and_json() -> None:
    report = parse(example("seed_002"))
    data = report.to_dict()
    assert list(data) == [
        "schema_version",
        "title",
        "organ",
        "year",
        "template",
        "sections",
        "active_disclosure",
        "applications",
        "review_litigation",
        "extra_rows",
        "statements",
        "checks",
        "diagnostics",
        "source",
        "attachments",
    ]
    assert data["source"] == {"format": "text", "encoding": None, "name": None}
    assert data["applications"]["new_requests"]["total"] == 0
    # seed 002 prints 采购总金额 as 1082.33万: the compact form gives the number, the detailed one the unit
    assert data["active_disclosure"]["art20_9"]["centralized_procurement"]["amount"] == 1082.33
    detailed = report.to_dict(cells=True)["active_disclosure"]["art20_9"]["centralized_procurement"]["amount"]
    assert detailed == {
        "value": 1082.33,
        "raw": "1082.33万",
        "state": "number",
        "unit": "万",
        "line": 86,
        "note": None,
        "disputed": [],
    }
    assert json.loads(report.to_json()) == json.loads(json.dumps(data, ensure_ascii=False))
    assert set(data["sections"][0]) == {"number", "heading", "text", "span"}


def test_cell_keeps_raw_state_and_line() -> None:
    report = parse(example("seed_002"))
    assert report.active_disclosure is not None
    amount = report.active_disclosure.get("art20_9/centralized_procurement", "amount")
    assert amount.value == Decimal("1082.33") and amount.state is CellState.NUMBER and amount.line == 86
    change = report.active_disclosure.get("art20_6/administrative_penalty", "change")
    assert change.value == -55


def test_tables_keep_every_grid_with_its_strategy() -> None:
    report = parse(example("seed_001"))
    assert {(t.kind, t.strategy) for t in report.tables} == {
        ("active_disclosure", "pipe"),
        ("applications", "pipe"),
        ("review_litigation", "pipe"),
    }


def test_parse_is_deterministic() -> None:
    text = example("seed_004")
    assert parse(text) == parse(text)


def test_importing_the_package_leaves_the_parsing_stages_unloaded_until_parse_is_used() -> None:
    # a notebook reading saved results, or a batch's parent, needs the data model only; the
    # stages load on first use of parse (import time is measured in docs/performance.md)
    code = (
        "import sys, govinfo_report as g\n"
        "print('govinfo_report._pipeline' in sys.modules)\n"
        "g.parse('')\n"
        "print('govinfo_report._pipeline' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "True"], done.stderr
    with pytest.raises(AttributeError, match="no attribute 'parse_everything'"):
        govinfo_report.parse_everything  # noqa: B018


def test_an_unknown_key_raises_naming_the_valid_ones_and_a_known_absent_one_is_missing() -> None:
    report = parse(example("seed_000"))
    assert report.applications is not None and report.active_disclosure is not None
    with pytest.raises(KeyError, match=r"'totl' is no column of applications; the columns are: .*total"):
        report.applications.get("new_requests", "totl")
    with pytest.raises(KeyError, match=r"'new_request' is no row of applications; .*new_requests"):
        report.applications.get("new_request", "total")
    with pytest.raises(KeyError, match=r"'rules' is no row of active_disclosure; .*art20_1/rules"):
        report.active_disclosure.get("rules", "new_made")
    # the 2021 rows a 2019 report lacks are keys of the table: missing, not an error
    assert report.applications.get("other.no_correction", "total").state is CellState.MISSING
    assert report.active_disclosure.get("art20_1/rules", "issued").state is CellState.MISSING


def test_a_report_s_repr_is_one_short_line() -> None:
    report = parse(example("seed_000"))
    text = repr(report)
    assert "\n" not in text and len(text) < 400
    assert text.startswith("Report(title='梅州市梅县区医疗保障局2020年政府信息公开工作年度报告'")
    assert "checks=40 (0 failed)" in text


PUBLIC_MODULES = ("batch", "cli", "diagnostics", "errors", "limits", "model", "records", "series")


def test_only_the_public_modules_have_public_names() -> None:
    # help(govinfo_report) lists the package's modules: the machinery takes underscore names
    import pkgutil

    names = {m.name for m in pkgutil.iter_modules(govinfo_report.__path__)}
    assert {n for n in names if not n.startswith("_")} == set(PUBLIC_MODULES)


def test_every_public_name_has_a_docstring() -> None:
    import enum
    import importlib
    import inspect

    undocumented = []
    for name in ("govinfo_report", *(f"govinfo_report.{m}" for m in PUBLIC_MODULES)):
        module = importlib.import_module(name)
        assert module.__doc__, name
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            if not obj.__doc__:
                undocumented.append(f"{name}.{attr}")
            if inspect.isclass(obj) and not issubclass(obj, enum.Enum):
                for method, value in vars(obj).items():
                    function = value.fget if isinstance(value, property) else value
                    if not method.startswith("_") and inspect.isfunction(function) and not function.__doc__:
                        undocumented.append(f"{name}.{attr}.{method}")
    assert undocumented == []
