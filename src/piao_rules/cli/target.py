"""``piao-rules target``: show how a target (and its soglia) is read."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from piao_rules.cli.common import echo_json, reports_errors
from piao_rules.errors import EXIT_INPUT

if TYPE_CHECKING:
    from piao_rules.targets.model import Target


def _reading(target: Target) -> dict:
    from piao_rules.targets.format import format_target

    return {**target.model_dump(mode="json"), "canonical": format_target(target)}


def _print(label: str, target: Target) -> None:
    from piao_rules.targets.format import describe_target, format_target

    click.echo(f"{label}{describe_target(target)}")
    click.echo(f"  forma canonica: {format_target(target)}")
    for warning in target.warnings:
        click.echo(f"  avviso: {warning}")


@click.command("target")
@click.argument("testo")
@click.option(
    "--anno", type=click.IntRange(1900, 2100), metavar="ANNO",
    help="Anno del piano: completa le date senza anno e sceglie il target dell'anno.",
)
@click.option("--soglia", metavar="TESTO", help="Testo della SOGLIA da leggere rispetto al target.")
@click.option("--json", "as_json", is_flag=True, help="Stampa la lettura in JSON.")
@reports_errors
def target(testo: str, anno: int | None, soglia: str | None, as_json: bool) -> None:
    """Mostra come viene letto il target TESTO (es. "≥ 70%", "entro il 30/06/2023").

    Esce con codice 2 se il testo contiene una data impossibile (es. 30/16/2023).
    """
    from piao_rules.targets.parser import TargetError, parse_target, parse_threshold

    try:
        reading = parse_target(testo, anno)
        threshold = parse_threshold(soglia, reading, anno) if soglia is not None else None
    except TargetError as error:
        click.echo(f"Errore: {error}", err=True)
        sys.exit(EXIT_INPUT)
    if as_json:
        output = _reading(reading)
        if threshold is not None:
            output["threshold"] = _reading(threshold)
        echo_json(output)
        return
    _print("Target — ", reading)
    if threshold is not None:
        _print("Soglia — ", threshold)
