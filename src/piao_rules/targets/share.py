"""Targets that state a share: «N. partecipazioni / N. convocazioni: 1 N.», «Numero società analizzate /
Numero società partecipate: 1 N.», «% applicativi consultabili in lavoro agile: 100%».

A ratio of two counts with a target of 1 (or a percentage of something with its target) asks for done
over total, not for a count: the measure gives both (``valore`` and ``totale``) and the share is compared
with the target. When both sides count the same thing and the total is a stock («società analizzate / società partecipate al
31 dicembre»), or the total is a number or a population («% dirigenti …»), the share covers units (it builds
up in the year); a ratio of different things («partecipazioni / convocazioni») or over what flows in with
the numerator («reclami evasi / reclami ricevuti») is a rate, worth at the date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from piao_rules.targets.formula import flows

HUNDRED = Decimal(100)

_TAIL = re.compile(r"^(?P<what>.*\S)\s*:\s*(?:>=|≥|=)?\s*(?P<num>\d+(?:,\d+)?)\s*(?P<unit>%|N\.?)?\s*$", re.IGNORECASE)
_COUNT_WORD = r"(?:n\.|(?<!\w)n(?=\s)|nr\.|numero|num\.)"  # «N. pratiche», «N designazioni»
_RATIO = re.compile(
    rf"{_COUNT_WORD}\s*(?:di\s+|delle\s+|dei\s+|degli\s+)?(?P<a>[^\W\d_]{{3,}})[^/]*?/\s*"
    rf"(?:{_COUNT_WORD}\s*(?:di\s+|delle\s+|dei\s+|degli\s+|totale\s+(?:di\s+|delle\s+|dei\s+|degli\s+)?)?(?P<b>[^\W\d_]{{3,}})|(?P<n>\d+)(?!\d))",
    re.IGNORECASE,
)
# «Pagine corrette entro 1 mese dal report / pagine segnalate nei report: 1 N.»: a ratio of two counts named without
# «N.», the slash standing apart (not «eventi/iniziative», which means «or»).
_PLAIN_RATIO = re.compile(r"^(?P<a>[^\W\d_]{3,})[^/]*?\s/\s*(?P<b>[^\W\d_]{3,})", re.IGNORECASE)
# «Utilizzo ≥ 90% del budget assegnato (€ 250.000)»: the amount the percentage is of, written in brackets.
_BASE = re.compile(r"\(\s*(?:€|euro|eur)\s*(?P<num>\d[\d.]*(?:,\d+)?)\s*\)|\(\s*(?P<num2>\d[\d.]*(?:,\d+)?)\s*(?:€|euro)\s*\)",
                   re.IGNORECASE)
# A euro amount named in a target («del budget assegnato (€ 250.000)», «250.000 euro»).
_EURO = re.compile(r"€|(?<!\w)euro(?!\w)", re.IGNORECASE)
_PERCENT_OF = re.compile(r"^(?:%|percentuale\s+(?:di\s+|delle\s+|dei\s+|degli\s+)?|quota\s+(?:di\s+|delle\s+|dei\s+|degli\s+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class Share:
    """A share target: the percentage asked for, and whether it covers units (cumulative) or is a rate."""

    percent: Decimal
    units: bool
    what: str


def _stem(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    return plain[:5]


@lru_cache(maxsize=4096)
def read_share(text: str) -> Share | None:
    """The share a target text asks for, or None when it does not state one."""
    tail = _TAIL.match(" ".join(text.split()))
    if tail is None:
        return None
    what, number, unit = tail.group("what"), Decimal(tail.group("num").replace(",", ".")), tail.group("unit")
    if unit == "%":
        percent = number
    elif number == 1:
        percent = HUNDRED
    else:
        return None
    if _PERCENT_OF.match(what):
        return Share(percent, True, what) if unit == "%" else None
    ratio = _RATIO.search(what) or _PLAIN_RATIO.match(what)
    if ratio is None:
        return None
    units = ratio.groupdict().get("n") is not None or (
        _stem(ratio.group("a")) == _stem(ratio.group("b")) and not flows(what[ratio.start("b"):]))
    return Share(percent, units, what)


def bracketed_base(text: str) -> Decimal | None:
    """The euro amount a percentage target is a share of, written in brackets («(€ 250.000)»: 250000); None without."""
    found = _BASE.search(text)
    if found is None:
        return None
    number = found.group("num") or found.group("num2")
    return Decimal(number.replace(".", "").replace(",", "."))


def names_euro(text: str) -> bool:
    """Whether a target names a euro amount."""
    return _EURO.search(text) is not None
