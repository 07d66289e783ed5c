"""Spreadsheet and CSV exports: columns named by a mapping (mappa.yaml) or guessed."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from piao_rules.errors import InputError
from piao_rules.importing import Options, import_file
from piao_rules.importing.mapping import load_mapping
from piao_rules.importing.report import Report
from piao_rules.importing.spreadsheet import guessed_mapping

HEADER = ["Cod. obiettivo", "Obiettivo operativo", "Responsabile", "Cod. KPI", "Descrizione indicatore",
          "Target 2023", "Target 2024", "Peso %", "Valore al 30/06/2023", "Note interne"]
ROWS = [
    ["OP1", "Digitalizzare i servizi", "UFFICIO A", "K1", "Pratiche telematiche SOGLIA 60%", ">= 80%", ">= 85%", 50, "72%", "x"],
    [None, None, None, "K2", "Tempo medio di evasione", "<= 5 gg", "<= 4 gg", 50, "Alla data del 30 giugno si rilevano 6 giorni", None],
    ["OP2", "Formare il personale", "UFFICIO B", "K3", "Corsi organizzati", "≥ 4", "≥ 5", 100, "n.d.", None],
]


@pytest.fixture
def export(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Export"
    sheet.append(["Estrazione dal gestionale della performance"])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    return path


def _check(built):
    objectives = [o for _, o in built.plan.objectives()]
    assert [(o.code, o.name, o.owner) for o in objectives] == [
        ("OP1", "Digitalizzare i servizi", "UFFICIO A"), ("OP2", "Formare il personale", "UFFICIO B")]
    indicators = {i.code: i for _, _, i in built.plan.indicators()}
    assert indicators["K1"].name == "Pratiche telematiche" and indicators["K1"].threshold == "60%"
    assert indicators["K1"].target == {2023: "≥ 80%", 2024: "≥ 85%"} and indicators["K1"].weight == 50
    assert indicators["K2"].target_for(2023) == "≤ 5 gg"
    measures = {m.code: m for m in built.measures.measures}
    assert built.measures.as_of == date(2023, 6, 30)
    assert measures["K1"].value == 72 and measures["K1"].percent
    assert measures["K2"].value == 6 and "6 giorni" in measures["K2"].note
    assert "K3" not in measures


def test_guessed_columns(export):
    built, report = import_file(export, Options(ente="Camera di commercio di Valle Alta"))
    _check(built)
    assert built.plan.year == 2023
    assert any("colonne indovinate" in n.message for n in report.of("tabelle"))
    assert any("K2: valore 6 letto dal testo" in n.message for n in report.of("misure"))


def test_the_shown_mapping_is_a_valid_mapping_giving_the_same_plan(export, tmp_path):
    text = guessed_mapping(export)
    assert "riga_intestazione: 3" in text and "indicatore: Descrizione indicatore" in text
    assert "nota: Note interne" in text and "foglio: Export" in text
    path = tmp_path / "mappa.yaml"
    path.write_text(text + "ente: Camera di commercio di Valle Alta\n", encoding="utf-8")
    mapping, _ = load_mapping(path, Report(source="export.xlsx"))
    assert mapping.columns.code == "Cod. KPI" and mapping.columns.target == {2023: "Target 2023", 2024: "Target 2024"}
    built, report = import_file(export, mapping=path)
    _check(built)
    assert not any("colonne indovinate" in n.message for n in report.of("tabelle"))


def test_a_csv_with_a_hand_written_mapping(tmp_path):
    lines = ["Area;Obiettivo;KPI;Valore atteso;Peso;Consuntivo",
             "Servizi;OS1 - Semplificare;Pratiche online;>= 70%;60;75%",
             ";;Tempi di risposta;<= 10 gg;40;12"]
    (tmp_path / "kpi.csv").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "mappa.yaml").write_text(
        "colonne:\n  area: Area\n  obiettivo: Obiettivo\n  indicatore: KPI\n  target: Valore atteso\n"
        "  peso: Peso\n  misura: Consuntivo\nanno: 2025\nente: Camera di commercio di Valle Alta\n"
        "data_misure: 30/06/2025\n", encoding="utf-8")
    built, _ = import_file(tmp_path / "kpi.csv", mapping=tmp_path / "mappa.yaml")
    area = built.plan.areas[0]
    assert area.name == "Servizi" and area.objectives[0].code == "OS1" and area.objectives[0].kind.value == "strategico"
    assert [i.code for i in area.objectives[0].indicators] == ["OS1-1", "OS1-2"]
    assert [str(m.value) for m in built.measures.measures] == ["75", "12"]
    assert built.measures.as_of == date(2025, 6, 30)


def test_a_mapping_in_windows_1252_is_read(tmp_path):
    (tmp_path / "kpi.csv").write_text("Codice;Qualità;Target\nK1;Pratiche online;>= 70%\n", encoding="utf-8")
    (tmp_path / "mappa.yaml").write_bytes("colonne:\n  codice: Codice\n  indicatore: Qualità\n  target: Target\nanno: 2025\n"
                                          "ente: Camera di commercio di Valle Alta\n".encode("cp1252"))
    built, report = import_file(tmp_path / "kpi.csv", mapping=tmp_path / "mappa.yaml")
    assert [i.name for _, _, i in built.plan.indicators()] == ["Pratiche online"]
    notes = [n for n in report.of("tabelle") if "non è in UTF-8" in n.message]
    assert [str(n.origin) for n in notes] == ["mappa.yaml"]
    assert "- mappa.yaml: il file non è in UTF-8: letto come Windows-1252" in report.text()


def test_a_csv_in_windows_1252_is_read_with_a_note(tmp_path):
    text = "Codice;Indicatore;Target 2024\nK1;Qualità percepita;>= 80%\n"
    (tmp_path / "kpi.csv").write_bytes(text.encode("cp1252"))
    built, report = import_file(tmp_path / "kpi.csv", Options(ente="Camera di commercio di Valle Alta"))
    assert [i.name for _, _, i in built.plan.indicators()] == ["Qualità percepita"]
    assert any("Windows-1252" in n.message for n in report.of("tabelle"))


def test_mapping_errors_name_the_line_and_the_fix(export, tmp_path):
    path = tmp_path / "mappa.yaml"
    path.write_text("colonne:\n  indicatore: Descrizione indicatore\n  target: Target 2O23\n  obiettivi: Obiettivo\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(export, mapping=path)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "riga 4" in text and "campo sconosciuto «obiettivi»" in text
    path.write_text("colonne:\n  indicatore: Descrizione indicatore\n  target: Target 2O23\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(export, mapping=path)
    problem = caught.value.problems[0]
    assert problem.where == "riga 3/colonne.target"
    assert "la colonna «Target 2O23» (target) non c'è" in problem.message and "forse «Target 2023»?" in problem.message
    path.write_text("foglio: Dati\ncolonne:\n  indicatore: Descrizione indicatore\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(export, mapping=path)
    assert "il foglio «Dati» non esiste: fogli presenti «Export»" in str(caught.value.problems[0])


def test_a_mapping_is_refused_for_word_documents(tmp_path, export):
    import docx

    docx.Document().save(tmp_path / "piano.docx")
    (tmp_path / "mappa.yaml").write_text("colonne:\n  indicatore: X\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "piano.docx", mapping=tmp_path / "mappa.yaml")
    assert "solo per fogli Excel e CSV" in str(caught.value.problems[0])


def test_a_sheet_without_recognisable_header_asks_for_a_mapping(tmp_path):
    (tmp_path / "dati.csv").write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "dati.csv")
    assert "--mappa" in str(caught.value.problems[0]) and "--mostra-mappa" in str(caught.value.problems[0])
