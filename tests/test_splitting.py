"""Tests for govinfo_report._splitting: run-together numbers split by arithmetic.

Every expected candidate list below was checked by hand; where a case is too large to list
by hand, an independent brute force (every cut of the string, checked field by field) is the
oracle.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report._splitting import (
    MAX_RUN_LENGTH,
    MAX_SPLIT_CANDIDATES,
    Number,
    SplitResult,
    SumGroups,
    groups_total_is_sum,
    split_run,
    total_is_sum,
)

Rule = Callable[[tuple[Number, ...]], bool]


# -- an independent oracle ---------------------------------------------------------------------


def _oracle_value(
    field: str, index: int, n: int, signed: frozenset[int], decimal_last: bool
) -> Number | None:
    negative = field.startswith("-")
    if negative and index not in signed:
        return None
    body = field[1:] if negative else field
    whole, dot, frac = body.partition(".")
    if dot and not (decimal_last and index == n - 1):
        return None
    if not whole or not all(c in "0123456789" for c in whole) or (whole[0] == "0" and whole != "0"):
        return None
    if dot:
        if not frac or not all(c in "0123456789" for c in frac):
            return None
        value = Decimal(field)
        return None if negative and value == 0 else value
    return None if negative and whole == "0" else int(field)


def brute_force(
    text: str,
    n: int,
    accept: Rule = lambda v: True,
    signed: frozenset[int] = frozenset(),
    decimal_last: bool = False,
) -> tuple[tuple[str, ...], ...]:
    s = "".join(c for c in text if not c.isspace())
    found = []
    for cuts in itertools.combinations(range(1, len(s)), n - 1):
        bounds = (0, *cuts, len(s))
        fields = tuple(s[bounds[i] : bounds[i + 1]] for i in range(n))
        values = [_oracle_value(f, i, n, signed, decimal_last) for i, f in enumerate(fields)]
        if all(v is not None for v in values) and accept(tuple(v for v in values if v is not None)):
            found.append(fields)
    return tuple(sorted(found, key=lambda fields: tuple(len(f) for f in fields)))


def values_of(fields: tuple[str, ...]) -> tuple[Number, ...]:
    return tuple(Decimal(f) if "." in f else int(f) for f in fields)


def only(result: SplitResult) -> tuple[tuple[str, ...], ...]:
    assert not result.truncated
    return result.candidates


# -- table 3 rows: six applicant columns and their total (R3) ------------------------------------


def test_table3_row_has_one_reading() -> None:
    # 217+1+0+0+0+0 = 218. Any other cut fails the sum or puts a leading zero on a field; the
    # brute force tries all C(10, 6) = 210 cuts.
    result = split_run("21710000218", 7, accept=total_is_sum(7))
    assert only(result) == (("217", "1", "0", "0", "0", "0", "218"),)
    assert result.candidates == brute_force("21710000218", 7, total_is_sum(7))


def test_all_zero_row() -> None:
    # Seven zeros, seven fields: every field is "0" (a "00" field would have a leading zero).
    assert only(split_run("0000000", 7, accept=total_is_sum(7))) == (("0",) * 7,)


def test_zeros_between_equal_part_and_total() -> None:
    # 9 characters, 7 fields: two fields are longer than one digit, and a zero cannot start one.
    # Total "71": "7100000" into 6 fields with one 2-digit field: 71|0|0|0|0|0 (71 = 71) or
    # 7|10|0|0|0|0 (17 != 71). Total "1": the parts start with 7 > 1. "071" is not a number.
    assert only(split_run("710000071", 7, accept=total_is_sum(7))) == (("71", "0", "0", "0", "0", "0", "71"),)
    assert only(split_run("320000032", 7, accept=total_is_sum(7))) == (("32", "0", "0", "0", "0", "0", "32"),)
    assert brute_force("710000071", 7, total_is_sum(7)) == (("71", "0", "0", "0", "0", "0", "71"),)
    assert brute_force("320000032", 7, total_is_sum(7)) == (("32", "0", "0", "0", "0", "0", "32"),)


def test_structured_and_generic_searches_agree() -> None:
    rule = total_is_sum(7)
    for text in ("21710000218", "0000000", "710000071", "320000032", "1000001"):
        structured = split_run(text, 7, accept=rule)
        generic = split_run(text, 7, accept=lambda v: rule(v))
        assert structured == generic
        assert structured.candidates == brute_force(text, 7, rule)


# -- table 4 flattened: 3 groups of 5 (R4) -------------------------------------------------------


def test_table4_line_of_15_numbers() -> None:
    text = "21317000001324019"  # 17 characters, 15 fields: only two fields are longer than one digit
    expected = ("2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19")
    # Checked by hand: 2+1+3+1 = 7; 0+0+0+0 = 0; 13+2+4+0 = 19.
    result = split_run(text, 15, accept=groups_total_is_sum(5))
    # The brute force (all C(16, 14) = 120 cuts) confirms this is the only reading.
    assert only(result) == (expected,)
    assert result.candidates == brute_force(text, 15, groups_total_is_sum(5))
    for candidate in result.candidates:
        values = values_of(candidate)
        for g in range(3):
            group = values[5 * g : 5 * g + 5]
            assert sum(group[:4]) == group[4]


# -- no predicate: syntax alone ----------------------------------------------------------------


def test_leading_zeros_force_single_zero_fields() -> None:
    assert only(split_run("007", 3)) == (("0", "0", "7"),)
    assert only(split_run("0123", 2)) == (("0", "123"),)
    assert only(split_run("100", 2)) == (("10", "0"),)  # "1|00" has a leading zero
    assert only(split_run("00", 1)) == ()
    assert only(split_run("05", 1)) == ()
    assert only(split_run("0", 1)) == (("0",),)


def test_without_arithmetic_a_run_is_ambiguous() -> None:
    result = split_run("7777166", 3)
    assert not result.truncated
    assert len(result.candidates) == 15  # C(6, 2) cuts, none with a leading zero
    assert result.candidates[0] == ("7", "7", "77166")  # shortest first field first, then second
    assert result.candidates[-1] == ("77771", "6", "6")
    assert result.candidates == brute_force("7777166", 3)


def test_order_is_by_field_lengths() -> None:
    result = split_run("12345", 3)
    lengths = [tuple(len(f) for f in c) for c in result.candidates]
    assert lengths == sorted(lengths)
    assert len(lengths) == 6


# -- signs (R9: only `change` may be negative) ---------------------------------------------------


def test_minus_only_where_signed() -> None:
    assert only(split_run("35-15", 2, signed=frozenset({1}))) == (("35", "-15"),)
    assert only(split_run("35-15", 2)) == ()  # '-' where no field may be signed
    assert only(split_run("35-15", 2, signed=frozenset({0}))) == ()  # field 0 cannot start at '-'


def test_signed_field_position_is_still_ambiguous() -> None:
    result = split_run("2648-18538", 3, signed=frozenset({1}))
    # The '-' must start field 1, so field 0 is "2648"; field 1 can end anywhere in "-18538".
    assert only(result) == (
        ("2648", "-1", "8538"),
        ("2648", "-18", "538"),
        ("2648", "-185", "38"),
        ("2648", "-1853", "8"),
    )


def test_bad_signs() -> None:
    assert only(split_run("5-0", 2, signed=frozenset({1}))) == ()  # "-0" is not a number
    assert only(split_run("5-05", 2, signed=frozenset({1}))) == ()  # leading zero after the sign
    assert only(split_run("5--5", 2, signed=frozenset({1}))) == ()
    assert only(split_run("5-", 2, signed=frozenset({1}))) == ()
    assert only(split_run("-5", 1, signed=frozenset({0}))) == (("-5",),)
    assert only(split_run("-5-5", 2, signed=frozenset({0, 1}))) == (("-5", "-5"),)


def test_signed_field_in_a_sum() -> None:
    # 2019 table 2 row: previous_year, change, decisions is no sum; this only checks that a
    # signed part works with the structured search: 10 + -3 = 7.
    rule = total_is_sum(3)
    result = split_run("10-37", 3, accept=rule, signed=frozenset({1}))
    assert only(result) == (("10", "-3", "7"),)
    assert result == split_run("10-37", 3, accept=lambda v: rule(v), signed=frozenset({1}))


# -- money: a decimal part on the last field -----------------------------------------------------


def test_decimal_last_field() -> None:
    result = split_run("39573802895.90", 2, decimal_last=True)
    # 11 integer digits: field 0 takes 1..10 of them, except 6 ("02895.90" has a leading zero).
    assert len(only(result)) == 9
    assert result.candidates[0] == ("3", "9573802895.90")
    assert result.candidates[1] == ("39", "573802895.90")
    assert ("3957380", "2895.90") in result.candidates
    assert ("395738", "02895.90") not in result.candidates
    assert result.candidates[-1] == ("3957380289", "5.90")
    assert only(split_run("39573802895.90", 2)) == ()  # not allowed unless asked for


def test_decimal_values_reach_the_predicate() -> None:
    seen: list[tuple[Number, ...]] = []

    def record(values: tuple[Number, ...]) -> bool:
        seen.append(values)
        return True

    split_run("7.25", 1, accept=record, decimal_last=True)
    assert seen == [(Decimal("7.25"),)]
    split_run("17.5", 2, accept=record, decimal_last=True)
    assert seen[1:] == [(1, Decimal("7.5"))]
    assert type(seen[1][0]) is int


def test_decimal_total() -> None:
    rule = total_is_sum(3)
    # 12 + 3 = 15.00; every other cut fails the sum.
    assert only(split_run("12315.00", 3, accept=rule, decimal_last=True)) == (("12", "3", "15.00"),)
    assert only(split_run("12315.50", 3, accept=rule, decimal_last=True)) == ()


def test_bad_decimals() -> None:
    for text in ("1.2.5", ".5", "5.", "1.5x", "05.5", "-0.00", "-.5", "1e5"):
        assert only(split_run(text, 1, decimal_last=True, signed=frozenset({0}))) == (), text
    assert only(split_run("05.5", 2, decimal_last=True)) == (("0", "5.5"),)
    assert only(split_run("1-0.00", 2, decimal_last=True, signed=frozenset({1}))) == ()
    assert only(split_run("1-0.50", 2, decimal_last=True, signed=frozenset({1}))) == (("1", "-0.50"),)
    assert only(split_run("1.52", 2, decimal_last=True)) == ()  # the '.' must be in the last field


# -- input handling ------------------------------------------------------------------------------


def test_whitespace_is_ignored() -> None:
    result = split_run(" 217 1\t0\u30000 0\n0 218\xa0", 7, accept=total_is_sum(7))
    assert only(result) == (("217", "1", "0", "0", "0", "0", "218"),)


@pytest.mark.parametrize(
    ("text", "n"),
    [("", 1), ("   ", 1), ("12a3", 2), ("１２", 2), ("12", 0), ("12", -1), ("12", 3), ("1+2", 2)],
)
def test_impossible_input_gives_no_candidates(text: str, n: int) -> None:
    assert split_run(text, n) == SplitResult((), False)


def test_overlong_run_is_not_searched() -> None:
    assert split_run("1" * (MAX_RUN_LENGTH + 1), 3) == SplitResult((), True)
    assert not split_run("1" * MAX_RUN_LENGTH, MAX_RUN_LENGTH).truncated


# -- limits --------------------------------------------------------------------------------------


def test_long_run_finishes() -> None:
    # 60 ones into 6 parts and a total: impossible. Every field is a repunit R_k (k ones). If the
    # total is R_t, a part of t digits equals it and the others would have to be 0 (no zeros);
    # otherwise every part is at most R_(t-1) and 6 * R_(t-1) < R_t.
    result = split_run("1" * 60, 7, accept=total_is_sum(7))
    assert result.truncated or result.candidates == ()
    assert result == SplitResult((), False)  # observed: the pruned search completes


def test_limit_truncates() -> None:
    result = split_run("1234567890" * 4, 15)  # C(39, 14) readings
    assert result.truncated
    assert 0 < len(result.candidates) <= MAX_SPLIT_CANDIDATES
    small = split_run("7777166", 3, limit=5)
    assert small.truncated
    assert set(small.candidates) <= set(split_run("7777166", 3).candidates)
    assert split_run("7777166", 3, limit=1000) == split_run("7777166", 3)


def test_table4_of_40_characters_is_fast_and_complete() -> None:
    values = (1234, 5678, 89, 10, 7011, 5, 1, 0, 0, 6, 30210, 4567, 120, 98, 34995)
    text = "".join(map(str, values))
    assert len(text) == 40
    result = split_run(text, 15, accept=groups_total_is_sum(5))
    assert not result.truncated
    assert tuple(map(str, values)) in result.candidates


# -- predicates ----------------------------------------------------------------------------------


def test_sum_rules_directly() -> None:
    assert total_is_sum(3)((1, 2, 3))
    assert not total_is_sum(3)((1, 2, 4))
    assert not total_is_sum(3)((1, 2, 3, 0))
    assert groups_total_is_sum(2)((5, 5, 0, 0))
    assert not groups_total_is_sum(2)((5, 5, 0))
    assert not groups_total_is_sum(0)(())
    assert not SumGroups(3, 2)((1, 2, 3))
    big = 10**40
    assert total_is_sum(3)((big, 1, Decimal(big + 1)))  # exact, no 28-digit rounding
    assert not total_is_sum(3)((big, 1, Decimal(big)))


def test_accept_prefix_prunes_without_changing_the_answer() -> None:
    calls: list[tuple[tuple[Number, ...], str]] = []

    def small_first(values: tuple[Number, ...], rest: str) -> bool:
        calls.append((values, rest))
        return values[0] < 100

    full = split_run("7777166", 3)
    pruned = split_run("7777166", 3, accept_prefix=small_first)
    assert pruned.candidates == tuple(c for c in full.candidates if int(c[0]) < 100)
    assert ((7,), "777166") in calls
    assert all(len(v) < 3 for v, _ in calls)


# -- properties ----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=99_999), min_size=1, max_size=6))
def test_original_row_is_always_found(parts: list[int]) -> None:
    # Table 3: up to six applicant columns of up to five digits, and their total.
    values = (*parts, sum(parts))
    n = len(values)
    rule = total_is_sum(n)
    result = split_run("".join(map(str, values)), n, accept=rule)
    assert not result.truncated
    assert tuple(map(str, values)) in result.candidates
    for candidate in result.candidates:
        assert rule(values_of(candidate))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8))
def test_wide_rows_are_found_or_reported_truncated(parts: list[int]) -> None:
    # Wider than any real row: the default limit may stop the search, but it must say so.
    values = (*parts, sum(parts))
    rule = total_is_sum(len(values))
    result = split_run("".join(map(str, values)), len(values), accept=rule)
    assert result.truncated or tuple(map(str, values)) in result.candidates
    for candidate in result.candidates:
        assert rule(values_of(candidate))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=999), min_size=4, max_size=4), min_size=1, max_size=3
    )
)
def test_original_table4_line_is_always_found(groups: list[list[int]]) -> None:
    values = tuple(v for g in groups for v in (*g, sum(g)))
    rule = groups_total_is_sum(5)
    result = split_run("".join(map(str, values)), len(values), accept=rule)
    assert not result.truncated
    assert tuple(map(str, values)) in result.candidates
    for candidate in result.candidates:
        assert rule(values_of(candidate))


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet="0011235-.", max_size=10),
    n=st.integers(min_value=1, max_value=6),
    group_size=st.integers(min_value=1, max_value=4),
    groups=st.sampled_from([None, 1, 2]),
    signed=st.frozensets(st.integers(min_value=0, max_value=5)),
    decimal_last=st.booleans(),
)
def test_searches_match_brute_force(
    text: str, n: int, group_size: int, groups: int | None, signed: frozenset[int], decimal_last: bool
) -> None:
    rule = SumGroups(group_size, groups)
    expected = SplitResult(brute_force(text, n, rule, signed, decimal_last), False)
    structured = split_run(text, n, accept=rule, signed=signed, decimal_last=decimal_last)
    assert structured == expected
    generic = split_run(text, n, accept=lambda v: rule(v), signed=signed, decimal_last=decimal_last)
    assert generic == expected
    plain = split_run(text, n, signed=signed, decimal_last=decimal_last)
    assert plain == SplitResult(brute_force(text, n, signed=signed, decimal_last=decimal_last), False)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), st.text(alphabet="0123456789-. \t\u3000x", max_size=60)),
    n=st.integers(min_value=-2, max_value=20),
    signed=st.frozensets(st.integers(min_value=-1, max_value=20)),
    decimal_last=st.booleans(),
    rule=st.sampled_from([None, total_is_sum(3), groups_total_is_sum(2), SumGroups(0)]),
)
def test_never_raises(
    text: str, n: int, signed: frozenset[int], decimal_last: bool, rule: SumGroups | None
) -> None:
    if rule is None:
        result = split_run(text, n, signed=signed, decimal_last=decimal_last)
    else:
        result = split_run(text, n, accept=rule, signed=signed, decimal_last=decimal_last)
    stripped = "".join(c for c in text if not c.isspace())
    for candidate in result.candidates:
        assert len(candidate) == n
        assert "".join(candidate) == stripped
