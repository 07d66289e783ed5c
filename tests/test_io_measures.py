"""The measures read from CSV (cp1252, BOM, any delimiter), xlsx and YAML, and written back."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from io_helpers import FIXTURES, messages, read_csv_grid, write_csv, write_xlsx

from piao_rules import values
from piao_rules.errors import InputError
from piao_rules.io import load_measures, write_measures, written, yamlfile
from piao_rules.io.model import MeasureSet


def comparable(measure_set: MeasureSet):
    """Each measure with the date it was taken (files may date each row or the whole file)."""
    return [(measure_set.taken_on(m), m.model_dump(exclude={"as_of"})) for m in measure_set.measures]


@pytest.fixture(scope="module")
def reference():
    measures, warnings = load_measures(FIXTURES / "misure.yaml")
    assert warnings == []
    return measures


def test_yaml_measures(reference):
    assert reference.as_of == date(2023, 6, 30)
    by_code = {m.code: m for m in reference.measures}
    assert by_code["K1.1.1-01"].components == {"online": Decimal(2), "in presenza": Decimal(1)}
    assert by_code["K2.1-02"].value == Decimal("86.3") and by_code["K2.1-02"].percent
    assert by_code["K2.1-01"].value == Decimal("2.1")
    assert by_code["K2.2-01"].progress == Decimal(60) and by_code["K2.2-01"].value is None


def test_cp1252_semicolon_csv_reads_with_a_warning(reference):
    measures, warnings = load_measures(FIXTURES / "misure-cp1252.csv")
    assert comparable(measures) == comparable(reference)
    assert measures.as_of == date(2023, 6, 30)
    assert [str(w) for w in warnings] == [
        f"{FIXTURES / 'misure-cp1252.csv'}: avviso: il file non è in UTF-8: letto come Windows-1252; "
        "se gli accenti appaiono sbagliati, salvarlo in UTF-8"
    ]
    assert "più alta" in measures.measures[0].note


def test_comma_csv_with_bom_reads_the_same(reference):
    measures, warnings = load_measures(FIXTURES / "misure-bom.csv")
    assert comparable(measures) == comparable(reference)
    assert warnings == []


def test_utf16_csv_reads_the_same(reference, tmp_path):
    text = (FIXTURES / "misure-bom.csv").read_bytes().decode("utf-8-sig")
    path = tmp_path / "misure.csv"
    path.write_bytes(text.encode("utf-16"))
    assert comparable(load_measures(path)[0]) == comparable(reference)


def test_xlsx_with_real_dates_and_percent_cells_reads_the_same(reference, tmp_path):
    grid = read_csv_grid(FIXTURES / "misure-bom.csv")
    typed = [grid[0]]
    for row in grid[1:]:
        cells = [cell or None for cell in row]
        cells[1] = datetime(2023, 6, 30)
        typed.append(cells)
    write_xlsx(tmp_path / "misure.xlsx", {"Altro": [["appunti"]], "Misure": typed})
    workbook = openpyxl.load_workbook(tmp_path / "misure.xlsx")
    sheet = workbook["Misure"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "K2.1-02":
            row[2].value, row[2].number_format = 0.863, "0.0%"
        if row[0].value == "K1.1-02":
            row[2].value = 72
    workbook.save(tmp_path / "misure.xlsx")
    measures, _ = load_measures(tmp_path / "misure.xlsx")
    assert comparable(measures) == comparable(reference)


def test_written_measures_read_back(reference, tmp_path):
    for name in ("misure.yaml", "misure.csv", "misure.xlsx"):
        write_measures(reference, tmp_path / name)
        measures, warnings = load_measures(tmp_path / name)
        assert comparable(measures) == comparable(reference), name
        assert warnings == []


def _measures_csv(tmp_path, rows, header=("codice", "data", "valore", "componente", "nota")):
    return write_csv(tmp_path / "misure.csv", [list(header), *rows])


def test_components_merge_into_one_measure(tmp_path):
    path = _measures_csv(tmp_path, [
        ["K1", "30/06/2023", "", "Facebook", "Dati dei canali social"],
        ["K1", "2023-06-30", "118", "Linkedin", ""],
        ["K1", "30/06/2023", "n.d.", "Instagram", ""],
        ["K2", "30/06/2023", "SI", "", ""],
    ])
    measures, _ = load_measures(path)
    first, second = measures.measures
    assert first.components == {"Linkedin": Decimal(118)}
    assert first.note == "Dati dei canali social" and first.value is None
    assert second.value is True


def test_empty_components_are_left_out_in_every_format(tmp_path):
    """«n.d.», «~», an empty cell: a component not given is missing, never a refusal (the index is not measured yet)."""
    grid = [["codice", "data", "valore", "componente"], ["K1", "30/06/2024", "n.d.", "Patrimonio netto"],
            ["K1", "30/06/2024", "", "Passivo totale"], ["K2", "30/06/2024", "120", "Pratiche evase"],
            ["K2", "30/06/2024", "---", "Pratiche ricevute"]]
    read = [load_measures(_measures_csv(tmp_path, grid[1:], header=grid[0]))[0],
            load_measures(write_xlsx(tmp_path / "misure.xlsx", {"Misure": grid}))[0]]
    (tmp_path / "misure.yaml").write_text(
        "data: 30/06/2024\nmisure:\n  - {codice: K1, componenti: {Patrimonio netto: n.d., Passivo totale: ~}, nota: a consuntivo}\n"
        "  - {codice: K2, componenti: {Pratiche evase: 120, Pratiche ricevute: '---'}}\n", encoding="utf-8")
    read.append(load_measures(tmp_path / "misure.yaml")[0])
    for measures in read:
        index, ratio = measures.measures
        assert index.components == {} and index.value is None
        assert ratio.components == {"Pratiche evase": Decimal(120)}


def test_a_value_written_with_its_noun_keeps_the_noun_in_every_format(tmp_path):
    """«2 sale»: the office writes what it counts beside the value; «6 iniziative 88 imprese» are components."""
    grid = [["codice", "data", "valore"], ["K1", "30/06/2023", "2 sale"], ["K2", "30/06/2023", "6 iniziative 88 imprese"],
            ["K3", "30/06/2023", "3 regolamenti approvati"]]
    read = [load_measures(_measures_csv(tmp_path, grid[1:], header=grid[0]))[0],
            load_measures(write_xlsx(tmp_path / "misure.xlsx", {"Misure": grid}))[0]]
    (tmp_path / "misure.yaml").write_text(
        "data: 30/06/2023\nmisure:\n  - {codice: K1, valore: 2 sale}\n  - {codice: K2, valore: 6 iniziative 88 imprese}\n"
        "  - {codice: K3, valore: 3 regolamenti approvati}\n", encoding="utf-8")
    read.append(load_measures(tmp_path / "misure.yaml")[0])
    for measures in read:
        sale, compound, rules = measures.measures
        assert (sale.value, sale.counted) == (Decimal(2), "sale")
        assert compound.value is None and compound.components == {"iniziative": Decimal(6), "imprese": Decimal(88)}
        assert (rules.value, rules.counted) == (Decimal(3), "regolamenti approvati")
    for name in ("scritte.yaml", "scritte.csv", "scritte.xlsx"):  # written back as the office wrote them
        write_measures(read[0], tmp_path / name)
        assert comparable(load_measures(tmp_path / name)[0]) == comparable(read[0]), name
    assert "valore: 2 sale" in (tmp_path / "scritte.yaml").read_text(encoding="utf-8")


def test_a_text_that_is_not_a_count_is_still_refused(tmp_path):
    path = _measures_csv(tmp_path, [["K1", "30/06/2023", "2 seminari svolti a marzo", "", ""], ["K2", "30/06/2023", "3 sale su 5 piani", "", ""]])
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert [m.split(": «")[1].split("»")[0] for m in messages(error)] == ["2 seminari svolti a marzo", "3 sale su 5 piani"]
    assert all("(anche con ciò che conta: «2 sale»)" in m for m in messages(error))


def test_rows_of_one_indicator_and_date_need_different_components(tmp_path):
    path = _measures_csv(tmp_path, [
        ["K1", "30/06/2023", "86", "Facebook", ""],
        ["K1", "30/06/2023", "90", "Facebook", ""],
        ["K2", "30/06/2023", "95%", "", "prima"],
        ["K2", "30/06/2023", "90%", "", "seconda"],
        ["K3", "30/06/2023", "1", "", "una nota"],
        ["K3", "30/06/2023", "2", "parte", "un'altra nota"],
    ])
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [
        f"{path}:riga 3/componente: l'indicatore K1 ha già la componente «Facebook» al 30/06/2023 alla riga 2: "
        "per più valori dello stesso indicatore usare la colonna componente con etichette diverse",
        f"{path}:riga 5/componente: l'indicatore K2 ha già una misura al 30/06/2023 alla riga 4: "
        "per più valori dello stesso indicatore usare la colonna componente con etichette diverse",
        f"{path}:riga 7/nota: «un'altra nota» diverso da «una nota» scritto alla riga 6 per la stessa misura di K3: "
        "scrivere lo stesso valore o lasciare vuota la cella",
    ]


def test_bad_date_is_reported_with_row_and_column(tmp_path):
    path = _measures_csv(tmp_path, [["K1", "30/06/2023", "5", "", ""], ["K2", "30/16/2023", "7", "", ""]])
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [f"{path}:riga 3/data: «30/16/2023»: il mese 16 non esiste (usare gg/mm/aaaa)"]


def test_bad_values_are_reported_with_row_and_column(tmp_path):
    header = ("codice", "valore", "avanzamento", "giudizio", "componente")
    path = _measures_csv(tmp_path, [
        ["K1", "circa 120 imprese", "", "", ""],
        ["K2", "", "150", "buono", ""],
        ["K3", "tanti", "", "", "Facebook"],
    ], header)
    with pytest.raises(InputError) as error:
        load_measures(path, as_of=date(2023, 6, 30))
    assert messages(error) == [
        f"{path}:riga 2/valore: «circa 120 imprese» non è un numero, una data o SI/NO: "
        "scrivere in «valore» solo il numero (anche con ciò che conta: «2 sale»), la data o SI/NO, e il resto in «nota»",
        f"{path}:riga 3/avanzamento: «150» è troppo grande: il massimo è 100",
        f"{path}:riga 3/giudizio: valore «buono» non ammesso: usare uno tra raggiunto, in_linea, a_rischio, non_raggiunto",
        f"{path}:riga 4/valore: «tanti» non è un numero (esempi validi: 1.018 oppure 85,5)",
    ]


def test_measures_without_date_take_the_callers_date(tmp_path):
    path = _measures_csv(tmp_path, [["K1", "5"], ["K2", "7"]], header=("codice", "valore"))
    measures, _ = load_measures(path, as_of=date(2023, 9, 30))
    assert measures.as_of == date(2023, 9, 30)
    assert all(measures.taken_on(m) == date(2023, 9, 30) for m in measures.measures)
    with pytest.raises(InputError) as error:
        load_measures(path)
    assert messages(error) == [
        f"{path}:riga 2/data: 2 misure senza data: indicare la data di ogni misura, o del file, oppure passare la data con --al"
    ]


def test_the_files_date_wins_over_the_callers(tmp_path):
    path = tmp_path / "misure.yaml"
    path.write_text("data: 30/06/2023\nmisure:\n  - codice: K1\n    valore: 5\n  - codice: K2\n    data: 31/03/2023\n    valore: NO\n")
    measures, _ = load_measures(path, as_of=date(2023, 9, 30))
    assert measures.as_of == date(2023, 6, 30)
    assert [measures.taken_on(m) for m in measures.measures] == [date(2023, 6, 30), date(2023, 3, 31)]
    assert measures.measures[1].value is False


def test_yaml_measure_errors_are_located(tmp_path):
    path = tmp_path / "misure.yaml"
    path.write_text(
        "data: 2023-06-30\n"
        "misure:\n"
        "  - codice: K1\n"
        "    valore: 5\n"
        "    colore: rosso\n"
        "  - codice: K2\n"
        "    componenti: {Facebook: 86, Linkedin: molti}\n"
        "  - valore: 3\n"
    )
    with pytest.raises(InputError) as error:
        load_measures(path)
    allowed = (
        "codice, data, valore, percentuale, avanzamento, completato_il, componenti, conta, conta_componenti, valore_scritto, riferimento, totale, giudizio, nota, "
        "fonte, proposta_target, motivazione, causa_esterna, validato_da"
    )
    assert messages(error) == [
        f"{path}:riga 5/misure[K1].colore: campo sconosciuto «colore»: i campi ammessi sono {allowed}",
        f"{path}:riga 7/misure[K2].componenti: «molti» non è un numero (esempi validi: 1.018 oppure 85,5)",
        f"{path}:riga 8/misure[3].codice: campo obbligatorio mancante: aggiungere «codice»",
    ]


# thirteenth pass: what offices write in a value cell beyond a bare number (piao_rules.io.written)
@pytest.mark.parametrize(("written", "value"), [
    ("6.412,38 (migliaia di €)", Decimal("6412380")),
    ("1,2 milioni di euro", Decimal("1200000")),
    ("€ 850 (in migliaia)", Decimal("850000")),
    ("3,5 (milioni di €)", Decimal("3500000")),
])
def test_an_amount_written_with_its_scale_is_read_in_euro(written, value):
    measure_set = MeasureSet.model_validate(
        {"data": "31/12/2023", "misure": [{"codice": "K1", "valore": written}, {"codice": "K2", "componenti": {"a": written}}]})
    single, components = measure_set.measures
    assert (single.value, single.counted, components.components) == (value, None, {"a": value})


def test_labelled_values_give_the_first_and_keep_the_cell_in_the_note():
    measure = MeasureSet.model_validate({"misure": [
        {"codice": "K1", "valore": "87,3% (positivi) 42,1% (molto positivi)", "nota": "Indagine di novembre."}]}).measures[0]
    assert (measure.value, measure.percent) == (Decimal("87.3"), True)
    assert measure.note == "Indagine di novembre. (letto il primo valore di «87,3% (positivi) 42,1% (molto positivi)»)"


def test_a_sentence_in_the_value_cell_is_a_note():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "Lavori conclusi il 20/09/2023; sportello "
                                                     "non ancora operativo.", "nota": "Arredi in consegna."}]}).measures[0]
    assert (measure.value, measure.note) == (None, "Lavori conclusi il 20/09/2023; sportello non ancora operativo. Arredi in consegna.")
    for wrong in ("circa 120 imprese", "tanti", "2 seminari svolti a marzo", "80 %x"):
        with pytest.raises(ValueError):
            MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": wrong}]})


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("migliaia", 1000), ("milioni", 1_000_000)]), st.booleans(), st.sampled_from(["€", "euro"]))
def test_a_scaled_amount_reads_back(number, scale, brackets, currency):
    integer, _, decimals = f"{number:,.2f}".partition(".")
    text = integer.replace(",", ".") + "," + decimals
    words = f"{scale[0]} di {currency}"
    assert written.scaled(f"{text} ({words})" if brackets else f"{text} {words}") == number * scale[1]


@given(st.text(max_size=40))
def test_the_written_readers_never_raise(text):
    written.scaled(text)
    written.labelled(text)
    written.is_sentence(text)
    written.read_cell({"valore": text})


# fourteenth pass: the state of the activity in a few words, «n.» before a count, a compound count beside the same
# components, done out of a total (piao_rules.io.written)
@pytest.mark.parametrize("state", [
    "Fatto", "Concluso", "Pubblicato", "Pubblicati", "Adottato", "Attivato", "Non attivato", "in corso",
    "Protocollo sottoscritto", "Bozza completata", "Impianto installato", "Non ancora avviato",
])
def test_a_state_in_a_few_words_is_the_beginning_of_the_note(state):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": state, "nota": "Delibera n. 58 del 20/06/2024."}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (None, f"{state} Delibera n. 58 del 20/06/2024.", state)


def test_a_note_that_already_begins_with_the_state_is_kept_as_it_is():
    measure = MeasureSet.model_validate({"misure": [
        {"codice": "K1", "valore": "Impianto installato", "nota": "Impianto installato a maggio; allaccio a novembre."}]}).measures[0]
    assert (measure.note, measure.written) == ("Impianto installato a maggio; allaccio a novembre.", "Impianto installato")


@pytest.mark.parametrize("wrong", ["tanti", "molti", "circa 120 imprese", "imprese", "3 sale su 5 piani", "tre dei molti", "Gradimento al 85%", "in totale"])
def test_words_that_say_no_state_are_still_refused(wrong):
    with pytest.raises(ValueError, match="non è"):
        MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": wrong}]})


@pytest.mark.parametrize("empty", ["non rilevato", "non disponibile", "dato non disponibile"])
def test_no_data_markers_are_not_a_state(empty):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": empty}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (None, None, None)


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["n.", "n°", "nr.", "N.", "nr", "N°"]),
       st.sampled_from(["", " referenti formati", " webinar", " check-up", " imprese assistite"]), st.booleans())
def test_a_count_written_after_n_is_the_count(number, mark, noun, space):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": f"{mark}{' ' if space else ''}{number}{noun}"}]}).measures[0]
    assert (measure.value, measure.counted or "", measure.written) == (number, noun.strip(), None)


@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=5000),
       st.sampled_from(["", " processi", " uffici", " sedi camerali"]), st.sampled_from(["su", "sui", "sugli", "sulle"]))
def test_done_out_of_a_total_gives_value_and_total(done, total, noun, word):
    text = f"{done}{noun} {word} {total}"
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text}]}).measures[0]
    assert (measure.value, measure.total, measure.counted, measure.written) == (done, total, None, text)


def test_done_out_of_a_total_must_agree_with_the_total():
    agreeing = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "41 processi su 44", "totale": "44"}]}).measures[0]
    assert (agreeing.value, agreeing.total) == (41, 44)
    with pytest.raises(ValueError, match="dà il totale 44, diverso da «totale» \\(45\\)"):
        MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "41 processi su 44", "totale": 45}]})


@pytest.mark.parametrize(("cell", "components"), [
    ("6 iniziative 210 imprese", {"iniziative": 6, "soggetti": 210}),
    ("180 imprese contattate, 73 check-up completati", {"imprese contattate": 180, "check-up completati": 73}),
    ("73 check-up completati", {"imprese contattate": 180, "check-up completati": 73}),
])
def test_counts_beside_the_same_components_are_said_twice(cell, components):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell, "componenti": components}]}).measures[0]
    assert measure.components == components
    assert measure.value in (None, 73)  # a single count stays the measure's value, as before


@pytest.mark.parametrize(("cell", "components"), [
    ("6 iniziative 200 imprese", {"iniziative": 6, "soggetti": 210}),
    ("210 iniziative 6 imprese", {"iniziative": 6, "imprese": 210}),
    ("6 iniziative 210 imprese 4 missioni", {"iniziative": 6, "imprese": 210}),
])
def test_counts_that_the_components_contradict_are_refused(cell, components):
    with pytest.raises(ValueError, match="non concorda con le componenti"):
        MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell, "componenti": components}]})


@given(st.text(max_size=40))
def test_the_fourteenth_pass_readers_never_raise(text):
    written.is_state(text)
    written.out_of(text)
    written.explained(text)


@given(st.text(alphabet="abcdefghilmnoprstuvzàèéìòù 0123456789'", min_size=1, max_size=30))
def test_a_state_never_holds_a_number(text):
    if any(ch.isdigit() for ch in text):
        assert not written.is_state(text)


def test_a_value_read_by_a_guess_is_kept_and_survives_the_files(tmp_path):
    measure_set = MeasureSet.model_validate({"data": "30/06/2024", "misure": [
        {"codice": "K1", "valore": "Adottato", "nota": "Delibera n. 58."},
        {"codice": "K2", "valore": "87,3% (positivi) 42,1% (molto positivi)"},
        {"codice": "K3", "valore": "41 processi su 44"},
    ]})
    assert [m.written for m in measure_set.measures] == ["Adottato", "87,3% (positivi) 42,1% (molto positivi)", "41 processi su 44"]
    for extension in ("yaml", "csv", "xlsx"):
        path = tmp_path / f"misure.{extension}"
        write_measures(measure_set, path)
        loaded, warnings = load_measures(path)
        assert [m.model_dump(exclude={"as_of"}) for m in loaded.measures] == [m.model_dump(exclude={"as_of"}) for m in measure_set.measures]
        assert warnings == []


# fifteenth pass, part A: a pointer to the note, «in» and the noun of a state, a count in words, done out of a total
# followed by a participle, the progress of an activity (piao_rules.io.written)
@pytest.mark.parametrize("pointer", ["vedi nota", "Vedi nota", "Vedi nota.", "cfr. nota", "si veda la nota"])
def test_a_pointer_to_the_note_leaves_the_value_empty(pointer):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": pointer, "nota": "Fatto il 3 maggio."}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (None, "Fatto il 3 maggio.", pointer)


@pytest.mark.parametrize("state", ["in bozza", "In approvazione", "in fase di collaudo", "in istruttoria"])
def test_in_and_the_noun_of_a_state_is_a_state(state):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": state}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (None, state, state)


@given(st.sampled_from([("un", 1), ("due", 2), ("tre", 3), ("dieci", 10), ("dodici", 12), ("venti", 20), ("trenta", 30)]),
       st.sampled_from(["", " riunioni", " incontri formativi", " report"]), st.booleans())
def test_a_count_in_words_is_the_count(word, noun, capital):
    text = (word[0].capitalize() if capital else word[0]) + noun
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text}]}).measures[0]
    assert (measure.value, measure.counted or "", measure.written) == (word[1], noun.strip(), text)


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500),
       st.sampled_from(["servizi", "fascicoli", "uffici"]), st.sampled_from(["migrati", "digitalizzati", "coperti", "conclusi"]))
def test_done_out_of_a_total_with_a_participle(done, total, noun, participle):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": f"{done} {noun} su {total} {participle}"}]}).measures[0]
    assert (measure.value, measure.total) == (done, total)


@given(st.integers(min_value=0, max_value=100), st.sampled_from(["Sviluppo", "Avanzamento", "Lavori", "completato", "Progetto realizzato"]),
       st.sampled_from(["al", "pari al", "per il"]), st.sampled_from(["%", " %"]))
def test_the_progress_of_an_activity_is_read_as_progress(share, words, link, sign):
    text = f"{words} {link} {share}{sign}"
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text}]}).measures[0]
    assert (measure.value, measure.progress, measure.written, measure.percent) == (None, share, text, False)


def test_a_progress_against_another_progress_is_refused():
    with pytest.raises(ValueError, match="avanzamento"):
        MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "Sviluppo al 60%", "avanzamento": 40}]})
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "Sviluppo al 60%", "avanzamento": "60"}]}).measures[0]
    assert measure.progress == 60


@given(st.text(max_size=40))
def test_the_new_written_readers_never_raise(text):
    written.sees_note(text)
    written.in_words(text)
    written.progress(text)
    written.out_of(text)


# sixteenth pass: abbreviated scales, a state with its progress in brackets, a count with its part («di cui»), a
# component written with its unit (piao_rules.io.written, piao_rules.io.model)
@given(st.decimals(min_value=0, max_value=10**4, places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from([("mln", 10**6), ("mld", 10**9), ("milioni", 10**6), ("miliardi", 10**9)]),
       st.sampled_from(["€ {}", "{} €", "{}", "{} di euro"]))
def test_an_abbreviated_scale_reads_back(number, scale, form):
    text = f"{number:f}".replace(".", ",") + f" {scale[0]}"
    amount = form.format(text) if "di euro" not in form else f"{text} di euro"
    assert written.scaled(amount) == number * scale[1]


@pytest.mark.parametrize("text", ["350 k€", "€ 350 k€", "350 k €"])
def test_thousands_written_k_euro(text):
    assert written.scaled(text) == Decimal("350000")


@pytest.mark.parametrize("text", ["350 k", "12 km", "3 mln di imprese", "2 mld abitanti"])
def test_a_k_or_mln_without_euro_words_is_not_an_amount(text):
    assert written.scaled(text) is None


@given(st.integers(min_value=0, max_value=100), st.sampled_from(["in corso", "Avviato", "in fase di collaudo", "In ritardo"]),
       st.sampled_from(["({}%)", "( {} % )"]))
def test_a_state_with_its_progress_in_brackets(share, state, brackets):
    text = f"{state} {brackets.format(share)}"
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text, "nota": "Schede completate."}]}).measures[0]
    assert (measure.value, measure.progress, measure.note, measure.written) == (None, share, f"{state} Schede completate.",
                                                                                 " ".join(text.split()))


@pytest.mark.parametrize("text", ["Gradimento (85%)", "80 (85%)", "in corso (170%)"])
def test_not_a_state_with_its_progress(text):
    assert written.state_progress(text) is None


@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=5000),
       st.sampled_from(["{count} assessment, di cui {part} guidati", "{count} (di cui {part} congiunti con la Regione)",
                        "Coinvolte {count} imprese, di cui {part} con check-up", "{count} missioni (Canada, Giappone), di cui {part} virtuali"]))
def test_a_count_with_its_part_is_the_count(count, part, form):
    text = form.format(count=count, part=part)
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text}]}).measures[0]
    assert (measure.value, measure.written) == (count, text)
    assert f"di cui {part}" in measure.note


@pytest.mark.parametrize("text", ["tre, di cui uno", "circa 100, di cui 30 guidati", "6 iniziative 88 imprese, di cui 4 online"])
def test_what_is_not_one_count_before_di_cui_is_not_read(text):
    assert written.with_part(text) is None


def test_a_component_with_its_unit_keeps_the_unit_and_writes_it_back(tmp_path):
    measure_set = MeasureSet.model_validate({"data": "31/12/2021", "misure": [
        {"codice": "K1", "componenti": {"Formazione erogata": "318 giornate", "N. dipendenti": "92"}}]})
    measure = measure_set.measures[0]
    assert (measure.components, measure.counted_components) == (
        {"Formazione erogata": 318, "N. dipendenti": 92}, {"Formazione erogata": "giornate"})
    for name in ("misure.yaml", "misure.csv"):
        write_measures(measure_set, tmp_path / name)
        back, _ = load_measures(tmp_path / name)
        assert back.measures[0].counted_components == {"Formazione erogata": "giornate"}


@given(st.text(max_size=40))
def test_the_sixteenth_pass_readers_never_raise(text):
    written.state_progress(text)
    written.with_part(text)


# seventeenth pass, part A: done out of a total with a slash or «dei», the action before a count with its part, the
# noun of the work with its state (piao_rules.io.written)
@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=200), st.sampled_from(["{}/{}", "{} / {}"]))
def test_done_out_of_a_total_with_a_slash(done, total, form):
    text = form.format(done, total)
    if done > total:
        assert written.out_of(text) is None
        return
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text}]}).measures[0]
    assert (measure.value, measure.total, measure.written) == (done, total, " ".join(text.split()))


def test_a_slash_total_that_the_measure_contradicts_is_an_error():
    with pytest.raises(ValueError, match="dà il totale 5"):
        MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "5/5", "totale": "6"}]})


@pytest.mark.parametrize(("text", "read"), [
    ("tre dei quattro accordi previsti", ("3", "4")), ("3 dei 4 accordi", ("3", "4")), ("due delle cinque sedi", ("2", "5")),
    ("14 su 20 processi", ("14", "20")), ("41 processi su 44", ("41", "44"))])
def test_done_out_of_a_total_with_dei_or_in_words(text, read):
    assert written.out_of(text) == read


@pytest.mark.parametrize("text", ["30/06", "12/2023", "3 sale su 5 piani", "3/4 %", "1/2/2023"])
def test_not_done_out_of_a_total(text):
    assert written.out_of(text) is None


@pytest.mark.parametrize("text", ["Partecipazione a 4 candidature, di cui 1 approvata",
                                  "Presentazione di 4 candidature, di cui 1 approvata"])
def test_the_action_before_a_count_with_its_part(text):
    assert written.with_part(text) == ("4 candidature", "di cui 1 approvata")


@pytest.mark.parametrize("text", ["Lavori in corso", "Attività in ritardo", "Progettazione in corso", "Lavori in fase di collaudo",
                                  "Portale in collaudo", "Sportello in attesa", "Attività ordinaria"])
def test_the_noun_of_the_work_with_its_state(text):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": text, "nota": "Manca l'allaccio."}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (None, f"{text} Manca l'allaccio.", text)


@pytest.mark.parametrize("text", ["Lavori 3", "Sviluppo in totale", "Gradimento in media", "circa 120 imprese", "tanti",
                                  "Attività molto intensa"])
def test_not_the_noun_of_the_work_with_its_state(text):
    assert not written.is_state(text)


@given(st.text(max_size=40))
def test_the_seventeenth_pass_readers_never_raise(text):
    written.out_of(text)
    written.with_part(text)
    written.is_state(text)


# eighteenth pass, part C: a count after a participle with a remark in brackets, counts named by period, by month or
# one by one (piao_rules.io.written)
@pytest.mark.parametrize(("text", "read"), [
    ("Realizzati 2 eventi (aprile e giugno)", ("2 eventi", "(aprile e giugno)")),
    ("Coinvolte 214 imprese", ("214 imprese", None)), ("Partecipazione a 4 candidature", ("4 candidature", None))])
def test_a_count_after_a_participle(text, read):
    assert written.acted_count(text) == read


@pytest.mark.parametrize("text", ["Realizzati 2 eventi a marzo", "Realizzati 2 eventi, 30 imprese", "2 eventi (aprile)",
                                  "Lavori di adeguamento conclusi"])
def test_not_a_count_after_a_participle(text):
    assert written.acted_count(text) is None


def test_a_count_after_a_participle_keeps_the_cell_and_notes_the_remark():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "Realizzati 2 eventi (aprile e giugno)",
                                                     "nota": "Nessun altro evento in programma."}]}).measures[0]
    assert (measure.value, measure.counted, measure.written) == (2, "eventi", "Realizzati 2 eventi (aprile e giugno)")
    assert measure.note == "Nessun altro evento in programma. (aprile e giugno)"


@pytest.mark.parametrize(("text", "read"), [
    ("Completati 9 check-up nel I trimestre, 11 nel II e 12 nel III; altri 6 avviati", ("32 check-up", "altri 6 avviati")),
    ("Erogate 14 assistenze nel I trimestre e 17 nel II", ("31 assistenze", None)),
    ("Pubblicate le note di gennaio, aprile e luglio", ("3 note", None)),
    ("Realizzati il convegno «Riforma, mediazione» (Taranto, 16/03), il webinar per gli ordini (11/05) e il seminario "
     "per le imprese (22/11)", ("3", None))])
def test_counts_named_by_period_by_month_or_one_by_one(text, read):
    assert written.enumerated(text) == read


@pytest.mark.parametrize("text", [
    "Approvato il regolamento e la carta dei servizi",  # one act, or two: nothing dated says they are counted
    "Svolti il primo e il secondo modulo", "Completati 9 check-up nel I trimestre", "Pubblicata la nota di gennaio",
    "9 check-up nel I trimestre, 11 nel II",  # no participle: as before
])
def test_not_counts_named_one_by_one(text):
    assert written.enumerated(text) is None


def test_a_count_named_by_month_keeps_the_cell_with_a_warning():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "Pubblicate le note di gennaio, aprile e luglio",
                                                     "nota": "In calendario la nota di novembre."}]}).measures[0]
    assert (measure.value, measure.counted, measure.note) == (3, "note", "In calendario la nota di novembre.")
    assert "contati gli elementi elencati: «3 note»" in written.explained(measure.written)


@given(st.text(max_size=40))
def test_the_eighteenth_pass_readers_never_raise(text):
    written.acted_count(text)
    written.enumerated(text)

def test_a_count_per_head_is_one_count():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "1,5 giornate medie per dipendente"}]}).measures[0]
    assert (measure.value, measure.counted) == (Decimal("1.5"), "giornate medie per dipendente")


@pytest.mark.parametrize(("cell", "amount", "remark"), [
    ("9,8 mln (semestrale)", Decimal("9800000"), "Proventi: semestrale"),
    ("7,1 mln (al 30 giugno)", Decimal("7100000"), "Proventi: al 30 giugno"),
    ("1.200 (provvisorio)", Decimal("1200"), "Proventi: provvisorio"),
])
def test_a_component_with_a_remark_in_brackets(cell, amount, remark):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "componenti": {"Proventi": cell}, "nota": "Dati di metà anno."}]}).measures[0]
    assert measure.components["Proventi"] == amount
    assert measure.note == f"Dati di metà anno. (componenti lette senza le parentesi: {remark})"


def test_a_component_with_its_scale_in_brackets_is_not_a_remark():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "componenti": {"Proventi": "1.720,5 (migliaia di €)"}}]}).measures[0]
    assert (measure.components["Proventi"], measure.note) == (Decimal("1720500"), None)


# nineteenth pass, part A: a pointer to the components, counts in words above twenty, SI/NO by its initial, «bozza» and
# «ok», «mila», a component written as a sentence, a total written with its noun (piao_rules.io.written)
def _measure(**fields):
    return MeasureSet.model_validate({"misure": [{"codice": "K1", **fields}]}).measures[0]


@pytest.mark.parametrize("pointer", ["v. componenti", "vd. componenti", "vedi componenti", "Vedi le componenti", "v. sotto",
                                     "vedi dettaglio"])
def test_a_pointer_to_the_components_leaves_the_value_empty(pointer):
    measure = _measure(valore=pointer, componenti={"evase": "41.226", "ricevute": "46.870"})
    assert (measure.value, measure.written, measure.components["evase"]) == (None, pointer, Decimal("41226"))
    assert "componenti" in written.explained(pointer)


def test_a_pointer_to_the_components_without_components_is_refused():
    with pytest.raises(ValueError, match="non è un numero"):
        _measure(valore="vedi componenti")


@pytest.mark.parametrize(("text", "number"), [("ventuno", 21), ("ventitré imprese", 23), ("ventitre", 23),
                                              ("ventisette imprese", 27), ("trentotto", 38), ("novantanove", 99)])
def test_a_count_in_words_above_twenty(text, number):
    measure = _measure(valore=text)
    assert (measure.value, measure.written) == (number, text)


@pytest.mark.parametrize(("text", "answer"), [("N", False), ("S", True), ("n.", False)])
def test_si_no_by_its_initial(text, answer):
    measure = _measure(valore=text)
    assert (measure.value, measure.written) == (answer, text)
    assert "per intero" in written.explained(text)


def test_n_before_a_number_is_the_count_not_no():
    assert (_measure(valore="N. 27 imprese").value, _measure(valore="N. 27 imprese").written) == (27, None)


@pytest.mark.parametrize("state", ["bozza", "Bozza", "ok", "OK"])
def test_bozza_and_ok_are_a_state(state):
    measure = _measure(valore=state, nota="Trasmessa al Segretario Generale.")
    assert (measure.value, measure.note, measure.written) == (None, f"{state} Trasmessa al Segretario Generale.", state)


@pytest.mark.parametrize("vague", ["20% circa", "circa 120 eventi", "tanti", "circa 25 imprese"])
def test_vague_amounts_are_still_refused(vague):
    with pytest.raises(ValueError):
        _measure(valore=vague)


def test_thousands_written_mila():
    measure = _measure(componenti={"costi del personale": "€ 612 mila", "costi totali": "€ 1,48 milioni"})
    assert measure.components == {"costi del personale": Decimal("612000"), "costi totali": Decimal("1480000")}


def test_a_component_written_as_a_sentence_is_missing_and_noted():
    measure = _measure(componenti={"oneri di funzionamento": "dato disponibile a consuntivo", "oneri correnti": "1.200"},
                       nota="Calcolabile a bilancio.")
    assert measure.components == {"oneri correnti": Decimal("1200")}
    assert measure.note == "Calcolabile a bilancio. (oneri di funzionamento: dato disponibile a consuntivo)"


@pytest.mark.parametrize(("cell", "total"), [("312 provvedimenti su 312", 312), ("312 provvedimenti", 312)])
def test_a_total_written_with_its_noun(cell, total):
    measure = _measure(valore="100%", totale=cell)
    assert (measure.total, measure.note) == (total, f"(totale letto da «{cell}»)")


def test_a_total_with_fewer_done_is_refused():
    with pytest.raises(ValueError, match="non è un numero"):
        _measure(valore="100%", totale="300 provvedimenti su 312")


@given(st.text(max_size=40))
def test_the_nineteenth_pass_readers_never_raise(text):
    written.sees_components(text)
    written.initial(text)
    written.in_words(text)


# twentieth pass, part A: a number with a remark in brackets, counts per named item, «+ 1 rinviato», units named by their
# months alone or after «con», the list after a colon (piao_rules.io.written)
@pytest.mark.parametrize(("cell", "value", "note"), [
    ("sei (gennaio-giugno)", Decimal(6), "(gennaio-giugno)"),
    ("3 (Bari, Brindisi-Taranto, Lecce)", Decimal(3), "(Bari, Brindisi-Taranto, Lecce)"),
    ("IIS Fermi (2), Liceo Bellini (1) e ITIS Omar (1)", Decimal(4), "IIS Fermi (2), Liceo Bellini (1) e ITIS Omar (1)"),
    ("5 seminari + 1 rinviato", Decimal(5), "(+ 1 rinviato)"),
    ("newsletter di gennaio, marzo e settembre (luglio sospesa)", Decimal(3), "(luglio sospesa)"),
    ("Firmate le convenzioni con ANCE, Confartigianato e CNA", Decimal(3), None),
    ("Sottoscritti con il Comune di Viterbo (marzo) e con la Provincia di Rieti (giugno); il terzo è da firmare",
     Decimal(2), "il terzo è da firmare"),
    ("Realizzati 2 eventi: «Orienta» (15/02/2022) e «Impresa in classe» (22/03/2022)", Decimal(2),
     "«Orienta» (15/02/2022) e «Impresa in classe» (22/03/2022)"),
])
def test_counts_written_with_their_list_are_read_and_kept(cell, value, note):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (value, note, cell)
    assert "per non lasciarlo dedurre" in written.explained(cell)


@pytest.mark.parametrize("cell", [
    "3 (2 a marzo)",  # numbers in the remark: which one counts is not said
    "Comune di Asti (2024), Comune di Alba (2025)",  # years in brackets, not counts
    "6 iniziative + 88 imprese",  # two counts
    "3 eventi + 2 realizzati",  # all done: not a remark
])
def test_cells_that_look_like_a_listed_count_are_not_read_as_one(cell):
    assert written.aside_number(cell) is None and written.per_item(cell) is None and written.plus_not_done(cell) is None

# twentieth pass, part B2: all the units, with their number
@pytest.mark.parametrize(("cell", "value"), [
    ("tutti e sei gli uffici", Decimal(6)), ("tutte le 5 sedi", Decimal(5)), ("Tutti gli 11 uffici", Decimal(11)),
])
def test_all_the_units_with_their_number_are_a_count_kept_as_written(cell, value):
    measure = _measure(valore=cell, totale=value)
    assert (measure.value, measure.written) == (value, cell)


@pytest.mark.parametrize("cell", ["tutti gli uffici", "tutte le sedi di Ancona e Pesaro", "tutti e due"])
def test_all_the_units_without_a_number_and_a_noun_are_not_a_count(cell):
    assert written.all_of(cell) is None


# twenty-first pass, part A: a state in two words, SI/NO with a remark, counts in words to 999, a total with its remark,
# a count with its period, a remark with dates, «tutti (36)», «tutte tranne …», an estimate beside its components
@pytest.mark.parametrize(("cell", "value", "note"), [
    ("centotrenta imprese", Decimal(130), None),
    ("duecentocinquanta", Decimal(250), None),
    ("centotto verifiche", Decimal(108), None),
    ("gen.-giu.: 22", Decimal(22), "(gen.-giu.)"),
    ("I semestre: 14", Decimal(14), "(I semestre)"),
    ("11 (l'uscita di dicembre è slittata al 9 gennaio)", Decimal(11), "(l'uscita di dicembre è slittata al 9 gennaio)"),
    ("4 (l'ultima il 27/09)", Decimal(4), "(l'ultima il 27/09)"),
    ("tutti (36)", Decimal(36), None),
    ("SI - del. 88/2025", True, "(del. 88/2025)"),
    ("NO (in attesa del parere)", False, "(in attesa del parere)"),
    ("NO, sospeso", False, "(sospeso)"),
    ("SI, approvato con delibera n. 5", True, "(approvato con delibera n. 5)"),
])
def test_cells_read_in_the_twenty_first_pass_keep_the_cell(cell, value, note):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (value, note, cell)
    assert "per non lasciarlo dedurre" in written.explained(cell)


@pytest.mark.parametrize(("cell", "note"), [
    ("bozza pronta", "bozza pronta"), ("non ancora", "non ancora"), ("Testo pronto", "Testo pronto"),
])
def test_a_state_in_two_words_is_the_start_of_the_note(cell, note):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (None, note, cell)


@pytest.mark.parametrize("cell", ["—", "–"])
def test_a_dash_alone_is_no_value(cell):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.written) == (None, None)


def test_a_draft_with_its_share_is_a_progress():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "bozza al 70%"}]}).measures[0]
    assert (measure.value, measure.progress, measure.written) == (None, Decimal(70), "bozza al 70%")


def test_a_total_with_a_remark_in_brackets_is_its_number():
    measure = _measure(valore="12 comuni", totale="38 (comuni aderenti)")
    assert (measure.value, measure.total, measure.note) == (Decimal(12), Decimal(38), "(totale letto da «38 (comuni aderenti)»)")


def test_all_but_those_named_is_the_total_less_them():
    measure = _measure(valore="tutti gli uffici eccetto Alba e Bra", totale=5)
    assert (measure.value, measure.written) == (Decimal(3), "tutti gli uffici eccetto Alba e Bra")
    measure = _measure(valore="tutte tranne Confesercenti")  # the plan's total: the engine's coverage reads it
    assert (measure.value, measure.written, written.all_but("tutte tranne Confesercenti")) == (None, "tutte tranne Confesercenti", 1)


def test_an_estimate_beside_its_components_gives_way_to_them():
    measure = _measure(valore="88% circa", componenti={"liquidate": "€ 2.113.540,18", "stanziate": "2,4 mln €"})
    assert (measure.value, measure.written, measure.note) == (None, "88% circa", "(stima scritta nel valore: «88% circa»)")
    assert measure.components == {"liquidate": Decimal("2113540.18"), "stanziate": Decimal("2400000.0")}


@pytest.mark.parametrize("cell", [
    "circa 25 imprese",  # an estimate with its noun, without components: still refused
    "3 (2 a marzo)",  # a number in the remark that is not a date
    "Facebook: 86",  # a channel, not a period
    "tutte tranne 2",  # a number, not the units named
    "Sistema",  # not SI
])
def test_cells_near_the_twenty_first_pass_readings_are_still_refused(cell):
    with pytest.raises(ValueError):
        MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]})

# twenty-first pass, part C: counts in words where a count stands, lists after a colon, by month, by title, by name
@pytest.mark.parametrize(("cell", "value"), [
    ("Realizzati cinque seminari (Cosenza, Paola e uno on line)", Decimal(5)),
    ("Svolte tre audizioni: CNA (12/02), Coldiretti (08/03), Confartigianato (30/05)", Decimal(3)),
    ("dodici imprese (di cui 2 assistite due volte)", Decimal(12)),
    ("sette seminari (tre a febbraio, poi uno al mese)", Decimal(7)),
    ("Partecipazione a 6 candidature, di cui 3 approvate (Erasmus+ e Horizon)", Decimal(6)),
    ("Attivati 4 percorsi con licei e istituti professionali, di cui 1 concluso", Decimal(4)),
    ("pubblicati a febbraio, aprile e giugno", Decimal(3)),
    ("Realizzate le campagne «Fatture elettroniche» (aprile) e «Marchi» (ottobre); la terza rinviata", Decimal(2)),
    ("Corsi realizzati: 10/03 contabilità; 14/04 export; 20/09 digitale", Decimal(3)),
    ("attivati: fascicolo d'impresa, cassetto digitale e firma remota; app in collaudo", Decimal(3)),
    ("Macfrut 8, Fieracavalli 5, Sana 4", Decimal(17)),
])
def test_counts_written_the_twenty_first_pass_way_are_read_and_kept(cell, value):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.written) == (value, cell)
    assert "per non lasciarlo dedurre" in written.explained(cell)


@pytest.mark.parametrize("cell", [
    "Svolte due delle tre sessioni",  # done out of a total, not a count in words
    "Stato: avviato, in corso",  # one thing after a singular participle, not a list
    "realizzati: 2 convegni e 1 webinar",  # numbers in the list: not named one by one
    "Lotto 1, Lotto 2",  # the same name numbered: not counts
    "le note di marzo, rinviata quella di giugno",  # not the months after «a»
])
def test_cells_like_the_twenty_first_pass_counts_are_not_read_as_them(cell):
    assert written.enumerated(cell) is None and written.per_item(cell) is None
    assert written.count_in_figures(cell) == cell or written.with_part(written.count_in_figures(cell)) is None

# twenty-first pass, part B2: a count written with the period it covers, or with a hedge
@pytest.mark.parametrize(("cell", "value", "remark"), [
    ("da gennaio a settembre: 29", Decimal(29), "(da gennaio a settembre)"),
    ("ca. 300 nel I trim.", Decimal(300), "(circa, nel I trim.)"),
    ("dal 1/1 al 30/6: 48", Decimal(48), "(dal 1/1 al 30/6)"),
])
def test_a_count_with_its_period_is_read_and_kept(cell, value, remark):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (value, remark, cell)
    assert "per non lasciarlo dedurre" in written.explained(cell)


@pytest.mark.parametrize("cell", ["12 eventi", "circa 120 imprese", "da gennaio: 29 eventi e 3 fiere", "Da marzo in servizio: 3 ispettori"])
def test_cells_that_are_not_a_count_with_its_period(cell):
    assert written.period_count(cell) is None


def test_a_yaml_number_with_the_thousands_dot_is_read_as_in_a_cell(tmp_path):
    """«valore: 1.250» unquoted is 1250, as the same text in a CSV or Excel cell, not YAML's 1,25; other numbers are
    YAML's («2.5», «1.2500»)."""
    path = tmp_path / "misure.yaml"
    path.write_text("data: 30/09/2022\nmisure:\n"
                    "  - {codice: A, valore: 1.250}\n  - {codice: B, valore: 26.426.000}\n"
                    "  - {codice: C, valore: 2.5}\n  - {codice: D, valore: 1.2500}\n  - {codice: E, valore: -3.000}\n",
                    encoding="utf-8")
    measures, _ = load_measures(path)
    assert [m.value for m in measures.measures] == [Decimal(1250), Decimal(26426000), Decimal("2.5"), Decimal("1.25"),
                                                     Decimal(-3000)]


@given(st.decimals(min_value=-10**7, max_value=10**7, places=3, allow_nan=False))
def test_a_decimal_written_to_yaml_is_read_back_equal(number):
    """The writer never leaves a decimal in the thousands shape («1.125» would come back as 1125)."""
    read = yamlfile.parse(yamlfile.dump({"n": number}), "x.yaml")[0]["n"]
    assert values.parse_number(read) == number


# twenty-second pass, part A: the occurrences named one by one by their month or day, counted month by month, «quello»
# for the noun said before, a number written again in words, a ratio or a count with a remark after it
@pytest.mark.parametrize(("cell", "value", "note"), [
    ("gen, feb, mar, apr, mag, giu, set, ott, nov, dic", Decimal(10), None),
    ("gennaio, febbraio, marzo (2), aprile, maggio", Decimal(6), None),
    ("10/01, 14/02 e 21/03", Decimal(3), None),
    ("14/02 seminario CBAM; 21/03 webinar CSRD; 09/05 incontro comunità energetiche", Decimal(3), None),
    ("tre ispezioni a marzo, due a maggio e una il 18 settembre", Decimal(6), None),
    ("un webinar a febbraio, uno ad aprile e uno a giugno (l'ultimo con l'Ordine)", Decimal(3), "(l'ultimo con l'Ordine)"),
    ("Svolti il corso sulla sicurezza (aprile) e quello sulla privacy (giugno)", Decimal(2), None),
    ("Svolti tre incontri (gennaio e marzo) con le associazioni di categoria", Decimal(3),
     "(gennaio e marzo) con le associazioni di categoria"),
    ("31 (trentuno) contributi concessi", Decimal(31), None),
    ("5/5 - ultimo audit il 19/12", Decimal(5), "ultimo audit il 19/12"),
    ("2 sedi su 3 (Savona, La Spezia)", Decimal(2), "(Savona, La Spezia)"),
])
def test_cells_read_in_the_twenty_second_pass_keep_the_cell(cell, value, note):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (value, note, cell)
    assert "per non lasciarlo dedurre" in written.explained(cell)


@pytest.mark.parametrize("cell", [
    "Genova, Marche",  # names that begin like a month: not months
    "gennaio-giugno",  # a period, not two months
    "marzo (2)",  # one month alone
    "31 (trenta) contributi",  # the words say another number: not the same number said twice
    "3 (Bari, Lecce)",  # a remark, not the number in words
])
def test_cells_near_the_twenty_second_pass_readings_are_not_read_as_them(cell):
    assert written.occurrences(cell) is None and written.spelled_again(cell) == cell


@pytest.mark.parametrize(("cell", "value", "note"), [
    ("Dubai (febbraio); Toronto (aprile) rinviata a novembre; Singapore (maggio)", Decimal(2), "Toronto (aprile) rinviata a novembre"),
    ("Accordi firmati con Univ. di Cagliari (marzo) e Univ. di Sassari (ottobre); con il Politecnico in bozza", Decimal(2),
     "con il Politecnico in bozza"),
])
def test_things_named_with_their_month_are_counted_without_those_not_done(cell, value, note):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (value, note, cell)


@pytest.mark.parametrize("cell", ["Lotto A (2024); Lotto B (2025)", "Fiera A (marzo); Fiera B (aprile) molto riuscita; Fiera C (maggio)"])
def test_named_items_need_three_and_states_of_not_done(cell):
    assert written.enumerated(cell) is None


@pytest.mark.parametrize(("cell", "value"), [
    ("sedute del 10/02/2025, 17.03.2025 e 28-04-2025", Decimal(3)),  # days written three ways
    ("webinar del 3/03 (Lodi), 12/04 (Crema), 7/05 (Cremona)", Decimal(3)),  # each day with its place
    ("Fiere: Anuga (ottobre), SIAL (ottobre), Prowein (marzo)", Decimal(3)),  # named, each with its month
    ("Sessioni svolte: Enna 9/02, Nicosia 23/02", Decimal(2)),  # each name with its day after it
    ("usc. marzo, giugno, 4/9", Decimal(3)),  # an abbreviated participle, months and a day
    ("Alba, Bra, Mondovì, Saluzzo", Decimal(4)),  # three or more names, each with a capital letter
    ("Ufficio Ragioneria; Albi e ruoli; sede di Fossano", Decimal(3)),  # semicolons: «e» inside a name
])
def test_units_listed_one_by_one_are_counted_and_the_cell_kept(cell, value):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.written) == (value, " ".join(cell.split()))
    assert "contati gli elementi elencati" in written.explained(cell)


@pytest.mark.parametrize("cell", [
    "Alba, Bra",  # two names without a head or a day: maybe one thing
    "in corso, da completare, in ritardo",  # states, no name with a capital letter
    "riunioni del 15/01/2025",  # one unit
    "Stato: avviato, in corso",  # a colon and states: one thing (read as before)
    "Lotto 1, Lotto 2, Lotto 3",  # numbers that are not days
])
def test_cells_that_are_not_units_listed_one_by_one(cell):
    assert written.listed_units(cell) is None


def test_a_note_listing_the_things_done_gives_the_count_of_a_cell_pointing_to_it():
    note = "Svolti: open day (febbraio), laboratorio 3D (aprile), visita in azienda (maggio). Il quarto incontro è rinviato."
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "vedi nota", "nota": note}]}).measures[0]
    assert (measure.value, measure.note, measure.written) == (3, note, "vedi nota")
    assert "elenca le cose fatte: contate, «3»" in written.explained("vedi nota", note)
    other = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "vedi nota",
                                                   "nota": "Attività in corso: due eventi a ottobre."}]}).measures[0]
    assert other.value is None  # no participle and list: the note is read as before


def test_counts_named_by_semicolons_are_summed_with_e_inside_a_name():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "servizi e sportelli 8; promozione 5; studi 3"}]}).measures[0]
    assert measure.value == 16


def test_several_counts_after_a_participle_keep_their_nouns_and_the_remarks_go_to_the_note():
    cell = "Organizzati 3 webinar (marchi; brevetti; design) e 2 seminari presso la sede di Lecco"
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert measure.note == "(marchi; brevetti; design; presso la sede di Lecco)" and measure.written == cell
    assert written.acted_counts("Finanziati 3 progetti e compartecipati 2 progetti") is None  # a noun with «e» inside


@given(st.text(max_size=40))
def test_the_twenty_third_pass_readers_never_raise(text):
    written.listed_units(text)
    written.listed_in(text)
    written.acted_counts(text)

# twenty-third pass, part A: a value with a remark, the rest after «+», the count before «;» or «,», a numbered list,
# counts by label, out of a total and how, a state said by an adjective, components in words (piao_rules.io.written)
@pytest.mark.parametrize(("cell", "value", "note", "total"), [
    ("€ 118.400,00 (liquidati)", Decimal("118400.00"), "(liquidati)", None),
    ("0% (da crono II sem.)", Decimal(0), "(da crono II sem.)", None),
    ("40% scaffali (sospeso)", Decimal(40), "scaffali (sospeso)", None),
    ("97 (+ 5 da verbalizzare)", Decimal(97), "(+ 5 da verbalizzare)", None),
    ("2 + 1 in corso", Decimal(2), "(+ 1 in corso)", None),
    ("2 piani su 3 + archivio da fare", Decimal(2), "(+ archivio da fare)", Decimal(3)),
    ("un report (luglio); il secondo uscirà a febbraio 2026", Decimal(1), "(luglio) (il secondo uscirà a febbraio 2026)", None),
    ("2 cantieri completati, il terzo (Feltre) avviato", Decimal(2), "(il terzo (Feltre) avviato)", None),
    ("1) febbraio-aprile, Crotone; 2) settembre-novembre, Vibo; 3) on line, dicembre", Decimal(3),
     "1) febbraio-aprile, Crotone; 2) settembre-novembre, Vibo; 3) on line, dicembre", None),
    ("SELFI4.0: 22 - Digital Skill Voyager: 19 - Zoom 4.0 (guidato): 7", Decimal(48),
     "SELFI4.0: 22 - Digital Skill Voyager: 19 - Zoom 4.0 (guidato): 7", None),
    ("11 bandi su 11 in versione bilingue", Decimal(11), None, Decimal(11)),
])
def test_value_cells_with_a_remark_or_a_list_are_read_and_kept(cell, value, note, total):
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": cell}]}).measures[0]
    assert (measure.value, measure.note, measure.total, measure.written) == (value, note, total, cell)
    assert "per non lasciarlo dedurre" in written.explained(cell)


@pytest.mark.parametrize("cell", [
    "+4,4% (stima)",  # an estimate without components stays refused (thirteenth pass)
    "4,58% (media al 30/06 triennio precedente 3,64%)",  # a benchmark in the remark: two values
    "5 incontri, 120 partecipanti",  # two counts
    "3 seminari; 2 webinar",  # two counts
    "6 iniziative + 88 imprese",  # two counts
    "12 imprese certificate + tre con il percorso aperto",  # «aperto»: not a state of not done
    "2) marzo; 3) giugno",  # a list not numbered from 1
])
def test_cells_that_look_like_a_value_with_a_remark_are_not_guessed(cell):
    assert written.read_cell({"valore": cell}) == {"valore": cell}  # refused, or several counts as components


def test_labelled_counts_beside_the_components_are_not_summed():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": "Facebook: 118 - LinkedIn: 61",
                                                       "componenti": {"Facebook": 118, "LinkedIn": 61}}]}).measures[0]
    assert measure.value != Decimal(179)


@pytest.mark.parametrize(("cell", "state"), [("non attivo", True), ("operativa", True), ("non ancora funzionante", True),
                                             ("tanti", False), ("non disponibile", False)])
def test_a_state_said_by_an_adjective_of_service_is_a_state(cell, state):
    assert written.is_state(cell) is state


def test_components_written_in_words_are_numbers_noted():
    measure = MeasureSet.model_validate({"misure": [{"codice": "K1", "componenti": {
        "fatture pagate": "412", "fatture ricevute": "quattrocentotrenta"}}]}).measures[0]
    assert measure.components["fatture ricevute"] == Decimal(430)
    assert "«quattrocentotrenta»" in measure.note
