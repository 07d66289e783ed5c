"""Which kind of file a path is (YAML, CSV, xlsx), and its bytes, with Italian errors.

Every input file is read through :func:`read_bytes`, which bounds the work before
anything is parsed: only regular files are read (a pipe, a device or a folder
would block or never end) and a file larger than the limit of its kind is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from piao_rules.errors import InputError, os_reason

YAML, CSV, XLSX = "yaml", "csv", "xlsx"

FORMATS = {".yaml": YAML, ".yml": YAML, ".csv": CSV, ".xlsx": XLSX, ".xlsm": XLSX}

MEGABYTE = 2**20
MAX_TEXT_SIZE = 20 * MEGABYTE  # YAML, CSV, journal: a plan of thousands of indicators is a few MB
MAX_OFFICE_SIZE = 100 * MEGABYTE  # Word and Excel (zip packages, checked again part by part in piao_rules.safety)
OFFICE_SUFFIXES = {".docx", ".docm", ".xlsx", ".xlsm", ".doc", ".dot", ".xls"}

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


def size_limit(path: Path) -> int:
    """The largest file of this kind piao-rules reads, in bytes."""
    return MAX_OFFICE_SIZE if path.suffix.lower() in OFFICE_SUFFIXES else MAX_TEXT_SIZE


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "è una cartella, non un file: indicare il file da leggere"
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return "non è un file ma un canale (pipe o socket): salvare i dati in un file e indicare quello"
    return "non è un file normale (è un dispositivo o un file speciale): indicare un file salvato su disco"


def read_bytes(path: Path, allow_empty: bool = False) -> bytes:
    """The content of ``path``; a missing, special, too large, unreadable or (unless allowed) empty file is an InputError.

    The file is opened without waiting (a pipe with no writer would block) and checked
    before any byte is read; at most the limit is read even if the file grows meanwhile.
    """
    limit = size_limit(path)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError.single(path, "file non trovato: controllare il nome e la cartella") from None
    except IsADirectoryError:
        raise InputError.single(path, _not_regular(stat.S_IFDIR)) from None
    except OSError as error:
        if Path(path).is_dir():  # Windows refuses to open folders
            raise InputError.single(path, _not_regular(stat.S_IFDIR)) from None
        raise InputError.single(path, os_reason(error, reading=True)) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise InputError.single(path, _not_regular(info.st_mode))
        if info.st_size > limit:
            raise InputError.single(path, _too_large(info.st_size, limit))
        chunks, size = [], 0
        while chunk := os.read(handle, min(limit + 1 - size, 4 * MEGABYTE)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputError.single(path, _too_large(size, limit))
    except OSError as error:
        raise InputError.single(path, os_reason(error, reading=True)) from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if not allow_empty and not data.strip():
        raise InputError.single(path, "il file è vuoto")
    return data


def _too_large(size: int, limit: int) -> str:
    return (f"il file è troppo grande ({size / MEGABYTE:.1f} MB; al massimo {limit // MEGABYTE} MB per questo tipo di "
            "file): controllare che sia il file giusto")
