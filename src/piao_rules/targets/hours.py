"""A measure in hours for a target in days, or the reverse, when the row says how many hours make a day: «48 ore
lavorative» for «<= 5 giorni lavorativi» with «giornata di 8 ore» in the note is 6 giorni. Without the conversion
written in the row nothing is converted (the measure stays of another unit: da valutare). A component written in a
multiple of the unit that names its operand («38,5 MWh» for «kWh prodotti») is converted with the prefix, which needs
no conversion written in the row."""

from __future__ import annotations

import re
from decimal import Decimal

from piao_rules import format_it, values
from piao_rules.io.model import Measure
from piao_rules.targets import units
from piao_rules.targets.formula import Formula, left_over, operand_key
from piao_rules.targets.model import Target, TargetKind

# «giornata di 8 ore», «giornate da 7 ore», «1 giornata = 6 ore», «una giornata formativa pari a 6 ore», «giorno
# lavorativo di 7,2 ore», «8 ore = 1 giornata», «6 ore per giornata», «le giornate sono state di 6 ore ciascuna»,
# «40 giornate, ciascuna di 6 ore»; not «7 ore e 12 minuti».
_DAY = r"(?:giornat[ae]|giorn[oi])(?:\s+(?:lavorativ[aeio]|formativ[aeio]|di\s+lavoro|di\s+formazione|d'aula|uomo))?"
_HOURS = r"(?P<{}>\d{{1,2}}(?:,\d{{1,2}})?)\s+ore(?!\s+e\s+\d)"
_PER_DAY = re.compile(
    rf"(?<!\w)(?:(?:1|una|un)\s+)?{_DAY}(?:\s*,)?\s+(?:(?:è\s+|sono\s+(?:stat[ei]\s+)?|ciascun[ao]\s+|ognun[ao]\s+)?(?:di|da|pari\s+a|=|corrisponde\s+a|equivale\s+a)\s+){_HOURS.format('hours')}"
    rf"|{_HOURS.format('back')}\s*(?:=\s*(?:1|una|un)\s+|per\s+|a\s+){_DAY}(?!\w)",
    re.IGNORECASE)


# A unit with its decimal prefix: «kWh», «MWh», «GWh», «Wh», «kW» (not «mWh»: a milli is not what offices mean).
_PREFIXED = re.compile(r"(?P<prefix>[kKMG]?)(?P<unit>Wh|W)")
_PREFIXES = {"": Decimal(1), "k": Decimal(1000), "K": Decimal(1000), "M": Decimal(10) ** 6, "G": Decimal(10) ** 9}


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}".replace(".", ",")


def is_hours(noun: str | None) -> bool:
    """Whether a unit or noun counts hours («ore», «ore di formazione»)."""
    return noun is not None and noun.split()[0].lower() in ("ore", "ora")


def _is_days(noun: str | None) -> bool:
    return noun is not None and (units.canonical(noun) == "gg" or noun.split()[0].lower() in
                                 ("giornate", "giornata", "giorni", "giorno", "gg"))


def hours_per_day(*texts: str | None) -> tuple[Decimal, str] | None:
    """How many hours make a day, and the words that say it, when the texts say it once (or always the same)."""
    found = [(values.parse_number(m.group("hours") or m.group("back")), " ".join(m.group(0).split()))
             for text in texts if text for m in _PER_DAY.finditer(text)]
    if not found or len({hours for hours, _ in found}) != 1 or found[0][0] <= 0:
        return None
    return found[0]


def in_target_unit(target: Target, measure: Measure | None, *texts: str | None) -> tuple[Measure, str] | None:
    """The measure converted to the target's unit (hours ↔ days) with how, when the row says how many hours make a
    day; None otherwise."""
    if (measure is None or target.kind is not TargetKind.COMPARISON or measure.counted is None or target.unit is None
            or not isinstance(measure.value, Decimal) or isinstance(measure.value, bool)):
        return None
    to_days = is_hours(measure.counted) and _is_days(target.unit)
    if not to_days and not (_is_days(measure.counted) and is_hours(target.unit)):
        return _months_and_days(target, measure, measure.value, measure.counted, *texts)
    per_day = hours_per_day(measure.note, *texts)
    if per_day is None:
        return None
    hours, words = per_day
    value = measure.value / hours if to_days else measure.value * hours
    value = value.quantize(Decimal("0.01"))
    unit = "giorni" if target.unit == "gg" else target.unit
    how = (f"{_plain(measure.value)} {measure.counted} {'÷' if to_days else '×'} "
           f"{_plain(hours)} ore per giornata = {_plain(value)} {unit} (letto nella nota: «{words}»)")
    return measure.model_copy(update={"value": value, "counted": unit}), how


def _months_and_days(target: Target, measure: Measure, number: Decimal, counted: str, *texts: str | None
                     ) -> tuple[Measure, str] | None:
    """«2,3 mesi» for «≤ 60 giorni» (or days for a target in months) when the row says how many days make a month:
    ``number`` and ``counted`` are the measure's value and what it counts."""
    to_days = units.canonical(counted) == "mesi" and _is_days(target.unit)
    if not to_days and not (_is_days(counted) and target.unit == "mesi"):
        return None
    per_month = days_per_month(measure.note, *texts)
    if per_month is None:
        return None
    days, words = per_month
    value = (number * days if to_days else number / days).quantize(Decimal("0.01"))
    unit = "giorni" if to_days else "mesi"
    how = (f"{_plain(number)} {counted} {'×' if to_days else '÷'} {_plain(days)} giorni per mese = "
           f"{_plain(value)} {unit} (letto nella nota: «{words}»)")
    return measure.model_copy(update={"value": value, "counted": "gg" if to_days and target.unit == "gg" else unit}), how


def component_in_operand_unit(operand: str, number: Decimal, noun: str, *texts: str | None
                              ) -> tuple[Decimal | None, str] | None:
    """A component written with its unit («318 giornate») for an operand named in the other one («Ore di formazione
    erogate»): the number converted and how, or None and why not when the row does not say how many hours make a
    day; None when there is nothing to convert. A multiple of the operand's unit («38,5 MWh» for «kWh prodotti») is
    converted with the prefix."""
    first = operand.split()[0] if operand.split() else None
    if first is not None and (prefixed := _multiple(number, noun, first)) is not None:
        return prefixed
    to_hours = _is_days(noun) and is_hours(first)
    if not to_hours and not (is_hours(noun) and _is_days(first)):
        return None
    per_day = hours_per_day(*texts)
    if per_day is None:
        return None, (f"«{_plain(number)} {noun}» per «{operand}»: la riga non dice quante ore fa una giornata, e la "
                      "componente non si converte")
    hours, words = per_day
    value = (number * hours if to_hours else number / hours).quantize(Decimal("0.01"))
    unit = "ore" if to_hours else "giornate"
    return value, (f"{_plain(number)} {noun} {'×' if to_hours else '÷'} {_plain(hours)} ore per giornata = "
                   f"{_plain(value)} {unit} (letto nella nota: «{words}»)")


def _multiple(number: Decimal, noun: str, unit: str) -> tuple[Decimal, str] | None:
    """«38,5 MWh» in «kWh»: 38500 and how; None unless both are the same unit with different decimal prefixes."""
    written, wanted = _PREFIXED.fullmatch(noun.strip()), _PREFIXED.fullmatch(unit)
    if written is None or wanted is None or written.group("unit") != wanted.group("unit") or noun.strip() == unit:
        return None
    factor = _PREFIXES[written.group("prefix")] / _PREFIXES[wanted.group("prefix")]
    value = number * factor
    return value, (f"{_plain(number)} {noun.strip()} × {_plain(factor)} = {_plain(value)} {unit} "
                   f"(1 {noun.strip()} = {_plain(factor)} {unit})")


def component_conversions(formula: Formula, measure: Measure, *texts: str | None) -> dict[str, tuple[Decimal | None, str]]:
    """The components written with their unit («318 giornate») for an operand named in the other one, by operand: the
    number converted and how, or None and why not."""
    if not measure.counted_components:
        return {}
    named = {name: next((label for label in measure.components if operand_key(label) == operand_key(name)), None)
             for name in formula.operands}
    missing = [name for name, label in named.items() if label is None]
    if (left := left_over(missing, measure.components, formula.operands)) is not None:
        named[missing[0]] = left
    converted = {}
    for name, label in named.items():
        noun = measure.counted_components.get(label) if label is not None else None
        if label is not None and noun is not None and (read := component_in_operand_unit(
                name, measure.components[label], noun, *texts)) is not None:
            converted[name] = read
    return converted


_HOURS_WORD = re.compile(r"(?<!\w)ore(?!\w)", re.IGNORECASE)


def hours_over_days(formula: Formula, target: Target) -> bool:
    """Whether an average computed in hours («Somma delle ore di lavorazione / N. certificati») is compared with a target
    in days («<= 2 gg»): the value is then in hours, converted only if the row says how many hours make a day."""
    return (formula.denominator is not None and target.kind is TargetKind.COMPARISON and _is_days(target.unit)
            and all(_HOURS_WORD.search(term.name) for term in formula.numerator)
            and not any(_HOURS_WORD.search(term.name) for term in formula.denominator))


# «il mese è convenzionalmente di 30 giorni», «mese di 30 giorni», «1 mese = 30 giorni», «mesi da 30 giorni».
_PER_MONTH = re.compile(
    r"(?<!\w)(?:(?:1|un|il)\s+)?mes[ei](?:\s+(?:è|sono|vale|valgono|conta|contano))?(?:\s+convenzionalmente)?"
    r"\s+(?:di|da|=|pari\s+a)\s+(?P<days>\d{2})\s+giorni", re.IGNORECASE)
_DAYS_WORD = re.compile(r"(?<!\w)(?:giorni|gg)(?!\w)", re.IGNORECASE)


def days_per_month(*texts: str | None) -> tuple[Decimal, str] | None:
    """How many days make a month, and the words that say it, when the texts say it once (or always the same)."""
    found = [(Decimal(m.group("days")), " ".join(m.group(0).split()))
             for text in texts if text for m in _PER_MONTH.finditer(text)]
    if not found or len({days for days, _ in found}) != 1:
        return None
    return found[0]


def in_months(formula: Formula, target: Target, value: Decimal, *texts: str | None
              ) -> tuple[Decimal | None, str] | None:
    """A value computed in days («Somma dei giorni di durata / N. procedure») for a target in months («≤ 3 mesi»),
    converted with the days of a month the row writes, and how; None and why not when the row does not write them
    (nothing is assumed: days are not compared with months); None when there is nothing to convert."""
    if target.kind is not TargetKind.COMPARISON or target.unit != "mesi" or formula.times_hundred:
        return None
    if not any(_DAYS_WORD.search(term.name) for term in formula.numerator):
        return None
    per_month = days_per_month(*texts)
    if per_month is None:
        return None, "il valore dell'algoritmo è in giorni, il target in mesi, e la riga non dice quanti giorni fa un mese"
    days, words = per_month
    months = (value / days).quantize(Decimal("0.01"))
    return months, (f"{_plain(value.quantize(Decimal('0.01')))} giorni ÷ {_plain(days)} giorni per mese = "
                    f"{_plain(months)} mesi (letto nella nota: «{words}»)")


# A number with its scale in a text: «2,31 milioni», «1,2 mln di euro», «450 migliaia di €».
_SCALED_IN_TEXT = re.compile(r"(?<![\d.,])(?P<number>\d[\d.]*(?:,\d+)?)\s+(?P<scale>milioni|mln|migliaia|miliardi|mld)\b",
                             re.IGNORECASE)
_SCALE_FACTORS = {"milioni": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "migliaia": Decimal(1000),
                  "miliardi": Decimal(10) ** 9, "mld": Decimal(10) ** 9}


def noted_scale(number: Decimal, *texts: str | None) -> tuple[Decimal, str] | None:
    """A bare component that the note writes with its scale («2,31» and «2,31 milioni = € 2.310.000»): the amount
    and how; None when no text writes that number with a scale, or writes it with different scales."""
    found = set()
    for text in texts:
        for match in _SCALED_IN_TEXT.finditer(text or ""):
            try:
                written = values.parse_number(match.group("number"))
            except ValueError:
                continue
            if written == number:
                found.add((_SCALE_FACTORS[match.group("scale").lower()], " ".join(match.group(0).split())))
    if len({factor for factor, _ in found}) != 1:
        return None
    factor, words = sorted(found)[0]
    amount = number * factor
    return amount, (f"{format_it.number(number)} × {format_it.number(factor)} = {format_it.number(amount)} "
                    f"(letto nella nota: «{words}»)")


def scaled_in_note(values: dict[str, Decimal | None], converted: dict[str, tuple[Decimal | None, str]],
                   note: str | None) -> dict[str, tuple[Decimal, str]]:
    """The bare components (by operand) the note writes with their scale («2,31» with «2,31 milioni = € 2.310.000»),
    when another component is written in units (€ 2.450.000): the amount and how."""
    scaled = {}
    for name, value in values.items():
        if not value or name in converted or (read := noted_scale(value, note)) is None:
            continue
        factor = read[0] / value
        if any(other is not None and abs(other) >= factor for key, other in values.items() if key != name):
            scaled[name] = read
    return scaled
