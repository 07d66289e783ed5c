"""The collection workbooks: one per office and one for all, protected, validated, with metadata."""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner
from roundtrip_helpers import JUNE, MEASURES, PLAN, SEPTEMBER, columns, cuneo_plan, row_of

from piao_rules.cli import main
from piao_rules.collect import write_templates
from piao_rules.collect.layout import ALL_OFFICES, META_SHEET, SHEET, file_name, template_rows
from piao_rules.io import load_measures


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("modelli")
    write_templates(cuneo_plan(), SEPTEMBER, folder, load_measures(MEASURES)[0])
    return folder


def test_one_workbook_per_office_and_one_for_all(folder):
    plan = cuneo_plan()
    offices = template_rows(plan)
    names = sorted(p.name for p in folder.glob("*.xlsx"))
    assert len(names) == len(offices) + 1
    assert "tutti-gli-uffici.xlsx" in names
    assert "ufficio-ragioneria-e-partecipazioni.xlsx" in names
    assert "ufficio-segretario-generale-dirigente.xlsx" in names  # «SEGRETARIO GENERALE / DIRIGENTE»
    everything = openpyxl.load_workbook(folder / "tutti-gli-uffici.xlsx")[SHEET]
    measured = [i for _, _, i in plan.indicators() if not i.computed]
    codes = {everything.cell(r, 1).value for r in range(4, everything.max_row + 1)}
    assert codes == {i.code for i in measured}


def test_office_gets_its_own_indicators_with_previous_values(folder):
    sheet = openpyxl.load_workbook(folder / "ufficio-ragioneria-e-partecipazioni.xlsx")[SHEET]
    heads = columns(sheet)
    row = row_of(sheet, "O15.2-1")
    assert sheet.cell(row, heads["Target"]).value == "Entro i 20 giorni"
    assert sheet.cell(row, heads["Valore precedente"]).value == "22 gg al 30/06/2023"
    assert sheet.cell(1, 1).value.endswith("ufficio RAGIONERIA E PARTECIPAZIONI")


def test_compound_targets_have_a_row_per_component(folder):
    sheet = openpyxl.load_workbook(folder / "tutti-gli-uffici.xlsx")[SHEET]
    heads = columns(sheet)
    first, second = row_of(sheet, "O01-3", "iniziative"), row_of(sheet, "O01-3", "soggetti")
    assert second == first + 1
    assert sheet.cell(first, heads["Valore precedente"]).value == "8 iniziative al 30/06/2023"


def test_protection_validation_formats(folder):
    workbook = openpyxl.load_workbook(folder / "ufficio-ragioneria-e-partecipazioni.xlsx")
    sheet = workbook[SHEET]
    heads = columns(sheet)
    row = row_of(sheet, "O15.2-1")
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.cell(row, heads["Codice"]).protection.locked
    assert sheet.cell(row, heads["Target"]).protection.locked
    for header in ("Valore", "Avanzamento %", "SI/NO", "Data di completamento", "Nota", "Proposta di aggiornamento del target"):
        assert not sheet.cell(row, heads[header]).protection.locked, header
    assert sheet.cell(row, heads["Data di completamento"]).number_format == "DD/MM/YYYY"
    assert sheet.freeze_panes == "B4"
    kinds = {(v.type, v.formula1, v.formula2) for v in sheet.data_validations.dataValidation}
    assert ("list", '"SI,NO"', None) in kinds
    assert ("decimal", "0", "100") in kinds
    assert any(kind == "date" for kind, _, _ in kinds)
    assert all(v.error for v in sheet.data_validations.dataValidation)  # Italian message on every rule
    assert workbook.sheetnames == [SHEET, "Istruzioni", META_SHEET]
    meta = workbook[META_SHEET]
    assert meta.sheet_state == "hidden" and meta.protection.sheet
    found = {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(3, 13)}
    assert found["ufficio"] == "RAGIONERIA E PARTECIPAZIONI"
    assert found["data del monitoraggio"].date() == SEPTEMBER
    assert len(found["impronta del piano"]) == 16


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    plan = cuneo_plan()
    indicator = next(i for _, _, i in plan.indicators() if i.code == "O02-1")
    indicator.target = "= 100%"
    write_templates(plan, JUNE, tmp_path)
    workbook = openpyxl.load_workbook(tmp_path / "tutti-gli-uffici.xlsx")
    sheet = workbook[SHEET]
    cell = sheet.cell(row_of(sheet, "O02-1"), columns(sheet)["Target"])
    assert cell.value == "= 100%" and cell.data_type == "s"


def test_safe_unique_file_names():
    taken: set[str] = set()
    assert file_name("PID - MARCHIE BREVETTI", taken) == "ufficio-pid-marchie-brevetti.xlsx"
    assert file_name("pid / marchie brevetti", taken) == "ufficio-pid-marchie-brevetti-2.xlsx"
    assert file_name("../../etc/passwd", taken) == "ufficio-etc-passwd.xlsx"
    assert file_name("REGISTRO IMPRESE E ATTIVITA' VERIFICATE", taken) == "ufficio-registro-imprese-e-attivita-verificate.xlsx"
    assert file_name("Qualità", taken) == "ufficio-qualita.xlsx"
    assert file_name(ALL_OFFICES, taken) == "tutti-gli-uffici.xlsx"


def test_cli(tmp_path):
    result = CliRunner().invoke(main, ["modello-misure", str(PLAN), "--al", "30/09/2023", "-o", str(tmp_path / "m"),
                                       "--misure-precedenti", str(MEASURES)])
    assert result.exit_code == 0, result.output
    assert "tutti-gli-uffici.xlsx: 81 righe (tutti gli uffici)" in result.output
    bad = CliRunner().invoke(main, ["modello-misure", str(PLAN), "--al", "31/02/2023", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "il giorno 31 non esiste" in bad.output
