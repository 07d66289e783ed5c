"""The layout of a collection workbook: columns, rows, metadata, fingerprints, file names.

Shared by the writer (:mod:`.template`) and the reader (:mod:`.gather`), so that
what one writes the other finds. Everything an office reads is Italian.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from piao_rules.io.columns import inputs
from piao_rules.io.model import Indicator, Measure, Objective, Plan
from piao_rules.targets.formula import read_formula
from piao_rules.targets.model import TargetKind
from piao_rules.targets.parser import TargetError, parse_target

FORMAT = "piao-rules modello-misure 1"
SHEET = "Misure"
GUIDE_SHEET = "Istruzioni"
META_SHEET = "Dati del modello"
TITLE_ROW, LEGEND_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
ALL_OFFICES = "tutti gli uffici"
NO_OWNER = "non indicato"

# kinds of input cells
TEXT, NUMBER, PROGRESS, YES_NO, DATE, JUDGEMENT = "testo", "numero", "avanzamento", "si_no", "data", "giudizio"
JUDGEMENTS = ("raggiunto", "in linea", "a rischio", "non raggiunto")


@dataclass(frozen=True)
class Column:
    key: str  # field name used in code
    header: str  # what the office reads
    width: int
    kind: str | None = None  # None: read-only; else the kind of input
    help: str = ""


# The kind of input of the measure's value fields; its other fields are text.
_KINDS = {"value": NUMBER, "progress": PROGRESS, "completed_on": DATE, "judgement": JUDGEMENT, "reference": NUMBER, "total": NUMBER}
_YES_NO = Column("si_no", "SI/NO", 8, YES_NO, "Per i target SI: SI se realizzato, NO se non ancora.")


def _inputs() -> list[Column]:
    """The input columns: the measure's fields as the model describes them, with SI/NO after Avanzamento."""
    found = []
    for entry in inputs(Measure):
        found.append(Column(entry.name, entry.column.header, entry.column.width, _KINDS.get(entry.attribute, TEXT), entry.column.help))
        if entry.attribute == "progress":
            found.append(_YES_NO)
    return found


COLUMNS = (
    Column("codice", "Codice", 11),
    Column("componente", "Componente", 13),
    Column("obiettivo", "Obiettivo", 36),
    Column("indicatore", "Indicatore", 44),
    Column("target", "Target", 26),
    Column("soglia", "Soglia", 12),
    Column("unita", "Unità", 8),
    Column("precedente", "Valore precedente", 18),
    *_inputs(),
)
INPUTS = tuple(c for c in COLUMNS if c.kind)
ADDED_LATER = ("totale",)  # input columns a workbook written by an earlier version may lack
BY_KEY = {c.key: c for c in COLUMNS}


def header_key(text: object) -> str:
    """A header as the reader compares it: lower case, no accents, single spaces."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("'", " ").split())


HEADERS = {header_key(c.header): c for c in COLUMNS}


@dataclass(frozen=True)
class TemplateRow:
    """One row to fill: an indicator, or one component of a compound target."""

    code: str
    component: str | None
    objective: Objective
    indicator: Indicator
    target: str
    original_target: str | None
    threshold: str | None

    @property
    def key(self) -> str:
        return row_key(self.code, self.component)


def row_key(code: str, component: str | None) -> str:
    return f"{code} | {component}" if component else code


def owner_of(indicator: Indicator, objective: Objective) -> str:
    return indicator.owner or objective.owner or NO_OWNER


def template_rows(plan: Plan) -> dict[str, list[TemplateRow]]:
    """The rows to fill, by responsible office (indicator owner, else objective owner), in plan order.

    Computed indicators are left out; a compound target gets one row per component. An indicator
    whose algorithm is a formula of measured quantities («N. pratiche evase / N. pratiche ricevute»)
    gets its row (for the value) and one row per quantity (the value is then computed).
    """
    offices: dict[str, list[TemplateRow]] = {}
    for _, objective, indicator in plan.indicators():
        if indicator.computed:
            continue
        target = indicator.target_for(plan.year) or ""
        original = indicator.planned_target_for(plan.year) if indicator.revisions else None
        labels: list[str | None] = [None]
        try:
            reading = parse_target(target, plan.year)
            if reading.kind is TargetKind.COMPOUND and reading.components:
                labels = [c.label for c in reading.components]
        except TargetError:
            pass
        formula = read_formula(indicator.formula)
        if labels == [None] and formula is not None:
            labels = [None, *dict.fromkeys(formula.operands)]
        rows = offices.setdefault(owner_of(indicator, objective), [])
        for label in labels:
            rows.append(TemplateRow(indicator.code, label, objective, indicator, target, original, indicator.threshold_for(plan.year)))
    return offices


def plan_fingerprint(plan: Plan) -> str:
    """Changes when an indicator is added, removed, or gets another target or soglia."""
    items = [
        [indicator.code, indicator.target_for(plan.year), indicator.threshold_for(plan.year)]
        for _, _, indicator in plan.indicators() if not indicator.computed
    ]
    return _digest([plan.year, items])


def rows_fingerprint(keys: list[str]) -> str:
    return _digest(keys)


def _digest(data: object) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:16]


def file_name(office: str, taken: set[str]) -> str:
    """A safe, unique file name for an office: «RAGIONERIA E PARTECIPAZIONI» → ufficio-ragioneria-e-partecipazioni.xlsx."""
    plain = unicodedata.normalize("NFKD", office).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "senza-nome"
    base = "tutti-gli-uffici" if office == ALL_OFFICES else f"ufficio-{slug}"
    name, n = f"{base}.xlsx", 2
    while name in taken:
        name, n = f"{base}-{n}.xlsx", n + 1
    taken.add(name)
    return name


@dataclass
class Metadata:
    """What the metadata sheet records about the workbook."""

    ente: str
    title: str
    year: int
    revision: int
    as_of: date
    office: str
    plan_fingerprint: str
    rows_fingerprint: str
    created: str
    rows: list[tuple[str, str]]  # (row key, target written in the row)


META_LABELS = {
    "format": "modello",
    "ente": "ente",
    "title": "titolo del piano",
    "year": "anno",
    "revision": "revisione del piano",
    "as_of": "data del monitoraggio",
    "office": "ufficio",
    "plan_fingerprint": "impronta del piano",
    "rows_fingerprint": "impronta delle righe",
    "created": "creato il",
}
ROWS_LABEL = "righe del modello (codice | componente, target)"
