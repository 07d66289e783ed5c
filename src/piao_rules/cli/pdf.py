"""The PDF/A copy the document commands write beside the Word file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from piao_rules.documents import pdf


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
