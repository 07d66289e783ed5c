"""Italian formatting of numbers, percentages, amounts and dates."""

from datetime import date
from decimal import Decimal as D

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from piao_rules import format_it


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False), st.integers(0, 4))
def test_number_is_what_babel_writes_for_it_IT(value, places):
    rounded = format_it.rounded(value, places)
    pattern = "#,##0" + ("." + "#" * places if places else "")
    expected = format_decimal(rounded, format=pattern, locale="it_IT")
    assert format_it.number(value, places) == (expected if expected != "-0" else "0")


@pytest.mark.parametrize(
    ("value", "text"),
    [(D("1234.5"), "1.234,5"), (D("-1234567.891"), "-1.234.567,89"), (D("0.005"), "0,01"), (80, "80"), (D("4.58"), "4,58"), (D("-0.001"), "0")],
)
def test_number(value, text):
    assert format_it.number(value) == text


def test_percent_euro_and_dates():
    assert format_it.percent(80) == "80%"
    assert format_it.percent(D("4.58")) == "4,58%"
    assert format_it.euro(D("10285.71")) == "€ 10.285,71"
    assert format_it.long_date(date(2023, 6, 30)) == "30 giugno 2023"
    assert format_it.long_date(date(2023, 7, 1)) == "1° luglio 2023"
    assert format_it.short_date(date(2023, 6, 30)) == "30/06/2023"
