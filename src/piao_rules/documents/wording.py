"""Small pieces of Italian the documents compose: dates with «al», counts with agreement, titles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from piao_rules import format_it
from piao_rules.engine.result import Counts, Severity, Status

# Status names as adjectives, singular and plural («1 raggiunto», «5 raggiunti»).
_STATUS_FORMS = {
    Status.REACHED: ("raggiunto", "raggiunti"),
    Status.ON_TRACK: ("in linea", "in linea"),
    Status.AT_RISK: ("a rischio", "a rischio"),
    Status.MISSED: ("non raggiunto", "non raggiunti"),
    Status.NOT_MEASURABLE: ("non rilevabile", "non rilevabili"),
    Status.TO_ASSESS: ("da valutare", "da valutare"),
}


def _starts_with_vowel_sound(day: int) -> bool:
    """8 (otto), 11 (undici): «l'8 settembre», «l'11 novembre»."""
    return day in (8, 11)


def al(when: date, long: bool = True) -> str:
    """«al 30 giugno 2023», «all'8 settembre 2023», «al 1° luglio 2023»; short form «al 30/06/2023»."""
    text = format_it.long_date(when) if long else format_it.short_date(when)
    return f"all'{text}" if _starts_with_vowel_sound(when.day) else f"al {text}"


def title(as_of: date, final: bool) -> str:
    """The title of the annex: intermediate monitoring during the year, measurement at year end."""
    if final:
        return f"Monitoraggio della performance organizzativa {al(as_of)}"
    return f"Monitoraggio intermedio della performance organizzativa {al(as_of)}"


def how_many(count: int, singular: str, plural: str) -> str:
    """«1 indicatore», «71 indicatori»."""
    return f"{format_it.number(count, 0)} {singular if count == 1 else plural}"


def status_counts(counts: Counts) -> str:
    """«5 raggiunti, 4 in linea, 1 da valutare» (statuses with no indicator left out)."""
    parts = []
    for status in Status:
        count = getattr(counts, status.value)
        if count:
            singular, plural = _STATUS_FORMS[status]
            parts.append(f"{count} {singular if count == 1 else plural}")
    return ", ".join(parts) if parts else "nessun indicatore"


def severity_counts(counts: dict[str, int]) -> str:
    """«2 di gravità alta, 30 media, 3 bassa»."""
    parts = [(severity.value, counts.get(severity.value, 0)) for severity in Severity]
    parts = [(name, count) for name, count in parts if count]
    if not parts:
        return ""
    first, *rest = parts
    return ", ".join([f"{first[1]} di gravità {first[0]}", *(f"{count} {name}" for name, count in rest)])


def degree(value: Decimal | None) -> str:
    """A percentage as every part of a document shows it (tables and narratives alike): «76,42%»;
    «n.d.» when it cannot be computed."""
    return "n.d." if value is None else format_it.percent(value, 2)


def status_label(status: Status) -> str:
    """«Raggiunto», «In linea», «Non rilevabile»."""
    return status.label.capitalize()


def flag_label(code: str) -> str:
    """«azione_correttiva» → «Azione correttiva»."""
    return code.replace("_", " ").capitalize()


def plan_and_period(title: str | None, period: str | None, piao: bool) -> str:
    """The plan on the cover: «Obiettivi di performance organizzativa 2023 (PIAO 2023-2025)»; the period is
    not repeated when the title already holds it."""
    title = (title or "").strip()
    period = (period or "").strip()
    if not period or period in title:
        return title
    first_year = period.split("-")[0].strip()
    if "piano" in title.lower() and title.endswith(first_year):
        return title[: -len(first_year)] + period  # «Piano integrato … 2022» → «Piano integrato … 2022-2024»
    document = "PIAO" if piao else "Piano della performance"
    return f"{title} ({document} {period})" if title else f"{document} {period}"
