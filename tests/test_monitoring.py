"""The library API gives what the commands give, loads the rules once and reports bad input in Italian."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner
from roundtrip_helpers import CUNEO

import piao_rules
from piao_rules.cli import main
from piao_rules.errors import InputError
from piao_rules.io import load_measures, load_plan
from piao_rules.monitoring import Monitoring, monitor
from piao_rules.review import Outcome
from piao_rules.review.journal import Decision, Journal

PLAN, MEASURES = CUNEO / "piano.yaml", CUNEO / "misure-2023-06-30.csv"


@pytest.fixture(scope="module")
def cuneo() -> Monitoring:
    return monitor(PLAN, MEASURES)


def test_documents_are_byte_identical_to_the_commands(cuneo, tmp_path):
    annex, deliberation = tmp_path / "allegato.docx", tmp_path / "delibera.docx"
    runner = CliRunner()
    done = runner.invoke(main, ["allegato", str(PLAN), str(MEASURES), "-o", str(annex), "--ente", str(CUNEO / "ente.yaml"),
                                "--delibera-n", "107", "--delibera-data", "31/07/2023"])
    assert done.exit_code == 0, done.output
    done = runner.invoke(main, ["delibera", str(PLAN), str(MEASURES), "-o", str(deliberation), "--ente", str(CUNEO / "ente.yaml"),
                                "--numero", "107", "--seduta", "31/07/2023"])
    assert done.exit_code == 0, done.output
    assert cuneo.annex_bytes(act_number="107", act_date=date(2023, 7, 31), ente=CUNEO / "ente.yaml") == annex.read_bytes()
    written = cuneo.deliberation(tmp_path / "api.docx", ente=CUNEO / "ente.yaml", number="107", sitting=date(2023, 7, 31))
    assert written.read_bytes() == deliberation.read_bytes()


def test_models_and_a_reused_rulebook_give_the_same_evaluation(cuneo):
    plan, measures = load_plan(PLAN)[0], load_measures(MEASURES)[0]
    again = monitor(plan, measures, date(2023, 6, 30), rules=cuneo.rulebook, base_dir=CUNEO)
    assert again.rulebook is cuneo.rulebook
    assert again.evaluation.model_dump() == cuneo.evaluation.model_dump()
    assert cuneo.evaluation.as_of == date(2023, 6, 30) and cuneo.narratives.summary.startswith("Il monitoraggio al 30 giugno 2023")


def test_a_decision_replaces_the_proposed_action(cuneo):
    flag = next(f for f in cuneo.evaluation.flags if f.code == "azione_correttiva")
    decision = Decision(id=flag.id, esito=Outcome.CORRECTIVE, nota="Campagna di sollecito ai ritardatari", chi="Segretario",
                        quando="2023-07-10T10:00:00+02:00", al=date(2023, 6, 30), anno=2023, segnalazione=flag.code,
                        oggetto=flag.subject, gravita=flag.severity.value, motivo=flag.reason)
    decided = monitor(cuneo.plan, cuneo.measures, rules=cuneo.rulebook, decisions=Journal(PLAN, [decision]), base_dir=CUNEO)
    assert decided.decisions[flag.id].startswith("Azione correttiva: Campagna di sollecito ai ritardatari (Segretario, 10/07/2023)")
    objective = next(i.objective for i in decided.evaluation.indicators if any(f.id == flag.id for f in i.flags))
    assert "campagna di sollecito ai ritardatari" in decided.narratives.objectives[objective].lower()
    assert "campagna di sollecito" not in cuneo.narratives.objectives[objective].lower()


def test_bad_files_raise_every_problem_in_italian(tmp_path):
    broken = tmp_path / "misure.csv"
    broken.write_text("codice;data;valore\nO01-2;30/06/2023;tanti\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        monitor(tmp_path / "manca.yaml", broken)
    messages = " ".join(str(p) for p in raised.value.problems)
    assert "manca.yaml" in messages and "tanti" in messages


def test_the_package_attribute_is_imported_on_first_use():
    assert piao_rules.monitor is monitor
    code = "import sys, piao_rules; assert 'piao_rules.monitoring' not in sys.modules; piao_rules.monitor; " \
           "assert 'piao_rules.monitoring' in sys.modules and 'piao_rules.documents.annex' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(AttributeError):
        piao_rules.nothing_here  # noqa: B018
