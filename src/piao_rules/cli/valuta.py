"""``piao-rules valuta``: evaluate the plan at a date and show where each indicator stands."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import echo_json, evaluate_files, print_problems, reports_errors
from piao_rules.engine import STAGES
from piao_rules.errors import EXIT_FLAGS

PROGRESS_FROM = 2000  # indicators

@click.command("valuta")
@options.plan_and_measures()
@options.as_of()
@options.rules_engine()
@click.option("--json", "as_json", is_flag=True, help="Stampa il risultato completo in JSON.")
@click.option("--rigoroso", is_flag=True, help="Esce con codice 1 se ci sono segnalazioni di gravità alta o media.")
@click.option("--narrativa", is_flag=True, help="Stampa il commento in italiano di ogni indicatore, obiettivo e area, il riepilogo e la relazione del Relatore.")
@click.option("--frasi", type=click.Path(dir_okay=False, path_type=Path), help="File YAML con le proprie frasi della narrativa (al posto di quelle predefinite).")
@options.history()
@options.journal(help="Giornale delle decisioni con rettifiche e stati proposti confermati (predefinito: decisioni-<anno>.jsonl "
                        "nella cartella delle misure, se c'è).")
@reports_errors
def valuta(
    piano: Path, misure: Path, as_of: date | None, motore: str | None, regole: Path | None, as_json: bool, rigoroso: bool,
    narrativa: bool, frasi: Path | None, storico: Path | None, giornale: Path | None,
) -> None:
    """Valuta ogni indicatore del PIANO con le MISURE alla data indicata.

    Mostra stato, grado di raggiungimento, andamento atteso e segnalazioni di ogni
    indicatore, il grado di ogni obiettivo e dell'Ente. Con --json stampa il
    risultato completo, con la spiegazione di ogni cifra (regole applicate e dati);
    con --narrativa il commento in italiano (con --json, aggiunto al risultato).
    Con --storico ogni indicatore mostra i valori degli anni precedenti e la tendenza.
    """
    from rich.console import Console
    from rich.progress import Progress

    from piao_rules.cli.display import show, show_narratives
    from piao_rules.engine.result import Severity
    from piao_rules.narrative import narrate

    stream = sys.stderr if as_json else sys.stdout
    console = Console(stderr=as_json, highlight=False, width=None if stream.isatty() else 160)
    with Progress(console=console, transient=True, disable=as_json) as progress:
        task = progress.add_task("Valutazione", total=len(STAGES), visible=False)

        def on_stage(name: str) -> None:
            progress.update(task, description=f"Valutazione: {name}", advance=1)

        evaluation, _, warnings = evaluate_files(piano, misure, as_of, motore, regole, on_stage, storico, giornale)
        progress.update(task, visible=len(evaluation.indicators) >= PROGRESS_FROM)
    print_problems([w for w in warnings if not w.is_error])
    narratives = narrate(evaluation, frasi) if narrativa or frasi else None
    if as_json:
        data = evaluation.model_dump(mode="json")
        if narratives is not None:
            data["narratives"] = narratives.model_dump(mode="json")
        echo_json(data)
    elif narratives is not None:
        show_narratives(evaluation, narratives)
    else:
        show(evaluation, console)
    serious = [f for f in evaluation.flags if f.severity in (Severity.HIGH, Severity.MEDIUM)]
    if rigoroso and serious:
        sys.exit(EXIT_FLAGS)
