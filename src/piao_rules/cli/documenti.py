"""What the document commands share: the monitoring of the files (library API) and output checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules import atomic
from piao_rules.cli.common import load_inputs, print_problems
from piao_rules.errors import InputError
from piao_rules.io.model import Plan
from piao_rules.monitoring import Monitoring, monitor
from piao_rules.review.journal import Journal, default_path, read_journal

JOURNAL_HELP = ("Giornale delle decisioni sulle segnalazioni (predefinito: decisioni-<anno>.jsonl nella cartella "
                "delle misure, se c'è).")


def monitor_files(piano: Path, misure: Path, as_of: date | None, motore: str | None, regole: Path | None,
                  giornale: Path | None = None, storico: Path | None = None) -> Monitoring:
    """Evaluate the files with the library API: the plan's rules, the review journal (the one given, else
    ``decisioni-<anno>.jsonl`` beside the measures if it exists), the history folder if given; the
    warnings are printed."""
    plan, measures, when, warnings = load_inputs(piano, misure, as_of)
    journal = journal_for(misure, plan, giornale)
    result = monitor(plan, measures, when, rules=regole, engine=motore, base_dir=piano.parent, decisions=journal,
                     history=storico)
    print_problems([w for w in warnings + result.warnings if not w.is_error])
    return result


def journal_for(misure: Path, plan: Plan, giornale: Path | None) -> Journal | None:
    """The review journal: the one given, else ``decisioni-<anno>.jsonl`` beside the measures if it exists."""
    path = giornale or default_path(misure, plan.year)
    if giornale is None and not path.exists():
        return None
    if not path.exists():
        raise InputError.single(path, "giornale delle decisioni non trovato: controllare il nome e la cartella")
    return read_journal(path)


def check_output(path: Path) -> None:
    if path.suffix.lower() != ".docx":
        raise click.UsageError(f"il file da scrivere deve avere estensione .docx (non «{path.name}»)")


def write(path: Path, data: bytes) -> None:
    atomic.write_bytes(path, data)
    click.echo(f"scritto {path}")
