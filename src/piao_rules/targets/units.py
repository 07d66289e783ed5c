"""The units of measure a plan may name, with the spellings found in real plans."""

from __future__ import annotations

import re

ALIASES = {
    "%": ("%", "percentuale", "perc.", "per cento"),
    "N.": ("n", "n.", "nr", "nr.", "num.", "numero"),
    "gg": ("gg", "gg.", "giorni", "giorno", "gg lavorativi", "giorni lavorativi"),
    "€": ("€", "euro", "eur"),
    "mesi": ("mesi", "mese"),
    "ore": ("ore", "ora", "h"),
    "data": ("data", "date"),
    "SI/NO": ("si/no", "sì/no", "si-no"),
}
_CANONICAL = {alias: unit for unit, aliases in ALIASES.items() for alias in aliases}
_NOUN = re.compile(r"^[^\W\d_]+(?:['’ ][^\W\d_]+)*$")


def canonical(unit: str) -> str | None:
    """The canonical spelling of a unit («giorni» → «gg»), the noun itself for what is counted
    («iniziative»), or None when it is neither."""
    text = " ".join(unit.strip().split())
    key = text.lower()
    if key in _CANONICAL:
        return _CANONICAL[key]
    return key if _NOUN.match(text) else None


def compatible(plan_unit: str, target_unit: str | None) -> bool:
    """Whether the unit declared in the plan fits the one written in the target."""
    declared = canonical(plan_unit)
    if target_unit is None or declared is None:
        return True
    if declared in ("%", "gg", "€") or target_unit in ("%", "gg", "€"):
        return declared == target_unit
    return True
