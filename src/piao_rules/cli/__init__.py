"""The ``piao-rules`` command line (Italian)."""

from __future__ import annotations

import click

from piao_rules import __version__
from piao_rules.cli import italian
from piao_rules.cli.common import ItalianGroup

italian.install()

CONTEXT = {"help_option_names": ["-h", "--help", "--aiuto"], "max_content_width": 100}


@click.group(cls=ItalianGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--versione", message="piao-rules %(version)s", help="Mostra la versione ed esce.")
def main() -> None:
    """Monitoraggio della performance (Piano della performance / PIAO) delle Camere di commercio.

    Legge il piano e le misure, valuta ogni indicatore con regole dichiarative,
    segnala gli scostamenti e scrive l'allegato e la delibera in Word.

    Codici di uscita: 0 tutto regolare; 1 segnalazioni da esaminare (con --rigoroso);
    2 errori nei dati di ingresso.
    """

# Commands, one module each (imported here, after ``main`` exists).
from piao_rules.cli.regole import regole  # noqa: E402
from piao_rules.cli.schema import schema  # noqa: E402
from piao_rules.cli.target import target  # noqa: E402
from piao_rules.cli.valuta import valuta  # noqa: E402
from piao_rules.cli.verifica import verifica  # noqa: E402
from piao_rules.cli.modello_misure import modello_misure  # noqa: E402
from piao_rules.cli.raccogli import raccogli  # noqa: E402
from piao_rules.cli.segnalazioni import segnalazioni  # noqa: E402
from piao_rules.cli.decidi import decidi  # noqa: E402
from piao_rules.cli.revisiona import revisiona  # noqa: E402
from piao_rules.cli.revisione import revisione  # noqa: E402

for command in (regole, schema, target, valuta, verifica):
    main.add_command(command)
main.add_command(modello_misure)
main.add_command(raccogli)
main.add_command(segnalazioni)
main.add_command(decidi)
main.add_command(revisiona)
main.add_command(revisione)
from piao_rules.cli.allegato import allegato  # noqa: E402
main.add_command(allegato)
from piao_rules.cli.delibera import delibera  # noqa: E402
main.add_command(delibera)
from piao_rules.cli.modelli import modelli  # noqa: E402
main.add_command(modelli)
from piao_rules.cli.importa import importa  # noqa: E402
main.add_command(importa)
from piao_rules.cli.rettifica import rettifica  # noqa: E402
main.add_command(rettifica)
