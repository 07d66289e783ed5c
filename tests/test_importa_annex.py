"""Round trip: the annex written by ``piao-rules allegato``, imported, gives back the plan and the measures.

The annex prints, for every area and objective, the objective's data (responsabile, tipo,
peso) and a table «Indicatore | Target | Valore al … | Grado | Stato» with the soglia, the
proposal and the note in their cells. What the annex does not print (formulas, types,
indicators' weights, baselines, sources, links, accrual) cannot come back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from piao_rules.cli import main
from piao_rules.importing import import_file
from piao_rules.io import load_measures, load_plan
from piao_rules.targets import parse_target, parse_threshold

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = {
    "cuneo": (EXAMPLES / "cuneo" / "piano.yaml", EXAMPLES / "cuneo" / "misure-2023-06-30.csv"),
    "torino": (EXAMPLES / "torino" / "piano.csv", EXAMPLES / "torino" / "misure-2022-06-30.csv"),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def round_trip(request, tmp_path_factory):
    plan_path, measures_path = CASES[request.param]
    annex = tmp_path_factory.mktemp(request.param) / "allegato.docx"
    result = CliRunner().invoke(main, ["allegato", str(plan_path), str(measures_path), "-o", str(annex), "--motore", "interno"])
    assert result.exit_code == 0, result.output
    plan, _ = load_plan(plan_path)
    measures, _ = load_measures(measures_path)
    built, report = import_file(annex)
    return plan, measures, built, report


def _reading(text, year, target=None):
    read = parse_target(text, year) if target is None else parse_threshold(text, target, year)
    components = tuple((c.label, c.operator, c.value) for c in read.components)
    return read.kind, read.operator, read.value, read.unit, components, read.deadline, read.boolean, read.per


def test_the_tree_comes_back(round_trip):
    plan, _, built, report = round_trip
    assert built.plan.ente.name == plan.ente.name and built.plan.year == plan.year
    assert [(a.code, a.name) for a in built.plan.areas] == [(a.code, a.name) for a in plan.areas]
    imported = {o.code: o for _, o in built.plan.objectives()}
    for area, objective in plan.objectives():
        got = imported[objective.code]
        assert (got.name, got.kind, got.owner, got.weight) == (objective.name, objective.kind, objective.owner, objective.weight)
        assert [c.code for c in got.objectives] == [c.code for c in objective.objectives]
    assert report.indicators == sum(1 for _ in plan.indicators())


def test_indicators_come_back_with_targets_and_soglie(round_trip):
    plan, _, built, _ = round_trip
    year = plan.year
    imported = {i.code: i for _, _, i in built.plan.indicators()}
    for _, _, indicator in plan.indicators():
        got = imported[indicator.code]
        assert got.name == indicator.name
        target = indicator.target_for(year)
        assert _reading(got.target_for(year), year) == _reading(target, year)  # printed in canonical form
        if indicator.threshold_for(year):
            read = parse_target(target, year)
            assert _reading(got.threshold_for(year), year, read) == _reading(indicator.threshold_for(year), year, read)
        else:
            assert got.threshold is None


def test_measures_come_back(round_trip):
    _, measures, built, _ = round_trip
    assert built.measures.as_of == measures.as_of
    imported = {m.code: m for m in built.measures.measures}
    for measure in measures.measures:
        got = imported[measure.code]
        shown = (measure.value, measure.percent, measure.components, measure.judgement)
        assert (got.value, got.percent, got.components, got.judgement) == shown
        if measure.value is None:  # the annex prints the progress only when there is no value
            assert got.progress == measure.progress
        assert got.note == measure.note
        if measure.proposed_target:
            assert _reading(got.proposed_target, 2023) == _reading(measure.proposed_target, 2023)
        else:
            assert got.proposed_target is None


def test_the_imported_annex_passes_verifica(round_trip, tmp_path):
    _, _, built, report = round_trip
    assert not any(p.is_error for p in report.checks)
    assert not report.of("celle")
