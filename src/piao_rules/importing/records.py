"""What the readers of tables and headings find, in document order, before the plan is built.

Readers emit events: an area starts, an objective starts, an indicator row was read.
Texts are kept as written (the builder takes codes, soglie and types out of them),
each with the place it came from, so that the report and the plan comments can
name «tabella 3, riga 7».
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """Where something was read: «tabella 3, riga 7», «foglio Indicatori, riga 12», «titolo "AREA 1 - …"»."""

    block: str
    row: int | None = None

    def __str__(self) -> str:
        return f"{self.block}, riga {self.row}" if self.row is not None else self.block


@dataclass
class AreaStart:
    name: str
    origin: Origin
    code: str | None = None
    weight: str | None = None


@dataclass
class ObjectiveStart:
    name: str
    origin: Origin
    code: str | None = None
    level: str | None = None  # «strategico» (top of an area), «operativo» (under the strategic one) or None
    kind: str | None = None  # an ObjectiveKind value
    owner: str | None = None
    weight: str | None = None
    description: str | None = None
    block: str | None = None  # the «N.» of the table: objectives of one block share it
    section: str | None = None  # the table's own heading («OBIETTIVO DIRIGENZIALE»): one area per section


@dataclass
class Description:
    """«Descrizione …» under an objective heading."""

    text: str
    origin: Origin


@dataclass
class Details:
    """«Responsabile: … · Tipo: dirigenziale · Peso: 40 · Collegato all'obiettivo OS1» under an objective heading."""

    origin: Origin
    owner: str | None = None
    kind: str | None = None
    weight: str | None = None
    parent: str | None = None


@dataclass
class Owner:
    """«Responsabili: …» under an objective heading: who answers for that objective."""

    name: str
    origin: Origin


@dataclass
class Holder:
    """«Obiettivi individuali - Segretario Generale»: who holds the objectives that follow."""

    name: str
    origin: Origin


@dataclass
class IndicatorRow:
    """One indicator as read from a row (or a card): texts by field, as written."""

    origin: Origin
    name: str = ""
    code: str | None = None
    description: str | None = None
    formula: str | None = None
    baseline: str | None = None
    baseline_year: int | None = None
    targets: dict[int | None, str] = field(default_factory=dict)  # year (None: not stated) → text
    thresholds: dict[int | None, str] = field(default_factory=dict)
    weight: str | None = None
    measure: str | None = None
    measure_note: str | None = None  # a comment written under the value, in the same cell
    measure_when: str | None = None  # the date named by the measure column's header, as written
    owner: str | None = None
    type: str | None = None
    unit: str | None = None
    source: str | None = None
    note: str | None = None

    def append(self, attribute: str, text: str) -> None:
        """Join a continuation text to a field (a text already there is not repeated)."""
        current = getattr(self, attribute) or ""
        if text and text not in current:
            setattr(self, attribute, f"{current} {text}".strip())


Event = AreaStart | ObjectiveStart | Description | Details | Owner | Holder | IndicatorRow


@dataclass(frozen=True)
class Note:
    """Something the reader wants the user to know, located: it goes into the report."""

    topic: str  # one of the report's sections (see report.TOPICS)
    origin: Origin | str
    message: str
