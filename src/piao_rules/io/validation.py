"""Validate read data with the pydantic models and report the errors in Italian, located.

pydantic reports each error with a type (``missing``, ``enum``, ``value_error``…)
and a location in the data; :func:`validate` translates the type into an Italian
message and the location into a ``where`` through a :class:`~piao_rules.io.places.Places`.
"""

from __future__ import annotations

import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from piao_rules.errors import InputError, Problem, Problems
from piao_rules.io import tables, yamlfile
from piao_rules.io.files import read_bytes
from piao_rules.io.places import Loc, Places, YamlPlaces, clean_loc

M = TypeVar("M", bound=BaseModel)

# What a value of each type is, in words, for «atteso …» messages.
EXPECTED = {
    "string": "un testo",
    "dict": "un elenco di coppie «chiave: valore»",
    "list": "un elenco",
    "int": "un numero intero",
    "decimal": "un numero",
    "float": "un numero",
    "bool": "SI o NO",
    "date": "una data (gg/mm/aaaa)",
    "model": "un gruppo di campi «nome: valore»",
    "model_attributes": "un gruppo di campi «nome: valore»",
}


def validate(model: type[M], data: Any, places: Places) -> M:
    """Build ``model`` from ``data``; on failure raise InputError with every error, in Italian."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(translate(error, model, data, places)) from None


def load_fields(path: Path, model: type[M], shape: str) -> tuple[M, YamlPlaces]:
    """A YAML file of «nome: valore» fields validated by ``model``, and where its values sit;
    ``shape`` is the error for a file that holds something else (a list, a text)."""
    content, root = yamlfile.parse(tables.decode(path, read_bytes(path), Problems(path)), path)
    if not isinstance(content, dict):
        raise InputError([Problem(file=str(path), where="riga 1", message=shape)])
    places = YamlPlaces(str(path), content, yamlfile.line_finder(root))
    return validate(model, content, places), places


def translate(error: ValidationError, model: type[BaseModel], data: Any, places: Places) -> list[Problem]:
    """The errors of a pydantic validation as located Italian problems (duplicates removed)."""
    items: list[tuple[Loc, ErrorDetails, bool]] = []
    for item in error.errors(include_url=False):
        missing = item["type"] == "missing"
        loc = clean_loc(data, item["loc"], missing=missing)
        tagged = len(loc) < len(item["loc"]) - (1 if item["loc"][-1:] == ("[key]",) else 0)
        items.append((loc, item, tagged))

    # A union member that failed only on its type is noise when another member went deeper.
    def noise(loc: Loc, item: ErrorDetails, tagged: bool) -> bool:
        return tagged and _type_error(item) and any(len(other) > len(loc) and other[: len(loc)] == loc for other, _, _ in items)

    groups: dict[Loc, list[ErrorDetails]] = {}
    for loc, item, tagged in items:
        if not noise(loc, item, tagged):
            groups.setdefault(loc, []).append(item)

    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for loc, group in groups.items():
        place = places.place(loc)
        if len(group) > 1 and all(_type_error(item) for item in group):
            kinds = dict.fromkeys(EXPECTED.get(_base_type(item), "un valore diverso") for item in group)
            messages = [f"atteso {' oppure '.join(kinds)}, trovato {show(group[0]['input'])}"]
        else:
            messages = [_message(item, loc, model, place.field, place.column, data) for item in group]
        for message in messages:
            if (place.where, message) not in seen:
                seen.add((place.where, message))
                problems.append(Problem(file=places.file, where=place.where, message=message))
    return problems


def show(value: Any) -> str:
    """A value as the user wrote it, in «» (or described, for lists and groups)."""
    if isinstance(value, bool):
        return "«SI»" if value else "«NO»"
    if isinstance(value, dict):
        return "un gruppo di campi"
    if isinstance(value, list):
        return "un elenco"
    if value is None:
        return "un valore vuoto"
    if isinstance(value, date):
        return f"«{value:%d/%m/%Y}»"
    if isinstance(value, (float, Decimal)):
        return f"«{format(Decimal(repr(value)) if isinstance(value, float) else value, 'f').replace('.', ',')}»"
    return f"«{value}»"


def _base_type(item: ErrorDetails) -> str:
    kind = item["type"]
    for suffix in ("_type", "_parsing"):
        if kind.endswith(suffix):
            return kind[: -len(suffix)]
    return kind


def _type_error(item: ErrorDetails) -> bool:
    return item["type"].endswith("_type")


def _written(data: Any, loc: Loc, default: Any) -> Any:
    """The value at ``loc`` as written in the file (before the models normalised it)."""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return default
    return data if isinstance(data, str) else default


def _message(item: ErrorDetails, loc: Loc, model: type[BaseModel], field: str | None, column: bool, data: Any) -> str:
    kind, ctx = item["type"], item.get("ctx") or {}
    value = _written(data, loc, item["input"]) if kind != "missing" else None
    if kind == "missing":
        if column:
            return f"campo obbligatorio mancante: compilare la colonna «{field}»"
        return f"campo obbligatorio mancante: aggiungere «{field}»"
    if kind == "extra_forbidden":
        allowed = ", ".join(_field_names(_model_at(model, loc[:-1])))
        return f"campo sconosciuto «{loc[-1]}»: i campi ammessi sono {allowed}"
    if kind == "enum":
        enum = _annotation_at(model, loc, Enum)
        options = ", ".join(member.value for member in enum) if enum else ctx.get("expected", "")
        return f"valore {show(value)} non ammesso: usare uno tra {options}"
    if kind == "value_error":
        message = str(ctx.get("error", item["msg"])).removeprefix("Value error, ")
        if loc[:1] == ("misure",) and loc[-1:] == ("valore",) and "troppo grande" not in message:
            message += ": scrivere in «valore» solo il numero (anche con ciò che conta: «2 sale»), la data o SI/NO, e il resto in «nota»"
        return message
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return f"{show(value)} è troppo piccolo: il minimo è {_number(limit)}"
    if kind in ("less_than_equal", "less_than"):
        limit = ctx.get("le", ctx.get("lt"))
        return f"{show(value)} è troppo grande: il massimo è {_number(limit)}"
    if kind == "string_too_short":
        return "il testo è vuoto: scrivere un valore"
    if kind == "too_short":
        return "l'elenco è vuoto: aggiungere almeno un elemento"
    if item["loc"][-1:] == ("[key]",):
        return f"la chiave {show(item['input'])} non è un anno: scrivere l'anno a quattro cifre (es. 2023: «≥ 70%»)"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"{show(value)} non è un numero intero"
    if kind in ("date_from_datetime_inexact", "date_from_datetime_parsing"):
        return f"{show(value)}: la data non deve contenere un orario"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"atteso {EXPECTED.get(_base_type(item), 'un valore diverso')}, trovato {show(value)}"
    return f"valore {show(value)} non valido"


def _number(limit: Any) -> str:
    return format(Decimal(str(limit)), "f").replace(".", ",") if limit is not None else "?"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The model class that holds the data at ``loc``."""
    current = model
    for part in loc:
        if not isinstance(part, str):
            continue
        annotation = _field_annotation(current, part)
        inner = _find(annotation, BaseModel) if annotation is not None else None
        if inner is None:
            break
        current = inner
    return current


def _annotation_at(model: type[BaseModel], loc: Loc, kind: type) -> Any:
    keys = [part for part in loc if isinstance(part, str)]
    if not keys:
        return None
    holder = _model_at(model, tuple(keys[:-1]))
    annotation = _field_annotation(holder, keys[-1])
    return _find(annotation, kind) if annotation is not None else None


def _field_annotation(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (info.alias, name):
            return info.annotation
    return None


def _find(annotation: Any, kind: type) -> Any:
    """The first class in ``annotation`` (unwrapping list[…], X | None …) that subclasses ``kind``."""
    if isinstance(annotation, type) and issubclass(annotation, kind):
        return annotation
    for argument in typing.get_args(annotation):
        found = _find(argument, kind)
        if found is not None:
            return found
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]
