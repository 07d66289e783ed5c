"""``piao-rules allegato``: the Word annex with the results of the monitoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli.common import DATE, reports_errors
from piao_rules.cli.documenti import (
    JOURNAL_HELP,
    check_output,
    evaluate_for_document,
    journal_for,
    narratives_for,
    write,
)
from piao_rules.documents.annex import Act, AnnexRequest, build_annex
from piao_rules.engine.evaluate import ENGINES
from piao_rules.io.ente import load_ente
from piao_rules.review.flags import decision_texts


@click.command("allegato")
@click.argument("piano", type=click.Path(path_type=Path))
@click.argument("misure", type=click.Path(path_type=Path))
@click.option("--al", "as_of", type=DATE, help="Data del monitoraggio (es. 30/06/2023); se manca, quella del file delle misure.")
@click.option("-o", "--uscita", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Documento Word da scrivere (.docx).")
@click.option("--delibera-n", "number", metavar="NUMERO", help="Numero della delibera di Giunta a cui il documento è allegato.")
@click.option("--delibera-data", "act_date", type=DATE, help="Data della delibera di Giunta (es. 31/07/2023).")
@click.option("--ente", "ente_file", type=click.Path(path_type=Path), help="File dell'ente (YAML): denominazione e sigla.")
@click.option("--modelli", type=click.Path(file_okay=False, path_type=Path), help="Cartella con i modelli Word modificati.")
@click.option("--motore", type=click.Choice(ENGINES), help="Motore delle regole: durable (predefinito se installato) o interno.")
@click.option("--regole", type=click.Path(file_okay=False, path_type=Path), help="Cartella di regole al posto di quelle del piano.")
@click.option("--giornale", type=click.Path(dir_okay=False, path_type=Path), help=JOURNAL_HELP)
@reports_errors
def allegato(piano: Path, misure: Path, as_of: date | None, output: Path, number: str | None, act_date: date | None,
             ente_file: Path | None, modelli: Path | None, motore: str | None, regole: Path | None,
             giornale: Path | None) -> None:
    """Scrive l'allegato Word con gli esiti del monitoraggio del PIANO con le MISURE.

    Copertina, sommario, premessa, sintesi con grafico, una sezione per area e
    obiettivo con la tabella degli indicatori, segnalazioni con le azioni
    correttive proposte e la decisione presa su ciascuna (dal giornale delle
    decisioni), nota metodologica sulle regole applicate.
    """
    check_output(output)
    if (number is None) != (act_date is None):
        raise click.UsageError("indicare insieme --delibera-n e --delibera-data (oppure nessuna delle due)")
    ente = load_ente(ente_file) if ente_file is not None else None
    evaluation, plan, rulebook = evaluate_for_document(piano, misure, as_of, motore, regole, giornale)
    journal = journal_for(misure, plan, giornale)
    request = AnnexRequest(
        evaluation=evaluation, rulebook=rulebook, narratives=narratives_for(evaluation, journal),
        decisions=decision_texts(evaluation, journal) if journal is not None else {},
        ente=ente.ente.name if ente else plan.ente.name,
        short_name=(ente.ente.short_name if ente else plan.ente.short_name),
        plan_title=plan.title, period=plan.period,
        act=Act(number.strip(), act_date) if number is not None and act_date is not None else None,
        templates=modelli,
    )
    write(output, build_annex(request))
