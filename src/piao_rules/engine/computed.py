"""Indicators computed from their algorithm: the office gives the components («N. pratiche evase»,
«N. pratiche ricevute»), the value is computed with the plan's formula, written out in the
explanation."""

from __future__ import annotations

from decimal import Decimal

from piao_rules import format_it
from piao_rules.errors import Problem
from piao_rules.io.checks import Subject
from piao_rules.io.model import Indicator, Measure
from piao_rules.targets.checks import measured_targets
from piao_rules.targets.formula import (
    Formula,
    Term,
    by_tail,
    by_words,
    by_year,
    find_operand,
    left_over,
    read_formula,
    total_of_parts,
)
from piao_rules.targets.hours import component_conversions, hours_over_days, in_months, scaled_in_note
from piao_rules.targets.model import Operator, Target, TargetKind

HUNDRED = Decimal(100)


def _side(terms: tuple[Term, ...], values: dict[str, Decimal]) -> tuple[Decimal, str]:
    total, shown = Decimal(0), []
    for index, term in enumerate(terms):
        total += term.sign * values[term.name]
        sign = ("− " if term.sign < 0 else "+ ") if index else ("− " if term.sign < 0 else "")
        shown.append(f"{sign}{term.name} ({format_it.number(values[term.name])})")
    text = " ".join(shown)
    return total, f"({text})" if len(terms) > 1 else text


def computed_measure(indicator: Indicator, target: Target, measure: Measure | None,
                     year: int | None = None) -> tuple[Measure, dict[str, str]] | None:
    """The measure with its value computed from the components, and the computation to show; None when
    the algorithm is not a formula or the target is compound; ``year``, the plan's, pairs «Utenti 2022» with «Utenti
    anno N-1». A value written beside all the components is kept
    when the algorithm gives it (to its written decimals), replaced by the algorithm's otherwise (:func:`_against_written`)."""
    if measure is None or not measure.components or target.kind is TargetKind.COMPOUND:
        return None
    if measure.value is not None:
        return _against_written(indicator, target, measure, year)
    formula: Formula | None = read_formula(indicator.formula)
    if formula is None:
        return None
    values = {name: find_operand(name, measure.components) for name in formula.operands}
    missing = [name for name, value in values.items() if value is None]
    if (parts := total_of_parts(formula, missing, measure.components)) is not None:  # «Totale risposte» = 312 + 96
        paired, values[missing[0]], missing = f" («{missing[0]}» letto come somma delle componenti: {parts[1]})", parts[0], []
    left = left_over(missing, measure.components, formula.operands)
    tails = (by_tail(missing, measure.components, formula.operands) or by_words(missing, measure.components, formula.operands)
             or by_year(missing, measure.components, year))
    if left is not None:  # «Somma giorni × importo» for «Somma (giorni tra scadenza e pagamento × importo)»
        values[missing[0]] = measure.components[left]
        paired, missing = f" (componente «{left}» letta come «{missing[0]}»)", []
    elif tails:  # «CCIAA», «media nazionale» for «% evase entro 5 gg CCIAA», «% evase entro 5 gg media nazionale»
        values |= {name: measure.components[label] for name, label in tails.items()}
        paired = " (" + ", ".join(f"componente «{label}» letta come «{name}»" for name, label in tails.items()) + ")"
        missing = []
    elif parts is None:
        paired = ""
    converted = component_conversions(formula, measure, measure.note, indicator.name, indicator.formula)
    if converted and any(value is None for value, _ in converted.values()):
        why = "; ".join(how for value, how in converted.values() if value is None)
        return measure.model_copy(update={"components": {}}), {"calcolo dall'algoritmo": why}
    values |= {name: value for name, (value, _) in converted.items()}
    converted |= scaled_in_note(values, converted, measure.note)
    values |= {name: value for name, (value, _) in converted.items()}
    if missing:  # the value cannot be computed yet: the measure is missing, not of the wrong kind
        return measure.model_copy(update={"components": {}}), {"calcolo dall'algoritmo": f"mancano le componenti {', '.join(f'«{m}»' for m in missing)}"}
    found = {name: value for name, value in values.items() if value is not None}
    numerator, top = _side(formula.numerator, found)
    percent = formula.times_hundred or (formula.denominator is not None and target.unit == "%")
    if formula.denominator is None:
        value, shown = numerator, top
    else:
        denominator, bottom = _side(formula.denominator, found)
        if denominator == 0:
            return measure, {"calcolo dall'algoritmo": f"{top} / {bottom}: il denominatore è zero"}
        value, shown = numerator / denominator, f"{top} / {bottom}"
    shown += paired
    if percent:
        value, shown = value * HUNDRED, f"{shown} × 100"
    elif formula.per_thousand:
        value, shown = value * 1000, f"{shown} × 1000"
    result = format_it.percent(value) if percent else format_it.number(value)
    if formula.inverted:
        shown = f"{shown} = {result} (l'algoritmo del piano è scritto al contrario: letto come fatti su da fare)"
    else:
        shown = f"{shown} = {result}"
    if converted:
        shown += f" (conversione: {'; '.join(how for _, how in converted.values())})"
    counted = "ore" if hours_over_days(formula, target) and not percent else measure.counted
    if not percent and (months := in_months(formula, target, value, measure.note, indicator.name)) is not None:
        shown += f"; {months[1]}"
        value, counted = (months[0], counted) if months[0] is not None else (value, "giorni")  # days: not comparable
    return (measure.model_copy(update={"value": value, "percent": percent, "counted": counted}),
            {"calcolo dall'algoritmo": shown})



def _against_written(indicator: Indicator, target: Target, measure: Measure,
                     year: int | None = None) -> tuple[Measure, dict[str, str]] | None:
    """A value written beside the components that the plan's algorithm does not give («14,3%» with 4.812 / 29.400 ×
    100 = 16,37%, the office having left out some cases): the algorithm's value, the written one kept in
    ``valore_scritto``; None when they agree, when a component is missing or when the value is not a number."""
    written = measure.value
    if not isinstance(written, Decimal) or isinstance(written, bool):
        return None
    computed = computed_measure(indicator, target, measure.model_copy(update={"value": None}), year)
    if computed is None or not isinstance(computed[0].value, Decimal) or computed[0].percent != measure.percent:
        return None
    value, shown = computed[0].value, computed[1]["calcolo dall'algoritmo"]
    exponent = written.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    cell = f"{format_it.number(written)}{'%' if measure.percent else ''}"
    if abs(value - written) <= step / 2:
        if _meets(target, written) == _meets(target, value):
            return None
        return computed[0].model_copy(update={"written": measure.written or cell}), {
            "calcolo dall'algoritmo": f"{shown}; il valore scritto ({cell}) è il calcolo arrotondato, che passa dall'altra "
                                      "parte del target: vale il calcolo"}
    return computed[0].model_copy(update={"written": measure.written or cell}), {
        "calcolo dall'algoritmo": f"{shown}; il valore scritto ({cell}) non è quello dell'algoritmo: vale il calcolo"}


def _meets(target: Target, value: Decimal) -> bool | None:
    """Whether ``value`` meets a comparison target (None for other targets): a rounded value must not cross it
    («80%» written for 1.134 / 1.420 × 100 = 79,86% on «≥ 80%»)."""
    if target.kind is not TargetKind.COMPARISON or target.value is None:
        return None
    if target.operator in (Operator.GT, Operator.LT):
        return value > target.value if target.operator is Operator.GT else value < target.value
    return value <= target.value if target.lower_is_better else value >= target.value


def written_checks(subject: Subject) -> list[Problem]:
    """A check for ``piao-rules verifica``: every value written beside components that the algorithm does not give."""
    problems = []
    for index, measure, indicator, target in measured_targets(subject):
        if measure.value is None or not measure.components:
            continue
        if (computed := _against_written(indicator, target, measure)) is not None:
            shown = computed[1]["calcolo dall'algoritmo"]
            problems.append(subject.in_measures(
                ("misure", index, "valore"), f"{measure.code}: {shown}; controllare il valore o le componenti",
                warning=True,
            ))
    return problems
