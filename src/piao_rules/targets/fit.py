"""Does a measure fit its target? (kind and unit)"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from piao_rules.io.model import Measure
from piao_rules.targets.model import Measured, Target

# «Media dei voti da 1 a 5», «punteggio medio su scala 1-10», «giudizio medio 4,3 su 5»: a mark on a scale from 1 to N.
_SCALE = re.compile(
    r"(?<!\w)(?:scala|vot[oi]|punteggi?o?|giudizi?o?|valutazion[ei]|stelle)(?!\w)[^.;]{0,40}?"
    r"(?:(?<!\w)(?:da\s+)?(?:1|uno)\s*(?:a|-|–|/)\s*|(?<!\w)su\s+)(?P<top>\d{1,2})(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)


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


def scale_top(target: Target, measure: Measure | None) -> int | None:
    """The top of the 1–N scale the note says the value is marked on («media dei voti da 1 a 5»: 5), when the target
    is a percentage and the value fits the scale: the two cannot be compared without a conversion."""
    if measure is None or target.unit != "%" or measure.percent or not measure.note:
        return None
    value = measure.value
    if not isinstance(value, Decimal) or isinstance(value, bool):
        return None
    found = _SCALE.search(measure.note)
    top = int(found.group("top")) if found else None
    return top if top is not None and 1 < top <= 10 and 0 < value <= top else None
