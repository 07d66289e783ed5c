"""Hostile files cannot run code, read the host's files or exhaust it."""

import io
import zipfile
from pathlib import Path

from click.testing import CliRunner

from piao_rules.cli import main
from piao_rules.io import write_plan
from tests.engine_helpers import plan_with
from tests.io_helpers import replace_part


def verifica(path):
    return CliRunner().invoke(main, ["verifica", str(path)])


def test_yaml_tags_cannot_run_code(tmp_path):
    marker = tmp_path / "eseguito"
    plan = tmp_path / "piano.yaml"
    plan.write_text(
        f"ente: !!python/object/apply:os.system ['touch {marker}']\nanno: 2023\naree: []\n", encoding="utf-8"
    )
    result = verifica(plan)
    assert result.exit_code == 2
    assert not marker.exists()
    assert "Traceback" not in result.output


def _xlsx(tmp_path: Path) -> bytes:
    path = tmp_path / "base.xlsx"
    write_plan(plan_with({"target": "≥ 70%"}), path)
    return path.read_bytes()


def test_xml_external_entities_in_an_xlsx_are_not_resolved(tmp_path):
    secret = tmp_path / "segreto.txt"
    secret.write_text("PAROLA-SEGRETA", encoding="utf-8")
    data = _xlsx(tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = next(n for n in archive.namelist() if n.startswith("xl/worksheets/"))
        xml = archive.read(sheet).decode("utf-8")
    evil = xml.replace("<worksheet", f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]><worksheet', 1)
    evil = evil.replace("<v>", "<v>&e;", 1)
    path = tmp_path / "piano.xlsx"
    path.write_bytes(replace_part(data, sheet, evil.encode("utf-8")))
    result = verifica(path)
    assert result.exit_code == 2
    assert "PAROLA-SEGRETA" not in result.output
    assert "non è un file Excel .xlsx valido" in result.output


def test_zip_bomb_disguised_as_xlsx_is_refused_before_expanding(tmp_path):
    data = _xlsx(tmp_path)
    path = tmp_path / "piano.xlsx"
    path.write_bytes(replace_part(data, "xl/workbook.xml", b" " * (80 * 2**20)))
    result = verifica(path)
    assert result.exit_code == 2
    assert "si espanderebbe a 80 MB" in result.output and "zip bomb" in result.output


def test_old_binary_excel_is_explained(tmp_path):
    path = tmp_path / "piano.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + "Workbook".encode("utf-16-le") + b"\0" * 512)
    result = verifica(path)
    assert result.exit_code == 2
    assert "è un file Excel 97-2003 (.xls), non un .xlsx" in result.output
