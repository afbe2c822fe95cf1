"""Benchmarks, as ratios to what was measured in the same run (issue 6; first part).

    python benchmarks/run.py [--quick]

Measures, on this machine, in one run:

* ``parse`` per report on the text fixtures (the packaged seeds, the shared corpus when present,
  and generated reports of both templates in the text layouts): median and p95;
* the floor: reading the same text and one regex pass over it, the least any parser must do;
* HTML: ``parse`` of a page against ``lxml.html.fromstring`` and ``pandas.read_html`` (when
  pandas and its HTML reader are installed);
* growth: report-like inputs of 10 KB, 100 KB and 1 MB (10 MB without ``--quick``), time and
  peak memory.

Absolute times on a shared machine are noise; the ratios are what to compare.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from govinfo_report import parse  # noqa: E402

_FLOOR = regex.compile(r"[0-9]+|[\p{Han}]+")


def floor(text: str) -> int:
    """The least a parser must do: touch every character once with one compiled pattern."""
    return sum(1 for _ in _FLOOR.finditer(text))


def timed(function: Callable[[str], object], text: str, repeat: int) -> float:
    best = []
    for _ in range(repeat):
        began = time.perf_counter()
        function(text)
        best.append(time.perf_counter() - began)
    return min(best)


def fixtures(quick: bool) -> list[str]:
    from render import canonical, to_text
    from strategies import to_markdown, to_run_together, to_split_pipes, to_tika

    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "src/govinfo_report/examples").glob("*.txt"))
    ]
    corpus = ROOT.parent / "shared" / "corpus" / "raw"
    if corpus.is_dir():
        texts += [
            p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir()) if p.suffix in (".txt", ".md")
        ]
    layouts = (to_text, to_tika, to_split_pipes, to_markdown) + (() if quick else (to_run_together,))
    texts += [render(canonical(t)) for t in ("2019", "2021") for render in layouts]
    return texts


def main(quick: bool) -> None:
    texts = fixtures(quick)
    repeat = 3 if quick else 5
    parse_times = [timed(parse, t, repeat) for t in texts]
    floor_times = [timed(floor, t, repeat) for t in texts]
    median = statistics.median(parse_times)
    p95 = sorted(parse_times)[max(0, int(len(parse_times) * 0.95) - 1)]
    ratio = statistics.median(p / max(f, 1e-9) for p, f in zip(parse_times, floor_times, strict=True))
    print(f"text: {len(texts)} reports; parse median {median * 1e3:.1f} ms, p95 {p95 * 1e3:.1f} ms")
    print(
        f"      floor median {statistics.median(floor_times) * 1e3:.3f} ms; parse / floor median {ratio:.0f}x"
    )

    from render import canonical, to_html

    page = to_html(canonical("2021"), chrome=True)
    ours = timed(parse, page, repeat)
    import lxml.html

    tree = timed(lxml.html.fromstring, page, repeat)
    line = f"html: parse {ours * 1e3:.1f} ms; lxml.html.fromstring {tree * 1e3:.2f} ms ({ours / tree:.0f}x)"
    try:
        import io

        import pandas

        theirs = timed(lambda p: pandas.read_html(io.StringIO(p)), page, repeat)
        line += f"; pandas.read_html {theirs * 1e3:.1f} ms (parse / read_html {ours / theirs:.2f}x)"
    except ImportError as exc:
        line += f"; pandas.read_html not run ({exc})"
    print(line)

    from hostile import HOSTILE

    sizes = (10_000, 100_000, 1_000_000) + (() if quick else (10_000_000,))
    previous = None
    for size in sizes:
        text = HOSTILE["whole reports"](size)
        seconds = timed(parse, text, 1)
        tracemalloc.start()
        parse(text)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        growth = "" if previous is None else f" ({seconds / previous:.1f}x the time of 10x less)"
        print(
            f"growth: {size / 1e6:6.2f} MB {seconds:7.3f} s{growth}; "
            f"peak memory {peak / max(size, 1):.1f}x the input"
        )
        previous = seconds


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
