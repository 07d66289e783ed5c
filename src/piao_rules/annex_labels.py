"""The labels the annex prints beside its data and the importer reads back (an annex imported
back gives the plan again): one spelling for both sides."""

from __future__ import annotations

SEPARATOR = " · "  # between the data printed under an objective heading
OWNER = "Responsabile"
KIND = "Tipo"
WEIGHT = "Peso"
PARENT = "Collegato all'obiettivo"  # followed by the parent's code, without a colon
THRESHOLD = "Soglia"
ORIGINAL_TARGET = "Target originario"
PROPOSED_TARGET = "Proposta di aggiornamento"
EXPECTED = "Atteso alla data"


def labelled(label: str, value: str) -> str:
    """«Responsabile: Mario Rossi»."""
    return f"{label}: {value}"
