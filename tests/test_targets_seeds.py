"""Every target and SOGLIA of the four seed documents, read with the kind a controller would choose."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from piao_rules.targets.format import format_target
from piao_rules.targets.parser import parse_target, parse_threshold

FIXTURE = Path(__file__).parent / "fixtures" / "seed_targets.csv"
PLAN_YEARS = {"000": 2023, "001": 2022, "002": 2020, "003": 2021}  # year of each seed's plan or monitoring
SOGLIA_OF = re.compile(r"soglia di «(.+)»")

with FIXTURE.open(encoding="utf-8", newline="") as handle:
    ROWS = list(csv.DictReader(handle, delimiter=";"))


def read(row):
    year = PLAN_YEARS[row["seed"]]
    if match := SOGLIA_OF.search(row["nota"]):
        return parse_threshold(row["testo"], parse_target(match.group(1), year), year)
    return parse_target(row["testo"], year)


def test_fixture_is_complete_and_deduplicated():
    texts = [row["testo"] for row in ROWS]
    assert len(texts) == len(set(texts)) >= 200
    assert {row["seed"] for row in ROWS} == set(PLAN_YEARS)
    assert set(Counter(row["kind_atteso"] for row in ROWS)) == {
        "comparison", "deadline", "boolean", "relative", "compound", "milestone", "qualitative",
    }


def test_seed_strings_get_the_expected_kind():
    misses = []
    for row in ROWS:
        target = read(row)
        if target.kind.value != row["kind_atteso"]:
            misses.append(f"{row['seed']} «{row['testo']}»: atteso {row['kind_atteso']}, letto {target.kind.value}")
    print("\n".join(misses) or "nessun errore")
    assert len(misses) <= 0.05 * len(ROWS), misses


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['seed']}-{i}" for i, r in enumerate(ROWS)])
def test_seed_strings_round_trip_through_the_canonical_form(row):
    year = PLAN_YEARS[row["seed"]]
    target = read(row)
    again = parse_target(format_target(target), year)
    assert again.model_dump(exclude={"text", "warnings"}) == target.model_dump(exclude={"text", "warnings"})
