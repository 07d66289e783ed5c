"""``piao-rules regole``: the active evaluation rules, in Italian."""

from __future__ import annotations

from pathlib import Path

import click

from piao_rules.cli.common import reports_errors


@click.command("regole")
@click.option("--piano", type=click.Path(path_type=Path), help="Mostra le regole attive per questo piano (con la sua cartella «regole»).")
@click.option("--regole", "folder", type=click.Path(file_okay=False, path_type=Path), help="Cartella di regole da mostrare.")
@click.option("--campi", is_flag=True, help="Elenca i campi utilizzabili nelle condizioni delle regole.")
@reports_errors
def regole(piano: Path | None, folder: Path | None, campi: bool) -> None:
    """Elenca le regole di valutazione attive: nome, condizione ed effetto.

    Sono le regole predefinite, sostituite file per file da quelle della cartella
    indicata (o di quella del piano). Lo stesso testo entra nella nota metodologica
    dell'allegato.
    """
    from piao_rules.engine import facts
    from piao_rules.engine.methodology import as_text
    from piao_rules.engine.rulebook import load_rulebook
    from piao_rules.io import load_plan

    if campi:
        for field in facts.FIELDS.values():
            extra = f" (valori: {', '.join(field.choices)})" if field.choices else ""
            kind = {"bool": "vero/falso", "percent": "percentuale", "integer": "numero", "choice": "scelta"}[field.kind.value]
            click.echo(f"{field.name}: {field.label} — {kind}{extra}")
        return
    if folder is None and piano is not None:
        plan, _ = load_plan(piano)
        folder = piano.parent / plan.rules if plan.rules else None
    rulebook = load_rulebook(folder)
    click.echo(as_text(rulebook), nl=False)
    click.echo("File usati: " + "; ".join(f"{name}: {path}" for name, path in rulebook.sources.items()))
