"""values.parse_cell: cell text → state, value, unit, note (docs/format.md §3).

Every expected value below is read off the input text; "not reported" must never become 0.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report._values import is_numeric_run, is_value_text, parse_cell
from govinfo_report.model import CellState


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("0", 0),
        ("-55", -55),
        ("7447", 7447),
        ("1,234", 1234),
        ("１２", 12),  # full-width digits, as Word sometimes writes them
    ],
)
def test_counts_are_ints(raw: str, value: int) -> None:
    cell = parse_cell(raw)
    assert cell.state is CellState.NUMBER
    assert cell.value == value
    assert type(cell.value) is int
    assert cell.unit is None
    assert cell.raw == raw


def test_unicode_minus_sign() -> None:
    cell = parse_cell("\u221255")
    assert cell.state is CellState.NUMBER
    assert cell.value == -55


def test_decimal_number_is_decimal_not_float() -> None:
    cell = parse_cell("96171.6", money=True)
    assert cell.state is CellState.NUMBER
    assert cell.value == Decimal("96171.6")
    assert isinstance(cell.value, Decimal)


def test_money_column_gives_decimal_even_for_whole_numbers() -> None:
    cell = parse_cell("18651", money=True)
    assert cell.value == Decimal("18651")
    assert isinstance(cell.value, Decimal)


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("1082.33万", Decimal("1082.33"), "万"),
        ("251000元", Decimal("251000"), "元"),
        ("3.5万元", Decimal("3.5"), "万元"),
    ],
)
def test_money_with_unit_keeps_the_unit(raw: str, value: Decimal, unit: str) -> None:
    cell = parse_cell(raw, money=True)
    assert cell.state is CellState.NUMBER
    assert cell.value == value
    assert isinstance(cell.value, Decimal)
    assert cell.unit == unit
    assert cell.raw == raw


def test_column_unit_used_only_when_the_cell_has_none() -> None:
    assert parse_cell("1.5", money=True, unit="万元").unit == "万元"
    assert parse_cell("251000元", money=True, unit="万元").unit == "元"


@pytest.mark.parametrize("raw", ["", " ", "   ", "\u3000", "\u00a0", "\t"])
def test_blank_cells(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.state is CellState.BLANK
    assert cell.value is None


def test_literal_nbsp_entity_is_blank() -> None:
    cell = parse_cell("&nbsp;")
    assert cell.state is CellState.BLANK
    assert cell.value is None


@pytest.mark.parametrize("raw", ["/", "／", "-", "—", "无", "不涉及"])
def test_placeholders_keep_raw_and_have_no_value(raw: str) -> None:
    cell = parse_cell(raw)
    assert cell.state is CellState.PLACEHOLDER
    assert cell.value is None
    assert cell.raw == raw


@pytest.mark.parametrize("raw", ["/", "—", "无"])
def test_placeholders_in_money_columns_are_not_zero(raw: str) -> None:
    cell = parse_cell(raw, money=True, unit="万元")
    assert cell.state is CellState.PLACEHOLDER
    assert cell.value is None


def test_text_cell_keeps_raw() -> None:
    cell = parse_cell("abc")
    assert cell.state is CellState.TEXT
    assert cell.value is None
    assert cell.raw == "abc"


def test_number_with_annotation_keeps_number_and_note() -> None:
    cell = parse_cell("22（其中修订16件）")
    assert cell.state is CellState.NUMBER
    assert cell.value == 22
    assert cell.note == "其中修订16件"
    assert cell.raw == "22（其中修订16件）"


def test_number_with_half_width_annotation() -> None:
    cell = parse_cell("5(含转办3件)")
    assert cell.value == 5
    assert cell.note == "含转办3件"


def test_word_bookmark_artefact_is_dropped() -> None:
    cell = parse_cell("[bookmark: _GoBack]0")
    assert cell.state is CellState.NUMBER
    assert cell.value == 0
    assert cell.raw == "0"


def test_zero_and_blank_stay_distinct() -> None:
    zero, blank = parse_cell("0"), parse_cell("")
    assert zero.state is CellState.NUMBER and zero.value == 0
    assert blank.state is CellState.BLANK and blank.value is None
    assert zero != blank


def test_json_value_of_money() -> None:
    assert parse_cell("1082.33万", money=True).json_value() == 1082.33
    assert parse_cell("251000元", money=True).json_value() == 251000
    assert parse_cell("/").json_value() is None


def test_line_is_recorded() -> None:
    assert parse_cell("7", line=12).line == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", True), ("-9", True), ("/", True), ("规章", False), ("1.属于国家秘密", False), ("", False)],
)
def test_is_value_text(text: str, expected: bool) -> None:
    assert is_value_text(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21710000218", True),
        ("20-97447", True),
        ("18651.06", True),
        ("1 0 0", True),
        ("规章0", False),
        ("", False),
    ],
)
def test_is_numeric_run(text: str, expected: bool) -> None:
    assert is_numeric_run(text) is expected
