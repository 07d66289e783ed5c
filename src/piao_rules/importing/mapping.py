"""The column mapping of a spreadsheet export (``mappa.yaml``): which column holds what.

Exports from management systems name their columns freely («Cod. KPI», «Descrizione
indicatore», «Valore atteso 2023»). The mapping says, with Italian keys, which column is
the code, the indicator, the target… A mapping can be written by hand, or guessed from
the header words and the cells (``piao-rules importa FILE --mostra-mappa`` prints the
guess as YAML, to check, save and edit)::

    foglio: Indicatori          # facoltativo: il primo foglio se manca
    riga_intestazione: 1        # facoltativo: cercata nelle prime righe se manca
    colonne:
      codice: Cod. KPI
      indicatore: Descrizione indicatore
      target: Target 2023       # oppure un target per anno: {2023: Target 2023, 2024: Target 2024}
      peso: Peso %
      obiettivo: Obiettivo operativo
      misura: Valore al 30/06/2023
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from piao_rules import values
from piao_rules.errors import InputError, Problems
from piao_rules.importing import cells
from piao_rules.importing import vocabulary as v
from piao_rules.importing.report import Report
from piao_rules.importing.roles import KEYS, Columns
from piao_rules.io import tables, yamlfile
from piao_rules.io.files import read_bytes
from piao_rules.io.model import Model
from piao_rules.io.places import YamlPlaces
from piao_rules.io.validation import validate


class Mapping(Model):
    """A ``mappa.yaml``: the sheet, the header row and the columns; optionally ente, year and date."""

    sheet: str | None = Field(None, alias="foglio")
    header_row: int | None = Field(None, alias="riga_intestazione", ge=1)
    columns: Columns = Field(alias="colonne")
    ente: str | None = None
    year: int | None = Field(None, alias="anno", ge=2000, le=2100)
    as_of: date | None = Field(None, alias="data_misure")

    @field_validator("as_of", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return values.parse_date(value) if isinstance(value, str) else value


def load_mapping(path: Path, report: Report) -> tuple[Mapping, YamlPlaces]:
    """The mapping in ``path``, validated; errors name the line and the key, warnings (a file
    not in UTF-8) go to the report."""
    problems = Problems(path)
    text = tables.decode(path, read_bytes(path), problems)
    for problem in problems.warnings:
        report.add("tabelle", path.name, problem.message)
    content, root = yamlfile.parse(text, path)
    if not isinstance(content, dict):
        raise InputError.single(path, "la mappa deve avere la chiave «colonne» con le colonne del foglio (vedi --mostra-mappa)", "riga 1")
    places = YamlPlaces(str(path), content, yamlfile.line_finder(root))
    return validate(Mapping, content, places), places


# ---------------------------------------------------------------- guessing

def guess(header: list[Any], rows: list[list[Any]]) -> tuple[dict[str, Any], list[str]]:
    """The mapping's ``colonne`` guessed from the header words (and the cells when a word says
    nothing), with the columns left out."""
    columns: dict[str, Any] = {}
    unused: list[str] = []
    for position, raw in enumerate(header):
        name = tables.cell_text(raw).strip()
        if not name:
            continue
        key, year = _key_for(name, [row[position] for row in rows if position < len(row)])
        if key is None or (year is None and key in columns):
            unused.append(name)
            continue
        if key in ("target", "soglia") and year is not None:
            current = columns.get(key)
            if isinstance(current, str):
                unused.append(name)
                continue
            columns.setdefault(key, {})[year] = name
        elif key in ("target", "soglia") and isinstance(columns.get(key), dict):
            unused.append(name)
        else:
            columns[key] = name
    return columns, unused


_NAMING = {"descrizione", "nome", "denominazione", "titolo", "testo"}


def _key_for(name: str, samples: list[Any]) -> tuple[str | None, int | None]:
    header = v.read_header(name)
    words = v.plain(name).split()
    if words and words[0] in _NAMING and {"indicatore", "indicatori", "kpi"} & set(words[1:]):
        return "indicatore", None  # «Descrizione indicatore», «Nome KPI»
    if header is not None:
        key = header.role if header.role in KEYS else None  # a role is the key of its column
        if key is None:
            return None, None
        rest = words[1:]
        if header.role == v.CODE and rest:
            key = {"obiettivo": "obiettivo_codice", "area": "area_codice"}.get(rest[0], "codice")
        elif header.role == v.WEIGHT and rest:
            key = {"obiettivo": "obiettivo_peso", "area": "area_peso"}.get(rest[0], "peso")
        elif header.role in (v.AREA, v.OBJECTIVE) and rest and rest[0] in ("codice", "cod", "id"):
            key = f"{key}_codice"
        return key, header.year if header.role in (v.TARGET, v.THRESHOLD) else None
    texts = [tables.cell_text(s).strip() for s in samples if tables.cell_text(s).strip()]
    if texts and sum(1 for t in texts if cells.split_code(t)[0] and not cells.split_code(t)[1]) > 0.8 * len(texts):
        return "codice", None
    return None, None


def mapping_yaml(columns: dict[str, Any], unused: list[str], source: str, sheet: str | None, header_row: int) -> str:
    """The guessed mapping as a YAML file to save and edit."""
    data: dict[str, Any] = {}
    if sheet:
        data["foglio"] = sheet
    data["riga_intestazione"] = header_row
    data["colonne"] = columns
    lines = [
        f"# Mappa delle colonne indovinata per «{source}». Controllarla, correggerla se serve e salvarla,",
        f"# ad esempio come mappa.yaml, poi: piao-rules importa {source} --mappa mappa.yaml -o piano.yaml",
        "# Chiavi ammesse in «colonne»: " + ", ".join(info.alias or name for name, info in Columns.model_fields.items()) + ".",
        "# Si possono aggiungere: ente, anno, data_misure (data delle misure, es. 30/06/2023).",
        yamlfile.dump(data).rstrip(),
    ]
    if unused:
        lines.append("# Colonne non usate: " + ", ".join(f"«{name}»" for name in unused))
    return "\n".join(lines) + "\n"
