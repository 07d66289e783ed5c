"""``piao-rules verifica`` and ``piao-rules schema`` through click's runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from io_helpers import FIXTURES, write_csv

from piao_rules.cli import main


def _run(*arguments):
    return CliRunner().invoke(main, [str(a) for a in arguments])


def test_clean_plan_and_measures_exit_0():
    result = _run("verifica", FIXTURES / "piano.yaml", FIXTURES / "misure.yaml")
    assert result.exit_code == 0
    assert result.output == "Piano: 7 indicatori in 4 obiettivi; misure: 5; 0 errori, 0 avvisi.\n"


def test_plan_alone_and_warnings_exit_0(tmp_path):
    text = (FIXTURES / "piano.yaml").read_text(encoding="utf-8").replace("peso: 70", "peso: 65")
    path = tmp_path / "piano.yaml"
    path.write_text(text, encoding="utf-8")
    result = _run("verifica", path)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{path}:riga 65/aree[A2].obiettivi[OP2.1].peso: avviso: i pesi degli obiettivi dell'area A2 sommano a 95 "
        "invece di 100: controllarli",
        "Piano: 7 indicatori in 4 obiettivi; 0 errori, 1 avviso.",
    ]


def test_errors_come_before_warnings_and_exit_2(tmp_path):
    measures = write_csv(tmp_path / "misure.csv", [
        ["codice", "data", "valore", "proposta_target"],
        ["K2.1-01", "30/06/2023", "2", "<= 3 gg"],
        ["K9", "30/06/2023", "1", ""],
    ])
    result = _run("verifica", FIXTURES / "piano.csv", measures)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"{measures}:riga 3/codice: l'indicatore «K9» non è nel piano: correggere il codice",
        f"{measures}:riga 2/proposta_target: avviso: proposta di aggiornamento del target senza motivazione: compilare «motivazione»",
        "Piano: 7 indicatori in 4 obiettivi; misure: 2; 1 errore, 1 avviso.",
    ]


def test_unreadable_files_are_reported_together(tmp_path):
    plan = tmp_path / "piano.xlsx"
    plan.write_bytes(b"PK\x03\x04 non proprio uno zip")
    measures = write_csv(tmp_path / "misure.csv", [["codice", "data", "valore"], ["K1", "30/16/2023", "5"]])
    result = _run("verifica", plan, measures)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"{plan}: il file Excel .xlsx è danneggiato (archivio incompleto): aprirlo con Excel e salvarlo come .xlsx",
        f"{measures}:riga 2/data: «30/16/2023»: il mese 16 non esiste (usare gg/mm/aaaa)",
        "Piano: non leggibile; misure: non leggibili; 2 errori, 0 avvisi.",
    ]


def test_al_dates_undated_measures(tmp_path):
    measures = write_csv(tmp_path / "misure.csv", [["codice", "valore"], ["K2.1-01", "2"]])
    assert _run("verifica", FIXTURES / "piano.yaml", measures).exit_code == 2
    result = _run("verifica", FIXTURES / "piano.yaml", measures, "--al", "30/06/2023")
    assert result.exit_code == 0, result.output
    assert _run("verifica", FIXTURES / "piano.yaml", measures, "--al", "30/16/2023").exit_code == 2


@pytest.mark.parametrize("name", ["piano.schema.json", "misure.schema.json"])
def test_schema_writes_italian_json_schemas(tmp_path, name):
    result = _run("schema", "-o", tmp_path / "schemi")
    assert result.exit_code == 0
    schema = json.loads((tmp_path / "schemi" / name).read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    if name == "piano.schema.json":
        assert schema["title"] == "Piano"
        assert set(schema["required"]) == {"ente", "anno", "aree"}
        indicator = schema["$defs"]["Indicator"]
        assert indicator["title"] == "Indicatore"
        assert indicator["properties"]["soglia"]["description"].startswith("Livello minimo")
        assert indicator["properties"]["unita"]["title"] == "Unità di misura"
        assert indicator["additionalProperties"] is False
    else:
        assert schema["title"] == "Misure"
        assert "misure" in schema["properties"]
        assert schema["$defs"]["Judgement"]["enum"] == ["raggiunto", "in_linea", "a_rischio", "non_raggiunto"]


def test_schema_without_folder_prints_both():
    result = _run("schema")
    assert result.exit_code == 0
    printed = json.loads(result.output)
    assert list(printed) == ["piano.schema.json", "misure.schema.json"]


def test_schema_accepts_italian_dates():
    result = _run("schema")
    assert '"format": "date"' not in result.output
    assert '"30/06/2023"' in result.output


def test_a_coverage_target_asks_for_its_total_only_when_the_plan_lacks_it(tmp_path):
    header = ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "codice", "nome", "target", "totale"]
    row = ["Camera di commercio di Valle Alta", "2023", "A1", "Area", "O1", "Obiettivo", "K1", "Incontri con gli uffici",
           "Almeno 1 incontro con ciascun ufficio"]
    with_total = _run("verifica", write_csv(tmp_path / "con.csv", [header, [*row, "15"]]))
    without = _run("verifica", write_csv(tmp_path / "senza.csv", [header, [*row, ""]]))
    assert with_total.exit_code == without.exit_code == 0
    assert "il target vale per ogni elemento" not in with_total.output
    assert "0 avvisi" in with_total.output.splitlines()[-1]
    assert "il target vale per ogni elemento («con ciascun ufficio»): serve il numero di elementi da coprire" in without.output


def test_a_measure_counting_another_noun_is_warned_where_it_is_written(tmp_path):
    header = ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "codice", "nome", "target"]
    rows = [["Camera di commercio di Valle Alta", "2023", "A1", "Area", "O1", "Obiettivo", code, name, target] for code, name, target in (
        ("K1", "Sale", "Avvio operatività delle 2 nuove sale"), ("K2", "Postazioni", "Attivazione delle 4 nuove postazioni"),
        ("K3", "Iniziative", "≥ 8 iniziative / ≥ 150 imprese"))]
    plan = write_csv(tmp_path / "piano.csv", [header, *rows])
    measures = write_csv(tmp_path / "misure.csv", [["codice", "data", "valore"], ["K1", "30/06/2023", "2 sale"],
                                                   ["K2", "30/06/2023", "2 sportelli"], ["K3", "30/06/2023", "6 eventi 88 imprese"]])
    result = _run("verifica", plan, measures)
    assert result.exit_code == 0, result.output
    assert "misure.csv:riga 2/valore: avviso: K1: milestone letta come ≥ 2 sale: la misura conta sale" in result.output
    assert ("misure.csv:riga 3/valore: avviso: la misura di K2 conta «sportelli», il target «Attivazione delle 4 postazioni» "
            "conta «postazioni»: controllare che la misura sia quella del target") in result.output
    assert ("misure.csv:riga 4/valore: avviso: la misura di K3 conta «eventi», che il target «≥ 8 iniziative; ≥ 150 imprese» "
            "non nomina: letti come «iniziative» (l'unico conteggio rimasto)") in result.output  # twelfth pass


def test_value_cells_read_by_a_guess_are_reported_as_warnings(tmp_path):
    measures = write_csv(tmp_path / "misure.csv", [
        ["codice", "data", "valore", "totale", "nota"],
        ["K2.2-01", "30/06/2023", "In corso", "", "Migrati i fascicoli del 2019."],
        ["K2.1-02", "30/06/2023", "87,3% (positivi) 42,1% (molto positivi)", "", ""],
        ["K1.1.1-01", "30/06/2023", "2 incontri su 4", "", ""],
        ["K1.1-02", "30/06/2023", "n. 80 imprese", "", ""],
    ])
    result = _run("verifica", FIXTURES / "piano.yaml", measures)
    assert result.exit_code == 0
    guessed = [line for line in result.output.splitlines() if "letto per ipotesi" in line]
    assert guessed == [
        f"{measures}:riga 2/valore: avviso: valore «In corso» letto per ipotesi: non è un valore: letto come inizio della "
        "nota, e lo stato lo propone la lettura della nota, da confermare; per non lasciarlo dedurre, lasciare vuoto "
        "«valore» e scrivere lo stato in «nota» (o il giudizio in «giudizio», l'avanzamento in «avanzamento», la data in "
        "«completato_il»)",
        f"{measures}:riga 3/valore: avviso: valore «87,3% (positivi) 42,1% (molto positivi)» letto per ipotesi: letto il "
        "primo valore (87,3%), la cella intera è nella nota; per non lasciarlo dedurre, scrivere in «valore» solo il valore "
        "che il target chiede e gli altri in «nota»",
        f"{measures}:riga 4/valore: avviso: valore «2 incontri su 4» letto per ipotesi: letto come 2 su un totale di 4; per "
        "non lasciarlo dedurre, scrivere 2 in «valore» e 4 in «totale»",
    ]


def test_an_activity_measured_with_done_and_total_is_not_called_not_pertinent(tmp_path):
    measures = write_csv(tmp_path / "misure.csv", [["codice", "data", "valore", "totale"], ["K2.2-01", "30/06/2023", "41", "44"]])
    result = _run("verifica", FIXTURES / "piano.yaml", measures)
    assert result.exit_code == 0
    assert "non è del tipo richiesto" not in result.output  # the evaluation reads it as the share done (41 su 44)


def test_fifteenth_pass_guesses_are_reported_as_warnings(tmp_path):
    header = ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "codice", "nome", "target"]
    rows = [["Camera di commercio di Valle Alta", "2023", "A1", "Area", "O1", "Obiettivo", code, name, target] for code, name, target in (
        ("K1", "Riunioni della Commissione prezzi", "4 riunioni/anno"), ("K2", "Nuovo sito", "entro il 30/09/2023"),
        ("K3", "Regolamento", "entro il 30/06/2023"), ("K4", "Domande assistite", "> media triennio precedente"),
        ("K5", "Giornate di formazione per dipendente", ">= 3 giornate"))]
    plan = write_csv(tmp_path / "piano.csv", [header, *rows])
    measures = write_csv(tmp_path / "misure.csv", [
        ["codice", "data", "valore", "nota"],
        ["K1", "30/06/2023", "due riunioni", ""], ["K2", "30/06/2023", "Sviluppo al 60%", ""],
        ["K3", "30/06/2023", "vedi nota", "Approvato il 20/06/2023."], ["K4", "30/06/2023", "187", "Media 2020-2022: 176."],
        ["K5", "30/06/2023", "19 ore", "Una giornata formativa pari a 6 ore."]])
    result = _run("verifica", plan, measures)
    assert result.exit_code == 0, result.output
    for line in (
        f"{measures}:riga 2/valore: avviso: valore «due riunioni» letto per ipotesi: il numero scritto in lettere letto come "
        "«2 riunioni»; per non lasciarlo dedurre, scrivere il numero in cifre",
        f"{measures}:riga 3/valore: avviso: valore «Sviluppo al 60%» letto per ipotesi: letto come avanzamento del 60%; per "
        "non lasciarlo dedurre, lasciare vuoto «valore» e scrivere il numero in «avanzamento»",
        f"{measures}:riga 4/valore: avviso: valore «vedi nota» letto per ipotesi: rimanda alla nota: il valore è vuoto e lo "
        "stato lo propone la lettura della nota, da confermare; per non lasciarlo dedurre, scrivere in «valore» il numero "
        "(o lasciarlo vuoto) e in «nota» il commento",
        f"{measures}:riga 5/nota: avviso: riferimento del target di K4 letto nella nota: «Media 2020-2022: 176»; per non "
        "lasciarlo dedurre, scriverlo in «riferimento»",
        f"{measures}:riga 6/valore: avviso: la misura di K5 è convertita nell'unità del target: 19 ore ÷ 6 ore per giornata "
        "= 3,17 giornate (letto nella nota: «Una giornata formativa pari a 6 ore»); controllare la conversione",
    ):
        assert line in result.output, result.output


def _plan_with_algorithms(tmp_path, indicators):
    """A one-area plan of 2023 in CSV: (code, name, target, algorithm) for each indicator."""
    header = ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "codice", "nome", "target",
              "algoritmo"]
    rows = [["Camera di commercio di Valle Alta", "2023", "A1", "Area", "O1", "Obiettivo", *indicator] for indicator in indicators]
    return write_csv(tmp_path / "piano.csv", [header, *rows])


def test_sixteenth_pass_guesses_are_reported_as_warnings(tmp_path):
    plan = _plan_with_algorithms(tmp_path, (
                ("K1", "Comunicati stampa", ">= 24", ""), ("K2", "Nuovo portale", "entro il 31/12/2023", ""),
                ("K3", "Ore di formazione pro capite", ">= 24 ore", "Ore di formazione erogate / N. dipendenti")))
    measures = write_csv(tmp_path / "misure.csv", [
        ["codice", "data", "valore", "componente", "nota"],
        ["K1", "30/06/2023", "7 (di cui 2 congiunti con la Regione)", "", ""], ["K2", "30/06/2023", "in corso (70%)", "", ""],
        ["K3", "30/06/2023", "318 giornate", "Formazione erogata", "1 giornata formativa = 7,2 ore."],
        ["K3", "30/06/2023", "92", "N. dipendenti", ""]])
    result = _run("verifica", plan, measures)
    assert result.exit_code == 0, result.output
    for line in (
        f"{measures}:riga 2/valore: avviso: valore «7 (di cui 2 congiunti con la Regione)» letto per ipotesi: letto il "
        "conteggio «7», e «di cui 2 congiunti con la Regione» nella nota; per non lasciarlo dedurre, scrivere in «valore» "
        "solo il numero che il target chiede e la parte in «nota»",
        f"{measures}:riga 3/valore: avviso: valore «in corso (70%)» letto per ipotesi: letto come stato «in corso» con "
        "avanzamento del 70%; per non lasciarlo dedurre, lasciare vuoto «valore», scrivere lo stato in «nota» e il numero "
        "in «avanzamento»",
        "conversione: 318 giornate × 7,2 ore per giornata = 2289,6 ore (letto nella nota: «1 giornata formativa = 7,2 "
        "ore»): controllare la conversione",
    ):
        assert line in result.output, result.output


def test_seventeenth_pass_readings_are_reported_as_warnings(tmp_path):
    plan = _plan_with_algorithms(tmp_path, (
                ("K1", "Postazioni nelle sedi", "100% delle sedi", ""), ("K2", "Imprese ai laboratori", ">= 30 imprese", ""),
                ("K3", "Progetti europei", "≥ 2 progetti approvati", ""),
                ("K4", "Incontri con le associazioni", "Almeno 1 incontro con ciascuna associazione", ""),
                ("K5", "Schede procedimento per ciascun servizio", "100% dei servizi", ""),
                ("K6", "Quota rinnovabile", ">= 25%", "kWh prodotti / kWh consumati * 100")))
    measures = write_csv(tmp_path / "misure.csv", [
        ["codice", "data", "valore", "totale", "componente", "nota"],
        ["K1", "30/06/2023", "5/5", "", "", ""], ["K2", "30/06/2023", "12 laboratori, 41 imprese partecipanti", "", "", ""],
        ["K3", "30/06/2023", "Partecipazione a 3 candidature, di cui 2 approvate", "", "", ""],
        ["K4", "30/06/2023", "8 incontri", "9", "", "Incontrate 7 associazioni."],
        ["K5", "30/06/2023", "11 schede aggiornate", "12", "", ""],
        ["K6", "30/06/2023", "38,5 MWh", "", "kWh prodotti", ""], ["K6", "30/06/2023", "142.000 kWh", "", "kWh consumati", ""]])
    result = _run("verifica", plan, measures)
    assert result.exit_code == 0, result.output
    for line in (
        f"{measures}:riga 2/valore: avviso: valore «5/5» letto per ipotesi: letto come 5 su un totale di 5",
        f"{measures}:riga 3/valore: avviso: la misura di K2 ha più conteggi: letto il conteggio «imprese partecipanti», "
        "quello che il target conta; gli altri (12 laboratori) sono un commento; controllare che sia il conteggio del target",
        f"{measures}:riga 4/valore: avviso: la misura di K3: letta la parte «di cui 2 approvate» di «3 candidature»: il "
        "target conta «progetti approvati»",
        f"{measures}:riga 5/valore: avviso: la misura di K4: il valore conta «incontri», la nota le unità del target («7 "
        "associazioni»): lette 7 unità coperte; controllare le unità coperte",
        f"{measures}:riga 6/valore: avviso: la misura di K5: «schede aggiornate» contate come «servizi»",
        "conversione: 38,5 MWh × 1000 = 38500 kWh (1 MWh = 1000 kWh): controllare la conversione",
    ):
        assert line in result.output, result.output


def test_eighteenth_pass_readings_are_reported_as_warnings(tmp_path):
    plan = _plan_with_algorithms(tmp_path, (
                ("K1", "Ore di formazione pro capite", ">= 24 ore", ""),
                ("K2", "Pratiche sospese", "<= 15%", "N. pratiche sospese / N. pratiche protocollate * 100"),
                ("K3", "Durata media delle mediazioni", "≤ 3 mesi", "Somma dei giorni di durata / N. procedure concluse"),
                ("K4", "Risorse impegnate", ">= 90%", "Risorse impegnate / Risorse stanziate * 100"),
                ("K5", "Nuovo portale", "entro il 31/12/2023", "")))
    measures = write_csv(tmp_path / "misure.csv", [
        ["codice", "data", "valore", "componente", "nota"],
        ["K1", "30/06/2023", "8 ore pro capite", "", ""], ["K2", "30/06/2023", "14,3%", "", ""],
        ["K2", "30/06/2023", "4.812", "N. pratiche sospese", ""], ["K2", "30/06/2023", "29.400", "N. pratiche protocollate", ""],
        ["K3", "30/06/2023", "51.300", "Somma dei giorni di durata", "Mese di 30 giorni."],
        ["K3", "30/06/2023", "600", "N. procedure concluse", ""],
        ["K4", "30/06/2023", "2,31", "Risorse impegnate", "Impegnati 2,31 milioni."],
        ["K4", "30/06/2023", "2.450.000", "Risorse stanziate", ""],
        ["K5", "30/06/2023", "Portale in collaudo", "", ""]])
    result = _run("verifica", plan, measures)
    assert result.exit_code == 0, result.output
    for line in (
        "la misura di K1: «ore pro capite» contate come «ore»: il nome dell'indicatore dice «pro capite»",
        "il risultato in giorni è diviso per 30 giorni per mese (letto nella nota: «Mese di 30 giorni»): controllare la "
        "conversione",
        "K2: N. pratiche sospese (4.812) / N. pratiche protocollate (29.400) × 100 = 16,37%; il valore scritto (14,3%) non è "
        "quello dell'algoritmo: vale il calcolo; controllare il valore o le componenti",
        "conversione: 2,31 × 1.000.000 = 2.310.000 (letto nella nota: «2,31 milioni»): controllare la conversione",
        "valore «Portale in collaudo» letto per ipotesi",
    ):
        assert line in result.output, result.output
