"""``piao-rules decidi``: record a decision on a flag in the review journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import reports_errors
from piao_rules.cli.reviewing import default_user, load_review
from piao_rules.review import Outcome


@click.command("decidi")
@options.plan_and_measures()
@click.argument("id_segnalazione", metavar="ID")
@options.as_of()
@click.option("--esito", type=click.Choice([o.value for o in Outcome]), required=True, help="La decisione presa.")
@click.option("--nota", required=True, metavar="TESTO", help="Perché si decide così (obbligatoria).")
@click.option("--nuovo-target", metavar="TARGET", help="Solo con esito accolta su una rimodulazione_target: il target approvato.")
@click.option("--stato", metavar="STATO", help="Solo con esito respinta su uno stato_proposto: lo stato da dare invece di quello "
              "proposto dalla nota (es. «a rischio»); senza, l'indicatore resta da valutare.")
@click.option("--responsabile", metavar="TESTO", help="Chi deve attuare l'azione decisa.")
@click.option("--chi", metavar="NOME", help="Chi decide (predefinito: l'utente del computer).")
@options.journal()
@reports_errors
def decidi(piano: Path, misure: Path, id_segnalazione: str, as_of: date | None, esito: str, nota: str,
           nuovo_target: str | None, stato: str | None, responsabile: str | None, chi: str | None,
           giornale: Path | None) -> None:
    """Registra nel giornale la decisione sulla segnalazione ID (es. O24.2-1/rimodulazione_target).

    La decisione si aggiunge al giornale, che non viene mai riscritto: una decisione
    successiva sulla stessa segnalazione prende il posto della precedente, che resta
    visibile. Con esito «accolta» su una rimodulazione_target senza --nuovo-target vale
    la proposta scritta dall'ufficio; il nuovo target si applica al piano con
    «piao-rules revisiona». Su uno stato_proposto (stato letto nella nota di
    un'attività senza misura) «accolta» conferma lo stato proposto, «respinta» lo
    scarta (con --stato si indica quello giusto): la valutazione ne tiene conto.
    """
    from piao_rules.review import journal as journals
    from piao_rules.review.decide import decision
    from piao_rules.review.flags import find

    review = load_review(piano, misure, as_of, giornale)
    view = find(review.views(), id_segnalazione.strip(), review.evaluation.as_of)
    entry = decision(review.evaluation, view, esito, nota, new_target=nuovo_target, owner=responsabile,
                     who=chi or default_user(), when=journals.now(), measures=misure.name, status=stato)
    review.record_sighting()
    journals.append(review.journal_path, [entry])
    replaced = " (sostituisce la decisione precedente)" if view.in_force is not None else ""
    target = f"; nuovo target «{entry.new_target}»" if entry.new_target else ""
    click.echo(f"{entry.flag}: {entry.outcome.label}{target}{replaced}. Registrata in {review.journal_path}.")
