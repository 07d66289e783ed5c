"""Each target kind × each status, at mid-year and at year end, with the flags that follow."""

from datetime import date
from pathlib import Path

import pytest

from piao_rules.engine.result import Status
from tests.engine_helpers import one

MID = date(2023, 6, 30)
END = date(2023, 12, 31)


def flags(result):
    return {f.code for f in result.flags}


@pytest.mark.parametrize(
    ("target", "indicator", "measure", "as_of", "status"),
    [
        # comparisons, point in time
        ("≥ 70%", {}, {"valore": "80%"}, MID, Status.ON_TRACK),  # at the date: confirmed at year end (ST12P)
        ("≥ 70%", {}, {"valore": "80%"}, END, Status.REACHED),
        ("≥ 70%", {}, {"valore": "60%"}, MID, Status.AT_RISK),
        ("≥ 70%", {}, {"valore": "60%"}, END, Status.MISSED),
        ("<= 20 gg", {}, {"valore": "22"}, MID, Status.AT_RISK),
        ("<= 20 gg", {}, {"valore": "18"}, END, Status.REACHED),
        # cumulative counts against the pro-rata share (50% at 30/06)
        ("≥ 10", {"andamento": "cumulativo"}, {"valore": "5"}, MID, Status.ON_TRACK),
        ("≥ 10", {"andamento": "cumulativo"}, {"valore": "3"}, MID, Status.AT_RISK),
        ("≥ 10", {"andamento": "cumulativo"}, {"valore": "10"}, MID, Status.REACHED),
        ("≥ 10", {"andamento": "cumulativo"}, {"valore": "9"}, END, Status.MISSED),
        ("4 report/anno", {}, {"valore": "2"}, MID, Status.ON_TRACK),
        # year-end only
        ("≥ 45%", {"andamento": "solo_consuntivo"}, {}, MID, Status.NOT_MEASURABLE),
        ("≥ 45%", {"andamento": "solo_consuntivo"}, {"valore": "50%"}, END, Status.REACHED),
        # deadlines
        ("entro il 31/10/2023", {}, {"avanzamento": "60"}, MID, Status.ON_TRACK),
        ("entro il 31/10/2023", {}, {"avanzamento": "10"}, MID, Status.AT_RISK),
        ("entro il 31/05/2023", {}, {"valore": "SI", "completato_il": "20/05/2023"}, MID, Status.REACHED),
        ("entro il 31/05/2023", {}, {"valore": "SI", "completato_il": "20/06/2023"}, MID, Status.MISSED),
        ("entro il 31/05/2023", {}, {"valore": "NO"}, MID, Status.MISSED),
        ("entro il 31/10/2023", {}, {"valore": "NO"}, MID, Status.ON_TRACK),
        # SI/NO
        ("SI", {}, {"valore": "SI"}, MID, Status.REACHED),
        ("SI", {}, {"avanzamento": "50"}, MID, Status.ON_TRACK),
        ("SI", {}, {"valore": "NO"}, END, Status.MISSED),
        # milestones by progress, or by a person's judgement
        ("Consegna progetto definitivo", {}, {"avanzamento": "60"}, MID, Status.ON_TRACK),
        ("Consegna progetto definitivo", {}, {"avanzamento": "20"}, MID, Status.AT_RISK),
        ("Consegna progetto definitivo", {}, {"avanzamento": "80"}, END, Status.MISSED),
        # a note without a measure proposes a status (rules ST08A–F); without cues it stays to assess
        ("Consegna progetto definitivo", {}, {"nota": "Affidatario individuato."}, MID, Status.ON_TRACK),
        ("Consegna progetto definitivo", {}, {"nota": "Se ne occupa l'ufficio."}, MID, Status.TO_ASSESS),
        ("Consegna progetto definitivo", {}, {"giudizio": "in linea"}, MID, Status.ON_TRACK),
        # compound
        ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "8", "soggetti": "264"}}, MID, Status.ON_TRACK),
        ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "12", "soggetti": "600"}}, MID, Status.REACHED),
        ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "2", "soggetti": "100"}}, MID, Status.AT_RISK),
        ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "8"}}, MID, Status.NOT_MEASURABLE),
        # relative
        ("> media triennio precedente", {}, {"valore": "4,58%", "riferimento": "3,64"}, MID, Status.ON_TRACK),
        ("> media triennio precedente", {}, {"valore": "4,58%", "riferimento": "3,64"}, END, Status.REACHED),
        ("> media triennio precedente", {}, {"valore": "3%", "riferimento": "3,64"}, MID, Status.AT_RISK),
        ("> media triennio precedente", {"riferimento": {"valore": "3,64"}}, {"valore": "3%"}, END, Status.MISSED),
        ("> media triennio precedente", {}, {"valore": "4,58%"}, MID, Status.NOT_MEASURABLE),
        # qualitative
        ("Nei termini di legge", {}, {"nota": "Rispettati."}, MID, Status.TO_ASSESS),
        ("Nei termini di legge", {}, {"giudizio": "raggiunto"}, MID, Status.REACHED),
        # missing data is never zero
        ("≥ 70%", {}, {}, MID, Status.NOT_MEASURABLE),
    ],
)
def test_status(target, indicator, measure, as_of, status):
    result = one(target, as_of, indicator=indicator, **measure)
    assert result.status is status, result.explanation.text()


def test_missing_measure_is_not_measurable_with_a_flag_and_no_degree():
    result = one("≥ 70%")
    assert result.status is Status.NOT_MEASURABLE
    assert result.achievement is None
    assert "dato_mancante" in flags(result)


def test_year_end_only_is_not_flagged_as_missing_at_mid_year():
    assert flags(one("≥ 45%", indicator={"andamento": "solo_consuntivo"})) == set()
    assert "dato_mancante" in flags(one("≥ 45%", END, indicator={"andamento": "solo_consuntivo"}))


def test_at_risk_and_missed_ask_for_corrective_action():
    at_risk = one("≥ 70%", valore="60%")
    assert "azione_correttiva" in flags(at_risk)
    assert next(f for f in at_risk.flags if f.code == "azione_correttiva").severity.value == "media"
    missed = one("≥ 70%", END, valore="60%")
    assert next(f for f in missed.flags if f.code == "azione_correttiva").severity.value == "alta"


def test_revision_proposed_with_and_without_reason():
    proposed = one("≥ 400", valore="64", proposta_target="≥ 120", motivazione="Programmi arrivati a luglio.")
    flag = next(f for f in proposed.flags if f.code == "rimodulazione_target")
    assert flag.severity.value == "media" and "≥ 120" in flag.reason and "luglio" in flag.reason
    bare = one("≥ 400", valore="64", proposta_target="≥ 120")
    assert next(f for f in bare.flags if f.code == "rimodulazione_target").severity.value == "alta"


def test_unreachable_pace_proposes_a_revision():
    result = one("≥ 400", indicator={"andamento": "cumulativo"}, valore="64")
    assert result.projection < 50
    assert "rimodulazione_target" in flags(result)


def test_deadline_close_and_not_done_is_imminent():
    result = one("entro il 20/07/2023", avanzamento="90")
    flag = next(f for f in result.flags if f.code == "scadenza_imminente")
    assert "20/07/2023" in flag.reason and "20 giorni" in flag.reason


def test_measure_of_the_wrong_kind_is_incoherent():
    result = one("Adozione delle procedure adeguate entro il 30/06/2023", valore="21")
    assert result.status is Status.TO_ASSESS
    assert "incoerenza" in flags(result)


def test_percentage_written_as_ratio_is_flagged():
    assert "incoerenza" in flags(one("≥ 70%", valore="0,8"))


def test_flag_ids_are_stable():
    first = one("≥ 70%", valore="60%")
    again = one("≥ 70%", valore="65%")
    assert [f.id for f in first.flags] == [f.id for f in again.flags] == ["I1/azione_correttiva"]


def test_explanation_names_rules_inputs_and_formula():
    result = one(">= 100", indicator={"soglia": "80", "andamento": "puntuale"}, valore="95")
    assert result.achievement == 75
    text = result.explanation.text()
    assert "PU08" in text and "ST16" in text and "(95 − 80) / (100 − 80)" in text
    assert result.explanation.inputs["soglia"] == "80"


def test_intermediate_target_sets_the_expected_value():
    result = one("≥ 10", indicator={"andamento": "cumulativo", "target_intermedi": [{"data": "30/06/2023", "target": "≥ 8"}]}, valore="6")
    assert result.expected == 80
    assert result.status is Status.AT_RISK


def test_a_measure_that_does_not_fit_is_not_scored():
    result = one("Adozione delle procedure adeguate entro il 30/06/2023", valore="21")
    assert result.achievement is None
    assert "non pertinente" in result.explanation.formula


def test_a_point_in_time_value_at_target_before_year_end_is_on_track_unless_the_plan_drops_st12p(tmp_path):
    """docs/regole.md: ST12P as documented is the rule of stato.yaml; a plan that says «raggiunto» drops it."""
    import re

    from piao_rules.engine.rulebook import load_rulebook
    from piao_rules.resources import default_rules_dir
    from tests.engine_helpers import measures, plan_with, run

    snippet = re.search(r"```yaml\n(  - id: ST12P\n.*?)```", (Path(__file__).parents[1] / "docs" / "regole.md")
                        .read_text(encoding="utf-8"), re.S).group(1)
    text = (default_rules_dir() / "stato.yaml").read_text(encoding="utf-8")
    assert snippet in text
    (tmp_path / "stato.yaml").write_text(text.replace(snippet, ""), encoding="utf-8")
    plan = plan_with({"target": "≥ 90%"}, {"target": "≥ 300"})
    values = measures({"codice": "I1", "valore": "93,75%"}, {"codice": "I2", "valore": "450"})
    share, count = run(plan, values).indicators
    assert (share.status, share.achievement, count.status) == (Status.ON_TRACK, 100, Status.REACHED)
    assert share.explanation.steps[-1].rule == "ST12P"
    assert run(plan, values, date(2023, 12, 31)).indicators[0].status is Status.REACHED
    assert run(plan, values, rulebook=load_rulebook(tmp_path)).indicators[0].status is Status.REACHED
