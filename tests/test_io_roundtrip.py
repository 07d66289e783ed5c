"""Any plan and any measures survive the trip through the flat and nested forms and every file format."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piao_rules.errors import InputError
from piao_rules.io import load_measures, load_plan, plan_from_rows, plan_to_rows, write_measures, write_plan
from piao_rules.io.model import (
    Accrual,
    Area,
    Baseline,
    Computation,
    Ente,
    Indicator,
    IndicatorType,
    IntermediateTarget,
    Judgement,
    Measure,
    MeasureSet,
    Objective,
    ObjectiveKind,
    Plan,
    Reference,
    TargetRevision,
)

# What people type in a plan: letters with accents, digits, punctuation, symbols of targets.
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòùÈ0123456789 .,;:/%≥≤<>=()-'\"€&+*?!"
CODE_ALPHABET = "ABCDEFGHIKOPSabk0123456789._- "

text = st.text(ALPHABET, min_size=1, max_size=25).map(str.strip).filter(bool)
maybe_text = st.none() | text
weight = st.none() | st.decimals(min_value=0, max_value=100, places=2)
number = st.decimals(min_value=-10**6, max_value=10**6, places=3)
day = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
year = st.integers(min_value=2000, max_value=2100)
by_year = text | st.dictionaries(year, text, min_size=1, max_size=3)


def _enum(kind):
    return st.none() | st.sampled_from(list(kind))


def _model(kind, **fields):
    """Instances of a model from strategies for its (English) field names."""
    return st.fixed_dictionaries(fields).map(lambda values: kind(**values))


revisions = st.lists(
    _model(
        TargetRevision,
        number=st.integers(min_value=1, max_value=9),
        previous=text,
        target=text,
        reason=text,
        approved_by=maybe_text,
        approved_on=st.none() | day,
        oiv_opinion=maybe_text,
    ),
    max_size=3,
)


@st.composite
def indicators(draw, code: str) -> Indicator:
    return Indicator(
        code=code,
        name=draw(text),
        formula=draw(maybe_text),
        type=draw(_enum(IndicatorType)),
        unit=draw(maybe_text),
        baseline=draw(st.none() | _model(Baseline, year=st.none() | year, value=text)),
        target=draw(st.none() | by_year),
        threshold=draw(st.none() | by_year),
        weight=draw(weight),
        owner=draw(maybe_text),
        source=draw(maybe_text),
        accrual=draw(_enum(Accrual)),
        intermediate_targets=draw(st.lists(_model(IntermediateTarget, when=day, target=text), max_size=3)),
        reference=draw(st.none() | _model(Reference, value=number, description=maybe_text)),
        linked_to=draw(maybe_text),
        computed=draw(_enum(Computation)),
        revisions=draw(revisions),
        note=draw(maybe_text),
    )


@st.composite
def plans(draw) -> Plan:
    """A plan with unique codes (the flat form identifies areas and objectives by code)."""
    prefix = draw(st.text(CODE_ALPHABET, max_size=4))
    counter = iter(range(10**6))

    def code(kind: str) -> str:
        return f"{prefix}{kind}{next(counter)}".strip()

    def objective(depth: int) -> Objective:
        children = draw(st.integers(0, 2 if depth < 2 else 0))
        return Objective(
            code=code("O"),
            name=draw(text),
            kind=draw(_enum(ObjectiveKind)),
            description=draw(maybe_text),
            owner=draw(maybe_text),
            weight=draw(weight),
            objectives=[objective(depth + 1) for _ in range(children)],
            indicators=[draw(indicators(code("K"))) for _ in range(draw(st.integers(0, 3)))],
        )

    areas = [
        Area(
            code=code("A"),
            name=draw(text),
            description=draw(maybe_text),
            weight=draw(weight),
            objectives=[objective(0) for _ in range(draw(st.integers(0, 3)))],
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    return Plan(
        ente=Ente(name=draw(text), short_name=draw(maybe_text), city=draw(maybe_text)),
        year=draw(year),
        period=draw(maybe_text),
        title=draw(maybe_text),
        rules=draw(maybe_text),
        revision=draw(st.integers(0, 5)),
        areas=areas,
    )


@given(plans())
@settings(max_examples=100, deadline=None)
def test_plan_round_trip_through_rows(plan):
    assert plan_from_rows(plan_to_rows(plan)) == plan


@given(plans(), st.sampled_from(["yaml", "csv", "xlsx"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_plan_round_trip_through_files(plan, extension):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"piano.{extension}"
        write_plan(plan, path)
        loaded, warnings = load_plan(path)
    assert loaded == plan
    assert warnings == []


@st.composite
def measure_sets(draw) -> MeasureSet:
    codes = draw(st.lists(st.text(CODE_ALPHABET, min_size=1, max_size=8).map(str.strip).filter(bool), min_size=1, max_size=6, unique=True))
    measures = []
    for code in codes:
        value = draw(st.none() | st.booleans() | day | number)
        measures.append(
            Measure(
                code=code,
                as_of=draw(st.none() | day),
                value=value,
                percent=draw(st.booleans()) if value is not None and not isinstance(value, (bool, date)) else False,
                progress=draw(st.none() | st.decimals(min_value=0, max_value=100, places=1)),
                completed_on=draw(st.none() | day),
                components=draw(st.dictionaries(text, number, max_size=3)),
                reference=draw(st.none() | number),
                judgement=draw(_enum(Judgement)),
                note=draw(maybe_text),
                source=draw(maybe_text),
                proposed_target=draw(maybe_text),
                proposal_reason=draw(maybe_text),
                external_cause=draw(maybe_text),
                validated_by=draw(maybe_text),
            )
        )
    return MeasureSet(as_of=draw(day), measures=measures)


def _comparable(measure_set: MeasureSet):
    return [(measure_set.taken_on(m), m.model_dump(exclude={"as_of"})) for m in measure_set.measures]


@given(measure_sets(), st.sampled_from(["yaml", "csv", "xlsx"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_measures_round_trip_through_files(measure_set, extension):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"misure.{extension}"
        write_measures(measure_set, path)
        loaded, warnings = load_measures(path)
    assert _comparable(loaded) == _comparable(measure_set)
    assert warnings == []


# Whatever a file holds, readers answer with a plan or an InputError: never a traceback.
CELL = st.none() | text | st.sampled_from(["A1", "O1", "K1", "2023", "120", "30/16/2023", "≥ 5", "n.d.", "O2", "media_obiettivi"])
COLUMNS = ["ente", "anno", "area_codice", "obiettivo_codice", "obiettivo_padre", "codice", "nome", "peso", "target",
           "target_2023", "target_intermedi", "rev", "area_nome", "obiettivo_nome", "collegato_a", "calcolato", "tipologia"]


@given(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8, unique=True), st.data())
@settings(max_examples=150, deadline=None)
def test_any_table_gives_a_plan_or_an_input_error(columns, data):
    rows = data.draw(st.lists(st.lists(CELL, min_size=len(columns), max_size=len(columns)), max_size=6))
    try:
        plan_from_rows([{c: v for c, v in zip(columns, row) if v is not None} for row in rows])
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)


@given(st.text(max_size=300), st.sampled_from(["piano.yaml", "piano.csv", "misure.yaml", "misure.csv"]))
@settings(max_examples=200, deadline=None)
def test_any_text_file_gives_a_result_or_an_input_error(content, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(content, encoding="utf-8")
        reader = load_plan if name.startswith("piano") else load_measures
        try:
            reader(path)
        except InputError as error:
            assert error.problems


KEYS = ["ente", "nome", "anno", "aree", "codice", "obiettivi", "indicatori", "target", "soglia", "peso", "baseline",
        "valore", "target_intermedi", "data", "revisioni", "rev", "misure", "componenti", "tipologia", "colore", 2023]
SCALAR = st.none() | st.booleans() | st.integers(-5, 3000) | st.floats(allow_nan=False) | text
NESTED = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5), max_leaves=25)


@given(st.dictionaries(st.sampled_from(KEYS), NESTED, max_size=6), st.sampled_from(["piano.yaml", "misure.yaml"]))
@settings(max_examples=200, deadline=None)
def test_any_yaml_structure_gives_a_result_or_an_input_error(content, name):
    import yaml

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        reader = load_plan if name.startswith("piano") else load_measures
        try:
            reader(path)
        except InputError as error:
            assert error.problems and all(p.where or p.message for p in error.problems)


def test_shared_numbers_and_dates_are_written_out_every_time():
    """Readings are cached, so equal values are often one object: YAML must not anchor them."""
    from datetime import date
    from decimal import Decimal

    from piao_rules.io import yamlfile

    weight, when = Decimal("7"), date(2023, 6, 30)
    text = yamlfile.dump({"a": {"peso": weight, "data": when}, "b": {"peso": weight, "data": when}})
    assert "&" not in text and "*" not in text
    assert text.count("peso: 7") == 2 and text.count("30/06/2023") == 2
