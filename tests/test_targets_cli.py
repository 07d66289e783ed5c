"""``piao-rules target``: the reading in Italian words or JSON, and exit 2 on an impossible date."""

import json

import pytest
from click.testing import CliRunner

from piao_rules.cli import main


def run(*args):
    return CliRunner().invoke(main, ["target", *args])


def test_json_has_the_documented_keys_and_plain_values():
    result = run("≥ 70%", "--json")
    assert result.exit_code == 0, result.output
    reading = json.loads(result.stdout)
    keys = {"kind", "operator", "value", "unit", "deadline", "boolean", "components", "reference", "warnings"}
    assert keys <= set(reading)
    assert (reading["kind"], reading["operator"], reading["value"], reading["unit"]) == ("comparison", ">=", 70, "%")
    assert reading["canonical"] == "≥ 70%"


def test_json_deadline_is_iso_and_uses_the_plan_year():
    reading = json.loads(run("31 ottobre", "--anno", "2023", "--json").stdout)
    assert (reading["kind"], reading["deadline"]) == ("deadline", "2023-10-31")


def test_json_compound_and_relative():
    compound = json.loads(run("≥ 10 iniziative 500 soggetti", "--json").stdout)
    assert [(c["label"], c["operator"], c["value"]) for c in compound["components"]] == [
        ("iniziative", ">=", 10), ("soggetti", ">=", 500),
    ]
    assert compound["warnings"]
    relative = json.loads(run("+ 25% rispetto alla media nazionale", "--json").stdout)
    assert relative["reference"] == {
        "basis": "media_nazionale", "text": "media nazionale", "year": None, "delta": 25, "delta_unit": "%",
        "value": None,
    }


def test_soglia_is_read_against_the_target():
    reading = json.loads(run(">= 15,00 %", "--soglia", "SOGLIA 5", "--json").stdout)
    assert (reading["threshold"]["operator"], reading["threshold"]["value"], reading["threshold"]["unit"]) == (">=", 5, "%")


def test_readable_output_is_italian():
    result = run("≥ 70%")
    assert result.exit_code == 0
    assert "Confronto: almeno 70 (%)" in result.stdout
    assert "forma canonica: ≥ 70%" in result.stdout


def test_readable_output_shows_warnings_and_soglia():
    result = run("250 (Facebook) ≥ 250 (Linkedin)", "--soglia", "SOGLIA 100")
    assert "avviso: manca l'operatore" in result.stdout
    assert "Soglia — " in result.stdout


@pytest.mark.parametrize(("args", "message"), [(["entro il 30/16/2023"], "il mese 16 non esiste"),
                                               (["≥ 70%", "--soglia", "SOGLIA 31.2.2020"], "il giorno 31 non esiste")])
def test_impossible_date_exits_2_with_an_italian_message(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert "data impossibile" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


def test_help_is_italian():
    result = run("--aiuto")
    assert result.exit_code == 0
    assert "Mostra come viene letto il target" in result.stdout and "--soglia" in result.stdout
