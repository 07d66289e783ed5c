"""Fuzzing: the rules compiler accepts or refuses in Italian; both engines agree on random plans."""

from datetime import date

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piao_rules.engine.durable_host import AVAILABLE
from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.facts import FIELDS
from piao_rules.engine.rulebook import load_rulebook
from piao_rules.errors import InputError
from piao_rules.io.model import Measure, MeasureSet, Plan

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=12), st.sampled_from(["vero", "falso", "$x", "raggiunto"]))
CONDITIONS = st.dictionaries(
    st.one_of(st.sampled_from(sorted(FIELDS)), st.text(max_size=8)),
    st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.sampled_from(["<", ">=", "=", "!=", "~"]), SCALARS, max_size=2)),
    max_size=3,
)
RULES = st.lists(
    st.fixed_dictionaries(
        {"id": st.one_of(st.from_regex(r"[A-Z]{2}[0-9]{2}", fullmatch=True), st.text(max_size=4)), "nome": st.text(min_size=0, max_size=10)},
        optional={"se": st.one_of(CONDITIONS, SCALARS), "allora": st.one_of(st.dictionaries(st.sampled_from(["stato", "metodo", "x"]), SCALARS, max_size=2), SCALARS)},
    ),
    max_size=4,
)
FILES = st.fixed_dictionaries(
    {},
    optional={
        "descrizione": st.one_of(st.text(max_size=10), SCALARS),
        "modo": st.sampled_from(["prima_regola", "tutte_le_regole", "altro"]),
        "parametri": st.dictionaries(st.text(max_size=5), SCALARS, max_size=2),
        "regole": st.one_of(RULES, SCALARS),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.one_of(FILES, SCALARS, st.text(max_size=40)))
def test_any_stato_file_is_compiled_or_refused_in_italian(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("regole")
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
    (folder / "stato.yaml").write_text(text, encoding="utf-8")
    try:
        rulebook = load_rulebook(folder)
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)
        assert all("stato.yaml" in p.file for p in error.problems)
    else:
        assert rulebook.tables["stato"].rules


TARGETS = ["≥ 70%", "<= 20 gg", "≥ 10", "entro il 30/09/2023", "SI", "≥ 10 iniziative 500 soggetti",
           "> media triennio precedente", "Consegna progetto definitivo", "4 report/anno", "Nei termini di legge"]
ACCRUALS = [None, "cumulativo", "puntuale", "solo_consuntivo", "milestone"]
VALUES = st.one_of(st.none(), st.sampled_from(["SI", "NO", "30/08/2023", "80%", "0,8"]), st.integers(0, 200).map(str))


@st.composite
def plans_and_measures(draw):
    count = draw(st.integers(1, 8))
    indicators, measures = [], []
    for n in range(count):
        indicator = {"codice": f"K{n}", "nome": f"Indicatore {n}", "target": draw(st.sampled_from(TARGETS))}
        if accrual := draw(st.sampled_from(ACCRUALS)):
            indicator["andamento"] = accrual
        if draw(st.booleans()):
            indicator["peso"] = draw(st.integers(0, 100))
        if draw(st.booleans()) and indicator["target"] in ("≥ 70%", "≥ 10"):
            indicator["soglia"] = draw(st.sampled_from(["50%", "5", "90%"]))
        indicators.append(indicator)
        if draw(st.integers(0, 4)) == 0:
            continue
        measure = {"codice": f"K{n}"}
        if (value := draw(VALUES)) is not None:
            measure["valore"] = value
        if draw(st.booleans()):
            measure["avanzamento"] = str(draw(st.integers(0, 100)))
        if draw(st.booleans()):
            measure["componenti"] = {"iniziative": str(draw(st.integers(0, 20))), "soggetti": str(draw(st.integers(0, 900)))}
        if draw(st.integers(0, 5)) == 0:
            measure["proposta_target"] = "≥ 5"
        if draw(st.integers(0, 5)) == 0:
            measure["giudizio"] = draw(st.sampled_from(["raggiunto", "a_rischio"]))
        measures.append(measure)
    plan = Plan.model_validate({"ente": {"nome": "Prova"}, "anno": 2023, "aree": [
        {"codice": "A", "nome": "Area", "obiettivi": [{"codice": "O", "nome": "Obiettivo", "indicatori": indicators}]}]})
    when = draw(st.sampled_from([date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)]))
    return plan, MeasureSet(data=when, misure=[Measure.model_validate(m) for m in measures]), when


@pytest.mark.skipif(not AVAILABLE, reason="durable-rules non installato")
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=plans_and_measures())
def test_both_engines_agree_on_random_plans(case):
    plan, measures, when = case
    durable = evaluate(plan, measures, when, engine="durable").model_dump(exclude={"engine"})
    builtin = evaluate(plan, measures, when, engine="interno").model_dump(exclude={"engine"})
    assert durable == builtin
