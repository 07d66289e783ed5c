"""The opening word of a recital (UDITA, VISTI, VISTA, VISTO…) agreeing with what follows.

A deliberation's recitals start with a past participle that agrees in gender and
number with the noun phrase after it: «VISTA la proposta», «VISTO l'art. 24»,
«VISTI la legge 580/1993, lo Statuto e il D.P.R. 254/2005» (a list: plural,
masculine unless every item is feminine), «VISTE le Linee guida». The noun
phrase is read from its article; after «l'» the noun itself decides. Impersonal
formulas (CONSIDERATO che, RITENUTO, PRESO ATTO) never change.
"""

from __future__ import annotations

import re

# verb → participle: masculine singular, feminine singular, masculine plural, feminine plural.
PARTICIPLES = {
    "udire": ("UDITO", "UDITA", "UDITI", "UDITE"),
    "vedere": ("VISTO", "VISTA", "VISTI", "VISTE"),
    "richiamare": ("RICHIAMATO", "RICHIAMATA", "RICHIAMATI", "RICHIAMATE"),
    "condividere": ("CONDIVISO", "CONDIVISA", "CONDIVISI", "CONDIVISE"),
    "acquisire": ("ACQUISITO", "ACQUISITA", "ACQUISITI", "ACQUISITE"),
    "esaminare": ("ESAMINATO", "ESAMINATA", "ESAMINATI", "ESAMINATE"),
    "sentire": ("SENTITO", "SENTITA", "SENTITI", "SENTITE"),
}
FIXED = {"considerare": "CONSIDERATO", "ritenere": "RITENUTO", "prendere atto": "PRESO ATTO", "dare atto": "DATO ATTO"}
VERBS = sorted({*PARTICIPLES, *FIXED})

# (feminine, plural) of each article.
_ARTICLES = {
    "il": (False, False), "lo": (False, False), "la": (True, False), "i": (False, True), "gli": (False, True),
    "le": (True, True), "un": (False, False), "uno": (False, False), "una": (True, False),
}
_ELIDED = ("l'", "l’", "un'", "un’")
# Nouns that start with a vowel, by gender (for «l'»); endings decide the others.
_MASCULINE = {
    "art.", "art", "artt.", "articolo", "atto", "aggiornamento", "allegato", "accordo", "avviso", "esito", "elenco",
    "oiv", "organismo", "obiettivo", "ordine", "esame", "estratto", "indirizzo", "incarico", "impegno", "ente",
    "albo", "assetto", "andamento", "avvio", "esercizio", "ufficio", "organo", "organigramma", "emendamento",
}
_FEMININE = {
    "attestazione", "approvazione", "analisi", "istruttoria", "intesa", "esigenza", "opportunità", "ordinanza",
    "informativa", "attività", "azione", "adozione", "audizione", "assemblea", "agenda", "area", "iniziativa",
    "unione", "ultima", "unioncamere",
}
_FEMININE_ENDINGS = ("zione", "sione", "tà", "tù", "ssa", "ice", "ura", "enza", "anza")
_MASCULINE_ENDINGS = ("mento", "ato", "ito", "uto")

# A new coordinated item starts after «,», «;» or « e » with an article.
_ITEM_START = re.compile(r"(?:^|,\s*|;\s*|\s+e\s+)(il|lo|la|i|gli|le|un|uno|una|l['’]|un['’])(?=\s|[A-Za-zÀ-ÿ])", re.IGNORECASE)


def _noun_gender(word: str) -> bool | None:
    """True for a feminine noun, False for masculine, None when unknown."""
    key = word.lower().strip(".,;:«»\"“”()")
    key_dotted = word.lower().strip(",;:«»\"“”()")
    if key in _MASCULINE or key_dotted in _MASCULINE:
        return False
    if key in _FEMININE:
        return True
    if key.endswith(_FEMININE_ENDINGS):
        return True
    if key.endswith(_MASCULINE_ENDINGS):
        return False
    return None


def _top_level(text: str) -> str:
    """The text with what is inside brackets and quotes blanked out (their commas do not separate items)."""
    depth, quoted, kept = 0, False, []
    for char in text:
        if char in "«“\"" and not quoted:
            quoted = True
        elif char in "»”\"" and quoted:
            quoted = False
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        kept.append(char if depth == 0 and not quoted or char in "«»“”\"()" else " ")
    return "".join(kept)


def agreement(text: str) -> tuple[bool, bool]:
    """(feminine, plural) of the noun phrase(s) ``text`` starts with; raises ValueError in Italian."""
    plain = _top_level(text.strip())
    items = []
    for match in _ITEM_START.finditer(plain):
        article = match.group(1).lower().replace("’", "'")
        if article in ("l'", "un'"):
            rest = plain[match.end():].lstrip()
            word = rest.split()[0] if rest.split() else ""
            feminine = True if article == "un'" else _noun_gender(word)
            if feminine is None:
                raise ValueError(f"non so se «{word}» è maschile o femminile: indicare il campo «parola» (es. VISTO o VISTA)")
            items.append((feminine, False))
        else:
            items.append(_ARTICLES[article])
    if not items or not re.match(r"\s*(il|lo|la|i|gli|le|un|uno|una|l['’]|un['’])(\s|[A-Za-zÀ-ÿ])", text, re.IGNORECASE):
        raise ValueError("il testo non comincia con un articolo (il, la, i, gli, le, l'…): indicare il campo «parola» (es. VISTO)")
    if len(items) == 1:
        return items[0]
    return all(feminine for feminine, _ in items), True


def participle(verb: str, text: str) -> str:
    """The opening word for ``verb`` (es. «vedere») before ``text``: VISTO, VISTA, VISTI or VISTE."""
    key = " ".join(verb.lower().split())
    if key in FIXED:
        return FIXED[key]
    if key not in PARTICIPLES:
        raise ValueError(f"verbo «{verb}» non previsto: usare uno tra {', '.join(VERBS)}, oppure indicare il campo «parola»")
    feminine, plural = agreement(text)
    return PARTICIPLES[key][2 * plural + feminine]
