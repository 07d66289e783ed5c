"""Find the header of an indicator table and the role of each column.

Headers are recognised by their words (see :mod:`vocabulary`), over one or two rows
(«N. | OBIETTIVO | Stato di attuazione al 30.6.2023» above «Indicatori | Target |
Misura al 30.6»): a cell spanning several columns above more specific labels is a
group title and only lends its date. When the labels sit one column left of the data
(a frequent defect of converted documents) they are moved to the columns the data
fills, and a column without a label is named by its content (unit names in capitals
are owners; bare percentages are weights).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from piao_rules.importing import cells, vocabulary
from piao_rules.importing.source import Cell, Grid
from piao_rules.importing.vocabulary import Header

# Roles that make a table an indicator table.
NEEDED = {vocabulary.INDICATOR}
DATA_SHARE = 0.3  # a column «has data» when this share of the data rows fill it


@dataclass
class Layout:
    columns: dict[int, Header]  # column → role
    header_rows: list[int]  # indexes of the rows forming the header
    titles: list[str] = field(default_factory=list)  # every header text (for dates and kinds)
    notes: list[str] = field(default_factory=list)  # what was corrected, for the report
    typos: list[tuple[str, str]] = field(default_factory=list)

    def role(self, column: int) -> str | None:
        header = self.columns.get(column)
        return header.role if header else None

    def first(self, role: str) -> int | None:
        return next((c for c, h in sorted(self.columns.items()) if h.role == role), None)

    def has(self, role: str) -> bool:
        return any(h.role == role for h in self.columns.values())

    @property
    def signature(self) -> tuple[tuple[int, str, int | None], ...]:
        return tuple((c, h.role, h.year) for c, h in sorted(self.columns.items()))

    @property
    def kind(self) -> str | None:
        return next((h.kind for h in self.columns.values() if h.kind), None)


def own_texts(row: list[Cell]) -> dict[int, str]:
    """Column → text of the cells this row adds (merged continuations left out)."""
    return {column: cell.own for column, cell in enumerate(row) if cell.own}


def header_cells(row: list[Cell]) -> dict[int, Header] | None:
    """The recognised header words of a row, when the row reads as a header (two labels or more,
    nothing else but labels and a group title)."""
    texts = own_texts(row)
    if len(texts) < 2:
        return None
    labels: dict[int, Header] = {}
    others = 0
    for column, text in texts.items():
        header = vocabulary.read_header(text)
        if header is not None:
            labels[column] = header
        elif others:
            return None  # two texts that are not labels: a data row (most rows stop here)
        else:
            others = 1
    roles = {header.role for header in labels.values()}
    if len(labels) < 2 or len(roles) < 2:
        return None
    if any(_looks_like_value(texts[column]) for column in labels):
        return None
    return labels


def header_row(grid: Grid, index: int) -> dict[int, Header] | None:
    """:func:`header_cells` of the grid's row ``index``, read once: the readers of a table ask for
    every row several times, and large tables hold more distinct texts than the word caches."""
    labels = grid.labels
    if index not in labels:
        labels[index] = header_cells(grid.rows[index])
    found: dict[int, Header] | None = labels[index]
    return found


def _looks_like_value(text: str) -> bool:
    return bool(re.match(r"^\s*(?:[<>≥≤=]|\d)", text)) and not re.match(r"^\s*n\.?\s*$", text, re.IGNORECASE)


def find_layout(grid: Grid, start: int = 0) -> Layout | None:
    """The layout of the first header found from row ``start``; None when no header is found."""
    rows = grid.rows
    for index in range(start, len(rows)):
        labels = header_row(grid, index)
        if labels is None:
            continue
        header_rows = [index]
        if index + 1 < len(rows) and header_row(grid, index + 1) is not None:
            header_rows.append(index + 1)
        layout = _combine(rows, header_rows)
        if NEEDED <= {h.role for h in layout.columns.values()}:
            data = _data_rows(grid, layout)
            _align_to_data(grid, layout, data)
            _name_by_content(grid, layout, data)
            _status_beside_measure(layout)
            if _names_indicators(layout, data):
                return layout
    return None


def _status_beside_measure(layout: Layout) -> None:
    """«Stato» beside «Valore al 30/06/2023» is the status a report printed (raggiunto…), not a measure."""
    measures = [c for c, h in layout.columns.items() if h.role == vocabulary.MEASURE]
    if len(measures) > 1:
        for column in measures:
            if vocabulary.plain(layout.columns[column].text) == "stato":
                layout.columns[column] = Header(vocabulary.STATUS, text=layout.columns[column].text)


def _names_indicators(layout: Layout, data: list[dict[int, str]]) -> bool:
    """The indicator column holds names, not counts («Indicatori | 13» in a summary table)."""
    column = layout.first(vocabulary.INDICATOR)
    texts = [row[column] for row in data if column in row]
    numbers = sum(1 for text in texts if re.fullmatch(r"[\d.,%\s]+", text))
    return not texts or numbers <= len(texts) / 2


def _span(row: list[Cell], column: int) -> range:
    end = column + 1
    while end < len(row) and row[end].spanned:
        end += 1
    return range(column, end)


def _combine(rows: list[list[Cell]], header_rows: list[int]) -> Layout:
    layout = Layout(columns={}, header_rows=header_rows)
    lower: set[int] = set()
    for index in reversed(header_rows):  # the lowest row is the most specific
        row = rows[index]
        for column, text in own_texts(row).items():
            layout.titles.append(text)
            header = vocabulary.read_header(text)
            if header is None:
                continue
            if header.typo:
                layout.typos.append(header.typo)
            span = _span(row, column)
            if len(span) > 1 and any(c in lower for c in span):
                continue  # a group title over specific labels
            if column not in layout.columns:
                layout.columns[column] = header
        lower |= {c for c in own_texts(row)}
    layout.titles.reverse()
    return layout


def _data_rows(grid: Grid, layout: Layout) -> list[dict[int, str]]:
    """The texts of the rows below the header (repeated headers left out)."""
    first = max(layout.header_rows) + 1
    rows = grid.rows
    return [texts for index in range(first, len(rows)) if (texts := own_texts(rows[index])) and header_row(grid, index) is None]


def _filled(data: list[dict[int, str]], width: int) -> list[int]:
    if not data:
        return []
    return [c for c in range(width) if sum(1 for row in data if c in row) >= DATA_SHARE * len(data)]


def _align_to_data(grid: Grid, layout: Layout, data: list[dict[int, str]]) -> None:
    """Move the lowest header row's labels right when the data fills columns the labels miss."""
    filled = _filled(data, grid.width)
    if not filled or not layout.columns:
        return
    last_label, last_data = max(layout.columns), max(filled)
    if last_data <= last_label:
        return
    lowest = layout.header_rows[-1]
    block = sorted(c for c in own_texts(grid.rows[lowest]) if c in layout.columns)
    if not block or block[-1] != last_label:
        return
    shift = last_data - last_label
    moved = {c + shift: layout.columns[c] for c in block}
    if any(c in layout.columns and c not in block for c in moved):
        return
    for c in block:
        del layout.columns[c]
    layout.columns.update(moved)
    labels = ", ".join(f"«{h.text}»" for _, h in sorted(moved.items()))
    layout.notes.append(f"intestazione ({labels}) spostata di {shift} colonn{'a' if shift == 1 else 'e'} a destra, sopra i dati")


_CAPITALS = re.compile(r"^[^a-zà-ù]*$")


def _name_by_content(grid: Grid, layout: Layout, data: list[dict[int, str]]) -> None:
    """Name the data columns without a label: owners (names in capitals) or weights."""
    for column in range(grid.width):
        texts = [row[column] for row in data if column in row]
        if column in layout.columns or not texts:
            continue
        if sum(1 for t in texts if cells.read_weight(t) is not None) > 0.8 * len(texts):
            layout.columns[column] = Header(vocabulary.WEIGHT, text="(pesi)")
            layout.notes.append(f"colonna {column + 1} senza intestazione: letta come peso (contiene percentuali)")
        elif sum(1 for t in texts if _CAPITALS.match(t) and len(t) <= 90) > 0.6 * len(texts):
            layout.columns[column] = Header(vocabulary.OWNER, text="(responsabile)")
            layout.notes.append(f"colonna {column + 1} senza intestazione: letta come responsabile (nomi di unità in maiuscolo)")
