"""The named Word styles the documents use, and the colours they carry.

Every paragraph, table and caption the builders write takes one of these styles
from the template, so a user restyles a whole document by editing a style in
Word. Status and severity colours live in the templates too: each status has a
paragraph style whose shading is the colour of its table cells and chart bars.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from piao_rules.engine.result import Severity, Status

# Built-in styles (Word shows them translated: «Titolo 1», «Didascalia», «Elenco puntato»…).
HEADING = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
NORMAL = "Normal"
CAPTION = "Caption"
BULLET = "List Bullet"
BULLET_2 = "List Bullet 2"
NUMBERED = "List Number"
TOC_LEVELS = {1: "toc 1", 2: "toc 2", 3: "toc 3"}

# Styles of piao-rules (Italian names: the user sees them in Word).
TABLE = "Tabella PIAO"
TABLE_PLAIN = "Tabella senza bordi"
CELL = "Testo tabella"
CELL_HEADER = "Intestazione tabella"
CELL_NOTE = "Nota tabella"
CELL_NUMBER = "Numero tabella"
OBJECTIVE_DATA = "Dati obiettivo"
COMMENT = "Commento"
FIGURE = "Figura"

STATUS_STYLE = {
    Status.REACHED: "Stato raggiunto",
    Status.ON_TRACK: "Stato in linea",
    Status.AT_RISK: "Stato a rischio",
    Status.MISSED: "Stato non raggiunto",
    Status.NOT_MEASURABLE: "Stato non rilevabile",
    Status.TO_ASSESS: "Stato da valutare",
}
SEVERITY_STYLE = {
    Severity.HIGH: "Gravità alta",
    Severity.MEDIUM: "Gravità media",
    Severity.LOW: "Gravità bassa",
}

# Default fills (used by the template builder, and when a user's style has no shading).
STATUS_FILL = {
    Status.REACHED: "A9D18E",
    Status.ON_TRACK: "D5E8C4",
    Status.AT_RISK: "FFD966",
    Status.MISSED: "F19C9C",
    Status.NOT_MEASURABLE: "D0D0D0",
    Status.TO_ASSESS: "BDD7EE",
}
SEVERITY_FILL = {Severity.HIGH: "F19C9C", Severity.MEDIUM: "FFD966", Severity.LOW: "E2E2E2"}

# What each generated part needs from its template.
SUBDOC_STYLES = (
    HEADING[2], HEADING[3], NORMAL, CAPTION, BULLET, TABLE, CELL, CELL_HEADER, CELL_NOTE, CELL_NUMBER,
    OBJECTIVE_DATA, COMMENT, FIGURE, *STATUS_STYLE.values(), *SEVERITY_STYLE.values(),
)
ANNEX_STYLES = (HEADING[1], *SUBDOC_STYLES, *TOC_LEVELS.values())
DELIBERATION_STYLES = (NORMAL, NUMBERED, BULLET_2)


def missing_styles(document: Document, names: tuple[str, ...]) -> list[str]:
    """The style names in ``names`` that ``document`` does not define."""
    defined = {style.name for style in document.styles}
    return [name for name in dict.fromkeys(names) if name not in defined]


def fill_of(document: Document, name: str, default: str) -> str:
    """The shading colour (hex RRGGBB) of paragraph style ``name``, or ``default``."""
    try:
        style = document.styles[name]
    except KeyError:
        return default
    if style.type != WD_STYLE_TYPE.PARAGRAPH:
        return default
    shading = style.element.find(f"{qn('w:pPr')}/{qn('w:shd')}")
    fill = shading.get(qn("w:fill")) if shading is not None else None
    if fill and len(fill) == 6 and all(c in "0123456789abcdefABCDEF" for c in fill):
        return fill.upper()
    return default


def status_fills(document: Document) -> dict[Status, str]:
    return {status: fill_of(document, STATUS_STYLE[status], STATUS_FILL[status]) for status in Status}


def severity_fills(document: Document) -> dict[Severity, str]:
    return {severity: fill_of(document, SEVERITY_STYLE[severity], SEVERITY_FILL[severity]) for severity in Severity}
