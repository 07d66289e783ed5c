"""A relative target's reference written in the note, and hours ↔ days with the conversion written in the row
(fifteenth pass, part A)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules.io.model import MeasureSet
from piao_rules.targets.hours import days_per_month, hours_per_day, in_target_unit, noted_scale, scaled_in_note
from piao_rules.targets.noted import noted_reference
from piao_rules.targets.parser import parse_target

MEAN = parse_target("> media triennio precedente", 2023)


@pytest.mark.parametrize(("note", "value"), [
    ("Media 2020-2022: 176 (2020: 160; 2021: 181; 2022: 187).", "176"),
    ("Media del triennio 2020-2022: 72,4%. Sul risultato pesa la proroga.", "72.4"),
    ("la media al 30/09 del triennio precedente è 68,9%.", "68.9"),
    ("La media del triennio precedente è di 1.245 domande.", "1245"),
    ("Media 2020-2022: 1.210.000 visualizzazioni.", "1210000"),
])
def test_the_mean_of_the_previous_three_years_is_read_in_the_note(note, value):
    assert noted_reference(MEAN, note, 2023).value == Decimal(value)


@pytest.mark.parametrize("note", [
    None, "Dato in crescita.", "Media 2018-2020: 131.", "Media nazionale: 12,3%.",
    "Media del triennio 2020-2022: 210 nel gestionale; la media del triennio precedente risulta di 198 nel report.",
])
def test_no_reference_is_read_when_the_note_does_not_give_one_unambiguously(note):
    assert noted_reference(MEAN, note, 2023) is None


def test_only_a_relative_target_without_its_value_reads_the_note():
    for target in ("≥ 100", "> media triennio precedente (150)", "> valore anno precedente"):
        assert noted_reference(parse_target(target, 2023), "Media 2020-2022: 176.", 2023) is None
    national = parse_target("+ 25% rispetto alla media nazionale", 2023)
    assert noted_reference(national, "Media nazionale pari al 12,3%.", 2023).value == Decimal("12.3")


@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=2000, max_value=2090),
       st.sampled_from(["Media {a}-{b}: {n}", "Media del triennio {a}-{b}: {n}", "la media del triennio precedente è di {n}"]))
def test_a_written_mean_reads_back(number, year, form):
    spelled = f"{number:,}".replace(",", ".")
    note = form.format(a=year - 3, b=year - 1, n=spelled) + "."
    assert noted_reference(MEAN, note, year).value == number


@given(st.text(max_size=60), st.integers(min_value=2000, max_value=2100))
def test_the_note_reader_never_raises(text, year):
    noted_reference(MEAN, text, year)
    hours_per_day(text)


@pytest.mark.parametrize(("text", "hours"), [
    ("giornata di 8 ore", 8), ("giornate da 7 ore", 7), ("1 giornata = 6 ore", 6), ("una giornata formativa pari a 6 ore", 6),
    ("giorno lavorativo di 7,2 ore", Decimal("7.2")), ("8 ore = 1 giornata", 8), ("6 ore per giornata", 6),
    ("le giornate sono state di 6 ore ciascuna", 6), ("40 giornate formative, ciascuna di 6 ore", 6),
    ("le giornate formative sono di 7 ore", 7),
])
def test_hours_per_day_is_read(text, hours):
    assert hours_per_day(f"Nota: {text}.")[0] == hours


@pytest.mark.parametrize("text", ["giornata di 7 ore e 12 minuti", "giornate da 6 ore e giornate da 8 ore", "formazione di 8 ore"])
def test_hours_per_day_is_not_guessed(text):
    assert hours_per_day(text) is None


def _measure(value, note=None):
    return MeasureSet.model_validate({"misure": [{"codice": "K1", "valore": value, "nota": note}]}).measures[0]


def test_hours_are_converted_to_days_and_back_only_with_the_conversion():
    days = parse_target(">= 3 giornate", 2023)
    converted, how = in_target_unit(days, _measure("19 ore", "Una giornata è di 6 ore."))
    assert (converted.value, converted.counted) == (Decimal("3.17"), "giornate")
    assert how == "19 ore ÷ 6 ore per giornata = 3,17 giornate (letto nella nota: «Una giornata è di 6 ore»)"
    assert in_target_unit(days, _measure("19 ore")) is None
    assert in_target_unit(days, _measure("4 giornate", "giornate da 6 ore")) is None  # already in days
    hours = parse_target(">= 20 ore", 2023)
    assert in_target_unit(hours, _measure("4 giornate"), "Corsi in giornate da 7 ore")[0].value == 28


@pytest.mark.parametrize(("note", "reference"), [
    ("Tassi: 2021 73,1%; 2022 71,8%; 2023 71,1% (media del triennio 72,0%).", Decimal("72.0")),
    ("Media del triennio 1.245 domande.", Decimal("1245")),
])
def test_the_reference_right_after_its_words(note, reference):
    assert noted_reference(MEAN, note, 2024).value == reference


@pytest.mark.parametrize("note", ["Media 2023 71,1%.", "La media 2021 è stata alta."])
def test_a_year_after_the_words_is_not_the_reference(note):
    assert noted_reference(MEAN, note, 2024) is None


@pytest.mark.parametrize(("text", "days"), [("il mese è convenzionalmente di 30 giorni", 30), ("1 mese = 30 giorni", 30),
                                            ("mesi da 30 giorni", 30), ("mese di 31 giorni", 31)])
def test_days_per_month_is_read(text, days):
    assert days_per_month(f"Nota: {text}.")[0] == days


@pytest.mark.parametrize("text", ["entro un mese dalla domanda, 30 giorni", "mese di 30 giorni e mese di 31 giorni",
                                  "nel mese di giugno 30 giornate"])
def test_days_per_month_is_not_guessed(text):
    assert days_per_month(text) is None


def test_months_are_converted_to_days_only_with_the_days_of_a_month():
    target = parse_target("≤ 60 giorni", 2024)
    converted = in_target_unit(target, _measure("2,3 mesi", "Conversione: 1 mese = 30 giorni."))
    assert converted[0].value == Decimal("69.00") and "30 giorni per mese" in converted[1]
    assert in_target_unit(target, _measure("2,3 mesi")) is None


@pytest.mark.parametrize(("number", "note", "amount"), [
    (Decimal("2.31"), "L'importo è in milioni di euro (2,31 milioni = € 2.310.000).", Decimal("2310000")),
    (Decimal("450"), "Liquidati 450 migliaia di euro.", Decimal("450000")),
])
def test_a_bare_number_the_note_writes_with_its_scale(number, note, amount):
    assert noted_scale(number, note)[0] == amount


@pytest.mark.parametrize("note", ["Stanziati 2,45 milioni.", "2,31 milioni e 2,31 migliaia", None])
def test_no_scale_unless_the_note_writes_that_number_with_one(note):
    assert noted_scale(Decimal("2.31"), note) is None


def test_a_scale_only_beside_a_component_written_in_units():
    values = {"Impegnati": Decimal("2.31"), "Stanziati": Decimal("2.45")}
    assert scaled_in_note(values, {}, "Impegnati 2,31 milioni su 2,45.") == {}
    values["Stanziati"] = Decimal("2450000")
    assert scaled_in_note(values, {}, "Impegnati 2,31 milioni.")["Impegnati"][0] == Decimal("2310000")
