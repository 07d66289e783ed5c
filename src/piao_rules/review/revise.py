"""A new plan version from the target revisions accepted in the review journal."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from piao_rules import values
from piao_rules.errors import InputError
from piao_rules.io.model import Plan, TargetRevision
from piao_rules.review import Outcome
from piao_rules.review.journal import Decision, Journal


@dataclass
class Applied:
    code: str
    previous: str
    target: str
    decision: Decision


def accepted_revisions(journal: Journal, year: int) -> list[Decision]:
    """The decisions in force that accept a new target, one per flag (the latest decision on it)."""
    latest: dict[str, Decision] = {}
    for decision in journal.decisions:
        if decision.year == year:
            latest[decision.flag] = decision
    return [d for d in latest.values() if d.outcome is Outcome.ACCEPTED and d.new_target]


def act(text: str | None) -> tuple[str | None, date | None]:
    """«n. 107 del 31/07/2023» → («delibera di Giunta n. 107 del 31/07/2023», 31/07/2023)."""
    if not text or not text.strip():
        return None, None
    text = " ".join(text.split())
    full = text if text.lower().startswith(("delibera", "deliberazione", "determin")) else f"delibera di Giunta {text}"
    match = re.search(r"\bdel\s+(\S+(?:\s+\w+\s+\d{4})?)", text)
    if match is None:
        return full, None
    try:
        return full, values.parse_date(match.group(1).rstrip(".,;"))
    except ValueError as error:
        raise InputError.single("", f"--delibera: {error}") from None


def revise(plan: Plan, journal: Journal, approved_by: str | None = None, oiv_opinion: str | None = None) -> tuple[Plan, list[Applied]]:
    """The plan with ``revisione`` + 1 and a ``revisioni`` entry on each indicator whose new target was accepted.

    Revisions already in the plan (same target in force) are not applied twice.
    InputError when there is nothing to apply or a decision names an unknown indicator.
    """
    act_text, act_date = act(approved_by)
    revised = plan.model_copy(deep=True)
    indicators = {i.code: i for _, _, i in revised.indicators()}
    number = plan.revision + 1
    applied = []
    for decision in accepted_revisions(journal, plan.year):
        indicator = indicators.get(decision.subject)
        if indicator is None:
            raise InputError.single(journal.path, f"la decisione su {decision.flag} riguarda l'indicatore {decision.subject}, "
                                                  "che non è nel piano: usare il piano valutato")
        current = indicator.target_for(plan.year) or ""
        if current == decision.new_target:
            continue
        assert decision.new_target is not None  # accepted_revisions: each has a new target
        indicator.revisions.append(TargetRevision(
            number=number, previous=current, target=decision.new_target,
            reason=decision.proposal_reason or decision.note, approved_by=act_text,
            approved_on=act_date, oiv_opinion=oiv_opinion,
        ))
        applied.append(Applied(indicator.code, current, decision.new_target, decision))
    if not applied:
        raise InputError.single(journal.path, "nessuna revisione del target da applicare: il giornale non ha decisioni "
                                              "«accolta» con un nuovo target non ancora nel piano")
    revised.revision = number
    return revised, applied
