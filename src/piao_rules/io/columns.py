"""Column metadata on the model fields, and the column tables derived from it.

A field people fill in as a column (the collection workbook, the portal form) carries a
:class:`Column` in its ``Annotated`` type: the Italian header, the Excel width, the help; a
field an imported table may hold carries the :class:`Words` its header may start with.
Column names are the fields' aliases (``fonte``); in flat tables a sub-model's fields are
``<field>_<subfield>`` (``baseline_anno``). Tables elsewhere are built from these functions,
so a column is named in one place: its model field.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from piao_rules.io.places import Loc

# The value fields in the order the workbook and the form show them (judgement before reference,
# unlike the model); the other fields with a column follow in the model's order.
VALUES_FIRST = ("value", "progress", "completed_on", "judgement", "reference", "total")


@dataclass(frozen=True)
class Column:
    """How people see a field as a column: header, Excel width, help (comment and prompt)."""

    header: str
    width: int
    help: str
    form_help: str | None = None  # the portal form's help, where its field says more or less than the column


@dataclass(frozen=True)
class Words:
    """The first words of a header that name the field's column in an imported table («Fonte», «Fonti»)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """A field with a :class:`Column`: its column name (the alias), attribute and metadata."""

    name: str
    attribute: str
    column: Column

    @property
    def form_help(self) -> str:
        return self.column.form_help or self.column.help


def name_of(info: FieldInfo, attribute: str) -> str:
    """The column (and file) name of a field: its alias, else its attribute name."""
    return info.alias or attribute


def column_of(info: FieldInfo) -> Column | None:
    return next((item for item in info.metadata if isinstance(item, Column)), None)


def header_words(model: type[BaseModel]) -> dict[str, str]:
    """Header word → the column name (alias) of the field it names, from the fields' :class:`Words`."""
    return {
        word: name_of(info, attribute)
        for attribute, info in model.model_fields.items()
        for words in info.metadata if isinstance(words, Words)
        for word in words.words
    }


def described(model: type[BaseModel]) -> list[Entry]:
    """The fields of ``model`` that carry a :class:`Column`, in the model's order."""
    return [
        Entry(name_of(info, attribute), attribute, column)
        for attribute, info in model.model_fields.items()
        if (column := column_of(info)) is not None
    ]


def inputs(model: type[BaseModel]) -> list[Entry]:
    """The fields people fill in, in the order of the workbook and the form (:data:`VALUES_FIRST`)."""
    entries = described(model)
    first = [e for name in VALUES_FIRST for e in entries if e.attribute == name]
    return first + [e for e in entries if e.attribute not in VALUES_FIRST]


def _sub_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a field holding one sub-model (``Baseline | None``); None for lists and plain values."""
    options = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else (annotation,)
    found = [o for o in options if get_origin(o) is None and isinstance(o, type) and issubclass(o, BaseModel)]
    return found[0] if len(found) == 1 else None


def flat_columns(model: type[BaseModel], skip: tuple[str, ...] = ()) -> dict[str, tuple[Loc, Loc]]:
    """Flat column name → (path of aliases in the data, path of attributes), in the model's order.

    A sub-model gives one column per field (``baseline_anno``); lists stay one column;
    the attributes in ``skip`` are left out.
    """
    found: dict[str, tuple[Loc, Loc]] = {}
    for attribute, info in model.model_fields.items():
        if attribute in skip:
            continue
        name = name_of(info, attribute)
        sub = _sub_model(info.annotation)
        if sub is None:
            found[name] = ((name,), (attribute,))
            continue
        for sub_attribute, sub_info in sub.model_fields.items():
            sub_name = name_of(sub_info, sub_attribute)
            found[f"{name}_{sub_name}"] = ((name, sub_name), (attribute, sub_attribute))
    return found


def plain_value(value: Any) -> Any:
    """A field's value as a table cell: an enum as its value, anything else as it is."""
    return value.value if isinstance(value, Enum) else value
