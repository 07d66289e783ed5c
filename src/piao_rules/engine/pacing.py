"""Where an indicator should be at a date inside the year (pacing).

The expected share of an annual target follows the profile of
``rules/andamento.yaml`` (by default linear: 50% at 30 June); activities with
a deadline are expected to progress evenly from 1 January to the deadline.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from piao_rules import values

HUNDRED = Decimal(100)


def read_profile(profile: dict[str, Any], year: int) -> list[tuple[date, Decimal]]:
    """The profile's points as dates of ``year``, with 0 on 1 January and (unless given) 100 on
    31 December; raises ValueError with an Italian message."""
    points = [(date(year, 1, 1), Decimal(0))]
    for day, share in profile.items():
        when = values.parse_date(f"{day}/{year}")
        number = values.parse_number(share)
        if not 0 <= number <= 100:
            raise ValueError(f"profilo: la quota al {day} deve essere tra 0 e 100")
        points.append((when, number))
    if all(when != date(year, 12, 31) for when, _ in points):
        points.append((date(year, 12, 31), HUNDRED))
    points.sort()
    if any(b[1] < a[1] for a, b in zip(points, points[1:])):
        raise ValueError("profilo: le quote devono crescere nel corso dell'anno")
    return points


def year_share(as_of: date, points: list[tuple[date, Decimal]]) -> Decimal:
    """Share of the annual target expected at ``as_of`` (0–100), interpolated day by day."""
    if as_of <= points[0][0]:
        return points[0][1]
    for (start, low), (end, high) in zip(points, points[1:]):
        if as_of <= end:
            return low + (high - low) * Decimal((as_of - start).days) / Decimal((end - start).days)
    return points[-1][1]


def time_share(as_of: date, year: int, deadline: date | None) -> Decimal:
    """Share of the time from 1 January to the deadline (or 31 December) elapsed at ``as_of``."""
    start = date(year, 1, 1)
    end = deadline or date(year, 12, 31)
    if as_of >= end:
        return HUNDRED
    if as_of <= start or end <= start:
        return Decimal(0)
    return HUNDRED * Decimal((as_of - start).days) / Decimal((end - start).days)
