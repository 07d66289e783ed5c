"""Decisions of people applied to an evaluation: neutralisations and forced scores approved by the
Giunta, and statuses proposed from a note that a person confirmed or corrected.

The engine does not read the review journal (a higher layer): the caller turns journal entries
into :class:`Adjustment` objects. Each applied adjustment is recorded on the indicator (who, why,
approved by what, the figures before) and in its explanation, so that documents can report it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from piao_rules.engine.facts import FIELDS
from piao_rules.engine.result import Adjustment, AppliedAdjustment, Effect, Status, Step
from piao_rules.errors import Problem, Severity

if TYPE_CHECKING:
    from piao_rules.engine.prepare import Item


def apply(items: list[Item], adjustments: list[Adjustment]) -> list[Problem]:
    """Apply ``adjustments`` to the evaluated items (status, degree, facts, explanation).

    Returns warnings for adjustments naming no indicator of the plan, or a confirmation with
    no proposal to confirm.
    """
    by_code = {item.code: item for item in items}
    problems = []
    for adjustment in adjustments:
        item = by_code.get(adjustment.code)
        if item is None:
            problems.append(Problem(where=adjustment.code, severity=Severity.WARNING,
                                    message=f"{adjustment.effect.label}: l'indicatore {adjustment.code} non è nel piano"))
            continue
        if adjustment.effect in (Effect.CONFIRMED, Effect.REJECTED) and item.reading is None:
            problems.append(Problem(where=adjustment.code, severity=Severity.WARNING,
                                    message=f"{adjustment.effect.label}: l'indicatore {adjustment.code} non ha più uno stato "
                                            "proposto dalla nota (è arrivata una misura?): decisione non applicata"))
            continue
        item.adjustment = AppliedAdjustment(
            **adjustment.model_dump(), before_status=item.status, before_achievement=item.score.achievement,
        )
        status, achievement = _outcome(adjustment, item)
        item.status = status
        item.score.achievement = achievement
        item.proposed = False
        for name, value in (("stato", status.value), ("grado", achievement)):
            if value is None:
                item.facts.pop(name, None)
            else:
                item.facts[name] = FIELDS[name].encode(value)
        item.steps.append(Step(
            table="rettifiche", rule=adjustment.effect.value, name=item.adjustment.text(), condition="decisione registrata nel giornale",
            effect=f"stato: {status.label}" + (f", grado {achievement}%" if achievement is not None else ", grado non calcolato"),
        ))
    return problems


def _outcome(adjustment: Adjustment, item: Item) -> tuple[Status, Decimal | None]:
    effect = adjustment.effect
    if effect is Effect.NEUTRALISED:
        return Status.NOT_MEASURABLE, None
    assert item.status is not None  # decisions apply after the «stato» table
    if effect is Effect.CONFIRMED:
        return item.status, item.score.achievement
    if effect is Effect.REJECTED:
        return adjustment.status or Status.TO_ASSESS, adjustment.achievement
    status = adjustment.status or item.status
    achievement = adjustment.achievement if adjustment.achievement is not None else (
        item.score.achievement if effect is Effect.STATUS else None)
    return status, achievement


def drop_flags(items: list[Item]) -> None:
    """A neutralised indicator raises no flag: the Giunta has already decided on it."""
    for item in items:
        if item.adjustment is not None and item.adjustment.effect is Effect.NEUTRALISED:
            item.flags = []
            item.steps = [step for step in item.steps if step.table != "segnalazioni"]
