"""``piao-rules archivia``: close a year into the history folder (plan, measures, journal, evaluation)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import evaluate_files, print_problems, reports_errors


@click.command("archivia")
@options.plan_and_measures()
@options.history(required=True, help="Cartella dello storico: l'anno va in una sua sottocartella (es. storico/2022/).")
@options.as_of("Data della valutazione da archiviare (di norma il 31/12); se manca, quella del file delle misure.")
@options.journal(options.DOCUMENTS_JOURNAL_HELP)
@options.rules_engine()
@click.option("--sostituisci", is_flag=True, help="Sostituisce un anno già archiviato.")
@reports_errors
def archivia(piano: Path, misure: Path, storico: Path, as_of: date | None, giornale: Path | None, motore: str | None,
             regole: Path | None, sostituisci: bool) -> None:
    """Archivia l'anno del PIANO nello storico: piano, MISURE, giornale e valutazione.

    Scrive STORICO/<anno>/ con la copia del piano e delle misure, il giornale delle
    decisioni (se c'è) e la valutazione alla data (valutazione.json), che gli anni
    successivi leggono con l'opzione --storico di «valuta» e «allegato».
    """
    if giornale is not None and not giornale.exists():
        raise click.UsageError(f"giornale delle decisioni non trovato: {giornale}")
    from piao_rules.history.archive import archive
    from piao_rules.review.journal import default_path

    evaluation, plan, warnings = evaluate_files(piano, misure, as_of, motore, regole, giornale=giornale)
    print_problems([w for w in warnings if not w.is_error])
    journal = giornale or default_path(misure, plan.year)
    folder = archive(storico, evaluation, piano, misure, journal if journal.exists() else None, sostituisci)
    if not evaluation.final:
        click.echo(f"attenzione: la valutazione è al {evaluation.as_of:%d/%m/%Y}, non di fine anno: "
                   "gli anni successivi non ne conteranno gli obiettivi mancati", err=True)
    click.echo(f"archiviato l'anno {evaluation.year} in {folder}")
