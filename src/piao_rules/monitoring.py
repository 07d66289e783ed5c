"""The library API: one call evaluates a plan's measures at a date; the result writes narratives and documents.

    from piao_rules import monitor

    m = monitor("examples/cuneo/piano.yaml", "examples/cuneo/misure-2023-06-30.csv")
    m.evaluation.summary.achievement       # the ente's degree of achievement
    m.narratives.summary                   # the Italian summary
    m.annex("allegato.docx")               # the Word annex for the Giunta
    m.annex("bozza.docx", working_copy=True)  # the controller's working copy, with the open questions
    m.deliberation("delibera.docx", ente="examples/cuneo/ente.yaml", number="107", sitting=date(2023, 7, 31))

The rules are loaded once and kept on the result. Heavy modules (narratives, Word
documents) are imported only when a narrative or a document is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, overload

from piao_rules import atomic
from piao_rules.engine.durable_host import EngineError
from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.result import Evaluation
from piao_rules.engine.rulebook import Rulebook, load_rulebook
from piao_rules.errors import InputError, Problem
from piao_rules.io import load_measures, load_plan
from piao_rules.io.model import MeasureSet, Plan
from piao_rules.review.adjustments import adjustments
from piao_rules.review.journal import Journal, read_journal

if TYPE_CHECKING:
    from piao_rules.io.ente import EnteFile
    from piao_rules.narrative.model import Narratives
    from piao_rules.review.revisions import Revision


@dataclass
class Monitoring:
    """A plan evaluated at a date, with the rules used and the review journal (if any)."""

    plan: Plan
    measures: MeasureSet
    evaluation: Evaluation
    rulebook: Rulebook
    journal: Journal | None = None
    warnings: list[Problem] = field(default_factory=list)
    phrases: Path | None = None
    history: Path | None = None  # the history folder the evaluation used, for the annex's trend chart

    @cached_property
    def decisions(self) -> dict[str, str]:
        """Flag id → the decision in force, as the annex prints it (empty without a journal)."""
        from piao_rules.review.flags import decision_texts

        return decision_texts(self.evaluation, self.journal) if self.journal is not None else {}

    @cached_property
    def revisions(self) -> list[Revision] | None:
        """The target revisions accepted in the journal; None without a journal (then those proposed count)."""
        if self.journal is None:
            return None
        from piao_rules.review.revise import accepted_revisions
        from piao_rules.review.revisions import approved

        return approved(self.evaluation, accepted_revisions(self.journal, self.evaluation.year))

    @cached_property
    def narratives(self) -> Narratives:
        """The Italian narratives for the Giunta (no instructions to the offices), with the journal's decisions."""
        return self.narratives_for(for_giunta=True)

    def narratives_for(self, for_giunta: bool) -> Narratives:
        """The Italian narratives, with the decisions of the journal in place of the proposed actions;
        ``for_giunta`` leaves out the instructions to the offices (the controller's copy keeps them)."""
        from piao_rules.narrative import narrate
        from piao_rules.review.flags import decision_texts

        if self.journal is None:
            return narrate(self.evaluation, self.phrases, for_giunta=for_giunta)
        brief = decision_texts(self.evaluation, self.journal, brief=True)
        return narrate(self.evaluation, self.phrases, decisions=brief, revisions=self.revisions, for_giunta=for_giunta)

    def annex_bytes(self, *, act_number: str | None = None, act_date: date | None = None,
                    ente: EnteFile | str | Path | None = None, templates: Path | None = None,
                    chapters: list[Path] | tuple[Path, ...] = (), working_copy: bool = False) -> bytes:
        """The Word annex as .docx bytes; ``act_number`` and ``act_date`` name the deliberation it is attached to.

        ``ente`` (the ente file or its path) gives names, the premessa's facts and the chapters it lists
        (relative to the file), merged before ``chapters``; ``working_copy`` writes the controller's copy.
        """
        from piao_rules.documents.annex import Act, AnnexRequest, build_annex
        from piao_rules.documents.premise import facts_of

        if (act_number is None) != (act_date is None):
            raise InputError.single("", "indicare insieme numero e data della delibera (oppure nessuno dei due)")
        ente_file = _ente(ente)
        listed = [Path(ente).parent / name for name in ente_file.chapters] if ente_file and isinstance(ente, (str, Path)) else []
        area_trend = {}
        if self.history is not None:
            from piao_rules.history.reader import read_area_trend

            area_trend = read_area_trend(self.history, self.plan)
        request = AnnexRequest(
            evaluation=self.evaluation, rulebook=self.rulebook, narratives=self.narratives_for(not working_copy),
            decisions=self.decisions,
            ente=ente_file.ente.name if ente_file else self.plan.ente.name,
            short_name=ente_file.ente.short_name if ente_file else self.plan.ente.short_name,
            plan_title=self.plan.title, period=self.plan.period,
            act=Act(act_number.strip(), act_date) if act_number is not None and act_date is not None else None,
            templates=templates, facts=facts_of(ente_file), chapters=_checked_chapters([*listed, *chapters]),
            working_copy=working_copy, area_trend=area_trend,
        )
        return build_annex(request)

    def annex(self, path: str | Path, **options) -> Path:
        """Write the annex to ``path`` atomically (options as :meth:`annex_bytes`)."""
        return _write(path, self.annex_bytes(**options))

    def deliberation_bytes(self, *, ente: EnteFile | str | Path, number: str, sitting: date,
                           templates: Path | None = None) -> bytes:
        """The draft Giunta deliberation as .docx bytes; ``ente`` is the ente file (Giunta, recitals)."""
        from piao_rules.documents.deliberation import DeliberationRequest, build_deliberation

        request = DeliberationRequest(
            evaluation=self.evaluation, ente=_ente(ente), number=number.strip(), sitting=sitting,
            narratives=self.narratives, templates=templates, revisions=self.revisions,
        )
        return build_deliberation(request)

    def deliberation(self, path: str | Path, **options) -> Path:
        """Write the deliberation to ``path`` atomically (options as :meth:`deliberation_bytes`)."""
        return _write(path, self.deliberation_bytes(**options))


def monitor(
    plan: Plan | str | Path,
    measures: MeasureSet | str | Path,
    as_of: date | None = None,
    *,
    rules: Rulebook | str | Path | None = None,
    decisions: Journal | str | Path | None = None,
    engine: str | None = None,
    base_dir: str | Path | None = None,
    phrases: str | Path | None = None,
    history: str | Path | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Monitoring:
    """Evaluate ``measures`` against ``plan`` at ``as_of`` (default: the measures' own date).

    ``plan`` and ``measures`` are models or files (YAML, CSV, xlsx). ``rules`` is a loaded
    rulebook or a rules folder; by default the plan's own ``regole`` folder (relative to the
    plan file, or to ``base_dir``) over the shipped rules. ``decisions`` is the review journal
    (or its path): its rectifications and confirmed statuses are applied; ``history`` the history folder (``storico/<anno>/``) that gives each indicator its
    earlier years; ``on_stage`` is called as each evaluation stage starts. Bad input raises :class:`InputError` with every problem, in Italian.
    """
    warnings: list[Problem] = []
    problems: list[Problem] = []
    plan_path = Path(plan) if isinstance(plan, (str, Path)) else None
    if plan_path is not None:
        try:
            plan, found = load_plan(plan_path)
            warnings += found
        except InputError as error:
            problems += error.problems
    if isinstance(measures, (str, Path)):
        measures_path = Path(measures)
        try:
            measures, found = load_measures(measures_path, as_of)
            warnings += found
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems + warnings)
    assert isinstance(plan, Plan) and isinstance(measures, MeasureSet)
    when = as_of or measures.as_of
    if when is None:
        raise InputError.single("", "manca la data del monitoraggio: indicarla (es. 30/06/2023)")
    folder = Path(base_dir) if base_dir is not None else (plan_path.parent if plan_path is not None else Path("."))
    if not isinstance(rules, Rulebook):
        rules = load_rulebook(rules if rules is not None else (folder / plan.rules if plan.rules else None))
    journal = read_journal(Path(decisions)) if isinstance(decisions, (str, Path)) else decisions
    past = None
    if history is not None:
        from piao_rules.history.reader import read_history

        past, found = read_history(Path(history), plan)
        warnings += found
    try:
        evaluation = evaluate(plan, measures, when, rulebook=rules, engine=engine, history=past, on_stage=on_stage,
                              adjustments=adjustments(journal, plan.year, when))
    except EngineError as error:
        raise InputError.single("", str(error)) from None
    return Monitoring(plan, measures, evaluation, rules, journal, warnings, Path(phrases) if phrases else None,
                      Path(history) if history is not None else None)


@overload
def _ente(ente: EnteFile | str | Path) -> EnteFile: ...


@overload
def _ente(ente: EnteFile | str | Path | None) -> EnteFile | None: ...


def _ente(ente: EnteFile | str | Path | None) -> EnteFile | None:
    if isinstance(ente, (str, Path)):
        from piao_rules.io.ente import load_ente

        return load_ente(ente)
    return ente


def _checked_chapters(paths: list[Path]) -> list[Path]:
    """The chapter files, each an existing Word document; otherwise an Italian error naming the file."""
    import zipfile

    problems = []
    for path in paths:
        if not path.is_file():
            problems.append(Problem(file=str(path), message="capitolo non trovato: controllare il nome e la cartella"))
        elif path.suffix.lower() != ".docx" or not zipfile.is_zipfile(path):
            problems.append(Problem(file=str(path), message="il capitolo deve essere un documento Word (.docx)"))
    if problems:
        raise InputError(problems)
    return list(paths)


def _write(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    atomic.write_bytes(path, data)
    return path
