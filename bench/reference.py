"""The reference the built-in evaluation is compared with: a plain Python loop doing the same work.

Per indicator it does what the evaluation's core does, written out as ``if`` chains instead
of the declarative rule tables: the target, soglia and note read with the project's own
parsers and the same caching (targets by text, soglie by text and target, notes by text,
expected shares by deadline, kind and accrual), the facts the tables test, the accrual,
the readings against the measure (computed values, counts inside milestones, coverage and
shares, with the project's functions), the facts the tables test, the accrual, the formula
and the degree (the same Decimal arithmetic), the expected share and pace, and the status of
``rules/stato.yaml`` with its default parameters. It builds no facts for an engine, no
explanations, flags, result objects or aggregation, and skips linked indicators measured
differently, computed indicators, adjustments, history, intermediate targets and the
projection (which no status of the default rules tests).

``tests/test_bench_reference.py`` checks that its status and degree agree with the engine's
for every indicator of a generated plan at 30/06 and at 31/12.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from piao_rules.engine import pacing
from piao_rules.engine.computed import computed_measure
from piao_rules.engine.coverage import read_coverage, share_target, total_of
from piao_rules.engine.rulebook import Rulebook
from piao_rules.engine.scoring import _key, met  # _key: the engine's folding of component labels, cached
from piao_rules.io.model import Judgement, Measure, MeasureSet, Plan
from piao_rules.targets.average import is_average
from piao_rules.targets.counted import counted_target, one_each, one_thing
from piao_rules.targets.fit import not_pertinent, scale_top
from piao_rules.targets.formula import balance_index, counts_steps, read_formula
from piao_rules.targets.model import Measured, Operator, Target, TargetKind
from piao_rules.targets.parser import parse_target, parse_threshold
from piao_rules.targets.share import read_share

HUNDRED, ZERO, BELOW = Decimal(100), Decimal(0), Decimal("99.99")
ACTIVITIES = (TargetKind.MILESTONE, TargetKind.DEADLINE, TargetKind.BOOLEAN)
READ_BY_NOTE = (*ACTIVITIES, TargetKind.QUALITATIVE)  # kinds whose status a note may propose without a measure
UNFINISHED = ("sospesa", "bloccata", "non_avviata", "rinviata", "programmata", "in_corso", "avviata")
JUDGED = {Judgement.REACHED: "raggiunto", Judgement.ON_TRACK: "in_linea", Judgement.AT_RISK: "a_rischio",
          Judgement.MISSED: "non_raggiunto"}


def _cent(value: Decimal) -> int:
    """A percentage in hundredths, half up: how the rule tables compare degrees and paces."""
    return int((value * HUNDRED).to_integral_value(ROUND_HALF_UP))


def _measured(measure: Measure | None) -> bool:
    return measure is not None and (measure.value is not None or measure.progress is not None or measure.completed_on is not None
                                    or bool(measure.components) or measure.judgement is not None)


def _proportion(value: Decimal, operator: Operator | None, goal: Decimal) -> Decimal:
    if operator is not None and operator.lower_is_better:
        ratio = HUNDRED if value <= ZERO else goal / value * HUNDRED
    else:
        ratio = (HUNDRED if value >= goal else ZERO) if goal <= ZERO else value / goal * HUNDRED
    return HUNDRED if met(value, operator, goal) else min(max(ZERO, min(HUNDRED, ratio)), BELOW)


def _number(measure: Measure | None) -> Decimal | None:
    value = None if measure is None else measure.value
    return None if value is None or isinstance(value, (bool, date)) else value


def _accrual(indicator, target: Target, formulas: dict[str | None, tuple[bool, bool]]) -> str:
    """The accrual: the plan's, else the first rule of rules/andamento.yaml that holds (``formulas``: whether each
    algorithm text counts steps and whether it is a balance index, read once per text as the engine does)."""
    if indicator.accrual is not None:
        return indicator.accrual.value
    kind = target.kind
    unit = target.unit or indicator.unit
    unit_class = {"%": "percentuale", "N.": "numero", "gg": "giorni", "€": "euro"}.get(unit, "nome") if unit else "nessuna"
    if kind in ACTIVITIES:
        return "milestone"
    if kind is TargetKind.COMPARISON and indicator.computed is None and is_average(indicator.name, indicator.formula):
        return "puntuale"  # an average over the year so far
    if target.keeps_level:
        return "puntuale"
    if target.per is not None or target.coverage is not None or target.spends_resources:
        return "cumulativo"
    steps, balance = formulas.get(indicator.formula) or (None, None)
    if steps is None or balance is None:
        formula = read_formula(indicator.formula)
        steps, balance = formulas[indicator.formula] = (counts_steps(formula) is not None, balance_index(formula))
    if balance:
        return "solo_consuntivo"
    if steps:
        return "cumulativo"
    if unit_class in ("percentuale", "giorni") or kind is TargetKind.RELATIVE:
        return "puntuale"
    return "cumulativo" if kind in (TargetKind.COMPARISON, TargetKind.COMPOUND) else "puntuale"


def same_work_loop(plan: Plan, measures: MeasureSet, as_of: date, rulebook: Rulebook) -> list[tuple[Decimal | None, str, Decimal | None, Decimal | None, Decimal | None]]:
    """(degree, status, expected share, pace, projection) per indicator, in plan order, with the default
    rules' parameters."""
    year, final = plan.year, as_of >= date(plan.year, 12, 31)
    profiles = pacing.Profiles(rulebook.param("andamento", "profilo", {}), rulebook.param("andamento", "profili", {}), year)
    reader = rulebook.note_reader.fresh() if rulebook.note_reader is not None else None
    latest = measures.at(as_of)
    thresholds: dict[tuple[str, int], Target] = {}
    shares: dict[tuple, Decimal] = {}
    formulas: dict[str | None, tuple[bool, bool]] = {}
    results = []
    for _, _, indicator in plan.indicators():
        target = parse_target(indicator.target_for(year) or "", year)
        threshold = None
        if soglia := indicator.threshold_for(year):
            threshold = thresholds.get((soglia, id(target)))
            if threshold is None:
                threshold = thresholds[(soglia, id(target))] = parse_threshold(soglia, target, year)
        measure = None if indicator.computed else latest.get(indicator.code)
        target, measure, coverage_total = _read_against_measure(indicator, target, measure)
        note = measure.note if measure is not None else None
        activity = target.milestone if target.read_as != "conteggio" else None
        reading = reader.read(note, activity, as_of) if reader is not None and note else None
        kind, accrual = target.kind, _accrual(indicator, target, formulas)
        misfit = measure is not None and (scale_top(target, measure) is not None or not_pertinent(target, measure))
        # an activity measured only by a number that does not fit it, with a note: judged by the note
        note_only = (reading is not None and measure is not None and target.coverage is None
                     and kind.traits.measured_by is Measured.ACTIVITY
                     and measure.progress is None and measure.completed_on is None and not measure.components
                     and measure.judgement is None and not_pertinent(target, measure))
        measured = _measured(measure) and not note_only
        deadline = target.deadline
        degree = value = goal = None
        found: list[Decimal | None] = []  # the components' values, in the target's order
        done, when, late, missing_parts, no_reference = False, None, None, False, False
        if kind in ACTIVITIES:
            when = None if measure is None else measure.completed_on or (measure.value if isinstance(measure.value, date) else None)
            done = measure is not None and (when is not None or measure.value is True or measure.progress == HUNDRED)
        # the formula of rules/punteggio.yaml and the degree
        if misfit or (accrual == "solo_consuntivo" and not final):
            pass  # no degree: a measure that does not fit the target, or half-year figures of a year-end value
        elif target.coverage is not None and coverage_total is None:
            pass  # a coverage target without the total of the units: no degree
        elif kind is TargetKind.QUALITATIVE:
            judged = measure.judgement if measure is not None else None
            degree = HUNDRED if judged is Judgement.REACHED else ZERO if judged is Judgement.MISSED else None
        elif kind is TargetKind.MILESTONE:
            degree = HUNDRED if done else measure.progress if measure is not None else None
        elif kind is TargetKind.DEADLINE:
            if deadline is not None and done:
                late = 0 if when is None or when <= deadline else (when - deadline).days
                degree = HUNDRED if not late else ZERO  # «ritardo: tutto_o_niente»
            elif deadline is not None and as_of >= deadline:
                degree = ZERO
        elif kind is TargetKind.BOOLEAN:
            if done:
                degree = HUNDRED
            elif final and measure is not None and (measure.value is False or measure.progress is not None):
                degree = ZERO
        elif kind is TargetKind.COMPOUND:
            measured_parts = measure.components if measure is not None else {}
            found = [next((v for label, v in measured_parts.items() if _same_label(label, c.label)), None) for c in target.components]
            missing_parts = bool(measured_parts) and (None in found or not found)
            got = [v for v in found if v is not None]
            if got and len(got) == len(found):
                degree = min(_proportion(v, c.operator, c.value) for v, c in zip(got, target.components))
        elif kind is TargetKind.RELATIVE:
            reference = measure.reference if measure is not None and measure.reference is not None else (
                indicator.reference.value if indicator.reference is not None else None)
            no_reference = reference is None
            value = _number(measure)
            if reference is not None:
                basis = target.reference
                delta = basis.delta if basis is not None else None
                goal = reference if basis is None or delta is None else (
                    reference + delta if basis.delta_unit == "punti" else reference * (HUNDRED + delta) / HUNDRED)
                if value is not None:
                    degree = _proportion(value, target.operator, goal)
        else:  # a comparison
            value, goal = _number(measure), target.value
            if value is not None and goal is not None:
                if threshold is not None and threshold.value is not None and not (accrual == "cumulativo" and not final):
                    degree = _linear(value, target.operator, goal, threshold.value)
                else:
                    degree = _proportion(value, target.operator, goal)
        # expected share, pace and projection
        expected = pace = projection = None
        progress = measure.progress if measure is not None else None
        average = kind is TargetKind.COMPARISON and indicator.computed is None and is_average(indicator.name, indicator.formula)
        if final or accrual == "puntuale":
            if not (accrual == "solo_consuntivo" and not final):
                expected, pace = HUNDRED, degree
                if not final and average and not target.lower_is_better and degree is not None and degree < HUNDRED:
                    pace = _average_pace(value, goal, pacing.time_share(as_of, year, None) / HUNDRED, pace)
        elif accrual != "solo_consuntivo":
            by_time = accrual == "milestone" or deadline is not None
            key = (by_time, deadline if by_time else None, kind, accrual)
            share = shares.get(key)
            if share is None:
                share = shares[key] = (profiles.by_time(as_of, deadline, kind.italian, accrual) if by_time
                                       else profiles.annual(as_of, kind.italian, accrual))
            pairs = [(v, c.value) for v, c in zip(found, target.components)] if found else [(value, goal)]
            known = [(v, g) for v, g in pairs if v is not None and g is not None]
            if value is None and kind is not TargetKind.COMPOUND and (progress is not None or done):
                expected = share
                if share > 0:
                    pace = (HUNDRED if done or progress is None else progress) / share * HUNDRED
            elif len(known) == len(pairs):
                paces, projections = [], []
                for v, g in known:
                    due = g * share / HUNDRED
                    if target.lower_is_better:
                        paces.append(HUNDRED if v <= 0 else due / v * HUNDRED)
                    else:
                        paces.append(HUNDRED if due <= 0 else v / due * HUNDRED)
                        if share > 0 and g > 0:
                            projections.append(v / (share / HUNDRED) / g * HUNDRED)
                expected, pace, projection = share, min(paces), min(projections, default=None)
        # the status of rules/stato.yaml
        scaduto = deadline is not None and as_of >= deadline
        external = measure is not None and bool(measure.external_cause)
        phase = reading.phase if reading is not None else None
        cent = _cent(degree) if degree is not None else None
        if kind in (TargetKind.QUALITATIVE, TargetKind.MILESTONE) and measure is not None and measure.judgement is not None:
            status = JUDGED[measure.judgement]
        elif measured and misfit:
            status = "da_valutare"
        elif accrual == "solo_consuntivo" and not final:
            status = "non_rilevabile"
        elif measured and kind is TargetKind.BOOLEAN and phase == "completata" and _late(reading, deadline):
            status = "non_raggiunto"  # a SI the note says came after the deadline (proposed; the degree stays)
        elif not measured and kind in READ_BY_NOTE and reading is not None:
            status, degree = _read_status(reading, deadline, scaduto, final, external, as_of), None
        elif kind is TargetKind.QUALITATIVE:
            status = "da_valutare"
        elif not measured and kind in ACTIVITIES and note:
            status = "da_valutare"
        elif (target.coverage is not None and coverage_total is None and measured
              and kind in (TargetKind.COMPARISON, TargetKind.COMPOUND, TargetKind.MILESTONE, TargetKind.DEADLINE)):
            status = "da_valutare"
        elif not measured:
            status = "non_rilevabile"
        elif kind is TargetKind.RELATIVE and no_reference:
            status = "non_rilevabile"
        elif missing_parts:
            status = "non_rilevabile"
        elif cent is not None and cent >= 10000:
            if (accrual == "cumulativo" and not final and phase in ("in_corso", "avviata", "programmata")
                    and reading is not None and reading.unfinished):
                status = "in_linea"
            else:
                status = "in_linea" if accrual == "puntuale" and not final else "raggiunto"
        elif kind in ACTIVITIES and scaduto and not done:
            status = "non_raggiunto"
        elif kind in ACTIVITIES and done and late:
            status = "non_raggiunto"
        elif final or scaduto:
            status = "non_raggiunto"
        elif target.read_as == "quota" and accrual == "puntuale" and phase == "programmata":
            status = "in_linea"
        elif accrual == "puntuale" and not average:
            status = "a_rischio"
        elif accrual == "puntuale" and target.lower_is_better:
            status = "a_rischio"
        elif (accrual == "milestone" and expected is not None and _cent(expected) <= 1000
              and progress is not None and progress > 0):
            status = "in_linea"
        elif (accrual == "cumulativo" and kind is not TargetKind.COMPOUND and pace is not None and _cent(pace) < 8000
              and phase == "programmata"):
            status = "in_linea"
        elif accrual == "cumulativo" and kind is TargetKind.COMPOUND and pace is not None and 8000 <= _cent(pace) < 10000:
            status = "a_rischio"  # a compound target with a component behind the pace, inside the tolerance (ST17K)
        elif pace is not None:
            status = "in_linea" if _cent(pace) >= 8000 else "a_rischio"
        elif kind is TargetKind.BOOLEAN and not done and phase in ("sospesa", "programmata") and external:
            status = "a_rischio"
        elif kind is TargetKind.BOOLEAN and not done and phase in ("programmata", "in_corso", "avviata"):
            status = "in_linea"
        elif kind is TargetKind.BOOLEAN and not done and phase in ("sospesa", "bloccata", "non_avviata", "rinviata"):
            status = "a_rischio"
        elif deadline is not None and not scaduto:
            status = "in_linea"
        else:
            status = "da_valutare"
        results.append((degree, status, expected, pace, projection))
    return results


def _read_against_measure(indicator, target: Target, measure: Measure | None) -> tuple[Target, Measure | None, Decimal | None]:
    """The readings of ``prepare.read_against_measure``, with the project's functions: a value computed by the
    algorithm, counts inside a milestone, one thing or one each, shares and coverage with its total."""
    computed = computed_measure(indicator, target, measure)
    if computed is not None:
        measure = computed[0]
    if (target.kind not in (TargetKind.MILESTONE, TargetKind.DEADLINE, TargetKind.QUALITATIVE) and target.coverage is None
            and not (target.kind is TargetKind.COMPARISON and target.value == 1)
            and (target.read_as is not None or read_share(target.text) is None)):
        return target, measure, None  # most targets: nothing below applies (prepare._fixed)
    counted = counted_target(target, indicator, measure)
    target = counted[0] if counted is not None else target
    target = one_thing(target, measure) or target
    target = one_each(target, indicator, measure) or target
    share = share_target(target, indicator, measure)
    if share is not None:
        target, measure, _ = share
    total = total_of(target, indicator, measure)
    target, measure, _ = read_coverage(target, indicator, measure)
    return target, measure, total


def _same_label(measured: str, wanted: str) -> bool:
    """A component's measure found by its label, as the engine matches them (folded, prefixes)."""
    a, b = _key(measured), _key(wanted)
    return a == b or bool(a and b and (a.startswith(b) or b.startswith(a)))


def _linear(value: Decimal, operator: Operator | None, goal: Decimal, threshold: Decimal) -> Decimal:
    lower = operator is not None and operator.lower_is_better
    if (lower and threshold <= goal) or (not lower and threshold >= goal):
        return _proportion(value, operator, goal)
    raw = (threshold - value) / (threshold - goal) * HUNDRED if lower else (value - threshold) / (goal - threshold) * HUNDRED
    return HUNDRED if met(value, operator, goal) else min(max(ZERO, min(HUNDRED, raw)), BELOW)


def _average_pace(value: Decimal | None, goal: Decimal | None, elapsed: Decimal, pace: Decimal | None) -> Decimal | None:
    """An average below its target: compared with the average the rest of the year needs."""
    if value is None or goal is None or not 0 < elapsed < 1:
        return pace
    needed = (goal - value * elapsed) / (1 - elapsed)
    return HUNDRED if needed <= 0 else value / needed * HUNDRED


def _late(reading, deadline: date | None) -> bool:
    """Whether the note tells the activity completed after its deadline (the target's, else the note's own)."""
    due = deadline or reading.due_on
    return reading.completed_on is not None and due is not None and reading.completed_on > due


def _read_status(reading, deadline: date | None, scaduto: bool, final: bool, external: bool, as_of: date) -> str:
    """The status an activity without a measure gets from the reading of its note (proposed)."""
    phase = reading.phase
    if phase == "completata":
        return "non_raggiunto" if _late(reading, deadline) else "raggiunto"
    if scaduto or final:
        return "non_raggiunto"
    planned = reading.planned_on
    later = reading.postponed_to
    if phase == "rinviata" and later is not None and later.year > (deadline or as_of).year:
        return "non_raggiunto"  # put off to a later year
    if phase == "rinviata" and planned is not None and as_of <= planned <= (deadline or date(as_of.year, 12, 31)):
        return "in_linea"  # put off to a day still within the deadline
    if phase in ("sospesa", "programmata") and external:
        return "a_rischio"
    return "in_linea" if phase in ("programmata", "in_corso", "avviata") else "a_rischio"
