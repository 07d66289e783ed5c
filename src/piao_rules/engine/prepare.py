"""From plan and measures to the items the rules evaluate: targets read, measures picked,
cross-checks between linked indicators, the values shown to people."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from piao_rules import format_it
from piao_rules.engine.computed import computed_measure
from piao_rules.engine.coverage import percent_base, read_coverage, share_target, total_of
from piao_rules.engine.notes import NoteReader, NoteReading
from piao_rules.engine.result import Flag, Status, Step
from piao_rules.engine.scoring import Score
from piao_rules.errors import InputError, Problem
from piao_rules.io.model import Accrual, Area, Indicator, Measure, MeasureSet, Objective, Plan
from piao_rules.targets.counted import counted_target, one_each, one_thing
from piao_rules.targets.fit import (
    as_component,
    named_count,
    named_head,
    not_pertinent,
    noted_count,
    noted_units,
    one_per_unit,
    per_head,
    qualified_part,
)
from piao_rules.targets.format import format_target
from piao_rules.targets.hours import in_target_unit
from piao_rules.targets.markup import clean
from piao_rules.targets.model import Measured, Target, TargetKind
from piao_rules.targets.parser import TargetError, parse_target, parse_threshold
from piao_rules.targets.share import read_share


@dataclass(slots=True)
class Item:
    """One indicator while it is evaluated."""

    n: int
    area: Area
    objective: Objective
    indicator: Indicator
    target_text: str | None
    original_target: str | None
    target: Target
    threshold: Target | None
    measure: Measure | None
    owner: str | None
    facts: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    accrual: Accrual | None = None
    method: str = ""
    score: Score = field(default_factory=Score)
    expected: Decimal | None = None
    pace: Decimal | None = None
    projection: Decimal | None = None
    status: Status | None = None
    flags: list[Flag] = field(default_factory=list)
    divergent_values: str | None = None
    reading: NoteReading | None = None  # what the note suggests when there is no measure
    proposed: bool = False  # the status rests on the reading of the note
    note_reading: NoteReading | None = None  # the note of a measured indicator: it may only propose a status
    note_only: bool = False  # an activity whose measure is a number it cannot be judged by: its note tells it
    adjustment: Any = None  # engine.adjust.AppliedAdjustment: a person's decision applied
    coverage_total: Decimal | None = None  # units a coverage target applies to
    inputs: dict[str, str] = field(default_factory=dict)  # readings shown in the explanation
    against_proposal: Any = None  # engine.result.ProposedEvaluation
    in_force: Target | None = None  # for a copy evaluated against a pending proposal: the target in force
    given: Measure | None = None  # the measure as given, before the readings of read_against_measure
    noted_reference: Any = None  # targets.noted.NotedReference: a relative target's reference read in the note
    code: str = field(init=False)  # the indicator's code, read very often

    def __post_init__(self) -> None:
        self.code = self.indicator.code


def unit_class(unit: str | None) -> str:
    if not unit:
        return "nessuna"
    return {"%": "percentuale", "N.": "numero", "gg": "giorni", "€": "euro"}.get(unit, "nome")


def has_measure(measure: Measure | None) -> bool:
    """A measure counts when it carries a value, a progress, a completion date, components or a judgement."""
    return measure is not None and (
        measure.value is not None or measure.progress is not None or measure.completed_on is not None
        or bool(measure.components) or measure.judgement is not None
    )


def show_value(measure: Measure | None, target: Target | None = None) -> str:
    """The measure as a person reads it: «80%», «2 sale», «8 iniziative, 264 soggetti», «SI», «avanzamento 60%»."""
    if measure is None or not has_measure(measure):
        return "n.d."
    if measure.components:
        return ", ".join(f"{format_it.number(v)} {label}" for label, v in measure.components.items())
    value = measure.value
    if value is True or value is False:
        return "SI" if value else "NO"
    if isinstance(value, date):
        return format_it.short_date(value)
    if isinstance(value, Decimal):
        unit = target.unit if target is not None else None
        if measure.percent or unit == "%":
            return format_it.percent(value)
        if unit == "€":
            return format_it.euro(value)
        if measure.counted is not None:
            return f"{format_it.number(value)} {measure.counted}"  # «2 sale», as the office wrote it
        return format_it.number(value) + (" gg" if unit == "gg" else "")
    if measure.completed_on is not None:
        return f"completato il {format_it.short_date(measure.completed_on)}"
    if measure.progress is not None:
        return f"avanzamento {format_it.percent(measure.progress)}"
    assert measure.judgement is not None  # has_measure: nothing else is left
    return f"giudizio: {measure.judgement.value.replace('_', ' ')}"


def show_target(target: Target | None) -> str:
    if target is None or not target.text:
        return "n.d."
    if target.read_as is not None:
        return clean(target.text)  # a reading against the measure is shown as written in the plan
    return format_target(target) if target.kind is not TargetKind.QUALITATIVE else target.text


def _comparable(measure: Measure | None) -> Any:
    """What must agree between linked indicators (component labels may differ: only values count)."""
    if measure is None or not has_measure(measure):
        return None
    return (measure.value, measure.progress, tuple(measure.components.values()), measure.judgement)


def mark_divergent(items: list[Item]) -> None:
    """Indicators linked with ``collegato_a`` measured differently: note the values on each of them."""
    by_code = {item.code: item for item in items}

    def root(code: str) -> str:
        item = by_code.get(code)
        if item is None or not item.indicator.linked_to:  # most indicators: no link to follow
            return code
        seen = set()
        while code in by_code and (linked := by_code[code].indicator.linked_to) and code not in seen:
            seen.add(code)
            code = linked
        return code

    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[root(item.code)].append(item)
    for group in groups.values():
        if len(group) < 2:  # an indicator alone cannot disagree with itself
            continue
        measured = [i for i in group if _comparable(i.measure) is not None]
        if len({_comparable(i.measure) for i in measured}) > 1:
            text = "; ".join(f"{show_value(i.measure, i.target)} in {i.code}" for i in measured)
            for item in group:
                item.divergent_values = text


def read_targets(
    indicator: Indicator, year: int, problems: list[Problem], thresholds: dict[tuple[str, int], Target] | None = None,
) -> tuple[str | None, str | None, Target, Target | None]:
    """The target in force (and the original one when revised), read; invalid dates become problems.

    Targets are read once per distinct text (:func:`parse_target` is cached); ``thresholds`` keeps the
    soglie read in one pass, by text and (shared) target."""
    text = indicator.target_for(year)
    original = indicator.planned_target_for(year) if indicator.revisions else None
    try:
        target = parse_target(text or "", year)
    except TargetError as error:
        problems.append(Problem(where=f"indicatore {indicator.code}/target", message=str(error)))
        target = Target(text=text or "", kind=TargetKind.QUALITATIVE, warnings=[str(error)])
    threshold = None
    threshold_text = indicator.threshold_for(year)
    if threshold_text:
        key = (threshold_text, id(target))
        threshold = thresholds.get(key) if thresholds is not None else None
        try:
            if threshold is None:
                threshold = parse_threshold(threshold_text, target, year)
                if thresholds is not None:
                    thresholds[key] = threshold
        except TargetError as error:
            problems.append(Problem(where=f"indicatore {indicator.code}/soglia", message=str(error)))
    return text, original, target, threshold


def prepare(plan: Plan, measures: MeasureSet, as_of: date, reader: NoteReader | None = None) -> list[Item]:
    """One item per indicator of the plan, in plan order; raises InputError on unreadable targets.

    With a ``reader``, notes are read for progress cues: for an indicator without a measure the reading
    proposes its status; for a measured one it may only propose one where the rules say so (a count
    behind pace whose note puts the rest in the calendar)."""
    latest = measures.at(as_of)
    problems: list[Problem] = []
    items = []
    thresholds: dict[tuple[str, int], Target] = {}  # the targets are kept alive by the items: ids stay unique
    for n, (area, objective, indicator) in enumerate(plan.indicators()):
        text, original, target, threshold = read_targets(indicator, plan.year, problems, thresholds)
        items.append(
            Item(
                n=n, area=area, objective=objective, indicator=indicator, target_text=text, original_target=original,
                target=target, threshold=threshold,
                measure=None if indicator.computed else latest.get(indicator.code),
                owner=indicator.owner or objective.owner,
            )
        )
    if problems:
        raise InputError(problems)
    mark_divergent(items)
    for item in items:
        item.given = item.measure
        read_against_measure(item, plan.year)
        if reader is not None and item.measure is not None and item.measure.note:
            # a milestone read as a count («Avvio operatività dei 3 sportelli»: 1 sportello) is not started by the start
            # of one of its units («Operativo lo sportello di Altamura»): the note is read without the activity
            activity = _activity(item) if item.target.read_as != "conteggio" else None
            reading = reader.read(item.measure.note, activity, as_of)
            if has_measure(item.measure) and not _told_by_note(item, reading):
                item.note_reading = reading
            else:
                item.reading = reading
                item.note_only = has_measure(item.measure)
    return items


def _activity(item: Item) -> str | None:
    """What the target asks done: its milestone, or the indicator's name for a bare deadline or SI («entro il
    30/06/2024», «SI»)."""
    if item.target.milestone is None and item.target.kind in (TargetKind.DEADLINE, TargetKind.BOOLEAN):
        return item.indicator.name
    return item.target.milestone


def _told_by_note(item: Item, reading: NoteReading | None) -> bool:
    """An activity (milestone, deadline) measured only by a number that does not fit it («4» for «10/15 edizioni entro
    luglio») and described by its note: the note tells how it stands, as for an activity without a measure. Not a
    coverage target («Tutti i dipendenti formati»): its number counts the units covered, and without their total it
    is judged by no one's count, the note's included."""
    measure = item.measure
    return (reading is not None and measure is not None and item.target.coverage is None
            and item.target.kind.traits.measured_by is Measured.ACTIVITY
            and measure.progress is None and measure.completed_on is None and not measure.components
            and measure.judgement is None and not_pertinent(item.target, measure))


_READ_BY_KIND = (TargetKind.MILESTONE, TargetKind.DEADLINE, TargetKind.QUALITATIVE)


def _fixed(target: Target) -> bool:
    """Whether no reading of :func:`read_against_measure` but the algorithm's can change ``target``: the
    first tests of counted_target (a milestone or deadline), one_thing and one_each (a comparison with 1),
    share_target (an activity or text, or a share in the text) and read_coverage (a coverage target)."""
    return (target.kind not in _READ_BY_KIND and target.coverage is None
            and not (target.kind is TargetKind.COMPARISON and target.value == 1)
            and (target.read_as is not None or read_share(target.text) is None))


def read_against_measure(item: Item, year: int | None = None) -> None:
    """Readings that depend on the measure: a value computed from components with the algorithm (``year``, the plan's,
    names the components of «anno N»), coverage with its total, counts inside a milestone, a target of one thing reported
    in a note."""
    computed = computed_measure(item.indicator, item.target, item.measure, year)
    if computed is not None:
        item.measure, inputs = computed
        item.inputs.update(inputs)
    item.measure = as_component(item.target, item.measure) or item.measure
    if (named := named_count(item.target, item.measure)) is not None:  # «12 laboratori, 41 imprese» for «≥ 30 imprese»
        item.measure, item.inputs["lettura della misura"] = named
    if (part := qualified_part(item.target, item.measure, item.indicator.name)) is not None:  # «di cui 2 approvate»
        item.measure, item.inputs["lettura della misura"] = part
    if (per_unit := one_per_unit(item.target, item.indicator.name, item.measure)) is not None:  # «11 schede» per servizio
        item.measure, item.inputs["lettura della misura"] = per_unit
    if (head := per_head(item.target, item.indicator.name, item.measure)) is not None:  # «8 ore pro capite»
        item.measure, item.inputs["lettura della misura"] = head
    if (named := named_head(item.target, item.indicator.name, item.measure)) is not None:  # «4 audizioni», «Audizioni …»
        item.measure, item.inputs["lettura della misura"] = named
    if (noted := noted_units(item.target, item.measure)) is not None:  # «8 incontri», nota «Incontrate 7 associazioni»
        item.measure, item.inputs["lettura della misura"] = noted
    converted = in_target_unit(item.target, item.measure, item.indicator.name, item.indicator.formula)  # ore ↔ giornate
    if converted is not None:
        item.measure, item.inputs["conversione"] = converted
    elif (noted := noted_count(item.target, item.measure)) is not None:  # «130 impianti», nota «… a 160 strumenti»
        item.measure, item.inputs["lettura della misura"] = noted
    if _fixed(item.target) and percent_base(item.target, item.indicator, item.measure) is None:  # most targets: none of the readings below applies
        return
    counted = counted_target(item.target, item.indicator, item.measure)
    if counted is not None:
        item.target, inputs = counted
        item.inputs.update(inputs)
    single = one_thing(item.target, item.measure, item.indicator.name)
    if single is not None:
        item.target = single
        item.inputs["lettura del target"] = f"«{single.text}»: un solo elemento, letto come attività dalla nota"
    each = one_each(item.target, item.indicator, item.measure)
    if each is not None:
        item.target = each
        item.inputs["lettura del target"] = f"«{each.text}» con il totale delle unità: uno per ciascuna, copertura"
    share = share_target(item.target, item.indicator, item.measure)
    if share is not None:
        item.target, item.measure, inputs = share
        item.inputs.update(inputs)
    item.coverage_total = total_of(item.target, item.indicator, item.measure)
    item.target, item.measure, inputs = read_coverage(item.target, item.indicator, item.measure)
    item.inputs.update(inputs)
