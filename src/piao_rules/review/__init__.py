"""Reviewing flagged deviations: the decision journal, open flags, plan revisions, the review screen.

The names below are what the command line needs for its help: kept here, away from the journal and
the engine, so that a command's help starts quickly.
"""

from enum import Enum


class Outcome(str, Enum):
    """What was decided on a flag."""

    ACCEPTED = "accolta"
    REJECTED = "respinta"
    CORRECTIVE = "azione_correttiva"
    POSTPONED = "rinviata"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


EFFECTS = ("neutralizzazione", "stato", "grado")  # what a Giunta-approved rectification does
