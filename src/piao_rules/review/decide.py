"""A decision on a flag, checked against the evaluation before it is recorded."""

from __future__ import annotations

from datetime import datetime

from piao_rules.engine import flag_codes
from piao_rules.engine.result import Evaluation, Status
from piao_rules.errors import InputError
from piao_rules.review import Outcome
from piao_rules.review.flags import FlagView
from piao_rules.review.journal import Decision
from piao_rules.targets.parser import TargetError, parse_target

REVISION_FLAG = flag_codes.TARGET_REVISION
PROPOSAL_FLAG = flag_codes.PROPOSED_STATUS


def decision(
    evaluation: Evaluation, view: FlagView, outcome: Outcome | str, note: str, *, new_target: str | None = None,
    owner: str | None = None, who: str, when: datetime, measures: str | None = None, status: str | None = None,
) -> Decision:
    """The decision to record; InputError (Italian) when it cannot be taken as given."""
    try:
        outcome = Outcome(outcome)
    except ValueError:
        choices = ", ".join(o.value for o in Outcome)
        raise InputError.single("", f"esito «{outcome}» sconosciuto: scegliere tra {choices}") from None
    note = (note or "").strip()
    new_target = (new_target or "").strip() or None
    flag = view.flag
    if not note:
        raise InputError.single("", "manca la nota: scrivere perché si decide così (--nota \"…\")")
    if not (who or "").strip():
        raise InputError.single("", "manca chi decide (--chi \"Nome Cognome\")")
    measure = view.indicator.measure if view.indicator is not None else None
    status = (status or "").strip().lower().replace(" ", "_") or None
    if status is not None:
        if outcome is not Outcome.REJECTED or flag.code != PROPOSAL_FLAG:
            raise InputError.single("", f"lo stato si indica solo con esito «respinta» su una segnalazione {PROPOSAL_FLAG} "
                                        f"(questa è {flag.code}, esito {outcome.value})")
        if status not in {s.value for s in Status}:
            choices = ", ".join(s.value for s in Status)
            raise InputError.single("", f"stato «{status}» sconosciuto: scegliere tra {choices}")
    if new_target is not None:
        if outcome is not Outcome.ACCEPTED or flag.code != REVISION_FLAG:
            raise InputError.single("", f"il nuovo target si indica solo con esito «accolta» su una segnalazione "
                                        f"{REVISION_FLAG} (questa è {flag.code}, esito {outcome.value})")
        try:
            parse_target(new_target, evaluation.year)
        except TargetError as error:
            raise InputError.single("", f"nuovo target non valido: {error}") from None
    elif outcome is Outcome.ACCEPTED and flag.code == REVISION_FLAG:
        new_target = measure.proposed_target if measure is not None else None
        if not new_target:
            raise InputError.single("", f"la segnalazione {flag.id} non ha una proposta di aggiornamento del target: "
                                        "indicare il nuovo target con --nuovo-target, oppure scegliere un altro esito")
    return Decision(
        flag=flag.id, outcome=outcome, note=note, new_target=new_target, owner=(owner or "").strip() or None,
        who=who.strip(), when=when, as_of=evaluation.as_of, year=evaluation.year, code=flag.code,
        subject=flag.subject, severity=flag.severity.value, reason=flag.reason,
        proposal_reason=measure.proposal_reason if measure is not None and new_target else None, measures=measures,
        status=status,
    )
