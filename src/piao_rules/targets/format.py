"""Write a :class:`Target` back as canonical Italian text, or describe it in words.

:func:`format_target` gives the canonical form («≥ 70%», «≤ 2 gg», «entro il
30/06/2023», «SI», «≥ 10 iniziative; ≥ 500 soggetti», «> media triennio
precedente», «4 report/anno»); reading it again with
:func:`piao_rules.targets.parser.parse_target` gives the same reading.
:func:`describe_target` is the short sentence printed by ``piao-rules target``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal

from piao_rules.targets.markup import clean
from piao_rules.targets.model import Component, Operator, Reference, Target, TargetKind

_SYMBOL_UNITS = {"%", "‰"}
_WORDS = {
    Operator.GE: "almeno",
    Operator.GT: "più di",
    Operator.LE: "al massimo",
    Operator.LT: "meno di",
    Operator.EQ: "pari a",
}
def format_number(value: Decimal) -> str:
    """Italian spelling of a number, without rounding: 10000 → «10.000», 85.5 → «85,5»."""
    if isinstance(value, Decimal):
        return _spelled(str(value))  # the text keeps every digit and the exponent: an exact key
    return format_decimal(value, locale="it_IT", decimal_quantization=False)


@lru_cache(maxsize=16384)
def _spelled(text: str) -> str:
    return format_decimal(Decimal(text), locale="it_IT", decimal_quantization=False)


def format_date(when: date) -> str:
    return when.strftime("%d/%m/%Y")


def _amount(value: Decimal, unit: str | None, per: str | None = None) -> str:
    number = format_number(value)
    if unit == "€":
        text = f"€ {number}"
    elif unit in _SYMBOL_UNITS:
        text = f"{number}{unit}"
    elif unit:
        text = f"{number} {unit}"
    else:
        text = number
    return f"{text}/{per}" if per else text


def _quantity(operator: Operator | None, value: Decimal, unit: str | None, per: str | None = None) -> str:
    amount = _amount(value, unit, per)
    return amount if operator in (None, Operator.EQ) else f"{operator.symbol} {amount}"


def _counted(operator: Operator | None, value: Decimal, per: str | None) -> str:
    """«n. 500»: the count marker that lets words come before the number («Consegna n. 2»)."""
    amount = f"n. {format_number(value)}" + (f"/{per}" if per else "")
    return amount if operator in (None, Operator.EQ) else f"{operator.symbol} {amount}"


def _with_qualifier(core: str, qualifier: str | None) -> str:
    if not qualifier:
        return core
    if "…" in qualifier:
        return qualifier.replace("…", core, 1)
    return f"{core} {qualifier}"


def _component(component: Component, per: str | None) -> str:
    operator = component.operator.symbol
    text = f"{operator} {_amount(component.value, component.unit, per)}"
    if component.label != component.unit and not component.label.startswith("componente "):
        text += f" ({component.label})"
    return text


def _to_article(reference: str) -> str:
    """«rispetto alla media», «al valore», «all'anno precedente», «allo scorso anno»."""
    word = reference.split()[0].lower() if reference.split() else ""
    if word[:1] in "aeiouàèéìòù":
        return f"all'{reference}"
    if word[:1] == "z" or word[:2] in ("gn", "ps", "pn") or (word[:1] == "s" and word[1:2] not in "aeiouàèéìòù"):
        return f"allo {reference}"
    if word.endswith("a"):
        return f"alla {reference}"
    return f"al {reference}"


def _relative(operator: Operator, reference: Reference) -> str:
    if reference.delta is None:
        return f"{operator.symbol} {reference.text}"
    delta = format_number(reference.delta) + ("%" if reference.delta_unit == "%" else " punti")
    return f"{operator.symbol} {delta} rispetto {_to_article(reference.text)}"


def _deadline_suffix(target: Target) -> str:
    return f" entro il {format_date(target.deadline)}" if target.deadline else ""


def format_target(target: Target) -> str:
    """Canonical Italian text of a target; ``parse_target`` reads it back to the same reading."""
    kind = target.kind
    if kind is TargetKind.COMPARISON and target.value is not None:
        core = _quantity(target.operator, target.value, target.unit, target.per)
        if target.unit == "N." and target.qualifier and "…" in target.qualifier:
            core = _counted(target.operator, target.value, target.per)
        return _with_qualifier(core, target.qualifier) + _deadline_suffix(target)
    if kind is TargetKind.COMPOUND and target.components:
        core = "; ".join(_component(c, target.per) for c in target.components)
        return _with_qualifier(core, target.qualifier) + _deadline_suffix(target)
    if kind is TargetKind.DEADLINE and target.deadline is not None:
        when = f"entro il {format_date(target.deadline)}"
        return f"{target.milestone} {when}" if target.milestone else when
    if kind is TargetKind.BOOLEAN and target.boolean is not None:
        word = "SI" if target.boolean else "NO"
        return f"{word}: {target.milestone}" if target.milestone else word
    if kind is TargetKind.RELATIVE and target.reference is not None and target.operator is not None:
        return _relative(target.operator, target.reference)
    if kind is TargetKind.MILESTONE and target.milestone:
        return target.milestone
    return clean(target.text)


def _phrase(operator: Operator | None, value: Decimal, unit: str | None, per: str | None = None) -> str:
    text = f"{_WORDS[operator or Operator.EQ]} {format_number(value)}"
    if unit:
        text += f" ({unit})"
    if per:
        text += f" all'{per}" if per[:1] in "aeiou" else f" al {per}"
    return text


def describe_target(target: Target) -> str:
    """One Italian line saying how the target was read: «Confronto: almeno 70 (%)»."""
    kind = target.kind
    name = kind.traits.label
    if kind is TargetKind.COMPARISON and target.value is not None:
        text = _phrase(target.operator, target.value, target.unit, target.per)
        if target.qualifier:
            text += f"; precisazione: «{target.qualifier}»"
    elif kind is TargetKind.COMPOUND:
        parts = ((c.label, _phrase(c.operator, c.value, c.unit), c.unit) for c in target.components)
        text = "; ".join(phrase if label == unit else f"{label}: {phrase}" for label, phrase, unit in parts)
    elif kind is TargetKind.DEADLINE and target.deadline is not None:
        text = f"entro il {format_date(target.deadline)}"
        if target.milestone:
            text = f"«{target.milestone}» {text}"
    elif kind is TargetKind.BOOLEAN:
        text = "SI" if target.boolean else "NO"
        if target.milestone:
            text += f" («{target.milestone}»)"
    elif kind is TargetKind.RELATIVE and target.reference is not None:
        reference = target.reference
        text = f"{_WORDS[target.operator or Operator.GE]} «{reference.text}»"
        if reference.delta is not None:
            sign = "+" if reference.delta >= 0 else ""
            unit = "%" if reference.delta_unit == "%" else " punti"
            text += f" {sign}{format_number(reference.delta)}{unit}"
        text += f" (base: {reference.basis.value}" + (f", anno {reference.year})" if reference.year else ")")
    elif kind is TargetKind.MILESTONE:
        text = f"«{target.milestone}» (serve lo stato di avanzamento)"
    else:
        text = f"«{clean(target.text)}» (serve un giudizio)"
    if target.deadline is not None and kind in (TargetKind.COMPARISON, TargetKind.COMPOUND):
        text += f", entro il {format_date(target.deadline)}"
    return f"{name}: {text}"
