"""Read the paragraphs around the tables: areas, objectives and who holds them.

These ways of naming a level are understood:

- a text that says it: «AREA 1 - …», «Obiettivo strategico OS01.1.1 - …»,
  «Obiettivo strategico: GARANTIRE …», «011-005-001 Regolamentazione …»,
  «Obiettivi individuali - Segretario Generale»;
- a label paragraph followed by the name: «Area Strategica» then «AREA1 - SOSTENERE…»,
  «Obiettivo Operativo» then «011-005-001 …»; the labels of what the plan does not
  hold («Programma», «Azione», «Budget»…) are passed over, and so is the text after
  them unless it names a level by itself;
- a heading without such words, when headings of the same level already named an
  area or an objective in this document (Titolo 2 → area, Titolo 3 → objective…);
- in a document whose headings of one level all start with an objective code
  («O01 – …», the annex of piao-rules), the headings one level above, between them,
  are the areas («DIR – Obiettivi dirigenziali»).

Under an objective heading, «Responsabile: … · Tipo: … · Peso: … · Collegato
all'obiettivo …» gives the objective's data, «Descrizione» its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from piao_rules import annex_labels as labels
from piao_rules.importing import cells
from piao_rules.importing import vocabulary as v
from piao_rules.importing.records import (
    AreaStart,
    Description,
    Details,
    Event,
    Holder,
    Note,
    ObjectiveStart,
    Origin,
    Owner,
)
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
# The objective's data as the annex prints them (annex_labels), read back.
_DETAIL_FIELDS = {labels.OWNER.lower(): "owner", labels.KIND.lower(): "kind", labels.WEIGHT.lower(): "weight"}
_DETAIL = re.compile(rf"^(?P<label>{'|'.join(map(re.escape, _DETAIL_FIELDS))})\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_PARENT = re.compile(rf"^{re.escape(labels.PARENT).replace(chr(92) + ' ', chr(92) + 's+')}\s+(?P<code>\S+)$", re.IGNORECASE)
_OTHER_DATUM = re.compile(r"^[^:]{1,40}:")
_AREA_CODE_NAME = re.compile(r"^(?P<code>[A-Z][A-Z0-9._-]{0,11})\s+[–-]\s+(?P<name>.+)$")
_HOLDER = re.compile(r"^ob+iettiv[oi]\s+individual[ei]\s*[-–:]\s*(?P<holder>.+)$", re.IGNORECASE)
_DURATION = re.compile(r"^durata\b", re.IGNORECASE)
LONG = 250  # longer paragraphs are prose


def heading_roles(paragraphs: list[Paragraph]) -> dict[int, str]:
    """Paragraph position → «area» or «objective» for documents whose objective headings carry
    codes («O01 – …» at one level, all of them) and whose area headings sit one level above,
    between them («DIR – Obiettivi dirigenziali»): the sections of an annex."""
    levels: dict[int, list[int]] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.level:
            levels.setdefault(paragraph.level, []).append(index)
    for level, indexes in sorted(levels.items()):
        coded = [i for i in indexes if _objective_code(paragraphs[i].text)]
        if len(coded) < 2 or len(coded) < 0.8 * len(indexes):
            continue
        roles = {i: "objective" for i in coded}
        above = [i for lower in range(level - 1) for i in levels.get(lower, []) if i < coded[0]]
        start = max(above, default=-1)  # the section holding the objectives («Stato di attuazione degli obiettivi»)
        roles.update({i: "area" for i in levels.get(level - 1, []) if start < i < coded[-1]})
        return roles
    return {}


def _objective_code(text: str) -> bool:
    code, name = cells.split_code(text)
    return bool(code and name and cells.code_level(code) in ("strategico", "operativo"))


def details(text: str, origin: Origin) -> Details | None:
    """The objective's data printed under its heading: «Responsabile: … · Tipo: … · Peso: …»."""
    found = Details(origin)
    for segment in (part.strip() for part in text.split(labels.SEPARATOR)):
        if match := _DETAIL.match(segment):
            setattr(found, _DETAIL_FIELDS[match.group("label").lower()], match.group("value").strip())
        elif match := _PARENT.match(segment):
            found.parent = match.group("code")
        elif not _OTHER_DATUM.match(segment):
            return None
    return found if any((found.owner, found.kind, found.weight, found.parent)) else None


@dataclass
class HeadingReader:
    notes: list[Note]
    pending: str | None = None  # the label read last: the next paragraph is its value
    roles_by_level: dict[int, str] = field(default_factory=dict)  # heading level → «area» / «objective»
    roles: dict[int, str] = field(default_factory=dict)  # paragraph position → role (see heading_roles)

    def read(self, paragraph: Paragraph, origin: Origin, position: int = -1) -> list[Event]:
        if position in self.roles:
            return self._as(self.roles[position], paragraph.text, origin)
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
        if found := details(text, origin):
            return [found]
        if len(text) > LONG:
            return []
        events = context_text(text, origin)
        if events is None and paragraph.level is not None:
            events = self._by_level(text, origin, paragraph.level)
        if events:
            self._learn(events, paragraph.level)
            return events
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
        return None if role is None else self._as(role, text, origin)

    @staticmethod
    def _as(role: str, text: str, origin: Origin) -> list[Event]:
        if role == "area":
            if match := _AREA_CODE_NAME.match(text):
                return [AreaStart(match.group("name"), origin, code=match.group("code"))]
            code, name = cells.split_code(text)
            return [AreaStart(name, origin, code=code)]
        code, name = cells.split_code(text)
        level = cells.code_level(code) if code else None
        return [ObjectiveStart(name, origin, code=code, level=level if level == "strategico" else None)]
