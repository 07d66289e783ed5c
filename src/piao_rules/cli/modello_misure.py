"""``piao-rules modello-misure``: the Excel workbooks the offices fill in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import check_outputs, print_problems, reports_errors
from piao_rules.errors import InputError, Problem


@click.command("modello-misure")
@options.plan()
@options.as_of("Data del monitoraggio (es. 30/06/2023).", required=True)
@click.option("-o", "--cartella", "folder", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Cartella in cui scrivere i modelli (creata se manca).")
@click.option("--misure-precedenti", "previous", type=click.Path(path_type=Path),
              help="Misure di un monitoraggio precedente: il loro valore compare nella colonna «Valore precedente».")
@reports_errors
def modello_misure(piano: Path, as_of: date, folder: Path, previous: Path | None) -> None:
    """Scrive i modelli Excel per la raccolta delle misure alla data indicata.

    Un file per ogni ufficio responsabile (il responsabile dell'indicatore, altrimenti
    quello dell'obiettivo) e uno con tutti gli indicatori. Le colonne del piano sono
    protette (senza password), quelle da compilare hanno controlli sui dati. I file
    compilati si rileggono con «piao-rules raccogli». Un modello già presente nella
    cartella si sostituisce solo se è ancora vuoto: uno compilato non va mai perso.
    """
    from piao_rules.collect import template_paths, write_templates
    from piao_rules.collect.gather import holds_data
    from piao_rules.io import load_measures, load_plan

    plan, warnings = load_plan(piano)
    paths = template_paths(plan, folder)
    check_outputs(paths, [piano, previous])
    filled = [path for path in paths if path.is_file() and holds_data(path)]
    if filled:
        raise InputError([Problem(file=str(path), message="esiste già e contiene dati compilati (o non è un modello "
                                                          "vuoto): spostarlo o scegliere un'altra cartella, per non "
                                                          "perdere quei dati") for path in filled])
    earlier = None
    if previous is not None:
        earlier, more = load_measures(previous)
        warnings += more
    print_problems([w for w in warnings if not w.is_error])
    for written in write_templates(plan, as_of, folder, earlier):
        click.echo(f"{written.path}: {written.rows} righe ({written.office})")
