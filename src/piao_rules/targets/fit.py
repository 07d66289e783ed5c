"""Does a measure fit its target? (kind and unit)"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from piao_rules.io.model import Measure
from piao_rules.targets.model import Target, TargetKind


def not_pertinent(target: Target, measure: Measure | None) -> bool:
    """A measure of a different kind than its target asks: a count for a deadline, a date for a number…"""
    if measure is None:
        return False
    value = measure.value
    number = isinstance(value, Decimal)
    other = isinstance(value, (bool, date))
    kind = target.kind
    if kind in (TargetKind.COMPARISON, TargetKind.RELATIVE):
        return other or (value is None and bool(measure.components))
    if kind is TargetKind.COMPOUND:
        return value is not None and not measure.components
    if kind in (TargetKind.DEADLINE, TargetKind.BOOLEAN, TargetKind.MILESTONE):
        return number
    return False


def unit_mismatch(target: Target, measure: Measure | None) -> bool:
    """A percentage written as a ratio (0,8 for 80%), or a percentage for a count."""
    if measure is None or not isinstance(measure.value, Decimal):
        return False
    if target.unit == "%":
        return not measure.percent and Decimal(0) < measure.value <= Decimal(1)
    return measure.percent and target.unit is not None
