"""Small parts of the documents: Italian wording, the chart, the TOC filler."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from docx import Document
from docx.shared import Cm
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import load_workbook

from piao_rules.documents import chart, styles, toc, wording
from piao_rules.documents.wordml import add_field
from piao_rules.engine.result import Counts, Status

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def test_dates_take_the_right_preposition():
    assert wording.al(date(2023, 6, 30)) == "al 30 giugno 2023"
    assert wording.al(date(2023, 9, 8)) == "all'8 settembre 2023"
    assert wording.al(date(2023, 11, 11)) == "all'11 novembre 2023"
    assert wording.al(date(2023, 7, 1)) == "al 1° luglio 2023"
    assert wording.al(date(2023, 6, 30), long=False) == "al 30/06/2023"
    assert wording.title(date(2023, 12, 31), final=True) == "Monitoraggio della performance organizzativa al 31 dicembre 2023"


def test_counts_agree_in_number():
    assert wording.status_counts(Counts(raggiunto=1, non_raggiunto=2, in_linea=3)) == \
        "1 raggiunto, 3 in linea, 2 non raggiunti"
    assert wording.status_counts(Counts()) == "nessun indicatore"
    assert wording.how_many(1, "obiettivo", "obiettivi") == "1 obiettivo"
    assert wording.how_many(1200, "obiettivo", "obiettivi") == "1.200 obiettivi"
    assert wording.severity_counts({"bassa": 3, "alta": 2}) == "2 di gravità alta, 3 bassa"


counts = st.builds(Counts, **{s.value: st.integers(0, 40) for s in Status})


labels = st.one_of(  # any Latin-1 text, and the pieces a workbook or XML would misread: formulas, control characters
    st.text(st.characters(codec="latin-1", exclude_categories=("C",)), min_size=1, max_size=60),
    st.builds("".join, st.lists(st.sampled_from(["=SOMMA(A1)", "\x0b", "\x00", "Area ", "€"]), min_size=1, max_size=4)),
)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(labels, counts), min_size=1, max_size=6))
def test_chart_is_a_native_word_chart_with_its_data_and_alt_text(bars):
    bars = [chart.Bar(label, c) for label, c in bars]
    document = Document()
    chart.add_chart(document.add_paragraph().add_run(), bars, styles.STATUS_FILL, Cm(16), "Stato per area")
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as archive:
        space = etree.fromstring(archive.read("word/charts/chart1.xml"))
        rels = archive.read("word/charts/_rels/chart1.xml.rels").decode()
        book = load_workbook(io.BytesIO(archive.read("word/embeddings/Foglio_di_Microsoft_Excel1.xlsx")))
    present = [s for s in Status if any(getattr(b.counts, s.value) for b in bars)]
    series = space.findall(f".//{C}ser")
    assert [ser.findtext(f"{C}tx//{C}v") for ser in series] == [wording.status_label(s) for s in present]
    for ser, status in zip(series, present):
        assert [v.text or "" for v in ser.iterfind(f"{C}cat//{C}v")] == [b.label for b in bars]
        assert [int(v.text) for v in ser.iterfind(f"{C}val//{C}v")] == [getattr(b.counts, status.value) for b in bars]
    rows = list(book["Dati"].iter_rows(values_only=True))
    assert rows == [("Area", *(wording.status_label(s) for s in present)),
                    *((b.label or None, *(getattr(b.counts, s.value) for s in present)) for b in bars)]
    assert "../embeddings/Foglio_di_Microsoft_Excel1.xlsx" in rels
    (inline,) = Document(saved).inline_shapes
    assert inline.width == Cm(16) and inline._inline.docPr.get("title") == "Stato per area"
    assert inline._inline.docPr.get("descr") == chart.description(bars)
    assert chart.workbook(bars) == chart.workbook(bars)  # no timestamps: the same annex gives the same bytes
    assert all(b.label in chart.description(bars) for b in bars)


degrees = st.one_of(st.none(), st.decimals(0, 100, places=2))


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(labels, st.lists(degrees, min_size=3, max_size=3)), min_size=1, max_size=9))
def test_line_chart_has_one_marked_series_per_area_and_gaps_where_not_measurable(lines):
    lines = [chart.Line(label, points) for label, points in lines]
    columns = ["2021", "2022", "2023 al 30/06"]
    document = Document()
    chart.add_line_chart(document.add_paragraph().add_run(), lines, columns, Cm(16), "Grado per area")
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as archive:
        space = etree.fromstring(archive.read("word/charts/chart1.xml"))
        book = load_workbook(io.BytesIO(archive.read("word/embeddings/Foglio_di_Microsoft_Excel1.xlsx")))
    series = space.findall(f".//{C}lineChart/{C}ser")
    assert [ser.findtext(f"{C}tx//{C}v") for ser in series] == [line.label for line in lines]
    symbols = [ser.find(f"{C}marker/{C}symbol").get("val") for ser in series]
    assert len(set(symbols)) == min(len(lines), len(chart.MARKERS))  # a marker of its own, not only a colour
    for ser, line in zip(series, lines):
        assert [v.text for v in ser.iterfind(f"{C}cat//{C}v")] == columns
        cached = {int(pt.get("idx")): pt.findtext(f"{C}v") for pt in ser.iterfind(f"{C}val//{C}pt")}
        assert cached == {n: str(p) for n, p in enumerate(line.points) if p is not None}
    assert space.find(f".//{C}dispBlanksAs").get("val") == "gap"
    rows = list(book["Dati"].iter_rows(values_only=True))
    assert rows[0] == ("Periodo", *(line.label or None for line in lines))
    assert [row[0] for row in rows[1:]] == columns
    (inline,) = Document(saved).inline_shapes
    descr = inline._inline.docPr.get("descr")
    assert descr.startswith("Grafico a linee: grado per area.")
    assert all(f"{columns[n]} {wording.degree(p)}" in descr for line in lines for n, p in enumerate(line.points))


def test_toc_entries_follow_the_headings():
    document = Document()
    for level in (1, 2, 3):
        document.styles.add_style(styles.TOC_LEVELS[level], 1)
    add_field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', "da aggiornare")
    document.add_paragraph("Premessa", style="Heading 1")
    document.add_paragraph("Area A", style="Heading 2")
    document.add_paragraph("testo")
    document.add_paragraph("Obiettivo 1", style="Heading 3")
    assert toc.fill_toc(document) == 3
    entries = document.paragraphs[:3]
    assert [p.text for p in entries] == ["Premessa", "Area A", "Obiettivo 1"]
    assert [p.style.name for p in entries] == ["toc 1", "toc 2", "toc 3"]
    kinds = [c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fldCharType")
             for c in document.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fldChar")]
    assert kinds == ["begin", "separate", "end"]


_TEXTS = st.text(alphabet=st.sampled_from(list("ab &<>\"'\t\r\n€à«»\x01")), max_size=12)


@settings(max_examples=60, deadline=None)
@given(runs=st.lists(st.tuples(_TEXTS, st.booleans(), st.booleans()), max_size=3), fill=st.sampled_from([None, "F19C9C"]))
def test_table_rows_written_as_text_are_the_xml_of_the_elements(runs, fill):
    """Table rows are built as XML text (fast); they must read exactly like the paragraphs the
    writer builds element by element, whatever the text holds (markup characters, breaks, tabs)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm
    from lxml import etree

    from piao_rules.documents.wordml import Cell, Para, TableSpec, Text, Writer

    document = Document()
    ids = {styles.CELL: 'Testo&"<tabella>', styles.CELL_HEADER: "Intestazione", styles.TABLE: "TabellaPIAO"}
    writer = Writer(document, ids)
    para = Para([Text(text, bold, italic) for text, bold, italic in runs], styles.CELL)
    element = etree.SubElement(document.element.body, qn("w:p"))
    writer._fill_paragraph(element, para)

    def xml(node) -> str:  # without the namespace declarations lxml repeats on a detached element
        return re.sub(r' xmlns:\w+="[^"]*"', "", etree.tostring(node, encoding="unicode"))

    assert writer._paragraph_xml(para, keep_next=False) == xml(element)
    table = writer.table(TableSpec(["Indicatore"], [Cm(5)], [[Cell([para], fill)]]))
    cell = table._tbl.tr_lst[1].tc_lst[0]
    assert xml(cell.p_lst[0]) == xml(element)
    assert (cell.tcPr.find(qn("w:shd")) is not None) == bool(fill)
