"""Stage 4: rebuild cells. One small strategy per text layout; each returns a grid or None.

The order below is the order of preference when several layouts fit one region: the most
specific markers first (box-drawing rules, Markdown separators, split pipe rows, Tika's tab-per-cell lines),
then tab rows, run-together crawler text, one cell per line, and PDF text, which fits almost
anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._normalize import Line
from . import boxdrawing, markdown, paragraphs, pdftext, pipe, runtogether, tabs, tika
from .grid import Grid

Strategy = tuple[str, Callable[[Sequence[Line]], bool], Callable[[Sequence[Line]], Grid | None]]

STRATEGIES: tuple[Strategy, ...] = (
    (boxdrawing.NAME, boxdrawing.looks_like, boxdrawing.rebuild),
    (markdown.NAME, markdown.looks_like, markdown.rebuild),
    (pipe.NAME, pipe.looks_like, pipe.rebuild),
    (tika.NAME, tika.looks_like, tika.rebuild),
    (tabs.NAME, tabs.looks_like, tabs.rebuild),
    (runtogether.NAME, runtogether.looks_like, runtogether.rebuild),
    (paragraphs.NAME, paragraphs.looks_like, paragraphs.rebuild),
    (pdftext.NAME, pdftext.looks_like, pdftext.rebuild),
)


def rebuild(lines: Sequence[Line]) -> Grid | None:
    """The grid of the first strategy whose layout fits ``lines`` and that rebuilds something."""
    for _name, fits, build in STRATEGIES:
        grid = build(lines) if fits(lines) else None
        if grid is not None:
            return grid
    return None


__all__ = ["STRATEGIES", "Grid", "rebuild"]
