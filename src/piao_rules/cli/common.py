"""What every command shares: Italian help, date options, and error handling."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from piao_rules import values
from piao_rules.engine.durable_host import EngineError
from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.result import Evaluation
from piao_rules.engine.rulebook import Rulebook, load_rulebook
from piao_rules.errors import EXIT_INPUT, EXIT_INTERNAL, InputError, Problem, describe_os_error
from piao_rules.io import load_measures, load_plan
from piao_rules.io.model import MeasureSet, Plan
from piao_rules.review.adjustments import adjustments
from piao_rules.review.journal import default_path, read_journal


class ItalianGroup(click.Group):
    """A click group whose usage lines read in Italian, for itself and its commands."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPZIONI]")
        kwargs.setdefault("subcommand_metavar", "COMANDO [ARGOMENTI]...")
        super().__init__(*args, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        cmd.options_metavar = "[OPZIONI]"
        super().add_command(cmd, name)


class ItalianDate(click.ParamType):
    """A date typed as 30/06/2023, 30.6.2023, 2023-06-30 or «30 giugno 2023»."""

    name = "DATA"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return values.parse_date(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


DATE = ItalianDate()


def print_problems(problems: list[Problem]) -> None:
    """Print located problems to standard error, errors first."""
    for problem in sorted(problems, key=lambda p: not p.is_error):
        click.echo(str(problem), err=True)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn input errors into an Italian report and exit code 2; never show a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            print_problems(error.problems)
            errors = sum(1 for p in error.problems if p.is_error)
            click.echo(f"{errors} {'errore' if errors == 1 else 'errori'} da correggere: nessun file è stato modificato.", err=True)
            sys.exit(EXIT_INPUT)
        except OSError as error:
            click.echo(describe_os_error(error), err=True)
            sys.exit(EXIT_INPUT)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt, SystemExit):
            raise
        except Exception as error:  # a bug: say so plainly, keep the traceback for developers only
            if os.environ.get("PIAO_RULES_DEBUG"):
                raise
            click.echo(
                f"errore interno di piao-rules ({type(error).__name__}: {error}). Nessun file è stato modificato in modo "
                "parziale. Per i dettagli rieseguire con la variabile PIAO_RULES_DEBUG=1 e segnalare il problema.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper


def load_inputs(piano: Path, misure: Path, as_of: date | None) -> tuple[Plan, MeasureSet, date, list[Problem]]:
    """Read plan and measures (all problems together); the date defaults to the measures' own."""
    problems: list[Problem] = []
    plan = measures = None
    try:
        plan, warnings = load_plan(piano)
        problems += warnings
    except InputError as error:
        problems += error.problems
    try:
        measures, warnings = load_measures(misure, as_of)
        problems += warnings
    except InputError as error:
        problems += error.problems
    if plan is None or measures is None or any(p.is_error for p in problems):
        raise InputError(problems)
    when = as_of or measures.as_of
    if when is None:
        raise InputError.single(misure, "manca la data del monitoraggio: indicarla con --al (es. --al 30/06/2023)")
    return plan, measures, when, problems


def rulebook_for(piano: Path, plan: Plan, regole: Path | None = None) -> Rulebook:
    """The rules of an evaluation: ``--regole`` if given, else the plan's own folder, else the defaults."""
    return load_rulebook(regole if regole is not None else (piano.parent / plan.rules if plan.rules else None))


def evaluate_files(
    piano: Path, misure: Path, as_of: date | None, motore: str | None = None, regole: Path | None = None,
    on_stage: Callable[[str], None] | None = None, giornale: Path | None = None,
) -> tuple[Evaluation, Plan, list[Problem]]:
    """Load the inputs and evaluate them; input problems become an InputError, never a traceback.

    The review journal (``giornale``, else ``decisioni-<anno>.jsonl`` beside the measures if it exists)
    gives the rectifications and the decisions on proposed statuses that the engine applies."""
    plan, measures, when, warnings = load_inputs(piano, misure, as_of)
    rulebook = rulebook_for(piano, plan, regole)
    journal = read_journal(giornale or default_path(misure, plan.year))
    try:
        evaluation = evaluate(plan, measures, when, rulebook=rulebook, engine=motore, on_stage=on_stage,
                              adjustments=adjustments(journal, plan.year, when))
    except EngineError as error:
        raise InputError.single("", str(error)) from None
    return evaluation, plan, warnings
