"""Read numbers, dates, yes/no and "no data" markers written the Italian way.

These readers are shared by the input files and the target parser. They accept
what controllers type ("1.018", "85,00 %", "30/06/2023", "31 ottobre", "Sì",
"n.d.") and raise :class:`ValueError` with an Italian message for what looks
like a value but is wrong (a month 16, a day 31 in February).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
}
MONTH_NAMES = {number: name for name, number in MONTHS.items()}

_NULL_MARKERS = {
    "", "-", "--", "---", "//", "/", "n.d.", "n.d", "nd", "n/d", "n.a.", "na", "non rilevato",
    "non rilevabile", "non disponibile", "dato non disponibile", "dati non disponibili", "nessun dato",
    "nessun dato disponibile", "dato mancante", "n.d. / n.d.", "n.d./n.d.", "—", "–", "——",
}

# A number as Italians write it: optional sign, digits with "." thousands and
# "," decimals, or a plain decimal point when the groups are not thousands.
NUMBER_RE = re.compile(r"[-+−]?\s?\d[\d.,]*")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")

_DATE_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_WORDS = re.compile(
    r"^(\d{1,2})\s*(?:°|º|o)?\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?$", re.IGNORECASE
)
# A month shortened as in a calendar («28 feb. 2023», «3 sett 2024»): only with its year, «3 set» is a count.
_SHORT_MONTHS = {name[:3]: number for name, number in MONTHS.items()} | {"sett": 9}
_DATE_SHORT = re.compile(r"^(\d{1,2})\s*(?:°|º)?\s+(" + "|".join(_SHORT_MONTHS) + r")\.?\s+(\d{4})$", re.IGNORECASE)

# More digits than this before the decimal point is not a measure but a typing error.
MAX_INTEGER_DIGITS = 15

_YES = {"si", "sì", "sí", "vero"}
_NO = {"no", "falso"}


def is_null(text: object) -> bool:
    """True for an empty cell or a conventional "no data" marker ("n.d.", "---", "//")."""
    if text is None:
        return True
    if not isinstance(text, str):
        return False
    return text.strip().lower() in _NULL_MARKERS


def shorten(text: object, limit: int = 40) -> str:
    """A value quoted in a message, cut to ``limit`` characters."""
    shown = str(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def looks_like_number(text: str) -> bool:
    """True when ``text`` is made only of digits, separators, sign and %: a number, maybe a wrong one."""
    return bool(re.fullmatch(r"\s*[-+−]?[\d.,\s]+%?\s*", text)) and any(ch.isdigit() for ch in text)


def parse_number(text: str | int | float | Decimal) -> Decimal:
    """Read an Italian number: "1.018" → 1018, "85,00 %" → 85.00, "-7,00" → -7.00.

    A single dot followed by exactly three digits is a thousands separator
    ("5.000"), otherwise a decimal point ("94.3"). Raises ValueError.
    """
    if isinstance(text, bool):
        raise ValueError("atteso un numero, trovato un valore sì/no")
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    return _number_text(text)


@lru_cache(maxsize=16384)
def _number_text(text: str) -> Decimal:
    """:func:`parse_number` of a text, cached: plans and measures repeat the same few numbers."""
    raw = text.strip().replace("\u00a0", " ").replace("−", "-")
    cleaned = re.sub(r"\s*%$", "", raw).replace("€", "").replace("EUR", "").strip()
    cleaned = cleaned.replace(" ", "") if re.fullmatch(r"[-+]?\s?[\d.,\s]+", cleaned) else cleaned
    sign = ""
    if cleaned and cleaned[0] in "+-":
        sign, cleaned = ("-" if cleaned[0] == "-" else ""), cleaned[1:].strip()
    if not cleaned or not re.fullmatch(r"\d[\d.,]*", cleaned) or cleaned[-1] in ".,":
        raise ValueError(f"«{text}» non è un numero (esempi validi: 1.018 oppure 85,5)")
    if "." in cleaned and "," in cleaned:
        if cleaned.rfind(",") < cleaned.rfind("."):
            raise ValueError(f"«{text}»: usare la virgola per i decimali e il punto per le migliaia")
        integer, _, decimals = cleaned.rpartition(",")
        if not _THOUSANDS_DOT.match(integer):
            raise ValueError(f"«{text}»: separatore delle migliaia non valido")
        cleaned = integer.replace(".", "") + "." + decimals
    elif "," in cleaned:
        if cleaned.count(",") > 1:
            if not _THOUSANDS_COMMA.match(cleaned):
                raise ValueError(f"«{text}» non è un numero: troppe virgole")
            cleaned = cleaned.replace(",", "")
        else:
            cleaned = cleaned.replace(",", ".")
    elif "." in cleaned:
        if _THOUSANDS_DOT.match(cleaned):
            cleaned = cleaned.replace(".", "")
        elif cleaned.count(".") > 1:
            raise ValueError(f"«{text}» non è un numero: troppi punti")
    if len(cleaned.partition(".")[0]) > MAX_INTEGER_DIGITS:
        raise ValueError(f"«{shorten(text)}»: numero troppo grande (più di {MAX_INTEGER_DIGITS} cifre): controllare il valore")
    try:
        return Decimal(sign + cleaned)
    except InvalidOperation:  # pragma: no cover - the regexes above rule this out
        raise ValueError(f"«{text}» non è un numero") from None


def _make_date(day: int, month: int, year: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"«{text}»: il mese {month} non esiste (usare gg/mm/aaaa)")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"«{text}»: il giorno {day} non esiste nel mese {month}/{year}") from None


def looks_like_date(text: str) -> bool:
    """True when ``text`` has the shape of a date (it may still be an impossible one)."""
    raw = " ".join(text.strip().lower().split())
    return bool(_DATE_NUMERIC.match(raw) or _DATE_ISO.match(raw) or _DATE_WORDS.match(raw) or _DATE_SHORT.match(raw))


def parse_date(text: str | date | datetime, year: int | None = None) -> date:
    """Read a date: "30/06/2023", "31/7/2022", "30.6.2023", "31-12-2022", "2023-06-30",
    "30 giugno 2023", "1° luglio 2023"; "31 ottobre" takes ``year`` (the plan year).

    Two-digit years are 20xx. Raises ValueError with an Italian message.
    """
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    return _date_text(str(text), year)


@lru_cache(maxsize=16384)
def _date_text(text: str, year: int | None) -> date:
    """:func:`parse_date` of a text, cached: the same dates recur on every measure."""
    raw = " ".join(text.strip().lower().split())
    if match := _DATE_ISO.match(raw):
        iso = [int(g) for g in match.groups()]
        return _make_date(iso[2], iso[1], iso[0], text)
    if match := _DATE_NUMERIC.match(raw):
        d, m, y = match.groups()
        if len(y) == 3:
            raise ValueError(f"«{text}»: anno di tre cifre (usare gg/mm/aaaa)")
        year_value = int(y) + (2000 if len(y) == 2 else 0)
        return _make_date(int(d), int(m), year_value, text)
    if match := _DATE_WORDS.match(raw):
        d, month_name, y = match.groups()
        if y:
            year = int(y)
        if year is None:
            raise ValueError(f"«{text}»: manca l'anno")
        return _make_date(int(d), MONTHS[month_name.lower()], year, text)
    if match := _DATE_SHORT.match(raw):
        d, short, y = match.groups()
        return _make_date(int(d), _SHORT_MONTHS[short.lower()], int(y), text)
    raise ValueError(f"«{text}» non è una data (usare gg/mm/aaaa, ad esempio 30/06/2023)")


def parse_bool(text: str | bool) -> bool:
    """Read SI/Sì/NO (and vero/falso). Raises ValueError."""
    if isinstance(text, bool):
        return text
    key = str(text).strip().lower().rstrip(".")
    key = key.replace("si'", "si").replace("sì", "si")
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"«{text}» non è SI o NO")


# A number followed by the words of what it counts: «2 sale», «3 regolamenti approvati», «22 gg».
_WORD = r"[^\W\d_][^\W\d_'’.-]*(?:-[^\W\d_]+)*\.?"  # a hyphen joins words into one noun: «check-up», «e-learning»
_COUNT = re.compile(rf"(?P<number>[-+]?\d[\d.,]*)\s+(?P<noun>{_WORD}(?:[\s'’]+{_WORD})*)")
_COUNT_WORDS = 3  # content words: «ore di formazione», «impianti di distribuzione carburanti»; more is a sentence
# «Di» and its forms join the words of one noun and do not count towards its length: «impianti di distribuzione
# carburanti»; other prepositions start a phrase («criticità emersa nel semestre»).
_JOINING = frozenset({"di", "del", "dello", "della", "dell'", "dei", "degli", "delle"})
# «giornate medie per dipendente»: «per» and one word at the end say what the count is per, not another word of it.
_PER_UNIT = re.compile(r"\s+per\s+[^\W\d_]+$", re.IGNORECASE)
_OUT_OF_WORDS = frozenset({"su", "sui", "sugli", "sul", "sulle"})
_COUNT_SEPARATOR = re.compile(r"\s*(?:[,;/+]|e(?=\s))?\s*")
_NONE = re.compile(r"\bnessun(?:[oa]\b\s*|['’]\s*|\b\s*)", re.IGNORECASE)  # «nessuna postazione attiva»: a count of zero


def parse_counts(text: str) -> list[tuple[Decimal, str]] | None:
    """A measure written with the nouns it counts: «2 sale» → [(2, «sale»)], «6 iniziative 88 imprese» →
    [(6, «iniziative»), (88, «imprese»)], «nessuna postazione attiva» → [(0, «postazione attiva»)]; None when the
    text is not only such counts (a date, «3 su 5»)."""
    raw = _NONE.sub("0 ", " ".join(text.replace("\u00a0", " ").split()))
    if looks_like_date(raw):
        return None
    found: list[tuple[Decimal, str]] = []
    position = 0
    while position < len(raw):
        match = _COUNT.match(raw, position)
        if match is None:
            return None
        noun = match.group("noun")
        content = [word for word in _PER_UNIT.sub("", noun).split() if word.lower() not in _JOINING]
        if len(content) > _COUNT_WORDS or any(word.lower() in MONTHS for word in noun.split()):
            return None  # a sentence («2 seminari svolti a marzo»), not a count with its noun
        try:
            number = parse_number(match.group("number"))
        except ValueError:
            return None
        words = noun.split()
        if words[-1].lower() in _OUT_OF_WORDS:
            return None  # «3 sale su 5 piani»: done out of a total, not two counts
        if len(words) > 1 and words[-1].lower() == "e":  # «6 iniziative e 88 imprese»: the «e» joins two counts
            noun = " ".join(words[:-1])
        found.append((number, noun.rstrip(".") if not re.fullmatch(r"n\.|nr\.", noun, re.IGNORECASE) else noun))
        end = match.start("noun") + len(noun)
        separator = _COUNT_SEPARATOR.match(raw, end)
        position = separator.end() if separator is not None else end
    return found or None
