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


def test_allegato_pdf_is_pdf_a_with_page_numbers_in_the_contents(tmp_path):
    from click.testing import CliRunner
    from documents_helpers import CUNEO_FILES

    from piao_rules.cli import main
    from piao_rules.documents import pdf

    if pdf.uno_python() is None:
        pytest.skip("manca il modulo uno di LibreOffice (python3-uno)")
    output = tmp_path / "allegato.docx"
    result = CliRunner().invoke(main, ["allegato", *(str(p) for p in CUNEO_FILES), "--al", "30/06/2023", "-o", str(output),
                                       "--motore", "interno", "--pdf"])
    assert result.exit_code == 0, result.output
    document = output.with_suffix(".pdf")
    metadata = subprocess.run(["pdfinfo", "-meta", str(document)], capture_output=True, text=True, check=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in metadata and "<pdfaid:conformance>B</pdfaid:conformance>" in metadata
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(document), "-"],
                              capture_output=True, text=True, check=True).stdout
    numbered = re.findall(r"^(Premessa|Sintesi dei risultati)\s*\.+\s*(\d+)\s*$", contents, re.MULTILINE)
    assert [name for name, _ in numbered] == ["Premessa", "Sintesi dei risultati"]
    assert int(numbered[0][1]) < int(numbered[1][1]) <= pages(document)


def test_delibera_pdf_is_pdf_a(tmp_path):
    from click.testing import CliRunner
    from documents_helpers import CUNEO_FILES

    from piao_rules.cli import main
    from piao_rules.documents import pdf

    if pdf.uno_python() is None:
        pytest.skip("manca il modulo uno di LibreOffice (python3-uno)")
    output = tmp_path / "delibera.docx"
    result = CliRunner().invoke(main, ["delibera", *(str(p) for p in CUNEO_FILES), "--al", "30/06/2023", "--ente",
                                       str(CUNEO / "ente.yaml"), "--numero", "107", "--seduta", "31/07/2023",
                                       "-o", str(output), "--motore", "interno", "--pdf"])
    assert result.exit_code == 0, result.output
    metadata = subprocess.run(["pdfinfo", "-meta", str(output.with_suffix(".pdf"))], capture_output=True, text=True,
                              check=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in metadata
    assert 1 <= pages(output.with_suffix(".pdf")) <= 4
