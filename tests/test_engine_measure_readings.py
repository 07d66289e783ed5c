"""Readings of the measure against its target (nineteenth pass, part B2): a rounded value crossing the target, rates over rates, components naming the operands'
tails, the calendar of a coverage target, a call's outcome said two ways, the part a note leaves out of the count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from engine_helpers import one

from piao_rules.engine.notes import scheduled_count
from piao_rules.targets.formula import by_tail, by_words, rate_ratio, read_formula


def _status(target: str, as_of: date, indicator: dict | None = None, **measure) -> str:
    return one(target, as_of, indicator=indicator, **measure).status.value


def test_rounded_value_crossing_the_target_gives_way_to_the_computation():
    indicator = {"unita": "%", "algoritmo": "N. pratiche istruite entro 10 gg / N. pratiche ricevute * 100"}
    parts = {"pratiche istruite entro 10 gg": "1.134", "pratiche ricevute": "1.420"}
    result = one("≥ 80%", date(2023, 6, 30), indicator=indicator, valore="80%", componenti=parts)
    assert result.status.value == "a_rischio"
    assert "79,86" in result.explanation.inputs["calcolo dall'algoritmo"]
    # the same rounding on the same side of the target: the written value stays
    kept = one("≥ 75%", date(2023, 6, 30), indicator=indicator, valore="80%", componenti=parts)
    assert kept.status.value == "in_linea" and "calcolo dall'algoritmo" not in kept.explanation.inputs


@pytest.mark.parametrize(("formula", "expected"), [
    ("% evase entro 5 gg CCIAA / % evase entro 5 gg media nazionale", True),
    ("Percentuale pratiche evase CCIAA / Percentuale pratiche evase Italia", True),
    ("N. pratiche evase / N. pratiche ricevute", False),
    ("% pratiche evase / % pratiche ricevute * 100", False),
])
def test_rate_ratio(formula, expected):
    assert rate_ratio(read_formula(formula)) is expected


def test_rate_over_rate_at_target_midyear_is_on_track():
    indicator = {"algoritmo": "% pratiche evase entro 5 gg CCIAA / % nazionale pratiche evase entro 5 gg"}
    assert _status(">= 1", date(2023, 9, 30), indicator, valore="1,02") == "in_linea"
    assert _status(">= 1", date(2023, 9, 30), indicator, valore="0,97") == "a_rischio"


def test_components_naming_the_tails_of_the_operands():
    operands = ["% evase entro 5 gg CCIAA", "% evase entro 5 gg media nazionale"]
    parts = {"CCIAA": Decimal("91.2"), "media nazionale": Decimal("86.5")}
    assert by_tail(operands, parts, operands) == {operands[0]: "CCIAA", operands[1]: "media nazionale"}
    assert by_tail(operands, {"nazionale": Decimal(1), "media nazionale": Decimal(2)}, operands) == {}  # one tail, two labels
    assert by_tail(operands, {"CCIAA": Decimal(1)}, operands) == {}


def test_calendar_total_in_brackets():
    note = "in programma a ottobre i corsi obbligatori sulla sicurezza (120 ore complessive)."
    assert scheduled_count(note, "ore") == 120


def test_coverage_calendar_short_of_the_total_is_at_risk():
    indicator = {"totale": 12}
    target = "Almeno 1 incontro con ciascun comune aderente"
    assert _status(target, date(2023, 9, 30), indicator, valore="7", totale="12",
                   nota="Altri 2 incontri sono fissati per novembre.") == "a_rischio"
    assert _status(target, date(2023, 9, 30), indicator, valore="7", totale="12",
                   nota="Altri 5 incontri sono fissati per novembre.") == "in_linea"


def test_approved_proposals_are_funded_projects():
    assert _status("≥ 3 progetti finanziati", date(2023, 12, 31), {"unita": "N."},
                   valore="Partecipazione a 5 candidature, di cui 2 approvate") == "non_raggiunto"


@pytest.mark.parametrize(("name", "target", "value", "note", "as_of", "expected"), [
    ("Eventi di orientamento presso le scuole superiori", "≥ 10 eventi", "12 eventi",
     "Di cui 4 svolti presso l'Università.", date(2023, 12, 31), "non_raggiunto"),
    ("N. controlli su giocattoli", ">= 40 controlli", "52 controlli",
     "Di cui 15 su prodotti elettrici, fuori dal programma.", date(2023, 9, 30), "in_linea"),
    # not touched: a kind of what is counted («su …»), a split into parts, a part of the same object
    ("Ispezioni su strumenti di misura", ">= 120 ispezioni", "130 ispezioni",
     "Di cui 38 su impianti di distribuzione carburante.", date(2023, 12, 31), "raggiunto"),
    ("Ispezioni su strumenti di misura", ">= 120 ispezioni", "130 ispezioni",
     "Di cui 38 presso distributori e 21 presso la grande distribuzione.", date(2023, 12, 31), "raggiunto"),
    ("Eventi di orientamento presso le scuole superiori", "≥ 10 eventi", "12 eventi",
     "Di cui 4 presso le scuole superiori di Isernia.", date(2023, 12, 31), "raggiunto"),
])
def test_part_outside_what_the_indicator_counts(name, target, value, note, as_of, expected):
    assert _status(target, as_of, {"nome": name, "unita": "N."}, valore=value, nota=note) == expected


# twenty-first pass, part C: the count the name counts, the part picked by the name's participle
@pytest.mark.parametrize(("name", "target", "value", "as_of", "expected"), [
    ("Audizioni delle associazioni di categoria", "≥ 4 incontri/anno", "Svolte quattro audizioni: CNA (10/02), "
     "Coldiretti (03/03), Confartigianato (11/04), Confesercenti (02/05)", date(2023, 6, 30), "raggiunto"),
    ("N. audizioni delle associazioni", "≥ 6 incontri", "2 audizioni", date(2023, 12, 31), "non_raggiunto"),
    # not touched: the count is not what the name counts
    ("Incontri con le associazioni di categoria", "≥ 4 incontri", "4 audizioni", date(2023, 12, 31), "da_valutare"),
])
def test_a_count_of_what_the_name_counts_is_in_the_target_unit(name, target, value, as_of, expected):
    assert _status(target, as_of, {"nome": name}, valore=value) == expected


@pytest.mark.parametrize(("name", "value", "as_of", "expected"), [
    ("N. progetti finanziati o cofinanziati", "Partecipazione a 6 candidature, di cui 1 approvata", date(2023, 6, 30),
     "a_rischio"),
    ("N. progetti finanziati", "Partecipazione a 4 candidature, di cui 2 finanziate", date(2023, 12, 31), "non_raggiunto"),
    # not touched: the name's noun has no participle; the count is the name's noun (a part of the same things)
    ("N. progetti europei presentati", "Partecipazione a 5 candidature, di cui 2 approvate", date(2023, 12, 31),
     "raggiunto"),
    ("N. imprese assistite", "32 imprese, di cui 4 assistite due volte", date(2023, 12, 31), "raggiunto"),
])
def test_the_part_the_name_qualifies_when_the_target_has_no_noun(name, value, as_of, expected):
    assert _status(">= 3 N.", as_of, {"nome": name, "unita": "N."}, valore=value) == expected

# twenty-first pass, part B2: components named by the words that set their operand apart
def test_components_named_by_the_words_that_set_their_operand_apart():
    operands = ["% pratiche evase entro 5 gg dalla CCIAA", "% nazionale pratiche evase entro 5 gg"]
    parts = {"% CCIAA Chieti Pescara": Decimal("78.4"), "% nazionale": Decimal("81.2")}
    assert by_words(operands, parts, operands) == {operands[0]: "% CCIAA Chieti Pescara", operands[1]: "% nazionale"}
    answers = ["N. risposte 'molto soddisfatto'", "N. risposte 'soddisfatto'", "N. risposte totali"]
    given = {"molto soddisfatto": Decimal(212), "soddisfatto": Decimal(141), "risposte totali": Decimal(462)}
    assert by_words(answers[:2], given, answers) == {answers[0]: "molto soddisfatto", answers[1]: "soddisfatto"}


@pytest.mark.parametrize("parts", [
    {"% camerale": Decimal(1), "% regionale": Decimal(2)},  # no label holds an operand's own words
    {"% CCIAA": Decimal(1), "% CCIAA nazionale": Decimal(2)},  # both take the same operand… or neither is alone
])
def test_components_that_do_not_name_their_operand_apart(parts):
    operands = ["% pratiche evase entro 5 gg dalla CCIAA", "% nazionale pratiche evase entro 5 gg"]
    assert by_words(operands, parts, operands) == {}
