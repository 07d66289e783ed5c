"""The evaluation result: per indicator, objective, area, office and for the whole ente.

This is the documented JSON of ``piao-rules valuta --json`` (English keys).
Degrees of achievement are percentages from 0 to 100; ``None`` means "not
measurable", never zero.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, TypedDict, TypeVar

from pydantic import BaseModel, Field, PrivateAttr

from piao_rules.engine.notes import NoteReading
from piao_rules.engine.past import IndicatorHistory
from piao_rules.errors import Problem
from piao_rules.io.model import Accrual, Measure
from piao_rules.number import Number
from piao_rules.targets.model import Target

M = TypeVar("M", bound=BaseModel)


def trusted(model: type[M], **values: Any) -> M:
    """A result built by the engine from validated parts, without validating again.

    Every field given by name, in the order the model declares them (the order of its JSON):
    the fast path of pydantic's ``model_construct`` for plain models (no aliases, defaults,
    private attributes or post-init), which large plans build tens of thousands of times;
    anything else goes through ``model_construct``.
    """
    return trusted_dict(model, values)


def trusted_dict(model: type[M], values: dict[str, Any]) -> M:
    """:func:`trusted` with the fields in a dict, which becomes the instance's own (the largest
    results: a dict display is built faster than keyword arguments)."""
    every = _PLAIN.get(model, _UNSEEN)
    if every is _UNSEEN:  # the names of all the fields of a plain model; None (never matched) for the others
        plain = not (model.__private_attributes__ or model.__pydantic_post_init__) and model.__new__ is object.__new__
        every = _PLAIN[model] = set(model.__pydantic_fields__) if plain else None
    if every is None or len(values) != len(every):
        return model.model_construct(**values)
    instance = _new(model)
    _set(instance, "__dict__", values)
    # Every field is set: one set shared by all the instances (pydantic only ever adds a field's name
    # to it, which changes nothing; copies get their own). The slots are set through their descriptors.
    _set_fields(instance, every)
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


_PLAIN: dict[type, set[str] | None] = {}
_UNSEEN: set[str] = set()
_new, _set = object.__new__, object.__setattr__
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class Status(str, Enum):
    REACHED = "raggiunto"
    ON_TRACK = "in_linea"
    AT_RISK = "a_rischio"
    MISSED = "non_raggiunto"
    NOT_MEASURABLE = "non_rilevabile"
    TO_ASSESS = "da_valutare"

    @property
    def label(self) -> str:
        """The Italian wording of the status: «in linea», «non rilevabile»."""
        return self.value.replace("_", " ")


class Severity(str, Enum):
    HIGH = "alta"
    MEDIUM = "media"
    LOW = "bassa"

    @property
    def rank(self) -> int:
        return {"alta": 3, "media": 2, "bassa": 1}[self.value]


class Flag(BaseModel):
    """A deviation to examine (segnalazione), with its reason and the proposed action."""

    id: str = Field(description="Stable id: «<codice>/<segnalazione>», the same at every re-evaluation")
    code: str = Field(description="azione_correttiva, dato_mancante, rimodulazione_target, scadenza_imminente, incoerenza…")
    severity: Severity
    subject: str = Field(description="Code of the indicator or objective")
    level: str = Field(description="indicatore or obiettivo")
    rule: str = Field(description="Id of the rule that raised it")
    reason: str
    action: str
    note_requested: bool = False


class Step(BaseModel):
    """A rule that fired, for the explanation."""

    table: str
    rule: str
    name: str
    condition: str
    effect: str


class Explanation(BaseModel):
    """Why an indicator got its figures: the rules that fired and the inputs used."""

    steps: list[Step] = Field(default_factory=list)
    inputs: dict[str, str] = Field(default_factory=dict, description="Values as shown to a person (Italian format)")
    formula: str | None = Field(None, description="The computation of the degree, with its numbers")

    def text(self) -> str:
        """The whole explanation as Italian lines."""
        lines = [f"{key}: {value}" for key, value in self.inputs.items()]
        if self.formula:
            lines.append(f"calcolo: {self.formula}")
        lines += [f"[{s.rule}] {s.name} — se {s.condition} → {s.effect}" for s in self.steps]
        return "\n".join(lines)


class ComponentResult(BaseModel):
    label: str
    target: str
    value: Number | None = None
    achievement: Number | None = None


class Effect(str, Enum):
    NEUTRALISED = "neutralizzazione"  # excluded from the degrees, weights renormalised
    STATUS = "stato"  # status forced (with an optional degree)
    DEGREE = "grado"  # degree forced (with an optional status)
    CONFIRMED = "conferma"  # the status proposed from the note is confirmed
    REJECTED = "rifiuto"  # the status proposed from the note is rejected (then to assess, unless a status is given)

    @property
    def label(self) -> str:
        return {"neutralizzazione": "neutralizzato", "stato": "stato rettificato", "grado": "grado rettificato",
                "conferma": "stato proposto confermato", "rifiuto": "stato proposto respinto"}[self.value]


class Adjustment(BaseModel):
    """A decision on one indicator, to apply when evaluating."""

    code: str
    effect: Effect
    status: Status | None = None
    achievement: Number | None = Field(None, ge=0, le=100)
    reason: str
    approved_by: str | None = Field(None, description="es. «delibera di Giunta n. 107 del 31/07/2023»")
    who: str


class AppliedAdjustment(Adjustment):
    """An adjustment as applied, with the figures it replaced."""

    before_status: Status
    before_achievement: Number | None = None

    def text(self) -> str:
        """«neutralizzato con delibera … (chi): motivo»."""
        approved = f" con {self.approved_by}" if self.approved_by else ""
        return f"{self.effect.label}{approved} ({self.who}): {self.reason}"


class ProposedEvaluation(BaseModel):
    """The indicator evaluated against a proposed target revision not yet decided."""

    target_text: str = Field(description="The proposed target, as written")
    status: Status
    achievement: Number | None = None
    expected: Number | None = None
    pace: Number | None = None
    formula: str | None = None
    proposed: bool = Field(False, description="The status rests on the reading of the note")


class IndicatorResult(BaseModel):
    code: str
    name: str
    objective: str
    area: str
    owner: str | None = None
    weight: Number | None = None
    target_text: str | None = Field(None, description="The target in force (the revised one if a revision was approved)")
    original_target: str | None = Field(None, description="The plan's target before any approved revision")
    target: Target | None = None
    threshold: Target | None = None
    measure: Measure | None = None
    accrual: Accrual
    method: str
    status: Status
    achievement: Number | None = Field(None, description="Degree of achievement, 0–100")
    ratio: Number | None = Field(None, description="Value / target × 100, not capped")
    expected: Number | None = Field(None, description="Share of the annual target expected at the date (pace), %")
    pace: Number | None = Field(None, description="Progress against the expected pace, % (100 = on pace)")
    projection: Number | None = Field(None, description="Projected year-end value / target × 100")
    components: list[ComponentResult] = Field(default_factory=list)
    divergent_values: str | None = Field(
        None, description="The different values of the same (linked) indicator in other objectives, as shown"
    )
    flags: list[Flag] = Field(default_factory=list)
    explanation: Explanation = Field(default_factory=Explanation)
    history: IndicatorHistory | None = Field(None, description="Earlier years and trend, when a history (storico) was given")
    reading: NoteReading | None = Field(
        None, description="What the note suggests (phase, rough progress, the words) when there is no measure: a proposal"
    )
    proposed: bool = Field(False, description="The status rests on the reading of the note and awaits confirmation")
    adjustment: AppliedAdjustment | None = Field(None, description="A person's decision applied after the rules")
    against_proposal: ProposedEvaluation | None = Field(
        None, description="The same indicator evaluated against the proposed target, until the Giunta decides"
    )


class Counts(BaseModel):
    """How many indicators are in each state."""

    raggiunto: int = 0
    in_linea: int = 0
    a_rischio: int = 0
    non_raggiunto: int = 0
    non_rilevabile: int = 0
    da_valutare: int = 0

    def add(self, status: Status) -> None:
        setattr(self, status.value, getattr(self, status.value) + 1)

    @property
    def total(self) -> int:
        return sum(self.model_dump().values())


class Aggregate(BaseModel):
    """What objectives, areas, offices and the ente share: a degree, counts, the worst flag."""

    achievement: Number | None = Field(None, description="Weighted degree of achievement, 0–100")
    counts: Counts = Field(default_factory=Counts)
    worst_flag: Severity | None = None
    excluded: list[str] = Field(default_factory=list, description="Members left out of the mean (not measurable)")
    equal_weights: bool = Field(False, description="True when the plan gives no weights and equal ones were used")


class ObjectiveResult(Aggregate):
    code: str
    name: str
    kind: str | None = None
    owner: str | None = None
    area: str
    parent: str | None = None
    weight: Number | None = None
    indicators: list[str] = Field(default_factory=list)
    objectives: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


class AreaResult(Aggregate):
    code: str
    name: str
    weight: Number | None = None
    objectives: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)


class OfficeResult(Aggregate):
    owner: str
    indicators: list[str] = Field(default_factory=list)


class BandResult(BaseModel):
    name: str
    kind: str = Field(description="zero, proporzionale o pieno")
    share: Number = Field(description="Share of the resources, %")


class Summary(Aggregate):
    objectives: int
    indicators: int
    flag_counts: dict[str, int] = Field(default_factory=dict, description="All flags, by code")
    severity_counts: dict[str, int] = Field(default_factory=dict, description="All flags, by severity")
    bands: list[BandResult] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list, description="Flags about the ente as a whole (weights of the areas)")
    basis: str = Field("aree", description="What the ente's degree averages: «aree» or «obiettivi»")
    members: list[str] = Field(default_factory=list, description="Codes of the areas or objectives averaged for the ente")
    level: list[str] = Field(default_factory=list, description="Objective kinds the ente's degree is restricted to")
    apart: list[str] = Field(default_factory=list, description="Objectives reported apart, outside the ente's degree")


class _Index(TypedDict):
    indicators: dict[str, IndicatorResult]
    objectives: dict[str, ObjectiveResult]
    by_objective: dict[str, list[IndicatorResult]]
    position: dict[str, int]


class Evaluation(BaseModel):
    """The whole evaluation of a plan at a date."""

    ente: str
    year: int
    as_of: date
    final: bool = Field(description="True at the end of the period (31/12)")
    engine: str = Field(description="durable or interno")
    rules: dict[str, str] = Field(description="Rules file used for each table")
    indicators: list[IndicatorResult]
    objectives: list[ObjectiveResult]
    areas: list[AreaResult]
    offices: list[OfficeResult]
    summary: Summary
    warnings: list[Problem] = Field(default_factory=list)

    _index: _Index | None = PrivateAttr(default=None)

    def _lookup(self) -> _Index:
        """Codes to results, built once (large plans look results up many times). Read from the private
        attributes' dict: ``self._index`` goes through pydantic's ``__getattr__``, slow for so many lookups."""
        private = self.__pydantic_private__
        assert private is not None  # a model with private attributes always has their dict
        index: _Index | None = private["_index"]
        if index is None:
            by_objective: dict[str, list[IndicatorResult]] = {}
            for indicator in self.indicators:
                by_objective.setdefault(indicator.objective, []).append(indicator)
            built: _Index = {
                "indicators": {i.code: i for i in self.indicators},
                "objectives": {o.code: o for o in self.objectives},
                "by_objective": by_objective,
                "position": {i.code: n for n, i in enumerate(self.indicators)},
            }
            index = private["_index"] = built
        return index

    def indicator(self, code: str) -> IndicatorResult:
        return self._lookup()["indicators"][code]

    def objective(self, code: str) -> ObjectiveResult:
        return self._lookup()["objectives"][code]

    def in_plan_order(self, indicators: list[IndicatorResult]) -> list[IndicatorResult]:
        position = self._lookup()["position"]
        return sorted(indicators, key=lambda i: position[i.code])

    def has_indicator(self, code: str) -> bool:
        return code in self._lookup()["indicators"]

    def indicators_of(self, objective: str) -> list[IndicatorResult]:
        """The indicators held directly by an objective, in plan order."""
        return self._lookup()["by_objective"].get(objective, [])

    @property
    def flags(self) -> list[Flag]:
        """Every flag: indicators' first in plan order, then objectives', areas' and the ente's."""
        return (
            [f for i in self.indicators for f in i.flags]
            + [f for o in self.objectives for f in o.flags]
            + [f for a in self.areas for f in a.flags]
            + self.summary.flags
        )
