"""``python -m govinfo_report``: the README's first command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_example_prints_the_report_as_json() -> None:
    done = run("--example", "seed_000")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    # seed 000: 梅州市梅县区医疗保障局, 2020, 2019 template; 政府集中采购 16 items, 109123
    assert (data["organ"], data["year"], data["template"]) == ("梅州市梅县区医疗保障局", 2020, "2019")
    assert data["active_disclosure"]["art20_9"]["centralized_procurement"] == {
        "projects": 16,
        "amount": 109123,
    }


def test_a_file_is_parsed_and_a_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n", encoding="utf-8")
    done = run(str(report))
    assert done.returncode == 0 and json.loads(done.stdout)["year"] == 2021
    missing = run(str(tmp_path / "absent.txt"))
    assert missing.returncode == 2
    # one line says why, one sums the run up
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 2
    assert missing.stderr.strip().endswith("no report read: none of 1 file")


def test_files_of_any_format_and_refused_ones(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.html"
    gbk.write_bytes("<p>某局2020年政府信息公开工作年度报告</p><p>一、总体情况</p>".encode("gbk"))
    image = tmp_path / "scan.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    done = run(str(gbk), str(image))
    assert done.returncode == 2
    data, refused = json.loads(done.stdout)  # two files: one JSON array, the refused one's error in it
    assert data["year"] == 2020 and data["source"]["format"] == "html" and data["path"] == str(gbk)
    assert data["source"]["encoding"] == "gb18030"
    message = "scan.png is a PNG image; run OCR on it and parse the text."
    assert refused == {
        "schema_version": data["schema_version"],
        "path": str(image),
        "error": message,
        "code": "input.unsupported_format",
    }
    assert done.stderr.strip().splitlines() == [
        f"python -m govinfo_report: {image}: {message}",
        "python -m govinfo_report: 2 files: 1 read, 1 failed",
    ]
