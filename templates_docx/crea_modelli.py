"""Build the default Word templates of piao-rules: run once, commit the .docx files.

    PYTHONPATH=src python templates_docx/crea_modelli.py [--rigenera-stili]

1. ``stili.docx`` is the styles reference document: every named style the
   documents use (headings, table style, caption, status colours…), each shown
   with a sample. When it exists it is used as it is: restyle it in Word (fonts,
   sizes, colours, the shading of «Stato raggiunto»…) and run the script again.
   ``--rigenera-stili`` rebuilds it from the definitions below.
2. ``allegato.docx`` (the monitoring annex), ``delibera.docx`` (the Giunta
   deliberation) and ``scheda.docx`` (the individual evaluation form) are built on the styles of ``stili.docx``: real documents with
   cover, fixed texts, header and footer, and docxtpl placeholders for what
   changes (see ``piao-rules modelli --esporta`` for the list).

The output is deterministic: rebuilding gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from piao_rules import atomic
from piao_rules.documents import package, styles
from piao_rules.documents.wordml import add_field

HERE = Path(__file__).resolve().parent
FONT = "Arial"
ACCENT = "1F3864"
GREY = "595959"
BUILT_ON = date(2024, 1, 1)

PORTRAIT = (Cm(21.0), Cm(29.7))
MARGINS = {"top": Cm(2.2), "bottom": Cm(2.0), "left": Cm(2.2), "right": Cm(2.2)}


# ------------------------------------------------------------------------------------ styles

def _set_font(style, name: str = FONT) -> None:
    """Use ``name`` for every script, dropping theme fonts that would override it."""
    properties = style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), name)


def _set_colour(style, colour: str | None) -> None:
    properties = style.element.get_or_add_rPr()
    for old in properties.findall(qn("w:color")):
        properties.remove(old)
    if colour:
        style.font.color.rgb = RGBColor.from_string(colour)


def _shading(style, fill: str) -> None:
    properties = style.element.get_or_add_pPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    # CT_PPr order: … pBdr, shd, tabs … spacing, ind …; shd goes before tabs/spacing/ind/jc.
    anchor = next((child for child in properties if child.tag in {
        qn("w:tabs"), qn("w:suppressAutoHyphens"), qn("w:spacing"), qn("w:ind"), qn("w:jc"), qn("w:outlineLvl")}), None)
    if anchor is not None:
        anchor.addprevious(shading)
    else:
        properties.append(shading)


def _paragraph_style(document: DocumentType, name: str, base: str | None = styles.NORMAL, **options):
    try:
        style = document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and name != base:
        style.base_style = document.styles[base]
    style.quick_style = options.pop("quick", True)
    font = style.font
    format_ = style.paragraph_format
    if "size" in options:
        font.size = Pt(options.pop("size"))
    for flag in ("bold", "italic", "all_caps"):
        if flag in options:
            setattr(font, flag, options.pop(flag))
    if "colour" in options:
        _set_colour(style, options.pop("colour"))
    if "before" in options:
        format_.space_before = Pt(options.pop("before"))
    if "after" in options:
        format_.space_after = Pt(options.pop("after"))
    if "line" in options:
        format_.line_spacing = options.pop("line")
    for flag in ("keep_with_next", "keep_together", "page_break_before", "widow_control"):
        if flag in options:
            setattr(format_, flag, options.pop(flag))
    if "align" in options:
        format_.alignment = options.pop("align")
    if "left" in options:
        format_.left_indent = options.pop("left")
    if "first" in options:
        format_.first_line_indent = options.pop("first")
    for position, alignment, leader in options.pop("tabs", ()):
        format_.tab_stops.add_tab_stop(position, alignment, leader)
    if "next" in options:
        style.next_paragraph_style = document.styles[options.pop("next")]
    if "fill" in options:
        _shading(style, options.pop("fill"))
    if options:
        raise TypeError(f"unknown options {sorted(options)}")
    return style


def _outline_level(style, level: int) -> None:
    properties = style.element.get_or_add_pPr()
    for old in properties.findall(qn("w:outlineLvl")):
        properties.remove(old)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    properties.append(outline)


def _contextual_spacing(style) -> None:
    """No space between consecutive paragraphs of the style: a list, with space after its last item."""
    properties = style.element.get_or_add_pPr()
    if properties.find(qn("w:contextualSpacing")) is None:
        later = {qn(f"w:{tag}") for tag in ("mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
                                             "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr")}
        anchor = next((child for child in properties if child.tag in later), None)
        element = OxmlElement("w:contextualSpacing")
        if anchor is not None:
            anchor.addprevious(element)
        else:
            properties.append(element)


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _table_style(document: DocumentType, name: str, style_id: str, bordered: bool) -> None:
    existing = [s for s in document.styles if s.name == name]
    for style in existing:
        style.element.getparent().remove(style.element)
    borders = f"<w:tblBorders>{_BORDERS}</w:tblBorders>" if bordered else ""
    header = (
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
        f'<w:tblPr/><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>'
        "</w:tblStylePr>"
    ) if bordered else ""
    margins = "57" if bordered else "0"
    xml = (
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr>{borders}<w:tblCellMar>"
        f'<w:top w:w="{margins}" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        f'<w:bottom w:w="{margins}" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"{header}</w:style>"
    )
    document.styles.element.append(parse_xml(xml))


def _prune_table_styles(document: DocumentType) -> None:
    """Drop python-docx's many sample table styles: the user sees only ours and Word's basic ones."""
    keep = {"Normal Table", "Table Grid", styles.TABLE, styles.TABLE_PLAIN}
    for style in list(document.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in keep:
            style.element.getparent().remove(style.element)


def define_styles(document: DocumentType) -> None:
    """Every style of the annex and the deliberation, on top of python-docx's default template."""
    package.set_language(document)
    normal = _paragraph_style(document, styles.NORMAL, base=None, size=10.5, after=6, line=1.15, colour=None)
    _set_font(normal)
    for level, (size, before, after, colour) in {1: (16, 0, 12, ACCENT), 2: (13, 18, 6, ACCENT), 3: (11, 14, 4, ACCENT)}.items():
        style = _paragraph_style(document, styles.HEADING[level], size=size, bold=True, italic=False, colour=colour,
                                 before=before, after=after, keep_with_next=True, keep_together=True,
                                 page_break_before=level == 1, next=styles.NORMAL)
        _set_font(style)
        _outline_level(style, level - 1)
    title = _paragraph_style(document, "Title", size=26, bold=True, colour=ACCENT, before=150, after=18, keep_together=True)
    _set_font(title)
    title.element.get_or_add_pPr()  # Word's Title has a bottom border: keep the text only
    for border in title.element.pPr.findall(qn("w:pBdr")):
        title.element.pPr.remove(border)
    subtitle = _paragraph_style(document, "Subtitle", size=12, italic=False, colour=GREY, before=6, after=6)
    _set_font(subtitle)
    for level, indent in {1: 0, 2: 0.5, 3: 1.0}.items():
        _paragraph_style(document, styles.TOC_LEVELS[level], before=4 if level == 1 else 0, after=2, left=Cm(indent),
                         bold=level == 1, tabs=[(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)], quick=False)
    toc_heading = _paragraph_style(document, "TOC Heading", base=styles.HEADING[1], page_break_before=True, next=styles.TOC_LEVELS[1])
    _outline_level(toc_heading, 9)
    _paragraph_style(document, styles.CAPTION, size=9, bold=False, italic=True, colour=ACCENT, before=8, after=4,
                     keep_with_next=True)
    _paragraph_style(document, "Header", size=8.5, colour=GREY, after=0, line=1.0)
    _paragraph_style(document, "Footer", size=8.5, colour=GREY, after=0, line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)
    for name in (styles.BULLET, styles.BULLET_2, styles.NUMBERED):
        _paragraph_style(document, name, after=4)

    # Cover.
    _paragraph_style(document, "Copertina ente", size=18, bold=True, colour=ACCENT, before=0, after=4)
    _paragraph_style(document, "Copertina sottotitolo", base="Subtitle", size=11, colour=GREY, before=6, after=4)
    _paragraph_style(document, "Copertina delibera", size=11, bold=True, colour=ACCENT, before=120, after=0)

    # Tables.
    _table_style(document, styles.TABLE, "TabellaPIAO", bordered=True)
    _table_style(document, styles.TABLE_PLAIN, "TabellaSenzaBordi", bordered=False)
    _paragraph_style(document, styles.CELL, size=9, before=0, after=2, line=1.0)
    _paragraph_style(document, styles.CELL_HEADER, base=styles.CELL, bold=True, colour="FFFFFF", keep_with_next=True)
    _paragraph_style(document, styles.CELL_NOTE, base=styles.CELL, size=8, italic=True, colour="404040", before=2)
    _paragraph_style(document, styles.CELL_NUMBER, base=styles.CELL, align=WD_ALIGN_PARAGRAPH.CENTER)
    for status, name in styles.STATUS_STYLE.items():
        _paragraph_style(document, name, base=styles.CELL, bold=True, fill=styles.STATUS_FILL[status])
    for severity, name in styles.SEVERITY_STYLE.items():
        _paragraph_style(document, name, base=styles.CELL, bold=True, fill=styles.SEVERITY_FILL[severity])
    _paragraph_style(document, styles.OBJECTIVE_DATA, size=9, colour="404040", after=6, keep_with_next=True)
    _paragraph_style(document, styles.COMMENT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=8, after=6)
    _paragraph_style(document, styles.FIGURE, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=2, keep_with_next=True)

    # Deliberation.
    _paragraph_style(document, "Testo delibera", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=8)
    _paragraph_style(document, "Intestazione delibera", size=12, bold=True, after=2)
    _paragraph_style(document, "Oggetto delibera", base="Testo delibera", bold=True, before=12, after=14,
                     left=Cm(2.3), first=Cm(-2.3), tabs=[(Cm(2.3), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.SPACES)])
    _paragraph_style(document, "Titoletto delibera", bold=True, before=10, after=4, keep_with_next=True)
    members = _paragraph_style(document, "Componente Giunta", after=8, left=Cm(0.5),
                               tabs=[(Cm(6.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.SPACES)])
    _contextual_spacing(members)
    _paragraph_style(document, "Formula delibera", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=14, after=10,
                     keep_with_next=True)
    _paragraph_style(document, "Premessa delibera", base="Testo delibera", after=6, left=Cm(3.2), first=Cm(-3.2),
                     tabs=[(Cm(3.2), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.SPACES)])
    _paragraph_style(document, styles.NUMBERED, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    _paragraph_style(document, styles.BULLET_2, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=3)
    _paragraph_style(document, "Sigla estensore", size=8, colour=GREY, before=18, after=18, keep_with_next=True)
    _paragraph_style(document, "Firma", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=2, keep_with_next=True)
    _paragraph_style(document, "Formula finale", base="Testo delibera", size=9, before=14, after=6)
    _prune_table_styles(document)


# ------------------------------------------------------------------------------------ layout

def _page(section, landscape: bool = False) -> None:
    width, height = PORTRAIT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Cm(1.0)


def _clear_body(document: DocumentType) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _footer_pages(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.add_run("Pagina ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" di ")
    add_field(paragraph, "NUMPAGES", "1")


def _not_first_page_only(section) -> None:
    properties = section._sectPr
    for title_page in properties.findall(qn("w:titlePg")):
        properties.remove(title_page)


def _para(document: DocumentType, text: str, style: str = "Normal") -> None:
    document.add_paragraph(text, style=style)


def _tagged(document: DocumentType, tag: str) -> None:
    """A paragraph holding only a {%p … %} tag: docxtpl removes it when rendering."""
    document.add_paragraph(tag, style=styles.NORMAL)


# ------------------------------------------------------------------------------------ documents

def build_reference(path: Path) -> None:
    document = Document()
    _clear_body(document)
    define_styles(document)
    _page(document.sections[0])
    _para(document, "Stili dei documenti di piao-rules", "Title")
    _para(document, "Documento di riferimento: modificare qui gli stili (Home › Stili › Modifica) e rigenerare i modelli "
                    "con «python templates_docx/crea_modelli.py». Ogni paragrafo mostra lo stile di cui porta il nome.")
    samples = [
        ("Heading 1", "Titolo 1 (Heading 1): capitoli, nel sommario"),
        ("Heading 2", "Titolo 2 (Heading 2): aree, sezioni della nota metodologica"),
        ("Heading 3", "Titolo 3 (Heading 3): obiettivi"),
        (styles.OBJECTIVE_DATA, "Dati obiettivo: responsabile, tipo e grado di raggiungimento"),
        (styles.CAPTION, "Didascalia (Caption): «Tabella 1 – …», «Figura 1 – …»"),
        (styles.CELL, "Testo tabella"), (styles.CELL_HEADER, "Intestazione tabella (testo bianco sullo sfondo della tabella)"),
        (styles.CELL_NOTE, "Nota tabella: note delle misure, soglie, proposte"), (styles.CELL_NUMBER, "Numero tabella: 80%"),
        *[(name, name + ": il suo sfondo colora celle e grafico") for name in styles.STATUS_STYLE.values()],
        *[(name, name + ": il suo sfondo colora la cella della gravità") for name in styles.SEVERITY_STYLE.values()],
        (styles.COMMENT, "Commento: il testo che segue la tabella di un obiettivo o il titolo di un'area"),
        (styles.FIGURE, "Figura: paragrafo che contiene un grafico"), (styles.BULLET, "Elenco puntato (List Bullet)"),
        ("Copertina ente", "Copertina ente"), ("Copertina sottotitolo", "Copertina sottotitolo"),
        ("Copertina delibera", "Copertina delibera"), ("Intestazione delibera", "Intestazione delibera: DELIBERA N. 107"),
        ("Oggetto delibera", "Oggetto delibera:\tCiclo di gestione della performance"),
        ("Titoletto delibera", "Titoletto delibera: PRESENTI:"), ("Componente Giunta", "ROSSI Maria\t- Presidente"),
        ("Testo delibera", "Testo delibera: la relazione e le formule, giustificate."),
        ("Formula delibera", "Formula delibera: LA GIUNTA"), ("Premessa delibera", "VISTA\tla proposta del Relatore;"),
        (styles.NUMBERED, "Elenco numerato (List Number): punti del dispositivo;"),
        (styles.BULLET_2, "Elenco puntato 2 (List Bullet 2): voci di un punto;"),
        ("Sigla estensore", "MN/"), ("Firma", "IL PRESIDENTE"), ("Formula finale", "Formula finale: pubblicazione e firma digitale."),
    ]
    for style, text in samples:
        document.add_paragraph(text, style=style)
    table = document.add_table(rows=2, cols=2)
    table.style = document.styles[styles.TABLE]
    for cell, text in zip(table.rows[0].cells, ("Tabella PIAO", "intestazione ripetuta a ogni pagina")):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = styles.CELL_HEADER
    for cell, text in zip(table.rows[1].cells, ("O01-2", "Grado di soddisfazione")):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = styles.CELL
    _save(document, path, "Stili dei documenti di piao-rules")


def build_annex(reference: Path, path: Path) -> None:
    document = Document(str(reference))
    _clear_body(document)
    cover = document.sections[0]
    _page(cover)
    cover.different_first_page_header_footer = True
    header = cover.header.paragraphs[0]
    header.text = "{{ ente }} – {{ titolo }}"
    header.style = "Header"
    _footer_pages(cover)

    _para(document, "{{ ente }}", "Copertina ente")
    _para(document, "{{ titolo }}", "Title")
    _para(document, "Art. 35 del D.P.R. n. 254/2005 e Titolo II del D.Lgs. n. 150/2009", "Copertina sottotitolo")
    _tagged(document, "{%p if piano %}")
    _para(document, "{{ piano_periodo }}", "Copertina sottotitolo")
    _tagged(document, "{%p endif %}")
    _tagged(document, "{%p if delibera_numero %}")
    _para(document, "Allegato alla delibera di Giunta n. {{ delibera_numero }} del {{ delibera_data }}", "Copertina delibera")
    _tagged(document, "{%p endif %}")

    _para(document, "Sommario", "TOC Heading")
    toc = document.add_paragraph(style=styles.TOC_LEVELS[1])
    add_field(toc, 'TOC \\o "1-3" \\h \\z \\u', "Il sommario si aggiorna all'apertura del documento in Word.")

    _para(document, "Premessa", styles.HEADING[1])
    _tagged(document, "{%p for paragrafo in premessa %}")
    _para(document, "{{ paragrafo }}", "Testo delibera")
    _tagged(document, "{%p endfor %}")
    _tagged(document, "{%p if sintesi_narrativa %}")
    _para(document, "{{ sintesi_narrativa }}", "Testo delibera")
    _tagged(document, "{%p endif %}")

    _para(document, "Sintesi dei risultati", styles.HEADING[1])
    _para(document, "Il quadro riassume lo stato degli indicatori {{ al_data }}: i dati principali, il numero di "
                    "indicatori per stato, la distribuzione degli stati nelle aree e il grado di raggiungimento di "
                    "ciascuna area.", "Testo delibera")
    _para(document, "{{p sintesi }}")

    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    _page(landscape, landscape=True)
    _not_first_page_only(landscape)
    _para(document, "Stato di attuazione degli obiettivi", styles.HEADING[1])
    _para(document, "Per ogni obiettivo la tabella riporta gli indicatori con il target in vigore, il valore rilevato "
                    "{{ al_data }}, il grado di raggiungimento (da 0 a 100%) e lo stato. «n.d.» indica un valore non "
                    "disponibile o un grado non calcolabile; sotto i valori sono riportati le note degli uffici"
                    "{% if not finale %} e la quota del target attesa alla data{% endif %}.",
          "Testo delibera")
    _para(document, "{{p esiti }}")
    _para(document, "Segnalazioni e interventi proposti", styles.HEADING[1])
    _para(document, "{{p segnalazioni }}")

    closing = document.add_section(WD_SECTION.NEW_PAGE)
    _page(closing)
    _not_first_page_only(closing)
    _para(document, "{{p capitoli }}")
    _para(document, "Nota metodologica", styles.HEADING[1])
    _para(document, "Gli indicatori sono valutati con regole dichiarative, riportate di seguito come sono state "
                    "applicate. Le regole si modificano senza intervenire sul programma: ogni modifica si riflette "
                    "nella valutazione e in questa nota.", "Testo delibera")
    _para(document, "{{p metodologia }}")
    _save(document, path, "Allegato – monitoraggio della performance (modello)")


def build_deliberation(reference: Path, path: Path) -> None:
    document = Document(str(reference))
    _clear_body(document)
    section = document.sections[0]
    _page(section)
    header = section.header.paragraphs[0]
    header.text = "{{ ente }}"
    header.style = "Header"
    second = section.header.add_paragraph("Deliberazione della Giunta n. {{ numero }} del {{ seduta }}", style="Header")
    second.paragraph_format.space_after = Pt(12)
    _footer_pages(section)

    _para(document, "DELIBERA N. {{ numero }}", "Intestazione delibera")
    _para(document, "SEDUTA DEL {{ seduta }}", "Intestazione delibera")
    _para(document, "OGGETTO:\tCiclo di gestione della performance – Esiti del monitoraggio degli obiettivi {{ anno }} "
                    "{{ al_data }}{% if rimodulazioni %} e rimodulazione di target{% endif %}.", "Oggetto delibera")
    _para(document, "PRESENTI:", "Titoletto delibera")
    _tagged(document, "{%p for m in presenti %}")
    _para(document, "{{ m.cognome }} {{ m.nome }}\t- {{ m.ruolo }}", "Componente Giunta")
    _tagged(document, "{%p endfor %}")
    _tagged(document, "{%p if assenti %}")
    _para(document, "Sono assenti giustificati i Signori:", "Titoletto delibera")
    _tagged(document, "{%p for m in assenti %}")
    _para(document, "{{ m.cognome }} {{ m.nome }}\t- {{ m.ruolo }}", "Componente Giunta")
    _tagged(document, "{%p endfor %}")
    _tagged(document, "{%p endif %}")
    _para(document, "Assiste il Segretario Generale {{ segretario }}{% if verbalizzante %}, coadiuvato per la rogazione "
                    "del verbale {{ verbalizzante }}{% endif %}.", "Testo delibera")
    _tagged(document, "{%p if altri_presenti %}")
    _para(document, "{{ altri_presenti }}", "Testo delibera")
    _tagged(document, "{%p endif %}")
    _para(document, "Constatata la presenza del numero legale, il Presidente dichiara aperta la discussione.", "Testo delibera")

    _para(document, "Relatore: {{ relatore }}", "Titoletto delibera")
    _para(document, "Il Relatore ricorda che il Sistema di misurazione e valutazione della performance prevede "
                    "{% if finale %}la misurazione, al termine dell'anno, del grado di raggiungimento degli obiettivi "
                    "programmati{% else %}un monitoraggio intermedio degli obiettivi programmati, che consente di "
                    "verificarne lo stato di attuazione e di attivare per tempo gli eventuali interventi correttivi"
                    "{% endif %}, in coerenza con l'art. 6 del D.Lgs. 150/2009 e con l'art. 35 del D.P.R. 254/2005.",
          "Testo delibera")
    _tagged(document, "{%p if relazione %}")
    _tagged(document, "{%p for paragrafo in relazione %}")
    _para(document, "{{ paragrafo }}", "Testo delibera")
    _tagged(document, "{%p endfor %}")
    _tagged(document, "{%p else %}")
    _para(document, "Informa quindi che gli uffici hanno rilevato i valori {{ al_data }}: sono stati monitorati "
                    "{{ quanti_indicatori }} relativi a {{ quanti_obiettivi }}; gli esiti, riportati nell'allegato, "
                    "sono stati condivisi con l'Organismo Indipendente di Valutazione.", "Testo delibera")
    _para(document, "Alla Giunta camerale è proposto di prendere atto degli esiti del monitoraggio{% if rimodulazioni %}"
                    " e di approvare le proposte di rimodulazione dei target{% endif %}.", "Testo delibera")
    _tagged(document, "{%p endif %}")
    _para(document, "Terminata l'esposizione il Relatore invita la Giunta a deliberare in merito.", "Testo delibera")

    _para(document, "LA GIUNTA", "Formula delibera")
    _tagged(document, "{%p for premessa in premesse %}")
    paragraph = document.add_paragraph(style="Premessa delibera")
    paragraph.add_run("{{ premessa.parola }}").bold = True
    paragraph.add_run("\t{{ premessa.testo }}")
    _tagged(document, "{%p endfor %}")
    _para(document, "{{ votazione }}", "Formula delibera")
    _para(document, "D E L I B E R A", "Formula delibera")
    _tagged(document, "{%p for punto in dispositivo %}")
    _para(document, "{{ punto.testo }}", styles.NUMBERED)
    _tagged(document, "{%p for voce in punto.voci %}")
    _para(document, "{{ voce }}", styles.BULLET_2)
    _tagged(document, "{%p endfor %}")
    _tagged(document, "{%p endfor %}")
    _tagged(document, "{%p if esecutivo %}")
    _para(document, "Il presente atto è immediatamente esecutivo.", "Testo delibera")
    _tagged(document, "{%p endif %}")
    _para(document, "{{ sigla }}", "Sigla estensore")

    table = document.add_table(rows=2, cols=2)
    table.style = document.styles[styles.TABLE_PLAIN]
    for row, texts in zip(table.rows, (("IL SEGRETARIO GENERALE", "IL PRESIDENTE"), ("{{ segretario_firma }}", "{{ presidente }}"))):
        for cell, text in zip(row.cells, texts):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].style = "Firma"
    _para(document, "Il presente atto è pubblicato integralmente nell'Albo Informatico della {{ ente }} (ai sensi "
                    "dell'art.32 della legge n.69/2009 e del regolamento camerale per la pubblicazione degli atti).",
          "Formula finale")
    _para(document, "Le firme di {{ segretario_firma }} e {{ presidente }}, nel documento originale, sono apposte "
                    "digitalmente ai sensi dell'art. 24 del d.lgs. 7 marzo 2005, n. 82 “Codice dell'amministrazione "
                    "digitale” e s.m.i.", "Formula finale")
    _save(document, path, "Delibera di Giunta – presa d'atto del monitoraggio (modello)")


def _form_table(document: DocumentType, header: list[str], loop: str, cells: list[str], widths: list[float]) -> None:
    """A table whose data row repeats for each item of ``loop`` ({%tr for … %} rows, removed by docxtpl); widths in cm."""
    table = document.add_table(rows=4, cols=len(header))
    table.style = document.styles[styles.TABLE]
    table.autofit = False
    rows = table.rows
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)  # the grid, read by LibreOffice
    for row in rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)  # the cells, read by Word
    for cell, text in zip(rows[0].cells, header):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = styles.CELL_HEADER
    rows[1].cells[0].paragraphs[0].text = f"{{%tr for {loop} %}}"
    for cell, text in zip(rows[2].cells, cells):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = styles.CELL
    rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"


def build_form(reference: Path, path: Path) -> None:
    """The individual evaluation form (scheda di valutazione): figures from the evaluation, behaviours left blank."""
    document = Document(str(reference))
    _clear_body(document)
    section = document.sections[0]
    _page(section)
    header = section.header.paragraphs[0]
    header.text = "{{ ente }} – Scheda di valutazione {{ anno }}"
    header.style = "Header"
    _footer_pages(section)
    _para(document, "Scheda di valutazione della performance individuale", "Title")
    _para(document, "Anno {{ anno }} – risultati {{ al_data }}", "Copertina sottotitolo")
    _para(document, "Valutato/a: {{ nome }} – {{ ruolo }}{% if struttura %} – {{ struttura }}{% endif %}", "Testo delibera")
    _tagged(document, "{%p if valutatore %}")
    _para(document, "Valutatore: {{ valutatore }}", "Testo delibera")
    _tagged(document, "{%p endif %}")
    _tagged(document, "{%p if riferimento %}")
    _para(document, "Sistema di misurazione e valutazione: {{ riferimento }}", "Testo delibera")
    _tagged(document, "{%p endif %}")

    _para(document, "1. Performance organizzativa (peso {{ peso_organizzativa }})", styles.HEADING[2])
    _para(document, "Obiettivi assegnati e grado di raggiungimento {{ al_data }}; pesi {{ pesi_da }}.", "Testo delibera")
    _form_table(document, ["Codice", "Obiettivo", "Peso", "Grado"], "o in obiettivi",
                ["{{ o.codice }}", "{{ o.nome }}", "{{ o.peso }}", "{{ o.grado }}"], [2.2, 10.4, 2.0, 2.0])
    _para(document, "Grado medio ponderato degli obiettivi: {{ grado_organizzativo }}{% if esclusi %} (esclusi dalla "
                    "media perché non misurabili: {{ esclusi }}){% endif %}.", "Testo delibera")
    _para(document, "Punti della componente: {{ grado_organizzativo }} × {{ peso_organizzativa }} / 100 = "
                    "{{ punti_organizzativa }} su {{ peso_organizzativa }}.", "Testo delibera")
    _para(document, "Indicatori da cui derivano i gradi:", "Testo delibera")
    _form_table(document, ["Obiettivo", "Indicatore", "Target", "Valore", "Grado", "Stato"], "i in indicatori",
                ["{{ i.obiettivo }}", "{{ i.codice }} – {{ i.nome }}", "{{ i.target }}", "{{ i.valore }}", "{{ i.grado }}",
                 "{{ i.stato }}"], [1.8, 5.6, 3.0, 2.6, 1.6, 2.0])

    _para(document, "2. Comportamenti organizzativi (peso {{ peso_comportamenti }})", styles.HEADING[2])
    _para(document, "Il valutatore attribuisce a ciascun comportamento un punteggio intero da {{ scala_min }} a "
                    "{{ scala_max }}.", "Testo delibera")
    _tagged(document, "{%p for l in livelli %}")
    _para(document, "{{ l.punteggio }} – {{ l.descrizione }}", styles.BULLET)
    _tagged(document, "{%p endfor %}")
    _form_table(document, ["Codice", "Comportamento", "Peso", "Punteggio ({{ scala_min }}–{{ scala_max }})"],
                "c in comportamenti", ["{{ c.codice }}", "{{ c.nome }}", "{{ c.peso }}", ""], [1.8, 9.8, 2.0, 3.0])
    _tagged(document, "{%p if formula_comportamenti %}")
    _para(document, "{{ formula_comportamenti }}", "Testo delibera")
    _tagged(document, "{%p endif %}")
    _para(document, "Punti della componente: ________ su {{ peso_comportamenti }}.", "Testo delibera")

    _para(document, "3. Valutazione complessiva", styles.HEADING[2])
    _para(document, "Punteggio complessivo: {{ punti_organizzativa }} + ________ = ________ su 100.", "Testo delibera")
    _para(document, "Osservazioni del valutatore:", "Testo delibera")
    _para(document, "", "Testo delibera")
    _para(document, "Osservazioni della persona valutata:", "Testo delibera")
    _para(document, "", "Testo delibera")
    _para(document, "Data ____________\tIl valutatore ____________________", "Testo delibera")
    _para(document, "Per presa visione, la persona valutata ____________________", "Testo delibera")
    _save(document, path, "Scheda di valutazione individuale (modello)")


def _drop_thumbnail(document: DocumentType) -> None:
    """python-docx's default template carries the thumbnail of another document: leave none."""
    relationships = document.part.package.rels
    for key in [k for k, rel in relationships.items() if rel.reltype == RT.THUMBNAIL]:
        relationships.pop(key)


def _save(document: DocumentType, path: Path, title: str) -> None:
    _drop_thumbnail(document)
    package.set_properties(document, package.Properties(title=title, subject="Modello piao-rules",
                                                        author="piao-rules", when=BUILT_ON))
    package.ask_to_update_fields(document)
    atomic.write_bytes(path, package.to_bytes(document))
    print(f"scritto {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Crea i modelli Word predefiniti di piao-rules.")
    parser.add_argument("--rigenera-stili", action="store_true", help="ricrea stili.docx dalle definizioni dello script")
    parser.add_argument("--cartella", type=Path, default=HERE, help="dove scrivere i modelli (predefinita: questa cartella)")
    arguments = parser.parse_args(argv)
    folder: Path = arguments.cartella
    folder.mkdir(parents=True, exist_ok=True)
    reference = folder / "stili.docx"
    if arguments.rigenera_stili or not reference.exists():
        build_reference(reference)
    build_annex(reference, folder / "allegato.docx")
    build_deliberation(reference, folder / "delibera.docx")
    build_form(reference, folder / "scheda.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
