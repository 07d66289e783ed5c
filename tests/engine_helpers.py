"""Small plans built in code for engine tests."""

from __future__ import annotations

from datetime import date

from piao_rules.engine.evaluate import evaluate
from piao_rules.io.model import MeasureSet, Plan


def plan_with(*indicators: dict, year: int = 2023, **plan_fields) -> Plan:
    """A one-area, one-objective plan holding ``indicators`` (dicts with Italian keys)."""
    numbered = [{"codice": f"I{n + 1}", "nome": f"Indicatore {n + 1}", **ind} for n, ind in enumerate(indicators)]
    return Plan.model_validate({
        "ente": {"nome": "Camera di commercio di Prova"},
        "anno": year,
        "aree": [{"codice": "A1", "nome": "Area", "obiettivi": [{"codice": "O1", "nome": "Obiettivo", "indicatori": numbered}]}],
        **plan_fields,
    })


def plan_yaml(*indicators: str) -> str:
    """The text of a one-area, one-objective plan file whose indicators are the given YAML flow mappings."""
    return ("ente: {nome: Camera di prova}\nanno: 2023\naree:\n  - codice: A1\n    nome: Area\n    obiettivi:\n"
            "      - codice: O1\n        nome: Obiettivo\n        indicatori:\n"
            + "".join(f"          - {indicator}\n" for indicator in indicators))


def measures(*rows: dict, when: str = "30/06/2023") -> MeasureSet:
    return MeasureSet.model_validate({"data": when, "misure": list(rows)})


def run(plan: Plan, measure_set: MeasureSet, as_of: date = date(2023, 6, 30), engine: str = "interno", **kwargs):
    return evaluate(plan, measure_set, as_of, engine=engine, **kwargs)


def one(target: str, as_of: date = date(2023, 6, 30), engine: str = "interno", indicator: dict | None = None, **measure):
    """Evaluate a single indicator with ``target`` and one measure; return its result."""
    plan = plan_with({"target": target, **(indicator or {})})
    rows = [{"codice": "I1", **measure}] if measure else []
    return run(plan, measures(*rows, when=as_of.strftime("%d/%m/%Y")), as_of, engine).indicators[0]
