"""``piao-rules segnalazioni``: the flags to review, with their explanation and decisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from piao_rules.cli import options
from piao_rules.cli.common import echo_json, reports_errors
from piao_rules.cli.reviewing import load_review
from piao_rules.engine import SEVERITIES

if TYPE_CHECKING:
    from piao_rules.review.flags import FlagView


def as_json(view: FlagView) -> dict:
    return {
        "id": view.flag.id, "segnalazione": view.flag.code, "gravita": view.flag.severity.value,
        "oggetto": view.flag.subject, "nome": view.name, "responsabile": view.owner, "motivo": view.flag.reason,
        "azione": view.flag.action, "spiegazione": view.explanation, "stato": view.state, "aperta": view.open,
        "aperta_dal": view.open_since.isoformat() if view.open_since else None,
        "decisioni": [
            d.model_dump(mode="json", by_alias=True, exclude_none=True) | {"stato": view.status_of(d)}
            for d in view.history
        ],
    }


def show(view: FlagView) -> None:
    flag = view.flag
    click.echo(f"{flag.id}  [{flag.severity.value}]  {view.state}")
    click.echo(f"  {view.name}")
    click.echo(f"  Responsabile: {view.owner}")
    click.echo(f"  Motivo: {flag.reason}")
    click.echo(f"  Azione proposta: {flag.action}")
    for line in view.explanation.splitlines():
        click.echo(f"    {line}")
    for decision in view.history:
        target = f"; nuovo target «{decision.new_target}»" if decision.new_target else ""
        owner = f"; responsabile {decision.owner}" if decision.owner else ""
        click.echo(f"  Decisione ({view.status_of(decision)}): {decision.outcome.label} — {decision.note}{target}{owner} "
                   f"[{decision.who}, {decision.when:%d/%m/%Y %H:%M}]")
    click.echo()


@click.command("segnalazioni")
@options.plan_and_measures()
@options.as_of()
@click.option("--ufficio", metavar="UFFICIO", help="Solo le segnalazioni di questo ufficio responsabile (anche parte del nome).")
@click.option("--gravita", type=click.Choice(SEVERITIES), help="Solo le segnalazioni di questa gravità.")
@click.option("--tipo", metavar="CODICE", help="Solo questo tipo di segnalazione (es. azione_correttiva, rimodulazione_target).")
@click.option("--tutte", is_flag=True, help="Anche le segnalazioni già decise, con tutte le decisioni.")
@click.option("--json", "as_json_output", is_flag=True, help="Stampa l'elenco in JSON.")
@options.journal()
@reports_errors
def segnalazioni(piano: Path, misure: Path, as_of: date | None, ufficio: str | None, gravita: str | None,
                 tipo: str | None, tutte: bool, as_json_output: bool, giornale: Path | None) -> None:
    """Elenca le segnalazioni aperte (senza decisione o rinviate) con la loro spiegazione.

    Annota nel giornale le segnalazioni rilevate alla data: al monitoraggio successivo
    una segnalazione ancora aperta risulta «aperta dal» primo monitoraggio in cui è
    comparsa. Le decisioni si registrano con «piao-rules decidi» o «piao-rules revisione».
    """
    from piao_rules.review.flags import select

    review = load_review(piano, misure, as_of, giornale)
    review.record_sighting()
    found = select(review.views(), ufficio, gravita, tipo, tutte)
    if as_json_output:
        echo_json([as_json(v) for v in found])
        return
    for view in found:
        show(view)
    what = "segnalazioni" if tutte else "segnalazioni aperte"
    click.echo(f"{len(found)} {what} al {review.evaluation.as_of:%d/%m/%Y}; giornale: {review.journal_path}")
