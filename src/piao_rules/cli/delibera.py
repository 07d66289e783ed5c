"""``piao-rules delibera``: the draft Giunta deliberation taking note of the monitoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli.common import DATE, check_outputs, reports_errors
from piao_rules.cli.documenti import JOURNAL_HELP, check_output, monitor_files, write
from piao_rules.cli.pdf import require_office, write_pdf
from piao_rules.engine import ENGINES


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
@click.option("--pdf", "pdf", is_flag=True, help="Scrive anche il PDF/A accanto al documento Word (serve LibreOffice).")
@reports_errors
def delibera(piano: Path, misure: Path, as_of: date | None, ente_file: Path, output: Path, numero: str, seduta: date,
             modelli: Path | None, motore: str | None, regole: Path | None, giornale: Path | None, pdf: bool) -> None:
    """Scrive la bozza della delibera di Giunta di presa d'atto del monitoraggio.

    Presenti e assenti, relazione, premesse, dispositivo (con l'approvazione delle
    rimodulazioni di target, se proposte) e formule finali; le parti fisse vengono
    dal file dell'ente e dal modello Word. Con un giornale delle decisioni il
    dispositivo elenca le rimodulazioni accolte; senza, quelle proposte nelle misure.
    """
    check_output(output)
    check_outputs([output, output.with_suffix(".pdf")] if pdf else [output],
                  [piano, misure, ente_file, modelli, regole, giornale])
    monitoring = monitor_files(piano, misure, as_of, motore, regole, giornale)
    data = monitoring.deliberation_bytes(ente=ente_file, number=numero, sitting=seduta, templates=modelli)
    if pdf:
        require_office()
    write(output, data)
    if pdf:
        write_pdf(output)
