"""The nouns counted by indicators, with gender, plural and the participle that says they were done.

The entries live in ``lessico.yaml`` (beside this module); a user's phrase book
may add more in its ``lessico`` section.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from piao_rules import format_it
from piao_rules.io import yamlfile
from piao_rules.narrative.grammar import FEMININE, MASCULINE, Words, agree, none_of

LEXICON_FILE = Path(__file__).with_name("lessico.yaml")
DEFAULT_PARTICIPLE = "rilevato"
# Unit abbreviations that stand for a noun.
_ABBREVIATIONS = {"gg": "giorno", "gg.": "giorno"}
# Units that mean «a plain number».
PLAIN_UNITS = {"n", "n.", "nr", "nr.", "num", "num.", "numero"}


@dataclass(frozen=True)
class Noun:
    singular: str
    plural: str
    gender: str
    participle: str = DEFAULT_PARTICIPLE

    def form(self, plural: bool) -> str:
        return self.plural if plural else self.singular

    def words(self, plural: bool) -> Words:
        return Words(self.form(plural), self.gender, plural)


@lru_cache(maxsize=16384)
def _key(word: str) -> str:
    """Lower case, no accents, no accent written as an apostrophe: «Attivita'» → «attivita»."""
    text = unicodedata.normalize("NFKD", word.strip().lower()).encode("ascii", "ignore").decode()
    return text.rstrip("'’`")


def read_entries(data: Any, where: str) -> tuple[dict[str, Noun], list[str]]:
    """Nouns from a mapping «singolare: {plurale, genere, participio}»; also the Italian problems found."""
    nouns: dict[str, Noun] = {}
    problems: list[str] = []
    if not isinstance(data, dict):
        return nouns, [f"{where}: serve un elenco «nome: {{plurale: …, genere: m|f}}»"]
    for singular, entry in data.items():
        place = f"{where}/{singular}"
        if not isinstance(entry, dict) or not isinstance(entry.get("plurale"), str):
            problems.append(f"{place}: indicare almeno «plurale» (es. {{plurale: iniziative, genere: f}})")
            continue
        gender = entry.get("genere")
        if gender not in (MASCULINE, FEMININE):
            problems.append(f"{place}: «genere» deve essere m oppure f")
            continue
        unknown = set(entry) - {"plurale", "genere", "participio"}
        if unknown:
            problems.append(f"{place}: campi sconosciuti {', '.join(sorted(unknown))} (ammessi: plurale, genere, participio)")
            continue
        participle = entry.get("participio") or DEFAULT_PARTICIPLE
        nouns[str(singular)] = Noun(str(singular), entry["plurale"], gender, str(participle))
    return nouns, problems


@cache
def _default_entries() -> dict[str, Noun]:
    data, _ = yamlfile.parse(LEXICON_FILE.read_text(encoding="utf-8"), LEXICON_FILE.name)
    nouns, problems = read_entries(data, LEXICON_FILE.name)
    if problems:
        raise ValueError("; ".join(problems))
    return nouns


class Lexicon:
    """Nouns looked up by singular or plural, case and accents ignored."""

    def __init__(self, extra: dict[str, Noun] | None = None):
        self._by_form: dict[str, Noun] = {}
        for noun in [*_default_entries().values(), *(extra or {}).values()]:
            self._by_form[_key(noun.singular)] = noun
            self._by_form[_key(noun.plural)] = noun
        self._splits: dict[str, tuple[Noun, str] | None] = {}  # unit → split, read once per unit

    def noun(self, word: str) -> Noun | None:
        word = _ABBREVIATIONS.get(word.strip().lower(), word)
        return self._by_form.get(_key(word))

    def split(self, unit: str | None) -> tuple[Noun, str] | None:
        """The counted noun of a unit and what follows it: «campagne di comunicazione» → (campagna, «di comunicazione»)."""
        if not unit:
            return None
        if unit not in self._splits:
            head, _, rest = unit.strip().partition(" ")
            noun = self.noun(head) if head else None
            self._splits[unit] = (noun, rest.strip()) if noun is not None else None
        return self._splits[unit]

    def known(self, word: str) -> Noun:
        """The noun of a word the code itself names; a KeyError when the lexicon lacks it."""
        noun = self.noun(word)
        if noun is None:
            raise KeyError(word)
        return noun

    def count(self, n: int, singular: str, adjective: str | None = None) -> str:
        """«nessun indicatore raggiunto», «1 indicatore raggiunto», «3 indicatori raggiunti»."""
        noun = self.known(singular)
        text = (none_of(noun.words(False)) + noun.singular) if n == 0 else f"{format_it.number(n)} {noun.form(n != 1)}"
        if adjective:
            text += " " + agree(adjective, noun.gender, n > 1)
        return text


def quantity(value: Decimal, unit: str | None, lexicon: Lexicon, percent: bool = False) -> Words:
    """A measured or target quantity as words: «80%», «€ 1.200», «8 iniziative», «1 giorno», «450».

    The head is the number, so articles follow its sound («l'80%», «gli 8 previsti»)
    and gender and number follow the counted noun. An unknown noun stays apart:
    «8 (unità: visite guidate)».
    """
    plural = value != 1
    if percent or unit == "%":
        return Words(format_it.percent(value))
    if unit == "€":
        return Words(format_it.euro(value), bare=True)
    number = format_it.number(value)
    if unit is None or unit.strip().lower() in PLAIN_UNITS:
        return Words(number, MASCULINE, plural, bare=True)
    found = lexicon.split(unit)
    if found is None:
        return Words(f"{number} (unità: {unit.strip()})", MASCULINE, plural, sound=number, bare=True)
    noun, rest = found
    text = f"{number} {noun.form(plural)}" + (f" {rest}" if rest else "")
    return Words(text, noun.gender, plural, bare=True)


def number_only(words: Words, value: Decimal) -> Words:
    """The number of a quantity standing for its noun, with the noun's gender: «delle 10 previste».

    In the plural it takes the article («dei 10 previsti»); a lone unit does not («di 1 prevista»).
    """
    text = format_it.percent(value) if words.text.endswith("%") else format_it.number(value)
    return Words(text, words.gender, words.plural, bare=not words.plural)


def participle(unit: str | None, lexicon: Lexicon) -> str:
    """The participle that says a quantity of ``unit`` was done (masculine singular)."""
    found = lexicon.split(unit)
    return found[0].participle if found else DEFAULT_PARTICIPLE
