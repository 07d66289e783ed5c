"""The evaluation on the terminal: rich tables of indicators and objectives, or the narratives as text."""

from __future__ import annotations

import click
from rich.console import Console

from piao_rules import format_it
from piao_rules.cli.long_table import LongTable
from piao_rules.engine.result import Evaluation, Status
from piao_rules.gc_pause import gc_paused
from piao_rules.narrative import Narratives
from piao_rules.narrative.history import history_cell
from piao_rules.targets.markup import clean

STYLE = {
    Status.REACHED: "green", Status.ON_TRACK: "cyan", Status.AT_RISK: "yellow",
    Status.MISSED: "red", Status.NOT_MEASURABLE: "dim", Status.TO_ASSESS: "magenta",
}


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


@gc_paused()
def show(evaluation: Evaluation, console: Console) -> None:
    """The evaluation as Italian tables, coloured by status."""
    when = format_it.long_date(evaluation.as_of)
    table = LongTable(title=f"{evaluation.ente} — indicatori al {when}")
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
    pending = [(r, r.against_proposal) for r in evaluation.indicators if r.against_proposal is not None]
    if pending:
        side = LongTable(title="Proposte di aggiornamento del target in attesa di decisione: valutazione a confronto")
        for column in ("Codice", "Valore", "Target in vigore", "Stato", "Grado", "Target proposto", "Stato", "Grado"):
            side.add_column(column, overflow="fold")
        for result, proposal in pending:
            side.add_row(
                result.code, result.explanation.inputs.get("valore", "n.d."), clean(result.target_text or "")[:40],
                result.status.label + _marker(result), _degree(result.achievement), clean(proposal.target_text)[:40],
                proposal.status.label + (" (proposto)" if proposal.proposed else ""), _degree(proposal.achievement),
            )
        console.print(side)
    objectives = LongTable(title="Obiettivi")
    for column in ("Codice", "Obiettivo", "Responsabile", "Grado", "Indicatori", "Segnalazione più grave"):
        objectives.add_column(column, overflow="fold")
    for objective in evaluation.objectives:
        objectives.add_row(
            objective.code, objective.name[:60], objective.owner or "", _degree(objective.achievement), _counts(objective.counts),
            objective.worst_flag.value if objective.worst_flag else "",
        )
    console.print(objectives)
    summary = evaluation.summary
    console.print(
        f"Ente: grado di raggiungimento {_degree(summary.achievement)}; "
        f"{format_it.counted(summary.indicators, 'indicatore', 'indicatori')} in "
        f"{format_it.counted(summary.objectives, 'obiettivo', 'obiettivi')}: {_counts(summary.counts)}."
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
