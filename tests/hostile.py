"""Hostile inputs: text built to make a parser slow, each of a chosen size.

``python tests/hostile.py [MB]`` parses each at that size (2 MB by default) and prints the time,
the peak memory and the limits it hit: the issue-4 acceptance run, recorded in docs/testing.md.
``tests/test_hostile.py`` uses the same inputs at small sizes to check that the work grows
linearly and that every limit hit is reported.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable

from render import canonical, to_text


def _fill(unit: str, size: int, head: str = "") -> str:
    """``head`` then ``unit`` repeated to about ``size`` bytes of UTF-8."""
    return head + unit * max(1, (size - len(head.encode())) // len(unit.encode()))


TITLE = "某市某某局2022年政府信息公开工作年度报告\n一、总体情况\n"
TABLE_3 = TITLE + "三、收到和处理政府信息公开申请情况\n"

HOSTILE: dict[str, Callable[[int], str]] = {
    # long runs of one delimiter, on one line and one per line
    "pipes on one line": lambda n: _fill("|", n, TABLE_3),
    "pipe lines": lambda n: _fill("|\n", n, TABLE_3),
    "tabs on one line": lambda n: _fill("\t", n, TABLE_3 + "一、本年新收政府信息公开申请数量"),
    "tab cells": lambda n: _fill("\t0\n", n, TABLE_3),
    "dashes": lambda n: _fill("—", n, TITLE),
    "markdown separators": lambda n: _fill("|---", n, TABLE_3 + "| a | b |\n"),
    # many lines
    "table rows": lambda n: _fill("（一）予以公开\t1\t2\t3\t4\t5\t6\t21\n", n, TABLE_3),
    "whole reports": lambda n: _fill(to_text(canonical()), n),
    "numbered headings": lambda n: _fill("一、总体情况\n（一）主动公开\n1.规章\n", n, TITLE),
    "one cell per line": lambda n: _fill("\t\n", n, TABLE_3),
    "detached labels and numbers": lambda n: _fill("1.属于国家秘密\n0 0 0 0 0 0 0\n", n, TABLE_3),
    # long lines
    "one long prose line": lambda n: _fill("本机关主动公开政府信息123条，", n, TITLE),
    "digits": lambda n: _fill("9", n, TABLE_3 + "一、本年新收政府信息公开申请数量"),
    "digits and separators": lambda n: _fill("1,0.", n, TABLE_3 + "（七）总计"),
    "labels glued to digits": lambda n: _fill("行政许可123规章0", n, TITLE + "二、主动公开政府信息情况\n"),
    "spaced numbers": lambda n: _fill(" 1", n, TABLE_3 + "（一）予以公开"),
    # regex backtracking bait
    "open brackets": lambda n: _fill("（（一", n, TITLE),
    "heading prefixes": lambda n: _fill("第二十条第（", n, TITLE + "二、主动公开政府信息情况\n"),
    "label gaps": lambda n: _fill("本、，。年", n, TABLE_3),
    "inline value bait": lambda n: _fill("数量：", n, TABLE_3) + "1x",
    "tags": lambda n: _fill("<p><b>一、", n, "<html><body>"),
    "unclosed cells": lambda n: _fill("<td rowspan=99>", n, "<html><body><table><tr>"),
}
"""Name -> a function giving that input at about ``n`` bytes (UTF-8)."""


def main(megabytes: float = 2.0) -> int:
    from govinfo_report import parse

    size = int(megabytes * 1_000_000)
    worst = 0.0
    for name, make in HOSTILE.items():
        text = make(size)
        began = time.perf_counter()
        report = parse(text)
        seconds = time.perf_counter() - began
        tracemalloc.start()  # a second parse, traced: tracing slows Python down several times
        parse(text)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        worst = max(worst, seconds)
        limits = sorted({d.code for d in report.diagnostics if d.code.startswith("limits.")})
        mb = len(text.encode()) / 1e6
        print(
            f"{name:28} {mb:5.2f} MB {seconds:6.2f} s  peak {peak / 1e6:6.1f} MB  {' '.join(limits)}",
            flush=True,
        )
    print(f"worst: {worst:.2f} s")
    return 0 if worst < 10 else 1


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0))
