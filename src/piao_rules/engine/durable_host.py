"""The only module that touches durable-rules.

durable-rules has sharp edges, each handled here:

- rulesets are registered in a process-wide C engine: every evaluation builds a
  fresh host with uniquely named rulesets and deletes them afterwards, so two
  evaluations in one process (or in two threads) never meet;
- the stock ``Host`` starts timer threads that run pending actions in the
  background and swallow their errors: our host runs none, every action runs
  synchronously inside ``assert_fact``;
- a fact identical to an earlier one raises, and one no rule matches raises too:
  every fact gets a unique id, and "no rule matched" is a normal outcome;
- a fact fires every rule it matches, an event only the one with the lowest
  ``pri``: first-match tables (andamento, punteggio, stato) are posted as events
  with ``pri`` = rule order, so durable-rules itself picks the first rule and runs
  one action per indicator; the flags table asserts facts, so all rules fire;
- action errors are swallowed into the state: our actions record their own
  errors and the run raises :class:`EngineError` with them;
- facts stay in memory until their state is deleted: facts are asserted in
  chunks, one state (``sid``) per chunk, deleted after the chunk — but only if
  some fact of the chunk matched a rule: deleting a state that holds only
  unmatched facts (or events) corrupts the C heap ("double free"). Events are
  consumed and leave nothing to delete;
- no Decimal, no date, and ``$ne``/``$nex`` misbehave: facts hold integers and
  strings only (see :mod:`piao_rules.engine.facts`) and conditions never use them;
- the rulesets' expressions are built once per loaded table (:attr:`Table.durable_conditions`),
  the rulesets themselves are registered anew for each evaluation;
- every message is a JSON round trip into the C engine: one fact is posted per
  distinct combination of the fields the table tests (all its outcome depends on),
  and the matches are copied back to the facts that share it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from piao_rules.engine.rulebook import Mode, Table

try:  # durable-rules has no wheels and does not build on Python 3.13+
    import durable_rules_engine
    from durable.engine import Host, MessageNotHandledException
except ImportError:  # pragma: no cover - exercised on machines without a compiler
    AVAILABLE = False
else:
    AVAILABLE = True

CHUNK = 500


class EngineError(RuntimeError):
    """The rules engine failed; the message is Italian."""


if AVAILABLE:

    class _SynchronousHost(Host):
        """A durable-rules host without the background dispatch threads."""

        def _run(self) -> None:
            return None


class DurableRunner:
    """Runs decision tables on durable-rules; one instance per evaluation."""

    name = "durable"

    def __init__(self, tables: list[Table]):
        if not AVAILABLE:
            raise EngineError(
                "il motore durable-rules non è installato su questo computer "
                "(serve Python fino alla 3.12 e un compilatore C): usare --motore interno"
            )
        self._prefix = f"piao_{uuid.uuid4().hex}"
        self._matches: list[tuple[int, int]] = []
        self._errors: list[str] = []
        self._host: _SynchronousHost | None = _SynchronousHost()
        definitions = {}
        for table in tables:
            definitions[self._ruleset(table)] = {
                f"r{index}": {"pri": index, "all": [{"m": condition}], "run": self._action(index)}
                for index, condition in enumerate(table.durable_conditions)
            }
        try:
            self._host.set_rulesets(definitions)
        except Exception as error:  # durable_rules_engine.error has no usable subclass
            self.close()
            raise EngineError(f"durable-rules non ha accettato le regole: {error}") from None

    def _ruleset(self, table: Table) -> str:
        return f"{self._prefix}_{table.name}"

    def _action(self, index: int) -> Callable[[Any], None]:
        def action(closure: Any) -> None:
            try:
                self._matches.append((int(closure.m["n"]), index))
            except Exception as error:  # recorded, raised by run()
                self._errors.append(f"{type(error).__name__}: {error}")

        return action

    def run(self, table: Table, facts: list[dict[str, Any]]) -> list[list[int]]:
        """For each fact (in order), the indexes of the rules it matches, ascending; for a
        first-match table only the first one. Facts with the same tested values share one
        list: read it, do not change it."""
        fields = table.fields
        distinct: dict[tuple[Any, ...], int] = {}
        slots = [distinct.setdefault(tuple(map(fact.get, fields)), len(distinct)) for fact in facts]
        posted: list[dict[str, Any]] = [{}] * len(distinct)
        for fact, slot in zip(facts, slots):
            if not posted[slot]:
                posted[slot] = {name: fact[name] for name in fields if name in fact}
        found = self._post(table, posted)
        return [found[slot] for slot in slots]

    def _post(self, table: Table, facts: list[dict[str, Any]]) -> list[list[int]]:
        """Post ``facts`` (numbered here by position) and collect the rules each matched."""
        assert self._host is not None  # not closed
        ruleset = self._ruleset(table)
        first_only = table.mode is Mode.FIRST
        send = self._host.post if first_only else self._host.assert_fact
        self._matches.clear()
        for start in range(0, len(facts), CHUNK):
            sid = f"{table.name}-{start // CHUNK}"
            handled = False
            for n in range(start, min(start + CHUNK, len(facts))):
                message = {**facts[n], "n": n, "id": f"{sid}-{n}", "sid": sid}
                try:
                    send(ruleset, message)
                except MessageNotHandledException:
                    continue
                except Exception as error:
                    raise EngineError(f"errore di durable-rules sulle regole «{table.name}»: {error}") from None
                handled = True
            if handled:
                self._host.delete_state(ruleset, sid)
        if self._errors:
            raise EngineError(f"errore in un'azione delle regole «{table.name}»: {self._errors[0]}")
        result: list[list[int]] = [[] for _ in facts]
        for n, index in self._matches:
            result[n].append(index)
        return [sorted(set(indexes)) for indexes in result]

    def close(self) -> None:
        """Free the rulesets in the C engine."""
        for ruleset in getattr(self._host, "_ruleset_list", []):
            try:
                durable_rules_engine.delete_ruleset(ruleset._handle)
            except Exception:  # already gone: nothing to free
                pass
        self._host = None
