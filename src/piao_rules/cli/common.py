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
    """A click group whose generic texts are in Italian."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPZIONI] COMANDO [ARGOMENTI]...", prefix="Uso: ")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, cmd.get_short_help_str(70)) for name, cmd in sorted(self.commands.items()) if not cmd.hidden]
        if rows:
            with formatter.section("Comandi"):
                formatter.write_dl(rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [p.get_help_record(ctx) for p in self.get_params(ctx)]
        rows = [r for r in rows if r]
        if rows:
            with formatter.section("Opzioni"):
                formatter.write_dl(rows)
        self.format_commands(ctx, formatter)


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
