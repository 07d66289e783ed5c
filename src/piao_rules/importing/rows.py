"""Read the rows of an indicator table into events: areas, objectives, indicators.

Each row is read with the table's layout, then checked against what it holds:

- **context rows** name an area or an objective («Obiettivo strategico OS01.1.1 - …»,
  «Area Anagrafe economica», «Descrizione …») instead of an indicator;
- **merged cells** (an objective spanning several indicator rows) continue the
  objective above; an empty objective cell does the same;
- **shifted rows**, whose cells sit one or two columns left of their place (the last
  cells empty, or an empty cell inside the row where a dropped first cell went), are
  put back: the row is also read with its cells moved right, and the reading whose
  cells fit their columns best (operators in the target, numbers or narrative in the
  measure, texts seen elsewhere in the same column) wins;
- **weights in text columns** («7,00%» under «Area», «100,00%» under «Obiettivo»)
  belong to the objective or indicator that follows them in the row;
- **continuation rows** (the rest of a row split by a page break: no code, no target,
  no weight) are joined to the row above, also across tables.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from piao_rules import annex_labels as labels
from piao_rules import values
from piao_rules.importing import cells
from piao_rules.importing import vocabulary as v
from piao_rules.importing.layout import Layout, find_layout, header_row, own_texts
from piao_rules.importing.records import (
    AreaStart,
    Description,
    Event,
    IndicatorRow,
    Note,
    ObjectiveStart,
    Origin,
)
from piao_rules.importing.source import Cell, Grid
from piao_rules.importing.vocabulary import Header
from piao_rules.targets import TargetKind, parse_target

# Roles holding the values of an indicator, never an entity's name.
VALUE_ROLES = {v.TARGET, v.THRESHOLD, v.MEASURE, v.BASELINE, v.WEIGHT, v.NUMBER, v.STATUS, v.GRADE}


@dataclass
class Known:
    """Texts seen in each role in rows that read without doubt: they help place shifted cells."""

    texts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # text → its plain form (cells.clean), read once per import: a large document holds more distinct
    # texts than clean's own cache, and every row is read twice (here, then in read_rows)
    plains: dict[str, str] = field(default_factory=dict)

    def add(self, role: str, text: str) -> None:
        self.texts[role].add(self.key(text))

    def has(self, role: str, text: str) -> bool:
        return self.key(text) in self.texts.get(role, ())

    def plain(self, text: str) -> str:
        found = self.plains.get(text)
        if found is None:
            found = self.plains[text] = cells.clean(text)
        return found

    def key(self, text: str) -> str:
        return self.plain(text).lower().rstrip(" .")


@dataclass
class State:
    """What carries over from row to row and from table to table."""

    block: str | None = None
    block_owner: str | None = None
    last_indicator: IndicatorRow | None = None
    last_objective: ObjectiveStart | None = None
    last_text_event: str | None = None  # «indicator» or «objective»: where a continuation goes
    layout_signature: tuple | None = None

    def break_flow(self) -> None:
        """A paragraph between two tables: a row of the next table cannot continue the last one."""
        self.last_text_event = None


def learn(grid: Grid, layout: Layout, known: Known) -> None:
    """Record the texts of the rows that fill every column of the layout."""
    last = max(layout.columns)
    for index, row in enumerate(grid.rows):
        if index in layout.header_rows or header_row(grid, index) is not None or len(row) <= last:
            continue
        if not (row[last].own or row[last].carried):
            continue
        for column, text in own_texts(row).items():
            role = layout.role(column)
            if role:
                known.add(role, text)


def read_rows(grid: Grid, layout: Layout, state: State, known: Known, notes: list[Note]) -> list[Event]:
    """The events of the rows of ``grid`` (header rows skipped, a new header switches layout)."""
    events: list[Event] = []
    if state.layout_signature != layout.signature:
        state.last_text_event = None
    state.layout_signature = layout.signature
    current = layout
    for index, row in enumerate(grid.rows):
        texts = own_texts(row)
        origin = Origin(grid.label(), index + 1)
        if not texts or index in current.header_rows or all(_SEPARATOR.match(t) for t in texts.values()):
            continue
        if header_row(grid, index) is not None:
            found = find_layout(grid, index)
            if found is not None and found.signature != current.signature:
                current = found
                state.layout_signature = found.signature
                state.last_text_event = None
            continue
        context = _context_row(texts, current, origin, notes)
        if context is not None:
            events.extend(context)
            _after_context(context, state)
            continue
        events.extend(_entity_row(texts, row, current, origin, state, known, notes))
    return events


# A row of dashes left by a Markdown or text conversion («--- | ------- | --»).
_SEPARATOR = re.compile(r"^[\s\-–—:|=_*]+$")


# ---------------------------------------------------------------- context rows

_LABELS = {
    "obiettivo strategico": "strategico", "obiettivi strategici": "strategico",
    "obiettivo operativo": "operativo", "obiettivi operativi": "operativo",
    "area strategica": "area", "ambito strategico": "area", "area": "area",
    "descrizione": "descrizione",
}
_LEVEL_TEXT = re.compile(
    r"^(?P<label>ob+iettiv[oi]\s+(?:strategic[oi]|operativ[oi])|area\s+strategica|ambito\s+strategico)\s*[:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DESCRIPTION = re.compile(r"^descrizione\s*:?\s+(?P<rest>.+)$", re.IGNORECASE)
_AREA = re.compile(r"^(?:area|ambito)\b(?!\s+(?:strategica|strategico)\s*$)", re.IGNORECASE)
_NUMBERED_AREA = re.compile(r"^(?P<number>\d{1,2})\s*[-–]\s*(?:\d{1,2}\.\s*)?(?P<name>[A-ZÀ-Ú'’][A-ZÀ-Ú'’ ,]+[A-ZÀ-Ú])(?=\s|$)")


def context_text(text: str, origin: Origin, notes: list[Note] | None = None) -> list[Event] | None:
    """The area or objective named by a heading or a lone cell, or None when the text names none.

    An empty list means a bare label («Obiettivo strategico») that names nothing by itself.
    Misspelt level words («OBBIETTIVO») are read as the right ones and, with ``notes``, reported.
    """
    text, typos = v.fix_level_words(text.strip())
    if notes is not None:
        notes.extend(Note("refusi", origin, f"«{written}» letto come «{known}»") for written, known in typos)
    if match := _DESCRIPTION.match(text):
        return [Description(match.group("rest"), origin)]
    if v.plain(text) in _LABELS:
        return []
    if match := _LEVEL_TEXT.match(text):
        level = v.plain(match.group("label"))
        rest = match.group("rest").strip()
        if not rest:
            return []
        code, name = cells.split_code(rest)
        if level.startswith(("area", "ambito")):
            return [AreaStart(name or rest, origin, code=code)]
        return [ObjectiveStart(name or rest, origin, code=code, level="strategico" if "strateg" in level else "operativo")]
    if match := _NUMBERED_AREA.match(text):
        return [AreaStart(match.group("name").strip(), origin, code=f"A{match.group('number')}")]
    code, name = cells.split_code(text)
    if code is not None:
        level = cells.code_level(code)
        if level == "area":
            return [AreaStart(name or text, origin, code=code)]
        if level in ("strategico", "operativo") and name:
            return [ObjectiveStart(name, origin, code=code, level=level)]
    if _AREA.match(text) and len(text.split()) <= 12:
        return [AreaStart(text, origin)]
    return None


def _context_row(texts: dict[int, str], layout: Layout, origin: Origin, notes: list[Note]) -> list[Event] | None:
    """Events for a row naming an area, an objective or a description; None for other rows."""
    values = [texts[c] for c in sorted(texts)]
    if len(values) == 2 and v.plain(values[0]) in _LABELS:
        label = _LABELS[v.plain(values[0])]
        if label == "descrizione":
            return [Description(values[1], origin)]
        return context_text(f"{values[0]} {values[1]}", origin, notes)
    if len(values) != 1:
        return None
    column, text = next(iter(texts.items()))
    if layout.role(column) in VALUE_ROLES:
        return None
    found = context_text(text, origin, notes)
    if found is None and layout.role(column) == v.AREA and cells.read_weight(text) is None:
        return [AreaStart(text, origin)]
    return found


def _after_context(events: list[Event], state: State) -> None:
    for event in events:
        if isinstance(event, ObjectiveStart):
            state.last_objective = event
            state.last_text_event = "objective"
        elif isinstance(event, AreaStart):
            state.last_text_event = None
            state.block = state.block_owner = None


# ---------------------------------------------------------------- entity rows


def _entity_row(texts: dict[int, str], row: list[Cell], layout: Layout, origin: Origin, state: State,
                known: Known, notes: list[Note]) -> list[Event]:
    positional = {c: layout.columns[c] for c in texts if c in layout.columns}
    mapping, shifted = positional, 0
    best = _score(texts, positional, layout, known)
    for candidate, distance in _shifted_readings(texts, row, layout):
        score = _score(texts, candidate, layout, known) - 1  # a reading that moves cells must be clearly better
        if score > best:
            mapping, shifted, best = candidate, distance, score
    unplaced = [c for c in texts if c not in mapping]
    for column in unplaced:
        notes.append(Note("celle", origin, f"colonna {column + 1} senza intestazione, ignorata: «{_short(texts[column])}»"))

    by_role: dict[str, list[tuple[int, str, Header]]] = defaultdict(list)
    for column in sorted(mapping):
        header = mapping[column]
        by_role[header.role].append((column, texts[column], header))

    _relocate_codes(by_role)
    objective_weight, indicator_weight = _relocate_weights(by_role)
    unread_weights = [text for _, text, _ in by_role.pop(v.WEIGHT, []) if not values.is_null(text)]
    for text in unread_weights:
        notes.append(Note("celle", origin, f"peso «{text}» non compreso: lasciato vuoto"))

    if not unread_weights and _is_continuation(by_role, objective_weight, indicator_weight, state):
        _continue(by_role, state, origin, notes)
        return []

    events: list[Event] = []
    number = _first(by_role, v.NUMBER)
    if number is not None:
        state.block, state.block_owner = number, None
    owner = _first(by_role, v.OWNER)
    if owner is not None:
        state.block_owner = owner
    objective_text = _first(by_role, v.OBJECTIVE)
    indicator_text = _first(by_role, v.INDICATOR)
    if objective_text is not None:
        code, name = cells.split_code(objective_text)
        level = cells.code_level(code) if code else None
        objective = ObjectiveStart(
            name or objective_text, origin, code=code, level=level if level in ("strategico", "operativo") else None,
            kind=layout.kind, owner=state.block_owner, weight=objective_weight, block=state.block,
            section=_section(layout),
        )
        events.append(objective)
        state.last_objective = objective
        state.last_text_event = "objective"
    elif objective_weight is not None and state.last_objective is not None and indicator_text is None:
        state.last_objective.weight = objective_weight
    if indicator_text is not None:
        indicator = IndicatorRow(origin, name=indicator_text, weight=indicator_weight)
        _fill(indicator, by_role, row, notes)
        if shifted:
            notes.append(Note("spostate", origin, f"celle spostate di {shifted} colonn{'a' if shifted == 1 else 'e'} a sinistra: rimesse al loro posto"))
        events.append(indicator)
        state.last_indicator = indicator
        state.last_text_event = "indicator"
    elif objective_text is None and by_role.get(v.TARGET):
        notes.append(Note("celle", origin, f"riga con un target ma senza indicatore, ignorata: «{_short(' | '.join(texts.values()))}»"))
    return events


def _section(layout: Layout) -> str | None:
    """The table's title for its objectives («OBIETTIVO DIRIGENZIALE»), naming an area when there is none."""
    column = layout.first(v.OBJECTIVE)
    if column is None or not layout.kind:
        return None
    return layout.columns[column].text


def _first(by_role: dict[str, list[tuple[int, str, Header]]], role: str) -> str | None:
    entries = by_role.get(role)
    return entries[0][1] if entries else None


def _relocate_codes(by_role: dict[str, list[tuple[int, str, Header]]]) -> None:
    """An indicator code in the objective column is the indicator; an objective code alone in
    the indicator column, with no target, is the objective."""
    objectives, indicators = by_role.get(v.OBJECTIVE, []), by_role.get(v.INDICATOR, [])
    if objectives and not indicators:
        column, text, header = objectives[0]
        code, _ = cells.split_code(text)
        if code and cells.code_level(code) == "indicatore":
            by_role[v.INDICATOR] = [(column, text, Header(v.INDICATOR, text=header.text))]
            del by_role[v.OBJECTIVE]
    elif indicators and not objectives and not by_role.get(v.TARGET):
        column, text, header = indicators[0]
        code, _ = cells.split_code(text)
        if code and cells.code_level(code) in ("strategico", "operativo"):
            by_role[v.OBJECTIVE] = [(column, text, Header(v.OBJECTIVE, text=header.text))]
            del by_role[v.INDICATOR]


def _relocate_weights(by_role: dict[str, list[tuple[int, str, Header]]]) -> tuple[str | None, str | None]:
    """(objective weight, indicator weight): a weight column, or a bare percentage written in a text
    column, weighs the objective when an objective text follows it in the row, else the indicator."""
    objective_column = next(
        (column for column, text, _ in by_role.get(v.OBJECTIVE, []) if not cells.is_percent(text)), None
    )
    objective_weight = indicator_weight = None
    for role in (v.AREA, v.OBJECTIVE, v.INDICATOR, v.OWNER, v.WEIGHT):
        kept = []
        for column, text, header in by_role.get(role, []):
            is_weight = cells.read_weight(text) is not None and (role == v.WEIGHT or cells.is_percent(text))
            if not is_weight:
                kept.append((column, text, header))
            elif objective_column is not None and column < objective_column:
                objective_weight = text
            else:
                indicator_weight = text
        if role in by_role:
            by_role[role] = kept
            if not kept:
                del by_role[role]
    return objective_weight, indicator_weight


def _is_continuation(by_role, objective_weight, indicator_weight, state: State) -> bool:
    """The rest of the row above, cut by a page break: values or texts with no name of their own,
    or a name without code and without any value."""
    if state.last_text_event is None or objective_weight or indicator_weight or not by_role:
        return False
    if any(role in by_role for role in (v.NUMBER, v.OWNER, v.AREA, v.WEIGHT)):
        return False
    names = [role for role in (v.INDICATOR, v.OBJECTIVE) if role in by_role]
    if not names:
        return state.last_text_event == "indicator"
    if any(cells.split_code(_first(by_role, role) or "")[0] for role in names):
        return False
    return not any(role in VALUE_ROLES for role in by_role)


_APPEND = {
    v.INDICATOR: "name", v.FORMULA: "formula", v.DESCRIPTION: "description", v.NOTE: "note", v.SOURCE: "source",
    v.MEASURE: "measure", v.BASELINE: "baseline",
}


def _continue(by_role, state: State, origin: Origin, notes: list[Note]) -> None:
    target = state.last_indicator if state.last_text_event == "indicator" else None
    for role, entries in by_role.items():
        for _, text, header in entries:
            if role == v.OBJECTIVE or target is None:
                objective = state.last_objective
                if objective is not None and text not in objective.name:
                    objective.name = f"{objective.name} {text}"
            elif role in (v.TARGET, v.THRESHOLD):
                texts = target.targets if role == v.TARGET else target.thresholds
                texts[header.year] = f"{texts.get(header.year, '')} {text}".strip()
            elif role in _APPEND:
                target.append(_APPEND[role], text)
    if target is not None:
        notes.append(Note("continuazioni", origin, f"riga di continuazione unita all'indicatore di {target.origin}"))
    else:
        notes.append(Note("continuazioni", origin, "riga di continuazione unita all'obiettivo sopra"))


# Labelled paragraphs inside a cell («Soglia: ≥ 5%» under the target, as reports print them).
_OWNER, _THRESHOLD = labels.OWNER.lower(), labels.THRESHOLD.lower()
_ORIGINAL_TARGET, _PROPOSED_TARGET = labels.ORIGINAL_TARGET.lower(), labels.PROPOSED_TARGET.lower()
_CELL_LABELS = (_THRESHOLD, _PROPOSED_TARGET, _ORIGINAL_TARGET, _OWNER, labels.EXPECTED.lower())
_CELL_LABEL = re.compile(rf"^(?P<label>{'|'.join(map(re.escape, _CELL_LABELS))})\s*:\s*(?P<value>.+)$", re.IGNORECASE)


def _paragraphs(row: list[Cell], column: int, text: str) -> tuple[str, dict[str, str], list[str]]:
    """(the cell's first paragraph, its labelled paragraphs by label, its other paragraphs)."""
    parts = row[column].paragraphs if column < len(row) and row[column].paragraphs else (text,)
    labelled: dict[str, str] = {}
    others: list[str] = []
    for part in parts[1:]:
        if match := _CELL_LABEL.match(part):
            labelled[match.group("label").lower()] = match.group("value").strip()
        else:
            others.append(part)
    return parts[0], labelled, others


# Columns copied as they are into the indicator field of the same meaning.
_PLAIN_FIELDS = {v.FORMULA: "formula", v.DESCRIPTION: "description", v.TYPE: "type", v.UNIT: "unit",
                 v.SOURCE: "source", v.NOTE: "note", v.CODE: "code"}


def _fill(indicator: IndicatorRow, by_role: dict[str, list[tuple[int, str, Header]]], row: list[Cell],
          notes: list[Note]) -> None:
    for role, entries in by_role.items():
        for column, text, header in entries:
            first, labelled, others = _paragraphs(row, column, text)
            whole = " ".join([first, *others])
            if role == v.INDICATOR:
                indicator.name = whole
                indicator.owner = labelled.get(_OWNER)
            elif role == v.TARGET:
                target = whole
                if _ORIGINAL_TARGET in labelled:
                    notes.append(Note("target", indicator.origin, f"target in vigore «{whole}», originario "
                                      f"«{labelled[_ORIGINAL_TARGET]}»: nel piano resta l'originario; "
                                      "registrare la revisione con il suo motivo"))
                    target = labelled[_ORIGINAL_TARGET]
                if _PROPOSED_TARGET in labelled:
                    target += f" {_PROPOSED_TARGET}: {labelled[_PROPOSED_TARGET]}"
                indicator.targets[header.year] = target
                if _THRESHOLD in labelled:
                    indicator.thresholds[header.year] = labelled[_THRESHOLD]
            elif role == v.THRESHOLD:
                indicator.thresholds[header.year] = text
            elif role == v.BASELINE:
                indicator.baseline, indicator.baseline_year = text, header.year
            elif role == v.MEASURE:
                indicator.measure, indicator.measure_when = first, header.when
                indicator.measure_note = " ".join(others) or None
            elif role in _PLAIN_FIELDS:
                setattr(indicator, _PLAIN_FIELDS[role], text)


# ---------------------------------------------------------------- shifted rows


def _shifted_readings(texts: dict[int, str], row: list[Cell], layout: Layout) -> list[tuple[dict[int, Header], int]]:
    """Other readings of a row whose cells may sit left of their columns: packed to the right
    when the row ends with empty cells, or moved right by one into an empty cell inside the row
    (a dropped first cell). Each with the distance the cells moved; only readings with an indicator."""
    readings = []
    packed = _packed(texts, row, layout)
    if packed is not None:
        readings.append(packed)
    for gap in sorted(layout.columns):
        if gap in texts or (gap < len(row) and row[gap].carried) or gap == max(layout.columns):
            continue
        places = {c: c + 1 if c < gap else c for c in texts if layout.role(c) != v.NUMBER}
        if all(place == column for column, place in places.items()) or not all(p in layout.columns for p in places.values()):
            continue
        mapping = {column: layout.columns[place] for column, place in places.items()}
        if any(header.role == v.INDICATOR for header in mapping.values()):
            readings.append((mapping, 1))
    return readings


def _packed(texts: dict[int, str], row: list[Cell], layout: Layout) -> tuple[dict[int, Header], int] | None:
    """The row's cells packed to the right over the layout's columns (merged cells keep theirs),
    with the smallest distance a cell moved; None when the row ends with a filled cell."""
    last = max(layout.columns)
    if last < len(row) and (row[last].own or row[last].carried):
        return None
    columns = [c for c in sorted(texts) if layout.role(c) != v.NUMBER]
    if len(columns) < 2:
        return None
    free = [c for c in sorted(layout.columns) if c >= columns[0] and layout.role(c) != v.NUMBER
            and not (c < len(row) and row[c].carried)]
    if len(columns) > len(free):
        return None
    places = dict(zip(columns, free[len(free) - len(columns):]))
    if all(place == column for column, place in places.items()):
        return None
    packed = {column: layout.columns[place] for column, place in places.items()}
    if not any(header.role == v.INDICATOR for header in packed.values()):
        return None
    packed.update({c: layout.columns[c] for c in texts if c not in packed and c in layout.columns})
    return packed, min(place - column for column, place in places.items() if place != column)


_OPERATOR_START = re.compile(r"^\s*(?:[<>≥≤=]|\\geq|\\leq|almeno\b|entro\b|max\b|min\b|SI$|NO$|n\.\s*\d|\d)", re.IGNORECASE)


def _target_like(plain: str) -> float:
    if len(plain) > 160 or cells.split_code(plain)[0]:
        return -2
    if _OPERATOR_START.match(plain):
        return 2
    try:
        kind = parse_target(plain).kind
    except ValueError:
        return 0
    if kind.traits.structured:
        return 2
    return 1 if kind is TargetKind.MILESTONE and len(plain) <= 100 else 0


def _fit(role: str, text: str, known: Known) -> float:
    plain = known.plain(text)
    if role == v.TARGET:
        return _target_like(plain) + (1 if known.has(v.TARGET, text) else 0)
    if role == v.MEASURE:
        return -2 if re.match(r"^\s*[<>≥≤]", plain) else 1
    if role == v.INDICATOR:
        if known.has(v.INDICATOR, text):
            return 2
        if known.has(v.TARGET, text) or _OPERATOR_START.match(plain):
            return -2
        return 1.5 if cells.split_code(plain)[0] else 0.5
    if role == v.OBJECTIVE:
        if cells.read_weight(plain) is not None or known.has(v.INDICATOR, text):
            return -1 if cells.read_weight(plain) is not None else -2
        code = cells.split_code(plain)[0]
        if code and cells.code_level(code) == "indicatore":
            return -2
        return 0
    if role == v.WEIGHT:
        return 2 if cells.read_weight(plain) is not None else -2
    if role == v.OWNER:
        return 1 if plain.upper() == plain else -1
    return 0


def _score(texts: dict[int, str], mapping: dict[int, Header], layout: Layout, known: Known) -> float:
    score = sum(_fit(header.role, texts[column], known) for column, header in mapping.items())
    roles = {header.role for header in mapping.values()}
    if layout.has(v.TARGET) and v.TARGET not in roles:
        score -= 2
    if layout.has(v.MEASURE) and v.MEASURE not in roles:
        score -= 1
    return score


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
