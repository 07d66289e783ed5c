"""Reading the filled workbooks back: values, merging, and an Italian message for every kind of bad workbook."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from roundtrip_helpers import JUNE, PLAN, columns, cuneo_plan, fill, row_of

from piao_rules.cli import main
from piao_rules.collect import gather, write_templates
from piao_rules.collect.gather import convert
from piao_rules.collect.layout import BY_KEY, SHEET
from piao_rules.errors import InputError
from piao_rules.format_it import number
from piao_rules.io import load_measures
from piao_rules.io.model import TargetRevision

OFFICE = "ufficio-ragioneria-e-partecipazioni.xlsx"
ALL = "tutti-gli-uffici.xlsx"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pristine")
    write_templates(cuneo_plan(), JUNE, folder)
    return folder


@pytest.fixture
def folder(pristine, tmp_path):
    target = tmp_path / "modelli"
    shutil.copytree(pristine, target)
    return target


def messages(error) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_values_are_read_by_kind_and_merged(folder):
    fill(folder / OFFICE, {
        "O15.2-1": {"Valore": 18, "Nota": "Tempi medi in calo", "Fonte": "Piattaforma dei Crediti Commerciali"},
        "O15.1-1": {"Avanzamento %": (0.6, "0%"), "Validato da": "E.Q. Ragioneria"},
    })
    fill(folder / "ufficio-dirigente.xlsx", {
        "O01-1": {"SI/NO": "SI", "Data di completamento": datetime(2023, 6, 15)},
        "O01-2": {"Valore": (0.8, "0%")},
        "O01-3 | iniziative": {"Valore": 8, "Nota": "8 iniziative"},
        "O01-3 | soggetti": {"Valore": 264},
    })
    result = gather(folder, cuneo_plan())
    measures = {m.code: m for m in result.measures.measures}
    assert result.measures.as_of == JUNE
    assert measures["O15.2-1"].value == 18 and measures["O15.2-1"].source == "Piattaforma dei Crediti Commerciali"
    assert measures["O15.1-1"].progress == 60 and measures["O15.1-1"].validated_by == "E.Q. Ragioneria"
    assert measures["O01-1"].value is True and measures["O01-1"].completed_on == date(2023, 6, 15)
    assert measures["O01-2"].value == 80 and measures["O01-2"].percent
    assert measures["O01-3"].components == {"iniziative": 8, "soggetti": 264}
    assert result.filled == 6 and result.empty == 75  # O07-2, and the two algorithms with «al 31/12», ask for their quantities
    assert [m.code for m in result.measures.measures] == ["O01-1", "O01-2", "O01-3", "O15.1-1", "O15.2-1"]  # plan order
    missing = [str(p) for p in result.problems if "nessun dato" in p.message]
    assert any(p.startswith("ufficio-dirigente.xlsx") and "O04-1 (riga 9)" in p for p in missing)


def test_same_value_in_two_workbooks_is_one_measure_different_values_stop(folder):
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18}})
    fill(folder / ALL, {"O15.2-1": {"Valore": 18}})
    assert gather(folder).measures.measures[0].value == 18
    fill(folder / ALL, {"O15.2-1": {"Valore": 21}})
    with pytest.raises(InputError) as error:
        gather(folder)
    row = row_of(openpyxl.load_workbook(folder / OFFICE)[SHEET], "O15.2-1")
    everything = row_of(openpyxl.load_workbook(folder / ALL)[SHEET], "O15.2-1")
    (message,) = [m for m in messages(error) if "due valori diversi" in m]
    assert message == (f"{OFFICE}:Misure!I{row}: Valore di O15.2-1: «18» qui, «21» in {ALL}:Misure!I{everything}: "
                       "due valori diversi per lo stesso indicatore; lasciarne uno solo")


def test_text_in_a_number_cell_is_kept_in_the_note(folder):
    fill(folder / OFFICE, {"O15.2-1": {"Valore": "circa 20 giorni", "Nota": "dato provvisorio"}})
    row = row_of(openpyxl.load_workbook(folder / OFFICE)[SHEET], "O15.2-1")
    result = gather(folder)
    (measure,) = result.measures.measures
    assert measure.value is None
    assert measure.note == f"dato provvisorio; [non letto: Valore «circa 20 giorni» ({OFFICE}:Misure!I{row})]"
    (warning,) = [str(p) for p in result.problems if "non si può usare" in p.message]
    assert warning.startswith(f"{OFFICE}:Misure!I{row}: avviso: «circa 20 giorni» non si può usare come Valore")
    with pytest.raises(InputError) as error:
        gather(folder, strict=True)
    assert any(m.startswith(f"{OFFICE}:Misure!I{row}:") and "correggere la cella" in m for m in messages(error))


def test_contradictions_in_a_row(folder):
    fill(folder / "ufficio-dirigente.xlsx", {
        "O01-1": {"SI/NO": "NO", "Data di completamento": datetime(2023, 6, 1)},
        "O04-1": {"SI/NO": "SI", "Avanzamento %": 40},
        "O01-2": {"SI/NO": "SI", "Valore": 80},
    })
    with pytest.raises(InputError) as error:
        gather(folder)
    found = "\n".join(messages(error))
    assert "SI/NO dice NO ma è indicata una data di completamento" in found
    assert "SI/NO dice SI ma l'avanzamento è 40%" in found
    assert "Valore (Misure!I5) e SI/NO compilati insieme per O01-2" in found


def test_wrong_sheet(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    workbook[SHEET].title = "Foglio1"
    workbook.save(folder / OFFICE)
    with pytest.raises(InputError) as error:
        gather(folder, strict=True)  # without --rigoroso the file is left out (test_unreadable_workbooks_are_left_out)
    assert f"{OFFICE}: manca il foglio «Misure» (fogli presenti: «Foglio1», «Istruzioni», «Dati del modello»)" in messages(error)[0]


def test_a_plain_workbook_is_not_a_template(folder):
    workbook = openpyxl.Workbook()
    workbook.active.title = SHEET
    workbook.active.append(["codice", "valore"])
    workbook.save(folder / "altro.xlsx")
    with pytest.raises(InputError) as error:
        gather(folder, strict=True)  # without --rigoroso the file is left out (test_unreadable_workbooks_are_left_out)
    assert any(m.startswith("altro.xlsx: manca il foglio «Dati del modello»") for m in messages(error))


def test_a_deleted_row(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    sheet.protection.sheet = False
    sheet.delete_rows(row_of(sheet, "O15.1-1"))
    workbook.save(folder / OFFICE)
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18}})
    result = gather(folder)
    assert result.measures.measures[0].code == "O15.2-1"
    assert any(str(p) == f"{OFFICE}:Misure!A4: avviso: manca la riga di O15.1-1 (riga 4 del modello): è stata "
               "cancellata? l'indicatore risulta senza misura da questo file" for p in result.problems)


def test_rows_moved_are_matched_by_code(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    first = [c.value for c in sheet[4]]
    second = [c.value for c in sheet[5]]
    for column, (a, b) in enumerate(zip(second, first, strict=True), start=1):
        sheet.cell(4, column).value, sheet.cell(5, column).value = a, b
    workbook.save(folder / OFFICE)
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18}, "O15.1-1": {"Avanzamento %": 70}})
    measures = {m.code: m for m in gather(folder).measures.measures}
    assert measures["O15.2-1"].value == 18 and measures["O15.1-1"].progress == 70


def test_a_renamed_column(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    sheet.cell(3, columns(sheet)["Valore"]).value = "Valore misurato"
    workbook.save(folder / OFFICE)
    with pytest.raises(InputError) as error:
        gather(folder, strict=True)  # without --rigoroso the file is left out (test_unreadable_workbooks_are_left_out)
    assert f"{OFFICE}:Misure!I3: la colonna «Valore misurato» era «Valore» nel modello: ripristinare il nome originale" in messages(error)


def test_a_deleted_column(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    sheet.delete_cols(columns(sheet)["Fonte"])
    workbook.save(folder / OFFICE)
    with pytest.raises(InputError) as error:
        gather(folder, strict=True)  # without --rigoroso the file is left out (test_unreadable_workbooks_are_left_out)
    assert any("manca la colonna «Fonte»: è stata cancellata o rinominata?" in m for m in messages(error))


def test_files_that_are_not_workbooks(folder):
    (folder / "ufficio-finto.xlsx").write_bytes(b"questo non e' un file excel")
    (folder / "vecchio.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "leggimi.txt").write_text("note")
    (folder / "~$ufficio-dirigente.xlsx").write_bytes(b"lock")
    with pytest.raises(InputError) as error:
        gather(folder)
    found = messages(error)
    assert "ufficio-finto.xlsx: avviso: non è un file Excel .xlsx valido (file danneggiato o di altro formato): " \
           "aprirlo con Excel e salvarlo come .xlsx" in found
    assert "vecchio.xls: il formato .xls non è un modello compilato: aprirlo e salvarlo come .xlsx (Cartella di lavoro di Excel)" in found
    assert "leggimi.txt: avviso: file ignorato: non è un modello .xlsx" in found
    assert any(m.startswith("~$ufficio-dirigente.xlsx: avviso: file temporaneo di Excel") for m in found)


def test_unknown_code_added(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    sheet.cell(6, 1).value = "O15.3-1"
    sheet.cell(6, columns(sheet)["Valore"]).value = 5
    workbook.save(folder / OFFICE)
    with pytest.raises(InputError) as error:
        gather(folder)
    assert any(m.startswith(f"{OFFICE}:Misure!A6: «O15.3-1» non è tra le righe del modello (forse «O15.")
               for m in messages(error))


def test_formula_without_cached_value(folder):
    fill(folder / OFFICE, {"O15.2-1": {"Valore": "=10+8"}})
    with pytest.raises(InputError) as error:
        gather(folder)
    assert any("la cella contiene la formula «=10+8» senza un valore calcolato" in m for m in messages(error))


def test_workbooks_of_another_date_or_plan_version(folder, tmp_path):
    plan = cuneo_plan()
    write_templates(plan, date(2023, 9, 30), tmp_path / "settembre")
    shutil.copy(tmp_path / "settembre" / OFFICE, folder / "ufficio-settembre.xlsx")
    with pytest.raises(InputError) as error:
        gather(folder)
    assert "modelli di monitoraggi diversi" in messages(error)[-1]


def test_older_plan_version_is_read_by_code_and_told(folder):
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18}})
    plan = cuneo_plan()
    indicator = next(i for _, _, i in plan.indicators() if i.code == "O15.2-1")
    indicator.revisions.append(TargetRevision(rev=1, target_precedente="Entro i 20 giorni", nuovo_target="Entro i 25 giorni",
                                              motivazione="nuova piattaforma"))
    plan.revision = 1
    result = gather(folder, plan)
    assert result.measures.measures[0].value == 18
    found = [str(p) for p in result.problems]
    assert any("modello creato dalla revisione 0 del piano, in vigore la revisione 1" in m for m in found)
    assert any("il modello riportava per O15.2-1 il target «Entro i 20 giorni», il piano in vigore «Entro i 25 giorni»" in m
               for m in found)


def test_cli_writes_measures_and_reports(folder, tmp_path):
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18, "Nota": "ok"}})
    output = folder / "misure.csv"
    result = CliRunner().invoke(main, ["raccogli", str(folder), "-o", str(output), "--piano", str(PLAN)])
    assert result.exit_code == 0, result.output
    assert "misure.csv: 1 misure al 30/06/2023 da 24 file; righe compilate 1, vuote 80." in result.output
    measures, _ = load_measures(output)
    assert measures.measures[0].value == 18 and measures.as_of == JUNE
    again = CliRunner().invoke(main, ["raccogli", str(folder), "-o", str(output)])  # the output in the folder is skipped
    assert again.exit_code == 0, again.output
    fill(folder / ALL, {"O15.2-1": {"Valore": 19}})
    refused = CliRunner().invoke(main, ["raccogli", str(folder), "-o", str(tmp_path / "altro.csv")])
    assert refused.exit_code == 2 and "nessun file è stato modificato" in refused.output
    assert not (tmp_path / "altro.csv").exists()


# ---------------------------------------------------------------- cells (property tests)

numbers = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(numbers)
def test_numbers_typed_the_italian_way_read_back(value):
    read, percent = convert(BY_KEY["valore"], number(value))
    assert read == value and not percent
    read, percent = convert(BY_KEY["valore"], number(value) + "%")
    assert read == value and percent


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=100, places=2))
def test_progress_from_a_percent_cell(value):
    read, _ = convert(BY_KEY["avanzamento"], float(value / 100), "0%")
    assert abs(read - value) < Decimal("0.0000001")
    assert convert(BY_KEY["avanzamento"], float(value))[0] == Decimal(repr(float(value)))


@given(st.integers(min_value=101, max_value=10**6))
def test_progress_out_of_range(value):
    with pytest.raises(ValueError, match="tra 0 e 100"):
        convert(BY_KEY["avanzamento"], value)


@given(st.text(max_size=20))
def test_any_text_in_a_typed_cell_is_a_value_or_a_value_error(text):
    for key in ("valore", "avanzamento", "si_no", "completato_il", "giudizio"):
        try:
            convert(BY_KEY[key], text)
        except ValueError as error:
            assert str(error)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_as_cells_or_text(day):
    assert convert(BY_KEY["completato_il"], datetime(day.year, day.month, day.day))[0] == day
    assert convert(BY_KEY["completato_il"], day.strftime("%d/%m/%Y"))[0] == day


def test_a_measures_workbook_cell_holding_one_is_a_number_not_si(tmp_path):
    """io.model.read_measure_value: a number cell 1 must not become SI (pydantic would read it as True)."""
    from piao_rules.io import write_measures
    from piao_rules.io.model import MeasureSet

    measures = MeasureSet.model_validate({"data": "30/06/2023", "misure": [{"codice": "A", "valore": "1"}, {"codice": "B", "valore": "SI"}]})
    write_measures(measures, tmp_path / "m.xlsx")
    read, _ = load_measures(tmp_path / "m.xlsx")
    assert [type(m.value) for m in read.measures] == [Decimal, bool]


def test_unreadable_workbooks_are_left_out_and_the_others_merged(folder):
    fill(folder / "ufficio-dirigente.xlsx", {"O01-2": {"Valore": (0.8, "0%")}})
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18}})
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    sheet.protection.sheet = False
    sheet.delete_cols(columns(sheet)["Fonte"])
    workbook.save(folder / OFFICE)
    result = gather(folder)
    measured = {m.code: m.value for m in result.measures.measures}
    assert measured == {"O01-2": Decimal("80")}  # the other office's value; the broken file's 18 is not invented
    assert result.skipped == [OFFICE]
    about_it = [str(p) for p in result.problems if p.file == OFFICE]
    assert all(not p.is_error for p in result.problems)
    assert any("manca la colonna «Fonte»" in m for m in about_it) and any("file non raccolto" in m for m in about_it)
    for other in folder.iterdir():  # every workbook unreadable: nothing to merge, an error
        if other.name != OFFICE:
            other.unlink()
    with pytest.raises(InputError) as error:
        gather(folder)
    assert messages(error)[-1] == f"{folder}: nessun modello compilato leggibile nella cartella"


def test_the_total_of_a_coverage_target_is_asked_for_read_back_and_scored(folder):
    from piao_rules.engine.evaluate import evaluate
    from piao_rules.engine.result import Status

    workbook = openpyxl.load_workbook(folder / "ufficio-segreteria.xlsx")
    headers = columns(workbook[SHEET])
    assert headers["Totale unità"] == headers["Valore di riferimento"] + 1
    fill(folder / "ufficio-segreteria.xlsx", {"O13.1-1": {"Valore": 8, "Totale unità": 15}})
    result = gather(folder, cuneo_plan())
    measure = next(m for m in result.measures.measures if m.code == "O13.1-1")
    assert (measure.value, measure.total) == (8, 15)
    evaluated = evaluate(cuneo_plan(), result.measures, JUNE).indicator("O13.1-1")
    assert evaluated.status is Status.ON_TRACK and "copertura" in " ".join(evaluated.explanation.inputs)


def test_a_workbook_written_before_the_total_column_is_still_read(folder):
    workbook = openpyxl.load_workbook(folder / OFFICE)
    sheet = workbook[SHEET]
    sheet.delete_cols(columns(sheet)["Totale unità"])
    workbook.save(folder / OFFICE)
    fill(folder / OFFICE, {"O15.2-1": {"Valore": 18}})
    result = gather(folder, cuneo_plan(), strict=True)
    assert next(m for m in result.measures.measures if m.code == "O15.2-1").value == 18
