"""The ``piao-rules`` command line (Italian).

Each command lives in its own module, imported only when that command runs or
its help is asked for: ``piao-rules --aiuto`` and ``piao-rules target`` start
without loading the engine, the Word writer or the web server.
"""

from __future__ import annotations

import importlib

import click

from piao_rules import __version__
from piao_rules.cli import italian
from piao_rules.cli.common import ItalianGroup

italian.install()

CONTEXT = {"help_option_names": ["-h", "--help", "--aiuto"], "max_content_width": 100}

# Command name → the first paragraph of its help, listed by «piao-rules --aiuto» without importing the
# command (tests/test_cli_startup.py checks it matches). The module is piao_rules.cli.<name with _>.
COMMANDS = {
    "archivia": "Archivia l'anno del PIANO nello storico: piano, MISURE, giornale e valutazione.",
    "allegato": "Scrive l'allegato Word con gli esiti del monitoraggio del PIANO con le MISURE.",
    "decidi": "Registra nel giornale la decisione sulla segnalazione ID (es. O24.2-1/rimodulazione_target).",
    "delibera": "Scrive la bozza della delibera di Giunta di presa d'atto del monitoraggio.",
    "importa": "Importa il piano (e le misure) da un DOCUMENTO Word (.docx) o da un foglio Excel/CSV.",
    "modelli": "Esporta i modelli Word da personalizzare, oppure verifica quelli modificati.",
    "modello-misure": "Scrive i modelli Excel per la raccolta delle misure alla data indicata.",
    "portale": "Avvia il portale web del monitoraggio sul piano in CARTELLA (piano.yaml, ente.yaml, misure).",
    "raccogli": "Rilegge i modelli compilati della CARTELLA e scrive un unico file delle misure.",
    "regole": "Elenca le regole di valutazione attive: nome, condizione ed effetto.",
    "rettifica": "Registra nel giornale una rettifica approvata dalla Giunta sull'indicatore CODICE.",
    "revisiona": "Scrive la nuova versione del PIANO con i target rimodulati accolti nel giornale.",
    "revisione": "Apre una pagina web locale per esaminare le segnalazioni e registrare le decisioni.",
    "schema": "Scrive lo schema JSON dei file del piano e delle misure.",
    "schede": "Scrive la scheda di valutazione individuale di ogni persona del file SMVP.",
    "segnalazioni": "Elenca le segnalazioni aperte (senza decisione o rinviate) con la loro spiegazione.",
    "target": 'Mostra come viene letto il target TESTO (es. "≥ 70%", "entro il 30/06/2023").',
    "valuta": "Valuta ogni indicatore del PIANO con le MISURE alla data indicata.",
    "verifica": "Controlla il PIANO (.yaml, .csv o .xlsx) e, se indicato, il file delle MISURE.",
}


class LazyGroup(ItalianGroup):
    """A group that imports a command's module the first time the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS and name not in self.commands:
            attribute = name.replace("-", "_")
            module = importlib.import_module(f"piao_rules.cli.{attribute}")
            self.add_command(getattr(module, attribute), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, from the summaries above for those not imported yet."""
        commands = [(name, self.commands.get(name) or click.Command(name, help=COMMANDS[name]))
                    for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in commands if not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section(italian.gettext("Commands")):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--versione", message="piao-rules %(version)s", help="Mostra la versione ed esce.")
def main() -> None:
    """Monitoraggio della performance (Piano della performance / PIAO) delle Camere di commercio.

    Legge il piano e le misure, valuta ogni indicatore con regole dichiarative,
    segnala gli scostamenti e scrive l'allegato e la delibera in Word.

    Codici di uscita: 0 tutto regolare; 1 segnalazioni da esaminare (con --rigoroso);
    2 errori nei dati di ingresso.
    """
