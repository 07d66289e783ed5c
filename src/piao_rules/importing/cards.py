"""Read indicator cards: small tables with one label per row instead of a header.

A tree of the performance plan often prints each indicator as a card::

    Indicatori                          |
    Organizzazione momenti formativi …  |
    Peso                                | 40 %
    Stato                               | 6
    Target 2020                         | >= 3

or with the labels in one cell: «Peso 50 % Stato 100 % Target 2020 >= 60 %». A row
whose first cell is not a label starts a new indicator; label rows fill it. The
second column may hold something else beside the name (an «Azione», a «Programma»):
it is not read.
"""

from __future__ import annotations

import re

from piao_rules.importing import cells
from piao_rules.importing.layout import own_texts
from piao_rules.importing.records import Event, IndicatorRow, Note, Origin
from piao_rules.importing.source import Grid

_LABEL = re.compile(r"^(?P<label>peso|stato|target|soglia|baseline|algoritmo|formula|valore|misura)(?:\s+(?P<year>\d{4}))?\s*:?$", re.IGNORECASE)
_HEADER = re.compile(r"^(?:indicatori|indicatore|kpi)$", re.IGNORECASE)


def is_card(grid: Grid) -> bool:
    """Two rows or more whose first cell is a label («Peso», «Target 2020») or a labelled cell."""
    found = 0
    for row in grid.rows:
        texts = own_texts(row)
        first = texts.get(min(texts)) if texts else ""
        if first and (_LABEL.match(first) or cells.split_labelled(first) is not None):
            found += 1
    return found >= 2


def read_card(grid: Grid, notes: list[Note]) -> list[Event]:
    """The indicators of a card table, in order."""
    events: list[Event] = []
    current: IndicatorRow | None = None
    for index, row in enumerate(grid.rows):
        texts = own_texts(row)
        if not texts:
            continue
        origin = Origin(grid.label(), index + 1)
        values = [texts[c] for c in sorted(texts)]
        first = values[0]
        label = _LABEL.match(first)
        labelled = None if label else cells.split_labelled(first)
        if _HEADER.match(first):
            continue
        if label is None and labelled is None:
            current = IndicatorRow(origin, name=first)
            events.append(current)
            continue
        if current is None:
            notes.append(Note("celle", origin, f"«{first}» prima del nome di un indicatore: ignorato"))
            continue
        if label is not None:
            year = int(label.group("year")) if label.group("year") else None
            _set(current, label.group("label").lower(), year, values[1] if len(values) > 1 else "")
        else:
            assert labelled is not None  # the test above
            if labelled.weight is not None:
                current.weight = labelled.weight
            if labelled.measure is not None:
                current.measure = labelled.measure
            current.targets.update(labelled.targets)
    return events


def _set(indicator: IndicatorRow, label: str, year: int | None, value: str) -> None:
    if not value:
        return
    if label == "peso":
        indicator.weight = value
    elif label in ("stato", "valore", "misura"):
        if year is not None and label != "stato":
            indicator.baseline, indicator.baseline_year = value, year
        else:
            indicator.measure = value
    elif label == "target":
        indicator.targets[year] = value
    elif label == "soglia":
        indicator.thresholds[year] = value
    elif label == "baseline":
        indicator.baseline, indicator.baseline_year = value, year
    else:  # algoritmo, formula
        indicator.formula = value
