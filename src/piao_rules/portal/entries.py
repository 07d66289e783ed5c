"""What an office fills in: the indicators of each office, the measure form, progress of the round.

A measure is stored as the form fields the person typed (Italian text, the same as a
row of the measures file), and read back through :class:`piao_rules.io.model.Measure`,
so the portal accepts exactly what the files accept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from piao_rules.collect.layout import TemplateRow, template_rows
from piao_rules.errors import InputError
from piao_rules.io.columns import inputs
from piao_rules.io.model import Measure, MeasureSet, Plan
from piao_rules.io.places import PathPlaces
from piao_rules.io.validation import translate

# (form field, label, help) in the order of the form, from the measure's column metadata;
# the components of a compound target come after «valore».
FIELDS = tuple((entry.name, entry.column.header, entry.form_help) for entry in inputs(Measure))
JUDGEMENTS = ("raggiunto", "in_linea", "a_rischio", "non_raggiunto")
COMPONENT = "componente:"


@dataclass(frozen=True)
class Item:
    """An indicator to measure: its rows (one per component), office and area."""

    code: str
    office: str
    area: str
    area_name: str
    rows: tuple[TemplateRow, ...]

    @property
    def first(self) -> TemplateRow:
        return self.rows[0]

    @property
    def components(self) -> list[str]:
        return [r.component for r in self.rows if r.component]


def items(plan: Plan) -> dict[str, Item]:
    """The indicators to measure, by code, in plan order (computed indicators left out)."""
    areas = {objective.code: area for area, objective in plan.objectives()}
    found: dict[str, Item] = {}
    for office, rows in template_rows(plan).items():
        for row in rows:
            area = areas[row.objective.code]
            item = found.get(row.code)
            found[row.code] = Item(row.code, office, area.code, area.name, (item.rows if item else ()) + (row,))
    order = [i.code for _, _, i in plan.indicators()]
    return {code: found[code] for code in order if code in found}


def form_data(form: Any, item: Item) -> dict[str, Any]:
    """The measure as typed in the form: non-empty fields only, components grouped."""
    data: dict[str, Any] = {"codice": item.code}
    for name, _, _ in FIELDS:
        text = (form.get(name) or "").strip()
        if text:
            data[name] = text
    components = {c: (form.get(COMPONENT + c) or "").strip() for c in item.components}
    if any(components.values()):
        data["componenti"] = {c: v for c, v in components.items() if v}
    return data


def measure(data: dict[str, Any]) -> Measure:
    """The measure of stored or typed form data; InputError (Italian, naming the field) when it is not valid."""
    try:
        return Measure.model_validate(data)
    except ValidationError as error:
        raise InputError(translate(error, Measure, data, PathPlaces("modulo", data))) from None


def measure_set(as_of: date, entries: dict[str, dict[str, Any]]) -> MeasureSet:
    """The measures of a round from the latest form data of each indicator."""
    return MeasureSet(as_of=as_of, measures=[measure(data) for data in entries.values()])


def form_values(found: Measure) -> dict[str, Any]:
    """A measure read from a file written back as form fields (Italian numbers and dates)."""
    data: dict[str, Any] = {"codice": found.code}
    dumped = found.model_dump(by_alias=True)
    for name, _, _ in FIELDS:
        value = dumped.get(name)
        if value is None or value == "":
            continue
        data[name] = _text(value, found.percent and name == "valore")
    if found.components:
        data["componenti"] = {label: _text(v) for label, v in found.components.items()}
    return data


def _text(value: Any, percent: bool = False) -> str:
    if isinstance(value, bool):
        return "SI" if value else "NO"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f").replace(".", ",")
        return f"{text}%" if percent else text
    if hasattr(value, "value"):  # an enum (giudizio)
        return str(value.value)
    return str(value)


@dataclass(frozen=True)
class Progress:
    """How many indicators of a group have a measure in the round."""

    name: str
    entered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.entered / self.total) if self.total else 0


def progress(found: dict[str, Item], entered: set[str], key: str) -> list[Progress]:
    """Progress by ``key`` («office» or «area»), in the order the groups first appear."""
    groups: dict[str, list[str]] = {}
    for item in found.values():
        name = item.office if key == "office" else f"{item.area} {item.area_name}"
        groups.setdefault(name, []).append(item.code)
    return [Progress(name, sum(1 for c in codes if c in entered), len(codes)) for name, codes in groups.items()]
