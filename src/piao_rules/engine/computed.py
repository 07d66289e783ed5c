"""Indicators computed from their algorithm: the office gives the components («N. pratiche evase»,
«N. pratiche ricevute»), the value is computed with the plan's formula, written out in the
explanation."""

from __future__ import annotations

import re
from decimal import Decimal

from piao_rules import format_it
from piao_rules.io.model import Indicator, Measure
from piao_rules.targets.formula import Formula, Term, find_operand, operand_key, read_formula
from piao_rules.targets.hours import component_in_operand_unit
from piao_rules.targets.model import Target, TargetKind

HUNDRED = Decimal(100)


def _side(terms: tuple[Term, ...], values: dict[str, Decimal]) -> tuple[Decimal, str]:
    total, shown = Decimal(0), []
    for index, term in enumerate(terms):
        total += term.sign * values[term.name]
        sign = ("− " if term.sign < 0 else "+ ") if index else ("− " if term.sign < 0 else "")
        shown.append(f"{sign}{term.name} ({format_it.number(values[term.name])})")
    text = " ".join(shown)
    return total, f"({text})" if len(terms) > 1 else text


def _left_over(missing: list[str], components: dict[str, Decimal], operands: list[str]) -> str | None:
    """The one measured component no operand names, when one operand only is missing and the two share a word
    («Somma giorni × importo», «Somma (giorni tra scadenza e pagamento × importo)»); None otherwise."""
    if len(missing) != 1:
        return None
    named = {operand_key(name) for name in operands}
    unused = [label for label in components if operand_key(label) not in named]
    if len(unused) != 1:
        return None
    words = {word for word in re.findall(r"[^\W\d_]{4,}", missing[0].lower()) if word != "somma"}
    return unused[0] if words & set(re.findall(r"[^\W\d_]{4,}", unused[0].lower())) else None


def _in_operand_units(indicator: Indicator, measure: Measure, values: dict[str, Decimal | None],
                      named: dict[str, str | None]) -> dict[str, tuple[Decimal | None, str]]:
    """The components written with their unit («318 giornate») converted to the unit their operand names («Ore di
    formazione erogate»), with how; (None, why) when the row does not say how many hours make a day."""
    converted = {}
    for name, label in named.items():
        noun = measure.counted_components.get(label) if label is not None else None
        if (value := values[name]) is not None and noun is not None and (read := component_in_operand_unit(
                name, value, noun, measure.note, indicator.name, indicator.formula)) is not None:
            converted[name] = read
    return converted


def computed_measure(indicator: Indicator, target: Target, measure: Measure | None) -> tuple[Measure, dict[str, str]] | None:
    """The measure with its value computed from the components, and the computation to show; None when
    the algorithm is not a formula, the measure has a value already, or the target is compound."""
    if measure is None or measure.value is not None or not measure.components or target.kind is TargetKind.COMPOUND:
        return None
    formula: Formula | None = read_formula(indicator.formula)
    if formula is None:
        return None
    values = {name: find_operand(name, measure.components) for name in formula.operands}
    named = {name: find_operand(name, {label: label for label in measure.components}) for name in formula.operands}
    missing = [name for name, value in values.items() if value is None]
    left = _left_over(missing, measure.components, formula.operands)
    if left is not None:  # «Somma giorni × importo» for «Somma (giorni tra scadenza e pagamento × importo)»
        values[missing[0]], named[missing[0]] = measure.components[left], left
        paired, missing = f" (componente «{left}» letta come «{missing[0]}»)", []
    else:
        paired = ""
    converted = _in_operand_units(indicator, measure, values, named)
    if converted and any(value is None for value, _ in converted.values()):
        why = "; ".join(how for value, how in converted.values() if value is None)
        return measure.model_copy(update={"components": {}}), {"calcolo dall'algoritmo": why}
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
    result = format_it.percent(value) if percent else format_it.number(value)
    if formula.inverted:
        shown = f"{shown} = {result} (l'algoritmo del piano è scritto al contrario: letto come fatti su da fare)"
    else:
        shown = f"{shown} = {result}"
    if converted:
        shown += f" (conversione: {'; '.join(how for _, how in converted.values())})"
    return measure.model_copy(update={"value": value, "percent": percent}), {"calcolo dall'algoritmo": shown}
