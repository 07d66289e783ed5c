"""Render a template with docxtpl in a Jinja sandbox, after checking it.

The template is verified first (unknown variables, broken tags, missing styles
give an :class:`~piao_rules.errors.InputError` naming the file), then the
generated parts are built with python-docx on the template's own styles and
the whole is rendered. A user's template cannot run code: the Jinja
environment is sandboxed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from jinja2 import TemplateError
from jinja2.exceptions import SecurityError

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

    docxtpl would write the part's XML into the template's text, render it with Jinja and
    parse it all back: for a large annex that round trip costs more than building the
    tables. The template sees a one-paragraph marker instead, which the part's own
    elements replace afterwards.
    """

    def __init__(self, name: str, part: Subdoc):
        self.marker = f"piao-rules-parte-{name}-{uuid.uuid4().hex}"
        self.part = part

    def __str__(self) -> str:
        return f"<w:p><w:r><w:t>{self.marker}</w:t></w:r></w:p>"

    __html__ = __str__


def _insert_parts(template: DocxTemplate, placeholders: list[_Placeholder]) -> None:
    """Put each part's elements where the template placed its marker (a copy after the first time)."""
    by_marker = {placeholder.marker: placeholder for placeholder in placeholders}
    used: set[str] = set()
    body = template.docx.element.body
    for paragraph in list(body.iter(qn("w:p"))):
        texts = paragraph.findall(f"{qn('w:r')}/{qn('w:t')}")
        placeholder = by_marker.get(texts[0].text) if len(texts) == 1 else None
        if placeholder is None:
            continue
        elements = [e for e in placeholder.part.subdocx.element.body if e.tag != qn("w:sectPr")]
        if placeholder.marker in used:
            elements = [deepcopy(e) for e in elements]
        used.add(placeholder.marker)
        for element in elements:
            paragraph.addprevious(element)
        paragraph.getparent().remove(paragraph)
    # docxtpl numbers the drawings of the rendered body from 1001 on: the same, with the parts in place
    for number, drawing in enumerate(body.iter(qn("wp:docPr")), start=1001):
        drawing.set("id", str(number))


def render(template: DocxTemplate, path: Path, context: dict[str, Any], parts: PartsBuilder) -> Document:
    """Build the generated parts, render the template with ``context`` and return the document."""
    built = {name: _Placeholder(name, value) if isinstance(value, Subdoc) else value for name, value in parts(template).items()}
    placeholders = [value for value in built.values() if isinstance(value, _Placeholder)]
    values = {**context, **built}
    try:
        template.render(values, jinja_env=environment())
    except SecurityError as error:
        raise InputError.single(path, f"il modello tenta un'operazione non consentita ({error})") from None
    except TemplateError as error:
        raise InputError([Problem(file=str(path), message=f"il modello non si può compilare: {error}")]) from None
    _insert_parts(template, placeholders)
    return template.docx
