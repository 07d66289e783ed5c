"""Column names, cell texts and CSV dialects."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules import values
from piao_rules.errors import Problems
from piao_rules.io.tables import Percent, cell_text, column_key, read_sheets, same_value


@pytest.mark.parametrize(
    ("header", "key"),
    [("Unità", "unita"), ("UNITA'", "unita"), ("Area codice", "area_codice"), ("Target 2023", "target_2023"),
     ("obiettivo-padre", "obiettivo_padre"), (" Collegato  a ", "collegato_a"), ("Unità’", "unita")],
)
def test_column_key(header, key):
    assert column_key(header) == key


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("14.29"), "14,29"), (1018, "1018"), (0.5, "0,5"), (date(2023, 6, 30), "30/06/2023"), (True, "SI"),
     (Percent(Decimal("85.5")), "85,5%"), (None, ""), (Decimal("1E+2"), "100")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_cell_text_of_a_number_reads_back(number):
    assert values.parse_number(cell_text(number)) == number


def test_same_value_compares_numbers_and_dates_not_texts():
    assert same_value("14,29", Decimal("14.29"))
    assert same_value("30/06/2023", date(2023, 6, 30))
    assert not same_value("Competitività", "Competitivita")


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiter_is_sniffed_from_the_header(tmp_path, delimiter):
    text = delimiter.join(["codice", "valore", "nota"]) + "\r\n" + delimiter.join(["K1", '"85,5"', '"a; b, c"']) + "\r\n"
    path = tmp_path / "misure.csv"
    path.write_text(text, encoding="utf-8")
    grid = read_sheets(path, path.read_bytes(), "csv", Problems(path))[""]
    assert grid == [["codice", "valore", "nota"], ["K1", "85,5", "a; b, c"]]


def test_column_letters_are_the_spreadsheet_ones():
    from openpyxl.utils import get_column_letter

    from piao_rules.io.tables import column_letter

    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
    assert all(column_letter(n) == get_column_letter(n) for n in range(1, 18279))
