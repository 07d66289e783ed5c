"""The Giunta deliberation: fixed formulas in order, members, recitals, dispositive points."""

from __future__ import annotations

from datetime import date

import pytest
from documents_helpers import (
    CUNEO,
    TORINO,
    cuneo,
    narratives,
    read,
    style_name,
    torino_final,
)
from docx.oxml.ns import qn

from piao_rules.documents import styles
from piao_rules.documents.deliberation import DeliberationRequest, build_deliberation, dispositive
from piao_rules.io.ente import load_ente
from piao_rules.review.revisions import proposed as revisions

SITTING = date(2023, 7, 31)


@pytest.fixture(scope="module")
def ente():
    return load_ente(CUNEO / "ente.yaml")


@pytest.fixture(scope="module")
def cuneo_deliberation(ente) -> bytes:
    _, evaluation = cuneo()
    return build_deliberation(DeliberationRequest(evaluation, ente, "107", SITTING, narratives(evaluation)))


@pytest.fixture(scope="module")
def texts(cuneo_deliberation) -> list[str]:
    return [p.text for p in read(cuneo_deliberation).paragraphs]


def without_proposals(evaluation):
    indicators = [i.model_copy(update={"measure": i.measure.model_copy(update={"proposed_target": None})})
                  if i.measure is not None else i for i in evaluation.indicators]
    return evaluation.model_copy(update={"indicators": indicators})


def test_formulas_in_their_order(texts):
    expected = [
        "DELIBERA N. 107",
        "SEDUTA DEL 31/07/2023",
        ("OGGETTO:\tCiclo di gestione della performance – Esiti del monitoraggio degli obiettivi 2023 al 30 giugno 2023 "
         "e rimodulazione di target."),
        "PRESENTI:",
        "ROSSI Aurora\t- Presidente",
        "Sono assenti giustificati i Signori:",
        "VIOLA Edoardo\t- in rappresentanza del settore Turismo",
        ("Assiste il Segretario Generale dott.ssa Elena Turchese, coadiuvato per la rogazione del verbale dal dott. "
         "Pietro Smeraldo."),
        "Constatata la presenza del numero legale, il Presidente dichiara aperta la discussione.",
        "Relatore: IL SEGRETARIO GENERALE",
        "Il Relatore illustra gli esiti del monitoraggio.",
        "Terminata l'esposizione il Relatore invita la Giunta a deliberare in merito.",
        "LA GIUNTA",
        "UDITA\tla relazione del Segretario Generale;",
        "CONDIVISA\tla proposta del Relatore;",
        "RITENUTO\topportuno deliberare in merito;",
        "ALL'UNANIMITA' DEI PRESENTI",
        "D E L I B E R A",
        "Il presente atto è immediatamente esecutivo.",
        "PS/",
    ]
    positions = [texts.index(text) for text in expected]
    assert positions == sorted(positions)
    assert texts[-2].startswith("Il presente atto è pubblicato integralmente nell'Albo Informatico della Camera di commercio di Cuneo")
    assert texts[-1].startswith("Le firme di Elena Turchese e Aurora Rossi, nel documento originale, sono apposte digitalmente")


def test_present_and_absent_members(texts, ente):
    start, absent = texts.index("PRESENTI:"), texts.index("Sono assenti giustificati i Signori:")
    present = texts[start + 1:absent]
    assert len(present) == sum(m.present for m in ente.giunta) == 6
    assert texts[absent + 1:absent + 3] == ["VIOLA Edoardo\t- in rappresentanza del settore Turismo",
                                            "INDACO Riccardo\t- Revisore dei conti"]


def test_recitals_agree_with_what_follows(texts):
    recitals = [t for t in texts if "\t" in t and t.split("\t")[0].isupper() and t.endswith(";")]
    openings = [t.split("\t")[0] for t in recitals]
    assert openings == ["UDITA", "VISTI", "VISTI", "VISTA", "VISTO", "CONDIVISA", "RITENUTO"]
    assert recitals[4].startswith("VISTO\tl'art. 24 del d.lgs. 7 marzo 2005, n. 82")


def test_dispositive_points_with_the_revisions(cuneo_deliberation):
    document = read(cuneo_deliberation)
    points = [p for p in document.paragraphs if style_name(p) == styles.NUMBERED]
    items = [p for p in document.paragraphs if style_name(p) == styles.BULLET_2]
    assert [p.text.split(" ")[:3] for p in points] == [["di", "prendere", "atto"], ["di", "approvare", "le"], ["di", "pubblicare", "il"]]
    assert points[0].text.startswith("di prendere atto degli esiti del monitoraggio al 30 giugno 2023")
    assert points[0].text.endswith(";") and points[1].text.endswith(":") and points[2].text.endswith(".")
    assert [i.text.split(" ")[0] for i in items] == ["O16.1-1", "O21.2-1", "O24.2-1"]
    assert all(i.text.endswith(";") for i in items)
    assert "target da «≥ 400 strumenti (circa il 40% del totale)» a «≥ 120 impianti di carburante" in items[2].text


def test_no_revision_point_and_recital_without_proposals(ente):
    _, evaluation = cuneo()
    plain = without_proposals(evaluation)
    assert revisions(plain) == []
    document = read(build_deliberation(DeliberationRequest(plain, ente, "108", SITTING)))
    texts = [p.text for p in document.paragraphs]
    points = [p.text for p in document.paragraphs if style_name(p) == styles.NUMBERED]
    assert len(points) == 2 and points[-1].endswith(".") and points[0].endswith(";")
    assert not any("rimodulazione" in t for t in texts)
    assert not any(style_name(p) == styles.BULLET_2 for p in document.paragraphs)


def test_last_point_may_be_the_revisions():
    _, evaluation = cuneo()
    points = dispositive(evaluation, revisions(evaluation), [])
    assert points[-1]["testo"].endswith(":")
    assert [v[-1] for v in points[-1]["voci"]] == [";", ";", "."]


def test_unanimity_with_the_accent_is_accepted(tmp_path):
    source = (CUNEO / "ente.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ente.yaml"
    path.write_text(source.replace("votazione: ALL'UNANIMITA' DEI PRESENTI", "votazione: all'unanimità dei presenti"), encoding="utf-8")
    _, evaluation = cuneo()
    texts = [p.text for p in read(build_deliberation(DeliberationRequest(evaluation, load_ente(path), "107", SITTING))).paragraphs]
    assert "ALL'UNANIMITÀ DEI PRESENTI" in texts


def test_signatures_table_and_properties(cuneo_deliberation):
    document = read(cuneo_deliberation)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["IL SEGRETARIO GENERALE", "IL PRESIDENTE"]
    assert [c.text for c in table.rows[1].cells] == ["Elena Turchese", "Aurora Rossi"]
    assert document.core_properties.title == "Delibera di Giunta n. 107 del 31/07/2023"
    assert document.core_properties.author == "Camera di commercio di Cuneo"
    assert document.core_properties.language == "it-IT"
    footer = document.sections[0].footer.paragraphs[0]
    assert [n.text.strip() for n in footer._p.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
    assert "Deliberazione della Giunta n. 107 del 31/07/2023" in [p.text for p in document.sections[0].header.paragraphs]


def test_same_input_same_bytes(cuneo_deliberation, ente):
    _, evaluation = cuneo()
    assert build_deliberation(DeliberationRequest(evaluation, ente, "107", SITTING, narratives(evaluation))) == cuneo_deliberation


def test_torino_year_end_deliberation():
    _, evaluation = torino_final()
    ente = load_ente(TORINO / "ente.yaml")
    document = read(build_deliberation(DeliberationRequest(evaluation, ente, "12", date(2023, 3, 20))))
    texts = [p.text for p in document.paragraphs]
    assert "Assiste il Segretario Generale dott. Andrea Ossidiana, coadiuvato per la rogazione del verbale dalla " \
           "dott.ssa Chiara Perla." in texts
    assert any("la misurazione, al termine dell'anno" in t for t in texts)
    points = [p.text for p in document.paragraphs if style_name(p) == styles.NUMBERED]
    assert points[0].startswith("di prendere atto degli esiti del monitoraggio al 31 dicembre 2022")
    assert points[-1].endswith(".")


def test_relator_narrative_replaces_the_template_fallback(texts, ente):
    assert not any(t.startswith("Informa quindi che gli uffici hanno rilevato") for t in texts)
    _, evaluation = cuneo()
    plain = [p.text for p in read(build_deliberation(DeliberationRequest(evaluation, ente, "107", SITTING))).paragraphs]
    assert any(t.startswith("Informa quindi che gli uffici hanno rilevato i valori al 30 giugno 2023: sono stati "
                            "monitorati 71 indicatori relativi a 53 obiettivi") for t in plain)
    assert sum(t.startswith("Alla Giunta camerale è proposto") for t in plain) == 1


def test_a_pending_revision_is_told_with_the_status_against_both_targets(ente):
    from piao_rules.narrative import narrate
    from piao_rules.review.revisions import Revision

    _, evaluation = cuneo()

    def relator_text(revisions=None) -> str:
        request = DeliberationRequest(evaluation, ente, "107", SITTING,
                                      narrate(evaluation, revisions=revisions, for_giunta=True), revisions=revisions)
        return next(p.text for p in read(build_deliberation(request)).paragraphs if p.text.startswith("Il Relatore illustra inoltre"))

    told = relator_text()
    assert ("per l'indicatore O21.2-1, da «Avvio operatività nelle 4 nuove sale attrezzate» ad «Avvio operatività nelle "
            "3 nuove sale attrezzate»") in told
    assert ("Alla data l'indicatore O21.2-1 risulta in linea rispetto al target vigente (grado del 50%) e risulterebbe in "
            "linea rispetto al target proposto (grado del 66,67%).") in told
    # a revision accepted with another target than the one evaluated is not compared
    other = Revision("O24.2-1", "Controllo", "O24.2", "≥ 400 strumenti", "≥ 100 impianti", "Programmi in ritardo")
    told = relator_text([other])
    assert "«≥ 100 impianti»" in told and "rispetto al target proposto" not in told
