"""WordprocessingML the documents need and python-docx lacks: fields (PAGE, SEQ, TOC),
fast styled paragraphs and tables (header repeated, rows kept whole, fixed widths,
shaded cells), captions with SEQ numbers, the text width of each part's section."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Emu, Length
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl.subdoc import Subdoc
from lxml import etree

from piao_rules.documents import styles


def _element(tag: str, **attributes: str) -> etree._Element:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def add_field(paragraph: Paragraph, instruction: str, cached: str = "") -> None:
    """Append a complex field (PAGE, NUMPAGES, SEQ, TOC…) showing ``cached`` until Word updates it."""
    paragraph._p.append(_field_char_run("begin"))
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run.append(text)
    paragraph._p.append(run)
    paragraph._p.append(_field_char_run("separate"))
    if cached:
        paragraph.add_run(cached)
    paragraph._p.append(_field_char_run("end"))


def _field_char_run(kind: str) -> etree._Element:
    run = OxmlElement("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


@dataclass
class Text:
    """A run of text: plain, bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    """A paragraph of a table cell, with its style."""

    runs: list[Text]
    style: str = styles.CELL

    @classmethod
    def of(cls, text: str, style: str = styles.CELL, bold: bool = False, italic: bool = False) -> Para:
        return cls([Text(text, bold, italic)], style)


@dataclass
class Cell:
    paragraphs: list[Para]
    fill: str | None = None


@dataclass
class TableSpec:
    """A table: header labels, column widths, body rows."""

    header: Sequence[str]
    widths: Sequence[Length]
    rows: Sequence[Sequence[Cell]] = field(default_factory=list)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PRESERVE = {qn("xml:space"): "preserve"}
# The tags and attributes of generated paragraphs and rows, qualified once.
_P, _PPR, _PSTYLE, _R, _RPR, _B, _I, _BR, _T = (qn(f"w:{t}") for t in ("p", "pPr", "pStyle", "r", "rPr", "b", "i", "br", "t"))
_VAL = qn("w:val")
_ROWS = "piao-rules-righe"  # processing instruction standing for a table's rows (see fill_rows)
_ROWS_MARKER = re.compile(rf"<\?{_ROWS} ([0-9a-f]{{32}})\?>".encode())
_RUN_START = {
    (False, False): "<w:r>", (True, False): "<w:r><w:rPr><w:b/></w:rPr>",
    (False, True): "<w:r><w:rPr><w:i/></w:rPr>", (True, True): "<w:r><w:rPr><w:b/><w:i/></w:rPr>",
}


def _text(text: str) -> str:
    """Text content escaped as lxml writes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribute(value: str) -> str:
    """An attribute value escaped as lxml writes it."""
    return (_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


def part_rows(part: Subdoc) -> dict[str, str]:
    """The XML text of the rows of a subdocument's tables, by the marker standing for them."""
    return part.__dict__.get("_piao_rows", {})


def fill_rows(xml: bytes, rows: Mapping[str, str]) -> Iterator[bytes]:
    """The UTF-8 XML of a part in pieces, each table's rows in place of their marker: written so,
    the rows of a large annex are never parsed."""
    start = 0
    for marker in _ROWS_MARKER.finditer(xml):
        yield xml[start:marker.start()]
        yield rows[marker.group(1).decode()].encode()
        start = marker.end()
    yield xml[start:]


class Writer:
    """Writes paragraphs and tables into a document (or subdocument) using style ids resolved once.

    python-docx looks a style up by name on every assignment, which dominates the time of
    large documents; the writer builds the XML of paragraphs and table rows directly.
    """

    def __init__(self, document: Document, style_ids: dict[str, str]):
        self.document = document
        self.ids = style_ids
        # python-docx looks for the body's final section mark through all the body on every
        # addition (quadratic in a large annex): found once here, new blocks go before it.
        self._section = document._body._element.find(qn("w:sectPr"))

    def _add(self, element):
        """Append a paragraph or table to the body, before its section properties."""
        if self._section is not None:
            self._section.addprevious(element)
        else:
            self.document._body._element.append(element)
        return element

    @classmethod
    def style_ids(cls, document: Document) -> dict[str, str]:
        return {style.name: style.style_id for style in document.styles}

    def paragraph(self, text: str = "", style: str = styles.NORMAL) -> Paragraph:
        paragraph = Paragraph(self._add(OxmlElement("w:p")), self.document._body)
        self._fill_paragraph(paragraph._p, Para.of(text, style) if text else Para([], style))
        return paragraph

    def paragraphs(self, texts: Iterable[str], style: str = styles.NORMAL) -> None:
        for text in texts:
            if text and text.strip():
                self.paragraph(text.strip(), style)

    def _fill_paragraph(self, p, para: Para) -> None:
        properties = p.find(_PPR)
        if properties is None:
            properties = etree.Element(_PPR)
            p.insert(0, properties)
        etree.SubElement(properties, _PSTYLE, {_VAL: self.ids[para.style]})
        for part in para.runs:
            run = etree.SubElement(p, _R)
            if part.bold or part.italic:
                run_properties = etree.SubElement(run, _RPR)
                if part.bold:
                    etree.SubElement(run_properties, _B)
                if part.italic:
                    etree.SubElement(run_properties, _I)
            for index, line in enumerate(_CONTROL.sub("", part.text).split("\n")):
                if index:
                    etree.SubElement(run, _BR)
                text = etree.SubElement(run, _T, _PRESERVE)
                text.text = line or None  # «<w:t/>», as Word and docxtpl write an empty text

    def _paragraph_xml(self, para: Para, keep_next: bool) -> str:
        """The XML of a table paragraph, as :meth:`_fill_paragraph` (and lxml) would write it."""
        keep = "<w:keepNext/>" if keep_next else ""
        xml = [f'<w:p><w:pPr><w:pStyle w:val="{_attribute(self.ids[para.style])}"/>{keep}</w:pPr>']
        for part in para.runs:
            xml.append(_RUN_START[part.bold, part.italic])
            for index, line in enumerate(_CONTROL.sub("", part.text).split("\n")):
                if index:
                    xml.append("<w:br/>")
                xml.append(f'<w:t xml:space="preserve">{_text(line)}</w:t>' if line else '<w:t xml:space="preserve"/>')
            xml.append("</w:r>")
        xml.append("</w:p>")
        return "".join(xml)

    def _rows_xml(self, rows: list[Sequence[Cell]], widths: Sequence[str], keep_together: bool) -> str:
        """The XML of the table's rows (the first is the header); ``widths`` are the cells' widths
        in twips, as text. Built as text: creating the elements one by one costs more than the
        rest of a large annex."""
        xml = []
        last = len(rows) - 1
        for number, cells in enumerate(rows):
            keep_next = keep_together and number < last
            xml.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if number == 0 else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for content, width in zip(cells, widths):
                shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{_attribute(content.fill)}"/>' if content.fill else ""
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>')
                xml.extend(self._paragraph_xml(para, keep_next) for para in content.paragraphs or [Para([])])
                xml.append("</w:tc>")
            xml.append("</w:tr>")
        return "".join(xml)

    def table(self, spec: TableSpec) -> Table:
        """A table in the «Tabella PIAO» style: fixed widths, header repeated on each page, rows kept whole.

        Short tables (up to ``KEEP_TOGETHER`` rows) are also kept on one page. In a subdocument
        the rows are kept as XML text (:func:`part_rows`) and take the place of a marker when the
        document is written out (:func:`fill_rows`).
        """
        # Document.add_table would look up the last section's width through the whole body on every
        # call (quadratic in large annexes): the widths are known, so add the table to the body directly.
        table = Table(self._add(CT_Tbl.new_tbl(0, len(spec.header), sum(spec.widths, Length(0)))), self.document._body)
        table._tbl.tblPr.style = self.ids[styles.TABLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _fixed_widths(table, spec.widths)
        header = [Cell([Para.of(label, styles.CELL_HEADER)]) for label in spec.header]
        widths = [str(int(width.twips)) for width in spec.widths]
        rows = self._rows_xml([header, *spec.rows], widths, len(spec.rows) <= KEEP_TOGETHER)
        if isinstance(self.document, Subdoc):
            marker = uuid.uuid4().hex
            table._tbl.append(etree.ProcessingInstruction(_ROWS, marker))
            self.document.__dict__.setdefault("_piao_rows", {})[marker] = rows
        else:
            table._tbl.extend(parse_xml(f"<w:tbl {nsdecls('w')}>{rows}</w:tbl>"))
        return table

    def caption(self, label: str, number: int, text: str, keep_with_next: bool = True) -> Paragraph:
        """«Tabella 3 – text»: a caption whose number is a SEQ field."""
        paragraph = self.paragraph("", styles.CAPTION)
        paragraph.add_run(f"{label} ")
        add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
        paragraph.add_run(f" – {text}")
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph


KEEP_TOGETHER = 12


def _fixed_widths(table: Table, widths: Sequence[Length]) -> None:
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    look = properties.find(qn("w:tblLook"))
    for name, value in (("val", "0420"), ("firstRow", "1"), ("lastRow", "0"), ("firstColumn", "0"),
                        ("lastColumn", "0"), ("noHBand", "1"), ("noVBand", "1")):
        look.set(qn(f"w:{name}"), value)
    for column, grid in zip(widths, table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid.set(qn("w:w"), str(int(column.twips)))


_PART = re.compile(r"\{\{\s*p\s+([A-Za-z_]\w*)\s*\}\}")


def part_widths(document: Document) -> dict[str, Length]:
    """The text width (page width less margins) of the section holding each ``{{p name }}`` part; none
    for the parts of a section whose template gives no page width or margins."""
    widths: dict[str, Length] = {}
    pending: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(node.text or "" for node in child.iter(qn("w:t")))
            pending += _PART.findall(text)
            properties = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        elif child.tag == qn("w:sectPr"):
            properties = child
        else:
            continue
        if properties is not None:
            section = Section(properties, document.part)
            page, left, right = section.page_width, section.left_margin, section.right_margin
            if page is not None and left is not None and right is not None:
                widths.update(dict.fromkeys(pending, Emu(page - left - right)))
            pending = []
    return widths


def scaled(fractions: Sequence[float], width: Length) -> list[Length]:
    """Column widths in the given proportions, filling ``width``."""
    total = sum(fractions)
    return [Emu(int(width * share / total)) for share in fractions]
