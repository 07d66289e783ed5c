"""The condition language of rules/*.yaml: parse, compile to durable-rules, evaluate, describe.

A condition is a mapping ``field: test``, all tests must hold::

    se:
      misura: vero                 # equality (vero/falso, a choice, a number)
      stato: [a_rischio, non_raggiunto]   # one of
      ritmo: {"<": $soglia_a_rischio}     # comparison with a parameter of the file
      grado: {">=": 60, "<": 100}

Operators: ``=``, ``!=``, ``<``, ``<=``, ``>``, ``>=``. A test on a field the
fact does not have is false. ``!=`` is expanded into tests durable-rules runs
reliably (its own ``$ne`` is not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from piao_rules import format_it
from piao_rules.engine.facts import FIELDS, SHOWN, Field, FieldKind

_DURABLE_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
_WORDS = {"=": "pari a", "!=": "diverso da", "<": "meno di", "<=": "al massimo", ">": "più di", ">=": "almeno"}
_TRUE = {"vero", "si", "sì", "true", "yes"}
_FALSE = {"falso", "no", "false"}

# Every fact carries its sequence number ``n`` (>= 0): an empty condition tests it.
ALWAYS_FIELD = "n"


@dataclass(frozen=True)
class Test:
    field: str
    op: str  # "=", "in", "!=", "<", "<=", ">", ">="
    value: Any  # encoded: int or str; a tuple for "in"


class ConditionError(ValueError):
    """A condition that cannot be understood; the message is Italian."""


def _boolish(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    return value


def _encode(field: Field, raw: Any, params: dict[str, Any]) -> int | str:
    if isinstance(raw, str) and raw.startswith("$"):
        if raw[1:] not in params:
            known = ", ".join(sorted(params)) or "nessuno"
            raise ConditionError(f"parametro «{raw}» non definito (parametri: {known})")
        raw = params[raw[1:]]
    try:
        return field.encode(_boolish(raw) if field.kind is FieldKind.BOOL else raw)
    except ValueError as error:
        raise ConditionError(str(error)) from None


def parse(condition: dict[str, Any] | None, params: dict[str, Any] | None = None) -> tuple[Test, ...]:
    """Read a ``se:`` mapping into tests; raise ConditionError (Italian) when it is wrong."""
    params = params or {}
    if condition is None:
        return ()
    if not isinstance(condition, dict):
        raise ConditionError("la condizione «se» deve essere un elenco di campi e valori")
    tests: list[Test] = []
    for name, spec in condition.items():
        field = FIELDS.get(str(name))
        if field is None:
            raise ConditionError(f"campo «{name}» sconosciuto (campi ammessi: {', '.join(FIELDS)})")
        if isinstance(spec, list):
            if not spec:
                raise ConditionError(f"«{name}»: l'elenco dei valori è vuoto")
            tests.append(Test(field.name, "in", tuple(_encode(field, item, params) for item in spec)))
        elif isinstance(spec, dict):
            if not spec:
                raise ConditionError(f"«{name}»: manca il confronto")
            for op, raw in spec.items():
                if op not in _WORDS:
                    raise ConditionError(f"«{name}»: operatore «{op}» non ammesso (usare = != < <= > >=)")
                if op in _DURABLE_OPS and field.kind in (FieldKind.BOOL, FieldKind.CHOICE):
                    raise ConditionError(f"«{name}»: «{op}» vale solo per i campi numerici")
                tests.append(Test(field.name, op, _encode(field, raw, params)))
        else:
            tests.append(Test(field.name, "=", _encode(field, spec, params)))
    return tuple(tests)


def _durable_test(test: Test) -> dict[str, Any]:
    field = FIELDS[test.field]
    if test.op == "=":
        return {test.field: test.value}
    if test.op == "in":
        return {"$or": [{test.field: value} for value in test.value]}
    if test.op == "!=":
        if field.kind is FieldKind.BOOL:
            return {test.field: 1 - test.value}
        if field.kind is FieldKind.CHOICE:
            return {"$or": [{test.field: other} for other in field.choices if other != test.value]}
        return {"$or": [{"$lt": {test.field: test.value}}, {"$gt": {test.field: test.value}}]}
    return {_DURABLE_OPS[test.op]: {test.field: test.value}}


def to_durable(tests: tuple[Test, ...]) -> dict[str, Any]:
    """The durable-rules expression (the ``m`` of a rule) for these tests."""
    parts = [_durable_test(test) for test in tests] or [{"$gte": {ALWAYS_FIELD: 0}}]
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _holds(test: Test, fact: dict[str, Any]) -> bool:
    if test.field not in fact:
        return False
    value = fact[test.field]
    if test.op == "=":
        return bool(value == test.value)
    if test.op == "in":
        return value in test.value
    if test.op == "!=":
        return bool(value != test.value)
    if isinstance(value, str) or isinstance(test.value, str):
        return False
    return bool({"<": value < test.value, "<=": value <= test.value, ">": value > test.value, ">=": value >= test.value}[
        test.op
    ])


def matches(tests: tuple[Test, ...], fact: dict[str, Any]) -> bool:
    """The built-in evaluator: the same semantics as the compiled durable-rules expression."""
    for test in tests:
        if not _holds(test, fact):
            return False
    return True


def fields_of(rules: Iterable[tuple[Test, ...]]) -> tuple[str, ...]:
    """The fields some test of these conditions reads: all a fact's outcome depends on
    (an empty condition holds for every fact)."""
    return tuple(dict.fromkeys(test.field for tests in rules for test in tests))


def _python_test(test: Test, value: str, constant: str) -> str:
    """A test as a Python expression on the field's value (``None`` when the fact lacks it)."""
    if test.op == "=":
        return f"{value} == {constant}"
    if test.op == "in":
        return f"{value} in {constant}"
    if test.op == "!=":
        return f"({value} is not None and {value} != {constant})"
    if isinstance(test.value, str):
        return "False"
    return f"({value} is not None and not isinstance({value}, str) and {value} {test.op} {constant})"


def compile_rules(rules: tuple[tuple[Test, ...], ...], first_only: bool) -> Callable[[dict[str, Any]], list[int]]:
    """One Python function for a whole table, built once: given a fact, the indexes of the
    rules it matches (only the first for ``first_only``) — the semantics of :func:`matches`,
    which the tests compare it with."""
    fields = fields_of(rules)
    names = {field: f"v{n}" for n, field in enumerate(fields)}
    constants: dict[str, Any] = {}
    lines = ["def match(fact):", "    get = fact.get"]
    lines += [f"    {names[field]} = get({field!r})" for field in fields]
    lines.append("    found = []")
    for index, tests in enumerate(rules):
        parts = []
        for test in tests:
            constant = f"c{len(constants)}"
            constants[constant] = test.value
            parts.append(_python_test(test, names[test.field], constant))
        outcome = f"return [{index}]" if first_only else f"found.append({index})"
        lines.append(f"    if {' and '.join(parts) or 'True'}:\n        {outcome}")
    lines.append("    return found")
    namespace: dict[str, Any] = dict(constants)
    exec("\n".join(lines), namespace)  # noqa: S102 - source built above from parsed tests only
    match: Callable[[dict[str, Any]], list[int]] = namespace["match"]
    return match


def _shown(field: Field, value: Any) -> str:
    if field.kind is FieldKind.PERCENT:
        return format_it.percent(field.decode(value))
    if field.kind is FieldKind.CHOICE:
        return SHOWN.get(value, str(value).replace("_", " "))
    return format_it.number(value, 0)


def describe_test(test: Test) -> str:
    """One test in Italian: «grado di raggiungimento: almeno 100%», «manca la misura alla data»."""
    field = FIELDS[test.field]
    if field.kind is FieldKind.BOOL:
        positive = bool(test.value) == (test.op == "=")
        return field.label if positive else field.no
    if test.op == "in":
        shown = [_shown(field, v) for v in test.value]
        return f"{field.label}: " + (", ".join(shown[:-1]) + " o " + shown[-1] if len(shown) > 1 else shown[0])
    if field.kind is FieldKind.CHOICE:
        return f"{field.label}: {'' if test.op == '=' else 'non '}{_shown(field, test.value)}"
    return f"{field.label}: {_WORDS[test.op]} {_shown(field, test.value)}"


def describe(tests: tuple[Test, ...]) -> str:
    """All the tests of a condition in Italian, or «sempre» for an empty one."""
    return "; ".join(describe_test(test) for test in tests) if tests else "sempre"
