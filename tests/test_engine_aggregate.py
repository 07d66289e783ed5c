"""Degrees up the tree: weights, exclusions, computed indicators, offices, bands."""

from datetime import date
from decimal import Decimal as D

from piao_rules.engine.aggregate import Member, bands, combine
from piao_rules.engine.rulebook import BandTable
from piao_rules.io.model import Plan
from tests.engine_helpers import measures, run


def test_weighted_mean_renormalises_over_measured_members():
    mean = combine([Member("a", D(60), D(100)), Member("b", D(40), D(50)), Member("c", D(0), None)], "media_ponderata")
    assert mean.value == D(80)
    assert mean.excluded == ["c"]
    assert mean.weights_sum == D(100)


def test_equal_weights_when_none_given_and_mixed_weights_noticed():
    assert combine([Member("a", None, D(100)), Member("b", None, D(50))], "media_ponderata").value == D(75)
    mixed = combine([Member("a", D(70), D(100)), Member("b", None, D(50))], "media_ponderata")
    assert mixed.mixed_weights and mixed.value == D(75)


def test_nothing_measurable_gives_no_degree_not_zero():
    assert combine([Member("a", None, None)], "media_ponderata").value is None


def test_all_reached_policy():
    assert combine([Member("a", None, D(100)), Member("b", None, D(100))], "tutti_raggiunti").value == 100
    assert combine([Member("a", None, D(100)), Member("b", None, D(99))], "tutti_raggiunti").value == 0


def test_bands_keep_the_jump_as_written():
    table = BandTable.model_validate({"nome": "R", "scaglioni": [{"sotto": 70, "tipo": "zero"}, {"sotto": 90, "tipo": "proporzionale"}, {"tipo": "pieno"}]})
    assert bands(D("69.99"), [table])[0].share == 0
    assert bands(D(70), [table])[0].share == 70
    assert bands(D("89.99"), [table])[0].share == D("89.99")
    assert bands(D(90), [table])[0].share == 100


def _tree() -> Plan:
    """An OS with its own KPI (40) and a computed «media obiettivi» KPI (60) over two OPs."""
    return Plan.model_validate({
        "ente": {"nome": "CCIAA"}, "anno": 2023,
        "aree": [{"codice": "A1", "nome": "Area 1", "peso": 100, "obiettivi": [{
            "codice": "OS1", "nome": "Strategico", "tipo": "strategico",
            "indicatori": [
                {"codice": "K1", "nome": "Eventi", "target": ">= 3", "peso": 40, "andamento": "puntuale"},
                {"codice": "K2", "nome": "Valore medio performance obiettivi operativi", "target": ">= 80", "peso": 60, "calcolato": "media_obiettivi"},
            ],
            "obiettivi": [
                {"codice": "OP1", "nome": "Op 1", "peso": 50, "responsabile": "UFFICIO A", "indicatori": [
                    {"codice": "K3", "nome": "Risorse", "target": ">= 60%", "peso": 50, "andamento": "puntuale"},
                    {"codice": "K4", "nome": "Customer", "target": ">= 3", "peso": 50, "andamento": "puntuale"},
                ]},
                {"codice": "OP2", "nome": "Op 2", "peso": 50, "responsabile": "UFFICIO B", "indicatori": [
                    {"codice": "K5", "nome": "Bilancio di genere", "target": "SI"},
                ]},
            ],
        }]}],
    })


def test_computed_indicator_takes_the_mean_of_child_objectives():
    result = run(_tree(), measures(
        {"codice": "K1", "valore": "6"}, {"codice": "K3", "valore": "100%"}, {"codice": "K4", "valore": "1,5"},
        {"codice": "K5", "valore": "SI"}, when="31/12/2023",
    ), date(2023, 12, 31))
    assert result.objective("OP1").achievement == 75  # (100 + 50) / 2
    assert result.objective("OP2").achievement == 100
    k2 = result.indicator("K2")
    assert k2.measure.value == D("87.5") and k2.achievement == 100  # 87,5 ≥ 80
    assert result.objective("OS1").achievement == 100  # 0,4 × 100 + 0,6 × 100
    assert result.summary.achievement == 100
    offices = {o.owner: o for o in result.offices}
    assert offices["UFFICIO A"].achievement == 75 and offices["UFFICIO B"].achievement == 100


def test_weights_not_adding_up_are_flagged_on_the_objective():
    plan = _tree()
    plan.areas[0].objectives[0].objectives[0].indicators[0].weight = D(30)
    result = run(plan, measures(), date(2023, 6, 30))
    flag = next(f for f in result.objective("OP1").flags if f.code == "incoerenza")
    assert "80" in flag.reason and flag.id == "OP1/incoerenza"


def test_counts_and_worst_flag_roll_up():
    result = run(_tree(), measures({"codice": "K1", "valore": "1"}), date(2023, 6, 30))
    os1 = result.objective("OS1")
    assert os1.counts.total == 5
    assert os1.counts.a_rischio == 1 and os1.counts.non_rilevabile >= 3
    assert os1.worst_flag.value == "media"
    assert result.summary.counts.total == 5


def _area(code: str, weight, *objectives: tuple[str, str | None, object]) -> dict:
    return {"codice": code, "nome": code, "peso": weight, "obiettivi": [
        {"codice": o, "nome": o, "tipo": kind, "peso": w, "indicatori": [{"codice": f"{o}-1", "nome": "x", "target": "≥ 10"}]}
        for o, kind, w in objectives]}


def _means(codes_values: dict[str, int]) -> dict:
    from piao_rules.engine.aggregate import Mean
    return {code: Mean(value=D(value)) for code, value in codes_values.items()}


def _plan(*areas: dict) -> Plan:
    return Plan.model_validate({"ente": {"nome": "Camera"}, "anno": 2023, "aree": list(areas)})


def test_ente_degree_leaves_individual_objectives_apart_and_uses_the_strategic_level():
    from piao_rules.engine.aggregate import ente_grade
    from piao_rules.engine.rulebook import EnteScope
    plan = _plan(_area("L1", None, ("OS1", "strategico", None), ("OS2", "strategico", None)),
                 _area("AAE", None, ("OP1", "operativo", 70), ("OP2", "operativo", 30)),
                 _area("IND", None, ("SG1", "individuale", None)))
    means = _means({"OS1": 80, "OS2": 60, "OP1": 10, "OP2": 10, "SG1": 0})
    grade = ente_grade(plan.areas, means, "media_ponderata", EnteScope())
    assert grade.mean.value == D(70) and grade.members == ["OS1", "OS2"]
    assert grade.level == ["strategico"] and grade.apart == ["SG1"] and grade.basis == "obiettivi"
    no_level = ente_grade(plan.areas, means, "media_ponderata", EnteScope(livello=[]))
    assert no_level.members == ["OS1", "OS2", "OP1", "OP2"]


def test_ente_degree_counts_each_objective_once_when_areas_have_no_weight():
    from piao_rules.engine.aggregate import ente_grade
    from piao_rules.engine.rulebook import EnteScope
    plan = _plan(_area("A", None, ("O1", None, None), ("O2", None, None), ("O3", None, None)),
                 _area("T", None, ("O4", "trasversale", None)))
    means = _means({"O1": 100, "O2": 100, "O3": 100, "O4": 0})
    assert ente_grade(plan.areas, means, "media_ponderata", EnteScope()).mean.value == D(75)
    by_area = ente_grade(plan.areas, means, "media_ponderata", EnteScope(base="aree"))
    assert by_area.mean.value == D(50) and by_area.basis == "aree"
    weighted = _plan(_area("A", 80, ("O1", None, None)), _area("T", 20, ("O4", None, None)))
    grade = ente_grade(weighted.areas, means, "media_ponderata", EnteScope())
    assert grade.basis == "aree" and grade.mean.value == D(80)

