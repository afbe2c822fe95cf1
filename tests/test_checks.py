"""checks: the consistency rules (R1–R5, R9) as data, never exceptions (docs/format.md §4)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from govinfo_report import parse
from govinfo_report._checks import check_active, check_applications, check_review
from govinfo_report._values import parse_cell
from govinfo_report._vocab import APP_COLUMNS, APP_COLUMNS_WITH_SUBTOTAL, RL_COLUMNS
from govinfo_report.model import MISSING, CanonicalTable, Cell, CellState, Check, Row

Value = int | str | None | Cell


def cell(value: Value) -> Cell:
    """An int is a count, None a blank cell, a str is parsed (``/``, ``abc``), a Cell is kept."""
    if isinstance(value, Cell):
        return value
    if value is None:
        return parse_cell("")
    return parse_cell(str(value))


def table(name: str, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[Value]]]) -> CanonicalTable:
    built = tuple(
        Row(key, key, tuple(zip(columns, (cell(v) for v in values), strict=True))) for key, values in rows
    )
    return CanonicalTable(name, "2019", built, tuple(columns))


Z = [0] * 7
WITHHELD = [
    f"withheld.{k}"
    for k in (
        "state_secret",
        "prohibited_by_law",
        "security_stability",
        "third_party_rights",
        "internal_affairs",
        "process_information",
        "law_enforcement_files",
        "administrative_query",
    )
]
UNAVAILABLE = ["unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction"]
NOT_PROCESSED = [
    f"not_processed.{k}"
    for k in ("petition_complaint", "duplicate", "publication", "excessive", "confirm_existing")
]


def applications(**changes: Sequence[Value] | None) -> CanonicalTable:
    """A consistent 2019 table 3 (single （六） row); keyword arguments replace (None: drop) whole rows."""
    rows: dict[str, Sequence[Value] | None] = {
        "new_requests": [3, 1, 0, 0, 0, 0, 4],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [2, 1, 0, 0, 0, 0, 3],
        "partially_granted": Z,
        **{k: Z for k in WITHHELD},
        "unavailable.not_held": [1, 0, 0, 0, 0, 0, 1],
        "unavailable.needs_creation": Z,
        "unavailable.unclear_after_correction": Z,
        **{k: Z for k in NOT_PROCESSED},
        "other": Z,
        "total": [3, 1, 0, 0, 0, 0, 4],
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    }
    for key, values in changes.items():
        rows[key.replace("__", ".")] = values
    return table("applications", APP_COLUMNS, [(k, v) for k, v in rows.items() if v is not None])


def review(
    rv: Sequence[Value], direct: Sequence[Value] = (0,) * 5, after: Sequence[Value] = (0,) * 5
) -> CanonicalTable:
    return table(
        "review_litigation",
        RL_COLUMNS,
        [("review", rv), ("litigation_direct", direct), ("litigation_after_review", after)],
    )


def failed(checks: Sequence[Check]) -> list[Check]:
    return [c for c in checks if not c.passed]


def by_target(checks: Sequence[Check], rule: str, target: str) -> list[Check]:
    return [c for c in checks if c.rule == rule and c.target == target]


# --------------------------------------------------------------------------- consistent tables


def test_consistent_applications_table_fails_nothing() -> None:
    checks = check_applications(applications())
    assert failed(checks) == []
    rules = [c.rule for c in checks]
    assert rules.count("R1") == 7  # one per column
    assert rules.count("R2") == 7
    assert rules.count("R3") == 23  # one per row: 4 top rows, 2 results, 8 + 3 + 5 group rows, other
    r1 = by_target(checks, "R1", "total:natural_person")[0]
    assert (r1.expected, r1.actual) == (4, 4)  # 3 + 1 = 3 + 1
    r2 = by_target(checks, "R2", "total:total")[0]
    assert (r2.expected, r2.actual) == (4, 4)  # granted 3 + not_held 1


def test_consistent_review_table_fails_nothing() -> None:
    checks = check_review(review([1, 0, 0, 0, 1], [0, 0, 0, 0, 0], [2, 0, 0, 1, 3]))
    assert failed(checks) == []
    assert [(c.target, c.expected, c.actual) for c in checks] == [
        ("review:total", 1, 1),
        ("litigation_direct:total", 0, 0),
        ("litigation_after_review:total", 3, 3),
    ]


# --------------------------------------------------------------------------- R4


def test_r4_total_zero_although_ten_plus_one() -> None:
    checks = check_review(review([10, 1, 0, 0, 0]))
    (bad,) = failed(checks)
    assert bad.rule == "R4"
    assert bad.target == "review:total"
    assert (bad.expected, bad.actual) == (11, 0)
    assert set(bad.cells) == {
        "review:total",
        "review:upheld",
        "review:corrected",
        "review:other",
        "review:pending",
    }
    assert bad.culprit is None
    assert bad.table == "review_litigation"


def _table4(separator: str) -> str:
    return "\n".join(
        [
            "某区人民政府2023年政府信息公开工作年度报告",
            "四、政府信息公开行政复议、行政诉讼情况",
            separator.join(["行政复议", "行政诉讼"]),
            separator.join(["未经复议直接起诉", "复议后起诉"]),
            separator.join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]),
            separator.join(["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]),
            "五、存在的主要问题及改进情况",
            "无。",
        ]
    )


def test_r4_through_parse_with_a_tabbed_row() -> None:
    # tab-separated cells are vouched for: they are kept as printed, the checks name the totals
    report = parse(_table4("\t"))
    bad = {(c.target, c.expected, c.actual) for c in report.failed_checks if c.rule == "R4"}
    assert bad == {("review:total", 11, 0), ("litigation_after_review:total", 5, 0)}
    assert [c.code for c in report.diagnostics].count("check.failed") == 2
    assert report.review_litigation is not None
    assert report.review_litigation.get("review", "upheld").disputed


def test_r4_failing_on_a_flattened_pdf_row_leaves_its_groups_missing() -> None:
    # PDF text shows no cell boundaries and drops blanks: 10 may be 1 | 0 and a blank elsewhere,
    # so a group whose R4 fails is left missing, not reported as the report's error
    report = parse(_table4(" "))
    assert not report.failed_checks
    rl = report.review_litigation
    assert rl is not None
    for group in ("review", "litigation_after_review"):
        assert {rl.get(group, c).state for c in ("upheld", "corrected", "other", "pending", "total")} == {
            CellState.MISSING
        }
    assert [rl.get("litigation_direct", c).value for c in ("upheld", "total")] == [0, 0]
    unconfirmed = [d.message for d in report.diagnostics if d.code == "cells.unconfirmed"]
    assert len(unconfirmed) == 1 and "R4 (review) fails (11 against 0)" in unconfirmed[0]


# --------------------------------------------------------------------------- R1, R2, R3, R5


def test_r2_names_the_column_that_disagrees() -> None:
    # partially_granted gets one commercial request the 总计 row does not count
    checks = check_applications(applications(partially_granted=[0, 1, 0, 0, 0, 0, 1]))
    bad = failed(checks)
    assert {(c.rule, c.target, c.expected, c.actual) for c in bad} == {
        ("R2", "total:commercial", 2, 1),
        ("R2", "total:total", 5, 4),
    }
    commercial = by_target(bad, "R2", "total:commercial")[0]
    assert "commercial" in commercial.message
    assert "partially_granted:commercial" in commercial.cells
    assert all(c.culprit is None for c in bad)


def test_one_wrong_total_cell_breaks_several_rules_and_is_named_culprit() -> None:
    # 总计 row says 4 natural persons; the results add up to 3 (R2) and the row's own total is 4 = 4 + 1 - 1
    checks = check_applications(applications(total=[4, 1, 0, 0, 0, 0, 4]))
    bad = failed(checks)
    assert {(c.rule, c.target, c.expected, c.actual) for c in bad} == {
        ("R1", "total:natural_person", 4, 5),  # new 3 + carried 1 = 4; total 4 + forward 1 = 5
        ("R2", "total:natural_person", 3, 4),  # granted 2 + not_held 1
        ("R3", "total:total", 5, 4),  # 4 + 1 + 0 + 0 + 0 + 0
    }
    assert {c.culprit for c in bad} == {"total:natural_person"}


def test_culprit_without_r1() -> None:
    # no 结转下年度 row: R1 cannot run; the wrong cell still breaks R2 (its column) and R3 (its row)
    checks = check_applications(applications(total=[4, 1, 0, 0, 0, 0, 4], carried_forward=None))
    bad = failed(checks)
    assert sorted(c.rule for c in bad) == ["R2", "R3"]
    assert [c.culprit for c in bad] == ["total:natural_person", "total:natural_person"]


def test_r1_fails_for_its_column() -> None:
    checks = check_applications(applications(carried_forward=[2, 0, 0, 0, 0, 0, 2]))
    bad = [c for c in failed(checks) if c.rule == "R1"]
    assert {(c.target, c.expected, c.actual) for c in bad} == {
        ("total:natural_person", 4, 5),
        ("total:total", 5, 6),
    }


def test_r3_row_total() -> None:
    checks = check_applications(applications(granted=[2, 1, 0, 0, 0, 0, 4]))
    r3 = [c for c in failed(checks) if c.rule == "R3"]
    assert [(c.target, c.expected, c.actual) for c in r3] == [("granted:total", 3, 4)]


def test_r3_with_org_subtotal_column() -> None:
    t = table(
        "applications",
        APP_COLUMNS_WITH_SUBTOTAL,
        [
            ("new_requests", [1, 2, 0, 0, 0, 1, 3, 4]),
            ("carried_over", [0, 1, 0, 0, 0, 0, 2, 1]),
        ],
    )
    checks = check_applications(t)
    assert {(c.target, c.passed, c.expected, c.actual) for c in checks if c.rule == "R3"} == {
        ("new_requests:total", True, 4, 4),
        ("new_requests:org_subtotal", True, 3, 3),
        ("carried_over:total", True, 1, 1),
        ("carried_over:org_subtotal", False, 1, 2),
    }


def test_r5_printed_subtotal() -> None:
    t = applications(withheld=[1, 0, 0, 0, 0, 0, 1])
    r5 = [c for c in check_applications(t) if c.rule == "R5"]
    failing = [(c.target, c.expected, c.actual) for c in r5 if not c.passed]
    assert ("withheld:natural_person", 0, 1) in failing
    assert ("withheld:total", 0, 1) in failing
    assert all(c.passed for c in r5 if c.target == "withheld:commercial")


def test_r5_is_not_checked_without_all_of_its_items() -> None:
    # 2.没有现成信息需要另行制作 not found (a lost label line): its numbers are unknown, so the
    # subtotal against the two items left proves nothing either way
    t = applications(
        unavailable=[2, 0, 0, 0, 0, 0, 2],
        unavailable__needs_creation=None,
        unavailable__not_held=Z,
        withheld=Z,
    )
    checks = check_applications(t)
    assert [c for c in checks if c.rule == "R5" and c.target.startswith("unavailable:")] == []
    assert [c for c in checks if c.rule == "R5" and c.target.startswith("withheld:")]


# --------------------------------------------------------------------------- blank, text, missing


def test_blank_and_placeholder_count_as_zero_in_a_sum() -> None:
    checks = check_review(review([1, None, 0, "/", 1]))
    (r4,) = by_target(checks, "R4", "review:total")
    assert r4.passed and (r4.expected, r4.actual) == (1, 1)


def test_blank_cell_in_a_failing_sum() -> None:
    (r4,) = by_target(check_review(review([10, None, None, None, 0])), "R4", "review:total")
    assert not r4.passed and (r4.expected, r4.actual) == (10, 0)


@pytest.mark.parametrize("bad", ["abc", MISSING])
def test_text_or_missing_addend_skips_the_rule(bad: Value) -> None:
    checks = check_review(review([1, bad, 0, 0, 1]))
    assert by_target(checks, "R4", "review:total") == []
    assert len(by_target(checks, "R4", "litigation_direct:total")) == 1


@pytest.mark.parametrize("target", [None, "/", "abc", MISSING])
def test_target_that_is_not_a_number_skips_the_rule(target: Value) -> None:
    assert by_target(check_review(review([1, 0, 0, 0, target])), "R4", "review:total") == []


def test_text_cell_skips_r2_and_r3_but_not_other_columns() -> None:
    checks = check_applications(applications(partially_granted=[0, "abc", 0, 0, 0, 0, 0]))
    assert by_target(checks, "R2", "total:commercial") == []
    assert by_target(checks, "R3", "partially_granted:total") == []
    assert len(by_target(checks, "R2", "total:natural_person")) == 1
    assert failed(checks) == []


def test_missing_result_row_skips_r2() -> None:
    checks = check_applications(applications(granted=None))
    assert [c for c in checks if c.rule == "R2"] == []


def test_r1_counts_blank_carried_over_as_zero() -> None:
    t = table(
        "applications",
        APP_COLUMNS,
        [
            ("new_requests", [3, 0, 0, 0, 0, 0, 3]),
            ("carried_over", [None] * 7),
            ("total", [3, 0, 0, 0, 0, 0, 3]),
            ("carried_forward", [0] * 7),
        ],
    )
    (r1,) = by_target(check_applications(t), "R1", "total:natural_person")
    assert r1.passed and (r1.expected, r1.actual) == (3, 3)


# --------------------------------------------------------------------------- R9


def test_r9_negative_and_fractional_counts() -> None:
    t = table(
        "applications",
        APP_COLUMNS,
        [
            ("new_requests", [-1, 0, 0, 0, 0, 0, -1]),
            ("carried_over", ["1.5", 0, 0, 0, 0, 0, "1.5"]),
        ],
    )
    r9 = [c for c in check_applications(t) if c.rule == "R9"]
    assert {c.target for c in r9} == {
        "new_requests:natural_person",
        "new_requests:total",
        "carried_over:natural_person",
        "carried_over:total",
    }
    assert all(not c.passed and c.expected is None and c.actual is None for c in r9)


def test_r9_allows_signed_change_and_decimal_money() -> None:
    t = CanonicalTable(
        "active_disclosure",
        "2019",
        (
            Row(
                "art20_5/administrative_license",
                "行政许可",
                (("previous_year", cell(20)), ("change", cell(-9)), ("decisions", cell(7447))),
            ),
            Row(
                "art20_9/centralized_procurement",
                "政府集中采购",
                (("projects", cell(12)), ("amount", parse_cell("1082.33万", money=True))),
            ),
        ),
        ("previous_year", "change", "decisions", "projects", "amount"),
    )
    assert check_active(t) == []


def test_r9_rejects_a_negative_count_in_table_two() -> None:
    t = CanonicalTable(
        "active_disclosure",
        "2019",
        (
            Row(
                "art20_5/administrative_license",
                "行政许可",
                (("previous_year", cell(-3)), ("change", cell(0)), ("decisions", cell(1))),
            ),
        ),
        ("previous_year", "change", "decisions"),
    )
    (r9,) = check_active(t)
    assert r9.rule == "R9" and not r9.passed
    assert r9.cells == ("art20_5/administrative_license:previous_year",)
