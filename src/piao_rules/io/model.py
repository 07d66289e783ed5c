"""The plan and the measures, as pydantic models with Italian field names.

Code uses English attribute names; files use the Italian aliases
(``codice``, ``target``, ``soglia``, ``peso``, ``valore``, ``nota`` …).
Targets and soglie are kept as the text the controller wrote: the
:mod:`piao_rules.targets` layer reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from piao_rules import values
from piao_rules.io import written
from piao_rules.io.columns import Column
from piao_rules.number import Number


class Model(BaseModel):
    """Base for input models: Italian aliases, unknown fields refused."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid", str_strip_whitespace=True)


# A count with a remark in brackets after it: «44 impianti di distribuzione carburanti (193 erogatori)».
_ASIDE = re.compile(r"\s*(?P<counts>[^()]*?[^\W\d_][^()]*?)\s*\((?P<aside>[^()]+)\)\s*")


def _italian_number(value: Any) -> Any:
    if isinstance(value, str):
        return None if values.is_null(value) else values.parse_number(value)
    return value


def _amount(value: Any) -> Any:
    """A number, or an amount written with its scale («6.412,38 (migliaia di €)»)."""
    amount = written.scaled(value) if isinstance(value, str) else None
    return amount if amount is not None else _italian_number(value)


# An amount with a remark in brackets after it: «9,8 mln (semestrale)», «7,1 mln (al 30 giugno)», «1.200 (provvisorio)».
_REMARKED = re.compile(r"\s*(?P<amount>[^()]*\d[^()]*?)\s*\((?P<remark>[^()]*[^\W\d_][^()]*)\)\s*")


def _remarked_components(data: dict[str, Any]) -> dict[str, Any]:
    """Components written as an amount with a remark in brackets («9,8 mln (semestrale)»): the amount, and the
    remark in the note with its component («Proventi strutturali: semestrale»), so that nothing written is lost."""
    key = "componenti" if "componenti" in data else "components"
    given = data.get(key)
    if not isinstance(given, dict):
        return data
    read, remarks = {}, []
    for label, raw in given.items():
        match = _REMARKED.fullmatch(raw) if isinstance(raw, str) and written.scaled(raw) is None else None
        if match is not None and (amount := _readable(match.group("amount"))) is not None:
            raw = amount
            remarks.append(f"{str(label).strip()}: {' '.join(match.group('remark').split())}")
        read[label] = raw
    if not remarks:
        return data
    note_key = "nota" if "nota" in data or "note" not in data else "note"
    note = data.get(note_key)
    said = f"componenti lette senza le parentesi: {'; '.join(remarks)}"
    return {**data, key: read, note_key: f"{note} ({said})" if note else f"({said})"}


def _readable(text: str) -> Decimal | None:
    """An amount written as a number or with its scale, or None."""
    try:
        return written.scaled(text) if written.scaled(text) is not None else values.parse_number(text)
    except ValueError:
        return None


def _italian_date(value: Any) -> Any:
    return values.parse_date(value) if isinstance(value, str) else value


def _lower_key(value: Any) -> Any:
    """Normalise an enum spelled with capitals, accents or spaces ("Qualità" → "qualita")."""
    if not isinstance(value, str):
        return value
    table = str.maketrans("àèéìòù ", "aeeiou_")
    return value.strip().lower().translate(table).replace("'", "")


class Accrual(str, Enum):
    """How an indicator accrues over the year (drives mid-year pacing)."""

    CUMULATIVE = "cumulativo"
    POINT = "puntuale"
    YEAR_END = "solo_consuntivo"
    MILESTONE = "milestone"


class ObjectiveKind(str, Enum):
    STRATEGIC = "strategico"
    OPERATIONAL = "operativo"
    MANAGERIAL = "dirigenziale"
    ORGANISATION = "di_struttura"
    INDIVIDUAL = "individuale"
    CROSS_CUTTING = "trasversale"


class IndicatorType(str, Enum):
    EFFECTIVENESS = "efficacia"
    EFFICIENCY = "efficienza"
    QUALITY = "qualita"
    VOLUME = "volume"
    OUTCOME = "outcome"
    ECONOMIC_HEALTH = "salute_economica"


class Computation(str, Enum):
    """Indicators whose value is computed from the plan instead of measured."""

    CHILD_OBJECTIVES_MEAN = "media_obiettivi"


class Ente(Model):
    """The administration the plan belongs to."""

    name: str = Field(alias="nome", description="Denominazione, es. «Camera di commercio di Cuneo»")
    short_name: str | None = Field(None, alias="sigla", description="Nome breve, es. «CCIAA di Cuneo»")
    city: str | None = Field(None, alias="sede", description="Città della sede, es. «Cuneo»")


class Baseline(Model):
    year: int | None = Field(None, alias="anno")
    value: str = Field(alias="valore", description="Valore di partenza come scritto (numero o data)")

    @field_validator("value", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float, Decimal, date)) else value


class IntermediateTarget(Model):
    """A target to reach by a date inside the year (DM 132/2022 «target intermedio»)."""

    when: date = Field(alias="data")
    target: str

    _date = field_validator("when", mode="before")(_italian_date)


class Reference(Model):
    """The reference value of a relative target (es. media del triennio precedente)."""

    value: Number = Field(alias="valore")
    description: str | None = Field(None, alias="descrizione")

    _number = field_validator("value", mode="before")(_italian_number)


class TargetRevision(Model):
    """An approved change of target (Rev. n), with who approved it and why."""

    number: int = Field(alias="rev", ge=1)
    previous: str = Field(alias="target_precedente")
    target: str = Field(alias="nuovo_target")
    reason: str = Field(alias="motivazione")
    approved_by: str | None = Field(None, alias="approvata_con", description="es. «delibera di Giunta n. 107 del 31/07/2023»")
    approved_on: date | None = Field(None, alias="data_approvazione")
    oiv_opinion: str | None = Field(None, alias="parere_oiv")

    _date = field_validator("approved_on", mode="before")(_italian_date)


TextByYear = Union[str, dict[int, str]]


class Indicator(Model):
    code: str = Field(alias="codice", min_length=1)
    name: str = Field(alias="nome", min_length=1)
    formula: str | None = Field(None, alias="algoritmo")
    type: IndicatorType | None = Field(None, alias="tipologia")
    unit: str | None = Field(None, alias="unita", description="Unità di misura: %, N., gg, €, o un nome (iniziative)")
    baseline: Baseline | None = None
    target: TextByYear | None = Field(
        None, description="Target come scritto nel piano, oppure un target per anno ({2023: '≥ 70%'})"
    )
    threshold: TextByYear | None = Field(None, alias="soglia", description="Livello minimo accettabile (SOGLIA)")
    weight: Number | None = Field(None, alias="peso", ge=0, le=100)
    owner: str | None = Field(None, alias="responsabile")
    source: str | None = Field(None, alias="fonte")
    accrual: Accrual | None = Field(
        None, alias="andamento", description="cumulativo, puntuale, solo_consuntivo o milestone; se manca si deduce dal target"
    )
    intermediate_targets: list[IntermediateTarget] = Field(default_factory=list, alias="target_intermedi")
    reference: Reference | None = Field(None, alias="riferimento")
    linked_to: str | None = Field(
        None, alias="collegato_a", description="Codice dell'indicatore di cui questo è la ripetizione in un altro obiettivo"
    )
    computed: Computation | None = Field(None, alias="calcolato")
    previous_code: str | None = Field(
        None, alias="codice_precedente", description="Codice dello stesso indicatore negli anni precedenti, se è cambiato"
    )
    total: Number | None = Field(
        None, alias="totale", gt=0,
        description="Target di copertura («con ciascun ufficio», «per ogni sede»): quante unità vanno coperte",
    )
    revisions: list[TargetRevision] = Field(default_factory=list, alias="revisioni")
    note: str | None = None

    _weight = field_validator("weight", "total", mode="before")(_italian_number)
    _enums = field_validator("type", "accrual", "computed", mode="before")(_lower_key)

    @field_validator("target", "threshold", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dict):
            return {k: str(v) for k, v in value.items()}
        return value

    def target_for(self, year: int) -> str | None:
        """The target text for ``year``, taking the latest approved revision into account."""
        if self.revisions:
            return max(self.revisions, key=lambda r: r.number).target
        return _for_year(self.target, year)

    def planned_target_for(self, year: int) -> str | None:
        """The target for ``year`` as written in the plan, before any revision."""
        return _for_year(self.target, year)

    def threshold_for(self, year: int) -> str | None:
        return _for_year(self.threshold, year)


def _for_year(text: TextByYear | None, year: int) -> str | None:
    if isinstance(text, dict):
        return text.get(year)
    return text


class Objective(Model):
    code: str = Field(alias="codice", min_length=1)
    name: str = Field(alias="nome", min_length=1)
    kind: ObjectiveKind | None = Field(None, alias="tipo")
    description: str | None = Field(None, alias="descrizione")
    owner: str | None = Field(None, alias="responsabile")
    weight: Number | None = Field(None, alias="peso", ge=0, le=100)
    objectives: list[Objective] = Field(default_factory=list, alias="obiettivi")
    indicators: list[Indicator] = Field(default_factory=list, alias="indicatori")

    _weight = field_validator("weight", mode="before")(_italian_number)
    _kind = field_validator("kind", mode="before")(_lower_key)

    def walk(self) -> Iterator[Objective]:
        """This objective and all the objectives below it, depth first."""
        yield self
        for child in self.objectives:
            yield from child.walk()


class Area(Model):
    code: str = Field(alias="codice", min_length=1)
    name: str = Field(alias="nome", min_length=1)
    description: str | None = Field(None, alias="descrizione")
    weight: Number | None = Field(None, alias="peso", ge=0, le=100)
    objectives: list[Objective] = Field(default_factory=list, alias="obiettivi")

    _weight = field_validator("weight", mode="before")(_italian_number)


class Plan(Model):
    """A Piano della performance / PIAO: ente, year and the performance tree."""

    ente: Ente
    year: int = Field(alias="anno", ge=2000, le=2100)
    period: str | None = Field(None, alias="periodo", description="es. «2023-2025»")
    title: str | None = Field(None, alias="titolo")
    rules: str | None = Field(None, alias="regole", description="Cartella di regole propria (relativa al file del piano)")
    revision: int = Field(0, alias="revisione", ge=0, description="Numero di revisione del piano (Rev. n)")
    areas: list[Area] = Field(alias="aree", min_length=1)

    def objectives(self) -> Iterator[tuple[Area, Objective]]:
        """Every objective with its area, depth first."""
        for area in self.areas:
            for top in area.objectives:
                for objective in top.walk():
                    yield area, objective

    def indicators(self) -> Iterator[tuple[Area, Objective, Indicator]]:
        """Every indicator with its area and the objective that holds it."""
        for area, objective in self.objectives():
            for indicator in objective.indicators:
                yield area, objective, indicator


class Judgement(str, Enum):
    """A person's judgement on a qualitative target, recorded with the measure."""

    REACHED = "raggiunto"
    ON_TRACK = "in_linea"
    AT_RISK = "a_rischio"
    MISSED = "non_raggiunto"


MeasureValue = Union[bool, date, Number]


def read_measure_value(value: Any) -> Any:
    """Turn a cell into a number, a date or SI/NO; "n.d." and "---" mean no value."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return values.parse_number(value)  # an xlsx cell holding 1 is the number 1, not SI
    if not isinstance(value, str):
        return value
    if values.is_null(value):
        return None
    text = value.strip()
    if values.looks_like_date(text):
        return values.parse_date(text)
    try:
        return values.parse_bool(text)
    except ValueError:
        pass
    try:
        return values.parse_number(text)
    except ValueError:
        if (amount := written.scaled(text)) is not None:
            return amount
        if values.looks_like_number(text):
            raise
        raise ValueError(f"«{values.shorten(value)}» non è un numero, una data o SI/NO") from None


def _same_counts(raw: str, counts: list[tuple[Decimal, str]], components: Any) -> None:
    """Refuse counts in the value cell that the components contradict: each count must be a component's number, the one
    with its own name if there is one («6 iniziative 210 imprese» and {iniziative: 6, soggetti: 210} agree)."""
    try:
        given = {str(label).strip().lower(): _amount(number) for label, number in dict(components).items()}
    except (TypeError, ValueError):
        return  # the components' own error is reported on them
    left = [number for number in given.values() if number is not None]
    for number, noun in counts:
        named = given.get(noun.lower())
        if (named is not None and named != number) or number not in left:
            shown = ", ".join(f"{label} {number}" for label, number in given.items())
            raise ValueError(f"«{values.shorten(raw)}» non concorda con le componenti ({shown}): scrivere i conteggi "
                             "una volta sola, come componenti, e lasciare vuoto «valore»")
        left.remove(number)


def _counted_components(data: dict[str, Any]) -> dict[str, Any]:
    """Components written with their unit («318 giornate»): the number, and the noun in ``conta_componenti``."""
    key = "componenti" if "componenti" in data else "components"
    given = data.get(key)
    if not isinstance(given, dict):
        return data
    read, nouns = {}, {}
    for label, raw in given.items():
        counts = (values.parse_counts(raw) if isinstance(raw, str) and any(ch.isalpha() for ch in raw)
                  and written.scaled(raw) is None and not values.is_null(raw) else None)
        if counts is not None and len(counts) == 1:
            (raw, nouns[str(label).strip()]), = counts
        read[label] = raw
    if not nouns:
        return data
    nouns_key = "conta_componenti" if key == "componenti" else "counted_components"
    return {**data, key: read, nouns_key: {**dict(data.get(nouns_key) or {}), **nouns}}


class Measure(Model):
    """The measured value of one indicator at a monitoring date, with its note."""

    code: str = Field(alias="codice", min_length=1)
    as_of: date | None = Field(None, alias="data", description="Data di riferimento; se manca vale quella del file")
    value: Annotated[MeasureValue | None, Column(
        "Valore", 12, "Il numero misurato alla data: 80 oppure 80% oppure 1.018,5.",
        "Numero misurato (80 oppure 80% oppure 1.018,5, anche con ciò che conta: 2 sale), una data (gg/mm/aaaa) oppure SI/NO.",
    )] = Field(None, alias="valore", description="Numero (80, 80% o «2 sale»), data di completamento o SI/NO")
    percent: bool = Field(False, alias="percentuale", description="Vero se il valore è stato scritto con %")
    progress: Annotated[Number | None, Column(
        "Avanzamento %", 13, "Per attività e traguardi: quanta parte è svolta, da 0 a 100."
    )] = Field(None, alias="avanzamento", ge=0, le=100, description="Avanzamento % di una milestone")
    completed_on: Annotated[date | None, Column(
        "Data di completamento", 14, "Quando l'attività è stata completata (gg/mm/aaaa)."
    )] = Field(None, alias="completato_il")
    components: dict[str, Number] = Field(default_factory=dict, alias="componenti")
    counted: str | None = Field(
        None, alias="conta", description="Ciò che il valore conta, quando è scritto con il valore («sale» in «2 sale»)"
    )
    counted_components: dict[str, str] = Field(
        default_factory=dict, alias="conta_componenti",
        description="Ciò che conta una componente, quando è scritto con il suo numero («giornate» in «318 giornate»)",
    )
    written: str | None = Field(
        None, alias="valore_scritto",
        description="La cella del valore come era scritta, quando piao-rules l'ha letta per ipotesi (una frase o uno stato "
                    "a parole letti come nota, più valori con la loro etichetta, «41 processi su 44»): verifica lo segnala",
    )
    reference: Annotated[Number | None, Column(
        "Valore di riferimento", 13, "Per i target relativi: il valore di confronto (es. media del triennio).",
        "Per i target relativi: il valore di confronto.",
    )] = Field(None, alias="riferimento", description="Valore di riferimento di un target relativo")
    total: Annotated[Number | None, Column(
        "Totale unità", 11, "Per i target di copertura («con ciascun ufficio»): quante unità vanno coperte in tutto.",
        "Per i target di copertura: quante unità vanno coperte in tutto.",
    )] = Field(
        None, alias="totale", gt=0, description="Target di copertura: quante unità vanno coperte (se diverso dal piano)"
    )
    judgement: Annotated[Judgement | None, Column(
        "Giudizio", 14, "Per i target descrittivi: raggiunto, in linea, a rischio, non raggiunto."
    )] = Field(None, alias="giudizio", description="Giudizio su un target qualitativo")
    note: Annotated[str | None, Column(
        "Nota", 40, "Commento: cosa è stato fatto, perché il valore è questo.", "Cosa è stato fatto, perché il valore è questo."
    )] = Field(None, alias="nota")
    source: Annotated[str | None, Column(
        "Fonte", 18, "Da dove viene il dato (es. Report Registro Imprese).", "Da dove viene il dato."
    )] = Field(None, alias="fonte")
    proposed_target: Annotated[str | None, Column(
        "Proposta di aggiornamento del target", 28, "Solo se il target va cambiato: il nuovo target."
    )] = Field(None, alias="proposta_target", description="Proposta di aggiornamento del target")
    proposal_reason: Annotated[str | None, Column(
        "Motivazione della proposta", 30, "Perché il target va cambiato."
    )] = Field(None, alias="motivazione")
    external_cause: Annotated[str | None, Column(
        "Causa esterna", 24, "Un evento esterno all'ufficio che spiega lo scostamento."
    )] = Field(None, alias="causa_esterna")
    validated_by: Annotated[str | None, Column(
        "Validato da", 18, "Chi ha controllato il dato (dirigente o E.Q.)."
    )] = Field(None, alias="validato_da")

    _numbers = field_validator("progress", "reference", "total", mode="before")(_italian_number)
    _dates = field_validator("as_of", "completed_on", mode="before")(_italian_date)
    _judgement = field_validator("judgement", mode="before")(_lower_key)

    @model_validator(mode="before")
    @classmethod
    def _percent_sign(cls, data: Any) -> Any:
        if isinstance(data, dict):
            raw = data.get("valore", data.get("value"))
            if isinstance(raw, str) and raw.strip().endswith("%"):
                data = {**data, "percentuale": True}
        return data

    @model_validator(mode="before")
    @classmethod
    def _counts(cls, data: Any) -> Any:
        """A value written with the noun it counts («2 sale») keeps the noun; several counts («6 iniziative 88
        imprese») are the components of a compound target."""
        if not isinstance(data, dict):
            return data
        data = written.read_cell(data)  # «1,2 milioni di euro», «87,3% (positivi) 42,1% (molto positivi)», a sentence
        data = _counted_components(_remarked_components(data))
        key = "valore" if "valore" in data else "value"
        raw = data.get(key)
        counts = (values.parse_counts(raw) if isinstance(raw, str) and any(ch.isalpha() for ch in raw)
                  and not values.is_null(raw) else None)
        aside = _ASIDE.fullmatch(raw) if counts is None and isinstance(raw, str) else None
        if aside is not None and (counts := values.parse_counts(aside.group("counts"))) is not None:
            # «44 impianti di distribuzione carburanti (193 erogatori)»: the count, and a remark for the note
            note_key = "nota" if "nota" in data or "note" not in data else "note"
            note = data.get(note_key)
            data = {**data, note_key: f"{note} ({aside.group('aside')})" if note else f"({aside.group('aside')})"}
        if counts is None:
            return data
        if len(counts) == 1:
            (number, noun), = counts
            return {**data, key: number, "conta": noun}
        rest = {name: value for name, value in data.items() if name != key}
        if given := data.get("componenti") or data.get("components"):
            _same_counts(raw, counts, given)
            return rest  # «6 iniziative 210 imprese» beside the same numbers in the components: said twice
        return {**rest, "componenti": {noun: number for number, noun in counts}}

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, value: Any) -> Any:
        return read_measure_value(value)

    @model_serializer(mode="wrap")
    def _written_only_when_guessed(self, handler: SerializerFunctionWrapHandler) -> Any:
        """Leave ``valore_scritto`` out of the dumps (the evaluation JSON) when no cell was read by a guess, and
        ``conta_componenti`` when no component was written with its unit."""
        data = handler(self)
        if self.written is None and isinstance(data, dict):
            data.pop("written", None)
            data.pop("valore_scritto", None)
        if not self.counted_components and isinstance(data, dict):  # nor ``conta_componenti`` when no unit was written
            data.pop("counted_components", None)
            data.pop("conta_componenti", None)
        return data

    @field_validator("components", mode="before")
    @classmethod
    def _components(cls, value: Any) -> Any:
        """Components as numbers; an empty one («~», «n.d.», «---») is left out, as in CSV and Excel."""
        if isinstance(value, dict):
            read = {str(k).strip(): _amount(v) for k, v in value.items()}
            return {label: number for label, number in read.items() if number is not None}
        return value


class MeasureSet(Model):
    """The measures collected at one monitoring date."""

    as_of: date | None = Field(None, alias="data", description="Data del monitoraggio (es. 30/06/2023)")
    measures: list[Measure] = Field(default_factory=list, alias="misure")

    _date = field_validator("as_of", mode="before")(_italian_date)

    def taken_on(self, measure: Measure) -> date | None:
        return measure.as_of or self.as_of

    def at(self, when: date) -> dict[str, Measure]:
        """The latest measure of each indicator taken on or before ``when``."""
        latest: dict[str, Measure] = {}
        for measure in self.measures:
            taken = self.taken_on(measure)
            if taken is not None and taken > when:
                continue
            current = latest.get(measure.code)
            if current is None or (self.taken_on(current) or when) <= (taken or when):
                latest[measure.code] = measure
        return latest
