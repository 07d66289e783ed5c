"""Unusable files give one clear Italian message naming the file, the place and the fix."""

from __future__ import annotations

import os

import pytest
from io_helpers import FIXTURES, messages, write_csv, write_xlsx

from piao_rules.errors import InputError
from piao_rules.io import load_measures, load_plan, write_plan

PLAN_YAML = (FIXTURES / "piano.yaml").read_text(encoding="utf-8")


def _plan_error(path) -> list[str]:
    with pytest.raises(InputError) as error:
        load_plan(path)
    return messages(error)


def _yaml(tmp_path, text, name="piano.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_corrupt_xlsx(tmp_path):
    path = tmp_path / "piano.xlsx"
    path.write_bytes(os.urandom(2048))
    assert _plan_error(path) == [
        f"{path}: non è un file Excel .xlsx valido (file danneggiato o di altro formato): aprirlo con Excel e salvarlo come .xlsx"
    ]


def test_csv_renamed_as_xlsx(tmp_path):
    path = tmp_path / "misure.xlsx"
    path.write_bytes((FIXTURES / "misure-bom.csv").read_bytes())
    with pytest.raises(InputError, match="non è un file Excel .xlsx valido"):
        load_measures(path)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("piano.xls", "il formato .xls (Excel 97-2003) non è supportato: aprirlo con Excel e salvarlo come .xlsx"),
        ("piano.ods", "il formato .ods non è supportato: salvare il foglio come .xlsx oppure come CSV"),
        ("piano.txt", "l'estensione «.txt» non è riconosciuta: usare un file .yaml, .csv o .xlsx"),
        ("piano", "un file senza estensione non è riconosciuta: usare un file .yaml, .csv o .xlsx"),
    ],
)
def test_wrong_extension(tmp_path, name, message):
    path = tmp_path / name
    path.write_text("x")
    assert _plan_error(path) == [f"{path}: {message}"]


def test_missing_file_directory_and_empty_file(tmp_path):
    assert _plan_error(tmp_path / "manca.yaml") == [f"{tmp_path / 'manca.yaml'}: file non trovato: controllare il nome e la cartella"]
    folder = tmp_path / "cartella.csv"
    folder.mkdir()
    assert _plan_error(folder) == [f"{folder}: è una cartella, non un file: indicare il file da leggere"]
    empty = tmp_path / "vuoto.csv"
    empty.write_text("\n  \n")
    assert _plan_error(empty) == [f"{empty}: il file è vuoto"]


def test_yaml_truncated_inside_a_quoted_text(tmp_path):
    cut = PLAN_YAML.index('target: {2023: "≥ 150"') + len('target: {2023: "≥ 1')
    path = _yaml(tmp_path, PLAN_YAML[:cut])
    assert _plan_error(path) == [
        f"{path}:riga 32: errore di sintassi YAML: virgolette non chiuse: il testo finisce prima della virgoletta di chiusura"
    ]


def test_yaml_truncated_after_a_code(tmp_path):
    cut = PLAN_YAML.index("- codice: K2.1-01") + len("- codice: K2.1-01")
    path = _yaml(tmp_path, PLAN_YAML[:cut])
    assert _plan_error(path) == [
        f"{path}:riga 67/aree[A2].obiettivi[OP2.1].indicatori[K2.1-01].nome: campo obbligatorio mancante: aggiungere «nome»"
    ]


def test_yaml_syntax_errors_are_translated(tmp_path):
    path = _yaml(tmp_path, "ente:\n  nome: CCIAA\nanno: 2023\naree:\n  - codice: A1\n\tnome: Area\n")
    assert _plan_error(path) == [f"{path}:riga 6: errore di sintassi YAML: tabulazione non ammessa: usare spazi per i rientri"]
    path = _yaml(tmp_path, "ente:\n  nome: CCIAA\n anno: 2023\n")
    assert _plan_error(path)[0].startswith(f"{path}:riga 3: errore di sintassi YAML: ")


def test_yaml_repeated_key(tmp_path):
    text = PLAN_YAML.replace("            target: <= 2 gg\n", "            target: <= 2 gg\n            target: <= 3 gg\n")
    path = _yaml(tmp_path, text)
    assert _plan_error(path) == [f"{path}:riga 73: campo «target» ripetuto (già alla riga 72): tenerne uno solo"]


def test_yaml_that_is_not_a_plan(tmp_path):
    path = _yaml(tmp_path, "- uno\n- due\n")
    assert _plan_error(path) == [f"{path}:riga 1: il piano deve essere un insieme di campi «nome: valore» (ente, anno, aree …)"]
    path = _yaml(tmp_path, "# solo un commento\n")
    assert _plan_error(path) == [f"{path}: il file non contiene dati: il piano deve avere i campi ente, anno e aree"]


def test_yaml_unknown_tipologia_and_field(tmp_path):
    text = PLAN_YAML.replace("tipologia: Volume", "tipologia: Quantità").replace(
        "    peso: 40\n    obiettivi:", "    peso: 40\n    colore: blu\n    obiettivi:"
    )
    path = _yaml(tmp_path, text)
    assert _plan_error(path) == [
        f"{path}:riga 29/aree[A1].obiettivi[OS1.1].indicatori[K1.1-02].tipologia: valore «Quantità» non ammesso: "
        "usare uno tra efficacia, efficienza, qualita, volume, outcome, salute_economica",
        f"{path}:riga 60/aree[A2].colore: campo sconosciuto «colore»: i campi ammessi sono codice, nome, descrizione, peso, obiettivi",
    ]


def test_yaml_type_errors(tmp_path):
    text = (
        PLAN_YAML.replace("target: <= 2 gg", "target: [<= 2 gg]")
        .replace('soglia: {2023: "100"}', 'soglia: {duemila: "100"}')
        .replace("anno: 2023\nperiodo", "anno: duemilaventitre\nperiodo")
        .replace("data: 30/06/2023", "data: 30/06/20235")
    )
    path = _yaml(tmp_path, text)
    assert _plan_error(path) == [
        f"{path}:riga 6/anno: «duemilaventitre» non è un numero intero",
        f"{path}:riga 33/aree[A1].obiettivi[OS1.1].indicatori[K1.1-02].soglia[duemila]: la chiave «duemila» non è un anno: "
        "scrivere l'anno a quattro cifre (es. 2023: «≥ 70%»)",
        f"{path}:riga 39/aree[A1].obiettivi[OS1.1].indicatori[K1.1-02].target_intermedi[1].data: "
        "«30/06/20235» non è una data (usare gg/mm/aaaa, ad esempio 30/06/2023)",
        f"{path}:riga 72/aree[A2].obiettivi[OP2.1].indicatori[K2.1-01].target: atteso un testo oppure "
        "un elenco di coppie «chiave: valore», trovato un elenco",
    ]


def test_unknown_and_missing_columns(tmp_path):
    path = write_csv(tmp_path / "piano.csv", [
        ["Ente", "Anno", "Area codice", "Obiettivo", "Codice", "Nome", "Soglia 2O23"],
        ["CCIAA", "2023", "A1", "O1", "K1", "Uno", "5"],
    ])
    known = (
        "ente, sigla, sede, anno, periodo, titolo, regole, revisione, area_codice, area_nome, area_peso, area_descrizione, "
        "obiettivo_codice, obiettivo_nome, obiettivo_tipo, obiettivo_responsabile, obiettivo_peso, obiettivo_descrizione, "
        "obiettivo_padre, codice, nome, algoritmo, tipologia, unita, baseline_anno, baseline_valore, target, target_<anno>, "
        "soglia, soglia_<anno>, peso, responsabile, fonte, andamento, target_intermedi, riferimento_valore, "
        "riferimento_descrizione, collegato_a, calcolato, codice_precedente, totale, note, rev, target_precedente, nuovo_target, motivazione, "
        "approvata_con, data_approvazione, parere_oiv"
    )
    assert _plan_error(path) == [
        f"{path}:riga 1: colonna sconosciuta «Obiettivo» (colonna D): forse «obiettivo_tipo»? le colonne ammesse sono {known}",
        f"{path}:riga 1: colonna sconosciuta «Soglia 2O23» (colonna G): forse «soglia»? le colonne ammesse sono {known}",
        f"{path}:riga 1: manca la colonna obbligatoria «obiettivo_codice»: aggiungerla all'intestazione",
    ]


def test_csv_without_header(tmp_path):
    path = write_csv(tmp_path / "misure.csv", [["K1", "30/06/2023", "5"], ["K2", "30/06/2023", "7"]])
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [
        f"{path}:riga 1: manca la riga di intestazione: la prima riga deve contenere i nomi delle colonne (almeno codice)"
    ]


def test_header_only_and_unnamed_column_with_data(tmp_path):
    path = write_csv(tmp_path / "misure.csv", [["codice", "valore"]])
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [f"{path}: la tabella non ha righe di dati sotto l'intestazione: aggiungere le misure"]
    path = write_csv(tmp_path / "misure.csv", [["codice", "valore", ""], ["K1", "5", "nota persa"]])
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [f"{path}:riga 1: la colonna C ha dati ma non ha un nome: scriverlo nell'intestazione"]


def test_row_longer_than_header(tmp_path):
    path = write_csv(tmp_path / "misure.csv", [["codice", "valore"], ["K1", "85", "5"]], delimiter=",")
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [
        f"{path}:riga 2: la riga ha 3 celle piene ma l'intestazione ha 2 colonne: controllare il separatore e le virgolette"
    ]


def test_xlsx_without_rows(tmp_path):
    path = write_xlsx(tmp_path / "misure.xlsx", {"Misure": []})
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [f"{path}: il foglio non contiene righe: la prima riga deve avere i nomi delle colonne"]


def test_unknown_extension_when_writing_leaves_nothing(tmp_path):
    plan, _ = load_plan(FIXTURES / "piano.yaml")
    with pytest.raises(InputError, match="non è riconosciuta"):
        write_plan(plan, tmp_path / "piano.docx")
    assert list(tmp_path.iterdir()) == []


def test_title_rows_above_the_header_are_skipped_with_a_warning(tmp_path):
    path = write_xlsx(tmp_path / "misure.xlsx", {"Misure": [
        ["Monitoraggio al 30 giugno 2023"],
        [],
        ["Codice", "Data", "Valore"],
        ["K1", "30/06/2023", 5],
    ]})
    measures, warnings = load_measures(path)
    assert [m.code for m in measures.measures] == ["K1"]
    assert [str(w) for w in warnings] == [f"{path}:riga 3: avviso: intestazione trovata alla riga 3: ignorate le righe sopra (1)"]


def test_binary_file_with_a_text_extension(tmp_path):
    path = tmp_path / "piano.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00binario")
    assert _plan_error(path) == [f"{path}: il file non è un file di testo: salvarlo come testo (UTF-8) o come CSV da Excel"]
