"""Write the Italian narratives of an evaluation: indicators, objectives, areas, summary, relator."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from piao_rules.engine.result import Evaluation
from piao_rules.gc_pause import gc_paused
from piao_rules.narrative.indicator import Context, narrate_indicator
from piao_rules.narrative.model import Narratives
from piao_rules.narrative.objective import narrate_area, narrate_objective
from piao_rules.narrative.phrases import PhraseBook, Writer
from piao_rules.narrative.summary import narrate_relator, narrate_summary
from piao_rules.review.revisions import Revision, proposed


@gc_paused()
def narrate(
    evaluation: Evaluation,
    phrases: str | Path | None = None,
    decisions: Mapping[str, str] | None = None,
    revisions: list[Revision] | None = None,
    for_giunta: bool = False,
) -> Narratives:
    """The narratives of ``evaluation``.

    ``phrases`` is a controller's phrase file overriding situations of the default
    ``frasi.yaml``; ``decisions`` maps a flag id («O11.2-1/azione_correttiva») to
    the action decided, written instead of the proposed one; ``revisions`` are the target
    revisions to present (the accepted ones, from the review journal; by default those
    proposed with the measures); ``for_giunta`` leaves out what is addressed to the offices
    (missing data to ask for, incoherences to clear up). Raises InputError
    (Italian, located) for a bad phrase file.
    """
    ctx = Context(Writer(PhraseBook.load(phrases)), evaluation.as_of, evaluation.final, for_giunta)
    decided = dict(decisions or {})
    if revisions is None:  # the revisions proposed with the measures, read once for the summary and the relator
        revisions = proposed(evaluation)
    return Narratives(
        indicators={i.code: narrate_indicator(i, ctx) for i in evaluation.indicators},
        objectives={o.code: narrate_objective(ctx, evaluation, o, decided) for o in evaluation.objectives},
        areas={a.code: narrate_area(ctx, evaluation, a) for a in evaluation.areas},
        summary=narrate_summary(ctx, evaluation, revisions),
        relator=narrate_relator(ctx, evaluation, revisions),
    )
