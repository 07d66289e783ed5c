"""Read a measure cell («Misura al 30.6», «Stato», «Valore al …») against its target.

Most measures in real monitoring tables are sentences. The rules, in order:

- a bare value («80%», «4», «22 gg», «SI», «15/06/2023») is the value, and so is a count written with
  its noun («2 sale») for a number target or a milestone counting that noun; a bare
  percentage under a milestone or SI target is the progress (``avanzamento``), not a
  value; «avanzamento 60%», «completato il 15/06/2023» and «giudizio: in linea» (as
  reports print them) are read as they say;
- labelled values matching a compound target («Facebook: 86 Linkedin: 118»,
  «8 iniziative 264 partecipanti» for «≥ 10 iniziative 500 soggetti») become its
  components, paired by label or else in order;
- anything else is kept as the note; from such prose a value is only *suggested*
  (and the report says so): the number the sentence starts with, or its only number
  when the unit fits the target; for a milestone, its only percentage as progress.

A status is never derived from the words of the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from piao_rules import values
from piao_rules.importing import cells
from piao_rules.targets import Target, TargetKind
from piao_rules.targets.counted import counts_noun, milestone_noun

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PLAIN = re.compile(
    rf"^(?:n\.?\s*|€\s*)?(?P<number>[-+]?(?:{_NUMBER}))\s*(?:(?P<percent>%)|(?:gg|giorni|N\.|€|euro)(?!\w))?$", re.IGNORECASE
)
# What a report prints for a measure that is not a value: «avanzamento 60%», «completato il 15/06/2023»,
# «giudizio: in linea» (as ``piao-rules allegato`` writes them).
_PROGRESS = re.compile(rf"^avanzamento\s*:?\s*(?P<number>{_NUMBER})\s*%$", re.IGNORECASE)
_COMPLETED = re.compile(r"^completato\s+il\s+(?P<date>\S+)$", re.IGNORECASE)
_JUDGEMENT = re.compile(r"^giudizio\s*:\s*(?P<judgement>raggiunto|in linea|a rischio|non raggiunto)$", re.IGNORECASE)
_CANDIDATE = re.compile(
    rf"(?<![\w.,/°ª-])(?:n\.\s*)?(?P<number>{_NUMBER})(?![\w]|[.,/]\d|°|ª)\s*(?P<percent>%)?(?P<after>\s*[^\W\d_]+)?",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\d{1,2}\s*[./-]\s*\d{1,2}(?:\s*[./-]\s*\d{2,4})?|\d{1,2}\s+(?:" + "|".join(values.MONTHS) + r")\b",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"(?P<label>[^\W\d_][\w'’ ]{0,30}?)\s*:\s*(?P<number>" + _NUMBER + r")\s*(?P<percent>%)?", re.IGNORECASE)
_COUNTED = re.compile(r"(?P<number>" + _NUMBER + r")\s*(?P<percent>%)?\s+(?P<label>[^\W\d_]+)", re.IGNORECASE)
_LEADING = re.compile(rf"^(?:n\.\s*)?(?P<number>{_NUMBER})\s*(?P<percent>%)?(?![\w.,/]\d)")


@dataclass
class Reading:
    """What a measure cell says, ready for the Measure model (texts as the model reads them)."""

    value: str | None = None
    progress: Decimal | None = None
    completed_on: str | None = None
    judgement: str | None = None
    components: dict[str, Decimal] = field(default_factory=dict)
    note: str | None = None
    suggested: str | None = None  # what was taken out of prose, in words, for the report
    relabelled: list[tuple[str, str]] = field(default_factory=list)  # (written label, target label)


def read_measure(text: str, target: Target | None) -> Reading | None:
    """The reading of a measure cell, or None when the cell says there is no data («n.d.», «---»)."""
    plain = cells.clean(text)
    if values.is_null(plain):
        return None
    milestone = target is not None and target.kind.traits.activity
    if simple := _simple(plain, milestone) or _labelled(plain):
        return simple
    if target is not None and (counted := _counted(plain, target)):
        return counted
    if target is not None and target.kind is TargetKind.COMPOUND and target.components:
        if reading := _components(plain, target):
            if reading.relabelled:
                reading.note = cells.tidy(text)
            return reading
    reading = Reading(note=cells.tidy(text))
    if milestone:
        percents = {values.parse_number(m.group("number")): m.group("number") for m in _candidates(plain) if m.group("percent")}
        if len(percents) == 1:
            (number, written), = percents.items()
            reading.progress = number
            reading.suggested = f"avanzamento {written}% letto dal testo"
        return reading
    if target is not None and target.kind.traits.numeric:
        found = _leading(plain) or _only_fitting(plain, target)
        if found is not None:
            reading.value = found
            reading.suggested = f"valore {found} letto dal testo"
    return reading


def _simple(text: str, milestone: bool) -> Reading | None:
    """A cell holding one bare value: number, percentage, date or SI/NO."""
    if match := _PLAIN.match(text):
        number = match.group("number")
        if match.group("percent") and milestone:
            return Reading(progress=values.parse_number(number))
        return Reading(value=f"{number}%" if match.group("percent") else number)
    if values.looks_like_date(text):
        try:
            values.parse_date(text)
        except ValueError:
            return None
        return Reading(value=text)
    try:
        values.parse_bool(text)
    except ValueError:
        return None
    return Reading(value=text.upper().rstrip("."))


def _counted(text: str, target: Target) -> Reading | None:
    """One count written with its noun («2 sale», «3 regolamenti approvati»), kept whole for the measure: for a
    number target, or for a milestone that counts the same noun («Avvio delle 2 nuove sale»)."""
    counts = values.parse_counts(text)
    if counts is None or len(counts) != 1:
        return None
    if target.kind.traits.numeric and target.kind is not TargetKind.COMPOUND:
        return Reading(value=text)
    noun = milestone_noun(target) if target.kind.traits.activity else None
    return Reading(value=text) if noun is not None and counts_noun(counts[0][1], noun) else None


def _labelled(text: str) -> Reading | None:
    """«avanzamento 60%», «completato il 15/06/2023», «giudizio: in linea»."""
    if match := _PROGRESS.match(text):
        return Reading(progress=values.parse_number(match.group("number")))
    if (match := _COMPLETED.match(text)) and values.looks_like_date(match.group("date")):
        return Reading(completed_on=match.group("date"))
    if match := _JUDGEMENT.match(text):
        return Reading(judgement=match.group("judgement").lower())
    return None


def _candidates(text: str) -> list[re.Match[str]]:
    """The numbers of a sentence, leaving out those inside dates («30/06», «30 giugno»)."""
    dates = [match.span() for match in _DATE.finditer(text)]
    found = []
    for match in _CANDIDATE.finditer(text):
        start, end = match.span("number")
        if any(s <= start < e for s, e in dates):
            continue
        number = match.group("number")
        if re.fullmatch(r"(?:19|20)\d\d", number) and not match.group("percent"):
            continue  # a year
        found.append(match)
    return found


def _leading(text: str) -> str | None:
    """The value a sentence starts with: «450 posizioni verificate…», «4,58% (media …)»."""
    match = _LEADING.match(text)
    if match is None or values.looks_like_date(text.split()[0]):
        return None
    return match.group("number") + ("%" if match.group("percent") else "")


def _only_fitting(text: str, target: Target) -> str | None:
    """The only number of the sentence, when it has the target's kind of unit."""
    found = _candidates(text)
    if len(found) != 1:
        return None
    match = found[0]
    percent = bool(match.group("percent"))
    if percent != (target.unit == "%"):
        return None
    return match.group("number") + ("%" if percent else "")


def _components(text: str, target: Target) -> Reading | None:
    """Values for each component of a compound target, paired by label or else in order."""
    labels = [component.label for component in target.components]
    pairs = [(m.group("label").strip(), m.group("number")) for m in _LABELLED.finditer(text)]
    if len(pairs) != len(labels):
        pairs = [(m.group("label"), m.group("number")) for m in _COUNTED.finditer(text)]
    if len(pairs) != len(labels):
        return None
    reading = Reading()
    remaining = list(labels)
    ordered: list[tuple[str, str]] = []
    for written, number in pairs:
        match = next((label for label in remaining if _same_label(written, label)), None)
        ordered.append((written, match or ""))
        if match:
            remaining.remove(match)
    for index, (written, matched) in enumerate(ordered):
        if not matched:
            matched = remaining.pop(0)
            reading.relabelled.append((written, matched))
        reading.components[matched] = values.parse_number(pairs[index][1])
    leftover = _LABELLED.sub(" ", text) if _LABELLED.search(text) else _COUNTED.sub(" ", text)
    if re.search(r"[^\W\d_]{2,}", leftover):
        return None  # a sentence around the numbers: which number is which is not certain
    return reading


def _same_label(written: str, label: str) -> bool:
    a, b = written.lower().strip(), label.lower().strip()
    return a == b or a.startswith(b) or b.startswith(a)
