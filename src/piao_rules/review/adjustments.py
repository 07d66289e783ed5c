"""From the review journal to the adjustments the engine applies: rectifications approved by the
Giunta (neutralisation, forced status or degree) and decisions on statuses proposed from a note."""

from __future__ import annotations

from datetime import date

from piao_rules.engine import flag_codes
from piao_rules.engine.result import Adjustment, Effect, Status
from piao_rules.review import Outcome
from piao_rules.review.journal import Decision, Journal, Rectification

PROPOSAL_FLAG = flag_codes.PROPOSED_STATUS


def _from_rectification(entry: Rectification) -> Adjustment:
    return Adjustment(
        code=entry.code, effect=Effect(entry.effect), status=Status(entry.status) if entry.status else None,
        achievement=entry.achievement, reason=entry.reason, approved_by=entry.approved_by, who=entry.who,
    )


def _from_decision(entry: Decision) -> Adjustment | None:
    if entry.outcome is Outcome.ACCEPTED:
        effect = Effect.CONFIRMED
    elif entry.outcome is Outcome.REJECTED:
        effect = Effect.REJECTED
    else:
        return None
    return Adjustment(
        code=entry.subject, effect=effect, status=Status(entry.status) if entry.status else None,
        reason=entry.note, who=entry.who,
    )


def adjustments(journal: Journal | None, year: int, as_of: date) -> list[Adjustment]:
    """The adjustments in force at ``as_of``: the latest rectification of each indicator, and the latest
    decision on each status proposed from a note at that date (a rectification prevails)."""
    if journal is None:
        return []
    found: dict[str, Adjustment] = {}
    for entry in journal.decisions:
        if entry.code == PROPOSAL_FLAG and entry.year == year and entry.as_of == as_of:
            adjustment = _from_decision(entry)
            if adjustment is None:
                found.pop(entry.subject, None)
            else:
                found[entry.subject] = adjustment
    for rectification in journal.rectifications:
        if rectification.applies(year, as_of):
            found[rectification.code] = _from_rectification(rectification)
    return list(found.values())
