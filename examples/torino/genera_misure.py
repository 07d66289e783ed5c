"""Generate the synthetic measures of the Torino example (30/06/2022 and 31/12/2022).

Reads ``piano.csv`` next to this file and writes ``misure-2022-06-30.csv`` and
``misure-2022-12-31.csv``. The values are invented but plausible: drawn around the
2022 target and the SOGLIA with a fixed random seed, so that an evaluation shows a
realistic mix (most indicators reached or on track, some at risk, a few missed,
deadlines met late, missing data, one proposed target change). Run again after
changing the plan: the output depends only on ``piano.csv`` and the seed.

    PYTHONPATH=src python examples/torino/genera_misure.py
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from piao_rules import values

HERE = Path(__file__).resolve().parent
SEED = 2022
MID, END = date(2022, 6, 30), date(2022, 12, 31)
HEADER = ("codice;data;valore;componente;avanzamento;completato_il;riferimento;giudizio;nota;fonte;"
          "proposta_target;motivazione;causa_esterna;validato_da").split(";")

VALIDATORS = {
    "AAE": "Dirigente Area Anagrafe economica",
    "ARFP": "Dirigente Area Risorse finanziarie e Provveditorato",
    "ASTRM": "Dirigente Area Sviluppo del territorio e Regolazione del Mercato",
}
AT_RISK_NOTES = [
    "Andamento sotto le attese; previste azioni di recupero.",
    "Scostamento dovuto alla minore disponibilità di personale nel settore.",
    "Parte delle attività rinviata per esigenze organizzative.",
]
MISSED_NOTES = [
    "Risultato inferiore al previsto: le risorse sono state assegnate ad attività prioritarie.",
    "Risultato inferiore al previsto per una domanda molto più bassa delle stime.",
]
LATE_NOTES = [
    "Completato oltre la scadenza per l'attesa di un parere esterno.",
    "Completato in ritardo per la sostituzione del referente.",
    "Slittamento dovuto ai tempi della procedura di affidamento.",
]
TARGET_RE = re.compile(r"^(>=|<=|=|>|<)?\s*(-?[\d.,]+)\s*(%|N\.?|gg)?$", re.IGNORECASE)
DEADLINE_RE = re.compile(r"^(?:entro\s+)?(\d{1,2}[/-]\d{1,2}[/-]\d{4})$", re.IGNORECASE)


@dataclass
class Kpi:
    row: dict[str, str]
    op: str | None = None  # comparison operator
    target: Decimal | None = None
    unit: str = ""
    decimals: int = 0
    deadline: date | None = None

    @property
    def code(self) -> str:
        return self.row["codice"]

    @property
    def accrual(self) -> str:
        return self.row["andamento"]

    @property
    def soglia(self) -> Decimal | None:
        match = re.match(r"^(?:>=\s*)?(-?[\d.,]+)", self.row["soglia"])
        return values.parse_number(match.group(1)) if match else None

    @property
    def lower_is_better(self) -> bool:
        return self.op in ("<=", "<")


def validator(row: dict[str, str]) -> str:
    """Who validates the data: the Area's dirigente, the SG, or the OIV for the SG's own objectives."""
    if row["obiettivo_responsabile"] == "Segretario Generale":
        return "OIV"
    return VALIDATORS.get(row["area_codice"], "Segretario Generale")


def read_kpis(path: Path) -> list[Kpi]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter=";") if row["codice"]]
    kpis = []
    for row in rows:
        kpi = Kpi(row)
        text = row["target_2022"].strip()
        if match := DEADLINE_RE.match(text):
            kpi.deadline = values.parse_date(match.group(1))
        elif match := TARGET_RE.match(text):
            kpi.op = match.group(1) or "="
            kpi.target = values.parse_number(match.group(2))
            kpi.unit = (match.group(3) or "").upper().rstrip(".").replace("GG", "gg")
            ratio = bool(re.search(r"\s/|/\s", row["algoritmo"] or row["nome"]))
            kpi.decimals = 2 if kpi.unit in ("%", "gg") or ratio or kpi.target < 2 else 0
        kpis.append(kpi)
    return kpis


def fmt(number: Decimal, decimals: int) -> str:
    """Italian number: thousands dot, decimal comma."""
    quantum = Decimal(1).scaleb(-decimals)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def value_text(kpi: Kpi, number: Decimal) -> str:
    return fmt(number, kpi.decimals) + ("%" if kpi.unit == "%" else "")


def year_end_value(kpi: Kpi, outcome: str, rng: random.Random) -> Decimal:
    """A year-end value whose distance from target and soglia matches ``outcome``."""
    target, soglia = kpi.target, kpi.soglia
    scale = abs(target) or Decimal(1)
    u = lambda a, b: Decimal(str(rng.uniform(a, b)))  # noqa: E731
    if kpi.lower_is_better:
        if outcome == "raggiunto":
            return target - scale * u(0.0, 0.3)
        if outcome == "a_rischio":
            upper = soglia if soglia is not None and soglia > target else target * Decimal("1.5")
            return target + (upper - target) * u(0.2, 0.8)
        worst = soglia if soglia is not None and soglia > target else target * Decimal("1.5")
        return worst * u(1.05, 1.3)
    capped = kpi.unit == "%" and target <= 100
    if kpi.decimals and kpi.unit == "N" and target <= 1:  # a ratio such as «fasi realizzate / fasi totali»
        return target if outcome == "raggiunto" else (target - scale * u(0.05, 0.15) if outcome == "a_rischio"
                                                      else target - scale * u(0.3, 0.6))
    if outcome == "raggiunto":
        if kpi.op == "=" or (capped and target == 100):
            return target
        number = target + scale * u(0.0, 0.2)
        return min(number, Decimal(100)) if capped else number
    if soglia is not None and soglia < target:
        if outcome == "a_rischio":
            return soglia + (target - soglia) * u(0.3, 0.9)
        return soglia * u(0.6, 0.95) if soglia > 0 else Decimal(0)
    if outcome == "a_rischio":
        return target - scale * u(0.03, 0.12)
    return target - scale * u(0.3, 0.6)


def progress(rng: random.Random, low: int, high: int) -> str:
    return str(rng.randrange(low, high + 1, 5))


def comparison_rows(kpi: Kpi, outcome: str, rng: random.Random) -> tuple[dict, dict]:
    end = year_end_value(kpi, outcome, rng)
    if kpi.decimals == 0:
        end = end.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    mid: dict[str, str] = {}
    if kpi.accrual == "solo_consuntivo":
        mid = {"nota": "Dato disponibile solo a consuntivo."}
    elif kpi.accrual == "cumulativo":
        share = Decimal(str(rng.uniform(0.45, 0.6) if outcome == "raggiunto" else rng.uniform(0.25, 0.42)))
        mid = {"valore": value_text(kpi, end * share)}
    elif kpi.accrual == "milestone":
        if outcome == "raggiunto" and rng.random() < 0.4:
            mid = {"valore": value_text(kpi, end)}
        else:
            mid = {"avanzamento": progress(rng, 40, 70) if outcome == "raggiunto" else progress(rng, 15, 35)}
    else:
        mid_value = end * Decimal(str(rng.uniform(0.97, 1.03)))
        if kpi.unit == "%" and kpi.target <= 100:
            mid_value = min(mid_value, Decimal(100))
        if kpi.unit == "N" and kpi.decimals and kpi.target <= 1:
            mid_value = min(mid_value, kpi.target)
        if outcome == "raggiunto" and not kpi.lower_is_better:
            mid_value = max(mid_value, kpi.target)
        mid = {"valore": value_text(kpi, mid_value)}
    year_end = {"valore": value_text(kpi, end)}
    if outcome == "a_rischio":
        year_end["nota"] = rng.choice(AT_RISK_NOTES)
    elif outcome == "non_raggiunto":
        year_end["nota"] = rng.choice(MISSED_NOTES)
    return mid, year_end


def completion_day(rng: random.Random, before: date, days: int) -> date:
    return before - timedelta(days=rng.randint(1, days))


def deadline_rows(kpi: Kpi, outcome: str, rng: random.Random) -> tuple[dict, dict]:
    due = kpi.deadline
    if outcome == "non_raggiunto":
        left = progress(rng, 60, 85)
        mid = {"avanzamento": progress(rng, 20, 40)}
        return mid, {"valore": "NO", "avanzamento": left, "nota": "Attività non conclusa entro l'anno."}
    if outcome == "in_ritardo":
        done = due + timedelta(days=rng.randint(10, 60))
        note = rng.choice(LATE_NOTES)
    else:
        done = max(completion_day(rng, due, 40), date(2022, 1, 10))
        note = ""
    finished = {"valore": "SI", "completato_il": done.strftime("%d/%m/%Y")}
    if done <= MID:
        mid = dict(finished)
    elif due <= MID:
        mid = {"avanzamento": progress(rng, 70, 90), "nota": "Scadenza superata, attività in chiusura."}
    else:
        mid = {"avanzamento": progress(rng, 30, 70)}
    if note:
        finished["nota"] = note
        if done <= MID:
            mid["nota"] = note
    return mid, finished


def open_milestone_rows(kpi: Kpi, rng: random.Random) -> tuple[dict, dict]:
    """Targets without a date: «Nei termini di legge», «entro un mese da quando …»."""
    done = date(2022, rng.randint(9, 11), rng.randint(1, 28))
    return ({"avanzamento": progress(rng, 30, 60)},
            {"valore": "SI", "completato_il": done.strftime("%d/%m/%Y"), "nota": "Completato nei termini previsti."})


def proposal(kpi: Kpi) -> tuple[str, Decimal]:
    lowered = (kpi.target * Decimal("0.8")).quantize(Decimal(1))
    decimals = len(kpi.row["target_2022"].split(",")[1].split()[0]) if "," in kpi.row["target_2022"] else 0
    number = re.search(r"-?[\d.,]+", kpi.row["target_2022"]).group(0)
    return kpi.row["target_2022"].replace(number, fmt(lowered, decimals), 1), lowered


def generate(kpis: list[Kpi]) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    deadlines = [k for k in kpis if k.deadline]
    comparisons = [k for k in kpis if k.op]
    late = set(k.code for k in rng.sample([k for k in deadlines if k.deadline <= date(2022, 10, 31)], 4))
    undone = set(k.code for k in rng.sample([k for k in deadlines
                                             if k.code not in late and k.deadline >= date(2022, 9, 1)], 2))
    proposal_candidates = [k for k in comparisons if k.accrual == "cumulativo" and k.op == ">="
                           and k.unit == "N" and k.target >= 10]
    proposed = rng.choice(proposal_candidates).code
    missing = [k.code for k in rng.sample([k for k in comparisons
                                           if k.accrual != "solo_consuntivo" and k.code != proposed], 3)]

    mids, ends = [], []
    for kpi in kpis:
        if kpi.deadline:
            outcome = "in_ritardo" if kpi.code in late else "non_raggiunto" if kpi.code in undone else "raggiunto"
            mid, end = deadline_rows(kpi, outcome, rng)
        elif kpi.op:
            outcome = rng.choices(["raggiunto", "a_rischio", "non_raggiunto"], weights=[72, 18, 10])[0]
            if kpi.code == proposed:
                outcome = "a_rischio"
            mid, end = comparison_rows(kpi, outcome, rng)
            if kpi.code == proposed:
                new_target, lowered = proposal(kpi)
                share = Decimal(str(rng.uniform(0.28, 0.35)))
                mid = {"valore": value_text(kpi, kpi.target * share),
                       "nota": "Valore del primo semestre molto al di sotto dell'andamento atteso.",
                       "proposta_target": new_target,
                       "motivazione": "Domanda delle imprese nel primo semestre molto inferiore alle previsioni: "
                                      "si propone di ricondurre il target dell'anno a un livello raggiungibile."}
                end = {"valore": value_text(kpi, lowered + (kpi.target - lowered) * Decimal("0.4"))}
            if kpi.code == missing[0]:
                mid = {"nota": "Dato non ancora trasmesso dall'ufficio."}
            if kpi.code in missing:
                end = {"nota": "Dato non pervenuto alla data del monitoraggio."}
        else:
            mid, end = open_milestone_rows(kpi, rng)
        common = {"codice": kpi.code, "fonte": kpi.row["fonte"], "validato_da": validator(kpi.row)}
        mids.append({**common, "data": MID.strftime("%d/%m/%Y"), **mid})
        ends.append({**common, "data": END.strftime("%d/%m/%Y"), **end})
    return mids, ends


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    mids, ends = generate(read_kpis(HERE / "piano.csv"))
    write(HERE / "misure-2022-06-30.csv", mids)
    write(HERE / "misure-2022-12-31.csv", ends)


if __name__ == "__main__":
    main()
