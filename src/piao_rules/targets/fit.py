"""Does a measure fit its target? (kind, unit and the noun written with the value)"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from piao_rules.io.model import Measure
from piao_rules.targets import units
from piao_rules.targets.counted import counts_noun, milestone_noun
from piao_rules.targets.model import Component, Measured, Target, TargetKind

# «Media dei voti da 1 a 5», «punteggio medio su scala 1-10», «giudizio medio 4,3 su 5»: a mark on a scale from 1 to N.
_SCALE = re.compile(
    r"(?<!\w)(?:scala|vot[oi]|punteggi?o?|giudizi?o?|valutazion[ei]|stelle)(?!\w)[^.;]{0,40}?"
    r"(?:(?<!\w)(?:da\s+)?(?:1|uno)\s*(?:a|-|–|/)\s*|(?<!\w)su\s+)(?P<top>\d{1,2})(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)

# The part of a count, kept in the note by io.written: «(di cui 2 approvate)».
_PART = re.compile(r"(?<!\w)di\s+cui\s+(?P<number>\d+)\s+(?P<word>[^\W\d_]+)", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[^\W\d_]{3,}(?:at|ut|it)[oaie]", re.IGNORECASE)
# The outcome of a call said two ways: a proposal «approvata» is a project «finanziato» («≥ 3 progetti finanziati» with
# «5 candidature, di cui 2 approvate»).
_FUNDED = re.compile(r"(?:approvat|finanziat)[oaie]", re.IGNORECASE)

# In a note, a count of units, or done out of a total: «Incontrate 7 associazioni», «17 carte dei servizi sui 18 servizi».
_NOTED_COUNT = re.compile(r"(?<![\w.,/])(?P<n>\d+)\s+(?P<noun>[^\W\d_]+)")
_NOTED_OUT_OF = re.compile(r"(?<![\w.,/])(?P<n>\d+)\s+(?:[^\W\d_']+\s+){0,3}?su(?:i|gli|lle|l)?\s+(?P<total>\d+)\s+"
                           r"(?P<noun>[^\W\d_]+)", re.IGNORECASE)
# … or with the noun before the total: «Formati 42 comuni su 43».
_NOTED_NOUN_OUT_OF = re.compile(r"(?<![\w.,/])(?P<n>\d+)\s+(?P<noun>[^\W\d_]+)\s+su\s+(?P<total>\d+)(?![\w.,/])",
                                re.IGNORECASE)

# What a percentage is of: «100% delle sedi», «≥ 90% degli uffici».
_PERCENT_OF = re.compile(r"%\s+(?:del|dello|della|dell'|dei|degli|delle)\s*(?P<noun>[^\W\d_]{3,})", re.IGNORECASE)


def not_pertinent(target: Target, measure: Measure | None) -> bool:
    """A measure of a different kind than its target asks: a count for a deadline, a date for a number, a count of
    something else («2 sportelli» for «4 postazioni»)…"""
    if measure is None:
        return False
    if counted_mismatch(target, measure) is not None:
        return True
    value = measure.value
    number = isinstance(value, Decimal)
    other = isinstance(value, (bool, date))
    measured_by = target.kind.traits.measured_by
    if measured_by is Measured.NUMBER:
        return other or (value is None and bool(measure.components))
    if measured_by is Measured.COMPONENTS:
        return value is not None and not measure.components
    if measured_by is Measured.ACTIVITY:
        return number and target.coverage is None  # a coverage activity («Tutti i dipendenti formati») counts units
    return False


# A count written with a participle and no noun: «212 verificate», «48 evase», «30 formati».
_PARTICIPLE_ONLY = re.compile(r"[^\W\d_]{3,}(?:at|ut|it)[oaie]", re.IGNORECASE)
# Nouns that end like a participle: they name what is counted.
_NOUNS_LIKE_PARTICIPLES = frozenset({"giornata", "giornate", "visita", "visite", "seduta", "sedute", "uscita", "uscite",
                                     "entrata", "entrate", "partita", "partite", "chiamata", "chiamate", "telefonate",
                                     "serate", "mattinate", "annate", "tornate", "ricevute", "vendite", "salite"})


def counted_mismatch(target: Target, measure: Measure | None) -> str | None:
    """What the target counts, when the measure was written with the name of something else («2 sportelli» for a
    target in «sedi», «22 gg» for a target in %); None when they agree or the target names nothing."""
    if measure is None or measure.counted is None:
        return None
    if target.kind in (TargetKind.MILESTONE, TargetKind.DEADLINE):
        expected = milestone_noun(target)
    elif target.kind is TargetKind.COMPARISON:
        expected = target.unit
    else:
        return None
    if expected is None or expected == "N.":
        return None
    written = units.canonical(measure.counted)
    if written and _PARTICIPLE_ONLY.fullmatch(written.strip()) and written.strip().lower() not in _NOUNS_LIKE_PARTICIPLES:
        return None  # «n. 212 verificate»: no noun, the participle says what was done to the units the target counts
    of = _PERCENT_OF.search(target.text) if expected == "%" else None
    if of is not None and counts_noun(measure.counted, of.group("noun")):
        return None  # «1 sede» for «100% delle sedi»: the units whose share the target asks
    if expected in units.ALIASES or written in units.ALIASES:
        return None if written in (expected, "N.") else expected
    if _event_kind(measure.counted, expected, target.text):
        return None  # «6 webinar» for «≥ 6 eventi»: a webinar is an event
    return None if counts_noun(measure.counted, expected) else expected


# Kinds of event: each counts for a target of «eventi» or «iniziative» that does not say which kind («in presenza»).
_GENERIC_EVENTS = ("eventi", "evento", "iniziative", "iniziativa")
_EVENT_KINDS = ("webinar", "seminari", "seminario", "convegni", "convegno", "workshop", "conferenze", "conferenza",
                "incontri", "incontro")


def _event_kind(written: str, expected: str, text: str) -> bool:
    """Whether ``written`` («webinar») is a kind of the generic event ``expected`` («eventi»), which ends the target's
    text (nothing qualifies it)."""
    words = written.lower().split()
    return (expected.lower() in _GENERIC_EVENTS and bool(words) and words[0] in _EVENT_KINDS
            and re.search(rf"(?<!\w){re.escape(expected)}\s*$", text, re.IGNORECASE) is not None)


def names_component(written: str, component: Component) -> bool:
    """Whether a measured count («11 eventi») names ``component`` of a compound target («10 iniziative»): its noun, or a
    generic event for a generic event («eventi» for «iniziative») or a kind of event for one («seminari» for «eventi»)."""
    if counts_noun(written, component.label, component.unit):
        return True
    words, label = written.lower().split(), component.label.lower().split()
    return bool(words) and bool(label) and label[0] in _GENERIC_EVENTS and words[0] in (*_GENERIC_EVENTS, *_EVENT_KINDS)


def unmatched_components(target: Target, measure: Measure | None) -> list[str]:
    """The components of a compound target that no measured count names («6 eventi 88 aziende» for «≥ 8 iniziative /
    ≥ 150 imprese»: both), when the measure gives counts; not the one left that takes the one count left
    (:func:`paired_component`)."""
    if measure is None or target.kind is not TargetKind.COMPOUND or not measure.components:
        return []
    paired = paired_component(target, measure)
    return [c.label for c in target.components
            if not any(names_component(written, c) for written in measure.components)
            and (paired is None or c.label != paired[1])]


def paired_component(target: Target, measure: Measure | None) -> tuple[str, str] | None:
    """(count, component) when the measure names every component of a compound target but one, and has one count left:
    «8 iniziative 540 partecipanti» for «≥ 10 iniziative 500 soggetti» reads the 540 partecipanti as the soggetti."""
    if (measure is None or target.kind is not TargetKind.COMPOUND or len(target.components) < 2
            or len(measure.components) != len(target.components)):
        return None
    for names in (_by_noun, names_component):  # by its noun first; then a generic event for a generic event
        left = [c.label for c in target.components if not any(names(written, c) for written in measure.components)]
        unused = [written for written in measure.components if not any(names(written, c) for c in target.components)]
        if len(left) == 1 and len(unused) == 1:
            return unused[0], left[0]
    return None


def _by_noun(written: str, component: Component) -> bool:
    return counts_noun(written, component.label, component.unit)


def unit_mismatch(target: Target, measure: Measure | None) -> bool:
    """A percentage written as a ratio (0,8 for 80%), or a percentage for a count."""
    if measure is None or not isinstance(measure.value, Decimal):
        return False
    if target.unit == "%":
        return not measure.percent and Decimal(0) < measure.value <= Decimal(1)
    return measure.percent and target.unit is not None


def scale_top(target: Target, measure: Measure | None) -> int | None:
    """The top of the 1–N scale the note says the value is marked on («media dei voti da 1 a 5»: 5), when the target
    is a percentage and the value fits the scale: the two cannot be compared without a conversion."""
    if measure is None or target.unit != "%" or measure.percent or not measure.note:
        return None
    value = measure.value
    if not isinstance(value, Decimal) or isinstance(value, bool):
        return None
    found = _SCALE.search(measure.note)
    top = int(found.group("top")) if found else None
    return top if top is not None and 1 < top <= 10 and 0 < value <= top else None


def as_component(target: Target, measure: Measure | None) -> Measure | None:
    """«8 seminari» for «≥ 8 seminari 200 imprese»: a single count naming a component of a compound target is that
    component, the others missing (not a value of another kind). None otherwise."""
    if (measure is None or target.kind is not TargetKind.COMPOUND or measure.counted is None or measure.components
            or not isinstance(measure.value, Decimal) or isinstance(measure.value, bool)):
        return None
    if not any(counts_noun(measure.counted, c.label, c.unit) for c in target.components):
        return None
    return measure.model_copy(update={"value": None, "counted": None, "components": {measure.counted: measure.value}})


def named_count(target: Target, measure: Measure | None) -> tuple[Measure, str] | None:
    """«12 laboratori, 41 imprese partecipanti» for «≥ 30 imprese»: of several counts written for a target of one count,
    the only one that names what the target counts is the measure, the others a remark; with how it was read. None
    otherwise (no count or more than one names it, another is named in the target's text too, a compound target, a
    value already given)."""
    if (measure is None or target.kind is not TargetKind.COMPARISON or measure.value is not None
            or len(measure.components) < 2 or target.unit is None or target.unit in units.ALIASES):
        return None
    named = [label for label in measure.components if counts_noun(label, target.unit)]
    words = [word for word in re.findall(r"[^\W\d_]+", target.text)]
    if len(named) != 1 or any(counts_noun(other, word) for other in measure.components if other != named[0]
                              for word in words):  # «≥ 10 incontri B2B / ≥ 200 imprese»: the target counts both
        return None
    label = named[0]
    others = ", ".join(f"{measure.components[other].normalize():f} {other}".replace(".", ",")
                       for other in measure.components if other != label)
    read = measure.model_copy(update={"value": measure.components[label], "counted": label, "components": {}})
    return read, f"letto il conteggio «{label}», quello che il target conta; gli altri ({others}) sono un commento"


def qualified_part(target: Target, measure: Measure | None, name: str = "") -> tuple[Measure, str] | None:
    """«3 candidature, di cui 2 approvate» for «≥ 2 progetti approvati»: when the count is of something else than the
    target's, and the target's noun has a participle that the count's part has too, the part is the measure (the
    qualifier picks the value, as «≥ 70% giudizi positivi» does); for a target without its noun («≥ 2») the noun and
    its participle are the indicator's name's («N. progetti finanziati»); with how it was read. Otherwise the part of the
    count that the note splits and only the indicator's ``name`` names (:func:`named_part`). None when neither."""
    if measure is None or target.kind is not TargetKind.COMPARISON:
        return None
    participle = _participle_part(target, measure, name)
    if participle is not None:
        return participle
    return named_part(target, measure, name) or excluded_part(target, measure, name)


# The one part of a count the note puts outside what the indicator counts: «di cui 19 imprese con sede fuori dalla
# circoscrizione», or with the preposition of the indicator's name and another object («presso l'Università» for
# «… presso le scuole», «per enti pubblici» for «… per le imprese»). Not «su …», which names a kind of what is counted
# («di cui 38 su impianti di distribuzione» for «ispezioni su strumenti di misura»), nor a split into several parts.
_EXCLUDED = re.compile(r"(?<!\w)di\s+cui\s+(?P<number>\d+)\b(?P<said>[^.;]*)", re.IGNORECASE)
_OUTSIDE = re.compile(r"(?<!\w)fuori(?!\w)", re.IGNORECASE)
_PLACE = re.compile(r"(?<!\w)(?P<prep>presso|per)\s+(?P<object>(?:(?:l['’]|[^\W\d_]+)\s*){1,4})", re.IGNORECASE)


def _objects(text: str) -> dict[str, set[str]]:
    """Preposition → the words of its objects in ``text`` («presso le scuole secondarie»: presso → scuol, second)."""
    found: dict[str, set[str]] = {}
    for place in _PLACE.finditer(text):
        found.setdefault(place.group("prep").lower(), set()).update(_words(place.group("object")))
    return found


def excluded_part(target: Target, measure: Measure, name: str) -> tuple[Measure, str] | None:
    """«52 controlli», nota «di cui 15 su prodotti elettrici, … fuori dal programma» for «N. controlli … su giocattoli e
    DPI»: the note's one part «di cui …» (with no other number) that says it is outside (or that names, after a preposition of the indicator's
    name, an object sharing no word with the name's) is left out of the count (37), as a controller counts only what
    the indicator counts; with how it was read. None otherwise (no such part, more than one, a percentage or amount)."""
    value = measure.value
    if (not measure.note or measure.components or measure.percent or measure.total is not None or target.lower_is_better
            or not isinstance(value, Decimal) or isinstance(value, bool)
            or target.unit in units.ALIASES and target.unit != "N."):
        return None
    parts = list(_EXCLUDED.finditer(measure.note))
    if len(parts) != 1 or Decimal(parts[0].group("number")) >= value or re.search(r"\d", parts[0].group("said")):
        return None
    said, named = parts[0].group("said"), _objects(name)
    outside = _OUTSIDE.search(said) is not None or any(
        prep in named and words and not words & named[prep] for prep, words in _objects(said).items())
    if not outside:
        return None
    part = Decimal(parts[0].group("number"))
    noun = said.split()[0] if said.split() else ""
    counted = target.unit if target.unit not in (None, "N.") and counts_noun(noun, target.unit) else measure.counted
    read = measure.model_copy(update={"value": value - part, "counted": counted})
    shown = " ".join(parts[0].group(0).split()).rstrip(",")
    return read, (f"tolta la parte «{shown}» dai {value.normalize():f} della misura: {(value - part).normalize():f}, "
                  f"quelli che l'indicatore conta")


def _participle_part(target: Target, measure: Measure, name: str) -> tuple[Measure, str] | None:
    if measure.counted is None or not isinstance(measure.value, Decimal) or not measure.note:
        return None
    if target.unit in (None, "N."):  # «≥ 2» for «N. progetti finanziati»: the noun and its participle in the name
        head = _NAME_HEAD.match(name)
        if head is None or _root(head.group("noun")) == _root(measure.counted.split()[0]):
            return None
        noun = head.group("noun")
        after = re.match(r"\s+(?P<word>[^\W\d_]+)", name[head.end():])
    elif counted_mismatch(target, measure) is None:
        return None
    else:
        noun = target.unit
        after = re.search(rf"(?<!\w){re.escape(noun)}\s+(?P<word>[^\W\d_]+)", target.text, re.IGNORECASE)
    if after is None or _PARTICIPLE.fullmatch(after.group("word")) is None:
        return None
    qualifier = after.group("word")
    parts = [part for part in _PART.finditer(measure.note)
             if _PARTICIPLE.fullmatch(part.group("word")) and (
                 counts_noun(part.group("word"), qualifier)
                 or (_FUNDED.fullmatch(part.group("word")) and _FUNDED.fullmatch(qualifier)))]
    if len(parts) != 1:
        return None
    part = parts[0]
    counted = f"{noun} {qualifier}" if noun == target.unit else None
    read = measure.model_copy(update={"value": Decimal(part.group("number")), "counted": counted})
    return read, (f"letta la parte «{' '.join(part.group(0).split())}» di «{measure.value.normalize():f} "
                  f"{measure.counted}»: " + (f"il target conta «{noun} {qualifier}»" if counted else
                                             f"il nome dell'indicatore conta «{noun.lower()} {qualifier}»"))


# A number in a note that is not a date, a year after a preposition («nel 2024») or a decimal.
_NOTE_NUMBER = re.compile(r"(?<![\w.,/])(?P<n>\d+)(?![\w/]|[.,]\d)")
_BEFORE_YEAR = re.compile(r"(?<!\w)(?:nel|del|dal|al|il|entro)\s+$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(r":\s*$")
_BEFORE_SUBSET = re.compile(r"(?<!\w)(?:di\s+cui|in)\s+$", re.IGNORECASE)
_COMMON = {"come", "sono", "stati", "state", "stato", "della", "delle", "dello", "degli", "queste", "questi", "anche",
           "ancora", "altri", "altre", "nell", "dalla", "dalle", "sulla", "sulle", "alla", "alle", "agli", "presso"}


def _words(text: str) -> set[str]:
    return {_root(word) for word in re.findall(r"[^\W\d_]{4,}", text) if word.lower() not in _COMMON}


def named_part(target: Target, measure: Measure, name: str) -> tuple[Measure, str] | None:
    """«5 candidature, di cui 2 come capofila e 3 come partner» for «N. progetti presentati in qualità di capofila»: the
    note splits the count (the value, or the note's first number when there is none) into parts that add up to it, or
    gives one part of it («in 7 di queste sono stati prelevati campioni», «di cui 3 avviate»), and only one part has a
    word of the indicator's name that the rest has not: that part is the measure; with how it was read. None otherwise
    (a percentage or an amount, no such split, no part or more than one named)."""
    if (not name or not measure.note or measure.components or measure.percent or measure.total is not None
            or target.unit in units.ALIASES and target.unit != "N."):
        return None
    value = measure.value
    if value is not None and (not isinstance(value, Decimal) or isinstance(value, bool)):
        return None
    note = measure.note
    numbers = [m for m in _NOTE_NUMBER.finditer(note) if not _BEFORE_YEAR.search(note[:m.start()])]
    first = next((i for i, m in enumerate(numbers) if value is None or Decimal(m.group("n")) == value), None)
    if first is None and value is not None and sum(Decimal(m.group("n")) for m in numbers) == value:
        whole, parts = None, numbers  # «Sei candidature: 2 come capofila e 4 come partner» for 6: the parts alone
    elif first is None:
        return None
    else:
        whole, parts = numbers[first], numbers[first + 1:]
    if not parts or len(parts) >= 2 and all(_LABEL_BEFORE.search(note[:m.start()]) for m in parts):
        return None  # «SELFI4.0: 22 - Digital Skill Voyager: 19»: each part's words are before its number, not after
    total = Decimal(whole.group("n")) if whole is not None else value
    if total is None:
        return None
    ends = [m.start() for m in parts[1:]] + [len(note)]
    said = [re.split(r"[;.]", note[m.end():end])[0] for m, end in zip(parts, ends, strict=True)]
    words = [_words(text) for text in said]
    if len(parts) >= 2 and sum(Decimal(m.group("n")) for m in parts) == total:  # each part against the others
        rest = [set().union(*(other for j, other in enumerate(words) if j != i)) for i in range(len(words))]
    elif (whole is not None and len(parts) == 1 and Decimal(parts[0].group("n")) < total
          and _BEFORE_SUBSET.search(note[:parts[0].start()])):  # the one part against the whole
        rest = [_words(re.split(r"[;.]", note[whole.end():parts[0].start()])[0])]
    else:
        return None
    # a qualifier of the name picks the part («capofila»), not the noun already counted («12 workshop», «≥ 20 workshop»)
    named = _words(name) - _words(measure.counted or "") - _words(target.unit or "")
    picked = [i for i, own in enumerate(words) if (own - rest[i]) & named]
    if len(picked) != 1:
        return None
    part = parts[picked[0]]
    shown = re.sub(r"(?:[\s,]+e)?[\s,]*$", "", " ".join(f"{part.group('n')} {said[picked[0]]}".split()))
    read = measure.model_copy(update={"value": Decimal(part.group("n")), "counted": None})
    return read, (f"letta la parte «{shown}» dei {total.normalize():f} della nota: è quella che il nome "
                  f"dell'indicatore conta")


def noted_units(target: Target, measure: Measure | None) -> tuple[Measure, str] | None:
    """The units a coverage target covers, counted in the note when the value does not count them: «8 incontri» for
    «almeno 1 incontro con ciascuna associazione» with «Incontrate 7 associazioni» (7 units); «100%» for «100% dei
    servizi mappati» with «17 carte dei servizi sui 18 servizi mappati» (17 out of 18: the note's facts, not the
    share). With how it was read; None unless the note counts the units once, and differently from the value."""
    if measure is None or not measure.note or not isinstance(measure.value, Decimal) or isinstance(measure.value, bool):
        return None
    of = _PERCENT_OF.search(target.text) if target.unit == "%" else None
    unit = target.coverage or (of.group("noun") if of else None)
    if unit is None or unit == "unità":
        return None
    found = {m.start(): m for pattern in (_NOTED_NOUN_OUT_OF, _NOTED_OUT_OF) for m in pattern.finditer(measure.note)
             if counts_noun(m.group("noun"), unit)}  # «7 comuni su 9 comuni» once
    out_of = list(found.values())
    if measure.percent and len(out_of) == 1 and (total := Decimal(out_of[0].group("total"))) > 0:
        done = Decimal(out_of[0].group("n"))
        if done > total or done / total * 100 == measure.value:
            return None
        said = " ".join(out_of[0].group(0).split())
        return (measure.model_copy(update={"value": done, "percent": False, "total": total, "counted": None}),
                f"la nota dice «{said}»: letti {done} su {total}, non il {measure.value.normalize():f}% del valore")
    if measure.percent or measure.counted is None or counts_noun(measure.counted, unit) or out_of:
        return None
    counts = [m for m in _NOTED_COUNT.finditer(measure.note) if counts_noun(m.group("noun"), unit)]
    if len(counts) != 1:
        return None
    done, said = Decimal(counts[0].group("n")), " ".join(counts[0].group(0).split())
    return (measure.model_copy(update={"value": done, "counted": None}),
            f"il valore conta «{measure.counted}», la nota le unità del target («{said}»): lette {done} unità coperte")


def noted_count(target: Target, measure: Measure | None) -> tuple[Measure, str] | None:
    """A count of something else than the target counts, with the note counting the target's things once: «130 impianti
    di carburante» for «≥ 400 strumenti» with «I 130 impianti verificati corrispondono a 160 strumenti», «96 impianti
    (per complessivi 388 strumenti/pistole erogatrici)»: the measure is the note's count (160, 388), the value a remark;
    with how it was read. None otherwise (the value counts what the target counts, the note names it never or twice)."""
    if (measure is None or not measure.note or target.kind is not TargetKind.COMPARISON or measure.percent
            or not isinstance(measure.value, Decimal) or isinstance(measure.value, bool)
            or target.unit is None or target.unit in units.ALIASES or counted_mismatch(target, measure) is None):
        return None
    counts = [m for m in _NOTED_COUNT.finditer(measure.note) if counts_noun(m.group("noun"), target.unit)]
    if len(counts) != 1:
        return None
    done, said = Decimal(counts[0].group("n")), " ".join(counts[0].group(0).split())
    return (measure.model_copy(update={"value": done, "counted": counts[0].group("noun")}),
            f"il valore conta «{measure.counted}», la nota ciò che il target conta («{said}»): letti {done} {target.unit}")


def _root(word: str) -> str:
    """A noun without its ending, singular and plural alike: «servizio», «servizi» → «serviz»."""
    return word.lower().rstrip("aeiouàèéìòù") or word.lower()


# An indicator's name that counts its units with one thing each: «Imprese accompagnate con check-up di sostenibilità».
_WITH_ONE = re.compile(r"\s*(?P<unit>[^\W\d_]+)[^.;]*?(?<!\w)con\s+(?:il\s+|lo\s+|la\s+|l'|i\s+|gli\s+|le\s+)?"
                       r"(?P<noun>[^\W\d_][\w-]*)", re.IGNORECASE)


def one_per_unit(target: Target, name: str, measure: Measure | None) -> tuple[Measure, str] | None:
    """«11 schede aggiornate» for «100% dei servizi» when the indicator's name says one for each unit («Aggiornamento
    delle schede procedimento … per ciascun servizio»), or «32 check-up» for «≥ 40 imprese» when the name counts the
    units with one each («Imprese accompagnate con check-up …»): the count is of the units; with how it was read.
    None otherwise."""
    if measure is None or measure.counted is None or counted_mismatch(target, measure) is None:
        return None
    of = _PERCENT_OF.search(target.text) if target.unit == "%" else None
    unit = target.coverage or (of.group("noun") if of else None)
    counted = _root(measure.counted.split()[0])
    if unit is None and target.kind is TargetKind.COMPARISON and target.unit not in (None, *units.ALIASES):
        assert target.unit is not None
        named = _WITH_ONE.match(name)
        if (named is None or _root(named.group("unit")) != _root(target.unit)
                or _root(named.group("noun")) != counted):
            return None
        return (measure.model_copy(update={"counted": None}),
                f"«{measure.counted}» contati come «{target.unit}»: il nome dell'indicatore conta le "
                f"{named.group('unit').lower()} con {named.group('noun')}, uno per ciascuna")
    each = re.search(r"(?<!\w)(?:per|di|in)\s+(?:ciascun[oa']?|ogni)\s*(?P<unit>[^\W\d_]+)", name, re.IGNORECASE)
    if unit is None or each is None or _root(each.group("unit")) != _root(unit):
        return None
    if not any(counted == _root(word) for word in re.findall(r"[^\W\d_]+", name[:each.start()])):
        return None
    return (measure.model_copy(update={"counted": None}),
            f"«{measure.counted}» contate come «{unit}»: il nome dell'indicatore ne vuole una {each.group(0)}")


# The first noun of an indicator's name, after «N.» or «Numero di»: what the indicator counts («Audizioni delle …»).
_NAME_HEAD = re.compile(r"\s*(?:(?:n[.°º]|nr\.|numero)\s*(?:(?:di|dei|degli|delle)\s+)?)?(?P<noun>[^\W\d_]{3,})",
                        re.IGNORECASE)


def named_head(target: Target, name: str, measure: Measure | None) -> tuple[Measure, str] | None:
    """«4 audizioni» for «≥ 4 incontri/anno» when the indicator's name counts them («Audizioni delle associazioni …»):
    the count is of what the indicator counts, in the target's unit; with how it was read. None otherwise (the count's
    noun is not the name's first noun)."""
    if measure is None or measure.counted is None or target.kind is not TargetKind.COMPARISON \
            or target.unit in (None, *units.ALIASES) or counted_mismatch(target, measure) is None:
        return None
    head = _NAME_HEAD.match(name)
    if head is None or _root(head.group("noun")) != _root(measure.counted.split()[0]):
        return None
    return (measure.model_copy(update={"counted": None}),
            f"«{measure.counted}» contate come «{target.unit}»: sono ciò che il nome dell'indicatore conta")


# «pro capite», «per dipendente»: what a count is per, written after its noun («8 ore pro capite»).
_PER_HEAD = re.compile(r"\s+(?P<per>pro\s+capite|per\s+(?:dipendente|addetto|persona|partecipante|impresa))$", re.IGNORECASE)


def per_head(target: Target, name: str, measure: Measure | None) -> tuple[Measure, str] | None:
    """«8 ore pro capite» for «>= 24 ore» when the indicator's name says the same («Ore di formazione pro capite»):
    the count in the target's unit, with how it was read. None otherwise (a total target stays another unit)."""
    if measure is None or measure.counted is None or counted_mismatch(target, measure) is None:
        return None
    per = _PER_HEAD.search(measure.counted)
    if per is None or " ".join(per.group("per").lower().split()) not in " ".join(name.lower().split()):
        return None
    plain = measure.model_copy(update={"counted": measure.counted[:per.start()]})
    if counted_mismatch(target, plain) is not None:
        return None
    return plain, f"«{measure.counted}» contate come «{plain.counted}»: il nome dell'indicatore dice «{per.group('per')}»"


def all_units(target: Target) -> bool:
    """The target asks for all the units of a set as a share: «100% delle imprese beneficiarie», «= 100% dei comuni»."""
    return (target.kind is TargetKind.COMPARISON and target.unit == "%" and target.value == 100
            and _PERCENT_OF.search(target.text) is not None)
