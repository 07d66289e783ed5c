"""What the review commands share: the evaluation, the journal and the flags with their decisions."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from piao_rules.cli.common import evaluate_files, print_problems
from piao_rules.engine.result import Evaluation
from piao_rules.io.model import Plan
from piao_rules.review import journal as journals
from piao_rules.review.flags import FlagView, views

JOURNAL_HELP = "Giornale delle decisioni (predefinito: decisioni-<anno>.jsonl nella cartella delle misure)."


@dataclass
class Review:
    evaluation: Evaluation
    plan: Plan
    journal_path: Path
    measures: Path

    def views(self) -> list[FlagView]:
        return views(self.evaluation, journals.read_journal(self.journal_path))

    def record_sighting(self) -> None:
        """Note in the journal the flags raised at this date (so that the next monitoring knows since when)."""
        ids = [f.id for f in self.evaluation.flags]
        journals.record_sighting(self.journal_path, self.evaluation.year, self.evaluation.as_of, ids, self.measures.name)


def load_review(piano: Path, misure: Path, as_of: date | None, giornale: Path | None) -> Review:
    evaluation, plan, warnings = evaluate_files(piano, misure, as_of, giornale=giornale)
    print_problems([w for w in warnings if not w.is_error])
    path = giornale or journals.default_path(misure, plan.year)
    journals.read_journal(path)  # a damaged journal stops here, before anything is written
    return Review(evaluation, plan, path, misure)


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "utente sconosciuto"


def journal_option(function):
    return click.option("--giornale", type=click.Path(dir_okay=False, path_type=Path), help=JOURNAL_HELP)(function)
