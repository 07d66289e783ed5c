"""Evaluate a plan at a monitoring date.

For every indicator the decision tables run in four passes — andamento (when the
plan does not say), punteggio (which formula), stato, segnalazioni — on
durable-rules or on the built-in evaluator; between the passes Python computes
the figures the tables choose (degree, pace, projection). Degrees then add up
the tree (indicators → objectives → areas → ente).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from piao_rules import format_it, values
from piao_rules.engine import ENGINES, STAGES, adjust, pacing, past, proposals, scoring
from piao_rules.engine.aggregate import Mean, Member, bands, combine, ente_grade
from piao_rules.engine.builtin import BuiltinRunner
from piao_rules.engine.coverage import euro_for_percent
from piao_rules.engine.durable_host import AVAILABLE as DURABLE_AVAILABLE
from piao_rules.engine.durable_host import DurableRunner
from piao_rules.engine.facts import FIELDS, FieldKind, hundredths
from piao_rules.engine.notes import (
    closed_calendar,
    estimated_calendar,
    scheduled_count,
    uncommitted_budget,
    vague_calendar,
)
from piao_rules.engine.prepare import Item, has_measure, prepare, show_target, show_value, unit_class
from piao_rules.engine.result import (
    Adjustment,
    AreaResult,
    Counts,
    Evaluation,
    Explanation,
    Flag,
    IndicatorResult,
    ObjectiveResult,
    OfficeResult,
    Severity,
    Status,
    Step,
    Summary,
    trusted,
    trusted_dict,
)
from piao_rules.engine.rulebook import Rulebook, Table, load_rulebook
from piao_rules.errors import InputError, Problem
from piao_rules.errors import Severity as ProblemSeverity
from piao_rules.gc_pause import gc_paused
from piao_rules.io.model import Accrual, Indicator, Measure, MeasureSet, Objective, Plan
from piao_rules.targets.average import is_average
from piao_rules.targets.fit import all_units, not_pertinent, scale_top, unit_mismatch
from piao_rules.targets.formula import balance_index, counts_steps, names_year_end, rate_ratio, read_formula
from piao_rules.targets.hours import hours_per_day, is_hours
from piao_rules.targets.markup import clean
from piao_rules.targets.model import Target, TargetKind
from piao_rules.targets.noted import noted_reference
from piao_rules.targets.parser import TargetError, parse_target

HUNDRED = Decimal(100)


def default_engine() -> str:
    return "durable" if DURABLE_AVAILABLE else "interno"


def _runner(engine: str | None, tables: list[Table]) -> DurableRunner | BuiltinRunner:
    name = engine or default_engine()
    if name not in ENGINES:
        raise InputError([Problem(message=f"motore «{name}» sconosciuto: usare durable oppure interno")])
    return DurableRunner(tables) if name == "durable" else BuiltinRunner(tables)


_BOOLEANS = frozenset(name for name, field in FIELDS.items() if field.kind is FieldKind.BOOL)


def _encode(facts: dict[str, Any], name: str, value: Any) -> None:
    """Store a fact in engine form; ``None`` means unknown and leaves the field out."""
    if value is None:
        return
    if value is True or value is False:
        if name in _BOOLEANS:  # the most frequent case, without the call
            facts[name] = int(value)
            return
    facts[name] = FIELDS[name].encode(value)


@lru_cache(maxsize=None)
def _choice(name: str, value: str) -> str:
    """A choice fact in engine form, checked once per value."""
    return str(FIELDS[name].encode(value))


@lru_cache(maxsize=65536)
def _hundredths(value: Decimal) -> int:
    """:func:`hundredths`, once per distinct number (the same shares and degrees recur; equal numbers
    give the same integer whatever their exponent)."""
    return hundredths(value)


# The percentages computed for an indicator, as facts (in the order _measured_facts gives them).
_FIGURES = ("grado", "rapporto", "atteso", "ritmo", "proiezione", "avanzamento")
assert all(FIELDS[name].kind is FieldKind.PERCENT for name in _FIGURES)
_ACCRUALS = {accrual: FIELDS["andamento"].encode(accrual.value) for accrual in Accrual}  # as facts
# The readings of a note whose calendar is weighed: in the calendar, or suspended and put back in it (ST17S).
_CALENDARED = (_choice("lettura_nota", "programmata"), _choice("lettura_nota", "sospesa"))
# The facts about the measure of an indicator without one.
_NO_MEASURE = {"misura": 0, "nota": 0, "giudizio": _choice("giudizio", "nessuno"), "proposta": 0, "proposta_al_ribasso": 0,
               "rispetto_proposta_al_ribasso": 0, "motivazione": 0,
               "causa_esterna": 0, "misura_non_pertinente": 0, "unita_incoerente": 0}


class _Evaluator:
    def __init__(
        self, plan: Plan, measures: MeasureSet, as_of: date, rulebook: Rulebook, runner: Any,
        history: Mapping[str, list[past.PastYear]] | None = None,
    ):
        self.plan = plan
        self.history = history
        self.histories: dict[int, past.IndicatorHistory | None] = {}
        self.as_of = as_of
        self.rulebook = rulebook
        self.runner = runner
        self.final = as_of >= date(plan.year, 12, 31)
        try:
            self.profiles = pacing.Profiles(
                rulebook.param("andamento", "profilo", {}), rulebook.param("andamento", "profili", {}), plan.year)
        except ValueError as error:
            raise InputError.single(rulebook.sources["andamento"], str(error), "parametri/profilo") from None
        self.share = pacing.year_share(as_of, self.profiles.default)
        reader = rulebook.note_reader
        self.items = prepare(plan, measures, as_of, reader.fresh() if reader is not None else None)
        self.by_objective: dict[str, list[Item]] = defaultdict(list)
        for item in self.items:
            self.by_objective[item.objective.code].append(item)
        self.means: dict[str, Mean] = {}
        self.extra_flags: dict[str, list[Flag]] = defaultdict(list)
        self.adjust_warnings: list[Problem] = []
        self.steps: dict[tuple[str, int], Step] = {}
        self.target_facts: dict[tuple[int, str | None], dict[str, Any]] = {}
        self.formula_facts: dict[str | None, tuple[int, int, int]] = {}  # per algorithm: formula_fasi, indice_bilancio, rapporto_tassi
        self.targets_shown: dict[int, str] = {}
        self.values_shown: dict[int, str] = {}
        self.long_date = format_it.long_date(as_of)
        self.flag_rules: dict[int, tuple[str, Severity, str, str, str, bool, Step]] = {}
        self.shares: dict[tuple[bool, date | None, TargetKind, Accrual | None], Decimal] = {}

    # -- passes -----------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        return self.rulebook.tables[name]

    def _step(self, name: str, index: int, effect: str) -> Step:
        """The explanation step of a rule that fired: one shared object per rule, built from
        the validated rulebook without validating again."""
        step = self.steps.get((name, index))
        if step is None:
            rule = self._table(name).rules[index]
            step = self.steps[(name, index)] = trusted(
                Step, table=name, rule=rule.id, name=rule.name, condition=rule.condition_text, effect=effect
            )
        return step

    def _run(self, name: str, facts: list[dict[str, Any]]) -> list[list[int]]:
        return self.runner.run(self._table(name), facts) if facts else []

    def _first(self, name: str, items: list[Item]) -> None:
        """Run a first-match table and apply its decision to each item."""
        todo = [i for i in items if name != "andamento" or i.indicator.accrual is None]
        field = {"andamento": "andamento", "punteggio": "metodo", "stato": "stato"}[name]
        decisions: dict[int, tuple[Step, Any, Any, bool]] = {}  # per rule: its step, the decision, its fact, proposed
        for item, matches in zip(todo, self._run(name, [i.facts for i in todo])):
            if not matches:
                raise InputError.single(
                    self.rulebook.sources[name], f"nessuna regola si applica all'indicatore {item.code}: aggiungere una regola finale senza condizioni"
                )
            decision = decisions.get(matches[0])
            if decision is None:
                (key, value), = self._table(name).rules[matches[0]].then.items()
                step = self._step(name, matches[0], f"{key}: {str(value).replace('_', ' ')}")
                decided = Accrual(value) if name == "andamento" else value if name == "punteggio" else Status(value)
                rule = self._table(name).rules[matches[0]]
                proposed = any(test.field == "lettura_nota" for test in rule.tests)  # a status read from the note
                decision = decisions[matches[0]] = (step, decided, FIELDS[field].encode(value), proposed)
            step, decided, item.facts[field], proposed = decision
            item.steps.append(step)
            if name == "andamento":
                item.accrual = decided
            elif name == "punteggio":
                item.method = decided
            else:
                item.status = decided
                item.proposed = proposed
                if proposed and item.reading is None:
                    item.reading = item.note_reading  # a measured indicator whose note proposes the status
                elif proposed and item.score.achievement is not None:
                    # no measure: a lapsed deadline scores 0 from the dates alone, but the status rests on the
                    # note and enters the degrees only once a person confirms it
                    item.score.achievement = None
                    item.facts.pop("grado", None)
                item.facts["stato_proposto"] = 1 if proposed else 0

    def _target_facts(self, target: Target, unit: str | None) -> dict[str, Any]:
        """The facts that depend only on the target (and the indicator's unit), encoded once
        per distinct target: parsed targets are shared objects."""
        key = (id(target), unit)
        facts = self.target_facts.get(key)
        if facts is None:
            facts = self.target_facts[key] = {}
            _encode(facts, "livello", "indicatore")
            _encode(facts, "tipo_target", target.kind.italian)
            _encode(facts, "verso", "minore" if target.lower_is_better else "maggiore")
            _encode(facts, "unita", unit_class(target.unit or unit))
            _encode(facts, "per_periodo", target.per is not None)
            _encode(facts, "quota", target.read_as == "quota")
            _encode(facts, "mantenimento", target.keeps_level)
            _encode(facts, "quota_risorse", target.spends_resources)
            _encode(facts, "dato_a_consuntivo", target.year_end)
            _encode(facts, "target_intermedio", target.stage is not None and target.value is not None
                    and not target.lower_is_better and target.stage.value < target.value)
            _encode(facts, "finale", self.final)
            _encode(facts, "frazione_anno", self.share)
        return facts

    def _base_facts(self, item: Item) -> None:
        """The facts known before the first pass (booleans as 0/1, written out: ``int()`` is slower)."""
        target, measure, indicator = item.target, item.measure, item.indicator
        reading = item.reading or item.note_reading
        steps_and_balance = self.formula_facts.get(indicator.formula)
        if steps_and_balance is None:
            formula = read_formula(indicator.formula)
            steps_and_balance = self.formula_facts[indicator.formula] = (
                0 if counts_steps(formula) is None else 1, 1 if balance_index(formula) else 0, 1 if rate_ratio(formula) else 0)
        facts: dict[str, Any] = {
            "n": item.n, **self._target_facts(target, indicator.unit),
            "soglia": 1 if item.threshold is not None else 0,
            "andamento_dichiarato": 1 if indicator.accrual is not None else 0,
            "alla_data_intermedia": 1 if (item.measure is not None and item.measure.value is not None
                                          and self._intermediate(item) is not None) else 0,
            "formula_fasi": steps_and_balance[0], "indice_bilancio": steps_and_balance[1],
            "rapporto_tassi": steps_and_balance[2],
            "media": 1 if target.kind is TargetKind.COMPARISON and indicator.computed is None
            and is_average(indicator.name, indicator.formula) else 0,
            "lettura_nota": _choice("lettura_nota", reading.phase if reading else "nessuna"),
            "nota_non_conclusi": 1 if reading is not None and reading.unfinished else 0,
            "nota_in_ritardo": 1 if reading is not None and reading.completed_on is not None
            and reading.completed_on > (target.deadline or _named_deadline(target, indicator, self.plan.year)
                                        or reading.due_on or date(self.plan.year, 12, 31)) else 0,
            "nota_ripianificata": 1 if reading is not None and reading.planned_on is not None
            and self.as_of <= reading.planned_on <= (target.deadline or date(self.as_of.year, 12, 31)) else 0,
            "nota_oltre_scadenza": 1 if reading is not None and reading.planned_on is not None
            and reading.planned_on > (target.deadline or _named_deadline(target, indicator, self.plan.year)
                                      or date(self.plan.year, 12, 31)) else 0,
            "nota_termine_impossibile": 1 if reading is not None and reading.deadline_missed else 0,
            "nota_fuori_tema": 1 if reading is not None and reading.off_topic else 0,
            "nota_oltre_anno": 1 if reading is not None and reading.postponed_to is not None
            and reading.postponed_to.year > (target.deadline or self.as_of).year else 0,
            "copertura": 1 if target.coverage is not None else 0,
            "totale_copertura": 1 if item.coverage_total is not None else 0,
            "unita_da_coprire": 1 if target.coverage is not None or (measure is not None and measure.total is not None) else 0,
            "tutte_le_unita": 1 if target.coverage is not None or all_units(target) else 0,
            "divergenza": 1 if item.divergent_values is not None else 0,
        }
        if not facts.get("dato_a_consuntivo") and names_year_end(indicator.name):  # «(indice di bilancio a consuntivo)»
            facts["dato_a_consuntivo"] = 1
        if measure is None:
            facts.update(_NO_MEASURE)
        else:
            judgement = measure.judgement
            facts["misura"] = 0 if item.note_only or not has_measure(measure) else 1
            facts["nota"] = 1 if measure.note else 0
            facts["giudizio"] = _choice("giudizio", judgement.value if judgement else "nessuno")
            facts["proposta"] = 1 if measure.proposed_target else 0
            facts["proposta_al_ribasso"] = 1 if proposals.lowers(target, measure.proposed_target, self.plan.year) else 0
            facts["rispetto_proposta_al_ribasso"] = 1 if item.in_force is not None and proposals.lowers(
                item.in_force, item.target_text, self.plan.year) else 0
            facts["motivazione"] = 1 if measure.proposal_reason else 0
            facts["causa_esterna"] = 1 if measure.external_cause else 0
            on_scale = scale_top(target, measure) is not None  # a mark from 1 to N for a % target: not comparable
            facts["valore_su_scala"] = 1 if on_scale else 0
            euro = euro_for_percent(target, measure)  # a euro amount for a % target without its base: not comparable
            facts["misura_non_pertinente"] = 1 if on_scale or euro or not_pertinent(target, measure) else 0
            facts["unita_incoerente"] = 1 if euro or unit_mismatch(target, measure) else 0
        if target.kind is TargetKind.RELATIVE:
            if _plan_reference(item) is None and measure is not None and measure.reference is None:
                item.noted_reference = noted_reference(target, measure.note, self.as_of.year)  # «Media 2020-2022: 176»
            reference = _plan_reference(item) is not None or (measure is not None and measure.reference is not None)
            facts["riferimento"] = 1 if reference else 0
        if indicator.accrual is not None:
            item.accrual = indicator.accrual
            facts["andamento"] = _ACCRUALS[indicator.accrual]
        item.facts = facts

    def _intermediate(self, item: Item) -> Decimal | None:
        """The value the plan or the target text expects at this date (target intermedio), if it gives one."""
        written = item.target.stage
        if written is not None and written.when == self.as_of:
            return written.value
        for stage in item.indicator.intermediate_targets:
            if stage.when == self.as_of:
                try:
                    return parse_target(stage.target, self.plan.year).value
                except TargetError:
                    return None
        return None

    def _pace(self, item: Item) -> None:
        """Expected share, pace and projection for the indicator's accrual."""
        score, target, accrual = item.score, item.target, item.accrual
        assert accrual is not None  # set by the «andamento» table
        achievement = score.achievement
        if self.final or accrual is Accrual.POINT:
            if not (accrual is Accrual.YEAR_END and not self.final):
                item.expected = HUNDRED
                item.pace = achievement
                if (not self.final and item.facts.get("media") and not target.lower_is_better
                        and achievement is not None and achievement < HUNDRED):
                    self._average_pace(item)
            return
        if accrual is Accrual.YEAR_END:
            return
        progress = item.measure.progress if item.measure is not None else None
        by_time = accrual is Accrual.MILESTONE or target.deadline is not None
        key = (by_time, target.deadline if by_time else None, target.kind, accrual)
        share = self.shares.get(key)
        if share is None:  # the same few shares for every indicator: computed once each
            kind = target.kind.italian
            if by_time:
                share = self.profiles.by_time(self.as_of, target.deadline, kind, accrual.value)
            else:
                share = self.profiles.annual(self.as_of, kind, accrual.value)
            self.shares[key] = share
        if score.value is None and not score.components and (progress is not None or score.completed):
            # activities, or counts reported only as a percentage of progress
            intermediate = self._intermediate(item)
            if intermediate is not None and target.value:
                share = intermediate / target.value * HUNDRED
            item.expected = share
            done = HUNDRED if score.completed else progress
            assert done is not None  # the test above
            if share > 0:
                item.pace = done / share * HUNDRED
            return
        ratios: list[tuple[Decimal, Decimal | None]] = []
        if score.components:
            pairs = [(c.value, _component_target(item, c.label)) for c in score.components]
        else:
            pairs = [(score.value, score.target_value)]
        intermediate = self._intermediate(item) if not score.components else None
        for value, goal in pairs:
            if value is None or goal is None:
                return
            expected_value = intermediate if intermediate is not None else goal * share / HUNDRED
            if target.lower_is_better:
                ratios.append((HUNDRED if value <= 0 else expected_value / value * HUNDRED, None))
            else:
                pace = HUNDRED if expected_value <= 0 else value / expected_value * HUNDRED
                projection = value / (share / HUNDRED) / goal * HUNDRED if share > 0 and goal > 0 else None
                ratios.append((pace, projection))
        item.expected = (intermediate / pairs[0][1] * HUNDRED) if intermediate is not None and pairs[0][1] else share
        item.pace = min(r[0] for r in ratios)
        projections = [r[1] for r in ratios if r[1] is not None]
        item.projection = min(projections) if projections else None

    def _average_pace(self, item: Item) -> None:
        """An average over the year so far to be raised (post al mese) below its target: the pace compares it
        with the average the rest of the year needs to bring the year's average to the target."""
        value, goal = item.score.value, item.score.target_value
        elapsed = pacing.time_share(self.as_of, self.plan.year, None) / HUNDRED
        if value is None or goal is None or not 0 < elapsed < 1:
            return
        needed = (goal - value * elapsed) / (1 - elapsed)
        item.pace = HUNDRED if needed <= 0 else value / needed * HUNDRED
        item.inputs["media dell'anno"] = (
            f"{format_it.number(value)} di media alla data ({format_it.percent(elapsed * HUNDRED, 0)} dell'anno trascorso): "
            f"per chiudere l'anno con una media di {format_it.number(goal)} serve una media di "
            f"{format_it.number(needed.quantize(Decimal('0.1')))} "
            "nel resto dell'anno"
        )

    def _measured_facts(self, item: Item) -> None:
        score, facts, target = item.score, item.facts, item.target
        figures = (score.achievement, score.ratio, item.expected, item.pace, item.projection,
                   item.measure.progress if item.measure is not None else None)
        for name, figure in zip(_FIGURES, figures):
            if figure is not None:
                facts[name] = _hundredths(figure) if type(figure) is Decimal else FIELDS[name].encode(figure)
        if target.kind.traits.activity:
            facts["completato"] = int(bool(score.completed))
            reading = item.reading or item.note_reading  # «la messa in produzione è slittata a settembre» for a SI
            facts["nota_smentisce_completamento"] = int(bool(score.completed) and reading is not None
                                                        and item.measure is not None and item.measure.completed_on is None
                                                        and reading.phase != "completata" and not reading.own_done
                                                        and not reading.off_topic)
            facts["nota_dice_fatto"] = int(reading is not None and reading.phase == "completata" and reading.own_done)
        if target.deadline is not None:
            facts["scaduto"] = int(self.as_of >= target.deadline)
            _encode(facts, "giorni_alla_scadenza", (target.deadline - self.as_of).days)
        elif (named := _named_deadline(target, item.indicator, self.plan.year)) is not None and self.as_of >= named:
            facts["scaduto"] = 1  # «SI» with «Entro 30.06.2022» in the algorithm, still NO at 30/09
        _encode(facts, "giorni_ritardo", score.late_days)
        facts["componenti_mancanti"] = int(score.missing_components)
        phase = facts.get("lettura_nota")
        if phase in _CALENDARED and item.accrual is Accrual.CUMULATIVE:
            # a suspension put back in the calendar (ST17S) is weighed by its calendar too
            facts["calendario_insufficiente"] = int(self._calendar_short(item))
            note = (item.measure.note or "") if item.measure is not None else ""
            facts["calendario_chiuso"] = int(closed_calendar(note))
        if phase == _CALENDARED[0] and item.accrual is Accrual.CUMULATIVE:
            facts["calendario_stimato"] = int(estimated_calendar(note))
            facts["calendario_vago"] = int(vague_calendar(note))
            facts["budget_senza_impegno"] = int(uncommitted_budget(note, item.indicator.formula, item.target_text))
        if score.reference_missing:
            facts["riferimento"] = 0
        if self.history is not None:
            found = past.build(self.history.get(item.code, []), item.indicator.baseline, target, item.measure,
                               item.accrual, self.plan.year, self.final)
            self.histories[item.n] = found
            for name, value in past.facts(found).items():
                _encode(facts, name, value)

    @staticmethod
    def _calendar_short(item: Item) -> bool:
        """The count done and the count the note puts in the calendar do not reach the target in force (or proposed)."""
        target, value, measure = item.target, item.score.value, item.measure
        note = measure.note if measure is not None else None
        if (measure is None or note is None or value is None or target.value is None or target.kind is not TargetKind.COMPARISON
                or target.lower_is_better):
            return False
        total = (measure.total or item.indicator.total) if target.read_as == "copertura" else None
        if total:  # «altri 2 incontri sono fissati per novembre» with 7 comuni of 12 covered: (7 + 2) / 12
            scheduled = scheduled_count(note, None)
            return scheduled is not None and value + scheduled * 100 / total < target.value
        if target.read_as is not None:
            return False
        scheduled = scheduled_count(note, target.unit)
        if scheduled is None and is_hours(target.unit) and (per_day := hours_per_day(note)) is not None:
            days = scheduled_count(note, "giornate")  # «altre 20 giornate» for a target in hours, «giornata = 7 ore»
            scheduled = days * per_day[0] if days is not None else None
        return scheduled is not None and value + scheduled < target.value

    def evaluate_items(self, items: list[Item]) -> None:
        """Passes andamento, punteggio and stato, with the figures computed in between."""
        for item in items:
            self._base_facts(item)
        self._first("andamento", items)
        self._first("punteggio", items)
        params = self._table("punteggio").params
        for item in items:
            reference = _plan_reference(item)
            if item.facts.get("misura_non_pertinente"):
                item.score = scoring.Score(formula="misura non pertinente al target: grado non calcolato")
            elif item.accrual is Accrual.YEAR_END and not self.final:  # half-year figures of a year-end index
                item.score = scoring.Score(formula="valore che si conosce solo a consuntivo: grado non calcolato prima del 31/12")
            else:
                item.score = scoring.score(
                    item.method, item.target, item.threshold, item.measure,
                    as_of=self.as_of, final=self.final, plan_reference=reference, params=params,
                )
            self._pace(item)
            self._measured_facts(item)
        self._first("stato", items)

    # -- aggregation and synthetic indicators ---------------------------------------------------

    def _members(self, objective: Objective) -> list[Member]:
        items = self.by_objective[objective.code]
        members = [Member(i.code, i.indicator.weight, i.score.achievement) for i in items]
        if not any(i.indicator.computed for i in items):
            members += [Member(c.code, c.weight, self.means[c.code].value) for c in objective.objectives]
        return members

    def aggregate(self, objective: Objective) -> None:
        """Degrees bottom-up; computed indicators get their value from the child objectives first."""
        for child in objective.objectives:
            self.aggregate(child)
        computed = [i for i in self.by_objective[objective.code] if i.indicator.computed]
        if computed:
            children = combine([Member(c.code, c.weight, self.means[c.code].value) for c in objective.objectives], self.method)
            for item in computed:
                if children.value is not None:
                    item.measure = Measure(
                        code=item.code, value=children.value,
                        note="Valore calcolato: media ponderata dei gradi degli obiettivi collegati.",
                    )
            self.evaluate_items(computed)
        self.means[objective.code] = combine(self._members(objective), self.method)

    @property
    def method(self) -> str:
        return self.rulebook.aggregation.method

    # -- flags --------------------------------------------------------------------------------

    def shown_target(self, target: Target) -> str:
        """A target as a person reads it, formatted once per distinct (shared) target."""
        shown = self.targets_shown.get(id(target))
        if shown is None:
            shown = self.targets_shown[id(target)] = show_target(target)
        return shown

    def shown_value(self, item: Item) -> str:
        """An indicator's measure as a person reads it, formatted once for its flags and its explanation
        (the measure no longer changes once the flags are raised)."""
        shown = self.values_shown.get(item.n)
        if shown is None:
            shown = self.values_shown[item.n] = show_value(item.measure, item.target)
        return shown

    def _flag_rule(self, index: int) -> tuple[str, Severity, str, str, str, bool, Step]:
        """What a flag rule gives every flag it raises, read once per rule."""
        parts = self.flag_rules.get(index)
        if parts is None:
            rule = self._table("segnalazioni").rules[index]
            then = rule.then
            code = then["segnalazione"]
            step = self._step("segnalazioni", index, f"segnalazione: {code} ({then['gravita']})")
            parts = self.flag_rules[index] = (
                code, Severity(then["gravita"]), rule.id, then["motivo"], then["azione"], bool(then.get("nota_richiesta", False)), step,
            )
        return parts

    def _flags(self, subject: str, level: str, matches: list[int], values: _Reasons, steps: list[Step] | None) -> list[Flag]:
        flags: list[Flag] = []
        codes: set[str] = set()
        for index in matches:
            code, severity, rule, reason, action, note_requested, step = self._flag_rule(index)
            if steps is not None:
                steps.append(step)
            if code in codes:
                continue
            codes.add(code)
            flags.append(trusted_dict(Flag, {
                "id": f"{subject}/{code}", "code": code, "severity": severity, "subject": subject, "level": level,
                "rule": rule, "reason": reason.format_map(values), "action": action.format_map(values),
                "note_requested": note_requested,
            }))
        return flags

    def raise_flags(self) -> None:
        groups: list[tuple[str, str, Mean, str]] = []
        for _, objective in self.plan.objectives():
            groups.append((objective.code, "obiettivo", self.means[objective.code], objective.code))
        area_means = {area.code: combine([Member(o.code, o.weight, self.means[o.code].value) for o in area.objectives], self.method) for area in self.plan.areas}
        self.area_means = area_means
        for area in self.plan.areas:
            groups.append((area.code, "area", area_means[area.code], area.code))
        self.ente = ente_grade(self.plan.areas, self.means, self.method, self.rulebook.aggregation.ente)
        self.ente_mean = self.ente.mean
        groups.append(("ente", "ente", self.ente_mean, "ente"))
        facts = [item.facts for item in self.items]
        start = len(self.items)
        for offset, (_, level, mean, _) in enumerate(groups):
            group_facts: dict[str, Any] = {"n": start + offset}
            _encode(group_facts, "livello", level)
            _encode(group_facts, "pesi_somma", mean.weights_sum)
            _encode(group_facts, "pesi_mancanti", mean.mixed_weights)
            facts.append(group_facts)
        matches = self._run("segnalazioni", facts)
        for item, found in zip(self.items, matches):
            if found:
                item.flags = self._flags(item.code, "indicatore", found, _Reasons(self, item), item.steps)
        for (subject, level, mean, _), found in zip(groups, matches[start:]):
            if found:
                self.extra_flags[subject] = self._flags(subject, level, found, _Reasons(self, None, mean), None)


class _Reasons(dict[str, Any]):
    """The placeholders of flag texts ({valore}, {target}, {data}…) for one indicator or group,
    each formatted the first time a text uses it; «n.d.» when it does not apply."""

    def __init__(self, evaluator: _Evaluator, item: Item | None, mean: Mean | None = None):
        super().__init__()
        self.evaluator, self.item, self.mean = evaluator, item, mean

    def __missing__(self, key: str) -> str:
        value = self._value(key)
        self[key] = value = "n.d." if value is None else value
        return value

    def _value(self, key: str) -> str | None:
        item, as_of = self.item, self.evaluator.as_of
        if key == "data":
            return self.evaluator.long_date
        if key == "pesi_somma":
            return format_it.number(self.mean.weights_sum) if self.mean is not None and self.mean.weights_sum is not None else None
        if item is None:
            return None
        measure, target = item.measure, item.target
        if key == "valore":
            return self.evaluator.shown_value(item)
        if key == "target":
            return self.evaluator.shown_target(target)
        if key == "soglia":
            return self.evaluator.shown_target(item.threshold) if item.threshold else None
        if key in ("atteso", "proiezione", "grado"):
            number = {"atteso": item.expected, "proiezione": item.projection, "grado": item.score.achievement}[key]
            return None if number is None else format_it.percent(number, 0 if key != "grado" else 2)
        if key in ("scadenza", "giorni"):
            if target.deadline is None:
                return None
            return format_it.short_date(target.deadline) if key == "scadenza" else str((target.deadline - as_of).days)
        if key == "valori":
            return item.divergent_values or None
        if key == "stato":
            return item.status.label if item.status is not None else None
        if key == "lettura":
            return item.reading.text() if item.reading is not None else None
        if key in ("anni_mancati", "ultimo_valore"):
            return past.reason_values(self.evaluator.histories.get(item.n))[key]
        if measure is None:
            return None
        if key == "proposta":
            return clean(measure.proposed_target) if measure.proposed_target else None
        if key == "motivazione":
            return measure.proposal_reason or None
        if key == "causa_esterna":
            return measure.external_cause or None
        if key == "avanzamento":
            return format_it.percent(measure.progress) if measure.progress is not None else None
        return None


def _component_target(item: Item, label: str) -> Decimal | None:
    return next((c.value for c in item.target.components if c.label == label), None)


def _plan_reference(item: Item) -> Decimal | None:
    """The reference of a relative target in the plan: its own field, else the value the target writes in brackets
    («≥ media triennio precedente (65,4%)»), else the one the measure's note writes («Media 2020-2022: 176»)."""
    if item.indicator.reference is not None:
        return item.indicator.reference.value
    if item.target.reference is not None and item.target.reference.value is not None:
        return item.target.reference.value
    return item.noted_reference.value if item.noted_reference is not None else None


def _worst(flags: list[Flag]) -> Severity | None:
    return max({f.severity for f in flags}, key=lambda s: s.rank, default=None)


def _counts(items: list[Item]) -> Counts:
    found = Counter(item.status for item in items)
    return trusted_dict(Counts, {name: found[status] for status, name in _STATUS_NAMES})


_STATUS_NAMES = [(status, status.value) for status in Status]  # in the order of Counts' fields


@lru_cache(maxsize=None)
def _accrual_shown(accrual: Accrual, declared: bool) -> str:
    """«cumulativo (dal piano)», «solo consuntivo (dalle regole)»: a few texts, written once."""
    return f"{accrual.value.replace('_', ' ')} ({'dal piano' if declared else 'dalle regole'})"


def _explanation(item: Item, evaluator: _Evaluator) -> Explanation:
    measure = item.measure
    inputs = {"valore": evaluator.shown_value(item), "target": item.target_text or "n.d."}
    if item.inputs:
        inputs.update(item.inputs)
    if item.original_target:
        inputs["target originario"] = item.original_target
    if item.threshold is not None:
        inputs["soglia"] = item.threshold.text
    reference = _plan_reference(item)
    if reference is not None:
        inputs["riferimento"] = format_it.number(reference)
        if item.noted_reference is not None:
            inputs["riferimento"] += f" (letto nella nota: «{item.noted_reference.words}»)"
    if measure is not None and measure.reference is not None:
        inputs["riferimento"] = format_it.number(measure.reference)
    inputs["andamento"] = _accrual_shown(item.accrual, item.indicator.accrual is not None)
    if not evaluator.final:
        if item.expected is not None:
            inputs["atteso alla data"] = format_it.percent(item.expected, 0)
        if item.pace is not None:
            inputs["rispetto all'atteso"] = format_it.percent(item.pace, 0)
    return trusted_dict(Explanation, {"steps": item.steps, "inputs": inputs, "formula": item.score.formula})


def _objective_result(evaluator: _Evaluator, area_code: str, objective: Objective, parent: str | None) -> list[ObjectiveResult]:
    subtree = list(objective.walk())
    items = [i for o in subtree for i in evaluator.by_objective[o.code]]
    flags = [f for i in items for f in i.flags] + [f for o in subtree for f in evaluator.extra_flags[o.code]]
    mean = evaluator.means[objective.code]
    result = trusted(  # fields in the order the model declares them: the order of the JSON
        ObjectiveResult, achievement=mean.value, counts=_counts(items), worst_flag=_worst(flags), excluded=mean.excluded,
        equal_weights=mean.equal_weights, code=objective.code, name=objective.name,
        kind=objective.kind.value if objective.kind else None, owner=objective.owner, area=area_code, parent=parent,
        weight=objective.weight, indicators=[i.code for i in evaluator.by_objective[objective.code]],
        objectives=[c.code for c in objective.objectives], flags=evaluator.extra_flags[objective.code],
    )
    results = [result]
    for child in objective.objectives:
        results += _objective_result(evaluator, area_code, child, objective.code)
    return results


def _build(evaluator: _Evaluator, engine: str) -> Evaluation:
    plan = evaluator.plan
    indicators = []
    histories = evaluator.histories
    for item in evaluator.items:
        # every part is already a validated model: construct without validating again (large plans)
        score = item.score
        indicators.append(trusted_dict(IndicatorResult, {
            "code": item.code, "name": item.indicator.name, "objective": item.objective.code, "area": item.area.code,
            "owner": item.owner, "weight": item.indicator.weight, "target_text": item.target_text,
            "original_target": item.original_target, "target": item.target, "threshold": item.threshold,
            "measure": item.measure, "accrual": item.accrual, "method": item.method, "status": item.status,
            "achievement": score.achievement, "ratio": score.ratio, "expected": item.expected, "pace": item.pace,
            "projection": item.projection,
            "components": score.components, "divergent_values": item.divergent_values, "flags": item.flags,
            "reading": item.reading, "proposed": item.proposed,
            "adjustment": item.adjustment, "against_proposal": item.against_proposal,
            "explanation": _explanation(item, evaluator), "history": histories.get(item.n),
        }))
    objectives = [r for area in plan.areas for top in area.objectives for r in _objective_result(evaluator, area.code, top, None)]
    by_area: dict[str, list[Item]] = defaultdict(list)
    for item in evaluator.items:
        by_area[item.area.code].append(item)
    areas = []
    for area in plan.areas:
        items = by_area[area.code]
        flags = [f for i in items for f in i.flags] + [f for o in objectives if o.area == area.code for f in o.flags]
        flags += evaluator.extra_flags[area.code]
        mean = evaluator.area_means[area.code]
        areas.append(AreaResult(
            code=area.code, name=area.name, weight=area.weight, achievement=mean.value, counts=_counts(items),
            worst_flag=_worst(flags), excluded=mean.excluded, equal_weights=mean.equal_weights,
            objectives=[o.code for o in area.objectives], flags=evaluator.extra_flags[area.code],
        ))
    offices = []
    by_owner: dict[str, list[Item]] = defaultdict(list)
    for item in evaluator.items:
        by_owner[item.owner or "non indicato"].append(item)
    for owner, items in by_owner.items():
        mean = combine([Member(i.code, None, i.score.achievement) for i in items], evaluator.method)
        offices.append(OfficeResult(
            owner=owner, achievement=mean.value, counts=_counts(items), worst_flag=_worst([f for i in items for f in i.flags]),
            excluded=mean.excluded, equal_weights=True, indicators=[i.code for i in items],
        ))
    all_flags = [f for i in evaluator.items for f in i.flags] + [f for flags in evaluator.extra_flags.values() for f in flags]
    by_code: dict[str, int] = defaultdict(int)
    by_severity: dict[str, int] = defaultdict(int)
    for flag in all_flags:
        by_code[flag.code] += 1
        by_severity[flag.severity.value] += 1
    ente = evaluator.ente_mean
    summary = Summary(
        achievement=ente.value, counts=_counts(evaluator.items), worst_flag=_worst(all_flags), excluded=ente.excluded,
        equal_weights=ente.equal_weights, objectives=sum(1 for _ in plan.objectives()), indicators=len(evaluator.items),
        flag_counts=dict(by_code), severity_counts=dict(by_severity),
        bands=bands(ente.value, evaluator.rulebook.aggregation.bands), flags=evaluator.extra_flags["ente"],
        basis=evaluator.ente.basis, members=evaluator.ente.members, level=evaluator.ente.level, apart=evaluator.ente.apart,
    )
    warnings = list(evaluator.adjust_warnings)
    if all(i.indicator.weight is None for i in evaluator.items) and all(o.weight is None for _, o in plan.objectives()):
        warnings.append(Problem(message="il piano non indica pesi: gli indicatori e gli obiettivi hanno pesi uguali", severity=ProblemSeverity.WARNING))
    return Evaluation(
        ente=plan.ente.name, year=plan.year, as_of=evaluator.as_of, final=evaluator.final, engine=engine,
        rules=evaluator.rulebook.sources, indicators=indicators, objectives=objectives, areas=areas, offices=offices,
        summary=summary, warnings=warnings,
    )


# What a deadline in a name or an algorithm is written with: «entro», «scadenza», a date.
_DEADLINE_CUE = re.compile(rf"\bentro\b|\bscadenz|\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*\d{{2,4}}|"
                           rf"\b(?:{'|'.join(values.MONTHS)})\b", re.IGNORECASE)


def _named_deadline(target: Target, indicator: Indicator, year: int) -> date | None:
    """The deadline a SI target leaves to the indicator's name («Adozione del modello 231 entro il 30/09/2022», target
    «SI»), or else to its algorithm («Attivazione dello sportello entro il 30.09.2024»)."""
    if target.kind is not TargetKind.BOOLEAN or target.deadline is not None:
        return None
    for text in (indicator.name, indicator.formula):
        if not text or _DEADLINE_CUE.search(text) is None:
            continue  # no «entro», no date: nothing to parse (a plan has thousands of names)
        try:
            named = parse_target(text, year)
        except TargetError:
            continue
        if named is not None and named.kind is TargetKind.DEADLINE:
            return named.deadline
    return None


@gc_paused()
def evaluate(
    plan: Plan,
    measures: MeasureSet,
    as_of: date,
    *,
    rulebook: Rulebook | None = None,
    engine: str | None = None,
    base_dir: str | Path | None = None,
    on_stage: Callable[[str], None] | None = None,
    history: Mapping[str, list[past.PastYear]] | None = None,
    adjustments: list[Adjustment] | None = None,
) -> Evaluation:
    """Evaluate ``plan`` with ``measures`` at ``as_of``.

    ``rulebook`` defaults to the rules shipped with piao-rules, overridden file by file by the plan's
    own ``regole`` folder (relative to ``base_dir``, the plan file's folder). ``engine`` is
    ``durable`` or ``interno`` (default: durable where installed). ``on_stage`` is called with
    the name of each of :data:`STAGES` as it starts (for a progress bar). ``history`` gives each
    indicator's earlier years by current code (see :mod:`piao_rules.history`); with it every
    indicator gets its trend and the history facts, without it neither. ``adjustments`` are the
    decisions of people (neutralisations, forced scores, proposals confirmed) applied after the rules.
    """
    stage = on_stage or (lambda name: None)
    if rulebook is None:
        override = Path(base_dir or ".") / plan.rules if plan.rules else None
        rulebook = load_rulebook(override)
    name = engine or default_engine()
    runner = _runner(name, list(rulebook.tables.values()))
    try:
        stage(STAGES[0])
        evaluator = _Evaluator(plan, measures, as_of, rulebook, runner, history)
        stage(STAGES[1])
        evaluator.evaluate_items([i for i in evaluator.items if not i.indicator.computed])
        pairs = proposals.proposal_items(evaluator.items, plan.year)
        evaluator.evaluate_items([copy for _, copy in pairs])
        proposals.attach(pairs)
        evaluator.adjust_warnings = adjust.apply(evaluator.items, adjustments or [])
        stage(STAGES[2])
        for area in plan.areas:
            for objective in area.objectives:
                evaluator.aggregate(objective)
        stage(STAGES[3])
        evaluator.raise_flags()
        adjust.drop_flags(evaluator.items)
        stage(STAGES[4])
        return _build(evaluator, name)
    finally:
        runner.close()
