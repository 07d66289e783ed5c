"""``piao-rules verifica``: read the plan and the measures, run the checks, print the report."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from piao_rules.cli import options
from piao_rules.cli.common import reports_errors, rulebook_for
from piao_rules.errors import EXIT_INPUT, InputError, Problem

if TYPE_CHECKING:
    from piao_rules.io.model import MeasureSet, Plan


@click.command("verifica")
@options.plan_and_measures(measures_required=False)
@options.as_of("Data delle misure che non ne hanno una (es. 30/06/2023).")
@reports_errors
def verifica(piano: Path, misure: Path | None, as_of: date | None) -> None:
    """Controlla il PIANO (.yaml, .csv o .xlsx) e, se indicato, il file delle MISURE.

    Stampa gli errori, poi gli avvisi, poi un riepilogo. Esce con 0 se non ci
    sono errori (gli avvisi sono ammessi), con 2 se ce ne sono.
    """
    from piao_rules.engine.computed import written_checks
    from piao_rules.engine.notes import note_checks
    from piao_rules.io import checks, read_measures, read_plan
    from piao_rules.targets import checks as target_checks

    problems: list[Problem] = []
    plan = _read(read_plan, problems, piano)
    measures = _read(read_measures, problems, misure, as_of) if misure else None
    if plan is not None:
        lexicon = None
        if measures is not None:
            try:
                lexicon = rulebook_for(piano, plan.value).notes
            except InputError as error:
                problems.extend(error.problems)
        problems += checks.check(
            plan.value,
            measures.value if measures else None,
            plan_places=plan.places,
            measure_places=measures.places if measures else None,
            extra=(*target_checks.CHECKS, note_checks(lexicon), written_checks),
        )
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    for problem in errors:
        click.echo(click.style(str(problem), fg="red"))
    for problem in warnings:
        click.echo(click.style(str(problem), fg="yellow"))
    click.echo(summary(plan.value if plan else None, measures.value if measures else None, misure is not None, len(errors), len(warnings)))
    if errors:
        sys.exit(EXIT_INPUT)


def _read(reader, problems: list[Problem], *arguments):
    try:
        loaded = reader(*arguments)
    except InputError as error:
        problems.extend(error.problems)
        return None
    problems.extend(loaded.problems)
    return loaded


def summary(plan: Plan | None, measures: MeasureSet | None, with_measures: bool, errors: int, warnings: int) -> str:
    """«Piano: 71 indicatori in 28 obiettivi; misure: 71; 0 errori, 3 avvisi.»"""
    from piao_rules import format_it

    if plan is None:
        parts = ["Piano: non leggibile"]
    else:
        indicators = sum(1 for _ in plan.indicators())
        objectives = sum(1 for _ in plan.objectives())
        parts = [f"Piano: {format_it.counted(indicators, 'indicatore', 'indicatori')} in {format_it.counted(objectives, 'obiettivo', 'obiettivi')}"]
    if with_measures:
        parts.append(f"misure: {len(measures.measures)}" if measures is not None else "misure: non leggibili")
    counts = f"{format_it.counted(errors, 'errore', 'errori')}, {format_it.counted(warnings, 'avviso', 'avvisi')}."
    return "; ".join([*parts, counts])

