"""Arguments and options that several commands share, each defined once with its Italian help.

Each function returns a decorator; a command's own wording, when it differs, is passed as ``help``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from piao_rules.cli.common import DATE
from piao_rules.engine import ENGINES

F = TypeVar("F", bound=Callable[..., Any])

AS_OF_HELP = "Data del monitoraggio (es. 30/06/2023); se manca, quella del file delle misure."
JOURNAL_HELP = "Giornale delle decisioni (predefinito: decisioni-<anno>.jsonl nella cartella delle misure)."
DOCUMENTS_JOURNAL_HELP = ("Giornale delle decisioni sulle segnalazioni (predefinito: decisioni-<anno>.jsonl nella "
                          "cartella delle misure, se c'è).")
HISTORY_HELP = "Cartella dello storico (una cartella per anno, scritta da «piao-rules archivia»): aggiunge gli anni precedenti."


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` in the order written (the first is the first in the help)."""
    def apply(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function
    return apply


def plan() -> Callable[[F], F]:
    """The PIANO argument."""
    return click.argument("piano", type=click.Path(path_type=Path))


def plan_and_measures(measures_required: bool = True) -> Callable[[F], F]:
    """The PIANO and MISURE arguments."""
    return _stack(plan(), click.argument("misure", required=measures_required, type=click.Path(path_type=Path)))


def as_of(help: str = AS_OF_HELP, required: bool = False) -> Callable[[F], F]:
    """``--al DATA``: the date of the monitoring, as ``as_of``."""
    return click.option("--al", "as_of", type=DATE, required=required, help=help)


def rules_engine() -> Callable[[F], F]:
    """``--motore`` and ``--regole``: which engine runs which rules."""
    return _stack(
        click.option("--motore", type=click.Choice(ENGINES),
                     help="Motore delle regole: durable (predefinito se installato) o interno."),
        click.option("--regole", type=click.Path(file_okay=False, path_type=Path),
                     help="Cartella di regole al posto di quelle del piano."))


def journal(help: str = JOURNAL_HELP, required: bool = False) -> Callable[[F], F]:
    """``--giornale FILE``: the journal of decisions."""
    return click.option("--giornale", type=click.Path(dir_okay=False, path_type=Path), required=required, help=help)


def history(help: str = HISTORY_HELP, required: bool = False) -> Callable[[F], F]:
    """``--storico CARTELLA``: the archive of past years."""
    return click.option("--storico", type=click.Path(file_okay=False, path_type=Path), required=required, help=help)


def ente(help: str, required: bool = False) -> Callable[[F], F]:
    """``--ente FILE``: the chamber's file, as ``ente_file``."""
    return click.option("--ente", "ente_file", type=click.Path(path_type=Path), required=required, help=help)


def word_templates(help: str = "Cartella con i modelli Word modificati.") -> Callable[[F], F]:
    """``--modelli CARTELLA``: the user's restyled Word templates."""
    return click.option("--modelli", type=click.Path(file_okay=False, path_type=Path), help=help)


def word_output(help: str, file: bool = True) -> Callable[[F], F]:
    """``-o/--uscita``: the document (or folder of documents) to write, as ``output``."""
    kind = click.Path(dir_okay=False, path_type=Path) if file else click.Path(file_okay=False, path_type=Path)
    return click.option("-o", "--uscita", "output", required=True, type=kind, help=help)
