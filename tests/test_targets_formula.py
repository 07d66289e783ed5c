"""Reading indicator algorithms as formulas of measured quantities."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules.targets.formula import balance_index, counts_steps, find_operand, operand_key, read_formula


@pytest.mark.parametrize(("text", "operands", "signs", "division", "hundred"), [
    ("N. pratiche evase / N. pratiche ricevute", ["N. pratiche evase", "N. pratiche ricevute"], [1], True, False),
    ("Patrimonio netto/Passivo totale*100", ["Patrimonio netto", "Passivo totale"], [1], True, True),
    ("[Proventi strutturali - Oneri strutturali] / Proventi strutturali]",
     ["Proventi strutturali", "Oneri strutturali", "Proventi strutturali"], [1, -1], True, False),
    ("(N. pratiche evase + N. pratiche archiviate) / N. pratiche ricevute x 100",
     ["N. pratiche evase", "N. pratiche archiviate", "N. pratiche ricevute"], [1, 1], True, True),
    ("N. imprese iscritte + N. imprese cancellate", ["N. imprese iscritte", "N. imprese cancellate"], [1, 1], False, False),
])
def test_plain_formulas(text, operands, signs, division, hundred):
    formula = read_formula(text)
    assert formula.operands == operands and [t.sign for t in formula.numerator] == signs
    assert (formula.denominator is not None, formula.times_hundred) == (division, hundred)


@pytest.mark.parametrize("text", [
    "N. progetti finanziati / compartecipati",  # «/» means «or»
    "n. eventi/iniziative organizzati nell'anno",
    "n/Totale dipendenti (TI + TD)",
    "N. eventi organizzati",
    "A / B / C",
    None, "",
])
def test_what_is_not_a_formula(text):
    assert read_formula(text) is None


NAMES = st.lists(st.sampled_from(["pratiche", "evase", "ricevute", "domande", "imprese", "attive", "risorse", "stanziate"]),
                 min_size=2, max_size=4).map(" ".join)


@given(NAMES, NAMES, st.sampled_from(["", " * 100", " x 100", " × 100"]), st.sampled_from(["N. ", "Numero ", "n. ", ""]))
def test_a_division_of_two_named_quantities_always_reads(top, bottom, scale, prefix):
    formula = read_formula(f"{prefix}{top} / {prefix}{bottom}{scale}")
    assert formula is not None and formula.operands == [f"{prefix}{top}", f"{prefix}{bottom}"]
    assert formula.times_hundred is bool(scale)
    assert find_operand(formula.operands[0], {top.upper(): Decimal(3)}) == Decimal(3)


def test_operands_match_components_without_prefix_case_or_accents():
    assert operand_key("N. attività concluse") == operand_key("numero attivita CONCLUSE") == "attivitaconcluse"


@pytest.mark.parametrize(("text", "steps"), [
    ("n. fasi realizzate / n. fasi totali", "fasi"),
    ("n. fasi realizzate / Fasi da realizzare", "fasi"),
    ("% attività svolte/ attività previste", "attivita"),
    ("N. pratiche evase / N. pratiche ricevute", None),
    ("N. fasi realizzate / N. pratiche ricevute", None),  # not the same thing counted
    ("Oneri di funzionamento + Oneri correnti", None),
    # resources spent over budgeted, and what accumulates in the year over a total that does not grow with it
    ("Risorse consuntivate / Risorse stanziate a budget", "risorse"),
    ("Risorse impegnate entro il 2022 / Risorse da impegnare entro il 2022", "risorse"),
    ("Dipendenti formati nell'anno / Totale dipendenti", "nell'anno"),
    ("Pagine visualizzate nell’anno N / Media pagine visualizzate nei 3 anni precedenti", "nell'anno"),
    ("N. pratiche evase nell'anno / N. totale pratiche pervenute", None),  # the denominator flows with it
    ("N. pratiche evase nell'anno / N. pratiche ricevute nell'anno", None),
    ("Proventi correnti / Proventi totali", None),
])
def test_a_formula_of_steps_done_over_steps_planned_is_recognised(text, steps):
    assert counts_steps(read_formula(text)) == steps


@pytest.mark.parametrize(("algorithm", "text"), [
    ("Numero follower a fine anno meno numero follower a fine anno precedente",
     "Numero follower a fine anno - numero follower a fine anno precedente"),
    ("Proventi correnti più proventi straordinari", "Proventi correnti + proventi straordinari"),
    ("N. pratiche evase diviso n. pratiche ricevute", "N. pratiche evase / n. pratiche ricevute"),
    ("Rapporto tra proventi correnti e proventi totali", "proventi correnti / proventi totali"),
    ("Differenza tra il numero di iscritti a fine anno e il numero di iscritti a inizio anno",
     "numero di iscritti a fine anno - numero di iscritti a inizio anno"),
    # words that belong to a name stay
    ("N. pratiche evase in meno di 5 giorni / N. pratiche ricevute", "N. pratiche evase in meno di 5 giorni / N. pratiche ricevute"),
    ("Numero di pratiche più complesse / totale pratiche", "Numero di pratiche più complesse / totale pratiche"),
])
def test_operators_written_in_words(algorithm, text):
    assert read_formula(algorithm).text == text


@pytest.mark.parametrize(("algorithm", "steps"), [
    ("n. fasi realizzate / n. fasi totali", "fasi"),
    ("attività svolte / attività previste", "attivita"),
    ("Numero visite ispettive e di controllo realizzate/ Numero visite ispettive e di controllo pianificate", "visite"),
    ("N. misure attuate / N. misure previste", "misure"),
    ("N. corsi realizzati / N. corsi programmati", "corsi"),
    ("N. pratiche evase / N. pratiche ricevute", None),  # the denominator grows with the numerator
    ("N. corsi realizzati / N. dipendenti previsti", None),  # not the same thing
])
def test_done_over_planned_is_read_as_maturing_over_the_year(algorithm, steps):
    assert counts_steps(read_formula(algorithm)) == steps


def test_a_ratio_between_written_in_words_needs_a_single_and():
    assert read_formula("Rapporto tra oneri di personale e funzionamento e proventi") is None  # which «e»?


def test_dates_sources_and_bracketed_operators_in_an_algorithm():
    dated = read_formula("n. imprese aderenti al 31/12 / n. imprese attive al 31/12")
    assert dated is not None and dated.operands == ["n. imprese aderenti al 31/12", "n. imprese attive al 31/12"]
    sourced = read_formula("RISORSE CONSUMATE - Fonte: Rilevazione interna/RISORSE A BUDGET - Fonte: Bilancio*100")
    assert sourced is not None and sourced.operands == ["RISORSE CONSUMATE", "RISORSE A BUDGET"] and sourced.times_hundred
    change = read_formula("Provvedimenti anno N (meno) Provvedimenti anno N-1 / Provvedimenti anno N-1")
    assert change is not None and [t.sign for t in change.numerator] == [1, -1]
    wrapped = read_formula("(Cancellazioni avviate anno N - Cancellazioni avviate (N-1)) / Cancellazioni avviate (N-1)")
    assert wrapped is not None and wrapped.operands == [
        "Cancellazioni avviate anno N", "Cancellazioni avviate (N-1)", "Cancellazioni avviate (N-1)"]
    apart = read_formula("(Proventi da servizi) - (Costi dei servizi) / (Costi dei servizi)")
    assert apart is not None and apart.operands == ["Proventi da servizi", "Costi dei servizi", "Costi dei servizi"]


def test_people_who_took_part_over_their_total_accumulate_in_the_year():
    assert counts_steps(read_formula("N. dipendenti partecipanti ai corsi / N. totale dipendenti")) == "partecipanti"
    assert counts_steps(read_formula("N. imprese partecipanti / N. imprese iscritte")) is None  # a flow, not a total
    assert counts_steps(read_formula("N. dipendenti formati / Totale pratiche")) is None  # not the same people


def test_done_over_to_do_is_maturing_and_printed_upside_down_is_read_by_its_meaning():
    done = read_formula("N. designazioni aggiornate / N. designazioni da aggiornare")
    assert not done.inverted and counts_steps(done) == "designazioni"
    upside = read_formula("N. procedimenti da revisionare / N. procedimenti revisionati")
    assert upside.inverted and [t.name for t in upside.numerator] == ["N. procedimenti revisionati"]
    assert not read_formula("N. pratiche evase / N. pratiche da evadere entro l'anno successivo").inverted


@pytest.mark.parametrize(("text", "balance"), [
    ("Patrimonio netto / Totale immobilizzazioni", True),
    ("Proventi correnti - Proventi da diritto annuale / Proventi correnti", True),
    ("Oneri del personale / N. dipendenti", False),  # a count is no item of the financial statements
    ("Crediti riscossi nell'anno / Crediti al 1° gennaio", False),  # cash moved in the year
    ("Proventi correnti + Proventi straordinari", False),  # a sum, not an index
])
def test_balance_indices(text, balance):
    assert balance_index(read_formula(text)) is balance
