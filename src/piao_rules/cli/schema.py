"""``piao-rules schema``: the JSON Schema of the plan and measures files."""

from __future__ import annotations

from pathlib import Path

import click

from piao_rules import atomic
from piao_rules.cli.common import check_outputs, echo_json, reports_errors


@click.command("schema")
@click.option(
    "-o",
    "--cartella",
    type=click.Path(file_okay=False, path_type=Path),
    help="Cartella in cui scrivere piano.schema.json e misure.schema.json (creata se manca).",
)
@reports_errors
def schema(cartella: Path | None) -> None:
    """Scrive lo schema JSON dei file del piano e delle misure.

    Gli editor (ad esempio VS Code) lo usano per suggerire e controllare i
    campi mentre si scrive piano.yaml o misure.yaml. Senza -o stampa un unico
    oggetto JSON con i due schemi.
    """
    from piao_rules.io import schema as schemas

    documents = schemas.schemas()
    if cartella is None:
        echo_json(documents)
        return
    check_outputs([cartella / name for name in documents], [])
    cartella.mkdir(parents=True, exist_ok=True)
    for name, document in documents.items():
        atomic.write_text(cartella / name, schemas.dumps(document))
        click.echo(f"Scritto {cartella / name}")
