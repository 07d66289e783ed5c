"""Read YAML safely, keeping the line of every node; write YAML the way a person would.

Every YAML file piao-rules reads (plan, measures, rules, ente, mappa, phrases) goes
through :func:`parse`. Its work is bounded: anchors and aliases (``&a`` … ``*a``)
may repeat at most :data:`MAX_REPEATED` elements in all («billion laughs» is refused
before anything is built), may not refer to themselves, and nesting stops at
:data:`MAX_DEPTH` levels.

Loading goes through PyYAML's safe loader with YAML 1.2 scalars: only ``true``/
``false`` are booleans (``NO`` stays the text «NO»), dates stay text (the models
read them the Italian way, with Italian errors), and ``10:30`` is not a number.
A number with the dot every three digits (``1.250``, ``26.426``) stays text too: the
models read it the Italian way, as thousands (1250), as they do in CSV and Excel
cells, instead of YAML's 1.25.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from piao_rules.errors import InputError, Problem
from piao_rules.io.places import Loc

MAX_REPEATED = 100_000  # elements that aliases add to the document once expanded
MAX_DEPTH = 60  # levels of nesting (a plan nests areas, objectives and indicators a dozen levels at most)
_THOUSANDS_SHAPE = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+")  # «1.250»: a thousands dot to an Italian reader

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2 core-schema scalars.

    Plain scalars repeat (field names, «puntuale», «SI»): each distinct one is resolved
    once per document (no path resolvers are registered, so the tag depends on the text only).
    """

    def __init__(self, stream: Any):
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0] and not self.yaml_path_resolvers:
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        rf"^(?!{_THOUSANDS_SHAPE.pattern}$)"  # «1.250»: Italian thousands, left to the models
        r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", ["<"]),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)

# PyYAML's explanations, in Italian, with what to do.
_SYNTAX = (
    ("mapping values are not allowed", "due punti «:» in un punto non ammesso: racchiudere il testo tra virgolette"),
    ("could not find expected ':'", "manca il «:» dopo il nome del campo, oppure il rientro non è coerente"),
    ("found character '\\t'", "tabulazione non ammessa: usare spazi per i rientri"),
    ("found a tab character", "tabulazione non ammessa: usare spazi per i rientri"),
    ("found unexpected end of stream", "virgolette non chiuse: il testo finisce prima della virgoletta di chiusura"),
    ("found unknown escape character", "sequenza «\\» non valida tra virgolette doppie: usare virgolette semplici"),
    ("did not find expected key", "rientro non coerente: allineare il campo agli altri dello stesso livello"),
    ("did not find expected '-'", "rientro non coerente: allineare l'elemento agli altri dell'elenco con «- »"),
    ("expected <block end>", "rientro non coerente: allineare il campo agli altri dello stesso livello"),
    ("did not find expected node content", "valore mancante o carattere non ammesso all'inizio del valore"),
    ("found undefined alias", "riferimento «*» a un'ancora «&» che non esiste"),
    ("found character that cannot start any token", "carattere non ammesso all'inizio di un valore: racchiudere il testo tra virgolette"),
    ("expected a single document", "il file contiene più documenti («---»): lasciarne uno solo"),
    ("mapping keys are not allowed", "«?» o «:» in un punto non ammesso: racchiudere il testo tra virgolette"),
)


def _syntax_message(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    for english, italian in _SYNTAX:
        if english in problem or english in str(error):
            return f"errore di sintassi YAML: {italian}"
    return "errore di sintassi YAML: testo non valido in questo punto (controllare rientri, «:» e virgolette)"


_INDICATOR_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s#][^:#]*:\s+([>|!&*%@`])")


def _indicator_hint(text: str, mark: yaml.Mark | None) -> str | None:
    """A value starting with a YAML sign (``target: >= 150``) is the commonest slip: say so."""
    if mark is None:
        return None
    lines = text.splitlines()
    for number in (mark.line, mark.line - 1):
        if 0 <= number < len(lines) and (match := _INDICATOR_VALUE.match(lines[number])):
            example = lines[number].split(":", 1)
            return (
                f"il valore dopo «{example[0].strip().lstrip('- ')}:» comincia con «{match.group(1)}», che in YAML ha un "
                f"significato speciale: racchiuderlo tra virgolette, per esempio {example[0].strip().lstrip('- ')}: \"{example[1].strip()}\""
            )
    return None


def parse(text: str, file: Path | str) -> tuple[Any, yaml.Node | None]:
    """The data in ``text`` and its node tree; syntax errors and repeated keys raise InputError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_size(node, file)
        problems = list(_repeated_keys(node, str(file)))
        if problems:
            raise InputError(problems)
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"riga {mark.line + 1}" if mark else ""
        raise InputError.single(file, _indicator_hint(text, mark) or _syntax_message(error), where) from None
    except yaml.YAMLError as error:
        raise InputError.single(file, _syntax_message(error)) from None
    finally:
        loader.dispose()


def _check_size(root: yaml.Node, file: Path | str) -> None:
    """Refuse aliases that repeat more than MAX_REPEATED elements or refer to themselves, and nesting beyond MAX_DEPTH.

    Each distinct collection is expanded once (its size is remembered), so the check
    takes time in proportion to the text, whatever the aliases would expand to. A
    node's expanded size less the nodes met so far is at least what aliases repeat in it.
    """
    sizes: dict[int, int] = {}
    inside: set[int] = set()
    met = 0

    def refuse(node: yaml.Node, message: str) -> InputError:
        return InputError.single(file, message, f"riga {node.start_mark.line + 1}")

    def size(node: yaml.Node, depth: int) -> int:
        nonlocal met
        if isinstance(node, yaml.ScalarNode):
            met += 1
            return 1
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in inside:
            raise refuse(node, "un riferimento «*» rimanda all'ancora «&» che lo contiene (riferimento circolare): toglierlo")
        if depth > MAX_DEPTH:
            raise refuse(node, f"dati annidati su più di {MAX_DEPTH} livelli: controllare i rientri")
        met += 1
        inside.add(key)
        children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
        total = 1 + sum(size(child, depth + 1) for child in children)
        inside.discard(key)
        sizes[key] = total
        if total - met > MAX_REPEATED:
            raise refuse(node, f"i riferimenti «*» alle ancore «&» ripetono oltre {MAX_REPEATED:,} elementi: il file è "
                               "rifiutato perché bloccherebbe il computer; scrivere i dati per esteso o togliere i "
                               "riferimenti".replace(",", "."))
        return total

    size(root, 1)


def _repeated_keys(node: yaml.Node, file: str):
    """A key written twice in one mapping would silently hide the first value."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if key.value in seen and key.value != "<<":
                    yield Problem(
                        file=file,
                        where=f"riga {line}",
                        message=f"campo «{key.value}» ripetuto (già alla riga {seen[key.value]}): tenerne uno solo",
                    )
                seen.setdefault(key.value, line)
            yield from _repeated_keys(value, file)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _repeated_keys(item, file)


def line_finder(root: yaml.Node | None):
    """A function giving the (1-based) line of the node at a location, or of its nearest parent."""

    def line_of(loc: Loc) -> int | None:
        node = root
        if node is None:
            return None
        for position, part in enumerate(loc):
            child = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                        if position == len(loc) - 1:
                            return key.start_mark.line + 1
                        child = value
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = node.value[part]
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    return line_of


class _Dumper(yaml.SafeDumper):
    """Decimals as plain numbers, dates as gg/mm/aaaa, long texts as blocks, lists indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        """Numbers and dates are written out every time, never as «&id001» anchors (readings
        are cached, so equal values are often the same object)."""
        return isinstance(data, (Decimal, date)) or super().ignore_aliases(data)


def _decimal(dumper: yaml.SafeDumper, number: Decimal) -> yaml.Node:
    if number == number.to_integral_value():
        return dumper.represent_scalar("tag:yaml.org,2002:int", str(int(number)))
    text = format(number, "f")
    if _THOUSANDS_SHAPE.fullmatch(text):
        text += "0"  # 1.125 written «1.1250»: «1.125» would be read back as 1125
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


def _date(dumper: yaml.SafeDumper, when: date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", f"{when:%d/%m/%Y}")


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


# Quote every text that either YAML 1.1 readers or ours would take for a number, a date or a boolean.
_Dumper.yaml_implicit_resolvers = {
    first: list(yaml.SafeDumper.yaml_implicit_resolvers.get(first, [])) + list(_Loader.yaml_implicit_resolvers.get(first, []))
    for first in set(yaml.SafeDumper.yaml_implicit_resolvers) | set(_Loader.yaml_implicit_resolvers)
}
_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(date, _date)
_Dumper.add_representer(str, _text)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
