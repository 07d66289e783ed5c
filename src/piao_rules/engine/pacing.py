"""Where an indicator should be at a date inside the year (pacing).

The expected share of an annual target follows the profile of
``rules/andamento.yaml`` (by default linear: 50% at 30 June). Activities judged
by progress (milestones, deadlines, SI/NO) follow their own profile (``profili``,
by target kind or accrual) over the time from 1 January to the deadline: by
default back-loaded, 35% at mid-year for a year-end deadline.
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


def fraction_share(elapsed: Decimal, points: list[tuple[date, Decimal]]) -> Decimal:
    """The share expected when ``elapsed`` % of the time to the deadline has passed, reading a year
    profile as a curve over the time elapsed (exact at its dates for a 31 December deadline)."""
    start, end = points[0][0], date(points[0][0].year, 12, 31)
    span = Decimal((end - start).days)
    curve = [(Decimal((when - start).days) / span * HUNDRED, share) for when, share in points]
    if elapsed <= curve[0][0]:
        return curve[0][1]
    for (low_t, low), (high_t, high) in zip(curve, curve[1:]):
        if elapsed <= high_t:
            return low if high_t == low_t else low + (high - low) * (elapsed - low_t) / (high_t - low_t)
    return curve[-1][1]


class Profiles:
    """The profiles of ``rules/andamento.yaml``: ``profilo`` for annual targets, ``profili`` by target
    kind (scadenza, si_no, milestone, confronto…) or accrual (cumulativo, milestone)."""

    def __init__(self, default: dict[str, Any], by_kind: dict[str, Any], year: int):
        self.year = year
        self.default = read_profile(default, year)
        self.by_kind: dict[str, list[tuple[date, Decimal]]] = {}
        for name, profile in (by_kind or {}).items():
            try:
                self.by_kind[name] = read_profile(profile or {}, year)
            except ValueError as error:
                raise ValueError(f"profili/{name}: {error}") from None

    def _points(self, kind: str, accrual: str) -> list[tuple[date, Decimal]] | None:
        return self.by_kind.get(kind) or self.by_kind.get(accrual)

    def annual(self, as_of: date, kind: str, accrual: str) -> Decimal:
        """Share of an annual target expected at ``as_of``."""
        return year_share(as_of, self._points(kind, accrual) or self.default)

    def by_time(self, as_of: date, deadline: date | None, kind: str, accrual: str) -> Decimal:
        """Progress expected at ``as_of`` for an activity due at ``deadline`` (31 December if none)."""
        elapsed = time_share(as_of, self.year, deadline)
        points = self._points(kind, accrual)
        if points is None or elapsed >= HUNDRED:
            return elapsed
        return fraction_share(elapsed, points)
