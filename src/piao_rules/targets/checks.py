"""Checks that need the targets read: impossible dates, unreadable targets, soglie on the
wrong side, units, measures that do not fit their target. Run after :mod:`piao_rules.io.checks`."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from piao_rules.errors import Problem
from piao_rules.io.checks import Subject
from piao_rules.io.model import Indicator, Measure
from piao_rules.targets.average import is_average
from piao_rules.targets.counted import ONE_EACH_WARNING, counted_target, one_each
from piao_rules.targets.fit import (
    as_component,
    counted_mismatch,
    named_count,
    not_pertinent,
    noted_units,
    one_per_unit,
    paired_component,
    per_head,
    qualified_part,
    unit_mismatch,
    unmatched_components,
)
from piao_rules.targets.format import format_target
from piao_rules.targets.formula import accrues_in_year, counts_steps, find_operand, read_formula
from piao_rules.targets.hours import component_conversions, days_per_month, in_months, in_target_unit, scaled_in_note
from piao_rules.targets.model import Target, TargetKind
from piao_rules.targets.noted import noted_reference
from piao_rules.targets.parser import COVERAGE_WARNING, TargetError, parse_target, parse_threshold
from piao_rules.targets.share import read_share
from piao_rules.targets.units import ALIASES, canonical, compatible

_KNOWN_UNITS = ", ".join(ALIASES)


def _wrong_side(target: Target, threshold: Target) -> bool:
    if target.kind is TargetKind.DEADLINE and threshold.deadline and target.deadline:
        return threshold.deadline < target.deadline
    if target.value is None or threshold.value is None or target.kind is not TargetKind.COMPARISON:
        return False
    if target.lower_is_better:
        return threshold.value <= target.value
    return threshold.value >= target.value


def targets(subject: Subject) -> list[Problem]:
    """Read every target and soglia of the plan year; report what is impossible or doubtful."""
    problems = []
    year = subject.plan.year
    for indicator, loc, _ in subject.indicators():
        text = indicator.target_for(year)
        if not text:
            problems.append(subject.in_plan((*loc, "target"), f"manca il target per il {year}: indicarlo nel piano", warning=True))
            continue
        try:
            target = parse_target(text, year)
        except TargetError as error:
            problems.append(subject.in_plan((*loc, "target"), str(error)))
            continue
        for warning in target.warnings:
            if (indicator.total is not None or target.listed_units is not None) and warning.startswith(COVERAGE_WARNING):
                continue  # the plan gives the number of units to cover, or names them
            problems.append(subject.in_plan((*loc, "target"), f"target: {warning}", warning=True))
        if one_each(target, indicator, None) is not None:
            problems.append(subject.in_plan((*loc, "target"), f"target: {ONE_EACH_WARNING}", warning=True))
        if (share := read_share(text)) is not None:
            problems.append(subject.in_plan((*loc, "target"), (
                f"target letto come quota ({share.percent}% di «{share.what}»): la misura deve dare valore e totale; "
                + ("quota di unità coperte, letta come cumulativa (cresce nell'anno)" if share.units
                   else "rapporto alla data, letto come puntuale")), warning=True))
        formula = read_formula(indicator.formula)
        if formula is not None and formula.inverted:
            problems.append(subject.in_plan((*loc, "algoritmo"), (
                f"l'algoritmo è scritto al contrario (ciò che è da fare sopra, ciò che è fatto sotto): letto come "
                f"«{formula.numerator[0].name} / {formula.denominator[0].name if formula.denominator else ''}»; "
                "correggere l'algoritmo nel piano"), warning=True))
        steps = counts_steps(formula) if indicator.accrual is None else None
        if steps is not None:
            problems.append(subject.in_plan(
                (*loc, "algoritmo"),
                (f"il numeratore dell'algoritmo si accumula nell'anno («{steps}») su un totale che non cresce con esso"
                 if accrues_in_year(steps) else f"l'algoritmo rapporta il realizzato al previsto («{steps}»)")
                + ": il valore si legge come cumulativo "
                "(cresce nell'anno fino al target a fine anno); se vale alla data scrivere «andamento: puntuale»",
                warning=True,
            ))
        if indicator.accrual is None and target.spends_resources:
            problems.append(subject.in_plan(
                (*loc, "target"),
                "il target è una quota di risorse da impegnare o spendere: il valore si legge come cumulativo (cresce "
                "nell'anno fino al target a fine anno); se vale alla data scrivere «andamento: puntuale»",
                warning=True,
            ))
        if (indicator.accrual is None and indicator.computed is None and target.kind is TargetKind.COMPARISON
                and is_average(indicator.name, indicator.formula)):
            problems.append(subject.in_plan(
                (*loc, "nome"),
                "l'indicatore è una media dell'anno (al mese, media, medio): il valore si legge come puntuale e, sotto "
                "il target, si confronta con la media che serve nel resto dell'anno; se è un conteggio che cresce "
                "scrivere «andamento: cumulativo»",
                warning=True,
            ))
        if indicator.unit:
            if canonical(indicator.unit) is None:
                problems.append(subject.in_plan(
                    (*loc, "unita"),
                    f"unità «{indicator.unit}» non riconosciuta: usare una tra {_KNOWN_UNITS} oppure il nome di ciò che si conta (es. «iniziative»)",
                    warning=True,
                ))
            elif not compatible(indicator.unit, target.unit):
                problems.append(subject.in_plan(
                    (*loc, "unita"), f"unità «{indicator.unit}» diversa da quella del target «{text}»", warning=True,
                ))
        threshold_text = indicator.threshold_for(year)
        if not threshold_text:
            continue
        try:
            threshold = parse_threshold(threshold_text, target, year)
        except TargetError as error:
            problems.append(subject.in_plan((*loc, "soglia"), str(error)))
            continue
        if _wrong_side(target, threshold):
            side = "dopo la scadenza" if target.kind is TargetKind.DEADLINE else (
                "superiore al target" if target.lower_is_better else "inferiore al target")
            problems.append(subject.in_plan(
                (*loc, "soglia"),
                f"soglia «{threshold_text}» dal lato sbagliato del target «{format_target(target)}»: "
                f"la soglia è il minimo accettabile e deve essere {side}",
                warning=True,
            ))
    return problems


def _done_of_total(target: Target, indicator: Indicator, measure: Measure) -> bool:
    """An activity measured with a number and a total (41 su 44): the evaluation reads it as the share done."""
    return (target.kind in (TargetKind.MILESTONE, TargetKind.DEADLINE, TargetKind.QUALITATIVE) and target.coverage is None
            and isinstance(measure.value, Decimal) and not isinstance(measure.value, bool) and not measure.percent
            and (measure.total is not None or indicator.total is not None))


def _noted(subject: Subject, index: int, target: Target, indicator: Indicator, measure: Measure) -> list[Problem]:
    """The reference of a relative target read in the measure's note («Media 2020-2022: 176»): a warning."""
    if indicator.reference is not None or measure.reference is not None:
        return []
    when = subject.measures.taken_on(measure) if subject.measures is not None else None
    noted = noted_reference(target, measure.note, (when.year if when else subject.plan.year))
    if noted is None:
        return []
    return [subject.in_measures(
        ("misure", index, "nota"), f"riferimento del target di {measure.code} letto nella nota: «{noted.words}»; per non "
                                   "lasciarlo dedurre, scriverlo in «riferimento»", warning=True,
    )]


def measured_targets(subject: Subject) -> Iterator[tuple[int, Measure, Indicator, Target]]:
    """Each measure (with its index) whose indicator has a readable target for the plan's year, with both."""
    if subject.measures is None:
        return
    year = subject.plan.year
    by_code = {indicator.code: indicator for indicator, _, _ in subject.indicators()}
    for index, measure in enumerate(subject.measures.measures):
        indicator = by_code.get(measure.code)
        if indicator is None or not indicator.target_for(year):
            continue
        try:
            target = parse_target(indicator.target_for(year), year)
        except TargetError:
            continue
        yield index, measure, indicator, target


def measures_fit(subject: Subject) -> list[Problem]:
    """A measure whose kind or unit does not fit its indicator's target; a measure converted to the target's unit, or
    whose note gives a relative target's reference."""
    problems = []
    for index, measure, indicator, target in measured_targets(subject):
        measure = as_component(target, measure) or measure  # «8 seminari» for «≥ 8 seminari 200 imprese»
        loc = ("misure", index, "valore")
        if read_formula(indicator.formula) is None and (named := named_count(target, measure)) is not None:
            measure = named[0]  # «12 laboratori, 41 imprese» for «≥ 30 imprese»
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} ha più conteggi: {named[1]}; controllare che sia il conteggio del target",
                warning=True,
            ))
        if (part := qualified_part(target, measure, indicator.name)) is not None:
            measure = part[0]  # «3 candidature, di cui 2 approvate» for «≥ 2 progetti approvati»
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code}: {part[1]}; controllare che sia il conteggio del target", warning=True,
            ))
        if (each := one_per_unit(target, indicator.name, measure)) is not None:
            measure = each[0]  # «11 schede aggiornate» for «100% dei servizi», one «per ciascun servizio»
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code}: {each[1]}; controllare che sia così", warning=True,
            ))
        if (head := per_head(target, indicator.name, measure)) is not None:
            measure = head[0]  # «8 ore pro capite» for «>= 24 ore», name «Ore di formazione pro capite»
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code}: {head[1]}; controllare che sia così", warning=True,
            ))
        if (noted := noted_units(target, measure)) is not None:
            measure = noted[0]  # «8 incontri» with «Incontrate 7 associazioni» for «con ciascuna associazione»
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code}: {noted[1]}; controllare le unità coperte", warning=True,
            ))
        shown = format_target(target) if target.kind is not TargetKind.QUALITATIVE else target.text
        counted = counted_target(target, indicator, measure)
        problems += _noted(subject, index, target, indicator, measure)
        if (converted := in_target_unit(target, measure, indicator.name, indicator.formula)) is not None:
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} è convertita nell'unità del target: {converted[1]}; controllare la "
                     "conversione", warning=True,
            ))
        elif (expected := counted_mismatch(target, measure)) is not None:
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} conta «{measure.counted}», il target «{shown}» conta «{expected}»: "
                     "controllare che la misura sia quella del target", warning=True,
            ))
        elif missing := unmatched_components(target, measure):
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} non ha {', '.join(f'«{label}»' for label in missing)} del target «{shown}» "
                     f"(ha {', '.join(f'«{label}»' for label in measure.components)}): indicare ogni componente con il suo nome",
                warning=True,
            ))
        elif paired := paired_component(target, measure):
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} conta «{paired[0]}», che il target «{shown}» non nomina: letti come "
                     f"«{paired[1]}» (l'unico conteggio rimasto); controllare che sia così", warning=True,
            ))
        elif counted is not None:
            problems.append(subject.in_measures(
                loc, f"{measure.code}: {counted[0].warnings[-1]}; controllare che la misura conti proprio questo", warning=True,
            ))
        elif measure.value is None and measure.components and target.kind is not TargetKind.COMPOUND and read_formula(indicator.formula):
            problems.append(subject.in_measures(
                loc, f"{measure.code}: il valore sarà calcolato dalle componenti con l'algoritmo «{indicator.formula}»"
                     f"{_converted_components(indicator, target, measure)}", warning=True,
            ))
        elif not_pertinent(target, measure) and not _done_of_total(target, indicator, measure):
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} non è del tipo richiesto dal target «{shown}» (ad esempio un numero dove il target chiede una data, un SI o un avanzamento)",
                warning=True,
            ))
        elif unit_mismatch(target, measure):
            problems.append(subject.in_measures(
                loc, f"la misura di {measure.code} sembra in un'unità diversa da quella del target «{shown}» (una percentuale va scritta come 80%, non 0,8)",
                warning=True,
            ))
    return problems


def _converted_components(indicator: Indicator, target: Target, measure: Measure) -> str:
    """How the components written with their unit («318 giornate») or with their scale in the note («2,31 milioni»)
    are converted for the algorithm, and a result in days for a target in months, if they are."""
    formula = read_formula(indicator.formula)
    if formula is None:
        return ""
    converted = component_conversions(formula, measure, measure.note, indicator.name, indicator.formula)
    converted |= scaled_in_note({name: find_operand(name, measure.components) for name in formula.operands},
                                converted, measure.note)
    text = "".join(f"; conversione: {how}: controllare la conversione" if value is not None else f"; {how}"
                   for value, how in converted.values())
    if (months := in_months(formula, target, Decimal(1), measure.note, indicator.name)) is None:
        return text
    if months[0] is None:
        return f"{text}; {months[1]}: scrivere nella nota quanti giorni fa un mese (es. «mese di 30 giorni»)"
    per_month = days_per_month(measure.note, indicator.name)
    days, words = per_month if per_month is not None else (None, "")
    return (f"{text}; il risultato in giorni è diviso per {days} giorni per mese (letto nella nota: «{words}»): "
            "controllare la conversione")


CHECKS = (targets, measures_fit)
