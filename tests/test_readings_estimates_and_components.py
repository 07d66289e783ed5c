"""Readings added in the twenty-third pass, part B2: estimates with their unit, «h», components named by their year, one
thing in the calendar, the office's estimate for the last quarter, rates over what flows in."""

from __future__ import annotations

from decimal import Decimal

import pytest
from giudizio_helpers import evaluate_case

from piao_rules.engine.notes import estimated_calendar, scheduled_count
from piao_rules.engine.result import Status
from piao_rules.io.written import is_estimate
from piao_rules.targets import units
from piao_rules.targets.formula import by_year, flows, read_formula


@pytest.mark.parametrize(("cell", "estimate"), [("4,4 gg ca.", True), ("88% circa", True), ("ca. 120", True),
                                                ("4,4 gg", False), ("tempo medio 19 gg", False)])
def test_an_estimate_may_carry_its_unit_before_the_hedge(cell, estimate):
    assert is_estimate(cell) is estimate


def test_h_is_hours():
    assert units.canonical("h") == "ore"
    assert units.canonical("62 h") is None


def test_a_spaced_dash_is_a_minus():
    formula = read_formula("(Utenti anno N – Utenti anno N-1) / Utenti anno N-1 x 100")
    assert formula is not None and formula.operands == ["Utenti anno N", "Utenti anno N-1", "Utenti anno N-1"]


def test_components_named_by_their_year_pair_with_anno_n():
    operands = ["Utenti anno N", "Utenti anno N-1"]
    parts = {"Utenti 2023": Decimal(1848), "Utenti 2022": Decimal(2010)}
    assert by_year(operands, parts, 2023) == {"Utenti anno N": "Utenti 2023", "Utenti anno N-1": "Utenti 2022"}
    assert by_year(operands, parts, 2025) == {}  # years that are not the plan's
    tagged = {"Risme anno N-1 (2024)": Decimal(840), "Risme anno N (2025)": Decimal(722)}
    assert by_year(["Risme anno N", "Risme anno N-1"], tagged, 2025) == {"Risme anno N": "Risme anno N (2025)",
                                                                       "Risme anno N-1": "Risme anno N-1 (2024)"}
    assert by_year(["Pratiche evase"], parts, 2023) == {}  # no year in the operand


@pytest.mark.parametrize(("note", "count"), [
    ("A ottobre è previsto un webinar con ICE; altre date non ancora fissate.", Decimal(1)),
    ("È fissata una sessione a novembre.", Decimal(1)),
    ("Nel quarto trimestre potremo garantire circa 50 verifiche.", Decimal(50)),
    ("Un webinar si è tenuto a marzo.", None),
])
def test_one_thing_in_the_calendar_and_the_estimate_of_the_last_quarter(note, count):
    assert scheduled_count(note, None) == count


def test_the_last_quarter_estimate_is_an_estimate():
    assert estimated_calendar("Nel quarto trimestre potremo garantire circa 50 verifiche.")


def test_questionnaires_filled_in_flow():
    assert flows("N. questionari compilati") and flows("N. risposte")
    assert not flows("N. comuni della provincia")


def _status(indicator: dict, measure: dict, when: str) -> Status:
    case = {"indicatore": indicator, "misura": measure, "al": when, "classe": "calcolo", "insieme": "sviluppo",
            "fonte": "prova", "controllore": {"stato": "in_linea"}}
    outcome = evaluate_case(case)
    assert outcome.result is not None
    return outcome.result.status


def test_a_share_of_positive_answers_is_a_rate_at_the_date():
    indicator = {"nome": "Soddisfazione", "target": "≥ 80% giudizi positivi", "unita": "%",
                 "algoritmo": "N. giudizi positivi / N. questionari compilati * 100"}
    measure = {"valore": "312 su 365", "componenti": {"giudizi positivi": "312", "questionari compilati": "365"}}
    assert _status(indicator, measure, "30/06/2025") is Status.ON_TRACK


def test_a_count_behind_pace_with_one_more_in_the_calendar_is_at_risk():
    indicator = {"nome": "N. seminari", "target": ">= 12 N.", "unita": "N."}
    measure = {"valore": "6", "nota": "A ottobre è previsto un webinar; altre date non ancora fissate."}
    assert _status(indicator, measure, "30/09/2025") is Status.AT_RISK
