"""The active rules in Italian: for ``piao-rules regole`` and the annex's methodological note."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from piao_rules import format_it
from piao_rules.engine.facts import SHOWN
from piao_rules.engine.rulebook import Rulebook

TITLES = {
    "andamento": "Andamento nell'anno",
    "punteggio": "Grado di raggiungimento",
    "stato": "Stato degli indicatori",
    "segnalazioni": "Segnalazioni e azioni correttive",
}
BAND_KINDS = {"zero": "nessuna quota", "proporzionale": "quota pari al grado", "pieno": "quota piena (100%)"}


class RuleLine(BaseModel):
    id: str
    name: str
    condition: str
    effect: str
    outcome: str = ""  # the effect without the working action (for documents addressed to the Giunta)


class Section(BaseModel):
    table: str
    title: str
    description: str
    parameters: list[str]
    rules: list[RuleLine]


def _outcome(then: dict[str, Any]) -> str:
    if "segnalazione" in then:
        return f"segnalazione «{then['segnalazione'].replace('_', ' ')}» (gravità {then['gravita']})"
    return _effect(then)


def _effect(then: dict[str, Any]) -> str:
    if "segnalazione" in then:
        return f"{_outcome(then)}: {then['azione']}"
    (key, value), = then.items()
    return f"{key}: {SHOWN.get(value, str(value).replace('_', ' '))}"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} ({_shown(v)})" if isinstance(v, dict) else f"{k}: {v}" for k, v in value.items())
    return str(value)


def _parameter(name: str, value: Any) -> str:
    if isinstance(value, dict):
        shown = _shown(value)
    elif isinstance(value, bool):
        shown = "sì" if value else "no"
    else:
        shown = str(value).replace("_", " ")
    return f"{name.replace('_', ' ')}: {shown}"


def sections(rulebook: Rulebook) -> list[Section]:
    """Every table with its description, parameters and rules, in evaluation order."""
    result = []
    for name, table in rulebook.tables.items():
        result.append(Section(
            table=name, title=TITLES[name], description=table.description,
            parameters=[_parameter(k, v) for k, v in table.params.items()],
            rules=[RuleLine(id=r.id, name=r.name, condition=r.condition_text, effect=_effect(r.then),
                            outcome=_outcome(r.then)) for r in table.rules],
        ))
    aggregation = rulebook.aggregation
    band_lines = []
    for band_table in aggregation.bands:
        steps, low = [], None
        for band in band_table.bands:
            span = f"da {format_it.number(low)}" if low is not None else ""
            span = f"{span} sotto {format_it.number(band.below)}".strip() if band.below is not None else span or "ogni grado"
            steps.append(f"{span}: {BAND_KINDS[band.kind]}")
            low = band.below
        band_lines.append(f"{band_table.name} — " + "; ".join(steps))
    result.append(Section(
        table="aggregazione", title="Aggregazione e fasce" if band_lines else "Aggregazione", description=aggregation.description,
        parameters=[_parameter("metodo", aggregation.method), *band_lines], rules=[],
    ))
    if rulebook.notes is not None:
        notes = rulebook.notes
        lines = [f"{phase.replace('_', ' ')} (avanzamento indicativo {format_it.number(p.progress)}%): {', '.join(p.words)}"
                 for phase, p in notes.phases.items()]
        lines += [f"target «{word} …» completato con: {', '.join(cues)}" for word, cues in notes.starts.items()]
        if notes.negations:
            lines.append(f"negazioni: {', '.join(notes.negations)}")
        result.append(Section(table="note", title="Lettura delle note di commento", description=notes.description,
                              parameters=lines, rules=[]))
    return result


def as_text(rulebook: Rulebook) -> str:
    """The whole methodology as plain Italian text."""
    lines = []
    for section in sections(rulebook):
        lines += [section.title.upper(), section.description]
        lines += [f"  · {p}" for p in section.parameters]
        for rule in section.rules:
            lines.append(f"  [{rule.id}] {rule.name}: se {rule.condition} → {rule.effect}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
