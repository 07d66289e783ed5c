"""Italian grammar for generated text: articles, articulated prepositions, agreement, ed/ad, counts.

A :class:`Words` is a piece of text with the grammatical features of its head
noun (gender, number) and the word its article must agree with in sound (the
first word, or a number read aloud: «l'80%», «il 70%», «gli 8 previsti»).

ed/ad rule (one rule, applied everywhere): the euphonic «d» is added only
before the same vowel — «ed efficacia», «ad avvio» — and never before other
vowels («e obiettivi», «a ogni»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

MASCULINE = "m"
FEMININE = "f"

_VOWELS = "aeiouàèéìíòóùú"
# Preposition → the stem it takes when fused with an article (di + il = del).
_FUSED = {"di": "de", "a": "a", "da": "da", "in": "ne", "su": "su"}
_SEPARATE = ("con", "per", "tra", "fra")
# «ad»/«ed»: the plain preposition or conjunction, with the euphonic d before the same vowel.
_EUPHONIC = {"ad": "a", "ed": "e"}
PREPOSITIONS = ("il",) + tuple(_FUSED) + _SEPARATE + tuple(_EUPHONIC)


@dataclass(frozen=True, init=False)
class Words:
    """Text with the gender and number it agrees with.

    ``sound`` is what the article hears first when it differs from the text;
    ``bare`` marks quantities that take no article after a preposition
    («pari a 450», «di 10 iniziative»), unlike percentages («pari all'80%»).
    """

    text: str
    gender: str = MASCULINE
    plural: bool = False
    sound: str | None = None
    bare: bool = False

    def __init__(self, text: str, gender: str = MASCULINE, plural: bool = False, sound: str | None = None,
                 bare: bool = False):
        # The frozen dataclass's own __init__ sets each field through object.__setattr__: twice as slow,
        # and narratives build tens of thousands of Words.
        fields = self.__dict__
        fields["text"], fields["gender"], fields["plural"], fields["sound"], fields["bare"] = text, gender, plural, sound, bare

    def __str__(self) -> str:
        return self.text

    def but(self, text: str) -> Words:
        """The same features with another text («8 iniziative» → «8»)."""
        return replace(self, text=text)


_WORD = re.compile(r"[\w°]+(?:[.,]\d+)*")


def _first_word(text: str) -> str:
    """The first word as pronounced, without leading quotes, brackets or currency signs."""
    stripped = text.lstrip(" «\"'“‘(€[")
    match = _WORD.match(stripped)
    return match.group(0) if match else stripped[:1]


def _integer_part(word: str) -> int | None:
    """1.234,5 → 1234; None when the word is not a number."""
    digits = word.split(",")[0].replace(".", "")
    if not digits.isdigit():
        return None
    try:
        return int(Decimal(digits))
    except InvalidOperation:
        return None


def number_starts_with_vowel(n: int) -> bool:
    """Whether the Italian reading of ``n`` starts with a vowel: uno, otto…, undici…, un milione.

    The leading group of thousands is read first («ottomila», «undicimila»); a
    lone thousand is «mille», a lone million or milliard «un milione», «un miliardo».
    """
    groups = []
    while True:
        groups.append(n % 1000)
        n //= 1000
        if n == 0:
            break
    top = groups[-1]
    if len(groups) >= 3 and top == 1:
        return True  # un milione, un miliardo
    if len(groups) == 2 and top == 1:
        return False  # mille
    if top >= 100:
        return top // 100 == 8  # ottocento
    return top in (1, 8, 11) or 80 <= top <= 89


def _sound(words: Words) -> str:
    """The start of the words as heard, lower case: numbers are spelled («80» → «o»)."""
    word = _first_word(words.sound or words.text)
    if word.startswith("1°"):
        return "primo"
    number = _integer_part(word)
    if number is not None:
        if number == 0:
            return "zero"  # lo 0,5%
        return "o" if number_starts_with_vowel(number) else "c"
    return word.lower()


def _vowel(sound: str) -> bool:
    if not sound:
        return False
    if sound[0] in _VOWELS:
        return True
    # «h» is silent (l'hotel); «i» + vowel is a semivowel (lo iato) and does not count.
    return sound[0] == "h" and len(sound) > 1 and sound[1] in _VOWELS


def _impure(sound: str) -> bool:
    """Sounds that take «lo»/«gli»/«uno»: s + consonant, z, gn, ps, pn, x, y, i + vowel."""
    if sound[:1] == "s" and len(sound) > 1 and sound[1] not in _VOWELS:
        return True
    if sound[:1] == "i" and len(sound) > 1 and sound[1] in _VOWELS:
        return True
    return sound[:1] in ("z", "x", "y") or sound[:2] in ("gn", "ps", "pn")


@lru_cache(maxsize=16384)
def article(words: Words) -> str:
    """The definite article before ``words``: il, lo, l', la, i, gli, le."""
    sound = _sound(words)
    if words.gender == FEMININE:
        if words.plural:
            return "le"
        return "l'" if _vowel(sound) and not _impure(sound) else "la"
    if words.plural:
        return "gli" if _vowel(sound) or _impure(sound) else "i"
    if _impure(sound):
        return "lo"
    return "l'" if _vowel(sound) else "il"


def _join(head: str, text: str) -> str:
    return head + text if head.endswith("'") else f"{head} {text}"


@lru_cache(maxsize=16384)
def with_article(words: Words, preposition: str = "il") -> str:
    """``words`` after a preposition fused with its article: «dell'80%», «alle 6 iniziative».

    A bare quantity takes the plain preposition: «a 450», «di 10 iniziative»;
    «ad» and «ed» take no article: «ad «Avvio…»», «e «Obiettivi…»».
    """
    if preposition in _EUPHONIC:
        return f"{conjunction(_EUPHONIC[preposition], words.text)} {words.text}"
    if words.bare:
        return words.text if preposition == "il" else f"{preposition} {words.text}"
    art = article(words)
    if preposition == "il":
        return _join(art, words.text)
    if preposition in _SEPARATE:
        return f"{preposition} {_join(art, words.text)}"
    stem = _FUSED[preposition]
    if art == "il":
        fused = stem + "l"
    elif art in ("i", "gli"):
        fused = stem + art
    else:
        fused = stem + "l" + art
    return _join(fused, words.text)


def agree(word: str, gender: str, plural: bool) -> str:
    """A masculine singular adjective or participle agreed: «previsto» → prevista, previsti, previste.

    Words in -o take -o/-a/-i/-e, words in -e take -e/-i; other words are invariable
    («in linea», «a rischio»). In a phrase only the first word agrees («raggiunto nei tempi»),
    after a leading «non» («non rilevabile alla data» → «non rilevabili alla data»).
    """
    if word.startswith("non "):
        return "non " + agree(word[4:], gender, plural)
    first, _, rest = word.partition(" ")
    if first.endswith("o"):
        ending = {(MASCULINE, False): "o", (FEMININE, False): "a", (MASCULINE, True): "i", (FEMININE, True): "e"}
        first = first[:-1] + ending[(gender, plural)]
    elif first.endswith("e") and plural:
        first = first[:-1] + "i"
    return f"{first} {rest}" if rest else first


def agree_with(forms: str, words: Words) -> str:
    """«previsto» or «risulta|risultano» agreed with ``words``."""
    if "|" in forms:
        singular, plural = forms.split("|", 1)
        return plural if words.plural else singular
    return agree(forms, words.gender, words.plural)


def conjunction(word: str, following: str) -> str:
    """«e» or «a», with the euphonic «d» only before the same vowel: «ed efficacia», «ad avvio»."""
    start = _first_word(following)[:1].lower()
    return word + "d" if start == word else word


def join(items: list[str], word: str = "e") -> str:
    """«a», «a e b», «a, b e c» (ed before a word starting with e)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction(word, items[-1])} {items[-1]}"


def none_of(words: Words) -> str:
    """nessun indicatore, nessuno scostamento, nessuna iniziativa, nessun'azione."""
    sound = _sound(words)
    if words.gender == FEMININE:
        return "nessun'" if _vowel(sound) and not _impure(sound) else "nessuna "
    return "nessuno " if _impure(sound) else "nessun "


def indefinite(words: Words) -> str:
    """un indicatore, uno scostamento, una scadenza, un'azione."""
    return none_of(words).replace("nessun", "un", 1)


def guess_gender(word: str) -> str:
    """The likely gender of a noun not in the lexicon: -a and -à feminine (except -ma: il sistema), else masculine."""
    head = _first_word(word).lower()
    if head.endswith("à") or (head.endswith("a") and not head.endswith("ma")):
        return FEMININE
    return MASCULINE


def capitalise(text: str) -> str:
    """Upper-case the first letter (after any opening quote or bracket)."""
    first = text[:1]
    if first.isalpha():  # the common case, without the loop
        upper = first.upper()
        return text if upper == first else upper + text[1:]
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1:]
        if char.isdigit():
            return text
    return text


def lower_first(text: str) -> str:
    """Lower-case the first letter of a sentence used inside another, unless it opens an acronym («OIV»)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
