"""Properties of ``parse``: it never raises on a ``str``, gives JSON-safe and deterministic output,
keeps every line number inside the input (and on the line that holds the text it cites), honours
``strict=``, and reads no number from nowhere.

Inputs come from four places: arbitrary text (control characters included), text assembled from the
vocabulary of the reports' tables and layouts, report-like tables and HTML fragments in the broken
layouts of docs/format.md §5, and the seeds / corpus reports broken by random edits.

The bugs these properties found are kept at the end of the file: fixed ones as plain regression
tests, open ones as strict xfails. Profiles (``ci``, ``dev``, ``thorough``) are in ``conftest.py``.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CORPUS_DIR, read_corpus, read_seeds
from govinfo_report import CellState, ParseError, Report, Severity, parse

SEEDS = read_seeds()
"""The packaged seeds, for strategies (a fixture argument would be printed whole with every failure)."""

CORPUS = read_corpus(CORPUS_DIR) if (CORPUS_DIR / "raw").is_dir() else {}
"""The raw corpus reports, or nothing when ``../shared/corpus`` is absent."""

# --------------------------------------------------------------------------------------------- helpers

_BREAK = re.compile(r"\r\n|\r|\n")


def line_count(text: str) -> int:
    """Lines of ``text`` as the library counts them: ``\\r\\n``, ``\\r`` and ``\\n`` are one break each."""
    return len(_BREAK.split(text))


def has_digit(text: str) -> bool:
    """True when ``text`` holds a digit, as written or once NFKC-folded (``１``, ``①``, ``㉑``)."""
    return any(c.isdigit() for c in text) or any(c.isdigit() for c in unicodedata.normalize("NFKC", text))


def located(report: Report) -> Iterator[tuple[str, int, int]]:
    """Every line reference of ``report`` as ``(what, start, end)``."""
    for d in report.diagnostics:
        if d.span is not None:
            yield f"diagnostic {d.code}", d.span.start, d.span.end

    def sections(items: tuple[Any, ...], prefix: str) -> Iterator[tuple[str, int, int]]:
        for s in items:
            yield f"{prefix} {s.number} {s.heading!r}", s.span.start, s.span.end
            yield from sections(s.subsections, f"{prefix} {s.number} > subsection")

    yield from sections(report.sections, "section")
    for table in (report.active_disclosure, report.applications, report.review_litigation):
        if table is None:
            continue
        for row in table.rows:
            if row.span is not None:
                yield f"{table.name} row {row.key}", row.span.start, row.span.end
            for column, cell in row.cells:
                if cell.line is not None:
                    yield f"{table.name} cell {row.key}:{column}", cell.line, cell.line
    for extra in report.extra_rows:
        if extra.span is not None:
            yield f"extra row {extra.label!r}", extra.span.start, extra.span.end
        for cell in extra.cells:
            if cell.line is not None:
                yield f"extra row {extra.label!r} cell", cell.line, cell.line
    for grid in report.tables:
        yield f"{grid.strategy} table {grid.kind}", grid.span.start, grid.span.end
        for r, cells in enumerate(grid.rows):
            for c, gc in enumerate(cells):
                yield f"{grid.strategy} table {grid.kind} grid cell [{r}][{c}]", gc.line, gc.line


def assert_lines_inside(report: Report, text: str) -> None:
    """Every span and line of ``report`` lies in ``1..line_count(text)`` with ``start <= end``."""
    n = line_count(text)
    outside = [(what, a, b) for what, a, b in located(report) if not (1 <= a <= b <= n)]
    assert not outside, f"{len(outside)} line reference(s) outside 1..{n}: {outside[:5]}"


def source_lines(text: str) -> list[str]:
    """The input's lines, each with its character references decoded appended when the input may be
    HTML (``&nbsp;`` -> NBSP), so that a cell's text is found whichever way the parser read the line."""
    lines = _BREAK.split(text)
    return [line + "\n" + html.unescape(line) for line in lines] if "&" in text else lines


def assert_lines_hold_their_text(report: Report, text: str, *, markup_cells_only: bool = False) -> None:
    """A line number is not just in range but right: the line a grid cell, a canonical cell or a section
    heading cites holds the first character of its text. (``markup_cells_only``: of the cells, check
    only those of tables read from HTML markup.)"""
    lines = source_lines(text)
    wrong: list[tuple[str, str, int]] = []

    def check(what: str, shown: str, line: int | None) -> None:
        shown = shown.strip()
        if not shown or line is None or not 1 <= line <= len(lines):
            return
        if shown[0] not in lines[line - 1]:
            wrong.append((what, shown[:20], line))

    for grid in report.tables:
        for cells in grid.rows:
            for cell in cells:
                if not cell.spanned and (grid.strategy == "html" or not markup_cells_only):
                    check(f"{grid.strategy} grid cell", cell.text, cell.line)
    for table in (report.active_disclosure, report.applications, report.review_litigation):
        for row in table.rows if table is not None and not markup_cells_only else ():
            for column, value in row.cells:
                if value.state is not CellState.MISSING:  # a cell left missing may keep its row's raw text
                    check(f"{row.key}:{column}", value.raw, value.line)
    for section in report.sections:
        check(f"section {section.number}", section.heading, section.span.start)
    assert not wrong, f"{len(wrong)} line(s) not holding their text: {wrong[:5]}"


def assert_json_safe(report: Report) -> None:
    """``to_dict`` is strict JSON (no NaN/Infinity) that survives a round trip; ``to_json`` agrees with it."""
    for cells in (False, True):
        data = report.to_dict(cells=cells)
        dumped = json.dumps(data, ensure_ascii=False, allow_nan=False)
        assert json.loads(dumped) == data
        assert report.to_json(cells=cells) == json.dumps(data, ensure_ascii=False)


def canonical_numbers(report: Report) -> list[tuple[str, Any]]:
    """Every number a canonical table or extra row gives, in the objects and in ``to_dict``."""
    found: list[tuple[str, Any]] = []
    tables = (report.active_disclosure, report.applications, report.review_litigation)
    for table in (t for t in tables if t is not None):
        for row in table.rows:
            for column, cell in row.cells:
                if cell.value is not None or cell.state is CellState.NUMBER:
                    found.append((f"{table.name} {row.key}:{column} raw={cell.raw!r}", cell.value))
    for extra in report.extra_rows:
        for cell in extra.cells:
            if cell.value is not None or cell.state is CellState.NUMBER:
                found.append((f"extra row {extra.label!r} raw={cell.raw!r}", cell.value))

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")
        elif isinstance(node, (int, float)) and not isinstance(node, bool):
            found.append((where, node))

    data = report.to_dict()
    for key in ("active_disclosure", "applications", "review_litigation"):
        walk(data[key], key)
    for i, extra in enumerate(data["extra_rows"]):
        walk(extra["values"], f"extra_rows[{i}]")
    return found


def seeds_and_corpus(seeds: dict[str, str]) -> dict[str, str]:
    """The seeds, plus the raw corpus reports when ``../shared/corpus`` is present."""
    return {**seeds, **CORPUS}


def check_lines_hold_their_text(report: Report, text: str) -> None:
    """:func:`assert_lines_hold_their_text`, minus what an open bug breaks: when the input holds markup,
    a table rebuilt from its text (not from ``<table>``) may cite the first line of a whole text block
    (see ``test_text_between_block_tags_keeps_its_lines``)."""
    assert_lines_hold_their_text(report, text, markup_cells_only="<" in text)


# ------------------------------------------------------------------------------------------ strategies

VOCABULARY = (
    # headings and table titles
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "（一）",
    "(二)",
    "**",
    "# ",
    "### ",
    "2021年政府信息公开工作年度报告",
    "某某区人民政府",
    # table 2
    "第二十条第（一）项",
    "第二十条第（九）项",
    "信息内容",
    "规章",
    "规范性文件",
    "本年新制作数量",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年增/减",
    "处理决定数量",
    "行政许可",
    "采购总金额",
    "本年收费金额（单位：万元）",
    # table 3
    "本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（三）不予公开",
    "1.属于国家秘密",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "法人或其他组织",
    # table 4
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    # values
    "0",
    "12",
    "-3",
    "+5",
    "1,234",
    "96171.6",
    "1082.33万",
    "251000元",
    "万元",
    "/",
    "／",
    "—",
    "-",
    "无",
    "不涉及",
    "&nbsp;",
    "22（其中修订16件）",
    "件",
    # layout
    "\t",
    "|",
    "|||",
    "| --- | --- |",
    " ",
    "\u3000",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "[bookmark: _GoBack]",
    "- 3 -",
    "第 2 页 共 5 页",
    "<table><tr><td rowspan=2>",
    "<table><tr><td>",
    "<td colspan=3>",
    "</td><td>",
    "</td></tr>",
    "</table>",
    "<br>",
    "<p>",
    "</p>",
    "<pre>",
    "</pre>",
    "&#10;",
    "&#13;",
    "&lt;",
)
"""Tokens of the reports' vocabulary and of their broken layouts."""

long_numbers = st.builds(
    lambda digits, frac, unit: digits + frac + unit,
    st.integers(13, 6000).map(lambda n: "9" * n),
    st.sampled_from(("", ".5", ",999")),
    st.sampled_from(("", "万", "元")),
)
"""Numbers no report has: past 1e308 (a float's range) and 4300 digits (``int()``'s string limit)."""

digit_runs = st.one_of(st.text(alphabet="0123456789", min_size=1, max_size=12), long_numbers)
"""Runs of digits, as crawler dumps glue cells together."""


def report_like(tokens: tuple[str, ...] = VOCABULARY, *, digits: bool = True) -> st.SearchStrategy[str]:
    """Text assembled from vocabulary tokens, digit runs and a little arbitrary text."""
    parts = [st.sampled_from(tokens), st.text(max_size=4)]
    if digits:
        parts.append(digit_runs)
    return st.lists(st.one_of(*parts), max_size=80).map("".join)


ROW_LABELS = (
    # table 2 (docs/format.md §2.1)
    "第二十条第（一）项",
    "规章",
    "规范性文件",
    "行政规范性文件",
    "第二十条第（五）项",
    "行政许可",
    "其他对外管理服务事项",
    "第二十条第（六）项",
    "行政处罚",
    "行政强制",
    "第二十条第（八）项",
    "行政事业性收费",
    "第二十条第（九）项",
    "政府集中采购",
    "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
    "信息内容 本年制发件数 本年废止件数 现行有效件数",
    # table 3 (docs/format.md §2.2)
    "申请人情况 自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    # table 4 (docs/format.md §2.3)
    "行政复议 行政诉讼",
    "未经复议直接起诉 复议后起诉",
    "结果维持 结果纠正 其他结果 尚未审结 总计",
)
"""Row labels of the three tables, as printed."""

HEADINGS = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "一、总体情况",
    "五、存在问题及改进情况",
)

cell_values = st.one_of(
    st.text(alphabet="0123456789", max_size=4),
    st.sampled_from(
        (
            "0",
            "-3",
            "+12",
            "1,234",
            "96171.6",
            "1082.33万",
            "251000元",
            "/",
            "—",
            "无",
            "不涉及",
            "&nbsp;",
            "22（其中修订16件）",
            "5件",
            "[bookmark: _GoBack]0",
            "",
            "x",
            "- 3 -",
        )
    ),
    st.text(max_size=3),
    long_numbers,
)
"""What a cell may hold."""


@st.composite
def table_like(draw: st.DrawFn) -> str:
    """A report with one or more statistical tables in one of the layouts of docs/format.md §5: cells one per
    line behind a tab (Tika), pipe rows, tab rows, cells glued together, labels apart from values."""
    titles = (
        "某县人民政府2021年政府信息公开工作年度报告",
        "某局2019年度政府信息公开工作年度报告",
        "# 政府信息公开工作年度报告",
        "",
    )
    title = draw(st.sampled_from(titles))
    out = [title]
    for _ in range(draw(st.integers(1, 3))):
        out.append(draw(st.sampled_from(HEADINGS)))
        layout = draw(st.sampled_from(("tika", "pipe", "tabs", "glued", "apart", "markdown")))
        for _ in range(draw(st.integers(1, 30))):
            label = draw(st.sampled_from(ROW_LABELS))
            values = draw(st.lists(cell_values, max_size=16))
            if layout == "tika":
                out.extend(["", "\t" + label] + ["\t" + v for v in values])
            elif layout == "pipe":
                out.extend(["| " + label] + [x for v in values for x in ("|", v)])
            elif layout == "tabs":
                out.append("\t".join([label, *values]))
            elif layout == "glued":
                out.append(label + "".join(values))
            elif layout == "apart":
                out.extend([label, " ".join(values)])
            else:
                out.append("| " + " | ".join([label, *values]) + " |")
    return draw(st.sampled_from(("\n", "\r\n", "\r"))).join(out)


HTML_TEXT = (
    "&nbsp;",
    "&#10;",
    "&#xA;",
    "&#13;",
    "&amp;",
    "&lt;",
    "\u3000",
    "\n",
    " ",
    "<br>",
    "<br/>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<font size=3>",
    "<!-- x -->",
    "&#0;",
    "&#12288;",
)
"""Markup and character references found inside the text of HTML reports."""


SPAN_ATTRIBUTES = ("", "", " rowspan=2", " colspan=3", ' colspan="0"', " rowspan=99999")


@st.composite
def html_like(draw: st.DrawFn) -> str:
    """An HTML report fragment: blocks of text (``p``, ``div``, ``pre``, ``h2``) and tables whose cells
    may span rows and columns, with character references and breaks inside the text."""
    pieces = st.one_of(
        st.sampled_from(HTML_TEXT), st.sampled_from(HEADINGS), st.sampled_from(ROW_LABELS), cell_values
    )

    def inner() -> str:
        return "".join(draw(st.lists(pieces, max_size=4)))

    out = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(("p", "div", "pre", "h2", "table", "text")))
        if tag == "text":
            out.append(inner())
        elif tag != "table":
            out.append(f"<{tag}>{inner()}</{tag}>")
        else:
            rows = []
            for _ in range(draw(st.integers(0, 6))):
                cells = []
                for _ in range(draw(st.integers(0, 8))):
                    attr = draw(st.sampled_from(SPAN_ATTRIBUTES))
                    cells.append(f"<td{attr}>{inner()}</td>")
                rows.append("<tr>" + draw(st.sampled_from(("", "\n"))).join(cells) + "</tr>")
            out.append("<table>" + draw(st.sampled_from(("", "\n", "\r\n"))).join(rows) + "</table>")
    return draw(st.sampled_from(("", "\n", "\r\n", "\r"))).join(out)


any_text = st.one_of(st.text(), report_like(), table_like(), html_like())
"""Arbitrary text (control characters included), text in the reports' vocabulary, or report-like
tables in broken layouts."""

INSERTS = ("\t", "|", "\n", "\r", "\r\n", "|||", "\t\t", " ", "\n\n", "0", "—", "&#10;", "<pre>", "<br>")
"""Short pieces the mutations insert (besides random characters)."""


@st.composite
def mutated(draw: st.DrawFn, texts: dict[str, str]) -> str:
    """One of ``texts`` after 1–4 random edits: a slice deleted or duplicated, a layout character or
    a random character inserted, two lines swapped, or the line breaks changed to ``\\r\\n``/``\\r``."""
    text = texts[draw(st.sampled_from(sorted(texts)), label="source")]
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("delete", "duplicate", "insert", "swap", "newlines")), label="op")
        size = len(text)
        if op in ("delete", "duplicate"):
            i = draw(st.integers(0, size))
            j = draw(st.integers(i, min(size, i + draw(st.sampled_from((8, 200, 4000))))))
            text = text[:i] + text[j:] if op == "delete" else text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            pieces = st.one_of(st.sampled_from(INSERTS), st.characters(), st.text(min_size=1, max_size=3))
            piece = draw(pieces, label="piece")
            for _ in range(draw(st.integers(1, 5))):
                i = draw(st.integers(0, len(text)))
                text = text[:i] + piece + text[i:]
        elif op == "swap":
            lines = text.split("\n")
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        else:
            text = text.replace("\n", draw(st.sampled_from(("\r\n", "\r"))))
    return text


# ------------------------------------------------------------------ 1. arbitrary text: a JSON-safe Report


@given(text=any_text)
def test_any_text_gives_a_json_safe_report(text: str) -> None:
    report = parse(text)
    assert isinstance(report, Report)
    assert_json_safe(report)
    assert_lines_inside(report, text)
    check_lines_hold_their_text(report, text)


# ---------------------------------------------------- 2. mutated seeds and corpus: spans inside the input


@given(text=mutated(SEEDS))
def test_mutated_seeds_keep_lines_inside_the_input(text: str) -> None:
    report = parse(text)
    assert_lines_inside(report, text)
    check_lines_hold_their_text(report, text)
    assert_json_safe(report)


@given(text=mutated(CORPUS))
def test_mutated_corpus_keeps_lines_inside_the_input(corpus_dir: Path, text: str) -> None:
    report = parse(text)
    assert_lines_inside(report, text)
    check_lines_hold_their_text(report, text)
    assert_json_safe(report)


def test_unmutated_seeds_and_corpus_keep_lines_inside_the_input(seeds: dict[str, str]) -> None:
    texts = seeds_and_corpus(seeds)
    for name, text in texts.items():
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r")):
            report = parse(variant)
            assert report.sections, f"{name}: no section found"
            assert_lines_inside(report, variant)
            check_lines_hold_their_text(report, variant)
            assert_json_safe(report)


# ------------------------------------------------------------------------------------- 3. determinism


@given(text=st.one_of(any_text, mutated(SEEDS)))
def test_parse_is_deterministic(text: str) -> None:
    first, second = parse(text), parse(text)
    assert first == second
    assert first.to_dict(cells=True) == second.to_dict(cells=True)
    assert first.to_json() == second.to_json()


_DUMP_ALL = """
import json, sys
from govinfo_report import parse
texts = json.load(sys.stdin)
json.dump({name: parse(text).to_json(cells=True) for name, text in texts.items()}, sys.stdout)
"""


def test_parse_is_deterministic_across_hash_seeds(seeds: dict[str, str]) -> None:
    """Set and dict iteration order must not leak into the output: interpreters started side by side
    with different ``PYTHONHASHSEED`` give the same JSON for every seed and corpus report. (They are
    compared with each other, not with this process, which may have imported an older ``src/``.)"""
    texts = json.dumps(seeds_and_corpus(seeds))
    runs = {
        hash_seed: subprocess.Popen(
            [sys.executable, "-c", _DUMP_ALL],
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
        )
        for hash_seed in ("0", "1", "4242")
    }
    outputs = {}
    for hash_seed, run in runs.items():
        out, err = run.communicate(texts, timeout=120)
        assert run.returncode == 0, err
        outputs[hash_seed] = json.loads(out)
    first, *others = outputs
    assert len(outputs[first]) == len(json.loads(texts))
    for other in others:
        for name, dumped in outputs[first].items():
            assert outputs[other][name] == dumped, f"{name}: PYTHONHASHSEED={first} and ={other} differ"


# ------------------------------------------------------------------------ 4. type errors and strict=


@pytest.mark.parametrize(
    "value", [b"\xe4\xb8\x80", bytearray(b"x"), None, 1, 1.5, ["一、总体情况"], Path("x")]
)
def test_parse_rejects_non_str_with_type_error(value: Any) -> None:
    with pytest.raises(TypeError):
        parse(value)
    with pytest.raises(TypeError):
        parse(value, strict=True)


def test_parse_accepts_str_subclass() -> None:
    class Text(str):
        pass

    assert parse(Text("一、总体情况\n")) == parse("一、总体情况\n")


def check_strict(text: str) -> bool:
    """``strict=True`` raises exactly the error diagnostics of the lenient parse, or returns the same
    report when there are none. Returns whether it raised."""
    lenient = parse(text)
    errors = tuple(d for d in lenient.diagnostics if d.severity is Severity.ERROR)
    if not errors:
        assert parse(text, strict=True) == lenient
        return False
    with pytest.raises(ParseError) as info:
        parse(text, strict=True)
    assert isinstance(info.value, ValueError)
    assert info.value.diagnostics == errors
    assert str(info.value)
    return True


@given(text=st.one_of(any_text, mutated(SEEDS)))
def test_strict_raises_exactly_the_error_diagnostics(text: str) -> None:
    check_strict(text)


def test_strict_takes_both_ways(seeds: dict[str, str]) -> None:
    """The strict check is exercised on both branches: the clean seeds pass, and a report whose
    table 3 no layout can rebuild (``table.unreadable``, an error) raises. seed_003 leaves three
    cells missing (blank or 0 cannot be told: tests/test_golden.py), which is an error."""
    outcomes = {name: check_strict(text) for name, text in seeds.items()}
    assert outcomes == {name: name == "seed_003" for name in seeds}, outcomes
    unreadable = (
        "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量1111111\n二、上年结转政府信息公开申请数量0000000\n"
    )
    assert check_strict(unreadable)


# -------------------------------------------------------------------- 5. no number read from nowhere


def strip_digits(text: str) -> str:
    return "".join(c for c in text if not has_digit(c))


no_digit_text = st.one_of(
    st.text(),
    report_like(tuple(t for t in VOCABULARY if not has_digit(t)), digits=False),
    table_like().map(strip_digits),
).filter(lambda t: not has_digit(t))


@given(text=no_digit_text)
def test_no_number_without_a_digit(text: str) -> None:
    report = parse(text)
    assert canonical_numbers(report) == []


def test_no_number_without_a_digit_on_digit_free_seeds(seeds: dict[str, str]) -> None:
    """The seeds give numbers (so the check is not vacuous); with every digit taken out they still give
    tables, and not one number."""
    for name, text in seeds.items():
        assert canonical_numbers(parse(text)), name
        bare = strip_digits(text)
        report = parse(bare)
        assert report.applications is not None or report.tables, name
        assert canonical_numbers(report) == [], name


# ---------------------------------------------------------- regressions: numbers of any size (0c9be4d)


def put_in_seed_cell(seeds: dict[str, str], value: str) -> str:
    """seed_000 with its first table cell (规章 / 本年新制作数量, a ``\\t0`` line) replaced by ``value``."""
    text = seeds["seed_000"]
    assert "\n\t0\n" in text
    return text.replace("\n\t0\n", f"\n\t{value}\n", 1)


@given(number=long_numbers)
def test_numbers_of_any_size_are_read_and_serialised(number: str) -> None:
    text = put_in_seed_cell(SEEDS, number)
    report = parse(text)
    assert_json_safe(report)
    assert_lines_inside(report, text)


_TABLE_2_CELL = "\t第二十条第（一）项\n\t{header}\n\t规章\n\t{value}"


@pytest.mark.parametrize(
    "text",
    [
        # parse raised ValueError: Exceeds the limit (4300 digits) for integer string conversion
        # (_values.py _number, via schema row_views -> is_value_text -> parse_cell)
        pytest.param(_TABLE_2_CELL.format(header="信息内容", value="1" * 4301), id="count-4301-digits"),
        # to_json raised the same ValueError: Cell.json_value made an int of a 4301-digit 万 amount
        pytest.param(
            _TABLE_2_CELL.format(header="本年新公开数量", value="1" * 4301 + "万\n\t0\n\t0"),
            id="amount-4301-digits",
        ),
        # to_dict held inf (Cell.json_value: float() of a Decimal past 1.8e308); to_json wrote Infinity
        pytest.param(
            _TABLE_2_CELL.format(header="本年新公开数量", value="9" * 309 + ".5\n\t0\n\t0"),
            id="decimal-past-float-range",
        ),
    ],
)
def test_regression_huge_numbers(text: str) -> None:
    report = parse(text)
    assert "Infinity" not in report.to_json()
    assert_json_safe(report)


# ---------------------------------------------------------- regressions: HTML newline character references

HTML_TABLE_2 = (
    "<p>某县2021年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>"
    "<tr><td>第二十条第（一）项</td></tr>"
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "<tr><td>规章</td><td>&#10;1</td><td>0</td><td>2</td></tr>"
    "<tr><td>行政规范性文件</td><td>&#10;&#10;3</td><td>0</td><td>3</td></tr></table>"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<table><tr><td>&#10;x</td></tr></table>", id="grid-cell"),
        pytest.param("<P<P<P>&#10二、主动公开", id="section"),
        pytest.param(HTML_TABLE_2, id="canonical-cell"),
    ],
)
def test_regression_html_newline_reference_stays_inside_the_input(text: str) -> None:
    """A decoded ``&#10;`` was counted as a source line break: lines 2 and 3 were cited in these
    one-line inputs (_tables/html.py)."""
    assert line_count(text) == 1
    assert_lines_inside(parse(text), text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "<table><tr><td>y</td><td>&#10;&#10;w</td></tr></table>\n<p>z</p>\n<p>q</p>", id="w-on-1"
        ),
        pytest.param("<p>x</p>\n<table><tr><td>&#10;y</td></tr></table>\n<p>z</p>", id="y-on-2"),
    ],
)
def test_regression_html_newline_reference_gives_the_right_line(text: str) -> None:
    """After the first fix (clamping to the last line) a cell after a ``&#10;`` still cited a later
    line than its own: ``w`` on line 1 was cited as 3."""
    assert_lines_hold_their_text(parse(text), text)


# -------------------------------------------------------------- regressions: Tika and run-together lines


def test_regression_tika_continued_empty_cell_cites_its_text() -> None:
    """A line without a tab continuing an empty cell (a lone tab) kept the empty cell's line
    (_tables/tika.py ``rebuild``): the third cell's "0" is on line 5 and was cited as line 4."""
    text = "二、主动公开\n\t0\n\t0\n\t\n0\n\t0"
    assert_lines_hold_their_text(parse(text), text)


def test_regression_runtogether_value_after_whitespace_cites_its_line() -> None:
    """_tables/runtogether.py ``rebuild`` took a value's line at ``m.end() + tail.start()`` in the gap
    after the label *before* stripping it, so the "0" on line 2 was cited as line 1 (the tab's)."""
    text = "111第二十条第一项" + "1" * 63 + "第二十条第一项\t\n0"
    report = parse(text)
    assert [t.strategy for t in report.tables] == ["runtogether"]
    assert_lines_hold_their_text(report, text)


# ---------------------------------------------------- regressions: cells written apart were split again

TABS_TABLE_2 = (
    "二、主动公开政府信息情况\n第二十条第（一）项\n"
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t5\t37"
)
TIKA_TABLE_2 = (
    "二、主动公开政府信息情况\n\t第二十条第（五）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n"
    "\n\t行政许可\n\t0\n\t16"
)


@pytest.mark.parametrize(
    "text", [pytest.param(TABS_TABLE_2, id="tabs"), pytest.param(TIKA_TABLE_2, id="tika")]
)
def test_regression_separated_cells_are_not_split(text: str) -> None:
    """A row with fewer cells than the template had its separately written cells joined and split again
    by digit count alone, with no rule deciding: ``5`` ``37`` was read as 5 | 3 | 7 and ``0`` ``16`` as
    0 | 1 | 6, all cited on the line of the first value (_schema/rows.py ``place`` / ``_split``)."""
    written = {piece.strip() for piece in _BREAK.split(text.replace("\t", "\n"))}
    report = parse(text)
    assert report.active_disclosure is not None
    invented = [
        (row.key, column, cell.raw)
        for row in report.active_disclosure.rows
        for column, cell in row.cells
        if cell.state is CellState.NUMBER and cell.raw not in written
    ]
    assert not invented, f"values no cell of the report holds: {invented}"
    assert_lines_hold_their_text(report, text)


def test_regression_character_references_other_than_newlines_are_decoded() -> None:
    """The fix for ``&#10;`` first blanked any reference starting like one (_tables/html.py
    ``_NEWLINE_REFERENCE`` ``&#(?:0*1[03]|[xX]0*[aAdD]);?``): ``&#xA0;`` (NBSP) became ``0;``,
    ``&#101;`` (``e``) became ``1;``."""
    cells = ("规章", "&#xA0;", "&#101;", "&#1000;", "&#13312;")
    text = "<table><tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table>"
    report = parse(text)
    assert [[c.text for c in row] for row in report.tables[0].rows] == [["规章", "", "e", "\u03e8", "\u3400"]]


# ------------------------------------------- regression: a text dump with stray tags is not a page


def test_text_between_block_tags_keeps_its_lines() -> None:
    """Three ``<br>`` made the whole dump read as HTML, collapsing its lines (_pipeline.py ``_read``);
    now it stays text and the tags are removed as artefacts (_normalize.py)."""
    text = "<br><br><br>" + TABS_TABLE_2.replace("37", "3\t7")
    report = parse(text)
    assert [s.heading for s in report.sections] == ["二、主动公开政府信息情况"]
    assert_lines_hold_their_text(report, text)


def test_regression_digits_newer_than_pythons_unicode_are_text() -> None:
    # found by mutation fuzzing of the seeds: the regex module's \d matched U+16D70 (a Unicode 16
    # digit) that int() does not know, and parse raised ValueError; only ASCII digits (after
    # NFKC, so full-width ones too) make numbers
    text = "\t第二十条第（一）项\n\t信息内容\n\t本年新制作数量\n\t规章\n\t\U00016d700\n\t１２\n\t٣"
    report = parse(text)
    assert_json_safe(report)
    cells = [c for t in report.tables for row in t.rows for c in row]
    assert any(c.text == "\U00016d700" for c in cells)
    assert all(value != 0 or "\U00016d70" not in where for where, value in canonical_numbers(report))
