"""The command line's contract with scripts and corpus builders, driven as a subprocess: exit
statuses, the summary line, ``--out`` and the formats it names, JSON arrays, checks as data,
quoted globs, Parquet and the diagnostics beside the rows, pages that only link to the report."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from govinfo_report import SCHEMA_VERSION, parse_file
from govinfo_report.records import DIAGNOSTIC_FIELDS, DTYPES, RECORD_FIELDS, read_cells
from test_cli import run

SEEDS = sorted(EXAMPLES_DIR.glob("seed_*.txt"))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Two seeds, an empty text file, a pre-2019 report, and files no report is read from."""
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "a.txt")
    shutil.copy(SEEDS[1], folder / "sub" / "b.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "old.txt").write_text(
        "某局2016年政府信息公开工作年度报告\n一、概述\n本年度……\n", encoding="utf-8"
    )
    (folder / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    (folder / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    return folder


def summary(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


# --- nothing read, and the summary ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["parse", "check", "show"])
def test_a_folder_without_report_files_says_so_and_exits_2(tmp_path: Path, command: str) -> None:
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    done = run(command, str(tmp_path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "govinfo-report: no report read: no file; 2 skipped by extension (1 .doc, 1 .jpg)"
    )


def test_every_run_ends_with_a_summary_unless_quiet(mixed: Path) -> None:
    done = run("parse", str(mixed), "--format", "jsonl")
    assert done.returncode == 0
    assert summary(done.stderr) == (
        "govinfo-report: 4 files: 4 read, 0 failed; 2 skipped by extension (1 .doc, 1 .jpg)"
    )
    quiet = run("parse", str(mixed), "--format", "jsonl", "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == done.stdout
    # an error is said even with --quiet
    missing = run("parse", str(mixed / "absent.txt"), "-q")
    assert missing.returncode == 2
    assert "absent.txt: No such file or directory" in missing.stderr
    one = run("show", str(SEEDS[0]))
    assert summary(one.stderr) == "govinfo-report: 1 file: 1 read, 0 failed"


# --- --out ----------------------------------------------------------------------------------------


def test_out_problems_are_the_users_one_line_exit_2(tmp_path: Path) -> None:
    nowhere = run("parse", str(SEEDS[0]), "--out", str(tmp_path / "no" / "such" / "x.json"))
    assert nowhere.returncode == 2
    assert (
        nowhere.stderr.strip()
        == f"govinfo-report: --out {tmp_path / 'no/such/x.json'}: No such file or directory"
    )
    folder = run("parse", str(SEEDS[0]), "--out", str(tmp_path))
    assert folder.returncode == 2
    assert folder.stderr.strip() == f"govinfo-report: --out {tmp_path}: is a directory; give a file name"
    for done in (nowhere, folder):
        assert "report it" not in done.stderr and "Traceback" not in done.stderr
    parquet = run("parse", str(SEEDS[0]), "--format", "parquet")
    assert parquet.returncode == 2 and "give --out PATH" in parquet.stderr


def test_the_format_follows_outs_extension_unless_format_says(mixed: Path, tmp_path: Path) -> None:
    cells = tmp_path / "cells.csv"
    assert run("parse", str(mixed), "--out", str(cells)).returncode == 0
    header = cells.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(RECORD_FIELDS)
    lines = tmp_path / "all.jsonl"
    assert run("parse", str(SEEDS[0]), "--out", str(lines)).returncode == 0
    assert json.loads(lines.read_text(encoding="utf-8").splitlines()[0])["path"] == str(SEEDS[0])
    forced = tmp_path / "forced.csv"
    assert run("parse", str(mixed), "--format", "jsonl", "--out", str(forced)).returncode == 0
    assert len([json.loads(line) for line in forced.read_text(encoding="utf-8").splitlines()]) == 4


# --- JSON -----------------------------------------------------------------------------------------


def test_json_of_several_files_is_one_array_with_paths(mixed: Path) -> None:
    done = run(
        "parse", str(mixed / "a.txt"), str(mixed / "absent.txt"), str(mixed / "old.txt"), "--format", "json"
    )
    assert done.returncode == 2
    data = json.loads(done.stdout)
    assert [Path(d["path"]).name for d in data] == ["a.txt", "absent.txt", "old.txt"]
    assert data[0]["organ"] == "梅州市梅县区医疗保障局" and data[0]["schema_version"] == SCHEMA_VERSION
    assert data[1]["code"] == "io.enoent" and "error" in data[1]
    assert data[2]["template"] == "pre2019"
    one = json.loads(run("parse", str(mixed / "a.txt"), "--format", "json").stdout)
    assert isinstance(one, dict) and one["path"] == str(mixed / "a.txt")
    indented = run("parse", str(mixed / "a.txt"), str(mixed / "old.txt"), "--format", "json", "--indent", "2")
    assert json.loads(indented.stdout)[0]["year"] == 2020 and '\n  {\n    "schema_version"' in indented.stdout


# --- check ----------------------------------------------------------------------------------------


def test_check_gives_every_check_as_data(tmp_path: Path) -> None:
    from render import canonical, to_text

    first, second = canonical("2021"), canonical("2021")
    first.year, second.year = 2022, 2023
    for report in (first, second):
        (tmp_path / f"{report.year}.txt").write_text(to_text(report), encoding="utf-8")
    files = [str(tmp_path / "2022.txt"), str(tmp_path / "2023.txt")]
    done = run("check", *files, "--format", "jsonl")
    assert done.returncode == 1  # R6 fails across the years (as in test_cli)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    keys = {
        "rule",
        "table",
        "cells",
        "target",
        "expected",
        "actual",
        "passed",
        "culprit",
        "message",
        "line",
        "path",
        "schema_version",
    }
    assert all(set(r) == keys for r in records)
    own = [r for r in records if r["path"] is not None]
    assert {r["path"] for r in own} == set(files) and all(r["passed"] for r in own)
    assert len(own) == sum(len(parse_file(f).checks) for f in files)
    across = [r for r in records if r["path"] is None]
    failed = [r for r in across if not r["passed"]]
    assert {r["rule"] for r in across} <= {"R6", "R8"} and failed
    assert {k: failed[0][k] for k in ("rule", "expected", "actual")} == {
        "rule": "R6",
        "expected": 1,
        "actual": 2,
    }
    array = json.loads(run("check", *files, "--format", "json").stdout)
    assert array == records
    from test_contract import errors

    assert [errors(r) for r in records if errors(r)] == []
    assert errors({**records[0], "path": 3})


def test_check_and_show_print_a_files_error_diagnostics(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    checked = run("check", str(empty))
    assert checked.returncode == 1
    assert "error input.empty: The input holds no text." in checked.stdout
    assert "no rule could be checked" in checked.stdout
    shown = run("show", str(empty))
    assert shown.returncode == 0 and "error input.empty: The input holds no text." in shown.stdout
    not_report = tmp_path / "hello.txt"
    not_report.write_text("hello", encoding="utf-8")
    assert "error input.not_a_report:" in run("check", str(not_report)).stdout


# --- inputs ---------------------------------------------------------------------------------------


def test_quoted_globs_expand(mixed: Path) -> None:
    flat = run("parse", str(mixed / "*.txt"), "--format", "jsonl")
    assert [Path(json.loads(line)["path"]).name for line in flat.stdout.splitlines()] == [
        "a.txt",
        "empty.txt",
        "old.txt",
    ]
    deep = run("parse", str(mixed / "**" / "*.*"), "--format", "jsonl")
    names = [Path(json.loads(line)["path"]).name for line in deep.stdout.splitlines()]
    assert names == ["a.txt", "empty.txt", "old.txt", "b.txt"]  # glob's sorted paths: sub/b.txt last
    assert "2 skipped by extension (1 .doc, 1 .jpg)" in summary(deep.stderr)
    # a glob matching a folder walks it, each file once, counting what it skips
    folders = run("parse", str(mixed.parent / "rep*"), str(mixed / "**"), "--format", "jsonl")
    assert len(folders.stdout.splitlines()) == 8  # the folder, then the same four files again
    assert "4 skipped by extension (2 .doc, 2 .jpg)" in summary(folders.stderr)
    nothing = run("parse", str(mixed / "*.pdf"))
    assert nothing.returncode == 2 and "*.pdf: No such file or directory" in nothing.stderr


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_messages_agree(value: str) -> None:
    done = run("parse", str(SEEDS[0]), "--jobs", value)
    assert done.returncode == 2
    assert f"argument --jobs: {value!r} is not a whole number of 1 or more" in done.stderr


# --- tidy rows: fixed types, Parquet, the diagnostics beside them ---------------------------------


def test_csv_columns_have_fixed_types_whatever_the_batch(mixed: Path, tmp_path: Path) -> None:
    (mixed / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive")
    out = tmp_path / "cells.csv"
    assert run("parse", str(mixed), "--out", str(out)).returncode == 2
    frame = read_cells(out)
    assert {k: str(v) for k, v in frame.dtypes.items()} == DTYPES
    by_source = {Path(s).name: group for s, group in frame.groupby("source")}
    assert set(by_source) == {"a.txt", "b.txt", "empty.txt", "old.txt", "broken.docx"}
    (empty,) = by_source["empty.txt"].itertuples()
    assert empty.error == "The input holds no text." and empty.table is pd_na()
    (old,) = by_source["old.txt"].itertuples()
    assert old.template == "pre2019" and old.year == 2016 and "before 2019" in old.error
    (broken,) = by_source["broken.docx"].itertuples()
    assert "damaged" in broken.error
    seed = by_source["a.txt"]
    assert set(seed["template"]) == {"2019"} and (seed["error"] == "").all()
    procurement = seed[seed["row"] == "art20_9/centralized_procurement"]
    assert list(zip(procurement["column"], procurement["value"], strict=True)) == [
        ("projects", 16.0),
        ("amount", 109123.0),
    ]
    # read with pandas alone, as documented: the same frame
    import pandas

    from govinfo_report.records import NA_VALUES

    plain = pandas.read_csv(out, dtype=DTYPES, keep_default_na=False, na_values=NA_VALUES)
    pandas.testing.assert_frame_equal(plain, frame)


def pd_na() -> object:
    import pandas

    return pandas.NA


def test_parquet_holds_the_csvs_rows_and_the_diagnostics_go_beside(mixed: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pandas

    csv_out, parquet_out = tmp_path / "cells.csv", tmp_path / "cells.parquet"
    diagnostics = tmp_path / "diagnostics.csv"
    assert run("parse", str(mixed), "--out", str(csv_out), "--diagnostics", str(diagnostics)).returncode == 0
    done = run("parse", str(mixed), "--out", str(parquet_out), "--jobs", "2")
    assert done.returncode == 0
    pandas.testing.assert_frame_equal(read_cells(parquet_out), read_cells(csv_out))
    rows = list(csv.DictReader(io.StringIO(diagnostics.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(DIAGNOSTIC_FIELDS)
    empty = [r for r in rows if r["source"].endswith("empty.txt")]
    assert [(r["code"], r["severity"]) for r in empty] == [("input.empty", "error")]
    seed = parse_file(mixed / "a.txt")
    assert len([r for r in rows if r["source"].endswith("a.txt")]) == len(seed.diagnostics)
    wrong = run("parse", str(mixed), "--out", str(csv_out), "--diagnostics", str(tmp_path / "d.txt"))
    assert wrong.returncode == 2 and "name a .csv or .parquet file" in wrong.stderr


# --- a page that only links to the report -----------------------------------------------------------


def test_a_page_that_links_to_the_report_names_the_links(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>某局2023年政府信息公开工作年度报告</title>\n"
        '<link rel="canonical" href="https://www.example.gov.cn/xxgk/2024/page.html"></head>\n'
        "<body><p>某局2023年政府信息公开工作年度报告</p>\n"
        '<p>详见附件：<a href="../files/report2023.pdf">某局2023年年度报告.pdf</a></p>\n'
        '<p><a href="/index.html">首页</a></p></body></html>\n',
        encoding="utf-8",
    )
    done = run("parse", str(page), "--format", "jsonl")
    assert done.returncode == 0
    (data,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert data["attachments"] == [
        {
            "url": "https://www.example.gov.cn/xxgk/files/report2023.pdf",
            "text": "某局2023年年度报告.pdf",
            "line": 4,
        }
    ]
    (said,) = [d for d in data["diagnostics"] if d["code"] == "page.links_to_report"]
    assert said["severity"] == "error" and said["span"] == [4, 4]
    assert "https://www.example.gov.cn/xxgk/files/report2023.pdf" in said["message"]


def test_each_commands_help_names_what_it_does() -> None:
    parse_help = run("parse", "--help").stdout
    for word in ("json,jsonl,csv,parquet", "--diagnostics", "--quiet", "glob", "--jobs", "1 or more"):
        assert word in parse_help, word
    check_help = run("check", "--help").stdout
    assert "text,json,jsonl" in check_help and "Exit status 1" in check_help
    assert "error diagnostics" in run("show", "--help").stdout


# --- outputs are whole or absent ------------------------------------------------------------------


def test_an_output_is_never_an_input_nor_emptied_by_a_refused_option(mixed: Path, tmp_path: Path) -> None:
    report = mixed / "a.txt"
    before = report.read_bytes()
    same = run("parse", str(report), "--out", str(report))
    assert same.returncode == 2 and "is one of the files to read" in same.stderr
    assert report.read_bytes() == before
    keep = tmp_path / "keep.csv"
    keep.write_text("kept", encoding="utf-8")
    refused = run("parse", str(mixed), "--out", str(keep), "--diagnostics", str(tmp_path / "d.txt"))
    assert refused.returncode == 2 and keep.read_text(encoding="utf-8") == "kept"
    unknown = run("parse", "--example", "no_such_example", "--out", str(keep))
    assert unknown.returncode == 2 and keep.read_text(encoding="utf-8") == "kept"
    cells = run("parse", str(report), "--format", "csv", "--cells")
    assert cells.returncode == 2 and "--cells and --indent go with JSON" in cells.stderr
    same = run("parse", str(report), "--out", str(keep), "--diagnostics", str(keep))
    assert same.returncode == 2 and "name the same file" in same.stderr
    assert keep.read_text(encoding="utf-8") == "kept"


def test_out_writes_through_a_link_and_keeps_the_files_mode(tmp_path: Path) -> None:
    import os
    import stat

    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "target.jsonl"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert run("parse", str(SEEDS[0]), "--out", str(link)).returncode == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["path"] == str(SEEDS[0])
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.json"
    assert run("parse", str(SEEDS[0]), "--out", str(fresh)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask


def test_one_failing_input_leaves_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    done = run("parse", str(tmp_path / "absent.txt"), "--out", str(out))
    assert done.returncode == 2 and not out.exists()
    assert list(tmp_path.iterdir()) == []  # nor a temporary file


def test_an_interrupted_run_leaves_no_output_that_looks_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govinfo_report import _cli_inputs, cli

    calls = 0
    real = _cli_inputs.parse_many

    def interrupted(*args: object, **kwargs: object) -> object:
        nonlocal calls
        for item in real(*args, **kwargs):  # type: ignore[arg-type]
            calls += 1
            if calls == 3:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(_cli_inputs, "parse_many", interrupted)
    for name in ("all.json", "cells.csv", "cells.parquet"):
        if name.endswith(".parquet"):
            pytest.importorskip("pyarrow")
        calls = 0
        out = tmp_path / name
        status = cli.main(["parse", *map(str, SEEDS), "--out", str(out)])
        assert status == cli.EXIT_INTERRUPTED and not out.exists(), name
        assert f"interrupted; {out} was not written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_legacy_out_with_equals_follows_its_extension(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    import subprocess
    import sys

    from test_cli import SCRIPT  # noqa: F401  (the same interpreter)

    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report", str(SEEDS[0]), f"--out={out}"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(RECORD_FIELDS)


# --- standard input -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["parse", "check", "show"])
def test_standard_input_is_read_by_every_command(command: str) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report", command, "-"],
        input=SEEDS[0].read_bytes(),
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    if command == "parse":
        data = json.loads(out)
        assert data["path"] == "-" and data["organ"] == "梅州市梅县区医疗保障局"
    elif command == "check":
        assert out.startswith("-: ") and " 0 fail" in out
    else:
        assert "梅州市梅县区医疗保障局" in out
    twice = run("parse", "-", "-")
    assert twice.returncode == 2 and "can be read once" in twice.stderr


def test_a_bug_while_reading_standard_input_is_that_files_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io as stdio

    from govinfo_report import _cli_inputs, cli

    def broken() -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(_cli_inputs, "_stdin", broken)
    monkeypatch.setattr("sys.stdin", stdio.TextIOWrapper(stdio.BytesIO(b"")))
    status = cli.main(["parse", "-", str(SEEDS[0]), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == cli.EXIT_INTERNAL
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["code"] == "internal" and second["path"] == str(SEEDS[0])  # the batch went on
    assert "RuntimeError: boom" in err and err.strip().endswith("2 files: 1 read, 1 failed")


# --- numbers a float cannot hold ------------------------------------------------------------------


def test_a_number_past_float_precision_is_never_another_number_in_the_rows(tmp_path: Path) -> None:
    from render import canonical, to_text

    report = canonical("2021")
    report.active["art20_1"]["rules"] = ["9007199254740993", "5", "6"]
    path = tmp_path / "big.txt"
    path.write_text(to_text(report), encoding="utf-8")
    parsed = parse_file(path)
    cell = parsed.active_disclosure.get("art20_1/rules", "issued")  # type: ignore[union-attr]
    assert (
        cell.value == 9007199254740993
        and parsed.to_dict()["active_disclosure"]["art20_1"]["rules"]["issued"] == 9007199254740993
    )
    for name in ("cells.csv", "cells.parquet"):
        if name.endswith(".parquet"):
            pytest.importorskip("pyarrow")
        out = tmp_path / name
        assert run("parse", str(path), "--out", str(out)).returncode == 0
        frame = read_cells(out)
        (row,) = frame[(frame["row"] == "art20_1/rules") & (frame["column"] == "issued")].itertuples()
        assert row.value is pd_na() and row.raw == "9007199254740993" and row.state == "number"
        (small,) = frame[(frame["row"] == "art20_1/rules") & (frame["column"] == "repealed")].itertuples()
        assert small.value == 5


def test_a_file_name_that_is_no_utf8_is_written_escaped(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "gbk"
    folder.mkdir()
    name = os.fsdecode(bytes(folder) + b"/\xc4\xea\xb1\xa8\xff.txt")  # GBK 年报, and a stray byte
    shutil.copy(SEEDS[0], name)
    for fmt in ("json", "jsonl", "csv"):
        out = tmp_path / f"out.{fmt}"
        done = run("parse", str(folder), "--format", fmt, "--out", str(out))
        assert done.returncode == 0, done.stderr
        text = out.read_text(encoding="utf-8")  # valid UTF-8
        assert "\\\\xff.txt" in text or "\\xff.txt" in text
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data[0]["path"].endswith("\\xff.txt") and data[0]["source"]["name"] == data[0]["path"]


def test_out_to_an_open_stream_writes_through_it_and_a_read_only_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import subprocess
    import sys

    target = tmp_path / "both.jsonl"
    parse = f"{sys.executable} -m govinfo_report parse {SEEDS[0]} --out /dev/stdout -q"
    command = f"{{ echo HEADER; {parse}; echo FOOTER; }}"
    done = subprocess.run(["bash", "-c", f"{command} > {target}"], timeout=60)
    assert done.returncode == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "HEADER" and lines[-1] == "FOOTER" and json.loads(lines[1])["path"] == str(SEEDS[0])
    from govinfo_report import _cli_output, cli

    locked = tmp_path / "locked.json"
    locked.write_text("kept", encoding="utf-8")
    locked.chmod(0o444)
    if os.geteuid() == 0:  # root may write any file: be a user who may not write this one
        real = os.access
        monkeypatch.setattr(_cli_output.os, "access", lambda p, m: False if p == str(locked) else real(p, m))
    assert cli.main(["parse", str(SEEDS[0]), "--out", str(locked)]) == cli.EXIT_BAD_INPUT
    assert "Permission denied" in capsys.readouterr().err
    assert locked.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("signals", [("SIGTERM",), ("SIGINT",), ("SIGINT", "SIGINT")])
def test_a_signal_leaves_no_output_and_no_worker(tmp_path: Path, signals: tuple[str, ...]) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(600):
        shutil.copy(SEEDS[i % len(SEEDS)], folder / f"r{i:04}.txt")
    out = tmp_path / "cells.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "govinfo_report", "parse", str(folder), "--jobs", "2", "--out", str(out)],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    time.sleep(1.5)
    for name in signals:  # a second Ctrl-C right after the first, while the run cleans up
        process.send_signal(getattr(signal, name))
        time.sleep(0.01)
    process.communicate(timeout=60)  # never hangs
    expected = 143 if signals == ("SIGTERM",) else 130
    assert process.returncode in (expected, 0)  # 0: it finished before the signal
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True, text=True).stdout
    assert left.split() == []  # the session's workers are gone too
    if process.returncode == expected:
        assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".govinfo-")] == []
