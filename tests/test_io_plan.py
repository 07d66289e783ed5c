"""The plan read from nested YAML, flat CSV and xlsx, and written back."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest
from io_helpers import FIXTURES, messages, read_csv_grid, write_csv, write_xlsx

from piao_rules.errors import InputError
from piao_rules.io import load_plan, plan_from_rows, plan_to_rows, read_plan, write_plan
from piao_rules.io.model import Accrual, IndicatorType, ObjectiveKind


@pytest.fixture(scope="module")
def plan():
    loaded, warnings = load_plan(FIXTURES / "piano.yaml")
    assert warnings == []
    return loaded


def _xlsx_from_csv(path, grid, *, merge_area=False, extra_first_sheet=False):
    """The CSV fixture as a workbook a person would make: real numbers and dates, merged cells."""
    header = grid[0]
    typed = [header]
    for row in grid[1:]:
        cells = []
        for name, cell in zip(header, row):
            if cell == "":
                cells.append(None)
            elif name in ("Anno", "Baseline anno", "Area peso", "Obiettivo peso", "Rev") or (name == "Baseline valore" and cell.isdigit()):
                cells.append(int(cell))
            elif name in ("Peso", "Riferimento valore") or (name == "Baseline valore" and "," in cell):
                cells.append(float(cell.replace(",", ".")))
            elif name == "Data approvazione":
                cells.append(datetime.strptime(cell, "%d/%m/%Y"))
            else:
                cells.append(cell)
        typed.append(cells)
    sheets = {"Note": [["Foglio di appunti, da ignorare"]]} if extra_first_sheet else {}
    sheets["Indicatori"] = typed
    write_xlsx(path, sheets)
    if merge_area:
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["Indicatori"]
        column = header.index("Area codice") + 1
        rows = [n for n, row in enumerate(typed, start=1) if row[column - 1] == "A2"]
        for n in rows[1:]:
            sheet.cell(n, column).value = None
        sheet.merge_cells(start_row=rows[0], start_column=column, end_row=rows[-1], end_column=column)
        workbook.save(path)
    return path


def test_yaml_reads_the_whole_tree(plan):
    assert plan.ente.name == "Camera di commercio di Valle Alta"
    assert plan.year == 2023
    assert [a.code for a in plan.areas] == ["A1", "A2"]
    top = plan.areas[0].objectives[0]
    assert top.kind is ObjectiveKind.STRATEGIC
    assert [o.code for o in top.objectives] == ["OP1.1.1"]
    assistite = top.indicators[1]
    assert assistite.type is IndicatorType.VOLUME and assistite.accrual is Accrual.CUMULATIVE
    assert assistite.target == {2023: "≥ 150", 2024: "≥ 170", 2025: "≥ 190"}
    assert assistite.threshold_for(2023) == "100"
    assert [t.target for t in assistite.intermediate_targets] == ["≥ 70", "≥ 110"]
    assert plan.areas[1].objectives[0].indicators[1].reference.value == Decimal("84.5")
    revision = plan.areas[1].objectives[1].indicators[0].revisions[0]
    assert revision.approved_on.isoformat() == "2023-07-25"


def test_flat_csv_gives_the_same_plan(plan):
    loaded, warnings = load_plan(FIXTURES / "piano.csv")
    assert loaded == plan
    assert warnings == []


def test_xlsx_with_numbers_dates_merged_cells_gives_the_same_plan(plan, tmp_path):
    grid = read_csv_grid(FIXTURES / "piano.csv")
    path = _xlsx_from_csv(tmp_path / "piano.xlsx", grid, merge_area=True, extra_first_sheet=True)
    loaded, _ = load_plan(path)
    assert loaded == plan


def test_xlsx_plan_fields_may_sit_in_a_piano_sheet(plan, tmp_path):
    grid = read_csv_grid(FIXTURES / "piano.csv")
    plan_columns = ["Ente", "Sigla", "Sede", "Anno", "Periodo", "Titolo"]
    keep = [i for i, name in enumerate(grid[0]) if name not in plan_columns]
    fields = [["campo", "valore"]] + [[name, grid[1][grid[0].index(name)]] for name in plan_columns]
    write_xlsx(tmp_path / "piano.xlsx", {"Indicatori": [[row[i] for i in keep] for row in grid], "Piano": fields})
    loaded, _ = load_plan(tmp_path / "piano.xlsx")
    assert loaded == plan


def test_written_plan_reads_back_in_every_format(plan, tmp_path):
    for name in ("piano.yaml", "piano.yml", "piano.csv", "piano.xlsx"):
        write_plan(plan, tmp_path / name)
        assert load_plan(tmp_path / name)[0] == plan, name


def test_written_csv_is_semicolon_utf8_with_bom(plan, tmp_path):
    write_plan(plan, tmp_path / "piano.csv")
    data = (tmp_path / "piano.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].decode("utf-8").splitlines()[0].split(";")
    assert header[:4] == ["ente", "sigla", "sede", "anno"]
    assert "target_2023" in header and "soglia_2023" in header and "soglia" in header


def test_written_xlsx_keeps_targets_starting_with_equals_as_text(plan, tmp_path):
    first = plan.areas[0].objectives[0].indicators[0]
    changed = plan.model_copy(deep=True)
    changed.areas[0].objectives[0].indicators[0] = first.model_copy(update={"target": "= 100%"})
    write_plan(changed, tmp_path / "piano.xlsx")
    assert load_plan(tmp_path / "piano.xlsx")[0].areas[0].objectives[0].indicators[0].target == "= 100%"


def test_rows_round_trip_and_order(plan):
    rows = plan_to_rows(plan)
    assert [row.get("codice") for row in rows] == [
        "K1.1-01", "K1.1-02", "K1.1.1-01", "K1.1.1-02", "K2.1-01", "K2.1-02", "K2.2-01",
    ]
    assert rows[0]["ente"] == "Camera di commercio di Valle Alta" and "ente" not in rows[1]
    assert rows[1]["target_intermedi"] == "30/06/2023: ≥ 70; 30/09/2023: ≥ 110"
    assert plan_from_rows(rows) == plan


def test_a_row_without_codice_declares_an_objective_without_indicators():
    rows = [
        {"ente": "CCIAA", "anno": 2023, "area_codice": "A", "area_nome": "Area",
         "obiettivo_codice": "OS", "obiettivo_nome": "Strategico"},
        {"area_codice": "A", "obiettivo_codice": "OP", "obiettivo_nome": "Operativo", "obiettivo_padre": "OS",
         "codice": "K1", "nome": "Indicatore"},
        {"area_codice": "B", "area_nome": "Area vuota"},
    ]
    plan = plan_from_rows(rows)
    parent = plan.areas[0].objectives[0]
    assert parent.code == "OS" and parent.indicators == []
    assert [child.code for child in parent.objectives] == ["OP"]
    assert plan.areas[1].code == "B" and plan.areas[1].objectives == []


def test_child_objective_declared_before_its_parent_takes_the_parent_area():
    rows = [
        {"ente": "CCIAA", "anno": 2023, "obiettivo_codice": "OP", "obiettivo_nome": "Operativo",
         "obiettivo_padre": "OS", "codice": "K1", "nome": "Indicatore", "area_codice": None},
        {"area_codice": "A", "area_nome": "Area", "obiettivo_codice": "OS", "obiettivo_nome": "Strategico"},
    ]
    plan = plan_from_rows([{k: v for k, v in row.items() if v is not None} for row in rows])
    assert plan.areas[0].objectives[0].objectives[0].indicators[0].code == "K1"


def test_further_revisions_sit_on_rows_repeating_the_codice():
    rows = [
        {"ente": "CCIAA", "anno": 2023, "area_codice": "A", "area_nome": "Area", "obiettivo_codice": "O",
         "obiettivo_nome": "Ob", "codice": "K1", "nome": "Ind", "target": "≥ 400 strumenti",
         "rev": 1, "target_precedente": "≥ 400 strumenti", "nuovo_target": "≥ 300 strumenti", "motivazione": "ritardo"},
        {"codice": "K1", "rev": "2", "target_precedente": "≥ 300 strumenti", "nuovo_target": "≥ 120 impianti",
         "motivazione": "cambio di unità", "data_approvazione": "31/07/2023"},
    ]
    indicator = plan_from_rows(rows).areas[0].objectives[0].indicators[0]
    assert [r.number for r in indicator.revisions] == [1, 2]
    assert indicator.target_for(2023) == "≥ 120 impianti"


def _plan_csv(tmp_path, rows, header=None):
    header = header or ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "codice", "nome"]
    return write_csv(tmp_path / "piano.csv", [header, *rows])


def test_conflicting_repeated_attribute_names_both_rows(tmp_path):
    path = _plan_csv(tmp_path, [
        ["CCIAA", "2023", "A1", "Competitività", "O1", "Ob", "K1", "Uno"],
        ["", "", "A1", "Competitivita delle imprese", "O1", "Ob", "K2", "Due"],
        ["", "2024", "A1", "", "O1", "", "K3", "Tre"],
    ])
    with pytest.raises(InputError) as error:
        load_plan(path)
    assert messages(error) == [
        f"{path}:riga 3/area_nome: «Competitivita delle imprese» diverso da «Competitività» scritto alla riga 2 "
        "per l'area A1: scrivere lo stesso valore o lasciare vuota la cella",
        f"{path}:riga 4/anno: «2024» diverso da «2023» scritto alla riga 2 per il piano: "
        "scrivere lo stesso valore o lasciare vuota la cella",
    ]


def test_same_number_written_differently_is_not_a_conflict(tmp_path):
    header = ["ente", "anno", "area_codice", "area_nome", "area_peso", "obiettivo_codice", "obiettivo_nome", "codice", "nome"]
    path = _plan_csv(tmp_path, [
        ["CCIAA", "2023", "A1", "Area", "14,29", "O1", "Ob", "K1", "Uno"],
        ["", "", "A1", "Area", "14.29", "O1", "Ob", "K2", "Due"],
    ], header)
    assert load_plan(path)[0].areas[0].weight == Decimal("14.29")


def test_flat_structure_errors_are_located(tmp_path):
    header = ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "obiettivo_padre",
              "codice", "nome", "target", "target_2023", "target_intermedi"]
    path = _plan_csv(tmp_path, [
        ["CCIAA", "2023", "A1", "Area", "O1", "Ob", "", "K1", "Uno", "≥ 5", "≥ 6", ""],
        ["", "", "A1", "", "O2", "Figlio", "O9", "K2", "Due", "", "", ""],
        ["", "", "", "", "", "", "", "K3", "Tre", "", "", ""],
        ["", "", "A1", "", "O3", "Ciclo", "O4", "", "", "", "", ""],
        ["", "", "A1", "", "O4", "Ciclo", "O3", "", "", "", "", ""],
        ["", "", "A1", "", "O1", "", "", "K4", "Quattro", "≥ 1", "", "entro giugno ≥ 1"],
        ["", "", "", "Nome senza codice", "", "", "", "", "", "", "", ""],
    ], header)
    with pytest.raises(InputError) as error:
        load_plan(path)
    assert messages(error) == [
        f"{path}:riga 2/target: l'indicatore ha sia la colonna target sia le colonne target_<anno>: usare le une o l'altra",
        f"{path}:riga 4/obiettivo_codice: l'indicatore K3 non ha un obiettivo: compilare obiettivo_codice",
        f"{path}:riga 7/target_intermedi: «entro giugno ≥ 1» non è nella forma «30/06/2023: ≥ 5» "
        "(data, due punti, target; più target separati da «;»)",
        f"{path}:riga 8/area_codice: la riga ha dati dell'area (area_nome) ma non il suo codice: compilare area_codice",
        f"{path}:riga 3/obiettivo_padre: l'obiettivo padre «O9» non esiste: dichiararlo in una riga con obiettivo_codice O9",
        f"{path}:riga 5/obiettivo_padre: l'obiettivo O3 risulta padre di se stesso (O3 → O4 → O3): correggere obiettivo_padre",
        f"{path}:riga 6/obiettivo_padre: l'obiettivo O4 risulta padre di se stesso (O4 → O3 → O4): correggere obiettivo_padre",
    ]


def test_missing_required_value_names_the_row_and_column(tmp_path):
    header = ["ente", "anno", "area_codice", "obiettivo_codice", "obiettivo_nome", "codice", "nome", "peso", "tipologia"]
    path = _plan_csv(tmp_path, [
        ["CCIAA", "2023", "A1", "O1", "Ob", "K1", "Uno", "120", "Qualità"],
        ["", "", "A1", "O1", "", "K2", "", "1.018", "Quantità"],
    ], header)
    with pytest.raises(InputError) as error:
        load_plan(path)
    assert messages(error) == [
        f"{path}:riga 2/area_nome: campo obbligatorio mancante: compilare la colonna «area_nome»",
        f"{path}:riga 2/peso: «120» è troppo grande: il massimo è 100",
        f"{path}:riga 3/nome: campo obbligatorio mancante: compilare la colonna «nome»",
        f"{path}:riga 3/tipologia: valore «Quantità» non ammesso: usare uno tra efficacia, efficienza, qualita, volume, "
        "outcome, salute_economica",
        f"{path}:riga 3/peso: «1.018» è troppo grande: il massimo è 100",
    ]


def test_read_plan_keeps_the_rows_of_each_part(tmp_path):
    loaded = read_plan(FIXTURES / "piano.csv")
    assert loaded.places.where(("aree", 1, "obiettivi", 1, "indicatori", 0, "target")) == "riga 8/target"
    assert loaded.places.where(("aree", 0, "obiettivi", 0, "indicatori", 1, "target", 2024)) == "riga 3/target_2024"
    assert loaded.places.where(("aree", 1, "nome")) == "riga 6/area_nome"
