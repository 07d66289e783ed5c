"""Targets stating a share (targets.share): what they ask for, and whether the share covers units or is a rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from piao_rules.targets.share import bracketed_base, read_share


@pytest.mark.parametrize(("text", "percent", "units"), [
    ("Numero società analizzate anno n / Numero società partecipate al 31 dicembre anno n-1: 1 N.", 100, True),
    ("Partecipazione alle riunioni (N. partecipazioni / N. convocazioni): 1 N.", 100, False),
    ("N. reclami evasi / N. reclami ricevuti: 1 N.", 100, False),  # the total flows in with what is counted
    ("Numero pagine corrette / 15 (entro 1 mese dal report): 1 N.", 100, True),
    ("% applicativi consultabili in lavoro agile: 100%", 100, True),
    ("% dirigenti/PO formati sul lavoro agile: 80%", 80, True),
    # «N» without a dot, and a ratio named without «N.» (the slash standing apart)
    ("N designazioni aggiornate / N designazioni da aggiornare: >= 100,00 %", 100, True),
    ("Pagine corrette entro 1 mese dal report / pagine segnalate nei report: 1 N.", 100, False),  # reported: it flows
    ("Procedimenti avviati / imprese che hanno perso i requisiti: 1 N.", 100, False),
])
def test_a_share_is_read_with_its_percentage_and_kind(text, percent, units):
    share = read_share(text)
    assert share is not None and share.percent == Decimal(percent) and share.units is units


@pytest.mark.parametrize("text", [
    ">= 90%", "Report trimestrale: 1 N.", "N. uffici / N. sedi: 2 N.", "% uffici coinvolti: 1 N.",
    "Almeno 1 incontro con ciascun ufficio", "Eventi/iniziative realizzati: 1 N.", "Designazioni aggiornate: >= 100 %",
])
def test_no_share_without_a_ratio_and_a_target_of_one_or_a_percentage(text):
    assert read_share(text) is None


def test_the_share_is_computed_with_its_reading_shown():
    from engine_helpers import measures, plan_with, run

    from piao_rules import values

    when = values.parse_date("30/09/2021")
    plan = plan_with({"target": "% dirigenti formati sul lavoro agile: 100%"}, year=2021)
    result = run(plan, measures({"codice": "I1", "valore": 7, "totale": 9}, when="30/09/2021"), when, "interno").indicators[0]
    assert result.status.value == "in_linea"  # 78% of the units, against 75% expected at 30/09 for a share building up
    assert result.explanation.inputs["quota"].startswith("7 su 9 = 77,78%")
    bare = run(plan, measures({"codice": "I1", "valore": 7}, when="30/09/2021"), when, "interno").indicators[0]
    assert bare.status.value == "da_valutare"  # never scored without the total


@pytest.mark.parametrize(("text", "base"), [
    ("Utilizzo ≥ 90% del budget assegnato (€ 250.000)", Decimal(250000)), ("Impiego del 100% dei fondi (40.000 euro)", Decimal(40000)),
    ("100% delle sedi (3)", None), ("Mappatura del 100% dei processi dell'Area", None),
])
def test_the_sum_a_percentage_is_of_is_read_in_brackets(text, base):
    assert bracketed_base(text) == base


def test_a_percentage_target_is_never_compared_with_a_number_or_a_euro_amount():
    from engine_helpers import measures, plan_with, run

    from piao_rules import values
    from piao_rules.targets.parser import parse_target

    assert parse_target("Impiego del 100% delle risorse stanziate (€ 250.000)", 2023).value == 100
    assert parse_target("Mappatura del 100% dei processi dell'Area entro il 30/11/2023", 2023).unit != "%"  # an activity
    when = values.parse_date("30/06/2023")

    def status(target: str, **measure: object) -> str:
        plan = plan_with({"target": target, "unita": "%"}, year=2023)
        return run(plan, measures({"codice": "I1", **measure}, when="30/06/2023"), when, "interno").indicators[0].status.value

    assert status("100% degli uffici individuati", valore=6, totale=6) == "raggiunto"  # 6 su 6, not 6%
    assert status("Utilizzo ≥ 90% del budget assegnato (€ 250.000)", valore=58000) == "a_rischio"  # 23% of the sum
    assert status("Utilizzo ≥ 90% del budget assegnato", valore=58000, nota="Impegnati € 58.000.") == "da_valutare"
    assert status("≥ 90% delle istanze evase", valore="92%", totale=50) == "in_linea"  # already a percentage
