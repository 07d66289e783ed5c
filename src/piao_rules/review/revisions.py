"""Target revisions: those proposed with the measures, and those accepted in the review journal.

One list feeds both the relator's narrative and the deliberation's dispositive
points, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from piao_rules.engine.prepare import show_target
from piao_rules.engine.result import Evaluation, IndicatorResult
from piao_rules.review.journal import Decision
from piao_rules.targets.markup import clean


@dataclass(frozen=True)
class Revision:
    """A change of target: proposed by an office, or accepted in review."""

    code: str
    indicator: str
    objective: str
    before: str
    after: str
    reason: str

    def as_item(self) -> str:
        return f"{self.code} «{self.indicator}» (obiettivo {self.objective}): target da «{self.before}» a «{self.after}»"

    def as_context(self) -> dict[str, str]:
        return {"codice": self.code, "indicatore": self.indicator, "obiettivo": self.objective,
                "da": self.before, "a": self.after, "motivazione": self.reason}


def _target(indicator: IndicatorResult) -> str:
    if indicator.target is not None:
        return show_target(indicator.target)
    return clean(indicator.target_text or "") or "n.d."


def proposed(evaluation: Evaluation) -> list[Revision]:
    """The target revisions proposed with the measures, in plan order."""
    found = []
    for indicator in evaluation.indicators:
        measure = indicator.measure
        if measure is not None and measure.proposed_target:
            found.append(Revision(
                code=indicator.code, indicator=indicator.name, objective=indicator.objective,
                before=_target(indicator), after=clean(measure.proposed_target), reason=(measure.proposal_reason or "").strip(),
            ))
    return found


def approved(evaluation: Evaluation, accepted: list[Decision]) -> list[Revision]:
    """The target revisions accepted in the review journal, in plan order.

    With a plan that already carries the revision, «before» is the plan's original target.
    """
    by_code = {d.subject: d for d in accepted if d.new_target}
    found = []
    for indicator in evaluation.indicators:
        decision = by_code.get(indicator.code)
        if decision is None:
            continue
        applied = indicator.original_target is not None and indicator.target_text == decision.new_target
        before = clean(indicator.original_target) if applied else _target(indicator)
        found.append(Revision(
            code=indicator.code, indicator=indicator.name, objective=indicator.objective, before=before,
            after=clean(decision.new_target), reason=(decision.proposal_reason or decision.note).strip(),
        ))
    return found
