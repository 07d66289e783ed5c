"""Italian grammar of the narratives: articles, prepositions, agreement, ed/ad, counts, the lexicon, templates."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules.narrative.grammar import (
    FEMININE,
    MASCULINE,
    Words,
    agree,
    agree_with,
    capitalise,
    conjunction,
    guess_gender,
    indefinite,
    join,
    lower_first,
    none_of,
    number_starts_with_vowel,
    with_article,
)
from piao_rules.narrative.lexicon import Lexicon, number_only, participle, quantity
from piao_rules.narrative.phrases import PhraseBook, Writer

LEX = Lexicon()


@pytest.mark.parametrize(("words", "expected"), [
    (Words("target"), "il target"),
    (Words("obiettivo"), "l'obiettivo"),
    (Words("OIV"), "l'OIV"),
    (Words("scostamento"), "lo scostamento"),
    (Words("zaino"), "lo zaino"),
    (Words("gnomo"), "lo gnomo"),
    (Words("psicologo"), "lo psicologo"),
    (Words("iato"), "lo iato"),
    (Words("hotel"), "l'hotel"),
    (Words("scadenza", FEMININE), "la scadenza"),
    (Words("azione correttiva", FEMININE), "l'azione correttiva"),
    (Words("indicatori", MASCULINE, True), "gli indicatori"),
    (Words("scostamenti", MASCULINE, True), "gli scostamenti"),
    (Words("target", MASCULINE, True), "i target"),
    (Words("iniziative", FEMININE, True), "le iniziative"),
    (Words("attività", FEMININE), "l'attività"),
    (Words("«Obiettivi dirigenziali»"), "l'«Obiettivi dirigenziali»"),
])
def test_definite_article_follows_the_next_sound(words, expected):
    assert with_article(words) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("80%", "dell'80%"), ("70%", "del 70%"), ("8%", "dell'8%"), ("11%", "dell'11%"), ("1%", "dell'1%"),
    ("1,5%", "dell'1,5%"), ("18%", "del 18%"), ("100%", "del 100%"), ("0,5%", "dello 0,5%"),
    ("800", "dell'800"), ("8.000", "dell'8.000"), ("11.000", "dell'11.000"), ("1.000", "del 1.000"),
    ("1.500", "del 1.500"), ("1.000.000", "dell'1.000.000"), ("21.000", "del 21.000"), ("-5%", "del -5%"),
    ("30 giugno 2023", "del 30 giugno 2023"), ("8 luglio 2023", "dell'8 luglio 2023"),
    ("1° luglio 2023", "del 1° luglio 2023"),
])
def test_numbers_are_read_aloud_for_the_article(text, expected):
    assert with_article(Words(text), "di") == expected


def test_zero_reads_as_a_consonant():
    # «zero» takes «lo» like every z- word
    assert with_article(Words("0%"), "a") == "allo 0%"


@pytest.mark.parametrize(("n", "vowel"), [
    (1, True), (8, True), (11, True), (80, True), (88, True), (800, True), (8000, True), (11000, True),
    (1_000_000, True), (2_000_000_000, False), (1_000_000_000, True), (2, False), (10, False), (18, False),
    (100, False), (1000, False), (1500, False), (21000, False), (180, False),
])
def test_spelled_number_starts(n, vowel):
    assert number_starts_with_vowel(n) is vowel


@pytest.mark.parametrize(("preposition", "words", "expected"), [
    ("di", Words("target"), "del target"), ("di", Words("scostamento"), "dello scostamento"),
    ("di", Words("Ente"), "dell'Ente"), ("di", Words("Giunta", FEMININE), "della Giunta"),
    ("di", Words("obiettivi", plural=True), "degli obiettivi"), ("di", Words("uffici", plural=True), "degli uffici"),
    ("di", Words("target", plural=True), "dei target"), ("di", Words("sale", FEMININE, True), "delle sale"),
    ("a", Words("target"), "al target"), ("a", Words("stato"), "allo stato"), ("a", Words("anno"), "all'anno"),
    ("a", Words("media", FEMININE), "alla media"), ("a", Words("uffici", plural=True), "agli uffici"),
    ("a", Words("10", plural=True), "ai 10"), ("a", Words("iniziative", FEMININE, True), "alle iniziative"),
    ("da", Words("piano"), "dal piano"), ("da", Words("responsabili", plural=True), "dai responsabili"),
    ("in", Words("anno"), "nell'anno"), ("in", Words("sede", FEMININE), "nella sede"),
    ("in", Words("uffici", plural=True), "negli uffici"), ("su", Words("totale"), "sul totale"),
    ("su", Words("sale", FEMININE, True), "sulle sale"), ("per", Words("indicatori", plural=True), "per gli indicatori"),
    ("con", Words("OIV"), "con l'OIV"), ("tra", Words("sedi", FEMININE, True), "tra le sedi"),
])
def test_articulated_prepositions(preposition, words, expected):
    assert with_article(words, preposition) == expected


def test_bare_quantities_take_the_plain_preposition():
    assert with_article(Words("450", bare=True), "a") == "a 450"
    assert with_article(Words("10 iniziative", FEMININE, True, bare=True), "di") == "di 10 iniziative"
    assert with_article(Words("450", bare=True), "il") == "450"


@pytest.mark.parametrize(("word", "gender", "plural", "expected"), [
    ("avviato", MASCULINE, False, "avviato"), ("avviato", FEMININE, False, "avviata"),
    ("avviato", MASCULINE, True, "avviati"), ("avviato", FEMININE, True, "avviate"),
    ("previsto", FEMININE, True, "previste"), ("rilevabile", FEMININE, True, "rilevabili"),
    ("rilevabile", MASCULINE, False, "rilevabile"), ("non raggiunto", MASCULINE, True, "non raggiunti"),
    ("non rilevabile alla data", MASCULINE, True, "non rilevabili alla data"),
    ("in linea con l'andamento atteso", FEMININE, True, "in linea con l'andamento atteso"),
    ("a rischio", MASCULINE, True, "a rischio"), ("da valutare", MASCULINE, True, "da valutare"),
])
def test_agreement_of_participles_and_adjectives(word, gender, plural, expected):
    assert agree(word, gender, plural) == expected


def test_explicit_singular_and_plural_forms():
    assert agree_with("risulta|risultano", Words("8 iniziative", FEMININE, True)) == "risultano"
    assert agree_with("risulta|risultano", Words("1 iniziativa", FEMININE)) == "risulta"


@pytest.mark.parametrize(("word", "following", "expected"), [
    ("e", "efficacia", "ed"), ("e", "Ente", "ed"), ("e", "obiettivi", "e"), ("e", "azioni", "e"),
    ("e", "«Efficienza»", "ed"), ("a", "avvio", "ad"), ("a", "ogni", "a"), ("a", "«Avvio operatività»", "ad"),
    ("e", "8 iniziative", "e"), ("a", "esercizio", "a"),
])
def test_euphonic_d_only_before_the_same_vowel(word, following, expected):
    assert conjunction(word, following) == expected


def test_lists_join_with_e_or_ed():
    assert join([]) == ""
    assert join(["O01"]) == "O01"
    assert join(["efficacia", "efficienza"]) == "efficacia ed efficienza"
    assert join(["a", "b", "c"]) == "a, b e c"
    assert join(["qualità", "economicità", "efficacia"]) == "qualità, economicità ed efficacia"


@pytest.mark.parametrize(("words", "none", "one"), [
    (Words("indicatore"), "nessun ", "un "), (Words("scostamento"), "nessuno ", "uno "),
    (Words("iniziativa", FEMININE), "nessun'", "un'"), (Words("scadenza", FEMININE), "nessuna ", "una "),
])
def test_nessun_and_indefinite_articles(words, none, one):
    assert none_of(words) == none
    assert indefinite(words) == one


@pytest.mark.parametrize(("n", "noun", "adjective", "expected"), [
    (0, "indicatore", "raggiunto", "nessun indicatore raggiunto"),
    (1, "indicatore", "raggiunto", "1 indicatore raggiunto"),
    (3, "indicatore", "raggiunto", "3 indicatori raggiunti"),
    (0, "iniziativa", "realizzato", "nessun'iniziativa realizzata"),
    (1, "iniziativa", "realizzato", "1 iniziativa realizzata"),
    (8, "iniziativa", "realizzato", "8 iniziative realizzate"),
    (0, "campagna", None, "nessuna campagna"),
    (2, "report", "prodotto", "2 report prodotti"),
    (5, "attività", "svolto", "5 attività svolte"),
    (1, "newsletter", "attivato", "1 newsletter attivata"),
    (12, "follower", None, "12 follower"),
    (1200, "impresa", "coinvolto", "1.200 imprese coinvolte"),
])
def test_counts_agree_with_noun_and_number(n, noun, adjective, expected):
    assert LEX.count(n, noun, adjective) == expected


@pytest.mark.parametrize(("unit", "value", "text", "gender", "plural"), [
    ("iniziative", "8", "8 iniziative", FEMININE, True),
    ("iniziative", "1", "1 iniziativa", FEMININE, False),
    ("campagne di comunicazione", "1", "1 campagna di comunicazione", FEMININE, False),
    ("corsi di formazione", "2", "2 corsi di formazione", MASCULINE, True),
    ("gg", "1", "1 giorno", MASCULINE, False),
    ("gg", "22", "22 giorni", MASCULINE, True),
    ("Attività", "3", "3 attività", FEMININE, True),
    ("attivita'", "1", "1 attività", FEMININE, False),
    ("N.", "450", "450", MASCULINE, True),
    (None, "1234567", "1.234.567", MASCULINE, True),
    ("visite guidate al museo", "8", "8 visite guidate al museo", FEMININE, True),
    ("ispezioni", "3", "3 (unità: ispezioni)", MASCULINE, True),
    ("%", "-7", "-7%", MASCULINE, False),
    ("€", "10285.71", "€ 10.285,71", MASCULINE, False),
])
def test_quantities_from_units(unit, value, text, gender, plural):
    words = quantity(Decimal(value), unit, LEX)
    assert (words.text, words.gender, words.plural) == (text, gender, plural)


def test_the_number_alone_keeps_the_noun_gender():
    ten = quantity(Decimal(10), "iniziative", LEX)
    assert with_article(number_only(ten, Decimal(10)), "di") == "delle 10"
    eight = quantity(Decimal(8), "incontri", LEX)
    assert with_article(number_only(eight, Decimal(8)), "di") == "degli 8"
    one = quantity(Decimal(1), "incontri", LEX)
    assert with_article(number_only(one, Decimal(1)), "di") == "di 1"


def test_participles_come_from_the_lexicon():
    assert participle("iniziative", LEX) == "realizzato"
    assert participle("soggetti", LEX) == "coinvolto"
    assert participle("cose strane", LEX) == "rilevato"


def test_gender_guess_for_unknown_nouns():
    assert guess_gender("media triennio precedente") == FEMININE
    assert guess_gender("valore osservato") == MASCULINE
    assert guess_gender("sistema") == MASCULINE
    assert guess_gender("qualità") == FEMININE


def test_capitals():
    assert capitalise("al 30 giugno") == "Al 30 giugno"
    assert capitalise("«avvio»") == "«Avvio»"
    assert capitalise("8 iniziative") == "8 iniziative"
    assert lower_first("Definire azioni") == "definire azioni"
    assert lower_first("OIV da sentire") == "OIV da sentire"


# -- templates ---------------------------------------------------------------------------------

WRITER = Writer(PhraseBook.load())
SLOTS = {
    "valore": quantity(Decimal(6), "campagne", LEX), "target": quantity(Decimal(10), "campagne", LEX),
    "grado": Words("80%"), "data": Words("1° luglio 2023"),
}


@pytest.mark.parametrize(("template", "expected"), [
    ("{a:data} {risulta|risultano@valore} {realizzato@valore} {valore}", "al 1° luglio 2023 risultano realizzate 6 campagne"),
    ("{Di:grado}", "Dell'80%"),
    ("su un target {di:target}", "su un target di 10 campagne"),
    ("{Valore}.", "6 campagne."),
    ("{ed:valore}", "e 6 campagne"),
])
def test_placeholders(template, expected):
    assert WRITER.fill(template, SLOTS, "prova") == expected


_LITERAL = st.text(alphabet=st.characters(blacklist_characters="{}@|:", blacklist_categories=("Cs", "Cc")), max_size=12)
_PLACEHOLDER = st.sampled_from([
    "{valore}", "{Valore}", "{di:valore}", "{a:grado}", "{Il:target}", "{previsto@target}", "{è|sono@valore}",
    "{su:data}", "{ad:grado}", "{per:target}",
])


@given(st.lists(st.tuples(_LITERAL, _PLACEHOLDER), max_size=6), _LITERAL)
def test_any_template_fills_without_leftovers(parts, tail):
    template = "".join(literal + placeholder for literal, placeholder in parts) + tail
    text = WRITER.fill(template, SLOTS, "prova")
    assert "{" not in text and "}" not in text
    assert "  " not in text
    assert text == text.strip()


_EVERY_SLOT = {
    name: Words("x") for name in ["data", "valore", "valore_n", "verbo", "target", "target_n", "target_testo", "grado", "quota", "atteso", "avanzamento", "attivita", "traguardo", "scadenza", "completato_il", "giorni_ritardo", "riferimento", "riferimento_desc", "componenti", "mancanti", "nota", "richiesta", "stato", "proposta", "target_originale", "motivazione", "causa", "valori", "etichetta", "esclusi", "totale", "esiti", "n", "critici", "codici", "azione", "decisione", "nome", "obiettivi", "indicatori", "proposte", "azioni", "incoerenze", "anno", "elenco", "codice", "originale", "base", "a_parte", "atto", "motivo", "chi", "stato_prima", "grado_imposto", "stato_proposta", "grado_proposta", "proposti", "voce"]
}


def test_the_default_book_uses_only_known_slots():
    book = PhraseBook.load()
    writer = Writer(book)
    for situation, variants in book.situations.items():
        for template in variants:
            assert "{" not in writer.fill(template, _EVERY_SLOT, situation)


def test_the_ente_basis_is_told_with_its_article_for_one_or_many():
    from datetime import date

    from piao_rules.engine.result import Evaluation, ObjectiveResult, Summary
    from piao_rules.narrative.summary import ente_basis

    def told(members: list[str], excluded: list[str], level: list[str]) -> str:
        objectives = [ObjectiveResult(code=c, name=c, area="A", kind="strategico") for c in members]
        summary = Summary(objectives=len(members), indicators=0, basis="obiettivi", members=members,
                          excluded=excluded, level=level)
        return ente_basis(Evaluation(ente="Camera", year=2023, as_of=date(2023, 6, 30), final=False, engine="interno",
                                     rules={}, indicators=[], objectives=objectives, areas=[], offices=[], summary=summary))

    assert told(["O1", "O2"], [], []) == ("la media dei gradi dei 2 obiettivi, con pesi uguali perché il piano non "
                                          "indica il peso degli obiettivi")
    assert told(["O1", "O2"], ["O2"], ["strategico"]) == "il grado dell'unico obiettivo strategico con un grado calcolabile (su 2)"
