"""``piao-rules schede``: one individual evaluation form (.docx) per person of the SMVP file."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import reports_errors
from piao_rules.cli.documenti import monitor_files, write


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
@options.plan_and_measures()
@click.option("--smvp", "smvp_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File SMVP (YAML): pesi delle componenti, scala e comportamenti, persone valutate e loro obiettivi.")
@options.as_of("Data dei risultati (di norma il 31/12); se manca, quella del file delle misure.")
@options.word_output(file=False, help="Cartella in cui scrivere le schede (una per persona).")
@options.ente("File dell'ente (YAML): denominazione.")
@options.word_templates("Cartella con i modelli Word modificati (scheda.docx).")
@options.rules_engine()
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
