"""What the review commands share: the evaluation, the journal and the flags with their decisions."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from piao_rules.cli.common import check_outputs, load_inputs, print_problems, rulebook_for

if TYPE_CHECKING:  # the engine and the journal are imported when a command runs (fast start-up)
    from piao_rules.engine.result import Evaluation
    from piao_rules.io.model import Plan
    from piao_rules.review.flags import FlagView

@dataclass
class Review:
    evaluation: Evaluation
    plan: Plan
    journal_path: Path
    measures: Path

    def views(self) -> list[FlagView]:
        from piao_rules.review import journal as journals
        from piao_rules.review.flags import views

        return views(self.evaluation, journals.read_journal(self.journal_path))

    def record_sighting(self) -> None:
        """Note in the journal the flags raised at this date (so that the next monitoring knows since when)."""
        from piao_rules.review import journal as journals

        ids = [f.id for f in self.evaluation.flags]
        journals.record_sighting(self.journal_path, self.evaluation.year, self.evaluation.as_of, ids, self.measures.name)


def load_review(piano: Path, misure: Path, as_of: date | None, giornale: Path | None) -> Review:
    """The evaluation under review, with the decisions of its journal (which may not exist yet) applied."""
    from piao_rules.monitoring import monitor
    from piao_rules.review import journal as journals

    plan, measures, when, warnings = load_inputs(piano, misure, as_of)
    path = giornale or journals.default_path(misure, plan.year)
    check_outputs([path, journals.lock_path(path)], [piano, misure])
    journal = journals.read_journal(path)  # a damaged journal stops here, before anything is written
    result = monitor(plan, measures, when, rules=rulebook_for(piano, plan), decisions=journal)
    print_problems([w for w in warnings + result.warnings if not w.is_error])
    return Review(result.evaluation, plan, path, misure)


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "utente sconosciuto"

