"""Averages over the year («post al mese (media anno)», «tempo medio»): point-in-time, paced on what the rest of
the year needs."""

from __future__ import annotations

from datetime import date

import pytest
from engine_helpers import one, plan_yaml

from piao_rules.engine.result import Status
from piao_rules.targets.average import is_average


@pytest.mark.parametrize(("text", "average"), [
    ("N. post al mese (media anno) su LinkedIn", True),
    ("Tempo medio di evasione delle pratiche", True),
    ("Media mensile delle newsletter inviate", True),
    ("Contatti con i media locali", False),  # the mass media
    ("Pagine visualizzate nell'anno / media pagine visualizzate nei 3 anni precedenti", False),  # a reference
    ("Partecipazione alle riunioni mensili", False),  # monthly meetings are counted, not averaged
])
def test_what_reads_as_an_average(text, average):
    assert is_average(text) is average


def test_an_average_below_target_is_judged_on_what_the_rest_of_the_year_needs():
    post = {"algoritmo": "N. post al mese (media anno)"}
    behind = one(">= 16", date(2023, 6, 30), indicator=post, valore="11")  # needs about 21 a month from July
    near = one(">= 12", date(2023, 6, 30), indicator=post, valore="11")  # needs about 13
    assert (behind.accrual.value, behind.status, near.status) == ("puntuale", Status.AT_RISK, Status.ON_TRACK)
    assert "serve una media di 13 nel resto dell'anno" in near.explanation.inputs["media dell'anno"]
    assert one(">= 12", date(2023, 12, 31), indicator=post, valore="11").status is Status.MISSED  # the year's average
    plain = one(">= 12 post", date(2023, 6, 30), valore="11")  # not an average: a count that grows
    assert plain.accrual.value == "cumulativo"


def test_a_mean_time_over_its_limit_is_already_an_overrun():
    late = one("<= 20 gg", date(2023, 6, 30), indicator={"nome": "Tempo medio di pagamento delle fatture"}, valore="22")
    assert late.status is Status.AT_RISK and late.explanation.steps[2].rule == "ST16V"


def test_verifica_says_an_average_is_read_as_point_in_time(tmp_path):
    from click.testing import CliRunner

    from piao_rules.cli import main

    (tmp_path / "piano.yaml").write_text(plan_yaml(
        "{codice: I1, nome: N. post al mese (media anno), target: '>= 12'}",
        "{codice: I2, nome: N. post al mese (media anno), target: '>= 12', andamento: cumulativo}",
        "{codice: I3, nome: N. post pubblicati, target: '>= 12'}"), encoding="utf-8")
    output = CliRunner().invoke(main, ["verifica", str(tmp_path / "piano.yaml")]).output
    assert output.count("l'indicatore è una media dell'anno") == 1 and "indicatori[I1].nome" in output
