"""Properties of the target parser: it never fails on odd text, refuses impossible dates,
and reads its own canonical form back to the same reading."""

import calendar
import re
from datetime import date
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from piao_rules.targets.format import format_target
from piao_rules.targets.markup import clean
from piao_rules.targets.model import Component, Operator, Reference, ReferenceBasis, Target, TargetKind
from piao_rules.targets.parser import TargetError, parse_target, parse_threshold

# The shapes of a date the parser checks: d/m/y with 2+ digit year, ISO, «31 febbraio».
DATE_SHAPE = re.compile(
    r"\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[°º]?\s+"
    r"(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)",
    re.IGNORECASE,
)

TOKENS = [
    "≥", ">=", "<=", "≤", ">", "<", "=", "$\\geq", "\\%$", "&ge;", "&gt;=", "<i>", "</i>", "<p>", "almeno",
    "non inferiore a", "massimo", "pari a", "maggiore di", "entro", "entro il", "Entro i", "SI", "NO", "Sì",
    "70", "85,00", "1.018", "10.000,00", "0,5", "-7", "2", "%", "N.", "n.", "gg", "giorni", "€", "euro",
    "iniziative", "(Facebook)", "(circa il 40% del totale)", "/anno", "report", "media", "triennio",
    "precedente", "nazionale", "rispetto alla", "valore osservato nel", "2020", "anno n", "Anno:", "(anno 2022)",
    "SOGLIA", "proposta di aggiornamento:", "30/06/2023", "31 ottobre", "aprile", "anno N", "Consegna",
    "progetto", "Nei termini di legge", "da quando", "+", "/", ";", "(", ")", "e", " ",
]
target_like = st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join)
years = st.none() | st.integers(1900, 2100)


def reads_or_refuses_a_date(call, text):
    try:
        return call()
    except TargetError as error:
        assert DATE_SHAPE.search(clean(text)) or "entro" in text.lower(), text
        assert "data impossibile" in str(error)
        return None


@given(st.text(), years)
def test_parse_target_never_fails_on_arbitrary_text(text, year):
    target = reads_or_refuses_a_date(lambda: parse_target(text, year), text)
    if target is not None:
        assert target.text == text
        if target.kind is TargetKind.QUALITATIVE:
            assert target.warnings


@given(target_like, years)
def test_parse_target_never_fails_on_target_like_text(text, year):
    reads_or_refuses_a_date(lambda: parse_target(text, year), text)


@given(target_like, target_like, years)
def test_parse_threshold_never_fails(soglia, text, year):
    target = reads_or_refuses_a_date(lambda: parse_target(text, year), text)
    if target is not None:
        reads_or_refuses_a_date(lambda: parse_threshold(soglia, target, year), soglia)


@st.composite
def impossible_dates(draw):
    separator = draw(st.sampled_from(["/", ".", "-"]))
    kind = draw(st.sampled_from(["month", "day", "year"]))
    year = draw(st.integers(2000, 2099))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    if kind == "month":
        month = draw(st.integers(13, 99))
    elif kind == "day":
        day = draw(st.integers(calendar.monthrange(year, month)[1] + 1, 99))
    else:
        year = draw(st.integers(10000, 99999) | st.integers(100, 999))
    spelled = f"{day}{separator}{month}{separator}{year}"
    return draw(st.sampled_from([spelled, f"entro il {spelled}", f"Entro {spelled}", f"Consegna entro il {spelled}"]))


@given(impossible_dates())
def test_impossible_dates_are_refused(text):
    try:
        parse_target(text)
    except TargetError as error:
        assert "data impossibile" in str(error)
    else:
        raise AssertionError(f"«{text}» accettata")


@given(st.dates(date(1990, 1, 1), date(2100, 12, 31)), st.sampled_from(["/", ".", "-"]), st.booleans())
def test_possible_dates_are_deadlines(when, separator, padded):
    day, month = (f"{when.day:02d}", f"{when.month:02d}") if padded else (str(when.day), str(when.month))
    target = parse_target(f"Entro {day}{separator}{month}{separator}{when.year}")
    assert (target.kind, target.deadline) == (TargetKind.DEADLINE, when)


# --- generated targets, written and read back ------------------------------------------------

operators = st.sampled_from(list(Operator))
amounts = st.decimals(min_value=-10**7, max_value=10**7, places=3, allow_nan=False, allow_infinity=False).map(
    lambda d: d.normalize() + Decimal(0)
)
NOUNS = ["iniziative", "eventi", "report", "campagne di comunicazione", "corsi di formazione", "incontri", "soggetti"]
SYMBOL_UNITS = ["%", "N.", "gg", "€"]
QUALIFIERS = [
    "con ciascun ufficio",
    "per la diffusione dei servizi",
    "(circa il 40% del totale)",
    "Gestione … dei nuovi documenti tramite Google Suite",
]
MILESTONES = [
    "Consegna progetto definitivo",
    "Presentazione pubblica Bilancio sociale",
    "Completamento dei quattro cantieri",
    "Avvio servizio certificazione competenze",
    "Realizzazione attività previste dalle convenzioni",
    "Definizione e sperimentazione di una metodologia di valutazione d'impatto",
    "Mantenimento",
]
REFERENCES = [
    (ReferenceBasis.PREVIOUS_3Y_MEAN, "media triennio precedente", None),
    (ReferenceBasis.PREVIOUS_3Y_MEAN, "media del triennio precedente", None),
    (ReferenceBasis.NATIONAL_MEAN, "media nazionale", None),
    (ReferenceBasis.NATIONAL_MEAN, "media nazionale dell'anno precedente", None),
    (ReferenceBasis.YEAR_VALUE, "valore osservato nel 2020", 2020),
    (ReferenceBasis.YEAR_VALUE, "valore osservato nell'anno n", None),
    (ReferenceBasis.PREVIOUS_YEAR, "anno precedente", None),
    (ReferenceBasis.OTHER, "media regionale", None),
]


@st.composite
def comparisons(draw):
    operator = draw(operators)
    unit = draw(st.sampled_from([None, *SYMBOL_UNITS, *NOUNS]))
    qualifier = draw(st.sampled_from([None, *QUALIFIERS]))
    if qualifier and "…" in qualifier:
        assume(operator is not Operator.EQ or unit in NOUNS)
    when = draw(st.none() | st.dates(date(2000, 1, 1), date(2100, 12, 31)))
    return Target(
        text="", kind=TargetKind.COMPARISON, operator=operator, value=draw(amounts), unit=unit,
        per=draw(st.sampled_from([None, "anno", "mese"])), qualifier=qualifier, deadline=when,
        coverage="ufficio" if qualifier == "con ciascun ufficio" else None,
    )


@st.composite
def compounds(draw):
    count = draw(st.integers(2, 3))
    components = []
    for index in range(1, count + 1):
        unit = draw(st.sampled_from([None, "%", "N.", *NOUNS]))
        channel = draw(st.sampled_from([None, "Facebook", "Linkedin", "Instagram"]))
        label = channel or (unit if unit in NOUNS else f"componente {index}")
        components.append(Component(label=label, operator=draw(operators), value=draw(amounts), unit=unit))
    return Target(
        text="", kind=TargetKind.COMPOUND, components=components, per=draw(st.sampled_from([None, "anno", "mese"]))
    )


@st.composite
def relatives(draw):
    basis, text, year = draw(st.sampled_from(REFERENCES))
    delta = draw(st.none() | amounts)
    reference = Reference(
        basis=basis, text=text, year=year, delta=delta,
        delta_unit=None if delta is None else draw(st.sampled_from(["%", "punti"])),
    )
    return Target(text="", kind=TargetKind.RELATIVE, operator=draw(operators), reference=reference)


deadlines = st.builds(
    Target, text=st.just(""), kind=st.just(TargetKind.DEADLINE),
    deadline=st.dates(date(1990, 1, 1), date(2100, 12, 31)), milestone=st.sampled_from([None, *MILESTONES]),
)
booleans = st.builds(
    Target, text=st.just(""), kind=st.just(TargetKind.BOOLEAN), boolean=st.booleans(),
    milestone=st.sampled_from([None, *MILESTONES]),
)
milestones = st.builds(Target, text=st.just(""), kind=st.just(TargetKind.MILESTONE), milestone=st.sampled_from(MILESTONES))
qualitatives = st.builds(
    Target, kind=st.just(TargetKind.QUALITATIVE),
    text=st.sampled_from(["Nei termini di legge", "Conferma trend di efficientamento", "In linea con la media nazionale"]),
)
targets = st.one_of(comparisons(), compounds(), relatives(), deadlines, booleans, milestones, qualitatives)


@given(targets)
def test_format_then_parse_gives_the_same_reading(target):
    text = format_target(target)
    again = parse_target(text)
    assert again.model_dump(exclude={"text", "warnings"}) == target.model_dump(exclude={"text", "warnings"}), text


OPERATOR_SPELLINGS = ["=", "==", "≥", ">=", "\\geq", "$\\geq$", "pari a", "uguale a", "almeno"]


@given(st.sampled_from(OPERATOR_SPELLINGS), st.sampled_from(["si", "SI", "Si", "sì", "SÌ", "no", "NO"]), st.sampled_from(["", " ", "  "]))
def test_yes_no_with_an_operator_is_a_yes_no_target(operator, word, space):
    target = parse_target(f"{operator}{space or ' '}{word}")
    assert target.kind is TargetKind.BOOLEAN and target.boolean is (not word.lower().startswith("n"))
    assert not target.warnings


@given(st.sampled_from(["si/no", "SI/NO", "Si / No", "sì/no"]))
def test_a_yes_no_indicator_reads_as_target_yes_with_a_warning(text):
    target = parse_target(text)
    assert target.kind is TargetKind.BOOLEAN and target.boolean is True and "letto con target SI" in target.warnings[0]


@given(st.sampled_from(["ufficio", "sede", "comune", "istituto"]), st.sampled_from(["con ciascun", "per ogni", "presso ogni"]),
       st.integers(1, 20), st.sampled_from(["incontro", "visite", "controlli"]))
def test_coverage_targets_name_the_unit_covered(unit, each, quantity, noun):
    for text in (f"almeno {quantity} {noun} {each} {unit}", f"{each} {unit} almeno {quantity} {noun}"):
        target = parse_target(text)
        assert target.kind is TargetKind.COMPARISON and target.value == quantity and target.coverage == unit, text
        assert any("serve il numero di elementi da coprire" in w for w in target.warnings)
