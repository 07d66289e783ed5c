"""What the document commands share: the monitoring of the files (library API) and output checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from piao_rules import atomic
from piao_rules.cli.common import monitor_inputs, print_problems

if TYPE_CHECKING:
    from piao_rules.monitoring import Monitoring

def monitor_files(piano: Path, misure: Path, as_of: date | None, motore: str | None, regole: Path | None,
                  giornale: Path | None = None, storico: Path | None = None) -> Monitoring:
    """The monitoring of the files (see :func:`monitor_inputs`), its warnings printed."""
    result = monitor_inputs(piano, misure, as_of, motore, regole, giornale, storico)
    print_problems([w for w in result.warnings if not w.is_error])
    return result


def check_output(path: Path) -> None:
    if path.suffix.lower() != ".docx":
        raise click.UsageError(f"il file da scrivere deve avere estensione .docx (non «{path.name}»)")


def write(path: Path, data: bytes) -> None:
    atomic.write_bytes(path, data)
    click.echo(f"scritto {path}")
