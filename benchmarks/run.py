"""Benchmarks: speed as ratios to what was measured in the same run, on the same machine.

    python benchmarks/run.py            # the full run (10,000 reports in the batch, up to 10 MB)
    python benchmarks/run.py --quick    # a smaller run (1,000 reports, up to 1 MB)

Measures, in one run:

* **text**: ``parse_file`` per report on the text fixtures (the packaged seeds, the shared corpus's
  text when present, a generated report of both templates in every text layout): median and p95,
  against the floor, reading the same file and one regular-expression pass over it
  (``re.findall`` of the runs of digits and of Han characters: the least any parser must do);
* **HTML**: ``parse_file`` against ``pandas.read_html`` and ``lxml.html.fromstring`` on the same
  pages;
* **PDF**: ``parse_file`` per PDF against PDFium's bare text extraction of the same file (open,
  every page's text, close: the least a PDF reader must do) and against pdfplumber's
  ``extract_text`` (when the ``bench`` extra installs it), with the peak memory of a parse
  (``tracemalloc``: Python's allocations, PDFium's own are outside it);
* **batch**: reports per second over generated reports with ``parse_many`` at ``jobs=1`` and
  ``jobs=2``, the layouts taken in turn, the workers sending back JSON lines: the wall speed-up
  and the CPU per report (the parent's and the workers', from ``os.times``) of two workers
  against one (``--only-batch``: this alone, for each ``output``);
* **growth**: report-like inputs of 10 KB to 10 MB, time and peak memory (``tracemalloc``), in
  a process that has parsed before and in a fresh one, whose first parse also fills the bounded
  caches of labels and cells.

Each figure is the best of several interleaved repetitions, so that a noisy neighbour slows the
parser and what it is compared with alike. The per-report passes forget the parser's remembered
labels and cells before each pass (``clear_memos``) and take the fixtures in a shuffled order:
every parse sees the labels of some other reports, never its own text parsed before. Absolute
times on a shared machine are noise; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import batch_files, html_pages, pdf_files, report_like, text_fixtures

from govinfo_report import parse_file
from govinfo_report._text import clear_memos
from govinfo_report.batch import Failure, parse_many

_FLOOR = re.compile(r"[0-9]+|[\u3400-\u9fff]+")

TARGETS = {
    "text": 10.0,  # median parse / floor at most
    "html": 0.5,  # parse_file / pandas.read_html at most
    "growth": 12.0,  # time of 10 MB / time of 1 MB at most
    "memory": 20.0,  # peak memory / input size below
    "batch": 1000.0,  # reports per second at jobs=2 at least
    "speedup": 1.7,  # wall time jobs=1 / jobs=2 at least (output="json")
    "cpu": 1.15,  # CPU per report jobs=2 / jobs=1 at most (output="json")
    "pdf": 3.0,  # median parse_file / PDFium's text layer at most
}


def pdfium_text(path: Path) -> str:
    """PDFium's bare text extraction: open, every page's text in its order, close."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def bench_pdf(files: list[tuple[str, Path]], passes: int) -> list[dict[str, object]]:
    try:
        import pdfplumber  # noqa: F401
    except ImportError:  # the bench extra installs it
        plumber = False
    else:
        plumber = True
    timers: dict[str, Callable[[Path], object]] = {"parse": parse_file, "pdfium": pdfium_text}
    if plumber:
        timers["pdfplumber"] = pdfplumber_text
    best = _best_times(files, timers, passes, seed=3)
    out: list[dict[str, object]] = []
    for name, path in files:
        tracemalloc.start()
        parse_file(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        out.append({"pdf": name, "pdfplumber": None, **best[name], "peak": peak})
    return out


def _best_times(
    items: list[tuple[str, Path]], timers: dict[str, Callable[[Path], object]], passes: int, seed: int
) -> dict[str, dict[str, float]]:
    """The best time of each timer on each file over ``passes`` interleaved passes, the files in a
    shuffled order each pass and the parser's remembered labels and cells forgotten first."""
    rng = random.Random(seed)
    best = {name: dict.fromkeys(timers, float("inf")) for name, _ in items}
    for _ in range(passes):
        clear_memos()
        order = list(items)
        rng.shuffle(order)
        for name, path in order:
            row = best[name]
            for timer, function in timers.items():
                row[timer] = min(row[timer], _seconds(function, path))
    return best


def floor(path: Path) -> int:
    """The least a parser must do: read the file, decode it, find its numbers and words once."""
    return len(_FLOOR.findall(path.read_bytes().decode("utf-8")))


def _seconds(function: Callable[..., object], *args: object) -> float:
    began = time.perf_counter()
    function(*args)
    return time.perf_counter() - began


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> list[str]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = ", ".join(
        f"{name} {version(name)}" for name in ("govinfo-report", "lxml", "regex", "attrs", "pandas")
    )
    return [
        f"machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        f"python: {platform.python_implementation()} {platform.python_version()}",
        f"packages: {packages}",
    ]


def bench_text(fixtures: list[tuple[str, Path]], passes: int) -> dict[str, float]:
    rng = random.Random(1)
    best_parse = dict.fromkeys((name for name, _ in fixtures), float("inf"))
    best_floor = dict(best_parse)
    cold = dict(best_parse)
    for _ in range(passes):
        clear_memos()
        order = list(fixtures)
        rng.shuffle(order)
        for name, path in order:
            best_parse[name] = min(best_parse[name], _seconds(parse_file, path))
            best_floor[name] = min(best_floor[name], _seconds(floor, path))
    for _ in range(passes):
        for name, path in fixtures:
            clear_memos()
            cold[name] = min(cold[name], _seconds(parse_file, path))
    ratios = [best_parse[n] / best_floor[n] for n in best_parse]
    worst = max(best_parse, key=lambda n: best_parse[n])
    return {
        "reports": len(fixtures),
        "median": statistics.median(best_parse.values()),
        "p95": _p95(list(best_parse.values())),
        "floor": statistics.median(best_floor.values()),
        "ratio": statistics.median(ratios),
        "ratio_p95": _p95(ratios),
        "cold": statistics.median(cold.values()),
        "worst": best_parse[worst],
        "worst_name": worst,  # type: ignore[dict-item]
    }


def bench_html(pages: list[tuple[str, Path]], passes: int) -> list[dict[str, object]]:
    import lxml.html

    try:
        import pandas
    except ImportError:  # the test extra installs it
        pandas = None
    timers: dict[str, Callable[[Path], object]] = {
        "parse": parse_file,
        "lxml": lambda p: lxml.html.fromstring(p.read_bytes()),
    }
    if pandas is not None:
        timers["read_html"] = lambda p: pandas.read_html(io.BytesIO(p.read_bytes()))
    # as the text passes: nothing remembered of the page itself
    best = _best_times(pages, timers, passes, seed=2)
    return [{"page": name, "read_html": None, **row} for name, row in best.items()]


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the pool's workers are
    waited for when ``parse_many`` finishes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def bench_batch(
    paths: list[Path], jobs: Sequence[int], output: str = "report"
) -> dict[int, tuple[float, float, int]]:
    """``jobs → (reports per second, CPU seconds per report, failures)``, everything the parent
    and the workers spend counted, with ``output`` shipped back from the workers."""
    out: dict[int, tuple[float, float, int]] = {}
    names = [str(p) for p in paths]
    for n in jobs:
        clear_memos()
        failures = 0
        began, cpu = time.perf_counter(), _cpu()
        for _, result in parse_many(names, jobs=n, output=output):  # type: ignore[call-overload]
            failures += isinstance(result, Failure)
        wall, spent = time.perf_counter() - began, _cpu() - cpu
        out[n] = (len(names) / wall, spent / len(names), failures)
    return out


def _load() -> str:
    """How busy the machine is: the load average, against its cores."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def bench_growth(folder: Path, sizes: Sequence[int]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = []
    for size in sizes:
        path = folder / f"growth-{size}.txt"
        path.write_text(report_like(size), encoding="utf-8")
        actual = path.stat().st_size
        repeat = 5 if size <= 1_000_000 else 2
        seconds = min(_seconds(parse_file, path) for _ in range(repeat))
        peaks = []
        for fresh in (False, True):  # a process that has parsed before; a fresh one
            if fresh:
                clear_memos()
            tracemalloc.start()
            report = parse_file(path)
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            assert report.applications is not None, "the growth input's tables were not read"
        out.append({"size": actual, "seconds": seconds, "peak": peaks[0], "fresh": peaks[1]})
    return out


def _batch_verdicts(batch: dict[int, tuple[float, float, int]]) -> list[tuple[str, str, str, bool]]:
    print(_load())
    for jobs, (rate, cpu, failures) in batch.items():
        print(f"jobs={jobs}: {rate:,.0f} reports/s, {cpu * 1e3:.2f} ms CPU per report ({failures} failures)")
    speedup, cpu_ratio = batch[2][0] / batch[1][0], batch[2][1] / batch[1][1]
    return [
        ("batch: reports/s at jobs=2", f"{batch[2][0]:,.0f}", "≥ 1,000", batch[2][0] >= TARGETS["batch"]),
        ("batch: wall speed-up jobs=2 / jobs=1", f"{speedup:.2f}x", "≥ 1.7x", speedup >= TARGETS["speedup"]),
        (
            "batch: CPU per report jobs=2 / jobs=1",
            f"{cpu_ratio:.2f}x",
            "≤ 1.15x",
            cpu_ratio <= TARGETS["cpu"],
        ),
    ]


def _batch_only(n: int) -> int:
    """The batch section alone, for each output the workers can send back."""
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory(prefix="govinfo-bench-") as tmp:
        files = batch_files(Path(tmp), n)
        met = True
        for output in ("json", "records", "report"):
            print(f"## batch: parse_many over {n:,} generated reports, output={output!r}")
            for name, result, target, ok in _batch_verdicts(bench_batch(files, (1, 2), output)):
                print(f"{name}: {result} (target {target}) {'met' if ok else 'MISSED'}")
                met &= ok or output == "report"
            print()
    return 0 if met else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 reports in the batch, growth to 1 MB")
    parser.add_argument("--batch", type=int, help="reports in the batch (default 10,000; 1,000 with --quick)")
    parser.add_argument("--only-batch", action="store_true", help="only the batch section")
    args = parser.parse_args(argv)
    if args.only_batch:
        return _batch_only(args.batch or 2_000)
    quick = args.quick
    batch_n = args.batch or (1_000 if quick else 10_000)
    sizes = (10_000, 100_000, 1_000_000) + (() if quick else (10_000_000,))
    print("\n".join(machine()))
    print(f"command: python benchmarks/run.py{' --quick' if quick else ''}")
    print()
    verdicts: list[tuple[str, str, str, bool]] = []  # measure, result, target, met
    with tempfile.TemporaryDirectory(prefix="govinfo-bench-") as tmp:
        folder = Path(tmp)

        text = bench_text(text_fixtures(folder), passes=3 if quick else 7)
        print(f"## text: parse_file per report, {text['reports']} fixtures")
        print(f"median {text['median'] * 1e3:.2f} ms, p95 {text['p95'] * 1e3:.2f} ms ", end="")
        print(f"(slowest: {text['worst_name']}, {text['worst'] * 1e3:.1f} ms)")
        print(f"first parse in a fresh process (nothing remembered): median {text['cold'] * 1e3:.2f} ms")
        print(f"floor (read + decode + one re.findall): median {text['floor'] * 1e3:.3f} ms")
        print(f"parse / floor: median {text['ratio']:.1f}x, p95 {text['ratio_p95']:.1f}x")
        verdicts.append(
            ("text: median parse / floor", f"{text['ratio']:.1f}x", "≤ 10x", text["ratio"] <= TARGETS["text"])
        )
        print()

        print("## HTML: parse_file vs pandas.read_html vs lxml.html.fromstring, same page")
        html = bench_html(html_pages(folder), passes=5 if quick else 11)
        print("| page | parse_file | pandas.read_html | lxml.html.fromstring | parse / read_html |")
        print("|---|---:|---:|---:|---:|")
        ratios = []
        for row in html:
            ours, theirs, tree = row["parse"], row["read_html"], row["lxml"]
            assert isinstance(ours, float) and isinstance(tree, float)
            ratio = ours / theirs if isinstance(theirs, float) else None
            if ratio is not None:
                ratios.append(ratio)
            shown = f"{theirs * 1e3:.2f} ms" if isinstance(theirs, float) else "not installed"
            print(
                f"| {row['page']} | {ours * 1e3:.2f} ms | {shown} | {tree * 1e3:.2f} ms | "
                f"{'—' if ratio is None else f'{ratio:.2f}x'} |"
            )
        if ratios:
            worst = max(ratios)
            verdicts.append(
                (
                    "HTML: parse_file / read_html (worst page)",
                    f"{worst:.2f}x",
                    "≤ 0.5x",
                    worst <= TARGETS["html"],
                )
            )
        print()

        print("## PDF: parse_file vs PDFium's text layer vs pdfplumber's extract_text, same file")
        pdf = bench_pdf(pdf_files(folder), passes=3 if quick else 7)
        print("| PDF | parse_file | PDFium text | pdfplumber text | parse / PDFium | peak memory |")
        print("|---|---:|---:|---:|---:|---:|")
        for row in pdf:
            ours, bare, plumber, peak = row["parse"], row["pdfium"], row["pdfplumber"], row["peak"]
            assert isinstance(ours, float) and isinstance(bare, float) and isinstance(peak, int)
            shown = f"{plumber * 1e3:.1f} ms" if isinstance(plumber, float) else "not installed"
            print(
                f"| {row['pdf']} | {ours * 1e3:.1f} ms | {bare * 1e3:.1f} ms | {shown} | "
                f"{ours / bare:.1f}x | {peak / 1e6:.1f} MB |"
            )
        pdf_ratio = statistics.median(float(r["parse"]) / float(r["pdfium"]) for r in pdf)  # type: ignore[arg-type]
        verdicts.append(
            ("PDF: median parse_file / PDFium text", f"{pdf_ratio:.1f}x", "≤ 3x", pdf_ratio <= TARGETS["pdf"])
        )
        print()

        print(f"## batch: parse_many over {batch_n:,} generated reports")
        batch_folder = folder / "batch"
        batch_folder.mkdir()
        batch = bench_batch(batch_files(batch_folder, batch_n), jobs=(1, 2), output="json")
        verdicts += _batch_verdicts(batch)
        print()

        print("## growth: report-like text (tables and long prose)")
        print("| input | time | vs 10x smaller | peak memory | peak / input | in a fresh process |")
        print("|---:|---:|---:|---:|---:|---:|")
        growth = bench_growth(folder, sizes)
        previous = None
        for row in growth:
            step = "—" if previous is None else f"{row['seconds'] / previous:.1f}x"
            print(
                f"| {row['size'] / 1e6:.2f} MB | {row['seconds']:.3f} s | {step} | "
                f"{row['peak'] / 1e6:.1f} MB | {row['peak'] / row['size']:.1f}x | "
                f"{row['fresh'] / 1e6:.1f} MB, {row['fresh'] / row['size']:.1f}x |"
            )
            previous = row["seconds"]
        if len(growth) >= 2:
            last = growth[-1]["seconds"] / growth[-2]["seconds"]
            label = f"growth: time of {sizes[-1] / 1e6:g} MB / {sizes[-2] / 1e6:g} MB"
            verdicts.append((label, f"{last:.1f}x", "≤ 12x", last <= TARGETS["growth"]))
        memory = max(row["peak"] / row["size"] for row in growth)
        verdicts.append(
            ("growth: peak memory / input (worst)", f"{memory:.1f}x", "< 20x", memory < TARGETS["memory"])
        )
        print()

    print("## against the targets (issues 6 and 13)")
    print("| measure | result | target | met |")
    print("|---|---:|---:|---|")
    for what, result, target, met in verdicts:
        print(f"| {what} | {result} | {target} | {'yes' if met else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
