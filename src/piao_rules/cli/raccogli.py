"""``piao-rules raccogli``: read the filled workbooks back into one measures file."""

from __future__ import annotations

from pathlib import Path

import click

from piao_rules.cli.common import check_outputs, print_problems, reports_errors, same_file
from piao_rules.errors import InputError


@click.command("raccogli")
@click.argument("cartella", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File delle misure da scrivere: .xlsx, .csv o .yaml.")
@click.option("--piano", type=click.Path(path_type=Path),
              help="Il piano in vigore: controlla i codici e riconosce i modelli creati da una versione precedente.")
@click.option("--rigoroso", is_flag=True, help="Rifiuta i file con celle illeggibili invece di conservarne il testo nella "
              "nota, e si ferma se un file non si può leggere invece di raccogliere gli altri.")
@reports_errors
def raccogli(cartella: Path, output: Path, piano: Path | None, rigoroso: bool) -> None:
    """Rilegge i modelli compilati della CARTELLA e scrive un unico file delle misure.

    Le righe sono riconosciute dal codice, non dalla posizione. Ogni problema indica
    file e cella (es. ufficio-ragioneria.xlsx:Misure!I7). Un valore illeggibile è
    segnalato e il suo testo conservato nella nota (con --rigoroso il comando si
    ferma); due valori diversi per lo stesso indicatore fermano il comando. Un file
    che non si può leggere (un foglio o una colonna cancellati) è segnalato e gli
    altri sono raccolti comunque (con --rigoroso il comando si ferma).
    """
    from piao_rules.collect import gather
    from piao_rules.collect.gather import is_collection_workbook, workbook_files
    from piao_rules.io import load_plan, write_measures

    # The offices' workbooks are inputs; a file named as the output that is not one of them (the
    # measures written by an earlier run into the same folder) may be replaced.
    workbooks, _ = workbook_files(cartella)
    returned = [f for f in workbooks if not same_file(f, output) or is_collection_workbook(f)]
    check_outputs([output], [piano, *returned])
    plan = None
    if piano is not None:
        plan, warnings = load_plan(piano)
        print_problems([w for w in warnings if not w.is_error])
    if output.suffix.lower() not in (".xlsx", ".csv", ".yaml", ".yml"):
        raise InputError.single(output, "il file delle misure deve essere .xlsx, .csv o .yaml")
    result = gather(cartella, plan, rigoroso, skip=output)
    print_problems(result.problems)
    write_measures(result.measures, output)
    click.echo(
        f"{output}: {len(result.measures.measures)} misure al {result.measures.as_of:%d/%m/%Y} da "
        f"{len(result.workbooks)} file; righe compilate {result.filled}, vuote {result.empty}."
        + (f" File non raccolti: {', '.join(result.skipped)}." if result.skipped else "")
    )
