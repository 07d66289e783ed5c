"""Generate the example history (storico) of Torino and Cuneo.

For each example the current year is archived as it is (Torino 2022 at 31/12/2022, Cuneo 2023
at 30/06/2023), and two earlier years are generated from it: the same plan with that year's
date and the current targets, and year-end measures drawn around the current ones with a random
generator seeded by code and year (no global state): running it again gives the same files.

Two indicators change code in the earlier years, to show how codes are matched across years:
Cuneo's ``O02-1`` was ``O2-1`` (``codice_precedente`` in ``examples/cuneo/piano.yaml``) and
Torino's ``kpi1.1.1-01a`` was ``kpi1.1.1_01a`` (``storico/torino/codici.yaml``).

    PYTHONPATH=src python examples/storico/genera_storico.py
"""

from __future__ import annotations

import random
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.result import Evaluation
from piao_rules.history.archive import archive
from piao_rules.io import load_measures, load_plan
from piao_rules.io.measures import write_measures
from piao_rules.io.model import Accrual, Measure, MeasureSet, Plan
from piao_rules.io.plans import write_plan

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent


@dataclass(frozen=True)
class Example:
    name: str
    plan: Path
    measures: Path
    as_of: date
    earlier: tuple[int, ...]
    renamed: tuple[str, str]  # today's code, the code it had in the earlier years


EXAMPLES_TO_ARCHIVE = (
    Example("torino", EXAMPLES / "torino" / "piano.csv", EXAMPLES / "torino" / "misure-2022-12-31.csv",
            date(2022, 12, 31), (2020, 2021), ("kpi1.1.1-01a", "kpi1.1.1_01a")),
    Example("cuneo", EXAMPLES / "cuneo" / "piano.yaml", EXAMPLES / "cuneo" / "misure-2023-06-30.csv",
            date(2023, 6, 30), (2021, 2022), ("O02-1", "O2-1")),
)


def _in_year(when: date | None, year: int) -> date | None:
    return None if when is None else when.replace(year=year, day=min(when.day, 28) if when.month == 2 else when.day)


def _dated(text: str, current: int, year: int) -> str:
    """A deadline of the current year moved to ``year`` («Entro 31-12-2022» → «Entro 31-12-2020»)."""
    return re.sub(rf"(?<!\d){current}(?!\d)", str(year), text)


def earlier_plan(plan: Plan, year: int, renamed: tuple[str, str]) -> Plan:
    """The plan as it would have been in ``year``: current targets (deadlines moved to that year), no revisions, no baseline."""
    data = plan.model_dump(by_alias=True, exclude_none=True)
    data.update(anno=year, periodo=f"{year}-{year + 2}", revisione=0)
    if "titolo" in data:
        data["titolo"] = data["titolo"].replace(str(plan.year), str(year))
    for area in data["aree"]:
        stack = list(area.get("obiettivi", []))
        while stack:
            objective = stack.pop()
            stack += objective.get("obiettivi", [])
            for indicator in objective.get("indicatori", []):
                for key in ("target", "soglia"):
                    if isinstance(indicator.get(key), dict):
                        indicator[key] = {year: indicator[key].get(plan.year)} if indicator[key].get(plan.year) else None
                    if indicator.get(key) is None:
                        indicator.pop(key, None)
                    elif isinstance(indicator[key], dict):
                        indicator[key] = {y: _dated(text, plan.year, year) for y, text in indicator[key].items()}
                    else:
                        indicator[key] = _dated(indicator[key], plan.year, year)
                if "revisioni" in indicator and indicator["revisioni"]:
                    indicator["target"] = indicator["revisioni"][0]["target_precedente"]
                for key in ("revisioni", "baseline", "target_intermedi", "codice_precedente"):
                    indicator.pop(key, None)
                if indicator["codice"] == renamed[0]:
                    indicator["codice"] = renamed[1]
                if indicator.get("collegato_a") == renamed[0]:
                    indicator["collegato_a"] = renamed[1]
    return Plan.model_validate(data)


def _scaled(number: Decimal, factor: float) -> Decimal:
    places = Decimal(1) if number == number.to_integral_value() else Decimal("0.01")
    return (number * Decimal(str(factor))).quantize(places, rounding=ROUND_HALF_UP)


def earlier_measure(measure: Measure, year: int, accrual: Accrual | None, doubled: bool, renamed: tuple[str, str]) -> Measure:
    """A year-end measure for ``year`` drawn around the current one (seeded by code and year)."""
    draw = random.Random(f"{measure.code}/{year}")
    factor = draw.uniform(0.8, 1.1) * (2 if doubled and accrual is Accrual.CUMULATIVE else 1)
    value = measure.value
    if isinstance(value, Decimal) and not isinstance(value, bool):
        value = _scaled(value, factor)
        if measure.percent and value > 100 >= measure.value:
            value = Decimal(100)
    elif isinstance(value, date):
        value = _in_year(value, year)
    progress = measure.progress
    if progress is not None:
        progress = Decimal(100) if draw.random() < 0.7 else progress
    return Measure(
        codice=renamed[1] if measure.code == renamed[0] else measure.code, data=date(year, 12, 31), valore=value,
        percentuale=measure.percent, avanzamento=progress, completato_il=_in_year(measure.completed_on, year),
        componenti={label: _scaled(v, factor) for label, v in measure.components.items()},
        riferimento=measure.reference, giudizio=measure.judgement, fonte=measure.source, validato_da=measure.validated_by,
    )


def _evaluate(plan: Plan, measures: MeasureSet, as_of: date) -> Evaluation:
    """The evaluation with the default rules, named relative to the project (not this machine's paths)."""
    evaluation = evaluate(plan, measures, as_of, engine="interno")
    return evaluation.model_copy(update={"rules": {t: f"rules/{Path(p).name}" for t, p in evaluation.rules.items()}})


def generate(example: Example, storico: Path) -> None:
    plan, _ = load_plan(example.plan)
    measures, _ = load_measures(example.measures)
    archive(storico, _evaluate(plan, measures, example.as_of), example.plan, example.measures, replace=True)
    accruals = {i.code: i.accrual for _, _, i in plan.indicators()}
    doubled = example.as_of < date(plan.year, 12, 31)
    latest = measures.at(example.as_of).values()
    for year in example.earlier:
        past_plan = earlier_plan(plan, year, example.renamed)
        past_measures = MeasureSet(
            data=date(year, 12, 31),
            misure=[earlier_measure(m, year, accruals.get(m.code), doubled, example.renamed) for m in latest],
        )
        evaluation = _evaluate(past_plan, past_measures, date(year, 12, 31))
        with tempfile.TemporaryDirectory() as temp:
            plan_path, measures_path = Path(temp) / "piano.yaml", Path(temp) / "misure.csv"
            write_plan(past_plan, plan_path)
            write_measures(past_measures, measures_path)
            archive(storico, evaluation, plan_path, measures_path, replace=True)


def main(target: Path = HERE) -> None:
    for example in EXAMPLES_TO_ARCHIVE:
        storico = target / example.name
        generate(example, storico)
        print(f"scritto {storico}")


if __name__ == "__main__":
    main()
