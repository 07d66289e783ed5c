"""``piao-rules valuta``: evaluate the plan at a date and show where each indicator stands."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from piao_rules import format_it
from piao_rules.cli.common import DATE, STORICO_HELP, evaluate_files, print_problems, reports_errors
from piao_rules.engine.evaluate import ENGINES, STAGES
from piao_rules.engine.result import Evaluation, Severity, Status
from piao_rules.errors import EXIT_FLAGS
from piao_rules.narrative import Narratives, narrate
from piao_rules.narrative.history import history_cell
from piao_rules.targets.markup import clean

STYLE = {
    Status.REACHED: "green", Status.ON_TRACK: "cyan", Status.AT_RISK: "yellow",
    Status.MISSED: "red", Status.NOT_MEASURABLE: "dim", Status.TO_ASSESS: "magenta",
}
PROGRESS_FROM = 2000  # indicators


def _degree(value) -> str:
    return "—" if value is None else format_it.percent(value, 0)


def _marker(result) -> str:
    """« (proposto)» for a status read from a note, « (rettificato)» and the like for a decision applied."""
    if result.proposed:
        return " (proposto)"
    if result.adjustment is not None:
        return f" ({result.adjustment.effect.label})"
    return ""


def _counts(counts) -> str:
    parts = [(counts.raggiunto, "raggiunto", "raggiunti"), (counts.in_linea, "in linea", "in linea"),
             (counts.a_rischio, "a rischio", "a rischio"), (counts.non_raggiunto, "non raggiunto", "non raggiunti"),
             (counts.non_rilevabile, "non rilevabile", "non rilevabili"), (counts.da_valutare, "da valutare", "da valutare")]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts if n)


def show(evaluation: Evaluation, console: Console) -> None:
    """The evaluation as Italian tables, coloured by status."""
    when = format_it.long_date(evaluation.as_of)
    table = Table(title=f"{evaluation.ente} — indicatori al {when}", show_lines=False)
    past = any(history_cell(r.history) for r in evaluation.indicators)
    for column in ("Codice", "Indicatore", "Target", "Valore", "Grado", "Stato", "Segnalazioni", *(("Anni precedenti",) if past else ())):
        table.add_column(column, overflow="fold")
    for result in evaluation.indicators:
        style = STYLE[result.status]
        value = result.explanation.inputs.get("valore", "n.d.")
        flags = ", ".join(f.code.replace("_", " ") for f in result.flags)
        table.add_row(
            result.code, result.name[:60], (result.target_text or "")[:40], value, _degree(result.achievement),
            f"[{style}]{result.status.label}{_marker(result)}[/{style}]", flags, *((history_cell(result.history),) if past else ()),
        )
    console.print(table)
    pending = [r for r in evaluation.indicators if r.against_proposal is not None]
    if pending:
        side = Table(title="Proposte di aggiornamento del target in attesa di decisione: valutazione a confronto")
        for column in ("Codice", "Valore", "Target in vigore", "Stato", "Grado", "Target proposto", "Stato", "Grado"):
            side.add_column(column, overflow="fold")
        for result in pending:
            proposal = result.against_proposal
            side.add_row(
                result.code, result.explanation.inputs.get("valore", "n.d."), clean(result.target_text or "")[:40],
                result.status.label + _marker(result), _degree(result.achievement), clean(proposal.target_text)[:40],
                proposal.status.label + (" (proposto)" if proposal.proposed else ""), _degree(proposal.achievement),
            )
        console.print(side)
    objectives = Table(title="Obiettivi")
    for column in ("Codice", "Obiettivo", "Responsabile", "Grado", "Indicatori", "Segnalazione più grave"):
        objectives.add_column(column, overflow="fold")
    for result in evaluation.objectives:
        objectives.add_row(
            result.code, result.name[:60], result.owner or "", _degree(result.achievement), _counts(result.counts),
            result.worst_flag.value if result.worst_flag else "",
        )
    console.print(objectives)
    summary = evaluation.summary
    console.print(
        f"Ente: grado di raggiungimento {_degree(summary.achievement)}; {summary.indicators} indicatori in "
        f"{summary.objectives} obiettivi: {_counts(summary.counts)}."
    )
    if summary.flag_counts:
        flags = ", ".join(f"{n} {code.replace('_', ' ')}" for code, n in sorted(summary.flag_counts.items()))
        console.print(f"Segnalazioni: {flags}.")
    note = "" if evaluation.final else " (indicativo: monitoraggio infrannuale)"
    for band in summary.bands:
        console.print(f"{band.name}: quota {format_it.percent(band.share)}, fascia «{band.kind}»{note}.")
    console.print(f"Motore: {evaluation.engine}.")


def show_narratives(evaluation: Evaluation, narratives: Narratives) -> None:
    """The narratives as plain text: summary, then each area with its objectives and indicators."""
    click.echo(f"{evaluation.ente} — monitoraggio al {format_it.long_date(evaluation.as_of)}\n")
    click.echo(narratives.summary + "\n")
    for area in evaluation.areas:
        click.echo(f"== {area.code} {area.name}\n{narratives.areas[area.code]}\n")
        for objective in (o for o in evaluation.objectives if o.area == area.code):
            click.echo(f"-- {objective.code} {objective.name}\n{narratives.objectives[objective.code]}")
            for code in objective.indicators:
                click.echo(f"   [{code}] {narratives.indicators[code]}")
            click.echo("")
    click.echo("Relazione del Relatore\n")
    click.echo("\n\n".join(narratives.relator))


@click.command("valuta")
@click.argument("piano", type=click.Path(path_type=Path))
@click.argument("misure", type=click.Path(path_type=Path))
@click.option("--al", "as_of", type=DATE, help="Data del monitoraggio (es. 30/06/2023); se manca, quella del file delle misure.")
@click.option("--motore", type=click.Choice(ENGINES), help="Motore delle regole: durable (predefinito se installato) o interno.")
@click.option("--regole", type=click.Path(file_okay=False, path_type=Path), help="Cartella di regole al posto di quelle del piano.")
@click.option("--json", "as_json", is_flag=True, help="Stampa il risultato completo in JSON.")
@click.option("--rigoroso", is_flag=True, help="Esce con codice 1 se ci sono segnalazioni di gravità alta o media.")
@click.option("--narrativa", is_flag=True, help="Stampa il commento in italiano di ogni indicatore, obiettivo e area, il riepilogo e la relazione del Relatore.")
@click.option("--frasi", type=click.Path(dir_okay=False, path_type=Path), help="File YAML con le proprie frasi della narrativa (al posto di quelle predefinite).")
@click.option("--storico", type=click.Path(file_okay=False, path_type=Path), help=STORICO_HELP)
@click.option("--giornale", type=click.Path(dir_okay=False, path_type=Path),
              help="Giornale delle decisioni con rettifiche e stati proposti confermati (predefinito: decisioni-<anno>.jsonl "
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
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif narratives is not None:
        show_narratives(evaluation, narratives)
    else:
        show(evaluation, console)
    serious = [f for f in evaluation.flags if f.severity in (Severity.HIGH, Severity.MEDIUM)]
    if rigoroso and serious:
        sys.exit(EXIT_FLAGS)
