"""``govinfo-report``: the command line, driven as a subprocess, its outputs read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from govinfo_report import parse_file
from govinfo_report.records import RECORD_FIELDS

SCRIPT = Path(sys.executable).with_name("govinfo-report")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "govinfo_report"]
    return subprocess.run([*command, *args], capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The five seeds and one corrupt .docx."""
    for seed in sorted(EXAMPLES_DIR.glob("seed_*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive")
    return tmp_path


def test_a_folder_as_json_lines_gives_five_reports_and_one_error_record(folder: Path) -> None:
    done = run("parse", str(folder), "--format", "jsonl", "--jobs", "2")
    assert done.returncode == 2
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 6
    by_name = {Path(line["path"]).name: line for line in lines}
    assert set(by_name) == {"broken.docx", *(f"seed_00{i}.txt" for i in range(5))}
    error = by_name["broken.docx"]
    assert set(error) == {"schema_version", "path", "error", "code"} and "damaged" in error["error"]
    for i in range(5):
        line = by_name[f"seed_00{i}.txt"]
        alone = parse_file(folder / f"seed_00{i}.txt").to_dict()
        assert {k: line[k] for k in ("organ", "year", "template", "applications")} == {
            k: alone[k] for k in ("organ", "year", "template", "applications")
        }
    # seed 000 by eye: 梅州市梅县区医疗保障局, 2020, 政府集中采购 16 items for 109123
    seed = by_name["seed_000.txt"]
    assert (seed["organ"], seed["year"]) == ("梅州市梅县区医疗保障局", 2020)
    assert seed["active_disclosure"]["art20_9"]["centralized_procurement"] == {
        "projects": 16,
        "amount": 109123,
    }
    # the failure and the summary; no progress bar: not a TTY
    assert done.stderr.strip().splitlines() == [
        f"govinfo-report: {folder / 'broken.docx'}: {error['error']}",
        "govinfo-report: 6 files: 5 read, 1 failed",
    ]


def test_a_folder_as_csv_gives_the_tidy_rows_of_all_five(folder: Path) -> None:
    out = folder / "cells.csv"
    done = run("parse", str(folder), "--format", "csv", "--out", str(out))
    assert done.returncode == 2 and done.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(RECORD_FIELDS)
    (error,) = [r for r in rows if r["error"]]
    assert Path(error["source"]).name == "broken.docx"
    for i in range(5):
        path = folder / f"seed_00{i}.txt"
        mine = [r for r in rows if r["source"] == str(path)]
        assert len(mine) == len(parse_file(path).to_records()) > 0
    projects = [
        r
        for r in rows
        if r["source"].endswith("seed_000.txt") and r["row"] == "art20_9/centralized_procurement"
    ]
    assert [(r["column"], r["value"], r["state"]) for r in projects] == [
        ("projects", "16", "number"),
        ("amount", "109123", "number"),
    ]


def test_check_names_the_failing_rule_and_its_cells(corpus_dir: Path) -> None:
    pytest.importorskip("pypdfium2")
    # the PDF's ruled grid vouches for its cells (its text would leave the failing groups missing)
    done = run("check", str(corpus_dir / "pdf" / "001.pdf"))
    assert done.returncode == 1
    # 001's table 4: review 10 + 1 + 0 + 0 = 11, printed total 0 (docs/format.md §4's R4; checked by eye)
    assert "R4 review_litigation review:total: expected 11, found 0" in done.stdout
    assert "cells: review:total, review:upheld, review:corrected, review:other, review:pending" in done.stdout
    passing = run("check", str(EXAMPLES_DIR / "seed_000.txt"))
    assert passing.returncode == 0 and " 0 fail" in passing.stdout


def test_show_aligns_the_tables_and_tells_blanks_from_zeros(tmp_path: Path) -> None:
    from render import canonical, to_text

    report = canonical("2019")
    report.active["art20_1"]["rules"] = ["", "/", "0"]
    path = tmp_path / "r.txt"
    path.write_text(to_text(report), encoding="utf-8")
    done = run("show", str(path))
    assert done.returncode == 0
    (rules,) = [line for line in done.stdout.splitlines() if line.startswith("art20_1/rules ")]
    assert rules.split() == ["art20_1/rules", "·", "/", "0"]
    from govinfo_report._show import width

    table = done.stdout.split("(applications)\n")[1].split("\n\n")[0].splitlines()
    assert len({width(line) for line in table}) == 1  # every row as wide: CJK counted as two


def test_bad_input_is_one_line_and_debug_is_needed_for_a_traceback(tmp_path: Path) -> None:
    missing = run("parse", str(tmp_path / "absent.pdf"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        f"govinfo-report: cannot read {tmp_path / 'absent.pdf'}: No such file or directory",
        "govinfo-report: no report read: none of 1 file",
    ]
    usage = run("parse")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_help_has_examples() -> None:
    done = run("--help")
    assert done.returncode == 0
    assert "examples:" in done.stdout and "govinfo-report check report.html" in done.stdout


def test_check_of_several_years_of_one_organ_adds_the_rules_across_years(tmp_path: Path) -> None:
    from render import canonical, to_text

    first, second = canonical("2021"), canonical("2021")
    first.year, second.year = 2022, 2023
    # canonical: carried forward [1, 1, 0, 0, 0, 0]; the next year carries over [2, 0, …]
    for report in (first, second):
        (tmp_path / f"{report.year}.txt").write_text(to_text(report), encoding="utf-8")
    done = run("check", str(tmp_path / "2022.txt"), str(tmp_path / "2023.txt"))
    assert done.returncode == 1
    assert "across years: 5 rules pass, 2 fail" in done.stdout
    assert "R6 applications 2023/carried_over:natural_person: expected 1, found 2" in done.stdout


def test_progress_line_only_on_a_terminal() -> None:
    from govinfo_report.cli import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, hidden = Terminal(), io.StringIO()
    for stream in (shown, hidden):
        progress = Progress(stream)
        progress.total = 4
        for _ in range(4):
            progress.step()
    assert hidden.getvalue() == ""
    assert shown.getvalue().endswith("\r4/4 files [####################]\n")
    assert "\r2/4 files [##########          ]" in shown.getvalue()


def test_a_library_bug_exits_70_and_debug_shows_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govinfo_report import batch, cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "parse_file", broken)
    path = tmp_path / "r.txt"
    path.write_text("某局2021年政府信息公开工作年度报告\n", encoding="utf-8")
    assert cli.main(["parse", str(path)]) == cli.EXIT_INTERNAL
    quiet = capsys.readouterr().err
    assert "RuntimeError: boom" in quiet and "Traceback" not in quiet
    assert cli.main(["--debug", "parse", str(path)]) == cli.EXIT_INTERNAL
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_csv_has_a_row_for_a_file_without_tables_and_no_arguments_print_help(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "b.txt").write_text("某局2021年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    done = run("parse", str(tmp_path), "--format", "csv")
    assert done.returncode == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(Path(r["source"]).name, r["year"], r["table"]) for r in rows] == [
        ("a.txt", "", ""),
        ("b.txt", "2021", ""),
    ]
    bare = run()
    assert bare.returncode == 2 and "usage:" in bare.stderr and "examples:" in bare.stderr
