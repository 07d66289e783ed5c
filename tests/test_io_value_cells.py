"""Twenty-fourth pass, part A: value cells read the way the labellers did (docs/regole.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from piao_rules import values
from piao_rules.io import written
from piao_rules.io.model import MeasureSet


def _measure(**fields):
    return MeasureSet.model_validate({"misure": [{"codice": "K1", **fields}]}).measures[0]


@pytest.mark.parametrize(("text", "day"), [("28 feb. 2023", date(2023, 2, 28)), ("3 sett 2024", date(2024, 9, 3)),
                                           ("1 giu 2025", date(2025, 6, 1))])
def test_a_date_with_its_month_shortened_is_a_date(text, day):
    assert values.parse_date(text) == day
    assert _measure(valore=text).value == day


@pytest.mark.parametrize("text", ["3 set", "28 feb.", "12 mar"])
def test_a_shortened_month_without_its_year_is_no_date(text):
    assert not values.looks_like_date(text)


@pytest.mark.parametrize(("cell", "number"), [("circa 110", Decimal(110)), ("ca. 310", Decimal(310)),
                                              ("120 circa", Decimal(120))])
def test_a_count_written_as_an_estimate_is_read_with_a_warning(cell, number):
    measure = _measure(valore=cell)
    assert (measure.value, measure.written) == (number, cell)
    assert f"stima scritta nel valore: «{cell}»" in measure.note


@pytest.mark.parametrize("cell", ["20% circa", "circa 25 imprese", "circa il 40%"])
def test_other_estimates_stay_refused(cell):
    with pytest.raises(ValueError):
        _measure(valore=cell)


@pytest.mark.parametrize(("cell", "components", "note"), [
    ("3 seminari (12/3, 16/4 e 28/5), 186 partecipanti", {"seminari": 3, "partecipanti": 186}, "(12/3, 16/4 e 28/5)"),
    ("3 webinar (14/03, 30/05) + 1 convegno (12/12)", {"webinar": 3, "convegno": 1}, "(14/03, 30/05) (12/12)"),
    ("38 distributori, per un totale di 171 strumenti", {"distributori": 38, "strumenti": 171},
     "38 distributori, per un totale di 171 strumenti"),
])
def test_counts_apart_by_their_remarks_are_the_components(cell, components, note):
    measure = _measure(valore=cell)
    assert (measure.components, measure.written, measure.note) == (components, cell, note)


@pytest.mark.parametrize("cell", ["6 iniziative + 88 imprese", "5 incontri, 120 partecipanti", "3 seminari (marzo)"])
def test_counts_without_remarks_between_them_are_left_to_the_components(cell):
    assert written.counts_apart(cell) is None


def test_a_count_in_words_with_a_remark_is_the_count():
    measure = _measure(valore="quattro tirocini attivati (uno interrotto a novembre)")
    assert (measure.value, measure.written) == (Decimal(4), "quattro tirocini attivati (uno interrotto a novembre)")


@pytest.mark.parametrize(("cell", "total"), [("tutti", 22), ("tutte", "ventidue"), ("tutti gli addetti", "22 addetti")])
def test_all_beside_the_total_is_the_total(cell, total):
    measure = _measure(valore=cell, totale=total)
    assert (measure.value, measure.total, measure.written) == (Decimal(22), Decimal(22), cell)


def test_all_without_a_total_stays_refused():
    with pytest.raises(ValueError):
        _measure(valore="tutti")


@pytest.mark.parametrize(("cell", "total"), [("2 a Cuneo, 1 a Mondovì, 3 ad Alba, 1 a Saluzzo", "7"),
                                             ("3 a Lecco e 2 a Como", "5"), ("1 presso la sede di Rho; 2 a Monza", "3")])
def test_counts_at_named_places_are_summed(cell, total):
    assert written.per_place(cell) == total


@pytest.mark.parametrize("cell", ["2 a marzo, 3 ad aprile", "4 a Torino", "2 a Cuneo, 3 incontri"])
def test_counts_not_all_at_places_are_not_summed(cell):
    assert written.per_place(cell) is None


@pytest.mark.parametrize(("cell", "said"), [("circa 110", "letto il numero 110"), ("tutti", "totale delle unità"),
                                            ("2 a Cuneo, 1 a Mondovì", "sommati i conteggi per sede: 3"),
                                            ("3 seminari (12/3), 186 partecipanti", "letti i conteggi «3 seminari, 186"),
                                            ("quattro tirocini attivati (uno interrotto)", "«4 tirocini attivati (uno interrotto)»")])
def test_verifica_says_how_each_new_reading_was_made(cell, said):
    assert said in written.explained(cell)
