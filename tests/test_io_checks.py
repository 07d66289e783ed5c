"""Structural checks: duplicate codes, unknown references, weights, contradictory measures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from io_helpers import FIXTURES, write_csv

from piao_rules.errors import Problem
from piao_rules.io import check, load_measures, load_plan, read_measures, read_plan
from piao_rules.io.model import Measure, MeasureSet, Plan


@pytest.fixture(scope="module")
def plan():
    return load_plan(FIXTURES / "piano.yaml")[0]


def _plan(areas) -> Plan:
    return Plan.model_validate({"ente": {"nome": "CCIAA"}, "anno": 2023, "aree": areas})


def _objective(code, indicators=(), objectives=(), **extra):
    return {"codice": code, "nome": f"Obiettivo {code}", "indicatori": list(indicators), "obiettivi": list(objectives), **extra}


def _indicator(code, **extra):
    return {"codice": code, "nome": f"Indicatore {code}", **extra}


def _texts(problems):
    return [str(p) for p in problems]


def test_fixture_plan_and_measures_are_clean(plan):
    measures, _ = load_measures(FIXTURES / "misure.yaml")
    assert check(plan, measures) == []


def test_duplicate_codes_name_both_places(tmp_path):
    text = (FIXTURES / "piano.yaml").read_text(encoding="utf-8")
    text = text.replace("codice: A2", "codice: A1").replace("codice: OP2.2", "codice: OP2.1")
    text = text.replace("codice: K2.1-02", "codice: K2.1-01")
    path = tmp_path / "piano.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = read_plan(path)
    problems = check(loaded.value, plan_places=loaded.places)
    assert _texts(problems) == [
        f"{path}:riga 57/aree[A1].codice: il codice «A1» è già usato da un'altra area (riga 10/aree[A1]): "
        "dare a ogni area un codice diverso",
        f"{path}:riga 82/aree[A1].obiettivi[OP2.1].codice: il codice «OP2.1» è già usato da un altro obiettivo "
        "(riga 61/aree[A1].obiettivi[OP2.1]): dare a ogni obiettivo un codice diverso",
        f"{path}:riga 75/aree[A1].obiettivi[OP2.1].indicatori[K2.1-01].codice: il codice «K2.1-01» è già usato da un altro "
        "indicatore (riga 67/aree[A1].obiettivi[OP2.1].indicatori[K2.1-01]): un indicatore ripetuto in un altro obiettivo "
        "va scritto con un codice proprio e «collegato_a» al primo",
    ]


def test_duplicate_indicator_in_a_table_names_both_rows(tmp_path):
    path = write_csv(tmp_path / "piano.csv", [
        ["ente", "anno", "area_codice", "area_nome", "obiettivo_codice", "obiettivo_nome", "codice", "nome"],
        ["CCIAA", "2023", "A1", "Area", "O1", "Uno", "K1", "Primo"],
        ["", "", "A1", "", "O2", "Due", "K1", "Ripetuto"],
    ])
    loaded = read_plan(path)
    assert _texts(check(loaded.value, plan_places=loaded.places)) == [
        f"{path}:riga 3/codice: il codice «K1» è già usato da un altro indicatore (riga 2): un indicatore ripetuto in un "
        "altro obiettivo va scritto con un codice proprio e «collegato_a» al primo"
    ]


def test_without_places_problems_name_the_path_by_codes():
    plan = _plan([{"codice": "A", "nome": "Area", "obiettivi": [
        _objective("O", [_indicator("K1", collegato_a="K9"), _indicator("K2", collegato_a="K2")])
    ]}])
    assert _texts(check(plan)) == [
        "aree[A].obiettivi[O].indicatori[K1].collegato_a: collegato a «K9», che non è un indicatore del piano",
        "aree[A].obiettivi[O].indicatori[K2].collegato_a: l'indicatore è collegato a se stesso: "
        "indicare il codice dell'indicatore originale",
    ]


def test_media_obiettivi_needs_child_objectives():
    plan = _plan([{"codice": "A", "nome": "Area", "obiettivi": [
        _objective("OS1", [_indicator("K1", calcolato="media_obiettivi")], [_objective("OP1", [_indicator("K2")])]),
        _objective("OS2", [_indicator("K3", calcolato="Media obiettivi")]),
    ]}])
    assert _texts(check(plan)) == [
        "aree[A].obiettivi[OS2].indicatori[K3].calcolato: «media_obiettivi» richiede obiettivi sotto l'obiettivo OS2, "
        "che non ne ha: aggiungerli con obiettivo_padre o togliere «calcolato»"
    ]


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (["14,29"] * 6 + ["14,26"], None),
        (["33,34", "33,33", "33,33"], None),
        (["50", "50,01"], None),
        (["50", "50,02"], "i pesi degli indicatori dell'obiettivo O sommano a 100,02 invece di 100: controllarli"),
        (["40", "59,98"], "i pesi degli indicatori dell'obiettivo O sommano a 99,98 invece di 100: controllarli"),
        ([None, None, None], None),
        (["100"], None),
        (["60"], "i pesi degli indicatori dell'obiettivo O sommano a 60 invece di 100: controllarli"),
    ],
)
def test_sibling_weights_add_up_to_100(weights, message):
    indicators = [_indicator(f"K{i}", **({"peso": w} if w else {})) for i, w in enumerate(weights)]
    plan = _plan([{"codice": "A", "nome": "Area", "obiettivi": [_objective("O", indicators)]}])
    problems = check(plan)
    assert [p.message for p in problems] == ([message] if message else [])
    assert all(not p.is_error for p in problems)


def test_partial_weights_and_every_sibling_level():
    plan = _plan([
        {"codice": "A1", "nome": "Uno", "peso": 70, "obiettivi": [
            _objective("O1", [_indicator("K1", peso=60), _indicator("K2"), _indicator("K3", peso=30)], peso=50,
                       objectives=[_objective("O1.1", peso=80), _objective("O1.2", peso=30)]),
            _objective("O2", peso=40),
        ]},
        {"codice": "A2", "nome": "Due", "peso": 20},
    ])
    assert _texts(check(plan)) == [
        "aree[A1].peso: avviso: i pesi delle aree del piano sommano a 90 invece di 100: controllarli",
        "aree[A1].obiettivi[O1].peso: avviso: i pesi degli obiettivi dell'area A1 sommano a 90 invece di 100: controllarli",
        "aree[A1].obiettivi[O1].obiettivi[O1.1].peso: avviso: i pesi degli obiettivi sotto l'obiettivo O1 sommano a 110 "
        "invece di 100: controllarli",
        "aree[A1].obiettivi[O1].indicatori[K2].peso: avviso: pesi incompleti degli indicatori dell'obiettivo O1: 1 su 3 "
        "senza peso (gli altri sommano a 90): indicare il peso di tutti o di nessuno",
    ]


def test_measures_of_unknown_indicators_and_duplicates(plan, tmp_path):
    path = tmp_path / "misure.yaml"
    path.write_text(
        "data: 30/06/2023\nmisure:\n"
        "  - {codice: k2.1-01, valore: 2}\n"
        "  - {codice: K2.1-01, valore: 2}\n"
        "  - {codice: K2.1-01, valore: 3}\n"
        "  - {codice: K2.1-01, data: 31/03/2023, valore: 3}\n"
        "  - {codice: ZZZ, valore: 1}\n",
        encoding="utf-8",
    )
    loaded = read_measures(path)
    assert _texts(check(plan, loaded.value, measure_places=loaded.places)) == [
        f"{path}:riga 3/misure[k2.1-01].codice: l'indicatore «k2.1-01» non è nel piano (forse «K2.1-01»?): correggere il codice",
        f"{path}:riga 5/misure[K2.1-01].codice: l'indicatore K2.1-01 ha già una misura al 30/06/2023 "
        "(riga 4/misure[K2.1-01]): tenerne una sola",
        f"{path}:riga 7/misure[ZZZ].codice: l'indicatore «ZZZ» non è nel piano: correggere il codice",
    ]


def test_contradictory_measure_fields_are_warnings(plan):
    measures = MeasureSet(
        as_of=date(2023, 6, 30),
        measures=[
            Measure(code="K2.2-01", progress=Decimal(60), completed_on=date(2023, 7, 15),
                    proposed_target="entro il 31/12/2023"),
            Measure(code="K2.1-01", as_of=date(2022, 12, 31), value=Decimal(2)),
            Measure(code="K2.1-02", value=Decimal(90), proposed_target="≥ 90%", proposal_reason="obiettivo superato"),
        ],
    )
    problems = check(plan, measures)
    assert all(not p.is_error for p in problems)
    assert _texts(problems) == [
        "misure[K2.2-01].proposta_target: avviso: proposta di aggiornamento del target senza motivazione: compilare «motivazione»",
        "misure[K2.2-01].completato_il: avviso: completata il 15/07/2023 ma con avanzamento 60%: "
        "togliere la data o portare l'avanzamento a 100",
        "misure[K2.2-01].completato_il: avviso: completata il 15/07/2023, dopo la data della misura (30/06/2023): controllare le date",
        "misure[K2.1-01].data: avviso: misura al 31/12/2022 ma il piano è del 2023: controllare la data o il piano",
    ]


def test_a_name_written_twice_is_a_located_warning_and_a_repeated_word_is_not():
    plan = _plan([{
        "codice": "A1", "nome": "Area uno",
        "obiettivi": [
            _objective("OP1", nome="Adozione del sistema pagoPA adozione del sistema  pagoPA",
                       indicators=[_indicator("K1", nome="Pratiche pratiche"), _indicator("K2", nome="Report report trimestrali")]),
        ],
    }])
    assert _texts(check(plan)) == [
        "aree[A1].obiettivi[OP1].nome: avviso: il nome dell'obiettivo OP1 ripete due volte lo stesso testo "
        "(«Adozione del sistema pagoPA»): se è un errore di copia, scriverlo una volta sola",
    ]


def test_more_checks_can_be_appended(plan):
    def every_indicator(subject):
        return [subject.in_plan((*loc, "target"), f"visto {indicator.code}", warning=True) for indicator, loc, _ in subject.indicators()]

    problems = check(plan, extra=[every_indicator])
    assert len(problems) == 7
    assert all(isinstance(p, Problem) and p.message.startswith("visto ") for p in problems)
