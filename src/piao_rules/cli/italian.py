"""Italian for click's own messages (usage, errors, help options).

click marks its texts with ``gettext`` but ships no catalogues and picks the
language from the environment; a controller must read Italian whatever the
machine's locale. ``install()`` points click's ``_``/``ngettext`` at this table.
Texts missing from the table stay in English.
"""

from __future__ import annotations

import importlib

SINGULAR = {
    "%(prog)s, version %(version)s": "%(prog)s, versione %(version)s",
    "Aborted!": "Interrotto.",
    "Argument {name!r} takes {nargs} values.": "L'argomento {name!r} richiede {nargs} valori.",
    "Choose from:\n\t{choices}": "Scegliere tra:\n\t{choices}",
    "Commands": "Comandi",
    "Could not open file {filename!r}: {message}": "Impossibile aprire il file {filename!r}: {message}",
    "Error: {message}": "Errore: {message}",
    "Invalid value for {param_hint}: {message}": "Valore non valido per {param_hint}: {message}",
    "Invalid value: {message}": "Valore non valido: {message}",
    "Missing argument": "Manca l'argomento",
    "Missing command.": "Manca il comando.",
    "Missing option": "Manca l'opzione",
    "Missing parameter": "Manca il parametro",
    "Missing parameter: {param_name}": "Manca il parametro: {param_name}",
    "Missing {param_type}": "Manca {param_type}",
    "No such command {name!r}.": "Il comando {name!r} non esiste.",
    "No such option {name!r}.": "L'opzione {name!r} non esiste.",
    "Option {name!r} does not take a value.": "L'opzione {name!r} non accetta un valore.",
    "Options": "Opzioni",
    "Positional arguments": "Argomenti",
    "Show the version and exit.": "Mostra la versione ed esce.",
    "Show this message and exit.": "Mostra questo aiuto ed esce.",
    "Try '{command} {option}' for help.": "Per l'aiuto: «{command} {option}».",
    "Usage:": "Uso:",
    "default: {default}": "predefinito: {default}",
    "directory": "cartella",
    "file": "file",
    "path": "percorso",
    "required": "obbligatorio",
    "unknown error": "errore sconosciuto",
    "{name} {filename!r} does not exist.": "{name} {filename!r} non esiste.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} è una cartella.",
    "{name} {filename!r} is a file.": "{name} {filename!r} è un file.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} non è leggibile.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} non è scrivibile.",
    "{value!r} is not a valid {number_type}.": "{value!r} non è un numero valido.",
    "{value} is not in the range {range}.": "{value} non è nell'intervallo {range}.",
}

PLURAL = {
    "Did you mean {possibility}?": ("Forse intendevi {possibility}?", "(Forse intendevi uno tra: {possibilities}?)"),
    "Got unexpected extra argument ({args})": (
        "Argomento in più non previsto ({args})",
        "Argomenti in più non previsti ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "L'opzione {name!r} richiede un argomento.",
        "L'opzione {name!r} richiede {nargs} argomenti.",
    ),
    "{value!r} is not {choice}.": ("{value!r} non è {choice}.", "{value!r} non è tra {choices}."),
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def gettext(message: str) -> str:
    return SINGULAR.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if singular in PLURAL:
        one, many = PLURAL[singular]
        return one if count == 1 else many
    return singular if count == 1 else plural


def install() -> None:
    """Make click speak Italian."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            setattr(module, "_", gettext)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)
