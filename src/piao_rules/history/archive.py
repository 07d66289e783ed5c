"""``storico/<anno>/``: one folder per year with the plan, the measures, the decision journal and
the evaluation, copied as they were when the year was closed.

The evaluation (``valutazione.json``, the JSON of ``piao-rules valuta --json``) is what later years
read; the other files keep the record. A year already archived is replaced only on request.
"""

from __future__ import annotations

from pathlib import Path

from piao_rules import atomic
from piao_rules.engine.result import Evaluation
from piao_rules.errors import InputError

EVALUATION = "valutazione.json"
JOURNAL = "giornale.jsonl"

def year_folder(storico: Path, year: int) -> Path:
    return storico / str(year)

def archive(
    storico: Path, evaluation: Evaluation, plan: Path, measures: Path, journal: Path | None = None, replace: bool = False,
) -> Path:
    """Copy plan, measures and journal into ``storico/<anno>/`` and write the evaluation; return the folder."""
    folder = year_folder(storico, evaluation.year)
    if (folder / EVALUATION).exists() and not replace:
        raise InputError.single(
            folder / EVALUATION,
            f"l'anno {evaluation.year} è già archiviato: per sostituirlo usare --sostituisci (il contenuto attuale andrà perso)",
        )
    folder.mkdir(parents=True, exist_ok=True)
    copies = [(plan, f"piano{''.join(plan.suffixes[-1:])}"), (measures, f"misure{''.join(measures.suffixes[-1:])}")]
    if journal is not None:
        copies.append((journal, JOURNAL))
    for source, name in copies:
        atomic.write_bytes(folder / name, source.read_bytes())
    atomic.write_text(folder / EVALUATION, evaluation.model_dump_json() + "\n")
    return folder

