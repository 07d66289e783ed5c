"""Evaluation against a proposed target revision, side by side with the target in force.

While the Giunta has not decided on a «proposta di aggiornamento» (the measure's
``proposta_target`` differs from the target in force), the indicator is evaluated a
second time, with the same rules and engine, against the proposed target. Only the
status and the figures are kept: flags belong to the target in force.
"""

from __future__ import annotations

from piao_rules.engine.prepare import Item, read_against_measure
from piao_rules.engine.result import ProposedEvaluation
from piao_rules.targets.markup import clean
from piao_rules.targets.model import Target, TargetKind
from piao_rules.targets.parser import TargetError, parse_target


def lowers(target: Target, text: str | None, year: int) -> bool:
    """The pending proposal ``text`` asks less than ``target``: a smaller figure to reach (a larger one for a
    target «al massimo») of the same thing, component by component for a compound target, or a later deadline.
    A proposal that changes what is counted («≥ 400 strumenti» → «≥ 120 impianti») or raises the target does not."""
    if not text or clean(text) == clean(target.text):
        return False
    try:
        proposed = parse_target(text, year)
    except TargetError:
        return False
    if proposed.kind is not target.kind or proposed.lower_is_better != target.lower_is_better:
        return False
    if target.kind is TargetKind.COMPOUND:
        if [c.label for c in proposed.components] != [c.label for c in target.components]:
            return False
        pairs = [(c.value, p.value, c.operator.lower_is_better) for c, p in zip(target.components, proposed.components)]
    elif target.value is not None and proposed.value is not None and _same_unit(target.unit, proposed.unit):
        pairs = [(target.value, proposed.value, target.lower_is_better)]
    else:
        pairs = []
    easier = [(new > old) if lower else (new < old) for old, new, lower in pairs]
    harder = [(new < old) if lower else (new > old) for old, new, lower in pairs]
    later = target.deadline is not None and proposed.deadline is not None and proposed.deadline > target.deadline
    sooner = target.deadline is not None and proposed.deadline is not None and proposed.deadline < target.deadline
    return (any(easier) or later) and not (any(harder) or sooner)


def _same_unit(unit: str | None, other: str | None) -> bool:
    return unit is None or other is None or unit == other


def proposal_items(items: list[Item], year: int) -> list[tuple[Item, Item]]:
    """(item, its copy against the proposed target) for every pending proposal that can be read."""
    pairs: list[tuple[Item, Item]] = []
    start = len(items) * 2  # fact ids distinct from the items' and the flag groups'
    for item in items:
        measure = item.measure
        if measure is None or not measure.proposed_target or item.indicator.computed:
            continue
        text = measure.proposed_target
        if clean(text) == clean(item.target_text or ""):
            continue  # already the target in force
        try:
            target = parse_target(text, year)
        except TargetError:
            continue
        copy = Item(  # the measure as given: the readings against the target in force («41 imprese» of several
            # counts) are read again against the proposed one («≥ 30 webinar» picks the webinar)
            n=start + len(pairs), area=item.area, objective=item.objective, indicator=item.indicator, target_text=text,
            original_target=None, target=target, threshold=None, measure=item.given or measure, owner=item.owner,
            in_force=item.target,
        )
        read_against_measure(copy, year)
        # the note is read as for the target in force: a measured indicator's note may propose a status against the
        # proposed target too («confermati in calendario 2 eventi autunnali»); the item's own proposal, if any, set
        # ``reading`` to that note reading while it was evaluated
        copy.note_reading, copy.note_only = item.note_reading, item.note_only
        copy.reading = None if item.reading is item.note_reading else item.reading
        pairs.append((item, copy))
    return pairs


def attach(pairs: list[tuple[Item, Item]]) -> None:
    """Keep on each item the outcome of its copy."""
    for item, copy in pairs:
        item.against_proposal = ProposedEvaluation(
            target_text=copy.target_text or "", status=copy.status, achievement=copy.score.achievement,
            expected=copy.expected, pace=copy.pace, formula=copy.score.formula, proposed=copy.proposed,
        )
