"""An ordered decision table (``scelte.yaml``): the first row whose conditions all hold gives a phrase key.

Each row is ``{quando: {fact: value or [values]}, frase: key}``; the key may name facts
between braces («giudizio.{stato}»). The table is checked when it is read: facts and
values must be known, no row may be hidden by the rows above it, every key a row can
give must be a situation of the phrase book, and some row must always apply.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

from piao_rules.errors import InputError, Problems
from piao_rules.io import yamlfile
from piao_rules.io.files import read_bytes

_NAMED = re.compile(r"\{([a-z_]+)\}")
Domains = Mapping[str, Collection[Hashable]]


@dataclass(frozen=True)
class Row:
    conditions: tuple[tuple[str, frozenset[Hashable]], ...]
    key: str
    named: tuple[str, ...]  # the facts named in the key


Box = dict[str, frozenset[Hashable]]  # for each fact, the values it may take


class DecisionTable:
    """The rows of a decision table, compiled: conditions as (fact, allowed values)."""

    def __init__(self, rows: list[Row], domains: Domains, index_on: tuple[str, ...] = ()):
        self.rows = rows
        self.index_on = index_on
        self.domains: Box = {name: frozenset(values) for name, values in domains.items()}
        # Before each row (and after the last), the facts no row above applies to, as disjoint boxes.
        self.uncovered = [[self.domains]]
        for row in rows:
            self.uncovered.append([piece for box in self.uncovered[-1] for piece in _minus(box, row)])

        # For each combination of the facts of ``index_on``, the rows that may apply, without their
        # conditions on those facts: choosing reads the facts of ``index_on`` first, then few rows.
        self._index = {
            values: [(tuple(c for c in row.conditions if c[0] not in index_on), row) for row in rows
                     if all(value in dict(row.conditions).get(name, (value,)) for name, value in zip(index_on, values, strict=True))]
            for values in product(*(self.domains[name] for name in index_on))
        }

    def choose(self, facts: Mapping[str, Hashable]) -> str:
        """The key of the first row that applies; ``facts[name]`` gives a fact's value (asked in the order
        the row names the facts: a mapping may compute them on demand)."""
        for conditions, row in self._index[tuple(map(facts.__getitem__, self.index_on))]:
            for name, allowed in conditions:
                if facts[name] not in allowed:
                    break
            else:
                return row.key.format_map({name: facts[name] for name in row.named}) if row.named else row.key
        raise LookupError("nessuna riga della tabella di scelta si applica")  # excluded when the table is read

    def reachable(self, index: int, fixed: Mapping[str, Hashable] | None = None) -> bool:
        """Whether some facts make row ``index`` the first to apply (with the facts in ``fixed`` set);
        ``index`` = the number of rows: whether some facts escape every row."""
        wanted = dict(self.rows[index].conditions) if index < len(self.rows) else {}
        for name, value in (fixed or {}).items():
            wanted[name] = wanted.get(name, self.domains[name]) & {value}
        return any(all(box[name] & allowed for name, allowed in wanted.items()) for box in self.uncovered[index])

    def keys(self, index: int) -> list[str]:
        """The keys row ``index`` gives for the facts that make it apply."""
        row = self.rows[index]
        if not row.named:
            return [row.key] if self.reachable(index) else []
        found = []
        for values in product(*(sorted(self.domains[name], key=str) for name in row.named)):
            fixed = dict(zip(row.named, values, strict=True))
            if self.reachable(index, fixed):
                found.append(row.key.format_map(fixed))
        return found


def _minus(box: Box, row: Row) -> list[Box]:
    """The part of ``box`` where ``row`` does not apply, as disjoint boxes."""
    if any(not box[name] & allowed for name, allowed in row.conditions):
        return [box]
    pieces = []
    for name, allowed in row.conditions:
        if outside := box[name] - allowed:
            pieces.append({**box, name: outside})
        box = {**box, name: box[name] & allowed}
    return pieces


def load_table(path: Path, domains: Domains, known: Collection[str], prefix: str = "",
               index_on: tuple[str, ...] = ()) -> DecisionTable:
    """The decision table of ``path`` over the facts of ``domains``, its keys (``prefix`` + key) checked
    against the ``known`` situations, indexed on the facts ``index_on``. Raises InputError (Italian, by
    row) when it is not sound."""
    file = str(path)
    problems = Problems(file)
    data, _ = yamlfile.parse(read_bytes(path).decode("utf-8"), file)
    if not isinstance(data, list):
        raise InputError.single(path, "il file deve contenere un elenco di righe «- quando: {...}  frase: ...»")
    rows = [row for number, item in enumerate(data, 1) if (row := _row(item, f"riga {number}", domains, problems))]
    if problems:
        raise InputError(problems)
    table = DecisionTable(rows, domains, index_on)
    for index, row in enumerate(rows):
        where = f"riga {index + 1}"
        keys = table.keys(index)
        if not keys:
            problems.error(where, f"la riga non si applica mai: le righe precedenti coprono già ogni caso ({_shown(row)})")
        for key in keys:
            if prefix + key not in known:
                problems.error(where, f"la frase «{prefix + key}» non esiste in frasi.yaml")
    if table.reachable(len(rows)):
        problems.error("", "nessuna riga si applica in qualche caso: aggiungere in fondo una riga «- quando: {}»")
    if problems:
        raise InputError(problems)
    return table


def _row(item: Any, where: str, domains: Domains, problems: Problems) -> Row | None:
    if not isinstance(item, dict) or set(item) != {"quando", "frase"} or not isinstance(item["quando"], dict) \
            or not isinstance(item["frase"], str):
        problems.error(where, "ogni riga ha «quando: {dato: valore, ...}» e «frase: situazione»")
        return None
    conditions = []
    for name, value in item["quando"].items():
        if name not in domains:
            close = difflib.get_close_matches(str(name), list(domains), n=1)
            problems.error(where, f"dato «{name}» sconosciuto" + (f"; forse «{close[0]}»?" if close else ""))
            continue
        values = value if isinstance(value, list) else [value]
        wrong = [v for v in values if v not in domains[name]]
        if wrong:
            allowed = ", ".join(sorted(str(v).lower() for v in domains[name]))
            problems.error(where, f"«{name}»: valore {wrong[0]!r} non ammesso (ammessi: {allowed})")
            continue
        conditions.append((name, frozenset(values)))
    named = tuple(_NAMED.findall(item["frase"]))
    for name in named:
        if name not in domains:
            problems.error(where, f"la frase «{item['frase']}» nomina il dato sconosciuto «{name}»")
    return Row(tuple(conditions), item["frase"], named)


def _shown(row: Row) -> str:
    return ", ".join(f"{name}: {'/'.join(sorted(str(v) for v in allowed))}" for name, allowed in row.conditions) or "sempre"
