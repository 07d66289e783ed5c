"""How degrees of achievement add up the tree, which objectives form the ente's degree, and the bands.

Members that cannot be measured (no degree) are left out and the weights of
the others are renormalised — a missing value never counts as zero. The ente's
degree (organisational performance) follows the ``ente`` policy of the rules:
objectives of the kinds set apart (individual ones) stay out of it, and when the
plan has objectives of the chosen level (strategic) only those count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from piao_rules.engine.result import BandResult
from piao_rules.engine.rulebook import BandTable, EnteScope
from piao_rules.io.model import Area, Objective

HUNDRED = Decimal(100)


@dataclass(slots=True)
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
    measured = [(m.weight, m.achievement) for m in members if m.achievement is not None]
    mean.excluded = [m.name for m in members if m.achievement is None]
    if not measured:
        return mean
    if method == "tutti_raggiunti":
        mean.value = HUNDRED if all(a >= HUNDRED for _, a in measured) else Decimal(0)
        return mean
    if not use_plan_weights:  # equal weights: the plain mean (each weight 1)
        mean.value = sum((a for _, a in measured), Decimal(0)) / Decimal(len(measured))
        return mean
    # with plan weights every member has one
    pairs = [(w if w is not None else Decimal(1), a) for w, a in measured]
    total = sum((w for w, _ in pairs), Decimal(0))
    if total == 0:
        mean.value = sum((a for _, a in pairs), Decimal(0)) / len(pairs)
    else:
        mean.value = sum((w * a for w, a in pairs), Decimal(0)) / total
    return mean


@dataclass
class EnteGrade:
    """The ente's degree and what it is made of."""

    mean: Mean
    basis: str  # «aree» or «obiettivi»
    members: list[str]  # codes of the areas or objectives averaged
    level: list[str]  # objective kinds the degree is restricted to (empty: every kind not set apart)
    apart: list[str]  # top-level objectives reported apart


def _kind(objective: Objective) -> str | None:
    return objective.kind.value if objective.kind is not None else None


def ente_grade(areas: list[Area], means: dict[str, Mean], method: str, scope: EnteScope) -> EnteGrade:
    """The ente's degree from the top-level objectives in scope, by area or by objective as the policy says."""
    tops = [(area, o) for area in areas for o in area.objectives]
    counted = [(area, o) for area, o in tops if _kind(o) not in scope.apart]
    level = [kind for kind in scope.level if any(_kind(o) == kind for _, o in counted)]
    if level:
        counted = [(area, o) for area, o in counted if _kind(o) in level]
    apart = [o.code for _, o in tops if _kind(o) in scope.apart]
    chosen = {o.code for _, o in counted}
    used_areas = [area for area in areas if any(o.code in chosen for o in area.objectives)]
    basis = scope.basis
    if basis == "automatico":
        basis = "aree" if used_areas and all(a.weight is not None for a in used_areas) else "obiettivi"
    if basis == "aree":
        members = [Member(area.code, area.weight, combine(
            [Member(o.code, o.weight, means[o.code].value) for o in area.objectives if o.code in chosen], method).value)
            for area in used_areas]
    else:
        members = [Member(o.code, o.weight, means[o.code].value) for _, o in counted]
    return EnteGrade(combine(members, method), basis, [m.name for m in members], level, apart)


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
