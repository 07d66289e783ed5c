"""The monitoring annex, generated for the Cuneo and Torino examples and read back with python-docx."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from documents_helpers import (
    body_paragraphs,
    cuneo,
    instructions,
    narratives,
    part,
    read,
    rulebook,
    style_name,
    torino_final,
)
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from lxml import etree

from piao_rules import format_it
from piao_rules.documents import styles, wording
from piao_rules.documents.annex import Act, AnnexRequest, build_annex
from piao_rules.engine.methodology import sections
from piao_rules.engine.result import Status
from piao_rules.narrative.audience import for_giunta

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DECISION = "Recupero affidato al dirigente, verifica al 30 settembre."
DECIDED = "O19.1-1/azione_correttiva"


@pytest.fixture(scope="module")
def cuneo_annex() -> bytes:
    plan, evaluation = cuneo()
    return build_annex(AnnexRequest(
        evaluation, rulebook(), narratives(evaluation), decisions={DECIDED: DECISION},
        plan_title=plan.title, period=plan.period, act=Act("107", date(2023, 7, 31)),
    ))


@pytest.fixture(scope="module")
def document(cuneo_annex):
    return read(cuneo_annex)


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if style_name(p) == styles.HEADING[level]]


def row_texts(row) -> list[str]:
    return [cell.text for cell in row.cells]


def test_cover_names_ente_title_and_deliberation(document):
    texts = [p.text for p in document.paragraphs[:8]]
    assert "Camera di commercio di Cuneo" in texts
    assert "Monitoraggio intermedio della performance organizzativa al 30 giugno 2023" in texts
    assert "Allegato alla delibera di Giunta n. 107 del 31 luglio 2023" in texts
    assert "Obiettivi di performance organizzativa 2023 (PIAO 2023-2025)" in texts
    title = next(p for p in document.paragraphs if p.text.startswith("Monitoraggio intermedio"))
    assert style_name(title) == "Title"


def test_chapters_areas_and_objectives_are_headings(document):
    _, evaluation = cuneo()
    assert headings(document, 1) == [
        "Premessa", "Sintesi dei risultati", "Stato di attuazione degli obiettivi",
        "Segnalazioni e interventi proposti", "Nota metodologica",
    ]
    level2 = headings(document, 2)
    assert [f"{a.code} – {a.name}" for a in evaluation.areas] == level2[:len(evaluation.areas)]
    assert level2[len(evaluation.areas):] == [s.title for s in sections(rulebook())]
    assert len(headings(document, 3)) == len(evaluation.objectives) == 53
    assert headings(document, 3)[0].startswith("O01 – Favorire le transizioni gemelle")


def test_table_of_contents_field_lists_the_headings(document):
    body = document.element.body
    assert any(i.startswith('TOC \\o "1-3"') for i in instructions(body))
    entries = [p for p in document.paragraphs if style_name(p).startswith("toc ")]
    assert len(entries) == 5 + 4 + 4 + 1 + 1 + 53  # chapters, areas, method sections (+ aggregation, note reading), objectives
    assert entries[0].text == "Premessa" and style_name(entries[0]) == "toc 1"
    assert style_name(next(p for p in entries if p.text.startswith("O01 –"))) == "toc 3"
    assert 'w:updateFields w:val="true"' in part(document_bytes(document), "word/settings.xml")


def document_bytes(document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_header_footer_and_page_fields(document):
    sections_ = document.sections
    assert [s.orientation for s in sections_] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert sections_[1].page_width > sections_[1].page_height
    assert sections_[0].different_first_page_header_footer  # the cover has no header
    assert sections_[0].header.paragraphs[0].text.startswith("Camera di commercio di Cuneo – Monitoraggio intermedio")
    footer = sections_[0].footer.paragraphs[0]
    assert footer.text.startswith("Pagina ") and " di " in footer.text
    assert ["PAGE", "NUMPAGES"] == instructions(footer._p)


def test_objective_tables_sit_in_the_landscape_section(document):
    body = list(document.element.body.iterchildren())
    breaks = [i for i, child in enumerate(body) if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    first_objective = next(i for i, c in enumerate(body) if c.tag == qn("w:tbl") and "O01-1" in "".join(c.itertext()))
    flags_table = next(i for i, c in enumerate(body) if c.tag == qn("w:tbl") and "Gravità" in "".join(c.itertext()))
    assert breaks[0] < first_objective < flags_table < breaks[1]


def test_tables_use_the_style_repeat_their_header_and_keep_rows_whole(document):
    assert len(document.tables) > 53
    for table in document.tables:
        assert table.style.name == styles.TABLE
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def indicator_row(document, code: str) -> list:
    for table in document.tables:
        for row in table.rows[1:]:
            if row.cells[0].text.startswith(code + " "):
                return row.cells
    raise AssertionError(code)


def test_indicator_row_shows_target_value_degree_and_status(document):
    indicator, target, value, degree, status = indicator_row(document, "O01-2")
    assert "Grado di soddisfazione degli utenti" in indicator.text
    assert target.text == "≥ 70%"
    assert value.text == "80%"
    assert degree.text == "100%"
    assert status.paragraphs[0].text == "In linea"  # a share above its target at 30/06: confirmed at year end
    assert style_name(status.paragraphs[0]) == styles.STATUS_STYLE[Status.ON_TRACK]
    assert status._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == styles.STATUS_FILL[Status.ON_TRACK]
    *_, reached = indicator_row(document, "O22-1")  # a count that has its annual target is reached
    assert reached.paragraphs[0].text == "Raggiunto"
    assert style_name(reached.paragraphs[0]) == styles.STATUS_STYLE[Status.REACHED]


def test_every_status_cell_is_written_and_coloured(document):
    _, evaluation = cuneo()
    header = next(t for t in document.tables if row_texts(t.rows[0])[:2] == ["Indicatore", "Target"])
    assert row_texts(header.rows[0]) == ["Indicatore", "Target", "Valore al 30/06/2023", "Grado", "Stato"]
    for result in evaluation.indicators:
        cell = indicator_row(document, result.code)[4]
        assert cell.paragraphs[0].text == result.status.label.capitalize()
        assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == styles.STATUS_FILL[result.status]


def test_revision_proposal_and_measure_note_appear_in_the_row(document):
    _, target, value, degree, status = indicator_row(document, "O24.2-1")
    assert target.paragraphs[0].text == "≥ 400 strumenti (circa il 40% del totale)"
    assert target.paragraphs[1].text.startswith("Proposta di aggiornamento: ≥ 120 impianti di carburante")
    assert value.paragraphs[0].text == "64"
    assert value.paragraphs[1].text == "Controllati 64 impianti di carburante."
    assert degree.text == "16%"
    assert "segnalazion" in status.text


def test_synthesis_counts_degree_and_chart(document, cuneo_annex):
    _, evaluation = cuneo()
    figures = next(t for t in document.tables if row_texts(t.rows[0]) == ["Voce", "Valore"])
    values = {row.cells[0].text: row.cells[1].text for row in figures.rows[1:]}
    summary = evaluation.summary
    assert values["Grado complessivo di raggiungimento dell'Ente"] == format_it.percent(summary.achievement, 2) == "67,4%"
    assert values["Indicatori valutati"] == "71"
    shown = [f for f in evaluation.flags if for_giunta(f, evaluation)]
    assert values["Segnalazioni con proposta di intervento"].startswith(f"{len(shown)} (")
    by_status = next(t for t in document.tables if row_texts(t.rows[0]) == ["Stato", "Indicatori", "Quota"])
    counts = {row.cells[0].paragraphs[0].text: row.cells[1].text for row in by_status.rows[1:]}
    assert by_status.rows[2].cells[0].paragraphs[1].text == "di cui 8 proposti dalla lettura delle note, da confermare"
    assert counts == {"Raggiunto": "11", "In linea": "45", "A rischio": "9", "Non raggiunto": "0",
                      "Non rilevabile": "3", "Da valutare": "3", "Totale": "71"}
    drawings = document.inline_shapes
    assert len(drawings) == 2  # by area, by office
    properties = drawings[0]._inline.docPr
    assert properties.get("title") == "Stato degli indicatori per area"
    for area in evaluation.areas:  # the alt text gives every area's counts
        assert f"{area.code} – {area.name}: {wording.status_counts(area.counts)}" in properties.get("descr")
    chart = etree.fromstring(part(cuneo_annex, "word/charts/chart1.xml").encode())  # by area
    series = {ser.findtext(f"{C}tx//{C}v"): [int(v.text) for v in ser.iterfind(f"{C}val//{C}v")]
              for ser in chart.iter(f"{C}ser")}
    assert series["A rischio"] == [area.counts.a_rischio for area in evaluation.areas]
    assert set(series) == {"Raggiunto", "In linea", "A rischio", "Non rilevabile", "Da valutare"}  # none «non raggiunto»
    captions = [p.text for p in document.paragraphs if style_name(p) == styles.CAPTION]
    assert "Figura 1 – Stato degli indicatori per area" in captions
    assert "Figura 2 – Stato degli indicatori per ufficio responsabile" in captions
    assert captions[0] == "Tabella 1 – Dati di sintesi"
    assert any(i.startswith("SEQ Tabella") for i in instructions(document.element.body))


def test_giunta_flags_table_shows_interventions_by_severity_and_decisions_where_recorded(document):
    _, evaluation = cuneo()
    table = next(t for t in document.tables if row_texts(t.rows[0])[:2] == ["Indicatore / obiettivo", "Segnalazione"])
    assert row_texts(table.rows[0]) == ["Indicatore / obiettivo", "Segnalazione", "Gravità", "Motivo", "Proposta", "Decisione"]
    rows = table.rows[1:]
    shown = [f for f in evaluation.flags if for_giunta(f, evaluation)]
    assert len(rows) == len(shown) == 15
    assert {row.cells[1].text for row in rows} == {"Azione correttiva", "Rimodulazione target", "Causa esterna"}
    ranks = {"Alta": 3, "Media": 2, "Bassa": 1}
    severities = [ranks[row.cells[2].text] for row in rows]
    assert severities == sorted(severities, reverse=True)
    decided = [row for row in rows if row.cells[5].text]
    assert len(decided) == 1 and decided[0].cells[0].text.startswith("O19.1-1") and decided[0].cells[5].text == DECISION
    text = "\n".join(p.text for p in body_paragraphs(document))
    for instruction in ("Chiedere al responsabile", "chiedere al responsabile", "Per attribuire uno stato",
                        "Concordare con i responsabili", "Questioni aperte"):
        assert instruction not in text


def test_giunta_flags_table_has_no_decision_column_without_decisions():
    plan, evaluation = cuneo()
    document = read(build_annex(AnnexRequest(evaluation, rulebook(), narratives(evaluation), plan_title=plan.title)))
    table = next(t for t in document.tables if row_texts(t.rows[0])[:2] == ["Indicatore / obiettivo", "Segnalazione"])
    assert "Decisione" not in row_texts(table.rows[0])
    assert "Decisione" not in "\n".join(p.text for p in body_paragraphs(document))


def test_working_copy_adds_the_open_questions_with_their_actions():
    plan, evaluation = cuneo()
    document = read(build_annex(AnnexRequest(evaluation, rulebook(), narratives(evaluation), plan_title=plan.title,
                                             working_copy=True)))
    texts = [p.text for p in document.paragraphs]
    assert "Monitoraggio intermedio della performance organizzativa al 30 giugno 2023 – bozza di lavoro" in texts
    assert "Questioni aperte" in headings(document, 2)
    tables = [t for t in document.tables if row_texts(t.rows[0])[:2] == ["Indicatore / obiettivo", "Segnalazione"]]
    assert sum(len(t.rows) - 1 for t in tables) == len(evaluation.flags) == 43
    open_questions = tables[1]
    assert any("Chiedere al responsabile" in row.cells[4].text for row in open_questions.rows[1:])


def test_methodology_shows_every_active_rule(document):
    text = "\n".join(p.text for p in body_paragraphs(document))
    for section in sections(rulebook()):
        for rule in section.rules:
            assert f"{rule.id} {rule.name}" in text
    assert "applica le regole predefinite" in text


def test_narratives_follow_their_table_in_the_comment_style(document):
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Commento all'obiettivo O01.")
    assert style_name(paragraphs[index]) == styles.COMMENT
    premessa = [p.text for p in paragraphs if p.text == "Sintesi degli esiti del monitoraggio."]
    assert premessa


def test_italian_language_and_fixed_core_properties(document, cuneo_annex):
    properties = document.core_properties
    assert properties.title == "Monitoraggio intermedio della performance organizzativa al 30 giugno 2023"
    assert properties.author == "Camera di commercio di Cuneo"
    assert properties.language == "it-IT"
    assert properties.created == properties.modified == datetime(2023, 6, 30, tzinfo=timezone.utc)
    assert '<w:lang w:val="it-IT"' in part(cuneo_annex, "word/styles.xml")


def test_no_empty_paragraphs_used_as_spacing(document):
    for paragraph in body_paragraphs(document):
        p = paragraph._p
        if paragraph.text.strip():
            continue
        carries = (p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None, bool(list(p.iter(qn("w:drawing")))),
                   bool(list(p.iter(qn("w:fldChar")))))
        in_cell = p.getparent().tag == qn("w:tc")
        assert any(carries) or in_cell, f"empty paragraph in style {style_name(paragraph)}"


def test_only_named_styles_and_no_leftover_placeholders(document):
    used = {style_name(p) for p in body_paragraphs(document)}
    assert used <= {s.name for s in document.styles}
    text = "\n".join(p.text for p in body_paragraphs(document))
    assert "{{" not in text and "{%" not in text


def test_same_input_gives_the_same_bytes(cuneo_annex):
    plan, evaluation = cuneo()
    again = build_annex(AnnexRequest(
        evaluation, rulebook(), narratives(evaluation), decisions={DECIDED: DECISION},
        plan_title=plan.title, period=plan.period, act=Act("107", date(2023, 7, 31)),
    ))
    assert again == cuneo_annex


def test_without_deliberation_and_narratives():
    _, evaluation = cuneo()
    document = read(build_annex(AnnexRequest(evaluation, rulebook())))
    texts = [p.text for p in document.paragraphs]
    assert not any(t.startswith("Allegato alla delibera") for t in texts)
    assert not any(t.startswith("Commento") for t in texts)
    assert headings(document, 1)[0] == "Premessa"


def test_torino_year_end_annex():
    plan, evaluation = torino_final()
    data = build_annex(AnnexRequest(evaluation, rulebook(), plan_title=plan.title, ente="Camera di commercio di Torino"))
    document = read(data)
    texts = [p.text for p in document.paragraphs]
    assert "Monitoraggio della performance organizzativa al 31 dicembre 2022" in texts
    assert len(headings(document, 3)) == len(evaluation.objectives)
    figures = next(t for t in document.tables if row_texts(t.rows[0]) == ["Voce", "Valore"])
    labels = [row.cells[0].text for row in figures.rows[1:]]
    assert not any(label.startswith("Risorse") for label in labels)  # no bands unless the chamber's rules give them
    assert "fasce" not in "\n".join(p.text for p in body_paragraphs(document)).lower()
    header = next(t for t in document.tables if row_texts(t.rows[0])[:2] == ["Indicatore", "Target"])
    assert row_texts(header.rows[0])[2] == "Valore al 31/12/2022"
