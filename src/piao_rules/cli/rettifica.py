"""``piao-rules rettifica``: record a Giunta-approved neutralisation or forced status/degree of an indicator."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import click

from piao_rules import values
from piao_rules.cli.common import DATE, reports_errors
from piao_rules.cli.reviewing import default_user, journal_option, load_review
from piao_rules.engine.result import Status
from piao_rules.errors import InputError
from piao_rules.review import journal as journals
from piao_rules.review.journal import Rectification

EFFECTS = ("neutralizzazione", "stato", "grado")


def _status(text: str | None) -> str | None:
    if text is None:
        return None
    status = text.strip().lower().replace(" ", "_")
    if status not in {s.value for s in Status}:
        raise InputError.single("", f"stato «{text}» sconosciuto: scegliere tra {', '.join(s.label for s in Status)}")
    return status


def _degree(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        number = values.parse_number(text.rstrip("% "))
    except ValueError:
        number = None
    if number is None or not 0 <= number <= 100:
        raise InputError.single("", f"grado «{text}» non valido: indicare un numero tra 0 e 100 (es. 100 o 75,5)")
    return number


@click.command("rettifica")
@click.argument("piano", type=click.Path(path_type=Path))
@click.argument("misure", type=click.Path(path_type=Path))
@click.argument("codice")
@click.option("--effetto", type=click.Choice(EFFECTS), required=True,
              help="neutralizzazione (escluso dal calcolo dei gradi, pesi ripartiti sugli altri), stato o grado (imposti).")
@click.option("--stato", metavar="STATO", help="Lo stato imposto (con effetto stato o grado), es. «in linea».")
@click.option("--grado", metavar="N", help="Il grado di raggiungimento imposto, da 0 a 100 (con effetto grado o stato).")
@click.option("--motivo", required=True, metavar="TESTO", help="Perché (obbligatorio), es. la causa esterna riconosciuta.")
@click.option("--approvata-con", "approvata_con", required=True, metavar="ATTO",
              help="L'atto che la approva, es. «delibera di Giunta n. 107 del 31/07/2023».")
@click.option("--al", "as_of", type=DATE, help="Data del monitoraggio (es. 30/06/2023); se manca, quella del file delle misure.")
@click.option("--chi", metavar="NOME", help="Chi registra (predefinito: l'utente del computer).")
@journal_option
@reports_errors
def rettifica(piano: Path, misure: Path, codice: str, effetto: str, stato: str | None, grado: str | None, motivo: str,
              approvata_con: str, as_of: date | None, chi: str | None, giornale: Path | None) -> None:
    """Registra nel giornale una rettifica approvata dalla Giunta sull'indicatore CODICE.

    La neutralizzazione esclude l'indicatore dal calcolo dei gradi (i pesi si
    ripartiscono sugli altri) dalla data indicata fino a fine anno; uno stato o un
    grado imposti valgono per il monitoraggio a quella data. La rettifica è
    riportata nella spiegazione dell'indicatore, nella narrativa e nei documenti.
    """
    status, degree = _status(stato), _degree(grado)
    if effetto == "stato" and status is None:
        raise InputError.single("", "con --effetto stato indicare lo stato imposto (--stato \"in linea\")")
    if effetto == "grado" and degree is None:
        raise InputError.single("", "con --effetto grado indicare il grado imposto (--grado 100)")
    if effetto == "neutralizzazione" and (status or degree is not None):
        raise InputError.single("", "la neutralizzazione esclude l'indicatore: non indicare --stato né --grado")
    if not motivo.strip() or not approvata_con.strip():
        raise InputError.single("", "motivo e atto di approvazione non possono essere vuoti")
    review = load_review(piano, misure, as_of, giornale)
    code = codice.strip()
    if all(i.code != code for i in review.evaluation.indicators):
        raise InputError.single("", f"l'indicatore «{code}» non è nel piano: controllare il codice")
    entry = Rectification(
        codice=code, effetto=effetto, stato=status, grado=degree, motivo=motivo.strip(), approvata_con=approvata_con.strip(),
        chi=(chi or default_user()).strip(), quando=journals.now(), al=review.evaluation.as_of, anno=review.evaluation.year,
    )
    journals.append(review.journal_path, [entry])
    click.echo(f"{code}: {effetto} registrata in {review.journal_path}.")
