"""The shipped example data sets load into the models and match their source documents.

Cuneo: monitoring at 30/06/2023 (28 blocks, 71 indicators). Torino: PIAO 2022 in the
flat form (CSV and xlsx) with synthetic measures at 30/06 and 31/12/2022.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from piao_rules import values
from piao_rules.io import load_measures, load_plan
from piao_rules.io.model import Accrual, Measure, ObjectiveKind, Plan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CUNEO = EXAMPLES / "cuneo"
TORINO = EXAMPLES / "torino"
MEASURE_HEADER = (
    "codice;data;valore;componente;avanzamento;completato_il;riferimento;giudizio;nota;fonte;"
    "proposta_target;motivazione;causa_esterna;validato_da"
).split(";")
FLAT_HEADER = (
    "ente;sigla;sede;anno;periodo;titolo;area_codice;area_nome;area_peso;obiettivo_codice;obiettivo_nome;obiettivo_tipo;obiettivo_responsabile;"
    "obiettivo_peso;obiettivo_padre;codice;nome;algoritmo;tipologia;unita;baseline_anno;baseline_valore;"
    "target_2022;target_2023;target_2024;soglia;peso;responsabile;fonte;andamento;note"
).split(";")


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        return list(reader.fieldnames or []), list(reader)


def measures_of(path: Path) -> list[Measure]:
    measure_set, warnings = load_measures(path)
    assert not [w for w in warnings if w.is_error]
    return [m.model_copy(update={"as_of": m.as_of or measure_set.as_of}) for m in measure_set.measures]


# --------------------------------------------------------------------------- Cuneo

# Indicators per block («N.» of the annex), counted on the seed's table rows.
CUNEO_BLOCKS = {
    1: 3, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 3, 8: 2, 9: 3, 10: 5, 11: 5, 12: 3, 13: 3, 14: 3,
    15: 2, 16: 2, 17: 3, 18: 4, 19: 2, 20: 4, 21: 4, 22: 2, 23: 2, 24: 2, 25: 4, 26: 2, 27: 2, 28: 1,
}
# Objectives per block, where a block holds more than one.
CUNEO_MULTI = {9: 3, 10: 5, 11: 4, 13: 3, 15: 2, 16: 2, 17: 2, 18: 3, 19: 2, 20: 2, 21: 2, 23: 2,
               24: 2, 25: 3, 26: 2, 27: 2}
CUNEO_PROPOSALS = {"O16.1-1", "O21.2-1", "O24.2-1"}


@pytest.fixture(scope="module")
def cuneo_plan() -> Plan:
    plan, _ = load_plan(CUNEO / "piano.yaml")
    return plan


@pytest.fixture(scope="module")
def cuneo_rows() -> list[Measure]:
    header, _ = read_csv(CUNEO / "misure-2023-06-30.csv")
    assert header == MEASURE_HEADER
    return measures_of(CUNEO / "misure-2023-06-30.csv")


def block_of(code: str) -> int:
    return int(code[1:3])


def test_cuneo_plan_has_71_indicators_in_28_blocks(cuneo_plan):
    indicators = [indicator for *_, indicator in cuneo_plan.indicators()]
    assert len(indicators) == 71
    assert Counter(block_of(i.code) for i in indicators) == CUNEO_BLOCKS
    objectives = Counter(block_of(o.code) for _, o in cuneo_plan.objectives())
    assert {block: n for block, n in objectives.items() if n > 1} == CUNEO_MULTI
    assert sum(objectives.values()) == 53
    assert len({i.code for i in indicators}) == 71


def test_cuneo_areas_and_kinds(cuneo_plan):
    assert [area.code for area in cuneo_plan.areas] == ["DIR", "EQ", "UFF", "TRA"]
    blocks = {area.code: sorted({block_of(o.code) for o in area.objectives}) for area in cuneo_plan.areas}
    assert blocks == {"DIR": list(range(1, 9)), "EQ": list(range(9, 13)), "UFF": list(range(13, 28)), "TRA": [28]}
    kinds = {o.code: o.kind for _, o in cuneo_plan.objectives()}
    assert kinds["O07"] is ObjectiveKind.ORGANISATION
    assert kinds["O28"] is ObjectiveKind.CROSS_CUTTING
    assert kinds["O12"] is ObjectiveKind.OPERATIONAL
    assert all(kinds[f"O0{n}"] is ObjectiveKind.MANAGERIAL for n in (1, 2, 3, 4, 5, 6, 8))
    assert all(i.weight is None and i.accrual is not None for *_, i in cuneo_plan.indicators())


def test_cuneo_targets_as_written(cuneo_plan):
    targets = {i.code: i.target for *_, i in cuneo_plan.indicators()}
    assert targets["O01-3"] == "≥ 10 iniziative 500 soggetti"
    assert targets["O18.3-1"] == "$\\geq 70\\%$"
    assert targets["O23.1-1"] == "\\geq <i>media del triennio precedente</i>"
    assert targets["O20.1-2"] == "250 (Facebook) ≥ 250 (Linkedin)"
    assert targets["O24.2-1"] == "\\geq 400 strumenti (circa il 40% del totale)"
    assert not any("proposta di aggiornamento" in t for t in targets.values())


def test_cuneo_repeated_indicators_point_to_first_occurrence(cuneo_plan):
    order = [i.code for *_, i in cuneo_plan.indicators()]
    linked = {i.code: i.linked_to for *_, i in cuneo_plan.indicators() if i.linked_to}
    for code, first in linked.items():
        assert order.index(first) < order.index(code)
        assert first not in linked, "la prima occorrenza non deve essere a sua volta collegata"
    social_report = sorted(code for code, first in linked.items() if first == "O09.3-1")
    assert social_report == ["O10.2-1", "O11.1-1", "O12-2", "O15.1-1", "O26.1-1"]
    assert linked["O18.3-1"] == "O06-1" and linked["O22-1"] == "O03-1" and linked["O25.3-1"] == "O01-3"


def test_cuneo_every_indicator_has_a_measure(cuneo_plan, cuneo_rows):
    codes = {i.code for *_, i in cuneo_plan.indicators()}
    measures = cuneo_rows
    assert {m.code for m in measures} == codes
    assert len(measures) == 71
    assert {m.as_of for m in measures} == {date(2023, 6, 30)}


def test_cuneo_measures_keep_the_seed_values(cuneo_rows):
    measures = {m.code: m for m in cuneo_rows}
    assert measures["O06-1"].value == Decimal(95) and measures["O18.3-1"].value == Decimal(90)
    assert measures["O06-1"].percent
    assert measures["O25.2-1"].value == Decimal(21)
    assert measures["O07-3"].value == Decimal("4.58") and measures["O07-3"].reference == Decimal("3.64")
    assert measures["O01-3"].components == {"iniziative": 8, "soggetti": 264}
    assert measures["O25.3-1"].components == {"iniziative": 8, "partecipanti": 264}
    assert measures["O20.1-2"].components == {"Facebook": 86, "Linkedin": 118}
    assert measures["O01-1"].progress == 50 and measures["O01-1"].value is None
    assert measures["O07-2"].value is None and measures["O07-2"].note
    assert measures["O04-1"].value is True


def test_cuneo_proposals_are_in_the_measures_only(cuneo_rows):
    measures = cuneo_rows
    proposed = {m.code: m for m in measures if m.proposed_target}
    assert set(proposed) == CUNEO_PROPOSALS
    assert all(m.proposal_reason for m in proposed.values())
    assert proposed["O24.2-1"].external_cause


def test_cuneo_reference_value_in_plan(cuneo_plan):
    references = {i.code: i.reference for *_, i in cuneo_plan.indicators() if i.reference}
    assert set(references) == {"O07-3", "O23.1-1"}
    assert all(r.value == Decimal("3.64") for r in references.values())


# --------------------------------------------------------------------------- Torino

STRATEGIC_KPIS = {"OS01.1.1": 5, "OS02.1.1": 2, "OS03.1.1": 8, "OS04.1.1": 10, "OS05.1.1": 1, "OS06.1.1": 4,
                  "OS07.1.2": 9, "OS08.2.1": 2, "OS09.2.1": 3, "OS10.2.1": 5, "OS11.2.2": 8, "OS12.3": 5,
                  "OS13.4": 6, "OS14.5": 7}
# Operational objectives: weight in the Area and the KPI weights, as printed in section 3.2.
# "-" marks a KPI printed without a weight.
OPERATIONAL_WEIGHTS = """
AAE OP10.2.2-02 7 100 | OP2.1.1-03 7 50 50 | OP2.1.1-05 8 100 | OP3.1.1-01 7 100 | OP3.1.1-02 7 50 50
AAE OP3.1.1-03 7 100 | OP3.1.1-06 7 100 | OP4.1.1-01 7 17 17 17 17 16 16 | OP4.1.1-03 7 100 | OP5.1.1-01 5 100
AAE OP6.1.1-05 7 100 | OP6.1.1-09 7 100 | OP7.1.2-03 5 100 | OP7.1.2-09 5 100 | OP8.2.1-01 7 50 50
ARFP OP1.1.1-07 8 100 | OP1.1.1-08 8 25 25 25 25 | OP12.3-02 8 100 | OP2.1.1-02 6 100 | OP3.1.1-04 13 100
ARFP OP4.1.1-02 8 100 | OP4.1.1-05 15 50 50 | OP4.1.1-07 10 100 | OP5.1.1-03 8 100 | OP6.1.1-06 5 100
ARFP OP7.1.2-02 5 100 | OP7.1.2-07 6 100
ASTRM OP10.2.1-01 6 25 25 25 25 | OP11.2.2-01 6 25 25 25 25 | OP12.3.1-01 6 25 25 25 25
ASTRM OP13.4.1-01 6 25 25 25 25 | OP13.4.1-02 7 50 50 | OP14.5.1-01 6 25 25 25 25 | OP2.1.1-04 5 100
ASTRM OP4.1.1-04 7 100 | OP4.1.1-06 8 100 | OP5.1.1-02 5 100 | OP6.1.1-07 4 100 | OP6.1.1-08 5 100
ASTRM OP6.1.1-11 5 - | OP7.1.2-04 4 - | OP7.1.2-08 4 - | OP8.2.1-02 5 - | OP8.2.1-03 5 - | OP8.2.1-04 6 -
STAFF OP2.1.1-01 12,5 - | OP6.1.1-01 12,5 - | OP6.1.1-02 12,5 - | OP6.1.1-04 12,5 - | OP7.1.2-01 12,5 -
STAFF OP7.1.2-05 12,5 - 33,3 33,4 | OP7.1.2-06 12,5 100 | OP7.1.2-10 12,5 100
"""


def expected_weights() -> dict[str, tuple[str, Decimal, list[Decimal | None]]]:
    table = {}
    for line in OPERATIONAL_WEIGHTS.strip().splitlines():
        area, rest = line.split(" ", 1)
        for item in rest.split("|"):
            code, weight, *kpis = item.split()
            table[code] = (area, Decimal(weight.replace(",", ".")),
                           [None if w == "-" else Decimal(w.replace(",", ".")) for w in kpis])
    return table


@pytest.fixture(scope="module")
def torino_plan() -> Plan:
    header, _ = read_csv(TORINO / "piano.csv")
    assert header == FLAT_HEADER
    plan, _ = load_plan(TORINO / "piano.csv")
    return plan


def test_torino_csv_and_xlsx_hold_the_same_plan(torino_plan):
    from_xlsx, warnings = load_plan(TORINO / "piano.xlsx")
    assert from_xlsx == torino_plan
    assert torino_plan.ente.name == "Camera di commercio industria artigianato e agricoltura di Torino"
    assert (torino_plan.year, torino_plan.period) == (2022, "2022-2024")


def test_torino_counts_match_the_piao(torino_plan):
    by_kind = defaultdict(list)
    for area, objective, indicator in torino_plan.indicators():
        by_kind[objective.kind].append((area.code, objective.code, indicator.code))
    strategic = by_kind[ObjectiveKind.STRATEGIC]
    assert len(strategic) == 75
    assert Counter(objective for _, objective, _ in strategic) == STRATEGIC_KPIS
    assert {area for area, *_ in strategic} == {"L1", "L2", "L3", "L4", "L5"}
    operational = by_kind[ObjectiveKind.OPERATIONAL]
    assert len(operational) == 83
    assert len({objective for _, objective, _ in operational}) == 53
    assert Counter(area for area, *_ in operational) == {"AAE": 23, "ARFP": 16, "ASTRM": 34, "STAFF": 10}
    individual = by_kind[ObjectiveKind.INDIVIDUAL]
    assert len(individual) == 27 and len({objective for _, objective, _ in individual}) == 18
    codes = [indicator.code for *_, indicator in torino_plan.indicators()]
    assert len(codes) == len(set(codes)) == 185


def test_torino_keeps_codes_differing_only_in_case(torino_plan):
    names = {i.code: i.name for *_, i in torino_plan.indicators()}
    assert names["kpi4.1.1-02a"].startswith("Pulizia d'ufficio Registro Imprese")
    assert names["Kpi4.1.1-02a"].startswith("Rifunionalizzazione Borsa merci")


def test_torino_operational_weights_as_in_the_piao(torino_plan):
    expected = expected_weights()
    found = {}
    for area in torino_plan.areas:
        for objective in area.objectives:
            if objective.kind is ObjectiveKind.OPERATIONAL:
                found[objective.code] = (area.code, objective.weight, [i.weight for i in objective.indicators])
    assert found == expected
    for area in {a for a, *_ in expected.values()}:
        assert sum(w for a, w, _ in expected.values() if a == area) == 100
    for code, (_, _, kpis) in expected.items():
        if None not in kpis:
            assert sum(kpis) == 100, code


def test_torino_individual_weights_sum_to_100(torino_plan):
    for _, objective in torino_plan.objectives():
        if objective.kind is ObjectiveKind.INDIVIDUAL:
            assert objective.owner
            assert sum(i.weight for i in objective.indicators) == 100, objective.code


def test_torino_strategic_kpis_without_weights_and_with_fields_extracted(torino_plan):
    for _, objective, indicator in torino_plan.indicators():
        assert "SOGLIA" not in indicator.name and "(Tipologia" not in indicator.name, indicator.code
        assert indicator.accrual is not None
        if objective.kind is ObjectiveKind.STRATEGIC:
            assert indicator.weight is None and indicator.type is not None
    kpis = {i.code: i for *_, i in torino_plan.indicators()}
    assert kpis["kpi1.1.1_03"].target == {2022: "<= 8,00 %", 2023: "<= 7,00 %", 2024: "= 7,00 %"}
    assert kpis["kpi1.1.1_03"].threshold == "9%" and kpis["kpi1.1.1_03"].baseline.value == "6,43 %"
    assert kpis["kpi4.1.1_10"].threshold == "31/7/2022"
    assert kpis["kpi11.2.2_02"].threshold == ">= 80%"
    assert kpis["kpi2.1.1_02"].source == "Infocamenre"
    assert kpis["EC05.1"].type.value == "salute_economica"


@pytest.fixture(scope="module", params=["misure-2022-06-30.csv", "misure-2022-12-31.csv"])
def torino_measures(request) -> list[Measure]:
    header, _ = read_csv(TORINO / request.param)
    assert header == MEASURE_HEADER
    return measures_of(TORINO / request.param)


def test_torino_one_measure_per_kpi(torino_plan, torino_measures):
    codes = [m.code for m in torino_measures]
    assert sorted(codes) == sorted(i.code for *_, i in torino_plan.indicators())
    assert len({m.as_of for m in torino_measures}) == 1


def test_torino_measures_show_a_realistic_mix(torino_plan):
    mid = {m.code: m for m in measures_of(TORINO / "misure-2022-06-30.csv")}
    end = {m.code: m for m in measures_of(TORINO / "misure-2022-12-31.csv")}
    kpis = {i.code: i for *_, i in torino_plan.indicators()}
    year_end_only = [code for code, kpi in kpis.items() if kpi.accrual is Accrual.YEAR_END]
    assert year_end_only and all(mid[code].value is None for code in year_end_only)
    missing = [code for code, m in end.items() if m.value is None and m.progress is None]
    assert 2 <= len(missing) <= 3
    proposals = [m for m in mid.values() if m.proposed_target]
    assert len(proposals) == 1 and proposals[0].proposal_reason
    deadlines = {code: _deadline(kpi.target_for(2022)) for code, kpi in kpis.items()}
    late = [code for code, m in end.items() if m.completed_on and deadlines[code] and m.completed_on > deadlines[code]]
    assert len(late) >= 2
    assert sum(1 for m in end.values() if m.value is False) >= 1


def _deadline(text: str) -> date | None:
    """The date of «Entro 31/12/2022», «Entro 31-05-2022» or «31/05/2022»; None for other targets."""
    match = re.fullmatch(r"(?:entro\s+)?(\d{1,2}[/-]\d{1,2}[/-]\d{4})", text.strip(), re.IGNORECASE)
    return values.parse_date(match.group(1)) if match else None


def test_torino_measures_are_reproducible():
    spec = importlib.util.spec_from_file_location("genera_misure", TORINO / "genera_misure.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their annotations through sys.modules
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    mids, ends = module.generate(module.read_kpis(TORINO / "piano.csv"))
    for name, generated in (("misure-2022-06-30.csv", mids), ("misure-2022-12-31.csv", ends)):
        _, committed = read_csv(TORINO / name)
        assert [{k: row.get(k, "") for k in MEASURE_HEADER} for row in generated] == committed, name
