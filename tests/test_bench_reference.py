"""The reference loop of the benchmark (bench/reference.py) does the evaluation's work: it gives
the engine's degree, status, expected share, pace and projection for every indicator."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.rulebook import load_rulebook
from piao_rules.io import load_measures, load_plan

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import generate  # noqa: E402
from bench.reference import same_work_loop  # noqa: E402

EXAMPLES = ROOT / "examples"


def _engine(plan, measures, when, rulebook=None):
    evaluation = evaluate(plan, measures, when, rulebook=rulebook or load_rulebook(), engine="interno")
    return [(i.achievement, i.status.value, i.expected, i.pace, i.projection) for i in evaluation.indicators]


@pytest.mark.parametrize("when", [date(2023, 6, 30), date(2023, 12, 31)])
def test_the_reference_loop_agrees_with_the_engine_on_every_indicator_of_a_generated_plan(when):
    plan = generate.plan(400)
    measures = generate.measures(plan, when)
    expected = _engine(plan, measures, when)
    assert same_work_loop(plan, measures, when, load_rulebook()) == expected
    assert len({status for _, status, *_ in expected}) >= 3  # the plan reaches several statuses


@pytest.mark.parametrize(("plan_file", "measures_file", "when"), [
    ("cuneo/piano.yaml", "cuneo/misure-2023-06-30.csv", date(2023, 6, 30)),
    ("torino/piano.xlsx", "torino/misure-2022-06-30.csv", date(2022, 6, 30)),
    ("torino/piano.xlsx", "torino/misure-2022-12-31.csv", date(2022, 12, 31)),
])
def test_the_reference_loop_agrees_with_the_engine_on_the_examples(plan_file, measures_file, when):
    plan, _ = load_plan(EXAMPLES / plan_file)
    measures, _ = load_measures(EXAMPLES / measures_file)
    assert same_work_loop(plan, measures, when, load_rulebook()) == _engine(plan, measures, when)
