"""The import report: what was read, what was not, and what the reader decided (Italian)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from piao_rules.errors import Problem
from piao_rules.importing.records import Note, Origin
from piao_rules.targets.model import TargetKind

# Report sections, in the order they are printed: topic → title.
TOPICS = {
    "tabelle": "Tabelle",
    "intestazioni": "Intestazioni corrette",
    "refusi": "Refusi riconosciuti",
    "spostate": "Righe spostate rimesse a posto",
    "continuazioni": "Righe spezzate riunite",
    "celle": "Celle non comprese",
    "target": "Indicatori senza target",
    "misure": "Valori letti dal testo (da confermare)",
    "duplicati": "Duplicati",
    "codici": "Codici",
    "pesi": "Pesi che non sommano a 100",
}

@dataclass
class Report:
    source: str
    areas: int = 0
    objectives: int = 0
    indicators: int = 0
    measures: int = 0
    thresholds: int = 0
    weights: int = 0
    by_block: Counter = field(default_factory=Counter)  # indicators per table
    target_kinds: Counter = field(default_factory=Counter)
    notes: list[Note] = field(default_factory=list)
    checks: list[Problem] = field(default_factory=list)

    def add(self, topic: str, origin: Origin | str, message: str) -> None:
        self.notes.append(Note(topic, origin, message))

    def of(self, topic: str) -> list[Note]:
        return [note for note in self.notes if note.topic == topic]

    def text(self) -> str:
        """The report as printed by ``piao-rules importa``."""
        lines = [f"Importazione di {self.source}", ""]
        lines.append(
            f"Letti {_count(self.indicators, 'indicatore', 'indicatori')} in {_count(self.objectives, 'obiettivo', 'obiettivi')} "
            f"e {_count(self.areas, 'area', 'aree')}; {_count(self.thresholds, 'soglia', 'soglie')}, "
            f"{_count(self.weights, 'peso', 'pesi')}, {_count(self.measures, 'misura', 'misure')}."
        )
        if self.by_block:
            lines.append("Indicatori per tabella: " + ", ".join(f"{block} {n}" for block, n in self.by_block.items()) + ".")
        if self.target_kinds:
            kinds = ", ".join(f"{TargetKind(kind).traits.described} {n}" for kind, n in self.target_kinds.most_common())
            lines.append(f"Target compresi per tipo: {kinds}.")
        for topic, title in TOPICS.items():
            notes = self.of(topic)
            if not notes:
                continue
            lines += ["", f"{title} ({len(notes)}):"]
            lines += [f"- {note.origin}: {note.message}" if str(note.origin) else f"- {note.message}" for note in notes]
        if self.checks:
            errors = sum(1 for p in self.checks if p.is_error)
            lines += ["", f"Controlli di piao-rules verifica sul piano importato ({errors} errori, {len(self.checks) - errors} avvisi):"]
            lines += [f"- {problem}" for problem in self.checks]
        else:
            lines += ["", "Controlli di piao-rules verifica sul piano importato: nessun problema."]
        return "\n".join(lines) + "\n"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
