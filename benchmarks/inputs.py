"""The inputs the benchmarks time: fixtures, generated reports, HTML pages, report-like growth.

Generated reports come from the test renderers (``tests/render.py``, ``tests/strategies.py``), so
the benchmarks time the layouts the round-trip tests check. Every generator is seeded: two runs
time the same inputs.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from render import Canonical, _result_keys, canonical, consistent, to_html, to_text  # noqa: E402
from strategies import (  # noqa: E402
    to_markdown,
    to_markdown_blocks,
    to_run_together,
    to_split_pipes,
    to_tika,
)

CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
"""The shared corpus, beside the project (read when present)."""

SHARED = ROOT.parent / "shared"


def pdf_files(folder: Path) -> list[tuple[str, Path]]:
    """The PDFs the PDF part times: the shared corpus's and the zoo's Word-printed ones when
    present, and a generated report of both templates written by the tests' PDF writer."""
    from pdfwriter import to_pdf

    found = sorted((SHARED / "corpus" / "pdf").glob("*.pdf")) + sorted(
        (SHARED / "zoo").glob("*__pdf__soffice.pdf")
    )
    out = [(path.stem.split("__")[0], path) for path in found]
    for template in ("2019", "2021"):
        path = folder / f"generated-{template}.pdf"
        path.write_bytes(to_pdf(canonical(template), lead=450, repeat_header=True, footer=True))
        out.append((f"generated {template}", path))
    return out


TEXT_LAYOUTS: dict[str, tuple[Callable[[Canonical], str], str]] = {
    "tabs": (to_text, ".txt"),
    "tika": (to_tika, ".txt"),
    "split pipes": (to_split_pipes, ".txt"),
    "markdown": (to_markdown, ".md"),
    "markdown blocks": (to_markdown_blocks, ".md"),
    "run together": (to_run_together, ".txt"),
}
"""The generated text layouts, with the file suffix each is written under."""

BATCH_LAYOUTS: dict[str, tuple[Callable[[Canonical], str], str]] = {
    **TEXT_LAYOUTS,
    "html": (lambda report: to_html(report, chrome=True), ".html"),
}


def text_fixtures(folder: Path, seed: int = 6) -> list[tuple[str, Path]]:
    """The text fixtures, written to ``folder``: the packaged seeds, the shared corpus's text and
    Markdown (when present), and a generated report of each template in every text layout, each
    with numbers of its own (so that no two fixtures share their cells)."""
    rng = random.Random(seed)
    out: list[tuple[str, Path]] = []
    for path in sorted((ROOT / "src/govinfo_report/examples").glob("*.txt")):
        out.append((f"seed {path.stem}", path))
    if CORPUS.is_dir():
        out += [(f"corpus {p.name}", p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".md")]
    for template in ("2019", "2021"):
        for layout, (render, suffix) in TEXT_LAYOUTS.items():
            path = folder / f"{template}-{layout.replace(' ', '-')}{suffix}"
            path.write_text(render(generated_report(rng, template)), encoding="utf-8")
            out.append((f"{template} {layout}", path))
    return out


def html_pages(folder: Path, seed: int = 8) -> list[tuple[str, Path]]:
    """HTML pages: a generated page of each template with site chrome, and the corpus's pages."""
    rng = random.Random(seed)
    out: list[tuple[str, Path]] = []
    for template in ("2019", "2021"):
        path = folder / f"page-{template}.html"
        path.write_text(to_html(generated_report(rng, template), chrome=True), encoding="utf-8")
        out.append((f"{template} page", path))
    if CORPUS.is_dir():
        out += [(f"corpus {p.name}", p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".html", ".htm")]
    return out


def generated_report(rng: random.Random, template: str) -> Canonical:
    """A consistent report with drawn numbers, mostly small and often zero, as real ones are."""

    def count() -> int:
        return rng.choice((0, 0, 0, 1, 2, rng.randint(0, 40), rng.randint(0, 400)))

    results = {key: [count() for _ in range(6)] for key in _result_keys(template)}
    applications = consistent(results, [count() for _ in range(6)], [count() for _ in range(6)])
    review = {
        group: [count() for _ in range(4)]
        for group in ("review", "litigation_direct", "litigation_after_review")
    }
    base = canonical(template)
    active = {
        block: {row: [_active_cell(rng, cell) for cell in cells] for row, cells in rows.items()}
        for block, rows in base.active.items()
    }
    organ = rng.choice(("某市某某局", "某县人民政府", "某区卫生健康委员会", "某市医疗保障局"))
    return Canonical(template, organ, rng.randint(2020, 2025), applications, review, active)


def _active_cell(rng: random.Random, printed: str) -> str:
    """A table 2 cell like ``printed``: a count, a signed change, money, a blank or a placeholder."""
    kind = rng.random()
    if kind < 0.08:
        return ""
    if kind < 0.14:
        return rng.choice(("/", "—", "无"))
    if "." in printed:
        return f"{rng.randint(0, 900)}.{rng.randint(0, 99):02d}"
    if printed.endswith("元"):
        return f"{rng.randint(0, 900_000)}元"
    if printed.startswith("-"):
        return str(rng.randint(-20, 20))
    return str(rng.choice((0, 1, 3, rng.randint(0, 60), rng.randint(0, 3000))))


def batch_files(folder: Path, n: int, seed: int = 20261122) -> list[Path]:
    """``n`` generated reports written to ``folder``, both templates, the layouts taken in turn."""
    rng = random.Random(seed)
    layouts = list(BATCH_LAYOUTS.values())
    paths: list[Path] = []
    for i in range(n):
        render, suffix = layouts[i % len(layouts)]
        path = folder / f"report-{i:05d}{suffix}"
        path.write_text(render(generated_report(rng, ("2019", "2021")[i % 2])), encoding="utf-8")
        paths.append(path)
    return paths


_SENTENCES = (
    "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息{a}条，其中政策文件{b}件，"
    "通过政府网站发布信息{c}条，政务新媒体发布信息{d}条。",
    "全年共收到政府信息公开申请{a}件，较上年增加{b}件，均在法定期限内答复，答复率100%。",
    "召开新闻发布会{a}场，组织政策解读{b}次，回应社会关切{c}次，开展线上访谈{d}期。",
    "加强政府信息管理，对{a}件现行有效规范性文件进行清理，废止{b}件，修订{c}件。",
    "推进政务公开标准化规范化建设，在{a}个乡镇（街道）设立政务公开专区，培训工作人员{b}人次。",
)


def report_like(size: int, seed: int = 7) -> str:
    """A report of about ``size`` bytes (UTF-8): the tables of a generated report, and its first
    section grown with paragraphs of prose with numbers, as a long report's is."""
    rng = random.Random(seed)
    base = to_text(canonical("2021"))
    head, marker, rest = base.partition("二、主动公开政府信息情况")
    paragraphs: list[str] = []
    grown = len(base.encode("utf-8"))
    while grown < size:
        sentences = [rng.choice(_SENTENCES) for _ in range(rng.randint(2, 5))]
        numbers = {k: rng.randint(0, 5000) for k in "abcd"}
        paragraph = "".join(s.format(**numbers) for s in sentences)
        paragraphs.append(paragraph)
        grown += len(paragraph.encode("utf-8")) + 1
    return head + "".join(p + "\n" for p in paragraphs) + marker + rest
