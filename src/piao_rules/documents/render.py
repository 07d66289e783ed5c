"""Render a template with docxtpl in a Jinja sandbox, after checking it.

The template is verified first (unknown variables, broken tags, missing styles
give an :class:`~piao_rules.errors.InputError` naming the file), then the
generated parts are built with python-docx on the template's own styles and
the whole is rendered. A user's template cannot run code: the Jinja
environment is sandboxed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.document import Document
from docxtpl import DocxTemplate
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


def render(template: DocxTemplate, path: Path, context: dict[str, Any], parts: PartsBuilder) -> Document:
    """Build the generated parts, render the template with ``context`` and return the document."""
    values = {**context, **parts(template)}
    try:
        template.render(values, jinja_env=environment())
    except SecurityError as error:
        raise InputError.single(path, f"il modello tenta un'operazione non consentita ({error})") from None
    except TemplateError as error:
        raise InputError([Problem(file=str(path), message=f"il modello non si può compilare: {error}")]) from None
    return template.docx
