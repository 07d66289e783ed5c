"""The SMVP file: how the individual performance of dirigenti and E.Q. is weighed and scored.

The Sistema di misurazione e valutazione della performance is the chamber's own policy: the
weights of the organisational component (the objectives assigned to the person) and of the
behaviours, the behaviour scale and the behaviours themselves, and who is evaluated on which
objectives. Nothing of it has a default: it is read from ``smvp.yaml`` (see
``examples/cuneo/smvp.yaml``) with located Italian errors, like the plan.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from piao_rules.io.model import Model, _italian_number
from piao_rules.io.places import YamlPlaces
from piao_rules.io.validation import load_fields
from piao_rules.number import Number

HUNDRED = Decimal(100)
TOLERANCE = Decimal("0.01")


def _sums_to_100(weights: list[Decimal], what: str) -> None:
    total = sum(weights, Decimal(0))
    if abs(total - HUNDRED) > TOLERANCE:
        raise ValueError(f"i pesi {what} sommano a {total.normalize():f} invece di 100: correggerli")


class Components(Model):
    """The weights (%) of the two components of the individual evaluation."""

    organisational: Number = Field(alias="organizzativa", ge=0, le=100,
                                   description="Peso % della performance organizzativa (obiettivi assegnati)")
    behaviours: Number = Field(alias="comportamenti", ge=0, le=100, description="Peso % dei comportamenti organizzativi")

    _numbers = field_validator("organisational", "behaviours", mode="before")(_italian_number)

    @model_validator(mode="after")
    def _total(self) -> Components:
        _sums_to_100([self.organisational, self.behaviours], "delle componenti")
        return self


class Scale(Model):
    """The behaviour scale: whole scores from ``minimo`` to ``massimo``, optionally described."""

    minimum: int = Field(alias="minimo", ge=0)
    maximum: int = Field(alias="massimo", ge=1)
    levels: dict[int, str] = Field(default_factory=dict, alias="livelli", description="Descrizione di ciascun punteggio")

    @model_validator(mode="after")
    def _range(self) -> Scale:
        if self.maximum <= self.minimum:
            raise ValueError(f"«massimo» ({self.maximum}) deve essere maggiore di «minimo» ({self.minimum})")
        outside = [level for level in self.levels if not self.minimum <= level <= self.maximum]
        if outside:
            raise ValueError(f"livelli fuori scala: {', '.join(map(str, outside))} (la scala va da {self.minimum} a {self.maximum})")
        return self


class Conversion(str, Enum):
    """How the weighted behaviour score becomes the component's points (as the SMVP states it)."""

    OF_MAXIMUM = "punteggio_su_massimo"  # weighted score / maximum × component weight
    LINEAR = "lineare_tra_minimo_e_massimo"  # (weighted score − minimum) / (maximum − minimum) × component weight


class Behaviour(Model):
    code: str = Field(alias="codice", min_length=1)
    name: str = Field(alias="nome", min_length=1)
    description: str | None = Field(None, alias="descrizione")
    weight: Number = Field(alias="peso", gt=0, le=100)

    _weight = field_validator("weight", mode="before")(_italian_number)


class Assignment(Model):
    """An objective of the plan assigned to the person, with its weight in the organisational component."""

    code: str = Field(alias="codice", min_length=1, description="Codice dell'obiettivo nel piano")
    weight: Number | None = Field(None, alias="peso", gt=0, le=100)

    _weight = field_validator("weight", mode="before")(_italian_number)


class Person(Model):
    """Someone evaluated (dirigente, E.Q.), the objectives assigned and who evaluates."""

    name: str = Field(alias="nome", min_length=1, description="Nome e cognome")
    role: str = Field(alias="ruolo", min_length=1, description="es. «Dirigente», «Elevata Qualificazione», «Segretario Generale»")
    unit: str | None = Field(None, alias="struttura", description="Area o settore diretto")
    evaluator: str | None = Field(None, alias="valutatore", description="es. «Segretario Generale», «OIV»")
    owners: list[str] = Field(default_factory=list, alias="responsabile",
                              description="Come il piano scrive il responsabile degli obiettivi di questa persona")
    objectives: list[Assignment] = Field(default_factory=list, alias="obiettivi")

    @field_validator("owners", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _assigned(self) -> Person:
        if not self.owners and not self.objectives:
            raise ValueError("indicare «responsabile» (come nel piano) oppure l'elenco «obiettivi» assegnati")
        weighted = [a.weight for a in self.objectives if a.weight is not None]
        if weighted and len(weighted) != len(self.objectives):
            raise ValueError("indicare il peso di tutti gli obiettivi assegnati oppure di nessuno")
        if weighted:
            _sums_to_100(weighted, "degli obiettivi assegnati")
        return self


class Smvp(Model):
    """The SMVP rules for the individual evaluation forms (schede di valutazione)."""

    reference: str | None = Field(None, alias="riferimento", description="Atto che approva il SMVP, stampato sulla scheda")
    components: Components = Field(alias="componenti")
    scale: Scale = Field(alias="scala_comportamenti")
    behaviours: list[Behaviour] = Field(alias="comportamenti", min_length=1)
    conversion: Conversion | None = Field(
        None, alias="conversione_comportamenti",
        description="punteggio_su_massimo o lineare_tra_minimo_e_massimo; se manca la scheda non indica la formula",
    )
    people: list[Person] = Field(alias="valutati", min_length=1)

    @field_validator("behaviours", mode="after")
    @classmethod
    def _behaviour_weights(cls, behaviours: list[Behaviour]) -> list[Behaviour]:
        _sums_to_100([b.weight for b in behaviours], "dei comportamenti")
        codes = [b.code for b in behaviours]
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        if repeated:
            raise ValueError(f"codici di comportamento ripetuti: {', '.join(repeated)}")
        return behaviours


def load_smvp(path: str | Path) -> tuple[Smvp, YamlPlaces]:
    """The SMVP file at ``path`` and where its values sit; raises InputError with every problem."""
    return load_fields(Path(path), Smvp, "il file SMVP deve essere un insieme di campi «nome: valore» (componenti, "
                                         "scala_comportamenti, comportamenti, valutati)")
