"""Facts in engine form: every way a number reaches Field.encode gives the same integer."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules.engine.facts import FIELDS

PERCENT, INTEGER, BOOL = FIELDS["grado"], FIELDS["giorni_ritardo"], FIELDS["misura"]

decimals = st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False, allow_infinity=False, places=6)


@given(decimals)
def test_a_decimal_is_stored_rounded_half_up_in_hundredths_or_units(value):
    assert PERCENT.encode(value) == int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert INTEGER.encode(value) == int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_an_integer_is_stored_as_its_decimal_would_be(value):
    assert PERCENT.encode(value) == PERCENT.encode(Decimal(value)) == value * 100
    assert INTEGER.encode(value) == INTEGER.encode(Decimal(value)) == value
    assert PERCENT.encode(float(value)) == value * 100


def test_exact_halves_round_up_and_floats_are_read_as_written():
    assert PERCENT.encode(Decimal("80.505")) == 8051
    assert PERCENT.encode(Decimal("-0.005")) == -1
    assert PERCENT.encode(0.1) == 10  # str(0.1), not the binary fraction
    assert INTEGER.encode(Decimal("2.5")) == 3


def test_booleans_are_not_numbers_and_numbers_are_not_booleans():
    assert BOOL.encode(True) == 1 and BOOL.encode(False) == 0
    with pytest.raises(ValueError, match="vuole un numero"):
        PERCENT.encode(True)
    with pytest.raises(ValueError, match="vuole vero o falso"):
        BOOL.encode(1)
    with pytest.raises(ValueError, match="vuole vero o falso"):
        BOOL.encode(Decimal(1))
