"""An indicator's earlier years in words: a short cell («2021: 74% (non raggiunto) · …») and a sentence."""

from __future__ import annotations

from piao_rules import format_it
from piao_rules.engine.past import IndicatorHistory, PastYear, show_point
from piao_rules.engine.result import IndicatorResult

_OUTCOME = {"raggiunto": "target raggiunto", "non_raggiunto": "target non raggiunto"}


def _value(year: PastYear) -> str:
    return "non rilevato" if year.shown == "n.d." else year.shown


def _outcome(year: PastYear) -> str:
    """What the year's status says, for a year-end result; the date for an interim one."""
    if not year.final:
        return f"al {format_it.short_date(year.as_of)}"
    return _OUTCOME.get(year.status, year.status.replace("_", " "))


def _baseline(history: IndicatorHistory) -> str | None:
    """The baseline, when no archived year covers its year."""
    base = history.baseline
    if base is None or any(y.year == base.year for y in history.years):
        return None
    return f"{base.year}: {show_point(base)} (baseline)"


def history_cell(history: IndicatorHistory | None) -> str:
    """«2021: 74% (target non raggiunto) · 2022: 80% (target raggiunto) · in miglioramento»; empty without history."""
    if history is None:
        return ""
    parts = [f"{y.year}: {_value(y)} ({_outcome(y)})" for y in history.years]
    if (base := _baseline(history)) is not None:
        parts = sorted([*parts, base])
    if not parts:
        return ""
    if history.trend:
        parts.append(history.trend_label)
    return " · ".join(parts)


def history_sentence(result: IndicatorResult) -> str:
    """One sentence on the earlier years, when there are any: values, outcomes and the trend."""
    history = result.history
    if history is None or not history.years:
        return ""
    measured = [f"{y.shown} nel {y.year} ({_outcome(y)})" for y in history.years if y.shown != "n.d."]
    missing = [f"nel {y.year}" for y in history.years if y.shown == "n.d."]
    parts = [_and(measured)] if measured else []
    if missing:
        parts.append(f"non rilevato {_and(missing)}")
    sentence = "Negli anni precedenti: " + "; ".join(parts)
    if history.trend:
        sentence += f"; l'andamento è {history.trend_label}"
    return sentence + "."


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " e " + items[-1]
