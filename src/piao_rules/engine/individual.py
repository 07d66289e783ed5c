"""The organisational component of each person's individual evaluation (SMVP).

Each person (dirigente, E.Q.) is assigned objectives of the plan: listed in the SMVP file with
their weights, or found by the plan's ``responsabile``. The component is the weighted mean of
the objectives' degrees of achievement (objectives not measurable are left out and the weights
renormalised, as everywhere else); its points are that mean times the component's SMVP weight.
Behaviours are scored by the evaluator on the form: here they are only listed.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field

from piao_rules.engine.aggregate import Member, combine
from piao_rules.engine.result import Evaluation, Status
from piao_rules.errors import InputError, Problem, Severity
from piao_rules.io.model import Plan
from piao_rules.io.places import Places
from piao_rules.io.smvp import Person, Smvp
from piao_rules.number import Number

HUNDRED = Decimal(100)
WEIGHTS_FROM = {"smvp": "dal file SMVP", "piano": "dal piano", "uguali": "uguali (né il file SMVP né il piano li indicano)"}


class IndicatorLine(BaseModel):
    code: str
    name: str
    target: str | None = None
    value: str
    achievement: Number | None = None
    status: Status


class AssignedObjective(BaseModel):
    code: str
    name: str
    weight: Number | None = Field(None, description="Weight used in the component (None with equal weights)")
    achievement: Number | None = Field(None, description="Degree of achievement of the objective, 0–100")
    indicators: list[IndicatorLine] = Field(default_factory=list)


class IndividualScore(BaseModel):
    """The organisational component of one person, traceable to objectives and indicators."""

    person: Person
    objectives: list[AssignedObjective]
    weights_from: str = Field(description="smvp, piano or uguali")
    achievement: Number | None = Field(None, description="Weighted mean of the objectives' degrees, 0–100")
    points: Number | None = Field(None, description="achievement × component weight / 100")
    excluded: list[str] = Field(default_factory=list, description="Objectives left out (not measurable)")


def _owned(plan: Plan, person: Person) -> list[tuple[str, Decimal | None]]:
    labels = {" ".join(o.split()).casefold() for o in person.owners}
    return [(o.code, o.weight) for _, o in plan.objectives() if o.owner and " ".join(o.owner.split()).casefold() in labels]


def _assigned(plan: Plan, person: Person, index: int, places: Places) -> tuple[list[tuple[str, Decimal | None]], str]:
    codes = {o.code for _, o in plan.objectives()}
    problems = [
        Problem(file=places.file, where=places.where(("valutati", index, "obiettivi", n, "codice")), severity=Severity.ERROR,
                message=f"«{a.code}» non è un obiettivo del piano {plan.year}: usare il codice dell'obiettivo come nel piano")
        for n, a in enumerate(person.objectives) if a.code not in codes
    ]
    if problems:
        raise InputError(problems)
    if person.objectives:
        pairs = [(a.code, a.weight) for a in person.objectives]
        return pairs, "smvp" if pairs[0][1] is not None else _plan_or_equal(plan, [c for c, _ in pairs])
    owned = _owned(plan, person)
    if not owned:
        raise InputError([Problem(
            file=places.file, where=places.where(("valutati", index, "responsabile")),
            message=f"nessun obiettivo del piano ha responsabile {', '.join(f'«{o}»' for o in person.owners)}: "
                    "scriverlo come nel piano oppure elencare gli «obiettivi» assegnati")])
    return owned, _plan_or_equal(plan, [c for c, _ in owned])


def _plan_or_equal(plan: Plan, codes: list[str]) -> str:
    weights = {o.code: o.weight for _, o in plan.objectives()}
    return "piano" if all(weights[c] is not None for c in codes) else "uguali"


def score_person(smvp: Smvp, index: int, plan: Plan, evaluation: Evaluation, places: Places) -> IndividualScore:
    person = smvp.people[index]
    pairs, source = _assigned(plan, person, index, places)
    plan_weights = {o.code: o.weight for _, o in plan.objectives()}
    objectives = []
    for code, own in pairs:
        result = evaluation.objective(code)
        weight = own if source == "smvp" else plan_weights[code] if source == "piano" else None
        lines = [
            IndicatorLine(code=i.code, name=i.name, target=i.target_text, value=i.explanation.inputs.get("valore", "n.d."),
                          achievement=i.achievement, status=i.status)
            for i in evaluation.indicators_of(code)
        ]
        objectives.append(AssignedObjective(code=code, name=result.name, weight=weight, achievement=result.achievement, indicators=lines))
    mean = combine([Member(o.code, o.weight, o.achievement) for o in objectives], "media_ponderata")
    points = mean.value * smvp.components.organisational / HUNDRED if mean.value is not None else None
    return IndividualScore(person=person, objectives=objectives, weights_from=source, achievement=mean.value,
                           points=points, excluded=mean.excluded)


def score_people(smvp: Smvp, plan: Plan, evaluation: Evaluation, places: Places) -> list[IndividualScore]:
    """Every person of the SMVP file; raises InputError (located in the SMVP file) for unknown objectives."""
    scores, problems = [], []
    for index in range(len(smvp.people)):
        try:
            scores.append(score_person(smvp, index, plan, evaluation, places))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems)
    return scores
