"""Decisions of people applied by the engine: Giunta rectifications and proposed statuses confirmed or corrected."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner
from engine_helpers import measures, plan_with, run
from roundtrip_helpers import CUNEO, JUNE

from piao_rules.cli import main
from piao_rules.cli.common import evaluate_files
from piao_rules.engine.result import Adjustment, Effect, Status
from piao_rules.narrative import narrate
from piao_rules.review.journal import read_journal

MID = date(2023, 6, 30)


@pytest.fixture
def work(tmp_path):
    shutil.copy(CUNEO / "piano.yaml", tmp_path)
    shutil.copy(CUNEO / "misure-2023-06-30.csv", tmp_path)
    return tmp_path


def cli(work, *args, ok=True):
    result = CliRunner().invoke(main, [str(a).format(d=work) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


PLAN, MEASURES = "{d}/piano.yaml", "{d}/misure-2023-06-30.csv"


def test_a_neutralised_indicator_leaves_the_degrees_and_its_flags():
    plan = plan_with({"target": "≥ 10", "peso": 50}, {"target": "≥ 10", "peso": 50})
    data = measures({"codice": "I1", "valore": "10"}, {"codice": "I2", "valore": "1"})
    before = run(plan, data, MID)
    assert before.summary.achievement == Decimal(55) and before.indicators[1].flags  # (100 + 10) / 2
    neutral = Adjustment(code="I2", effect=Effect.NEUTRALISED, reason="Causa esterna riconosciuta",
                         approved_by="delibera n. 5 del 10/07/2023", who="Giunta")
    after = run(plan, data, MID, adjustments=[neutral])
    second = after.indicators[1]
    assert after.summary.achievement == Decimal(100) and "I2" in after.objectives[0].excluded
    assert second.status is Status.NOT_MEASURABLE and second.achievement is None and not second.flags
    assert second.adjustment.before_status is Status.AT_RISK and second.adjustment.before_achievement == Decimal(10)
    assert second.explanation.steps[-1].table == "rettifiche"
    text = narrate(after).indicators["I2"]
    assert "neutralizzato" in text and "delibera n. 5 del 10/07/2023" in text and "«Causa esterna riconosciuta»" in text


def test_a_forced_degree_counts_and_the_narrative_keeps_the_figures_of_the_data():
    plan = plan_with({"target": "≥ 10"})
    forced = Adjustment(code="I1", effect=Effect.DEGREE, achievement=Decimal(100), status=Status.REACHED,
                        reason="Obiettivo superato nei fatti", approved_by="delibera n. 9", who="Giunta")
    result = run(plan, measures({"codice": "I1", "valore": "2"}), MID, adjustments=[forced])
    assert result.summary.achievement == Decimal(100) and result.indicators[0].status is Status.REACHED
    text = narrate(result).indicators["I1"]
    assert "a rischio" in text and "fissato al 100%" in text


def test_adjustments_for_unknown_codes_are_warned():
    ghost = Adjustment(code="X9", effect=Effect.NEUTRALISED, reason="r", approved_by="a", who="w")
    result = run(plan_with({"target": "≥ 10"}), measures({"codice": "I1", "valore": "2"}), MID, adjustments=[ghost])
    assert any("X9" in w.message for w in result.warnings)


def test_rettifica_is_recorded_and_applied_everywhere(work):
    cli(work, "rettifica", PLAN, MEASURES, "O24.1-1", "--effetto", "neutralizzazione", "--motivo",
        "Programmi nazionali trasmessi solo a luglio", "--approvata-con", "delibera n. 107 del 31/07/2023", "--chi", "CdG")
    entry = read_journal(work / "decisioni-2023.jsonl").rectifications[0]
    assert (entry.code, entry.effect, entry.approved_by) == ("O24.1-1", "neutralizzazione", "delibera n. 107 del 31/07/2023")
    evaluation, _, _ = evaluate_files(work / "piano.yaml", work / "misure-2023-06-30.csv", JUNE)
    indicator = evaluation.indicator("O24.1-1")
    assert indicator.adjustment.effect is Effect.NEUTRALISED and not indicator.flags
    shown = cli(work, "valuta", PLAN, MEASURES).output
    assert "neutralizzato" in shown
    data = json.loads(cli(work, "valuta", PLAN, MEASURES, "--json").output)
    assert next(i for i in data["indicators"] if i["code"] == "O24.1-1")["adjustment"]["effect"] == "neutralizzazione"


@pytest.mark.parametrize(("args", "message"), [
    (["--effetto", "stato"], "indicare lo stato imposto"),
    (["--effetto", "grado", "--grado", "120"], "grado «120» non valido"),
    (["--effetto", "stato", "--stato", "benissimo"], "stato «benissimo» sconosciuto"),
    (["--effetto", "neutralizzazione", "--stato", "in linea"], "non indicare --stato"),
])
def test_rettifica_refuses_what_it_cannot_apply(work, args, message):
    result = cli(work, "rettifica", PLAN, MEASURES, "O24.1-1", *args, "--motivo", "m", "--approvata-con", "d", ok=False)
    assert result.exit_code == 2 and message in result.output
    assert not (work / "decisioni-2023.jsonl").exists()
    unknown = cli(work, "rettifica", PLAN, MEASURES, "Z1", "--effetto", "neutralizzazione", "--motivo", "m",
                  "--approvata-con", "d", ok=False)
    assert unknown.exit_code == 2 and "«Z1» non è nel piano" in unknown.output


def test_a_proposed_status_is_confirmed_or_corrected_with_decidi(work):
    first, _, _ = evaluate_files(work / "piano.yaml", work / "misure-2023-06-30.csv", JUNE)
    assert first.indicator("O09.2-1").proposed and first.indicator("O18.2-1").proposed
    cli(work, "decidi", PLAN, MEASURES, "O09.2-1/stato_proposto", "--esito", "accolta", "--nota", "confermato", "--chi", "CdG")
    cli(work, "decidi", PLAN, MEASURES, "O18.2-1/stato_proposto", "--esito", "respinta", "--stato", "a rischio",
        "--nota", "sperimentazione ferma", "--chi", "CdG")
    wrong = cli(work, "decidi", PLAN, MEASURES, "O27.1-1/azione_correttiva", "--esito", "respinta", "--stato", "in linea",
                "--nota", "x", "--chi", "CdG", ok=False)
    assert wrong.exit_code == 2 and "solo con esito «respinta» su una segnalazione stato_proposto" in wrong.output
    after, _, _ = evaluate_files(work / "piano.yaml", work / "misure-2023-06-30.csv", JUNE)
    confirmed, corrected = after.indicator("O09.2-1"), after.indicator("O18.2-1")
    assert confirmed.status is Status.ON_TRACK and not confirmed.proposed and confirmed.adjustment.effect is Effect.CONFIRMED
    assert corrected.status is Status.AT_RISK and corrected.adjustment.effect is Effect.REJECTED
    assert any(f.code == "azione_correttiva" for f in corrected.flags)
    assert "respinto da CdG" in narrate(after).indicators["O18.2-1"]
