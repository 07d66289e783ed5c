"""Render a template with docxtpl in a Jinja sandbox, after checking it.

The template is verified first (unknown variables, broken tags, missing styles
give an :class:`~piao_rules.errors.InputError` naming the file), then the
generated parts are built with python-docx on the template's own styles and
the whole is rendered. A user's template cannot run code: the Jinja
environment is sandboxed.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from jinja2 import TemplateError
from jinja2.exceptions import SecurityError

from piao_rules.documents import wordml
from piao_rules.documents.styles import missing_styles
from piao_rules.documents.templates import Kind, environment, verify
from piao_rules.errors import InputError, Problem

PartsBuilder = Callable[[DocxTemplate], dict[str, Any]]


def open_template(path: Path, kind: Kind, needed_styles: tuple[str, ...]) -> DocxTemplate:
    """The template at ``path``, verified; raises InputError listing every problem."""
    problems = [p for p in verify(path, kind) if p.is_error]
    if problems:
        raise InputError(problems)
    template = DocxTemplate(path)
    missing = missing_styles(template.get_docx(), needed_styles)
    if missing:
        names = ", ".join(f"«{name}»" for name in missing)
        raise InputError.single(path, f"mancano gli stili {names}: ripristinarli nel modello (o esportare di nuovo i modelli)")
    return template


class _Placeholder:
    """Stands for a generated part (a subdocument) while docxtpl renders the template.

    docxtpl would write every part's XML into the template's text, then run its regular
    expressions and Jinja over the whole, which for a large annex costs more than building
    the tables. The template is rendered with a one-paragraph marker instead; the part's
    blocks then take the marker's place.
    """

    def __init__(self, part: Subdoc):
        self.marker = f"piao-rules-parte-{uuid.uuid4().hex}"
        self.part = part

    def __str__(self) -> str:
        return f"<w:p><w:r><w:t>{self.marker}</w:t></w:r></w:p>"

    __html__ = __str__


def _insert_parts(template: DocxTemplate, placeholders: list[_Placeholder]) -> dict[str, str]:
    """Move each part's blocks where the template placed its marker, as docxtpl would insert them,
    and return the XML text of the parts' table rows by marker (see :func:`wordml.fill_rows`).

    The rows stay text until the package is written: parsing them would take most of the
    memory of a large annex.
    """
    if not placeholders:
        return {}
    root = template.docx.element
    parts = {placeholder.marker: placeholder.part for placeholder in placeholders}
    marks = [node for node in root.body.iter(qn("w:t")) if node.text in parts]
    moved: dict[str, list] = {}
    rows: dict[str, str] = {}
    for mark in marks:
        part = parts[mark.text]
        if mark.text in moved:  # a part the template shows again: a copy
            blocks = [copy.deepcopy(block) for block in moved[mark.text]]
        else:  # docxtpl leaves the part's section properties out
            blocks = moved[mark.text] = [block for block in part.subdocx.element.body if block.tag != qn("w:sectPr")]
            rows.update(wordml.part_rows(part))
        paragraph = mark.getparent().getparent()
        for block in blocks:
            paragraph.addprevious(block)
        paragraph.getparent().remove(paragraph)
    # docxtpl numbers the drawings of the rendered body from 1001 on: the same, with the parts in place
    for number, drawing in enumerate(root.iter(qn("wp:docPr")), start=1001):
        drawing.set("id", str(number))
    return rows


def render(template: DocxTemplate, path: Path, context: dict[str, Any], parts: PartsBuilder) -> tuple[Document, dict[str, str]]:
    """Build the generated parts, render the template with ``context`` and return the document with
    the XML text of its tables' rows by marker (to write with :func:`package.to_bytes`)."""
    built = {name: _Placeholder(value) if isinstance(value, Subdoc) else value for name, value in parts(template).items()}
    placeholders = [value for value in built.values() if isinstance(value, _Placeholder)]
    values = {**context, **built}
    try:
        template.render(values, jinja_env=environment())
    except SecurityError as error:
        raise InputError.single(path, f"il modello tenta un'operazione non consentita ({error})") from None
    except TemplateError as error:
        raise InputError([Problem(file=str(path), message=f"il modello non si può compilare: {error}")]) from None
    rows = _insert_parts(template, placeholders)
    return template.docx, rows
