"""Italian status narratives for indicators, objectives, areas and the whole report."""

from piao_rules.narrative.model import Narratives
from piao_rules.narrative.narrate import narrate

__all__ = ["Narratives", "narrate"]
