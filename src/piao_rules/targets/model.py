"""The structured reading of a target (or soglia) as written in a plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from piao_rules.number import Number

# «Mantenimento consultabilità di tutte le banche dati …», «Mantenere i servizi …»: a level to keep.
_KEEP = re.compile(r"\s*manten(?:imento|ere)(?!\w)", re.IGNORECASE)
# «≥ 80% delle risorse stanziate», «100% dello stanziamento impegnato», «≥ 80% del budget stanziato utilizzato»: a share
# of money to commit or spend (not «risorse umane», people).
_RESOURCES = re.compile(
    r"(?<!\w)(?:del|dello|della|delle|dei)\s+(?:budget|stanziament[oi]|fondi|dotazion[ei]\s+finanziari[ae]|risorse(?!\s+uman))(?!\w)",
    re.IGNORECASE,
)

# The units a coverage target names in brackets: «tutti i comuni capoluogo (Catania, Ragusa, Siracusa)», «in ogni sede
# (Cagliari e Oristano)»: names with a capital letter, separated by commas or «e».
_LISTED = re.compile(r"\((?P<names>[^()]+)\)")
_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:di|de|del|della|dei|sul|in)\s+)?[A-ZÀ-Ý][\w'’.-]*)*")  # «Piove di Sacco»


class TargetKind(str, Enum):
    COMPARISON = "comparison"  # ≥ 70%, <= 2 gg, 4 report/anno, Entro i 20 giorni
    DEADLINE = "deadline"  # entro il 30/06/2023
    BOOLEAN = "boolean"  # SI
    RELATIVE = "relative"  # > media triennio precedente, + 25% rispetto alla media nazionale
    COMPOUND = "compound"  # ≥ 10 iniziative 500 soggetti
    MILESTONE = "milestone"  # Consegna progetto definitivo
    QUALITATIVE = "qualitative"  # anything else: needs a person's judgement

    @property
    def traits(self) -> KindTraits:
        """What the kind is called and how it is measured (``KIND_TRAITS``)."""
        return KIND_TRAITS[self]

    @property
    def italian(self) -> str:
        """The kind's name in the rules and the phrase book: «confronto», «si_no» …"""
        return KIND_TRAITS[self].italian


class Measured(str, Enum):
    """What a target of a kind is measured by."""

    NUMBER = "numero"  # a value, compared with the target's or with a reference
    COMPONENTS = "componenti"  # a value for each component
    ACTIVITY = "attivita"  # completion (a date or SI/NO) or a declared progress
    JUDGEMENT = "giudizio"  # a person's judgement


@dataclass(frozen=True)
class KindTraits:
    """One target kind's names and measure, the single table every module reads."""

    italian: str  # in the rules (tipo_target) and the phrase book: «si_no»
    label: str  # in the line saying how a target was read: «Sì/No: SI»
    described: str  # in the import report: «SI/NO 12»
    measured_by: Measured
    structured: bool  # read into figures, a date or SI/NO (a milestone or a judgement stays free text)

    @property
    def numeric(self) -> bool:
        return self.measured_by is Measured.NUMBER

    @property
    def activity(self) -> bool:
        return self.measured_by is Measured.ACTIVITY


KIND_TRAITS = {
    TargetKind.COMPARISON: KindTraits("confronto", "Confronto", "confronto con un valore", Measured.NUMBER, True),
    TargetKind.DEADLINE: KindTraits("scadenza", "Scadenza", "scadenza", Measured.ACTIVITY, True),
    TargetKind.BOOLEAN: KindTraits("si_no", "Sì/No", "SI/NO", Measured.ACTIVITY, True),
    TargetKind.RELATIVE: KindTraits("relativo", "Relativo", "relativo a un riferimento", Measured.NUMBER, True),
    TargetKind.COMPOUND: KindTraits("composto", "Composto", "composto", Measured.COMPONENTS, True),
    TargetKind.MILESTONE: KindTraits("milestone", "Traguardo", "traguardo testuale", Measured.ACTIVITY, False),
    TargetKind.QUALITATIVE: KindTraits("qualitativo", "Qualitativo", "qualitativo (serve un giudizio)", Measured.JUDGEMENT, False),
}


class Operator(str, Enum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="

    @property
    def lower_is_better(self) -> bool:
        return self in (Operator.LE, Operator.LT)

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]


_SYMBOLS = {Operator.GE: "≥", Operator.GT: ">", Operator.LE: "≤", Operator.LT: "<", Operator.EQ: "="}


class Component(BaseModel):
    """One part of a compound target: «≥ 10 iniziative», «≥ 150 (Linkedin)»."""

    model_config = ConfigDict(frozen=True)

    label: str
    operator: Operator
    value: Number
    unit: str | None = None


class ReferenceBasis(str, Enum):
    PREVIOUS_3Y_MEAN = "media_triennio_precedente"
    NATIONAL_MEAN = "media_nazionale"
    YEAR_VALUE = "valore_anno"  # ≥ del valore osservato nell'anno n / nel 2020
    PREVIOUS_YEAR = "anno_precedente"
    OTHER = "altro"


class Reference(BaseModel):
    """What a relative target is compared with, and by how much."""

    model_config = ConfigDict(frozen=True)

    basis: ReferenceBasis
    text: str = Field(description="The words naming the reference, as written")
    year: int | None = None
    delta: Number | None = Field(None, description="Required margin, e.g. 25 for «+ 25% rispetto a …»")
    delta_unit: str | None = Field(None, description="'%' (relative increase) or 'punti' (percentage points)")
    value: Number | None = Field(None, description="The reference's value when the target writes it in brackets («media "
                                                    "triennio precedente (65,4%)»: 65.4)")


class Stage(BaseModel):
    """A value the target text expects at a date inside the year: «(target intermedio al 30/06: 30%)»."""

    model_config = ConfigDict(frozen=True)

    when: date
    value: Number


class Target(BaseModel):
    """A target or soglia, read. JSON keys are those of ``piao-rules target --json``."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The text as written")
    kind: TargetKind
    operator: Operator | None = None
    value: Number | None = None
    unit: str | None = Field(None, description="'%', 'N.', 'gg', '€' or the counted noun ('iniziative')")
    per: str | None = Field(None, description="Period of a rate: 'anno' in «4 report/anno»")
    deadline: date | None = None
    boolean: bool | None = None
    components: list[Component] = Field(default_factory=list)
    reference: Reference | None = None
    milestone: str | None = Field(None, description="The milestone text, verbatim")
    qualifier: str | None = Field(
        None,
        description="Words narrowing what is counted («giudizi positivi», «con ciascun ufficio»); "
        "«…» marks where the quantity sits («Gestione … dei nuovi documenti»)",
    )
    coverage: str | None = Field(
        None, description="The unit each of which the target applies to («ufficio» in «almeno 1 incontro con ciascun "
                          "ufficio»): the measure counts the units covered, a total is needed"
    )
    stage: Stage | None = Field(None, description="A target intermedio written in the text («target intermedio al 30/06: 30%»)")
    year_end: bool = Field(False, description="The text says the figure is a year-end one («dato al 31/12», «a consuntivo»)")
    read_as: str | None = Field(
        None, description="Set when the text was read against the measure: «conteggio» (a count inside a milestone), "
                          "«copertura» (covered / total) or «attivita» (a target of one thing with only a note, read as "
                          "a milestone); the text as written is what people see"
    )
    warnings: list[str] = Field(default_factory=list, description="What the reader was unsure about (Italian)")

    @property
    def lower_is_better(self) -> bool:
        return self.operator is not None and self.operator.lower_is_better

    @property
    def keeps_level(self) -> bool:
        """The target asks to keep a level («Mantenimento …»): it holds at the date, it does not grow in the year."""
        return _KEEP.match(self.text) is not None

    @property
    def listed_units(self) -> int | None:
        """How many units a coverage target names in brackets («tutti i comuni capoluogo (Catania, Ragusa, Siracusa)»:
        3), when the brackets hold only names, at least two; None otherwise."""
        if self.coverage is None:
            return None
        for found in _LISTED.finditer(self.text):
            names = [name.strip() for name in re.split(r",|\s+e\s+|\s+ed\s+", found.group("names"))]
            if len(names) >= 2 and all(_NAME.fullmatch(name) for name in names):
                return len(names)
        return None

    @property
    def spends_resources(self) -> bool:
        """A percentage of money to commit or spend («≥ 80% delle risorse stanziate», «100% dello stanziamento
        impegnato»): what is committed or spent builds up in the year, it never goes back."""
        return (self.kind is TargetKind.COMPARISON and self.unit == "%" and not self.lower_is_better
                and _RESOURCES.search(self.text) is not None)
