"""What the document commands share: evaluation with its rules, narratives, output checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from piao_rules import atomic
from piao_rules.cli.common import evaluate_files, print_problems, rulebook_for
from piao_rules.engine.result import Evaluation
from piao_rules.engine.rulebook import Rulebook
from piao_rules.errors import InputError
from piao_rules.io.model import Plan
from piao_rules.narrative import Narratives, narrate
from piao_rules.review.flags import decision_texts
from piao_rules.review.journal import Journal, default_path, read_journal
from piao_rules.review.revise import accepted_revisions
from piao_rules.review.revisions import Revision, approved

JOURNAL_HELP = ("Giornale delle decisioni sulle segnalazioni (predefinito: decisioni-<anno>.jsonl nella cartella "
                "delle misure, se c'è).")


def evaluate_for_document(
    piano: Path, misure: Path, as_of: date | None, motore: str | None, regole: Path | None, giornale: Path | None = None,
) -> tuple[Evaluation, Plan, Rulebook]:
    """Evaluate the inputs (with the journal's rectifications); the rulebook is returned too, for the methodological note."""
    evaluation, plan, warnings = evaluate_files(piano, misure, as_of, motore, regole, giornale=giornale)
    print_problems([w for w in warnings if not w.is_error])
    return evaluation, plan, rulebook_for(piano, plan, regole)


def revisions_for(evaluation: Evaluation, journal: Journal | None) -> list[Revision] | None:
    """The target revisions accepted in the journal; None without a journal (then those proposed count)."""
    return approved(evaluation, accepted_revisions(journal, evaluation.year)) if journal is not None else None


def narratives_for(evaluation: Evaluation, journal: Journal | None = None) -> Narratives:
    """The Italian narratives of the evaluation (default phrases), with the decisions of the journal if any."""
    if journal is None:
        return narrate(evaluation)
    return narrate(evaluation, decisions=decision_texts(evaluation, journal, brief=True), revisions=revisions_for(evaluation, journal))


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
