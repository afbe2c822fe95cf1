"""parse_many, tidy records, data frames, the rules across years, the notebook view, and the
documented Dask recipe."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import attrs
import pytest

from conftest import EXAMPLES_DIR
from govinfo_report import CellState, Report, parse, parse_file
from govinfo_report.batch import Failure, parse_many
from govinfo_report.model import CanonicalTable, Cell
from govinfo_report.records import PANDAS_MISSING, RECORD_FIELDS, reports_to_frame, to_records
from govinfo_report.series import check_series
from render import Extra, canonical, to_text

SEEDS = sorted(EXAMPLES_DIR.glob("seed_*.txt"))


# --- parse_many ------------------------------------------------------------------------------------


def test_parse_many_keeps_input_order_and_puts_failures_in_place(tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    paths = [
        str(SEEDS[3]),
        str(tmp_path / "scan.png"),
        str(SEEDS[0]),
        str(tmp_path / "absent.txt"),
        str(SEEDS[1]),
    ]
    results = list(parse_many(paths, jobs=2, chunksize=1))
    assert [p for p, _ in results] == paths
    kinds = [type(r).__name__ for _, r in results]
    assert kinds == ["Report", "Failure", "Report", "Failure", "Report"]
    png, absent = results[1][1], results[3][1]
    assert isinstance(png, Failure) and png.code == "input.unsupported_format" and "OCR" in png.error
    assert isinstance(absent, Failure) and absent.code == "io.enoent"
    serial = list(parse_many(paths, jobs=1))
    for (_, a), (_, b) in zip(results, serial, strict=True):
        assert (a.to_dict() if isinstance(a, Report) else a) == (b.to_dict() if isinstance(b, Report) else b)


def test_a_report_pickles_whole(corpus_dir: Path) -> None:
    # parse_many's workers send reports back pickled; the classes pickle by their __init__
    # arguments, so every field, the enum states and the cell index must come back
    paths = [*SEEDS, *sorted(corpus_dir.glob("raw/*"))]
    for path in paths:
        report = parse_file(path)
        back = pickle.loads(pickle.dumps(report))
        assert back == report and back.to_dict(cells=True) == report.to_dict(cells=True)
        assert back.tables == report.tables and back.checks == report.checks
        for table in (back.applications, back.active_disclosure, back.review_litigation):
            if table is not None:
                row = table.rows[0]
                key, cell = row.cells[0]
                assert table.get(row.key, key) is cell  # the index is rebuilt, not left empty
                assert cell.state in CellState


class LocalCell(Cell):
    """A user's subclass of a model class (pickled by reference, so at module level)."""

    __slots__ = ()


def test_pickles_of_an_older_version_and_of_subclasses_load() -> None:
    # review: a table pickled by attrs' own state (before pickling by fields) has no cell index,
    # and a subclass pickled as its base class
    report = local_report()
    table = report.applications
    assert table is not None
    old = object.__new__(CanonicalTable)
    old.__setstate__({f.name: getattr(table, f.name) for f in attrs.fields(CanonicalTable) if f.init})
    assert old.get("new_requests", "natural_person") == table.get("new_requests", "natural_person")
    assert old.get("new_requests", "natural_person").value == 28  # 29 results + 1 forward - 2 carried over
    cell = LocalCell(raw="5", state=CellState.NUMBER, value=5)
    back = pickle.loads(pickle.dumps(cell))
    assert type(back) is LocalCell and back == cell


def test_parse_many_wants_at_least_one_job() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(parse_many([str(SEEDS[0])], jobs=0))


# --- records and frames -------------------------------------------------------------------------------


def local_report() -> Report:
    report = canonical("2019")
    report.active["art20_1"]["rules"] = ["", "/", "3"]
    report.extras = [Extra("applications", "new_requests", "其中：网上申请", ("3", "1", "0", "0", "0", "0"))]
    return parse(to_text(report))


def test_records_are_one_per_cell_with_the_state_that_tells_none_apart() -> None:
    report = local_report()
    records = report.to_records()
    assert all(list(r) == list(RECORD_FIELDS) for r in records)
    cells = sum(
        len(row.cells)
        for t in (report.active_disclosure, report.applications, report.review_litigation)
        if t
        for row in t.rows
    )
    assert len(records) == cells + sum(len(e.cells) for e in report.extra_rows)
    rules = {r["column"]: (r["value"], r["raw"], r["state"]) for r in records if r["row"] == "art20_1/rules"}
    assert rules == {
        "new_made": (None, "", "blank"),
        "new_published": (None, "/", "placeholder"),
        "total_published": (3, "3", "number"),
    }
    local = [r for r in records if r["extra"]]
    assert [(r["row"], r["column"], r["value"]) for r in local][:2] == [
        ("其中：网上申请", "1", 3),
        ("其中：网上申请", "2", 1),
    ]
    assert {(r["organ"], r["year"], r["template"]) for r in records} == {("某市某某局", 2020, "2019")}


def test_frame_keeps_blanks_as_na_not_zero() -> None:
    pytest.importorskip("pandas")
    frame = reports_to_frame([local_report(), parse_file(SEEDS[0])])
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert str(frame["value"].dtype) == "Float64" and str(frame["year"].dtype) == "Int64"
    mine = frame["organ"] == "某市某某局"
    blank = frame[mine & (frame["row"] == "art20_1/rules") & (frame["column"] == "new_made")]
    assert blank["value"].isna().all() and list(blank["state"]) == ["blank"]
    assert len(frame) == len(local_report().to_records()) + len(to_records(parse_file(SEEDS[0])))


def test_frame_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as caught:
        local_report().to_frame()
    assert str(caught.value) == PANDAS_MISSING and "pip install pandas" in PANDAS_MISSING


# --- rules across years ----------------------------------------------------------------------------


def year_of(template: str, year: int, carried_over: list[int], carried_forward: list[int]) -> Report:
    from render import _result_keys, consistent

    report = canonical(template)
    results = {k: [0] * 6 for k in _result_keys(template)}
    results["granted"] = [sum(carried_over) + 4, 0, 0, 0, 0, 0]
    report.applications = consistent(results, carried_over, carried_forward)
    report.year = year
    return parse(to_text(report))


def test_r6_carry_over_between_consecutive_years() -> None:
    first = year_of("2021", 2022, [2, 0, 0, 0, 0, 0], [3, 1, 0, 0, 0, 0])
    second = year_of("2021", 2023, [3, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])
    checks = check_series([second, first])
    assert {c.rule for c in checks} == {"R6"}
    assert all(c.passed for c in checks) and len(checks) == 7  # six applicant columns and the total
    wrong = year_of("2021", 2023, [5, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])
    failed = [c for c in check_series([first, wrong]) if not c.passed]
    assert [(c.target, c.expected, c.actual) for c in failed] == [
        ("2023/carried_over:natural_person", 3, 5),
        ("2023/carried_over:total", 4, 6),
    ]


def test_r6_needs_consecutive_years_one_report_each_and_one_organ() -> None:
    first = year_of("2021", 2021, [2, 0, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0])
    third = year_of("2021", 2023, [9, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])
    assert check_series([first, third]) == ()
    again = year_of("2021", 2022, [9, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])
    other = year_of("2021", 2022, [3, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0])
    assert check_series([first, again, other]) == ()  # 2022 twice: which one is right is unknown


def test_r8_previous_year_count_carries_into_the_next_2019_report() -> None:
    first, second = canonical("2019"), canonical("2019")
    first.year, second.year = 2019, 2020
    # canonical 2019: 行政许可 120 −3 → 117 next year; 行政处罚 15 +2 → 17
    second.active["art20_5"]["administrative_license"] = ["117", "5", "1000"]
    second.active["art20_6"]["administrative_penalty"] = ["16", "0", "50"]
    checks = {
        c.target: c for c in check_series([parse(to_text(first)), parse(to_text(second))]) if c.rule == "R8"
    }
    assert checks["2020/art20_5/administrative_license:previous_year"].passed
    penalty = checks["2020/art20_6/administrative_penalty:previous_year"]
    assert (penalty.passed, penalty.expected, penalty.actual) == (False, 17, 16)


# --- the notebook view -----------------------------------------------------------------------------


def test_notebook_html_marks_failing_cells_with_their_rule(corpus_dir: Path) -> None:
    pytest.importorskip("pypdfium2")
    html = parse_file(corpus_dir / "pdf" / "001.pdf")._repr_html_()  # a ruled grid: kept as printed
    assert html.count('class="number failed"') == 10  # 001: R4 fails for review and after review
    assert "R4: R4 (review)" in html
    blank = local_report()._repr_html_()
    assert '<td class="blank" title="raw: &#x27;&#x27;">·</td>' in blank


# --- the Dask recipe (docs/batch.md) ---------------------------------------------------------------


def test_dask_recipe_on_the_local_scheduler(tmp_path: Path) -> None:
    # docs/batch.md's recipe: the tidy rows of every file, failures included, to Parquet parts
    pytest.importorskip("dask.dataframe")
    pytest.importorskip("pyarrow")
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas

    from govinfo_report.batch import records_of
    from govinfo_report.records import read_cells, records_to_frame

    paths = [str(p) for p in SEEDS] + ["absent.txt"]
    parts = db.from_sequence(paths, npartitions=2).map(records_of).flatten().to_delayed()
    frames = [dask.delayed(records_to_frame)(part) for part in parts]
    with dask.config.set(scheduler="sync"):
        dd.from_delayed(frames, meta=records_to_frame([])).to_parquet(tmp_path / "cells", write_index=False)
    frame = read_cells(tmp_path / "cells")
    assert len(frame) == sum(len(parse_file(p).to_records()) for p in paths[:-1]) + 1
    assert set(frame["source"]) == set(paths)
    (failed,) = frame[frame["source"] == "absent.txt"].itertuples()
    assert "No such file" in failed.error and failed.table is pandas.NA
    mine = frame[frame["source"] == paths[0]].reset_index(drop=True)
    alone = reports_to_frame([parse_file(paths[0])])
    alone["source"] = pandas.array([paths[0]] * len(alone), dtype="string")
    pandas.testing.assert_frame_equal(mine, alone)


def test_parse_many_sends_back_what_is_asked_and_the_same_with_workers(tmp_path: Path) -> None:
    import json

    from govinfo_report.records import diagnostic_records

    paths = [str(SEEDS[0]), str(tmp_path / "absent.txt"), str(SEEDS[3])]
    for output in ("json", "json_cells", "records", "rows", "report"):
        serial = list(parse_many(paths, jobs=1, output=output))  # type: ignore[call-overload]
        pooled = list(parse_many(paths, jobs=2, chunksize=1, output=output))  # type: ignore[call-overload]
        assert [p for p, _ in serial] == [p for p, _ in pooled] == paths
        assert isinstance(serial[1][1], Failure) and serial[1][1].code == "io.enoent"
        for (_, a), (_, b) in zip(serial, pooled, strict=True):
            assert (a.to_dict() if isinstance(a, Report) else a) == (
                b.to_dict() if isinstance(b, Report) else b
            )
    seed = parse_file(SEEDS[0])
    line = dict(parse_many(paths[:1], output="json"))[paths[0]]
    assert json.loads(line) == {
        "schema_version": seed.to_dict()["schema_version"],
        "path": paths[0],
        **seed.to_dict(),
    }
    assert (
        json.loads(dict(parse_many(paths[:1], output="json_cells"))[paths[0]])["applications"]
        == seed.to_dict(cells=True)["applications"]
    )
    assert dict(parse_many(paths[:1], output="records"))[paths[0]] == to_records(seed, paths[0])
    cells, diagnostics = dict(parse_many(paths[-1:], output="rows"))[paths[-1]]
    third = parse_file(SEEDS[3])
    assert cells == to_records(third, paths[-1]) and diagnostics == diagnostic_records(third, paths[-1])
    assert len(diagnostics) == len(third.diagnostics) > 0


@pytest.mark.parametrize(("keyword", "value"), [("output", "xml"), ("jobs", 0), ("chunksize", 0)])
def test_parse_many_refuses_a_bad_argument_when_called(keyword: str, value: object) -> None:
    with pytest.raises(ValueError, match=keyword):
        parse_many([str(SEEDS[0])], **{keyword: value})  # type: ignore[call-overload]
