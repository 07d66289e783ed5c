"""Read a Word .docx into paragraphs and tables (python-docx), after the safety checks."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from lxml import etree

from piao_rules import safety
from piao_rules.errors import InputError
from piao_rules.importing.source import Cell, Document, Grid, Paragraph

_HEADING = re.compile(r"(?:heading|titolo|intestazione)\s*(\d)", re.IGNORECASE)
_CONTENTS = re.compile(r"^(?:toc|sommario|indice)\b", re.IGNORECASE)  # table-of-contents entries repeat the headings


def read_docx(path: Path, data: bytes) -> Document:
    """Every paragraph and table of the body, in order; raises InputError on unreadable files."""
    safety.check_package(path, data, "docx", "word/document.xml")
    import docx  # imported when needed
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds of errors on a damaged package
        raise InputError.single(
            path, "il documento Word è danneggiato o non è un .docx: aprirlo con Word e salvarlo di nuovo come .docx"
        ) from None
    blocks: list[Paragraph | Grid] = []
    names: dict[str | None, str] = {}  # style id → name, looked up once per style
    tables = 0
    # The body's paragraphs and tables in order, as ``document.iter_inner_content()`` gives them, without its
    # XPath union (libxml2 merges node sets in quadratic time: most of the import of a 50,000-indicator annex).
    for element in document.element.body.iterchildren(_PARAGRAPH_TAG, _TABLE_TAG):
        if element.tag == _TABLE_TAG:
            tables += 1
            blocks.append(_grid(Table(element, document), tables))
        else:
            item = WordParagraph(element, document)
            text = _squash(_text(item._p))
            key = item._p.style
            if key not in names:
                names[key] = (item.style.name if item.style is not None else "") or ""
            if text and not _CONTENTS.match(names[key]):
                blocks.append(Paragraph(text, _level(item, names[key])))
    title = _squash(document.core_properties.title or "")
    return Document(blocks, title)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _level(paragraph, name: str) -> int | None:
    """The heading level of a paragraph from its style name or outline level."""
    if match := _HEADING.search(name):
        return int(match.group(1))
    if name and name.lower() == "title":
        return 0
    levels = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if levels and levels[0].isdigit() and int(levels[0]) < 9:
        return int(levels[0]) + 1
    return None


def _grid(table, number: int) -> Grid:
    """The table's cells row by row; merged cells are marked, not lost."""
    grid = Grid(number, headed=bool(table.rows) and bool(_HEADER_ROW(table.rows[0]._tr)))
    above: list = []
    for row in table.rows:
        cells = list(row.cells)
        elements = [None] * row.grid_cols_before + [cell._tc for cell in cells] + [None] * row.grid_cols_after
        paragraphs = [()] * row.grid_cols_before + [_paragraphs(cell) for cell in cells] + [()] * row.grid_cols_after
        current = []
        for column, (element, parts) in enumerate(zip(elements, paragraphs)):
            text = " ".join(parts)
            carried = element is not None and column < len(above) and above[column] is element
            spanned = element is not None and column > 0 and elements[column - 1] is element
            image = element is not None and not text and bool(_IMAGES(element))
            current.append(Cell(text, carried=carried, spanned=spanned, image=image,
                                paragraphs=parts if len(parts) > 1 else ()))
        grid.rows.append(current)
        above = elements
    return grid


def _paragraphs(cell) -> tuple[str, ...]:
    """The non-empty paragraphs of a cell."""
    return tuple(text for text in (_squash(_text(p._p)) for p in cell.paragraphs) if text)


# python-docx's own paragraph text (runs and hyperlinks; tabs, breaks and hyphens as characters),
# with its XPath expressions compiled once instead of on every paragraph.
_NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_PARAGRAPH_PARTS = etree.XPath("w:r | w:hyperlink", namespaces=_NAMESPACES)
_HYPERLINK_RUNS = etree.XPath("w:r", namespaces=_NAMESPACES)
_RUN_PARTS = etree.XPath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab", namespaces=_NAMESPACES)
_HYPERLINK = "{%s}hyperlink" % _NAMESPACES["w"]
_PARAGRAPH_TAG = "{%s}p" % _NAMESPACES["w"]
_TABLE_TAG = "{%s}tbl" % _NAMESPACES["w"]
_IMAGES = etree.XPath(".//w:drawing | .//w:pict", namespaces=_NAMESPACES)
_HEADER_ROW = etree.XPath("w:trPr/w:tblHeader[not(@w:val) or (@w:val != '0' and @w:val != 'false')]",
                          namespaces=_NAMESPACES)


def _text(p) -> str:
    """The text of a ``w:p`` element, as ``Paragraph.text`` gives it."""
    return "".join(
        str(part)
        for element in _PARAGRAPH_PARTS(p)
        for run in (_HYPERLINK_RUNS(element) if element.tag == _HYPERLINK else (element,))
        for part in _RUN_PARTS(run)
    )
