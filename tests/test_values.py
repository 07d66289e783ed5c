"""Italian numbers, dates and yes/no as controllers type them."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules import values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.018", "1018"),
        ("85,00 %", "85.00"),
        ("85,00%", "85.00"),
        ("5.000", "5000"),
        ("10.000,00", "10000.00"),
        ("0,5", "0.5"),
        ("-7,00", "-7.00"),
        ("94.3", "94.3"),
        ("3.344,00", "3344.00"),
        ("€ 115.142,23", "115142.23"),
        ("1.234.567", "1234567"),
        ("12", "12"),
    ],
)
def test_parse_number_reads_italian_notation(text, expected):
    assert values.parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12.", "1.2.3", "", "1.234,5.6"])
def test_parse_number_refuses_non_numbers(text):
    with pytest.raises(ValueError):
        values.parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/06/2023", date(2023, 6, 30)),
        ("31/7/2022", date(2022, 7, 31)),
        ("30.6.2023", date(2023, 6, 30)),
        ("31-12-2022", date(2022, 12, 31)),
        ("2023-06-30", date(2023, 6, 30)),
        ("30 giugno 2023", date(2023, 6, 30)),
        ("1° luglio 2023", date(2023, 7, 1)),
        ("31 Ottobre", date(2023, 10, 31)),
    ],
)
def test_parse_date_reads_italian_dates(text, expected):
    assert values.parse_date(text, year=2023) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30/16/2023", "il mese 16 non esiste"),
        ("31.2.2020", "il giorno 31 non esiste"),
        ("31 ottobre", "manca l'anno"),
        ("domani", "non è una data"),
    ],
)
def test_parse_date_explains_impossible_dates(text, message):
    with pytest.raises(ValueError, match=message):
        values.parse_date(text)


@pytest.mark.parametrize(("text", "expected"), [("SI", True), ("Sì", True), ("si'", True), ("NO", False), ("no", False)])
def test_parse_bool(text, expected):
    assert values.parse_bool(text) is expected


@pytest.mark.parametrize("text", ["n.d.", "ND", "---", "//", "-", "", "Non rilevato", "n.d. / n.d.", "Nessun dato"])
def test_null_markers(text):
    assert values.is_null(text)


def test_no_data_is_a_missing_measure_and_none_of_a_noun_a_count_of_zero():
    from piao_rules.io.model import Measure

    missing = Measure.model_validate({"codice": "K1", "valore": "nessun dato disponibile"})
    zero = Measure.model_validate({"codice": "K1", "valore": "nessuna segnalazione"})
    assert (missing.value, missing.counted) == (None, None)
    assert (zero.value, zero.counted) == (Decimal(0), "segnalazione")


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_italian_formatting_reads_back(number):
    integer, _, decimals = f"{abs(number):,.2f}".partition(".")
    text = ("-" if number < 0 else "") + integer.replace(",", ".") + "," + decimals
    assert values.parse_number(text) == number


@given(st.text(max_size=30))
def test_readers_never_raise_anything_but_value_error(text):
    for reader in (values.parse_number, values.parse_date, values.parse_bool):
        try:
            reader(text)
        except ValueError:
            pass


@pytest.mark.parametrize(("text", "counts"), [
    ("2 sale", [(Decimal(2), "sale")]),
    ("3 regolamenti approvati", [(Decimal(3), "regolamenti approvati")]),
    ("1.018 pratiche", [(Decimal(1018), "pratiche")]),
    ("6 iniziative 88 imprese", [(Decimal(6), "iniziative"), (Decimal(88), "imprese")]),
    ("6 iniziative e 88 imprese partecipanti", [(Decimal(6), "iniziative"), (Decimal(88), "imprese partecipanti")]),
    ("nessuna postazione attiva", [(Decimal(0), "postazione attiva")]),  # a count of zero with its noun
    ("nessun'iniziativa", [(Decimal(0), "iniziativa")]),
    ("4 check-up", [(Decimal(4), "check-up")]), ("3 corsi e-learning", [(Decimal(3), "corsi e-learning")]),
    ("2 seminari svolti a marzo", None),  # a sentence, for the note
    ("nessuno", None), ("nessuna criticità emersa nel semestre", None),
    ("15 novembre", None), ("3 su 5", None), ("3 sale su 5 piani", None), ("circa 120", None), ("80% imprese", None),
])
def test_counts_written_with_their_noun(text, counts):
    assert values.parse_counts(text) == counts
