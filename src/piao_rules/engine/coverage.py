"""Coverage targets («almeno 1 incontro con ciascun ufficio», «per ogni sede»): never scored from a bare count.

The measure counts the units covered; the total comes from the measure (``totale``) or the plan
(indicator ``totale``). With both, the value becomes the share covered and the target 100%; without a
total the indicator is not scored (rules: ``copertura`` and ``totale_copertura``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from piao_rules import format_it
from piao_rules.io import written
from piao_rules.io.model import Indicator, Measure
from piao_rules.targets import units
from piao_rules.targets.counted import counts_noun
from piao_rules.targets.formula import flows, read_formula
from piao_rules.targets.model import Operator, Target, TargetKind
from piao_rules.targets.share import Share, bracketed_base, names_euro, read_share

HUNDRED = Decimal(100)


def total_of(target: Target, indicator: Indicator, measure: Measure | None) -> Decimal | None:
    """How many units the coverage target applies to: the measure's total, else the plan's, else the units the target
    names in brackets («tutti i comuni capoluogo (Catania, Ragusa, Siracusa)»: 3)."""
    if target.coverage is None:
        return None
    if measure is not None and measure.total is not None:
        return measure.total
    if indicator.total is not None:
        return indicator.total
    listed = target.listed_units
    return Decimal(listed) if listed is not None else None


def read_coverage(target: Target, indicator: Indicator, measure: Measure | None) -> tuple[Target, Measure | None, dict[str, str]]:
    """The target and measure to evaluate, and the inputs to show, for a coverage target with its total."""
    total = total_of(target, indicator, measure)
    value = measure.value if measure is not None else None
    if target.read_as == "quota":  # already read as a share by share_target
        return target, measure, {}
    if (measure is not None and value is None and total is not None and measure.written is not None
            and (excluded := written.all_but(measure.written)) is not None and excluded < total):
        value = total - excluded  # «tutte tranne Confesercenti»: all the units but those named
        shown = f"«{measure.written}»: {format_it.number(total)} unità meno {excluded} nominate = {format_it.number(value)}"
        target, read, inputs = read_coverage(target, indicator, measure.model_copy(update={"value": value}))
        return target, read, {**inputs, "lettura della misura": shown}
    if measure is None or total is None or not isinstance(value, Decimal) or isinstance(value, bool) or isinstance(value, date):
        if target.coverage is not None and isinstance(value, Decimal) and not isinstance(value, bool):
            return target, measure, {"unità coperte": f"{format_it.number(value)} (manca il totale delle unità da coprire)"}
        return target, measure, {}
    if measure.percent:
        share = value
        shown = f"{format_it.percent(share)} delle unità ({format_it.number(total)} in tutto)"
    else:
        share = value / total * HUNDRED
        shown = f"{format_it.number(value)} su {format_it.number(total)} ({target.coverage}) = {format_it.percent(share)}"
    if measure.total is None and indicator.total is None:  # the units named in the target's brackets
        shown += f"; totale: le {format_it.number(total)} unità nominate nel target"
    covered = target.model_copy(update={
        "kind": TargetKind.COMPARISON, "operator": Operator.GE, "value": HUNDRED, "unit": "%", "per": None, "read_as": "copertura",
        "warnings": [*target.warnings, f"target di copertura: letto come 100% delle unità ({target.coverage}) coperte"],
    })
    # «17 comuni» for «tutti i comuni»: the noun names the units covered, now the share's; any other noun stays
    counted = None if measure.counted is not None and _names_units(measure.counted, target.coverage or "") else measure.counted
    return covered, measure.model_copy(update={"value": share, "percent": True, "counted": counted}), {"copertura": shown}


def _names_units(counted: str, units_covered: str) -> bool:
    """Whether the noun written with the count («uffici», «Camere») names the units covered («ufficio», «camera»)."""
    def root(word: str) -> str:
        return word.split()[0].lower().rstrip("aeiouàèéìòù") if word.split() else ""
    return counts_noun(counted, units_covered) or root(counted) == root(units_covered) != ""


SHARE_WARNING = "target letto come quota: valore su totale della misura, confrontato con la quota del target"
ACTIVITY_SHARE_WARNING = ("attività per un insieme di unità misurata con valore e totale: letta come quota delle unità "
                          "coperte (100%)")


# An activity (with or without its deadline) or a text the parser cannot measure.
_ACTIVITIES = (TargetKind.MILESTONE, TargetKind.DEADLINE, TargetKind.QUALITATIVE)


def _plain_number(value: object) -> bool:
    return isinstance(value, Decimal) and not isinstance(value, bool)


def percent_base(target: Target, indicator: Indicator, measure: Measure | None) -> Decimal | None:
    """What a percentage target («100% degli uffici individuati», «≥ 90% del budget assegnato (€ 250.000)») is a share
    of when it is measured with a number, not a percentage: the measure's total (6 su 6), else the plan's (14 servizi,
    when the value does not exceed it), else the euro amount in brackets in the target when the value is an amount
    (above 100, or written with «€»: a plain 100 is a percentage); None otherwise."""
    if not (target.kind is TargetKind.COMPARISON and target.unit == "%" and target.value is not None
            and target.read_as is None and measure is not None and not measure.percent and _plain_number(measure.value)):
        return None
    assert isinstance(measure.value, Decimal)
    if measure.total is not None:
        return measure.total
    if indicator.total is not None and measure.value <= indicator.total:
        return indicator.total
    return bracketed_base(target.text) if measure.value > HUNDRED or _in_euro(measure) else None


def _in_euro(measure: Measure) -> bool:
    return measure.counted is not None and units.canonical(measure.counted) == "€"


def euro_for_percent(target: Target, measure: Measure | None) -> bool:
    """A euro amount measured for a percentage target that gives no base to divide it by (58.000 for «≥ 90% del
    budget»: written with «€», or above 100 with a euro amount in the target or the note): the two cannot be compared."""
    if target.kind is not TargetKind.COMPARISON or target.unit != "%" or target.read_as is not None:
        return False
    if measure is None or measure.percent or measure.total is not None or not _plain_number(measure.value):
        return False
    assert isinstance(measure.value, Decimal)
    return _in_euro(measure) or (
        measure.value > HUNDRED and (names_euro(target.text) or names_euro(measure.note or "")))


def _due_earlier(target: Target, base: Decimal | None) -> bool:
    """A percentage of units due before the year's end («100% delle aree di rischio entro il 30/06»): the share keeps
    its date, as an activity does."""
    due = target.deadline
    return base is not None and due is not None and (due.month, due.day) != (12, 31)


def _flowing_base(indicator: Indicator) -> bool:
    """The algorithm divides by what flows in with the numerator («N. giudizi positivi / N. questionari compilati»): a
    rate at the date, not a share of units covered."""
    formula = read_formula(indicator.formula)
    return formula is not None and formula.denominator is not None and flows(" ".join(t.name for t in formula.denominator))


def share_target(target: Target, indicator: Indicator, measure: Measure | None) -> tuple[Target, Measure, dict[str, str]] | None:
    """A target stating a share («N. partecipazioni / N. convocazioni: 1 N.», «% applicativi …: 100%», or a
    percentage measured with a number and its total), or an activity (or unmeasurable text) for a group of units
    measured with done and a total (in the measure or the plan), read as the share valore / totale; None when the
    target states no share or there is no total."""
    if measure is None or measure.percent or not _plain_number(measure.value) or target.read_as is not None:
        return None
    base = percent_base(target, indicator, measure)
    total = base if base is not None else measure.total if measure.total is not None else indicator.total
    if total is None:
        return None
    share = read_share(target.text)
    warning = SHARE_WARNING
    operator = Operator.GE
    if share is None and base is not None:
        assert target.value is not None and target.operator is not None
        share = Share(target.value, not flows(target.qualifier or target.text) and not _flowing_base(indicator), target.text)
        operator = Operator.GE if target.operator is Operator.EQ else target.operator
    if share is None:
        if target.kind not in _ACTIVITIES or target.coverage is not None:
            return None
        share, warning = Share(HUNDRED, True, target.text), ACTIVITY_SHARE_WARNING
    assert isinstance(measure.value, Decimal)
    value = measure.value / total * HUNDRED
    reading = "quota di unità coperte, cresce nell'anno" if share.units else "rapporto alla data"
    shown = (f"{format_it.number(measure.value)} su {format_it.number(total)} = {format_it.percent(value)}, "
             f"target {format_it.percent(share.percent)} ({reading})")
    read = target.model_copy(update={
        "kind": TargetKind.COMPARISON, "operator": operator, "value": share.percent, "unit": "%", "per": None,
        "deadline": target.deadline if warning is ACTIVITY_SHARE_WARNING or _due_earlier(target, base) else None, "milestone": None, "read_as": "quota", "coverage": "unità" if share.units else None,
        "warnings": [*target.warnings, warning],
    })
    return read, measure.model_copy(update={"value": value, "percent": True, "total": total}), {"quota": shown}
