"""``piao-rules modelli``: copy the Word templates out for editing, and check edited ones."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from piao_rules.cli.common import check_outputs, print_problems, reports_errors
from piao_rules.errors import EXIT_INPUT


@click.command("modelli")
@click.option("--esporta", type=click.Path(file_okay=False, path_type=Path), metavar="CARTELLA",
              help="Copia i modelli predefiniti (allegato.docx, delibera.docx) e la guida ai segnaposto nella CARTELLA.")
@click.option("--verifica", type=click.Path(file_okay=False, path_type=Path), metavar="CARTELLA",
              help="Controlla i modelli modificati nella CARTELLA: segnaposto sconosciuti o non chiusi, parti fuori posto.")
@click.option("--sovrascrivi", is_flag=True, help="Con --esporta, sostituisce i file già presenti.")
@reports_errors
def modelli(esporta: Path | None, verifica: Path | None, sovrascrivi: bool) -> None:
    """Esporta i modelli Word da personalizzare, oppure verifica quelli modificati.

    I modelli sono documenti Word con segnaposto ({{ ente }}, {%p if … %}, {{p esiti }}):
    testi fissi, stili, caratteri, colori e logo si cambiano in Word; poi
    «piao-rules allegato … --modelli CARTELLA» li usa. Esce con codice 2 se un modello ha errori.
    """
    if (esporta is None) == (verifica is None):
        raise click.UsageError("indicare --esporta CARTELLA oppure --verifica CARTELLA")
    from piao_rules.documents.templates import KINDS, export, verify

    if esporta is not None:
        check_outputs([esporta / kind.file for kind in KINDS.values()] + [esporta / "SEGNAPOSTO.md"], [])
        try:
            written = export(esporta, overwrite=sovrascrivi)
        except FileExistsError as error:
            raise click.UsageError(f"{error.args[0]} esiste già: usare --sovrascrivi oppure un'altra cartella") from None
        for path in written:
            click.echo(f"scritto {path}")
        return
    assert verifica is not None  # one of the two, tested above
    if not verifica.is_dir():
        raise click.UsageError(f"la cartella {verifica} non esiste")
    found = [(kind, verifica / kind.file) for kind in KINDS.values() if (verifica / kind.file).is_file()]
    if not found:
        names = " o ".join(kind.file for kind in KINDS.values())
        raise click.UsageError(f"nessun modello nella cartella {verifica}: attesi {names}")
    errors = 0
    for kind, path in found:
        problems = verify(path, kind)
        print_problems(problems)
        errors += sum(1 for p in problems if p.is_error)
        if not problems:
            click.echo(f"{path}: nessun problema")
    if errors:
        click.echo(f"{errors} {'errore' if errors == 1 else 'errori'} nei modelli.", err=True)
        sys.exit(EXIT_INPUT)
