"""Import a spreadsheet or CSV export: one row per indicator, columns named by a mapping.

The rows go through the same builder as Word tables: an area or objective column
that changes opens a new area or objective (an empty cell repeats the one above, as
merged cells do), and the cells are taken apart the same way (codes, SOGLIA,
«proposta di aggiornamento», measures read against the targets).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from piao_rules import safety
from piao_rules.errors import InputError, Problem, Problems
from piao_rules.importing import cells
from piao_rules.importing import vocabulary as v
from piao_rules.importing.build import Builder, Built, Options
from piao_rules.importing.mapping import Mapping, guess, load_mapping, mapping_yaml
from piao_rules.importing.records import AreaStart, IndicatorRow, ObjectiveStart, Origin
from piao_rules.importing.report import Report
from piao_rules.importing.roles import ROW_FIELDS
from piao_rules.io import tables
from piao_rules.io.files import CSV, XLSX
from piao_rules.io.places import YamlPlaces

HEADER_SEARCH = 10


def _grids(path: Path, data: bytes, report: Report | None = None) -> dict[str, tables.Grid]:
    """The sheets of the file (one for a CSV); warnings (a CSV not in UTF-8) go to the report."""
    kind = CSV if path.suffix.lower() == ".csv" else XLSX
    if kind == XLSX:
        safety.check_package(path, data, "xlsx", "xl/workbook.xml")
    problems = Problems(path)
    grids = tables.read_sheets(path, data, kind, problems)
    problems.raise_if_errors()
    if report is not None:
        for problem in problems.warnings:
            report.add("tabelle", "", problem.message)
    return grids


def _sheet(path: Path, grids: dict[str, tables.Grid], wanted: str | None, where: str = "") -> tuple[str | None, tables.Grid]:
    if wanted is None:
        title = next((t for t, g in grids.items() if any(any(c is not None for c in row) for row in g)), next(iter(grids)))
        return title or None, grids[title]
    for title, grid in grids.items():
        if tables.column_key(title) == tables.column_key(wanted):
            return title, grid
    raise InputError.single(path, f"il foglio «{wanted}» non esiste: fogli presenti {', '.join(f'«{t}»' for t in grids)}", where)


def _header_row(grid: tables.Grid) -> int | None:
    """The first row (0-based) naming two known columns."""
    for index, row in enumerate(grid[:HEADER_SEARCH]):
        if sum(1 for cell in row if cell is not None and v.read_header(tables.cell_text(cell)) is not None) >= 2:
            return index
    return None


def guessed_mapping(path: Path) -> str:
    """The YAML of the mapping guessed for ``path`` (``--mostra-mappa``)."""
    from piao_rules.io.files import read_bytes

    grids = _grids(path, read_bytes(path))
    title, grid = _sheet(path, grids, None)
    start = _header_row(grid)
    if start is None:
        raise InputError.single(path, "nessuna riga di intestazione riconosciuta nelle prime righe (servono ad esempio "
                                      "«Indicatore» e «Target»): scrivere la mappa a mano (vedi docs/importazione.md)")
    columns, unused = guess(grid[start], grid[start + 1:])
    return mapping_yaml(columns, unused, path.name, title if path.suffix.lower() != ".csv" else None, start + 1)


def import_sheet(path: Path, data: bytes, report: Report, options: Options, mapping_path: Path | None) -> Built:
    grids = _grids(path, data, report)
    places: YamlPlaces | None = None
    if mapping_path is not None:
        mapping, places = load_mapping(mapping_path, report)
    else:
        title, grid = _sheet(path, grids, None)
        start = _header_row(grid)
        if start is None:
            raise InputError.single(path, "nessuna riga di intestazione riconosciuta: indicare le colonne con --mappa "
                                          "(un modello si ottiene con --mostra-mappa)")
        columns, _ = guess(grid[start], grid[start + 1:])
        if "indicatore" not in columns:
            raise InputError.single(path, "manca una colonna riconoscibile come «Indicatore»: indicare le colonne con "
                                          "--mappa (un modello si ottiene con --mostra-mappa)")
        mapping = Mapping.model_validate({"colonne": columns, "riga_intestazione": start + 1, "foglio": title})
        report.add("tabelle", "", "colonne indovinate dall'intestazione (controllarle con --mostra-mappa): "
                                  + ", ".join(f"{k} = «{c}»" for k, c in mapping.columns.used().items()))
    title, grid = _sheet(mapping_path or path, grids, mapping.sheet, places.where(("foglio",)) if places else "")
    start = mapping.header_row - 1 if mapping.header_row else _header_row(grid)
    if start is None or start >= len(grid):
        raise InputError.single(mapping_path or path, "riga di intestazione non trovata: indicarla con «riga_intestazione»")
    positions = _positions(grid[start], mapping, mapping_path or path, places)
    block = f"foglio {title}" if title and path.suffix.lower() != ".csv" else "file CSV"
    events = list(_events(grid, start, positions, block))
    options = Options(options.year or mapping.year, options.as_of or mapping.as_of, options.ente or mapping.ente)
    builder = Builder(report, options)
    builder.feed(events)
    as_of = options.as_of or _measure_date(mapping, grid[start], positions)
    return builder.build(options.ente, options.year, as_of)


def _where(places: YamlPlaces | None, key: str) -> str:
    """Where a key of the mapping is written («riga 5/colonne.target[2023]»)."""
    if places is None:
        return ""
    field, _, year = key.partition(" ")
    return places.where(("colonne", field, int(year)) if year else ("colonne", field))


def _positions(header: list[Any], mapping: Mapping, file: Path, places: YamlPlaces | None) -> dict[str, int]:
    """Mapping key → column index; a column the header does not have is an error at the mapping's line."""
    names = {tables.column_key(tables.cell_text(cell)): index for index, cell in enumerate(header) if cell is not None}
    present = [tables.cell_text(cell) for cell in header if cell is not None]
    positions: dict[str, int] = {}
    problems = []
    for key, column in mapping.columns.used().items():
        index = names.get(tables.column_key(column))
        if index is None:
            close = difflib.get_close_matches(column, present, n=1, cutoff=0.6)
            hint = f"forse «{close[0]}»? " if close else ""
            problems.append(Problem(file=str(file), where=_where(places, key),
                                    message=f"la colonna «{column}» ({key}) non c'è nell'intestazione: {hint}"
                                            f"colonne presenti: {', '.join(f'«{p}»' for p in present)}"))
        else:
            positions[key] = index
    if problems:
        raise InputError(problems)
    return positions


def _measure_date(mapping: Mapping, header: list[Any], positions: dict[str, int]):
    if "misura" not in positions:
        return None
    try:
        return v.header_date(tables.cell_text(header[positions["misura"]]), mapping.year)
    except ValueError:
        return None


def _events(grid: tables.Grid, start: int, positions: dict[str, int], block: str):
    """Events for the rows under the header: an area or objective opens when its cells change."""
    area_key = objective_key = None
    for index in range(start + 1, len(grid)):
        row = grid[index]
        texts = {key: tables.cell_text(row[p]).strip() for key, p in positions.items() if p < len(row)}
        texts = {key: text for key, text in texts.items() if text}
        if not texts:
            continue
        origin = Origin(block, index + 1)
        key = (texts.get("area_codice"), texts.get("area"))
        if any(key) and key != area_key:
            area_key, objective_key = key, None
            yield AreaStart(texts.get("area") or texts["area_codice"], origin, code=texts.get("area_codice"),
                            weight=texts.get("area_peso"))
        key = (texts.get("obiettivo_codice"), texts.get("obiettivo"))
        if any(key) and key != objective_key:
            objective_key = key
            code, name = key
            if not code and name:
                code, name = cells.split_code(name)
            level = cells.code_level(code) if code else None
            yield ObjectiveStart(name or code or "", origin, code=code, owner=texts.get("responsabile"),
                                 weight=texts.get("obiettivo_peso"),
                                 level=level if level in ("strategico", "operativo") else None)
        if "indicatore" in texts:
            yield _indicator(texts, origin)


def _indicator(texts: dict[str, str], origin: Origin) -> IndicatorRow:
    indicator = IndicatorRow(origin, name=texts["indicatore"], code=texts.get("codice"))
    for key, text in texts.items():
        field, _, year = key.partition(" ")
        if field == "target":
            indicator.targets[int(year) if year else None] = text
        elif field == "soglia":
            indicator.thresholds[int(year) if year else None] = text
        elif field in _FIELDS:
            setattr(indicator, _FIELDS[field], text)
    return indicator


# Keys copied into the indicator's field of the same name (the code and the owner are read above).
_FIELDS = {key: name for key, name in ROW_FIELDS.items() if key not in ("codice", "responsabile")}
