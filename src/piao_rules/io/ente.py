"""The ente file: the Giunta and the fixed parts of a deliberation, as YAML with Italian fields.

Who sits in the Giunta (present or absent, with their role), the secretary
general, who takes the minutes, the drafter's initials, the recitals (premesse)
and any further dispositive points are data of the ente, not code: they live in
``ente.yaml`` (see ``examples/cuneo/ente.yaml``) and are read here with located
Italian errors, like the plan.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from piao_rules import values
from piao_rules.io.model import Ente, Model
from piao_rules.io.recitals import FIXED, PARTICIPLES, VERBS, participle
from piao_rules.io.validation import load_fields

UNANIMITY = "ALL'UNANIMITA' DEI PRESENTI"
PRESIDENT = "presidente"


def _yes_no(value: Any) -> Any:
    if isinstance(value, str):
        return values.parse_bool(value)
    return value


class Gender(str, Enum):
    MALE = "m"
    FEMALE = "f"


_FEMININE_TITLES = ("dott.ssa", "dottoressa", "sig.ra", "signora", "prof.ssa", "professoressa", "avv.ta", "ing.ra")
_MASCULINE_TITLES = ("dott.", "dottore", "sig.", "signore", "prof.", "professore", "ing.", "rag.", "geom.")


class Person(Model):
    """Someone named in the deliberation: name, surname, title (dott.ssa…), gender."""

    name: str = Field(alias="nome", min_length=1)
    surname: str = Field(alias="cognome", min_length=1)
    title: str | None = Field(None, alias="titolo", description="es. «dott.ssa», «dott.», «avv.»")
    gender: Gender | None = Field(None, alias="genere", description="m oppure f; se manca si deduce dal titolo")

    @field_validator("gender", mode="before")
    @classmethod
    def _gender(cls, value: Any) -> Any:
        return value.strip().lower()[:1] if isinstance(value, str) and value.strip() else value

    @property
    def full_name(self) -> str:
        """«Elena Verdi»."""
        return f"{self.name} {self.surname}"

    @property
    def with_title(self) -> str:
        """«dott.ssa Elena Verdi»."""
        return f"{self.title} {self.full_name}" if self.title else self.full_name

    @property
    def feminine(self) -> bool | None:
        if self.gender is not None:
            return self.gender is Gender.FEMALE
        title = (self.title or "").lower()
        if title.startswith(_FEMININE_TITLES):
            return True
        if title.startswith(_MASCULINE_TITLES):
            return False
        return None


class Member(Model):
    """A member of the Giunta (or of the board of auditors attending)."""

    surname: str = Field(alias="cognome", min_length=1)
    name: str = Field(alias="nome", min_length=1)
    role: str = Field(alias="ruolo", min_length=1, description="es. «Presidente», «in rappresentanza del settore Commercio»")
    present: bool = Field(True, alias="presente", description="sì oppure no (predefinito: sì)")

    _present = field_validator("present", mode="before")(_yes_no)

    @field_validator("surname", mode="after")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class Recital(Model):
    """A recital: «VISTA la proposta …;». The opening word is given, or chosen from the verb by agreement."""

    verb: str | None = Field(None, alias="verbo", description=f"uno tra {', '.join(VERBS)}")
    word: str | None = Field(None, alias="parola", description="la parola d'apertura, se la si vuole fissare (es. VISTO)")
    text: str = Field(alias="testo", min_length=1)
    only_with_revisions: bool = Field(
        False, alias="solo_con_rimodulazioni", description="sì: la premessa compare solo se ci sono proposte di rimodulazione"
    )

    _only = field_validator("only_with_revisions", mode="before")(_yes_no)

    @model_validator(mode="after")
    def _opening(self) -> Recital:
        if not self.word:  # an empty word is none: the opening comes from the verb
            if self.verb is None:
                raise ValueError(f"indicare «verbo» (uno tra {', '.join(VERBS)}) oppure «parola» (es. VISTO)")
            key = " ".join(self.verb.lower().split())
            if key not in PARTICIPLES and key not in FIXED:
                raise ValueError(f"verbo «{self.verb}» non previsto: usare uno tra {', '.join(VERBS)}, oppure indicare «parola»")
            try:
                participle(self.verb, self.text)
            except ValueError as error:
                raise ValueError(f"premessa «{self.text[:60]}»: {error}") from None
        return self

    @property
    def opening(self) -> str:
        if self.word:
            return self.word.upper()
        assert self.verb is not None  # the validator asks for a verb when there is no word
        return participle(self.verb, self.text)

    @property
    def sentence(self) -> str:
        """The text ending with «;»."""
        return self.text.rstrip(" .;:") + ";"


class Smvp(Model):
    """The act that adopted the Sistema di misurazione e valutazione della performance in force."""

    act: str = Field(alias="delibera", min_length=1, description="numero della delibera che adotta il SMVP, es. «12»")
    when: date = Field(alias="data", description="data della delibera, es. 30/01/2023")
    organ: str = Field("Giunta", alias="organo", description="organo che l'ha adottata (predefinito: Giunta)")

    @field_validator("when", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return values.parse_date(value) if isinstance(value, str) else value

    @field_validator("act", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class EnteFile(Model):
    """The ente and its Giunta, for the deliberation (and the annex's cover)."""

    ente: Ente
    giunta: list[Member] = Field(min_length=1)
    secretary: Person = Field(alias="segretario_generale")
    minute_taker: Person | None = Field(None, alias="verbalizzante", description="chi coadiuva per la rogazione del verbale")
    rapporteur: str = Field("IL SEGRETARIO GENERALE", alias="relatore")
    others_present: str | None = Field(None, alias="altri_presenti", description="frase su altre persone presenti")
    drafter: str = Field(alias="sigla_estensore", min_length=1, description="iniziali di chi ha redatto l'atto, es. «MN»")
    vote: str = Field(UNANIMITY, alias="votazione", description="es. «ALL'UNANIMITA' DEI PRESENTI»")
    enforceable: bool = Field(True, alias="immediatamente_esecutivo")
    recitals: list[Recital] = Field(alias="premesse", min_length=1)
    extra_points: list[str] = Field(default_factory=list, alias="altri_punti", description="ulteriori punti del dispositivo")
    smvp: Smvp | None = Field(None, description="la delibera che adotta il SMVP: delibera (numero), data, organo")
    piao: bool | None = Field(None, description="sì se il piano è la sezione Performance di un PIAO (predefinito: dal 2022)")
    oiv_shared: bool = Field(False, alias="condiviso_con_oiv", description="sì se il monitoraggio è stato condiviso con l'OIV")
    chapters: list[str] = Field(default_factory=list, alias="capitoli",
                                description="capitoli aggiuntivi dell'allegato (.docx), relativi al file dell'ente")

    _enforceable = field_validator("enforceable", "piao", "oiv_shared", mode="before")(_yes_no)

    @field_validator("vote", mode="after")
    @classmethod
    def _vote(cls, value: str) -> str:
        return " ".join(value.split()).upper()

    @field_validator("giunta", mode="after")
    @classmethod
    def _one_president(cls, members: list[Member]) -> list[Member]:
        presidents = [m for m in members if m.role.strip().lower() == PRESIDENT]
        if len(presidents) != 1:
            found = "nessun componente" if not presidents else f"{len(presidents)} componenti"
            raise ValueError(f"{found} con ruolo «Presidente»: indicarne esattamente uno")
        return members

    @field_validator("minute_taker", mode="after")
    @classmethod
    def _gender_known(cls, person: Person | None) -> Person | None:
        if person is not None and person.feminine is None:
            raise ValueError("indicare «genere: f» oppure «genere: m» (serve per «dalla»/«dal»)")
        return person

    @property
    def president(self) -> Member:
        return next(m for m in self.giunta if m.role.strip().lower() == PRESIDENT)


def load_ente(path: str | Path) -> EnteFile:
    """The ente file at ``path``; raises InputError with every problem, located by line and field."""
    return load_fields(Path(path), EnteFile, "il file dell'ente deve essere un insieme di campi «nome: valore» (ente, "
                                             "giunta, segretario_generale, sigla_estensore, premesse …)")[0]
