"""The words of indicator tables: column headers, level names and their usual misspellings.

A header cell («Indicatori», «Target 2023», «Misura al 30.6», «Peso indicatore»)
becomes a :class:`Header`: the role of the column and, for targets, soglie and
baselines, the year it names; for measures, the date. Words are matched ignoring
case, accents and punctuation, and a misspelt word («OBBIETTIVO», «Algortimo») is
matched to the closest known one with :mod:`difflib` and reported.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from piao_rules import values
from piao_rules.importing.roles import ROLE_WORDS

# Column roles.
NUMBER = "numero"
CODE = "codice"
AREA = "area"
OBJECTIVE = "obiettivo"
OWNER = "responsabile"
INDICATOR = "indicatore"
DESCRIPTION = "descrizione"
FORMULA = "algoritmo"
BASELINE = "baseline"
TARGET = "target"
THRESHOLD = "soglia"
WEIGHT = "peso"
MEASURE = "misura"
TYPE = "tipologia"
UNIT = "unita"
SOURCE = "fonte"
NOTE = "nota"
STATUS = "stato"  # an evaluation status printed by a report (raggiunto …): not read
GRADE = "grado"  # a degree of achievement printed by a report: not read
IGNORED = "altro"  # a known column with nothing for the plan (Azione, Programma, Risorse …)

# The first word of a header → its role (more words are looked at in :func:`read_header`): the words
# of the mapping's columns, and those of columns that name no plan field.
HEAD_WORDS = ROLE_WORDS | {
    "n": NUMBER, "nr": NUMBER, "num": NUMBER, "numero": NUMBER, "#": NUMBER,
    "grado": GRADE,
    "azione": IGNORED, "azioni": IGNORED, "programma": IGNORED, "risorse": IGNORED, "budget": IGNORED,
    "missione": IGNORED, "ente": IGNORED, "prospettiva": IGNORED, "durata": IGNORED,
}
# Words that may be misspelt and still recognised (the short ones are matched only exactly).
_FUZZY = tuple(sorted(word for word in HEAD_WORDS if len(word) >= 5))

_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)(?!\d)")
_DATE_IN = re.compile(
    r"(?<!\d)(\d{1,2}\s*[./-]\s*\d{1,2}(?:\s*[./-]\s*\d{2,5})?|\d{1,2}\s+(?:" + "|".join(values.MONTHS) + r")(?:\s+\d{4})?)(?!\d)",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """Lower case, no accents, punctuation turned into spaces: «Unità di misura» → «unita di misura»."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9#%]+", " ", text).split())


@dataclass(frozen=True)
class Header:
    role: str
    year: int | None = None  # Target 2023, Valore 2021
    when: str | None = None  # the date named by «Misura al 30.6.2023», as written
    kind: str | None = None  # «OBIETTIVO DIRIGENZIALE» → «dirigenziale»
    typo: tuple[str, str] | None = None  # (written word, known word) when matched leniently
    text: str = ""


@lru_cache(maxsize=65536)
def closest(word: str, known: tuple[str, ...], cutoff: float) -> str | None:
    """The known word closest to ``word`` (difflib, at least ``cutoff`` similar), or None;
    cached: documents repeat the same words in every table."""
    if not _may_match(word, known, cutoff):
        return None
    close = difflib.get_close_matches(word, known, n=1, cutoff=cutoff)
    return close[0] if close else None


def _may_match(word: str, known: tuple[str, ...], cutoff: float) -> bool:
    """Whether difflib may find ``word`` close enough to a known word: its similarity 2·M / (len(word) +
    len(known word)) counts M characters in common, at most the characters of ``word`` that occur in some
    known word, and at most the known word's length. Codes and numbers («k12345») are ruled out at once."""
    letters, lengths = _shape(known)
    shared = sum(1 for char in word if char in letters)
    return any(2.0 * min(shared, length) / (len(word) + length) >= cutoff for length in lengths)


@lru_cache(maxsize=64)
def _shape(known: tuple[str, ...]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The characters and the distinct lengths of the known words."""
    return frozenset("".join(known)), tuple(sorted({len(word) for word in known}))


@lru_cache(maxsize=16384)
def read_header(text: str) -> Header | None:
    """The role of a column header, or None when the text is not a header word."""
    words = plain(text).split()
    if not words or len(words) > 8:
        return None
    first, typo = words[0], None
    if first not in HEAD_WORDS:
        close = closest(first, _FUZZY, 0.8) if len(first) >= 5 else None
        if close is None:
            return None
        typo, first = (text.split()[0], close), close
    role = HEAD_WORDS[first]
    rest = words[1:]
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    when = _date_in(text)
    kind = None
    if role == UNIT and rest[:2] not in (["di", "misura"], []) and first != "um":
        return None
    if role == OBJECTIVE:
        kind = _objective_kind(rest)
        if rest and rest[0] in ("atteso", "attesi"):
            role = TARGET
    elif role == MEASURE:
        role = _measure_or_baseline(first, rest, year, when)
    elif role == INDICATOR and rest[:1] in (["op"],):
        role = IGNORED
    elif role == TYPE and rest[:1] == ["obiettivo"]:
        role = IGNORED
    elif role == OWNER and first == "dirigente" and rest:
        return None
    if role in (TARGET, THRESHOLD) and when:
        year = None
    return Header(role, year if role in (TARGET, THRESHOLD, BASELINE) else None, when, kind, typo, text)


def _objective_kind(rest: list[str]) -> str | None:
    for word in rest:
        for kind in ("strategic", "operativ", "dirigenzial", "individual", "trasversal"):
            if word.startswith(kind):
                return {"strategic": "strategico", "operativ": "operativo", "dirigenzial": "dirigenziale",
                        "individual": "individuale", "trasversal": "trasversale"}[kind]
    return None


def _measure_or_baseline(first: str, rest: list[str], year: int | None, when: str | None) -> str:
    """«Valore 2021» or «Stato anno 2019» is a baseline; «Misura al 30.6», «Stato», «Valore misure» a measure."""
    if when:
        return MEASURE
    if year is not None:
        return BASELINE
    if first in ("valore", "valori") and rest[:2] in (["di", "partenza"], ["iniziale"], ["base"]):
        return BASELINE
    return MEASURE


def _date_in(text: str) -> str | None:
    match = _DATE_IN.search(text)
    return match.group(1) if match else None


def header_date(text: str, year: int | None) -> date | None:
    """The date named in «Misura al 30.6.2023» («30.6» takes ``year``); None when there is none
    (or no year to complete it). Raises ValueError for an impossible date («30.6.20235»)."""
    spelled = _date_in(text)
    if spelled is None:
        return None
    if re.fullmatch(r"\d{1,2}\s*[./-]\s*\d{1,2}", spelled):
        if year is None:
            return None
        spelled = f"{spelled}/{year}"
    return values.parse_date(spelled, year)


# Level words in headings and table rows.
LEVEL_PATTERNS = [
    # «Obiettivo strategico OS01.1.1 - …», «Obiettivo operativo», «Obiettivi individuali - Segretario Generale»
    ("strategico", re.compile(r"^obbiettiv[oi]\s+strategic[oi]\b|^obiettiv[oi]\s+strategic[oi]\b", re.IGNORECASE)),
    ("operativo", re.compile(r"^ob+iettiv[oi]\s+operativ[oi]\b", re.IGNORECASE)),
    ("individuale", re.compile(r"^ob+iettiv[oi]\s+individual[ei]\b", re.IGNORECASE)),
    ("area", re.compile(r"^(?:area|ambito)(?:\s+strategic[ao])?\b", re.IGNORECASE)),
]

# Level names a controller may misspell, matched with difflib and reported (every inflection is correct).
# Longer words only: short ones («area») have too many close neighbours.
LEVEL_WORDS = ("obiettivo", "obiettivi", "strategico", "strategica", "strategici", "strategiche", "operativo",
               "operativa", "operativi", "operative", "individuale", "individuali", "area", "aree", "ambito", "ambiti",
               "indicatore", "indicatori", "dirigenziale", "dirigenziali", "trasversale", "trasversali", "struttura")


def fix_level_words(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with misspelt level words («OBBIETTIVO») replaced for matching, and the replacements."""
    found: list[tuple[str, str]] = []

    def repair(match: re.Match[str]) -> str:
        word = match.group(0)
        key = plain(word)
        if key in LEVEL_WORDS or len(key) < 6:
            return word
        close = closest(key, LEVEL_WORDS, 0.85)
        if close is None:
            return word
        found.append((word, close))
        return close.upper() if word.isupper() else close

    return re.sub(r"[^\W\d_]+", repair, text), found


# Words of office names in the Chambers' organisation charts: a close misspelling in an owner
# («PROVEDITORATO», «MARCHIE») is reported, never corrected.
OFFICE_WORDS = (
    "provveditorato", "segreteria", "ragioneria", "personale", "protocollo", "economato", "contabilita", "bilancio",
    "marchi", "brevetti", "registro", "imprese", "promozione", "internazionalizzazione", "comunicazione",
    "statistica", "tutela", "mercato", "metrico", "ispettivo", "sanzioni", "protesti", "diritto", "annuale",
    "sportelli", "informatica", "gestione", "conciliazione", "arbitrato", "ambiente", "dirigente", "segretario",
    "generale", "settore", "ufficio", "servizio", "biblioteca", "partecipazioni", "innovazione", "regolazione",
)


def office_typos(text: str) -> list[tuple[str, str]]:
    """(written, known) for the words of an office name that look like misspelt office words."""
    found = []
    for word in re.findall(r"[^\W\d_]+", text):
        key = plain(word)
        if len(key) < 6 or key in OFFICE_WORDS:
            continue
        close = closest(key, OFFICE_WORDS, 0.88)
        if close is not None:
            found.append((word, close.upper() if word.isupper() else close))
    return found
