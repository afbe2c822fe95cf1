"""The benchmark harness runs and times real reports (no speed is asserted here: see
docs/performance.md). Each function of ``benchmarks/run.py`` is run on a few small inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import inputs  # noqa: E402
import run  # noqa: E402

from govinfo_report import parse, parse_file  # noqa: E402


def test_generated_batch_reports_are_read_whole(tmp_path: Path) -> None:
    # every layout of the batch, both templates: each file is a report whose three tables are read
    paths = inputs.batch_files(tmp_path, 2 * len(inputs.BATCH_LAYOUTS))
    assert {p.suffix for p in paths} == {".txt", ".md", ".html"}
    for path in paths:
        report = parse_file(path)
        assert report.template in ("2019", "2021")
        assert report.applications is not None and report.review_litigation is not None
    for output in ("json", "records", "report"):
        rates = run.bench_batch(paths, jobs=(1, 2), output=output)
        assert set(rates) == {1, 2}
        assert all(rate > 0 and cpu > 0 and failures == 0 for rate, cpu, failures in rates.values())


@pytest.mark.parametrize("size", [10_000, 200_000])
def test_report_like_input_is_a_report_of_about_the_size_asked(size: int) -> None:
    text = inputs.report_like(size)
    assert size <= len(text.encode("utf-8")) < size + 2_000
    report = parse(text)
    assert report.template == "2021" and report.applications is not None
    assert report.applications.get("total", "total").value == 39  # the canonical report's total


def test_text_and_html_benchmarks_compare_like_with_like(tmp_path: Path) -> None:
    fixtures = inputs.text_fixtures(tmp_path)
    names = [name for name, _ in fixtures]
    assert any(n.startswith("seed") for n in names)
    assert {f"{t} {layout}" for t in ("2019", "2021") for layout in inputs.TEXT_LAYOUTS} <= set(names)
    text = run.bench_text(fixtures[:3], passes=1)
    assert text["reports"] == 3 and text["median"] > 0 and text["floor"] > 0
    assert run.floor(fixtures[0][1]) > 100  # the floor finds the numbers and words of a report
    html = run.bench_html(inputs.html_pages(tmp_path)[:1], passes=1)
    assert html[0]["parse"] > 0 and html[0]["lxml"] > 0


def test_pdf_benchmark_times_parse_file_against_pdfium_text(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    files = inputs.pdf_files(tmp_path)
    assert {name for name, _ in files} >= {"generated 2019", "generated 2021"}
    generated = [(name, path) for name, path in files if name.startswith("generated")]
    assert parse_file(generated[0][1]).applications is not None  # the timed PDF is a readable report
    (row,) = run.bench_pdf(generated[:1], passes=1)
    assert isinstance(row["parse"], float) and isinstance(row["pdfium"], float)
    assert row["parse"] > row["pdfium"] > 0  # a parse reads the text layer and more
    assert isinstance(row["peak"], int) and row["peak"] > 0
    assert "申请" in run.pdfium_text(generated[0][1])
