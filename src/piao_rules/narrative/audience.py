"""Who a text is for: the Giunta acts on corrective actions, causes and motivated target revisions;
missing data, incoherences and unmotivated proposals are the controller's open questions."""

from __future__ import annotations

from piao_rules.engine import flag_codes
from piao_rules.engine.result import Evaluation, Flag

GIUNTA_CODES = frozenset({flag_codes.CORRECTIVE_ACTION, flag_codes.EXTERNAL_CAUSE})


def for_giunta(flag: Flag, evaluation: Evaluation) -> bool:
    """True when the flag asks the Giunta for something (rather than the offices or the controller)."""
    if flag.code == flag_codes.TARGET_REVISION:
        if not evaluation.has_indicator(flag.subject):
            return False
        measure = evaluation.indicator(flag.subject).measure
        return measure is not None and bool(measure.proposed_target) and bool(measure.proposal_reason)
    return flag.code in GIUNTA_CODES


def giunta_action(flag: Flag) -> str:
    """The action as proposed to the Giunta: a motivated revision is for the Giunta to approve."""
    if flag.code == flag_codes.TARGET_REVISION:
        return "approvare la rimodulazione del target motivata dal responsabile"
    return flag.action
