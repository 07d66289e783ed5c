"""The readers of single cells: codes, SOGLIA, types, sources, weights, header words, measures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piao_rules.errors import InputError
from piao_rules.importing import cells
from piao_rules.importing import vocabulary as v
from piao_rules.importing.build import Options
from piao_rules.importing.document import import_document
from piao_rules.importing.measure_cells import read_measure
from piao_rules.importing.report import Report
from piao_rules.importing.source import Cell, Document, Grid, Paragraph
from piao_rules.targets import parse_target

NAME = st.text(alphabet="abcdefghilmnoprstuvzàè ", min_size=3, max_size=40).map(lambda t: " ".join(t.split()) or "nome").filter(
    lambda t: t[0].isalpha())


@pytest.mark.parametrize(("text", "code", "rest"), [
    ("kpi1.1.1_03 Tasso assenteismo", "kpi1.1.1_03", "Tasso assenteismo"),
    ("OC_TBS_01 C S Livello di utilizzo", "OC_TBS_01", "C S Livello di utilizzo"),
    ("Kpi_1.1.2 a Numero iniziative", "Kpi_1.1.2 a", "Numero iniziative"),
    ("kpi3 a favore delle imprese", "kpi3", "a favore delle imprese"),
    ("kpi6.1.1-01 a - Percentuale", "kpi6.1.1-01 a", "Percentuale"),
    ("PIRA 01 - Numero di eventi", "PIRA 01", "Numero di eventi"),
    ("kpi 2.1.1-06a - Misurazione", "kpi 2.1.1-06a", "Misurazione"),
    ("011-005-001 Regolamentazione", "011-005-001", "Regolamentazione"),
    ("OP 1.1.1 - Supportare le imprese", "OP 1.1.1", "Supportare le imprese"),
    ("kpi.1.1-03a - Garantire", "kpi.1.1-03a", "Garantire"),
    ("n. interventi di valorizzazione", None, "n. interventi di valorizzazione"),
    ("2 corsi di formazione", None, "2 corsi di formazione"),
    ("1.018 imprese", None, "1.018 imprese"),
    ("Anno: 2020 >= 3", None, "Anno: 2020 >= 3"),
    ("DPR 254 e altre norme", None, "DPR 254 e altre norme"),
])
def test_codes_at_the_start_of_a_cell(text, code, rest):
    assert cells.split_code(text) == (code, rest)


def test_code_levels():
    assert [cells.code_level(c) for c in ("AREA1", "AS 1", "OS01.1.1", "OP2.1.1-03", "011-005-001", "kpi1.1_02")] == [
        "area", "area", "strategico", "operativo", "operativo", "indicatore"]


@given(prefix=st.sampled_from(["kpi", "Kpi", "OC_TBS_", "EC", "PIRA ", "B"]),
       numbers=st.lists(st.integers(0, 99), min_size=1, max_size=4), separator=st.sampled_from([".", "_", "-"]),
       name=NAME, dash=st.booleans())
def test_generated_codes_are_split_from_the_name(prefix, numbers, separator, name, dash):
    code = prefix + separator.join(f"{n:02d}" for n in numbers)
    text = f"{code} - {name}" if dash else f"{code} {name}"
    assert cells.split_code(text) == (code, name)


@pytest.mark.parametrize(("text", "threshold", "kind", "rest"), [
    ("Tasso assenteismo SOGLIA 9% (Tipologia: Outcome)", "9%", "Outcome", "Tasso assenteismo"),
    ("Tempi medi SOGLIA 4 GG (Tipologia: Efficienza)", "4 GG", "Efficienza", "Tempi medi"),
    ("Imprese aderenti SOGLIA 5% (anno 2022) (Tipologia: Volume)", "5% (anno 2022)", "Volume", "Imprese aderenti"),
    ("Sperimentazioni (SOGLIA 0,5)", "0,5", None, "Sperimentazioni"),
    ("Cassetto SOGLIA 20% (anno 2021) SOGLIA 5% (anno 2022)", "20% (anno 2021) 5% (anno 2022)", None, "Cassetto"),
    ("Borsa Valori (Tipologia: Efficienza) SOGLIA 31/7/2022", "31/7/2022", "Efficienza", "Borsa Valori"),
    ("Campagna PEC SOGLIA 31 marzo 2022", "31 marzo 2022", None, "Campagna PEC"),
    ("annualitàSOGLIA >= 80%", ">= 80%", None, "annualità"),
    ("Nessuna soglia qui", None, None, "Nessuna soglia qui"),
])
def test_soglia_and_type_inside_the_indicator_text(text, threshold, kind, rest):
    found, remaining = cells.split_threshold(text)
    typed, remaining = cells.split_type(remaining)
    assert (found, typed, remaining) == (threshold, kind, rest)


@given(name=NAME, value=st.integers(0, 100), unit=st.sampled_from(["%", " GG", "", " N."]))
def test_a_generated_soglia_is_taken_out_whole(name, value, unit):
    threshold, rest = cells.split_threshold(f"{name} SOGLIA {value}{unit}")
    assert threshold == f"{value}{unit}".strip() and rest == name


def test_sources_in_formulas():
    assert cells.split_source("Giorni di assenza (Fonte Report)") == ("Report", "Giorni di assenza")
    assert cells.split_source("EVENTI ORGANIZZATI - Fonte: Rilevazione interna CCIAA") == (
        "Rilevazione interna CCIAA", "EVENTI ORGANIZZATI")
    assert cells.split_source("Patrimonio netto/Passivo totale*100") == (None, "Patrimonio netto/Passivo totale*100")


@given(st.decimals(min_value=0, max_value=100, places=2), st.sampled_from(["", "%", " %"]))
def test_weights_written_the_italian_way(number, suffix):
    written = format(number, "f").replace(".", ",") + suffix
    assert cells.read_weight(written) == number
    assert cells.read_weight(f"Peso {written}") == number


@pytest.mark.parametrize("text", [">= 3", "101", "-5", "abc", "", "14,29 %% circa"])
def test_what_is_not_a_weight(text):
    assert cells.read_weight(text) is None


@given(st.dictionaries(st.integers(2020, 2030), st.sampled_from([">= 3", "SI", "<= 30%", ">= valore osservato nell'anno n"]),
                       min_size=1, max_size=4))
def test_targets_by_year_in_one_cell(targets):
    text = " ".join(f"Anno: {year} {target}" for year, target in targets.items())
    assert cells.split_years(text) == targets


def test_one_cell_cards():
    card = cells.split_labelled("Peso 50 % Stato --- Target 2020 >= 3 Target 2021 >= 4")
    assert (card.weight, card.measure, card.targets) == ("50 %", "---", {2020: ">= 3", 2021: ">= 4"})
    assert cells.split_labelled("Grado di utilizzo delle risorse") is None


def test_tidy_keeps_formulas_and_drops_html():
    assert cells.tidy("<i>Patrimonio netto</i>/Passivo totale*100") == "Patrimonio netto /Passivo totale*100"
    assert cells.tidy("**979 articoli** pubblicati &amp; letti") == "979 articoli pubblicati & letti"


# ---------------------------------------------------------------- header words


@pytest.mark.parametrize(("text", "role", "year", "when"), [
    ("Indicatori", v.INDICATOR, None, None),
    ("Target 2023", v.TARGET, 2023, None),
    ("Valore 2021", v.BASELINE, 2021, None),
    ("Misura al 30.6", v.MEASURE, None, "30.6"),
    ("Valore al 30/06/2023", v.MEASURE, None, "30/06/2023"),
    ("Stato", v.MEASURE, None, None),
    ("Peso indicatore", v.WEIGHT, None, None),
    ("Unità di misura", v.UNIT, None, None),
    ("OBBIETTIVO OPERATIVO", v.OBJECTIVE, None, None),
    ("Algortimo", v.FORMULA, None, None),
    ("Grado", v.GRADE, None, None),
])
def test_header_words(text, role, year, when):
    header = v.read_header(text)
    assert (header.role, header.year, header.when) == (role, year, when)


def test_misspelt_headers_are_matched_and_kept_for_the_report():
    assert v.read_header("OBBIETTIVO DIRIGENZIALE").typo == ("OBBIETTIVO", "obiettivo")
    assert v.read_header("OBBIETTIVO DIRIGENZIALE").kind == "dirigenziale"
    assert v.read_header("Indicatori").typo is None
    assert v.read_header("Spese correnti dell'anno") is None


def test_header_dates():
    assert str(v.header_date("Misura al 30.6", 2023)) == "2023-06-30"
    assert v.header_date("Misura al 30.6", None) is None
    with pytest.raises(ValueError):
        v.header_date("Stato di attuazione al 30.6.20235", None)


@given(st.text(max_size=60))
def test_header_reading_never_fails(text):
    v.read_header(text)
    v.fix_level_words(text)


# ---------------------------------------------------------------- measures


@given(st.decimals(min_value=0, max_value=10**6, places=2), st.booleans())
def test_a_bare_number_is_the_value(number, percent):
    written = format(number, "f").replace(".", ",") + ("%" if percent else "")
    reading = read_measure(written, parse_target("≥ 10"))
    assert reading.value == written and reading.note is None and reading.suggested is None


@given(st.integers(0, 100))
def test_a_bare_percentage_under_a_milestone_is_progress(progress):
    reading = read_measure(f"{progress}%", parse_target("Consegna progetto definitivo"))
    assert reading.progress == progress and reading.value is None


@pytest.mark.parametrize(("text", "target", "value", "progress"), [
    ("450 posizioni verificate, in corso la procedura", "≥ 300", "450", None),
    ("Alla data del 30 giugno l'indicatore evidenzia 22 giorni", "Entro i 20 giorni", "22", None),
    ("Partecipazione a 3 candidature, di cui 2 approvate", "≥ 2", None, None),
    ("Realizzazione del 50% delle fasi", "SI", None, Decimal(50)),
    ("In data 28.02.2023 è stato realizzato un corso", "2 corsi di formazione", None, None),
    ("Raggiunto il 40% delle imprese", "≥ 6", None, None),
])
def test_values_from_prose_are_only_suggested(text, target, value, progress):
    reading = read_measure(text, parse_target(target, 2023))
    assert (reading.value, reading.progress, reading.note) == (value, progress, text)
    assert (reading.suggested is not None) == (value is not None or progress is not None)


def test_components_only_from_labelled_values():
    compound = parse_target("≥ 200 (Facebook) ≥ 150 (Linkedin)")
    assert read_measure("Facebook: 86 Linkedin: 118", compound).components == {"Facebook": 86, "Linkedin": 118}
    prose = read_measure("Facebook: 16 post, media 432 visualizzazioni; Linkedin: 29 post", compound)
    assert prose.components == {} and prose.note.startswith("Facebook: 16 post")
    relabelled = read_measure("8 iniziative 264 partecipanti", parse_target("≥ 10 iniziative 500 soggetti"))
    assert relabelled.components == {"iniziative": 8, "soggetti": 264}
    assert relabelled.relabelled == [("partecipanti", "soggetti")]


@pytest.mark.parametrize("text", ["n.d.", "---", "//", "ND", "-"])
def test_no_data_markers(text):
    assert read_measure(text, parse_target("≥ 3")) is None


@given(st.text(max_size=80), st.sampled_from(["≥ 10", "SI", "≥ 10 iniziative 500 soggetti", "Consegna progetto", "≥ 70%"]))
def test_reading_a_measure_never_fails(text, target):
    read_measure(text, parse_target(target, 2023))


# ---------------------------------------------------------------- whole tables


CELL = st.one_of(st.just(""), st.sampled_from(["Indicatore", "Target", "Peso", "N.", "Obiettivo strategico OS1 - Uno",
                                                 "≥ 10", "SI", "40%", "kpi1 Nome", "Misura al 30.6", "Area Servizi"]),
                 st.text(max_size=12))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(CELL, st.booleans()), min_size=1, max_size=5), min_size=1, max_size=6),
       st.lists(st.text(max_size=30), max_size=3))
def test_any_table_gives_a_plan_or_an_italian_error(rows, paragraphs):
    grid = Grid(1, [[Cell(text, carried=carried and bool(text)) for text, carried in row] for row in rows])
    blocks = [Paragraph(p) for p in paragraphs if p.strip()] + [grid]
    try:
        built = import_document(Document(blocks), Report("prova.docx"), Options(year=2024, ente="Ente di prova"))
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)
    else:
        assert sum(1 for _ in built.plan.indicators()) >= 1


@pytest.mark.parametrize(("text", "target", "value", "note"), [
    ("2 sale", "Avvio operatività delle 2 nuove sale", "2 sale", None),  # the milestone counts sale
    ("2 sportelli", "Avvio operatività delle 2 nuove sale", None, "2 sportelli"),  # another noun: kept as the note
    ("3 regolamenti approvati", ">= 5 regolamenti", "3 regolamenti approvati", None),
])
def test_a_count_written_with_its_noun_is_the_value(text, target, value, note):
    reading = read_measure(text, parse_target(target, 2023))
    assert (reading.value, reading.note) == (value, note)
