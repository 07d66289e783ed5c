"""``piao-rules schede``: one individual evaluation form (.docx) per person of the SMVP file."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import click

from piao_rules.cli.common import DATE, reports_errors
from piao_rules.cli.documenti import monitor_files, write
from piao_rules.engine import ENGINES


def file_name(name: str, taken: set[str]) -> str:
    """«Maria Rossi» → «scheda-maria-rossi.docx» (a number is added when two people share a name)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    stem = "scheda-" + (re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "persona")
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate)
    return candidate + ".docx"


@click.command("schede")
@click.argument("piano", type=click.Path(path_type=Path))
@click.argument("misure", type=click.Path(path_type=Path))
@click.option("--smvp", "smvp_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File SMVP (YAML): pesi delle componenti, scala e comportamenti, persone valutate e loro obiettivi.")
@click.option("--al", "as_of", type=DATE, help="Data dei risultati (di norma il 31/12); se manca, quella del file delle misure.")
@click.option("-o", "--uscita", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Cartella in cui scrivere le schede (una per persona).")
@click.option("--ente", "ente_file", type=click.Path(path_type=Path), help="File dell'ente (YAML): denominazione.")
@click.option("--modelli", type=click.Path(file_okay=False, path_type=Path), help="Cartella con i modelli Word modificati (scheda.docx).")
@click.option("--motore", type=click.Choice(ENGINES), help="Motore delle regole: durable (predefinito se installato) o interno.")
@click.option("--regole", type=click.Path(file_okay=False, path_type=Path), help="Cartella di regole al posto di quelle del piano.")
@reports_errors
def schede(piano: Path, misure: Path, smvp_file: Path, as_of: date | None, output: Path, ente_file: Path | None,
           modelli: Path | None, motore: str | None, regole: Path | None) -> None:
    """Scrive la scheda di valutazione individuale di ogni persona del file SMVP.

    Per ciascun dirigente o E.Q. la scheda riporta gli obiettivi assegnati con peso e
    grado di raggiungimento, gli indicatori da cui i gradi derivano, i punti della
    componente organizzativa e, da compilare a cura del valutatore, i comportamenti
    con i pesi e la scala del SMVP.
    """
    from piao_rules.documents.form import build_form
    from piao_rules.engine.individual import score_people
    from piao_rules.io.ente import load_ente
    from piao_rules.io.smvp import load_smvp

    smvp, places = load_smvp(smvp_file)
    ente = load_ente(ente_file).ente.name if ente_file is not None else None
    monitoring = monitor_files(piano, misure, as_of, motore, regole)
    evaluation, plan = monitoring.evaluation, monitoring.plan
    scores = score_people(smvp, plan, evaluation, places)
    output.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for score in scores:
        write(output / file_name(score.person.name, taken), build_form(smvp, score, evaluation, ente or plan.ente.name, modelli))
