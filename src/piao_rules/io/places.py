"""Where a value sits in the file it came from: «riga 42/aree[A1].soglia» or «riga 12/soglia».

Readers build the data handed to the pydantic models as nested dicts and lists;
a *location* (``loc``) is a path into that data, as pydantic reports it:
``("aree", 0, "obiettivi", 1, "indicatori", 2, "soglia")``. A :class:`Places`
turns a location into the ``where`` of a :class:`~piao_rules.errors.Problem`:

- :class:`PathPlaces` writes a readable path built from codes
  (``aree[A1].obiettivi[OB1].indicatori[I003].soglia``);
- :class:`YamlPlaces` prefixes it with the line of the YAML node;
- :class:`TablePlaces` gives the row and the column of a table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class Place:
    """A resolved location: the ``where`` text and the name of the field the user sees."""

    where: str
    field: str | None = None
    column: bool = False  # the field is a table column


def clean_loc(data: Any, loc: Loc, missing: bool = False) -> Loc:
    """Drop from a pydantic location the parts that are not in the data (union member tags).

    With ``missing`` the last part names a field the data lacks, and is kept.
    """
    current, path = data, []
    for position, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif missing and position == len(loc) - 1:
            pass
        else:
            continue
        path.append(part)
    return tuple(path)


# Fields whose keys are data (years, component labels), shown in brackets: soglia[2023].
KEYED_FIELDS = {"target", "soglia", "componenti"}


def readable_path(data: Any, loc: Loc) -> str:
    """``aree[A1].obiettivi[OB1].indicatori[I003].soglia``: codes where the data has them."""
    text, current, previous = "", data, None
    for part in loc:
        if previous in KEYED_FIELDS:
            text += f"[{part}]"
            current = current.get(part) if isinstance(current, dict) else None
        elif isinstance(current, list) and isinstance(part, int):
            item = current[part] if 0 <= part < len(current) else None
            code = item.get("codice") if isinstance(item, dict) else None
            label = code if isinstance(code, (str, int)) and str(code).strip() else part + 1
            text += f"[{label}]"
            current = item
        elif isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
            current = current.get(part) if isinstance(current, dict) else None
        else:
            text += f".{part}" if text else str(part)
            current = current.get(part) if isinstance(current, dict) else None
        previous = part
    return text


def last_key(loc: Loc) -> str | None:
    """The last field name in a location (skipping list indices and year keys)."""
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return None


class Places:
    """Turns locations into ``where`` texts; the base class knows nothing of the file."""

    def __init__(self, file: str = ""):
        self.file = file

    def place(self, loc: Loc) -> Place:
        return Place(where="", field=last_key(loc))

    def where(self, loc: Loc) -> str:
        return self.place(loc).where


class PathPlaces(Places):
    """Locations as readable paths built from the codes in ``data``."""

    def __init__(self, file: str, data: Any):
        super().__init__(file)
        self.data = data

    def place(self, loc: Loc) -> Place:
        return Place(where=readable_path(self.data, loc), field=last_key(loc))


class YamlPlaces(PathPlaces):
    """Locations in a YAML file: the line of the node, then the readable path."""

    def __init__(self, file: str, data: Any, line_of: Callable[[Loc], int | None]):
        super().__init__(file, data)
        self.line_of = line_of

    def place(self, loc: Loc) -> Place:
        path = readable_path(self.data, loc)
        line = self.line_of(loc)
        where = f"riga {line}/{path}" if line and path else (f"riga {line}" if line else path)
        return Place(where=where, field=last_key(loc))


ColumnResolver = Callable[[Loc], "str | None"]


@dataclass(frozen=True)
class _Entry:
    row: int
    kind: str
    root: Loc
    sheet: str | None


@dataclass
class TablePlaces(Places):
    """Locations in a table: each entity (area, objective, indicator, measure…) or field is
    registered with its row; the column comes from the entity's kind and the rest of the path."""

    file: str = ""
    resolvers: dict[str, ColumnResolver] = field(default_factory=dict)
    entries: dict[Loc, _Entry] = field(default_factory=dict)

    def add(self, loc: Loc, row: int, kind: str, *, root: Loc | None = None, sheet: str | None = None) -> None:
        """Register ``loc`` (an entity, or one field of it when ``root`` is the entity) at ``row``."""
        self.entries[tuple(loc)] = _Entry(row, kind, tuple(loc) if root is None else tuple(root), sheet)

    def place(self, loc: Loc) -> Place:
        for size in range(len(loc), -1, -1):
            entry = self.entries.get(tuple(loc[:size]))
            if entry is not None:
                break
        else:
            return Place(where="", field=last_key(loc))
        resolver = self.resolvers.get(entry.kind)
        column = resolver(tuple(loc[len(entry.root):])) if resolver else None
        sheet = f"foglio {entry.sheet}, " if entry.sheet else ""
        where = f"{sheet}riga {entry.row}" + (f"/{column}" if column else "")
        return Place(where=where, field=column or last_key(loc), column=column is not None)
