"""JSON Schema of the plan and the measures files, with Italian field names and titles.

Editors (VS Code with the YAML extension, for one) use it to complete and check
``piano.yaml`` and ``misure.yaml`` while the controller types.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from piao_rules.io.model import MeasureSet, Plan

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Italian title and description of each model and enum (the docstrings are for developers).
TITLES: dict[str, tuple[str, str]] = {
    "Plan": ("Piano", "Piano della performance / PIAO: ente, anno e albero della performance."),
    "Ente": ("Ente", "L'amministrazione a cui appartiene il piano."),
    "Area": ("Area strategica", "Area o ambito strategico, con i suoi obiettivi."),
    "Objective": ("Obiettivo", "Obiettivo strategico, operativo, dirigenziale, di struttura, individuale o trasversale."),
    "Indicator": ("Indicatore", "Indicatore con target, soglia, peso e responsabile."),
    "Baseline": ("Baseline", "Valore di partenza dell'indicatore."),
    "IntermediateTarget": ("Target intermedio", "Target da raggiungere entro una data dell'anno (DM 132/2022)."),
    "Reference": ("Riferimento", "Valore di riferimento di un target relativo (es. media del triennio precedente)."),
    "TargetRevision": ("Revisione del target", "Modifica approvata del target (Rev. n), con motivazione e approvazione."),
    "MeasureSet": ("Misure", "Le misure rilevate a una data di monitoraggio."),
    "Measure": ("Misura", "Valore rilevato di un indicatore a una data, con la nota di commento."),
    "Accrual": ("Andamento", "Come l'indicatore matura nell'anno: cumulativo, puntuale, solo a consuntivo o per milestone."),
    "ObjectiveKind": ("Tipo di obiettivo", "Tipo di obiettivo."),
    "IndicatorType": ("Tipologia", "Tipologia dell'indicatore."),
    "Computation": ("Calcolo", "Indicatore calcolato dal piano invece che misurato."),
    "Judgement": ("Giudizio", "Giudizio su un target qualitativo."),
}


# Field titles that the plain rule (underscores to spaces, capital first letter) would get wrong.
FIELD_TITLES = {
    "unita": "Unità di misura",
    "parere_oiv": "Parere OIV",
    "rev": "Numero della revisione",
    "percentuale": "Valore in percentuale",
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model`` by alias, with Italian titles and descriptions."""
    schema = model.model_json_schema(by_alias=True)
    for name, definition in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        if name in TITLES:
            definition["title"], definition["description"] = TITLES[name]
        for key, field in definition.get("properties", {}).items():
            field["title"] = FIELD_TITLES.get(key, key.replace("_", " ").capitalize())
    _italian_dates(schema)
    return {"$schema": SCHEMA_DIALECT, **schema}


def _italian_dates(node: Any) -> None:
    """Dates are read as Italians write them (30/06/2023), not only as ISO «format: date»."""
    if isinstance(node, dict):
        if node.get("format") == "date":
            del node["format"]
            node["examples"] = ["30/06/2023"]
        for value in node.values():
            _italian_dates(value)
    elif isinstance(node, list):
        for item in node:
            _italian_dates(item)


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, for the plan and the measures."""
    return {"piano.schema.json": json_schema(Plan), "misure.schema.json": json_schema(MeasureSet)}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
