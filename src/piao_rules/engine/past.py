"""An indicator's previous years: actuals and targets, trend, repeated misses, unambitious targets.

The history of each indicator arrives from outside the engine (``piao_rules.history`` reads the
archived years) as :class:`PastYear` records keyed by the current code; here they are combined
with the plan's baseline and this year's target and measure into an :class:`IndicatorHistory`
and into the facts the rules test (``storico``, ``anni_mancati``, ``target_sotto_ultimo_valore``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from piao_rules import format_it, values
from piao_rules.io.model import Accrual, Baseline, Measure
from piao_rules.number import Number
from piao_rules.targets.model import Operator, Target, TargetKind

MISSED = "non_raggiunto"
TRENDS = ("in_miglioramento", "stabile", "in_peggioramento")


class PastYear(BaseModel):
    """What an indicator was given and reached in an earlier year (its archived evaluation)."""

    year: int
    as_of: date = Field(description="Date of the archived evaluation (31/12 for a year-end result)")
    final: bool = Field(description="True when the archived evaluation is a year-end one")
    code: str = Field(description="The indicator's code in that year (it may differ from today's)")
    target_text: str | None = None
    value: Number | None = Field(None, description="The measured number, when the measure was a number")
    percent: bool = False
    shown: str = Field(description="The measure as shown («85%», «SI», «n.d.»)")
    status: str = Field(description="Status of that year: raggiunto, non_raggiunto…")
    achievement: Number | None = None


class Point(BaseModel):
    """One value of the trend line."""

    year: int
    value: Number
    percent: bool = False
    source: str = Field(description="baseline, storico or anno_corrente")


class IndicatorHistory(BaseModel):
    """Previous years of one indicator, as shown in ``valuta``, narratives and annex."""

    years: list[PastYear] = Field(default_factory=list, description="Earlier years, oldest first")
    baseline: Point | None = Field(None, description="The plan's baseline, when it is a number")
    trend: str | None = Field(None, description="in_miglioramento, stabile or in_peggioramento: the last two comparable values")
    points: list[Point] = Field(default_factory=list, description="The values the trend is read from, oldest first")
    missed_years: list[int] = Field(default_factory=list, description="Earlier years ended with the target not reached")
    last_value: Point | None = Field(None, description="The latest value before this year (history or baseline)")
    unambitious: bool = Field(False, description="This year's target is below (or, for ≤ targets, above) the last value")

    @property
    def trend_label(self) -> str:
        return (self.trend or "").replace("_", " ")


def _number(text: str) -> tuple[Decimal, bool] | None:
    try:
        return values.parse_number(text.replace("%", "").strip()), "%" in text
    except ValueError:
        return None


def _baseline(baseline: Baseline | None) -> tuple[Point, bool] | None:
    if baseline is None or baseline.year is None:
        return None
    read = _number(baseline.value)
    if read is None:
        return None
    return Point(year=baseline.year, value=read[0], percent=read[1], source="baseline"), read[1]


def _current(measure: Measure | None) -> Decimal | None:
    if measure is None or isinstance(measure.value, bool) or not isinstance(measure.value, Decimal):
        return None
    return measure.value


def _same_unit(target: Target, percent: bool) -> bool:
    return (target.unit == "%") == percent


def build(
    past: list[PastYear], baseline: Baseline | None, target: Target, measure: Measure | None,
    accrual: Accrual | None, year: int, final: bool,
) -> IndicatorHistory | None:
    """The history of one indicator this ``year``; ``None`` when there is neither history nor a numeric baseline."""
    earlier = sorted((p for p in past if p.year < year), key=lambda p: p.year)
    base = _baseline(baseline)
    if not earlier and base is None:
        return None
    lower = target.lower_is_better
    points: list[tuple[Point, bool]] = []
    if base is not None and all(p.year != base[0].year for p in earlier):
        points.append(base)
    points += [(Point(year=p.year, value=p.value, percent=p.percent, source="storico"), p.percent)
               for p in earlier if p.final and p.value is not None]
    points.sort(key=lambda pair: pair[0].year)
    last = points[-1] if points else None
    value = _current(measure)
    line = [p for p, _ in points]
    if measure is not None and value is not None and (final or accrual is Accrual.POINT):
        line.append(Point(year=year, value=value, percent=bool(measure.percent) or target.unit == "%", source="anno_corrente"))
    trend = None
    if len(line) >= 2:
        before, after = line[-2].value, line[-1].value
        better = after < before if lower else after > before
        trend = "stabile" if after == before else ("in_miglioramento" if better else "in_peggioramento")
    unambitious = False
    if (last is not None and target.kind is TargetKind.COMPARISON and target.value is not None
            and target.operator is not None and target.operator is not Operator.EQ and _same_unit(target, last[1])):
        unambitious = target.value > last[0].value if lower else target.value < last[0].value
    return IndicatorHistory(
        years=earlier, baseline=base[0] if base else None, trend=trend, points=line,
        missed_years=[p.year for p in earlier if p.final and p.status == MISSED],
        last_value=last[0] if last else None, unambitious=unambitious,
    )


def facts(history: IndicatorHistory | None) -> dict[str, object]:
    """The rule facts of a history (none when the indicator has no history)."""
    if history is None:
        return {"storico": False}
    found: dict[str, object] = {"storico": bool(history.years), "anni_mancati": len(history.missed_years)}
    if history.last_value is not None:
        found["target_sotto_ultimo_valore"] = history.unambitious
    if history.trend is not None:
        found["tendenza"] = history.trend
    return found


def show_point(point: Point) -> str:
    return format_it.percent(point.value) if point.percent else format_it.number(point.value)


def reason_values(history: IndicatorHistory | None) -> dict[str, str]:
    """The placeholders {anni_mancati} and {ultimo_valore} of the flags' reasons."""
    shown = {"anni_mancati": "n.d.", "ultimo_valore": "n.d."}
    if history is None:
        return shown
    if history.missed_years:
        shown["anni_mancati"] = ", ".join(str(y) for y in history.missed_years)
    if history.last_value is not None:
        shown["ultimo_valore"] = f"{show_point(history.last_value)} nel {history.last_value.year}"
    return shown
