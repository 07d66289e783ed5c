"""The sentence of one indicator for each target kind × status, and the clauses that follow it."""

from datetime import date
from itertools import pairwise

import pytest

from piao_rules.engine.result import Status
from piao_rules.narrative import narrate
from tests.engine_helpers import measures, plan_with, run

MID = date(2023, 6, 30)
END = date(2023, 12, 31)


def single(target, as_of=MID, indicator=None, **measure):
    """Evaluate one indicator and return (status, its narrative)."""
    plan = plan_with({"target": target, **(indicator or {})})
    rows = [{"codice": "I1", **measure}] if measure else []
    evaluation = run(plan, measures(*rows, when=as_of.strftime("%d/%m/%Y")), as_of)
    return evaluation.indicators[0].status, narrate(evaluation).indicators["I1"]


CASES = [
    # comparisons, higher is better, point in time
    ("≥ 70%", {}, {"valore": "80%"}, MID, Status.ON_TRACK, ["80%", "del 70%", "in linea", "fine anno"]),
    ("≥ 70%", {}, {"valore": "80%"}, END, Status.REACHED, ["80%", "del 70%", "raggiunto"]),
    ("≥ 70%", {}, {"valore": "70%"}, END, Status.REACHED, ["70%", "target", "raggiunto"]),
    ("≥ 70%", {}, {"valore": "60%"}, MID, Status.AT_RISK, ["60%", "del 70%", "a rischio", "85,71%"]),
    ("≥ 70%", {}, {"valore": "60%"}, END, Status.MISSED, ["60%", "del 70%", "non raggiunto", "31 dicembre 2023"]),
    # lower is better: times and costs
    ("<= 20 gg", {}, {"valore": "22"}, MID, Status.AT_RISK, ["22 giorni", "di 20 giorni", "limite", "a rischio"]),
    ("<= 20 gg", {}, {"valore": "18"}, END, Status.REACHED, ["18 giorni", "20 giorni", "raggiunto"]),
    ("<= 20 gg", {}, {"valore": "25"}, END, Status.MISSED, ["25 giorni", "20 giorni", "non raggiunto"]),
    ("≤ € 1.000", {}, {"valore": "800"}, END, Status.REACHED, ["€ 800,00", "€ 1.000,00", "raggiunto"]),
    # cumulative counts, mid-year pacing
    ("≥ 10", {"andamento": "cumulativo"}, {"valore": "5"}, MID, Status.ON_TRACK, ["5", "di 10", "50%", "in linea"]),
    ("≥ 10", {"andamento": "cumulativo"}, {"valore": "3"}, MID, Status.AT_RISK, ["3", "di 10", "30%", "50%", "a rischio"]),
    ("≥ 10", {"andamento": "cumulativo"}, {"valore": "12"}, MID, Status.REACHED, ["12", "10", "già"]),
    ("≥ 10", {"andamento": "cumulativo"}, {"valore": "9"}, END, Status.MISSED, ["9", "10", "non raggiunto", "90%"]),
    ("≥ 10 iniziative", {"andamento": "cumulativo"}, {"valore": "1"}, MID, Status.AT_RISK,
     ["1 iniziativa", "10 iniziative", "a rischio"]),
    ("≥ 10 iniziative", {"andamento": "cumulativo"}, {"valore": "6"}, MID, Status.ON_TRACK,
     ["realizzate 6 iniziative", "in linea"]),
    ("≥ 10 iniziative", {"andamento": "cumulativo"}, {"valore": "12"}, END, Status.REACHED,
     ["12 iniziative", "10", "raggiunto"]),
    ("≥ 10 iniziative", {"andamento": "cumulativo"}, {"valore": "9"}, END, Status.MISSED,
     ["9 iniziative", "10", "non raggiunto"]),
    ("4 report/anno", {}, {"valore": "2"}, MID, Status.ON_TRACK, ["2 report", "prodotti", "4 report", "in linea"]),
    ("≥ 4", {"andamento": "cumulativo"}, {"avanzamento": "20"}, MID, Status.AT_RISK, ["20%", "50%", "a rischio"]),
    # year-end only, missing data
    ("≥ 45%", {"andamento": "solo_consuntivo"}, {}, MID, Status.NOT_MEASURABLE, ["consuntivo"]),
    ("≥ 45%", {"andamento": "solo_consuntivo"}, {"valore": "50%"}, END, Status.REACHED, ["50%", "45%", "raggiunto"]),
    ("≥ 45%", {"andamento": "puntuale"}, {}, MID, Status.NOT_MEASURABLE, ["non rilevabile", "30 giugno 2023"]),
    # deadlines
    ("entro il 31/10/2023", {}, {"avanzamento": "60"}, MID, Status.ON_TRACK, ["60%", "31 ottobre 2023", "in linea"]),
    ("entro il 31/10/2023", {}, {"avanzamento": "10"}, MID, Status.AT_RISK, ["10%", "31 ottobre 2023", "a rischio"]),
    ("entro il 31/05/2023", {}, {"valore": "SI", "completato_il": "20/05/2023"}, MID, Status.REACHED,
     ["20 maggio 2023", "31 maggio 2023", "raggiunto"]),
    ("entro il 31/05/2023", {}, {"valore": "SI", "completato_il": "20/06/2023"}, MID, Status.MISSED,
     ["20 giugno 2023", "20 giorni", "31 maggio 2023", "non raggiunto"]),
    ("entro il 31/05/2023", {}, {"valore": "SI", "completato_il": "01/06/2023"}, MID, Status.MISSED,
     ["1° giugno 2023", "1 giorno ", "non raggiunto"]),
    ("entro il 28/02/2023", {}, {"valore": "SI", "completato_il": "11/02/2023"}, MID, Status.REACHED,
     ["l'11 febbraio 2023", "28 febbraio 2023"]),
    ("entro il 31/05/2023", {}, {"valore": "NO"}, MID, Status.MISSED, ["31 maggio 2023", "trascorsa", "non raggiunto"]),
    ("entro il 31/10/2023", {}, {"valore": "NO"}, MID, Status.ON_TRACK, ["31 ottobre 2023", "in corso"]),
    ("Adozione delle procedure entro il 31/05/2023", {}, {"valore": "SI"}, MID, Status.REACHED,
     ["l'attività «Adozione delle procedure»", "31 maggio 2023", "raggiunto"]),
    # SI/NO
    ("SI", {}, {"valore": "SI"}, MID, Status.REACHED, ["SI", "raggiunto"]),
    ("SI", {}, {"avanzamento": "50"}, MID, Status.ON_TRACK, ["50%", "in linea"]),
    ("SI", {}, {"avanzamento": "10"}, MID, Status.AT_RISK, ["10%", "a rischio"]),
    ("SI", {}, {"valore": "NO"}, END, Status.MISSED, ["negativo", "non"]),
    # milestones: progress, completion, judgement, words only
    ("Consegna progetto definitivo", {}, {"avanzamento": "60"}, MID, Status.ON_TRACK, ["60%", "in linea"]),
    ("Consegna progetto definitivo", {}, {"avanzamento": "20"}, MID, Status.AT_RISK, ["20%", "a rischio"]),
    ("Consegna progetto definitivo", {}, {"avanzamento": "80"}, END, Status.MISSED,
     ["80%", "«Consegna progetto definitivo»", "non"]),
    ("Consegna progetto definitivo", {}, {"valore": "SI"}, MID, Status.REACHED, ["«Consegna progetto definitivo»", "raggiunt"]),
    ("Consegna progetto definitivo", {}, {"nota": "Se ne occupa l'ufficio."}, MID, Status.TO_ASSESS,
     ["«Se ne occupa l'ufficio»", "giudizio"]),
    ("Consegna progetto definitivo", {}, {"nota": "Affidatario individuato."}, MID, Status.ON_TRACK,
     ["«Affidatario individuato»", "propo", "in linea", "da confermare"]),
    ("Consegna progetto definitivo", {}, {"giudizio": "in linea"}, MID, Status.ON_TRACK, ["giudi", "in linea"]),
    ("Consegna progetto definitivo", {}, {"giudizio": "a rischio"}, MID, Status.AT_RISK, ["a rischio"]),
    ("Nei termini di legge", {}, {}, MID, Status.TO_ASSESS, ["«Nei termini di legge»", "giudizio"]),
    # compound targets, component by component
    ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "8", "soggetti": "264"}}, MID, Status.ON_TRACK,
     ["8 iniziative realizzate su 10 previste (80%)", "264 soggetti coinvolti su 500 previsti (52,8%)", "in linea"]),
    ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "12", "soggetti": "600"}}, MID, Status.REACHED,
     ["12 iniziative", "600 soggetti", "raggiunt"]),
    ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "2", "soggetti": "100"}}, MID, Status.AT_RISK,
     ["2 iniziative", "100 soggetti", "a rischio"]),
    ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "1", "soggetti": "100"}}, END, Status.MISSED,
     ["1 iniziativa realizzata su 10 previste", "non raggiunto"]),
    ("≥ 10 iniziative 500 soggetti", {}, {"componenti": {"iniziative": "8"}}, MID, Status.NOT_MEASURABLE,
     ["componente «soggetti»", "non rilevabile"]),
    ("≥ 200 (Facebook) ≥ 150 (Linkedin)", {}, {"componenti": {"Facebook": "432", "Linkedin": "200"}}, MID, Status.REACHED,
     ["per Facebook 432 a fronte di 200", "per Linkedin 200 a fronte di 150"]),
    # relative targets, with the reference value
    ("> media triennio precedente", {}, {"valore": "4,58%", "riferimento": "3,64"}, MID, Status.ON_TRACK,
     ["4,58%", "3,64%", "media del triennio precedente", "in linea"]),
    ("> media triennio precedente", {}, {"valore": "4,58%", "riferimento": "3,64"}, END, Status.REACHED,
     ["4,58%", "3,64%", "media del triennio precedente", "raggiunto"]),
    ("> media triennio precedente", {}, {"valore": "3%", "riferimento": "3,64"}, MID, Status.AT_RISK,
     ["3%", "3,64%", "a rischio"]),
    ("> media triennio precedente", {}, {"valore": "3%", "riferimento": "3,64"}, END, Status.MISSED,
     ["3%", "3,64%", "non raggiunto"]),
    ("> media triennio precedente", {}, {"valore": "4,58%"}, MID, Status.NOT_MEASURABLE,
     ["4,58%", "riferimento", "non rilevabile"]),
    ("+ 25% rispetto alla media nazionale", {"andamento": "solo_consuntivo"}, {}, MID, Status.NOT_MEASURABLE,
     ["consuntivo"]),
    # negative and large numbers
    (">= -7,00 %", {}, {"valore": "-5%"}, END, Status.REACHED, ["-5%", "-7%"]),
    ("≥ 10.000", {"andamento": "puntuale"}, {"valore": "1234567,5"}, MID, Status.ON_TRACK, ["1.234.567,5", "10.000"]),
]


@pytest.mark.parametrize(("target", "indicator", "measure", "as_of", "status", "words"), CASES)
def test_each_kind_and_status_is_told(target, indicator, measure, as_of, status, words):
    got, text = single(target, as_of, indicator, **measure)
    assert got is status
    for word in words:
        assert word.lower() in text.lower(), f"«{word}» non in: {text}"
    assert "{" not in text and "None" not in text and "  " not in text
    assert text[0].isupper() and text.endswith((".", "»."))


STATUS_WORDS = {
    Status.REACHED: ("raggiunt",),
    Status.ON_TRACK: ("in linea", "in corso"),
    Status.AT_RISK: ("a rischio",),
    Status.MISSED: ("non raggiunt", "non è raggiunto", "non risulta conseguito", "negativo"),
    Status.NOT_MEASURABLE: ("non rilevabile", "non è rilevabile", "consuntivo"),
    Status.TO_ASSESS: ("valutare", "giudizio"),
}


@pytest.mark.parametrize(("target", "indicator", "measure", "as_of", "status", "words"), CASES)
def test_the_text_says_the_status_and_never_another(target, indicator, measure, as_of, status, words):
    _, text = single(target, as_of, indicator, **measure)
    assert any(word in text for word in STATUS_WORDS[status])
    if status is not Status.TO_ASSESS:
        assert "da valutare" not in text
    if status not in (Status.AT_RISK,):
        assert "a rischio" not in text


def test_dates_read_with_their_article():
    _, first = single("≥ 70%", date(2023, 7, 1), valore="80%")
    assert "l 1° luglio 2023" in first  # «al 1° luglio 2023» / «Al 1° luglio 2023»
    _, eighth = single("≥ 70%", date(2023, 7, 8), valore="80%")
    assert "ll'8 luglio 2023" in eighth


def test_the_note_is_woven_in_with_its_own_quotes_softened():
    _, text = single("≥ 70%", valore="80%", nota="Servizio «Spazio impresa» attivo.")
    assert "«Servizio “Spazio impresa” attivo»" in text


def test_incoherent_measures_are_said_plainly():
    status, text = single("entro il 30/06/2023", valore="21")
    assert status is Status.TO_ASSESS
    assert "21" in text and "non è pertinente" in text or "incoerente" in text.lower()
    _, ratio = single("≥ 70%", valore="0,8")
    assert "unità diversa" in ratio


def test_divergent_values_of_a_shared_indicator():
    plan = plan_with({"target": "≥ 70%"}, {"target": "≥ 70%", "collegato_a": "I1"})
    evaluation = run(plan, measures({"codice": "I1", "valore": "95%"}, {"codice": "I2", "valore": "90%"}))
    texts = narrate(evaluation).indicators
    for code in ("I1", "I2"):
        assert "valori diversi" in texts[code] and "95%" in texts[code] and "90%" in texts[code]


def test_proposals_and_external_causes():
    _, text = single(
        "Avvio operatività nelle 4 nuove sale", valore="SI", proposta_target="Avvio operatività nelle 3 nuove sale",
        motivazione="Lavori in ritardo.", causa_esterna="Soprintendenza",
    )
    assert "da «Avvio operatività nelle 4 nuove sale» ad «Avvio operatività nelle 3 nuove sale»" in text
    assert "«Lavori in ritardo»" in text and "«Soprintendenza»" in text
    _, bare = single("≥ 10", valore="2", proposta_target="≥ 5")
    assert "non è motivata" in bare


def test_unknown_nouns_stay_grammatical():
    _, text = single("≥ 10 ispezioni", indicator={"andamento": "cumulativo"}, valore="3")
    assert "3 (unità: ispezioni)" in text


def test_determinism():
    plan = plan_with(*({"target": "≥ 70%"} for _ in range(6)))
    rows = [{"codice": f"I{n}", "valore": "80%"} for n in range(1, 7)]
    first = narrate(run(plan, measures(*rows)))
    second = narrate(run(plan, measures(*rows)))
    assert first == second
    texts = list(first.indicators.values())
    # six indicators in the same situation with the same figures: neighbours never read the same
    assert all(a != b for a, b in pairwise(texts))
