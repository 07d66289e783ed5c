"""``piao-rules rettifica``: record a Giunta-approved neutralisation or forced status/degree of an indicator."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import reports_errors
from piao_rules.cli.reviewing import default_user, load_review
from piao_rules.review import EFFECTS

OPTIONS = {"stato": "--stato", "grado": "--grado"}


@click.command("rettifica")
@options.plan_and_measures()
@click.argument("codice")
@click.option("--effetto", type=click.Choice(EFFECTS), required=True,
              help="neutralizzazione (escluso dal calcolo dei gradi, pesi ripartiti sugli altri), stato o grado (imposti).")
@click.option("--stato", metavar="STATO", help="Lo stato imposto (con effetto stato o grado), es. «in linea».")
@click.option("--grado", metavar="N", help="Il grado di raggiungimento imposto, da 0 a 100 (con effetto grado o stato).")
@click.option("--motivo", required=True, metavar="TESTO", help="Perché (obbligatorio), es. la causa esterna riconosciuta.")
@click.option("--approvata-con", "approvata_con", required=True, metavar="ATTO",
              help="L'atto che la approva, es. «delibera di Giunta n. 107 del 31/07/2023».")
@options.as_of()
@click.option("--chi", metavar="NOME", help="Chi registra (predefinito: l'utente del computer).")
@options.journal()
@reports_errors
def rettifica(piano: Path, misure: Path, codice: str, effetto: str, stato: str | None, grado: str | None, motivo: str,
              approvata_con: str, as_of: date | None, chi: str | None, giornale: Path | None) -> None:
    """Registra nel giornale una rettifica approvata dalla Giunta sull'indicatore CODICE.

    La neutralizzazione esclude l'indicatore dal calcolo dei gradi (i pesi si
    ripartiscono sugli altri) dalla data indicata fino a fine anno; uno stato o un
    grado imposti valgono per il monitoraggio a quella data. La rettifica è
    riportata nella spiegazione dell'indicatore, nella narrativa e nei documenti.
    """
    from piao_rules.review import journal as journals
    from piao_rules.review.rectify import rectification

    review = load_review(piano, misure, as_of, giornale)
    entry = rectification(review.evaluation, codice, effetto, stato, grado, motivo, approvata_con,
                          who=chi or default_user(), when=journals.now(), names=OPTIONS)
    journals.append(review.journal_path, [entry])
    click.echo(f"{entry.code}: {effetto} registrata in {review.journal_path}.")
