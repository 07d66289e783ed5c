"""The facts the rules can test: names (Italian, as written in rules/*.yaml), meaning, type.

A fact is a flat dict of integers and strings (durable-rules has no Decimal and
no date): booleans become 0/1, percentages are stored in hundredths (80,5% →
8050) and days as integers. A field whose value is unknown is simply absent,
and any test on an absent field is false (in both engines).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum


class FieldKind(str, Enum):
    BOOL = "bool"
    PERCENT = "percent"  # stored ×100
    INTEGER = "integer"
    CHOICE = "choice"


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind
    label: str  # Italian, used to describe rules: "il grado di raggiungimento"
    choices: tuple[str, ...] = ()

    def encode(self, value: object) -> int | str:
        """The engine form of a rule's or a fact's value (validated)."""
        if self.kind is FieldKind.BOOL:
            if not isinstance(value, bool):
                raise ValueError(f"«{self.name}» vuole vero o falso, non «{value}»")
            return int(value)
        if self.kind is FieldKind.CHOICE:
            if value not in self.choices:
                raise ValueError(f"«{self.name}» vuole uno tra {', '.join(self.choices)}, non «{value}»")
            return str(value)
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise ValueError(f"«{self.name}» vuole un numero, non «{value}»")
        if self.kind is FieldKind.PERCENT:
            return int((Decimal(str(value)) * 100).to_integral_value(rounding=ROUND_HALF_UP))
        return int(Decimal(str(value)).to_integral_value(rounding=ROUND_HALF_UP))

    def decode(self, value: int | str) -> object:
        if self.kind is FieldKind.BOOL:
            return bool(value)
        if self.kind is FieldKind.PERCENT:
            return Decimal(value) / 100
        return value


STATUSES = ("raggiunto", "in_linea", "a_rischio", "non_raggiunto", "non_rilevabile", "da_valutare")
TARGET_KINDS = ("confronto", "scadenza", "si_no", "relativo", "composto", "milestone", "qualitativo")
ACCRUALS = ("cumulativo", "puntuale", "solo_consuntivo", "milestone")
METHODS = (
    "lineare_soglia", "proporzionale", "binario", "scadenza", "si_no", "avanzamento", "composto", "relativo", "giudizio",
)
UNITS = ("percentuale", "numero", "giorni", "euro", "nome", "nessuna")

_FIELDS = [
    Field("livello", FieldKind.CHOICE, "il livello", ("indicatore", "obiettivo", "area", "ente")),
    Field("misura", FieldKind.BOOL, "la presenza di una misura alla data"),
    Field("nota", FieldKind.BOOL, "una nota di commento alla misura"),
    Field("tipo_target", FieldKind.CHOICE, "il tipo di target", TARGET_KINDS),
    Field("verso", FieldKind.CHOICE, "il verso del target", ("maggiore", "minore")),
    Field("soglia", FieldKind.BOOL, "la presenza di una soglia"),
    Field("unita", FieldKind.CHOICE, "l'unità di misura", UNITS),
    Field("per_periodo", FieldKind.BOOL, "un target espresso per periodo (es. 4 report/anno)"),
    Field("andamento", FieldKind.CHOICE, "l'andamento nell'anno", ACCRUALS),
    Field("andamento_dichiarato", FieldKind.BOOL, "l'andamento indicato nel piano"),
    Field("target_intermedio", FieldKind.BOOL, "un target intermedio alla data"),
    Field("finale", FieldKind.BOOL, "il monitoraggio a fine periodo (consuntivo)"),
    Field("frazione_anno", FieldKind.PERCENT, "la quota dell'anno trascorsa"),
    Field("grado", FieldKind.PERCENT, "il grado di raggiungimento"),
    Field("rapporto", FieldKind.PERCENT, "il rapporto tra valore e target"),
    Field("atteso", FieldKind.PERCENT, "la quota di target attesa alla data"),
    Field("ritmo", FieldKind.PERCENT, "il rapporto tra avanzamento e andamento atteso"),
    Field("proiezione", FieldKind.PERCENT, "il grado previsto a fine anno al ritmo attuale"),
    Field("avanzamento", FieldKind.PERCENT, "l'avanzamento dichiarato"),
    Field("completato", FieldKind.BOOL, "il completamento dell'attività"),
    Field("scaduto", FieldKind.BOOL, "la scadenza già passata"),
    Field("giorni_alla_scadenza", FieldKind.INTEGER, "i giorni alla scadenza"),
    Field("giorni_ritardo", FieldKind.INTEGER, "i giorni di ritardo"),
    Field("giudizio", FieldKind.CHOICE, "il giudizio espresso", ("raggiunto", "in_linea", "a_rischio", "non_raggiunto", "nessuno")),
    Field("riferimento", FieldKind.BOOL, "la disponibilità del valore di riferimento"),
    Field("componenti_mancanti", FieldKind.BOOL, "componenti del target senza misura"),
    Field("proposta", FieldKind.BOOL, "una proposta di aggiornamento del target"),
    Field("motivazione", FieldKind.BOOL, "la motivazione della proposta"),
    Field("causa_esterna", FieldKind.BOOL, "una causa esterna segnalata"),
    Field("divergenza", FieldKind.BOOL, "valori diversi per lo stesso indicatore in più obiettivi"),
    Field("misura_non_pertinente", FieldKind.BOOL, "una misura di tipo diverso da quello del target"),
    Field("unita_incoerente", FieldKind.BOOL, "un'unità di misura diversa da quella del target"),
    Field("metodo", FieldKind.CHOICE, "il metodo di calcolo del grado", METHODS),
    Field("stato", FieldKind.CHOICE, "lo stato", STATUSES),
    Field("pesi_somma", FieldKind.PERCENT, "la somma dei pesi"),
    Field("pesi_mancanti", FieldKind.BOOL, "pesi mancanti tra gli elementi"),
]

FIELDS: dict[str, Field] = {field.name: field for field in _FIELDS}
