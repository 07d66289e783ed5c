"""The premessa of the annex: purpose, legal basis, contents and validation, each conditioned on the data.

Nothing is printed that the inputs do not support: the PIAO references only for a
PIAO (from 2022, unless the ente file says otherwise), the SMVP act only when the
ente file gives it, the sharing with the OIV only when recorded, the validation of
the values only as the measures record it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from piao_rules import format_it
from piao_rules.documents import roles, wording
from piao_rules.engine.result import Evaluation
from piao_rules.io.ente import EnteFile
from piao_rules.narrative.grammar import join

FIRST_PIAO_YEAR = 2022  # art. 6 D.L. 80/2021: the first PIAO was due by 30/06/2022

LEGAL_BASIS = ("dell'art. 35 del D.P.R. 2 novembre 2005, n. 254 e del D.Lgs. 27 ottobre 2009, n. 150, "
               "come modificato dal D.Lgs. 25 maggio 2017, n. 74")
PIAO_BASIS = ("Il Piano della performance costituisce la sottosezione «Performance» del Piano integrato di attività e "
              "organizzazione (PIAO) previsto dall'art. 6 del D.L. 9 giugno 2021, n. 80, convertito con modificazioni "
              "dalla L. 6 agosto 2021, n. 113, e definito nei contenuti dal D.M. 30 giugno 2022, n. 132.")


@dataclass(frozen=True)
class SmvpAct:
    """The act adopting the SMVP in force."""

    number: str
    when: date
    organ: str = "Giunta"


@dataclass(frozen=True)
class PremiseFacts:
    """What the premessa may state beyond the evaluation."""

    piao: bool | None = None  # None: from the plan year
    smvp: SmvpAct | None = None
    oiv_shared: bool = False
    chapters: int = 0
    working_copy: bool = False


def facts_of(ente: EnteFile | None) -> PremiseFacts:
    """What the ente file says beyond names: PIAO or not, the SMVP act, the sharing with the OIV."""
    if ente is None:
        return PremiseFacts()
    smvp = SmvpAct(ente.smvp.act, ente.smvp.when, ente.smvp.organ) if ente.smvp is not None else None
    return PremiseFacts(piao=ente.piao, smvp=smvp, oiv_shared=ente.oiv_shared)


def is_piao(year: int, declared: bool | None) -> bool:
    return declared if declared is not None else year >= FIRST_PIAO_YEAR


def premise(evaluation: Evaluation, facts: PremiseFacts) -> list[str]:
    """The paragraphs of the premessa."""
    if evaluation.final:
        purpose = ("La misurazione di fine anno chiude il ciclo annuale della performance: rileva il grado di "
                   "raggiungimento degli obiettivi programmati nel Piano e alimenta la Relazione sulla performance.")
    else:
        purpose = ("Il monitoraggio intermedio è il momento del ciclo della performance in cui l'Ente verifica lo stato "
                   "di avanzamento degli obiettivi programmati nel Piano, misura gli scostamenti dai risultati attesi e "
                   "valuta per tempo se servono interventi correttivi o una revisione della programmazione.")
    basis = f"Il documento è redatto ai sensi {LEGAL_BASIS}."
    if is_piao(evaluation.year, facts.piao):
        basis += " " + PIAO_BASIS
    if facts.smvp is not None:
        organ = facts.smvp.organ.strip()
        basis += (f" La valutazione segue il Sistema di misurazione e valutazione della performance adottato con "
                  f"delibera {'di ' + organ + ' ' if organ else ''}n. {facts.smvp.number} del "
                  f"{format_it.long_date(facts.smvp.when)}.")
    paragraphs = [f"{purpose} {basis}"]
    contents = (f"Per ciascuna area e ciascun obiettivo sono riportati gli indicatori con il target in vigore, il valore "
                f"rilevato {wording.al(evaluation.as_of)}, il grado di raggiungimento e lo stato, seguiti da un commento.")
    if facts.working_copy:
        contents += (" Seguono tutte le segnalazioni, comprese le questioni aperte da chiarire con gli uffici, e la "
                     "nota metodologica con le regole di valutazione applicate.")
    else:
        contents += (" Seguono le segnalazioni sulle quali si propone un intervento e la nota metodologica con le "
                     "regole di valutazione applicate.")
    if facts.chapters:
        contents += (" Il documento comprende inoltre " +
                     ("un capitolo predisposto" if facts.chapters == 1 else f"{facts.chapters} capitoli predisposti") +
                     " dagli uffici dell'Ente.")
    paragraphs.append(contents)
    validation = _validation(evaluation)
    if validation:
        paragraphs.append(validation)
    if facts.oiv_shared:
        paragraphs.append("Il monitoraggio è stato condiviso con l'Organismo Indipendente di Valutazione (OIV)."
                          if not evaluation.final else
                          "La misurazione è stata condivisa con l'Organismo Indipendente di Valutazione (OIV).")
    return paragraphs


def _validation(evaluation: Evaluation) -> str | None:
    """Who validated the values, as the measures record it (nothing when they do not)."""
    measured = [i.measure for i in evaluation.indicators if i.measure is not None]
    validated = [m.validated_by.strip() for m in measured if m.validated_by and m.validated_by.strip()]
    if not validated:
        return None
    who = join(roles.with_title(list(dict.fromkeys(validated)), evaluation.year))
    total = len(measured)
    if len(validated) == total:
        share = "Tutti i valori rilevati risultano validati" if total > 1 else "Il valore rilevato risulta validato"
    else:
        share = f"Dei {total} valori rilevati, {len(validated)} risultano validati"
    return f"{share}; hanno validato: {who}."
