"""An ordered decision table (``scelte.yaml``): the first row whose conditions all hold gives a phrase key.

Each row is ``{quando: {fact: value or [values]}, frase: key}``; the key may name facts
between braces («giudizio.{stato}»). The table is checked when it is read: facts and
values must be known, no row may be hidden by the rows above it, every key a row can
give must be a situation of the phrase book, and some row must always apply.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Hashable, Mapping
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

    def __init__(self, rows: list[Row], domains: Domains):
        self.rows = rows
        self.domains: Box = {name: frozenset(values) for name, values in domains.items()}
        # Before each row (and after the last), the facts no row above applies to, as disjoint boxes.
        self.uncovered = [[self.domains]]
        for row in rows:
            self.uncovered.append([piece for box in self.uncovered[-1] for piece in _minus(box, row)])

    def choose(self, fact: Callable[[str], Hashable]) -> str:
        """The key of the first row that applies; ``fact(name)`` gives a fact's value (asked lazily, in
        the order the row names the facts)."""
        for row in self.rows:
            if all(fact(name) in allowed for name, allowed in row.conditions):
                if not row.named:
                    return row.key
                return row.key.format_map({name: fact(name) for name in row.named})
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


def load_table(path: Path, domains: Domains, known: Collection[str], prefix: str = "") -> DecisionTable:
    """The decision table of ``path`` over the facts of ``domains``, its keys (``prefix`` + key) checked
    against the ``known`` situations. Raises InputError (Italian, by row) when it is not sound."""
    file = str(path)
    problems = Problems(file)
    data, _ = yamlfile.parse(read_bytes(path).decode("utf-8"), file)
    if not isinstance(data, list):
        raise InputError.single(path, "il file deve contenere un elenco di righe «- quando: {...}  frase: ...»")
    rows = [row for number, item in enumerate(data, 1) if (row := _row(item, f"riga {number}", domains, problems))]
    if problems:
        raise InputError(problems)
    table = DecisionTable(rows, domains)
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
