"""The annex's flags tables («Segnalazioni e interventi proposti», «Questioni aperte») are not indicator tables.

The annex marks the first row of every table as its header (repeated on each page): a table with a
header of its own never continues the indicator table above it, whatever its rows hold.
"""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement

from piao_rules.importing import Options, import_file

OPTIONS = Options(ente="Camera di commercio di Cuneo", year=2023)

INDICATORS = ["Indicatore", "Target", "Valore al 30/06/2023", "Grado", "Stato"]
FLAGS = ["Indicatore / obiettivo", "Segnalazione", "Gravità", "Motivo", "Proposta"]


def _table(document, rows, marked):
    table = document.add_table(rows=0, cols=len(rows[0]))
    for texts in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, texts):
            cell.text = text
    if marked:
        properties = table.rows[0]._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:tblHeader"))
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    return table


def _annex(path, marked=True):
    document = Document()
    document.add_heading("OP1.1 Digitalizzare i servizi", level=2)
    _table(document, [INDICATORS, ["kpi1 Pratiche telematiche", "≥ 90%", "95%", "100%", "Raggiunto"],
                      ["kpi2 Tempi medi", "≤ 5 gg", "7 gg", "0%", "Non raggiunto"]], marked)
    document.add_heading("Segnalazioni e interventi proposti", level=1)
    document.add_paragraph("Sono riportati, in ordine di gravità, gli scostamenti per i quali si propone un'azione correttiva.")
    _table(document, [FLAGS,
                      ["kpi2 Tempi medi Obiettivo OP1.1", "Azione correttiva", "Alta", "≤ 5 gg non raggiunto: 7 gg", "entro il 31/12/2023"],
                      ["OP1.1 Digitalizzare i servizi", "Rimodulazione target", "Media", "≥ 90%", "Target ≥ 80%"]], marked)
    document.add_heading("Questioni aperte", level=2)
    document.add_paragraph("Da chiarire con gli uffici prima di sottoporre l'allegato alla Giunta.")
    _table(document, [FLAGS, ["kpi3 Misura mancante Obiettivo OP1.1", "Dato mancante", "Media", "100%", "≥ 50%"]], marked)
    document.save(path)
    return path


def test_flags_tables_are_not_read_as_indicators(tmp_path):
    built, report = import_file(_annex(tmp_path / "allegato.docx"), OPTIONS)
    codes = sorted(i.code for _, _, i in built.plan.indicators())
    assert codes == ["kpi1", "kpi2"]
    assert report.indicators == 2
    assert not any("senza intestazione" in n.message for n in report.notes)


def test_an_unmarked_headerless_table_still_continues_the_one_above(tmp_path):
    document = Document()
    document.add_heading("OP1.1 Digitalizzare i servizi", level=2)
    _table(document, [INDICATORS, ["kpi1 Pratiche telematiche", "≥ 90%", "95%", "100%", "Raggiunto"]], marked=True)
    document.add_paragraph("Segue")
    _table(document, [["kpi2 Tempi medi", "≤ 5 gg", "7 gg", "0%", "Non raggiunto"]], marked=False)
    document.save(tmp_path / "spezzata.docx")
    built, report = import_file(tmp_path / "spezzata.docx", OPTIONS)
    assert sorted(i.code for _, _, i in built.plan.indicators()) == ["kpi1", "kpi2"]
    assert any("senza intestazione" in n.message for n in report.notes)
