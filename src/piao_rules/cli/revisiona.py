"""``piao-rules revisiona``: the new plan version with the target revisions accepted in the journal."""

from __future__ import annotations

from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import check_outputs, print_problems, reports_errors
from piao_rules.errors import InputError


@click.command("revisiona")
@options.plan()
@options.journal(required=True, help="Giornale delle decisioni con le rimodulazioni accolte.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Il piano revisionato da scrivere (.yaml, .csv o .xlsx), es. piano-rev1.yaml.")
@click.option("--delibera", metavar="TESTO", help="L'atto che approva la revisione, es. «n. 107 del 31/07/2023».")
@click.option("--parere-oiv", metavar="TESTO", help="Il parere dell'OIV sulla revisione, es. «parere favorevole del 20/07/2023».")
@reports_errors
def revisiona(piano: Path, giornale: Path, output: Path, delibera: str | None, parere_oiv: str | None) -> None:
    """Scrive la nuova versione del PIANO con i target rimodulati accolti nel giornale.

    La revisione del piano aumenta di 1; ogni indicatore rimodulato riceve una voce in
    «revisioni» con target precedente, nuovo target, motivazione, atto di approvazione e
    parere dell'OIV. Le valutazioni successive usano il nuovo target e i documenti
    mostrano entrambi.
    """
    from piao_rules.io import load_plan, write_plan
    from piao_rules.review.journal import read_journal
    from piao_rules.review.revise import revise

    check_outputs([output], [piano, giornale])
    plan, warnings = load_plan(piano)
    print_problems([w for w in warnings if not w.is_error])
    journal = read_journal(giornale)
    if not journal.entries:
        raise InputError.single(giornale, "il giornale non esiste o è vuoto")
    revised, applied = revise(plan, journal, delibera, parere_oiv)
    write_plan(revised, output)
    for item in applied:
        click.echo(f"{item.code}: «{item.previous}» → «{item.target}»")
    click.echo(f"{output}: revisione {revised.revision} del piano, {len(applied)} target {'rimodulato' if len(applied) == 1 else 'rimodulati'}.")
