"""How degrees of achievement add up the tree, and the achievement bands.

Members that cannot be measured (no degree) are left out and the weights of
the others are renormalised — a missing value never counts as zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from piao_rules.engine.result import BandResult
from piao_rules.engine.rulebook import BandTable

HUNDRED = Decimal(100)


@dataclass
class Member:
    name: str
    weight: Decimal | None
    achievement: Decimal | None


@dataclass
class Mean:
    value: Decimal | None
    excluded: list[str] = field(default_factory=list)
    equal_weights: bool = False  # no member had a weight
    mixed_weights: bool = False  # only some members had one
    weights_sum: Decimal | None = None  # when every member has a weight


def combine(members: list[Member], method: str) -> Mean:
    """The degree of a parent from its members: weighted mean, or «all reached» (100 or 0)."""
    weights = [m.weight for m in members]
    given = [w for w in weights if w is not None]
    mean = Mean(value=None)
    mean.equal_weights = not given
    mean.mixed_weights = bool(given) and len(given) < len(members)
    if given and not mean.mixed_weights:
        mean.weights_sum = sum(given, Decimal(0))
    use_plan_weights = bool(given) and not mean.mixed_weights
    measured = [m for m in members if m.achievement is not None]
    mean.excluded = [m.name for m in members if m.achievement is None]
    if not measured:
        return mean
    if method == "tutti_raggiunti":
        mean.value = HUNDRED if all(m.achievement >= HUNDRED for m in measured) else Decimal(0)
        return mean
    pairs = [(m.weight if use_plan_weights else Decimal(1), m.achievement) for m in measured]
    total = sum((w for w, _ in pairs), Decimal(0))
    if total == 0:
        mean.value = sum((a for _, a in pairs), Decimal(0)) / len(pairs)
    else:
        mean.value = sum((w * a for w, a in pairs), Decimal(0)) / total
    return mean


def bands(achievement: Decimal | None, tables: list[BandTable]) -> list[BandResult]:
    """The share of resources each band table grants for the ente's degree."""
    if achievement is None:
        return []
    results = []
    for table in tables:
        band = next(b for b in table.bands if b.below is None or achievement < b.below)
        share = {"zero": Decimal(0), "proporzionale": achievement, "pieno": HUNDRED}[band.kind]
        results.append(BandResult(name=table.name, kind=band.kind, share=share))
    return results
