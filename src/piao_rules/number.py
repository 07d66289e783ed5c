"""``Number``: the Decimal of every model, which JSON output writes as a plain number.

Kept apart from :mod:`piao_rules.io.model` so that the targets layer can use it without loading
the whole input layer (``piao-rules target`` starts faster).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Union

from pydantic import PlainSerializer


def _plain_number(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


Number = Annotated[Decimal, PlainSerializer(_plain_number, return_type=Union[int, float], when_used="json")]
