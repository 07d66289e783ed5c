"""The reference of a relative target written only in the measure's note: «> media triennio precedente» with «Media
2020-2022: 176» or «la media del triennio precedente è di 1.245 domande» in the note.

Read only when the reference is an average (of the previous three years, or national), the note gives exactly one
value for it, and a span of years, when written, is the one the target means (the three years before the monitoring
year). Anything else is left unread: the target stays without its reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from piao_rules import values
from piao_rules.targets.model import ReferenceBasis, Target, TargetKind

# «Media 2020-2022: 176», «Media del triennio 2017-2019: 72,4%», «la media al 30/09 del triennio precedente è 68,9%»,
# «la media del triennio precedente è di 1.245 domande», «media nazionale pari al 12,3%», «(media del triennio 72,0%)»
# (the value right after «triennio», «precedente» or «nazionale», unless it is a year: «media del triennio 2023 …»).
_NOTED = re.compile(
    r"\bmedia\b(?P<words>(?:[^:;.\d]|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?P<first>\d{4})\s*[-–/]\s*(?P<last>\d{4})){0,80}?)"
    r"(?:\s*(?::|=|\bè(?:\s+stata)?(?:\s+(?:di|pari\s+al?))?|\bpari\s+al?|\bdi)\s+|(?:(?<=triennio)|(?<=precedente)|(?<=precedenti)|(?<=nazionale))\s+(?!(?:19|20)\d\d(?![\d.,%])))"
    r"(?P<number>\d[\d.,]*\d|\d)\s*(?P<percent>%)?",
    re.IGNORECASE)
_OTHER_PLACE = re.compile(r"nazional|regional|provincial|sistema", re.IGNORECASE)


@dataclass(frozen=True)
class NotedReference:
    value: Decimal
    words: str  # as written in the note


def noted_reference(target: Target, note: str | None, year: int) -> NotedReference | None:
    """The reference of ``target`` (relative, an average, without a value) as the note writes it, or None."""
    ref = target.reference
    if (not note or target.kind is not TargetKind.RELATIVE or ref is None or ref.value is not None
            or ref.basis not in (ReferenceBasis.PREVIOUS_3Y_MEAN, ReferenceBasis.NATIONAL_MEAN)):
        return None
    national = ref.basis is ReferenceBasis.NATIONAL_MEAN
    found = []
    for match in _NOTED.finditer(note):
        words = match.group("words")
        if national != bool(re.search(r"nazional", words, re.IGNORECASE)) or (not national and _OTHER_PLACE.search(words)):
            continue
        if match.group("first") and not national:  # «2020-2022»: the three years before the monitoring year
            first, last = int(match.group("first")), int(match.group("last"))
            if (first, last) != (year - 3, year - 1):
                continue
        try:
            found.append(NotedReference(values.parse_number(match.group("number")), " ".join(match.group(0).split())))
        except ValueError:
            continue
    if len({noted.value for noted in found}) != 1:
        return None  # none, or several different values: not a reading
    return found[0]
