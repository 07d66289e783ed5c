"""Both documents open in LibreOffice and convert to PDF with a sane number of pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from documents_helpers import CUNEO, cuneo, narratives, rulebook

from piao_rules.documents.annex import Act, AnnexRequest, build_annex
from piao_rules.documents.deliberation import DeliberationRequest, build_deliberation
from piao_rules.io.ente import load_ente

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                       reason="LibreOffice (soffice) o poppler-utils (pdfinfo) non installati"),
]


def pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def test_annex_and_deliberation_convert_to_pdf(tmp_path):
    _, evaluation = cuneo()
    annex = tmp_path / "allegato.docx"
    annex.write_bytes(build_annex(AnnexRequest(evaluation, rulebook(), narratives(evaluation), act=Act("107", date(2023, 7, 31)))))
    deliberation = tmp_path / "delibera.docx"
    deliberation.write_bytes(build_deliberation(DeliberationRequest(
        evaluation, load_ente(CUNEO / "ente.yaml"), "107", date(2023, 7, 31), narratives(evaluation))))
    profile = (tmp_path / "profilo").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(annex), str(deliberation)],
        check=True, capture_output=True, timeout=240,
    )
    assert 20 <= pages(tmp_path / "allegato.pdf") <= 80  # 71 indicators in 53 objectives, landscape tables
    assert 1 <= pages(tmp_path / "delibera.pdf") <= 4
