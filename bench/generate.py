"""Generated plans and measures of any size, with the mix of target kinds of real plans.

Deterministic (seeded): the same size gives the same plan, so timings compare.
"""

from __future__ import annotations

import random
from datetime import date

from piao_rules.io.model import Measure, MeasureSet, Plan

TARGETS = [
    ("≥ {n}%", "puntuale", lambda r, n: {"valore": f"{r.randint(n - 20, 100)}%"}),
    (">= {n},00 %", "puntuale", lambda r, n: {"valore": f"{r.randint(n - 20, 100)},{r.randint(0, 99):02d} %"}),
    ("≥ {n}", "cumulativo", lambda r, n: {"valore": str(r.randint(0, n))}),
    ("≥ {n} iniziative {m} soggetti", "cumulativo",
     lambda r, n: {"componenti": {"iniziative": str(r.randint(0, n)), "soggetti": str(r.randint(0, 10 * n))}}),
    ("<= {d} gg", "puntuale", lambda r, n: {"valore": str(r.randint(1, 40))}),
    ("entro il 2{e}/0{k}/2023", None, lambda r, n: {"valore": r.choice(["SI", "NO"]), "completato_il": f"1{r.randint(0, 9)}/0{r.randint(1, 9)}/2023"}),
    ("SI", None, lambda r, n: {"avanzamento": str(r.randint(0, 100))}),
    ("{n} report/anno", None, lambda r, n: {"valore": str(r.randint(0, n))}),
    ("> media triennio precedente", None, lambda r, n: {"valore": f"{r.randint(1, 9)},{r.randint(10, 99)}%", "riferimento": "4,5"}),
    ("Consegna progetto definitivo", None, lambda r, n: {"avanzamento": str(r.randint(0, 100)), "nota": "Lavori in corso."}),
]


def plan(size: int, seed: int = 1) -> Plan:
    """A plan of ``size`` indicators in 5 areas, 10 indicators per objective."""
    rng = random.Random(seed)
    areas = [{"codice": f"A{a}", "nome": f"Area strategica {a}", "peso": 20, "obiettivi": []} for a in range(1, 6)]
    for start in range(0, size, 10):
        number = start // 10 + 1
        indicators = []
        for i in range(start, min(start + 10, size)):
            template, accrual, _ = TARGETS[i % len(TARGETS)]
            n = rng.randint(5, 90)
            text = template.format(n=n, m=n * 10, d=rng.randint(5, 30), e=rng.randint(0, 8), k=rng.randint(3, 9))
            indicator = {"codice": f"K{i + 1}", "nome": f"Indicatore generato {i + 1}", "target": text, "peso": 10}
            if accrual:
                indicator["andamento"] = accrual
            if i % 7 == 0 and "%" in text and "media" not in text:
                indicator["soglia"] = f"{max(n - 30, 1)}%"
            indicators.append(indicator)
        objective = {"codice": f"OP{number}", "nome": f"Obiettivo operativo {number}",
                     "responsabile": f"UFFICIO {number % 25 + 1}", "indicatori": indicators}
        areas[number % 5]["obiettivi"].append(objective)
    for area in areas:
        count = len(area["obiettivi"])
        for objective in area["obiettivi"]:
            objective["peso"] = round(100 / count, 4) if count else None
    return Plan.model_validate({"ente": {"nome": "Camera di commercio di Prova"}, "anno": 2023, "aree": [a for a in areas if a["obiettivi"]]})


def measures(generated: Plan, as_of: date = date(2023, 6, 30), seed: int = 2) -> MeasureSet:
    """One measure per indicator (5% missing), plausible around the target."""
    rng = random.Random(seed)
    rows = []
    for i, (_, _, indicator) in enumerate(generated.indicators()):
        if rng.random() < 0.05:
            continue
        _, _, make = TARGETS[i % len(TARGETS)]
        rows.append(Measure.model_validate({"codice": indicator.code, **make(rng, 50)}))
    return MeasureSet(data=as_of, misure=rows)
