"""The labelled set of tests/fixtures/giudizio: each case evaluated as a one-indicator plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from engine_helpers import measures, plan_with, run
from pydantic import ValidationError

from piao_rules import values
from piao_rules.engine.result import IndicatorResult
from piao_rules.io import yamlfile

# casi.yaml: development rows and the second held-out set; verifica3.yaml to verifica50.yaml: the third to fiftieth
# held-out sets, labelled blind (rows fixed after their measurement are marked «sviluppo»).
CASES = [Path(__file__).parent / "fixtures" / "giudizio" / name for name in ("casi.yaml", "verifica3.yaml", "verifica4.yaml", "verifica5.yaml", "verifica6.yaml", "verifica7.yaml", "verifica8.yaml", "verifica9.yaml", "verifica10.yaml", "verifica11.yaml", "verifica12.yaml", "verifica13.yaml", "verifica14.yaml", "verifica15.yaml", "verifica16.yaml", "verifica17.yaml", "verifica18.yaml", "verifica19.yaml", "verifica20.yaml", "verifica21.yaml", "verifica22.yaml", "verifica23.yaml", "verifica24.yaml", "verifica25.yaml", "verifica26.yaml", "verifica27.yaml", "verifica28.yaml", "verifica29.yaml", "verifica30.yaml", "verifica31.yaml", "verifica32.yaml", "verifica33.yaml", "verifica34.yaml", "verifica35.yaml", "verifica36.yaml", "verifica37.yaml", "verifica38.yaml", "verifica39.yaml", "verifica40.yaml", "verifica41.yaml", "verifica42.yaml", "verifica43.yaml", "verifica44.yaml", "verifica45.yaml", "verifica46.yaml", "verifica47.yaml", "verifica48.yaml", "verifica49.yaml", "verifica50.yaml")]


@dataclass
class Outcome:
    case: dict
    result: IndicatorResult | None  # None: the tool refused the row's input (``refused`` says why)
    refused: str | None = None

    @property
    def agrees(self) -> bool:
        expected = self.case["controllore"]
        if self.result is None or self.result.status.value != expected["stato"]:
            return False
        if "stato_proposta" in expected:
            versus = self.result.against_proposal
            return versus is not None and versus.status.value == expected["stato_proposta"]
        return True

    @property
    def phase_agrees(self) -> bool:
        reading = self.result.reading if self.result is not None else None
        return reading is not None and reading.phase == self.case["controllore"].get("fase")


def cases() -> list[dict]:
    """Every labelled row, read by piao-rules' own YAML loader, as a user's file is («1.250» is 1250, «NO» is text)."""
    return [case for path in CASES for case in yamlfile.parse(path.read_text(encoding="utf-8"), path)[0]["casi"]]


def evaluate_case(case: dict, engine: str = "interno") -> Outcome:
    when = values.parse_date(case["al"])
    plan = plan_with(dict(case["indicatore"]), year=when.year)
    row = {"codice": "I1", **case["misura"]} if case["misura"] is not None else None
    try:
        measure_set = measures(*([row] if row else []), when=case["al"])
    except ValidationError as error:  # a measure the tool cannot read counts as a disagreement
        return Outcome(case, None, refused=str(error))
    return Outcome(case, run(plan, measure_set, when, engine).indicators[0])


def agreement(outcomes: list[Outcome]) -> dict[tuple[str, str], tuple[int, int]]:
    """(classe, insieme) → (agreeing, total)."""
    agree, total = Counter(), Counter()
    for outcome in outcomes:
        key = (outcome.case["classe"], outcome.case["insieme"])
        total[key] += 1
        agree[key] += outcome.agrees
    return {key: (agree[key], total[key]) for key in total}
