"""segnalazioni, decidi, revisiona: open flags, decisions checked and kept, a new plan version."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from roundtrip_helpers import CUNEO, JUNE

from piao_rules.cli import main
from piao_rules.cli.common import evaluate_files
from piao_rules.io import load_plan
from piao_rules.review.journal import read_journal


@pytest.fixture
def work(tmp_path):
    shutil.copy(CUNEO / "piano.yaml", tmp_path)
    shutil.copy(CUNEO / "misure-2023-06-30.csv", tmp_path)
    return tmp_path


def run(work, *args, ok=True):
    result = CliRunner().invoke(main, [a.format(d=work) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


PLAN, JUNE_MEASURES = "{d}/piano.yaml", "{d}/misure-2023-06-30.csv"


def listing(work, *args):
    return json.loads(run(work, "segnalazioni", PLAN, JUNE_MEASURES, "--json", *args).output)


def test_listing_filters_and_json(work):
    everything = listing(work)
    assert len(everything) == 43 and all(f["aperta"] for f in everything)
    first = everything[0]
    assert first["id"] == "O06-1/incoerenza" and first["responsabile"] == "SEGRETARIO GENERALE"
    assert "valore: 95%" in first["spiegazione"]
    assert {f["id"] for f in listing(work, "--gravita", "alta")} == {"O25.2-1/incoerenza"}
    assert {f["id"] for f in listing(work, "--ufficio", "metrico")} == {
        "O24.1-1/azione_correttiva", "O24.1-1/dato_mancante", "O24.1-1/causa_esterna", "O24.2-1/azione_correttiva", "O24.2-1/rimodulazione_target",
        "O24.2-1/causa_esterna", "O24.1-1/stato_proposto"}
    assert len(listing(work, "--tipo", "rimodulazione_target")) == 3
    wrong = run(work, "segnalazioni", PLAN, JUNE_MEASURES, "--ufficio", "METRlCO E ISPETIVO", ok=False)
    assert wrong.exit_code == 2 and "forse METRICO E ISPETTIVO?" in wrong.output
    text = run(work, "segnalazioni", PLAN, JUNE_MEASURES, "--ufficio", "proveditorato").output
    assert "O16.1-1/rimodulazione_target  [media]  aperta" in text
    assert text.rstrip().endswith(f"5 segnalazioni aperte al 30/06/2023; giornale: {work}/decisioni-2023.jsonl")
    sighting = read_journal(work / "decisioni-2023.jsonl").entries
    assert len(sighting) == 1 and len(sighting[0].flags) == 43  # listed many times, recorded once


def test_decisions_are_checked(work):
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-1/rimodulazione", "--esito", "accolta", "--nota", "x", ok=False)
    assert "la segnalazione «O24.2-1/rimodulazione» non c'è nella valutazione al 30/06/2023. Forse: " \
           "O24.2-1/azione_correttiva, O24.2-1/rimodulazione_target, O24.2-1/causa_esterna." in wrong.output
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-l/rimodulazione_target", "--esito", "accolta", "--nota", "x", ok=False)
    assert "Forse: O24.2-1/rimodulazione_target" in wrong.output
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O06-1/incoerenza", "--esito", "accolta", "--nota", "x",
                "--nuovo-target", "≥ 90%", ok=False)
    assert "il nuovo target si indica solo con esito «accolta» su una segnalazione rimodulazione_target" in wrong.output
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-1/rimodulazione_target", "--esito", "respinta", "--nota", "x",
                "--nuovo-target", "≥ 120", ok=False)
    assert "solo con esito «accolta»" in wrong.output
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-1/rimodulazione_target", "--esito", "accolta", "--nota", "x",
                "--nuovo-target", "entro il 31/02/2023", ok=False)
    assert "nuovo target non valido: data impossibile nel target" in wrong.output
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-1/rimodulazione_target", "--esito", "accolta", "--nota", " ", ok=False)
    assert "manca la nota" in wrong.output
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-1/rimodulazione_target", "--esito", "forse", "--nota", "x", ok=False)
    assert wrong.exit_code == 2
    assert not read_journal(work / "decisioni-2023.jsonl").decisions


def test_a_later_decision_supersedes_visibly(work):
    run(work, "decidi", PLAN, JUNE_MEASURES, "O27.1-1/azione_correttiva", "--esito", "rinviata", "--nota", "attendere luglio",
        "--chi", "Segretario Generale")
    assert "O27.1-1/azione_correttiva" in {f["id"] for f in listing(work)}  # postponed: still open
    out = run(work, "decidi", PLAN, JUNE_MEASURES, "O27.1-1/azione_correttiva", "--esito", "azione_correttiva",
              "--nota", "campagna di sollecito", "--responsabile", "FRONT OFFICE E SPORTELLI ASSISTITO").output
    assert "(sostituisce la decisione precedente)" in out
    assert "O27.1-1/azione_correttiva" not in {f["id"] for f in listing(work)}
    (decided,) = [f for f in listing(work, "--tutte") if f["id"] == "O27.1-1/azione_correttiva"]
    assert decided["stato"] == "decisa: azione correttiva"
    assert [(d["esito"], d["stato"]) for d in decided["decisioni"]] == [("rinviata", "superata"), ("azione_correttiva", "in vigore")]
    assert decided["decisioni"][0]["chi"] == "Segretario Generale" and decided["decisioni"][1]["chi"]  # OS user by default
    text = run(work, "segnalazioni", PLAN, JUNE_MEASURES, "--tutte", "--ufficio", "FRONT OFFICE").output
    assert "Decisione (superata): rinviata — attendere luglio" in text
    assert "Decisione (in vigore): azione correttiva — campagna di sollecito; responsabile FRONT OFFICE E SPORTELLI ASSISTITO" in text


def test_flag_ids_survive_corrected_data(work):
    run(work, "decidi", PLAN, JUNE_MEASURES, "O27.1-1/azione_correttiva", "--esito", "azione_correttiva", "--nota", "sollecito")
    before = {f["id"] for f in listing(work)}
    measures = work / "misure-2023-06-30.csv"
    measures.write_text(measures.read_text(encoding="utf-8-sig").replace(
        "O27.1-1;30/06/2023;31,47%", "O27.1-1;30/06/2023;33,1%"), encoding="utf-8")
    evaluation, _, _ = evaluate_files(work / "piano.yaml", measures, None)
    assert "33,1%" in evaluation.indicator("O27.1-1").flags[0].reason
    assert {f["id"] for f in listing(work)} == before  # same ids, the decision still holds


def test_open_flags_carry_over_to_the_next_monitoring(work):
    listing(work)  # the flags raised at 30/06 are recorded
    run(work, "decidi", PLAN, JUNE_MEASURES, "O06-1/incoerenza", "--esito", "rinviata", "--nota", "al prossimo monitoraggio")
    run(work, "decidi", PLAN, JUNE_MEASURES, "O08-1/dato_mancante", "--esito", "azione_correttiva", "--nota", "sollecito")
    september = work / "misure-2023-09-30.csv"
    september.write_text((work / "misure-2023-06-30.csv").read_text(encoding="utf-8-sig").replace("30/06/2023", "30/09/2023"),
                         encoding="utf-8")
    flags = {f["id"]: f for f in json.loads(run(work, "segnalazioni", PLAN, str(september), "--json", "--tutte").output)}
    assert flags["O06-1/incoerenza"]["stato"] == "aperta (aperta dal 30/06/2023)"
    assert flags["O07-1/dato_mancante"]["aperta_dal"] == "2023-06-30"  # never decided
    assert flags["O08-1/dato_mancante"]["stato"] == "aperta"  # decided in June, raised again: open anew
    assert flags["O08-1/dato_mancante"]["decisioni"][0]["stato"] == "monitoraggio del 30/06/2023"
    text = run(work, "segnalazioni", PLAN, str(september)).output
    assert "O06-1/incoerenza  [media]  aperta (aperta dal 30/06/2023)" in text


def test_revisiona_writes_a_new_plan_version(work):
    run(work, "decidi", PLAN, JUNE_MEASURES, "O16.1-1/rimodulazione_target", "--esito", "accolta", "--nota", "parere OIV favorevole")
    run(work, "decidi", PLAN, JUNE_MEASURES, "O24.2-1/rimodulazione_target", "--esito", "accolta", "--nota", "programmi arrivati a luglio",
        "--nuovo-target", "≥ 120 impianti di carburante")
    run(work, "decidi", PLAN, JUNE_MEASURES, "O21.2-1/rimodulazione_target", "--esito", "accolta", "--nota", "ok")
    run(work, "decidi", PLAN, JUNE_MEASURES, "O21.2-1/rimodulazione_target", "--esito", "respinta", "--nota", "le sale sono quattro")
    wrong = run(work, "decidi", PLAN, JUNE_MEASURES, "O27.1-1/azione_correttiva", "--esito", "accolta", "--nota", "x",
                "--nuovo-target", "≥ 2", ok=False)
    assert "solo con esito «accolta» su una segnalazione rimodulazione_target" in wrong.output
    out = run(work, "revisiona", PLAN, "--giornale", "{d}/decisioni-2023.jsonl", "-o", "{d}/piano-rev1.yaml",
              "--delibera", "n. 107 del 31/07/2023", "--parere-oiv", "favorevole").output
    assert "piano-rev1.yaml: revisione 1 del piano, 2 target rimodulati." in out
    plan, _ = load_plan(work / "piano-rev1.yaml")
    assert plan.revision == 1
    revised = {i.code: i for _, _, i in plan.indicators() if i.revisions}
    assert set(revised) == {"O16.1-1", "O24.2-1"}
    (revision,) = revised["O24.2-1"].revisions
    assert revision.number == 1 and revision.target == "≥ 120 impianti di carburante"
    assert revision.previous.startswith("\\geq 400 strumenti")
    assert revision.approved_by == "delibera di Giunta n. 107 del 31/07/2023"
    assert revision.approved_on.isoformat() == "2023-07-31" and revision.oiv_opinion == "favorevole"
    assert revised["O16.1-1"].revisions[0].reason.startswith("Il salone del futuro")  # the office's reason
    evaluation, _, _ = evaluate_files(work / "piano-rev1.yaml", work / "misure-2023-06-30.csv", JUNE)
    result = evaluation.indicator("O24.2-1")
    assert result.target_text == "≥ 120 impianti di carburante" and result.original_target.startswith("\\geq 400")
    again = run(work, "revisiona", "{d}/piano-rev1.yaml", "--giornale", "{d}/decisioni-2023.jsonl", "-o", "{d}/piano-rev2.yaml", ok=False)
    assert "nessuna revisione del target da applicare" in again.output
    before = (work / "piano.yaml").read_bytes()
    same = run(work, "revisiona", PLAN, "--giornale", "{d}/decisioni-2023.jsonl", "-o", PLAN, ok=False)
    assert same.exit_code == 2 and f"{work / 'piano.yaml'}: è anche uno dei file da leggere" in same.output
    assert (work / "piano.yaml").read_bytes() == before
