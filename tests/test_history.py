"""Earlier years: archive, reader, trend, repeated misses and unambitious targets on both engines."""

from __future__ import annotations

import filecmp
import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from piao_rules.cli import main
from piao_rules.engine.durable_host import AVAILABLE
from piao_rules.engine.past import PastYear, build
from piao_rules.errors import InputError
from piao_rules.history.reader import read_history
from piao_rules.io.model import Accrual, Baseline
from piao_rules.targets.parser import parse_target
from tests.engine_helpers import measures, plan_with, run

ROOT = Path(__file__).resolve().parents[1]
CUNEO = ROOT / "examples" / "cuneo"
TORINO = ROOT / "examples" / "torino"
STORICO = ROOT / "examples" / "storico"


def past(code: str, year: int, value, status: str = "raggiunto", percent: bool = False, final: bool = True) -> PastYear:
    return PastYear(year=year, as_of=date(year, 12, 31) if final else date(year, 6, 30), final=final, code=code,
                    target_text="≥ 10", value=value, percent=percent, shown=str(value), status=status)


PLAN = plan_with(
    {"target": "≥ 70%"}, {"target": ">= 100", "andamento": "cumulativo"}, {"target": "<= 5 gg", "andamento": "puntuale"},
    {"target": "≥ 10", "baseline": {"anno": 2022, "valore": "12"}}, {"target": "SI"},
)
MEASURES = measures(
    {"codice": "I1", "valore": "60%"}, {"codice": "I2", "valore": "20"}, {"codice": "I3", "valore": "4"},
    {"codice": "I4", "valore": "11"}, {"codice": "I5", "valore": "SI"}, when="31/12/2023",
)
HISTORY = {
    "I1": [past("I1", 2021, 66, "non_raggiunto", True), past("I1", 2022, 74, "raggiunto", True)],
    "I2": [past("I2", 2022, 90, "non_raggiunto")],
    "I3": [past("I3", 2022, 3)],
    "I5": [past("I5", 2022, None, "raggiunto")],
}


def _flags(result) -> set[str]:
    return {f.code for f in result.flags}


@pytest.mark.parametrize("engine", ["interno", pytest.param("durable", marks=pytest.mark.skipif(not AVAILABLE, reason="durable-rules"))])
def test_repeated_miss_and_unambitious_target_are_flagged_by_the_rules(engine):
    evaluation = run(PLAN, MEASURES, date(2023, 12, 31), engine=engine, history=HISTORY)
    i1, i2, i3, i4, i5 = evaluation.indicators
    assert {"mancato_ripetuto", "target_poco_ambizioso"} <= _flags(i1)
    assert next(f for f in i1.flags if f.code == "mancato_ripetuto").reason == (
        "Target ≥ 70% mancato anche negli anni precedenti (2021); valore attuale 60%.")
    assert "74% nel 2022" in next(f for f in i1.flags if f.code == "target_poco_ambizioso").reason
    assert "mancato_ripetuto" in _flags(i2) and "target_poco_ambizioso" not in _flags(i2)
    # ≤ 5 gg after a year at 3: the target allows worse than what was reached
    assert "target_poco_ambizioso" in _flags(i3) and i3.history.trend == "in_peggioramento"
    # the baseline counts as the last value when there is no archived year
    assert "target_poco_ambizioso" in _flags(i4) and i4.history.last_value.source == "baseline"
    assert not {"mancato_ripetuto", "target_poco_ambizioso"} & _flags(i5)
    assert i1.history.missed_years == [2021] and i1.history.trend == "in_peggioramento"


@pytest.mark.skipif(not AVAILABLE, reason="durable-rules non installato")
@pytest.mark.parametrize("as_of", [date(2023, 6, 30), date(2023, 12, 31)])
def test_both_engines_agree_with_history(as_of):
    durable = run(PLAN, MEASURES, as_of, engine="durable", history=HISTORY)
    builtin = run(PLAN, MEASURES, as_of, engine="interno", history=HISTORY)
    assert durable.model_dump(exclude={"engine"}) == builtin.model_dump(exclude={"engine"})


def test_without_history_nothing_changes():
    evaluation = run(PLAN, MEASURES, date(2023, 12, 31))
    assert all(i.history is None for i in evaluation.indicators)
    assert not any(f.code in ("mancato_ripetuto", "target_poco_ambizioso") for f in evaluation.flags)


def test_interim_past_years_are_not_counted_as_misses_nor_as_actuals():
    history = build([past("I1", 2022, 50, "non_raggiunto", final=False)], None, parse_target(">= 100", 2023), None,
                    Accrual.CUMULATIVE, 2023, True)
    assert history.missed_years == [] and history.last_value is None and not history.unambitious


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=5), st.integers(min_value=1, max_value=500),
       st.sampled_from([">=", "<="]))
@settings(max_examples=60, deadline=None)
def test_unambitious_and_trend_follow_the_direction_of_the_target(values, goal, operator):
    years = [past("I1", 2018 + n, v) for n, v in enumerate(values)]
    history = build(years, None, parse_target(f"{operator} {goal}", 2023), None, Accrual.CUMULATIVE, 2023, False)
    last = values[-1]
    assert history.unambitious == (goal < last if operator == ">=" else goal > last)
    if len(values) >= 2:
        before = values[-2]
        better = last > before if operator == ">=" else last < before
        assert history.trend == ("stabile" if last == before else "in_miglioramento" if better else "in_peggioramento")
    else:
        assert history.trend is None


def test_baseline_written_as_a_date_is_not_a_value():
    history = build([], Baseline(anno=2021, valore="21/05/2021"), parse_target(">= 1", 2022), None, None, 2022, False)
    assert history is None


# -- reader ---------------------------------------------------------------------------------


def _archive(tmp_path: Path, plan: Path, measures_file: Path, *extra: str):
    return CliRunner().invoke(main, ["archivia", str(plan), str(measures_file), "--storico", str(tmp_path), *extra])


def test_archivia_writes_the_year_and_refuses_to_overwrite(tmp_path):
    result = _archive(tmp_path, TORINO / "piano.csv", TORINO / "misure-2022-12-31.csv")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "2022"
    assert sorted(p.name for p in folder.iterdir()) == ["misure.csv", "piano.csv", "valutazione.json"]
    assert filecmp.cmp(folder / "piano.csv", TORINO / "piano.csv", shallow=False)
    saved = json.loads((folder / "valutazione.json").read_text(encoding="utf-8"))
    assert saved["year"] == 2022 and saved["final"] is True and len(saved["indicators"]) == 185
    before = (folder / "valutazione.json").read_bytes()
    again = _archive(tmp_path, TORINO / "piano.csv", TORINO / "misure-2022-06-30.csv", "--al", "30/06/2022")
    assert again.exit_code == 2 and "--sostituisci" in again.output
    assert (folder / "valutazione.json").read_bytes() == before
    replaced = _archive(tmp_path, TORINO / "piano.csv", TORINO / "misure-2022-06-30.csv", "--al", "30/06/2022", "--sostituisci")
    assert replaced.exit_code == 0 and "non di fine anno" in replaced.output


def test_codes_are_matched_by_code_by_codice_precedente_and_by_codici_yaml():
    from piao_rules.io import load_plan

    plan, _ = load_plan(CUNEO / "piano.yaml")
    history, problems = read_history(STORICO / "cuneo", plan)
    assert not problems
    assert [p.year for p in history["O01-2"]] == [2021, 2022]  # 2023 is the plan's own year: left out
    assert {p.code for p in history["O02-1"]} == {"O2-1"}
    torino, _ = load_plan(TORINO / "piano.csv")
    history, _ = read_history(STORICO / "torino", torino)
    assert {p.code for p in history["kpi1.1.1-01a"]} == {"kpi1.1.1_01a"}
    assert [p.year for p in history["EC05.1"]] == [2020, 2021]


def test_a_damaged_archive_is_an_italian_error(tmp_path):
    from piao_rules.io import load_plan

    plan, _ = load_plan(CUNEO / "piano.yaml")
    shutil.copytree(STORICO / "cuneo" / "2022", tmp_path / "2021")
    with pytest.raises(InputError) as error:
        read_history(tmp_path, plan)
    assert "anno 2022" in str(error.value.problems[0]) and "cartella 2021" in str(error.value.problems[0])
    (tmp_path / "2021" / "valutazione.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_history(tmp_path, plan)
    assert "piao-rules archivia" in str(error.value.problems[0])
    (tmp_path / "codici.yaml").write_text("O01-2: [uno, 2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["valuta", str(CUNEO / "piano.yaml"), str(CUNEO / "misure-2023-06-30.csv"),
                                       "--storico", str(tmp_path)])
    assert result.exit_code == 2 and "codici.yaml" in result.output and "Traceback" not in result.output


def test_valuta_shows_the_earlier_years():
    args = ["valuta", str(CUNEO / "piano.yaml"), str(CUNEO / "misure-2023-06-30.csv"), "--storico", str(STORICO / "cuneo")]
    data = json.loads(CliRunner().invoke(main, [*args, "--json", "--motore", "interno"]).output)
    o02 = next(i for i in data["indicators"] if i["code"] == "O02-1")
    assert [(y["year"], y["code"], y["value"]) for y in o02["history"]["years"]] == [(2021, "O2-1", 8), (2022, "O2-1", 8)]
    table = CliRunner().invoke(main, [*args, "--motore", "interno"]).output
    assert "Anni precedenti" in table and "mancato ripetuto" in table
    story = CliRunner().invoke(main, [*args, "--narrativa", "--motore", "interno"]).output
    line = next(line for line in story.splitlines() if line.strip().startswith("[O02-1]"))
    assert line.endswith("Negli anni precedenti: 8 nel 2021 (target non raggiunto) e 8 nel 2022 (target non raggiunto); l'andamento è stabile.")


def test_annex_shows_the_earlier_years_and_the_trend_per_area(tmp_path):
    out = tmp_path / "allegato.docx"
    result = CliRunner().invoke(main, ["allegato", str(CUNEO / "piano.yaml"), str(CUNEO / "misure-2023-06-30.csv"),
                                       "-o", str(out), "--storico", str(STORICO / "cuneo"), "--motore", "interno"])
    assert result.exit_code == 0, result.output
    document = Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    o02 = next(text for text in cells if "Anni precedenti" in text and "2021: 8 (target non raggiunto)" in text)
    assert "2022: 8 (target non raggiunto) · stabile" in o02
    assert len(document.inline_shapes) == 3
    trend = document.inline_shapes[2]._inline.docPr.get("descr")
    assert trend.startswith("Grafico a linee: grado di raggiungimento per area") and "2021 " in trend and "2022 " in trend
    assert ("Figura 3 – Grado di raggiungimento per area negli anni precedenti (a fine anno) e al 30 giugno 2023"
            in [p.text for p in document.paragraphs])


def test_area_trend_is_read_from_the_archived_year_end_evaluations():
    from piao_rules.history.reader import read_area_trend
    from piao_rules.io import load_plan

    plan, _ = load_plan(CUNEO / "piano.yaml")
    trend = read_area_trend(STORICO / "cuneo", plan)
    assert sorted(trend) == ["DIR", "EQ", "TRA", "UFF"]
    for year in (2021, 2022):
        saved = json.loads((STORICO / "cuneo" / str(year) / "valutazione.json").read_text(encoding="utf-8"))
        for area in saved["areas"]:
            assert (year, pytest.approx(area["achievement"])) in [(y, float(d)) for y, d in trend[area["code"]]]


def test_the_example_history_is_what_the_generator_writes(tmp_path):
    sys.path.insert(0, str(STORICO))
    try:
        import genera_storico
    finally:
        sys.path.remove(str(STORICO))
    genera_storico.main(tmp_path)
    for name in ("torino", "cuneo"):
        comparison = filecmp.dircmp(tmp_path / name, STORICO / name)
        for year in comparison.common_dirs:
            sub = comparison.subdirs[year]
            assert not sub.diff_files and not sub.left_only and not sub.right_only, (name, year, sub.diff_files)


def test_a_code_reused_for_a_different_indicator_is_reported(tmp_path):
    from piao_rules.io import load_plan

    plan, _ = load_plan(CUNEO / "piano.yaml")
    shutil.copytree(STORICO / "cuneo" / "2022", tmp_path / "2022")
    path = tmp_path / "2022" / "valutazione.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    next(i for i in data["indicators"] if i["code"] == "O01-2")["name"] = "Numero di visite ispettive presso le imprese"
    path.write_text(json.dumps(data), encoding="utf-8")
    history, problems = read_history(tmp_path, plan)
    assert [p.where for p in problems] == ["O01-2"] and not problems[0].is_error
    assert "si chiamava «Numero di visite ispettive presso le imprese»" in problems[0].message
    assert [y.year for y in history["O01-2"]] == [2022]  # still matched: the warning asks a person to check


def test_archivia_keeps_the_decision_journal(tmp_path):
    measures_dir = tmp_path / "misure"
    measures_dir.mkdir()
    shutil.copy(CUNEO / "misure-2023-06-30.csv", measures_dir / "misure.csv")
    journal = measures_dir / "decisioni-2023.jsonl"
    journal.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["archivia", str(CUNEO / "piano.yaml"), str(measures_dir / "misure.csv"),
                                       "--storico", str(tmp_path / "storico"), "--motore", "interno"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "storico" / "2023" / "giornale.jsonl").exists()
    missing = CliRunner().invoke(main, ["archivia", str(CUNEO / "piano.yaml"), str(measures_dir / "misure.csv"),
                                        "--storico", str(tmp_path / "altro"), "--giornale", str(tmp_path / "nessuno.jsonl")])
    assert missing.exit_code == 2 and "giornale delle decisioni non trovato" in missing.output
    assert not (tmp_path / "altro").exists()
