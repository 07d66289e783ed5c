"""Measures written the way offices write them in a table cell, beyond a bare number.

- an amount with its scale: «6.412,38 (migliaia di €)», «1,2 milioni di euro» → the amount in euro;
- several values, each with its label in brackets: «87,3% (positivi) 42,1% (molto positivi)» → the first value is
  the measure, the whole cell is kept in the note;
- a sentence instead of a value («Lavori conclusi il 20/09/2023; sportello non ancora operativo»), or the state of
  the activity in a few words («Fatto», «Non attivato», «in corso», «Lavori in corso», «Protocollo sottoscritto»): a
  note, not a value;
- a count with its part: «118 assessment, di cui 34 guidati», «Partecipazione a 4 candidature, di cui 1 approvata» →
  the count, the part in the note;
- a count with «n.» before it («n. 12 referenti») → the count;
- a count in words: «due riunioni», «tre» → 2 riunioni, 3;
- done out of a total: «41 processi su 44», «9 servizi su 14 migrati», «5/5», «tre dei quattro accordi» → the value 41
  and the total 44;
- the progress of an activity: «Sviluppo al 60%», «completato al 70%» → avanzamento 60, no value;
- a pointer to the note: «vedi nota» → no value, the note says what there is;
- a pointer to the components: «v. componenti», «vedi sotto» → no value, it is computed from the components;
- SI/NO by its initial: «S», «N» → SI, NO;
- a component written as a sentence without a number («dato disponibile a consuntivo») → no component, the
  sentence in the note;
- a total written with what it counts: «312 provvedimenti», «312 provvedimenti su 312» → 312, the cell in the note;
- a state said by a bare word: «bozza», «ok» → a note, as «in bozza» and «Fatto» are.

The readings that guess (a note, the first of several values, done out of a total, a count in words, a progress, a
pointer to the note) keep the cell as it was written
(``valore_scritto``), so that ``piao-rules verifica`` can say how it was read (:func:`explained`). Anything else is left
to :mod:`piao_rules.values`, which refuses what it cannot read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from piao_rules import values

_WORD_RUN = r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)*"
# The scale words and their abbreviations: «migliaia» or «mila», «k€» or «k», «milioni» or «mln», «miliardi» or «mld».
_SCALES = {"migliaia": Decimal(1000), "mila": Decimal(1000), "k": Decimal(1000), "milioni": Decimal(1_000_000), "mln": Decimal(1_000_000),
           "miliardi": Decimal(1_000_000_000), "mld": Decimal(1_000_000_000)}
_NUMBER = r"[-+−]?\s?\d[\d.,]*"
_SCALED = re.compile(
    rf"(?:€\s*)?(?P<number>{_NUMBER})\s*(?:€\s*)?(?P<open>\(\s*)?(?:in\s+)?"
    r"(?P<scale>migliaia|mila|milioni|miliardi|mln|mld|k(?=\s*€))\.?"
    r"(?:\s*(?:di\s+)?(?:€|euro))?\s*(?(open)\))",
    re.IGNORECASE,
)
_LABELLED = re.compile(rf"\s*(?P<number>{_NUMBER}\s*%?)\s*\((?P<label>[^()\d]*[^\W\d_][^()\d]*)\)\s*[,;]?")
# A sentence: it starts with a word and has at least four of them («Lavori di adeguamento conclusi»); «circa 120»,
# «tanti» or «2 seminari svolti a marzo» are values written wrong, and are still refused.
_SENTENCE = re.compile(r"[^\W\d_]{2,}(?:\W+\w+){3,}.*", re.DOTALL)
# The state of an activity in one to three words, without a number: a participle («Fatto», «Concluso», «Pubblicati»,
# «Non attivato», «Protocollo sottoscritto», «Bozza completata») or «in corso» and its kin. «tanti», «circa 120» or
# «molti» say no state: still refused.
_WORDS = re.compile(r"[^\W\d_]+(?:[\s'’]+[^\W\d_]+){0,2}[.!]?")
_PARTICIPLE = re.compile(
    r"[^\W\d_]+(?:at|ut|it)[oaie]|[^\W\d_]*(?:fatt|scritt|dott|redatt|mess|chius|conclus|sospes|volt|risolt|"
    r"accolt|scelt|apert|copert|offert|rimast|propost|predispost|giunt|assunt|inclus|esclus|decis|concess|diffus|"
    r"espress|promoss|corrett|lett|pront)[oaie]", re.IGNORECASE)  # «pronto»: an adjective that says a state
# «in» and the noun of a state of work: «in corso», «in bozza», «in fase di collaudo» (not «in totale», «in media»).
_STATE_PHRASE = re.compile(
    r"(?:non\s+)?(?:ancora\s+)?(?:in\s+(?:fase\s+di\s+[^\W\d_]+|corso|ritardo|attesa|lavorazione|svolgimento|bozza|"
    r"approvazione|istruttoria|collaudo|revisione|verifica|definizione|preparazione|predisposizione|elaborazione|"
    r"esecuzione|pubblicazione|programmazione|progettazione|sospeso|stand-by)|da\s+\w+re)|non\s+ancora", re.IGNORECASE)
# A state said by an adjective of service: «non attivo», «operativa», «non ancora funzionante».
_STATE_ADJECTIVE = re.compile(r"(?:non\s+)?(?:ancora\s+)?(?:attiv[oaie]|operativ[oaie]|funzionant[ei])", re.IGNORECASE)
# A state said by its noun alone: «bozza» (in bozza), «ok» (done, as the office sees it).
_BARE_STATES = frozenset({"bozza", "ok"})
# A pointer to the note: the value is in the note, not in the cell.
_SEE = r"(?:vedi|vd\.?|v\.|cfr\.?|si\s+veda|come\s+da)\s+"
_SEE_NOTE = re.compile(rf"{_SEE}(?:la\s+)?not[ae]\.?", re.IGNORECASE)
# A pointer to the components, when the measure gives them: the value is computed from them.
_SEE_COMPONENTS = re.compile(rf"{_SEE}(?:(?:le\s+)?componenti|sotto|dettaglio)\.?", re.IGNORECASE)
# SI/NO by its initial, alone in the cell: «S», «N».
_INITIAL = {"s": "SI", "n": "NO"}
# A count written in words at the start of the cell: «due riunioni», «tre», «un corso».
_NUMBER_WORDS = {word: number for number, words in enumerate((
    "", "un uno una", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici",
    "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove", "venti")) for word in words.split()}
_TENS = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80,
         "novanta": 90}
_NUMBER_WORDS |= _TENS | {"cento": 100}
# From 21 to 99 in one word: the tens, without their last vowel before «uno» and «otto» («ventuno», «trentotto»).
_NUMBER_WORDS |= {(tens[:-1] if unit in ("uno", "otto") else tens) + unit: _TENS[tens] + index
                  for tens in _TENS for index, unit in enumerate(
                      ("uno", "due", "tré", "quattro", "cinque", "sei", "sette", "otto", "nove"), start=1)}
_NUMBER_WORDS |= {word.replace("tré", "tre"): number for word, number in _NUMBER_WORDS.items() if word.endswith("tré")}
# From 100 to 999 in one word: «centotrenta», «duecentocinquanta», «centotto» (the «o» of «cento» dropped before a vowel).
_UNDER_HUNDRED = {word: number for word, number in _NUMBER_WORDS.items() if 1 <= number <= 99 and word not in ("un", "una")}
_NUMBER_WORDS |= {
    written: index * 100 + number
    for index, hundreds in enumerate(("cento", "duecento", "trecento", "quattrocento", "cinquecento", "seicento",
                                      "settecento", "ottocento", "novecento"), start=1)
    for word, number in (("", 0), *_UNDER_HUNDRED.items())
    for written in ((hundreds + word, hundreds[:-1] + word) if word.startswith(("o", "u")) else (hundreds + word,))
}
_NOT_A_NOUN = frozenset({"di", "del", "dei", "degli", "delle", "della", "dello", "su", "sui", "sugli", "sulle", "in",
                         "per", "tra", "fra"})  # «tre dei quattro»: not a count
# All the units, with their number: «tutti e sei gli uffici», «tutte le 5 sedi», «tutti gli 11 uffici».
_ALL_OF = re.compile(r"tutt[ie]\s+(?:e\s+)?(?:(?:i|gli|le)\s+)?(?P<number>\d{1,3}|[^\W\d_]+)\s+(?:(?:i|gli|le)\s+)?"
                     r"(?P<noun>[^\W\d_].*)", re.IGNORECASE)
_IN_WORDS = re.compile(r"(?P<word>[^\W\d_]+)(?P<rest>(?:\s+.*)?)", re.IGNORECASE | re.DOTALL)
# The progress of an activity: «Sviluppo al 60%», «completato al 70%», «Lavori realizzati per il 40%». The words before
# are a participle or the noun of the work, not of what a percentage target measures («Gradimento al 85%»).
_PROGRESS = re.compile(
    rf"(?P<words>{_WORD_RUN}(?:\s+{_WORD_RUN}){{0,2}}?)\s+(?:(?:pari\s+)?al|per\s+il)\s+(?P<pct>\d{{1,3}}(?:,\d+)?)\s*%",
    re.IGNORECASE)
_WORK = re.compile(r"sviluppo|avanzamento|stato\s+di\s+avanzamento|realizzazione|completamento|esecuzione|attuazione|"
                   r"implementazione|lavori|attività|progetto|progettazione|migrazione|installazione|allestimento|"
                   r"bozza|stesura|redazione",
                   re.IGNORECASE)
_WORK_STATE = re.compile(rf"(?:{_WORK.pattern})\s+(?P<state>.+)", re.IGNORECASE)
# A state with its progress in brackets: «in corso (70%)», «Avviato (40 %)».
_STATE_PROGRESS = re.compile(r"(?P<state>[^()]+?)\s*\(\s*(?P<pct>\d{1,3}(?:,\d+)?)\s*%\s*\)")
# A count with its part: «118 assessment, di cui 34 guidati», «7 (di cui 2 congiunti)», «Coinvolte 214 imprese, di cui
# 188 con check-up»: the first number is the count, the part is a remark for the note; the part may name its units in
# brackets («di cui 2 approvate (Interreg Europe e COSME)»).
_PART = re.compile(r"(?P<whole>[^()]*?\d[^;]*?)\s*(?:[,;]\s*|\(\s*)(?P<part>di\s+cui\s+[^()]+?(?:\s*\([^()]*\))?)\s*\)?")
# A count and, after its noun, with whom or where without numbers: «3 progetti con istituti tecnici».
_COMPLEMENT = re.compile(r"(?P<count>\d[\d.,]*\s+[^\W\d_]+)\s+(?P<complement>(?:con|presso|per|in\s+favore\s+di|"
                         r"a\s+favore\s+di)\s+[^\d]+)", re.IGNORECASE)
# The noun of an action and its preposition before a count: «Partecipazione a», «Presentazione di».
_ACTION = re.compile(r"[^\W\d_]+(?:zion[ei]|ment[oi])\s+(?:a|ad|di|in|con|per)\s+(?=\d)", re.IGNORECASE)
_ASIDE = re.compile(r"(?P<counts>[^()]+?)\s*\([^()]+\)")
# The remark in brackets and, after it, with whom or where without numbers: «3 incontri (gennaio) con le associazioni».
_ASIDE_COMPLEMENT = re.compile(r"(?P<aside>[^()]+?\s*\([^()]+\))\s+(?P<complement>(?:con|presso|per|in\s+favore\s+di|"
                               r"a\s+favore\s+di)\s+[^\d()]+)", re.IGNORECASE)
# «n. 12 referenti», «n° 5 webinar», «nr. 31»: the number after «n.» is the count.
_NUMBERED = re.compile(r"(?:n[.°º]|nr\.?|num\.)\s*(?=\d)", re.IGNORECASE)
# Done out of a total: «41 processi su 44», «14 processi sui 20», «3 su 5», «3 dei 4 accordi previsti»; and how they
# were done, after the total, without numbers: «11 bandi su 11 in versione bilingue».
_OUT_OF = re.compile(
    rf"(?P<done>\d[\d.,]*)(?:\s+(?P<noun>{_WORD_RUN}(?:\s+{_WORD_RUN}){{0,2}}))?\s+"
    rf"(?:su(?:i|gli|l|lle|ll['’])?|de(?:i|gli|lle))\s*"
    r"(?P<total>\d[\d.,]*)(?:\s+(?:in|con|per|presso|nel|nella|nei|nelle|sul|sulla|sui|sulle)\s+[^\d()]+"
    rf"|\s+(?P<again>{_WORD_RUN}(?:\s+{_WORD_RUN}){{0,2}}))?", re.IGNORECASE)
# Done out of a total with a slash and nothing else: «5/5», «11 / 12» (not «30/06», more done than the total, nor
# «12/2023», a month and its year).
_SLASHED = re.compile(r"(?P<done>\d{1,3})\s*/\s*(?P<total>\d{1,3})")
# A number, in figures or in words, and a remark in brackets: «sei (gennaio-giugno)», «3 (Bari, Lecce)».
# With the noun it counts between them: «sei seminari (due a gennaio, poi uno al mese)».
_ASIDE_NUMBER = re.compile(r"(?P<number>\d{1,4}|[^\W\d_]+)(?:\s+(?P<noun>[^\W\d_]+))?\s*"
                           r"(?P<remark>\([^()]*[^\W\d_][^()]*\))")
# The dates a remark may hold, its only numbers: «slittata al 9 gennaio», «(a febbraio 2024)», «(ultimo il 27/09)».
_MONTHS = "|".join(values.MONTHS)
_REMARK_DATE = re.compile(rf"\d{{1,2}}\s*[°º]?\s+(?:{_MONTHS})(?:\s+\d{{4}})?|(?:{_MONTHS})\s+\d{{4}}|"
                          r"\d{1,2}/\d{1,2}(?:/\d{2,4})?", re.IGNORECASE)
# All the units, with their number in brackets: «tutti (36)», «tutte (5)».
# «tutti», «tutte», «tutti gli addetti»: every unit, when the total says how many.
_ALL_ALONE = re.compile(r"tutt[ie](?:\s+(?:i|gli|le)\s+[^\W\d_]+)?\.?", re.IGNORECASE)
_ALL_BRACKETED = re.compile(r"tutt[ie]\s*\(\s*(?P<number>\d{1,4})\s*\)", re.IGNORECASE)
# All the units but those named: «tutte tranne Confesercenti», «tutti gli uffici eccetto Alba e Bra».
_ALL_BUT = re.compile(r"tutt[ie](?:\s+(?:i|gli|le)\s+[^\W\d_]+)?\s+(?:tranne|eccetto|salvo|meno|ad\s+eccezione\s+d[ei]\S*)\s+"
                      r"(?P<items>[^\d]+)", re.IGNORECASE)
# A count with the period it covers before a colon: «gen.-giu.: 22», «gennaio-giugno: 22», «I semestre: 22».
_MONTH_WORD = r"(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)[^\W\d_]*\.?"
_PERIOD_COUNT = re.compile(
    rf"(?P<period>{_MONTH_WORD}(?:\s*[-–/]\s*{_MONTH_WORD})?|(?:I|II|III|IV|primo|secondo|terzo|quarto)\s+"
    r"(?:trimestre|quadrimestre|semestre))\s*:\s*(?P<number>\d[\d.,]*)", re.IGNORECASE)
# SI/NO with a remark after a dash, a comma, a colon or in brackets: «SI - del. 88/2025», «NO (in attesa del parere)».
_ANSWER_REMARK = re.compile(r"(?P<answer>s[iì]'?|no)\s*(?:[-–—,;:]\s*|\(\s*)(?P<remark>[^\W_].*?)\)?", re.IGNORECASE)
# A value written as an estimate: «88% circa», «circa 25», «ca. 120», «~ 40%», «4,4 gg ca.» (its unit before the hedge),
# «+4,4% (stima)» (an estimate said in brackets).
_ESTIMATE = re.compile(rf"(?:(?:circa|ca\.|~)\s*{_NUMBER}\s*%?"
                       rf"|{_NUMBER}\s*(?:%|[^\W\d_]{{1,12}}\.?)?\s*(?:circa|ca\.|\(\s*stim[ae]\w*\s*\)))", re.IGNORECASE)
# Counts by what they were done with, each with its number in brackets: «IIS Fermi (2), Liceo Bellini (1) e ITIS Omar (1)».
_PER_ITEM = re.compile(r"(?P<name>[^\W\d_][^()\d,;]*?)\s*\(\s*(?P<n>\d{1,3})\s*\)")
_PER_NAME = re.compile(r"(?P<name>[^\W\d_][^()\d,;]*?)\s+(?P<n>\d{1,3})")
# A count and, after «+», more of them in a state that is not done: «5 seminari + 1 rinviato», «10 corsi + 2 in programma»,
# «2 + 1 in corso», «97 (+ 5 da verbalizzare)»; or what is left, named in a state that is not done: «2 piani su 3 +
# archivio da fare».
_PLUS_NOT_DONE = re.compile(r"(?P<count>[^()+]*?\d[^()+]*?)\s*(?P<open>\(\s*)?\+\s*"
                            r"(?P<more>(?:\d{1,3}\s+)?(?P<state>[^()+\d]+?))\s*(?(open)\))")
_NOT_DONE = re.compile(r"(?:rinviat|rimandat|posticipat|slittat|differit|annullat|sospes|programmat|calendarizzat|previst|"
                       r"pianificat)[oaie]|in\s+(?:programma|calendario|corso)|da\s+[^\W\d_]+re", re.IGNORECASE)
# The number words of a cell, in figures: «tre dei quattro» → «3 dei 4».
_NUMBER_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


def scaled(text: str) -> Decimal | None:
    """«6.412,38 (migliaia di €)» → 6412380; None when ``text`` is not an amount with its scale."""
    match = _SCALED.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    try:
        number = values.parse_number(match.group("number"))
    except ValueError:
        return None
    return number * _SCALES[match.group("scale").lower()]


def labelled(text: str) -> list[tuple[str, str]] | None:
    """«87,3% (positivi) 42,1% (molto positivi)» → [(«87,3%», «positivi»), («42,1%», «molto positivi»)]; None unless
    the text is only two or more values, each followed by its label in brackets."""
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _LABELLED.match(text, position)
        if match is None:
            return None
        found.append((match.group("number").strip(), " ".join(match.group("label").split())))
        position = match.end()
    return found if len(found) >= 2 else None


def is_sentence(text: str) -> bool:
    """Whether a value cell holds a sentence rather than a value («SI, approvato …» is a value with its remark, refused:
    the remark goes in the note)."""
    first = text.split()[0].strip(",.;:").lower() if text.split() else ""
    return _SENTENCE.fullmatch(text.strip()) is not None and first not in ("si", "sì", "no")


def is_state(text: str) -> bool:
    """Whether a value cell says the state of an activity in one to three words, without a number: «Fatto», «Non
    attivato», «in corso», «Protocollo sottoscritto» (not «tanti», «circa 120», «NO»)."""
    text = " ".join(text.split())
    if _WORDS.fullmatch(text) is None or values.is_null(text) or text.lower().rstrip(".!") in ("si", "sì", "no"):
        return False
    text = text.rstrip(".!")
    if text.lower() in _BARE_STATES:  # «bozza», «ok»: the state without «in», the office's «fatto»
        return True
    state = _WORK_STATE.fullmatch(text)  # «Lavori in corso», «Attività ordinaria»: the noun of the work and its state
    if state is not None and (_STATE_PHRASE.fullmatch(state.group("state")) or " " not in state.group("state")):
        return True
    words = text.split()  # «Portale in collaudo»: what the work makes and its state
    return (any(_STATE_PHRASE.fullmatch(" ".join(words[start:])) or _STATE_ADJECTIVE.fullmatch(" ".join(words[start:]))
                for start in range(len(words)))
            or any(_PARTICIPLE.fullmatch(word) for word in re.findall(r"[^\W\d_]+", text)))


def out_of(text: str) -> tuple[str, str] | None:
    """«41 processi su 44», «9 servizi su 14 migrati», «5/5», «tre dei quattro accordi previsti» → («41», «44»): done
    and the total (the noun names the units of both, as the total's units do in a coverage target); None otherwise,
    or when the total counts something else («3 sale su 5 piani»), or more were done than the total («30/06»)."""
    text = " ".join(text.split())
    if (slashed := _SLASHED.fullmatch(text)) is not None:
        done, total = slashed.group("done"), slashed.group("total")
        return (done, total) if 0 < int(total) and int(done) <= int(total) else None
    match = _OUT_OF.fullmatch(_NUMBER_WORD.sub(_in_figures, text))
    if match is None or "%" in text:
        return None
    noun, again = match.group("noun"), match.group("again")
    if again is not None and _PARTICIPLE.fullmatch(again.split()[-1]):  # «9 servizi su 14 migrati»: what was done
        again = " ".join(again.split()[:-1]) or None
    if again is not None and noun is not None and again.lower() != noun.lower():
        return None
    return match.group("done"), match.group("total")


def _in_figures(word: re.Match[str]) -> str:
    number = _NUMBER_WORDS.get(word.group(0).lower())
    return word.group(0) if number is None else str(number)


def sees_note(text: str) -> bool:
    """Whether a value cell only points to the note («vedi nota», «Vedi nota», «cfr. nota»)."""
    return _SEE_NOTE.fullmatch(" ".join(text.split())) is not None


def sees_components(text: str) -> bool:
    """Whether a value cell only points to the components («v. componenti», «vd. componenti», «vedi sotto»)."""
    return _SEE_COMPONENTS.fullmatch(" ".join(text.split())) is not None


def initial(text: str) -> str | None:
    """«S» → «SI», «N» → «NO»: SI/NO written by its initial, alone in the cell; None otherwise."""
    return _INITIAL.get(text.strip().rstrip(".").lower()) if len(text.strip().rstrip(".")) == 1 else None


def in_words(text: str) -> str | None:
    """«due riunioni» → «2 riunioni», «tre» → «3»: a count written in words at the start of the cell, in figures; None
    unless the rest is the noun it counts («tre dei quattro», «un corso svolto a marzo» are not)."""
    match = _IN_WORDS.fullmatch(" ".join(text.split()))
    if match is None or (number := _NUMBER_WORDS.get(match.group("word").lower())) is None:
        return None
    figures = f"{number}{match.group('rest')}"
    rest = match.group("rest").strip()
    counts = values.parse_counts(figures) if rest else None
    if rest and (counts is None or len(counts) != 1 or rest.split()[0].lower() in _NOT_A_NOUN):
        return None
    return figures


def aside_number(text: str) -> tuple[str, str] | None:
    """«sei (gennaio-giugno)», «3 (Bari, Brindisi-Taranto, Lecce)» → («6», «(gennaio-giugno)»): a number alone, in figures
    or in words, or with the noun it counts («sei seminari (…)» → «6 seminari»), and a remark in brackets whose only
    numbers are dates; None otherwise."""
    match = _ASIDE_NUMBER.fullmatch(" ".join(text.split()))
    if match is None or any(ch.isdigit() for ch in _REMARK_DATE.sub("", match.group("remark"))):
        return None
    number = match.group("number")
    if not number.isdigit() and (number := _NUMBER_WORDS.get(number.lower())) is None:
        return None
    noun = match.group("noun")
    if noun is not None and (noun.lower() in _NOT_A_NOUN or values.parse_counts(f"{number} {noun}") is None):
        return None
    return (f"{number} {noun}" if noun else str(number)), match.group("remark")


# A number followed by the same number in words, in brackets, as on cheques: «31 (trentuno) contributi».
_SPELLED_AGAIN = re.compile(r"(?P<number>\d{1,3})\s*\(\s*(?P<word>[^\W\d_]+)\s*\)")
# A remark after a count or a ratio: in brackets at the end («2 sedi su 3 (Savona, La Spezia)») or after a dash («5/5 -
# ultimo audit il 19/12»).
_REMARKED = re.compile(r"(?P<head>[^()]+?)\s*(?:(?P<aside>\([^()]*[^\W\d_][^()]*\))|\s[-–—]\s+(?P<dash>.+))")


def spelled_again(text: str) -> str:
    """«31 (trentuno) contributi concessi» → «31 contributi concessi»: a number written again in words in brackets, once;
    the text as it is otherwise («3 (Bari, Lecce)», «31 (trenta)»)."""
    def once(match: re.Match[str]) -> str:
        same = _NUMBER_WORDS.get(match.group("word").lower()) == int(match.group("number"))
        return match.group("number") if same else match.group(0)
    return _SPELLED_AGAIN.sub(once, " ".join(text.split()), count=1)


def out_of_remarked(text: str) -> tuple[str, str, str] | None:
    """«2 sedi su 3 (Savona, La Spezia)», «5/5 - ultimo audit il 19/12» → («2», «3», «(Savona, La Spezia)»): done out of a
    total (:func:`out_of`) and a remark after it, in brackets or after a dash; None otherwise."""
    match = _REMARKED.fullmatch(" ".join(text.split()))
    if match is None or (read := out_of(match.group("head"))) is None:
        return None
    return read[0], read[1], match.group("aside") or match.group("dash")


def count_in_figures(text: str) -> str:
    """«Realizzati cinque seminari (…)» → «Realizzati 5 seminari (…)», «diciotto imprese (di cui 3 …)» → «18 imprese (di
    cui 3 …)»: the count written in words where a count stands (at the start, or after the participle or the action
    before it) and followed by the noun it counts, in figures; the text as it is otherwise («tre dei quattro»)."""
    words = " ".join(text.split()).split(" ")
    at = 0
    if len(words) > 2 and not words[0][:1].isdigit() and _PARTICIPLE.fullmatch(words[0]):
        at = 1
    elif len(words) > 3 and _ACTION.match(f"{words[0]} {words[1]} 0") is not None:  # «Partecipazione a cinque …»
        at = 2
    if len(words) <= at + 1 or (number := _NUMBER_WORDS.get(words[at].lower())) is None \
            or not words[at + 1][:1].isalpha() or words[at + 1].lower() in _NOT_A_NOUN:
        return text
    return " ".join([*words[:at], str(number), *words[at + 1:]])


def per_item(text: str) -> str | None:
    """«IIS Fermi (2), Liceo Bellini (1), ITIS Omar (1)», «Vinitaly 12, Cibus 10», «Registro imprese 12; studi e statistica
    9» → «4», «22», «21»: the sum of the counts of two or more named items (separated by commas and «e», or by semicolons), each with its number in brackets or after its name (the names all different: «Lotto 1,
    Lotto 2» are not counts); None otherwise (a year, «Comune di Asti (2024)», is not a count)."""
    cell = " ".join(text.split()).rstrip(".")
    # with semicolons between the items, a name may hold «e»: «studi e statistica 9; istituzionali 4»
    items = re.split(r"\s*;\s*", cell) if ";" in cell else re.split(r"\s*,\s*|\s+e\s+", cell)
    found = [match for item in items if (match := _PER_ITEM.fullmatch(item)) is not None]
    if len(found) != len(items):  # «Vinitaly 12, Cibus 10»: each name with its number after it, the names all different
        found = [match for item in items if (match := _PER_NAME.fullmatch(item)) is not None]
        if len({match.group("name").lower() for match in found}) != len(items):
            return None
    if len(found) < 2 or len(found) != len(items):
        return None
    return str(sum(int(match.group("n")) for match in found))


def plus_not_done(text: str) -> tuple[str, str] | None:
    """«5 seminari + 1 rinviato» → («5 seminari», «+ 1 rinviato»): the count done, and those added after «+» in a state
    that says them not done yet («rinviato», «annullati», «in programma», «da svolgere»), as a remark; None otherwise
    («6 iniziative + 88 imprese» are two counts, «3 eventi + 2 realizzati» five done). The count may be without its
    noun («2 + 1 in corso»), done out of a total («2 piani su 3 + archivio da fare»: what is left named, without a
    number), and the rest in brackets («97 (+ 5 da verbalizzare)»)."""
    match = _PLUS_NOT_DONE.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    state, more = match.group("state"), match.group("more")
    named = state.split(" ", 1)  # «archivio da fare»: what is left and its state, without a number
    if not (_NOT_DONE.fullmatch(state) or len(named) == 2 and _NOT_DONE.fullmatch(named[1])):
        return None
    return match.group("count"), f"+ {more}"


# A value, a percentage or an amount, and a remark in brackets: «€ 118.400,00 (liquidati)», «0% (da crono II sem.)»; a
# percentage may name what it is of before the brackets («40% scaffali (sospeso)»).
_VALUE_ASIDE = re.compile(r"(?P<value>(?:€\s*)?[-+−]?\s?\d[\d.,]*\s*(?:%|€)?)(?:\s+(?P<noun>[^\W\d_]+))?\s*"
                          r"(?P<remark>\([^()]*[^\W\d_][^()]*\))")


def value_aside(text: str) -> tuple[str, str] | None:
    """«€ 118.400,00 (liquidati)» → («€ 118.400,00», «(liquidati)»), «40% scaffali (sospeso)» → («40%», «scaffali
    (sospeso)»): a number, a percentage or an amount with a remark in brackets whose only numbers are dates; None
    otherwise, for an estimate («+4,4% (stima)», see :func:`is_estimate`) and for a count with its noun («3 corsi (…)»,
    read by :func:`aside_number`)."""
    match = _VALUE_ASIDE.fullmatch(" ".join(text.split()))
    if match is None or is_estimate(text) or any(ch.isdigit() for ch in _REMARK_DATE.sub("", match.group("remark"))):
        return None
    value, noun = match.group("value").strip(), match.group("noun")
    if noun is not None and not value.endswith("%"):
        return None
    try:
        values.parse_number(value)
    except ValueError:
        return None
    return value, f"{noun} {match.group('remark')}" if noun else match.group("remark")


# The remark after a count, after a semicolon or a comma outside brackets: «1 seminario (Cesena, 8 marzo); quello di
# Rimini … annullato», «2 cantieri completati, il terzo (Feltre) avviato».
_TOP_SEPARATOR = re.compile(r";\s*|,\s+(?=[^\W\d_])")


def head_remark(text: str) -> tuple[str, str] | None:
    """«un report (luglio); il secondo uscirà a febbraio 2026» → («un report (luglio)», «il secondo uscirà a febbraio
    2026»): the cell split at its first semicolon, or at its first comma followed by a word, outside brackets; None when
    there is none, or when the remark holds a number that is not a date, a year or a percentage («5 incontri, 120
    partecipanti»: two counts). Whether the head is a value is for :func:`read_cell` to say."""
    cell = " ".join(text.split())
    depth = 0
    for index, char in enumerate(cell):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and (split := _TOP_SEPARATOR.match(cell, index)) is not None:
            head, remark = cell[:index].strip(), cell[split.end():].strip().rstrip(".")
            left = re.sub(r"\b\d{4}\b|\d[\d,]*\s*%", "", _REMARK_DATE.sub("", remark))
            return (head, remark) if head and remark and not any(ch.isdigit() for ch in left) else None
    return None


# The items of a numbered list: «1) febbraio-aprile, Crotone; 2) settembre-novembre, Vibo; 3) on line, dicembre».
_LIST_NUMBER = re.compile(r"(?:^|[;,]\s*|\s)(?P<n>\d{1,2})\)\s+(?=\S)")


def numbered(text: str) -> str | None:
    """«1) febbraio-aprile, Crotone; 2) settembre-novembre, Vibo; 3) on line» → «3»: the count of the items of a list
    numbered from 1, in order, each number followed by «)»; None otherwise (one item, numbers out of order)."""
    cell = " ".join(text.split())
    found = [int(match.group("n")) for match in _LIST_NUMBER.finditer(cell)]
    if not cell.startswith("1)") or len(found) < 2 or found != list(range(1, len(found) + 1)):
        return None
    return str(len(found))


# A count by label, each after its name and a colon, the items apart by a dash or a semicolon: «SELFI4.0: 22 - Digital
# Skill Voyager: 19 - Zoom 4.0 (assessment guidato): 7».
_PER_LABEL = re.compile(r"(?P<name>[^\W\d_][^:;]*?)\s*:\s*(?P<n>\d{1,4})")


def per_label(text: str) -> str | None:
    """«SELFI4.0: 22 - Digital Skill Voyager: 19 - Zoom 4.0: 7» → «48»: the sum of the counts of two or more labelled
    items, apart by a dash or a semicolon, the labels all different; None otherwise («Facebook: 86 Linkedin: 118»
    without a dash, a count per channel, is left to the components)."""
    items = re.split(r"\s+[-–—]\s+|\s*;\s*", " ".join(text.split()).rstrip("."))
    found = [match for item in items if (match := _PER_LABEL.fullmatch(item)) is not None]
    if len(found) < 2 or len(found) != len(items) or len({match.group("name").lower() for match in found}) != len(items):
        return None
    return str(sum(int(match.group("n")) for match in found))


# A count at a place named with a capital: «2 a Cuneo», «3 ad Alba», «1 presso la sede di Mondovì».
_AT_PLACE = re.compile(r"(?P<n>\d{1,3})\s+(?:a|ad|in|presso)\s+(?:(?:la|il)\s+sede\s+di\s+)?[A-ZÀ-Ý][^\W\d_'’-]*(?:[\s'’-]+[^\W\d_]+){0,3}")


def per_place(text: str) -> str | None:
    """«2 a Cuneo, 1 a Mondovì, 3 ad Alba e 1 a Saluzzo» → «7»: the sum of two or more counts, each at its place (a name
    with a capital), apart by commas, semicolons or «e»; None otherwise («2 a marzo» names a month, not a place)."""
    items = re.split(r"\s*[,;]\s*|\s+e\s+(?=\d)", " ".join(text.split()).rstrip("."))
    found = [match for item in items if (match := _AT_PLACE.fullmatch(item)) is not None]
    if len(found) < 2 or len(found) != len(items):
        return None
    return str(sum(int(match.group("n")) for match in found))


# A count after its noun, in lower case, with or without a colon: «seminari: 7 — partecipanti 190».
_NOUN_FIRST = re.compile(r"(?P<noun>[a-zàèéìòù]{3,})\s*:?\s+(?P<n>\d{1,3}(?:\.\d{3})*)")


def noun_first(text: str) -> str | None:
    """«seminari: 7 — partecipanti 190» → «7 seminari, 190 partecipanti»: two or more counts each after its own noun
    (one lower-case word, all different: units, not names of projects or channels), apart by a dash, a semicolon or a
    comma, written back as counts with their nouns; None otherwise."""
    items = re.split(r"\s+[-–—]\s+|\s*[;,]\s*", " ".join(text.split()).rstrip("."))
    found = [match for item in items if (match := _NOUN_FIRST.fullmatch(item)) is not None]
    if len(found) < 2 or len(found) != len(items) or len({match.group("noun") for match in found}) != len(items):
        return None
    return ", ".join(f"{match.group('n')} {match.group('noun')}" for match in found)


def all_of(text: str) -> str | None:
    """«tutti e sei gli uffici» → «6 uffici», «tutte le 5 sedi» → «5 sedi», «tutti (36)» → «36»: all the units, counted
    with their noun; None otherwise."""
    if (bracketed := _ALL_BRACKETED.fullmatch(" ".join(text.split()))) is not None:
        return bracketed.group("number")
    match = _ALL_OF.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    number = match.group("number")
    number = number if number.isdigit() else _NUMBER_WORDS.get(number.lower())
    if number is None:
        return None
    figures = f"{number} {match.group('noun')}"
    counts = values.parse_counts(figures)
    return figures if counts is not None and len(counts) == 1 else None


def all_but(text: str) -> int | None:
    """«tutte tranne Confesercenti» → 1, «tutti eccetto Alba e Bra» → 2: how many units are named as not covered when
    all the others are; None otherwise. The value is the total of the units less these (see :func:`read_cell` and
    the coverage of the engine, which knows the plan's total)."""
    match = _ALL_BUT.fullmatch(" ".join(text.split()).rstrip("."))
    if match is None:
        return None
    items = [item for item in re.split(r"\s*,\s*|\s+e\s+", match.group("items")) if item.strip()]
    return len(items) or None


def answer_remark(text: str) -> tuple[str, str] | None:
    """«SI - del. 88/2025» → («SI», «del. 88/2025»): SI or NO with a remark after a dash, a comma or a colon, or in
    brackets; None otherwise («Sistema», «SI» alone)."""
    match = _ANSWER_REMARK.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    return ("NO" if match.group("answer").lower() == "no" else "SI"), match.group("remark").strip()


def is_estimate(text: str) -> bool:
    """Whether a value cell holds an estimate: «88% circa», «circa 25», «ca. 120»."""
    return _ESTIMATE.fullmatch(" ".join(text.split())) is not None


def progress(text: str) -> Decimal | None:
    """«Sviluppo al 60%», «completato al 70%» → 60, 70: the progress of an activity, said with its noun or a
    participle; None otherwise («Gradimento al 85%», «circa il 40%»)."""
    match = _PROGRESS.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    words = match.group("words")
    if _WORK.fullmatch(words) is None and not _PARTICIPLE.fullmatch(words.split()[-1]) \
            and _WORK.fullmatch(words.split()[0]) is None:
        return None
    number = values.parse_number(match.group("pct"))
    return number if number <= 100 else None


def state_progress(text: str) -> tuple[str, Decimal] | None:
    """«in corso (70%)» → («in corso», 70): a state in words with its progress in brackets; None otherwise."""
    match = _STATE_PROGRESS.fullmatch(" ".join(text.split()))
    if match is None or not (is_state(match.group("state")) or _STATE_PHRASE.fullmatch(match.group("state"))):
        return None
    number = values.parse_number(match.group("pct"))
    return (match.group("state"), number) if number <= 100 else None


def with_part(text: str) -> tuple[str, str] | None:
    """«118 assessment, di cui 34 guidati» → («118 assessment», «di cui 34 guidati»); «Coinvolte 214 imprese, di cui 188
    …», «Partecipazione a 4 candidature, di cui 1 approvata» → («214 imprese», …): the count (without the participle or
    the action before it) and its part; None unless what comes before «di cui» is one count, with at most a participle
    or an action («Partecipazione a») before it and a remark in brackets after it."""
    match = _PART.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    whole, part = _after_action(match.group("whole")), match.group("part")
    if whole is not None and not _one_count(whole) and (said := _COMPLEMENT.fullmatch(whole)) is not None:
        whole, part = said.group("count"), f"{said.group('complement')}, {part}"  # «3 progetti con istituti tecnici»
    return (whole, part) if whole is not None and _one_count(whole) else None


def acted_count(text: str) -> tuple[str, str | None] | None:
    """«Realizzati 2 eventi (aprile e giugno)», «Coinvolte 214 imprese» → («2 eventi», «(aprile e giugno)»), («214
    imprese», None): the one count after a participle or an action, and the remark in brackets or the list after a colon
    («Realizzati 2 eventi: …») after it; None
    otherwise (no participle or action, more than one count, words after the count)."""
    cell = " ".join(text.split())
    whole = _after_action(cell)
    if whole is None or whole == cell:
        return None
    head, colon, listed = whole.partition(":")  # «Realizzati 2 eventi: «Orienta» (15/02) e …»: the list is a remark
    if colon and listed.strip() and any(ch.isalpha() for ch in head) and _one_count(head):
        return head.strip(), listed.strip()
    if (complement := _ASIDE_COMPLEMENT.fullmatch(whole)) is not None:  # «3 incontri (gennaio e marzo) con le associazioni»
        whole = complement.group("aside")
    aside = _ASIDE.fullmatch(whole)
    counted = aside.group("counts") if aside else whole
    if not any(ch.isalpha() for ch in counted) or not _one_count(counted):
        return None
    remark = " ".join(part for part in (whole[len(counted):].strip(), complement and complement.group("complement")) if part)
    return counted, remark or None


_TRAILING_COMPLEMENT = re.compile(r"\s+(?:con|presso|in\s+favore\s+di|a\s+favore\s+di)\s+[^\d()]+$", re.IGNORECASE)


def acted_counts(text: str) -> tuple[str, str] | None:
    """«Realizzate 2 campagne (usura; contraffazione) e 1 convegno con la Guardia di Finanza» → («2 campagne e 1
    convegno», «usura; contraffazione; con la Guardia di Finanza»): two or more counts of different things after a
    participle or an action, the remarks in brackets and the complement at the end noted (which count the target asks
    is chosen by its noun, in ``targets.fit``); None otherwise (one count, numbers in the remarks)."""
    cell = " ".join(text.split()).rstrip(".")
    whole = _after_action(cell)
    if whole is None or whole == cell:
        return None
    remarks = re.findall(r"\(([^()\d]*)\)", whole)
    bare = re.sub(r"\s*\([^()\d]*\)", "", whole)
    if (complement := _TRAILING_COMPLEMENT.search(bare)) is not None:
        remarks.append(complement.group().strip())
        bare = bare[:complement.start()]
    counts = values.parse_counts(bare) if "(" not in bare else None
    nouns = {noun.lower() for _, noun in counts or ()}
    if counts is None or len(counts) < 2 or len(nouns) != len(counts) or any(" " in noun for noun in nouns):
        return None
    return bare, "; ".join(remarks)


_MONTH = "|".join(values.MONTHS)
# Counts by period: «9 check-up nel I trimestre, 11 nel II e 12 nel III» (the noun said once).
_BY_PERIOD = re.compile(
    r"(?P<n>\d+)\s+(?P<noun>[^\W\d_][\w-]*)\s+(?P<prep>nel|in|a)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
    r"(?P<more>(?:(?:,|\s+e)\s+\d+\s+(?P=prep)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)+)", re.IGNORECASE)
# The units done, named one by one by their months: «le note di gennaio, aprile e luglio».
_BY_MONTH = re.compile(
    rf"(?:(?:le|i|gli)\s+)?(?P<noun>[^\W\d_]+)\s+(?:di|del|dei)\s+(?P<months>(?:{_MONTH})(?:\s*(?:,|e)\s*(?:{_MONTH}))+)",
    re.IGNORECASE)
# Those it was done with, named one by one after «con»: «i protocolli con Provincia, Università e Confcommercio», «con il
# Comune di Viterbo (marzo) e con la Provincia di Rieti (giugno)».
_WITH = re.compile(r"(?:(?:le|i|gli)\s+[^\W\d_]+\s+)?con\s+(?P<items>.+)", re.IGNORECASE)
_WITH_AGAIN = re.compile(r"\s*,\s*con\s+|\s+e\s+con\s+", re.IGNORECASE)
# The units done, each in its month, after the participle: «inviate a gennaio, febbraio e marzo».
_AT_MONTHS = re.compile(
    rf"(?:a|in|nei\s+mesi\s+di)\s+(?P<months>(?:{_MONTH})(?:\s*(?:,|e)\s*(?:{_MONTH}))+)", re.IGNORECASE)
# The things done, named one by one by their titles: «le campagne «Pagamenti sicuri» (marzo) e «Bilanci in regola»».
_TITLE = r"«[^»]+»(?:\s*\([^()]*\))?"
_TITLED = re.compile(rf"(?:(?:le|i|gli)\s+)?(?P<noun>[^\W\d_]+)\s+(?P<items>{_TITLE}(?:\s*(?:,|e)\s*{_TITLE})+)",
                     re.IGNORECASE)
# A participle, and after a colon the things done («Webinar realizzati: 14/02 marchi; 21/03 brevetti»), each with its
# date at its head («14/02», «14 febbraio»).
_COLON_LIST = re.compile(r"(?:(?P<noun>[^\W\d_]+)\s+)?(?P<participle>[^\W\d_]+)\s*:\s*(?P<items>.+)")
_DATED_ITEM = re.compile(rf"\d{{1,2}}(?:/\d{{1,2}}(?:/\d{{2,4}})?|\s+(?:{_MONTH}))\s+[^\W\d_]", re.IGNORECASE)
# The things done, named one by one with their article: «il convegno …, il webinar … e il seminario …».
# The next may stand for the noun said before: «la campagna sul cassetto digitale (febbraio) e quella sulla firma remota».
_ITEM = re.compile(r"(?:il|lo|la|l'|l’|i|gli|le)\s*[^\W\d_]{3,}|quell[oaie]\s+[^\W\d_]{2,}", re.IGNORECASE)


# The period a count covers, said with it: before a colon («da gennaio a settembre: 29», «dal 1/1 al 30/9: 29») or after it
# («300 nel I trim.», «29 al 30 settembre»); a hedge before the number («ca. 300», «circa 300»).
_PERIOD_BEFORE = re.compile(r"(?:da|dal|dall')\s*[^:]{1,30}?\s+(?:a|al|all')\s*[^:]{1,20}:\s*", re.IGNORECASE)
_PERIOD_AFTER = re.compile(rf"\s+(?:nel|al|a|entro)\s+(?:(?:i|ii|iii|iv|primo|secondo|terzo|quarto)\s+(?:trim\.?|trimestre|sem\.?|semestre)"
                           rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:\d{{1,2}}\s+)?(?:{'|'.join(values.MONTHS)}))\.?", re.IGNORECASE)
_HEDGE = re.compile(r"(?:ca\.|circa)\s*(?=\d)", re.IGNORECASE)


def period_count(text: str) -> tuple[str, str] | None:
    """«gen.-giu.: 22», «da gennaio a settembre: 29» → («29», «da gennaio a settembre»), «ca. 300 nel I trim.» → («300»,
    «circa, nel I trim.»): a bare count with the period it covers (and a hedge), the rest a remark; None otherwise
    («Facebook: 86» names a channel, not a period; «circa 120» alone is an estimate)."""
    cell = " ".join(text.split())
    if (labelled_period := _PERIOD_COUNT.fullmatch(cell)) is not None:
        return labelled_period.group("number"), labelled_period.group("period")
    said = []
    if (before := _PERIOD_BEFORE.match(cell)) is not None:
        said.append(before.group().rstrip(": "))
        cell = cell[before.end():]
    if (hedge := _HEDGE.match(cell)) is not None:
        said.append("circa")
        cell = cell[hedge.end():]
    number = re.match(r"\d[\d.,]*", cell)
    if number is None:
        return None
    rest = cell[number.end():]
    if (after := _PERIOD_AFTER.fullmatch(rest)) is not None:
        said.append(after.group().strip())
        rest = ""
    if rest or said in ([], ["circa"]):  # «circa 120» alone stays refused: only the period makes it a count to read
        return None
    try:
        values.parse_number(number.group())
    except ValueError:
        return None
    return number.group(), ", ".join(said)


# The occurrences alone, one by one: by their months («gen, feb, mar», «gennaio, marzo (2), aprile»: two in March) or by
# their days («15/01, 12/02 e 19/03»); each with what it was after its day, a semicolon between them («14/02 seminario
# CBAM; 21/03 webinar CSRD»).
_MONTH_ITEM = re.compile(rf"(?:{_MONTH}|(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\.?)(?:\s*\(\s*(?P<times>\d{{1,2}})\s*\))?", re.IGNORECASE)
_DAY_ITEM = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")
# Counts by period, the first with its noun and the others in figures or words: «3 ispezioni a marzo, due a maggio e una
# il 18 settembre», «1 seminario a febbraio, uno ad aprile e uno a giugno».
_WHEN = rf"(?:a|ad|in|nel|il|l'|l’)\s*(?:\d{{1,2}}\s+)?(?:{_MONTH})"
_COUNT_WHEN = re.compile(rf"(?P<n>\d{{1,3}})\s+(?P<noun>[^\W\d_][\w-]*)\s+{_WHEN}"
                         rf"(?P<more>(?:(?:\s*,|\s+e)\s+(?:\d{{1,3}}|[^\W\d_]+)\s+{_WHEN})+)", re.IGNORECASE)
_MORE_WHEN = re.compile(rf"(?:\d{{1,3}}|[^\W\d_]+)(?=\s+{_WHEN})", re.IGNORECASE)


def occurrences(text: str) -> tuple[str, str | None] | None:
    """«gennaio, febbraio, marzo (2), aprile» → «5», «15/01, 12/02 e 19/03» → «3», «14/02 seminario CBAM; 21/03 webinar
    CSRD» → «2», «3 ispezioni a marzo, due a maggio e una il 18 settembre» → «6 ispezioni»: the things done, named one by
    one by their month (a number in brackets: that many in the month) or their day, or counted month by month, and a
    remark in brackets after them; None otherwise (one month or day alone, «gennaio-giugno», a period)."""
    cell = " ".join(text.split()).rstrip(".")
    aside = re.fullmatch(r"(?P<said>.+?)\s*(?P<remark>\([^()]*[^\W\d_][^()]*\))?", cell)
    if aside is None or (counted := _occurrences(aside.group("said"))) is None:
        return None
    return counted, aside.group("remark")


def _occurrences(cell: str) -> str | None:
    """The count of :func:`occurrences`, without the remark."""
    if (by_when := _COUNT_WHEN.fullmatch(cell)) is not None:
        more = [int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())
                for word in _MORE_WHEN.findall(by_when.group("more"))]
        numbers = [number for number in more if number is not None]
        if len(numbers) != len(more):
            return None
        return f"{int(by_when.group('n')) + sum(numbers)} {by_when.group('noun')}"
    dated = [item.strip() for item in cell.split(";")]
    if len(dated) >= 2 and all(_DATED_ITEM.match(item) for item in dated):
        return str(len(dated))
    items = [item.strip() for item in re.split(r",|\s+e\s+", cell)]
    if len(items) < 2:
        return None
    if all(_DAY_ITEM.fullmatch(item) for item in items):
        return str(len(items))
    months = [month for item in items if (month := _MONTH_ITEM.fullmatch(item)) is not None]
    if len(months) != len(items):
        return None
    return str(sum(int(month.group("times") or 1) for month in months))


def enumerated(text: str) -> tuple[str, str | None] | None:
    """The count of a cell that names what was done after a participle: by period («Completati 9 check-up nel I
    trimestre, 11 nel II e 12 nel III» → «32 check-up»), by month («Pubblicate le note di gennaio, aprile e luglio» →
    «3 note»), or one by one («Realizzati il convegno … (16/03), il webinar … (11/05) e il seminario …» → «3»); what
    follows a semicolon is a remark. None otherwise."""
    cell = " ".join(text.split())
    if (listed := _colon_list(cell)) is not None:
        return listed
    if (counted := occurrences(cell)) is not None:
        return counted
    if (named := _named_items(cell)) is not None:
        return named
    first, _, rest = cell.partition(" ")
    if not rest or first[0].isdigit():
        return None
    second, _, after_second = rest.partition(" ")
    if not _PARTICIPLE.fullmatch(first) and after_second and _PARTICIPLE.fullmatch(second) and first[-1].lower() in "ie":
        first, rest = second, after_second  # «Accordi firmati con …»: the noun, then the participle
    if not _PARTICIPLE.fullmatch(first):  # «newsletter di gennaio, febbraio e marzo»: the months alone
        return _months(cell)
    said, _, after = rest.partition(";")
    said, remark = said.strip().rstrip("."), after.strip() or None
    if (period := _BY_PERIOD.fullmatch(said)) is not None:
        total = int(period.group("n")) + sum(int(n) for n in re.findall(r"\d+", period.group("more")))
        return f"{total} {period.group('noun')}", remark
    if (months := _months(said)) is not None:
        return months[0], "; ".join(part for part in (months[1], remark) if part) or None
    if (at := _AT_MONTHS.fullmatch(said)) is not None:  # «inviate a gennaio, febbraio e marzo»: one a month
        return str(len(re.findall(_MONTH, at.group("months"), re.IGNORECASE))), remark
    if (titled := _TITLED.fullmatch(said)) is not None:  # «le campagne «A» (marzo) e «B» (settembre)»
        return f"{titled.group('items').count('«')} {titled.group('noun')}", remark
    if (partners := _WITH.fullmatch(said)) is not None:
        items = partners.group("items")
        split = _WITH_AGAIN.split(items) if _WITH_AGAIN.search(items) else re.split(r"\s*,\s*|\s+e\s+", items)
        if len(split) >= 2 and all(item.strip() for item in split):
            return str(len(split)), remark
    plain = re.sub(r"\([^()]*\)", "()", re.sub(r"«[^»]*»", "", said))  # titles and the brackets' commas aside
    if any(ch.isdigit() for ch in plain):
        return None
    items = [item.strip() for item in re.split(r",|\s+e\s+(?=(?:il|lo|la|l'|l’|i|gli|le|quell[oaie])\b)", plain)]
    # each with its date or place in brackets: «il regolamento e la carta dei servizi» may be one act, not two counted
    if len(items) < 2 or not all(_ITEM.match(item) and "()" in item for item in items):
        return None
    return str(len(items)), remark


# A name and its date or month in brackets, and maybe a state after it: «Vinitaly (aprile)», «Prowein (marzo) annullata».
_NAMED_ITEM = re.compile(r"(?P<name>[^\W\d_][^();]*?)\s*\([^()]*\)(?:\s+(?P<state>[^();]+))?")


def _named_items(cell: str) -> tuple[str, str | None] | None:
    """«Marca (gennaio); Prowein (marzo) annullata per …; Vinitaly (aprile)» → («2», «Prowein (marzo) annullata per …»):
    the things named one by one, separated by semicolons, each with its date or month in brackets; those said not done
    after it («annullata», «rinviata», «prevista») are left out and go to the note. None otherwise (fewer than three, a
    word after the brackets that is not a state of not done)."""
    items = [item.strip() for item in cell.rstrip(".").split(";")]
    found = [match for item in items if (match := _NAMED_ITEM.fullmatch(item)) is not None]
    if len(items) < 3 or len(found) != len(items):
        return None
    undone = [match.group(0) for match in found if match.group("state")]
    if any(not _NOT_DONE.match(match.group("state")) for match in found if match.group("state")):
        return None
    return str(len(items) - len(undone)), "; ".join(undone) or None


# A list of the units done, one by one (ADR of the twenty-third pass, part C): each with its day («15/01/2025»,
# «26.02.2025», «20-03-2025», «12/8») or month, alone, after its name («Ragusa 14/01») or before its place in brackets
# («14/02 (Biella)»), or named with its month in brackets («Canada (marzo)»); a head may come before them («riunioni del»,
# «Missioni:», «Incontri svolti:», «pubbl.»). Without days or months, names each with a capital letter, three or more, or
# two after a colon («Gela, Niscemi, Mussomeli, Riesi»; «Sede di via Garibaldi; Palazzo della Borsa; sede di Chiavari»).
_LIST_HEAD = re.compile(r"(?P<head>[^\W\d_]+\.?(?:\s+[^\W\d_]+\.?)?)\s*(?::\s*|\s+(?:del|dei|nei\s+giorni)\s+|(?<=\.)\s+)")
_DAY = r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
_WHEN_ITEM = rf"(?:{_DAY}|{_MONTH}|(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\.)"
_LISTED_ITEM = re.compile(
    rf"(?:[^\W\d_][^\W\d_'’.-]*(?:\s+[^\W\d_][^\W\d_'’.-]*){{0,2}}\s+(?={_DAY}))?{_WHEN_ITEM}(?:\s*\([^()\d]+\))?"
    rf"|[^\W\d_][^()]*?\s*\((?:{_DAY}|{_MONTH})\)", re.IGNORECASE)
_NAME_ITEM = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:\s+[^\W\d_][^\W\d_'’.-]*){0,4}")


def listed_units(text: str) -> str | None:
    """«riunioni del 15/01/2025, 26.02.2025 e 20-03-2025» → «3», «Missioni: Canada (marzo), Giappone (maggio)» → «2»,
    «Gela, Niscemi, Mussomeli, Riesi» → «4»: the units done, listed one by one (see ``_LISTED_ITEM``); None otherwise
    (one unit, a number that is not a day, names without a capital letter or fewer than three, a head that says them
    not done yet: «Incontri previsti:»)."""
    cell = " ".join(text.split()).rstrip(".")
    head = _LIST_HEAD.match(cell)
    if head is not None and any(_NOT_DONE.match(word) for word in head.group("head").split()):
        return None  # «Incontri previsti: …», «programmati:»: not done yet
    said = cell[head.end():] if head else cell
    items = [item.strip() for item in re.split(r"\s*[,;]\s*", said)]
    last = re.split(r"\s+e\s+", items[-1])
    if len(last) == 2 and all(_LISTED_ITEM.fullmatch(part) for part in last):
        items[-1:] = last
    if len(items) >= 2 and all(_LISTED_ITEM.fullmatch(item) for item in items):
        return str(len(items))
    named = [item.strip() for item in re.split(r"\s*;\s*" if ";" in said else r"\s*,\s*", said)]
    colon = head is not None and head.group().rstrip().endswith(":")  # «Istituti raggiunti: Cardano, Volta»
    if len(named) < (2 if colon else 3) or not all(_NAME_ITEM.fullmatch(item) for item in named):
        return None
    return str(len(named)) if all(any(word[0].isupper() for word in item.split()) for item in named) else None


def listed_in(note: Any) -> str | None:
    """«Realizzati: Sila Food Fest (marzo), collettiva alla fiera di Rende (maggio), …. La mostra … è stata annullata.» →
    «4»: the count of the things done, listed one by one after a participle and a colon in the note's first sentence (a
    cell pointing to the note: «vd. nota»); None otherwise (the note says something else)."""
    first = re.split(r"(?<=\.)\s+(?=[^\W\d_])", " ".join(str(note or "").split()), maxsplit=1)[0]
    head = _LIST_HEAD.match(first)
    if head is None or not head.group().rstrip().endswith(":") or not _PARTICIPLE.fullmatch(head.group("head").split()[-1]):
        return None
    return listed_units(first)


def _colon_list(cell: str) -> tuple[str, str | None] | None:
    """«Webinar realizzati: 14/02 marchi; 21/03 brevetti; …» → «2 webinar», «attivati: firma remota, PagoPA e
    prenotazioni; SPID dal 2023» → («3», «SPID dal 2023»): the things listed after a participle and a colon, each with
    its date and a semicolon after it, or each named without numbers before a semicolon (what follows it is a remark);
    the participle is plural. None otherwise."""
    match = _COLON_LIST.fullmatch(cell.rstrip("."))
    if match is None:
        return None
    participle = match.group("participle")
    if not _PARTICIPLE.fullmatch(participle) or participle[-1].lower() not in "ie":
        return None  # «Stato: avviato, in corso»: one thing, not a list
    noun = f" {match.group('noun').lower()}" if match.group("noun") else ""
    dated = [item.strip() for item in match.group("items").split(";")]
    if len(dated) >= 2 and all(_DATED_ITEM.match(item) for item in dated):
        return f"{len(dated)}{noun}", None
    named, _, after = match.group("items").partition(";")
    items = [item.strip() for item in re.split(r",|\s+e\s+", named)]
    if len(items) < 2 or not all(items) or any(ch.isdigit() for ch in named):
        return None
    return f"{len(items)}{noun}", after.strip() or None


def _months(said: str) -> tuple[str, str | None] | None:
    """«le note di gennaio, aprile e luglio (maggio sospesa)» → («3 note», «(maggio sospesa)»): the units named by their
    months, and the remark in brackets after them; None otherwise."""
    aside = re.fullmatch(r"(?P<said>[^()]+?)\s*(?P<remark>\([^()]*\))?", said)
    month = _BY_MONTH.fullmatch(aside.group("said").rstrip(".")) if aside else None
    if aside is None or month is None:
        return None
    return f"{len(re.findall(_MONTH, month.group('months'), re.IGNORECASE))} {month.group('noun')}", aside.group("remark")


def _after_action(whole: str) -> str | None:
    """The count without the participle («Coinvolte») or the action («Partecipazione a») before it."""
    first, _, rest = whole.partition(" ")
    if rest and _PARTICIPLE.fullmatch(first) and not first[0].isdigit():
        return rest
    if (action := _ACTION.match(whole)) is not None:  # «Partecipazione a 4 candidature»: the count after the action
        return whole[action.end():]
    return whole


def _one_count(whole: str) -> bool:
    """Whether ``whole`` is one count («214 imprese», «7 (di cui …)»), a remark in brackets after it allowed."""
    aside = _ASIDE.fullmatch(whole)
    counted = aside.group("counts") if aside else whole
    counts = values.parse_counts(counted) if any(ch.isalpha() for ch in counted) else None
    try:
        return counts is not None and len(counts) == 1 or counts is None and values.parse_number(counted) is not None
    except ValueError:
        return False


def explained(text: str, note: Any = None) -> str:
    """How a value cell kept in ``valore_scritto`` (with the measure's note) was read, and how to write it so that
    nothing is guessed."""
    if sees_components(text):
        return ("rimanda alle componenti: il valore è calcolato da esse; per non lasciarlo dedurre, lasciare vuoto "
                "«valore» (o scriverci il risultato) e le componenti in «componenti»")
    if (letter := initial(text)) is not None:
        return f"letto come {letter}; per non lasciarlo dedurre, scrivere {letter} per intero"
    if (estimate := estimated(text)) is not None:
        return (f"è una stima: letto il numero {estimate} (o, con le componenti, il valore calcolato da esse), la stima è "
                "nella nota; per non lasciarlo dedurre, scrivere in «valore» il numero esatto")
    if is_estimate(text):
        return ("è una stima: il valore è calcolato dalle componenti, la stima è nella nota; per non lasciarlo dedurre, "
                "lasciare vuoto «valore» (o scriverci il risultato esatto)")
    if (answer := answer_remark(text)) is not None:
        return (f"letto come {answer[0]}, e «{answer[1]}» nella nota; per non lasciarlo dedurre, scrivere in «valore» "
                f"solo {answer[0]} e il resto in «nota»")
    if sees_note(text) and (noted := listed_in(note)) is not None:
        return (f"rimanda alla nota, che elenca le cose fatte: contate, «{noted}»; per non lasciarlo dedurre, scrivere in "
                "«valore» il numero e l'elenco in «nota»")
    if sees_note(text):
        return ("rimanda alla nota: il valore è vuoto e lo stato lo propone la lettura della nota, da confermare; per non "
                "lasciarlo dedurre, scrivere in «valore» il numero (o lasciarlo vuoto) e in «nota» il commento")
    if (figures := in_words(text)) is not None:
        return (f"il numero scritto in lettere letto come «{figures}»; per non lasciarlo dedurre, scrivere il numero in "
                "cifre")
    if (spelled := spelled_again(text)) != " ".join(text.split()):
        return (f"letto come «{spelled}» (il numero ripetuto in lettere tra parentesi); per non lasciarlo dedurre, "
                "scrivere il numero una volta sola, in cifre")
    text = count_in_figures(text)
    if (aside := aside_number(text)) is not None:
        return (f"letto il numero {aside[0]}, e «{aside[1]}» nella nota; per non lasciarlo dedurre, scrivere in «valore» "
                "solo il numero in cifre e il commento in «nota»")
    if (valued := value_aside(text)) is not None:
        return (f"letto il valore {valued[0]}, e «{valued[1]}» nella nota; per non lasciarlo dedurre, scrivere in "
                "«valore» solo il valore e il commento in «nota»")
    if (added := plus_not_done(text)) is not None:
        return (f"letto il conteggio «{added[0]}», e «{added[1]}» (non ancora fatti) nella nota; per non lasciarlo "
                "dedurre, scrivere in «valore» solo il numero fatto e il resto in «nota»")
    if (counts := noun_first(text)) is not None:
        return (f"letti i conteggi «{counts}» (ogni numero dopo il suo nome); per non lasciarlo dedurre, scrivere in "
                "«valore» ogni numero prima del suo nome («7 seminari, 190 partecipanti»)")
    if (summed := per_label(text)) is not None:
        return (f"sommati i numeri delle voci: {summed}; per non lasciarlo dedurre, scrivere in «valore» il totale e "
                "il dettaglio in «nota»")
    if (summed := per_place(text)) is not None:
        return (f"sommati i conteggi per sede: {summed}; per non lasciarlo dedurre, scrivere in «valore» il totale e il "
                "dettaglio in «nota»")
    if (items := numbered(text)) is not None:
        return (f"contate le voci dell'elenco numerato: {items}; per non lasciarlo dedurre, scrivere in «valore» il "
                "numero e l'elenco in «nota»")
    if (summed := per_item(text)) is not None:
        return (f"sommati i numeri tra parentesi: {summed}; per non lasciarlo dedurre, scrivere in «valore» il totale e "
                "il dettaglio in «nota»")
    if (figures := all_of(text)) is not None:
        return f"letto come «{figures}» (tutte le unità); per non lasciarlo dedurre, scrivere il numero in cifre"
    if _ALL_ALONE.fullmatch(" ".join(text.split())):
        return ("letto come il totale delle unità da coprire (tutte); per non lasciarlo dedurre, scrivere in «valore» il "
                "numero delle unità coperte")
    if (excluded := all_but(text)) is not None:
        return (f"tutte le unità tranne {excluded}: il valore è il totale delle unità da coprire meno {excluded}; per non "
                "lasciarlo dedurre, scrivere in «valore» il numero delle unità coperte e in «nota» quelle mancanti")
    if (period := period_count(text)) is not None:
        return (f"letto il numero {period[0]}, e «{period[1]}» nella nota; per non lasciarlo dedurre, scrivere in «valore» "
                "solo il numero in cifre e il periodo in «nota»")
    if (share := progress(text)) is not None:
        return (f"letto come avanzamento del {str(share).replace('.', ',')}%; "
                "per non lasciarlo dedurre, lasciare vuoto «valore» e scrivere il numero in «avanzamento»")
    if (stated := state_progress(text)) is not None:
        return (f"letto come stato «{stated[0]}» con avanzamento del {str(stated[1]).replace('.', ',')}%; per non lasciarlo "
                "dedurre, lasciare vuoto «valore», scrivere lo stato in «nota» e il numero in «avanzamento»")
    if (parts := with_part(text)) is not None:
        return (f"letto il conteggio «{parts[0]}», e «{parts[1]}» nella nota; per non lasciarlo dedurre, scrivere in "
                "«valore» solo il numero che il target chiede e la parte in «nota»")
    if (acted := acted_count(text)) is not None:
        return (f"letto il conteggio «{acted[0]}»" + (f", e «{acted[1]}» nella nota" if acted[1] else "") + "; per non "
                "lasciarlo dedurre, scrivere in «valore» solo il numero e il commento in «nota»")
    if (several := acted_counts(text)) is not None:
        return (f"letti i conteggi «{several[0]}», e «{several[1]}» nella nota; per non lasciarlo dedurre, scrivere in "
                "«valore» solo il numero che il target chiede e il resto in «nota»")
    if (listed := enumerated(text)) is not None:
        return (f"contati gli elementi elencati: «{listed[0]}»; per non lasciarlo dedurre, scrivere in «valore» il "
                "numero e l'elenco in «nota»")
    if (units := listed_units(text)) is not None:
        return (f"contati gli elementi elencati: «{units}»; per non lasciarlo dedurre, scrivere in «valore» il numero e "
                "l'elenco in «nota»")
    if (alternatives := labelled(text)) is not None:
        return (f"letto il primo valore ({alternatives[0][0]}), la cella intera è nella nota; per non lasciarlo dedurre, "
                "scrivere in «valore» solo il valore che il target chiede e gli altri in «nota»")
    if (read := out_of(text)) is not None:
        return (f"letto come {read[0]} su un totale di {read[1]}; per non lasciarlo dedurre, scrivere {read[0]} in "
                f"«valore» e {read[1]} in «totale»")
    if (remarked := out_of_remarked(text)) is not None:
        return (f"letto come {remarked[0]} su un totale di {remarked[1]}, e «{remarked[2]}» nella nota; per non lasciarlo "
                f"dedurre, scrivere {remarked[0]} in «valore», {remarked[1]} in «totale» e il commento in «nota»")
    if (split := head_remark(text)) is not None and _head({"valore": split[0]}, "valore", *split, text) is not None:
        return (f"letto il valore di «{split[0]}», e «{split[1]}» nella nota; per non lasciarlo dedurre, scrivere in "
                "«valore» solo il numero e il commento in «nota»")
    if (apart := counts_apart(text)) is not None:
        return (f"letti i conteggi «{apart[0]}», le osservazioni nella nota; per non lasciarlo dedurre, scrivere in "
                "«valore» solo il numero che il target chiede e il resto in «nota»")
    if _counted(text) and any(ch.isdigit() for ch in text):  # «quattro tirocini (…)», in figures above
        return (f"letto come «{text}» (il numero in cifre); per non lasciarlo dedurre, scrivere in «valore» solo il "
                "numero in cifre e il commento in «nota»")
    return ("non è un valore: letto come inizio della nota, e lo stato lo propone la lettura della nota, da confermare; "
            "per non lasciarlo dedurre, lasciare vuoto «valore» e scrivere lo stato in «nota» (o il giudizio in "
            "«giudizio», l'avanzamento in «avanzamento», la data in «completato_il»)")


def read_cell(data: dict[str, Any]) -> dict[str, Any]:
    """A measure's fields with a value cell written with its scale, with «n.», pointing to the note, as a count in
    words, as a progress, as several labelled values, as done out of a total, as a sentence or a state in words
    rewritten: the amount in euro; the count; no value; the count in figures; the progress and no value; the first
    labelled value, the cell (all its values) going to the note; the value and the total; the sentence or state in the
    note, before what the note says. The guesses keep the cell in ``valore_scritto``."""
    data = _total_in_words(_components_in_words(_sentence_components(data)))
    key = "valore" if "valore" in data else "value"
    raw = data.get(key)
    if not isinstance(raw, str) or values.is_null(raw):
        return data
    if not any(ch.isalpha() for ch in raw):
        return _slashed(data, key, raw)
    if (amount := scaled(raw)) is not None:
        return {**data, key: amount}
    if _NUMBERED.match(raw.strip()):  # «n. 12 referenti»: the count
        data = {**data, key: _NUMBERED.sub("", raw.strip(), count=1)}
        raw = data[key]
    note_key = "nota" if "nota" in data or "note" not in data else "note"
    note = data.get(note_key)
    cell = " ".join(raw.split())
    kept = {"valore_scritto" if key == "valore" else "written": cell}
    if sees_components(raw) and (data.get("componenti") or data.get("components")):  # computed from the components
        return {**data, key: None, **kept}
    if is_estimate(raw) and (data.get("componenti") or data.get("components")):  # «88% circa»: from the components
        said = f"stima scritta nel valore: «{cell}»"
        return {**data, key: None, note_key: f"{note} ({said})" if note else f"({said})", **kept}
    if (answer := answer_remark(raw)) is not None:  # «SI - del. 88/2025»: SI, the remark noted
        return {**data, key: answer[0], note_key: f"{note} ({answer[1]})" if note else f"({answer[1]})", **kept}
    if (letter := initial(raw)) is not None:  # «N»: NO
        return {**data, key: letter, **kept}
    if sees_note(raw):  # «vedi nota»: the note says what there is, maybe the things done one by one
        return {**data, key: listed_in(note), **kept}
    if (figures := in_words(raw)) is not None:
        return {**data, key: figures, **kept}
    if (spelled := spelled_again(raw)) != cell and len(values.parse_counts(spelled) or ()) == 1:
        return {**data, key: spelled, **kept}  # «31 (trentuno) contributi»: the count
    raw = count_in_figures(raw)  # «Realizzati cinque seminari (…)»: the count in figures for the readings below
    if (aside := aside_number(raw)) is not None:  # «sei (gennaio-giugno)»: the number, the remark noted
        return {**data, key: aside[0], note_key: f"{note} {aside[1]}" if note else aside[1], **kept}
    if (valued := value_aside(raw)) is not None:  # «€ 118.400,00 (liquidati)»: the value, the remark noted
        return {**data, key: valued[0], note_key: f"{note} {valued[1]}" if note else valued[1], **kept}
    if (added := plus_not_done(raw)) is not None and (headed := _head(data, key, *added, cell)) is not None:
        return headed  # «5 seminari + 1 rinviato», «2 piani su 3 + archivio da fare»: what is done, the rest noted
    if (summed := per_item(raw)) is not None:  # «IIS Fermi (2), Liceo Bellini (1)»: the sum, the cell noted
        return {**data, key: summed, note_key: _before(cell, note), **kept}
    if (counts := noun_first(raw)) is not None:  # «seminari: 7 — partecipanti 190»: 7 seminari, 190 partecipanti
        return {**data, key: counts, **kept}
    if (summed := per_label(raw)) is not None and not (data.get("componenti") or data.get("components")):
        return {**data, key: summed, note_key: _before(cell, note), **kept}  # «SELFI4.0: 22 - …»: the sum, the cell noted
    if (summed := per_place(raw)) is not None:  # «2 a Cuneo, 1 a Mondovì»: the sum, the cell noted
        return {**data, key: summed, note_key: _before(cell, note), **kept}
    if (items := numbered(raw)) is not None:  # «1) …; 2) …; 3) …»: the items counted, the list noted
        return {**data, key: items, note_key: _before(cell, note), **kept}
    if (figures := all_of(raw)) is not None:  # «tutti e sei gli uffici»: 6 uffici
        return {**data, key: figures, **kept}
    if (excluded := all_but(raw)) is not None:  # «tutte tranne Confesercenti»: the total less those named
        total = data.get("totale", data.get("total"))
        number = values.parse_number(total) - excluded if total is not None and not values.is_null(str(total)) else None
        return {**data, key: number, **kept}
    if _ALL_ALONE.fullmatch(cell) and (total := data.get("totale", data.get("total"))) is not None \
            and not values.is_null(str(total)):  # «tutti» beside the total: all of them
        return {**data, key: total, **kept}
    if (period := period_count(raw)) is not None:  # «gen.-giu.: 22», «ca. 300 nel I trim.»: the count, the period noted
        return {**data, key: period[0], note_key: f"{note} ({period[1]})" if note else f"({period[1]})", **kept}
    if (share := progress(raw)) is not None:
        return {**data, key: None, **_progress(data, share, cell), **kept}
    if (stated := state_progress(raw)) is not None:
        return {**data, key: None, note_key: _before(stated[0], note), **_progress(data, stated[1], cell), **kept}
    if (parts := with_part(raw)) is not None:
        return {**data, key: parts[0], note_key: f"{note} ({parts[1]})" if note else f"({parts[1]})", **kept}
    if (acted := acted_count(raw)) is not None:  # «Realizzati 2 eventi (aprile e giugno)»: the count, the rest noted
        remark = acted[1]
        return {**data, key: acted[0], **({note_key: f"{note} {remark}" if note else remark} if remark else {}), **kept}
    if (several := acted_counts(raw)) is not None:  # «Realizzate 2 campagne (…) e 1 convegno con …»: the counts
        return {**data, key: several[0], note_key: f"{note} ({several[1]})" if note else f"({several[1]})", **kept}
    if (listed := enumerated(raw)) is not None:  # «Pubblicate le note di gennaio, aprile e luglio»: 3 note
        remark = listed[1]
        return {**data, key: listed[0], **({note_key: f"{remark.rstrip('.')}; {note}" if note else remark} if remark else {}), **kept}
    if (units := listed_units(raw)) is not None:  # «riunioni del 15/01, 26/02 e 20/03», «Gela, Niscemi, Riesi»: 3
        return {**data, key: units, **kept}
    if (alternatives := labelled(raw)) is not None:
        first = alternatives[0][0]
        written = f"letto il primo valore di «{cell}»"
        return {**data, key: first, note_key: f"{note} ({written})" if note else f"({written})", **kept}
    if (read := out_of(raw)) is not None:
        return {**data, key: read[0], **_total(data, read[1], cell), **kept}
    if (remarked := out_of_remarked(raw)) is not None:  # «5/5 - ultimo audit il 19/12»: done, the total, the remark noted
        done, total, remark = remarked
        return {**data, key: done, **_total(data, total, cell), note_key: _before(remark, note), **kept}
    if (split := head_remark(raw)) is not None and (headed := _head(data, key, *split, cell)) is not None:
        return headed  # «un report (luglio); il secondo uscirà a febbraio»: the count, the rest noted
    if (apart := counts_apart(raw)) is not None:  # «3 seminari (12/3, 16/4), 186 partecipanti»: the counts, asides noted
        return {**data, key: apart[0], note_key: _before(apart[1], note), **kept}
    if (estimate := estimated(raw)) is not None:  # «circa 110»: the number, the estimate said in the note
        said = f"stima scritta nel valore: «{cell}»"
        return {**data, key: estimate, note_key: f"{note} ({said})" if note else f"({said})", **kept}
    if values.parse_counts(raw) is None and (is_sentence(raw) or is_state(raw)):
        return {**data, key: None, note_key: _before(cell, note), **kept}
    if raw != cell and _counted(raw):  # «quattro tirocini attivati (uno interrotto …)»: the count in figures
        return {**data, key: raw, **kept}
    return data


def _counted(text: str) -> bool:
    """Whether a cell reads as counts with their nouns, maybe with a remark in brackets («4 tirocini (uno …)»)."""
    aside = _ASIDE.fullmatch(text)
    return values.parse_counts(aside.group("counts") if aside else text) is not None


# Brackets holding a remark; what joins two counts: «+», «, per un totale di», «, per complessivi».
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_COUNTS_JOIN = re.compile(r"\s*(?:\+|,\s*(?:per\s+un\s+totale\s+di|per\s+complessiv[ie]|in\s+tutto))\s*", re.IGNORECASE)


def counts_apart(text: str) -> tuple[str, str] | None:
    """Several counts, each with its noun, with remarks in brackets between them or joined by «+» or «per un totale
    di» («3 seminari (12/3, 16/4 e 28/5), 186 partecipanti», «3 webinar (…) + 1 convegno (12/12)», «38 distributori, per
    un totale di 171 strumenti»): the counts («3 seminari, 186 partecipanti»), the remarks for the note; None otherwise
    (one count with its remark is read elsewhere)."""
    asides = [match.group().strip() for match in _BRACKETED.finditer(text)]
    rest = _COUNTS_JOIN.sub(", ", _BRACKETED.sub("", text)).strip()
    if not asides and "+" in text or text.strip() == rest \
            or len(values.parse_counts(rest) or ()) < 2:  # «6 iniziative + 88 imprese»: left to the components
        return None
    return rest, " ".join(asides) or text


_COUNT_ESTIMATE = re.compile(r"(?:circa|ca\.|~)\s*(?P<number>\d[\d.,]*)|(?P<after>\d[\d.,]*)\s*(?:circa|ca\.)", re.IGNORECASE)


def estimated(text: str) -> str | None:
    """A count written as an estimate, without components («circa 110», «ca. 310», «~ 40»): the number; None otherwise
    (a percentage, «20% circa», says how far an activity is, and a unit, «4,4 gg ca.», a computed value: errors)."""
    match = _COUNT_ESTIMATE.fullmatch(" ".join(text.split()))
    return (match.group("number") or match.group("after")) if match else None


def _head(data: dict[str, Any], key: str, head: str, remark: str, cell: str) -> dict[str, Any] | None:
    """The measure with the head of its value cell read as a cell of its own, and the remark after it in the note (the
    whole cell kept in ``valore_scritto``); None unless the head reads as one number or one count."""
    read = read_cell({**data, key: head})
    value = read.get(key)
    if value is None or isinstance(value, str) and not _one_count(value):
        return None
    note_key = "nota" if "nota" in read or "note" not in read else "note"
    note = read.get(note_key)
    return {**read, key: value, note_key: f"{note} ({remark})" if note else f"({remark})",
            "valore_scritto" if key == "valore" else "written": cell}


def _total_in_words(data: dict[str, Any]) -> dict[str, Any]:
    """A total written with what it counts («312 provvedimenti», «312 provvedimenti su 312», all done): the number,
    and the cell in the note; other totals as they are (what is done is written in «valore»)."""
    key = "totale" if "totale" in data or "total" not in data else "total"
    raw = data.get(key)
    if not isinstance(raw, str) or not any(ch.isalpha() for ch in raw) or values.is_null(raw):
        return data
    counts = values.parse_counts(raw)
    read = out_of(raw)
    if counts is not None and len(counts) == 1:
        total = counts[0][0]
    elif (figures := in_words(raw)) is not None and values.parse_counts(figures) is None:  # «ventidue»: 22
        total = values.parse_number(figures)
    elif read is not None and values.parse_number(read[0]) == values.parse_number(read[1]):
        total = values.parse_number(read[1])
    elif (aside := aside_number(raw)) is not None:  # «38 (comuni aderenti)»: the number, the remark noted
        total = Decimal(aside[0])
    else:
        return data
    note_key = "nota" if "nota" in data or "note" not in data else "note"
    note = data.get(note_key)
    said = f"totale letto da «{' '.join(raw.split())}»"
    return {**data, key: total, note_key: f"{note} ({said})" if note else f"({said})"}


def _sentence_components(data: dict[str, Any]) -> dict[str, Any]:
    """Components written as a sentence without a number («dato disponibile a consuntivo»): no component, and the
    sentence in the note with its component («oneri di funzionamento: dato disponibile a consuntivo»)."""
    key = "componenti" if "componenti" in data else "components"
    given = data.get(key)
    if not isinstance(given, dict):
        return data
    said = {label: " ".join(raw.split()) for label, raw in given.items() if isinstance(raw, str)
            and not any(ch.isdigit() for ch in raw) and not values.is_null(raw) and is_sentence(raw)}
    if not said:
        return data
    note_key = "nota" if "nota" in data or "note" not in data else "note"
    note = data.get(note_key)
    remark = "; ".join(f"{str(label).strip()}: {text}" for label, text in said.items())
    return {**data, key: {label: (None if label in said else raw) for label, raw in given.items()},
            note_key: f"{note} ({remark})" if note else f"({remark})"}


def _components_in_words(data: dict[str, Any]) -> dict[str, Any]:
    """Components written as a number in words, alone («quattrocentotrenta»): the number, and how it was read in the
    note («fatture ricevute: 430 da «quattrocentotrenta»»); other components as they are."""
    key = "componenti" if "componenti" in data else "components"
    given = data.get(key)
    if not isinstance(given, dict):
        return data
    read = {label: number for label, raw in given.items() if isinstance(raw, str)
            and (number := _NUMBER_WORDS.get(" ".join(raw.split()).lower())) is not None}
    if not read:
        return data
    note_key = "nota" if "nota" in data or "note" not in data else "note"
    note = data.get(note_key)
    said = "; ".join(f"{str(label).strip()}: {number} da «{' '.join(given[label].split())}»" for label, number in read.items())
    return {**data, key: {**given, **read}, note_key: f"{note} (componenti in lettere: {said})" if note
            else f"(componenti in lettere: {said})"}


def _slashed(data: dict[str, Any], key: str, raw: str) -> dict[str, Any]:
    """«5/5»: the value and the total, the cell kept in ``valore_scritto``; other cells without words as they are."""
    cell = " ".join(raw.split())
    if _SLASHED.fullmatch(cell) is None or (read := out_of(cell)) is None:
        return data
    return {**data, key: read[0], **_total(data, read[1], cell), "valore_scritto" if key == "valore" else "written": cell}


def _before(cell: str, note: Any) -> str:
    """The note with the value cell's words at its beginning, unless it already begins with them («Impianto installato»
    and «Impianto installato a maggio; …»). No stop is added: «Attivato lo sportello … il 14 aprile» keeps the date in
    the sentence of the state."""
    if not note:
        return cell
    if str(note).casefold().startswith(cell.casefold()):
        return str(note)
    return f"{cell} {note}"


def _total(data: dict[str, Any], total: str, cell: str) -> dict[str, Any]:
    """The total of «41 processi su 44», unless the measure gives another one."""
    return _once(data, ("totale", "total"), total, f"«{values.shorten(cell)}» dà il totale {total}",
                 "scrivere il totale una volta sola, in «totale»")


def _progress(data: dict[str, Any], share: Decimal, cell: str) -> dict[str, Any]:
    """The progress of «Sviluppo al 60%», unless the measure gives another one."""
    return _once(data, ("avanzamento", "progress"), share, f"«{values.shorten(cell)}» dà l'avanzamento {share}%",
                 "scriverlo una volta sola, in «avanzamento»")


def _once(data: dict[str, Any], keys: tuple[str, str], read: Any, said: str, fix: str) -> dict[str, Any]:
    """``read`` for the field ``keys`` (Italian name, English name); an error when the measure gives another value."""
    key = keys[0] if keys[0] in data or keys[1] not in data else keys[1]
    given = data.get(key)
    if given is not None and not values.is_null(str(given)):
        try:
            same = values.parse_number(given) == values.parse_number(read)
        except ValueError:
            same = False
        if not same:
            raise ValueError(f"{said}, diverso da «{keys[0]}» ({given}): {fix}")
    return {key: read}
