"""Build the plan and the measures from the events the readers found.

Areas and objectives open as the events say; an objective read twice (the tree and
its detail card) or an indicator read twice under the same objective is kept once
and every difference is reported. Then each indicator's cells are taken apart (code,
SOGLIA, «(Tipologia: …)», «(Fonte …)», a «proposta di aggiornamento»), codes are kept
when the document has them and are unique, or made from the position in the tree,
and the measure cells are read against the targets.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from piao_rules import values
from piao_rules.errors import InputError, Problem
from piao_rules.importing import cells, fields, measure_cells
from piao_rules.importing import vocabulary as v
from piao_rules.importing.records import (
    AreaStart,
    Description,
    Details,
    Event,
    Holder,
    IndicatorRow,
    ObjectiveStart,
    Origin,
    Owner,
)
from piao_rules.importing.report import Report
from piao_rules.io.model import MeasureSet, ObjectiveKind, Plan
from piao_rules.io.places import PathPlaces
from piao_rules.io.validation import validate
from piao_rules.targets import TargetError, parse_target

_SECTION_AREAS = {
    "dirigenziale": "Obiettivi dirigenziali", "operativo": "Obiettivi operativi", "strategico": "Obiettivi strategici",
    "individuale": "Obiettivi individuali", "trasversale": "Obiettivi trasversali",
}
INDIVIDUAL_AREA = "Obiettivi individuali"
_KIND_MARK = re.compile(r"\(\s*obiettivo\s+(?P<kind>di\s+struttura|trasversale|individuale|dirigenziale)\s*\)", re.IGNORECASE)
_KIND_OWNER = re.compile(r"^obiettivo\s+(?P<kind>di\s+struttura|trasversale)$", re.IGNORECASE)


@dataclass
class Options:
    """What the user may tell when the document does not say it."""

    year: int | None = None
    as_of: date | None = None
    ente: str | None = None


@dataclass
class _Indicator:
    row: IndicatorRow
    order: int  # position in the document
    code: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    proposals: dict[int | None, str] = field(default_factory=dict)


@dataclass
class _Objective:
    event: ObjectiveStart
    kind: str | None
    owner: str | None
    code: str | None = None
    children: list[_Objective] = field(default_factory=list)
    indicators: list[_Indicator] = field(default_factory=list)

    def walk(self) -> Iterator[_Objective]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class _Area:
    name: str
    origin: Origin
    code: str | None = None
    weight: str | None = None
    section: str | None = None
    objectives: list[_Objective] = field(default_factory=list)

    def walk(self) -> Iterator[_Objective]:
        for objective in self.objectives:
            yield from objective.walk()


@dataclass
class Built:
    plan: Plan
    measures: MeasureSet | None
    origins: dict[str, Origin]  # indicator code → where it was read
    objective_origins: dict[str, Origin] = field(default_factory=dict)  # objective code → where it was read
    area_origins: dict[str, Origin] = field(default_factory=dict)


class Builder:
    def __init__(self, report: Report, options: Options):
        self.report = report
        self.options = options
        self.areas: list[_Area] = []
        self.area: _Area | None = None
        self.strategic: _Objective | None = None
        self.objective: _Objective | None = None
        self.holder: str | None = None
        self.read = 0
        self.owners: set[str] = set()  # owners already checked for misspelt office words
        self.coded: dict[str, _Objective] = {}  # code → the objective read with it (codes are not read twice)

    # ------------------------------------------------------------ events

    def feed(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, AreaStart):
                self._area(event)
            elif isinstance(event, Holder):
                self._holder(event)
            elif isinstance(event, ObjectiveStart):
                self._objective(event)
            elif isinstance(event, Description):
                if self.objective is not None:
                    self.objective.event.description = cells.tidy(event.text)
            elif isinstance(event, Details):
                self._details(event)
            elif isinstance(event, Owner):
                if self.objective is not None and not self.objective.owner:
                    self.objective.owner = cells.tidy(event.name)
            elif isinstance(event, IndicatorRow):
                self._indicator(event)

    def _area(self, event: AreaStart) -> None:
        name = cells.tidy(event.name)
        found = next((a for a in self.areas if (event.code and a.code == event.code) or _same(a.name, name)), None)
        if found is None:
            found = _Area(name, event.origin, code=event.code, weight=event.weight)
            self.areas.append(found)
        elif event.weight and not found.weight:
            found.weight = event.weight
        if found is self.area and self.objective is not None and event.origin.block.startswith("paragrafo"):
            return  # a detail page restating the area of the objective it describes
        self.area, self.strategic, self.objective, self.holder = found, None, None, None

    def _details(self, event: Details) -> None:
        """Owner, type, weight and parent of the current objective, as printed under its heading."""
        objective = self.objective
        if objective is None:
            return
        if event.owner:
            objective.owner = cells.tidy(event.owner)
        if event.kind:
            kind = "_".join(v.plain(event.kind).split())
            if kind in {k.value for k in ObjectiveKind}:
                objective.kind = kind
            else:
                self.report.add("celle", event.origin, f"tipo di obiettivo «{event.kind}» sconosciuto: lasciato vuoto")
        if event.weight:
            objective.event.weight = event.weight
        if event.parent:
            self._move_under(objective, event.parent, event.origin)

    def _move_under(self, objective: _Objective, parent_code: str, origin: Origin) -> None:
        parent = next((o for area in self.areas for o in area.walk() if o.code == parent_code), None)
        if parent is None or parent is objective:
            self.report.add("celle", origin, f"obiettivo padre «{parent_code}» non trovato: {objective.code} resta dov'è")
            return
        subtree = list(objective.walk())
        for area in self.areas:
            for holder in [area.objectives, *(o.children for o in area.walk())]:
                if objective in holder:
                    holder.remove(objective)
        parent.children.append(objective)
        if parent in subtree:  # moved under its own descendant: the branch is no longer in the plan
            for lost in subtree:
                if lost.code is not None and self.coded.get(lost.code) is lost:
                    del self.coded[lost.code]

    def _holder(self, event: Holder) -> None:
        if self.area is None or not _same(self.area.name, INDIVIDUAL_AREA):
            self._area(AreaStart(INDIVIDUAL_AREA, event.origin))
        self.holder = cells.tidy(event.name)
        self.strategic = self.objective = None

    def _area_for(self, event: ObjectiveStart) -> _Area:
        """The current area; without one, the area of the table's section («Obiettivi dirigenziali»)."""
        section = _SECTION_AREAS.get(event.kind or "") if event.section else None
        if self.area is not None and (self.area.section is None or section is None or self.area.section == section):
            return self.area
        section = section or "Obiettivi"
        found = next((a for a in self.areas if a.section == section), None)
        if found is None:
            found = _Area(section, event.origin, section=section)
            self.areas.append(found)
            self.report.add("codici", event.origin, f"il documento non indica l'area: creata l'area «{section}»")
        self.area, self.strategic = found, None
        return found

    def _objective(self, event: ObjectiveStart) -> None:
        event.name = cells.tidy(event.name)
        if self._restates_parent(event):
            return
        found = self._find_objective(event)
        if found is not None:
            self._reuse(found, event)
            return
        area = self._area_for(event)
        kind, owner = event.kind, cells.tidy(event.owner) if event.owner else None
        if match := _KIND_MARK.search(event.name):
            kind = match.group("kind").lower().replace(" ", "_")
            event.name = " ".join((event.name[: match.start()] + event.name[match.end():]).split())
        if owner and (match := _KIND_OWNER.match(owner)):
            kind = match.group("kind").lower().replace(" ", "_")
        if self.holder is not None:
            kind, owner = "individuale", self.holder
        elif event.level and not kind:
            kind = event.level
        if owner and owner not in self.owners:
            self.owners.add(owner)
            for written, known in v.office_typos(owner):
                detail = f"«{written}» forse" if written != owner else "forse"
                self.report.add("refusi", event.origin, f"responsabile «{owner}»: {detail} «{known}» (lasciato com'è)")
        parent = self.strategic if event.level == "operativo" and self.strategic is not None else None
        self.objective = _Objective(event, kind, owner, code=event.code)
        if event.code:
            self.coded[event.code] = self.objective
        (parent.children if parent is not None else area.objectives).append(self.objective)
        if event.level == "strategico":
            self.strategic = self.objective

    def _restates_parent(self, event: ObjectiveStart) -> bool:
        """A detail page names, after its objective, the strategic objective above it: not a new subject."""
        if event.level != "strategico" or self.objective is None or self.strategic is None:
            return False
        return self.objective is not self.strategic and self.objective in self.strategic.children \
            and _same_objective(self.strategic, event, self.strategic.owner) and event.origin.block.startswith("paragrafo")

    def _find_objective(self, event: ObjectiveStart) -> _Objective | None:
        """The same objective read before: same code anywhere in the plan, else same name (and block
        and owner) in the current area, else the only objective with that name."""
        if event.code:
            return self.coded.get(event.code)
        owner = event.owner and cells.tidy(event.owner)
        if self.area is not None:
            found = next((o for o in self.area.walk() if _same_objective(o, event, owner)), None)
            if found is not None:
                return found
        named = [o for area in self.areas for o in area.walk() if not o.code and _same(o.event.name, event.name)]
        return named[0] if len(named) == 1 and event.block is None and event.section is None else None

    def _reuse(self, found: _Objective, event: ObjectiveStart) -> None:
        """The objective again: the same objective repeated on the rows of one table is not worth a note."""
        if found is not self.objective and found.event.origin.block != event.origin.block:
            self.report.add("duplicati", event.origin, f"obiettivo già letto ({found.event.origin}): uniti")
        if event.weight and not found.event.weight:
            found.event.weight = event.weight
        if event.description and not found.event.description:
            found.event.description = event.description
        for area in self.areas:
            for top in area.objectives:
                if found in list(top.walk()):
                    self.area = area
                    self.strategic = top if top.event.level == "strategico" else self.strategic
        self.objective = found

    def _indicator(self, row: IndicatorRow) -> None:
        if self.objective is None:
            name = f"Indicatori ({row.origin.block})"
            self._objective(ObjectiveStart(name, row.origin))
            self.report.add("codici", row.origin, f"indicatori senza obiettivo: raccolti nell'obiettivo «{name}»")
        assert self.objective is not None
        code = row.code
        name = row.name
        if code is None:
            code, name = cells.split_code(name)
        for existing in self.objective.indicators:
            if (code and existing.code == code) or (not code and not existing.code and _similar(existing.row.name, name)):
                self._merge(existing, row)
                return
        self.read += 1
        self.objective.indicators.append(_Indicator(row, self.read, code))

    def _merge(self, existing: _Indicator, row: IndicatorRow) -> None:
        differences = []
        for item in dataclass_fields(IndicatorRow):
            if item.name == "origin":
                continue
            old, new = getattr(existing.row, item.name), getattr(row, item.name)
            if not new:
                continue
            if not old:
                setattr(existing.row, item.name, new)
            elif isinstance(old, dict):
                for year, text in new.items():
                    if year not in old:
                        old[year] = text
                    elif cells.clean(old[year]) != cells.clean(text):
                        differences.append(f"{_FIELD_NAMES[item.name]} «{old[year]}» e «{text}»")
            elif not _same_text(item.name, old, new):
                differences.append(f"{_FIELD_NAMES[item.name]} «{old}» e «{new}»")
        detail = f"; valori diversi, tenuti i primi: {'; '.join(differences)}" if differences else ""
        self.report.add("duplicati", row.origin, f"indicatore già letto ({existing.row.origin}): uniti{detail}")

    # ------------------------------------------------------------ the plan

    def build(self, ente: str | None, year: int | None, as_of: date | None, title: str | None = None) -> Built:
        ente = self.options.ente or ente
        year = self.options.year or year or self._year_from_targets() or (as_of.year if as_of else None)
        if not any(o.indicators for a in self.areas for o in a.walk()):
            raise InputError.single(self.report.source, "nessun indicatore trovato nel documento: " + _why(self.report))
        problems = []
        if year is None:
            problems.append("manca l'anno del piano: indicarlo con --anno (es. --anno 2023)")
        if not ente:
            problems.append("il documento non nomina l'ente: indicarlo con --ente (es. --ente \"Camera di commercio di Cuneo\")")
        if problems:
            raise InputError([Problem(file=self.report.source, message=problem) for problem in problems])
        assert year is not None and ente is not None
        for _, _, indicator in self._indicators():
            indicator.data, indicator.proposals = fields.indicator_data(indicator.row, indicator.code, self.report)
        self._codes()
        self._computed()
        self._links()
        data = {
            "ente": {"nome": ente},
            "anno": year,
            "aree": [self._area_data(area) for area in self.areas if any(True for _ in area.walk())],
        }
        periods = sorted({y for _, _, i in self._indicators() for y in (i.data.get("target") or {}) if isinstance(i.data.get("target"), dict)})
        if len(periods) > 1:
            data["periodo"] = f"{periods[0]}-{periods[-1]}"
        if title:
            data["titolo"] = title
        plan = validate(Plan, data, PathPlaces(self.report.source, data))
        measures = self._measures(plan, year, as_of)
        self._count(plan, measures, year)
        return Built(
            plan, measures,
            origins={_code(i): i.row.origin for _, _, i in self._indicators()},
            objective_origins={_code(o): o.event.origin for area in self.areas for o in area.walk()},
            area_origins={_code(area): area.origin for area in self.areas},
        )

    def _indicators(self) -> Iterator[tuple[_Area, _Objective, _Indicator]]:
        for area in self.areas:
            for objective in area.walk():
                for indicator in objective.indicators:
                    yield area, objective, indicator

    def _year_from_targets(self) -> int | None:
        years = []
        for _, _, indicator in self._indicators():
            for key, text in indicator.row.targets.items():
                if key is not None:
                    years.append(key)
                elif by_year := cells.split_years(text):
                    years.extend(by_year)
        return min(years) if years else None

    def _codes(self) -> None:
        """Keep the document's codes when unique; make the missing ones from the tree position."""
        used_areas: set[str] = set()
        for area in self.areas:
            area.code = _unique(area.code, used_areas, "A", self.report, area.origin, "un'altra area")
        used_objectives: set[str] = set()
        counters: Counter = Counter()
        blocks: dict[tuple[int, str], list[_Objective]] = {}
        for area_index, area in enumerate(self.areas):
            for objective in area.walk():
                if objective.event.block and not objective.code:
                    blocks.setdefault((area_index, objective.event.block), []).append(objective)
        for area_index, area in enumerate(self.areas):
            for objective in area.walk():
                wanted = objective.code
                if wanted is None and objective.event.block:
                    group = blocks[(area_index, objective.event.block)]
                    block = objective.event.block.zfill(2)
                    wanted = f"O{block}" if len(group) == 1 else f"O{block}.{group.index(objective) + 1}"
                if wanted is None:
                    prefix = {"strategico": "OS", "operativo": "OP"}.get(objective.event.level or "", "O")
                    while True:
                        counters[prefix] += 1
                        wanted = f"{prefix}{counters[prefix]:02d}"
                        if wanted not in used_objectives:
                            break
                objective.code = _unique(wanted, used_objectives, "O", self.report, objective.event.origin, "un altro obiettivo")
        used: dict[str, Origin] = {}
        for _, objective, indicator in self._indicators():
            if indicator.code:
                if indicator.code in used:
                    renamed = _suffix(indicator.code, used)
                    self.report.add("codici", indicator.row.origin,
                                    f"codice «{indicator.code}» già usato da un altro indicatore ({used[indicator.code]}): rinominato «{renamed}»")
                    indicator.code = renamed
                used[indicator.code] = indicator.row.origin
        generated = 0
        for _, objective, indicator in self._indicators():
            if indicator.code is None:
                position = objective.indicators.index(indicator) + 1
                code = f"{objective.code}-{position}"
                indicator.code = code if code not in used else _suffix(code, used)
                used[indicator.code] = indicator.row.origin
                generated += 1
        if generated:
            self.report.add("codici", "", f"{generated} indicatori senza codice nel documento: codici creati dalla posizione (obiettivo-numero)")

    def _computed(self) -> None:
        for _, objective, indicator in self._indicators():
            if indicator.data.get("calcolato") and not objective.children:
                del indicator.data["calcolato"]
                self.report.add("celle", indicator.row.origin, "«valore medio degli obiettivi operativi» in un obiettivo senza obiettivi figli: non calcolato")

    def _links(self) -> None:
        """The same indicator (name and target) under another objective points to its first occurrence."""
        first: dict[tuple[str, str], tuple[str, _Objective]] = {}
        for _, objective, indicator in sorted(self._indicators(), key=lambda item: item[2].order):
            key = (_key(indicator.data["nome"]), _key(str(indicator.data.get("target", ""))))
            if indicator.data.get("calcolato"):
                continue
            if key in first and first[key][1] is not objective:
                indicator.data["collegato_a"] = first[key][0]
                self.report.add("duplicati", indicator.row.origin, f"indicatore ripetuto: «{indicator.code}» collegato a «{first[key][0]}»")
            else:
                first.setdefault(key, (_code(indicator), objective))

    def _area_data(self, area: _Area) -> dict[str, Any]:
        data: dict[str, Any] = {"codice": area.code, "nome": area.name}
        if area.weight and cells.read_weight(area.weight) is not None:
            data["peso"] = cells.read_weight(area.weight)
        data["obiettivi"] = [self._objective_data(o) for o in area.objectives]
        return data

    def _objective_data(self, objective: _Objective) -> dict[str, Any]:
        event = objective.event
        data: dict[str, Any] = {"codice": objective.code, "nome": event.name or objective.code}
        if objective.kind in {k.value for k in ObjectiveKind}:
            data["tipo"] = objective.kind
        if event.description:
            data["descrizione"] = event.description
        if objective.owner:
            data["responsabile"] = objective.owner
        if event.weight:
            weight = cells.read_weight(event.weight)
            if weight is None:
                self.report.add("celle", event.origin, f"peso dell'obiettivo «{event.weight}» non compreso: lasciato vuoto")
            else:
                data["peso"] = weight
        if objective.children:
            data["obiettivi"] = [self._objective_data(child) for child in objective.children]
        if objective.indicators:
            data["indicatori"] = [{"codice": i.code, **i.data} for i in objective.indicators]
        return data

    # ------------------------------------------------------------ measures

    def _measures(self, plan: Plan, year: int, as_of: date | None) -> MeasureSet | None:
        measures = []
        by_code = {indicator.code: indicator for _, _, indicator in plan.indicators()}
        for _, _, item in self._indicators():
            row, planned = item.row, by_code[_code(item)]
            target = self._target(planned.target_for(year), year)
            proposal = item.proposals.get(year) or item.proposals.get(None)
            reading = measure_cells.read_measure(row.measure, target) if row.measure else None
            if row.measure_note:
                reading = reading or measure_cells.Reading()
                reading.note = f"{reading.note} {row.measure_note}" if reading.note else cells.tidy(row.measure_note)
            if reading is None and proposal is None:
                continue
            measure: dict[str, Any] = {"codice": item.code}
            if reading is not None:
                if reading.value is not None:
                    measure["valore"] = reading.value
                if reading.progress is not None:
                    measure["avanzamento"] = reading.progress
                if reading.completed_on is not None:
                    measure["completato_il"] = reading.completed_on
                if reading.judgement is not None:
                    measure["giudizio"] = reading.judgement
                if reading.components:
                    measure["componenti"] = reading.components
                if reading.note:
                    measure["nota"] = reading.note
                if reading.suggested and row.measure:  # suggested: read from the measure's prose
                    self.report.add("misure", row.origin, f"{item.code}: {reading.suggested}: «{_short(row.measure)}»")
                for written, label in reading.relabelled:
                    self.report.add("misure", row.origin, f"{item.code}: «{written}» letto come la componente «{label}» del target")
            if proposal:
                measure["proposta_target"] = proposal
                self.report.add("misure", row.origin, f"{item.code}: proposta di aggiornamento del target «{proposal}» riportata nelle misure")
            measures.append(measure)
        if not measures:
            return None
        if as_of is None:
            self.report.add("misure", "", "le misure non hanno una data: indicarla con --al (es. --al 30/06/2023); misure non scritte")
            return None
        data = {"data": as_of, "misure": measures}
        return validate(MeasureSet, data, PathPlaces(self.report.source, data))

    @staticmethod
    def _target(text: str | None, year: int):
        """The target read, or None (an impossible date is an error the checks of verifica report)."""
        if not text:
            return None
        try:
            return parse_target(text, year)
        except TargetError:
            return None

    def _count(self, plan: Plan, measures: MeasureSet | None, year: int) -> None:
        report = self.report
        report.areas = len(plan.areas)
        report.objectives = sum(1 for _ in plan.objectives())
        report.indicators = sum(1 for _ in plan.indicators())
        report.measures = len(measures.measures) if measures else 0
        origins = {i.code: i.row.origin for _, _, i in self._indicators()}
        for _, _, indicator in plan.indicators():
            origin = origins[indicator.code]
            report.by_block[origin.block] += 1
            if indicator.threshold is not None:
                report.thresholds += 1
            if indicator.weight is not None:
                report.weights += 1
            text = indicator.target_for(year)
            if text is None:
                report.add("target", origin, f"{indicator.code}: nessun target per il {year}")
                continue
            target = self._target(text, year)
            if target is not None:
                report.target_kinds[target.kind.value] += 1


# The Italian name of every IndicatorRow field, for the messages on duplicates.
_FIELD_NAMES = {
    "name": "nome", "code": "codice", "weight": "peso", "measure": "misura", "formula": "algoritmo",
    "baseline": "baseline", "baseline_year": "anno della baseline", "owner": "responsabile", "targets": "target",
    "thresholds": "soglia", "description": "descrizione", "source": "fonte", "measure_note": "nota della misura",
    "measure_when": "data della misura", "type": "tipologia", "unit": "unità", "note": "nota",
}


def _key(text: str) -> str:
    return " ".join(cells.tidy(text).lower().rstrip(" .").split())


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def _similar(a: str, b: str) -> bool:
    """The same name up to a typo («stanziati» and «stanziate»)."""
    return _same(a, b) or difflib.SequenceMatcher(None, _key(a), _key(b)).ratio() >= 0.95


def _same_text(field_name: str, old: object, new: object) -> bool:
    if field_name == "weight":
        return cells.read_weight(str(old)) == cells.read_weight(str(new))
    if field_name == "measure":
        try:
            return values.parse_number(str(old)) == values.parse_number(str(new))
        except ValueError:
            pass
    return cells.tidy(str(old)) == cells.tidy(str(new))


def _same_objective(objective: _Objective, event: ObjectiveStart, owner: str | None) -> bool:
    if event.code or objective.code:
        return objective.code == event.code
    return (_same(objective.event.name, event.name) and objective.event.block == event.block
            and (objective.owner or None) == (owner or None))


def _code(holder: _Area | _Objective | _Indicator) -> str:
    """The code of an area, objective or indicator once ``Builder._codes`` has given every one a code."""
    assert holder.code is not None
    return holder.code


def _unique(code: str | None, used: set[str], prefix: str, report: Report, origin: Origin, what: str) -> str:
    if code is None:
        number = len(used) + 1
        while f"{prefix}{number}" in used:
            number += 1
        code = f"{prefix}{number}"
    elif code in used:
        renamed = _suffix(code, used)
        report.add("codici", origin, f"codice «{code}» già usato da {what}: rinominato «{renamed}»")
        code = renamed
    used.add(code)
    return code


def _suffix(code: str, used) -> str:
    number = 2
    while f"{code}-{number}" in used:
        number += 1
    return f"{code}-{number}"


def _why(report: Report) -> str:
    reasons = [f"{note.origin}: {note.message}" for note in report.of("tabelle")]
    return "; ".join(reasons) if reasons else "nessuna tabella con le colonne Indicatore e Target"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"

