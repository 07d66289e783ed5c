"""The flags of an evaluation as the reviewer sees them: open or decided, since when, with their decisions.

A flag is identified by ``<codice>/<segnalazione>`` (indicator or objective code and
flag code): the id does not change when the evaluation runs again on corrected data,
so a decision stays attached to its flag. At a monitoring date a flag is *open* when
no decision was taken on it for that date, or the decision in force is ``rinviata``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from piao_rules.engine.result import Evaluation, Flag, IndicatorResult
from piao_rules.errors import InputError
from piao_rules.review import Outcome
from piao_rules.review.journal import Decision, Journal
from piao_rules.targets.markup import clean


@dataclass
class FlagView:
    flag: Flag
    as_of: date
    name: str  # indicator or objective name
    owner: str
    explanation: str
    indicator: IndicatorResult | None
    history: list[Decision] = field(default_factory=list)
    in_force: Decision | None = None
    open_since: date | None = None

    @property
    def open(self) -> bool:
        return self.in_force is None or self.in_force.outcome is Outcome.POSTPONED

    @property
    def state(self) -> str:
        """«aperta», «aperta dal 30/06/2023», «rinviata», «decisa: accolta»."""
        if self.in_force is not None and not self.open:
            return f"decisa: {self.in_force.outcome.label}"
        text = "rinviata" if self.in_force is not None else "aperta"
        return f"{text} (aperta dal {self.open_since:%d/%m/%Y})" if self.open_since else text

    def status_of(self, decision: Decision) -> str:
        """«in vigore», «superata» (by a later decision at the same date) or «monitoraggio del 30/06/2023»."""
        if decision is self.in_force:
            return "in vigore"
        if decision.as_of == self.as_of:
            return "superata"
        return f"monitoraggio del {decision.as_of:%d/%m/%Y}"


def views(evaluation: Evaluation, journal: Journal) -> list[FlagView]:
    """Every flag of ``evaluation`` with its decisions, in the evaluation's order."""
    indicators = {i.code: i for i in evaluation.indicators}
    objectives = {o.code: o for o in evaluation.objectives}
    areas = {a.code: a for a in evaluation.areas}
    found = []
    for flag in evaluation.flags:
        indicator = indicators.get(flag.subject) if flag.level == "indicatore" else None
        if indicator is not None:
            name, owner, explanation = indicator.name, indicator.owner or "non indicato", indicator.explanation.text()
        elif flag.subject in objectives:
            objective = objectives[flag.subject]
            name, owner, explanation = objective.name, objective.owner or "non indicato", ""
        else:
            name, owner, explanation = (areas[flag.subject].name if flag.subject in areas else evaluation.ente), "non indicato", ""
        history = journal.history(flag.id, evaluation.year)
        found.append(FlagView(
            flag=flag, as_of=evaluation.as_of, name=name, owner=owner, explanation=explanation, indicator=indicator, history=history,
            in_force=journal.in_force(flag.id, evaluation.year, evaluation.as_of),
            open_since=journal.open_since(flag.id, evaluation.year, evaluation.as_of),
        ))
    return found


def select(found: list[FlagView], office: str | None = None, severity: str | None = None, code: str | None = None,
           everything: bool = False) -> list[FlagView]:
    """The views matching the filters; only open ones unless ``everything``. Unknown filters are an InputError."""
    if office:
        offices = sorted({v.owner for v in found})
        wanted = office.strip().casefold()
        matching = [o for o in offices if o.casefold() == wanted] or [o for o in offices if wanted in o.casefold()]
        if not matching:
            close = difflib.get_close_matches(office.upper(), offices, n=3, cutoff=0.5)
            hint = f"forse {', '.join(close)}? " if close else ""
            raise InputError.single("", f"nessuna segnalazione per l'ufficio «{office}»: {hint}uffici con segnalazioni: "
                                        f"{', '.join(offices)}")
        found = [v for v in found if v.owner in matching]
    if severity:
        found = [v for v in found if v.flag.severity.value == severity]
    if code:
        codes = sorted({v.flag.code for v in found}) if found else []
        found = [v for v in found if v.flag.code == code]
        if not found and codes and code not in codes:
            raise InputError.single("", f"tipo di segnalazione «{code}» non presente: tipi presenti {', '.join(codes)}")
    return found if everything else [v for v in found if v.open]


def find(found: list[FlagView], flag_id: str, as_of: date) -> FlagView:
    """The view of ``flag_id``; an InputError suggesting close ids when there is none."""
    for view in found:
        if view.flag.id == flag_id:
            return view
    ids = [v.flag.id for v in found]
    same_subject = [i for i in ids if i.split("/")[0] == flag_id.split("/")[0]]
    close = same_subject or difflib.get_close_matches(flag_id, ids, n=3, cutoff=0.6)
    hint = f" Forse: {', '.join(close)}." if close else " L'elenco si ottiene con piao-rules segnalazioni."
    raise InputError.single("", f"la segnalazione «{flag_id}» non c'è nella valutazione al {as_of:%d/%m/%Y}.{hint}")


def decision_text(decision: Decision) -> str:
    """A decision as the annex prints it: «accolta, nuovo target «…»: nota (chi, 10/07/2023)»."""
    target = f", nuovo target «{clean(decision.new_target)}»" if decision.new_target else ""
    owner = f"; responsabile {decision.owner}" if decision.owner else ""
    return f"{decision.outcome.label.capitalize()}{target}: {decision.note}{owner} ({decision.who}, {decision.when:%d/%m/%Y})"


def decision_texts(evaluation: Evaluation, journal: Journal, brief: bool = False) -> dict[str, str]:
    """Flag id → the decision in force at the evaluation's date, for the documents; undecided flags are left out.

    ``brief`` gives the wording for a sentence of the narratives: «azione correttiva (campagna di sollecito)».
    """
    texts = {}
    for flag in evaluation.flags:
        decision = journal.in_force(flag.id, evaluation.year, evaluation.as_of)
        if decision is not None:
            texts[flag.id] = brief_text(decision) if brief else decision_text(decision)
    return texts


def brief_text(decision: Decision) -> str:
    target = f", nuovo target «{clean(decision.new_target)}»" if decision.new_target else ""
    return f"{decision.outcome.label}{target} ({decision.note.rstrip('.')})"
