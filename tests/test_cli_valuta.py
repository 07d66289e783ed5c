"""`piao-rules valuta` and `piao-rules regole` on the examples."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from piao_rules.cli import main
from piao_rules.engine.durable_host import AVAILABLE

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CUNEO = [str(EXAMPLES / "cuneo/piano.yaml"), str(EXAMPLES / "cuneo/misure-2023-06-30.csv")]


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_json_result_is_documented_and_complete():
    result = invoke("valuta", *CUNEO, "--al", "30/06/2023", "--json", "--motore", "interno")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"indicators", "objectives", "areas", "offices", "summary", "as_of", "engine", "rules"} <= set(data)
    first = data["indicators"][1]
    assert {"code", "status", "achievement", "expected", "pace", "flags", "explanation"} <= set(first)
    # a point-in-time share above its target at 30/06: in line, confirmed at year end (ST12P)
    assert (first["code"], first["status"], first["achievement"]) == ("O01-2", "in_linea", 100)
    assert first["explanation"]["inputs"]["valore"] == "80%"
    assert data["summary"]["indicators"] == 71 and data["summary"]["objectives"] == 53
    assert data["engine"] == "interno" and data["as_of"] == "2023-06-30"


def test_date_defaults_to_the_measures_file():
    result = invoke("valuta", *CUNEO, "--json", "--motore", "interno")
    assert json.loads(result.stdout)["as_of"] == "2023-06-30"


def test_table_output_in_italian():
    result = invoke("valuta", *CUNEO, "--motore", "interno")
    assert result.exit_code == 0
    assert "indicatori al 30 giugno 2023" in result.output
    assert "raggiunto" in result.output and "a rischio" in result.output
    assert "Ente: grado di raggiungimento" in result.output


def test_strict_mode_exits_1_when_flags_need_attention():
    assert invoke("valuta", *CUNEO, "--motore", "interno", "--rigoroso").exit_code == 1


@pytest.mark.skipif(not AVAILABLE, reason="durable-rules non installato")
def test_default_engine_is_durable_and_agrees_with_the_builtin_one():
    durable = json.loads(invoke("valuta", *CUNEO, "--json").stdout)
    builtin = json.loads(invoke("valuta", *CUNEO, "--json", "--motore", "interno").stdout)
    assert durable.pop("engine") == "durable" and builtin.pop("engine") == "interno"
    assert durable == builtin


@pytest.mark.skipif(not AVAILABLE, reason="durable-rules non installato")
@pytest.mark.parametrize("when", ["30/06/2022", "31/12/2022"])
def test_torino_evaluates_identically_on_both_engines(when):
    files = [str(EXAMPLES / "torino/piano.xlsx"), str(EXAMPLES / f"torino/misure-{when[6:]}-{when[3:5]}-{when[:2]}.csv")]
    durable = json.loads(invoke("valuta", *files, "--json", "--motore", "durable").stdout)
    builtin = json.loads(invoke("valuta", *files, "--json", "--motore", "interno").stdout)
    durable.pop("engine"), builtin.pop("engine")
    assert durable == builtin
    assert durable["summary"]["indicators"] == 185


def test_missing_measures_file_is_an_italian_error():
    result = invoke("valuta", CUNEO[0], "non-esiste.csv")
    assert result.exit_code == 2
    assert "non-esiste.csv" in result.output and "Traceback" not in result.output


def test_plan_rules_folder_overrides_the_defaults(tmp_path):
    shutil.copy(CUNEO[0], tmp_path / "piano.yaml")
    (tmp_path / "regole").mkdir()
    stato = (Path(__file__).resolve().parents[1] / "rules/stato.yaml").read_text(encoding="utf-8")
    (tmp_path / "regole/stato.yaml").write_text(stato.replace("soglia_a_rischio: 80", "soglia_a_rischio: 95"), encoding="utf-8")
    plan = (tmp_path / "piano.yaml").read_text(encoding="utf-8").replace("anno: 2023\n", "anno: 2023\nregole: regole\n", 1)
    (tmp_path / "piano.yaml").write_text(plan, encoding="utf-8")
    default = json.loads(invoke("valuta", *CUNEO, "--json", "--motore", "interno").stdout)
    stricter = json.loads(invoke("valuta", str(tmp_path / "piano.yaml"), CUNEO[1], "--json", "--motore", "interno").stdout)
    status = {i["code"]: i["status"] for i in default["indicators"]}
    strict = {i["code"]: i["status"] for i in stricter["indicators"]}
    assert status["O02-1"] == "in_linea" and strict["O02-1"] == "a_rischio"  # 4 of 10 at mid-year: 80% of the pace
    assert stricter["rules"]["stato"].endswith("regole/stato.yaml")
    assert stricter["rules"]["segnalazioni"] != stricter["rules"]["stato"]


def test_regole_lists_rules_in_italian():
    result = invoke("regole")
    assert result.exit_code == 0
    assert "STATO DEGLI INDICATORI" in result.output
    assert "[ST12] Target raggiunto: se grado di raggiungimento: almeno 100% → stato: raggiunto" in result.output
    fields = invoke("regole", "--campi").output
    assert "grado: grado di raggiungimento — percentuale" in fields


def test_broken_rules_file_is_reported_with_file_and_rule(tmp_path):
    (tmp_path / "stato.yaml").write_text(
        "descrizione: prova\nmodo: prima_regola\nregole:\n  - id: X1\n    nome: Sbagliata\n    se: {gradoo: 3}\n    allora: {stato: raggiunto}\n",
        encoding="utf-8",
    )
    result = invoke("regole", "--regole", str(tmp_path))
    assert result.exit_code == 2
    assert "stato.yaml:regola X1/se: campo «gradoo» sconosciuto" in result.output
