"""The labelled set (tests/fixtures/giudizio): agreement with a controller's reading, per class and set,
as reported in docs/giudizio.md; both engines give the same results on it."""

from __future__ import annotations

import pytest

from giudizio_helpers import agreement, cases, evaluate_case

# (agreeing, rows) per (class, set): the figures of docs/giudizio.md
REPORTED = {
    ("note", "sviluppo"): (11, 11), ("note", "verifica"): (6, 8),
    ("andamento", "sviluppo"): (7, 8), ("andamento", "verifica"): (4, 5),
    ("copertura", "sviluppo"): (4, 4), ("copertura", "verifica"): (2, 2),
    ("conteggio", "sviluppo"): (2, 2), ("conteggio", "verifica"): (3, 3),
    ("si_no", "verifica"): (5, 5),
    ("calcolo", "sviluppo"): (1, 1), ("calcolo", "verifica"): (5, 6),
    ("proposta", "sviluppo"): (2, 2), ("proposta", "verifica"): (1, 1),
}


@pytest.fixture(scope="module")
def outcomes():
    return [evaluate_case(case) for case in cases()]


def test_agreement_per_class_is_the_reported_one(outcomes):
    assert agreement(outcomes) == REPORTED
    disagreeing = sorted(o.case["fonte"] for o in outcomes if not o.agrees)
    assert disagreeing == sorted([
        "TO regolamento (inventato)", "TO migrazione piattaforma (inventato)", "CN 27 eventi ICC",
        "TO progetto (inventato)", "TO kpi4.1.1_07 fasi CRM",
    ])


def test_every_status_read_from_a_note_is_a_proposal_with_its_words(outcomes):
    for outcome in outcomes:
        if outcome.case["classe"] != "note":
            continue
        result = outcome.result
        assert outcome.phase_agrees or outcome.case["fonte"].startswith("TO"), outcome.case["fonte"]
        assert result.reading is not None and result.reading.cues
        assert all(cue.lower() in outcome.case["misura"]["nota"].lower() for cue in result.reading.cues)
        assert result.proposed and any(f.code == "stato_proposto" for f in result.flags)
        assert result.achievement is None  # a proposal never enters the degrees until confirmed


def test_both_engines_agree_on_the_labelled_set(outcomes):
    pytest.importorskip("durable")
    for outcome in outcomes:
        durable = evaluate_case(outcome.case, engine="durable").result
        assert durable.model_dump(exclude={"explanation"}) == outcome.result.model_dump(exclude={"explanation"})
        assert durable.explanation.steps == outcome.result.explanation.steps
