"""The fields of one indicator, taken out of the cells it was read from.

«kpi1.1.1_03 C Tasso assenteismo SOGLIA 9% (Tipologia: Outcome)» gives the name, the
mark C (a note), the soglia and the type; «… (Fonte Report)» in the formula gives the
source; a target cell with «proposta di aggiornamento» keeps the original target and
hands the proposal to the measures; «Anno: 2020 >= 3 Anno: 2021 >= 3» is a target per year.
"""

from __future__ import annotations

import re
from typing import Any

from piao_rules import values
from piao_rules.importing import cells
from piao_rules.importing.records import IndicatorRow
from piao_rules.importing.report import Report
from piao_rules.io.model import IndicatorType
from piao_rules.targets import split_revision

_MEAN = re.compile(r"^valore\s+medio\s+(?:della\s+)?performance\s+(?:degli\s+)?obiettivi\s+operativi$", re.IGNORECASE)
_TYPES = {item.value for item in IndicatorType}

Texts = dict[int | None, str]


def indicator_data(row: IndicatorRow, code: str | None, report: Report) -> tuple[dict[str, Any], Texts]:
    """The plan fields of the indicator (Italian keys, without its code) and the target
    proposals found beside the targets, by year (None: the target cell names no year)."""
    data: dict[str, Any] = {}
    text = row.name
    if code and text.startswith(code):
        text = cells.split_code(text)[1]
    flags, text = cells.split_flags(text) if code else ([], text)
    threshold, text = cells.split_threshold(text)
    kind, text = cells.split_type(text)
    source, text = cells.split_source(text)
    name = cells.tidy(text) or cells.tidy(row.name)
    data["nome"] = name
    notes = [cells.flags_note(flags)] if flags else []
    if row.formula:
        formula_source, formula = cells.split_source(row.formula)
        source = source or formula_source
        if cells.tidy(formula):
            data["algoritmo"] = cells.tidy(formula)
    if row.description:
        described_threshold, description = cells.split_threshold(row.description)
        threshold = threshold or described_threshold
        description = cells.tidy(description)
        if description and _key(description) != _key(name):
            notes.append(f"Descrizione: {description.rstrip('.')}.")
    kind = kind or row.type
    if kind:
        key = kind.strip().lower().translate(str.maketrans("àèéìòù ", "aeeiou_"))
        if key in _TYPES:
            data["tipologia"] = key
        else:
            report.add("celle", row.origin, f"tipologia «{kind}» sconosciuta: ammesse {', '.join(sorted(_TYPES))}")
    if row.owner:
        data["responsabile"] = cells.tidy(row.owner)
    if row.unit and cells.tidy(row.unit):
        data["unita"] = cells.tidy(row.unit)
    source = source or row.source
    if source:
        data["fonte"] = cells.tidy(source)
    if row.note:
        notes.append(cells.tidy(row.note))
    if notes:
        data["note"] = " ".join(notes)
    if row.weight:
        weight = cells.read_weight(row.weight)
        if weight is None:
            report.add("celle", row.origin, f"peso «{row.weight}» non compreso: lasciato vuoto")
        else:
            data["peso"] = weight
    if row.baseline and not values.is_null(cells.clean(row.baseline)):
        data["baseline"] = {"valore": cells.tidy(row.baseline)} | ({"anno": row.baseline_year} if row.baseline_year else {})
    proposals: Texts = {}
    targets = by_year(row.targets, proposals)
    if targets is not None:
        data["target"] = targets
    thresholds = dict(row.thresholds)
    if threshold and None not in thresholds:
        thresholds[None] = threshold
    thresholds_data = by_year(thresholds, None)
    if thresholds_data is not None:
        data["soglia"] = thresholds_data
    if _MEAN.match(name):
        data["calcolato"] = "media_obiettivi"
    return data, proposals


def by_year(texts: Texts, proposals: Texts | None) -> str | dict[int, str] | None:
    """One text, or one per year, without markup; with ``proposals``, a «proposta di
    aggiornamento» is split off into it. None when every text is empty or «n.d.»."""
    expanded: Texts = {}
    for key, text in texts.items():
        years = cells.split_years(text) if key is None else None
        if years:
            expanded.update(years.items())
        elif not values.is_null(cells.clean(text)):
            expanded[key] = text
    result: Texts = {}
    for key, text in expanded.items():
        original, proposal = split_revision(text) if proposals is not None else (cells.clean(text), None)
        if proposal and proposals is not None:  # a proposal is split off only into proposals
            proposals[key] = proposal
        if original:
            result[key] = original
    if not result:
        return None
    if set(result) == {None}:
        return result[None]
    return {key: text for key, text in result.items() if key is not None}


def _key(text: str) -> str:
    return " ".join(cells.tidy(text).lower().rstrip(" .").split())
