"""Does a measure fit its target? (kind and unit)"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from piao_rules.io.model import Measure
from piao_rules.targets.model import Measured, Target


def not_pertinent(target: Target, measure: Measure | None) -> bool:
    """A measure of a different kind than its target asks: a count for a deadline, a date for a number…"""
    if measure is None:
        return False
    value = measure.value
    number = isinstance(value, Decimal)
    other = isinstance(value, (bool, date))
    measured_by = target.kind.traits.measured_by
    if measured_by is Measured.NUMBER:
        return other or (value is None and bool(measure.components))
    if measured_by is Measured.COMPONENTS:
        return value is not None and not measure.components
    if measured_by is Measured.ACTIVITY:
        return number
    return False


def unit_mismatch(target: Target, measure: Measure | None) -> bool:
    """A percentage written as a ratio (0,8 for 80%), or a percentage for a count."""
    if measure is None or not isinstance(measure.value, Decimal):
        return False
    if target.unit == "%":
        return not measure.percent and Decimal(0) < measure.value <= Decimal(1)
    return measure.percent and target.unit is not None
