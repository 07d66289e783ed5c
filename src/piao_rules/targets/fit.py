"""Does a measure fit its target? (kind, unit and the noun written with the value)"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from piao_rules.io.model import Measure
from piao_rules.targets import units
from piao_rules.targets.counted import counts_noun, milestone_noun
from piao_rules.targets.model import Measured, Target, TargetKind

# «Media dei voti da 1 a 5», «punteggio medio su scala 1-10», «giudizio medio 4,3 su 5»: a mark on a scale from 1 to N.
_SCALE = re.compile(
    r"(?<!\w)(?:scala|vot[oi]|punteggi?o?|giudizi?o?|valutazion[ei]|stelle)(?!\w)[^.;]{0,40}?"
    r"(?:(?<!\w)(?:da\s+)?(?:1|uno)\s*(?:a|-|–|/)\s*|(?<!\w)su\s+)(?P<top>\d{1,2})(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)

# What a percentage is of: «100% delle sedi», «≥ 90% degli uffici».
_PERCENT_OF = re.compile(r"%\s+(?:del|dello|della|dell'|dei|degli|delle)\s*(?P<noun>[^\W\d_]{3,})", re.IGNORECASE)


def not_pertinent(target: Target, measure: Measure | None) -> bool:
    """A measure of a different kind than its target asks: a count for a deadline, a date for a number, a count of
    something else («2 sportelli» for «4 postazioni»)…"""
    if measure is None:
        return False
    if counted_mismatch(target, measure) is not None:
        return True
    value = measure.value
    number = isinstance(value, Decimal)
    other = isinstance(value, (bool, date))
    measured_by = target.kind.traits.measured_by
    if measured_by is Measured.NUMBER:
        return other or (value is None and bool(measure.components))
    if measured_by is Measured.COMPONENTS:
        return value is not None and not measure.components
    if measured_by is Measured.ACTIVITY:
        return number and target.coverage is None  # a coverage activity («Tutti i dipendenti formati») counts units
    return False


def counted_mismatch(target: Target, measure: Measure | None) -> str | None:
    """What the target counts, when the measure was written with the name of something else («2 sportelli» for a
    target in «sedi», «22 gg» for a target in %); None when they agree or the target names nothing."""
    if measure is None or measure.counted is None:
        return None
    if target.kind in (TargetKind.MILESTONE, TargetKind.DEADLINE):
        expected = milestone_noun(target)
    elif target.kind is TargetKind.COMPARISON:
        expected = target.unit
    else:
        return None
    if expected is None or expected == "N.":
        return None
    written = units.canonical(measure.counted)
    of = _PERCENT_OF.search(target.text) if expected == "%" else None
    if of is not None and counts_noun(measure.counted, of.group("noun")):
        return None  # «1 sede» for «100% delle sedi»: the units whose share the target asks
    if expected in units.ALIASES or written in units.ALIASES:
        return None if written in (expected, "N.") else expected
    return None if counts_noun(measure.counted, expected) else expected


def unmatched_components(target: Target, measure: Measure | None) -> list[str]:
    """The components of a compound target that no measured count names («6 eventi 88 aziende» for «≥ 8 iniziative /
    ≥ 150 imprese»: both), when the measure gives counts; not the one left that takes the one count left
    (:func:`paired_component`)."""
    if measure is None or target.kind is not TargetKind.COMPOUND or not measure.components:
        return []
    paired = paired_component(target, measure)
    return [c.label for c in target.components
            if not any(counts_noun(written, c.label, c.unit) for written in measure.components)
            and (paired is None or c.label != paired[1])]


def paired_component(target: Target, measure: Measure | None) -> tuple[str, str] | None:
    """(count, component) when the measure names every component of a compound target but one, and has one count left:
    «8 iniziative 540 partecipanti» for «≥ 10 iniziative 500 soggetti» reads the 540 partecipanti as the soggetti."""
    if (measure is None or target.kind is not TargetKind.COMPOUND or len(target.components) < 2
            or len(measure.components) != len(target.components)):
        return None
    left = [c.label for c in target.components
            if not any(counts_noun(written, c.label, c.unit) for written in measure.components)]
    unused = [written for written in measure.components
              if not any(counts_noun(written, c.label, c.unit) for c in target.components)]
    return (unused[0], left[0]) if len(left) == 1 and len(unused) == 1 else None


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


def counted_component(target: Target, measure: Measure | None) -> Measure | None:
    """«5 seminari in presenza, 11 webinar» for «≥ 24 seminari in presenza»: of the components of a measure, the only one
    that counts what a single count target names is its value, with its name («5 seminari in presenza»); the others count
    something else; the components stay, so that a proposed target («≥ 30 webinar») picks its own. None when no
    component, or more than one, counts the target's noun."""
    if (measure is None or target.kind is not TargetKind.COMPARISON or not measure.components
            or (measure.value is not None and measure.counted not in measure.components) or not target.unit or target.unit in ("%", "€", "gg", "N.") or target.per is not None or target.coverage is not None):
        return None
    counting = [(label, value) for label, value in measure.components.items() if counts_noun(label, target.unit)]
    if len(counting) != 1:
        return None
    label, value = counting[0]
    return measure.model_copy(update={"value": value, "counted": label})


def as_component(target: Target, measure: Measure | None) -> Measure | None:
    """«8 seminari» for «≥ 8 seminari 200 imprese»: a single count naming a component of a compound target is that
    component, the others missing (not a value of another kind). None otherwise."""
    if (measure is None or target.kind is not TargetKind.COMPOUND or measure.counted is None or measure.components
            or not isinstance(measure.value, Decimal) or isinstance(measure.value, bool)):
        return None
    if not any(counts_noun(measure.counted, c.label, c.unit) for c in target.components):
        return None
    return measure.model_copy(update={"value": None, "counted": None, "components": {measure.counted: measure.value}})
