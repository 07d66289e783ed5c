"""The plan as a flat table, one row per indicator, and back.

Each row carries the indicator's area and objective (codes and, repeated or on
the first row only, their attributes); the plan fields (``ente``, ``anno`` …)
sit on the first row. A row without ``codice`` declares an area or objective
only; ``obiettivo_padre`` puts an objective under another. An approved target
revision sits in the columns ``rev``, ``target_precedente``, ``nuovo_target`` …
of the indicator's row; further revisions of the same indicator go on rows that
repeat its ``codice`` and fill only those columns.

:func:`plan_to_rows` and :func:`plan_from_rows` are exact inverses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from piao_rules.errors import Problems
from piao_rules.io.columns import flat_columns, plain_value
from piao_rules.io.model import Indicator, IntermediateTarget, Objective, Plan, TargetRevision
from piao_rules.io.places import Loc, TablePlaces
from piao_rules.io.tables import Row, Table, cell_text, column_key, same_value
from piao_rules.io.validation import validate

PLAN_COLUMNS: dict[str, Loc] = {
    "ente": ("ente", "nome"),
    "sigla": ("ente", "sigla"),
    "sede": ("ente", "sede"),
    "anno": ("anno",),
    "periodo": ("periodo",),
    "titolo": ("titolo",),
    "regole": ("regole",),
    "revisione": ("revisione",),
}
AREA_COLUMNS: dict[str, Loc] = {
    "area_codice": ("codice",),
    "area_nome": ("nome",),
    "area_peso": ("peso",),
    "area_descrizione": ("descrizione",),
}
OBJECTIVE_COLUMNS: dict[str, Loc] = {
    "obiettivo_codice": ("codice",),
    "obiettivo_nome": ("nome",),
    "obiettivo_tipo": ("tipo",),
    "obiettivo_responsabile": ("responsabile",),
    "obiettivo_peso": ("peso",),
    "obiettivo_descrizione": ("descrizione",),
}
PARENT = "obiettivo_padre"
# Indicator and revision columns are the models' fields (a sub-model's as ``baseline_anno``), in their order.
_INDICATOR_FIELDS = flat_columns(Indicator, skip=("revisions",))
_REVISION_FIELDS = flat_columns(TargetRevision)
INDICATOR_COLUMNS: dict[str, Loc] = {name: path for name, (path, _) in _INDICATOR_FIELDS.items()}
REVISION_COLUMNS: dict[str, Loc] = {name: path for name, (path, _) in _REVISION_FIELDS.items()}
YEAR_COLUMN = re.compile(r"^(target|soglia)_(\d{4})$")

# Columns handed to the models as they are (numbers, dates); all the others are read as text.
_RAW = {"anno", "revisione", "area_peso", "obiettivo_peso", "peso", "baseline_anno", "riferimento_valore", "rev", "data_approvazione"}

REQUIRED = ("ente", "anno", "area_codice", "obiettivo_codice", "codice", "nome")
ORDER = [*PLAN_COLUMNS, *AREA_COLUMNS, *OBJECTIVE_COLUMNS, PARENT, *INDICATOR_COLUMNS, *REVISION_COLUMNS]


def known_column(name: str) -> bool:
    return name in ORDER or bool(YEAR_COLUMN.match(name))


KNOWN_NAMES = [*ORDER[: ORDER.index("target") + 1], "target_<anno>", "soglia", "soglia_<anno>", *ORDER[ORDER.index("soglia") + 1:]]


# ---------------------------------------------------------------- plan → rows


def plan_to_rows(plan: Plan) -> list[dict[str, Any]]:
    """The plan as flat rows (column → value; empty cells left out), in the plan's order."""
    rows: list[dict[str, Any]] = []
    for area in plan.areas:
        area_cells = _cells(
            area_codice=area.code, area_nome=area.name, area_peso=area.weight, area_descrizione=area.description
        )
        if not area.objectives:
            rows.append(dict(area_cells))
        for objective in area.objectives:
            _objective_rows(objective, area_cells, None, rows)
    plan_cells = _cells(
        ente=plan.ente.name,
        sigla=plan.ente.short_name,
        sede=plan.ente.city,
        anno=plan.year,
        periodo=plan.period,
        titolo=plan.title,
        regole=plan.rules,
        revisione=plan.revision or None,
    )
    rows[0] = plan_cells | rows[0]
    return rows


def _objective_rows(objective: Objective, area_cells: dict[str, Any], parent: str | None, rows: list[dict[str, Any]]) -> None:
    cells = area_cells | _cells(
        obiettivo_codice=objective.code,
        obiettivo_nome=objective.name,
        obiettivo_tipo=objective.kind.value if objective.kind else None,
        obiettivo_responsabile=objective.owner,
        obiettivo_peso=objective.weight,
        obiettivo_descrizione=objective.description,
        obiettivo_padre=parent,
    )
    if not objective.indicators:
        rows.append(dict(cells))
    for indicator in objective.indicators:
        rows.extend(_indicator_rows(indicator, cells))
    for child in objective.objectives:
        _objective_rows(child, area_cells, objective.code, rows)


def _indicator_rows(indicator: Indicator, cells: dict[str, Any]) -> list[dict[str, Any]]:
    row = cells | _cells(**{
        name: _field_value(indicator, attributes)
        for name, (_, attributes) in _INDICATOR_FIELDS.items() if name not in ("target", "soglia")
    })
    for name, text in (("target", indicator.target), ("soglia", indicator.threshold)):
        if isinstance(text, dict):
            row.update({f"{name}_{year}": by_year for year, by_year in text.items()})
        elif text is not None:
            row[name] = text
    rows = [row]
    for number, revision in enumerate(indicator.revisions):
        revision_cells = _cells(**{name: _field_value(revision, attributes) for name, (_, attributes) in _REVISION_FIELDS.items()})
        if number == 0:
            row.update(revision_cells)
        else:
            rows.append({"codice": indicator.code} | revision_cells)
    return rows


def _field_value(item: Any, attributes: Loc) -> Any:
    """The cell of a field (``("baseline", "year")`` follows the sub-model; none when it is missing)."""
    for attribute in attributes:
        item = getattr(item, attribute) if item is not None else None
    if isinstance(item, list):  # the intermediate targets, the only list in a cell
        return format_intermediate(item)
    return plain_value(item)


def _cells(**cells: Any) -> dict[str, Any]:
    return {name: value for name, value in cells.items() if value is not None}


def format_intermediate(targets: list[IntermediateTarget]) -> str | None:
    """«30/06/2023: ≥ 5; 30/09/2023: ≥ 8»."""
    if not targets:
        return None
    return "; ".join(f"{item.when:%d/%m/%Y}: {item.target}" for item in targets)


def columns_of(rows: Iterable[dict[str, Any]]) -> list[str]:
    """The columns to write: the required ones and those with a value, in the canonical order."""
    used = set(REQUIRED)
    for row in rows:
        used.update(row)
    columns = []
    for name in ORDER:
        if name in used:
            columns.append(name)
        if name in ("target", "soglia"):
            columns.extend(sorted(c for c in used if c.startswith(f"{name}_") and YEAR_COLUMN.match(c)))
    return columns


# ---------------------------------------------------------------- rows → plan


def plan_from_rows(rows: Iterable[dict[str, Any]], file: str = "") -> Plan:
    """The reverse of :func:`plan_to_rows` (rows numbered from 2, as under a header)."""
    table = Table(file=file, sheet=None, columns=list(ORDER), rows=[Row(n, dict(r)) for n, r in enumerate(rows, start=2)])
    data, places, problems = assemble(table)
    problems.raise_if_errors()
    return validate(Plan, data, places)


@dataclass
class _Cell:
    value: Any
    row: int
    sheet: str | None = None


@dataclass
class _Node:
    """An area or objective being gathered from the rows where it appears."""

    code: str
    row: int
    cells: dict[str, _Cell] = field(default_factory=dict)


@dataclass
class _Pending:
    """An indicator gathered from its row (and the rows of its further revisions)."""

    row: int
    objective: str
    data: dict[str, Any]
    revisions: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def assemble(table: Table, plan_sheet: Table | None = None) -> tuple[dict[str, Any], TablePlaces, Problems]:
    """The nested plan data built from the rows, where each part came from, and the problems found."""
    problems = Problems(table.file)
    plan_cells: dict[str, _Cell] = {}
    areas: dict[str, _Node] = {}
    objectives: dict[str, _Node] = {}
    indicators: list[_Pending] = []
    by_code: dict[str, _Pending] = {}

    if plan_sheet is not None:
        _read_plan_sheet(plan_sheet, plan_cells, problems)

    for row in table.rows:
        cells = row.cells
        where = lambda column, row=row: table.where(row.number, column)  # noqa: E731
        for column in PLAN_COLUMNS:
            _merge(plan_cells, column, cells.get(column), row.number, table.sheet, "il piano", where, problems)

        area_code = _code(cells.get("area_codice"))
        objective_code = _code(cells.get("obiettivo_codice"))
        code = _code(cells.get("codice"))

        if area_code:
            node = areas.setdefault(area_code, _Node(area_code, row.number))
            for column in AREA_COLUMNS:
                _merge(node.cells, column, cells.get(column), row.number, None, f"l'area {area_code}", where, problems)
        else:
            _orphans(cells, [*AREA_COLUMNS][1:], "area_codice", "dell'area", where, problems)

        if objective_code:
            node = objectives.setdefault(objective_code, _Node(objective_code, row.number))
            what = f"l'obiettivo {objective_code}"
            for column in [*OBJECTIVE_COLUMNS, "area_codice", PARENT]:
                _merge(node.cells, column, cells.get(column), row.number, None, what, where, problems)
        else:
            _orphans(cells, [*OBJECTIVE_COLUMNS][1:] + [PARENT], "obiettivo_codice", "dell'obiettivo", where, problems)

        indicator_columns = [c for c in cells if c in INDICATOR_COLUMNS or YEAR_COLUMN.match(c)]
        revision = {name: cells[name] for name in REVISION_COLUMNS if name in cells}
        if not code:
            _orphans(cells, indicator_columns + list(revision), "codice", "dell'indicatore", where, problems)
            continue
        previous = by_code.get(code)
        if previous and revision and indicator_columns == ["codice"] and objective_code in (None, previous.objective):
            previous.revisions.append((row.number, _revision_data(revision)))
            continue
        if not objective_code:
            problems.error(where("obiettivo_codice"), f"l'indicatore {code} non ha un obiettivo: compilare obiettivo_codice")
            continue
        pending = _Pending(row.number, objective_code, _indicator_data(cells, where, problems))
        if revision:
            pending.revisions.append((row.number, _revision_data(revision)))
        indicators.append(pending)
        by_code[code] = pending

    first_row = table.rows[0].number if table.rows else 2
    places = TablePlaces(file=table.file, resolvers=RESOLVERS)
    data = _plan_data(plan_cells, places, first_row, table.sheet)
    area_of = _objective_areas(objectives, table, problems)
    data["aree"] = []
    for area_index, area in enumerate(areas.values()):
        loc = ("aree", area_index)
        places.add(loc, area.row, "area", sheet=table.sheet)
        area_data = _node_data(area, AREA_COLUMNS, places, loc, "area", table.sheet)
        tops = [o for o in objectives.values() if area_of.get(o.code) == area.code and not _parent(o)]
        area_data["obiettivi"] = [
            _objective_data(o, objectives, indicators, places, (*loc, "obiettivi", i), table.sheet)
            for i, o in enumerate(tops)
        ]
        data["aree"].append(area_data)
    return data, places, problems


def _code(value: Any) -> str | None:
    text = cell_text(value).strip()
    return text or None


def _merge(store: dict[str, _Cell], column: str, value: Any, row: int, sheet: str | None, what: str, where, problems: Problems) -> None:
    """First non-empty value wins; a different later value is an error naming both rows."""
    if value is None:
        return
    first = store.get(column)
    if first is None:
        store[column] = _Cell(value, row, sheet)
    elif not same_value(first.value, value):
        origin = f"foglio {first.sheet}, riga {first.row}" if first.sheet else f"riga {first.row}"
        problems.error(
            where(column),
            f"«{cell_text(value)}» diverso da «{cell_text(first.value)}» scritto alla {origin} per {what}: "
            "scrivere lo stesso valore o lasciare vuota la cella",
        )


def _orphans(cells: dict[str, Any], columns: list[str], code_column: str, of_what: str, where, problems: Problems) -> None:
    filled = [c for c in columns if c in cells]
    if filled:
        problems.error(
            where(code_column),
            f"la riga ha dati {of_what} ({', '.join(filled)}) ma non il suo codice: compilare {code_column}",
        )


def _read_plan_sheet(sheet: Table, plan_cells: dict[str, _Cell], problems: Problems) -> None:
    for row in sheet.rows:
        name = cell_text(row.cells.get("campo")).strip()
        key = column_key(name)
        if not name:
            continue
        if key not in PLAN_COLUMNS:
            problems.error(
                sheet.where(row.number, "campo"),
                f"campo sconosciuto «{name}»: i campi ammessi sono {', '.join(PLAN_COLUMNS)}",
            )
            continue
        where = lambda column, row=row: sheet.where(row.number, "valore")  # noqa: E731
        _merge(plan_cells, key, row.cells.get("valore"), row.number, sheet.sheet, "il piano", where, problems)


def _as_data(column: str, value: Any) -> Any:
    return value if column in _RAW else cell_text(value)


def _set(data: dict[str, Any], path: Loc, value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _plan_data(cells: dict[str, _Cell], places: TablePlaces, first_row: int, sheet: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    places.add((), first_row, "plan", sheet=sheet)
    for column, path in PLAN_COLUMNS.items():
        if column in cells:
            cell = cells[column]
            _set(data, path, _as_data(column, cell.value))
            places.add(path, cell.row, "plan", root=(), sheet=cell.sheet)
    return data


def _node_data(node: _Node, columns: dict[str, Loc], places: TablePlaces, loc: Loc, kind: str, sheet: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column, path in columns.items():
        if column in node.cells:
            cell = node.cells[column]
            _set(data, path, _as_data(column, cell.value))
            places.add((*loc, *path), cell.row, kind, root=loc, sheet=sheet)
    return data


def _parent(node: _Node) -> str | None:
    cell = node.cells.get(PARENT)
    return _code(cell.value) if cell else None


def _objective_areas(objectives: dict[str, _Node], table: Table, problems: Problems) -> dict[str, str]:
    """The area of every objective: its own area_codice, or its parent's; reports bad parents."""
    parents: dict[str, str] = {}
    for node in objectives.values():
        parent = _parent(node)
        if parent is None:
            continue
        where = table.where(node.cells[PARENT].row, PARENT)
        if parent not in objectives:
            problems.error(where, f"l'obiettivo padre «{parent}» non esiste: dichiararlo in una riga con obiettivo_codice {parent}")
        else:
            parents[node.code] = parent

    resolved: dict[str, str] = {}
    for node in objectives.values():
        chain = [node.code]
        while chain[-1] in parents and parents[chain[-1]] not in chain:
            chain.append(parents[chain[-1]])
        if chain[-1] in parents:
            if parents[chain[-1]] == node.code:
                problems.error(
                    table.where(node.cells[PARENT].row, PARENT),
                    f"l'obiettivo {node.code} risulta padre di se stesso ({' → '.join([*chain, node.code])}): correggere obiettivo_padre",
                )
            continue
        root = objectives[chain[-1]]
        cell = root.cells.get("area_codice")
        area = _code(cell.value) if cell else None
        if area is None:
            if root is node and _parent(node) is None:
                problems.error(table.where(node.row, "area_codice"), f"l'obiettivo {node.code} non ha un'area: compilare area_codice")
            continue
        own = node.cells.get("area_codice")
        if root is not node and own is not None and _code(own.value) != area:
            problems.error(
                table.where(own.row, "area_codice"),
                f"l'obiettivo {node.code} è nell'area {_code(own.value)} ma il suo obiettivo padre {_parent(node)} "
                f"è nell'area {area}: lasciare vuota area_codice o correggerla",
            )
        resolved[node.code] = area
    return resolved


def _objective_data(
    node: _Node,
    objectives: dict[str, _Node],
    indicators: list[_Pending],
    places: TablePlaces,
    loc: Loc,
    sheet: str | None,
) -> dict[str, Any]:
    places.add(loc, node.row, "objective", sheet=sheet)
    data = _node_data(node, OBJECTIVE_COLUMNS, places, loc, "objective", sheet)
    children = [o for o in objectives.values() if _parent(o) == node.code and o.code != node.code]
    data["obiettivi"] = [
        _objective_data(child, objectives, indicators, places, (*loc, "obiettivi", i), sheet) for i, child in enumerate(children)
    ]
    own = [pending for pending in indicators if pending.objective == node.code]
    data["indicatori"] = []
    for index, pending in enumerate(own):
        indicator_loc = (*loc, "indicatori", index)
        places.add(indicator_loc, pending.row, "indicator", sheet=sheet)
        if pending.revisions:
            pending.data["revisioni"] = []
            for number, (row, revision) in enumerate(pending.revisions):
                places.add((*indicator_loc, "revisioni", number), row, "revision", sheet=sheet)
                pending.data["revisioni"].append(revision)
        data["indicatori"].append(pending.data)
    return data


def _indicator_data(cells: dict[str, Any], where, problems: Problems) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column, path in INDICATOR_COLUMNS.items():
        if column in cells and column != "target_intermedi":
            _set(data, path, _as_data(column, cells[column]))
    for name in ("target", "soglia"):
        by_year = {}
        for column, value in cells.items():
            match = YEAR_COLUMN.match(column)
            if match and match.group(1) == name:
                by_year[int(match.group(2))] = cell_text(value)
        if by_year and name in data:
            problems.error(
                where(name),
                f"l'indicatore ha sia la colonna {name} sia le colonne {name}_<anno>: usare le une o l'altra",
            )
        elif by_year:
            data[name] = dict(sorted(by_year.items()))
    if "target_intermedi" in cells:
        parsed = parse_intermediate(cell_text(cells["target_intermedi"]))
        if isinstance(parsed, str):
            problems.error(where("target_intermedi"), parsed)
        else:
            data["target_intermedi"] = parsed
    return data


# A «;» or a new line followed by a date and «:» starts the next intermediate target.
_NEXT_INTERMEDIATE = re.compile(r"[;\n]\s*(?=(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\s*:)")


def parse_intermediate(text: str) -> list[dict[str, str]] | str:
    """«30/06/2023: ≥ 5; 30/09/2023: ≥ 8» as items, or an Italian message saying what is wrong."""
    items = []
    for part in _NEXT_INTERMEDIATE.split(text):
        if not part.strip():
            continue
        when, colon, target = part.partition(":")
        if not colon or not when.strip():
            return f"«{part.strip()}» non è nella forma «30/06/2023: ≥ 5» (data, due punti, target; più target separati da «;»)"
        items.append({"data": when.strip(), "target": target.strip()})
    return items


def _revision_data(cells: dict[str, Any]) -> dict[str, Any]:
    return {name: _as_data(name, value) for name, value in cells.items()}


def _resolver(columns: dict[str, Loc], extra: dict[Loc, str] | None = None):
    inverse = {path: column for column, path in columns.items()} | (extra or {})

    def resolve(rest: Loc) -> str | None:
        if len(rest) >= 2 and rest[0] in ("target", "soglia") and isinstance(rest[1], int):
            return f"{rest[0]}_{rest[1]}"
        for size in range(len(rest), 0, -1):
            if rest[:size] in inverse:
                return inverse[rest[:size]]
        return None

    return resolve


RESOLVERS = {
    "plan": _resolver(PLAN_COLUMNS, {("ente",): "ente", ("aree",): "area_codice"}),
    "area": _resolver(AREA_COLUMNS, {("obiettivi",): "obiettivo_codice"}),
    "objective": _resolver(OBJECTIVE_COLUMNS, {("obiettivi",): PARENT, ("indicatori",): "codice"}),
    "indicator": _resolver(INDICATOR_COLUMNS, {("baseline",): "baseline_valore", ("riferimento",): "riferimento_valore", ("revisioni",): "rev"}),
    "revision": _resolver(REVISION_COLUMNS),
}
