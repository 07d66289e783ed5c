"""Read and write the plan: nested YAML, or the flat table in CSV or xlsx."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from piao_rules import atomic
from piao_rules.errors import InputError, Problem, Problems
from piao_rules.gc_pause import gc_paused
from piao_rules.io import flat, tables, yamlfile
from piao_rules.io.files import CSV, XLSX, YAML, file_format, read_bytes
from piao_rules.io.loaded import Loaded
from piao_rules.io.model import Plan
from piao_rules.io.places import YamlPlaces
from piao_rules.io.validation import validate

MAIN_SHEET = "Indicatori"
PLAN_SHEET = "Piano"


@gc_paused()
def read_plan(path: str | Path) -> Loaded[Plan]:
    """The plan in ``path`` (.yaml/.yml, .csv, .xlsx) with its warnings and places.

    Raises InputError with every problem found when the plan cannot be used.
    """
    path = Path(path)
    kind = file_format(path)
    data = read_bytes(path)
    problems = Problems(path)
    try:
        if kind == YAML:
            loaded = _read_yaml(path, data, problems)
        else:
            loaded = _read_table(path, data, kind, problems)
    except InputError as error:
        raise InputError(problems.merged(error.problems)) from None
    loaded.problems = list(problems)
    return loaded


def load_plan(path: str | Path) -> tuple[Plan, list[Problem]]:
    """The plan in ``path`` and the warnings about it; raises InputError on errors."""
    loaded = read_plan(path)
    return loaded.value, loaded.problems


def _read_yaml(path: Path, data: bytes, problems: Problems) -> Loaded[Plan]:
    content, root = yamlfile.parse(tables.decode(path, data, problems), path)
    if content is None:
        raise InputError.single(path, "il file non contiene dati: il piano deve avere i campi ente, anno e aree")
    if not isinstance(content, dict):
        raise InputError.single(path, "il piano deve essere un insieme di campi «nome: valore» (ente, anno, aree …)", "riga 1")
    places = YamlPlaces(str(path), content, yamlfile.line_finder(root))
    return Loaded(validate(Plan, content, places), places)


def _read_table(path: Path, data: bytes, kind: str, problems: Problems) -> Loaded[Plan]:
    grids = tables.read_sheets(path, data, kind, problems)
    title, grid = tables.pick_sheet(grids, MAIN_SHEET)
    plan_sheet = None
    if kind == XLSX:
        plan_title = next((t for t in grids if tables.column_key(t) == tables.column_key(PLAN_SHEET)), None)
        if plan_title is not None and plan_title != title:
            plan_sheet = tables.make_table(
                grids[plan_title], str(path), plan_title, lambda c: c in ("campo", "valore"), ["campo", "valore"], ["campo", "valore"], problems
            )
    required = [c for c in flat.REQUIRED if plan_sheet is None or c not in flat.PLAN_COLUMNS]
    table = tables.make_table(grid, str(path), None, flat.known_column, flat.KNOWN_NAMES, required, problems)
    problems.raise_if_errors()
    assert table is not None  # make_table records an error when it gives no table
    if not table.rows:
        raise InputError.single(path, "la tabella non ha righe di dati sotto l'intestazione: aggiungere gli indicatori")
    content, places, more = flat.assemble(table, plan_sheet)
    problems.extend(more)
    problems.raise_if_errors()
    return Loaded(validate(Plan, content, places), places)


def write_plan(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` as YAML, CSV or xlsx, by the extension of ``path``; atomically."""
    path = Path(path)
    kind = file_format(path)
    if kind == YAML:
        atomic.write_text(path, yamlfile.dump(plan_data(plan)))
        return
    rows = flat.plan_to_rows(plan)
    columns = flat.columns_of(rows)
    if kind == CSV:
        tables.write_csv(path, columns, rows)
    else:
        tables.write_xlsx(path, [(MAIN_SHEET, columns, rows)])


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as the nested data of its YAML form (Italian keys, empty fields left out)."""
    return plain(plan.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True))


def plain(data: Any) -> Any:
    """Enums as their values, recursively (for YAML output)."""
    if isinstance(data, Enum):
        return data.value
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(item) for item in data]
    return data
