"""Locate the default rules and Word templates shipped with piao-rules.

In an installed wheel or sdist they sit inside the package, as the data folders
``piao_rules/rules`` and ``piao_rules/templates_docx`` (see pyproject.toml); in
a source checkout or an editable install they are the ``rules/`` and
``templates_docx/`` folders at the repository root. Plain paths, not
``importlib.resources``: the folders are namespace packages, whose
``files()`` is a ``MultiplexedPath`` on some Python versions.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PLACES = (_PACKAGE, _PACKAGE.parents[1])  # installed package, then the repository root


def _folder(name: str) -> Path:
    for place in _PLACES:
        if (place / name).is_dir():
            return place / name
    raise FileNotFoundError(f"cartella {name} non trovata: reinstallare piao-rules")


def default_rules_dir() -> Path:
    """The folder holding the default evaluation rules (YAML)."""
    return _folder("rules")


def default_templates_dir() -> Path:
    """The folder holding the default Word templates."""
    return _folder("templates_docx")
