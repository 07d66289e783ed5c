"""Helpers for the round-trip tests: make templates of the Cuneo example and fill them like an office would."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from piao_rules.collect.layout import HEADER_ROW, SHEET
from piao_rules.io import load_plan

ROOT = Path(__file__).parent.parent
CUNEO = ROOT / "examples" / "cuneo"
PLAN = CUNEO / "piano.yaml"
MEASURES = CUNEO / "misure-2023-06-30.csv"
JUNE = date(2023, 6, 30)
SEPTEMBER = date(2023, 9, 30)


def cuneo_plan():
    return load_plan(PLAN)[0]


def columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}


def row_of(sheet, code: str, component: str | None = None) -> int:
    heads = columns(sheet)
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, heads["Codice"]).value == code and sheet.cell(row, heads["Componente"]).value == component:
            return row
    raise KeyError(code)


def fill(path: Path, rows: dict[str, dict[str, Any]]) -> Path:
    """Write values into the template at ``path``: {code or "code | component": {header: value}}."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[SHEET]
    heads = columns(sheet)
    for key, cells in rows.items():
        code, _, component = key.partition(" | ")
        row = row_of(sheet, code, component or None)
        for header, value in cells.items():
            cell = sheet.cell(row, heads[header])
            if isinstance(value, tuple):  # (value, number format)
                cell.value, cell.number_format = value
            else:
                cell.value = value
    workbook.save(path)
    return path
