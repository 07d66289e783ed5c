"""Render Word documents to PNG pages, to look at them as a reader would.

    PYTHONPATH=src python scripts/render_pages.py DOCUMENT.docx [...] --cartella anteprima/ [--dpi 60]

Each document goes through LibreOffice to PDF — with the table of contents
updated, as Word does on opening, when the system Python has LibreOffice's uno
module (see src/piao_rules/documents/office_export.py), with a plain ``soffice --convert-to pdf`` otherwise —
and then through ``pdftoppm`` to one PNG per page: ``<name>-<page>.png``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNO_PYTHON = Path("/usr/bin/python3")


def _has_uno() -> bool:
    if not UNO_PYTHON.exists():
        return False
    return subprocess.run([str(UNO_PYTHON), "-c", "import uno"], capture_output=True, check=False).returncode == 0


def to_pdf(document: Path, folder: Path, profile: Path) -> Path:
    pdf = folder / f"{document.stem}.pdf"
    if _has_uno():
        script = HERE.parent / "src" / "piao_rules" / "documents" / "office_export.py"
        subprocess.run([str(UNO_PYTHON), str(script), str(document), str(pdf), str(profile), "0"], check=True)
    else:
        subprocess.run(["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(document)],
                       check=True, capture_output=True)
    return pdf


def to_pages(pdf: Path, folder: Path, dpi: int) -> list[Path]:
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pagine PNG di documenti Word (LibreOffice e pdftoppm).")
    parser.add_argument("documenti", nargs="+", type=Path)
    parser.add_argument("--cartella", type=Path, default=Path("anteprima"))
    parser.add_argument("--dpi", type=int, default=60)
    arguments = parser.parse_args(argv)
    if not shutil.which("soffice") or not shutil.which("pdftoppm"):
        print("servono LibreOffice (soffice) e poppler-utils (pdftoppm)", file=sys.stderr)
        return 2
    arguments.cartella.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="piao-lo-") as profile:
        for document in arguments.documenti:
            pdf = to_pdf(document, arguments.cartella, Path(profile))
            pages = to_pages(pdf, arguments.cartella, arguments.dpi)
            print(f"{document}: {len(pages)} pagine in {arguments.cartella}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
