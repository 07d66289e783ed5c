"""``piao-rules revisione``: the local review screen for the flags."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from piao_rules.cli import options
from piao_rules.cli.common import reports_errors
from piao_rules.cli.reviewing import default_user, load_review
from piao_rules.errors import EXIT_INPUT


@click.command("revisione")
@options.plan_and_measures()
@options.as_of()
@click.option("--porta", type=click.IntRange(1024, 65535), default=8765, show_default=True, help="Porta locale.")
@options.journal()
@reports_errors
def revisione(piano: Path, misure: Path, as_of: date | None, porta: int, giornale: Path | None) -> None:
    """Apre una pagina web locale per esaminare le segnalazioni e registrare le decisioni.

    La pagina è servita solo su questo computer (127.0.0.1), non richiede internet né
    JavaScript e scrive lo stesso giornale di «piao-rules decidi». Chiudere con Ctrl+C.
    """
    review = load_review(piano, misure, as_of, giornale)
    from piao_rules.review.web import HOST, PortBusy, create_app, open_server

    app = create_app(review.evaluation, review.journal_path, misure.name, default_user())
    try:
        server = open_server(app, porta)
    except PortBusy:
        click.echo(f"Errore: la porta {porta} è già usata da un altro programma (forse un'altra revisione aperta): "
                   f"chiuderlo oppure scegliere un'altra porta, es. --porta {porta + 1 if porta < 65535 else 8765}. "
                   "Nessun file è stato modificato.", err=True)
        sys.exit(EXIT_INPUT)
    review.record_sighting()
    click.echo(f"Revisione delle segnalazioni su http://{HOST}:{porta}/ (giornale: {review.journal_path}). "
               "Chiudere con Ctrl+C.")
    server.serve_forever()  # until Ctrl+C, which werkzeug's server takes quietly
    click.echo("Revisione chiusa.")
