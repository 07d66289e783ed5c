"""``piao-rules allegato``: the Word annex with the results of the monitoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import DATE, check_outputs, reports_errors
from piao_rules.cli.documenti import check_output, monitor_files, write
from piao_rules.cli.pdf import require_office, write_pdf


@click.command("allegato")
@options.plan_and_measures()
@options.as_of()
@options.word_output("Documento Word da scrivere (.docx).")
@click.option("--delibera-n", "number", metavar="NUMERO", help="Numero della delibera di Giunta a cui il documento è allegato.")
@click.option("--delibera-data", "act_date", type=DATE, help="Data della delibera di Giunta (es. 31/07/2023).")
@options.ente("File dell'ente (YAML): denominazione e sigla.")
@options.word_templates()
@options.rules_engine()
@options.journal(options.DOCUMENTS_JOURNAL_HELP)
@options.history()
@click.option("--bozza-di-lavoro", "working_copy", is_flag=True,
              help="Copia di lavoro del controllo di gestione: tutte le segnalazioni e le questioni aperte con gli uffici "
                   "(non da allegare alla delibera).")
@click.option("--capitolo", "chapters", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Capitolo aggiuntivo scritto dall'ente (.docx), inserito prima della nota metodologica; ripetibile, "
                   "nell'ordine dato (dopo quelli elencati nel file dell'ente alla voce «capitoli»).")
@click.option("--pdf", "pdf", is_flag=True,
              help="Scrive anche il PDF/A accanto al documento Word, con il sommario aggiornato (serve LibreOffice).")
@reports_errors
def allegato(piano: Path, misure: Path, as_of: date | None, output: Path, number: str | None, act_date: date | None,
             ente_file: Path | None, modelli: Path | None, motore: str | None, regole: Path | None,
             giornale: Path | None, storico: Path | None, working_copy: bool, chapters: tuple[Path, ...], pdf: bool) -> None:
    """Scrive l'allegato Word con gli esiti del monitoraggio del PIANO con le MISURE.

    Copertina, sommario, premessa, sintesi con grafico, una sezione per area e
    obiettivo con la tabella degli indicatori, segnalazioni con le azioni
    correttive proposte e la decisione presa su ciascuna (dal giornale delle
    decisioni), nota metodologica sulle regole applicate, eventuali capitoli
    aggiuntivi. Per la Giunta riporta solo le segnalazioni su cui si propone un
    intervento; --bozza-di-lavoro aggiunge le questioni aperte con gli uffici.
    """
    check_output(output)
    check_outputs([output, output.with_suffix(".pdf")] if pdf else [output],
                  [piano, misure, ente_file, modelli, regole, giornale, storico, *chapters])
    if (number is None) != (act_date is None):
        raise click.UsageError("indicare insieme --delibera-n e --delibera-data (oppure nessuna delle due)")
    monitoring = monitor_files(piano, misure, as_of, motore, regole, giornale, storico)
    data = monitoring.annex_bytes(act_number=number, act_date=act_date, ente=ente_file, templates=modelli,
                                  chapters=chapters, working_copy=working_copy)
    if pdf:
        require_office()
    write(output, data)
    if pdf:
        write_pdf(output)
