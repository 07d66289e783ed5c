"""The formulas behind the degree of achievement (the ``metodo`` of rules/punteggio.yaml).

Every formula returns a :class:`Score`: the degree (0–100, ``None`` when the
measure does not allow one yet), the raw ratio, and the computation written out
with its numbers so that a person can check it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from piao_rules import format_it
from piao_rules.engine.result import ComponentResult, trusted
from piao_rules.io.model import Judgement, Measure
from piao_rules.targets.fit import names_component, paired_component
from piao_rules.targets.model import Component, Operator, Target

HUNDRED = Decimal(100)
ZERO = Decimal(0)
# With a strict operator (> or <) a value equal to the target does not reach it.
BELOW_TARGET_MAX = Decimal("99.99")


@dataclass(slots=True)
class Score:
    achievement: Decimal | None = None
    ratio: Decimal | None = None
    formula: str | None = None
    value: Decimal | None = None  # the number compared with the target
    target_value: Decimal | None = None  # the target number (computed for relative targets)
    completed: bool | None = None
    completed_on: date | None = None
    late_days: int | None = None
    components: list[ComponentResult] = field(default_factory=list)
    missing_components: bool = False
    reference_missing: bool = False


_n = format_it.number  # «1.234,5»
_p = format_it.percent  # «80,5%»


def _clip(value: Decimal) -> Decimal:
    return max(ZERO, min(HUNDRED, value))


def met(value: Decimal, operator: Operator | None, target: Decimal) -> bool:
    """Whether ``value`` satisfies the target; «=» and a bare number mean «at least»."""
    if operator is Operator.GT:
        return value > target
    if operator is Operator.LT:
        return value < target
    if operator is Operator.LE:
        return value <= target
    return value >= target


def _settle(achievement: Decimal, value: Decimal, operator: Operator | None, target: Decimal) -> Decimal:
    achievement = _clip(achievement)
    if met(value, operator, target):
        return HUNDRED
    return min(achievement, BELOW_TARGET_MAX)


def numeric_value(measure: Measure | None) -> Decimal | None:
    if measure is None or isinstance(measure.value, (bool, date)) or measure.value is None:
        return None
    return measure.value


def completion(measure: Measure | None) -> tuple[bool, date | None]:
    """Whether the activity is done, and when (if known)."""
    if measure is None:
        return False, None
    when = measure.completed_on or (measure.value if isinstance(measure.value, date) else None)
    done = when is not None or measure.value is True or measure.progress == HUNDRED
    return done, when


def _proportion(value: Decimal, operator: Operator | None, target: Decimal) -> tuple[bool, Decimal, Decimal]:
    """Whether lower is better, the ratio and the degree of a proportional score."""
    lower = operator is not None and operator.lower_is_better
    if lower:
        ratio = HUNDRED if value <= ZERO else target / value * HUNDRED
    else:
        ratio = (HUNDRED if value >= target else ZERO) if target <= ZERO else value / target * HUNDRED
    return lower, ratio, _settle(ratio, value, operator, target)


def proportional(value: Decimal, operator: Operator | None, target: Decimal) -> Score:
    lower, ratio, achievement = _proportion(value, operator, target)
    formula = f"{_n(target)} / {_n(value)} × 100" if lower else f"{_n(value)} / {_n(target)} × 100"
    return Score(achievement, ratio, f"{formula} = {_p(ratio)} → grado {_p(achievement)}", value, target)


def binary(value: Decimal, operator: Operator | None, target: Decimal) -> Score:
    achievement = HUNDRED if met(value, operator, target) else ZERO
    ratio = value / target * HUNDRED if target else None
    verdict = "raggiunto" if achievement else "non raggiunto"
    return Score(achievement, ratio, f"{_n(value)} rispetto a {_n(target)}: target {verdict} → grado {_p(achievement)}", value, target)


def linear_threshold(value: Decimal, operator: Operator | None, target: Decimal, threshold: Decimal) -> Score:
    lower = operator is not None and operator.lower_is_better
    if (lower and threshold <= target) or (not lower and threshold >= target):
        score = proportional(value, operator, target)
        score.formula = f"soglia {_n(threshold)} dal lato sbagliato del target: {score.formula}"
        return score
    if lower:
        raw = (threshold - value) / (threshold - target) * HUNDRED
        formula = f"({_n(threshold)} − {_n(value)}) / ({_n(threshold)} − {_n(target)}) × 100"
        ratio: Decimal | None = HUNDRED if value <= ZERO else target / value * HUNDRED
    else:
        raw = (value - threshold) / (target - threshold) * HUNDRED
        formula = f"({_n(value)} − {_n(threshold)}) / ({_n(target)} − {_n(threshold)}) × 100"
        ratio = value / target * HUNDRED if target else None
    achievement = _settle(raw, value, operator, target)
    return Score(achievement, ratio, f"{formula} = {_p(raw)} → grado {_p(achievement)}", value, target)


def comparison(method: str, target: Target, threshold: Target | None, measure: Measure | None) -> Score:
    value = numeric_value(measure)
    if value is None or target.value is None:
        return Score()
    if method == "binario":
        return binary(value, target.operator, target.value)
    if method == "lineare_soglia" and threshold is not None and threshold.value is not None:
        return linear_threshold(value, target.operator, target.value, threshold.value)
    return proportional(value, target.operator, target.value)


def deadline(target: Target, threshold: Target | None, measure: Measure | None, as_of: date, params: dict[str, Any]) -> Score:
    due = target.deadline
    done, when = completion(measure)
    if due is None:
        return Score(completed=done, completed_on=when)
    if not done:
        if as_of >= due:
            return Score(ZERO, None, f"scadenza del {format_it.short_date(due)} superata senza completamento → grado 0%", completed=False)
        return Score(completed=False)
    if when is None or when <= due:
        shown = f"completato il {format_it.short_date(when)}" if when else "completato (data non indicata)"
        return Score(HUNDRED, None, f"{shown}, entro il {format_it.short_date(due)} → grado 100%", completed=True, completed_on=when, late_days=0)
    late = (when - due).days
    rule = params.get("ritardo", "tutto_o_niente")
    late_text = f"completato il {format_it.short_date(when)}, {late} giorni dopo la scadenza del {format_it.short_date(due)}"
    if rule == "penalita_giornaliera":
        penalty = Decimal(str(params.get("penalita_giornaliera", 1)))
        achievement = _clip(HUNDRED - penalty * late)
        formula = f"{late_text}: 100 − {_n(penalty)} × {late} = {_p(achievement)}"
    elif rule == "lineare_fino_a_soglia" and threshold is not None and threshold.deadline and threshold.deadline > due:
        span = (threshold.deadline - due).days
        achievement = _clip(HUNDRED * Decimal((threshold.deadline - when).days) / Decimal(span))
        formula = f"{late_text}: lineare fino alla soglia del {format_it.short_date(threshold.deadline)} → grado {_p(achievement)}"
    else:
        achievement = ZERO
        formula = f"{late_text} → grado 0%"
    return Score(achievement, None, formula, completed=True, completed_on=when, late_days=late)


def yes_no(measure: Measure | None, final: bool) -> Score:
    done, when = completion(measure)
    if done:
        return Score(HUNDRED, None, "esito SI → grado 100%", completed=True, completed_on=when)
    if measure is not None and measure.value is False and final:
        return Score(ZERO, None, "esito NO a fine anno → grado 0%", completed=False)
    if final and measure is not None and measure.progress is not None:
        return Score(ZERO, None, f"a fine anno avanzamento {_p(measure.progress)}, esito non raggiunto → grado 0%", completed=False)
    return Score(completed=False)


def milestone(measure: Measure | None) -> Score:
    done, when = completion(measure)
    if done:
        return Score(HUNDRED, None, "attività completata → grado 100%", completed=True, completed_on=when)
    if measure is not None and measure.progress is not None:
        return Score(measure.progress, None, f"avanzamento dichiarato {_p(measure.progress)} → grado {_p(measure.progress)}", completed=False)
    return Score(completed=False)


@lru_cache(maxsize=4096)
def _key(label: str) -> str:
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in text if ch.isalnum())


def _component_value(component: Component, measured: dict[str, Decimal]) -> Decimal | None:
    wanted = _key(component.label)
    for label, value in measured.items():
        key = _key(label)
        if key == wanted or (key and wanted and (key.startswith(wanted) or wanted.startswith(key))):
            return value
    named = [value for label, value in measured.items() if names_component(label, component)]
    return named[0] if len(named) == 1 else None  # «11 eventi» for «10 iniziative»


def compound(target: Target, measure: Measure | None, params: dict[str, Any]) -> Score:
    measured = measure.components if measure is not None else {}
    parts: list[ComponentResult] = []
    scores: list[Decimal] = []
    missing = False
    paired = paired_component(target, measure)  # «540 partecipanti» for «500 soggetti»: the one count left
    for component in target.components:
        value = _component_value(component, measured)
        if value is None and paired is not None and paired[1] == component.label:
            value = measured[paired[0]]
        shown_target = f"{component.operator.symbol} {_n(component.value)} {component.unit or component.label}".strip()
        if value is None:
            missing = True
            parts.append(trusted(ComponentResult, label=component.label, target=shown_target, value=None, achievement=None))
            continue
        _, _, achievement = _proportion(value, component.operator, component.value)  # the degree alone: no formula
        scores.append(achievement)
        parts.append(trusted(ComponentResult, label=component.label, target=shown_target, value=value, achievement=achievement))
    if missing or not scores:
        return Score(components=parts, missing_components=bool(measured))
    rule = params.get("composti", "minimo")
    combined = min(scores) if rule == "minimo" else sum(scores, ZERO) / len(scores)
    detail = ", ".join(f"{p.label} {_p(s)}" + (f" (contati come {paired[0]})" if paired and paired[1] == p.label else "")
                       for p, s in zip(parts, scores))
    name = "il minimo" if rule == "minimo" else "la media"
    return Score(combined, None, f"componenti: {detail}; grado = {name} → {_p(combined)}", components=parts)


def reference_target(target: Target, reference: Decimal, params: dict[str, Any]) -> tuple[Decimal, str]:
    """The number a relative target stands for, and how it was computed."""
    ref = target.reference
    if ref is None or ref.delta is None:
        return reference, f"riferimento {_n(reference)}"
    if ref.delta_unit == "punti" or params.get("scostamento_relativo") == "punti":
        number = reference + ref.delta
        return number, f"riferimento {_n(reference)} + {_n(ref.delta)} punti = {_n(number)}"
    number = reference * (HUNDRED + ref.delta) / HUNDRED
    return number, f"riferimento {_n(reference)} + {_n(ref.delta)}% = {_n(number)}"


def relative(target: Target, measure: Measure | None, plan_reference: Decimal | None, params: dict[str, Any]) -> Score:
    reference = measure.reference if measure is not None and measure.reference is not None else plan_reference
    if reference is None:
        return Score(reference_missing=True, value=numeric_value(measure))
    number, how = reference_target(target, reference, params)
    value = numeric_value(measure)
    if value is None:
        return Score(target_value=number)
    score = proportional(value, target.operator, number)
    score.formula = f"{how}; {score.formula}"
    return score


def judgement(measure: Measure | None) -> Score:
    given = measure.judgement if measure is not None else None
    if given is Judgement.REACHED:
        return Score(HUNDRED, None, "giudizio: raggiunto → grado 100%", completed=True)
    if given is Judgement.MISSED:
        return Score(ZERO, None, "giudizio: non raggiunto → grado 0%")
    return Score()


def score(
    method: str,
    target: Target,
    threshold: Target | None,
    measure: Measure | None,
    *,
    as_of: date,
    final: bool,
    plan_reference: Decimal | None,
    params: dict[str, Any],
) -> Score:
    """The degree of achievement of one indicator with the chosen formula."""
    if method in ("lineare_soglia", "proporzionale", "binario"):
        return comparison(method, target, threshold, measure)
    if method == "scadenza":
        return deadline(target, threshold, measure, as_of, params)
    if method == "si_no":
        return yes_no(measure, final)
    if method == "avanzamento":
        return milestone(measure)
    if method == "composto":
        return compound(target, measure, params)
    if method == "relativo":
        return relative(target, measure, plan_reference, params)
    if method == "giudizio":
        return judgement(measure)
    if method == "non_calcolabile":
        return Score(formula="il grado non si calcola con i dati disponibili (vedi le regole di punteggio)")
    raise ValueError(f"metodo di calcolo sconosciuto: {method}")

