"""The evaluation policy: rules/*.yaml read, checked and compiled into decision tables.

Files (each may be overridden by a plan's own rules folder, file by file):

- ``andamento.yaml``    how an indicator accrues when the plan does not say (first rule that applies)
- ``punteggio.yaml``    which formula gives the degree of achievement, and its options
- ``stato.yaml``        the status of each indicator (first rule that applies)
- ``segnalazioni.yaml`` the flags (every rule that applies)
- ``aggregazione.yaml`` how degrees add up the tree, and the achievement bands
- ``note.yaml``         the cues that read an activity's phase in a note (a proposal to confirm)
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from piao_rules.engine import SEVERITIES, conditions, flag_codes
from piao_rules.engine.facts import ACCRUALS, METHODS, STATUSES
from piao_rules.engine.notes import Lexicon, NoteReader
from piao_rules.errors import InputError, Problem, Problems
from piao_rules.io import tables, yamlfile
from piao_rules.io.files import read_bytes
from piao_rules.resources import default_rules_dir

TABLES = ("andamento", "punteggio", "stato", "segnalazioni")
FILES = (*TABLES, "aggregazione", "note")

# What each table decides, and the values it may assign.
_DECIDES = {"andamento": ("andamento", ACCRUALS), "punteggio": ("metodo", METHODS), "stato": ("stato", STATUSES)}
REASON_FIELDS = (
    "valore", "target", "soglia", "atteso", "data", "scadenza", "giorni", "proiezione", "proposta",
    "motivazione", "causa_esterna", "valori", "pesi_somma", "grado", "avanzamento", "stato", "lettura",
    "anni_mancati", "ultimo_valore",
)


class Mode(str, Enum):
    FIRST = "prima_regola"
    ALL = "tutte_le_regole"


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Rule(_Model):
    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(alias="nome", min_length=1)
    when: dict[str, Any] | None = Field(None, alias="se")
    then: dict[str, Any] = Field(alias="allora")
    note: str | None = Field(None, alias="nota")


class RuleFile(_Model):
    description: str = Field(alias="descrizione")
    mode: Mode = Field(alias="modo")
    params: dict[str, Any] = Field(default_factory=dict, alias="parametri")
    rules: list[Rule] = Field(alias="regole", min_length=1)


class Band(_Model):
    below: Decimal | None = Field(None, alias="sotto", description="il grado è inferiore a questo valore")
    kind: str = Field(alias="tipo", pattern="^(zero|proporzionale|pieno)$")


class BandTable(_Model):
    name: str = Field(alias="nome")
    bands: list[Band] = Field(alias="scaglioni", min_length=1)

    @field_validator("bands")
    @classmethod
    def _ordered(cls, bands: list[Band]) -> list[Band]:
        limits = [band.below for band in bands[:-1] if band.below is not None]
        if len(limits) < len(bands) - 1 or bands[-1].below is not None:
            raise ValueError("ogni scaglione tranne l'ultimo deve avere «sotto»; l'ultimo no")
        if limits != sorted(limits):
            raise ValueError("gli scaglioni devono essere in ordine crescente di «sotto»")
        return bands


class EnteScope(_Model):
    """Which objectives form the ente's organisational performance, and how they add up."""

    apart: list[str] = Field(default_factory=lambda: ["individuale"], alias="a_parte")
    level: list[str] = Field(default_factory=lambda: ["strategico"], alias="livello")
    basis: str = Field("automatico", alias="base", pattern="^(automatico|aree|obiettivi)$")


class Aggregation(_Model):
    description: str = Field(alias="descrizione")
    method: str = Field(alias="metodo", pattern="^(media_ponderata|tutti_raggiunti)$")
    ente: EnteScope = Field(default_factory=EnteScope)
    bands: list[BandTable] = Field(default_factory=list, alias="fasce")


class CompiledRule(BaseModel):
    """A rule ready to run: its tests, its effect, and its Italian description."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    name: str
    tests: tuple[conditions.Test, ...]
    then: dict[str, Any]
    source: str  # file name, for messages
    condition_text: str = ""

    def model_post_init(self, context: Any) -> None:
        if not self.condition_text:
            object.__setattr__(self, "condition_text", conditions.describe(self.tests))


class Table(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    description: str
    mode: Mode
    params: dict[str, Any]
    rules: tuple[CompiledRule, ...]

    # Compiled once per loaded table, on first use, and shared by every evaluation and engine.
    @cached_property
    def fields(self) -> tuple[str, ...]:
        """The facts some rule tests: all a fact's outcome depends on."""
        return conditions.fields_of(rule.tests for rule in self.rules)

    @cached_property
    def matcher(self) -> Callable[[dict[str, Any]], list[int]]:
        """The table as one Python function (:func:`conditions.compile_rules`), for the built-in engine."""
        return conditions.compile_rules(tuple(rule.tests for rule in self.rules), self.mode is Mode.FIRST)

    @cached_property
    def durable_conditions(self) -> tuple[dict[str, Any], ...]:
        """Each rule's durable-rules expression (:func:`conditions.to_durable`); read, never changed."""
        return tuple(conditions.to_durable(rule.tests) for rule in self.rules)


class Rulebook(BaseModel):
    """Every table and policy of one rules folder (with its defaults)."""

    model_config = ConfigDict(frozen=True)

    tables: dict[str, Table]
    aggregation: Aggregation
    sources: dict[str, str]  # file name -> path actually used
    notes: Lexicon | None = None

    @cached_property
    def note_reader(self) -> NoteReader | None:
        """The note lexicon compiled, once per loaded rulebook on first use (each evaluation reads with a
        :meth:`NoteReader.fresh` copy)."""
        return NoteReader(self.notes) if self.notes is not None else None

    def param(self, table: str, name: str, default: Any = None) -> Any:
        return self.tables[table].params.get(name, default)


def _italian_pydantic(error: ValidationError) -> list[str]:
    messages = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        kind = item["type"]
        if kind == "missing":
            text = "campo obbligatorio mancante"
        elif kind == "extra_forbidden":
            text = "campo sconosciuto"
        else:
            text = item["msg"].removeprefix("Value error, ")
        messages.append(f"{where}: {text}" if where else text)
    return messages


def _read_yaml(path: Path) -> Any:
    """A rules file: UTF-8 text, YAML read with the same located Italian messages as the plan."""
    problems = Problems(path)
    text = tables.decode(path, read_bytes(path), problems)
    if problems:
        raise InputError.single(path, "il file non è in UTF-8: salvarlo con codifica UTF-8")
    data, _ = yamlfile.parse(text, path)
    if not isinstance(data, dict):
        raise InputError.single(path, "il file delle regole deve contenere un elenco di chiavi (descrizione, modo, regole…)")
    return data


def _check_effect(table: str, rule: Rule, params: dict[str, Any]) -> list[str]:
    problems = []
    if table in _DECIDES:
        key, allowed = _DECIDES[table]
        if set(rule.then) != {key}:
            problems.append(f"«allora» deve assegnare solo «{key}»")
        elif rule.then[key] not in allowed:
            problems.append(f"«{key}: {rule.then[key]}» non ammesso: usare uno tra {', '.join(allowed)}")
        return problems
    required = {"segnalazione", "gravita", "motivo", "azione"}
    missing = required - set(rule.then)
    if missing:
        problems.append(f"«allora» deve indicare anche: {', '.join(sorted(missing))}")
    unknown = set(rule.then) - required - {"nota_richiesta"}
    if unknown:
        problems.append(f"«allora»: chiavi sconosciute {', '.join(sorted(unknown))}")
    if rule.then.get("gravita") not in SEVERITIES:
        problems.append(f"«gravita» deve essere una tra {', '.join(SEVERITIES)}")
    for key in ("motivo", "azione"):
        text = rule.then.get(key)
        if not isinstance(text, str):
            continue
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        except ValueError:
            problems.append(f"«{key}»: parentesi graffe non bilanciate")
            continue
        if names - set(REASON_FIELDS):
            problems.append(
                f"«{key}»: segnaposto sconosciuti {', '.join(sorted(names - set(REASON_FIELDS)))} "
                f"(ammessi: {', '.join(REASON_FIELDS)})"
            )
    return problems


def _compile(table: str, path: Path) -> Table:
    data = _read_yaml(path)
    try:
        file = RuleFile.model_validate(data)
    except ValidationError as error:
        raise InputError([Problem(file=str(path), message=m) for m in _italian_pydantic(error)]) from None
    problems: list[Problem] = []
    expected = Mode.ALL if table == "segnalazioni" else Mode.FIRST
    if file.mode is not expected:
        problems.append(Problem(file=str(path), where="modo", message=f"per {table} il modo deve essere «{expected.value}»"))
    compiled, seen = [], set()
    for rule in file.rules:
        where = f"regola {rule.id}"
        if rule.id in seen:
            problems.append(Problem(file=str(path), where=where, message="identificativo ripetuto: ogni regola ne vuole uno suo"))
        seen.add(rule.id)
        try:
            tests = conditions.parse(rule.when, file.params)
        except conditions.ConditionError as error:
            problems.append(Problem(file=str(path), where=f"{where}/se", message=str(error)))
            continue
        for message in _check_effect(table, rule, file.params):
            problems.append(Problem(file=str(path), where=f"{where}/allora", message=message))
        compiled.append(CompiledRule(id=rule.id, name=rule.name, tests=tests, then=rule.then, source=path.name))
    if table == "segnalazioni" and not problems:
        problems += _missing_codes(path, {code for rule in compiled if isinstance(code := rule.then["segnalazione"], str)})
    if problems:
        raise InputError(problems)
    return Table(name=table, description=file.description, mode=file.mode, params=file.params, rules=tuple(compiled))


def _missing_codes(path: Path, assigned: set[str]) -> list[Problem]:
    """A problem for each flag code the code relies on that no rule of ``path`` assigns."""
    problems = []
    others = sorted(assigned - set(flag_codes.REQUIRED))
    for code, purpose in flag_codes.REQUIRED.items():
        if code in assigned:
            continue
        close = difflib.get_close_matches(code, others, n=1, cutoff=0.5)
        hint = f" (forse rinominata in «{close[0]}»?)" if close else ""
        problems.append(Problem(file=str(path), where="regole", message=(
            f"nessuna regola assegna la segnalazione «{code}»{hint}: il programma la cerca con questo codice per "
            f"{purpose}; ripristinare «segnalazione: {code}» in almeno una regola")))
    return problems


def _pick(name: str, override: Path | None) -> Path:
    if override is not None and (override / f"{name}.yaml").exists():  # a folder or a pipe there is reported, not skipped
        return override / f"{name}.yaml"
    return default_rules_dir() / f"{name}.yaml"


def load_rulebook(override: str | Path | None = None) -> Rulebook:
    """Read the default rules, replacing each file found in ``override`` (a plan's own folder)."""
    folder = Path(override) if override is not None else None
    if folder is not None and not folder.is_dir():
        raise InputError.single(folder, "la cartella delle regole non esiste: controllare «regole» nel piano")
    problems: list[Problem] = []
    tables: dict[str, Table] = {}
    sources: dict[str, str] = {}
    for name in TABLES:
        path = _pick(name, folder)
        sources[name] = str(path)
        try:
            tables[name] = _compile(name, path)
        except InputError as error:
            problems.extend(error.problems)
    path = _pick("aggregazione", folder)
    sources["aggregazione"] = str(path)
    aggregation = None
    try:
        aggregation = Aggregation.model_validate(_read_yaml(path))
    except InputError as error:
        problems.extend(error.problems)
    except ValidationError as error:
        problems.extend(Problem(file=str(path), message=m) for m in _italian_pydantic(error))
    notes = None
    path = _pick("note", folder)
    sources["note"] = str(path)
    try:
        notes = Lexicon.model_validate(_read_yaml(path))
    except InputError as error:
        problems.extend(error.problems)
    except ValidationError as error:
        problems.extend(Problem(file=str(path), message=m) for m in _italian_pydantic(error))
    if problems:
        raise InputError(problems)
    return Rulebook(tables=tables, aggregation=aggregation, sources=sources, notes=notes)
