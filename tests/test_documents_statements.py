"""Every statement the Giunta reads is true for the data: weights, counts, the ente's degree, units,
policy, audience and wording — checked on the Cuneo and Torino annexes and on a generated plan,
generated with the real narratives and read back from the .docx."""

from __future__ import annotations

import re
import sys
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from documents_helpers import CUNEO_FILES, TORINO_FINAL, TORINO_MID, body_paragraphs, read, rulebook, style_name
from docx.oxml.ns import qn

from piao_rules import format_it
from piao_rules.documents.annex import Act, AnnexRequest, build_annex
from piao_rules.documents.premise import PremiseFacts, SmvpAct
from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.rulebook import load_rulebook
from piao_rules.io import load_measures, load_plan
from piao_rules.io.model import Plan
from piao_rules.narrative import narrate
from piao_rules.narrative.indicator import measured_unit
from piao_rules.narrative.phrases import PhraseBook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import generate  # noqa: E402

INSTRUCTIONS = ("hiedere al responsabile", "Concordare con i responsabili", "oncordare con i responsabili",
                "Verificare con il responsabile", "Per attribuire uno stato", "Inserire il valore", "Correggere i pesi",
                "Indicare il peso")
WRONG_WORDING = ("I 2 indicatori", "sono non rilevabili", "è non rilevabile", "nessuno non", "media triennio",
                 "Obiettivo raggiunto", "obiettivo raggiunto", "obiettivo non raggiunto", "– 2023-2025", "– 2022-2024")


@cache
def example(name: str):
    files = {"cuneo": (*CUNEO_FILES, date(2023, 6, 30)), "torino-06": (*TORINO_MID, date(2022, 6, 30)),
             "torino-12": (*TORINO_FINAL, date(2022, 12, 31))}
    if name == "generato":
        plan = generate.plan(120)
        measures = generate.measures(plan)
        when = date(2023, 6, 30)
    else:
        plan_path, measures_path, when = files[name]
        plan, _ = load_plan(plan_path)
        measures, _ = load_measures(measures_path)
    evaluation = evaluate(plan, measures, when, rulebook=rulebook(), engine="interno")
    narratives = narrate(evaluation, for_giunta=True)
    data = build_annex(AnnexRequest(evaluation, rulebook(), narratives, plan_title=plan.title, period=plan.period,
                                    act=Act("1", date(when.year, 7, 31))))
    return plan, evaluation, read(data)


EXAMPLES = ["cuneo", "torino-06", "torino-12", "generato"]


def text_of(document) -> str:
    return "\n".join(p.text for p in body_paragraphs(document))


def _plan_weights(plan: Plan) -> dict[str, tuple[int, int]]:
    objectives = [o for _, o in plan.objectives()]
    indicators = [i for o in objectives for i in o.indicators]
    return {
        "aree": (sum(1 for a in plan.areas if a.weight is not None), len(plan.areas)),
        "obiettivi": (sum(1 for o in objectives if o.weight is not None), len(objectives)),
        "indicatori": (sum(1 for i in indicators if i.weight is not None), len(indicators)),
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_what_the_annex_says_about_weights_is_what_the_plan_has(name):
    plan, _, document = example(name)
    text = text_of(document)
    weights = _plan_weights(plan)
    if not any(n for n, _ in weights.values()):
        assert "Il piano non indica pesi" in text
        return
    assert "non indica pesi" not in text
    sentence = next(line for line in text.split("\n") if line.startswith("Il piano indica il peso"))
    stated = {noun: (int(n), int(total)) for n, noun, total in re.findall(r"di (\d+) (aree|obiettivi|indicatori) su (\d+)", sentence)}
    stated |= {noun: (int(n), int(n)) for n, noun in re.findall(r"di tutt[ie] (?:i|le) (\d+) (aree|obiettivi|indicatori)", sentence)}
    assert stated == {noun: counts for noun, counts in weights.items() if counts[0]}


@pytest.mark.parametrize("name", EXAMPLES)
def test_counts_and_the_ente_degree_are_those_of_the_plan(name):
    plan, evaluation, document = example(name)
    text = text_of(document)
    objectives = [o for _, o in plan.objectives()]
    indicators = sum(len(o.indicators) for o in objectives)
    assert f"riguarda {len(objectives)} obiettivi e {indicators} indicatori" in text
    # the ente's degree recomputed from the plan: top-level objectives not individual, strategic ones if any
    tops = [o for a in plan.areas for o in a.objectives if (o.kind.value if o.kind else None) != "individuale"]
    strategic = [o for o in tops if o.kind is not None and o.kind.value == "strategico"]
    counted = strategic or tops
    by_code = {o.code: o for o in evaluation.objectives}
    degrees = [by_code[o.code].achievement for o in counted if by_code[o.code].achievement is not None]
    if all(a.weight is not None for a in plan.areas):
        assert f"media dei gradi delle {len(plan.areas)} aree, con i pesi indicati nel piano" in text
        return
    weights = [o.weight for o in counted]
    if all(w is None for w in weights):
        expected = sum(degrees, Decimal(0)) / len(degrees)
        shown = format_it.percent(expected, 2)
        assert f"Grado complessivo di raggiungimento dell'Ente\n{shown}" in "\n".join(
            f"{r.cells[0].text}\n{r.cells[1].text}" for t in document.tables for r in t.rows)
        assert f"è del {shown}" in text or f"è dell'{shown}" in text
        kind = " strategici" if strategic else ""
        calculable = "" if len(degrees) == len(counted) else f" con un grado calcolabile (su {len(counted)})"
        assert f"media dei gradi dei {len(degrees)} obiettivi{kind}{calculable}" in text


@pytest.mark.parametrize("name", EXAMPLES)
def test_one_rounding_for_every_percentage(name):
    _, evaluation, document = example(name)
    text = text_of(document) + "\n" + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    shown = format_it.percent(evaluation.summary.achievement, 2)
    assert text.count(shown) >= 2  # the table and the narrative give the same figure
    computed = re.findall(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*,\d+)%", text)
    assert computed and all(len(number.split(",")[1]) <= 2 for number in computed)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_giunta_annex_has_no_instructions_invented_policy_or_wrong_wording(name):
    _, _, document = example(name)
    prose = "\n".join(p.text for p in document.paragraphs)  # tables quote the plan's targets verbatim
    text = prose + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for phrase in (*INSTRUCTIONS, "Risorse aggiuntive", "Risorse accessorie", "fasce", "quota piena"):
        assert phrase not in text, phrase
    for phrase in WRONG_WORDING:
        assert phrase not in prose, phrase
    assert "Decisione" not in text  # no decision recorded
    assert "Organismo Indipendente di Valutazione" not in text  # sharing with the OIV not recorded


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_chart_has_alternative_text_and_the_first_lists_each_area(name):
    _, evaluation, document = example(name)
    descriptions = [d.get("descr") for d in document.element.body.iter(qn("wp:docPr"))]
    assert descriptions and all(d and d.startswith("Grafico a barre: stato degli indicatori per ") for d in descriptions)
    for area in evaluation.areas:
        assert area.name in descriptions[0]


@pytest.mark.parametrize("name", EXAMPLES)
def test_measured_figures_keep_the_measure_unit(name):
    """A value is told with the target's noun only when the measure counts that noun."""
    _, evaluation, _ = example(name)
    texts = narrate(evaluation).indicators
    lexicon = PhraseBook.load().lexicon
    for indicator in evaluation.indicators:
        value = indicator.measure.value if indicator.measure is not None else None
        if not isinstance(value, Decimal) or indicator.target is None or lexicon.split(indicator.target.unit) is None:
            continue
        noun = lexicon.split(indicator.target.unit)[0]
        told = f"{format_it.number(value)} {noun.form(value != 1)}"
        if measured_unit(indicator, lexicon) is None:
            assert told not in texts[indicator.code].split("«")[0], indicator.code


def test_offices_met_and_plants_checked_are_not_relabelled():
    _, evaluation, _ = example("cuneo")
    texts = narrate(evaluation).indicators
    assert "8 incontri" not in texts["O13.1-1"] and "con 8 uffici" in texts["O13.1-1"]  # the note's own words
    assert "64 strumenti" not in texts["O24.2-1"] and "«Controllati 64 impianti di carburante»" in texts["O24.2-1"]


def test_two_indicators_in_one_state_are_entrambi_and_not_measurable_reads_well():
    _, evaluation, _ = example("cuneo")
    objectives = narrate(evaluation, for_giunta=True).objectives
    assert "Entrambi gli indicatori risultano raggiunti." in objectives["O22"]
    assert "2 non sono rilevabili alla data" in objectives["O07"]


def test_objective_paragraphs_open_in_many_ways():
    for name in ("cuneo", "torino-06"):
        _, evaluation, _ = example(name)
        objectives = narrate(evaluation, for_giunta=True).objectives.values()
        openings = {" ".join(text.split()[:4]) for text in objectives}
        assert len(openings) >= 8


def test_premessa_follows_year_and_ente_file():
    plan, evaluation, _ = example("cuneo")

    def premessa(facts: PremiseFacts) -> str:
        document = read(build_annex(AnnexRequest(evaluation, rulebook(), facts=facts, plan_title=plan.title)))
        paragraphs = [p.text for p in document.paragraphs if not style_name(p).startswith("toc")]
        start = paragraphs.index("Premessa")
        return "\n".join(paragraphs[start + 1:paragraphs.index("Sintesi dei risultati", start)])

    default = premessa(PremiseFacts())
    assert "D.Lgs. 25 maggio 2017, n. 74" in default and "D.L. 9 giugno 2021, n. 80" in default
    assert "D.M. 30 giugno 2022, n. 132" in default
    assert "Sistema di misurazione" not in default and "OIV" not in default
    assert "validat" not in default  # the Cuneo measures record no validation
    given = premessa(PremiseFacts(piao=False, smvp=SmvpAct("12", date(2023, 1, 30)), oiv_shared=True))
    assert "D.L. 9 giugno 2021" not in given and "D.M. 30 giugno 2022" not in given
    assert "adottato con delibera di Giunta n. 12 del 30 gennaio 2023" in given
    assert "Il monitoraggio è stato condiviso con l'Organismo Indipendente di Valutazione (OIV)." in given
    _, torino, _ = example("torino-06")
    document = read(build_annex(AnnexRequest(torino, rulebook())))
    assert "Tutti i valori rilevati risultano validati" in text_of(document)


def test_bands_appear_only_when_the_chambers_rules_give_them(tmp_path):
    (tmp_path / "aggregazione.yaml").write_text(
        "descrizione: Media ponderata.\nmetodo: media_ponderata\n"
        "fasce:\n  - nome: Risorse decentrate\n    scaglioni:\n      - {sotto: 60, tipo: zero}\n      - {tipo: pieno}\n",
        encoding="utf-8")
    own = load_rulebook(tmp_path)
    plan, _ = load_plan(TORINO_FINAL[0])
    measures, _ = load_measures(TORINO_FINAL[1])
    evaluation = evaluate(plan, measures, date(2022, 12, 31), rulebook=own, engine="interno")
    document = read(build_annex(AnnexRequest(evaluation, own)))
    labels = [r.cells[0].text for t in document.tables for r in t.rows]
    assert "Risorse decentrate" in labels
    assert "Aggregazione e fasce" in text_of(document)


def test_deliberation_agrees_with_one_proposal_and_names_the_piao_subsection():
    from documents_helpers import TORINO

    from piao_rules.documents.deliberation import DeliberationRequest, build_deliberation
    from piao_rules.io.ente import load_ente

    _, evaluation, _ = example("torino-06")
    document = read(build_deliberation(DeliberationRequest(
        evaluation, load_ente(TORINO / "ente.yaml"), "90", date(2022, 7, 25), narrate(evaluation, for_giunta=True))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "di approvare la proposta di aggiornamento del target sopra illustrata" in text
    assert ("di approvare la proposta di rimodulazione del target dell'indicatore di seguito indicato, che aggiorna la "
            "sottosezione «Performance» del Piano integrato di attività e organizzazione 2022:") in text
    assert "da «≥ 300 N.» a «≥ 240,00 N.»" in text  # the relator quotes the targets as the dispositive does
    for phrase in INSTRUCTIONS:
        assert phrase not in text


def test_proposed_statuses_are_counted_and_said_to_await_confirmation():
    from piao_rules.narrative.summary import proposed_counts

    _, evaluation, document = example("cuneo")
    counts = proposed_counts(evaluation)
    assert counts  # the Cuneo notes give proposals
    text = text_of(document)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    relator = " ".join(narrate(evaluation, for_giunta=True).relator)
    for status, k in counts.items():
        phrase = f"di cui {k} {'proposti' if k > 1 else 'proposto'} dalla lettura delle note, da confermare"
        n = getattr(evaluation.summary.counts, status.value)
        assert any(phrase in c for c in cells)
        assert f"{n} " in text and phrase in text and phrase in relator
    assert "si chiede ai responsabili" not in text and "da chiarire con i responsabili" not in text


@pytest.mark.parametrize(("year", "title"), [(2023, "E.Q. (Elevata Qualificazione)"), (2022, "P.O. (Posizione Organizzativa)")])
def test_sector_heads_are_named_with_the_title_of_the_plan_year(year, title):
    from piao_rules.documents.premise import premise

    _, evaluation, _ = example("torino-06")
    indicators = []
    for n, indicator in enumerate(evaluation.indicators):
        if indicator.measure is not None:
            who = "P.O. Settore Anagrafe" if n % 2 else "Elevata qualificazione Settore Promozione"
            indicator = indicator.model_copy(update={"measure": indicator.measure.model_copy(update={"validated_by": who})})
        indicators.append(indicator)
    text = "\n".join(premise(evaluation.model_copy(update={"year": year, "indicators": indicators}), PremiseFacts()))
    short = title.split(" ")[0]
    assert f"{title} Settore" in text and f"{short} Settore" in text
    other = "P.O." if short == "E.Q." else "E.Q."
    assert other not in text and "Elevata qualificazione" not in text
