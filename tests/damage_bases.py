"""Bases of the damage suite (``tests/damage.py``): reports whose every table value is known and
distinct, so that a value read into the wrong cell shows.

A :class:`Base` is a report (text, HTML or DOCX) with its truth, flat key -> value (``int``,
``float`` for money, None for a blank or a placeholder; a key absent from the truth is a cell the
report does not print). Rendered bases are canonical reports (``render.Canonical``) drawn with
distinct non-zero numbers and rendered into a layout; real bases are the seeds, the shared corpus
and the converter zoo, renumbered: every table whose numeric cells the library reads right and
this module locates gets new distinct numbers with the arithmetic of the rules, verified by parsing
the renumbered document again (a table that fails keeps its numbers and its gold).

Every located value cell is wrapped in markers (``Base.marked``: U+E000, a character naming the
key, the text, U+E001), so a damage knows which cell it hits even after another damage moved the
text; :func:`unmark` gives the document back.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import random
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lxml import etree

import render
from conftest import CORPUS_DIR, EXAMPLES_DIR
from govinfo_report import Report, parse, parse_bytes
from render import Canonical
from strategies import (
    _APP_HEADER,
    _RL_HEADER,
    _is_value,
    to_flat_markdown,
    to_html2text,
    to_markdown,
    to_markdown_bare,
    to_markdown_blocks,
    to_paragraphs,
    to_run_together,
    to_split_pipes,
    to_tika,
)

ZOO_DIR = CORPUS_DIR.parent / "zoo"
TABLES = ("active_disclosure", "applications", "review_litigation")
"""In document order (sections 二, 三, 四)."""
APP_COLS = (*render.APP_COLUMNS, "total")
AD_COLS = render.AD_COLUMNS
RENDER_LAYOUTS = (
    "tabs",
    "tika",
    "pipes",
    "md",
    "mdblocks",
    "mdbare",
    "html2text",
    "paragraphs",
    "mdflat",
    "html",
    "docx",
    "pdftext",
    "runtogether",
)
RENDER_SEEDS = 12
"""Rendered bases per layout, the two templates in turn."""
MIN_ACCURACY = 0.8
"""A zoo tool text is a base when its clean parse reads this share of the gold cells right."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUM = re.compile(r"(?<![\d.])-?\d+(?:\.\d+)?(?![\d.．、])")
"""A number as a whole token (``2.`` of ``2.重复申请`` is a label's item number)."""
LABEL_ITEM = re.compile(r"\d(?=[.．、]\s*[\u4e00-\u9fff（(])")
MARKUP = re.compile(r"<script.*?</script>|<style.*?</style>|<!--.*?-->|<[^>]*>|&#?\w+;", re.S | re.I)
MARK = re.compile("\ue000(.)([^\ue001]*)\ue001")
CJK = re.compile(r"[\u4e00-\u9fff（）()“”、]{4,}")
"""A run of label text (Chinese, brackets): a row label, or part of one."""
Pick = Callable[[int], int]
"""``pick(n)``: an int in ``range(n)`` (hypothesis' ``data.draw``, or ``random.Random.randrange``)."""
Edit = tuple[str, dict[str, Any], set[str], str]
"""What a damage did: the marked content, truth changes, keys now unknown, a description."""


def mark(index: int, text: str) -> str:
    return f"\ue000{chr(0xE100 + index)}{text}\ue001"


def unmark(text: str) -> str:
    return MARK.sub(lambda m: m.group(2), text)


def mark_index(match: re.Match[str]) -> int:
    return ord(match.group(1)) - 0xE100


def table_of(key: str) -> str:
    return key.split(".", 1)[0]


def row_of(key: str) -> str:
    """``applications.withheld.state_secret.total`` -> ``withheld.state_secret``."""
    return key.split(".", 1)[1].rsplit(".", 1)[0]


@dataclass(frozen=True)
class Base:
    name: str
    """``render:tabs:2021:3``, ``seed:000``, ``corpus:003``, ``zoo:z004__html__pandoc-gfm``."""
    fmt: str
    """``text``, ``html`` or ``docx``."""
    layout: str
    """How the tables are written: tabs, tika, pipes, md, space (PDF text), run, html, docx."""
    content: str | bytes
    truth: dict[str, Any]
    tokens: dict[str, str]
    """Printed value token -> key, for every value whose token is unique in the document."""
    keys: tuple[str, ...]
    """Marker index -> key."""
    marked: str
    """The content (DOCX: ``word/document.xml``) with every located value cell marked."""
    package: tuple[tuple[str, bytes], ...] = ()
    """DOCX: the archive's members (``word/document.xml`` replaced when packed)."""
    renumbered: frozenset[str] = frozenset(TABLES)
    """The tables given new numbers."""

    @property
    def family(self) -> str:
        """``render:<layout>``, ``seed``, ``corpus``, ``zoo:html``, ``zoo:docx`` or ``zoo:text``."""
        kind, _, rest = self.name.partition(":")
        if kind == "zoo":
            return "zoo:" + {"__page": "html", "__soffice": "docx"}.get(rest[rest.rfind("__") :], "text")
        return "render:" + rest.split(":")[0] if kind == "render" else kind


def pack(base: Base, marked: str) -> str | bytes:
    """The document of a (damaged) marked content."""
    if base.fmt != "docx":
        return unmark(marked)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in base.package:
            archive.writestr(name, unmark(marked).encode("utf-8") if name == "word/document.xml" else data)
    return buffer.getvalue()


def parse_content(content: str | bytes) -> Report:
    return parse_bytes(content) if isinstance(content, bytes) else parse(content)


def visible(text: str, html: bool) -> str:
    """``text`` with markup (tags, entities, scripts) and label item numbers blanked, offsets kept."""
    text = MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text) if html else text
    return LABEL_ITEM.sub(" ", text)


def docx_text(xml: str | bytes) -> str:
    root = etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    return "\n".join(t.text or "" for t in root.iter(W + "t"))


def token_counts(text: str) -> Counter[str]:
    return Counter(m.group().lstrip("-") for m in NUM.finditer(text))


def flat(report: Report) -> dict[str, Any]:
    """Flat key -> (cell, row) of the report's canonical tables."""
    out: dict[str, Any] = {}
    for name in TABLES:
        for row in getattr(report, name).rows if getattr(report, name) is not None else ():
            for column, cell in row.cells:
                out.setdefault(f"{name}.{row.key.replace('/', '.')}.{column}", (cell, row))
    return out


def gold_truth(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold of ``corpus/README.md`` as flat keys."""
    out: dict[str, Any] = {}
    for table, columns in (("applications", APP_COLS), ("review_litigation", render.RL_COLUMNS)):
        for row, values in (gold.get(table) or {}).items():
            out.update({f"{table}.{row}.{c}": v for c, v in zip(columns, values, strict=False)})
    for block, rows in (gold.get("active_disclosure") or {}).items():
        for row, values in rows.items():
            for c, v in zip(AD_COLS.get(gold.get("template") or "", {}).get(block, ()), values, strict=False):
                out[f"active_disclosure.{block}.{row}.{c}"] = v.get("value") if isinstance(v, dict) else v
    return out


# --- new numbers -----------------------------------------------------------------------------------


class Blank(int):
    """A blank cell of table 3: 0 in the arithmetic, printed as nothing."""

    def __str__(self) -> str:
        return ""


def fine(value: int, used: set[int]) -> bool:
    return abs(value) >= 10 and not 1900 <= abs(value) <= 2099 and abs(value) not in used


def fresh(rng: random.Random, used: set[int]) -> int:
    """A new count, distinct from ``used``: two to four digits, never a year."""
    while True:
        r = rng.random()
        low, high = (10, 99) if r < 0.25 else (100, 999) if r < 0.8 else (1000, 9999)
        value = rng.randint(low, high)
        if fine(value, used):
            used.add(value)
            return value


def draw_report(rng: random.Random, template: str, layout: str) -> Canonical:
    """A canonical report with distinct non-zero numbers (rarely a blank in table 3), consistent
    arithmetic, blanks, placeholders, money and signed changes in table 2."""
    used: set[int] = set()
    results = {key: [fresh(rng, used) for _ in range(6)] for key in render._result_keys(template)}
    for six in results.values():
        if rng.random() < 0.05:
            six[rng.randrange(6)] = Blank(0)
    applications = render.consistent(results, *([fresh(rng, used) for _ in range(6)] for _ in range(2)))
    review = {g: [fresh(rng, used) for _ in range(4)] for g in render.RL_GROUPS}

    def cell(money: bool = False, signed: bool = False) -> str:
        r = rng.random()
        if r < 0.12:
            return "" if r < 0.06 else rng.choice(["/", "—", "无"])
        value = fresh(rng, used)
        if money and rng.random() < 0.7:
            unit = rng.choice(["", "", "", "万元" if layout != "pdftext" else ""])  # (PDF text: a label)
            return f"{value}.{rng.randint(10, 99)}{unit}"
        if money:
            return f"{value}" + rng.choice(["", "元"])
        return str(-value if signed and rng.random() < 0.4 else value)

    def row(n: int, signed: bool = False) -> list[str]:
        return [cell(signed=signed and i == 1) for i in range(n)]

    if template == "2021":
        active = {
            "art20_1": {"rules": row(3), "normative_documents": row(3)},
            "art20_5": {"administrative_license": row(1)},
            "art20_6": {"administrative_penalty": row(1), "administrative_coercion": row(1)},
            "art20_8": {"administrative_fees": [cell(money=True)]},
        }
    else:
        active = {
            "art20_1": {"rules": row(3), "normative_documents": row(3)},
            "art20_5": {"administrative_license": row(3, True), "other_external_management": row(3, True)},
            "art20_6": {"administrative_penalty": row(3, True), "administrative_coercion": row(3, True)},
            "art20_8": {"administrative_fees": row(2, True)},
            "art20_9": {"centralized_procurement": [cell(), cell(money=True)]},
        }
    # prose with numbers: qualified ones no cell holds (累计, 同比), or the table's own totals as
    # reports state them, which the reader may take as evidence (never a contradiction)
    new = sum(applications["new_requests"])
    closed = sum(applications["total"])
    draw = rng.random()
    if draw < 0.25:
        prose = {1: f"累计收到政府信息公开申请{fresh(rng, used)}件，同比增加{fresh(rng, used)}件。"}
    elif draw < 0.5:
        prose = {1: f"全年共新收政府信息公开申请{new}件，办结{closed}件。"}
    else:
        prose = {}
    year = rng.randint(2021, 2025) if template == "2021" else rng.randint(2019, 2020)
    organ = rng.choice(["某市某某局", "某县人民政府", "某区医疗保障局"])
    return Canonical(
        template,
        organ,
        year,
        applications,
        review,
        active,
        prose=prose,
        org_subtotal=rng.random() < 0.4,
        subtotals=rng.choice(["", "", "row", "小计"]),
    )


def canonical_truth(report: Canonical) -> tuple[dict[str, Any], dict[str, str]]:
    """(truth, key -> printed token) of a canonical report, from ``render.expected``."""
    want = render.expected(report)
    truth: dict[str, Any] = {}
    for table in ("applications", "review_litigation"):
        for row, columns in want[table].items():  # type: ignore[attr-defined]
            for column, value in columns.items():
                truth[f"{table}.{row}.{column}"] = None if isinstance(value, Blank) else int(value)
    printed = {k: str(v) for k, v in truth.items() if v is not None}
    for block, rows in report.active.items():
        for row, texts in rows.items():
            for column, text in zip(AD_COLS[report.template][block], texts, strict=True):
                truth[key := f"active_disclosure.{block}.{row}.{column}"] = render._number(text)
                if truth[key] is not None:
                    printed[key] = text.rstrip("元万")
    return truth, printed


def pdf_text(report: Canonical, rng: random.Random) -> str:
    """``strategies.pdf_text`` driven by a seeded random source instead of hypothesis, its page
    footers left to the damages: labels apart from their numbers, ``三、本年度办理结果`` one
    character a line, numbers on the middle line of a wrapped label or above it, blank cells gone,
    table 4 on one line."""
    lines: list[str] = []
    for block in render.blocks(report):
        if isinstance(block, str):
            lines.append(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        if width == 15:
            lines += [*_RL_HEADER, " ".join(c.text for c in block[-1] if c.text)]
            continue
        table3 = width > 4
        if table3:
            lines += [*_APP_HEADER[:5], "其他 小计" if report.org_subtotal else "其他", _APP_HEADER[6]]
            block = block[3:]
        vertical: list[str] = []
        for row in block:
            label = " ".join(c.text for c in row if not _is_value(c.text) and not (table3 and c.rowspan > 1))
            numbers = " ".join(c.text for c in row if _is_value(c.text) and c.text)
            spanned = [c.text for c in row if table3 and c.rowspan > 1 and not _is_value(c.text)]
            vertical = list(spanned[0]) if spanned and spanned[0].startswith("三、") else vertical
            prefix = ""
            if vertical and rng.random() < 0.5:
                char = vertical.pop(0)
                if rng.random() < 0.5 and label[:1] in "（0123456789":
                    prefix = char + " "
                else:
                    lines.append(char)
            if spanned and not spanned[0].startswith("三、"):
                lines.append(spanned[0])
            if len(label) > 18 and numbers and rng.random() < 0.5:
                cut = rng.randint(12, len(label) - 2)
                lines += [prefix + label[:cut], numbers, label[cut:]]
            elif numbers and table3 and rng.random() < 0.1:
                lines += [numbers, prefix + label]
            else:
                lines.append(prefix + " ".join(p for p in (label, numbers) if p))
        lines.extend(vertical)
    return "\n".join(lines) + "\n"


def mark_tokens(text: str, keys: list[str], printed: dict[str, str], html: bool) -> str | None:
    """``text`` with every printed value token marked; None unless each occurs once."""
    wanted, counts = {tok: key for key, tok in printed.items()}, token_counts(visible(text, html))
    if any(counts[tok.lstrip("-")] != 1 for tok in wanted):
        return None
    out, last = [], 0
    for m in NUM.finditer(visible(text, html)):
        if m.group() in wanted:
            out += [text[last : m.start()], mark(keys.index(wanted[m.group()]), m.group())]
            last = m.end()
    return "".join([*out, text[last:]])


def members(data: bytes) -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return tuple((name, archive.read(name)) for name in archive.namelist())


@functools.cache
def rendered_base(layout: str, template: str, seed: int) -> Base:
    """A canonical report drawn from ``random.Random`` seeded by the arguments, in ``layout``."""
    rng = random.Random(f"{layout}:{template}:{seed}")
    renderers = {
        "tabs": render.to_text,
        "tika": to_tika,
        "pipes": to_split_pipes,
        "md": to_markdown,
        "mdblocks": to_markdown_blocks,
        "mdbare": to_markdown_bare,
        "html2text": to_html2text,
        "paragraphs": to_paragraphs,
        "mdflat": to_flat_markdown,
        "html": lambda r: render.to_html(r, chrome=rng.random() < 0.3),
        "pdftext": lambda r: pdf_text(r, rng),
        "runtogether": render.to_text,
        "docx": render.to_text,
    }  # the tab text: each value once, then each w:t is marked
    while True:
        report = draw_report(rng, template, layout)
        truth, printed = canonical_truth(report)
        keys = sorted(truth)
        if not all(abs(v) >= 10 and not 2015 <= abs(v) <= 2030 for v in truth.values() if v is not None):
            continue  # a sum fell below 10 or on a year a stray line may print
        marked = mark_tokens(renderers[layout](report), keys, printed, layout == "html")
        package: tuple[tuple[str, bytes], ...] = ()
        text = ""
        if marked is not None and layout == "runtogether":  # the tab text's lines, their tabs taken out
            marked = "\n".join(line.replace("\t", "") for line in marked.split("\n"))
            marked = marked if unmark(marked) == to_run_together(report) else None
        if layout == "docx":
            package = members(render.to_docx(report))
            root = etree.fromstring(dict(package)["word/document.xml"])
            wanted = {tok: keys.index(key) for key, tok in printed.items()}

            def marked_token(m: re.Match[str], wanted: dict[str, int] = wanted) -> str:
                return mark(wanted[m[0]], m[0]) if m[0] in wanted else m[0]

            for t in root.iter(W + "t"):
                t.text = NUM.sub(marked_token, t.text or "")
            marked = etree.tostring(root, encoding="unicode")
            text = docx_text(unmark(marked))
            if any(token_counts(text)[tok.lstrip("-")] != 1 for tok in wanted):
                continue
        if marked is None:
            continue
        fmt = {"html": "html", "docx": "docx"}.get(layout, "text")
        shape = {
            "pdftext": "space",
            "paragraphs": "space",
            "runtogether": "run",
            "mdblocks": "md",
            "mdbare": "md",
            "html2text": "md",
            "mdflat": "md",
        }.get(layout, layout)
        name = f"render:{layout}:{template}:{seed}"
        base = Base(name, fmt, shape, "", truth, {}, tuple(keys), marked, package)
        return finish(base, text or visible(unmark(marked), fmt == "html"))


def finish(base: Base, text: str) -> Base:
    """The base with its content packed, the units of amounts taken into their markers (a damage
    rewrites ``251000元`` whole), and its unique tokens listed (``text``: what is visible)."""
    marked = re.sub("(\ue000.[^\ue001]*)\ue001(万元|元|万)", "\\1\\2\ue001", base.marked)
    counts = token_counts(text)
    printed = {NUM.search(m.group(2)).group(): base.keys[mark_index(m)] for m in MARK.finditer(marked)}  # type: ignore[union-attr]
    tokens = {tok: key for tok, key in printed.items() if counts[tok.lstrip("-")] == 1}
    return replace(base, marked=marked, content=pack(base, marked), tokens=tokens)


def rendered_bases() -> list[Base]:
    return [
        rendered_base(layout, ("2021", "2019")[seed % 2], seed)
        for layout in RENDER_LAYOUTS
        for seed in range(RENDER_SEEDS)
    ]


# --- real bases: located, renumbered, verified -------------------------------------------------------


def same(cell: Any, want: Any) -> bool:
    value = None if cell is None else cell.value
    if want is None or value is None:
        return want is None and value is None
    return abs(float(value) - float(want)) < 1e-6


def align(line: str, rows: list[list[str]]) -> list[tuple[int, int]] | None:
    """Where the tokens of ``rows`` (a source line's value cells, in row and column order) are
    on ``line``, matched from its end: a row's last token is the last whole occurrence left of
    the row after it, each token before it the next number to its left (no digits between)."""
    cursor, spans = len(line), []
    for row in reversed(rows):
        for i, tok in enumerate(reversed(row)):
            end = cursor
            if i == 0:
                while (pos := line.rfind(tok, 0, end)) >= 0 and re.match(r"[\d.,]", line[pos + len(tok) :]):
                    end = pos + len(tok) - 1
            else:
                while end > 0 and not line[end - 1].isdigit():
                    end -= 1
                pos = end - len(tok) if line[end - len(tok) : end] == tok else -1
            if pos < 0:
                return None
            spans.append((pos, pos + len(tok)))
            cursor = pos
        if re.match(r"[\d.,]", line[cursor - 1 : cursor]):
            return None
    return spans[::-1]


def line_cells(report: Report) -> tuple[dict[int, list[list[tuple[str, str]]]], set[int]]:
    """Source line -> its value cells as rows of (key, token); and the lines with a value that
    cannot be located (a local row's, or one without a single number in its text)."""
    lines: dict[int, list[list[tuple[str, str]]]] = {}
    bad = {c.line for extra in report.extra_rows for c in extra.cells if c.state.value == "number" and c.line}
    for key, (cell, _) in flat(report).items():
        if cell.state.value != "number" or cell.line is None:
            continue
        tokens = re.findall(r"-?\d[\d,]*(?:\.\d+)?", cell.raw)
        if len(tokens) != 1:
            bad.add(cell.line)
            continue
        groups = lines.setdefault(cell.line, [])
        last = groups[-1][-1][0] if groups else ""
        if not last or (row_of(last), table_of(last)) != (row_of(key), table_of(key)):
            groups.append([])
        groups[-1].append((key, tokens[0]))
    return lines, bad


def renumberable(
    gold: dict[str, Any], cells: dict[str, Any], lines: dict[str, int], bad: set[int]
) -> set[str]:
    """The tables whose numeric gold cells are all read right and located (``lines``: key ->
    source line), none of them read where the gold has none, no unlocated value among their lines."""
    out = set()
    for table in TABLES:
        keys = [k for k, v in gold.items() if table_of(k) == table and v is not None]
        read = {k for k, (c, _) in cells.items() if table_of(k) == table and c.state.value == "number"}
        if keys and not read - set(keys) and all(k in lines and same(cells[k][0], gold[k]) for k in keys):
            span = [lines[k] for k in keys]
            out |= set() if any(min(span) <= n <= max(span) for n in bad) else {table}
    return out


def new_values(
    rng: random.Random, truth: dict[str, Any], tables: set[str], raws: dict[str, str], used: set[int]
) -> dict[str, str]:
    """Key -> new printed token for the numeric cells of ``tables``: distinct, non-zero, none of
    ``used`` (the document's numbers), with the arithmetic of R1-R5; a blank stays blank, and so does
    a total the report leaves blank. Money keeps its decimals; a change may be negative."""
    printed = lambda k: truth.get(k) is not None  # noqa: E731
    for _ in range(30):
        taken, new = set(used), {}
        if "applications" in tables:
            rows = sorted({row_of(k) for k in truth if table_of(k) == "applications"})  # never a set's order
            fixed = ("new_requests", "carried_over", "total", "carried_forward")
            leaves = [r for r in rows if r not in fixed and not any(o.startswith(r + ".") for o in rows)]
            vals = {
                (r, c): fresh(rng, taken) if printed(f"applications.{r}.{c}") else 0
                for r in [*leaves, "carried_over", "carried_forward"]
                for c in APP_COLS[:6]
            }
            for r in [*(r for r in rows if r not in leaves and r not in fixed), "total"]:
                for c in APP_COLS[:6]:
                    vals[(r, c)] = sum(vals[(x, c)] for x in leaves if r == "total" or x.startswith(r + "."))
            for c in APP_COLS[:6]:  # R1
                vals[("new_requests", c)] = (
                    vals[("total", c)] + vals[("carried_forward", c)] - vals[("carried_over", c)]
                )
            for r in rows:
                vals[(r, "total")] = sum(vals[(r, c)] for c in APP_COLS[:6])
            new = {
                f"applications.{r}.{c}": str(v)
                for (r, c), v in vals.items()
                if printed(f"applications.{r}.{c}")
            }
        for key in sorted(k for k in truth if printed(k) and table_of(k) in tables - {"applications"}):
            value = fresh(rng, taken)
            if "." in raws.get(key, ""):
                decimals = len(raws[key].split(".")[1])
                new[key] = f"{value}.{rng.randint(10 ** (decimals - 1), 10**decimals - 1)}"
            else:
                new[key] = str(-value if key.endswith(".change") and rng.random() < 0.4 else value)
        for group in render.RL_GROUPS if "review_litigation" in tables else ():
            if printed(key := f"review_litigation.{group}.total"):
                four = (new.get(f"review_litigation.{group}.{c}", "0") for c in render.RL_COLUMNS[:4])
                new[key] = str(sum(map(int, four)))
        numbers = [abs(int(float(v))) for v in new.values() if "." not in v]
        if len(set(numbers)) == len(numbers) and all(fine(n, used) for n in numbers):
            break
    return new


def locate(
    report: Report,
    texts: list[str],
    html: bool,
    rows: dict[int, Any],
    index: dict[Any, int],
) -> tuple[dict[str, tuple[int, int, int]], dict[str, int], set[int]]:
    """Where each value cell the parse read is: key -> (text index, start, end), ``texts`` being
    the source lines (text, HTML) or the ``w:t`` texts (DOCX, whose ``rows`` are the ``w:tr`` by
    block line); key -> source line; and the lines where a value could not be located."""
    (groups, bad), where = line_cells(report), {}
    for line, row_cells in groups.items():
        if (line not in rows) if rows else line > len(texts):
            bad.add(line)
            continue
        if rows:
            text, starts = row_texts(rows[line], index)
        else:
            text, starts = visible(texts[line - 1], html), [(line - 1, 0)]
        spans, found = align(text, [[tok for _, tok in row] for row in row_cells]), {}
        for (key, _), (a, b) in zip([c for row in row_cells for c in row], spans or [], strict=False):
            inside = [(i, a - s) for i, s in starts if s <= a and b <= s + len(texts[i])]
            found.update({key: (inside[0][0], inside[0][1], inside[0][1] + b - a)} if inside else {})
        if spans is None or len(found) < sum(map(len, row_cells)):
            bad.add(line)
        else:
            where.update(found)
    lines = {k: line for line, row_cells in groups.items() for row in row_cells for k, _ in row if k in where}
    return where, lines, bad


def renumber(
    content: str | bytes,
    gold: dict[str, Any],
    report: Report,
    rng: random.Random,
) -> tuple[str, dict[str, Any], frozenset[str], list[str], str]:
    """(marked content, truth, tables renumbered, marker keys, visible text) of a real report.

    The tables whose numeric cells are all read right and located get new numbers, and the
    renumbered document must read them back, or the table keeps its own (and its gold)."""
    docx = isinstance(content, bytes)
    package = members(content) if isinstance(content, bytes) else ()
    source = dict(package)["word/document.xml"].decode("utf-8") if package else str(content)
    html = not docx and bool(re.search(r"<t[dh][\s>]", source, re.I))
    root = etree.fromstring(source.encode("utf-8")) if docx else None
    ts = list(root.iter(W + "t")) if root is not None else []
    texts = [t.text or "" for t in ts] if docx else source.split("\n")
    rows, index = (docx_rows(root), {t: i for i, t in enumerate(ts)}) if docx else ({}, {})
    where, lines, bad = locate(report, texts, html, rows, index)
    tables = renumberable(gold, flat(report), lines, bad)
    raws = {k: texts[i][a:b] for k, (i, a, b) in where.items()}
    used = {abs(int(float(t))) for t in token_counts(docx_text(source) if docx else visible(source, html))}
    while tables:
        new = new_values(rng, gold, tables, raws, set(used))
        keys, out = sorted(new), list(texts)
        for key in sorted(new, key=lambda k: (where[k][0], -where[k][1])):
            i, a, b = where[key]
            out[i] = out[i][:a] + mark(keys.index(key), new[key]) + out[i][b:]
        for t, text in zip(ts, out, strict=False):
            t.text = text
        marked = etree.tostring(root, encoding="unicode") if docx else "\n".join(out)
        truth = {**gold, **{k: float(v) if "." in v else int(v) for k, v in new.items()}}
        blank = Base("", "docx" if docx else "text", "", "", {}, {}, (), "", package)
        again = flat(parse_content(pack(blank, marked)))
        failed = {
            table_of(k)
            for k, v in truth.items()
            if table_of(k) in tables and not same(again.get(k, (None,))[0], v)
        }
        if not failed:
            text = docx_text(unmark(marked)) if docx else visible(unmark(marked), html)
            return marked, truth, frozenset(tables), keys, text
        tables -= failed
    return source, gold, frozenset(), [], ""


def docx_rows(root: Any) -> dict[int, Any]:
    """Block line -> ``w:tr``: a line per paragraph (and per break in one), a line per table row."""
    rows, line = {}, 0
    for node in root.iter(W + "p", W + "tr"):
        if node.tag == W + "tr":
            line += 1
            rows[line] = node
        elif next(node.iterancestors(W + "tc"), None) is None:
            line += 1 + sum(1 for _ in node.iter(W + "br", W + "cr"))
    return rows


def row_texts(tr: Any, index: dict[Any, int]) -> tuple[str, list[tuple[int, int]]]:
    """A table row's visible text (cells joined by tabs) and where each of its ``w:t`` starts in it,
    the ``w:t`` named by its ``index`` in the document."""
    text, starts = "", []
    for tc in tr.iterchildren(W + "tc"):
        text += "\t" if text else ""
        for t in tc.iter(W + "t"):
            if t.getparent().find(f"{W}rPr/{W}vanish") is None:
                starts.append((index[t], len(text)))
                text += t.text or ""
    return visible(text, False), starts


def sniff(marked: str) -> str:
    """The layout of a real text: html, tika, pipes, md, tabs, run or space."""
    if re.search(r"<t[dh][\s>]", marked, re.I):
        return "html"
    votes: Counter[str] = Counter()
    lines = marked.split("\n")
    for i, line in enumerate(lines):
        plain = MARK.sub("\0", line)
        if "\0" not in plain:
            continue
        if plain.strip() == "\0":
            after_pipe = lines[i - 1].strip() == "|"
            votes["tika" if plain.startswith("\t") else "pipes" if after_pipe else "space"] += 1
        else:
            lead = plain.lstrip().startswith("|")
            votes["md" if lead else "tabs" if "\t" in plain else "run" if "\0\0" in plain else "space"] += 1
    return votes.most_common(1)[0][0] if votes else "space"


@dataclass(frozen=True)
class Real:
    """A real report, its base (None when no table could be renumbered or the tool text reads too
    little), and the share of its gold cells the clean parse reads right."""

    name: str
    path: Path
    gold: Path
    base: Base | None = None
    accuracy: float = 0.0


def real_sources() -> list[Real]:
    """The seeds, the corpus (but the pre-2019 015) and the zoo's pages, DOCX and tool texts."""
    gold, raw = CORPUS_DIR / "gold", CORPUS_DIR / "raw"
    out = [
        Real(f"seed:{p.stem[5:]}", p, gold / f"{p.stem}.json")
        for p in sorted(EXAMPLES_DIR.glob("seed_*.txt"))
    ]
    out += [
        Real(f"corpus:{p.stem}", p, gold / f"{p.stem}.json")
        for p in sorted(raw.glob("*"))
        if p.suffix in (".txt", ".md", ".html") and p.stem != "015"
    ]
    out += [
        Real(f"zoo:{p.stem}", p, ZOO_DIR / f"{p.name.split('__')[0]}.json")
        for p in sorted(ZOO_DIR.glob("z*__*"))
        if p.suffix in (".txt", ".md") or p.name.endswith(("__html__page.html", "__docx__soffice.docx"))
    ]
    return [r for r in out if r.gold.exists()]


@functools.cache
def real(source: Real) -> Real:
    gold = gold_truth(json.loads(source.gold.read_text(encoding="utf-8")))
    docx = source.path.suffix == ".docx"
    content = source.path.read_bytes() if docx else source.path.read_text(encoding="utf-8")
    report = parse_content(content)
    cells = flat(report)
    accuracy = sum(k in cells and same(cells[k][0], v) for k, v in gold.items()) / max(len(gold), 1)
    tool = source.name.startswith("zoo:") and not source.name.endswith(("__page", "__soffice"))
    if tool and accuracy < MIN_ACCURACY:
        return replace(source, accuracy=accuracy)
    marked, truth, tables, keys, text = renumber(content, gold, report, random.Random(source.name))
    if not tables:
        return replace(source, accuracy=accuracy)
    fmt = "docx" if docx else "html" if source.path.suffix == ".html" else "text"
    layout = fmt if fmt != "text" else sniff(marked)
    package = members(content) if isinstance(content, bytes) else ()
    base = Base(source.name, fmt, layout, "", truth, {}, tuple(keys), marked, package, tables)
    return replace(source, base=finish(base, text), accuracy=accuracy)


@functools.cache
def real_bases() -> tuple[Base, ...]:
    """The real bases with at least one table renumbered (none when ``../shared`` is absent)."""
    return tuple(r.base for r in map(real, real_sources()) if r.base is not None)


@functools.cache
def all_bases() -> dict[str, tuple[Base, ...]]:
    """Every base by family (:attr:`Base.family`)."""
    out: dict[str, list[Base]] = {}
    for base in [*rendered_bases(), *real_bases()]:
        out.setdefault(base.family, []).append(base)
    return {family: tuple(bases) for family, bases in out.items()}


# --- the damaged case, and the view of markup a damage edits it through ---------------------------


@dataclass(frozen=True)
class Damaged:
    """A base after damage: its marked content, the truth that still holds, the keys whose value
    can no longer be known, and what was done."""

    base: Base
    marked: str
    truth: dict[str, Any]
    unknown: frozenset[str]
    desc: str
    kind: str = "clean"

    @property
    def content(self) -> str | bytes:
        return pack(self.base, self.marked)


def start(base: Base) -> Damaged:
    return Damaged(base, base.marked, dict(base.truth), frozenset(), "undamaged")


def _show(text: str) -> str:
    return repr(unmark(text))[:90]


@dataclass(frozen=True)
class Dialect:
    """How a markup writes tables: HTML, or WordprocessingML edited as text."""

    table: re.Pattern[str]
    row: re.Pattern[str]
    cell: re.Pattern[str]
    empty: str
    """An empty cell."""
    br: str
    """A line break inside a cell (DOCX: a second paragraph)."""
    line: str
    """A row of one cell over ``{n}`` columns holding ``{text}``."""
    para: str
    """A paragraph holding ``{text}``."""
    hidden: tuple[str, ...]
    """Hidden digits ``{d}`` inside a cell's text; HTML also as cells of their own (``<td``)."""
    cell_end: str
    """Where a cell ends (to show a row as ``a | b | c``)."""


HTML = Dialect(
    re.compile(r"<table\b.*?</table>", re.S | re.I),
    re.compile(r"<tr\b[^>]*>.*?</tr>", re.S | re.I),
    re.compile(r"<t[dh]\b[^>]*>.*?</t[dh]>", re.S | re.I),
    "<td></td>",
    "<br>",
    '<tr><td colspan="{n}">{text}</td></tr>',
    "<p>{text}</p>",
    (
        '<span style="display:none">{d}</span>',
        "<span hidden>{d}</span>",
        '<span style="display: none;">{d}</span>',
        '<td style="display:none">{d}</td>',
        "<td hidden>{d}</td>",
    ),
    r"</t[dh]>",
)
RUN = '</w:t></w:r>{}<w:r><w:t xml:space="preserve">'
DOCX = Dialect(
    re.compile(r"<w:tbl\b.*?</w:tbl>", re.S),
    re.compile(r"<w:tr\b[^>]*>.*?</w:tr>", re.S),
    re.compile(r"<w:tc\b[^>]*>.*?</w:tc>", re.S),
    "<w:tc><w:p/></w:tc>",
    RUN.format("</w:p><w:p>"),
    '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{n}"/></w:tcPr>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>",
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>",
    (
        RUN.format("<w:r><w:rPr><w:vanish/></w:rPr><w:t>{d}</w:t></w:r>"),
        RUN.format('<w:del w:id="901" w:author="x"><w:r><w:delText>{d}</w:delText></w:r></w:del>'),
    ),
    "</w:tc>",
)
ROWSPAN = re.compile(r"""rowspan\s*=\s*["']?(\d+)""", re.I)


@dataclass(frozen=True)
class Line:
    """A table row of a page or a DOCX: its span, whether a rowspan (``w:vMerge``) starts in it,
    the rowspan numbers covering it (HTML: their spans), whether it continues a merge (DOCX)."""

    a: int
    b: int
    origin: bool
    covered: tuple[tuple[int, int, int], ...]
    continued: bool
    first: bool

    @property
    def free(self) -> bool:
        return not (self.origin or self.covered or self.continued)


class Markup:
    """An HTML page or a DOCX's ``word/document.xml`` as marked text. A row is a :class:`Line`, a
    cell ``(row, (start, end), marker match)``; every damage makes one edit (or edits from the end),
    so the spans stay true. Rows are never added or dropped inside a rowspan without the span
    following (DOCX merges follow by themselves), so no damage shifts a grid's columns."""

    def __init__(self, case: Damaged) -> None:
        self.case, self.s, self.keys, self.at = case, case.marked, case.base.keys, 0
        self.d = DOCX if case.base.layout == "docx" else HTML

    def key(self, cell: Any) -> str:
        return self.keys[mark_index(cell[2])]

    def match(self, cell: Any) -> re.Match[str]:
        return cell[2]

    def done(self, desc: str, truth: dict[str, Any] | None = None, unknown: set[str] | None = None) -> Edit:
        """The edit, described with the text of the row it touched last (as a reader sees it)."""
        row = next((r for r in self.d.row.finditer(self.s) if r.start() <= self.at < r.end()), None)
        near = self.s[row.start() : row.end()] if row else self.s[max(self.at - 300, 0) : self.at + 300]
        near = self.plain(re.sub(self.d.cell_end, " | ", near))[:150]
        where = "the row now reads" if row else "around it"
        return self.s, truth or {}, unknown or set(), f"{desc}; {where} {near!r}"

    @staticmethod
    def plain(markup: str) -> str:
        """Markup as a reader sees it (tags, entities and cut-off tags at either end taken out)."""
        text = re.sub(r"^[^<]*?>|<[^>]*$|<[^>]*>|&#?\w+;", " ", unmark(markup))
        return " ".join(text.split())

    def edit(self, a: int, b: int, text: str) -> None:
        self.s, self.at = self.s[:a] + text + self.s[b:], a

    def rows(self) -> list[Line]:
        out = []
        for table in self.d.table.finditer(self.s):
            if not MARK.search(table.group()):
                continue
            spans: list[list[int]] = []  # [start, end, n, rows still covered]
            for k, r in enumerate(self.d.row.finditer(self.s, table.start(), table.end())):
                covered = tuple((s, e, n) for s, e, n, left in spans if left > 0)
                spans = [[s, e, n, left - 1] for s, e, n, left in spans if left > 1]
                new = [m for m in ROWSPAN.finditer(self.s, r.start(), r.end()) if int(m.group(1)) > 1]
                spans += [[m.start(1), m.end(1), int(m.group(1)), int(m.group(1)) - 1] for m in new]
                vmerge = re.findall(r'<w:vMerge(?: w:val="(\w+)")?', r.group())
                out.append(
                    Line(
                        r.start(),
                        r.end(),
                        bool(new) or "restart" in vmerge,
                        covered,
                        any(v != "restart" for v in vmerge),
                        k == 0,
                    )
                )
        return out

    def cells(self, row: Line) -> list[tuple[int, int]]:
        return [(c.start(), c.end()) for c in self.d.cell.finditer(self.s, row.a, row.b)]

    def value_rows(self) -> list[Line]:
        return [r for r in self.rows() if MARK.search(self.s, r.a, r.b)]

    def value_cells(self) -> list[Any]:
        counts = Counter(m.group(1) for m in MARK.finditer(self.s))
        out = []
        for row in self.value_rows():
            for a, b in self.cells(row):
                marks = list(MARK.finditer(self.s, a, b))
                if len(marks) == 1 and counts[marks[0].group(1)] == 1:
                    out.append((row, (a, b), marks[0]))
        return out

    def text(self, a: int, b: int) -> str:
        return visible(self.s[a:b], True)

    def labels(self) -> list[tuple[int, int]]:
        return [
            (a, b)
            for row in self.value_rows()
            for a, b in self.cells(row)
            if not MARK.search(self.s, a, b)
            and CJK.search(self.text(a, b))
            and not ROWSPAN.search(self.s, a, b)
            and "<w:vMerge" not in self.s[a:b]
        ]

    def cut_cell(self, cell: Any, pick: Pick) -> str:
        self.edit(*cell[1], "")
        return "its cell removed"

    def joinable(self) -> list[Any]:
        cells = self.value_cells()
        return [
            (x, y)
            for x, y in itertools.pairwise(cells)
            if x[0] == y[0] and not self.s[x[1][1] : y[1][0]].strip()
        ]

    def join(self, pair: Any, pick: Pick) -> str:
        (_, (a, b), m), (_, (_, e), n) = pair
        self.edit(a, e, self.s[a : m.end()] + n.group() + self.s[m.end() : b])
        return f"{self.key(pair[0])} + {self.key(pair[1])}: two cells made one"

    def empty_before(self, cell: Any, pick: Pick) -> str:
        self.edit(cell[1][0], cell[1][0], self.d.empty)
        return self.d.empty

    def copy_cell(self, cell: Any, pick: Pick) -> str:
        a, b = cell[1]
        self.edit(b, b, self.s[a:b])
        return "its cell twice"

    def boundaries(self) -> list[Line]:
        return [r for r in self.rows() if not (r.first or r.covered or r.continued)]

    def insert(self, row: Line, lines: list[str], pick: Pick) -> str:
        table = next(t for t in self.d.table.finditer(self.s) if t.start() < row.a < t.end())
        if pick(2):
            width = len(re.findall(r"<w:gridCol\b", table.group()))
            width = width or max(len(self.cells(r)) for r in self.rows())
            self.edit(row.a, row.a, "".join(self.d.line.format(n=width, text=line) for line in lines))
            return "as a row of its own"
        if self.d is DOCX:
            parts = re.findall(
                r"<w:tblPr\b.*?</w:tblPr>|<w:tblPr/>|<w:tblGrid\b.*?</w:tblGrid>", table.group(), re.S
            )
            close, reopen = "</w:tbl>", "<w:tbl>" + "".join(parts)
        else:
            body = "<tbody" in self.s[table.start() : row.a].lower()
            close, reopen = ("</tbody></table>", "<table><tbody>") if body else ("</table>", "<table>")
        self.edit(row.a, row.a, close + "".join(self.d.para.format(text=line) for line in lines) + reopen)
        return "as a paragraph splitting the table"

    def cut_label(self, spot: tuple[int, int], pick: Pick) -> str:
        shown = self.plain(self.s[spot[0] : spot[1]])
        self.edit(*spot, "")
        return f"cell {shown!r}"

    def units(self) -> list[Line]:
        return [r for r in self.rows() if not r.origin]

    def _respan(self, row: Line, by: int) -> None:
        for s, e, n in sorted(row.covered, reverse=True):
            self.edit(s, e, str(n + by))

    def cut_unit(self, row: Line, pick: Pick) -> tuple[str, set[str]]:
        gone = {self.keys[mark_index(m)] for m in MARK.finditer(self.s, row.a, row.b)}
        self.edit(row.a, row.b, "")
        self._respan(row, -1)
        return f"deleted a row holding {len(gone)} values", gone

    def copy_unit(self, row: Line, pick: Pick) -> str:
        self.edit(row.b, row.b, self.s[row.a : row.b])
        self._respan(row, +1)
        return "a row"

    def swappable(self) -> list[Any]:
        rows = self.rows()
        return [
            (x, y) for x, y in itertools.pairwise(rows) if x.free and y.free and not self.s[x.b : y.a].strip()
        ]

    mergeable = swappable

    def swap(self, pair: Any, pick: Pick) -> str:
        x, y = pair
        self.edit(x.a, y.b, self.s[y.a : y.b] + self.s[x.b : y.a] + self.s[x.a : x.b])
        return "two adjacent rows"

    def merge(self, pair: Any, pick: Pick) -> str:
        x, y = pair
        self.edit(self.s.rindex("</", x.a, x.b), self.s.index(">", y.a) + 1, "")
        return "two rows into one"

    def wrap_value(self, cell: Any, head: str, tail: str) -> str:
        self.edit(cell[2].start(), cell[2].end(), head + self.d.br + tail)
        return "over two lines of its cell"

    def label_runs(self) -> list[tuple[int, int]]:
        return [(a + m.start(), a + m.end()) for a, b in self.labels() for m in CJK.finditer(self.text(a, b))]

    def wrap_label(self, spot: tuple[int, int], pick: Pick, middle: tuple[str, ...] = ()) -> str:
        cut = spot[0] + 1 + pick(spot[1] - spot[0] - 1)
        shown = f"{self.s[spot[0] : cut]!r} / {self.s[cut : spot[1]]!r}"
        self.edit(cut, cut, self.d.br)
        return shown

    def rewrite(self, cell: Any, text: str) -> None:
        self.edit(cell[2].start(), cell[2].end(), text)

    def hide(self, cell: Any, digits: str, pick: Pick) -> str:
        way = pick(len(self.d.hidden))
        hidden = self.d.hidden[way].format(d=digits)
        at = cell[1][0] if hidden.startswith("<td") else (cell[2].start() if pick(2) else cell[2].end())
        self.edit(at, at, hidden)
        run = "w:vanish run" if "vanish" in hidden else "w:del"
        return hidden if self.d is HTML else f"a {run} {digits!r}"

    def pad(self, row: Line, pick: Pick) -> str:
        end = self.s.rindex("</", row.a, row.b)
        self.edit(end, end, self.d.empty)
        return "a row (an empty cell at its end)"

    def header_spots(self) -> list[tuple[int, int, int]]:
        """(start, end) of a table's header rows (those above its first value) and where to
        repeat them: before a later row outside any rowspan."""
        tables: list[list[Line]] = []
        for row in self.rows():
            tables += [[row]] if row.first else []
            tables[-1] += [] if row.first else [row]
        spots = []
        for rows in tables:
            head = next((i for i, r in enumerate(rows) if MARK.search(self.s, r.a, r.b)), 0)
            later = [r for r in rows[head + 1 :] if not (r.covered or r.continued)] if head else []
            spots += [(rows[0].a, rows[head - 1].b, r.a) for r in later]
        return spots

    def repeat_header(self, spot: tuple[int, int, int], footer: list[str]) -> str:
        a, b, at = spot
        self.edit(at, at, "".join(self.d.line.format(n=3, text=f) for f in footer) + self.s[a:b])
        return "rows inside the table"
