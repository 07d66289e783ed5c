"""Read the pieces packed into one cell: codes, SOGLIA, «(Tipologia: …)», «(Fonte …)», weights.

Real plans write several fields in one cell: «kpi1.1.1_03 Tasso assenteismo SOGLIA 9%
(Tipologia: Outcome)», «OP2.1.1-03 - Monitorare la soddisfazione…», «Peso 50 % Stato
100 % Target 2020 >= 60 %». These functions take such a cell apart; each returns the
remaining text and the piece it found, and never guesses what is not written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal

from piao_rules import values
from piao_rules.targets import markup

# A code at the start of a cell: kpi1.1.1_03, EC05.1, B3.1_02, OC_TBS_01, Kpi_1.1.2 a, PIRA 01,
# kpi 2.1.1-06a, kpi6.1.1-01 a, OP10.2.2-02, OS01.1.1, OP 1.1.1, AS 1, AREA1, 011-005-001.
_CODE = re.compile(
    r"""^(?P<code>
        (?:[A-Za-z][A-Za-z_]{0,9}\ ?)\d+[A-Za-z]?(?:[.\-_]\w+)*
        (?:\ [a-d](?=\s+[-–:]|\s+[A-ZÀ-Ú]|$))?                                       # «Kpi_1.1.2 a Numero…»
        |\d{3}-\d{3}-\d{3}                                                             # missione-programma-progressivo
        |[A-Za-z][A-Za-z_]{0,9}\.\d+(?:[.\-_]\w+)*                                     # kpi.1.1-03a
    )(?=\s|$|\s*[-–:])""",
    re.VERBOSE,
)
_AFTER_CODE = re.compile(r"^\s*(?:[-–:]\s*)?")
_NOT_CODES = re.compile(r"^(?:anno|entro|n|nr|num|art|dpr|dl|dlgs|al|il|di|del|fase|soglia|target|peso|stato|ccnl|covid)\b", re.IGNORECASE)
_OBJECTIVE_CODE = re.compile(r"^(?:OS|OP|OB|OBS|OBO|OO|O)\s?\d", re.IGNORECASE)
_AREA_CODE = re.compile(r"^(?:AS|AREA|A)\s?\d+$", re.IGNORECASE)
_MISSION_CODE = re.compile(r"^\d{3}-\d{3}-\d{3}$")


def split_code(text: str) -> tuple[str | None, str]:
    """(code, rest) when ``text`` starts with a code followed by the name; else (None, text)."""
    match = _CODE.match(text)
    if match is None or _NOT_CODES.match(text):
        return None, text
    code = match.group("code")
    if not any(ch.isdigit() for ch in code) or re.fullmatch(r"\d+", code):
        return None, text
    rest = _AFTER_CODE.sub("", text[match.end():], count=1).strip()
    if not rest and len(code) > 20:
        return None, text
    return code.strip(), rest


def code_level(code: str) -> str:
    """«area», «strategico», «operativo» or «indicatore» from the form of a code."""
    if _AREA_CODE.match(code):
        return "area"
    if re.match(r"^OS\s?\d", code, re.IGNORECASE):
        return "strategico"
    if _OBJECTIVE_CODE.match(code) or _MISSION_CODE.match(code):
        return "operativo"
    return "indicatore"


# Letters after a code marking a system (C), simplification (S) or anti-corruption (A) indicator.
FLAGS = {
    "C": "indicatore di sistema Unioncamere",
    "S": "indicatore di semplificazione",
    "A": "indicatore di anticorruzione",
}
_FLAGS = re.compile(r"^((?:[CSA]\s+)+)(?=[^\W\d_])")


def split_flags(text: str) -> tuple[list[str], str]:
    """(["C", "S"], rest) for «C S Livello di utilizzo…»; a lone capital followed by a name."""
    match = _FLAGS.match(text)
    if match is None:
        return [], text
    return match.group(1).split(), text[match.end():]


def flags_note(flags: list[str]) -> str:
    """«Contrassegni: indicatore di sistema Unioncamere (C); indicatore di semplificazione (S).»"""
    return "Contrassegni: " + "; ".join(f"{FLAGS[flag]} ({flag})" for flag in flags) + "."


_MONTHS = "|".join(values.MONTHS)
_THRESHOLD_VALUE = (
    rf"(?:(?:[<>≥≤]=?|=)\s*)?"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*\d{{2,4}}"
    rf"|[-+]?\d[\d.,]*(?:\s*(?:%|gg\b|giorni\b|N\.|n\.))?)"
    rf"(?:\s*\(anno\s+\d{{4}}\))?"
)
_THRESHOLD = re.compile(rf"\(?\s*\bSOGLIA\s*:?\s*(?P<value>{_THRESHOLD_VALUE})\s*(?:\)(?=\s|$|[.;,]))?|(?<=[^\W\d_])SOGLIA\s*:?\s*(?P<glued>{_THRESHOLD_VALUE})", re.IGNORECASE)


def split_threshold(text: str) -> tuple[str | None, str]:
    """(«9%», rest) for «Tasso assenteismo SOGLIA 9%»; several soglie are joined («20% (anno 2021) 5% (anno 2022)»)."""
    found = []

    def take(match: re.Match[str]) -> str:
        found.append(" ".join((match.group("value") or match.group("glued")).split()))
        return " "

    rest = _THRESHOLD.sub(take, text)
    if not found:
        return None, text
    return " ".join(found), _squash(rest)


_TYPE = re.compile(r"\(\s*Tipologia\s*:?\s*(?P<type>[^()]+?)\s*\)", re.IGNORECASE)


def split_type(text: str) -> tuple[str | None, str]:
    """(«Outcome», rest) for «… (Tipologia: Outcome)»."""
    match = _TYPE.search(text)
    if match is None:
        return None, text
    return match.group("type"), _squash(text[: match.start()] + " " + text[match.end():])


_SOURCE = re.compile(r"\(\s*Fonte\s*:?\s*(?P<paren>[^()]+?)\s*\)|\s[-–]\s*Fonte\s*:\s*(?P<dash>.+)$|^Fonte\s*:\s*(?P<alone>.+)$", re.IGNORECASE)


def split_source(text: str) -> tuple[str | None, str]:
    """(«Report Registro Imprese», rest) for «… (Fonte Report Registro Imprese)» or «… - Fonte: Priamo»."""
    match = _SOURCE.search(text)
    if match is None:
        return None, text
    source = match.group("paren") or match.group("dash") or match.group("alone")
    return source.strip(), _squash(text[: match.start()] + " " + text[match.end():])


_WEIGHT = re.compile(r"^(?:peso\s*:?\s*)?(?P<number>\d{1,3}(?:[.,]\d{1,4})?)\s*%?$", re.IGNORECASE)


def read_weight(text: str) -> Decimal | None:
    """A weight: «7,00%», «14,29 %», «40», «Peso 40 %»; None when the text is not a weight."""
    match = _WEIGHT.match(text.strip())
    if match is None:
        return None
    try:
        number = values.parse_number(match.group("number"))
    except ValueError:
        return None
    return number if 0 <= number <= 100 else None


def is_percent(text: str) -> bool:
    """A bare percentage written with «%» («7,00%», «100 %»): how a weight looks in a text column."""
    return text.strip().endswith("%") and read_weight(text) is not None


_BY_YEAR = re.compile(r"\bAnno\s*:?\s*(\d{4})\s*:?", re.IGNORECASE)


def split_years(text: str) -> dict[int, str] | None:
    """{2020: ">= 3", 2021: ">= 3"} for «Anno: 2020 >= 3 Anno: 2021 >= 3»; None otherwise."""
    if not _BY_YEAR.match(text.strip()):
        return None
    pieces = _BY_YEAR.split(text.strip())
    return {int(pieces[i]): pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2) if pieces[i + 1].strip()}


def clean(text: str) -> str:
    """A target or soglia without markup (HTML, LaTeX, Markdown), with one spelling per operator."""
    return markup.clean(text)


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")


def tidy(text: str) -> str:
    """A name, formula or note without HTML remnants and Markdown emphasis; «*» and «/» of formulas stay."""
    text = _TAG.sub(" ", html.unescape(text))
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    return _squash(text.replace("\u00a0", " "))


def has_markup(text: str) -> bool:
    return markup.clean(text) != _squash(text)


def _squash(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Labelled:
    """The fields of a card cell: «Peso 50 % Stato 100 % Target 2020 >= 60 % Target 2021 >= 60 %»."""

    weight: str | None
    measure: str | None
    targets: dict[int | None, str]


_LABELS = re.compile(r"\b(?P<label>Peso|Stato|Target(?:\s+(?P<year>\d{4}))?)\s*:?\s*", re.IGNORECASE)


def split_labelled(text: str) -> Labelled | None:
    """The labelled fields of a card cell, or None when the cell does not start with a label."""
    matches = list(_LABELS.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    weight = measure = None
    targets: dict[int | None, str] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end(): end].strip()
        label = match.group("label").lower()
        if label == "peso":
            weight = value
        elif label == "stato":
            measure = value
        else:
            targets[int(match.group("year")) if match.group("year") else None] = value
    return Labelled(weight, measure, targets)
