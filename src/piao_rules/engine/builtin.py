"""The built-in evaluator: runs the same decision tables as durable-rules, in Python.

Used where durable-rules cannot be installed (Python 3.13+, Windows without a
compiler). Its semantics are those of :func:`conditions.matches`, which mirror
the expressions :func:`conditions.to_durable` gives durable-rules; the tests run
both on every example and on random facts and compare the results.
"""

from __future__ import annotations

from typing import Any

from piao_rules.engine.conditions import matches
from piao_rules.engine.rulebook import Mode, Table


class BuiltinRunner:
    name = "interno"

    def __init__(self, tables: list[Table]):
        """Nothing to prepare: conditions are evaluated directly."""

    def run(self, table: Table, facts: list[dict[str, Any]]) -> list[list[int]]:
        """For each fact (in order), the indexes of the rules it matches, ascending; for a
        first-match table only the first one."""
        if table.mode is Mode.FIRST:
            return [next(([i] for i, rule in enumerate(table.rules) if matches(rule.tests, fact)), []) for fact in facts]
        return [[i for i, rule in enumerate(table.rules) if matches(rule.tests, fact)] for fact in facts]

    def close(self) -> None:
        return None
