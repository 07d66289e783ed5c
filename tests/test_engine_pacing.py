"""Expected share of the annual target at a date."""

from datetime import date
from decimal import Decimal as D

import pytest
from engine_helpers import one

from piao_rules.engine import pacing
from piao_rules.engine.result import Status

LINEAR = {"31/03": 25, "30/06": 50, "30/09": 75, "31/12": 100}


@pytest.mark.parametrize(
    ("when", "expected"),
    [(date(2023, 1, 1), 0), (date(2023, 3, 31), 25), (date(2023, 6, 30), 50), (date(2023, 9, 30), 75), (date(2023, 12, 31), 100)],
)
def test_profile_points(when, expected):
    assert pacing.year_share(when, pacing.read_profile(LINEAR, 2023)) == expected


def test_profile_interpolates_day_by_day_and_adds_year_end():
    points = pacing.read_profile({"30/06": 40}, 2023)
    assert points[-1] == (date(2023, 12, 31), 100)
    middle = pacing.year_share(date(2023, 9, 30), points)
    assert D(69) < middle < D(71)


@pytest.mark.parametrize("profile", [{"30/06": 120}, {"30/06": 60, "30/09": 40}, {"31/02": 10}])
def test_bad_profiles_are_refused(profile):
    with pytest.raises(ValueError):
        pacing.read_profile(profile, 2023)


def test_time_share_to_a_deadline():
    assert pacing.time_share(date(2023, 6, 30), 2023, date(2023, 12, 31)) == D(100) * 180 / 364
    assert pacing.time_share(date(2023, 7, 1), 2023, date(2023, 6, 30)) == 100
    assert pacing.time_share(date(2023, 1, 1), 2023, None) == 0


@pytest.mark.parametrize("engine", ["interno", "durable"])
def test_under_the_intermediate_target_of_the_date_is_at_risk_even_within_the_tolerance(engine):
    if engine == "durable":
        pytest.importorskip("durable")
    target = "≥ 600 ore (target intermedio al 30/09: 500 ore)"
    under = one(target, date(2023, 9, 30), engine, indicator={"unita": "ore"}, valore="430 ore")
    assert (under.status, under.explanation.steps[2].rule) == (Status.AT_RISK, "ST17T")
    assert one(target, date(2023, 9, 30), engine, indicator={"unita": "ore"}, valore="510 ore").status is Status.ON_TRACK
    # another date: the usual pace and its tolerance (430 of the 450 expected at 30/09)
    assert one("≥ 600 ore (target intermedio al 30/06: 300 ore)", date(2023, 9, 30), engine, indicator={"unita": "ore"},
               valore="430 ore").status is Status.ON_TRACK
