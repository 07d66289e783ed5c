"""What the document commands need around the Word file: the chapters to merge and the PDF/A copy."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import click

from piao_rules.documents import pdf
from piao_rules.errors import InputError, Problem


def check_chapters(paths: list[Path]) -> list[Path]:
    """The chapter files, each an existing Word document; otherwise an Italian error naming the file."""
    problems = []
    for path in paths:
        if not path.is_file():
            problems.append(Problem(file=str(path), message="capitolo non trovato: controllare il nome e la cartella"))
        elif path.suffix.lower() != ".docx" or not zipfile.is_zipfile(path):
            problems.append(Problem(file=str(path), message="il capitolo deve essere un documento Word (.docx)"))
    if problems:
        raise InputError(problems)
    return list(paths)


def require_office() -> None:
    """Stop before writing anything when the PDF cannot be made."""
    try:
        pdf.check_office()
    except pdf.OfficeMissing as error:
        raise click.UsageError(str(error)) from None


def write_pdf(document: Path) -> None:
    target = document.with_suffix(".pdf")
    try:
        pdf.to_pdf(document, target)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        raise click.ClickException(f"LibreOffice non è riuscito a convertire {document.name} in PDF ({error})") from None
    click.echo(f"scritto {target} (PDF/A-2b, campi aggiornati)")
