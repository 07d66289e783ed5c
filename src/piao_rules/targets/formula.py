"""Reading an indicator's algorithm («N. pratiche evase / N. pratiche ricevute × 100», «A + B + C»).

Only the plain forms are read: one division of two sums (or differences) of named quantities, or a
sum of named quantities, optionally times 100. Operators may be written in words («A meno B», «A più B»,
«A diviso B», «rapporto tra A e B», «differenza tra A e B»), not where the word belongs to a name («in meno
di 5 giorni», «più di 10 addetti»). Square brackets are dropped (plans leave them
unbalanced: «[A - B] / C]»), so «A - B / C» reads (A − B) / C, as plans mean it. Anything else
(several divisions, constants, «/» that means «or» as in «N. progetti finanziati / compartecipati» or
«n. eventi/iniziative») is not a formula here: the value is then measured directly. A date («al 31/12») is not
a division, an operator in brackets («A (meno) B») is one, and a source («- Fonte: Bilancio») is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from piao_rules import format_it
from piao_rules.targets.markup import clean

_SCALE = re.compile(r"\s*(?:[*x×]\s*100|per\s+cento)\s*$", re.IGNORECASE)
_PER_THOUSAND = re.compile(r"\s*(?:[*x×]\s*1\.?000|per\s+mille)\s*$", re.IGNORECASE)  # «… / N. imprese attive * 1000»
_COUNT_PREFIX = re.compile(r"^(?:n\.|nr\.|n°|num\.|numero(?:\s+(?:di|dei|delle|degli))?)\s*", re.IGNORECASE)
_OR_SLASH = re.compile(r"[^\W\d_]/[^\W\d_A-Z]")  # «eventi/iniziative»: an alternative, not a division
# «meno», «più», «diviso (per)» written in words, as operators between two quantities
_WRITTEN_OPERATOR = re.compile(r"(?<!\w)(meno|più|piu|diviso(?:\s+per)?)(?!\w)", re.IGNORECASE)
_NOT_OPERATOR_BEFORE = {"in", "o", "di", "non", "il", "la", "lo", "i", "le", "gli", "al", "a", "da", "sempre", "molto",
                        "ancora", "ne", "tanto", "poco", "per", "e"}
# the quantity after the word starts as quantities do, or with the first word of the formula
# («proventi correnti più proventi straordinari»); else the word belongs to a name («pratiche più complesse»)
_QUANTITY_WORDS = {"n", "nr", "num", "numero", "totale", "importo", "valore", "somma", "spesa", "costo", "costi",
                   "oneri", "proventi", "ricavi", "entrate", "uscite"}
_OPERATOR_SIGNS = {"meno": "-", "più": "+", "piu": "+"}
# «- Fonte: Rilevazione interna CCIAA»: where a quantity comes from, not a term of the formula
_SOURCE = re.compile(r"\s+-\s+fonte\s*:[^/(]*", re.IGNORECASE)
# «A (meno) B»: an operator written in brackets
_BRACKETED_OPERATOR = re.compile(r"\(\s*([-+/])\s*\)")
_DENOMINATOR_START = re.compile(r"^(?:n\.|nr\.|n°|num\.|numero|totale|importo|risorse|spesa|valore)", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1
    name: str


@dataclass(frozen=True)
class Formula:
    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...] | None  # None: a sum
    times_hundred: bool
    text: str
    inverted: bool = False  # printed upside down («da revisionare / revisionati»), read done over to do
    per_thousand: bool = False  # «… × 1000»: a rate per thousand

    @property
    def operands(self) -> list[str]:
        return [t.name for t in (*self.numerator, *(self.denominator or ()))]


def _split_top(text: str, separators: str) -> list[tuple[str, str]]:
    """(separator before, part) at bracket depth 0; separators are single characters."""
    parts: list[tuple[str, str]] = []
    current: list[str] = []
    depth, before = 0, ""
    for index, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        spaced = index > 0 and text[index - 1] == " " and index + 1 < len(text) and text[index + 1] == " "
        dated = char == "/" and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()
        if depth == 0 and char in separators and (spaced or (char == "/" and not dated)):
            parts.append((before, "".join(current)))
            current, before = [], char
        else:
            current.append(char)
    parts.append((before, "".join(current)))
    return parts


def _unwrap(text: str) -> str:
    """Outer brackets dropped, also around brackets of a name: «(A anno N - A (N-1))» → «A anno N - A (N-1)»."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")") and _closes_at_end(text):
        text = text[1:-1].strip()
    return text


def _closes_at_end(text: str) -> bool:
    """Whether the bracket opening ``text`` is the one closing it."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index == len(text) - 1
    return False


def _terms(text: str) -> tuple[Term, ...] | None:
    terms = []
    for separator, part in _split_top(_unwrap(text), "+-"):
        name = _unwrap(part).strip(" .;:")
        if len(name) < 3 or not re.search(r"[^\W\d_]{3,}", name) or re.fullmatch(r"[\d.,\s%]+", name):
            return None
        terms.append(Term(-1 if separator == "-" else 1, name))
    return tuple(terms)


@lru_cache(maxsize=8192)
def read_formula(text: str | None) -> Formula | None:
    """The formula in an algorithm, or None when it is not one of the plain forms (cached: a
    formula is immutable, and evaluation reads every indicator's)."""
    if not text:
        return None
    raw = " ".join(text.split())
    times_hundred = bool(_SCALE.search(raw))
    per_thousand = not times_hundred and bool(_PER_THOUSAND.search(raw))
    plain = " ".join(clean(_PER_THOUSAND.sub("", _SCALE.sub("", raw))).replace("[", " ").replace("]", " ").split())
    plain = re.sub(r" [–−] ", " - ", plain)  # «(Utenti anno N – Utenti anno N-1)»: a dash is a minus
    plain = _BRACKETED_OPERATOR.sub(r" \1 ", _written_operators(_between(_SOURCE.sub("", plain))))
    body = plain
    if _OR_SLASH.search(body):
        return None
    parts = _split_top(body, "/")
    if len(parts) == 2:
        numerator, denominator = _terms(parts[0][1]), _terms(parts[1][1])
        if not numerator or not denominator:
            return None
        if (len(denominator) == 1 and len(denominator[0].name.split()) < 2 and not times_hundred
                and not _DENOMINATOR_START.match(denominator[0].name)):
            return None  # «N. progetti finanziati / compartecipati»: «/» means «or»; «… / Immobilizzazioni * 100» divides
        if len(numerator) == 1 and len(denominator) == 1 and _done_over_to_do(denominator[0].name, numerator[0].name):
            return Formula(denominator, numerator, times_hundred, plain, inverted=True, per_thousand=per_thousand)
        return Formula(numerator, denominator, times_hundred, plain, per_thousand=per_thousand)
    if len(parts) == 1:
        terms = _terms(body)
        if terms and len(terms) >= 2:
            return Formula(terms, None, times_hundred, plain, per_thousand=per_thousand)
    return None


_BETWEEN = re.compile(r"^(?:il |la |l')?(?P<kind>rapporto|incidenza|differenza)\s+(?:tra|fra)\s+(?P<rest>.+)$", re.IGNORECASE)
_AND = re.compile(r"\s+e\s+(?:(?:il|la|lo|i|le|gli)\s+|l')?", re.IGNORECASE)


def _between(text: str) -> str:
    """«Rapporto tra A e B» → «A / B», «Differenza tra A e B» → «A - B»: only with a single «e» to split at."""
    match = _BETWEEN.match(text)
    if match is None:
        return text
    parts = _AND.split(match.group("rest"))
    if len(parts) != 2:
        return text
    first = re.sub(r"^(?:(?:il|la|lo|i|le|gli)\s+|l')", "", parts[0], flags=re.IGNORECASE)
    return f"{first} {'-' if match.group('kind').lower() == 'differenza' else '/'} {parts[1]}"


def _written_operators(text: str) -> str:
    """«A meno B» → «A - B», «A più B» → «A + B», «A diviso per B» → «A / B»; a word that belongs to a name
    («in meno di 5 giorni», «più di 10 addetti», «il più alto») is left alone."""
    def sign(match: re.Match[str]) -> str:
        before = re.findall(r"[^\W\d_]+", text[:match.start()])
        after = re.findall(r"[^\W\d_]+", text[match.end():])
        if not before or not after or before[-1].lower() in _NOT_OPERATOR_BEFORE:
            return match.group(0)
        if after[0].lower() not in _QUANTITY_WORDS and after[0].lower() != before[0].lower():
            return match.group(0)
        word = match.group(1).lower()
        return " / " if word.startswith("diviso") else f" {_OPERATOR_SIGNS[word]} "

    return " ".join(_WRITTEN_OPERATOR.sub(sign, text).split())


_STEPS = re.compile(r"(?<!\w)(fasi|fase|attivita|azioni|tappe)(?!\w)")
# «visite … realizzate / visite … pianificate», «misure attuate / misure previste»: the same thing done over planned
# and resources: «risorse consuntivate / risorse stanziate a budget», «impegnate / da impegnare»
_DONE = re.compile(
    r"(?<!\w)(?:realizzat|svolt|effettuat|conclus|completat|eseguit|attuat|consuntivat|impegnat|liquidat|erogat"
    r"|utilizzat|spes)[aeio](?!\w)"
)
_PLANNED = re.compile(
    r"(?<!\w)(?:previst[aeio]|programmat[aeio]|pianificat[aeio]|stanziat[aeio]|preventivat[aeio]|a budget"
    r"|da (?:realizzare|svolgere|impegnare|spendere|erogare|liquidare|utilizzare))(?!\w)"
)
# «Dipendenti formati nell'anno / Totale dipendenti», «pagine visualizzate nell'anno N / media dei 3 anni precedenti»:
# what the numerator counts accumulates in the year, over a denominator that does not grow with it (a total, a
# mean of past years, a budget). Not «evase nell'anno / pervenute»: a denominator that flows grows with it.
_IN_YEAR = re.compile(r"(?<!\w)(?:nell'?anno|nel corso dell'?anno|entro l'?anno|dall'?inizio dell'?anno|nell'?esercizio)(?!\w)")
_STOCK = re.compile(r"(?<!\w)(?:totale|totali|media|medio|precedent[ei]|budget|stanziat[aeio]|previst[aeio]|organico)(?!\w)")
_FLOW = re.compile(
    r"(?<!\w)(?:pervenut|ricevut|presentat|richiest|arrivat|protocollat|gestit|evas|trattat|iscritt|nat|registrat|segnalat"
    r"|compilat|rispost)"
    r"[aeio]\w{0,2}(?!\w)|nell'?anno|nel corso dell'?anno"
)
# «N. dipendenti partecipanti a percorsi formativi / N. totale dipendenti»: people who took part, counted over
# the whole of those people, accumulate in the year as much as «formati nell'anno» do
_TOOK_PART = re.compile(
    r"(?<!\w)(?:partecipant[ie]|formati|formate|che hanno (?:seguito|partecipato|frequentato))(?!\w)"
)
_HEAD = re.compile(r"[^\W\d_]{3,}")
# «designazioni da aggiornare», «procedimenti da revisionare»: the things to do, counted with the verb's infinitive
_TO_DO = re.compile(r"(?<!\w)da ([^\W\d_]{3,})(?:are|ere|ire)(?!\w)")


def _done_over_to_do(done: str, to_do: str) -> bool:
    """The same things counted done above and to do below: «N. designazioni aggiornate-confermate / N. designazioni
    da aggiornare», «procedimenti revisionati» over «procedimenti da revisionare»."""
    top, bottom = (_plain(_COUNT_PREFIX.sub("", name.strip())) for name in (done, to_do))
    heads, verb = (_HEAD.search(top), _HEAD.search(bottom)), _TO_DO.search(bottom)
    return (verb is not None and heads[0] is not None and heads[1] is not None and heads[0].group(0) == heads[1].group(0)
            and re.search(rf"(?<!\w){re.escape(verb.group(1))}(?:at|ut|it)[aeio](?!\w)", top) is not None)



@lru_cache(maxsize=8192)
def counts_steps(formula: Formula | None) -> str | None:
    """The kind of step («fasi») when the formula is steps done over steps planned, counted with the same
    word on both sides («n. fasi realizzate / n. fasi totali», «visite realizzate / visite pianificate»,
    «misure attuate / misure previste», «risorse consuntivate / risorse stanziate a budget»), or the words
    saying the numerator accumulates in the year over a fixed total («nell'anno»; «partecipanti», «formati» over
    the total of the same people): a share that matures over the year."""
    if formula is None or formula.denominator is None or len(formula.numerator) != 1 or len(formula.denominator) != 1:
        return None
    top, bottom = (_plain(_COUNT_PREFIX.sub("", term.name.strip())) for term in (formula.numerator[0], formula.denominator[0]))
    above, below = _STEPS.search(top), _STEPS.search(bottom)
    if above is not None and below is not None and above.group(1).rstrip("ie") == below.group(1).rstrip("ie"):
        return below.group(1)
    heads = _HEAD.search(top), _HEAD.search(bottom)
    if heads[0] and heads[1] and heads[0].group(0) == heads[1].group(0) and (
            (_DONE.search(top) and _PLANNED.search(bottom)) or _done_over_to_do(top, bottom)):
        return heads[1].group(0)
    in_year = _IN_YEAR.search(top) or _TOOK_PART.search(top)
    if in_year is None or not _STOCK.search(bottom) or _FLOW.search(bottom):
        return None
    if _IN_YEAR.fullmatch(in_year.group(0)) or (heads[0] is not None and heads[0].group(0) in bottom):
        return in_year.group(0)
    return None


# Items of the financial statements (conto economico, stato patrimoniale): known only when the year is closed.
_BALANCE = re.compile(
    r"(?:totale\s+)?(?:proventi|oneri|patrimonio netto|immobilizzazioni|attivo|passivo|passivita|debiti|crediti|ricavi|costi|"
    r"ammortamenti|accantonamenti|avanzo|disavanzo|risultato d'?esercizio|disponibilita liquide|liquidita)(?!\w)"
)


# «Crediti riscossi nell'anno», «oneri liquidati»: cash moved during the year, known at any date.
_CASH = re.compile(r"(?<!\w)(?:riscoss|incassat|pagat|liquidat|impegnat|erogat|consuntivat|accertat|versat)[aeio](?!\w)")


@lru_cache(maxsize=8192)
def balance_index(formula: Formula | None) -> bool:
    """Whether the formula is a ratio of items of the financial statements only («Patrimonio netto /
    Immobilizzazioni», «Proventi correnti - Proventi da diritto annuale … / Proventi correnti»): a balance index,
    known at year end."""
    if formula is None or formula.denominator is None:
        return False
    names = [_plain(_COUNT_PREFIX.sub("", name.strip())) for name in formula.operands]
    return all(_BALANCE.match(name) and not _CASH.search(name) for name in names)


# A rate: «% pratiche evase entro 5 gg», «percentuale di …», «tasso di …».
_RATE = re.compile(r"^\s*(?:%|percentuale\b|tasso\b)|%\s*$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def rate_ratio(formula: Formula | None) -> bool:
    """Whether the formula divides one rate by another («% evase entro 5 gg CCIAA / % evase entro 5 gg media
    nazionale»): an index of two shares, each holding at its date, that does not grow over the year."""
    return (formula is not None and formula.denominator is not None and not formula.times_hundred
            and all(_RATE.search(name) for name in formula.operands))


# The indicator's name saying its value is the year-end one: «(indice di bilancio a consuntivo)», «… a consuntivo».
_YEAR_END_NAME = re.compile(r"(?<!\w)(?:indice\s+di\s+bilancio|a\s+consuntivo)(?!\w)", re.IGNORECASE)


def names_year_end(name: str | None) -> bool:
    """Whether the indicator's name says its value is known at year end («indice di bilancio», «a consuntivo»)."""
    return name is not None and _YEAR_END_NAME.search(name) is not None


def flows(text: str) -> bool:
    """Whether a denominator counts what flows in with the numerator («ricevuti», «pervenute»), not a stock."""
    return _FLOW.search(_plain(text)) is not None


def accrues_in_year(steps: str) -> bool:
    """Whether :func:`counts_steps` found a numerator accumulating in the year («nell'anno», «partecipanti»), not
    done over planned."""
    return _IN_YEAR.fullmatch(steps) is not None or _TOOK_PART.fullmatch(steps) is not None


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


# The period an operand is counted in, at its end: «Importo riscosso nell'anno» is the component «Importo riscosso».
_IN_PERIOD = re.compile(r"\s+(?:nell['’ ]?\s*anno|nell['’ ]?\s*esercizio|nel\s+periodo|dell['’ ]?\s*anno)\s*$")


def operand_key(name: str) -> str:
    """How an operand and a measured component are matched: no «N.», accents, case, punctuation or period at the end
    («nell'anno»)."""
    text = _IN_PERIOD.sub("", _plain(_COUNT_PREFIX.sub("", name.strip())))
    return "".join(ch for ch in text if ch.isalnum())


def find_operand(name: str, measured: dict[str, Decimal]) -> Decimal | None:
    wanted = operand_key(name)
    for label, value in measured.items():
        if operand_key(label) == wanted:
            return value
    return None


def left_over(missing: list[str], components: dict[str, Decimal], operands: list[str]) -> str | None:
    """The one measured component no operand names, when one operand only is missing and the two share a word
    («Somma giorni × importo», «Somma (giorni tra scadenza e pagamento × importo)»); None otherwise."""
    if len(missing) != 1:
        return None
    named = {operand_key(name) for name in operands}
    unused = [label for label in components if operand_key(label) not in named]
    if len(unused) != 1:
        return None
    words = {word for word in re.findall(r"[^\W\d_]{4,}", missing[0].lower()) if word != "somma"}
    return unused[0] if words & set(re.findall(r"[^\W\d_]{4,}", unused[0].lower())) else None


_TOTAL = re.compile(r"^(?:n\.\s*|numero\s+)?total[ei]\s+(?:(?:delle|dei|degli|di)\s+)?(?P<noun>[^\W\d_]{4,})", re.IGNORECASE)


def total_of_parts(formula: Formula, missing: list[str], components: dict[str, Decimal]) -> tuple[Decimal, str] | None:
    """A denominator «Totale risposte» that no component names, when the components are its parts («Risposte con
    giudizio 4 o 5», «Risposte con giudizio da 1 a 3»: every one starts with its noun, none is a total): their sum and
    how; None otherwise."""
    if formula.denominator is None or len(formula.denominator) != 1 or missing != [formula.denominator[0].name]:
        return None
    match = _TOTAL.match(formula.denominator[0].name)
    if match is None or len(components) < 2:
        return None
    noun = match.group("noun").lower()
    if any(_TOTAL.match(label) or re.search(r"(?<!\w)total", label, re.IGNORECASE)
           or not label.lower().startswith(noun) for label in components):
        return None
    return sum(components.values(), Decimal(0)), " + ".join(f"{label} ({format_it.number(v)})" for label, v in components.items())


def by_tail(missing: list[str], components: dict[str, Decimal], operands: list[str]) -> dict[str, str]:
    """Operand → measured component, when every operand is missing and each component names the words that end one
    operand only, the operands differing only there («CCIAA», «media nazionale» for «% evase entro 5 gg CCIAA» and «%
    evase entro 5 gg media nazionale»); empty otherwise."""
    if len(missing) < 2 or len(missing) != len(operands) or len(components) != len(missing):
        return {}
    words = {name: _plain(name).split() for name in missing}
    paired: dict[str, str] = {}
    for label in components:
        tail = _plain(label).split()
        ends = [name for name, said in words.items() if tail and said[-len(tail):] == tail and len(said) > len(tail)]
        if len(ends) != 1 or ends[0] in paired:
            return {}
        paired[ends[0]] = label
    return paired


# The year an operand is counted in, at its end: «Utenti anno N», «Risme acquistate anno N-1», «Pratiche (N-1)».
_YEAR_OPERAND = re.compile(r"\s*\(?\s*(?:\banno\s+[Nn]|\bN)(?:\s*[-–−]\s*(?P<k>\d))?\s*\)?\s*$")
# A year written in a component's label: «Utenti 2023», «Risme acquistate anno N-1 (2024)».
_LABEL_YEAR = re.compile(r"\s*\(?\s*(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)\s*\)?")
_DANGLING_YEAR_WORD = re.compile(r"\s+anno\s*$", re.IGNORECASE)


def _years_back(text: str, year: int | None) -> tuple[str, int] | None:
    """The name without its year, and how many years before ``year`` it is counted: «Utenti anno N-1» → («Utenti», 1);
    «Utenti 2022» with ``year`` 2023 → («Utenti», 1); None when it names no year."""
    written = _LABEL_YEAR.search(text)
    if written is not None and year is not None:
        base = _DANGLING_YEAR_WORD.sub("", text[:written.start()] + text[written.end():]).strip()
        tagged = _YEAR_OPERAND.search(base)
        return (base[:tagged.start()] if tagged else base), year - int(written.group("year"))
    tagged = _YEAR_OPERAND.search(text)
    return (text[:tagged.start()], int(tagged.group("k") or 0)) if tagged else None


def by_year(missing: list[str], components: dict[str, Decimal], year: int | None) -> dict[str, str]:
    """Operand → measured component, when each missing operand names its year as «anno N» or «anno N-1» and one
    component only names the same thing in the same year, by «anno N-1» or by the year itself («Utenti 2022» for «Utenti
    anno N-1» in a plan of 2023, «Risme acquistate anno N (2025)» for «Risme acquistate anno N»); empty unless every
    missing operand is paired."""
    labels = {label: said for label in components if (said := _years_back(label, year)) is not None}
    paired: dict[str, str] = {}
    for name in missing:
        wanted = _years_back(name, None)
        if wanted is None:
            return {}
        found = [label for label, (base, back) in labels.items()
                 if back == wanted[1] and operand_key(base) == operand_key(wanted[0])]
        if len(found) != 1 or found[0] in paired.values():
            return {}
        paired[name] = found[0]
    return paired


_LINKING = frozenset({"dal", "dalla", "dallo", "dai", "dalle", "del", "della", "dello", "dei", "degli", "delle", "con", "per",
                      "tra", "fra", "nel", "nella", "nei", "nelle", "sul", "sulla", "alla", "alle", "agli"})


def _own_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]+", _plain(_COUNT_PREFIX.sub("", text.strip())))
            if len(word) >= 2 and word not in _LINKING}


def by_words(missing: list[str], components: dict[str, Decimal], operands: list[str]) -> dict[str, str]:
    """Missing operand → measured component no operand names, when each such component holds all the words that set one
    missing operand apart from the others, and the most of them («% CCIAA Chieti Pescara», «% nazionale» for «% pratiche
    evase entro 5 gg dalla CCIAA» and «% nazionale pratiche evase entro 5 gg»; «molto soddisfatto», «soddisfatto» for
    «N. risposte 'molto soddisfatto'» and «N. risposte 'soddisfatto'»); empty unless every missing operand is paired."""
    named = {operand_key(name) for name in operands}
    unused = [label for label in components if operand_key(label) not in named]
    if len(missing) < 2 or len(unused) != len(missing):
        return {}
    common = set.intersection(*(_own_words(name) for name in operands))
    own = {name: _own_words(name) - common for name in missing}
    paired: dict[str, str] = {}
    for label in unused:
        said = _own_words(label)
        covered = [name for name, words in own.items() if words and words <= said]
        most = max((len(own[name]) for name in covered), default=0)
        best = [name for name in covered if len(own[name]) == most]
        if len(best) != 1 or best[0] in paired:
            return {}
        paired[best[0]] = label
    return paired
