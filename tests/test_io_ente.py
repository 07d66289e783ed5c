"""The ente file: loading, located Italian errors, and recitals agreeing with their noun phrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piao_rules.errors import InputError
from piao_rules.io.ente import load_ente
from piao_rules.io.recitals import agreement, participle

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MINIMAL = """\
ente: {nome: Camera di commercio di Prova}
giunta:
  - {cognome: Rossi, nome: Anna, ruolo: Presidente}
  - {cognome: Neri, nome: Luca, ruolo: in rappresentanza del settore Commercio, presente: no}
segretario_generale: {nome: Marta, cognome: Blu, titolo: dott.ssa}
sigla_estensore: MB
premesse:
  - {verbo: udire, testo: la relazione del Segretario Generale}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ente.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as error:
        load_ente(path)
    return [str(p) for p in error.value.problems]


@pytest.mark.parametrize("name", ["cuneo", "torino"])
def test_examples_load(name):
    ente = load_ente(EXAMPLES / name / "ente.yaml")
    assert ente.president.role == "Presidente"
    assert ente.vote == "ALL'UNANIMITA' DEI PRESENTI"
    assert all(r.sentence.endswith(";") for r in ente.recitals)


def test_minimal_file_and_defaults(tmp_path):
    ente = load_ente(write(tmp_path, MINIMAL))
    assert [m.present for m in ente.giunta] == [True, False]
    assert ente.giunta[0].surname == "ROSSI"
    assert ente.rapporteur == "IL SEGRETARIO GENERALE"
    assert ente.enforceable is True
    assert ente.secretary.with_title == "dott.ssa Marta Blu"
    assert ente.recitals[0].opening == "UDITA"


def test_missing_field_is_located(tmp_path):
    found = problems(write(tmp_path, MINIMAL.replace("sigla_estensore: MB\n", "")))
    assert any("sigla_estensore" in p and "campo obbligatorio mancante" in p for p in found)
    assert all(p.startswith(str(tmp_path / "ente.yaml")) for p in found)


def test_unknown_field_names_its_line(tmp_path):
    found = problems(write(tmp_path, MINIMAL + "presidente: Anna Rossi\n"))
    assert any("riga 9" in p and "campo sconosciuto «presidente»" in p for p in found)


def test_exactly_one_president(tmp_path):
    found = problems(write(tmp_path, MINIMAL.replace("ruolo: Presidente", "ruolo: Vice Presidente")))
    assert any("nessun componente con ruolo «Presidente»" in p for p in found)


def test_recital_without_article_asks_for_the_word(tmp_path):
    text = MINIMAL + "  - {verbo: vedere, testo: quanto previsto dallo Statuto}\n"
    found = problems(write(tmp_path, text))
    assert any("riga 9/premesse[2]" in p and "indicare il campo «parola»" in p for p in found)
    fixed = MINIMAL + "  - {parola: VISTO, testo: quanto previsto dallo Statuto}\n"
    assert load_ente(write(tmp_path, fixed)).recitals[1].opening == "VISTO"


def test_an_empty_word_counts_as_none(tmp_path):
    found = problems(write(tmp_path, MINIMAL + "  - {parola: '', testo: quanto previsto dallo Statuto}\n"))
    assert any("riga 9/premesse[2]" in p and "indicare «verbo»" in p for p in found)


def test_unknown_verb_lists_the_known_ones(tmp_path):
    found = problems(write(tmp_path, MINIMAL + "  - {verbo: guardare, testo: la delibera}\n"))
    assert any("verbo «guardare» non previsto" in p and "vedere" in p for p in found)


def test_minute_taker_needs_a_gender(tmp_path):
    found = problems(write(tmp_path, MINIMAL + "verbalizzante: {nome: Alex, cognome: Grigi}\n"))
    assert any("verbalizzante" in p and "genere" in p for p in found)
    ente = load_ente(write(tmp_path, MINIMAL + "verbalizzante: {nome: Alex, cognome: Grigi, genere: F}\n"))
    assert ente.minute_taker.feminine is True


def test_yaml_syntax_error_is_reported(tmp_path):
    found = problems(write(tmp_path, "ente: {nome: Camera\ngiunta: [\n"))
    assert found and all("riga" in p for p in found)


def test_seed_recitals():
    assert participle("vedere", "la legge 580/93 e s.m.i. lo Statuto camerale vigente, il DPR 254/2005, "
                                "il D.Lgs 150/2009 e s.m.i.") == "VISTI"
    assert participle("vedere", "la proposta di aggiornamento del Piano della performance 2020-2022 (Rev. 2), "
                                "condivisa con l'OIV, che tiene conto del nuovo scenario") == "VISTA"
    assert participle("vedere", 'l\'art. 24 del d.lgs. 7 marzo 2005, n. 82 "Codice dell\'amministrazione digitale"') == "VISTO"
    assert participle("udire", "la relazione del Segretario Generale") == "UDITA"
    assert participle("vedere", "le Linee guida n. 1/2017") == "VISTE"
    assert participle("ritenere", "opportuno deliberare in merito") == "RITENUTO"
    assert participle("considerare", "che il monitoraggio è condiviso con l'OIV") == "CONSIDERATO"


# Noun phrases with their (feminine, plural), for the property below.
PHRASES = [
    ("la legge 29 dicembre 1993, n. 580", True, False),
    ("il D.P.R. 2 novembre 2005, n. 254", False, False),
    ("lo Statuto camerale", False, False),
    ("l'art. 24 del d.lgs. 82/2005", False, False),
    ("l'attestazione dell'OIV (del 25 giugno, e della sede)", True, False),
    ("i provvedimenti adottati", False, True),
    ("gli atti di programmazione", False, True),
    ("le Linee guida del Dipartimento", True, True),
    ("la proposta del Relatore", True, False),
    ("il parere dell'Organismo", False, False),
]
FORMS = {(False, False): "VISTO", (True, False): "VISTA", (False, True): "VISTI", (True, True): "VISTE"}


@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4), st.lists(st.sampled_from([", ", " e "]), min_size=3, max_size=3))
def test_agreement_of_coordinated_noun_phrases(items, joints):
    text = items[0][0]
    for (phrase, _, _), joint in zip(items[1:], joints):
        text += joint + phrase
    if len(items) == 1:
        expected = items[0][1:]
    else:
        expected = (all(feminine for _, feminine, _ in items), True)
    assert agreement(text) == expected
    assert participle("vedere", text) == FORMS[expected]
