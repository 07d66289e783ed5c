"""The title of the sector heads in the plan's year, wherever the documents name who validated or owns data.

The CCNL Funzioni locali 2019–2021 (signed 16 November 2022) replaced the «Posizioni
Organizzative» with the «Elevate Qualificazioni»: plans from 2023 name them E.Q., earlier
plans P.O. Names recorded in the data with either title (or its spelled-out form) are
written with the one of the plan's year; everything else in the name is kept.
"""

from __future__ import annotations

import re

EQ_FROM = 2023  # first plan year after the CCNL Funzioni locali 2019–2021 of 16/11/2022

_SPELLED = r"posizione\s+organizzativa|elevata\s+qualificazione"
_TITLE = re.compile(
    rf"(?<![\w.])(?:(?:P\.\s?O\.|E\.\s?Q\.|PO|EQ)(?:\s*\((?:{_SPELLED})\))?|{_SPELLED})(?![\w.])", re.IGNORECASE)


def title(year: int, spelled_out: bool = False) -> str:
    """«E.Q.» from 2023, «P.O.» before; ``spelled_out`` adds the full name in brackets."""
    short, full = ("E.Q.", "Elevata Qualificazione") if year >= EQ_FROM else ("P.O.", "Posizione Organizzativa")
    return f"{short} ({full})" if spelled_out else short


def with_title(names: list[str], year: int, spell_first: bool = True) -> list[str]:
    """The names with the sector heads' title of ``year``: abbreviated, the first one spelled out if ``spell_first``."""
    spelled = not spell_first
    result = []
    for name in names:
        def replace(_: re.Match[str]) -> str:
            nonlocal spelled
            text = title(year, not spelled)
            spelled = True
            return text

        result.append(_TITLE.sub(replace, name))
    return result
