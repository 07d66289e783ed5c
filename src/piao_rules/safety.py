"""Check a file before parsing it: Office zip packages, old binary formats, zip bombs.

A .docx or .xlsx is a zip archive. Before python-docx or openpyxl open it we read
its directory and refuse archives that would expand to much more than a real plan
(a «zip bomb»), that hold too many parts, or that are not zip archives at all. An
encrypted Office file (password protected) and the old .doc/.xls formats are OLE
compound files: they are recognised by their signature and explained in Italian.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from piao_rules.errors import InputError

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURE = b"PK\x03\x04"

MAX_ENTRIES = 2_000  # a large plan has a few dozen parts
MAX_PART = 64 * 2**20  # bytes of one part, expanded
MAX_TOTAL = 256 * 2**20  # bytes of all parts, expanded
MAX_RATIO = 200  # expanded / compressed size of a large part

_KIND = {"docx": "documento Word .docx", "xlsx": "file Excel .xlsx"}
_SAVE_AS = {"docx": "aprirlo con Word e salvarlo come .docx", "xlsx": "aprirlo con Excel e salvarlo come .xlsx"}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def check_ole(path: Path, data: bytes, kind: str) -> None:
    """Explain an OLE compound file: a password-protected Office file or an old .doc/.xls."""
    if not data.startswith(OLE_SIGNATURE):
        return
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise InputError.single(
            path,
            "il file è protetto da password (cifrato): aprirlo, togliere la password "
            "(File > Informazioni > Proteggi) e salvarlo di nuovo, poi ripetere l'importazione",
        )
    if _utf16("WordDocument") in data:
        raise InputError.single(
            path, "è un documento Word 97-2003 (.doc), non un .docx: aprirlo con Word e salvarlo come .docx"
        )
    if _utf16("Workbook") in data or _utf16("Book") in data:
        raise InputError.single(
            path, "è un file Excel 97-2003 (.xls), non un .xlsx: aprirlo con Excel e salvarlo come .xlsx"
        )
    raise InputError.single(path, f"è un file Office di vecchio formato, non un {_KIND[kind]}: {_SAVE_AS[kind]}")


def check_package(path: Path, data: bytes, kind: str, required: str) -> None:
    """Refuse what is not a sound Office zip package before any part is expanded.

    ``required`` is the part every file of the kind has (``word/document.xml``).
    """
    check_ole(path, data, kind)
    if not data.startswith(ZIP_SIGNATURE):
        raise InputError.single(path, f"non è un {_KIND[kind]} valido (file danneggiato o di altro formato): {_SAVE_AS[kind]}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError.single(path, f"il {_KIND[kind]} è danneggiato (archivio incompleto): {_SAVE_AS[kind]}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise InputError.single(
                path, f"il file contiene {len(entries)} parti (al massimo {MAX_ENTRIES}): rifiutato perché potrebbe bloccare il computer"
            )
        total = 0
        for entry in entries:
            total += entry.file_size
            ratio = entry.file_size / max(entry.compress_size, 1)
            if entry.file_size > MAX_PART or total > MAX_TOTAL or (entry.file_size > 2**20 and ratio > MAX_RATIO):
                raise InputError.single(
                    path,
                    f"il file si espanderebbe a {_megabytes(max(entry.file_size, total))} MB (parte «{entry.filename}»): "
                    "rifiutato perché potrebbe bloccare il computer (archivio «zip bomb» o file anomalo)",
                )
        names = {entry.filename for entry in entries}
        if required not in names:
            raise InputError.single(path, f"non è un {_KIND[kind]} (manca la parte {required}): {_SAVE_AS[kind]}")


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f}"
