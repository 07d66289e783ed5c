"""The columns an imported indicator table may have, with the header words that name them.

:class:`Columns` is both the ``colonne`` of a mapping (``mappa.yaml``: key → the column's
header as written) and the list of column roles: a role is a key's name («fonte»), and the
words a header may start with («Fonte», «Fonti») are on the field.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from typing import Annotated, Union

from pydantic import Field

from piao_rules.importing.records import IndicatorRow
from piao_rules.io.columns import Words, header_words, name_of
from piao_rules.io.model import Model

ByYear = Union[str, dict[int, str]]


class Columns(Model):
    """Field → column name as written in the sheet's header."""

    code: Annotated[str | None, Words(("codice", "cod", "id"))] = Field(None, alias="codice")
    indicator: Annotated[str, Words(("indicatore", "indicatori", "kpi"))] = Field(
        alias="indicatore", description="La colonna con il nome dell'indicatore"
    )
    description: Annotated[str | None, Words(("descrizione", "finalita"))] = Field(None, alias="descrizione")
    formula: Annotated[str | None, Words(("algoritmo", "formula", "calcolo"))] = Field(None, alias="algoritmo")
    target: Annotated[ByYear | None, Words(("target", "traguardo", "atteso"))] = None
    threshold: Annotated[ByYear | None, Words(("soglia", "soglie"))] = Field(None, alias="soglia")
    weight: Annotated[str | None, Words(("peso", "pesi"))] = Field(None, alias="peso")
    measure: Annotated[str | None, Words((
        "misura", "misure", "valore", "valori", "stato", "risultato", "consuntivo", "rilevazione", "dato", "esito"
    ))] = Field(None, alias="misura")
    baseline: Annotated[str | None, Words(("baseline",))] = None
    owner: Annotated[str | None, Words((
        "responsabile", "responsabili", "ufficio", "uffici", "struttura", "settore", "dirigente", "titolare", "referente"
    ))] = Field(None, alias="responsabile")
    type: Annotated[str | None, Words(("tipologia", "tipo"))] = Field(None, alias="tipologia")
    unit: Annotated[str | None, Words(("unita", "um"))] = Field(None, alias="unita")
    source: Annotated[str | None, Words(("fonte", "fonti"))] = Field(None, alias="fonte")
    note: Annotated[str | None, Words(("note", "nota", "commento", "commenti"))] = Field(None, alias="nota")
    area: Annotated[str | None, Words(("area", "ambito", "linea", "aree", "ambiti"))] = None
    area_code: str | None = Field(None, alias="area_codice")
    area_weight: str | None = Field(None, alias="area_peso")
    objective: Annotated[str | None, Words(("obiettivo", "obiettivi"))] = Field(None, alias="obiettivo")
    objective_code: str | None = Field(None, alias="obiettivo_codice")
    objective_weight: str | None = Field(None, alias="obiettivo_peso")

    def used(self) -> dict[str, str]:
        """Mapping key (Italian) → column, one entry per year for targets and soglie («target 2023»)."""
        found: dict[str, str] = {}
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            key = info.alias or name
            if isinstance(value, dict):
                found.update({f"{key} {year}": column for year, column in value.items()})
            elif value:
                found[key] = value
        return found


KEYS = tuple(name_of(info, name) for name, info in Columns.model_fields.items())
ROLE_WORDS = header_words(Columns)  # header word → role (a key of Columns)
_ROW = {item.name for item in dataclass_fields(IndicatorRow)}
# Key → the attribute of :class:`IndicatorRow` of the same name (fonte → source), for the keys that have one.
ROW_FIELDS = {name_of(info, name): name for name, info in Columns.model_fields.items() if name in _ROW}
