"""Readings of a target against its measure: coverage with its total, counts inside a milestone, values
computed from the algorithm, pending target proposals evaluated side by side; pacing profiles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from engine_helpers import measures, one, plan_with, plan_yaml, run

from piao_rules.collect.layout import template_rows
from piao_rules.engine import pacing, proposals
from piao_rules.engine.result import Status
from piao_rules.narrative import narrate
from piao_rules.targets.parser import parse_target

MID, END = date(2023, 6, 30), date(2023, 12, 31)
EACH = "Almeno 1 incontro con ciascun ufficio"


def test_a_coverage_target_is_never_scored_from_a_bare_count():
    result = one(EACH, MID, valore="8")
    assert result.status is Status.TO_ASSESS and result.achievement is None
    flag = next(f for f in result.flags if f.code == "totale_mancante")
    assert "quante sono in tutto" in flag.reason and "campo totale" in flag.action
    assert not any(f.code == "dato_mancante" for f in result.flags)
    assert result.explanation.inputs["unità coperte"].startswith("8 (manca il totale")


@pytest.mark.parametrize(("where", "as_of", "status", "degree"), [
    ("piano", MID, Status.ON_TRACK, Decimal(8) / 15 * 100),
    ("misura", MID, Status.ON_TRACK, Decimal(8) / 15 * 100),
    ("piano", END, Status.MISSED, Decimal(8) / 15 * 100),
])
def test_a_coverage_target_with_its_total(where, as_of, status, degree):
    indicator = {"totale": 15} if where == "piano" else {}
    extra = {"totale": "15"} if where == "misura" else {}
    result = one(EACH, as_of, indicator=indicator, valore="8", **extra)
    assert result.status is status and result.achievement == degree and result.accrual.value == "cumulativo"
    assert result.explanation.inputs["copertura"] == "8 su 15 (ufficio) = 53,33%"


def test_a_count_in_a_milestone_is_the_target_when_the_measure_counts_the_same_noun():
    by_unit = one("Avvio operatività nelle 4 nuove sale attrezzate", MID, indicator={"unita": "sale"}, valore="2")
    by_note = one("Avvio operatività nelle 4 nuove sale attrezzate", MID, valore="2", nota="Operative 2 sale.")
    for result in (by_unit, by_note):
        assert result.status is Status.ON_TRACK and result.achievement == Decimal(50)
        assert "letto come ≥ 4 sale" in result.explanation.inputs["lettura del target"]
        assert not any(f.code == "incoerenza" for f in result.flags)
    words = one("Completamento dei quattro cantieri", END, valore="3", nota="Completati 3 cantieri.")
    assert words.status is Status.MISSED and words.achievement == Decimal(75)
    other = one("Avvio operatività nelle 4 nuove sale attrezzate", MID, valore="2", nota="Formati 2 addetti.")
    assert other.status is Status.TO_ASSESS and any(f.code == "incoerenza" for f in other.flags)  # another noun


def test_a_count_written_with_its_noun_is_shown_with_it():
    from piao_rules.engine.prepare import show_value
    from piao_rules.io.model import Measure

    written = one("Avvio operatività nelle 4 nuove sale attrezzate", MID, valore="2 sale")
    assert written.status is Status.ON_TRACK and written.achievement == Decimal(50)
    assert show_value(Measure.model_validate({"codice": "K1", "valore": "2 sale"})) == "2 sale"
    assert show_value(Measure.model_validate({"codice": "K1", "valore": "2"})) == "2"


def test_a_value_computed_from_the_algorithm_with_the_formula_shown():
    indicator = {"algoritmo": "N. pratiche evase / N. pratiche ricevute", "unita": "%"}
    result = one("≥ 90%", END, indicator=indicator, componenti={"n. pratiche evase": "45", "Numero pratiche ricevute": "50"})
    assert result.measure.value == Decimal(90) and result.status is Status.REACHED
    assert result.explanation.inputs["calcolo dall'algoritmo"] == "N. pratiche evase (45) / N. pratiche ricevute (50) × 100 = 90%"
    missing = one("≥ 90%", END, indicator=indicator, componenti={"n. pratiche evase": "45"})
    assert "mancano le componenti «N. pratiche ricevute»" in missing.explanation.inputs["calcolo dall'algoritmo"]
    assert missing.achievement is None
    zero = one("≥ 90%", END, indicator=indicator, componenti={"n. pratiche evase": "0", "n. pratiche ricevute": "0"})
    assert "denominatore è zero" in zero.explanation.inputs["calcolo dall'algoritmo"] and zero.achievement is None


def test_a_formula_of_phases_done_over_phases_planned_matures_over_the_year():
    phases = {"algoritmo": "n. fasi realizzate / n. fasi totali"}
    done = {"n. fasi realizzate": "2", "n. fasi totali": "4"}
    result = one("= 100%", MID, indicator=phases, componenti=done)
    assert result.accrual.value == "cumulativo" and result.status is Status.ON_TRACK  # 50% done, 50% expected
    assert any(step.rule == "AN02F" for step in result.explanation.steps)
    assert one("= 100%", date(2023, 9, 30), indicator=phases, componenti=done).status is Status.AT_RISK
    assert one("= 100%", END, indicator=phases, componenti=done).status is Status.MISSED
    # the plan can say the share holds at the date; a ratio of other things is compared directly
    declared = one("= 100%", MID, indicator={**phases, "andamento": "puntuale"}, componenti=done)
    assert declared.status is Status.AT_RISK
    handled = {"algoritmo": "N. pratiche evase / N. pratiche ricevute"}
    assert one("≥ 90%", MID, indicator=handled, componenti={"n. pratiche evase": "45", "n. pratiche ricevute": "100"}
               ).accrual.value == "puntuale"


def test_collection_workbooks_ask_for_the_quantities_of_a_formula():
    plan = plan_with({"target": "≥ 90%", "algoritmo": "N. pratiche evase / N. pratiche ricevute", "responsabile": "UFFICIO"})
    rows = template_rows(plan)["UFFICIO"]
    assert [r.component for r in rows] == [None, "N. pratiche evase", "N. pratiche ricevute"]


def test_a_pending_proposal_is_evaluated_side_by_side_until_approved():
    plan = plan_with({"target": "≥ 400 strumenti"})
    data = measures({"codice": "I1", "valore": "64", "proposta_target": "≥ 120 impianti", "motivazione": "Programmi in ritardo"})
    result = run(plan, data, MID).indicators[0]
    assert result.status is Status.AT_RISK and result.achievement == Decimal(16)
    versus = result.against_proposal
    assert (versus.target_text, versus.status, versus.achievement) == ("≥ 120 impianti", Status.ON_TRACK, Decimal(64) / 120 * 100)
    assert "Rispetto al target proposto l'indicatore risulterebbe in linea, con un grado di raggiungimento del 53,33%" in \
        narrate(run(plan, data, MID)).indicators["I1"]
    approved = plan_with({"target": "≥ 400 strumenti", "revisioni": [{"rev": 1, "target_precedente": "≥ 400 strumenti",
                          "nuovo_target": "≥ 120 impianti", "motivazione": "Programmi in ritardo"}]})
    assert run(approved, data, MID).indicators[0].against_proposal is None


@pytest.mark.parametrize(("target", "proposal", "lowers"), [
    ("≥ 20", "≥ 15", True), ("≥ 20", "≥ 25", False), ("<= 5 gg", "<= 10 gg", True), ("<= 30 giorni", "<= 25 giorni", False),
    ("≥ 10 iniziative 500 soggetti", "≥ 10 iniziative 400 soggetti", True),
    ("≥ 10 iniziative 500 soggetti", "≥ 8 iniziative 600 soggetti", False),  # one easier, one harder: not a lowering
    ("≥ 300 strumenti", "≥ 60 impianti", False),  # what is counted changes
    ("Entro 30/06/2023", "Entro 30/09/2023", True), ("≥ 20", "≥ 20", False),
])
def test_which_proposals_lower_the_target(target, proposal, lowers):
    assert proposals.lowers(parse_target(target, 2023), proposal, 2023) is lowers


def test_a_proposal_to_lower_the_target_puts_a_count_within_tolerance_at_risk():
    """ST15P: the office's own proposal says the target in force is out of reach; the proposal's own evaluation and a
    count at the expected pace are untouched."""
    plan = plan_with({"target": "≥ 20"})
    lowered = run(plan, measures({"codice": "I1", "valore": 8, "proposta_target": "≥ 15"}), MID).indicators[0]
    assert lowered.status is Status.AT_RISK and lowered.against_proposal.status is Status.ON_TRACK
    assert not lowered.proposed and lowered.explanation.steps[2].rule == "ST15P"
    raised = run(plan, measures({"codice": "I1", "valore": 8, "proposta_target": "≥ 25"}), MID).indicators[0]
    at_pace = run(plan, measures({"codice": "I1", "valore": 10, "proposta_target": "≥ 15"}), MID).indicators[0]
    assert raised.status is Status.ON_TRACK and at_pace.status is Status.ON_TRACK


def test_activity_profile_is_back_loaded_and_exact_at_its_dates():
    profiles = pacing.Profiles({"30/06": 50}, {"milestone": {"31/03": 15, "30/06": 35, "30/09": 65}}, 2023)
    assert [profiles.by_time(day, None, "milestone", "milestone") for day in (date(2023, 3, 31), MID, date(2023, 9, 30), END)] == \
        [Decimal(15), Decimal(35), Decimal(65), Decimal(100)]
    assert profiles.by_time(MID, date(2023, 6, 30), "scadenza", "milestone") == Decimal(100)
    assert profiles.annual(MID, "confronto", "cumulativo") == Decimal(50)
    assert one("Consegna progetto definitivo", MID, avanzamento="30").status is Status.ON_TRACK  # 30 of 35 expected
    assert one("Consegna progetto definitivo", MID, avanzamento="20").status is Status.AT_RISK
    first_quarter = date(2023, 3, 31)  # 10% expected: an activity that has started at all is on track (ST17A)
    assert one("Consegna progetto definitivo", first_quarter, avanzamento="8").status is Status.ON_TRACK
    started = one("Consegna progetto definitivo", first_quarter, avanzamento="5")
    assert started.status is Status.ON_TRACK and started.explanation.steps[-1].rule == "ST17A"
    assert one("Consegna progetto definitivo", first_quarter, avanzamento="0").status is Status.AT_RISK  # not started
    # near its deadline the expected progress is higher: starting is not enough
    assert one("Consegna progetto definitivo entro il 30/04/2023", first_quarter, avanzamento="5").status is Status.AT_RISK
    by_kind = pacing.Profiles({}, {"scadenza": {"30/06": 10}, "milestone": {"30/06": 35}}, 2023)
    assert by_kind.by_time(MID, None, "scadenza", "milestone") == Decimal(10)  # the target kind first
    with pytest.raises(ValueError, match="profili/milestone"):
        pacing.Profiles({}, {"milestone": {"30/06": 60, "30/09": 40}}, 2023)


def test_verifica_says_a_formula_of_phases_is_read_as_cumulative(tmp_path):
    from click.testing import CliRunner

    from piao_rules.cli import main

    (tmp_path / "piano.yaml").write_text(plan_yaml(
        "{codice: I1, nome: Fasi, target: '= 100%', algoritmo: n. fasi realizzate / n. fasi totali}",
        "{codice: I2, nome: Fasi, target: '= 100%', algoritmo: n. fasi realizzate / n. fasi totali, andamento: puntuale}"),
        encoding="utf-8")
    output = CliRunner().invoke(main, ["verifica", str(tmp_path / "piano.yaml")]).output
    assert "l'algoritmo rapporta il realizzato al previsto («fasi»): il valore si legge come cumulativo" in output
    assert output.count("si legge come cumulativo") == 1  # not when the plan declares the accrual


def test_the_only_component_that_counts_what_the_target_names_is_its_value():
    plan = plan_with({"target": "≥ 24 seminari in presenza", "unita": "N."}, year=2021)
    row = {"codice": "I1", "componenti": {"seminari in presenza": 5, "webinar": 11}, "proposta_target": "≥ 30 webinar"}
    result = run(plan, measures(row, when="30/06/2021"), date(2021, 6, 30)).indicators[0]
    assert (result.measure.value, result.measure.counted, result.status) == (5, "seminari in presenza", Status.AT_RISK)
    assert (result.against_proposal.achievement.quantize(Decimal("0.1")), result.against_proposal.status) == (
        Decimal("36.7"), Status.AT_RISK)  # the proposal picks its own component: 11 webinar
    both = plan_with({"target": "≥ 24 seminari", "unita": "N."}, year=2021)
    row = {"codice": "I1", "componenti": {"seminari in presenza": 5, "seminari online": 11}}
    assert run(both, measures(row, when="30/06/2021"), date(2021, 6, 30)).indicators[0].status is Status.TO_ASSESS
# seventeenth pass, part A: which count the target counts, the units counted in the note, one for each unit, a
# component in a multiple of its operand's unit (piao_rules.targets.fit, piao_rules.targets.hours)
def test_of_several_counts_the_one_the_target_counts_is_the_measure():
    result = one(">= 30 imprese", date(2022, 9, 30), valore="12 laboratori, 41 imprese partecipanti")
    assert result.status is Status.REACHED
    assert "letto il conteggio «imprese partecipanti»" in result.explanation.inputs["lettura della misura"]
    assert "12 laboratori" in result.explanation.inputs["lettura della misura"]


@pytest.mark.parametrize(("target", "counts"), [
    (">= 30 imprese", {"laboratori": "12", "imprese": "41", "imprese estere": "9"}),  # two counts of imprese: which one?
    ("≥ 10 incontri B2B / ≥ 200 imprese partecipanti", {"incontri B2B": "8", "imprese partecipanti": "245"}),  # both named
    (">= 30", {"laboratori": "12", "imprese": "41"}),  # the target names nothing
])
def test_no_count_is_chosen_when_the_target_does_not_pick_one(target, counts):
    result = one(target, date(2022, 9, 30), componenti=counts)
    assert "lettura della misura" not in result.explanation.inputs


def test_the_part_the_target_qualifies_is_the_measure():
    result = one("≥ 2 progetti approvati", MID, valore="Partecipazione a 3 candidature, di cui 2 approvate")
    assert result.status is Status.REACHED
    assert "«di cui 2 approvate»" in result.explanation.inputs["lettura della misura"]


@pytest.mark.parametrize(("target", "cell"), [
    ("≥ 8 progetti", "Presentate 9 proposte alle scuole, di cui 3 avviate"),  # the participle only in the name
    ("≥ 3 candidature", "Partecipazione a 4 candidature, di cui 1 approvata"),  # the count is the target's
])
def test_the_part_is_not_chosen_without_the_target_qualifying_it(target, cell):
    result = one(target, END, valore=cell, indicator={"nome": "Progetti avviati"})
    assert "lettura della misura" not in result.explanation.inputs


def test_the_units_covered_counted_in_the_note():
    result = one("Almeno 1 incontro con ciascuna associazione firmataria", END, indicator={"totale": "9"},
                 valore="8 incontri", nota="Incontrate 7 associazioni; con una sono stati svolti 2 incontri.")
    assert result.status is Status.MISSED
    assert "«7 associazioni»" in result.explanation.inputs["lettura della misura"]


def test_a_share_the_note_contradicts_with_its_counts():
    result = one("100% dei servizi mappati", END, valore="100%",
                 nota="Pubblicate 17 carte dei servizi sui 18 servizi mappati; l'ultima nel 2026.")
    assert result.status is Status.MISSED
    assert "letti 17 su 18" in result.explanation.inputs["lettura della misura"]


@pytest.mark.parametrize(("value", "note"), [
    ("100%", "Pubblicate 18 carte dei servizi sui 18 servizi mappati."),  # the note agrees
    ("100%", "Pubblicate 17 carte sui 18 moduli previsti."),  # the note counts other units
    ("8 incontri", "Svolti 8 incontri con le associazioni."),  # the note does not count the units covered
])
def test_the_note_is_not_read_when_it_agrees_or_counts_other_units(value, note):
    result = one("100% dei servizi mappati", END, valore=value, nota=note)
    assert "lettura della misura" not in result.explanation.inputs


def test_a_count_the_name_says_is_one_for_each_unit():
    result = one("100% dei servizi", date(2023, 9, 30), valore="11 schede aggiornate", totale="12",
                 indicator={"nome": "Aggiornamento delle schede procedimento per ciascun servizio"})
    assert result.status is Status.ON_TRACK
    assert "«schede aggiornate» contate come «servizi»" in result.explanation.inputs["lettura della misura"]


def test_a_count_of_something_else_without_one_for_each_unit_is_not_read():
    result = one("100% dei servizi", date(2023, 9, 30), valore="11 schede aggiornate", totale="12",
                 indicator={"nome": "Aggiornamento delle schede procedimento"})
    assert result.status is Status.TO_ASSESS


@pytest.mark.parametrize(("produced", "expected"), [("38,5 MWh", Status.REACHED), ("0,0385 GWh", Status.REACHED),
                                                    ("30.000 Wh", Status.MISSED)])
def test_a_component_in_a_multiple_of_its_operands_unit(produced, expected):
    result = one(">= 25%", END, indicator={"unita": "%", "algoritmo": "kWh prodotti / kWh consumati * 100"},
                 componenti={"kWh prodotti": produced, "kWh consumati": "142.000 kWh"})
    assert result.status is expected
    assert "(1 " in result.explanation.inputs["calcolo dall'algoritmo"]


# eighteenth pass, part C: the part the indicator's name counts, kinds of event, units named with a coverage count,
# a note's «N comuni su M», a share due before the year's end, units counted with one thing each
@pytest.mark.parametrize(("name", "target", "measure", "value"), [
    ("N. progetti europei presentati in qualità di capofila", "≥ 3",
     {"valore": "5", "nota": "Presentate 5 candidature, di cui 2 come capofila e 3 come partner."}, 2),
    ("N. progetti europei presentati come capofila", "≥ 3",
     {"valore": "5", "nota": "Cinque candidature: 2 come capofila e 3 come partner."}, 2),  # the parts alone add up
    ("N. controlli dei giocattoli con prelievo di campioni", "≥ 12",
     {"valore": "20", "nota": "20 ispezioni; in 7 di queste sono stati prelevati campioni."}, 7),
    ("N. imprese agroalimentari alle fiere", "≥ 25",
     {"nota": "31 imprese alle collettive: 27 agroalimentari e 4 del settore nautico."}, 27),  # no value: the note's count
])
def test_the_part_the_indicators_name_counts(name, target, measure, value):
    result = one(target, END, indicator={"nome": name, "unita": "N."}, **measure)
    assert result.explanation.inputs["valore"] == str(value)
    assert "è quella che il nome dell'indicatore conta" in result.explanation.inputs["lettura della misura"]


@pytest.mark.parametrize(("name", "measure"), [
    ("N. imprese accompagnate alle fiere", {"valore": "26", "nota": "26 imprese: 18 artigiane e 8 del commercio."}),
    ("N. workshop sul credito", {"valore": "12 workshop", "nota": "Comprende 4 workshop rinviati: svolti 8."}),  # the noun
    ("N. progetti avviati", {"valore": "9", "nota": "9 proposte, di cui 3 avviate e 2 respinte."}),  # no sum, no «di cui» part
])
def test_no_part_is_chosen_when_the_name_picks_none(name, measure):
    result = one("≥ 8", END, indicator={"nome": name, "unita": "N."}, **measure)
    assert "lettura della misura" not in result.explanation.inputs


def test_a_kind_of_event_counts_for_events():
    assert one("≥ 6 eventi", date(2023, 3, 31), valore="sei webinar").status is Status.REACHED
    assert one("≥ 6 eventi in presenza", date(2023, 3, 31), valore="sei webinar").status is Status.TO_ASSESS


@pytest.mark.parametrize("counted", ["uffici", "Uffici"])
def test_a_coverage_count_named_with_its_units(counted):
    result = one(EACH, END, indicator={"totale": "8"}, valore=f"7 {counted}", totale="8")
    assert result.status is Status.MISSED and result.explanation.inputs["copertura"].startswith("7 su 8")


def test_a_coverage_count_of_something_else_stays_not_pertinent():
    assert one("tutti i comuni della provincia", END, indicator={"totale": "31"}, valore="17 ispezioni",
               totale="31").status is Status.TO_ASSESS


def test_the_note_counts_the_units_before_the_total():
    result = one("100% dei comuni convenzionati", END, valore="100%", totale="43",
                 nota="Formati 42 comuni su 43; il Comune di Porto Tolle non ha partecipato.")
    assert result.status is Status.MISSED and "«42 comuni su 43»" in result.explanation.inputs["lettura della misura"]


def test_a_share_due_before_the_years_end_keeps_its_date():
    target = "100% delle aree di rischio entro il 30/06/2023"
    assert one(target, date(2023, 6, 30), indicator={"totale": "9"}, valore="7", totale="9").status is Status.MISSED
    assert one(target, date(2023, 3, 31), indicator={"totale": "9"}, valore="5", totale="9").status is Status.ON_TRACK


def test_units_counted_with_one_thing_each():
    result = one("≥ 40 imprese", date(2023, 9, 30), indicator={"nome": "Imprese accompagnate con check-up ESG"},
                 valore="32 check-up")
    assert result.status is Status.ON_TRACK and "uno per ciascuna" in result.explanation.inputs["lettura della misura"]
    other = one("≥ 40 imprese", date(2023, 9, 30), indicator={"nome": "Check-up ESG alle imprese"}, valore="32 check-up")
    assert other.status is Status.TO_ASSESS

def test_a_value_written_beside_components_the_algorithm_does_not_give():
    result = one("<= 15%", END, indicator={"unita": "%", "algoritmo": "N. pratiche sospese / N. pratiche protocollate * 100"},
                 valore="14,3%", componenti={"N. pratiche sospese": "4.812", "N. pratiche protocollate": "29.400"})
    assert result.status is Status.MISSED
    assert "il valore scritto (14,3%) non è quello dell'algoritmo" in result.explanation.inputs["calcolo dall'algoritmo"]


def test_a_value_written_beside_components_that_agree_is_kept():
    result = one("<= 15%", END, indicator={"unita": "%", "algoritmo": "N. pratiche sospese / N. pratiche protocollate * 100"},
                 valore="16,4%", componenti={"N. pratiche sospese": "4.812", "N. pratiche protocollate": "29.400"})
    assert "calcolo dall'algoritmo" not in result.explanation.inputs


@pytest.mark.parametrize(("note", "status"), [("Mese di 30 giorni.", Status.REACHED), (None, Status.TO_ASSESS)])
def test_an_algorithm_in_days_for_a_target_in_months(note, status):
    result = one("≤ 3 mesi", END, indicator={"algoritmo": "Somma dei giorni di durata / N. procedure concluse"},
                 componenti={"Somma dei giorni di durata": "51.300", "N. procedure concluse": "600"}, nota=note)
    assert result.status is status


def test_a_count_per_head_for_a_target_per_head():
    result = one(">= 24 ore", MID, indicator={"nome": "Ore di formazione pro capite", "unita": "ore"}, valore="8 ore pro capite")
    assert result.status is Status.AT_RISK
    assert "il nome dell'indicatore dice «pro capite»" in result.explanation.inputs["lettura della misura"]
    total = one(">= 900 ore", MID, indicator={"nome": "Ore di formazione erogate", "unita": "ore"}, valore="8 ore pro capite")
    assert total.status is Status.TO_ASSESS


@pytest.mark.parametrize(("name", "status"), [("Indice di equilibrio strutturale", Status.NOT_MEASURABLE),
                                              ("Attivazione della newsletter", Status.TO_ASSESS)])
def test_a_ratio_of_one_is_not_one_thing(name, status):
    result = one(">= 1,00", MID, indicator={"nome": name}, valore="n.d.", nota="Si calcola con il bilancio d'esercizio.")
    assert result.status is status


def test_a_name_that_says_the_year_end_value():
    result = one(">= 25,00 %", MID, indicator={"nome": "Incidenza degli interventi (indice di bilancio a consuntivo)", "unita": "%"},
                 valore="28,4%")
    assert result.status is Status.NOT_MEASURABLE


def test_operands_are_matched_without_their_period():
    result = one(">= 40%", END, indicator={"unita": "%", "algoritmo": "Importo riscosso nell'anno / Importo ingiunto nell'anno * 100"},
                 componenti={"Importo riscosso": "€ 318.400", "Importo ingiunto": "€ 702.000"})
    assert result.status is Status.REACHED


@pytest.mark.parametrize(("more", "status"), [("altre 20 giornate", Status.AT_RISK), ("altre 40 giornate", Status.ON_TRACK)])
def test_days_in_the_calendar_for_a_target_in_hours(more, status):
    result = one("≥ 500 ore di formazione", date(2023, 9, 30), valore="41 giornate",
                 nota=f"Il calendario del IV trimestre prevede {more} già fissate; ogni giornata è di 7 ore.")
    assert result.status is status


# twentieth pass, part B1: a count of something else whose note counts what the target counts (targets.fit.noted_count)
@pytest.mark.parametrize(("cell", "note", "status", "read"), [
    ("130 impianti di carburante", "I 130 impianti verificati corrispondono a 310 strumenti (erogatori).", Status.ON_TRACK,
     "«310 strumenti»"),
    ("96 impianti (per complessivi 388 strumenti/pistole erogatrici)", None, Status.ON_TRACK, "«388 strumenti"),
    # the note names the target's things twice, or never: another name, to assess
    ("130 impianti", "Verificati 200 strumenti a marzo e 110 strumenti ad aprile.", Status.TO_ASSESS, None),
    ("130 impianti", "Verifiche concentrate sugli impianti autostradali.", Status.TO_ASSESS, None),
])
def test_a_count_of_something_else_is_read_from_the_note_that_counts_the_targets_things(cell, note, status, read):
    result = one("≥ 400 strumenti", date(2023, 9, 30), valore=cell, **({"nota": note} if note else {}))
    assert result.status is status
    assert (read in result.explanation.inputs["lettura della misura"]) if read else (
        "lettura della misura" not in result.explanation.inputs)
