"""The damage suite: realistic damage to reports whose every value is known.

"Never a wrong or invented number": after a damage, every value the parser gives equals the truth
of its own cell, or the cell is missing with a diagnostic on or next to its row; no number appears
where the truth is blank; no crash. The bases (``damage_bases.py``) carry distinct non-zero
numbers, so a value read into the wrong cell shows.

A damage kind is ``DAMAGES[kind](base, pick) -> Damaged | None``: ``pick(n)`` gives an int in
``range(n)`` (hypothesis' ``data.draw`` or ``random.Random.randrange``); None when the kind does
not apply to that base. A kind picks its spot and edits through a view of the document: ``Text``
(here) for the text layouts, ``damage_bases.Markup`` for HTML and DOCX; the view keeps each
layout's own way (a Tika cell is a line, HTML wraps with ``<br>``, a deleted row shortens the
rowspan over it). :func:`check` lists the problems of a parse; ``main`` is the runner.

    python tests/damage.py --cases 10000 --seed 1 [--only KIND] [--family F] [--case I] [--dump FILE]
"""

from __future__ import annotations

import argparse
import difflib
import functools
import itertools
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from damage_bases import (
    CJK,
    HTML,
    MARK,
    TABLES,
    Base,
    Damaged,
    Edit,
    Markup,
    Pick,
    _show,
    all_bases,
    flat,
    mark,
    mark_index,
    parse_content,
    real,
    real_sources,
    row_of,
    start,
    table_of,
    unmark,
)
from govinfo_report import Report

FULL = str.maketrans("0123456789-.", "０１２３４５６７８９－．")
LEAD = {"tabs": r"\t+", "md": r"\s*\|\s?", "pipes": r"\|\s?"}
"""A row's leading separators, by layout."""


def choose(pick: Pick, items: list[Any]) -> Any:
    return items[pick(len(items))] if items else None


def free_number(case: Damaged, pick: Pick) -> int:
    """A number no cell holds, so a stray number read into a cell shows."""
    taken = {abs(int(v)) for v in case.truth.values() if v is not None}
    n = 10 + pick(980)
    while n in taken:
        n += 1
    return n


def stray_text(what: str, case: Damaged, pick: Pick) -> str:
    if what == "continued":
        return choose(pick, ["续表", "（续表）", "续表："])
    if what == "year":
        year = 2019 + pick(7)
        return choose(pick, [f"{year}年", str(year)])
    if what == "page_number":
        return str(1 + pick(9))
    if what == "footer":
        n, m = 1 + pick(8), 9 + pick(3)
        return choose(pick, [f"{n}/{m}", f"- {n} -", f"第 {n} 页 共 {m} 页", f"— {n} —"])
    a, b = free_number(case, pick), free_number(case, pick)
    return choose(pick, [f"全年共收到申请{a}件，办结{b}件。", f"本年主动公开政府信息{a}条，其中文件{b}件。"])


# --- the damaged case and the views a damage edits it through -------------------------------------


def markup_of(base: Base) -> str:
    """``text``, ``html`` or ``docx``: the view a damage edits the base through."""
    return base.layout if base.layout in ("html", "docx") else "text"


def view(case: Damaged) -> Text | Markup:
    return Text(case) if markup_of(case.base) == "text" else Markup(case)


class Text:
    """A text's lines. A cell is ``(line, marker match)``; a table line is a line index."""

    def __init__(self, case: Damaged) -> None:
        self.case, self.layout, self.keys = case, case.base.layout, case.base.keys
        self.lines = case.marked.split("\n")

    def key(self, cell: Any) -> str:
        return self.keys[mark_index(cell[1])]

    def match(self, cell: Any) -> re.Match[str]:
        return cell[1]

    def done(self, desc: str, truth: dict[str, Any] | None = None, unknown: set[str] | None = None) -> Edit:
        return "\n".join(self.lines), truth or {}, unknown or set(), desc

    def cells(self) -> list[tuple[int, re.Match[str]]]:
        return [(i, m) for i, line in enumerate(self.lines) for m in MARK.finditer(line)]

    def value_cells(self) -> list[tuple[int, re.Match[str]]]:
        """The value cells not split or copied by an earlier damage."""
        counts = Counter(m.group(1) for _, m in self.cells())
        return [(i, m) for i, m in self.cells() if counts[m.group(1)] == 1]

    def regions(self) -> list[tuple[int, int]]:
        """Each table's lines, from its first value to its last."""
        lines: dict[str, list[int]] = {}
        for i, m in self.cells():
            lines.setdefault(table_of(self.keys[mark_index(m)]), []).append(i)
        return [(min(v), max(v)) for v in lines.values()]

    def units(self) -> list[int]:
        return sorted({i for a, b in self.regions() for i in range(a, b + 1)})

    def rows(self) -> list[list[int]]:
        """Rows holding values as line groups: a Tika row runs to a blank line, a split-pipe row
        from its ``| label`` line to the next; otherwise a row is a line."""
        if self.layout not in ("tika", "pipes"):
            return [[i] for i in sorted({i for i, _ in self.cells()})]
        groups: list[list[int]] = [[]]
        for i, line in enumerate(self.lines):  # a lone tab is a blank Tika cell, not a row's end
            if not line.strip(" ") or (self.layout == "pipes" and re.match(r"\|\s*[^\s|]", line)):
                groups.append([])
            if line.strip(" "):
                groups[-1].append(i)
        return [g for g in groups if g and any(MARK.search(self.lines[i]) for i in g)]

    value_rows = rows

    def alone(self, i: int) -> bool:
        """Line ``i`` is one cell (Tika, split pipes, a number on a line of its own)."""
        return len(MARK.findall(self.lines[i])) == 1 and not MARK.sub("", self.lines[i]).strip(" \t|")

    def unit(self, i: int, m: re.Match[str]) -> tuple[int, int]:
        """A cell with its separator on the left: ``\\t5``, ``| 5 ``, `` 5``."""
        line, a, b = self.lines[i], m.start(), m.end()
        while a and line[a - 1] in " \u00a0\u3000":
            a -= 1
        if a and line[a - 1] in "\t|" and self.layout in ("tabs", "md"):
            a -= 1
        elif a == 0 and line[b : b + 1] == "\t":
            b += 1
        while self.layout == "md" and b < len(line) and line[b] == " ":
            b += 1
        return a, b

    def cut_cell(self, cell: Any, pick: Pick) -> str:
        i, m = cell
        if self.alone(i):
            first = i - 1 if self.layout == "pipes" and i and self.lines[i - 1].strip() == "|" else i
            shown = "\n".join(self.lines[first : i + 1])
            del self.lines[first : i + 1]
            return f"{_show(shown)} (line {i + 1})"
        a, b = self.unit(i, m)
        shown, self.lines[i] = self.lines[i][a:b], self.lines[i][:a] + self.lines[i][b:]
        return f"{_show(shown)} on line {i + 1}"

    def joinable(self) -> list[Any]:
        cells, out = self.value_cells(), []
        for (i, m), (j, n) in itertools.pairwise(cells):
            gap = self.lines[i][m.end() : n.start()] if i == j else "\n".join(self.lines[i + 1 : j])
            if i == j and self.layout != "run" and re.fullmatch(r"[ \t|\u00a0]+", gap):  # a separator between
                out.append(((i, m), (j, n)))
            elif self.layout in ("tika", "pipes") and 0 < j - i <= 2 and self.alone(i) and self.alone(j):
                out += [((i, m), (j, n))] if j == i + 1 or gap.strip() == "|" else []
        return out

    def join(self, pair: Any, pick: Pick) -> str:
        (i, m), (j, n) = pair
        before = "\n".join(self.lines[i : j + 1])
        if i == j:
            self.lines[i] = self.lines[i][: m.end()] + self.lines[i][n.start() :]
        else:
            self.lines[i] += n.group()
            del self.lines[i + 1 : j + 1]
        return f"{self.key(pair[0])} + {self.key(pair[1])}: {_show(before)} -> {_show(self.lines[i])}"

    def empty_before(self, cell: Any, pick: Pick) -> str | None:
        i, m = cell
        if self.layout in ("space", "run"):
            return None  # PDF text and crawler text write no empty cell
        if self.layout in ("tika", "pipes"):
            self.lines.insert(i, "\t" if self.layout == "tika" else "|")
        else:
            a = self.unit(i, m)[0]
            self.lines[i] = self.lines[i][:a] + ("\t" if self.layout == "tabs" else "|  ") + self.lines[i][a:]
        return f"line {i + 1} {_show(self.lines[i])}"

    def copy_cell(self, cell: Any, pick: Pick) -> str:
        i, m = cell
        if self.alone(i):
            first = i - 1 if self.layout == "pipes" and self.lines[i - 1].strip() == "|" else i
            self.lines[i + 1 : i + 1] = self.lines[first : i + 1]
        else:
            a, b = (m.start(), m.end()) if self.layout == "run" else self.unit(i, m)
            self.lines[i] = self.lines[i][:b] + self.lines[i][a:b] + self.lines[i][b:]
        return f"line {i + 1} {_show(self.lines[i])}"

    def boundaries(self) -> list[int]:
        """Where a line may come between two table lines (before line n): between rows for Tika
        and split pipes, anywhere inside a table otherwise."""
        if self.layout in ("tika", "pipes"):
            return [g[0] for g in self.rows() if any(a < g[0] <= b for a, b in self.regions())]
        return [n for a, b in self.regions() for n in range(a + 1, b + 1)]

    def insert(self, n: int, lines: list[str], pick: Pick) -> str:
        self.lines[n:n] = lines
        return f"as line {n + 1}, between {_show(self.lines[n - 1])} and {_show(self.lines[n + len(lines)])}"

    def labels(self) -> list[tuple[int, int, int]]:
        """Label-only table lines, and the label cells of value rows: (line, start, end)."""
        out = [
            (i, 0, len(self.lines[i]))
            for i in self.units()
            if not MARK.search(self.lines[i]) and CJK.search(self.lines[i])
        ]
        for i, line in enumerate(self.lines):
            first = MARK.search(line)
            if first is None or self.layout in ("tika", "pipes"):
                continue
            if self.layout in ("tabs", "md"):
                at = 0
                for field in line.split("\t" if self.layout == "tabs" else "|"):
                    if CJK.search(field) and not MARK.search(field):
                        out.append((i, max(at - 1, 0), at + len(field)))
                    at += len(field) + 1
            elif CJK.search(line[: first.start()]):
                out.append((i, 0, first.start()))
        return out

    def cut_label(self, spot: tuple[int, int, int], pick: Pick) -> str:
        i, a, b = spot
        shown = self.lines[i][a:b]
        if (a, b) == (0, len(self.lines[i])):
            del self.lines[i]
            return f"line {i + 1} {_show(shown)}"
        self.lines[i] = self.lines[i][:a] + self.lines[i][b:]
        return f"{_show(shown)} of line {i + 1}: {_show(self.lines[i])}"

    def cut_unit(self, i: int, pick: Pick) -> tuple[str, set[str]]:
        gone = {self.keys[mark_index(m)] for m in MARK.finditer(self.lines[i])}
        return f"deleted line {i + 1} {_show(self.lines.pop(i))}", gone

    def copy_unit(self, i: int, pick: Pick) -> str:
        self.lines.insert(i + 1, self.lines[i])
        return f"line {i + 1} {_show(self.lines[i])}"

    def swappable(self) -> list[Any]:
        if self.layout in ("tika", "pipes"):
            rows = self.rows()
            return [
                (x, y)
                for x, y in itertools.pairwise(rows)
                if not "".join(self.lines[x[-1] + 1 : y[0]]).strip()
            ]

        def bare(i: int) -> bool:
            return bool(MARK.search(self.lines[i])) and not CJK.search(MARK.sub("", self.lines[i]))

        lines = self.units()
        return [([i], [i + 1]) for i in lines if i + 1 in lines and not (bare(i) and bare(i + 1))]

    def swap(self, pair: Any, pick: Pick) -> str:
        x, y = pair
        shown = f"lines {x[0] + 1}-{x[-1] + 1} and {y[0] + 1}-{y[-1] + 1}: {_show(self.lines[x[0]])} / "
        first, between = self.lines[x[0] : x[-1] + 1], self.lines[x[-1] + 1 : y[0]]
        second = self.lines[y[0] : y[-1] + 1]
        self.lines[x[0] : y[-1] + 1] = second + between + first
        return shown + _show(second[0])

    def mergeable(self) -> list[int]:
        lines = self.units()
        return [i for i in lines if i + 1 in lines]

    def merge(self, i: int, pick: Pick) -> str:
        self.lines[i : i + 2] = [self.lines[i] + choose(pick, ["", " "]) + self.lines[i + 1]]
        return f"line {i + 1} with the next: {_show(self.lines[i])}"

    def wrap_value(self, cell: Any, head: str, tail: str) -> str:
        (i, m), line = cell, self.lines[cell[0]]
        if self.layout in ("tabs", "run"):
            self.lines[i : i + 1] = [line[: m.start()] + head, tail + line[m.end() :]]
        elif self.layout == "md":
            self.lines[i] = line[: m.start()] + head + "<br>" + tail + line[m.end() :]
        else:
            self.lines[i : i + 1] = [line[: m.start()] + head + line[m.end() :], tail]
        return f"line {i + 1} {_show(self.lines[i])} / {_show(self.lines[i + 1])}"

    def label_runs(self) -> list[tuple[int, int, int]]:
        return [
            (i, m.start(), m.end())
            for i in self.units()
            for m in CJK.finditer(self.lines[i])
            if not MARK.search(m.group())
        ]

    def wrap_label(self, spot: tuple[int, int, int], pick: Pick, middle: tuple[str, ...] = ()) -> str:
        i, a, b = spot
        cut, line = a + 1 + pick(b - a - 1), self.lines[i]
        if self.layout == "md" and not middle:
            self.lines[i] = line[:cut] + "<br>" + line[cut:]
        elif self.layout == "space":
            self.lines[i : i + 1] = [line[:cut] + line[b:], *middle, line[cut:b]]
        else:
            self.lines[i : i + 1] = [line[:cut], *middle, line[cut:]]
        return f"line {i + 1} " + " / ".join(_show(x) for x in self.lines[i : i + 2 + len(middle)])

    def rewrite(self, cell: Any, text: str) -> None:
        (i, m), line = cell, self.lines[cell[0]]
        self.lines[i] = line[: m.start()] + text + line[m.end() :]

    def pad(self, row: list[int], pick: Pick) -> str | None:
        last = row[-1]
        if self.layout == "run":
            return None
        if self.layout in ("tika", "pipes"):
            self.lines.insert(last + 1, "\t" if self.layout == "tika" else "|")
        else:
            self.lines[last] += {"tabs": "\t", "md": " |", "space": " "}[self.layout]
        return f"the row ending on line {last + 1}"

    def led(self) -> list[int]:
        """Row lines that start with a separator (tab rows, pipe rows)."""
        lead = LEAD.get(self.layout)
        starts = [g[0] for g in self.rows()] if self.layout == "pipes" else [i for i, _ in self.value_cells()]
        return sorted({i for i in starts if lead and re.match(lead, self.lines[i])})

    def unlead(self, i: int, pick: Pick) -> str:
        self.lines[i] = re.sub("^" + LEAD[self.layout], "", self.lines[i])
        return f"line {i + 1}: {_show(self.lines[i])}"

    def header_spots(self) -> list[tuple[int, int, int]]:
        """(first header line, first value line, where to repeat): the header is the lines right
        above a table's first value, up to a heading, a sentence or a blank line."""
        if self.layout in ("tika", "pipes", "run"):
            return []
        spots = []
        for a, b in self.regions():
            k = a
            while k > 0 and a - k < 8 and self.lines[k - 1].strip() and not MARK.search(self.lines[k - 1]):
                if re.match(r"\s*[#*]*\s*[一二三四五六]、", self.lines[k - 1]) or "。" in self.lines[k - 1]:
                    break
                k -= 1
            spots += [(k, a, n) for n in range(a + 1, b + 1)] if k < a else []
        return spots

    def repeat_header(self, spot: tuple[int, int, int], footer: list[str]) -> str:
        k, a, n = spot
        self.lines[n:n] = footer + self.lines[k:a]
        return f"lines {k + 1}-{a} before line {n + 1}"


# --- the kinds -------------------------------------------------------------------------------------


ADDS_A_CELL = ("copy_cell",)
"""Acts that give a row one value token more (with ``split_number``'s space)."""


def hides_blank(case: Damaged, key: str) -> bool:
    """Whether the cell's row has a blank cell in a layout that prints none (PDF text, crawler
    text): a token more there makes the very text of the row with that blank filled in, which no
    reader can tell from it, so such a damage is not drawn."""
    if case.base.layout not in ("space", "run") or not key:
        return False
    row, table = row_of(key), table_of(key)
    return any(v is None for k, v in case.truth.items() if row_of(k) == row and table_of(k) == table)


def glued_without_rule(case: Damaged, key: str) -> bool:
    """Whether the cell is in a table 2 row of crawler text: its cells run together and no rule
    checks them, so a cell written twice (``949`` → ``949949``) is the very text of another row."""
    return case.base.layout == "run" and bool(key) and table_of(key) == "active_disclosure"


def simple(spots: str, act: str, doc: str, *, lost: bool = False) -> Callable[[Damaged, Pick], Edit | None]:
    """A kind that picks one of the view's ``spots()`` and does ``act(spot, pick)`` there; ``lost``:
    the picked value cell can no longer be known (an act may also return the keys it lost)."""

    def kind(case: Damaged, pick: Pick) -> Edit | None:
        v = view(case)
        if not hasattr(v, spots) or (spot := choose(pick, getattr(v, spots)())) is None:
            return None
        key = v.key(spot) if spots == "value_cells" else ""
        if act in ADDS_A_CELL and (hides_blank(case, key) or glued_without_rule(case, key)):
            return None
        if (shown := getattr(v, act)(spot, pick)) is None:
            return None
        shown, gone = shown if isinstance(shown, tuple) else (shown, {key} if lost else set())
        return v.done(f"{key}: {shown}" if key else shown, unknown=gone)

    kind.__doc__ = doc
    return kind


def stray(what: str) -> Callable[[Damaged, Pick], Edit | None]:
    def kind(case: Damaged, pick: Pick) -> Edit | None:
        v, text = view(case), stray_text(what, case, pick)
        spot = choose(pick, v.boundaries())
        return None if spot is None else v.done(f"inserted {text!r} {v.insert(spot, [text], pick)}")

    kind.__doc__ = f"A stray line between two table lines: a {what.replace('_', ' ')} (``续表``, ``- 3 -``…)."
    return kind


def wrapped_number(case: Damaged, pick: Pick) -> Edit | None:
    """A value of three digits or more wrapped over two lines inside its cell, the layout's way:
    Tika, split pipes and PDF text put the rest on the next line, tab rows and crawler text break
    the row there, Markdown and HTML write ``<br>``, DOCX a second ``w:p``."""
    v = view(case)
    cells = [c for c in v.value_cells() if len(re.sub(r"\D", "", v.match(c).group(2))) >= 3]
    if (cell := choose(pick, cells)) is None:
        return None
    m = v.match(cell)
    k = choose(pick, [k for k in range(1, len(m.group(2))) if m.group(2)[k - 1 : k + 1].isdigit()])
    head, tail = mark(mark_index(m), m.group(2)[:k]), mark(mark_index(m), m.group(2)[k:])
    return v.done(f"{v.key(cell)} {m.group(2)[:k]} / {m.group(2)[k:]}: {v.wrap_value(cell, head, tail)}")


def footer_in_label(case: Damaged, pick: Pick) -> Edit | None:
    """A page break inside a wrapped row label (text): a page footer between its two halves."""
    v = view(case)
    if not isinstance(v, Text) or (spot := choose(pick, v.label_runs())) is None:
        return None
    return v.done(v.wrap_label(spot, pick, [stray_text("footer", case, pick)]))


def hidden_markup(case: Damaged, pick: Pick) -> Edit | None:
    """Hidden digits beside a value: a ``display:none`` or ``hidden`` span or cell (HTML); a
    ``w:vanish`` run or a tracked deletion (DOCX)."""
    v = view(case)
    digits = str(1 + pick(9)) if pick(2) else str(free_number(case, pick))
    if not isinstance(v, Markup) or (cell := choose(pick, v.value_cells())) is None:
        return None
    return v.done(f"{v.hide(cell, digits, pick)} beside {v.key(cell)}")


def rewrite(
    change: Callable[[str, Pick, bool], str | None], doc: str, *, blank: bool = False, lost: bool = False
) -> Callable[[Damaged, Pick], Edit | None]:
    """A kind that rewrites one value's text in place: ``blank`` makes the cell blank (truth None),
    ``lost`` makes its value unknowable."""

    def kind(case: Damaged, pick: Pick) -> Edit | None:
        v = view(case)
        if (cell := choose(pick, v.value_cells())) is None:
            return None
        m, key = v.match(cell), v.key(cell)
        if change is split and hides_blank(case, key):
            return None
        if (new := change(m.group(2), pick, isinstance(v, Markup) and v.d is HTML)) is None:
            return None
        v.rewrite(cell, new if blank else mark(mark_index(m), new))
        changes, gone = {key: None} if blank else {}, {key} if lost else set()
        return v.done(f"{m.group(2)!r} -> {new!r} in {key}", changes, gone)

    kind.__doc__ = doc
    return kind


def reformat(token: str, pick: Pick, html: bool) -> str | None:
    """``token`` written another way: ``1,234``, full-width digits, ``12件``, invisible spaces."""
    digits = token.lstrip("-")
    big = digits.isdigit() and int(digits) >= 1000
    ways = ["full", "space"] + (["unit"] if token[-1].isdigit() else []) + (["comma"] if big else [])
    way = choose(pick, ways)
    if way == "comma":
        return f"{int(token):,}"
    if way in ("full", "unit"):
        return token.translate(FULL) if way == "full" else token + ("件" if "." not in token else "万元")
    space = choose(pick, ["&nbsp;", "\u00a0", "\u200b"] if html else ["\u00a0", "\u200b", "\ufeff"])
    return choose(pick, [space + token, token + space, space + token + space])


def split(token: str, pick: Pick, html: bool) -> str | None:
    k = choose(pick, [k for k in range(1, len(token)) if token[k - 1 : k + 1].isdigit()])
    return None if k is None else token[:k] + " " + token[k:]


def repeated_header(case: Damaged, pick: Pick) -> Edit | None:
    """A table continued on a new page with its header rows printed again (after a footer)."""
    v = view(case)
    footer = [stray_text("footer", case, pick)] if pick(2) else []
    if (spot := choose(pick, v.header_spots())) is None:
        return None
    shown = v.repeat_header(spot, footer)
    return v.done(f"repeated the header {shown}" + (f" after {footer[0]!r}" if footer else ""))


KINDS: dict[str, Callable[[Damaged, Pick], Edit | None]] = {
    "lost_cell": simple(
        "value_cells",
        "cut_cell",
        "A value cell deleted with its separator (``\\t5``, a Tika line, "
        "``| 5 ``, a PDF-text token, a ``<td>``, a ``w:tc``): its value is lost.",
        lost=True,
    ),
    "lost_separator": simple(
        "joinable", "join", "Two adjacent value cells of a row joined (``0\\t50`` -> ``050``)."
    ),
    "extra_empty_cell": simple(
        "value_cells", "empty_before", "An empty cell inserted before a value in a row."
    ),
    "duplicated_cell": simple("value_cells", "copy_cell", "A value cell written twice."),
    "stray_continued": stray("continued"),
    "stray_year": stray("year"),
    "stray_page_number": stray("page_number"),
    "stray_footer": stray("footer"),
    "stray_prose": stray("prose"),
    "lost_label_line": simple(
        "labels",
        "cut_label",
        "A line holding only a row label deleted, or a row's label cell: the "
        "values stay known and must not be bound to another row.",
    ),
    "deleted_line": simple("units", "cut_unit", "A table line (row) deleted: the values on it are lost."),
    "duplicated_line": simple("units", "copy_unit", "A table line (row) written twice."),
    "swapped_lines": simple(
        "swappable",
        "swap",
        "Two adjacent table lines swapped (whole Tika and split-pipe rows; markup "
        "rows outside rowspans; never two lines of bare numbers).",
    ),
    "wrapped_number": wrapped_number,
    "wrapped_label": simple("label_runs", "wrap_label", "A row label wrapped over two lines in its cell."),
    "hidden_markup": hidden_markup,
    "placeholder": rewrite(
        lambda token, pick, html: choose(pick, ["/", "—", "无"]),
        "A value replaced by a placeholder (``/``, ``—``, ``无``): the cell is now blank.",
        blank=True,
    ),
    "number_format": rewrite(
        reformat, "A value written another way: ``1,234``, ``１２３``, ``12件``, invisible spaces."
    ),
    "trailing_separator": simple(
        "value_rows",
        "pad",
        "A trailing separator after a row: a tab, a ``|``, a blank Tika cell, an empty cell.",
    ),
    "lost_leading_tabs": simple(
        "led", "unlead", "A row's leading tabs (tab rows) or leading ``|`` (pipe rows) lost."
    ),
    "split_number": rewrite(
        split,
        "A space inside a number (``12 34``): one number wrapped, or two cells run into one; its"
        " value may be read back only where the rules leave one of the two.",
    ),
    "merged_lines": simple(
        "mergeable", "merge", "A table line joined with the next (markup: two rows made one)."
    ),
    "footer_in_label": footer_in_label,
    "repeated_header": repeated_header,
}
"""Every single damage; ``two_damages`` applies two different ones."""

ALL_KINDS = (*KINDS, "two_damages")
FAMILIES = ("text", "html", "docx")
CLAIMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(ALL_KINDS, FAMILIES),
    "hidden_markup": ("html", "docx"),
    "lost_leading_tabs": ("text",),
    "footer_in_label": ("text",),
}
"""The format families each kind damages (a test checks it damages a base of each)."""


def damage(kind: str, base: Base | Damaged, pick: Pick) -> Damaged | None:
    """``base`` (or a case already damaged) damaged by ``kind``; None when it does not apply."""
    case = start(base) if isinstance(base, Base) else base
    if kind == "two_damages":
        names = list(KINDS)
        first = names.pop(pick(len(names)))
        once = damage(first, case, pick)
        twice = damage(names[pick(len(names))], once, pick) if once is not None else None
        if twice is None or once is None or touched(case, once) & touched(once, twice):
            # two damages to one row can make it whole again (a cell lost, another duplicated):
            # a row as wide as the template, which no reader could tell from an undamaged one
            return None
        return replace(twice, kind=kind)
    if markup_of(case.base) not in CLAIMS[kind] or (edit := KINDS[kind](case, pick)) is None:
        return None
    marked, truth, unknown, desc = edit
    desc = f"{kind}: {desc}" if case.kind == "clean" else f"{case.desc}; then {kind}: {desc}"
    return Damaged(case.base, marked, {**case.truth, **truth}, case.unknown | unknown, desc, kind)


ROW_KEY = re.compile(r"\b(applications|review_litigation|active_disclosure)\.([\w.]+)\.\w+")


def rows_named(desc: str) -> set[str]:
    """The rows a damage's description names (``applications.granted.total`` → its row)."""
    return {f"{m.group(1)}.{m.group(2)}" for m in ROW_KEY.finditer(desc)}


_SEGMENT = re.compile(r"</tr>|</w:tr>|\n", re.I)


def touched(before: Damaged, after: Damaged) -> set[str]:
    """The rows a damage touched: those it names, and those with a value cell whose line (a
    markup row) reads otherwise after it, or occurs another number of times (a line duplicated,
    deleted, merged or wrapped)."""

    def places(marked: str) -> dict[str, Counter[str]]:
        found: dict[str, Counter[str]] = {}
        for segment in _SEGMENT.split(marked):
            for m in MARK.finditer(segment):
                found.setdefault(after.base.keys[mark_index(m)], Counter())[unmark(segment)] += 1
        return found

    old, new = places(before.marked), places(after.marked)
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    rows = {f"{table_of(key)}.{row_of(key)}" for key in changed}
    # a line put in or taken out between a row's cells (a stray ``7`` after a split pipe row's
    # last ``|``) touches the rows whose values are the nearest on either side of it
    lines = [_SEGMENT.split(d.marked) for d in (before, after)]
    plain = [[unmark(x) for x in segments] for segments in lines]
    matcher = difflib.SequenceMatcher(None, plain[0], plain[1], autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        for side in (lines[0][:i1][::-1], lines[0][i2:]):
            m = next((m for segment in side for m in MARK.finditer(segment)), None)
            if m is not None:
                key = after.base.keys[mark_index(m)]
                rows.add(f"{table_of(key)}.{row_of(key)}")
    return rows | rows_named(
        after.desc[len(before.desc) :] if after.desc.startswith(before.desc) else after.desc
    )


DAMAGES: dict[str, Callable[[Base | Damaged, Pick], Damaged | None]] = {
    kind: functools.partial(damage, kind) for kind in ALL_KINDS
}


# --- the check -----------------------------------------------------------------------------------

ABSENT = ("row.missing", "table.missing", "table.unreadable", "template.unknown")
"""Diagnostics that explain a row or a table that is not there at all (with ``limits.*``)."""


def _equal(value: Any, want: Any) -> bool:
    return abs(float(value) - want) < 1e-6 if isinstance(want, float) else bool(value == want)


def check(case: Base | Damaged, report: Report | None = None) -> list[str]:
    """The problems of the case's parse (``report``, or parsed here): one line each, naming the
    key, the truth, what was read, and the damage."""
    case = start(case) if isinstance(case, Base) else case
    where = f"[{case.base.name}; {case.desc}]"
    if report is None:
        try:
            report = parse_content(case.content)
        except Exception as error:  # a crash is a problem like any other
            return [f"crash {type(error).__name__}: {error} {where}"]
    truth, got, problems = case.truth, flat(report), []
    for key, (cell, _) in sorted(got.items()):
        if cell.state.value != "number":
            continue
        source = [k for k, v in truth.items() if v is not None and k != key and _equal(cell.value, v)]
        value = f"{cell.json_value()}" + (f" (shifted from {source[0]})" if source else "")
        if key not in truth:
            problems.append(f"invented {key}: the report prints no such cell, got {value} {where}")
        elif key in case.unknown:
            problems.append(f"guessed {key}: its value was lost, got {value} {where}")
        elif truth[key] is None:
            problems.append(f"number on a blank {key}: got {value} {where}")
        elif not _equal(cell.value, truth[key]):
            problems.append(f"wrong {key}: truth {truth[key]}, got {value} {where}")
    serious = [d for d in report.diagnostics if d.severity.value in ("warning", "error")]
    for key, want in sorted(truth.items()):
        cell, row = got.get(key, (None, None))
        if want is None or key in case.unknown or (cell is not None and cell.state.value == "number"):
            continue
        if row is not None and row.span is not None:
            a, b = row.span.start - 3, row.span.end + 3
            if any(d.span is not None and d.span.start <= b and d.span.end >= a for d in serious):
                continue
        else:
            row = row_of(key)
            names = {row, row.replace(".", "/", 1) if key.startswith("active") else row}
            if any(
                d.code in ABSENT or d.code.startswith("limits.") or any(n in d.message for n in names)
                for d in report.diagnostics
            ):
                continue
            # a row that is not there at all: said of the lines its values were printed on (its
            # values kept as an extra row, or left unpaired)
            lines = [
                n for k, n in printed_lines(case).items() if row_of(k) == row and table_of(k) == table_of(key)
            ]
            if lines and any(
                d.span is not None and d.span.start <= max(lines) + 3 and d.span.end >= min(lines) - 3
                for d in report.diagnostics
            ):
                continue
        state = "no row" if cell is None else cell.state.value
        problems.append(f"silent miss {key}: truth {want}, got {state}, no diagnostic near its row {where}")
    return problems


@functools.cache
def _docx_lines(name: str) -> dict[str, int]:
    base = next(b for bases in all_bases().values() for b in bases if b.name == name)
    return {
        k: cell.line for k, (cell, _) in flat(parse_content(base.content)).items() if cell.line is not None
    }


def docx_lines(base: Base) -> dict[str, int]:
    """The block line of each cell of an undamaged DOCX base (a damage shifts them by a row)."""
    return _docx_lines(base.name)


def printed_lines(case: Damaged) -> dict[str, int]:
    """The source line each located value cell is printed on, after the damage (text and HTML;
    a DOCX has no source lines)."""
    if case.base.fmt == "docx":  # blocks have no source lines: those of the undamaged parse
        return docx_lines(case.base)
    out: dict[str, int] = {}
    for match in MARK.finditer(case.marked):
        out[case.base.keys[mark_index(match)]] = case.marked.count("\n", 0, match.start()) + 1
    return out


@functools.cache
def pool() -> dict[str, tuple[Base, ...]]:
    """The bases damage is drawn from, by family: those whose undamaged parse passes the check. A
    base read wrong before any damage would fail every kind; the ``clean`` kind reports it."""
    kept = {f: tuple(b for b in bases if not check(b)) for f, bases in all_bases().items()}
    return {f: bases for f, bases in kept.items() if bases}


def excluded() -> list[Base]:
    kept = {b.name for bases in pool().values() for b in bases}
    return [b for bases in all_bases().values() for b in bases if b.name not in kept]


# --- the runner ----------------------------------------------------------------------------------


def draw_case(kind: str, rng: random.Random, families: list[str] | None = None) -> Damaged | None:
    """A case of ``kind``: a family, a base of it and the damage's spots drawn from ``rng``; a
    few tries, as not every kind applies to every base. ``clean`` is an undamaged base, drawn
    from all bases (those left out of the pool included)."""
    bases = all_bases() if kind == "clean" else pool()
    names = [f for f in sorted(bases) if not families or f in families or f.split(":")[0] in families]
    for _ in range(40):
        chosen = bases[names[rng.randrange(len(names))]] if names else ()
        base = chosen[rng.randrange(len(chosen))] if chosen else None
        case = None if base is None else start(base) if kind == "clean" else damage(kind, base, rng.randrange)
        if case is not None:
            return case
    return None


def run_case(case: Damaged) -> tuple[list[str], float]:
    """The problems of a case, and the seconds its parse took."""
    began = time.perf_counter()
    try:
        report = parse_content(case.content)
    except Exception as error:
        return [f"crash {type(error).__name__}: {error} [{case.base.name}; {case.desc}]"], 0.0
    seconds = time.perf_counter() - began
    return check(case, report), seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=1000, help="cases in all, shared out evenly over the kinds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=["clean", *ALL_KINDS], help="one kind only")
    ap.add_argument("--family", action="append", help="only bases of this family, e.g. zoo:text or render")
    ap.add_argument("--case", type=int, help="only case I (with --only): the reproduction of a failure")
    ap.add_argument("--dump", help="write the damaged document of the first failure (or of --case) here")
    ap.add_argument("--show", type=int, default=3, help="failures shown per kind (default 3)")
    a = ap.parse_args(argv)
    began = time.perf_counter()
    sizes = ", ".join(f"{f} {len(b)}" for f, b in sorted(all_bases().items()))
    print(f"bases: {sizes}; built in {time.perf_counter() - began:.1f} s")
    reals = [real(source) for source in real_sources()]
    renumbered = ", ".join(f"{t} {sum(t in r.base.renumbered for r in reals if r.base)}" for t in TABLES)
    print(f"real documents {len(reals)}, bases {sum(bool(r.base) for r in reals)}; renumbered: {renumbered}")
    print(f"left out of the damage pool (the undamaged parse fails): {[b.name for b in excluded()]}")
    kinds = [a.only] if a.only else ["clean", *ALL_KINDS]
    stats: dict[str, dict[str, list[Any]]] = {"kind": {}, "family": {}}  # cases, failed, slowest, base, >1s
    shown: dict[str, list[tuple[int, list[str]]]] = {}
    for kind in kinds:
        for i in range(max(1, a.cases // len(kinds))) if a.case is None else [a.case]:
            case = draw_case(kind, random.Random(f"{a.seed}:{kind}:{i}"), a.family)
            stats["kind"].setdefault(kind, [0, 0, 0.0, "", 0])
            if case is None:
                continue
            problems, seconds = run_case(case)
            for by, key in (("kind", kind), ("family", case.base.family)):
                row = stats[by].setdefault(key, [0, 0, 0.0, "", 0])
                row[0], row[1], row[4] = row[0] + 1, row[1] + bool(problems), row[4] + (seconds > 1)
                row[2:4] = [seconds, case.base.name] if seconds > row[2] else row[2:4]
            if problems and len(shown.setdefault(kind, [])) < a.show:
                shown[kind].append((i, problems))
            if a.dump and (problems or a.case is not None) and not shown.get("dumped"):
                with open(a.dump, "wb") as out:
                    content = case.content
                    out.write(content if isinstance(content, bytes) else content.encode("utf-8"))
                shown["dumped"] = [(i, [f"wrote {case.base.name} after {case.desc[:300]} to {a.dump}"])]
                print(shown["dumped"][0][1][0])
    for by, rows in stats.items():
        print(f"\n{by:20s} {'cases':>6s} {'failed':>7s} {'slowest':>8s} {'>1s':>4s}  slowest base")
        for key, (n, bad, slow, name, over) in sorted(rows.items(), key=lambda r: (by == "kind" or r[0], 0)):
            print(f"{key:20s} {n:6d} {bad:7d} {slow:7.2f}s {over:4d}  {name}")
    again = "python tests/damage.py --only {} --seed {} --case {}"
    again += "".join(f" --family {f}" for f in a.family or [])
    for kind in kinds:
        for i, problems in shown.get(kind, []):
            print(f"\n== {kind} case {i}: {len(problems)} problems; {problems[0]}")
            print("\n".join(f"      {p.split(' [')[0]}" for p in problems[1:4]))
            print(f"    again: {again.format(kind, a.seed, i)} --dump FILE")
    cases, failed = (sum(row[j] for row in stats["kind"].values()) for j in (0, 1))
    print(f"\nSUMMARY cases={cases} failed={failed} seconds={time.perf_counter() - began:.0f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
