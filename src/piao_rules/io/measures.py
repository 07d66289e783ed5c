"""Read and write the measures: a table (CSV, xlsx sheet «Misure») or YAML.

Table: one row per measure; rows with the same ``codice`` and ``data`` are one
measure when each has its own ``componente`` (a value per channel: «Facebook»,
«Linkedin»); the row without ``componente``, if any, holds the measure's own
value. YAML: ``{data: 30/06/2023, misure: [{codice, valore, componenti, nota …}]}``.
A measure without a date takes the file's ``data``, else the date the caller gives.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from piao_rules import atomic, values
from piao_rules.errors import InputError, Problem, Problems
from piao_rules.gc_pause import gc_paused
from piao_rules.io import tables, yamlfile
from piao_rules.io.columns import flat_columns, plain_value
from piao_rules.io.files import CSV, YAML, file_format, read_bytes
from piao_rules.io.loaded import Loaded
from piao_rules.io.model import Measure, MeasureSet
from piao_rules.io.places import Loc, Places, TablePlaces, YamlPlaces
from piao_rules.io.plans import plain
from piao_rules.io.tables import Percent, Row, Table, cell_text
from piao_rules.io.validation import validate

SHEET = "Misure"
# The measure's own columns (the rows of a measure share them), from the model: every field but
# those the row structure gives (codice, data, valore, one componente per row), the % sign and the noun
# written with the value («2 sale»).
_SHARED = {
    name: attribute for name, (_, (attribute,)) in flat_columns(
        Measure, skip=("code", "as_of", "value", "percent", "components", "counted",
                        "counted_components")
    ).items()
}
COLUMNS = ["codice", "data", "valore", "componente", *_SHARED]
REQUIRED = ("codice",)
_RAW = {"data", "valore", "avanzamento", "completato_il", "riferimento", "totale"}  # handed to the model as they are


@gc_paused()
def read_measures(path: str | Path, as_of: date | None = None) -> Loaded[MeasureSet]:
    """The measures in ``path`` with their warnings and places; raises InputError on errors.

    The set's date is the file's ``data``, else ``as_of``, else the one date all measures share.
    """
    path = Path(path)
    kind = file_format(path)
    data = read_bytes(path)
    problems = Problems(path)
    try:
        if kind == YAML:
            content, places = _yaml_content(path, data, problems)
        else:
            content, places = _table_content(path, data, kind, problems)
        problems.raise_if_errors()
        measure_set = validate(MeasureSet, content, places)
    except InputError as error:
        raise InputError(problems.merged(error.problems)) from None
    measure_set = _dated(measure_set, as_of, places, problems)
    problems.raise_if_errors()
    return Loaded(measure_set, places, list(problems))


def load_measures(path: str | Path, as_of: date | None = None) -> tuple[MeasureSet, list[Problem]]:
    """The measures in ``path`` and the warnings about them; raises InputError on errors."""
    loaded = read_measures(path, as_of)
    return loaded.value, loaded.problems


def _dated(measure_set: MeasureSet, as_of: date | None, places: Places, problems: Problems) -> MeasureSet:
    when = measure_set.as_of or as_of
    if when is None:
        dates = {m.as_of for m in measure_set.measures}
        when = dates.pop() if len(dates) == 1 else None
    undated = [i for i, m in enumerate(measure_set.measures) if m.as_of is None]
    if when is None and undated:
        problems.error(
            places.where(("misure", undated[0], "data")),
            f"{len(undated)} misure senza data: indicare la data di ogni misura, o del file, oppure passare la data con --al",
        )
    return measure_set.model_copy(update={"as_of": when})


def _yaml_content(path: Path, data: bytes, problems: Problems) -> tuple[Any, Places]:
    content, root = yamlfile.parse(tables.decode(path, data, problems), path)
    if content is None:
        raise InputError.single(path, "il file non contiene dati: scrivere «data:» e l'elenco «misure:»")
    if not isinstance(content, dict):
        raise InputError.single(path, "il file delle misure deve avere i campi «data» e «misure» (l'elenco delle misure)", "riga 1")
    return content, YamlPlaces(str(path), content, yamlfile.line_finder(root))


def _table_content(path: Path, data: bytes, kind: str, problems: Problems) -> tuple[Any, Places]:
    grids = tables.read_sheets(path, data, kind, problems)
    _, grid = tables.pick_sheet(grids, SHEET)
    table = tables.make_table(grid, str(path), None, COLUMNS.__contains__, COLUMNS, REQUIRED, problems)
    problems.raise_if_errors()
    assert table is not None  # make_table records an error when it gives no table
    if not table.rows:
        raise InputError.single(path, "la tabella non ha righe di dati sotto l'intestazione: aggiungere le misure")
    return _assemble(table, problems)


def _date_key(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    try:
        return values.parse_date(cell_text(value))
    except ValueError:
        return cell_text(value)


def _assemble(table: Table, problems: Problems) -> tuple[dict[str, Any], TablePlaces]:
    """Group the rows into measures (same codice and data), as the data of a MeasureSet."""
    groups: dict[tuple[str, Any], list[Row]] = {}
    for row in table.rows:
        code = cell_text(row.cells.get("codice")).strip()
        if not code:
            problems.error(table.where(row.number, "codice"), "la riga non ha il codice dell'indicatore: compilare codice")
            continue
        groups.setdefault((code, _date_key(row.cells.get("data"))), []).append(row)

    places = TablePlaces(file=table.file, resolvers={"measure": _column})
    measures = []
    for index, ((code, when), rows) in enumerate(groups.items()):
        loc: Loc = ("misure", index)
        places.add(loc, rows[0].number, "measure")
        measure: dict[str, Any] = {"codice": code}
        origin: dict[str, int] = {}
        labels: dict[str | None, int] = {}
        for row in rows:
            label = cell_text(row.cells.get("componente")).strip() or None
            if label in labels:
                shown = f"al {when:%d/%m/%Y}" if isinstance(when, date) else "senza data" if when is None else f"al {when}"
                what = f"la componente «{label}»" if label else "una misura"
                problems.error(
                    table.where(row.number, "componente"),
                    f"l'indicatore {code} ha già {what} {shown} alla riga {labels[label]}: "
                    "per più valori dello stesso indicatore usare la colonna componente con etichette diverse",
                )
                continue
            labels[label] = row.number
            for column in ("data", *_SHARED):
                _merge(measure, origin, column, row, table, code, problems, places, loc)
            value = row.cells.get("valore")
            if label is None:
                if value is not None:
                    measure["valore"] = value
                    places.add((*loc, "valore"), row.number, "measure", root=loc)
            elif value is not None and not values.is_null(cell_text(value)):
                if "componenti" not in measure:
                    places.add((*loc, "componenti"), row.number, "measure", root=loc)
                measure.setdefault("componenti", {})[label] = value
                places.add((*loc, "componenti", label), row.number, "measure", root=loc)
        measures.append(measure)
    return {"misure": measures}, places


def _merge(measure: dict[str, Any], origin: dict[str, int], column: str, row: Row, table: Table, code: str,
           problems: Problems, places: TablePlaces, loc: Loc) -> None:
    value = row.cells.get(column)
    if value is None:
        return
    value = value if column in _RAW else cell_text(value)
    if column not in measure:
        measure[column] = value
        origin[column] = row.number
        places.add((*loc, column), row.number, "measure", root=loc)
    elif not tables.same_value(measure[column], value):
        problems.error(
            table.where(row.number, column),
            f"«{cell_text(value)}» diverso da «{cell_text(measure[column])}» scritto alla riga {origin[column]} "
            f"per la stessa misura di {code}: scrivere lo stesso valore o lasciare vuota la cella",
        )


def _column(rest: Loc) -> str | None:
    if not rest:
        return None
    if rest[0] in ("componenti", "percentuale", "conta", "conta_componenti"):
        return "valore"
    return rest[0] if rest[0] in COLUMNS else None


# ---------------------------------------------------------------- writing


def measures_to_rows(measure_set: MeasureSet) -> list[dict[str, Any]]:
    """The measures as table rows: one per measure, plus one per component."""
    rows = []
    for measure in measure_set.measures:
        base = {"codice": measure.code, "data": measure_set.taken_on(measure)}
        shared = {name: plain_value(getattr(measure, attribute)) for name, attribute in _SHARED.items()}
        value: Any = measure.value
        if measure.percent and isinstance(value, Decimal):
            value = Percent(value)
        elif measure.counted is not None and isinstance(value, Decimal):
            value = f"{cell_text(value)} {measure.counted}"  # «2 sale», as the office wrote it
        if value is not None or not measure.components:
            rows.append(_present(base | {"valore": value} | shared))
            shared = {}
        for label, component in measure.components.items():
            noun = measure.counted_components.get(label)  # «318 giornate», as the office wrote it
            written = f"{cell_text(component)} {noun}" if noun is not None else component
            rows.append(_present(base | {"componente": label, "valore": written} | shared))
            shared = {}
    return rows


def _present(cells: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in cells.items() if value is not None}


def write_measures(measure_set: MeasureSet, path: str | Path) -> None:
    """Write the measures as YAML, CSV or xlsx, by the extension of ``path``; atomically."""
    path = Path(path)
    kind = file_format(path)
    if kind == YAML:
        data = plain(measure_set.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True))
        for measure in data.get("misure", []):
            if "conta" in measure:  # the noun goes back beside its value: «2 sale»
                measure["valore"] = f"{cell_text(measure['valore'])} {measure.pop('conta')}"
            for label, noun in measure.pop("conta_componenti", {}).items():  # «318 giornate»
                measure["componenti"][label] = f"{cell_text(measure['componenti'][label])} {noun}"
        atomic.write_text(path, yamlfile.dump(data))
        return
    rows = measures_to_rows(measure_set)
    columns = [c for c in COLUMNS if c in REQUIRED or any(c in row for row in rows)]
    if kind == CSV:
        tables.write_csv(path, columns, rows)
    else:
        tables.write_xlsx(path, [(SHEET, columns, rows)])
