"""``piao-rules delibera``: the draft Giunta deliberation taking note of the monitoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import DATE, check_outputs, reports_errors
from piao_rules.cli.documenti import check_output, monitor_files, write
from piao_rules.cli.pdf import require_office, write_pdf


@click.command("delibera")
@options.plan_and_measures()
@options.as_of()
@options.ente(required=True, help="File dell'ente (YAML): Giunta, segretario, premesse (es. examples/cuneo/ente.yaml).")
@options.word_output("Documento Word da scrivere (.docx).")
@click.option("--numero", required=True, metavar="NUMERO", help="Numero della delibera (es. 107).")
@click.option("--seduta", required=True, type=DATE, help="Data della seduta di Giunta (es. 31/07/2023).")
@options.word_templates()
@options.rules_engine()
@options.journal(options.DOCUMENTS_JOURNAL_HELP)
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
