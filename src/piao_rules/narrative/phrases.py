"""The phrase book (``frasi.yaml``): the sentences of every situation, with variants, and how they are filled.

A situation is a dotted key («indicatore.livello.raggiunto») with one or more
variants. A controller's copy of the file may redefine any situation (and add
nouns under ``lessico``); what it does not redefine comes from the default book.

Placeholders in a sentence:

- ``{valore}`` the slot's text; ``{Valore}`` the same with a capital letter;
- ``{di:valore}`` the slot after a preposition fused with its article
  (``il``, ``di``, ``a``, ``da``, ``in``, ``su``, ``con``, ``per``, ``tra``, ``fra``):
  «dell'80%», «alle 6 iniziative», «di 300»;
- ``{previsto@valore}`` a word agreed with the slot's gender and number
  (previsto, prevista, previsti, previste); ``{risulta|risultano@valore}``
  names the singular and plural forms.

The variant of a situation is chosen from a stable hash of the subject (an
indicator code) and the situation, so the same input gives the same text, and
it never repeats the variant used for the previous subject in that situation.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeAlias

from piao_rules.errors import InputError, Problem
from piao_rules.io import yamlfile
from piao_rules.io.files import read_bytes
from piao_rules.narrative.grammar import (
    PREPOSITIONS,
    Words,
    agree_with,
    capitalise,
    with_article,
)
from piao_rules.narrative.lexicon import Lexicon, Noun, read_entries

DEFAULT_FILE = Path(__file__).with_name("frasi.yaml")
LEXICON_SECTION = "lessico"
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SLOT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
Slot: TypeAlias = "Words | str | Callable[[], Words | str]"  # a callable: the slot written when used
Slots = dict[str, Slot]


def _flatten(data: Any, prefix: str, out: dict[str, list[str]], problems: list[Problem], file: str) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out, problems, file)
        return
    variants = [data] if isinstance(data, str) else data
    if not isinstance(variants, list) or not variants or not all(isinstance(v, str) and v.strip() for v in variants):
        problems.append(Problem(file=file, where=prefix, message="serve una frase o un elenco di frasi non vuote"))
        return
    out[prefix] = [" ".join(v.split()) for v in variants]


def _check_syntax(situation: str, variants: list[str], file: str) -> list[Problem]:
    problems = []
    for number, text in enumerate(variants, 1):
        where = f"{situation}[{number}]"
        if text.count("{") != text.count("}"):
            problems.append(Problem(file=file, where=where, message=f"graffe non bilanciate in «{text}»"))
            continue
        for content in _PLACEHOLDER.findall(text):
            try:
                _parse(content)
            except ValueError as error:
                problems.append(Problem(file=file, where=where, message=f"segnaposto {{{content}}}: {error}"))
    return problems


@lru_cache(maxsize=1024)
def _parse(content: str) -> tuple[str, str, str]:
    """A placeholder's kind (slot, preposition, agreement), its argument and the slot name."""
    if "@" in content:
        forms, name = content.rsplit("@", 1)
        kind = "agree"
        argument = forms
        if not forms.strip() or forms.count("|") > 1:
            raise ValueError("scrivere la parola da accordare (es. {previsto@valore} o {risulta|risultano@valore})")
    elif ":" in content:
        argument, name = content.split(":", 1)
        kind = "prep"
        if argument.lower() not in PREPOSITIONS:
            raise ValueError(f"preposizione «{argument}» sconosciuta (ammesse: {', '.join(PREPOSITIONS)})")
    else:
        kind, argument, name = "slot", "", content
    if not _SLOT.match(name):
        raise ValueError(f"«{name}» non è un nome di segnaposto (lettere, cifre e _)")
    return kind, argument, name


class PhraseBook:
    """The sentences by situation, with the lexicon they use."""

    def __init__(self, situations: dict[str, list[str]], lexicon: Lexicon, sources: dict[str, str]):
        self.situations = situations
        self.lexicon = lexicon
        self.sources = sources  # situation → file it came from (for error messages)

    @classmethod
    def load(cls, path: str | Path | None = None) -> PhraseBook:
        """The default book, with the situations and nouns of the controller's file ``path`` on top."""
        situations, problems = _default_situations()
        if problems:
            raise InputError(problems)
        situations = dict(situations)
        sources = dict.fromkeys(situations, str(DEFAULT_FILE))
        extra: dict[str, Noun] = {}
        if path is not None:
            file = str(path)
            user, lexicon_data, problems = _read(Path(path))
            for situation in user:
                if situation not in situations:
                    close = difflib.get_close_matches(situation, list(situations), n=1)
                    hint = f"; forse «{close[0]}»?" if close else ""
                    problems.append(Problem(file=file, where=situation, message=f"situazione sconosciuta{hint}"))
            if lexicon_data is not None:
                extra, lexicon_problems = read_entries(lexicon_data, LEXICON_SECTION)
                problems += [Problem(file=file, where=p.split(":", 1)[0], message=p.split(": ", 1)[1]) for p in lexicon_problems]
            if problems:
                raise InputError(problems)
            situations = {**situations, **user}
            sources.update(dict.fromkeys(user, file))
        return cls(situations, Lexicon(extra), sources)

    def variants(self, situation: str) -> list[str]:
        return self.situations[situation]

    def one(self, situation: str) -> str:
        """The first variant: for labels and fixed words."""
        return self.situations[situation][0]


@cache
def _default_situations() -> tuple[dict[str, list[str]], list[Problem]]:
    """The situations of the default ``frasi.yaml``, read once per process."""
    situations, _, problems = _read(DEFAULT_FILE)
    return situations, problems


def _read(path: Path) -> tuple[dict[str, list[str]], Any, list[Problem]]:
    file = str(path)
    try:
        text = read_bytes(path).decode("utf-8")
        data, _ = yamlfile.parse(text, file)
    except UnicodeDecodeError:
        return {}, None, [Problem(file=file, message="il file non è testo UTF-8")]
    except InputError as error:
        return {}, None, list(error.problems)
    if not isinstance(data, dict):
        return {}, None, [Problem(file=file, message="il file deve contenere le situazioni, es. «indicatore: {livello: {raggiunto: [...]}}»")]
    lexicon = data.pop(LEXICON_SECTION, None)
    situations: dict[str, list[str]] = {}
    problems: list[Problem] = []
    _flatten(data, "", situations, problems, file)
    for situation, variants in situations.items():
        problems += _check_syntax(situation, variants, file)
    return situations, lexicon, problems


class Writer:
    """Fills the situations of one narration: picks variants and renders placeholders."""

    def __init__(self, book: PhraseBook):
        self.book = book
        self._last: dict[str, int] = {}

    def pick(self, situation: str, subject: str) -> str:
        variants = self.book.variants(situation)
        digest = hashlib.sha256(f"{situation}|{subject}".encode()).digest()
        index = int.from_bytes(digest[:8], "big") % len(variants)
        if len(variants) > 1 and self._last.get(situation) == index:
            index = (index + 1) % len(variants)
        self._last[situation] = index
        return variants[index]

    def write(self, situation: str, subject: str, slots: Mapping[str, Slot]) -> str:
        """The situation's sentence for ``subject``, filled, with a capital letter."""
        return capitalise(self.fill(self.pick(situation, subject), slots, situation))

    def fill(self, template: str, slots: Mapping[str, Slot], situation: str) -> str:
        pieces, tail = _compiled(template)
        out: list[str] = []
        for literal, content, kind, argument, key, upper in pieces:
            try:
                words = slots[key]
            except KeyError:
                raise InputError([Problem(
                    file=self.book.sources.get(situation, ""), where=situation,
                    message=f"segnaposto {{{content}}} sconosciuto; disponibili: {', '.join(sorted(slots))}",
                )]) from None
            if callable(words):
                words = words()
            if kind == "slot":
                text = words.text if isinstance(words, Words) else str(words)
            else:
                words = words if isinstance(words, Words) else Words(str(words))
                text = agree_with(argument, words) if kind == "agree" else with_article(words, argument.lower())
            out += (literal, capitalise(text) if upper else text)
        out.append(tail)
        return _tidy("".join(out))


@lru_cache(maxsize=4096)
def _compiled(template: str) -> tuple[tuple[tuple[str, str, str, str, str, bool], ...], str]:
    """A template as (text before, placeholder, kind, argument, slot, capital) and the text after the
    last placeholder, split and parsed once per template."""
    pieces, start = [], 0
    for match in _PLACEHOLDER.finditer(template):
        content = match.group(1)
        kind, argument, name = _parse(content)
        upper = (argument if kind in ("agree", "prep") else name)[:1].isupper()
        pieces.append((template[start:match.start()], content, kind, argument, name.lower(), upper))
        start = match.end()
    return tuple(pieces), template[start:]


_SPACES, _SPACE_BEFORE, _REPEATED = re.compile(r"\s+"), re.compile(r"\s+([,;:.)])"), re.compile(r"([.;:])\1+")


# In a printable text the only whitespace is « » (no other str.isspace() character is printable):
# then _tidy changes the text only where it finds one of these or a space at either end.
_UNTIDY = re.compile(r" [ ,;:.)]|\.\.|;;|::")


def _tidy(text: str) -> str:
    """Spaces and punctuation left by empty slots: «a  b» → «a b», « ,» → «,», «..» → «.»."""
    if text.isprintable() and text[:1] != " " and text[-1:] != " " and not _UNTIDY.search(text):
        return text
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE.sub(r"\1", text)
    return _REPEATED.sub(r"\1", text)
