"""What every command shares: Italian help, date options, and error handling."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from piao_rules import values
from piao_rules.errors import EXIT_INPUT, InputError, Problem


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
            click.echo(f"{errors} errori: nessun file è stato scritto.", err=True)
            sys.exit(EXIT_INPUT)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"{where}impossibile leggere o scrivere il file ({error.strerror or error}).", err=True)
            sys.exit(EXIT_INPUT)

    return wrapper
