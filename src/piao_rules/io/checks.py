"""Structural checks of a loaded plan and its measures (no reading of targets here).

Each check is a function of a :class:`Subject` returning a list of problems;
:data:`CHECKS` lists them in the order they run. Other layers append their own
(the targets layer checks soglie and units) by passing ``extra`` to :func:`check`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from piao_rules import values
from piao_rules.errors import Problem, Severity
from piao_rules.io import written
from piao_rules.io.model import Computation, Indicator, MeasureSet, Objective, Plan
from piao_rules.io.places import Loc, PathPlaces, Places
from piao_rules.io.tables import cell_text

WEIGHT_TOLERANCE = Decimal("0.01")


@dataclass
class Subject:
    """What the checks look at, and where its parts came from (for located messages)."""

    plan: Plan
    measures: MeasureSet | None = None
    plan_places: Places | None = None
    measure_places: Places | None = None
    _plan_places: Places = field(init=False, repr=False)
    _measure_places: Places = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._plan_places = self.plan_places or PathPlaces("", self.plan.model_dump(by_alias=True))
        data = self.measures.model_dump(by_alias=True) if self.measures else {}
        self._measure_places = self.measure_places or PathPlaces("", data)

    def in_plan(self, loc: Loc, message: str, warning: bool = False) -> Problem:
        return _problem(self._plan_places, loc, message, warning)

    def in_measures(self, loc: Loc, message: str, warning: bool = False) -> Problem:
        return _problem(self._measure_places, loc, message, warning)

    def plan_where(self, loc: Loc) -> str:
        return self._plan_places.where(loc) or "altrove nel piano"

    def measure_where(self, loc: Loc) -> str:
        return self._measure_places.where(loc) or "altrove nel file"

    def objectives(self) -> Iterator[tuple[Objective, Loc]]:
        """Every objective with its location, depth first."""
        for area_index, area in enumerate(self.plan.areas):
            for index, objective in enumerate(area.objectives):
                yield from _walk(objective, ("aree", area_index, "obiettivi", index))

    def indicators(self) -> Iterator[tuple[Indicator, Loc, Objective]]:
        """Every indicator with its location and the objective that holds it."""
        for objective, loc in self.objectives():
            for index, indicator in enumerate(objective.indicators):
                yield indicator, (*loc, "indicatori", index), objective


def _walk(objective: Objective, loc: Loc) -> Iterator[tuple[Objective, Loc]]:
    yield objective, loc
    for index, child in enumerate(objective.objectives):
        yield from _walk(child, (*loc, "obiettivi", index))


def _problem(places: Places, loc: Loc, message: str, warning: bool) -> Problem:
    severity = Severity.WARNING if warning else Severity.ERROR
    return Problem(file=places.file, where=places.where(loc), message=message, severity=severity)


Check = Callable[[Subject], list[Problem]]


def duplicate_codes(subject: Subject) -> list[Problem]:
    """Codes must be unique: among areas, among objectives, and among indicators of the whole plan."""
    problems: list[Problem] = []

    def unique(items: Iterable[tuple[str, Loc]], what: str, fix: str) -> None:
        first: dict[str, Loc] = {}
        for code, loc in items:
            if code in first:
                problems.append(
                    subject.in_plan(
                        (*loc, "codice"),
                        f"il codice «{code}» è già usato da {what} ({subject.plan_where(first[code])}): {fix}",
                    )
                )
            else:
                first[code] = loc
    unique(((a.code, ("aree", i)) for i, a in enumerate(subject.plan.areas)), "un'altra area", "dare a ogni area un codice diverso")
    unique(((o.code, loc) for o, loc in subject.objectives()), "un altro obiettivo", "dare a ogni obiettivo un codice diverso")
    unique(
        ((i.code, loc) for i, loc, _ in subject.indicators()),
        "un altro indicatore",
        "un indicatore ripetuto in un altro obiettivo va scritto con un codice proprio e «collegato_a» al primo",
    )
    return problems


def weights(subject: Subject) -> list[Problem]:
    """Weights of siblings add up to 100 (± 0,01); a set where only some have a weight is suspect. Warnings."""
    problems: list[Problem] = []
    plan = subject.plan

    def siblings(items: Sequence[tuple[Decimal | None, Loc]], of_what: str) -> None:
        weighted = [weight for weight, _ in items if weight is not None]
        if not weighted:
            return
        total = sum(weighted, Decimal(0))
        if len(weighted) < len(items):
            missing = next(loc for weight, loc in items if weight is None)
            problems.append(
                subject.in_plan(
                    (*missing, "peso"),
                    f"pesi incompleti {of_what}: {len(items) - len(weighted)} su {len(items)} senza peso "
                    f"(gli altri sommano a {cell_text(total)}): indicare il peso di tutti o di nessuno",
                    warning=True,
                )
            )
        elif abs(total - 100) > WEIGHT_TOLERANCE:
            problems.append(
                subject.in_plan(
                    (*items[0][1], "peso"),
                    f"i pesi {of_what} sommano a {cell_text(total)} invece di 100: controllarli",
                    warning=True,
                )
            )

    siblings([(a.weight, ("aree", i)) for i, a in enumerate(plan.areas)], "delle aree del piano")
    for area_index, area in enumerate(plan.areas):
        loc = ("aree", area_index)
        siblings([(o.weight, (*loc, "obiettivi", i)) for i, o in enumerate(area.objectives)], f"degli obiettivi dell'area {area.code}")
    for objective, loc in subject.objectives():
        siblings(
            [(o.weight, (*loc, "obiettivi", i)) for i, o in enumerate(objective.objectives)],
            f"degli obiettivi sotto l'obiettivo {objective.code}",
        )
        siblings(
            [(i.weight, (*loc, "indicatori", n)) for n, i in enumerate(objective.indicators)],
            f"degli indicatori dell'obiettivo {objective.code}",
        )
    return problems


def links(subject: Subject) -> list[Problem]:
    """``collegato_a`` names another indicator of the plan; ``calcolato: media_obiettivi`` needs child objectives."""
    codes = {indicator.code for indicator, _, _ in subject.indicators()}
    problems = []
    for indicator, loc, objective in subject.indicators():
        target = indicator.linked_to
        if target is not None and target == indicator.code:
            problems.append(subject.in_plan((*loc, "collegato_a"), "l'indicatore è collegato a se stesso: indicare il codice dell'indicatore originale"))
        elif target is not None and target not in codes:
            problems.append(
                subject.in_plan((*loc, "collegato_a"), f"collegato a «{target}», che non è un indicatore del piano{_suggest(target, codes)}")
            )
        if indicator.computed is Computation.CHILD_OBJECTIVES_MEAN and not objective.objectives:
            problems.append(
                subject.in_plan(
                    (*loc, "calcolato"),
                    f"«media_obiettivi» richiede obiettivi sotto l'obiettivo {objective.code}, che non ne ha: "
                    "aggiungerli con obiettivo_padre o togliere «calcolato»",
                )
            )
    return problems


def measure_codes(subject: Subject) -> list[Problem]:
    """Every measure is of an indicator of the plan, and an indicator has one measure per date."""
    if subject.measures is None:
        return []
    codes = {indicator.code for indicator, _, _ in subject.indicators()}
    problems = []
    seen: dict[tuple, Loc] = {}
    for index, measure in enumerate(subject.measures.measures):
        loc = ("misure", index)
        if measure.code not in codes:
            problems.append(
                subject.in_measures(
                    (*loc, "codice"),
                    f"l'indicatore «{measure.code}» non è nel piano{_suggest(measure.code, codes)}: correggere il codice",
                )
            )
        when = subject.measures.taken_on(measure)
        key = (measure.code, when)
        if key in seen:
            shown = f"al {when:%d/%m/%Y}" if when else "senza data"
            problems.append(
                subject.in_measures(
                    (*loc, "codice"),
                    f"l'indicatore {measure.code} ha già una misura {shown} ({subject.measure_where(seen[key])}): tenerne una sola",
                )
            )
        else:
            seen[key] = loc
    return problems


def measure_fields(subject: Subject) -> list[Problem]:
    """Fields of a measure that do not agree with each other, or with the plan year, and a value cell read by a guess
    (``valore_scritto``: a note, the first of several values, done out of a total). Warnings."""
    if subject.measures is None:
        return []
    problems = []
    year = subject.plan.year
    for index, measure in enumerate(subject.measures.measures):
        loc = ("misure", index)
        when = subject.measures.taken_on(measure)
        if measure.proposed_target and not measure.proposal_reason:
            problems.append(
                subject.in_measures((*loc, "proposta_target"), "proposta di aggiornamento del target senza motivazione: compilare «motivazione»", True)
            )
        if measure.completed_on and measure.progress is not None and measure.progress < 100:
            problems.append(
                subject.in_measures(
                    (*loc, "completato_il"),
                    f"completata il {measure.completed_on:%d/%m/%Y} ma con avanzamento {cell_text(measure.progress)}%: "
                    "togliere la data o portare l'avanzamento a 100",
                    True,
                )
            )
        if measure.completed_on and when and measure.completed_on > when:
            problems.append(
                subject.in_measures(
                    (*loc, "completato_il"),
                    f"completata il {measure.completed_on:%d/%m/%Y}, dopo la data della misura ({when:%d/%m/%Y}): controllare le date",
                    True,
                )
            )
        if when and when.year != year:
            problems.append(
                subject.in_measures((*loc, "data"), f"misura al {when:%d/%m/%Y} ma il piano è del {year}: controllare la data o il piano", True)
            )
        if measure.written:
            problems.append(subject.in_measures(
                (*loc, "valore"), f"valore «{values.shorten(measure.written, 60)}» letto per ipotesi: {written.explained(measure.written, measure.note)}", True))
    return problems


def repeated_names(subject: Subject) -> list[Problem]:
    """A name made of the same words written twice («X X») is a copy-and-paste remnant. Warnings."""
    named: list[tuple[str, str, Loc]] = [(a.name, f"dell'area {a.code}", ("aree", i)) for i, a in enumerate(subject.plan.areas)]
    named += [(o.name, f"dell'obiettivo {o.code}", loc) for o, loc in subject.objectives()]
    named += [(i.name, f"dell'indicatore {i.code}", loc) for i, loc, _ in subject.indicators()]
    problems = []
    for name, of_what, loc in named:
        words = name.split()
        half = len(words) // 2
        if half >= 2 and len(words) % 2 == 0 and [w.casefold() for w in words[:half]] == [w.casefold() for w in words[half:]]:
            problems.append(
                subject.in_plan(
                    (*loc, "nome"),
                    f"il nome {of_what} ripete due volte lo stesso testo («{' '.join(words[:half])}»): "
                    "se è un errore di copia, scriverlo una volta sola",
                    True,
                )
            )
    return problems


def _suggest(code: str, codes: set[str]) -> str:
    close = difflib.get_close_matches(code, sorted(codes), n=1, cutoff=0.75)
    return f" (forse «{close[0]}»?)" if close else ""


CHECKS: tuple[Check, ...] = (duplicate_codes, links, weights, repeated_names, measure_codes, measure_fields)


def check(
    plan: Plan,
    measures: MeasureSet | None = None,
    *,
    plan_places: Places | None = None,
    measure_places: Places | None = None,
    extra: Iterable[Check] = (),
) -> list[Problem]:
    """Run :data:`CHECKS` (then ``extra``) and return every problem, errors and warnings."""
    subject = Subject(plan, measures, plan_places, measure_places)
    problems: list[Problem] = []
    for run in (*CHECKS, *extra):
        problems.extend(run(subject))
    return problems
