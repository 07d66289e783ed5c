"""The README's example is complete and does what the README says."""

import re
from datetime import date
from pathlib import Path

from piao_rules.engine.evaluate import evaluate
from piao_rules.io import load_measures, load_plan

README = Path(__file__).resolve().parents[1] / "README.md"


def blocks():
    return re.findall(r"```(yaml|csv|sh)\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_starts_with_the_two_setup_commands():
    kind, text = blocks()[0]
    commands = [line.split("#")[0].strip() for line in text.splitlines() if line.strip()]
    assert kind == "sh" and commands == ["make demo", "make test"]


def test_nested_and_flat_forms_are_the_same_plan_and_evaluate_as_described(tmp_path):
    yaml_block, plan_csv, measures_csv = [text for kind, text in blocks() if kind in ("yaml", "csv")][:3]
    (tmp_path / "piano.yaml").write_text(yaml_block, encoding="utf-8")
    (tmp_path / "piano.csv").write_text(plan_csv, encoding="utf-8")
    (tmp_path / "misure.csv").write_text(measures_csv, encoding="utf-8")
    nested, warnings = load_plan(tmp_path / "piano.yaml")
    flat, _ = load_plan(tmp_path / "piano.csv")
    assert nested == flat and not warnings
    measures, _ = load_measures(tmp_path / "misure.csv")
    result = evaluate(nested, measures, date(2023, 6, 30), engine="interno")
    status = {i.code: i.status.value for i in result.indicators}
    assert status == {"K1": "in_linea", "K2": "in_linea", "K3": "a_rischio", "K4": "a_rischio"}
    k1 = result.indicator("K1")
    assert round(k1.achievement) == 43 and round(k1.pace) == 85
    assert {f.code for f in result.indicator("K3").flags} == {"azione_correttiva"}
