"""Write numbers, percentages, amounts and dates the Italian way (babel, it_IT).

"1.234,5", "80%", "4,58%", "€ 10.285,71", "30 giugno 2023", "1° luglio 2023",
"30/06/2023". Shared by the engine (flag reasons, explanations) and the
narratives, so that a figure reads the same everywhere.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "it_IT"


def _decimal(value: Decimal | int | float) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def rounded(value: Decimal | int | float, places: int = 2) -> Decimal:
    """Round half up to ``places`` decimals (the rounding people expect on paper)."""
    return _decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value: Decimal | int | float, places: int = 2) -> str:
    """1234.5 → "1.234,5"; trailing zeros dropped; at most ``places`` decimals."""
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(rounded(value, places), format=pattern, locale=LOCALE)


def percent(value: Decimal | int | float, places: int = 2) -> str:
    """80 → "80%", 4.58 → "4,58%" (the value is already a percentage)."""
    return number(value, places) + "%"


def euro(value: Decimal | int | float) -> str:
    """10285.71 → "€ 10.285,71"."""
    return format_currency(rounded(value), "EUR", format="¤ #,##0.00", locale=LOCALE, currency_digits=False)


def long_date(value: date) -> str:
    """date(2023, 6, 30) → "30 giugno 2023"; the first of the month is "1° luglio 2023"."""
    text = format_date(value, "d MMMM y", locale=LOCALE)
    return "1°" + text[1:] if value.day == 1 else text


def short_date(value: date) -> str:
    """date(2023, 6, 30) → "30/06/2023" (tables)."""
    return value.strftime("%d/%m/%Y")
