"""Readings added in the twenty-fourth pass, part B2: rates per thousand, a «Totale …» denominator made of its parts,
averages in hours against a target in days, «fissati tra …» in the calendar, counts written after their nouns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from piao_rules.engine.rulebook import load_rulebook
from piao_rules.io.written import explained, noun_first
from piao_rules.targets.formula import read_formula, total_of_parts
from piao_rules.targets.hours import hours_over_days
from piao_rules.targets.parser import parse_target


@pytest.mark.parametrize("text", ["N. imprese partecipanti / N. imprese attive * 1000",
                                  "N. domande di brevetto / N. imprese manifatturiere x 1.000"])
def test_times_a_thousand_is_a_rate_per_thousand(text):
    formula = read_formula(text)
    assert formula is not None and formula.per_thousand and not formula.times_hundred
    assert not any("1000" in name or "1.000" in name for name in formula.operands)


def test_times_a_hundred_is_not_per_thousand():
    formula = read_formula("N. pratiche evase / N. pratiche ricevute * 100")
    assert formula.times_hundred and not formula.per_thousand


def test_a_total_no_component_names_is_the_sum_of_its_parts():
    formula = read_formula("Risposte con giudizio 4 o 5 / Totale risposte * 100")
    parts = {"Risposte con giudizio 4 o 5": Decimal(312), "Risposte con giudizio da 1 a 3": Decimal(96)}
    assert total_of_parts(formula, ["Totale risposte"], parts)[0] == Decimal(408)


@pytest.mark.parametrize("parts", [
    {"Risposte positive": Decimal(150), "Totale risposte ricevute": Decimal(200)},  # the total is written
    {"Giudizi positivi": Decimal(150), "Giudizi negativi": Decimal(50)},  # not parts of the same noun
])
def test_a_total_is_not_summed_from_other_components(parts):
    formula = read_formula("Risposte positive / Totale risposte * 100")
    assert total_of_parts(formula, ["Totale risposte"], parts) is None


def test_an_average_in_hours_against_days():
    days = parse_target("<= 2 gg")
    assert hours_over_days(read_formula("Somma delle ore di lavorazione / N. certificati rilasciati"), days)
    assert not hours_over_days(read_formula("Somma dei giorni di lavorazione / N. certificati rilasciati"), days)
    assert not hours_over_days(read_formula("Somma delle ore di lavorazione / N. certificati rilasciati"),
                               parse_target("<= 30 ore"))


def test_fixed_between_two_days_is_in_the_calendar():
    reading = load_rulebook().note_reader.read("10 check-up fissati tra il 2 e il 30 ottobre.", None, date(2024, 9, 30))
    assert reading is not None and reading.phase == "programmata"


@pytest.mark.parametrize(("cell", "counts"), [
    ("seminari: 7 — partecipanti 190", "7 seminari, 190 partecipanti"),
    ("corsi: 10 - partecipanti: 180", "10 corsi, 180 partecipanti"),
    ("Webinar: 5 - Seminari in presenza: 3", None),  # labels with capitals, more words: items to add up
    ("Facebook: 86 - Linkedin: 118", None),
    ("seminari: 7 — seminari 3", None),
])
def test_counts_after_their_nouns(cell, counts):
    assert noun_first(cell) == counts


def test_counts_after_their_nouns_are_explained():
    assert "7 seminari, 190 partecipanti" in explained("seminari: 7 — partecipanti 190")
