"""Fill the table of contents field with the document's headings.

The TOC field comes from the template; Word rebuilds it with page numbers when
the document is opened (``w:updateFields``). Until then — and in viewers that do
not update fields — the field shows the cached entries written here: one
paragraph per Heading 1–3, in the «toc 1–3» styles, without page numbers.
"""

from __future__ import annotations

import copy

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from piao_rules.documents import styles


def _style_ids(document: Document, names: dict[int, str]) -> dict[int, str]:
    ids = {}
    for level, name in names.items():
        try:
            ids[level] = document.styles[name].style_id
        except KeyError:
            continue
    return ids


def _paragraph_text(paragraph) -> str:
    return "".join(node.text or "" for node in paragraph.iter(qn("w:t"))).strip()


def fill_toc(document: Document) -> int:
    """Write the headings as the cached result of the TOC field; returns how many entries."""
    body = document.element.body
    instruction = next((node for node in body.iter(qn("w:instrText")) if (node.text or "").strip().startswith("TOC")), None)
    if instruction is None:
        return 0
    field_paragraph = instruction.getparent().getparent()
    heading_ids = {style_id: level for level, style_id in _style_ids(document, styles.HEADING).items()}
    toc_ids = _style_ids(document, styles.TOC_LEVELS)
    entries = []
    paragraph_tag, properties_tag, value = qn("w:p"), qn("w:pPr"), qn("w:val")
    # through the style marks rather than every paragraph (a large annex has many thousands in its tables)
    for style in body.iter(qn("w:pStyle")):
        level = heading_ids.get(style.get(value))
        properties = style.getparent()
        paragraph = properties.getparent() if level and properties.tag == properties_tag else None
        text = _paragraph_text(paragraph) if paragraph is not None and paragraph.tag == paragraph_tag else ""
        if text and level:  # a text only for a heading
            entries.append((level, text))
    if not entries:
        return 0
    runs = list(field_paragraph.iterchildren(qn("w:r")))
    begin, instr, separate, end = _field_runs(runs)
    if begin is None:
        return 0
    new_paragraphs = []
    for index, (level, text) in enumerate(entries):
        paragraph = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), toc_ids.get(level, toc_ids.get(1, "Normal")))
        properties.append(style)
        paragraph.append(properties)
        if index == 0:
            for run in (begin, instr, separate):
                paragraph.append(copy.deepcopy(run))
        run = OxmlElement("w:r")
        text_node = OxmlElement("w:t")
        text_node.text = text
        text_node.set(qn("xml:space"), "preserve")
        run.append(text_node)
        paragraph.append(run)
        if index == len(entries) - 1:
            paragraph.append(copy.deepcopy(end))
        new_paragraphs.append(paragraph)
    for paragraph in new_paragraphs:
        field_paragraph.addprevious(paragraph)
    field_paragraph.getparent().remove(field_paragraph)
    return len(entries)


def _field_runs(runs):
    """The begin, instruction, separate and end runs of the (single-paragraph) TOC field."""
    found = {"begin": None, "instr": None, "separate": None, "end": None}
    for run in runs:
        char = run.find(qn("w:fldChar"))
        if char is not None:
            kind = char.get(qn("w:fldCharType"))
            if kind in found and found[kind] is None:
                found[kind] = run
        elif run.find(qn("w:instrText")) is not None and found["instr"] is None:
            found["instr"] = run
    if None in found.values():
        return None, None, None, None
    return found["begin"], found["instr"], found["separate"], found["end"]
