"""Counts inside a milestone's text («Avvio operatività nelle 4 nuove sale attrezzate», or in the indicator's name when
the target is only a deadline), and targets of one
thing («Attivazione n. 1 newsletter dedicata») reported only in a note.

When the measure is a count of the same noun («2 sale», or «2» with the note «Operative 2 sale», or the
indicator's unit «sale») or a bare number (no unit, no note), the milestone is read as a count target (≥ 4 sale), so the
count is scored instead of being refused as not pertinent. A target of one thing is a milestone: when
the measure gives only a note, the note is read as for an activity. Each reading is shown in the
explanation and kept as a warning.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from piao_rules.io.model import Indicator, Measure
from piao_rules.targets.model import Operator, Target, TargetKind

_WORDS = {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
          "dodici": 12, "venti": 20}
_ADJECTIVES = r"(?:nuov[oaie]|ulterior[ie]|divers[ie]|distint[ie]|altr[ie]|principal[ie]|prim[oaie])"
_COUNT = re.compile(
    rf"(?<![\w/.,])(?:n\.\s*)?(?P<n>\d+|{'|'.join(_WORDS)})\s+(?:{_ADJECTIVES}\s+)?(?P<noun>[^\W\d_]{{3,}})"
    r"(?:\s+(?P<noun2>[^\W\d_]{4,}))?",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return plain[:-1] if len(plain) > 4 else plain


def _number(text: str) -> Decimal:
    return Decimal(_WORDS[text.lower()]) if text.lower() in _WORDS else Decimal(text)


def counted_target(target: Target, indicator: Indicator, measure: Measure | None) -> tuple[Target, dict[str, str]] | None:
    """The milestone read as «≥ N noun» when the measure counts that noun; None otherwise."""
    if measure is None or measure.percent or measure.progress is not None:
        return None
    # a milestone, or an activity with its deadline («training per i 12 dipendenti referenti … entro il 2022»)
    if target.kind not in (TargetKind.MILESTONE, TargetKind.DEADLINE):
        return None
    value = measure.value
    if not isinstance(value, Decimal) or isinstance(value, bool):
        return None
    found = list(_COUNT.finditer(target.milestone or target.text))
    if not found and target.kind is TargetKind.DEADLINE:  # «entro il 30/06/2024»: the name says what is due
        found = list(_COUNT.finditer(indicator.name))
    if len(found) != 1:
        return None
    number, noun = _number(found[0].group("n")), found[0].group("noun")
    stem = _stem(noun)
    # the note may count the noun or the word that follows it («12 dipendenti referenti», note «10 referenti»)
    stems = "|".join(re.escape(word) for word in (stem, _stem(found[0].group("noun2") or "")) if len(word) >= 3)
    shown = f"{value.normalize():f}".replace(".", ",")
    if measure.counted is not None:  # the office wrote what it counts beside the value («2 sale»)
        if not counts_noun(measure.counted, noun, found[0].group("noun2")):
            return None
        why = f"la misura conta {measure.counted}"
        return _as_count(target, number, noun, why)
    same_unit = indicator.unit is not None and _stem(indicator.unit) == stem
    in_note = measure.note is not None and re.search(
        rf"(?<![\w,.]){re.escape(shown)}\s+(?:[^\W\d_]+\s+)?(?:{stems})\w*", unicodedata.normalize("NFKD", measure.note)
        .encode("ascii", "ignore").decode(), re.IGNORECASE,
    ) is not None
    bare = indicator.unit is None and not (measure.note or "").strip()  # nothing says the number counts something else
    if not (same_unit or in_note or bare):
        return None
    why = (f"l'unità dell'indicatore è «{indicator.unit}»" if same_unit else f"la nota conta {noun}" if in_note
           else "la misura è un numero senza unità né nota")
    return _as_count(target, number, noun, why)


def milestone_noun(target: Target) -> str | None:
    """The noun of the one count written in a milestone («delle 2 nuove sale»: «sale»), if there is one."""
    found = list(_COUNT.finditer(target.milestone or target.text))
    return found[0].group("noun").lower() if len(found) == 1 else None


@lru_cache(maxsize=8192)
def counts_noun(written: str, noun: str, following: str | None = None) -> bool:
    """Whether the words written with a measure («regolamenti approvati») count ``noun`` («regolamenti»), or the
    word that follows it in the target («12 dipendenti referenti»: «referenti»)."""
    def root(word: str) -> str:  # singular and plural alike: «sala», «sale»
        plain = _stem(word) if len(word) > 4 else _stem(word)[:-1] if len(word) == 4 else _stem(word)
        return plain

    first = root(written.split()[0])  # «impianti di distribuzione carburanti» counts «impianti di distribuzione»
    return any(first == root(word.split()[0]) for word in (noun, following or "") if len(word) >= 2)


def _as_count(target: Target, number: Decimal, noun: str, why: str) -> tuple[Target, dict[str, str]]:
    reading = target.model_copy(update={
        "kind": TargetKind.COMPARISON, "operator": Operator.GE, "value": number, "unit": noun.lower(), "read_as": "conteggio",
        "warnings": [*target.warnings, f"milestone letta come ≥ {number} {noun.lower()}: {why}"],
    })
    return reading, {"lettura del target": f"«{target.text}» letto come ≥ {number} {noun.lower()} ({why})"}


# The name of an indicator that is a ratio, not a count: «Indice di equilibrio strutturale», «Rapporto …», «Tasso …».
_RATIO_NAME = re.compile(r"\s*(?:indice|rapporto|tasso|quoziente)\b", re.IGNORECASE)


def one_thing(target: Target, measure: Measure | None, name: str | None = None) -> Target | None:
    """A target of one thing («Attivazione n. 1 newsletter dedicata», «≥ 1 evento») read as a milestone when
    the measure gives only a note: the note then says whether the thing was done. None otherwise, and for an
    indicator named as a ratio («Indice di equilibrio strutturale» with «>= 1,00»: a value, not one thing)."""
    if (target.kind is not TargetKind.COMPARISON or target.value != 1 or target.operator not in (Operator.GE, Operator.EQ)
            or target.per is not None or target.coverage is not None or target.unit in ("%", "€", "gg")
            or (name is not None and _RATIO_NAME.match(name))):
        return None
    if measure is None or not (measure.note or "").strip() or any((
            measure.value is not None, measure.progress is not None, measure.completed_on is not None,
            bool(measure.components), measure.judgement is not None)):
        return None
    return target.model_copy(update={
        "kind": TargetKind.MILESTONE, "milestone": target.text, "read_as": "attivita",
        "warnings": [*target.warnings, "target di un solo elemento, senza misura: letto come attività, dalla nota"],
    })


ONE_EACH_WARNING = "target 1 con il totale delle unità: letto come copertura (uno per ciascuna unità)"


def one_each(target: Target, indicator: Indicator, measure: Measure | None) -> Target | None:
    """A target of one («= 1,00 N.», «1 N.») for an indicator whose plan or measure gives the total of units
    to cover: one for each unit, a coverage target («servizi mantenuti a distanza», 9 in all). A count of one
    would be met by any measure, so the total is what the plan means; the reading is shown (warning)."""
    if (target.kind is not TargetKind.COMPARISON or target.coverage is not None or target.value != 1
            or target.operator not in (Operator.EQ, Operator.GE) or target.per is not None
            or target.unit in ("%", "€", "gg")):
        return None
    if (measure is None or measure.total is None) and indicator.total is None:
        return None
    return target.model_copy(update={"coverage": "unità", "warnings": [*target.warnings, ONE_EACH_WARNING]})
