"""Locate the default rules and Word templates shipped with piao-rules.

In an installed wheel they are the packages ``piao_rules.rules`` and
``piao_rules.templates_docx`` (see pyproject.toml); in a source checkout or an
editable install they are the ``rules/`` and ``templates_docx/`` folders at the
repository root.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[2]


def _folder(name: str) -> Path:
    # The data folders have no __init__.py: as namespace packages, files() would give a MultiplexedPath
    # whose str() is not a path (Python 3.11), so look them up from the regular package.
    path = Path(str(importlib.resources.files("piao_rules") / name))
    if not path.is_dir():
        path = _REPO_ROOT / name
    if not path.is_dir():
        raise FileNotFoundError(f"cartella {name} non trovata: reinstallare piao-rules")
    return path


def default_rules_dir() -> Path:
    """The folder holding the default evaluation rules (YAML)."""
    return _folder("rules")


def default_templates_dir() -> Path:
    """The folder holding the default Word templates."""
    return _folder("templates_docx")
