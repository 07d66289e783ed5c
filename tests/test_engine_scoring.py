"""Degree-of-achievement formulas: soglia interpolation, proportional, deadlines, compound, relative."""

from datetime import date
from decimal import Decimal as D

import pytest

from piao_rules.engine import scoring
from piao_rules.io.model import Measure
from piao_rules.targets.parser import parse_target, parse_threshold

PARAMS = {"composti": "minimo", "ritardo": "tutto_o_niente", "penalita_giornaliera": 1, "scostamento_relativo": "percentuale"}


def run(method, target_text, value=None, threshold_text=None, as_of=date(2023, 6, 30), final=False, params=PARAMS, reference=None, **measure):
    target = parse_target(target_text, 2023)
    threshold = parse_threshold(threshold_text, target, 2023) if threshold_text else None
    if value is not None:
        measure["valore"] = value
    m = Measure(codice="X", **measure) if measure else None
    return scoring.score(method, target, threshold, m, as_of=as_of, final=final, plan_reference=reference, params=params)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("95", "75"), ("100", "100"), ("120", "100"), ("80", "0"), ("79,99", "0"), ("80,5", "2.5"), ("60", "0"), ("99,99", "99.95")],
)
def test_linear_between_soglia_and_target(value, expected):
    score = run("lineare_soglia", ">= 100", value, "80")
    assert score.achievement == D(expected)
    assert "80" in score.formula


@pytest.mark.parametrize(("value", "expected"), [("12", "60"), ("10", "100"), ("9", "100"), ("15", "0"), ("16", "0"), ("14", "20")])
def test_linear_mirror_for_lower_is_better(value, expected):
    assert run("lineare_soglia", "<= 10", value, "15").achievement == D(expected)


def test_soglia_on_the_wrong_side_falls_back_to_proportional_and_says_so():
    score = run("lineare_soglia", ">= 100", "90", "120")
    assert score.achievement == D(90)
    assert "lato sbagliato" in score.formula


@pytest.mark.parametrize(
    ("target", "value", "expected"),
    [(">= 10", "4", "40"), (">= 10", "15", "100"), ("<= 20 gg", "22", "90.9"), ("<= 20 gg", "10", "100"), (">= 0", "0", "100")],
)
def test_proportional_is_capped_at_100(target, value, expected):
    assert round(run("proporzionale", target, value).achievement, 1) == D(expected)


def test_strict_operator_needs_more_than_the_target():
    assert run("proporzionale", "> 70%", "70%").achievement < 100
    assert run("proporzionale", "> 70%", "70,1%").achievement == 100


def test_binary_is_all_or_nothing():
    assert run("binario", ">= 10", "9").achievement == 0
    assert run("binario", ">= 10", "10").achievement == 100


def test_deadline_met_late_and_missed():
    on_time = run("scadenza", "entro il 31/05/2023", completato_il="30/05/2023", valore="SI")
    assert on_time.achievement == 100 and on_time.late_days == 0
    late = run("scadenza", "entro il 31/05/2023", completato_il="10/06/2023")
    assert late.achievement == 0 and late.late_days == 10
    missed = run("scadenza", "entro il 31/05/2023", valore="NO")
    assert missed.achievement == 0 and missed.completed is False
    ahead = run("scadenza", "entro il 31/10/2023", avanzamento="40")
    assert ahead.achievement is None


def test_deadline_lateness_policies():
    daily = run("scadenza", "entro il 31/05/2023", completato_il="10/06/2023", params={**PARAMS, "ritardo": "penalita_giornaliera", "penalita_giornaliera": 2})
    assert daily.achievement == 80
    linear = run(
        "scadenza", "entro il 31/05/2023", threshold_text="30/06/2023", completato_il="15/06/2023",
        params={**PARAMS, "ritardo": "lineare_fino_a_soglia"},
    )
    assert linear.achievement == D(100) * 15 / 30


def test_yes_no_and_milestone():
    assert run("si_no", "SI", valore="SI").achievement == 100
    assert run("si_no", "SI", avanzamento="50").achievement is None
    assert run("si_no", "SI", valore="NO", final=True).achievement == 0
    assert run("avanzamento", "Consegna progetto definitivo", avanzamento="60").achievement == 60
    assert run("avanzamento", "Consegna progetto definitivo", valore="SI").achievement == 100


def test_compound_scores_each_component_and_takes_the_minimum_or_the_mean():
    target = "≥ 10 iniziative 500 soggetti"
    score = run("composto", target, componenti={"iniziative": "8", "soggetti": "264"})
    assert [c.achievement for c in score.components] == [D(80), D("52.8")]
    assert score.achievement == D("52.8")
    mean = run("composto", target, componenti={"iniziative": "8", "soggetti": "264"}, params={**PARAMS, "composti": "media"})
    assert mean.achievement == D("66.4")
    partial = run("composto", target, componenti={"iniziative": "8"})
    assert partial.achievement is None and partial.missing_components


@pytest.mark.parametrize(("counts", "achievements"), [
    ({"eventi": "11", "partecipanti": "468"}, [D(100), D("93.6")]),  # a generic event for a generic event, one count left
    ({"seminari": "10", "soggetti": "500"}, [D(100), D(100)]),  # a kind of event for a generic event
    ({"imprese": "11", "partecipanti": "468"}, [None, None]),  # two counts the target does not name
])
def test_a_generic_event_names_a_generic_event_among_the_components(counts, achievements):
    score = run("composto", "≥ 10 iniziative 500 soggetti", componenti=counts)
    assert [c.achievement for c in score.components] == achievements


def test_relative_target_against_its_reference():
    above = run("relativo", "> media triennio precedente", "4,58%", riferimento="3,64")
    assert above.achievement == 100 and above.target_value == D("3.64")
    plus = run("relativo", "+ 25% rispetto alla media nazionale", "4", reference=D(4))
    assert plus.target_value == D(5) and plus.achievement == 80
    points = run("relativo", "+ 25% rispetto alla media nazionale", "4", reference=D(4), params={**PARAMS, "scostamento_relativo": "punti"})
    assert points.target_value == D(29)
    missing = run("relativo", "> media triennio precedente", "4,58%")
    assert missing.reference_missing and missing.achievement is None
