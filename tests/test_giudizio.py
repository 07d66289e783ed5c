"""The labelled set (tests/fixtures/giudizio): agreement with a controller's reading, per class and set,
as reported in docs/giudizio.md; both engines give the same results on it."""

from __future__ import annotations

import pytest

from giudizio_helpers import agreement, cases, evaluate_case

# (agreeing, rows) per (class, set): the figures of docs/giudizio.md. «verifica» is the second held-out set,
# labelled before the tool was run on it; its labels are never changed to make the figures agree.
REPORTED = {
    ("note", "sviluppo"): (21, 21), ("note", "verifica"): (8, 11),
    ("andamento", "sviluppo"): (13, 13), ("andamento", "verifica"): (7, 10),
    ("copertura", "sviluppo"): (6, 6), ("copertura", "verifica"): (4, 5),
    ("conteggio", "sviluppo"): (5, 5), ("conteggio", "verifica"): (2, 4),
    ("si_no", "sviluppo"): (5, 5), ("si_no", "verifica"): (4, 4),
    ("calcolo", "sviluppo"): (7, 7), ("calcolo", "verifica"): (5, 7),
    ("proposta", "sviluppo"): (3, 3), ("proposta", "verifica"): (2, 3),
}


@pytest.fixture(scope="module")
def outcomes():
    return [evaluate_case(case) for case in cases()]


def test_agreement_per_class_is_the_reported_one(outcomes):
    assert agreement(outcomes) == REPORTED
    disagreeing = sorted(o.case["fonte"] for o in outcomes if not o.agrees)
    assert disagreeing == sorted([
        "TO kpi4.1.1_09 Borsa merci", "TO kpi12.3_04 Torino Incontra", "CN 14 newsletter PNRR",
        "CN 10 incontri tavolo GAL", "AA21 Kpi_3.2.2 a lavoro agile", "TO piano della formazione al primo trimestre",
        "TO sportelli decentrati", "TO kpi3.1.1-02b nuove procedure", "TO kpi8.2.1_01 rapporti di ricerca",
        "TO kpi11.2.2_05 sportello internazionalizzazione", "TO kpi9.2.1_02 follower", "TO kpi7.1.2_05 post LinkedIn",
    ])
    assert all(o.case["insieme"] == "verifica" for o in outcomes if not o.agrees)


def test_every_status_read_from_a_note_is_a_proposal_with_its_words(outcomes):
    read = [o for o in outcomes if o.result.proposed]
    assert len(read) >= 30
    for outcome in read:
        result = outcome.result
        assert result.reading is not None and result.reading.cues
        assert all(cue.lower() in outcome.case["misura"]["nota"].lower() for cue in result.reading.cues)
        assert any(f.code == "stato_proposto" for f in result.flags)
        if "valore" not in outcome.case["misura"]:
            assert result.achievement is None  # a proposal never enters the degrees until confirmed
    for outcome in outcomes:  # the phase read agrees with the controller's on every development row of the class
        if outcome.case["classe"] == "note" and outcome.case["insieme"] == "sviluppo" and not outcome.case["fonte"].startswith("TO"):
            assert outcome.phase_agrees, outcome.case["fonte"]


def test_both_engines_agree_on_the_labelled_set(outcomes):
    pytest.importorskip("durable")
    for outcome in outcomes:
        durable = evaluate_case(outcome.case, engine="durable").result
        assert durable.model_dump(exclude={"explanation"}) == outcome.result.model_dump(exclude={"explanation"})
        assert durable.explanation.steps == outcome.result.explanation.steps
