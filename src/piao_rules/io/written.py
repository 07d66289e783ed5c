"""Measures written the way offices write them in a table cell, beyond a bare number.

- an amount with its scale: «6.412,38 (migliaia di €)», «1,2 milioni di euro» → the amount in euro;
- several values, each with its label in brackets: «87,3% (positivi) 42,1% (molto positivi)» → the first value is
  the measure, the whole cell is kept in the note;
- a sentence instead of a value («Lavori conclusi il 20/09/2023; sportello non ancora operativo»): a note, not a
  value.

Anything else is left to :mod:`piao_rules.values`, which refuses what it cannot read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from piao_rules import values

_SCALES = {"migliaia": Decimal(1000), "milioni": Decimal(1_000_000)}
_NUMBER = r"[-+−]?\s?\d[\d.,]*"
_SCALED = re.compile(
    rf"(?:€\s*)?(?P<number>{_NUMBER})\s*(?:€\s*)?(?P<open>\(\s*)?(?:in\s+)?(?P<scale>migliaia|milioni)"
    r"(?:\s+di\s+(?:€|euro))?\s*(?(open)\))",
    re.IGNORECASE,
)
_LABELLED = re.compile(rf"\s*(?P<number>{_NUMBER}\s*%?)\s*\((?P<label>[^()\d]*[^\W\d_][^()\d]*)\)\s*[,;]?")
# A sentence: it starts with a word and has at least four of them («Lavori di adeguamento conclusi»); «circa 120»,
# «tanti» or «2 seminari svolti a marzo» are values written wrong, and are still refused.
_SENTENCE = re.compile(r"[^\W\d_]{2,}(?:\W+\w+){3,}.*", re.DOTALL)


def scaled(text: str) -> Decimal | None:
    """«6.412,38 (migliaia di €)» → 6412380; None when ``text`` is not an amount with its scale."""
    match = _SCALED.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    try:
        number = values.parse_number(match.group("number"))
    except ValueError:
        return None
    return number * _SCALES[match.group("scale").lower()]


def labelled(text: str) -> list[tuple[str, str]] | None:
    """«87,3% (positivi) 42,1% (molto positivi)» → [(«87,3%», «positivi»), («42,1%», «molto positivi»)]; None unless
    the text is only two or more values, each followed by its label in brackets."""
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _LABELLED.match(text, position)
        if match is None:
            return None
        found.append((match.group("number").strip(), " ".join(match.group("label").split())))
        position = match.end()
    return found if len(found) >= 2 else None


def is_sentence(text: str) -> bool:
    """Whether a value cell holds a sentence rather than a value («SI, approvato …» is a value with its remark, refused:
    the remark goes in the note)."""
    first = text.split()[0].strip(",.;:").lower() if text.split() else ""
    return _SENTENCE.fullmatch(text.strip()) is not None and first not in ("si", "sì", "no")


def read_cell(data: dict[str, Any]) -> dict[str, Any]:
    """A measure's fields with a value cell written with its scale, as several labelled values or as a sentence
    rewritten: the amount in euro; the first labelled value, the cell (all its values) going to the note; the sentence
    in the note, before what the note says."""
    key = "valore" if "valore" in data else "value"
    raw = data.get(key)
    if not isinstance(raw, str) or not any(ch.isalpha() for ch in raw):
        return data
    if (amount := scaled(raw)) is not None:
        return {**data, key: amount}
    note_key = "nota" if "nota" in data or "note" not in data else "note"
    note = data.get(note_key)
    if (alternatives := labelled(raw)) is not None:
        first = alternatives[0][0]
        written = f"letto il primo valore di «{' '.join(raw.split())}»"
        return {**data, key: first, note_key: f"{note} ({written})" if note else f"({written})"}
    if values.parse_counts(raw) is None and is_sentence(raw):
        sentence = " ".join(raw.split())
        return {**data, key: None, note_key: f"{sentence} {note}" if note else sentence}
    return data
