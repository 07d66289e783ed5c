"""``piao-rules importa``: turn a Word document or a spreadsheet export into a plan and its measures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import check_outputs, reports_errors
from piao_rules.errors import InputError


@click.command("importa")
@click.argument("documento", type=click.Path(path_type=Path))
@click.option("-o", "--output", "piano", type=click.Path(path_type=Path), metavar="PIANO",
              help="Il piano da scrivere: .yaml (con la fonte di ogni indicatore), .csv o .xlsx.")
@click.option("--misure", type=click.Path(path_type=Path), metavar="FILE",
              help="Dove scrivere le misure lette (predefinito: misure.csv accanto al piano).")
@click.option("--rapporto", type=click.Path(path_type=Path), metavar="FILE", help="Salva anche in questo file il rapporto dell'importazione.")
@click.option("--mappa", type=click.Path(path_type=Path), metavar="FILE",
              help="Per Excel e CSV: il file YAML che dice quale colonna contiene codice, indicatore, target…")
@click.option("--mostra-mappa", is_flag=True,
              help="Per Excel e CSV: stampa la mappa delle colonne indovinata, da salvare e correggere, ed esce.")
@click.option("--anno", type=int, metavar="ANNO", help="Anno del piano, se il documento non lo dice (es. 2023).")
@options.as_of("Data delle misure, se il documento non la dice (es. 30/06/2023).")
@click.option("--ente", metavar="NOME", help="Nome dell'ente, se il documento non lo dice (es. «Camera di commercio di Cuneo»).")
@click.option("--sovrascrivi", is_flag=True, help="Sostituisce il piano o le misure se esistono già.")
@reports_errors
def importa(documento: Path, piano: Path | None, misure: Path | None, rapporto: Path | None, mappa: Path | None,
            mostra_mappa: bool, anno: int | None, as_of: date | None, ente: str | None, sovrascrivi: bool) -> None:
    """Importa il piano (e le misure) da un DOCUMENTO Word (.docx) o da un foglio Excel/CSV.

    \b
    Word: legge ogni tabella di indicatori, riconosciuta dalle parole
    dell'intestazione (Indicatore, Target, Soglia, Peso, Misura al …), e le
    schede «Peso / Stato / Target»; aree e obiettivi vengono dai titoli e dalle
    righe che li nominano. Celle unite, righe spostate o spezzate tra pagine
    e intestazioni ripetute sono rimesse a posto e segnalate.
    Excel e CSV: una riga per indicatore; le colonne si indicano con --mappa
    (un modello si ottiene con --mostra-mappa).

    \b
    Scrive il piano (-o piano.yaml), le misure se il documento ne contiene
    (misure.csv accanto al piano, oppure --misure) e stampa il rapporto:
    indicatori letti, target compresi per tipo, celle non comprese con
    tabella e riga, duplicati, pesi, refusi riconosciuti. I valori ricavati da
    frasi sono solo proposte da confermare. Controllare poi con
    «piao-rules verifica».

    \b
    Esempi:
      piao-rules importa monitoraggio.docx -o piano.yaml
      piao-rules importa export.xlsx --mostra-mappa > mappa.yaml
      piao-rules importa export.xlsx --mappa mappa.yaml -o piano.yaml --al 30/06/2023
    """
    from piao_rules.importing import Options, import_file, write_outputs
    from piao_rules.importing.output import measures_path_for

    if mostra_mappa:
        if documento.suffix.lower() not in (".xlsx", ".xlsm", ".csv"):
            raise InputError.single(documento, "--mostra-mappa vale per fogli Excel e CSV; i documenti Word non hanno una mappa")
        from piao_rules.importing.spreadsheet import guessed_mapping

        click.echo(guessed_mapping(documento), nl=False)
        return
    if piano is None:
        raise InputError.single("", "manca il piano da scrivere: indicarlo con -o (es. -o piano.yaml)")
    check_outputs([piano, misure, rapporto], [documento, mappa])
    built, report = import_file(documento, Options(year=anno, as_of=as_of, ente=ente), mapping=mappa)
    outputs = [piano] + ([misure or measures_path_for(piano)] if built.measures is not None else [])
    check_outputs([*outputs, rapporto], [documento, mappa])
    existing = [str(path) for path in outputs if path.exists()]
    if existing and not sovrascrivi:
        raise InputError([InputError.single(path, "il file esiste già: scegliere un altro nome o aggiungere --sovrascrivi").problems[0]
                          for path in existing])
    written = write_outputs(built, report, piano, misure, documento.name, rapporto)
    click.echo(report.text(), nl=False)
    click.echo("")
    click.echo("Scritti: " + ", ".join(str(p) for p in written) + ". Controllare con «piao-rules verifica».")
