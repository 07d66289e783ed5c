"""Narratives of the shipped examples: figures from the result, variety, objectives, summary, relator, phrase files."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from piao_rules import format_it
from piao_rules.cli import main
from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.result import Evaluation, IndicatorResult
from piao_rules.errors import InputError
from piao_rules.io import load_measures, load_plan
from piao_rules.narrative import narrate
from piao_rules.narrative.indicator import Context, quotable, situation
from piao_rules.narrative.phrases import PhraseBook, Writer
from piao_rules.narrative.summary import proposed_counts
from piao_rules.review.revisions import proposed as revisions
from piao_rules.targets.format import format_target
from piao_rules.targets.markup import clean

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CUNEO = (EXAMPLES / "cuneo/piano.yaml", EXAMPLES / "cuneo/misure-2023-06-30.csv", date(2023, 6, 30))
TORINO_MID = (EXAMPLES / "torino/piano.csv", EXAMPLES / "torino/misure-2022-06-30.csv", date(2022, 6, 30))
TORINO_END = (EXAMPLES / "torino/piano.csv", EXAMPLES / "torino/misure-2022-12-31.csv", date(2022, 12, 31))


@cache
def evaluated(plan_path: Path, measures_path: Path, when: date) -> Evaluation:
    plan, _ = load_plan(plan_path)
    measure_set, _ = load_measures(measures_path, when)
    return evaluate(plan, measure_set, when, engine="interno")


@cache
def narrated(plan_path: Path, measures_path: Path, when: date):
    return narrate(evaluated(plan_path, measures_path, when))


# -- every figure in the text comes from the result ------------------------------------------------

_QUOTED = re.compile(r"«([^«»]*)»")
_NUMBER = re.compile(r"(?<![\w.,/\-])-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")


def _shown(numbers) -> set[str]:
    """Each figure as the text may write it (rounded to 0, 1 or 2 decimals; years without a dot)."""
    shown = {format_it.number(n, places) for n in numbers if n is not None for places in (0, 1, 2)}
    return shown | {str(n) for n in numbers if isinstance(n, int)}


def _date_figures(*days: date | None) -> list[int]:
    return [n for d in days if d is not None for n in (d.day, d.year)]


def _numbers_in(text: str) -> list[Decimal]:
    return [Decimal(t.replace(".", "").replace(",", ".")) for t in _NUMBER.findall(text)]


def _free_texts(result: IndicatorResult) -> list[str]:
    measure, target = result.measure, result.target
    texts = [result.target_text or "", result.original_target or ""]
    if target is not None:
        texts += [format_target(target), target.text, target.milestone or ""]
    if measure is not None:
        texts += [measure.note or "", measure.proposed_target or "", measure.proposal_reason or "", measure.external_cause or ""]
    return [quotable(clean(t)) for t in texts if t] + [" ".join(clean(t).split()) for t in texts if t]


def _indicator_figures(result: IndicatorResult, as_of: date) -> set[str]:
    measure, target = result.measure, result.target
    numbers: list = [result.achievement, result.expected, result.pace, result.ratio, result.projection]
    days = [as_of]
    if measure is not None:
        numbers += [measure.progress, measure.reference]
        numbers += [measure.value] if isinstance(measure.value, Decimal) else []
        days += [measure.completed_on, measure.value if isinstance(measure.value, date) else None]
    if target is not None:
        numbers += [target.value, *(c.value for c in target.components)]
        days.append(target.deadline)
        if target.deadline and measure is not None and measure.completed_on:
            numbers.append(Decimal((measure.completed_on - target.deadline).days))
    numbers += [n for c in result.components for n in (c.value, c.achievement)]
    numbers += _numbers_in(result.divergent_values or "")
    numbers += _numbers_in(result.explanation.inputs.get("riferimento", ""))
    if result.against_proposal is not None:
        numbers.append(result.against_proposal.achievement)
    return _shown(numbers + _date_figures(*days))


def check_figures(text: str, allowed: set[str], free: list[str]) -> None:
    """Quoted text is verbatim from the result; every other figure is one of ``allowed``."""
    for quoted in _QUOTED.findall(text):
        assert any(quoted in source for source in free), f"«{quoted}» non viene dai dati"
    bare = _QUOTED.sub("", text)
    for token in _NUMBER.findall(bare):
        assert token.lstrip("-") in allowed or token in allowed, f"la cifra {token} non è nel risultato: {text}"


def _count_figures(aggregate) -> list[int]:
    counts = aggregate.counts
    return [*counts.model_dump().values(), counts.total]


@pytest.mark.parametrize("example", [CUNEO, TORINO_MID, TORINO_END], ids=["cuneo", "torino-06", "torino-12"])
def test_every_figure_comes_from_the_evaluation(example):
    evaluation, texts = evaluated(*example), narrated(*example)
    as_of = evaluation.as_of
    for result in evaluation.indicators:
        check_figures(texts.indicators[result.code], _indicator_figures(result, as_of), _free_texts(result))
    for objective in evaluation.objectives:
        allowed = _shown([objective.achievement, *_count_figures(objective), *_date_figures(as_of)])
        check_figures(texts.objectives[objective.code], allowed, [])
    for area in evaluation.areas:
        objectives = sum(1 for o in evaluation.objectives if o.area == area.code)
        allowed = _shown([area.achievement, objectives, *_count_figures(area), *_date_figures(as_of)])
        check_figures(texts.areas[area.code], allowed, [area.name])
    summary = evaluation.summary
    flagged = {code: sum(1 for i in evaluation.indicators if any(f.code == code for f in i.flags))
               for code in ("azione_correttiva", "dato_mancante")}
    allowed = _shown([
        summary.achievement, summary.objectives, summary.indicators, *_count_figures(summary), *flagged.values(),
        len(revisions(evaluation)), sum(1 for f in evaluation.flags if f.code == "incoerenza"), evaluation.year,
        *_date_figures(as_of), len(summary.members), len(summary.members) - len(summary.excluded), len(summary.apart),
        *proposed_counts(evaluation).values(),
    ])
    free = [t for i in evaluation.indicators for t in _free_texts(i)]
    check_figures(texts.summary, allowed, free)
    pending = [i for i in evaluation.indicators if i.against_proposal is not None]  # told side by side to the Giunta
    allowed |= _shown([n for i in pending for n in (i.achievement, i.against_proposal.achievement)])
    for paragraph in texts.relator:
        check_figures(paragraph, allowed, free)


@pytest.mark.parametrize("example", [CUNEO, TORINO_MID, TORINO_END], ids=["cuneo", "torino-06", "torino-12"])
def test_every_member_has_clean_text(example):
    evaluation, texts = evaluated(*example), narrated(*example)
    assert set(texts.indicators) == {i.code for i in evaluation.indicators}
    assert set(texts.objectives) == {o.code for o in evaluation.objectives}
    assert set(texts.areas) == {a.code for a in evaluation.areas}
    everything = [*texts.indicators.values(), *texts.objectives.values(), *texts.areas.values(), texts.summary, *texts.relator]
    for text in everything:
        assert text and text[0].isupper() and text.endswith((".", "»."))
        for leftover in ("{", "}", "None", "  ", " ,", "..", "n.d."):
            assert leftover not in text, f"«{leftover}» in: {text}"


def test_the_same_input_gives_the_same_text():
    assert narrate(evaluated(*CUNEO)) == narrate(evaluated(*CUNEO))


def _variant(text: str, variants: list[str]) -> int:
    """Which variant produced ``text`` (its placeholders matched as any text)."""
    for index, template in enumerate(variants):
        parts = re.split(r"\{[^{}]*\}", template)
        if re.match(".+?".join(re.escape(p) for p in parts), text, re.IGNORECASE | re.DOTALL):
            return index
    raise AssertionError(f"nessuna variante produce: {text}")


def test_neighbours_in_the_same_situation_read_differently():
    evaluation, texts = evaluated(*CUNEO), narrated(*CUNEO)
    book = PhraseBook.load()
    ctx = Context(Writer(book), evaluation.as_of, evaluation.final)
    last: dict[str, int] = {}
    pairs = repeats = 0
    for result in evaluation.indicators:
        name = situation(result, ctx)
        variants = book.variants(name)
        index = _variant(texts.indicators[result.code], variants)
        if name in last and len(variants) > 1:
            pairs += 1
            repeats += last[name] == index
        last[name] = index
    assert pairs >= 30
    assert repeats == 0
    openings = {t.split(" ", 3)[:3].__str__() for t in texts.indicators.values()}
    assert len(openings) >= 15


# -- objectives, areas, summary, relator -----------------------------------------------------------

def test_objective_paragraphs_name_critical_indicators_and_actions():
    texts = narrated(*CUNEO)
    o20 = texts.objectives["O20.1"]
    assert re.search(r"(Dei|Su) 3 indicatori, 2 sono in linea con l'andamento atteso e 1 è a rischio\.", o20)
    assert "O20.1-2 (a rischio)" in o20 and "definire azioni di recupero" in o20
    o08 = texts.objectives["O08"]
    assert "non è calcolabile" in o08 and "indicatori O08-1 (dato mancante) e O08-2 (dato mancante)" in o08
    assert "raggiunti" in texts.objectives["O14"] and "I 3 indicatori risultano tutti raggiunti." in texts.objectives["O14"]
    assert "non emergono criticità" in texts.objectives["O03"].lower() or "nessun indicatore presenta" in texts.objectives["O03"].lower()


def test_decided_actions_replace_the_proposed_ones():
    evaluation = evaluated(*CUNEO)
    flag = next(f for f in evaluation.indicator("O19.1-1").flags if f.code == "azione_correttiva")
    texts = narrate(evaluation, decisions={flag.id: "Affidare la sperimentazione a un secondo fornitore."})
    o19 = texts.objectives["O19.1"]
    assert "Affidare la sperimentazione a un secondo fornitore" in o19 and ("deciso" in o19 or "Decisione" in o19)
    assert "definire azioni di recupero" not in o19
    assert "definire azioni di recupero" in narrated(*CUNEO).objectives["O19.1"]


def test_area_paragraphs():
    texts = narrated(*CUNEO)
    assert "«Obiettivi dirigenziali»" in texts.areas["DIR"] and "8 obiettivi" in texts.areas["DIR"]
    assert "85,68%" in texts.areas["DIR"]
    assert "L'unico indicatore dell'area risulta a rischio." in texts.areas["TRA"]


def test_summary_counts_states_and_what_the_giunta_decides():
    summary = narrated(*CUNEO).summary
    assert "53 obiettivi e 71 indicatori" in summary
    assert ("11 raggiunti, 45 in linea con l'andamento atteso (di cui 8 proposti dalla lettura delle note, da confermare), "
            "9 a rischio (di cui 2 proposti dalla lettura delle note, da confermare), 3 non rilevabili alla data e 3 da "
            "valutare") in summary
    assert "Nessun indicatore risulta non raggiunto." in summary and "nessuno non" not in summary
    assert "67,4%, la media dei gradi dei 42 obiettivi con un grado calcolabile (su 53), con pesi uguali" in summary
    assert "3 proposte di rimodulazione del target, per gli indicatori O16.1-1, O21.2-1 e O24.2-1" in summary
    assert "9 azioni correttive" in summary


def test_relator_paragraphs_with_revisions():
    relator = narrated(*CUNEO).relator
    assert len(relator) == 4
    assert relator[0].startswith("Il Relatore precisa che") and "30 giugno 2023" in relator[0]
    assert relator[1].startswith("Il Relatore informa quindi che") and "67,4%" in relator[1]
    for code in ("O16.1-1", "O21.2-1", "O24.2-1"):
        assert f"per l'indicatore {code}, da «" in relator[2]
    assert "ad «Avvio di quattro cantieri" in relator[2] and "motivazione: «" in relator[2]
    # until the Giunta decides, the status against the target in force and against the proposed one
    assert ("per l'indicatore O24.2-1, da «≥ 400 strumenti (circa il 40% del totale)» a «≥ 120 impianti di carburante"
            in relator[2])
    assert ("Alla data l'indicatore O24.2-1 risulta a rischio rispetto al target vigente (grado del 16%) e risulterebbe "
            "in linea rispetto al target proposto (grado del 53,33%).") in relator[2]
    # O16.1-1: both statuses rest on the note, said in a sentence of its own
    assert ("Alla data l'indicatore O16.1-1 risulta a rischio sia rispetto al target vigente sia rispetto al target "
            "proposto. Entrambi gli stati vengono dalla lettura della nota del responsabile e vanno confermati.") in relator[2]
    sentences = re.split(r"(?<=[.»)]) (?=[A-Z])", relator[2])
    assert max(len(s) for s in sentences if not s.startswith("Il Relatore illustra")) < 200
    assert relator[3].startswith("Alla Giunta camerale è proposto di prendere atto")
    assert "di approvare le 3 proposte di aggiornamento dei target sopra illustrate" in relator[3]


def test_relator_without_revisions_only_takes_note():
    plan, _ = load_plan(CUNEO[0])
    measure_set, _ = load_measures(CUNEO[1], CUNEO[2])
    plain = measure_set.model_copy(update={"measures": [
        m.model_copy(update={"proposed_target": None, "proposal_reason": None}) for m in measure_set.measures
    ]})
    texts = narrate(evaluate(plan, plain, CUNEO[2], engine="interno"))
    assert len(texts.relator) == 3
    assert "approvare" not in texts.relator[-1] and "prendere atto" in texts.relator[-1]
    assert "Non sono proposte rimodulazioni dei target." in texts.summary


def test_year_end_is_told_as_final():
    texts = narrated(*TORINO_END)
    assert "a consuntivo" in texts.summary and "a consuntivo" in texts.relator[0]
    assert "31 dicembre 2022" in texts.relator[-1]


# -- the controller's phrase file ------------------------------------------------------------------

def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "frasi.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_user_file_overrides_one_situation(tmp_path):
    path = write(tmp_path, {"indicatore": {"livello": {"in_linea_puntuale": ["PROVA {valore} contro {target} {a:data}."]}}})
    default, custom = narrated(*CUNEO), narrate(evaluated(*CUNEO), path)
    assert custom.indicators["O18.3-2"] == "PROVA 95% contro 90% al 30 giugno 2023."
    assert custom.indicators["O01-3"] == default.indicators["O01-3"]
    assert custom.summary == default.summary


@pytest.mark.parametrize(("content", "message"), [
    ({"indicatore": {"livelo": {"raggiunto": ["x"]}}}, "forse «indicatore.livello.raggiunto»"),
    ({"indicatore": {"livello": {"raggiunto": ["{xx:valore}"]}}}, "preposizione «xx» sconosciuta"),
    ({"indicatore": {"livello": {"raggiunto": ["{valore"]}}}, "graffe non bilanciate"),
    ({"indicatore": {"livello": {"raggiunto": []}}}, "serve una frase"),
    ({"lessico": {"visita": {"plurale": "visite", "genere": "x"}}}, "m oppure f"),
    ("indicatore: [\n  - a", "YAML"),
    ("- solo un elenco", "deve contenere le situazioni"),
])
def test_bad_phrase_files_are_reported_in_italian(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(InputError) as error:
        narrate(evaluated(*CUNEO), path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_unknown_slot_is_named_with_the_available_ones(tmp_path):
    path = write(tmp_path, {"indicatore": {"livello": {"in_linea_puntuale": ["{pippo}"]}}})
    with pytest.raises(InputError) as error:
        narrate(evaluated(*CUNEO), path)
    text = str(error.value)
    assert "indicatore.livello.in_linea_puntuale" in text and "{pippo}" in text and "valore" in text


def test_a_user_file_may_add_nouns(tmp_path):
    from tests.engine_helpers import measures, plan_with, run

    evaluation = run(plan_with({"target": "≥ 10 ispezioni", "andamento": "cumulativo"}), measures({"codice": "I1", "valore": "6"}))
    assert "6 (unità: ispezioni)" in narrate(evaluation).indicators["I1"]
    path = write(tmp_path, {"lessico": {"ispezione": {"plurale": "ispezioni", "genere": "f", "participio": "effettuato"}}})
    assert "effettuate 6 ispezioni" in narrate(evaluation, path).indicators["I1"].lower()


# -- command line --------------------------------------------------------------------------------

def test_valuta_prints_the_narratives():
    args = ["valuta", str(CUNEO[0]), str(CUNEO[1]), "--al", "30/06/2023", "--motore", "interno"]
    result = CliRunner().invoke(main, [*args, "--narrativa"])
    assert result.exit_code == 0, result.output
    assert "Il monitoraggio al 30 giugno 2023 riguarda 53 obiettivi e 71 indicatori." in result.output
    assert "[O01-2]" in result.output and "Il Relatore precisa che" in result.output
    as_json = CliRunner().invoke(main, [*args, "--narrativa", "--json"])
    import json

    data = json.loads(as_json.stdout)
    assert data["narratives"]["indicators"]["O01-2"] == narrated(*CUNEO).indicators["O01-2"]


def test_valuta_reports_a_bad_phrase_file(tmp_path):
    path = write(tmp_path, {"indicatore": {"livelo": {"raggiunto": ["x"]}}})
    result = CliRunner().invoke(main, ["valuta", str(CUNEO[0]), str(CUNEO[1]), "--motore", "interno", "--frasi", str(path)])
    assert result.exit_code == 2
    assert "situazione sconosciuta" in result.output and "Traceback" not in result.output


def test_relator_and_summary_present_only_the_revisions_given():
    """With a review journal only the accepted revisions reach the relator (as in the dispositive)."""
    plan, _ = load_plan(CUNEO[0])
    measure_set, _ = load_measures(CUNEO[1], CUNEO[2])
    evaluation = evaluate(plan, measure_set, CUNEO[2], engine="interno")
    accepted = [r for r in revisions(evaluation) if r.code == "O24.2-1"]
    texts = narrate(evaluation, revisions=accepted)
    assert "per l'indicatore O24.2-1" in texts.relator[2] and "O16.1-1" not in texts.relator[2]
    assert "proposta di aggiornamento del target" in texts.relator[2]
    assert "O21.2-1" not in texts.summary.split("rimodulazione")[1].split(".")[0]
    none_accepted = narrate(evaluation, revisions=[])
    assert "approvare" not in none_accepted.relator[-1]
