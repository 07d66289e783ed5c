"""PDF/A for the Albo online: LibreOffice updates the fields (table of contents with page
numbers, as Word does on opening) and exports PDF/A-2b.

The conversion runs :mod:`office_export` as a script under a Python with LibreOffice's
``uno`` module: the one shipped with LibreOffice, or the system one (python3-uno).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("office_export.py")
PDF_A_2B = 2
TIMEOUT_SECONDS = 300


class OfficeMissing(RuntimeError):
    """LibreOffice, or its Python bridge, is not installed."""


def office() -> Path | None:
    """The soffice program, if installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return Path(found) if found else None


def uno_python() -> Path | None:
    """A Python that can import LibreOffice's ``uno``: LibreOffice's own, else the system one."""
    program = office()
    candidates = []
    if program is not None:
        folder = program.resolve().parent
        candidates += [folder / "python", folder / "python.exe"]
    candidates += [Path("/usr/bin/python3")]
    for candidate in candidates:
        if candidate.exists() and subprocess.run([str(candidate), "-c", "import uno"], capture_output=True,
                                                 check=False, timeout=60).returncode == 0:
            return candidate
    return None


def check_office() -> Path:
    """The Python to convert with; OfficeMissing (with the Italian remedy) when it cannot be done."""
    if office() is None:
        raise OfficeMissing("LibreOffice non è installato (comando «soffice» non trovato): installarlo per scrivere il PDF")
    python = uno_python()
    if python is None:
        raise OfficeMissing("manca il modulo «uno» di LibreOffice per aggiornare il sommario: installare il pacchetto "
                            "python3-uno (Debian/Ubuntu) o usare il Python fornito con LibreOffice")
    return python


def to_pdf(document: Path, target: Path, pdf_a: int = PDF_A_2B) -> None:
    """Write ``target`` (PDF/A-2b by default) from the Word ``document``, fields and contents updated."""
    python = check_office()
    with tempfile.TemporaryDirectory(prefix="piao-office-") as profile:
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp.pdf")
        try:
            subprocess.run([str(python), str(SCRIPT), str(document), str(partial), profile, str(pdf_a)],
                           check=True, capture_output=True, timeout=TIMEOUT_SECONDS)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
