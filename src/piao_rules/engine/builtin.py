"""The built-in evaluator: runs the same decision tables as durable-rules, in Python.

Used where durable-rules cannot be installed (Python 3.13+, Windows without a
compiler). Its semantics are those of :func:`conditions.matches`, which mirror
the expressions :func:`conditions.to_durable` gives durable-rules; the tests run
both on every example and on random facts and compare the results.

Each table is compiled once into a Python function (:func:`conditions.compile_rules`), held
by the loaded table (:attr:`Table.matcher`) and shared by every evaluation, and a fact is
matched only once per distinct combination of the fields its table tests: thousands of
indicators share a few hundred combinations.
"""

from __future__ import annotations

from typing import Any

from piao_rules.engine.rulebook import Table


class BuiltinRunner:
    name = "interno"

    def __init__(self, tables: list[Table]):
        for table in tables:  # compiled here if no evaluation has used the table yet
            table.matcher

    def run(self, table: Table, facts: list[dict[str, Any]]) -> list[list[int]]:
        """For each fact (in order), the indexes of the rules it matches, ascending; for a
        first-match table only the first one. Facts with the same tested values share one
        list: read it, do not change it."""
        fields, match = table.fields, table.matcher
        seen: dict[tuple[Any, ...], list[int]] = {}
        results = []
        for fact in facts:
            key = tuple(map(fact.get, fields))
            found = seen.get(key)
            if found is None:
                found = seen[key] = match(fact)
            results.append(found)
        return results

    def close(self) -> None:
        return None
