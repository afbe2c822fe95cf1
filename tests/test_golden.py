"""Golden cases: the seeds (committed, with their hand-checked gold) and the shared corpus.

Gold files are the hand-checked values of ``../shared/corpus/gold`` (the seeds' copies live in
``tests/golden``). Cells are compared one by one: a value where the gold has none is invented,
a different value is wrong, None where the gold has a value is missed. Missed cells that cannot
be read honestly are listed in KNOWN_MISSES and asserted as strict xfails.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import parse, parse_file
from govinfo_report.model import Span
from render import AD_COLUMNS

HERE = Path(__file__).parent
CORPUS = HERE.parents[1] / "shared" / "corpus"

APP_COLS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)
RL_COLS = ("upheld", "corrected", "other", "pending", "total")
AD_COLS = AD_COLUMNS  # table 2's columns by template and block, written out in the renderer

Cell = tuple[str, ...]

# Cells run together with no separator and no rule that tells them apart (table 2 has no
# arithmetic inside a row). The gold read them from the HTML page; the text alone allows
# several readings, so the parser leaves them missing and says so (cells.run_together_ambiguous).
# 006's prose states the issued count (本年度制发行政规范性文件62件), which picks it among the
# readings of 6233440 (cells.fixed_by_prose); the prose states neither of the other two. 011's
# prose states none of its table 2 cells.
_AMBIGUOUS_RUNS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "006": [("art20_1", "normative_documents", ("repealed", "in_force"))],  # 6233440
    "011": [
        ("art20_1", "normative_documents", ("new_made", "new_published", "total_published")),  # 7777166
        ("art20_5", "administrative_license", ("previous_year", "change", "decisions")),  # 396442278
        ("art20_5", "other_external_management", ("previous_year", "change", "decisions")),  # 107105
        ("art20_6", "administrative_penalty", ("previous_year", "change", "decisions")),  # 2648-18538
        ("art20_6", "administrative_coercion", ("previous_year", "change", "decisions")),  # 1262629
        ("art20_9", "centralized_procurement", ("projects", "amount")),  # 39573802895.90元
    ],
}
_RUNS_REASON = "cells run together with no rule to split them: left missing on purpose"
_UNVOUCHED_REASON = (
    "a rule fails on rows whose layout vouches for no cell (PDF text, splits the rules chose): "
    "the failure may be a misreading as well as the report's error, so the rule's cells are missing"
)
# 001 (PDF text): table 4 prints 总计 0 beside 10 + 1 upheld/corrected and 5 after review; PDF
# text shows no cell boundaries, so R4's failure leaves both groups missing (cells.unconfirmed).
# 011 (a crawler dump): the result rows sum to 26 (27) where （七）总计 says 20 (21); the rows'
# splits were chosen by their own rule, and R2 fails across them, so natural_person and total
# are missing in the rows R2 ties (cells.unconfirmed). Its prose's 全区各级行政机关共受理政府信息
# 公开申请21件 counts several bodies together: no evidence for the table.
_UNCONFIRMED: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "001": [("review_litigation", group, RL_COLS) for group in ("review", "litigation_after_review")],
    "011": [
        ("applications", row, ("natural_person", "total"))
        for row in (
            "new_requests",
            "granted",
            "partially_granted",
            "unavailable.not_held",
            "unavailable.unclear_after_correction",
            "not_processed.duplicate",
            "total",
        )
    ],
}
KNOWN_MISSES: dict[str, dict[Cell, tuple[str, str]]] = {}
"""case → cell → (reason, the diagnostic code that says why)."""
for _case, _runs in _AMBIGUOUS_RUNS.items():
    for _block, _row, _cols in _runs:
        for _col in _cols:
            KNOWN_MISSES.setdefault(_case, {})[("active_disclosure", _block, _row, _col)] = (
                _RUNS_REASON,
                "cells.run_together_ambiguous",
            )
for _case, _groups in _UNCONFIRMED.items():
    for _table, _row, _cols in _groups:
        for _col in _cols:
            KNOWN_MISSES.setdefault(_case, {})[(_table, _row, _col)] = (
                _UNVOUCHED_REASON,
                "cells.unconfirmed",
            )

# seed_003's last two table 3 rows print one and two empty cells after the label, then eleven
# zeros for seven columns: an empty cell there is the rest of the label's span or a blank first
# column, and the arithmetic holds either way (blank counts as 0), so blank or 0 cannot be told.
SEED_KNOWN_MISSES: dict[str, set[Cell]] = {
    "seed_003": {
        ("applications", "total", "natural_person"),
        ("applications", "carried_forward", "natural_person"),
        ("applications", "carried_forward", "commercial"),
    }
}


def gold_cells(gold: dict[str, Any]) -> Iterator[tuple[Cell, Any]]:
    for row, vals in (gold.get("applications") or {}).items():
        for col, v in zip(APP_COLS, vals, strict=False):
            yield ("applications", row, col), v
    for grp, vals in (gold.get("review_litigation") or {}).items():
        for col, v in zip(RL_COLS, vals, strict=False):
            yield ("review_litigation", grp, col), v
    cols = AD_COLS.get(gold.get("template") or "", {})
    for blk, rows in (gold.get("active_disclosure") or {}).items():
        for row, vals in rows.items():
            for col, v in zip(cols.get(blk, ()), vals, strict=False):
                yield ("active_disclosure", blk, row, col), v


def pick(pred: dict[str, Any], cell: Cell) -> Any:
    node: Any = pred
    for key in cell:
        if not isinstance(node, dict) or key not in node:
            return "<missing>"
        node = node[key]
    return node


def number(v: Any) -> float | None:
    if isinstance(v, dict):
        v = v.get("value")
    return None if v is None else float(v)


def same(predicted: Any, gold: Any) -> bool:
    if predicted == "<missing>":
        return False
    p, g = number(predicted), number(gold)
    if p is None or g is None:
        return p is None and g is None
    return math.isclose(p, g, rel_tol=1e-9, abs_tol=1e-6)


def differences(pred: dict[str, Any], gold: dict[str, Any], skip: set[Cell]) -> list[tuple[Cell, Any, Any]]:
    return [
        (cell, g, pick(pred, cell))
        for cell, g in gold_cells(gold)
        if cell not in skip and not same(pick(pred, cell), g)
    ]


def check_meta(pred: dict[str, Any], gold: dict[str, Any]) -> None:
    assert pred["year"] == gold["year"]
    assert str(pred["template"]) == str(gold["template"])
    organ = gold["organ"].split(" ")[0]
    assert pred["organ"] and (organ == pred["organ"] or organ.endswith(pred["organ"]))


# --------------------------------------------------------------------------- seeds (committed)

SEEDS = sorted(p.stem for p in (HERE / "golden").glob("seed_*.json"))


@pytest.mark.parametrize("name", SEEDS)
def test_seed_matches_gold(name: str) -> None:
    text = resources.files("govinfo_report").joinpath("examples", f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((HERE / "golden" / f"{name}.json").read_text(encoding="utf-8"))
    pred = parse(text).to_dict()
    check_meta(pred, gold)
    assert differences(pred, gold, SEED_KNOWN_MISSES.get(name, set())) == []


SEED_KNOWN = sorted((name, cell) for name, cells in SEED_KNOWN_MISSES.items() for cell in cells)


@pytest.mark.parametrize(("name", "cell"), SEED_KNOWN, ids=[f"{n}-{'.'.join(x[1:])}" for n, x in SEED_KNOWN])
@pytest.mark.xfail(strict=True, reason="a blank cell or a 0: the row's empty cells do not say, left missing")
def test_seed_known_miss(name: str, cell: Cell) -> None:
    text = resources.files("govinfo_report").joinpath("examples", f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((HERE / "golden" / f"{name}.json").read_text(encoding="utf-8"))
    assert same(pick(parse(text).to_dict(), cell), dict(gold_cells(gold))[cell])


def test_seed_known_misses_are_missing_not_wrong() -> None:
    text = resources.files("govinfo_report").joinpath("examples", "seed_003.txt").read_text(encoding="utf-8")
    report = parse(text)
    for cell in SEED_KNOWN_MISSES["seed_003"]:
        assert pick(report.to_dict(), cell) is None, cell
    ambiguous = [d for d in report.diagnostics if d.code == "cells.extra_columns_ambiguous"]
    assert [d.span for d in ambiguous] == [Span(75, 75), Span(76, 76)]


def test_seed_failed_checks_none() -> None:
    for name in SEEDS:
        text = (
            resources.files("govinfo_report").joinpath("examples", f"{name}.txt").read_text(encoding="utf-8")
        )
        assert parse(text).failed_checks == (), name


# --------------------------------------------------------------------------- shared corpus

CORPUS_CASES = sorted(p.stem for p in (CORPUS / "gold").glob("[0-9]*.json")) if CORPUS.exists() else []
corpus = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not present")


def _corpus_report(case: str) -> tuple[dict[str, Any], dict[str, Any]]:
    raw = next((CORPUS / "raw").glob(case + ".*"))
    gold = json.loads((CORPUS / "gold" / f"{case}.json").read_text(encoding="utf-8"))
    return parse(raw.read_text(encoding="utf-8")).to_dict(), gold


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("case", CORPUS_CASES)
def test_corpus_matches_gold(case: str) -> None:
    pred, gold = _corpus_report(case)
    check_meta(pred, gold)
    assert differences(pred, gold, set(KNOWN_MISSES.get(case, {}))) == []


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("case", CORPUS_CASES)
def test_corpus_file_gives_what_its_text_gives(case: str) -> None:
    # parse_file decides the format from the content (005 is an HTML page) and decodes the bytes
    raw = next((CORPUS / "raw").glob(case + ".*"))
    from_file = parse_file(raw)
    from_text = parse(raw.read_text(encoding="utf-8"))
    assert from_file.to_dict()["source"] == {
        "format": "html" if raw.suffix == ".html" else "text",
        "encoding": "utf-8",
        "name": str(raw),
    }
    assert {k: v for k, v in from_file.to_dict().items() if k != "source"} == {
        k: v for k, v in from_text.to_dict().items() if k != "source"
    }


PDF_CASES = sorted(p.stem for p in (CORPUS / "pdf").glob("*.pdf")) if CORPUS.exists() else []


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("case", PDF_CASES)
def test_corpus_pdf_matches_gold(case: str) -> None:
    pytest.importorskip("pypdfium2")
    report = parse_file(CORPUS / "pdf" / f"{case}.pdf")
    gold = json.loads((CORPUS / "gold" / f"{case}.json").read_text(encoding="utf-8"))
    pred = report.to_dict()
    assert pred["source"]["format"] == "pdf"
    # the ruled tables are read as grids, so no value needs pairing with its label by order
    assert {t.strategy for t in report.tables if t.kind is not None and t.used} == {"pdf"}
    assert {t.strategy for t in report.tables if not t.used} == {"pdftext"}  # the text's reading, kept
    assert "row.bound_by_order" not in {d.code for d in report.diagnostics}
    check_meta(pred, gold)
    assert differences(pred, gold, set(KNOWN_MISSES.get(case, {}))) == []
    # the text layer is what the corpus's raw text was made from, so the lines are the same lines
    text = (CORPUS / "raw" / f"{case}.txt").read_text(encoding="utf-8")
    assert report.to_dict()["applications"] == parse(text).to_dict()["applications"]


KNOWN = [
    pytest.param(
        case, cell, id=f"{case}-{'.'.join(cell[1:])}", marks=pytest.mark.xfail(strict=True, reason=why)
    )
    for case, cells in sorted(KNOWN_MISSES.items())
    for cell, (why, _) in sorted(cells.items())
]


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize(("case", "cell"), KNOWN)
def test_corpus_known_miss(case: str, cell: Cell) -> None:
    pred, gold = _corpus_report(case)
    assert same(pick(pred, cell), dict(gold_cells(gold))[cell])


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("case", sorted(KNOWN_MISSES))
def test_corpus_known_misses_are_missing_not_wrong(case: str) -> None:
    """The ambiguous cells are None (never a guess) and the report says why."""
    raw = next((CORPUS / "raw").glob(case + ".*"))
    report = parse(raw.read_text(encoding="utf-8"))
    pred = report.to_dict()
    for cell in KNOWN_MISSES[case]:
        assert pick(pred, cell) is None, cell
    codes = {d.code for d in report.diagnostics}
    assert {code for _, code in KNOWN_MISSES[case].values()} <= codes


@corpus
@pytest.mark.corpus
def test_real_inconsistencies_are_named() -> None:
    # 001: review totals written 0 although 10 + 1 upheld/corrected, and 5 + 0 after review. The
    # PDF's ruled grid vouches for its cells: they are kept, and the checks name the totals
    pytest.importorskip("pypdfium2")
    report = parse_file(CORPUS / "pdf" / "001.pdf")
    failed = {(c.rule, c.target) for c in report.failed_checks}
    assert failed == {("R4", "review:total"), ("R4", "litigation_after_review:total")}
    review = next(c for c in report.failed_checks if c.target == "review:total")
    assert (review.expected, review.actual) == (11, 0)
    assert report.review_litigation is not None
    assert report.review_litigation.get("review", "upheld").disputed == ("R4",)
    # its text (PDF text, no cell boundaries) vouches for none: the groups are missing, and why
    pred, _ = _corpus_report("001")
    assert pred["checks"] == []
    messages = [d["message"] for d in pred["diagnostics"] if d["code"] == "cells.unconfirmed"]
    assert any("R4 (review) fails (11 against 0)" in m for m in messages)
    # 011: results sum to 26 (27 in the total column) but （七）总计 says 20 (21); the crawler
    # dump's splits were chosen by each row's rule, so R2's cells are missing, and why
    pred, _ = _corpus_report("011")
    messages = [d["message"] for d in pred["diagnostics"] if d["code"] == "cells.unconfirmed"]
    assert any("R2 (natural_person) fails (26 against 20)" in m for m in messages)


@corpus
@pytest.mark.corpus
@pytest.mark.parametrize("case", [c for c in CORPUS_CASES if c not in ("001", "002", "011")])
def test_no_check_fires_on_consistent_reports(case: str) -> None:
    pred, _ = _corpus_report(case)
    assert pred["checks"] == []


@corpus
@pytest.mark.corpus
def test_prose_that_counts_another_figure_fails_r7_alone() -> None:
    # 002's tables are consistent; its prose says the district office answered 17 requests for
    # the district government (区政府办代表区政府受理政府信息公开申请 17 件), its table counts 95 new
    # requests: R7 says so, naming the statement's line, and no value changes
    pred, gold = _corpus_report("002")
    assert [(c["rule"], c["line"], c["expected"], c["actual"]) for c in pred["checks"]] == [
        ("R7", 23, 17, 95)
    ]
    assert pred["applications"]["new_requests"]["total"] == gold["applications"]["new_requests"][-1] == 95


@corpus
@pytest.mark.corpus
def test_prose_reads_a_run_together_cell_it_states() -> None:
    # 006: 本年度制发行政规范性文件62件 picks 62 among the sixteen readings of 6233440
    pred, gold = _corpus_report("006")
    cell = ("active_disclosure", "art20_1", "normative_documents", "issued")
    assert pick(pred, cell) == dict(gold_cells(gold))[cell] == 62
    assert any(d["code"] == "cells.fixed_by_prose" for d in pred["diagnostics"])


@corpus
@pytest.mark.corpus
def test_prose_counting_several_bodies_is_no_evidence() -> None:
    # 011: 全区各级行政机关共受理政府信息公开申请21件 may count more bodies than the table
    pred, _ = _corpus_report("011")
    (statement,) = pred["statements"]
    assert statement["unlinked"] == "counts several bodies together (各级)"
    assert not any(d["code"] == "cells.fixed_by_prose" for d in pred["diagnostics"])


@corpus
@pytest.mark.corpus
def test_pre2019_recognised_not_forced() -> None:
    pred, gold = _corpus_report("015")
    assert pred["template"] == "pre2019"
    assert (
        pred["applications"] is None
        and pred["review_litigation"] is None
        and pred["active_disclosure"] is None
    )
    assert (pred["organ"], pred["year"]) == (gold["organ"], gold["year"])
