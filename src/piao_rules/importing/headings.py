"""Read the paragraphs around the tables: areas, objectives and who holds them.

Three ways of naming a level are understood:

- a text that says it: «AREA 1 - …», «Obiettivo strategico OS01.1.1 - …»,
  «Obiettivo strategico: GARANTIRE …», «011-005-001 Regolamentazione …»,
  «Obiettivi individuali - Segretario Generale»;
- a label paragraph followed by the name: «Area Strategica» then «AREA1 - SOSTENERE…»,
  «Obiettivo Operativo» then «011-005-001 …»; the labels of what the plan does not
  hold («Programma», «Azione», «Budget»…) are passed over, and so is the text after
  them unless it names a level by itself;
- a heading without such words, when headings of the same level already named an
  area or an objective in this document (Titolo 2 → area, Titolo 3 → objective…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from piao_rules.importing import cells, vocabulary as v
from piao_rules.importing.records import AreaStart, Description, Event, Holder, Note, ObjectiveStart, Origin, Owner
from piao_rules.importing.rows import context_text
from piao_rules.importing.source import Paragraph

_LABELS = {
    "area strategica": "area", "ambito strategico": "area", "area": "area",
    "obiettivo strategico": "strategico", "obiettivo operativo": "operativo",
    "descrizione": "descrizione", "responsabili": "responsabile", "responsabile": "responsabile",
}
# Labels of what the plan does not hold.
_SKIPPED = {
    "programma", "azione", "azioni", "azioni collegate", "budget", "risorse previste", "prospettiva bsc",
    "funzioni istituzionali livello 1", "funzioni istituzionali livello 2", "indicatori", "kpi associati",
}
_HOLDER = re.compile(r"^ob+iettiv[oi]\s+individual[ei]\s*[-–:]\s*(?P<holder>.+)$", re.IGNORECASE)
_DURATION = re.compile(r"^durata\b", re.IGNORECASE)
LONG = 250  # longer paragraphs are prose


@dataclass
class HeadingReader:
    notes: list[Note]
    pending: str | None = None  # the label read last: the next paragraph is its value
    roles_by_level: dict[int, str] = field(default_factory=dict)  # heading level → «area» / «objective»

    def read(self, paragraph: Paragraph, origin: Origin) -> list[Event]:
        text, typos = v.fix_level_words(paragraph.text.strip(" :*#"))
        for written, known in typos:
            self.notes.append(Note("refusi", origin, f"«{written}» letto come «{known}»"))
        key = v.plain(text)
        if key in _LABELS:
            self.pending = _LABELS[key]
            return []
        if key in _SKIPPED or _DURATION.match(text):
            self.pending = None
            return []
        if self.pending is not None:
            label, self.pending = self.pending, None
            return self._labelled(label, text, origin, paragraph.level)
        if match := _HOLDER.match(text):
            return [Holder(match.group("holder").strip(), origin)]
        if len(text) > LONG:
            return []
        found = context_text(text, origin)
        if found is None and paragraph.level is not None:
            found = self._by_level(text, origin, paragraph.level)
        if found:
            self._learn(found, paragraph.level)
            return found
        return []

    def table(self) -> None:
        """A table ends any label waiting for its value."""
        self.pending = None

    def _labelled(self, label: str, text: str, origin: Origin, level: int | None) -> list[Event]:
        if label == "descrizione":
            return [Description(text, origin)]
        if label == "responsabile":
            return [Owner(text, origin)]
        found = context_text(text, origin)
        if found and not isinstance(found[0], Description):
            event = found[0]
            if label == "area" and isinstance(event, ObjectiveStart):
                found = [AreaStart(event.name, origin, code=event.code)]
            elif label != "area" and isinstance(event, AreaStart):
                found = [ObjectiveStart(event.name, origin, code=event.code, level=label)]
            elif isinstance(event, ObjectiveStart):
                event.level = label
        else:
            code, name = cells.split_code(text)
            found = [AreaStart(name, origin, code=code) if label == "area" else ObjectiveStart(name, origin, code=code, level=label)]
        self._learn(found, level)
        return found

    def _learn(self, found: list[Event], level: int | None) -> None:
        if level is None or not found:
            return
        event = found[0]
        role = "area" if isinstance(event, AreaStart) else "objective" if isinstance(event, ObjectiveStart) else None
        if role is not None:
            self.roles_by_level.setdefault(level, role)

    def _by_level(self, text: str, origin: Origin, level: int) -> list[Event] | None:
        role = self.roles_by_level.get(level)
        if role is None:
            return None
        code, name = cells.split_code(text)
        if role == "area":
            return [AreaStart(name, origin, code=code)]
        return [ObjectiveStart(name, origin, code=code)]
