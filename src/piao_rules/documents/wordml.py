"""Small WordprocessingML helpers that python-docx lacks: fields, shading, table row
properties, fixed column widths, captions with SEQ numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu, Length
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from piao_rules.documents import styles


def _element(tag: str, **attributes: str) -> OxmlElement:
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


def _field_char_run(kind: str) -> OxmlElement:
    run = OxmlElement("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


def shade(cell: _Cell, fill: str) -> None:
    """Paint the background of ``cell`` (hex RRGGBB)."""
    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    properties.append(_element("w:shd", val="clear", color="auto", fill=fill))


def _row_flag(row: _Row, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        properties.append(_element(tag))


def repeat_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs over."""
    _row_flag(row, "w:tblHeader")


def keep_row_whole(row: _Row) -> None:
    """Do not split ``row`` across two pages."""
    _row_flag(row, "w:cantSplit")


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
    rows: list[Sequence[Cell]] = field(default_factory=list)


def write_paragraph(paragraph: Paragraph, para: Para) -> None:
    paragraph.style = para.style
    for part in para.runs:
        run = paragraph.add_run(part.text)
        if part.bold:
            run.bold = True
        if part.italic:
            run.italic = True


def _fill_cell(cell: _Cell, content: Cell) -> None:
    first, *rest = content.paragraphs or [Para.of("")]
    write_paragraph(cell.paragraphs[0], first)
    for para in rest:
        write_paragraph(cell.add_paragraph(), para)
    if content.fill:
        shade(cell, content.fill)


def add_table(document: Document, spec: TableSpec) -> Table:
    """A table in the «Tabella PIAO» style: fixed widths, header repeated on each page, rows kept whole."""
    table = document.add_table(rows=1 + len(spec.rows), cols=len(spec.header))
    table.style = document.styles[styles.TABLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table, spec.widths)
    rows = table.rows
    header = rows[0]
    repeat_header(header)
    keep_row_whole(header)
    for cell, label in zip(header.cells, spec.header):
        write_paragraph(cell.paragraphs[0], Para.of(label, styles.CELL_HEADER))
    for row, cells in zip(rows[1:], spec.rows):
        keep_row_whole(row)
        for cell, content in zip(row.cells, cells):
            _fill_cell(cell, content)
    _set_cell_widths(table, spec.widths)
    return table


def _fixed_layout(table: Table, widths: Sequence[Length]) -> None:
    properties = table._tbl.tblPr
    properties.append(_element("w:tblLayout", type="fixed"))
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = _element("w:tblW")
        properties.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    look = properties.find(qn("w:tblLook"))
    if look is None:
        look = _element("w:tblLook")
        properties.append(look)
    for name, value in (("val", "0420"), ("firstRow", "1"), ("lastRow", "0"), ("firstColumn", "0"),
                        ("lastColumn", "0"), ("noHBand", "1"), ("noVBand", "1")):
        look.set(qn(f"w:{name}"), value)
    for column, grid in zip(widths, table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid.set(qn("w:w"), str(int(column.twips)))


def _set_cell_widths(table: Table, widths: Sequence[Length]) -> None:
    for row in table._tbl.tr_lst:
        for tc, width in zip(row.tc_lst, widths):
            tc.width = width


_PART = re.compile(r"\{\{\s*p\s+([A-Za-z_]\w*)\s*\}\}")


def part_widths(document: Document) -> dict[str, Length]:
    """The text width (page width less margins) of the section holding each ``{{p name }}`` part."""
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
            width = Emu(section.page_width - section.left_margin - section.right_margin)
            widths.update({name: width for name in pending})
            pending = []
    return widths


def scaled(fractions: Sequence[float], width: Length) -> list[Length]:
    """Column widths in the given proportions, filling ``width``."""
    total = sum(fractions)
    return [Emu(int(width * share / total)) for share in fractions]


def caption(document: Document, label: str, number: int, text: str) -> Paragraph:
    """«Tabella 3 – text»: a caption whose number is a SEQ field, kept with what follows."""
    paragraph = document.add_paragraph(style=styles.CAPTION)
    paragraph.add_run(f"{label} ")
    add_field(paragraph, f"SEQ {label} \\* ARABIC", str(number))
    paragraph.add_run(f" – {text}")
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_paragraphs(document: Document, texts: Iterable[str], style: str = styles.NORMAL) -> None:
    for text in texts:
        if text.strip():
            document.add_paragraph(text.strip(), style=style)
