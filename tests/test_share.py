"""Targets stating a share (targets.share): what they ask for, and whether the share covers units or is a rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from piao_rules.targets.share import read_share


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
