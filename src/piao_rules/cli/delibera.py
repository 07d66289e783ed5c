"""``piao-rules delibera``: the draft Giunta deliberation taking note of the monitoring."""

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
    revisions_for,
    write,
)
from piao_rules.documents.deliberation import DeliberationRequest, build_deliberation
from piao_rules.engine.evaluate import ENGINES
from piao_rules.io.ente import load_ente


@click.command("delibera")
@click.argument("piano", type=click.Path(path_type=Path))
@click.argument("misure", type=click.Path(path_type=Path))
@click.option("--al", "as_of", type=DATE, help="Data del monitoraggio (es. 30/06/2023); se manca, quella del file delle misure.")
@click.option("--ente", "ente_file", required=True, type=click.Path(path_type=Path),
              help="File dell'ente (YAML): Giunta, segretario, premesse (es. examples/cuneo/ente.yaml).")
@click.option("-o", "--uscita", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Documento Word da scrivere (.docx).")
@click.option("--numero", required=True, metavar="NUMERO", help="Numero della delibera (es. 107).")
@click.option("--seduta", required=True, type=DATE, help="Data della seduta di Giunta (es. 31/07/2023).")
@click.option("--modelli", type=click.Path(file_okay=False, path_type=Path), help="Cartella con i modelli Word modificati.")
@click.option("--motore", type=click.Choice(ENGINES), help="Motore delle regole: durable (predefinito se installato) o interno.")
@click.option("--regole", type=click.Path(file_okay=False, path_type=Path), help="Cartella di regole al posto di quelle del piano.")
@click.option("--giornale", type=click.Path(dir_okay=False, path_type=Path), help=JOURNAL_HELP)
@reports_errors
def delibera(piano: Path, misure: Path, as_of: date | None, ente_file: Path, output: Path, numero: str, seduta: date,
             modelli: Path | None, motore: str | None, regole: Path | None, giornale: Path | None) -> None:
    """Scrive la bozza della delibera di Giunta di presa d'atto del monitoraggio.

    Presenti e assenti, relazione, premesse, dispositivo (con l'approvazione delle
    rimodulazioni di target, se proposte) e formule finali; le parti fisse vengono
    dal file dell'ente e dal modello Word. Con un giornale delle decisioni il
    dispositivo elenca le rimodulazioni accolte; senza, quelle proposte nelle misure.
    """
    check_output(output)
    ente = load_ente(ente_file)
    evaluation, plan, _ = evaluate_for_document(piano, misure, as_of, motore, regole, giornale)
    journal = journal_for(misure, plan, giornale)
    request = DeliberationRequest(
        evaluation=evaluation, ente=ente, number=numero.strip(), sitting=seduta,
        narratives=narratives_for(evaluation, journal), templates=modelli,
        revisions=revisions_for(evaluation, journal),
    )
    write(output, build_deliberation(request))
