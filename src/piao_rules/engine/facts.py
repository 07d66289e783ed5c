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

from piao_rules.engine.notes import PHASES
from piao_rules.engine.past import TRENDS
from piao_rules.engine.result import Status
from piao_rules.io.model import Accrual, Judgement
from piao_rules.targets.model import TargetKind


class FieldKind(str, Enum):
    BOOL = "bool"
    PERCENT = "percent"  # stored ×100
    INTEGER = "integer"
    CHOICE = "choice"


def hundredths(value: Decimal) -> int:
    """A percentage in engine form: 80,505 → 8051 (hundredths, half up)."""
    return int((value * _HUNDRED).to_integral_value(ROUND_HALF_UP))


_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Field:
    name: str
    kind: FieldKind
    label: str  # Italian noun phrase for rule descriptions: "grado di raggiungimento"
    choices: tuple[str, ...] = ()
    no: str = ""  # for booleans: the phrase when false ("manca la misura alla data")

    def encode(self, value: object) -> int | str:
        """The engine form of a rule's or a fact's value (validated)."""
        if type(value) is Decimal:  # the figures of every indicator: the shortest way
            if self.kind is FieldKind.PERCENT:
                return hundredths(value)
            if self.kind is FieldKind.INTEGER:
                return int(value.to_integral_value(rounding=ROUND_HALF_UP))
        elif type(value) is int:
            if self.kind is FieldKind.PERCENT:
                return value * 100
            if self.kind is FieldKind.INTEGER:
                return value
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
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        if self.kind is FieldKind.PERCENT:
            number = number * 100
        return int(number.to_integral_value(rounding=ROUND_HALF_UP))

    def decode(self, value: int | str) -> object:
        if self.kind is FieldKind.BOOL:
            return bool(value)
        if self.kind is FieldKind.PERCENT:
            return Decimal(value) / 100
        return value


STATUSES = tuple(status.value for status in Status)
TARGET_KINDS = tuple(kind.italian for kind in TargetKind)
ACCRUALS = tuple(accrual.value for accrual in Accrual)
JUDGEMENTS = (*(judgement.value for judgement in Judgement), "nessuno")  # «nessuno»: the measure gives none
METHODS = (
    "lineare_soglia", "proporzionale", "binario", "scadenza", "si_no", "avanzamento", "composto", "relativo", "giudizio",
    "non_calcolabile",
)
UNITS = ("percentuale", "numero", "giorni", "euro", "nome", "nessuna")

_FIELDS = [
    Field("livello", FieldKind.CHOICE, "livello", ("indicatore", "obiettivo", "area", "ente")),
    Field("misura", FieldKind.BOOL, "c'è una misura alla data", no="manca la misura alla data"),
    Field("nota", FieldKind.BOOL, "la misura ha una nota di commento", no="la misura non ha note"),
    Field("lettura_nota", FieldKind.CHOICE, "fase dell'attività letta nella nota (proposta)", ("nessuna", *PHASES)),
    Field("nota_non_conclusi", FieldKind.BOOL, "la nota dice che ciò che si conta non è concluso (proposta)",
          no="la nota non nega un completamento"),
    Field("nota_in_ritardo", FieldKind.BOOL, "la nota dice l'attività completata dopo la scadenza (proposta)",
          no="la nota non dice un completamento dopo la scadenza"),
    Field("nota_smentisce_completamento", FieldKind.BOOL, "la nota dice ancora da fare ciò che la misura dà per completato "
          "(proposta)", no="la nota non smentisce il completamento"),
    Field("nota_dice_fatto", FieldKind.BOOL, "la nota dice fatto l'atto o l'oggetto del target (proposta)",
          no="la nota non dice fatto l'atto o l'oggetto del target"),
    Field("calendario_insufficiente", FieldKind.BOOL,
          "ciò che è fatto più ciò che la nota mette in calendario non arriva al target (proposta)",
          no="la nota non conta in calendario meno di quanto manca al target"),
    Field("calendario_vago", FieldKind.BOOL, "la nota mette il resto nel secondo semestre senza dire quanti, né un mese, né "
          "un giorno (proposta)", no="la nota dice quanti, un mese o un giorno"),
    Field("calendario_chiuso", FieldKind.BOOL, "la nota dice che oltre al suo calendario non è previsto altro (proposta)",
          no="la nota non esclude altro oltre al suo calendario"),
    Field("calendario_stimato", FieldKind.BOOL, "la nota stima ciò che porterà il resto dell'anno (proposta)",
          no="la nota non stima ciò che porterà il resto dell'anno"),
    Field("budget_senza_impegno", FieldKind.BOOL, "un utilizzo del budget (risorse su risorse stanziate) la cui nota non dice "
          "né l'importo di ciò che verrà speso né un impegno preso (proposta)",
          no="la nota dice l'importo o l'impegno, o il target non è un utilizzo del budget"),
    Field("nota_ripianificata", FieldKind.BOOL, "la nota mette in calendario l'attività a un giorno entro la scadenza (proposta)",
          no="la nota non mette in calendario l'attività a un giorno entro la scadenza"),
    Field("nota_oltre_anno", FieldKind.BOOL, "la nota rinvia l'attività a un anno dopo quello della scadenza (proposta)",
          no="la nota non rinvia l'attività oltre l'anno della scadenza"),
    Field("nota_oltre_scadenza", FieldKind.BOOL, "la nota mette in calendario l'attività a un giorno oltre la scadenza (proposta)",
          no="la nota non mette in calendario l'attività a un giorno oltre la scadenza"),
    Field("nota_fuori_tema", FieldKind.BOOL, "la nota dice fatte solo altre cose, non ciò che il target chiede (proposta)",
          no="la nota non parla solo d'altro"),
    Field("nota_termine_impossibile", FieldKind.BOOL, "la nota dice che la scadenza non potrà essere rispettata (proposta)",
          no="la nota non dice impossibile rispettare la scadenza"),
    Field("tipo_target", FieldKind.CHOICE, "tipo di target", TARGET_KINDS),
    Field("verso", FieldKind.CHOICE, "verso del target", ("maggiore", "minore")),
    Field("soglia", FieldKind.BOOL, "c'è una soglia", no="non c'è una soglia"),
    Field("unita", FieldKind.CHOICE, "unità di misura", UNITS),
    Field("copertura", FieldKind.BOOL, "il target è una quota di unità o di risorse da coprire (copertura)", no="il target non è di copertura"),
    Field("totale_copertura", FieldKind.BOOL, "è noto quante unità vanno coperte", no="manca il totale delle unità da coprire"),
    Field("unita_da_coprire", FieldKind.BOOL, "il target vale per un insieme di unità (copertura, o misura con il totale)",
          no="il target non vale per un insieme di unità"),
    Field("tutte_le_unita", FieldKind.BOOL, "il target chiede tutte le unità di un insieme (copertura, «100% delle imprese …»)",
          no="il target non chiede tutte le unità di un insieme"),
    Field("quota", FieldKind.BOOL, "il target è letto come quota (valore su totale della misura)",
          no="il target non è letto come quota"),
    Field("per_periodo", FieldKind.BOOL, "il target è per periodo (es. 4 report/anno)", no="il target non è per periodo"),
    Field("formula_fasi", FieldKind.BOOL, "l'algoritmo è fasi (o altro) realizzate su previste, o accumulate nell'anno su un totale",
          no="l'algoritmo non conta fasi realizzate su previste"),
    Field("indice_bilancio", FieldKind.BOOL, "l'algoritmo è un indice di bilancio (solo voci del bilancio d'esercizio)",
          no="l'algoritmo non è un indice di bilancio"),
    Field("rapporto_tassi", FieldKind.BOOL, "l'algoritmo divide una percentuale per un'altra (es. % della Camera / % nazionale)",
          no="l'algoritmo non divide una percentuale per un'altra"),
    Field("media", FieldKind.BOOL, "il valore è una media dell'anno (es. post al mese, tempo medio)",
          no="il valore non è una media"),
    Field("mantenimento", FieldKind.BOOL, "il target chiede di mantenere un livello («Mantenimento …»)",
          no="il target non è un mantenimento"),
    Field("quota_risorse", FieldKind.BOOL, "il target è una quota di risorse da impegnare o spendere («≥ 80% delle risorse "
          "stanziate»)", no="il target non è una quota di risorse"),
    Field("andamento", FieldKind.CHOICE, "andamento nell'anno", ACCRUALS),
    Field("andamento_dichiarato", FieldKind.BOOL, "il piano indica l'andamento", no="il piano non indica l'andamento"),
    Field("target_intermedio", FieldKind.BOOL, "il target indica un target intermedio sotto quello annuale («target intermedio al 30/06: 30%»)",
          no="il target non indica un target intermedio"),
    Field("alla_data_intermedia", FieldKind.BOOL, "un valore misurato alla data di un target intermedio del piano o del "
          "target («target intermedio al 30/09: 500 ore»)", no="nessun valore alla data di un target intermedio"),
    Field("dato_a_consuntivo", FieldKind.BOOL, "il target o il nome dice il dato di fine anno («dato al 31/12», «a consuntivo»)",
          no="il target non dice il dato di fine anno"),
    Field("finale", FieldKind.BOOL, "monitoraggio di fine anno (consuntivo)", no="monitoraggio infrannuale"),
    Field("frazione_anno", FieldKind.PERCENT, "quota dell'anno trascorsa"),
    Field("grado", FieldKind.PERCENT, "grado di raggiungimento"),
    Field("rapporto", FieldKind.PERCENT, "rapporto tra valore e target"),
    Field("atteso", FieldKind.PERCENT, "quota del target attesa alla data"),
    Field("ritmo", FieldKind.PERCENT, "avanzamento rispetto all'atteso"),
    Field("proiezione", FieldKind.PERCENT, "grado previsto a fine anno al ritmo attuale"),
    Field("avanzamento", FieldKind.PERCENT, "avanzamento dichiarato"),
    Field("completato", FieldKind.BOOL, "attività completata", no="attività non completata"),
    Field("scaduto", FieldKind.BOOL, "scadenza raggiunta", no="scadenza non ancora raggiunta"),
    Field("giorni_alla_scadenza", FieldKind.INTEGER, "giorni alla scadenza"),
    Field("giorni_ritardo", FieldKind.INTEGER, "giorni di ritardo"),
    Field("giudizio", FieldKind.CHOICE, "giudizio espresso", JUDGEMENTS),
    Field("riferimento", FieldKind.BOOL, "c'è il valore di riferimento", no="manca il valore di riferimento"),
    Field("componenti_mancanti", FieldKind.BOOL, "mancano misure di alcune componenti", no="ogni componente ha la sua misura"),
    Field("proposta", FieldKind.BOOL, "c'è una proposta di aggiornamento del target", no="nessuna proposta di aggiornamento"),
    Field("proposta_al_ribasso", FieldKind.BOOL, "c'è una proposta di aggiornamento che abbassa il target (lo stesso target "
          "con un numero meno ambizioso o una scadenza più tarda)", no="nessuna proposta che abbassi il target"),
    Field("rispetto_proposta_al_ribasso", FieldKind.BOOL, "lo stato è valutato rispetto a una proposta di aggiornamento che "
          "abbassa il target", no="lo stato non è valutato rispetto a una proposta che abbassa il target"),
    Field("motivazione", FieldKind.BOOL, "la proposta è motivata", no="la proposta non è motivata"),
    Field("causa_esterna", FieldKind.BOOL, "è segnalata una causa esterna", no="nessuna causa esterna segnalata"),
    Field("divergenza", FieldKind.BOOL, "lo stesso indicatore ha valori diversi in più obiettivi", no="valori concordi tra obiettivi"),
    Field("misura_non_pertinente", FieldKind.BOOL, "la misura non è del tipo richiesto dal target", no="la misura è pertinente"),
    Field("valore_su_scala", FieldKind.BOOL, "la nota dice il valore un voto su una scala da 1 a N, il target è in %",
          no="il valore non è un voto su una scala"),
    Field("unita_incoerente", FieldKind.BOOL, "l'unità della misura non è quella del target", no="unità coerente"),
    Field("metodo", FieldKind.CHOICE, "metodo di calcolo", METHODS),
    Field("stato", FieldKind.CHOICE, "stato", STATUSES),
    Field("stato_proposto", FieldKind.BOOL, "lo stato è proposto dalla lettura della nota", no="lo stato non viene dalla nota"),
    Field("pesi_somma", FieldKind.PERCENT, "somma dei pesi"),
    Field("pesi_mancanti", FieldKind.BOOL, "solo alcuni elementi hanno un peso", no="pesi completi"),
    Field("storico", FieldKind.BOOL, "ci sono risultati degli anni precedenti", no="nessun risultato degli anni precedenti"),
    Field("anni_mancati", FieldKind.INTEGER, "anni precedenti chiusi con il target non raggiunto"),
    Field("target_sotto_ultimo_valore", FieldKind.BOOL, "il target è meno ambizioso dell'ultimo valore raggiunto",
          no="il target non è sotto l'ultimo valore raggiunto"),
    Field("tendenza", FieldKind.CHOICE, "tendenza rispetto agli anni precedenti", TRENDS),
]

# How choice values read in Italian text.
SHOWN = {"si_no": "SI/NO", "lineare_soglia": "lineare tra soglia e target", "solo_consuntivo": "solo a consuntivo"}

FIELDS: dict[str, Field] = {field.name: field for field in _FIELDS}
