"""What every command shares: Italian help, date options, error handling, and the outputs-versus-inputs guard."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from piao_rules import values
from piao_rules.errors import EXIT_INPUT, EXIT_INTERNAL, InputError, Problem, describe_os_error

if TYPE_CHECKING:  # the engine and the readers are imported by the commands that use them (fast start-up)
    from piao_rules.engine.result import Evaluation
    from piao_rules.engine.rulebook import Rulebook
    from piao_rules.io.model import MeasureSet, Plan
    from piao_rules.monitoring import Monitoring
    from piao_rules.review.journal import Journal


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


def echo_json(data: Any) -> None:
    """Print data as indented JSON: the text of ``json.dumps(indent=2, ensure_ascii=False)`` in a fifth of the time
    (a float's exponent aside: «1e-8», not «1e-08»)."""
    from pydantic_core import to_json

    click.echo(to_json(data, indent=2).decode())


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


def _path_key(path: Path) -> str:
    """The path through every link, compared ignoring case (Windows and macOS file systems ignore it)."""
    return os.path.normcase(os.path.realpath(path)).casefold()


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same file on disk when both exist, else the same resolved name."""
    if first.exists() and second.exists():
        try:
            return os.path.samefile(first, second)
        except OSError:
            pass
    return _path_key(first) == _path_key(second)


def _files_of(path: Path) -> list[Path]:
    """An input folder (rules, templates) stands for the files in it."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file())
    return [path]


def check_outputs(outputs: Iterable[Path | None], inputs: Iterable[Path | None]) -> None:
    """Refuse, before anything is written, an output that is one of the inputs or is named twice.

    Every command that writes files calls this with all it will write and all it reads
    (an input folder counts as its files); ``--sovrascrivi`` never applies to an input.
    """
    written = [Path(p) for p in outputs if p is not None]
    read = [f for p in inputs if p is not None for f in _files_of(Path(p))]
    problems: list[Problem] = []
    for index, output in enumerate(written):
        if output.exists() and not output.is_file():  # a folder, a device, a pipe: never replaced by a file
            problems.append(Problem(file=str(output), message="non è un file ma una cartella o un file speciale "
                                                              "(dispositivo, pipe): indicare il nome di un file"))
            continue
        source = next((p for p in read if same_file(output, p)), None)
        twice = next((p for p in written[:index] if same_file(output, p)), None)
        if source is not None:
            also = "" if str(source) == str(output) else f" ({source})"
            problems.append(Problem(file=str(output), message=f"è anche uno dei file da leggere{also}: il comando lo "
                                                              "sostituirebbe; scrivere il risultato in un file con un altro nome"))
        elif twice is not None:
            also = "" if str(twice) == str(output) else f" (anche come {twice})"
            problems.append(Problem(file=str(output), message=f"è indicato due volte tra i file da scrivere{also}: "
                                                              "dare a ciascun file un nome diverso"))
    if problems:
        raise InputError(problems)


def load_inputs(piano: Path, misure: Path, as_of: date | None) -> tuple[Plan, MeasureSet, date, list[Problem]]:
    """Read plan and measures (all problems together); the date defaults to the measures' own."""
    from piao_rules.io import load_measures, load_plan

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
    from piao_rules.engine.rulebook import load_rulebook

    return load_rulebook(regole if regole is not None else (piano.parent / plan.rules if plan.rules else None))


def journal_for(misure: Path, plan: Plan, giornale: Path | None) -> Journal | None:
    """The review journal: the one given, else ``decisioni-<anno>.jsonl`` beside the measures if it exists."""
    from piao_rules.review.journal import default_path, read_journal

    path = giornale or default_path(misure, plan.year)
    if giornale is None and not path.exists():
        return None
    if not path.exists():
        raise InputError.single(path, "giornale delle decisioni non trovato: controllare il nome e la cartella")
    return read_journal(path)


def monitor_inputs(
    piano: Path, misure: Path, as_of: date | None, motore: str | None = None, regole: Path | None = None,
    giornale: Path | None = None, storico: Path | None = None, on_stage: Callable[[str], None] | None = None,
) -> Monitoring:
    """Load the files and evaluate them with the library API: the plan's rules (or ``regole``), the review
    journal (``giornale``, else ``decisioni-<anno>.jsonl`` beside the measures if it exists: its
    rectifications and confirmed statuses are applied), the history folder ``storico`` if given.
    Input problems become an InputError, never a traceback; warnings are in ``.warnings``."""
    from piao_rules.monitoring import monitor

    plan, measures, when, warnings = load_inputs(piano, misure, as_of)
    journal = journal_for(misure, plan, giornale)
    result = monitor(plan, measures, when, rules=rulebook_for(piano, plan, regole), engine=motore,
                     decisions=journal, history=storico, on_stage=on_stage)
    result.warnings[:0] = warnings
    return result


def evaluate_files(
    piano: Path, misure: Path, as_of: date | None, motore: str | None = None, regole: Path | None = None,
    on_stage: Callable[[str], None] | None = None, storico: Path | None = None, giornale: Path | None = None,
) -> tuple[Evaluation, Plan, list[Problem]]:
    """The evaluation of the files (see :func:`monitor_inputs`), the plan and the warnings."""
    result = monitor_inputs(piano, misure, as_of, motore, regole, giornale, storico, on_stage)
    return result.evaluation, result.plan, result.warnings
