"""Which kind of file a path is (YAML, CSV, xlsx), and its bytes, with Italian errors."""

from __future__ import annotations

from pathlib import Path

from piao_rules.errors import InputError

YAML, CSV, XLSX = "yaml", "csv", "xlsx"

FORMATS = {".yaml": YAML, ".yml": YAML, ".csv": CSV, ".xlsx": XLSX, ".xlsm": XLSX}

_OTHER_SPREADSHEETS = {
    ".xls": "il formato .xls (Excel 97-2003) non è supportato: aprirlo con Excel e salvarlo come .xlsx",
    ".ods": "il formato .ods non è supportato: salvare il foglio come .xlsx oppure come CSV",
    ".json": "il formato JSON non è supportato: usare YAML (.yaml), CSV o Excel (.xlsx)",
}


def file_format(path: Path) -> str:
    """The format of ``path`` from its extension: ``yaml``, ``csv`` or ``xlsx``."""
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in _OTHER_SPREADSHEETS:
        raise InputError.single(path, _OTHER_SPREADSHEETS[suffix])
    shown = f"l'estensione «{path.suffix}»" if path.suffix else "un file senza estensione"
    raise InputError.single(path, f"{shown} non è riconosciuta: usare un file .yaml, .csv o .xlsx")


def read_bytes(path: Path) -> bytes:
    """The content of ``path``; a missing, unreadable or empty file is an InputError."""
    if not path.exists():
        raise InputError.single(path, "file non trovato: controllare il nome e la cartella")
    if path.is_dir():
        raise InputError.single(path, "è una cartella, non un file: indicare il file da leggere")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError.single(path, f"impossibile leggere il file ({error.strerror or error})") from None
    if not data.strip():
        raise InputError.single(path, "il file è vuoto")
    return data
