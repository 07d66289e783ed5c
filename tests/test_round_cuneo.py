"""A whole monitoring round on the Cuneo example: templates out, filled by the offices, read back,
evaluated, flags decided (command line and review screen), the plan revised and evaluated again."""

from __future__ import annotations

import re
from decimal import Decimal

import docx
import openpyxl
from click.testing import CliRunner
from roundtrip_helpers import CUNEO, JUNE, MEASURES, PLAN, columns, row_of

from piao_rules.cli import main
from piao_rules.cli.common import evaluate_files
from piao_rules.collect.layout import SHEET
from piao_rules.io import load_measures, load_plan
from piao_rules.io.model import Measure
from piao_rules.review.journal import read_journal
from piao_rules.review.web import create_app


def office_cells(measure: Measure) -> dict[str, dict]:
    """What an office types for ``measure``, by row («code» or «code | component») and header."""
    cells: dict = {}
    if isinstance(measure.value, bool):
        cells["SI/NO"] = "SI" if measure.value else "NO"
    elif isinstance(measure.value, Decimal):
        cells["Valore"] = (float(measure.value / 100), "0.00%") if measure.percent else float(measure.value)
    for header, value in (("Avanzamento %", measure.progress), ("Valore di riferimento", measure.reference)):
        if value is not None:
            cells[header] = float(value)
    if measure.completed_on:
        cells["Data di completamento"] = measure.completed_on
    if measure.judgement:
        cells["Giudizio"] = measure.judgement.value.replace("_", " ")
    for header, value in (("Nota", measure.note), ("Fonte", measure.source), ("Proposta di aggiornamento del target", measure.proposed_target),
                          ("Motivazione della proposta", measure.proposal_reason), ("Causa esterna", measure.external_cause)):
        if value:
            cells[header] = value
    rows = {measure.code: cells}
    for label, value in measure.components.items():
        rows[f"{measure.code} | {label}"] = {"Valore": float(value)}
    if measure.components:
        first = next(iter(measure.components))
        rows[f"{measure.code} | {first}"].update(cells)
        del rows[measure.code]
    return rows


def fill_offices(folder, measures) -> int:
    """Every office fills its own workbook (the one for all offices stays empty)."""
    by_code = {m.code: m for m in measures.measures}
    typed = 0
    for path in sorted(folder.glob("ufficio-*.xlsx")):
        workbook = openpyxl.load_workbook(path)
        sheet = workbook[SHEET]
        heads = columns(sheet)
        for row in range(4, sheet.max_row + 1):
            measure = by_code.get(sheet.cell(row, 1).value)
            if measure is None:
                continue
            for key, cells in office_cells(measure).items():
                code, _, component = key.partition(" | ")
                if code != sheet.cell(row, 1).value or (component or None) != sheet.cell(row, 2).value:
                    continue
                for header, value in cells.items():
                    cell = sheet.cell(row_of(sheet, code, component or None), heads[header])
                    cell.value, cell.number_format = value if isinstance(value, tuple) else (value, cell.number_format)
                    typed += 1
        workbook.save(path)
    return typed


def test_whole_round(tmp_path):
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(main, [str(a) for a in args])
        assert result.exit_code == 0, result.output
        return result.output

    folder = tmp_path / "modelli"
    run("modello-misure", PLAN, "--al", "30/06/2023", "-o", folder)
    original, _ = load_measures(MEASURES)
    assert fill_offices(folder, original) > 120

    collected = tmp_path / "misure-2023-06-30.xlsx"
    output = run("raccogli", folder, "-o", collected, "--piano", PLAN)
    assert "71 misure al 30/06/2023 da 24 file" in output
    assert "errori" not in output and "non si può usare" not in output
    gathered, _ = load_measures(collected)
    assert {m.code: m.model_dump(mode="json", exclude={"as_of"}) for m in gathered.measures} == \
           {m.code: m.model_dump(mode="json", exclude={"as_of"}) for m in original.measures}  # nothing typed is lost

    evaluation, _, _ = evaluate_files(PLAN, collected, JUNE)
    reference, _, _ = evaluate_files(PLAN, MEASURES, JUNE)
    assert [f.id for f in evaluation.flags] == [f.id for f in reference.flags]
    assert len(evaluation.flags) == 43  # statuses proposed from notes, coverage without a total

    journal = tmp_path / "decisioni-2023.jsonl"
    run("decidi", PLAN, collected, "O24.2-1/rimodulazione_target", "--esito", "accolta", "--nota", "programmi di vigilanza arrivati a luglio",
        "--chi", "Segretario Generale")
    run("decidi", PLAN, collected, "O27.1-1/azione_correttiva", "--esito", "azione_correttiva", "--nota", "campagna di sollecito",
        "--responsabile", "FRONT OFFICE E SPORTELLI ASSISTITO", "--chi", "Segretario Generale")

    client = create_app(evaluation, journal, collected.name, "Segretario Generale").test_client()
    page = client.get("/", base_url="http://127.0.0.1:8765").get_data(as_text=True)
    assert "41 segnalazioni aperte su 43" in page
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    response = client.post("/decisione", base_url="http://127.0.0.1:8765", data={
        "csrf": token, "id": "O16.1-1/rimodulazione_target", "esito": "accolta", "nota": "parere favorevole dell'OIV",
        "chi": "Segretario Generale"})
    assert response.status_code == 303
    assert [d.flag for d in read_journal(journal).decisions] == [
        "O24.2-1/rimodulazione_target", "O27.1-1/azione_correttiva", "O16.1-1/rimodulazione_target"]

    listing = run("segnalazioni", PLAN, collected)
    assert "40 segnalazioni aperte al 30/06/2023" in listing

    revised = tmp_path / "piano-rev1.yaml"
    run("revisiona", PLAN, "--giornale", journal, "-o", revised, "--delibera", "n. 107 del 31/07/2023")
    plan, _ = load_plan(revised)
    assert plan.revision == 1
    after, _, _ = evaluate_files(revised, collected, JUNE)
    o24 = after.indicator("O24.2-1")
    assert o24.target_text.startswith("\\geq 120 impianti di carburante") and o24.original_target.startswith("\\geq 400 strumenti")
    o16 = after.indicator("O16.1-1")
    assert o16.target_text == "Avvio di quattro cantieri e completamento di tre dei quattro cantieri"

    september = tmp_path / "settembre"
    run("modello-misure", revised, "--al", "30/09/2023", "-o", september, "--misure-precedenti", collected)
    sheet = openpyxl.load_workbook(september / "ufficio-metrico-e-ispettivo.xlsx")[SHEET]
    row = row_of(sheet, "O24.2-1")
    assert sheet.cell(row, columns(sheet)["Target"]).value.startswith("\\geq 120 impianti di carburante")
    assert "(rev.; prima: \\geq 400 strumenti" in sheet.cell(row, columns(sheet)["Target"]).value
    assert sheet.cell(row, columns(sheet)["Valore precedente"]).value == "64 al 30/06/2023"

    # the documents for the Giunta, with the decisions (the journal beside the measures is found by itself)
    annex = tmp_path / "allegato.docx"
    run("allegato", PLAN, collected, "--al", "30/06/2023", "-o", annex, "--delibera-n", "107", "--delibera-data", "31/07/2023")
    cells = [cell.text for table in docx.Document(annex).tables for row in table.rows for cell in row.cells]
    assert "Azione correttiva: campagna di sollecito; responsabile FRONT OFFICE E SPORTELLI ASSISTITO (Segretario Generale, " \
           in "\n".join(cells)
    assert any(c.startswith("Accolta, nuovo target «Avvio di quattro cantieri e completamento di tre dei quattro cantieri»: "
                            "parere favorevole dell'OIV") for c in cells)
    deliberation = tmp_path / "delibera.docx"
    run("delibera", PLAN, collected, "--al", "30/06/2023", "--ente", CUNEO / "ente.yaml", "-o", deliberation,
        "--numero", "107", "--seduta", "31/07/2023", "--giornale", journal)
    text = "\n".join(p.text for p in docx.Document(deliberation).paragraphs)
    assert "di approvare le proposte di rimodulazione dei target" in text
    points = [p.text for p in docx.Document(deliberation).paragraphs if p.text.startswith("O") and not p.text.startswith("OGGETTO")]
    assert [p.split(" ")[0] for p in points] == ["O16.1-1", "O24.2-1"]  # O21.2-1 was proposed, not accepted
    assert "target da «≥ 400 strumenti" in points[1] and "a «≥ 120 impianti di carburante" in points[1]
    annex_text = "\n".join(p.text for p in docx.Document(annex).paragraphs)
    assert "azione correttiva (campagna di sollecito)" in annex_text  # the objective's narrative tells the decision
