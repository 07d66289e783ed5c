"""Write numbers, percentages, amounts and dates the Italian way (babel, it_IT).

"1.234,5", "80%", "4,58%", "€ 10.285,71", "30 giugno 2023", "1° luglio 2023",
"30/06/2023". Shared by the engine (flag reasons, explanations) and the
narratives, so that a figure reads the same everywhere.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency

LOCALE = "it_IT"
_SYMBOLS = Locale.parse(LOCALE).number_symbols["latn"]
_GROUP, _DECIMAL, _MINUS = _SYMBOLS["group"], _SYMBOLS["decimal"], _SYMBOLS["minusSign"]


def _decimal(value: Decimal | int | float) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def rounded(value: Decimal | int | float, places: int = 2) -> Decimal:
    """Round half up to ``places`` decimals (the rounding people expect on paper)."""
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = _QUANTA[places] = Decimal(1).scaleb(-places)
    return (value if type(value) is Decimal else _decimal(value)).quantize(quantum, rounding=ROUND_HALF_UP)


_QUANTA: dict[int, Decimal] = {}  # places → 10^-places


@lru_cache(maxsize=65536, typed=True)
def number(value: Decimal | int | float, places: int = 2) -> str:
    """1234.5 → "1.234,5"; trailing zeros dropped; at most ``places`` decimals.

    Writes babel's ``#,##0.##`` pattern with the it_IT symbols babel provides, without
    babel's per-call pattern machinery (formatting is the hot spot of large reports);
    a test checks the output against ``babel.numbers.format_decimal``. Cached: large
    plans repeat the same few thousand figures.
    """
    quantized = rounded(value, places)
    if quantized == 0:
        quantized = abs(quantized)
    integer, _, decimals = f"{quantized:,f}".partition(".")
    integer = integer.replace(",", _GROUP).replace("-", _MINUS)
    decimals = decimals.rstrip("0")
    return integer + (_DECIMAL + decimals if decimals else "")


@lru_cache(maxsize=65536, typed=True)
def percent(value: Decimal | int | float, places: int = 2) -> str:
    """80 → "80%", 4.58 → "4,58%" (the value is already a percentage)."""
    return number(value, places) + "%"


def euro(value: Decimal | int | float) -> str:
    """10285.71 → "€ 10.285,71"."""
    return format_currency(rounded(value), "EUR", format="¤ #,##0.00", locale=LOCALE, currency_digits=False)


@lru_cache(maxsize=1024)
def long_date(value: date) -> str:
    """date(2023, 6, 30) → "30 giugno 2023"; the first of the month is "1° luglio 2023"."""
    text = format_date(value, "d MMMM y", locale=LOCALE)
    return "1°" + text[1:] if value.day == 1 else text


def short_date(value: date) -> str:
    """date(2023, 6, 30) → "30/06/2023" (tables)."""
    return value.strftime("%d/%m/%Y")


def counted(n: int, singular: str, plural: str) -> str:
    """1, "indicatore", "indicatori" → "1 indicatore"; 10000 → "10.000 indicatori"."""
    return f"{number(n)} {singular if n == 1 else plural}"
