"""``piao-rules portale``: the web portal of the monitoring round, for offices, controller, OIV and Segretario."""

from __future__ import annotations

from pathlib import Path

import click

from piao_rules.cli.common import reports_errors

ROLE_CHOICES = ("ufficio", "controllo", "oiv", "segretario")


@click.command("portale")
@click.argument("cartella", type=click.Path(exists=True, path_type=Path))
@click.option("--dati", type=click.Path(file_okay=False, path_type=Path),
              help="Cartella dei dati del portale (database SQLite, solleciti); predefinita: CARTELLA/portale.")
@click.option("--database", metavar="URL", envvar="PIAO_PORTALE_DATABASE",
              help="Database al posto di SQLite, es. postgresql+psycopg://utente:password@server/piao.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Indirizzo su cui ascoltare (0.0.0.0: tutta la rete).")
@click.option("--porta", type=click.IntRange(1024, 65535), default=8770, show_default=True, help="Porta.")
@click.option("--demo", is_flag=True, help="Crea gli utenti dimostrativi (password «demo») e apre un giro con le misure "
                                           "dell'esempio.")
@click.option("--nuovo-utente", "new_user", metavar="NOME_UTENTE", help="Crea un utente (chiede la password) ed esce.")
@click.option("--ruolo", type=click.Choice(ROLE_CHOICES), help="Ruolo del nuovo utente.")
@click.option("--ufficio", help="Ufficio del nuovo utente (per il ruolo ufficio, come scritto nel piano).")
@click.option("--nome", help="Nome e cognome del nuovo utente.")
@click.option("--email", help="Posta elettronica del nuovo utente (per i solleciti).")
@reports_errors
def portale(cartella: Path, dati: Path | None, database: str | None, host: str, porta: int, demo: bool,
            new_user: str | None, ruolo: str | None, ufficio: str | None, nome: str | None, email: str | None) -> None:
    """Avvia il portale web del monitoraggio sul piano in CARTELLA (piano.yaml, ente.yaml, misure).

    Gli uffici inseriscono le misure e allegano i documenti, il controllo di gestione
    apre e chiude il giro, sollecita gli uffici e decide sulle segnalazioni, OIV e
    Segretario leggono e commentano; allegato e delibera si scaricano dal portale.
    Tutto è registrato con chi e quando. Chiudere con Ctrl+C.
    """
    try:
        from piao_rules.portal.app import Settings, create_app, serve
    except ImportError as error:
        raise click.ClickException(f"il portale richiede i pacchetti opzionali (manca {error.name}): "
                                   "pip install 'piao-rules[portale]'") from None
    settings = Settings.for_folder(cartella, dati, database, f"http://{host}:{porta}/")
    folder = settings.plan.parent
    app = create_app(settings)
    portal = app.extensions["piao_portal"]
    if new_user:
        _add_user(portal, new_user, ruolo, ufficio, nome, email)
        return
    if demo:
        _demo(portal, folder)
    if not portal.store.users():
        click.echo("Nessun utente: crearne uno con --nuovo-utente NOME --ruolo controllo, oppure usare --demo.", err=True)
    click.echo(f"Portale del monitoraggio su http://{host}:{porta}/ (dati: {settings.data}). Chiudere con Ctrl+C.")
    serve(app, host, porta)


def _add_user(portal, username: str, role: str | None, office: str | None, name: str | None, email: str | None) -> None:
    from piao_rules.portal.auth import hash_password

    if role is None:
        raise click.UsageError("indicare il ruolo del nuovo utente con --ruolo")
    if role == "ufficio" and office not in portal.offices:
        raise click.UsageError(f"--ufficio deve essere uno degli uffici del piano: {', '.join(portal.offices)}")
    if portal.store.user_named(username) is not None:
        raise click.UsageError(f"l'utente «{username}» esiste già")
    password = click.prompt("Password", hide_input=True, confirmation_prompt="Ripetere la password")
    if len(password) < 10:
        raise click.UsageError("la password deve avere almeno 10 caratteri")
    portal.store.add_user(username, name or username, role, hash_password(password), office=office if role == "ufficio" else None,
                          email=email)
    click.echo(f"utente «{username}» creato con ruolo {role}")


def _demo(portal, folder: Path) -> None:
    from piao_rules.io import load_measures
    from piao_rules.portal.demo import DEMO_PASSWORD, seed

    files = sorted(folder.glob("misure-*.csv"))
    measures = load_measures(files[0])[0] if files else None
    people = seed(portal, measures)
    if not people:
        click.echo("Utenti già presenti: i dati dimostrativi non sono stati ricreati.")
        return
    click.echo(f"Utenti dimostrativi (password «{DEMO_PASSWORD}»):")
    for person in people:
        click.echo(f"  {person.username:<12} {person.role:<10} {person.office or ''}")
