"""One table of target-kind traits (targets/model.py KIND_TRAITS) read by every module."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from piao_rules.engine.facts import FIELDS
from piao_rules.io.model import Measure
from piao_rules.narrative.phrases import PhraseBook
from piao_rules.targets import parse_target
from piao_rules.targets.fit import not_pertinent, scale_top
from piao_rules.targets.format import describe_target
from piao_rules.targets.model import KIND_TRAITS, Measured, TargetKind


def test_every_kind_has_traits_with_distinct_names():
    assert set(KIND_TRAITS) == set(TargetKind)
    for name in ("italian", "label", "described"):
        assert len({getattr(t, name) for t in KIND_TRAITS.values()}) == len(TargetKind)


def test_the_rules_and_the_phrase_book_name_the_kinds_as_the_table_does():
    assert FIELDS["tipo_target"].choices == tuple(k.italian for k in TargetKind)
    book = PhraseBook.load()
    assert {k.italian for k in TargetKind} == {s.rsplit(".", 1)[1] for s in book.situations if s.startswith("indicatore.richiesta.")}


@pytest.mark.parametrize(("text", "kind", "label", "measured"), [
    ("≥ 70%", TargetKind.COMPARISON, "Confronto", Measured.NUMBER),
    ("entro il 30/06/2023", TargetKind.DEADLINE, "Scadenza", Measured.ACTIVITY),
    ("SI", TargetKind.BOOLEAN, "Sì/No", Measured.ACTIVITY),
    ("> media triennio precedente", TargetKind.RELATIVE, "Relativo", Measured.NUMBER),
    ("≥ 10 iniziative 500 soggetti", TargetKind.COMPOUND, "Composto", Measured.COMPONENTS),
    ("Consegna progetto definitivo", TargetKind.MILESTONE, "Traguardo", Measured.ACTIVITY),
    ("Nei termini di legge", TargetKind.QUALITATIVE, "Qualitativo", Measured.JUDGEMENT),
])
def test_a_target_is_described_and_checked_by_its_kinds_traits(text, kind, label, measured):
    target = parse_target(text, 2023)
    assert target.kind is kind and kind.traits.measured_by is measured
    assert describe_target(target).startswith(f"{label}: ")
    number, when = Measure(code="X", value=Decimal(5)), Measure(code="X", value=date(2023, 5, 1))
    assert not_pertinent(target, number) is (measured in (Measured.ACTIVITY, Measured.COMPONENTS))
    assert not_pertinent(target, when) is (measured in (Measured.NUMBER, Measured.COMPONENTS))


@pytest.mark.parametrize(("target", "value", "note", "top"), [
    ("≥ 70%", "4.3", "Media dei voti da 1 a 5 dei questionari.", 5),
    ("≥ 80%", "8.1", "Punteggio medio su scala 1-10.", 10),
    (">= 85,00 %", "4.1", "Giudizio medio 4,1 su 5, da 212 questionari.", 5),
    ("≥ 70%", "82", "Quota di voti 4 o 5 sulla scala da 1 a 5.", None),  # the value is a share already
    ("≥ 4", "4.3", "Media dei voti da 1 a 5.", None),  # the target is on the scale
    ("≥ 70%", "4.3", "Dato di 3 uffici su 5.", None),  # no mark, no scale
])
def test_a_mark_on_a_scale_is_not_compared_with_a_percentage(target, value, note, top):
    assert scale_top(parse_target(target, 2023), Measure(code="X", value=Decimal(value), note=note)) == top


# twenty-first pass, part B2: a count written with a participle and no noun counts the target's units
@pytest.mark.parametrize(("counted", "pertinent"), [("verificate", True), ("istruite", True), ("giornate", False),
                                                    ("sportelli", False)])
def test_a_count_with_a_participle_only_for_a_share_of_units(counted, pertinent):
    measure = Measure(code="K1", value=Decimal(212), counted=counted, total=Decimal(212))
    assert not_pertinent(parse_target("100% delle imprese iscritte nel 2024"), measure) is not pertinent
