"""Targets and soglie: the :class:`Target` model, the Italian parser and the canonical writer."""

from piao_rules.targets.format import describe_target, format_target
from piao_rules.targets.model import Target, TargetKind
from piao_rules.targets.parser import TargetError, parse_target, parse_threshold, split_revision

__all__ = [
    "Target", "TargetError", "TargetKind", "describe_target", "format_target", "parse_target", "parse_threshold",
    "split_revision",
]
