"""Read a target or a soglia, as written in real plans, into a :class:`Target`.

A target cell may hold an operator and a number («≥ 70%», «>= 10.000,00 N.»,
«almeno 2 eventi»), a rate («4 report/anno»), a duration («Entro i 20 giorni»),
a deadline («entro il 30/06/2023», «31 ottobre», «entro aprile anno N»), SI/NO,
a reference to history or to a benchmark («> media triennio precedente»,
«+ 25% rispetto alla media nazionale»), several components («≥ 10 iniziative
500 soggetti», «≥ 200 (Facebook) ≥ 150 (Linkedin)»), one target per year
(«Anno: 2020 >= 3 Anno: 2021 >= 3»), a textual milestone («Consegna progetto
definitivo») or something only a person can judge («Nei termini di legge»).

Readings are tried in that spirit, from the most specific to the most general:
SI/NO → legal or event-relative wording → dates → durations → relative →
quantities (comparison or compound) → text (milestone or qualitative).

Errors: :func:`parse_target` and :func:`parse_threshold` never raise on odd
text — what they cannot read becomes ``kind=qualitative`` with an Italian
warning — with ONE exception: a date that cannot exist («30/16/2023»,
«31.2.2020», «30.6.20235») raises :class:`TargetError`, a ``ValueError``
whose message is Italian, because silently reading it would hide a typo in
a deadline.

Conventions: a bare number («100,00 %», «2 corsi di formazione») and «=» both
read as operator ``=`` («reach at least», the engine decides the direction);
inside a compound a missing operator copies the first written one, with a
warning. A soglia without operator or unit takes them from its target.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from piao_rules import values
from piao_rules.targets.markup import clean
from piao_rules.targets.model import Component, Operator, Reference, ReferenceBasis, Stage, Target, TargetKind
from piao_rules.targets.share import bracketed_base


class TargetError(ValueError):
    """An impossible date in a target or soglia; ``str(error)`` is an Italian message."""


# --- vocabulary -------------------------------------------------------------------------------

_WORD_OPERATORS = {
    Operator.GE: [
        "maggiore o uguale (?:a|al|alla|allo|all'|ad)", "superiore o uguale (?:a|al|alla|allo|all'|ad)",
        "pari o superiore (?:a|al|alla|allo|all'|ad)", "non inferiore (?:a|al|alla|allo|all'|ad)",
        "non meno di", "almeno", "minimo", r"min\.",
    ],
    Operator.LE: [
        "minore o uguale (?:a|al|alla|allo|all'|ad)", "inferiore o uguale (?:a|al|alla|allo|all'|ad)",
        "pari o inferiore (?:a|al|alla|allo|all'|ad)", "non superiore (?:a|al|alla|allo|all'|ad)",
        "non oltre", "al massimo", "massimo", r"max\.?", "fino a",
    ],
    Operator.GT: [
        "maggiore (?:di|del|della|dello|dell'|dei|degli|delle)", "superiore (?:a|al|alla|allo|all'|ai|agli|alle|ad)",
        "più di", "oltre",
    ],
    Operator.LT: [
        "minore (?:di|del|della|dello|dell'|dei|degli|delle)", "inferiore (?:a|al|alla|allo|all'|ai|agli|alle|ad)",
        "meno di",
    ],
    Operator.EQ: ["pari (?:a|al|alla|allo|all'|ad)", "uguale (?:a|al|alla|allo|all'|ad)"],
}
_SYMBOLS = {Operator.GE: "≥", Operator.LE: "≤", Operator.GT: ">", Operator.LT: "<", Operator.EQ: "="}
_GROUP = {Operator.GE: "ge", Operator.LE: "le", Operator.GT: "gt", Operator.LT: "lt", Operator.EQ: "eq"}


def _operator_pattern() -> str:
    groups = []
    for operator, words in _WORD_OPERATORS.items():
        spaced = (w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))
        spelled = "|".join(rf"(?<!\w){w}(?:(?<=')|(?!\w))" for w in spaced)
        groups.append(rf"(?P<{_GROUP[operator]}>{re.escape(_SYMBOLS[operator])}|{spelled})")
    return "(?:" + "|".join(groups) + ")"


_OPS = _operator_pattern()
_OP_RE = re.compile(_OPS, re.IGNORECASE)

_NUMBER_WORDS = {
    "uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "venti": 20, "trenta": 30, "cento": 100,
}
_NUMBER_WORD_AFTER_OP = re.compile(rf"(?P<op>{_OPS})\s+(?P<word>{'|'.join(_NUMBER_WORDS)})(?!\w)", re.IGNORECASE)

_NUMBER = r"[-+]?\d+(?:[.,]\d+)*"
_QUANTITY = re.compile(
    rf"""(?:(?P<op>{_OPS})\s*)?
    (?:(?P<count>(?<!\w)(?:n\.|nr\.|n°|num\.|numero)\s*)|(?P<euro>(?:€|(?<!\w)euro(?!\w)|(?<!\w)eur(?!\w))\s*))?
    (?<![\w.,/])(?P<num>{_NUMBER})(?![^\W_]|[°ºª]|[.,/]\d)
    (?:\s*(?P<unit>%|‰|€(?!\w)|euro(?!\w)|eur(?!\w)|nr\.?(?!\w)|n\.?(?!\w)|gg\.?(?!\w)|giorn[oi](?!\w)))?""",
    re.IGNORECASE | re.VERBOSE,
)

_SYMBOL_UNITS = {"%", "‰", "€", "N.", "gg"}
_UNIT_SPELLINGS = {
    "%": "%", "‰": "‰", "€": "€", "euro": "€", "eur": "€",
    "n": "N.", "n.": "N.", "nr": "N.", "nr.": "N.",
    "gg": "gg", "gg.": "gg", "giorni": "gg", "giorno": "gg",
}

_STOP = (
    "e|ed|o|od|per|con|di|da|in|su|sul|sulla|tra|fra|a|ad|al|alla|allo|ai|agli|alle|il|lo|la|i|gli|le|"
    "un|uno|una|del|della|dello|dei|degli|delle|nel|nella|nello|nei|negli|nelle|entro|rispetto|circa|"
    "oltre|almeno|pari|soglia|anno|target|ogni|non|più|meno|maggiore|minore|superiore|inferiore|"
    "massimo|minimo|uguale|si|sì|no|che|come|dal|dalla|dai|dalle|mediante|tramite|all|dell|nell|sull|dall|l|"
    + "|".join(values.MONTHS)
)
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_NOUN = re.compile(
    rf"\s+(?!(?:{_STOP})(?!\w))(?P<noun>{_WORD})"
    rf"(?:(?:\s+di\s+|\s+d')(?!(?:{_STOP})(?!\w))(?P<noun2>{_WORD}))?",
    re.IGNORECASE,
)
_PERIODS = {
    "anno": "anno", "mese": "mese", "semestre": "semestre", "trimestre": "trimestre",
    "settimana": "settimana", "giorno": "giorno",
    "annui": "anno", "annue": "anno", "annuo": "anno", "annuale": "anno", "annuali": "anno",
    "mensile": "mese", "mensili": "mese", "trimestrali": "trimestre", "semestrali": "semestre",
}
_PER = re.compile(
    r"\s*(?:/\s*|(?<!\w)(?:per|all'|l'|al|ogni)\s*)(?P<per>anno|mese|semestre|trimestre|settimana|giorno)(?!\w)"
    r"|\s+(?P<adj>annui|annue|annuo|annuale|annuali|mensile|mensili|trimestrali|semestrali)(?!\w)",
    re.IGNORECASE,
)
_CHANGE = re.compile(r"(?:riduzion|diminuzion|aument|increment|crescit|calo|contrazion)", re.IGNORECASE)
# Adjectives of size or novelty written before the counted noun («almeno due grandi eventi», «3 nuove sedi»).
_SIZES = frozenset({"grandi", "grande", "piccoli", "piccole", "nuovi", "nuove", "ulteriori", "principali", "importanti"})
_LABEL = re.compile(r"\s*\((?P<label>[^()\d]{1,40})\)")

_MONTHS = "|".join(values.MONTHS)
_ISO_DATE = re.compile(r"(?<![\d.,/-])\d{4}-\d{1,2}-\d{1,2}(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,}(?!\d)")
_WORD_DATE = re.compile(rf"(?<![\d.,/-])[0-3]?\d\s*(?:°|º)?\s+(?:{_MONTHS})(?:\s+\d{{4}}(?!\d))?(?!\w)", re.IGNORECASE)
_DAY_MONTH = re.compile(r"(?<!\w)entro\s+(?:il\s+)?(?P<day>\d{1,2})\s?/\s?(?P<month>\d{1,2})(?![\d/.-])", re.IGNORECASE)
_MONTH_END = re.compile(
    rf"(?<!\w)(?:entro|per)\s+(?:la\s+fine\s+(?:del\s+mese\s+)?di\s+|fine\s+|il\s+mese\s+di\s+)?(?P<month>{_MONTHS})"
    rf"(?:\s+(?P<year>\d{{4}})(?!\d)|\s+(?:dell')?anno\s+(?:n|corrente|in\s+corso)(?!\w))?(?!\w)",
    re.IGNORECASE,
)
_YEAR_END = re.compile(
    r"(?<!\w)entro\s+(?:il\s+|la\s+fine\s+del\s+|fine\s+|l'anno\s+)?(?P<year>\d{4})(?![\d/.-])", re.IGNORECASE
)
# Connectives left around a date once it is taken out: «… entro il», «… per la data del».
_BEFORE_DATE = re.compile(
    r"(?:(?<!\w)(?:entro|al|per|il|la|data|del|scadenza|termine)(?!\w)[\s:]*|[\s:,(–-])+$", re.IGNORECASE
)

_LEGAL = re.compile(
    r"termini di legge|nei termini|entro i termini|scadenz[ae] (?:di|previst[ae] dalla) legge|"
    r"previsti dalla (?:legge|normativa)",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"(?<!\w)(?:da quando|dal momento in cui|sar[àa]|verr[àa]|dopo (?:la|il|l')|a seguito d)", re.IGNORECASE
)
_DURATION = re.compile(
    rf"^(?:entro|in|non oltre|al massimo|massimo|max\.?)\s+(?:(?:i|il|le|gli)\s+)?"
    rf"(?P<num>\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS)})\s*"
    r"(?P<unit>giorni|giorno|gg\.?|mesi|mese|ore|ora|settimane|settimana)(?!\w)(?P<rest>.*)$",
    re.IGNORECASE,
)
_DURATION_UNITS = {"giorni": "gg", "giorno": "gg", "gg": "gg", "gg.": "gg", "mesi": "mesi", "mese": "mesi",
                   "ore": "ore", "ora": "ore", "settimane": "settimane", "settimana": "settimane"}

_RELATIVE = re.compile(
    rf"""^(?:(?P<op>{_OPS})\s*)?
    (?:(?P<sign>[-+])\s*)?
    (?:(?P<delta>\d+(?:[.,]\d+)*)\s*(?P<dunit>%|punti\s+percentuali|punti|p\.\s?p\.)\s*)?
    (?P<rispetto>rispetto\s+(?:(?:a|al|alla|allo|ai|agli|alle)\s+|all')?|in\s+più\s+(?:del|della|dello|dell')\s*)?
    (?:(?:del|della|dello|dell'|dei|delle|al|alla|allo|all'|il|la|lo|l')\s*)?
    (?P<ref>(?:media|valore|dato|livello|risultato|trend|anno\s+precedente|triennio)(?!\w).*|\d{{4}}(?!\d).*)$""",
    re.IGNORECASE | re.VERBOSE,
)
# The reference's value written in brackets after it: «media triennio precedente (65,4%)», «valore 2022 (1.250)».
_REFERENCE_VALUE = re.compile(r"\(\s*(?:pari\s+a[l]?\s+)?(?!(?:19|20)\d\d\s*\))(?P<num>\d[\d.]*(?:,\d+)?)\s*%?\s*\)\s*$")
_CHANGE_WORDS = re.compile(
    r"^(?:(?P<up>incremento|aumento|crescita)|(?P<down>riduzione|diminuzione|calo))\s+(?:del|di|pari al)?\s*",
    re.IGNORECASE,
)

_REVISION = re.compile(r"\(?\s*(?<!\w)propost[ae] di (?:aggiornamento|modifica|revisione)\s*[:\-–]?\s*", re.IGNORECASE)
_YEAR_MARK = re.compile(r"(?:^|\s)(?:anno|target)\s*:?\s*(\d{4})(?!\d)\s*:?\s*", re.IGNORECASE)
_YEAR_TAG = re.compile(r"\(\s*(?:anno|per il|nel)\s+(\d{4})\s*\)", re.IGNORECASE)
_SOGLIA = re.compile(r"(?<!\w)soglia(?!\w)\s*:?", re.IGNORECASE)

_BOOLEAN = re.compile(r"^(?P<word>s[iìí]|no)\s*[.!]?$", re.IGNORECASE)
_BOOLEAN_WITH_TEXT = re.compile(
    r"^(?:(?P<word>SI|SÌ|SÍ|NO)\s+|(?P<word2>s[iìí]|no)\s*[:\-–—,]\s*)(?P<rest>\S.*)$", re.IGNORECASE
)
_ACTIVE = re.compile(r"^attiv[oa]\s*\.?$", re.IGNORECASE)
# A coverage qualifier: «con ciascun ufficio», «per ogni sede», «in tutte le sedi».
_EACH = re.compile(
    r"(?<!\w)(?:ciascun[oa]?|ogni|tutt[ie]\s+(?:i|gli|le))\s+(?:(?:singol[oaie]|sua|suo)\s+)?(?P<unit>[^\W\d_]{3,})",
    re.IGNORECASE,
)
# «almeno 1 dipendente per settore», «N. pagine aggiornate per ufficio >= 1»: one thing per unit is a coverage
# target too (every unit must have it); not «per» a period, a rate or an average («10 ore per dipendente» has
# a quantity other than 1 and stays a count).
_PER_UNIT = re.compile(r"(?<!\w)per\s+(?P<unit>[^\W\d_]{4,})(?!\w)", re.IGNORECASE)
_NOT_UNITS = frozenset({
    "anno", "mese", "trimestre", "semestre", "bimestre", "quadrimestre", "settimana", "giorno", "annualita", "annualità",
    "esercizio", "cento", "mille", "conto", "esempio", "quanto", "tempo", "tutto", "ciascuno", "ciascuna", "ogni",
    "legge", "effetto", "mezzo", "tramite", "favorire", "garantire", "personale",  # a collective, not a unit
})
# «per ogni sede almeno 2 incontri»: the coverage words first, moved after the quantity.
_EACH_FIRST = re.compile(r"^(?P<each>(?:per|in|con|presso|da)\s+(?:ciascun[oa]?|ogni)\s+[^\W\d_]+)\s*[,:]?\s+(?P<rest>.+)$",
                         re.IGNORECASE)
# «= SI», «≥ si», «== sì»: an operator before SI/NO changes nothing; «si/no», «SI/NO»: a yes/no indicator, target SI.
_BOOLEAN_WITH_OPERATOR = re.compile(rf"^(?:==|{_OPS})\s*(?P<word>s[iìí]|no)\s*[.!]?$", re.IGNORECASE)
_BOOLEAN_PAIR = re.compile(r"^s[iìí]\s*/\s*no\s*\.?$", re.IGNORECASE)
_UNIT_ONLY = re.compile(
    rf"^(?:n\.|nr\.|numero)\s*(?P<noun>{_WORD}(?:\s+{_WORD})?)\s*/\s*(?P<per>anno|mese)\.?$", re.IGNORECASE
)

# Action nouns (-ione, -mento, -aggio, -tura), infinitives and deliverables open a milestone.
_ACTION_SUFFIXES = ("ione", "mento", "aggio", "tura", "are", "ere", "ire", "rre")
_ACTION_WORDS = {
    "avvio", "consegna", "nomina", "report", "reportistica", "piano", "progetto", "bilancio", "verifica",
    "stipula", "messa", "rilascio", "invio", "analisi", "studio", "indagine", "proposta", "deposito",
    "acquisto", "collaudo", "restyling", "documento", "elenco", "catalogo", "sito", "portale", "campagna",
    "evento", "convegno", "corso", "seminario", "incontro", "questionario", "cruscotto", "mappa", "carta",
    "manuale", "disciplinare", "protocollo", "accordo", "newsletter", "webinar", "procedura", "gara", "bando",
    "modello", "sistema", "servizio", "banca", "archivio", "intesa", "tavolo",
}


# --- the reading under construction ------------------------------------------------------------


@dataclass
class _Draft:
    kind: TargetKind
    operator: Operator | None = None
    explicit: bool = True  # False when no operator was written (bare number)
    value: Decimal | None = None
    unit: str | None = None
    per: str | None = None
    deadline: date | None = None
    boolean: bool | None = None
    components: list[Component] = field(default_factory=list)
    reference: Reference | None = None
    milestone: str | None = None
    qualifier: str | None = None
    coverage: str | None = None
    stage: Stage | None = None
    year_end: bool = False

    def target(self, text: str, warnings: list[str]) -> Target:
        return Target(
            text=text, kind=self.kind, operator=self.operator, value=self.value, unit=self.unit, per=self.per,
            deadline=self.deadline, boolean=self.boolean, components=self.components, reference=self.reference,
            milestone=self.milestone, qualifier=self.qualifier, coverage=self.coverage, stage=self.stage,
            year_end=self.year_end, warnings=warnings,
        )


@dataclass
class _Quantity:
    start: int
    end: int
    operator: Operator | None
    value: Decimal
    unit: str | None
    per: str | None
    label: str | None
    counted: bool
    spelled: str


def _qualitative(warnings: list[str], message: str, unit: str | None = None, per: str | None = None) -> _Draft:
    warnings.append(message)
    return _Draft(TargetKind.QUALITATIVE, unit=unit, per=per)


def _operator(match: re.Match[str]) -> Operator | None:
    """The operator written in the ``op`` group of ``match``, if any."""
    if not match.group("op"):
        return None
    found = _OP_RE.fullmatch(match.group("op"))
    if found is None:  # pragma: no cover - the group only matches operators
        return None
    return next(op for op, name in _GROUP.items() if found.group(name))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quote(text: str, limit: int = 80) -> str:
    """«text» for a message, shortened when long."""
    return f"«{text}»" if len(text) <= limit else f"«{text[:limit].rstrip()}…»"


# --- public API ---------------------------------------------------------------------------------


def split_revision(text: str) -> tuple[str, str | None]:
    """Split a cell holding a target and its «proposta di aggiornamento».

    Returns ``(original, proposed)`` as plain text (markup removed); ``proposed``
    is None when the cell holds no proposal.
    """
    cleaned = clean(text if isinstance(text, str) else str(text))
    match = _REVISION.search(cleaned)
    if match is None:
        return cleaned, None
    original = cleaned[: match.start()].strip()
    proposed = cleaned[match.end():].strip()
    if proposed.endswith(")") and match.group(0).lstrip().startswith("(") and proposed.count(")") > proposed.count("("):
        proposed = proposed[:-1].strip()
    return original, proposed or None


@lru_cache(maxsize=8192)
def parse_target(text: str, year: int | None = None) -> Target:
    """Read a target as written in a plan; ``year`` is the plan year.

    Never raises except :class:`TargetError` for an impossible date. Readings are
    cached (targets repeat across a plan and the Target model is frozen).
    """
    raw = text if isinstance(text, str) else str(text)
    warnings: list[str] = []
    plan_year = _plan_year(year, warnings)
    core = _prepare(raw, plan_year, warnings)
    if core is None:
        return _Draft(TargetKind.QUALITATIVE).target(raw, warnings)
    if _SOGLIA.match(core):
        core = _squash(_SOGLIA.sub(" ", core))
        warnings.append("il testo è una SOGLIA letta da sola: unità e operatore non sono presi dal target")
    return _read_staged(core, plan_year, warnings).target(raw, warnings)


def _read_staged(core: str, year: int | None, warnings: list[str]) -> _Draft:
    """Read a target whose text may add a target intermedio or say the figure is a year-end one: both are kept
    for a comparison only (any other kind is read from the text as written)."""
    stage_found, year_end = _STAGE.search(core), _YEAR_END_FIGURE.search(core)
    if stage_found is None and year_end is None:
        return _read(core, year, warnings)
    told: list[str] = []
    text, stage = _stage(core, year, told)
    if year_end is not None:
        found = _YEAR_END_FIGURE.search(text)
        text = _squash(text[:found.start()] + " " + text[found.end():]) if found else text
    draft = _read(text, year, told)
    if draft.kind is not TargetKind.COMPARISON:
        return _read(core, year, warnings)
    warnings.extend(told)
    draft.stage, draft.year_end = stage, year_end is not None
    return draft


# «(target intermedio al 30/06: 30%)», «target intermedio al 30/06/2024 = 30», «(target intermedio al 31/03: ≥ 100)»: the
# value expected at a date of the year.
_STAGE = re.compile(
    r"\(?\s*target\s+intermedio\s+(?:al|entro\s+il)\s+(?P<when>\d{1,2}\s?/\s?\d{1,2}(?:\s?/\s?\d{2,4})?)(?!\d)\s*[:=]?\s*"
    r"(?:(?:≥|>=)\s*)?(?:€\s*)?(?P<value>\d+(?:[.,]\d+)?)\s*%?\s*\)?",
    re.IGNORECASE,
)
# «(dato al 31/12)», «a consuntivo», «(valore a fine anno)»: the figure exists only at year end.
_YEAR_END_FIGURE = re.compile(
    r"\(?\s*(?:(?:dato|valore|rilevazione|misura)\s+(?:al\s+31\s?/\s?12(?:\s?/\s?\d{2,4})?|a\s+fine\s+anno|a\s+consuntivo)"
    r"|(?:solo\s+)?a\s+consuntivo)(?!\w)\s*\)?",
    re.IGNORECASE,
)


def _stage(text: str, year: int | None, warnings: list[str]) -> tuple[str, Stage | None]:
    """The text without its «target intermedio al …: …», and that intermediate value."""
    found = _STAGE.search(text)
    if found is None:
        return text, None
    spelled = found.group("when").replace(" ", "")
    if spelled.count("/") == 1:
        if year is None:
            warnings.append(f"target intermedio «{found.group(0).strip()}» senza l'anno del piano: ignorato")
            return _squash(text[:found.start()] + " " + text[found.end():]), None
        spelled = f"{spelled}/{year}"
    try:
        when = values.parse_date(spelled)
    except ValueError:
        warnings.append(f"target intermedio «{found.group(0).strip()}»: data non valida, ignorato")
        return _squash(text[:found.start()] + " " + text[found.end():]), None
    value = values.parse_number(found.group("value"))
    return _squash(text[:found.start()] + " " + text[found.end():]), Stage(when=when, value=value)


def parse_threshold(text: str, target: Target, year: int | None = None) -> Target:
    """Read a SOGLIA against its target: a bare number takes the target's unit and
    operator («SOGLIA 5» with «>= 15,00 %» is ≥ 5%), year-specific soglie pick ``year``.

    Never raises except :class:`TargetError` for an impossible date.
    """
    raw = text if isinstance(text, str) else str(text)
    warnings: list[str] = []
    plan_year = _plan_year(year, warnings)
    cleaned = clean(raw)
    stripped = _squash(_SOGLIA.sub(" ", cleaned))
    if stripped.startswith("(") and stripped.endswith(")") and stripped.count("(") == 1:
        stripped = stripped[1:-1].strip()
    core = _prepare(stripped, plan_year, warnings)
    if core is None:
        return _Draft(TargetKind.QUALITATIVE).target(raw, warnings)
    draft = _read(core, plan_year, warnings)
    _fit_threshold(draft, target, warnings)
    return draft.target(raw, warnings)


# --- preparation: markup, revisions, one target per year ---------------------------------------


def _plan_year(year: int | None, warnings: list[str]) -> int | None:
    if year is None or 1 <= year <= 9999:
        return year
    warnings.append(f"anno del piano {year} non valido: ignorato")
    return None


def _prepare(raw: str, year: int | None, warnings: list[str]) -> str | None:
    """Clean the text, drop a revision proposal, pick the plan year's part; None if nothing is left."""
    original, proposed = split_revision(raw)
    if proposed:
        warnings.append(f"proposta di aggiornamento nel testo: «{proposed}»; letto il target originale")
    if not original or values.is_null(original):
        warnings.append("nessun target indicato: serve un giudizio o un target da completare")
        return None
    parts = _by_year(original)
    if parts is None:
        return original
    years = ", ".join(str(y) for y in parts)
    if year in parts:
        chosen = parts[year]
    elif year is None:
        first = next(iter(parts))
        chosen = parts[first]
        warnings.append(f"target diverso per anno ({years}): letto quello del {first}; indicare l'anno del piano")
    elif len(parts) == 1:
        only = next(iter(parts))
        chosen = parts[only]
        warnings.append(f"il testo indica l'anno {only}, il piano è del {year}")
    else:
        warnings.append(f"nessun target per l'anno {year} (anni indicati: {years})")
        return None
    if not chosen:
        warnings.append("nessun target indicato per l'anno scelto")
        return None
    return chosen


def _by_year(text: str) -> dict[int, str] | None:
    """{year: text} for «Anno: 2020 >= 3 Anno: 2021 >= 3» or «20% (anno 2021) 5% (anno 2022)»."""
    if _YEAR_MARK.match(text):
        pieces = _YEAR_MARK.split(text)
        return {int(pieces[i]): pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}
    tags = list(_YEAR_TAG.finditer(text))
    if not tags or (len(tags) == 1 and text[tags[0].end():].strip()):
        return None
    parts: dict[int, str] = {}
    start = 0
    for tag in tags:
        parts[int(tag.group(1))] = text[start: tag.start()].strip()
        start = tag.end()
    return parts


# --- the reading --------------------------------------------------------------------------------


def _read(text: str, year: int | None, warnings: list[str]) -> _Draft:
    return (
        _boolean(text, year, warnings)
        or _legal_or_event(text, warnings)
        or _dated(text, year, warnings)
        or _duration(text, warnings)
        or _relative(text, warnings)
        or _unit_only(text, warnings)
        or _quantities(text, warnings)
        or _textual(text, warnings)
    )


def _boolean(text: str, year: int | None, warnings: list[str]) -> _Draft | None:
    if match := _BOOLEAN.match(text):
        return _Draft(TargetKind.BOOLEAN, boolean=not match.group("word").lower().startswith("n"))
    if _ACTIVE.match(text):
        return _Draft(TargetKind.BOOLEAN, boolean=True)
    if match := _BOOLEAN_WITH_OPERATOR.match(text):
        return _Draft(TargetKind.BOOLEAN, boolean=not match.group("word").lower().startswith("n"))
    if _BOOLEAN_PAIR.match(text):
        warnings.append(f"{_quote(text)}: indicatore SI/NO, letto con target SI")
        return _Draft(TargetKind.BOOLEAN, boolean=True)
    match = _BOOLEAN_WITH_TEXT.match(text)
    if match is None or (match.group("word") and match.group("word") != match.group("word").upper()):
        return None
    word = match.group("word") or match.group("word2")
    rest = match.group("rest").strip()
    if _find_dates(rest, year, []):
        return _dated(rest, year, warnings)
    return _Draft(TargetKind.BOOLEAN, boolean=not word.lower().startswith("n"), milestone=rest)


# «entro un mese da quando sarà formalizzata la ridefinizione …», «entro 60 giorni dopo l'approvazione del regolamento»
_AFTER_EVENT = re.compile(
    rf"(?<!\w)entro\s+(?:(?:i|il|le|gli)\s+)?(?P<num>\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})\s+"
    r"(?P<unit>giorni|giorno|settimane|settimana|mesi|mese)\s+(?:da quando|dal momento in cui)\s+(?:sar[àa]|verr[àa])\s+"
    r"(?P<verb>[^\W\d_]{4,})|(?<!\w)entro\s+(?:(?:i|il|le|gli)\s+)?(?P<num2>\d{1,3}|" + "|".join(_NUMBER_WORDS)
    + r")\s+(?P<unit2>giorni|giorno|settimane|settimana|mesi|mese)\s+dopo\s+(?:la\s+|il\s+|l')?"
    r"(?P<noun>[^\W\d_]{4,}(?:azione|izione|ura|ata))(?!\w)",
    re.IGNORECASE,
)


def event_deadline(text: str | None) -> tuple[int, str, str] | None:
    """The time a deadline after an event allows and the event's stem, to find the event in a note: «entro un mese
    da quando sarà formalizzata …» → (1, «mesi», «formalizz»); «entro 60 giorni dopo l'approvazione …» → (60,
    «giorni», «approv»). None for other targets."""
    match = _AFTER_EVENT.search(text or "")
    if match is None:
        return None
    spelled = (match.group("num") or match.group("num2")).lower()
    number = int(spelled) if spelled.isdigit() else _NUMBER_WORDS[spelled]
    unit = (match.group("unit") or match.group("unit2")).lower()
    unit = "mesi" if unit.startswith("mes") else "settimane" if unit.startswith("settiman") else "giorni"
    word = (match.group("verb") or match.group("noun")).lower()
    stem = re.sub(r"(?:azione|izione|ura|ata|ato|ate|ati|ita|ito|ute|uta|uto)$", "", word)
    return number, unit, stem


def _legal_or_event(text: str, warnings: list[str]) -> _Draft | None:
    if _LEGAL.search(text) and not re.search(r"\d", text):
        return _qualitative(
            warnings, f"{_quote(text)}: scadenza fissata dalla legge; indicare la data prevista per valutarla"
        )
    if re.search(r"(?<!\w)entro(?!\w)", text, re.IGNORECASE) and _EVENT.search(text):
        # «entro un mese da quando sarà formalizzata …»: an activity whose date follows an event; judged as an
        # activity (progress, the note), never against a date the plan does not give
        warnings.append(f"{_quote(text)}: scadenza legata a un evento futuro, letta come attività senza data; "
                        "indicare la data dell'evento o la scadenza")
        return _Draft(TargetKind.MILESTONE, milestone=text)
    return None


# --- dates --------------------------------------------------------------------------------------


def _to_date(spelled: str, year: int | None) -> date:
    try:
        return values.parse_date(spelled, year=year)
    except ValueError as error:
        raise TargetError(f"data impossibile nel target: {error}") from None


def _month_end(year: int, month: int) -> date:
    if not 1 <= year <= 9999:
        raise TargetError(f"data impossibile nel target: l'anno {year} non esiste")
    return date(year, month, calendar.monthrange(year, month)[1])


def _find_dates(text: str, year: int | None, warnings: list[str]) -> list[tuple[int, int, date | None]]:
    """Every date in ``text`` as (start, end, date); date is None when the year is unknown."""
    found: list[tuple[int, int, date | None]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return all(match.end() <= s or match.start() >= e for s, e in taken)

    def add(match: re.Match[str], when: date | None) -> None:
        found.append((match.start(), match.end(), when))
        taken.append((match.start(), match.end()))

    for pattern in (_ISO_DATE, _NUMERIC_DATE):
        for match in pattern.finditer(text):
            if free(match):
                add(match, _to_date(match.group(0).replace(" ", ""), year))
    for match in _WORD_DATE.finditer(text):
        if not free(match):
            continue
        spelled = match.group(0)
        if re.search(r"\d{4}$", spelled) or year is not None:
            add(match, _to_date(spelled, year))
            continue
        digits = re.match(r"\d+", spelled)
        assert digits is not None  # _WORD_DATE starts with the day
        day, month = int(digits.group(0)), values.MONTHS[spelled.split()[-1].lower()]
        if day < 1 or day > calendar.monthrange(2024, month)[1]:
            raise TargetError(f"data impossibile nel target: «{spelled}»: il giorno {day} non esiste")
        add(match, None)
    for match in _DAY_MONTH.finditer(text):
        if free(match):
            if year is None:
                add(match, None)
            else:
                add(match, _to_date(f"{match.group('day')}/{match.group('month')}/{year}", year))
                warnings.append(f"«{match.group(0)}» senza anno: usato l'anno del piano {year}")
    for match in _MONTH_END.finditer(text):
        if not free(match):
            continue
        month = values.MONTHS[match.group("month").lower()]
        if match.group("year"):
            add(match, _month_end(int(match.group("year")), month))
        elif year is None:
            add(match, None)
        else:
            add(match, _month_end(year, month))
            warnings.append(f"«{match.group(0)}»: letto come fine mese dell'anno del piano ({found[-1][2]:%d/%m/%Y})")
    for match in _YEAR_END.finditer(text):
        if free(match):
            add(match, _month_end(int(match.group("year")), 12))
            warnings.append(f"«{match.group(0)}»: letto come 31/12/{match.group('year')}")
    return sorted(found, key=lambda item: item[0])


def _staged(text: str, dates: list[tuple[int, int, date | None]]) -> bool:
    """Stages of one activity, each with its «entro» date, one after the other («per le prime tre tematiche entro
    luglio 2022 - per la quarta entro dicembre 2022»)."""
    return (all(when is not None and text[start:end].lower().startswith("entro") for start, end, when in dates)
            and all(re.search(r"\s[-–]\s|;", text[end:start]) for (_, end, _), (start, _, _) in zip(dates, dates[1:])))


def _dated(text: str, year: int | None, warnings: list[str]) -> _Draft | None:
    local: list[str] = []
    dates = _find_dates(text, year, local)
    if not dates:
        return None
    if len(dates) > 1:
        spelled = ", ".join(f"«{text[start:end]}»" for start, end, _ in dates)
        if not _staged(text, dates):
            return _qualitative(warnings, f"più date nel target ({spelled}): indicare quale è la scadenza")
        last = max(when for _, _, when in dates if when is not None)
        warnings.append(f"più scadenze nel target ({spelled}): letta come scadenza dell'attività l'ultima, "
                        f"{last:%d/%m/%Y}; le scadenze intermedie si controllano dalla nota o dall'avanzamento")
        rest = _squash(" ".join(part for part in re.split("|".join(
            re.escape(text[start:end]) for start, end, _ in dates), text))).strip(" ,;:-–")
        return _Draft(TargetKind.DEADLINE, deadline=last, milestone=rest or None)
    start, end, when = dates[0]
    if when is None:
        return _qualitative(warnings, f"«{text[start:end]}»: manca l'anno; indicare l'anno del piano (--anno)")
    before = _BEFORE_DATE.sub("", text[:start]).strip()
    after = text[end:].strip().lstrip(".,;:)").strip()
    rest = _BEFORE_DATE.sub("", _squash(f"{before} {after}")).strip()
    rest = re.sub(r"^(?:SI|SÌ|SÍ|NO)(?!\w)[\s:,–-]*", "", rest)
    if _EVENT.search(rest):
        return _qualitative(
            warnings, f"{_quote(text)}: scadenza legata a un evento; indicare la data dell'evento o la scadenza"
        )
    warnings.extend(local)
    if not rest or _BOOLEAN.match(rest):
        return _Draft(TargetKind.DEADLINE, deadline=when)
    quantity = _quantities(rest, warnings)
    if quantity is not None:
        quantity.deadline = when
        return quantity
    milestone = rest.rstrip(" ,;:-–")
    each = _EACH.search(milestone)
    if each:  # «Tutti gli sportelli (Olbia, …) entro il 30/09/2026»: each unit by the deadline
        warnings.append(_coverage_warning(milestone))
    return _Draft(TargetKind.DEADLINE, deadline=when, milestone=milestone, coverage=each.group("unit").lower() if each else None)


# --- durations, relative, unit only -----------------------------------------------------------


def _number(spelled: str) -> Decimal | None:
    word = spelled.lower()
    if word in _NUMBER_WORDS:
        return Decimal(_NUMBER_WORDS[word])
    try:
        return values.parse_number(spelled)
    except ValueError:
        return None


def _duration(text: str, warnings: list[str]) -> _Draft | None:
    match = _DURATION.match(text)
    if match is None:
        return None
    value = _number(match.group("num"))
    if value is None:
        return None
    rest = match.group("rest").strip().rstrip(".;,").strip()
    return _Draft(
        TargetKind.COMPARISON, operator=Operator.LE, value=value,
        unit=_DURATION_UNITS[match.group("unit").lower()], qualifier=rest or None,
    )


def _basis(reference: str) -> tuple[ReferenceBasis, int | None]:
    lower = reference.lower()
    year_match = re.search(r"(?<!\d)(\d{4})(?!\d)", lower)
    ref_year = int(year_match.group(1)) if year_match else None
    if re.search(r"triennio|tre anni|3 anni", lower):
        return ReferenceBasis.PREVIOUS_3Y_MEAN, ref_year
    if "nazional" in lower:
        return ReferenceBasis.NATIONAL_MEAN, ref_year
    if re.search(r"anno precedente|anno n\s*-\s*1", lower):
        return ReferenceBasis.PREVIOUS_YEAR, ref_year
    if ref_year is not None or re.search(r"(?<!\w)anno n(?!\w)", lower):
        return ReferenceBasis.YEAR_VALUE, ref_year
    return ReferenceBasis.OTHER, ref_year


def _relative(text: str, warnings: list[str]) -> _Draft | None:
    change = _CHANGE_WORDS.match(text)
    candidate = text
    if change:
        candidate = ("+" if change.group("up") else "-") + text[change.end():]
    match = _RELATIVE.match(candidate)
    if match is None:
        return None
    reference = match.group("ref").strip().rstrip(".;,").strip()
    if re.match(r"\d{4}", reference) and not match.group("rispetto"):
        return None
    operator = _operator(match)
    sign = match.group("sign")
    if operator is None and sign is None and match.group("delta") is None:
        return None
    delta = delta_unit = None
    if match.group("delta") is not None:
        delta = _number(match.group("delta"))
        if delta is None:
            return None
        if sign == "-":
            delta = -delta
        delta_unit = "%" if match.group("dunit") == "%" else "punti"
        if delta_unit == "%":
            warnings.append(
                f"«{match.group('delta')}%» rispetto al riferimento: letto come variazione relativa; "
                "se si intendono punti percentuali scrivere «punti»"
            )
    if operator is None:
        operator = Operator.LE if sign == "-" else Operator.GE
        warnings.append(f"manca l'operatore: letto «{operator.symbol}»")
    basis, ref_year = _basis(reference)
    written = _REFERENCE_VALUE.search(reference)
    value = _number(written.group("num")) if written is not None else None
    if written is not None and value is not None:
        warnings.append(f"valore di riferimento {written.group(0).strip()} letto dal testo del target: verificarlo "
                        "(il campo «riferimento» del piano o della misura prevale)")
    if basis is ReferenceBasis.YEAR_VALUE and ref_year is None:
        warnings.append(f"«{reference}»: indicare l'anno di riferimento e il valore osservato")
    return _Draft(
        TargetKind.RELATIVE, operator=operator,
        reference=Reference(basis=basis, text=reference, year=ref_year, delta=delta, delta_unit=delta_unit, value=value),
    )


def _unit_only(text: str, warnings: list[str]) -> _Draft | None:
    match = _UNIT_ONLY.match(text)
    if match is None:
        return None
    unit, per = match.group("noun").lower(), match.group("per").lower()
    example = f"«≥ 3 {unit}/{per}»"
    return _qualitative(warnings, f"{_quote(text)} indica l'unità ma non il valore atteso (es. {example})", unit, per)


# --- quantities: comparison and compound -------------------------------------------------------


_CONTEXT_WORDS = re.compile(r"(?:circa|pari|ovvero|cioè|di cui|es\.|ad es)", re.IGNORECASE)


def _split_context(text: str) -> tuple[str, list[str]]:
    """Remove parenthesised context («(circa il 40% del totale)»); unwrap «(>=2)»; keep labels."""
    contexts: list[str] = []

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if _YEAR_TAG.fullmatch(match.group(0)):
            return match.group(0)
        if re.fullmatch(rf"(?:{_OPS})?\s*{_NUMBER}\s*(?:%|N\.?)?", inner, re.IGNORECASE):
            return f" {inner} "
        if re.search(r"\d", inner) or len(inner.split()) > 3 or _CONTEXT_WORDS.match(inner):
            contexts.append(match.group(0))
            return " "
        return match.group(0)

    return _squash(re.sub(r"\(([^()]*)\)", replace, text)), contexts


def _scan(text: str) -> list[_Quantity]:
    found: list[_Quantity] = []
    for match in _QUANTITY.finditer(text):
        value = _number(match.group("num"))
        if value is None:
            continue
        unit = _UNIT_SPELLINGS.get((match.group("unit") or "").lower()) or ("€" if match.group("euro") else None)
        end = match.end()
        noun = per = label = None
        if unit is None:
            if noun_match := _NOUN.match(text, end):
                noun = noun_match.group("noun").lower()
                if noun_match.group("noun2"):
                    joiner = " di " if " di " in noun_match.group(0) else " d'"
                    noun += joiner + noun_match.group("noun2").lower()
                if noun in _SIZES and (after := _NOUN.match(text, noun_match.end())) and not after.group("noun2"):
                    noun_match, noun = after, after.group("noun").lower()  # «2 grandi eventi»: the noun is «eventi»
                if noun in _PERIODS:
                    noun = None
                else:
                    end = noun_match.end()
                    unit = _UNIT_SPELLINGS.get(noun, noun)
        if per_match := _PER.match(text, end):
            per = _PERIODS[(per_match.group("per") or per_match.group("adj")).lower()]
            end = per_match.end()
        if label_match := _LABEL.match(text, end):
            inner = label_match.group("label").strip()
            if inner and len(inner.split()) <= 3:
                label, end = inner, label_match.end()
        if unit is None and match.group("count"):
            unit = "N."
        found.append(
            _Quantity(match.start(), end, _operator(match), value, unit, per, label, bool(match.group("count")),
                      text[match.start(): end])
        )
    return found


_SEPARATOR = re.compile(r"^(?:[\s/;,+&-]|(?<!\w)(?:e|ed)(?!\w))*$", re.IGNORECASE)


def _qualifier(prefix: str, suffix: str, contexts: list[str]) -> str | None:
    suffix = _squash(" ".join([suffix.strip().rstrip(".;,:").strip(), *contexts]))
    if prefix:
        return _squash(f"{prefix} … {suffix}")
    return suffix or None


_OF_PERCENT = re.compile(r"^[^\W\d_]{4,}\s+(?:del|dell['’]|della|dei|degli|delle)$", re.IGNORECASE)


def _quantities(text: str, warnings: list[str]) -> _Draft | None:
    if match := _EACH_FIRST.match(text):
        text = f"{match.group('rest')} {match.group('each')}"
    text = _NUMBER_WORD_AFTER_OP.sub(lambda m: f"{m.group('op')} {_NUMBER_WORDS[m.group('word').lower()]}", text)
    bare, contexts = _split_context(text)
    found = _scan(bare)
    if not found:
        return None
    last = found[-1]
    described = (len(found) > 1 and last.spelled.lstrip()[:1] in "≥≤<>" and bare[:last.start].rstrip().endswith(":")
                 and not bare[last.end:].strip(" .;"))
    if described:
        found = [last]  # «presenza Camera in almeno due grandi eventi: ≥ 2 N.»: the target follows the description
    first = found[0]
    prefix = bare[: first.start].strip()
    if prefix and not described:
        if _OP_RE.search(prefix):
            return None
        written = first.operator not in (None, Operator.EQ)
        symbol = written and first.spelled.lstrip()[:1] in "≥≤<>"
        noun_unit = first.unit is not None and first.unit not in _SYMBOL_UNITS
        # «presenza Camera in almeno due grandi eventi»: an operator in words after a short description, the
        # count ending the text (not «… per almeno 2 Commissioni e completamento della migrazione …»)
        # of things counted, not a change («Riduzione dei tempi di almeno 2 giorni» is a reduction by 2 days)
        worded = (written and noun_unit and first.spelled.lstrip()[:1].isalpha() and len(prefix.split()) <= 5
                  and len(bare[first.end:].split()) <= 2 and not _CHANGE.match(prefix))
        # «Impiego del 100% delle risorse stanziate (€ 250.000)»: an action, then the percentage of a sum of money
        # given in brackets (a share of the sum; «Mappatura del 100% dei processi» stays an activity)
        share_of = (first.unit == "%" and _OF_PERCENT.search(prefix) is not None and not _CHANGE.match(prefix)
                    and bracketed_base(text) is not None)
        if not (symbol or worded or share_of) and (len(prefix.split()) > 2 or not (written or first.counted or noun_unit)):
            return None
    group = [first]
    for quantity in found[1:]:
        if not _SEPARATOR.match(bare[group[-1].end: quantity.start]):
            break
        group.append(quantity)
    if prefix and len(group) > 1:
        return None
    suffix = bare[group[-1].end:]
    if len(group) == 1 and first.label:
        suffix = f"({first.label}) {suffix}"
    qualifier = _qualifier(prefix, suffix, contexts)
    if len(group) == 1:
        unit = _covered_unit(qualifier, first.value if first.per is None else None) if qualifier else None
        if unit is not None and qualifier:
            warnings.append(_coverage_warning(qualifier))
        return _Draft(
            TargetKind.COMPARISON, operator=first.operator or Operator.EQ, explicit=first.operator is not None,
            value=first.value, unit=first.unit, per=first.per, qualifier=qualifier, coverage=unit,
        )
    periods = {q.per for q in group if q.per is not None}
    if len(periods) > 1:
        warnings.append(f"componenti con periodi diversi ({', '.join(sorted(periods))}): letto «{min(periods)}» per tutti")
    return _Draft(
        TargetKind.COMPOUND, components=_components(group, warnings), per=min(periods) if periods else None,
        qualifier=qualifier,
    )


def _covered_unit(qualifier: str, value: Decimal | None) -> str | None:
    """The unit a quantity applies to each of: «con ciascun ufficio», «in tutte le sedi», or, for one thing
    (``value`` 1, not a rate), «per settore» (not a period: «1 report per anno» is a rate)."""
    each = _EACH.search(qualifier)
    if each:
        return each.group("unit").lower()
    if value == 1:
        for match in _PER_UNIT.finditer(qualifier):
            if match.group("unit").lower() not in _NOT_UNITS:
                return match.group("unit").lower()
    return None


def _components(group: list[_Quantity], warnings: list[str]) -> list[Component]:
    written = next((q for q in group if q.operator is not None), None)
    components = []
    for index, quantity in enumerate(group, start=1):
        operator = quantity.operator
        if operator is None:
            if written is None:
                operator = Operator.EQ
            else:
                assert written.operator is not None  # chosen for having one
                operator = written.operator
                warnings.append(
                    f"manca l'operatore in «{quantity.spelled}»: letto «{operator.symbol}» come in «{written.spelled}»"
                )
        label = quantity.label or (quantity.unit if quantity.unit not in _SYMBOL_UNITS | {None} else None)
        components.append(
            Component(label=label or f"componente {index}", operator=operator, value=quantity.value, unit=quantity.unit)
        )
    return components


# --- text: milestone or qualitative ------------------------------------------------------------


def _is_action(word: str) -> bool:
    word = word.lower()
    return word in _ACTION_WORDS or (len(word) > 4 and word.endswith(_ACTION_SUFFIXES))


COVERAGE_WARNING = "il target vale per ogni elemento"


def _coverage_warning(qualifier: str) -> str:
    return (f"{COVERAGE_WARNING} («{qualifier}»): serve il numero di elementi da coprire "
            "(campo totale nel piano o nella misura) e la misura deve contare quelli coperti")


def _textual(text: str, warnings: list[str]) -> _Draft:
    coverage = _EACH.search(text)
    if coverage:  # «Visita di verifica in ogni sportello decentrato»: an activity to carry out in each unit
        warnings.append(_coverage_warning(text))
        return _Draft(TargetKind.MILESTONE, milestone=text, coverage=coverage.group("unit").lower())
    words = re.findall(r"[^\W\d_]+", text)
    if words and _is_action(words[0]):
        return _Draft(TargetKind.MILESTONE, milestone=text)
    return _qualitative(warnings, f"{_quote(text)}: target non misurabile automaticamente, serve un giudizio")


# --- soglia against its target ------------------------------------------------------------------


def _fit_threshold(draft: _Draft, target: Target, warnings: list[str]) -> None:
    """Give a soglia its target's unit and operator, and check it sits on the worse side."""
    if draft.kind is TargetKind.COMPARISON:
        if draft.unit is None and target.unit is not None:
            draft.unit = target.unit
        elif draft.unit and target.unit and draft.unit != target.unit:
            warnings.append(f"la soglia è in «{draft.unit}», il target in «{target.unit}»")
        if not draft.explicit and target.operator is not None:
            draft.operator = target.operator
        if target.kind.traits.activity:
            warnings.append("soglia numerica per un target che non è un numero")
        elif target.value is not None and draft.value is not None and target.operator is not None:
            better = (
                draft.value > target.value if target.operator in (Operator.GE, Operator.GT)
                else draft.value < target.value if target.operator.lower_is_better else False
            )
            if better:
                warnings.append("la soglia è sul lato migliore del target: controllare soglia e target")
    elif draft.kind is TargetKind.DEADLINE:
        if target.deadline is None:
            warnings.append("soglia a scadenza per un target che non ha una data")
        elif draft.deadline is not None and draft.deadline < target.deadline:
            warnings.append("la data soglia precede la scadenza del target: controllare soglia e target")
