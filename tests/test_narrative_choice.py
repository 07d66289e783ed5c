"""The decision table of indicator situations (narrative/scelte.yaml) and the checks made when it is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piao_rules.errors import InputError
from piao_rules.narrative.choice import load_table
from piao_rules.narrative.indicator import FACTS, choice_table
from piao_rules.narrative.phrases import _REPEATED, _SPACE_BEFORE, _SPACES, PhraseBook, _tidy

DOMAINS = {name: values for name, (_, values) in FACTS.items()}
KNOWN = PhraseBook.load().situations


def test_every_row_of_the_shipped_table_is_reachable_and_gives_existing_phrases():
    table = choice_table()
    given = set()
    for index in range(len(table.rows)):
        keys = table.keys(index)
        assert keys, f"riga {index + 1} mai scelta"
        for key in keys:
            assert "indicatore." + key in KNOWN
        given.update(keys)
    assert not table.reachable(len(table.rows))  # some row always applies
    # every indicator situation of the phrase book (but the fixed words) can be chosen
    situations = {s.removeprefix("indicatore.") for s in KNOWN if s.startswith("indicatore.") and not s.startswith("indicatore.richiesta.")}
    assert situations == given


def test_the_first_row_that_applies_wins_and_names_its_facts():
    table = choice_table()
    facts = {name: values[-1] if isinstance(values[0], bool) else values[0] for name, values in DOMAINS.items()}
    facts |= {"stato": "a_rischio", "tipo": "confronto", "numerico": True, "famiglia": "minore"}
    assert table.choose(facts) == "minore.a_rischio"
    facts |= {"famiglia": "livello", "cumulo": "cumulativo"}
    assert table.choose(facts) == "livello.a_rischio_andamento"
    facts |= {"proposto_da_nota": True, "nota": True}
    assert table.choose(facts) == "proposto"


def _table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scelte.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> str:
    with pytest.raises(InputError) as error:
        load_table(path, DOMAINS, KNOWN, prefix="indicatore.")
    return "\n".join(str(p) for p in error.value.problems)


def test_a_row_hidden_by_the_rows_above_is_refused(tmp_path):
    path = _table(tmp_path, "- {quando: {stato: da_valutare}, frase: da_valutare.altro}\n"
                            "- {quando: {stato: da_valutare, tipo: qualitativo}, frase: da_valutare.qualitativo}\n"
                            "- {quando: {}, frase: generico}\n")
    assert f"{path}:riga 2: la riga non si applica mai" in _problems(path)


def test_unknown_facts_values_and_phrases_are_named(tmp_path):
    path = _table(tmp_path, "- {quando: {stat: raggiunto}, frase: generico}\n"
                            "- {quando: {tipo: numero}, frase: generico}\n"
                            "- {quando: {}, frase: generico}\n")
    shown = _problems(path)
    assert "riga 1: dato «stat» sconosciuto; forse «stato»?" in shown
    assert "riga 2: «tipo»: valore 'numero' non ammesso" in shown
    path = _table(tmp_path, "- {quando: {stato: raggiunto}, frase: livello.sconosciuta}\n- {quando: {}, frase: generico}\n")
    assert "riga 1: la frase «indicatore.livello.sconosciuta» non esiste in frasi.yaml" in _problems(path)


def test_a_table_without_a_row_for_every_case_is_refused(tmp_path):
    path = _table(tmp_path, "- {quando: {stato: raggiunto}, frase: generico}\n")
    assert "nessuna riga si applica in qualche caso" in _problems(path)


def test_a_placeholder_key_is_checked_for_each_value_that_reaches_it(tmp_path):
    # giudizio.{stato}: there is no «giudizio.da_valutare» phrase, so stato must be excluded above
    path = _table(tmp_path, "- {quando: {giudizio: true}, frase: 'giudizio.{stato}'}\n- {quando: {}, frase: generico}\n")
    shown = _problems(path)
    assert "la frase «indicatore.giudizio.da_valutare» non esiste" in shown
    assert "giudizio.raggiunto»" not in shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\xa0\u2003.;:,)ab«1") | st.text())
def test_tidy_leaves_alone_only_texts_the_full_tidy_would_not_change(text):
    full = _REPEATED.sub(r"\1", _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", text).strip()))
    assert _tidy(text) == full
