"""Reading progress cues in a measure's note («Affidatario individuato; progettazione in corso»).

The cue lexicon is data (``rules/note.yaml``). The reading is a *proposal*: a phase of
the activity, a rough progress and the words that justify it. The rules of
``stato.yaml`` decide what status a phase proposes (fact ``lettura_nota``), and a
person confirms or corrects it in the review journal.
"""

from __future__ import annotations

import calendar
import copy
import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from piao_rules import format_it, values
from piao_rules.errors import Problem
from piao_rules.io.checks import Subject
from piao_rules.number import Number
from piao_rules.targets.counted import counts_noun, one_thing
from piao_rules.targets.parser import TargetError, event_deadline, parse_target

PHASES = ("sospesa", "bloccata", "non_avviata", "rinviata", "programmata", "in_corso", "avviata", "completata")
# A percentage written in the note: «(20%)», «pari al 30% circa», «avanzamento 40 %».
_PERCENT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d+)?)\s*%")
# A percentage of people («71% del personale», «il 40% dei dipendenti»): a rate of answers or attendance.
_OF_PEOPLE = re.compile(r"\s+(?:del|dei|degli|delle)\s+(?:personale|dipendenti|intervistati|destinatari|partecipanti|"
                        r"utenti|iscritti|rispondenti|aventi\s+diritto|invitati|convocati)(?!\w)", re.IGNORECASE)
_PROGRESS_WORDS = re.compile(r"avanzament|realizzat|complet|pari al|circa|\(\s*\d", re.IGNORECASE)
_NEGATION_WINDOW = 3  # words before a cue in which a negation counts (fillers of note.yaml not counted)
# Partial completion written with numbers: «2 commissioni su 4», «14 processi sui 20», «3 dei 5 moduli».
_FRACTION = re.compile(
    r"(?<![\d,.])(\d{1,4})\s+(?:(?:[^\W\d_]+\s+){0,3}?su(?:i|gli|lle|l)?|de(?:i|gli|lle))\s+(\d{1,4})(?!\d|[,.]\d)"
)
# The dot of an abbreviation before a number or another abbreviation («n. 7», «delib. n. 118», «art. 5», «d.lgs. 33»).
_ABBREVIATION = re.compile(r"(?<!\w)(?:n|nr|num|art|artt|prot|delib|det|l|d\.\s?lgs|dpr|pag|cap|par)\.(?=\s*(?:\d|n\b|nr\b))")
_NEGATED_CUE = re.compile(r"non\s")
_EARLIER_STEP = re.compile(r"(?<!\w)dopo\s+(?:il|lo|la|l'|i|gli|le)\s*$")  # «dopo la raccolta …»: a step that came before
_BEFORE_COMPLETION = re.compile(r"(?:\s+(?:gia|state|stati|anch'?ess[ei]|tutte|tutti))*\s+")
_STEP_GAP = r"(?:\s+[^\W\d_]{1,6}'?){0,3}\s*"  # up to three short words between «in attesa» and the step
# A month named as when something happens («il secondo evento è a novembre», «entro ottobre», «da settembre»):
# in the calendar when the month is still to come at the monitoring date.
_MONTH = re.compile(
    r"(?<!\w)(?:a|ad|in|entro|per|tra|fra|dopo|da|nel mese di)\s+(?:(?:inizio|fine|meta)\s+)?"  # on the folded note
    r"(?P<month>" + "|".join(values.MONTHS) + r")(?!\s+(?:scorso|passato))(?!\w)"
)
# A clause told in the past («i programmi sono arrivati a luglio», «è stato pubblicato a luglio»): its month is gone.
_PAST = re.compile(r"(?<!\w)(?:e|sono|ha|hanno)\s+(?:stat[oaie]\s+)?[^\W\d_]{3,}(?:at|ut|it)[oaie](?!\w)")
# The month right after a calendar word («previsto a maggio», «fissata per il 14 maggio»): gone, it is no calendar.
_MONTH_AFTER = re.compile(
    r"\s*(?:il\s+\d{1,2}(?:°|o)?\s+|(?:inizio|fine|meta)\s+)?(?P<month>" + "|".join(values.MONTHS) + r")(?!\w)"
)
# An article and a word right after a participle name its object («Avviato il confronto», «avviata l'analisi»);
# an article before a number is a date («avviato il 3 marzo»).
_OBJECT_AFTER = re.compile(r"\s+(?:il|lo|la|l'|i|gli|le|un|una|uno|un')\s*(?P<word>[^\W\d_]{3,})")
# What a completion is said of, right after it: an article and a word, or a count and its noun («sono stati erogati 3 corsi
# su appalti», «svolte due edizioni del corso», «attivata la pagina LinkedIn»).
_SAID_OF = re.compile(r"\s+(?:(?:il|lo|la|l'|i|gli|le|un|una|uno|un')\s*|(?:\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci)"
                      r"\s+)(?P<word>[^\W\d_]{3,})")
# What an act is of («la revisione della modulistica»).
_OF_WHAT = re.compile(r"\s+(?:di|del|della|dello|dei|degli|delle|dell')\s*(?P<word>[^\W\d_]{3,})")
# Words of a milestone that do not name its object («Avvio del servizio entro il …»).
_NOT_OBJECT = frozenset({"entro", "della", "delle", "dello", "degli", "nella", "nelle", "nello", "negli", "dalla", "dalle",
                         "sulla", "sulle", "presso", "tramite", "anche", "nuovo", "nuova", "nuovi", "nuove"})
# A sentence the note itself says is beyond the target («una versione stampata, non prevista dall'obiettivo, che sarà
# pronta in estate»): its words tell nothing of the target's phase.
_BEYOND_TARGET = re.compile(r"(?<!\w)(?:non\s+(?:previst|richiest)[oaie]\s+(?:dall'|dal\s+|dalla\s+)|fuori\s+(?:dall'|dal\s+))"
                            r"(?:obiettivo|target|indicatore|piano)(?!\w)")
# «in corso» said of a period or of what is in force («l'anno in corso», «il certificato in corso», «in corso di validità»).
_CURRENT = re.compile(r"(?<!\w)(?:anno|esercizio|mese|semestre|trimestre|periodo|certificato|contratto|abbonamento)\s+in\s+corso(?!\w)"
                      r"|(?<!\w)in\s+corso\s+di\s+validita(?!\w)")
# A postponement with what is moved (or who moved it) between the participle and its new date («ha riprogrammato il
# passaggio al 30 aprile 2025», «è stato spostato dall'organismo stesso a febbraio 2026»), up to the preposition.
_MOVED_WITH_OBJECT = re.compile(r"(?<!\w)(?:spostat|riprogrammat|posticipat|rinviat)[oaie](?:\s+[^\W\d_]+(?:'[^\W\d_]+)?){1,4}?"
                                r"(?=\s+(?:a|ad|al|alla|all')\s*(?:\d|(?:" + "|".join(values.MONTHS) + r")(?!\w)))")
# What can happen only after something else («la firma potrà avvenire solo dopo quell'atto»): it depends on it, a block.
_ONLY_AFTER = re.compile(r"(?<!\w)(?:potra|potranno|puo|possono)\s+(?:[^\W\d_]+\s+){0,3}?(?:solo|soltanto)\s+dopo(?!\w)")
_PARTICIPLE_BEFORE = re.compile(r"(?<!\w)[^\W\d_]{3,}(?:at|ut|it)[oaie]\s+$")  # «ricevuti a luglio»
# A month shortened with its dot after a day («5 nov. 2024», «12 sett.»): the dot is folded into «_», which ends no clause.
_SHORT_MONTHS = {"gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "sett": 9,
                 "ott": 10, "nov": 11, "dic": 12}
_SHORT_MONTH_DOT = re.compile(r"(?<=\d\s)(?:" + "|".join(sorted(_SHORT_MONTHS, key=len, reverse=True)) + r")\.")
# The day a completion happened, in its clause: «terminati il 22 luglio», «trasmessa il 28/06», «il 3 giugno 2022»,
# «il 5 nov. 2024».
_DAY = re.compile(
    r"(?<![\w/.,])(?P<day>\d{1,2})(?:°|o)?(?:\s+(?:(?P<month>" + "|".join(values.MONTHS) + r")|(?P<short>"
    + "|".join(sorted(_SHORT_MONTHS, key=len, reverse=True)) + r")_)(?:\s+(?P<year>\d{4}))?"
    r"|/(?P<mm>\d{1,2})(?:/(?P<yy>\d{4}|\d{2}))?)(?![\w/])"
)
# A day written with dashes or dots and its year («17-11-2025», «12.09.22»): read as «17/11/2025» (not «1.500», «3-4»).
_DASHED_DAY = re.compile(r"(?<![\w.,/-])(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[.,-]\d)")

# The phases of an activity not under way whose note may give the new day in its calendar («rinviato al 19 ottobre»,
# «riprenderà il 5 settembre», «corso calendarizzato il 7 e 8 novembre»).
_REPLANNED = frozenset({"rinviata", "sospesa", "non_avviata"})

# The words between a postponement and the day it moves the activity to («rinviato al 19 ottobre», «slittata al 15»).
# The cue may end with it («spostato al»); a weekday may come before the day («spostata a venerdì 18 settembre») and a
# span of days is read at its last day («spostata al 22-24 settembre»).
_MOVED_TO = re.compile(r"\s+(?:(?:a|al|all'|alla|ad|per il|il)\s*)?(?:(?:lunedi|martedi|mercoledi|giovedi|venerdi|sabato|"
                       r"domenica)\s+)?(?:\d{1,2}\s*[-–]\s*)?(?=\d)")

# Before a calendar word, «ancora» stands between the negation and the verb («che non è ancora stata calendarizzata»):
# not counted in the few words where the negation is looked for.
_NOT_YET = frozenset({"ancora"})

# A hold-up told in the pluperfect («la seduta del 27 marzo era stata annullata», «i lavori erano stati sospesi»)
# happened before what the note tells done: when the note tells the act done, the hold-up is past.
_HOLD_UPS = frozenset({"sospesa", "bloccata", "rinviata"})
_PLUPERFECT = re.compile(r"(?<!\w)(?:era|erano)\s+(?:stat[oaie]\s+)?$")

# The act a milestone asks for, as its first word («Pubblicazione del Rapporto», «Integrazione … e asseverazione …»),
# told as having happened in the note («la pubblicazione sul sito è avvenuta il 9 gennaio», «l'asseverazione … è
# pervenuta il 22 luglio», «Documento di validazione dell'OIV pervenuto il 4 luglio»): the participle completes that act
# (on the folded note, ``{act}`` the act's noun).
_ACT_HAPPENED = r"(?<!\w){act}(?!\w)[^;:.]*?\s(?:(?:e|sono)\s+(?:stat[oaie]\s+)?)?(?P<done>(?:avvenut|pervenut|arrivat|intervenut)[oaie])(?!\w)"

# A month, or part of one, named as when something was done when its clause names no day (on the folded note):
# «approvato a ottobre», «attivato a metà aprile», «nel mese di luglio 2024», «all'inizio di maggio»; «entro settembre»
# says only by when.
_MONTH_DONE = re.compile(
    r"(?<!\w)(?:(?P<by>entro(?:\s+(?:il\s+mese\s+di|la\s+fine\s+di|fine))?)|(?:a|ad|in|nel(?:\s+(?:mese|corso)\s+di)?|all['’]|"
    r"alla|agli|ai)(?:\s*(?P<part>inizio|inizi|primi|meta|fine)(?:\s+(?:di|del\s+mese\s+di))?)?)\s+"
    r"(?P<month>" + "|".join(values.MONTHS) + r")(?:\s+(?:del\s+)?(?P<year>(?:19|20)\d\d))?(?![\w/])"
)
# The days of a part of a month: «inizio» the first ten, «metà» the next ten, «fine» the rest.
_PARTS = {"inizio": (1, 10), "inizi": (1, 10), "primi": (1, 10), "meta": (11, 20), "fine": (21, 31)}

# A later year named after a postponement (on the folded note): «a febbraio 2022», «al 2023», «all'edizione 2021»,
# «al prossimo anno», «al primo semestre 2026», «alla primavera 2021», «al 30 aprile 2024»; not a day in figures
# («del 12/07/2022»).
_LATER = re.compile(
    r"(?<!\w)(?:a|ad|al|alla|all'|allo|nel|nell'|entro|entro il|per il|fino al|oltre il|dopo il|prima di|prima del|di|"
    r"(?:l')?edizione|anno|esercizio)\s+(?P<when>(?:(?:inizio|fine|meta)\s+)?(?:(?:(?:primo|secondo|terzo|quarto|i|ii|iii|iv)"
    r"\s+(?:semestre|trimestre|quadrimestre)|primavera|estate|autunno|inverno)\s+(?:del\s+)?)?(?:(?:\d{1,2}(?:°|o)?\s+)?(?P<month>" + "|".join(values.MONTHS)
    + r")\s+)?(?P<year>(?:19|20)\d\d)(?![\d/])|(?P<next>prossimo\s+anno|anno\s+prossimo|prossimo\s+esercizio))"
)

# What the note says is not possible within the year: «non sarà possibile effettuare i sopralluoghi entro l'anno», «non
# si riuscirà a chiudere entro fine anno» (on the folded note): put off to the next year. Not a forecast of a delay
# («la mappatura non sarà completata entro l'anno», labelled a rischio).
_NOT_THIS_YEAR = re.compile(
    r"(?<!\w)non\s+(?:sara\s+(?:piu\s+)?possibile|e\s+(?:piu\s+)?possibile|si\s+riuscira)(?!\w)[^.;]*?(?<!\w)"
    r"(?P<when>entro\s+(?:l'anno|fine\s+anno|"
    r"la\s+fine\s+dell'anno|il\s+31/12|il\s+31\s+dicembre))(?!\w)"
)

# A forecast between a delay and its year («stima la fine lavori a marzo 2024», «potrebbe slittare al 2025»).
_ESTIMATE = re.compile(r"(?<!\w)(?:stim[aeio]\w*|prevede|prevedono|potrebb\w+|probabil\w+|ipotizz\w+|forse|rischi[ao]?)(?!\w)")

# The note says the deadline cannot be met: «il termine del 30 giugno non potrà essere rispettato», «non sarà possibile
# rispettare la scadenza» (on the folded note). Not a forecast of a delay («la scadenza di ottobre non sarà rispettata»,
# labelled a rischio), as for _NOT_THIS_YEAR.
_DEADLINE_MISSED = re.compile(
    r"(?<!\w)non\s+(?:potra|potranno)\s+essere\s+rispettat[oaie](?!\w)"
    r"|(?<!\w)non\s+(?:sara|e)\s+(?:piu\s+)?possibile\s+rispettare(?!\w)"
    r"|(?<!\w)entro\s+(?:(?:il|la)\s+)?[^\s;,.]+(?:\s+[^\s;,.]+)?\s+non\s+(?:sara|e)\s+(?:quindi\s+)?(?:piu\s+)?possibile(?!\w)"
)

# The note says the act will not be done in the year at all: «la convenzione non sarà rinnovata per il 2026», «il quarto
# percorso non sarà realizzato nel 2024», «la quarta sala non potrà essere riallestita nel 2023» (on the folded note; the
# year is the monitoring date's). Not a forecast of a delay («la mappatura non sarà completata entro l'anno», labelled a
# rischio).
_NOT_IN_YEAR = re.compile(
    r"(?<!\w)non\s+(?:sara|saranno|verra|verranno|potra\s+essere|potranno\s+essere)\s+(?:piu\s+)?"
    r"[^\W\d_]+(?:at|ut|it|tt|ss|st)[oaie]\s+(?:nel|per\s+il)\s+(?P<year>(?:19|20)\d\d)(?![\d/])"
)

# The deadline the note itself names for what it tells done late: «oltre il termine del 31/07/2024», «dopo la scadenza
# del 30 giugno», «in ritardo rispetto al termine del 31/07».
_NOTE_DEADLINE = re.compile(
    r"(?<!\w)(?:oltre|dopo|rispetto\s+a)\s+(?:il|la|al|alla)\s+(?:termine|scadenza)(?:\s+(?:fissat|previst|stabilit)[oa])?"
    r"\s+(?:del|dell'|al|il)\s*(?=\d)"
)


# How many more the note puts in the calendar: «sono calendarizzati 3 eventi», «in programma altri 2 webinar»,
# «4 incontri già programmati per l'autunno», «circa 20 incontri in agenda» (on the folded note).
_CALENDAR_WORD = (r"(?:calendarizzat|programmat|in\s+programma|in\s+calendario|in\s+agenda|previst|pianificat|fissat|convocat)"
                  r"[oaie]?")
_SCHEDULED = (
    re.compile(_CALENDAR_WORD + r"(?:\s+[^\W\d_]{1,12}){0,3}?\s+(?P<n>\d{1,3})\s+(?:(?:solo|sola|soltanto)\s+)?"
               r"(?P<noun>[^\W\d_]{3,})"),
    re.compile(r"(?<![\w/.,])(?P<n>\d{1,3})\s+(?:(?:altri|altre|ulteriori)\s+)?(?P<noun>[^\W\d_]{3,})"
               r"(?:\s+(?:sono|gia|e|stati|state)){0,2}\s+" + _CALENDAR_WORD),
    # «altri 3 in calendario a ottobre»: the count without its noun is more of what the target counts
    re.compile(r"\b(?:altri|altre|ulteriori)\s+(?P<n>\d{1,3})(?P<noun>)(?:\s+(?:sono|gia|e|stati|state)){0,2}\s+"
               + _CALENDAR_WORD),
    # «in calendario da settembre i corsi …, per circa 420 ore complessive», «sono previste due collettive con 14 imprese
    # già iscritte», «in programma a ottobre i corsi sulla sicurezza (120 ore complessive)»: the total of what is in the
    # calendar, in the sentence of the calendar word
    re.compile(r"(?:" + _CALENDAR_WORD + r"|in\s+calendario)[^.;]*?(?:\b(?:per|con)\s+|\()(?:circa\s+)?(?P<n>\d{1,3}(?:\.\d{3})?)\s+"
               r"(?P<noun>[^\W\d_]{3,})\s+(?:complessiv[ie]|in\s+tutto|in\s+totale|gia\s+iscritt[ie])\b"),
    # «stimiamo circa 100 nuove iscrizioni», «(circa 60 domande istruite) sono previste per novembre»: the office's estimate
    # of what the rest of the year brings
    re.compile(r"\bstim(?:iamo|ano|a|at[oaie])\s+(?:circa\s+)?(?P<n>\d{1,3}(?:\.\d{3})?)\s+(?:(?:nuov|altr|ulterior)[ieoa]\s+)?"
               r"(?P<noun>[^\W\d_]{3,})"),
    re.compile(r"\bcirca\s+(?P<n>\d{1,3}(?:\.\d{3})?)\s+(?P<noun>[^\W\d_]{3,})[^.;]*?" + _CALENDAR_WORD),
    # «nel quarto trimestre potremo garantire circa 50 verifiche»: the office's estimate for the rest of the year, in the
    # sentence that names it
    re.compile(r"\b(?:(?:secondo|ii)\s+semestre|(?:terzo|quarto|ultimo|iii|iv)\s+trimestre)\b[^.;]*?\bcirca\s+"
               r"(?P<n>\d{1,3}(?:\.\d{3})?)\s+(?P<noun>[^\W\d_]{3,})"),
)
# What each item in the calendar brings, later in its sentence: «altri 2 webinar a novembre, 150 iscritti ciascuno»,
# «8 webinar, con una media attesa di 40 partecipanti ciascuno» (the calendar then holds 2 × 150, 8 × 40).
_EACH = re.compile(r"(?<![\w/.,])(?P<n>\d{1,3}(?:\.\d{3})?)\s+(?P<noun>[^\W\d_]{3,})\s+(?:\w+\s+){0,2}?ciascun[oa]\b")
# The note gives what the rest of the year will bring as the office's own estimate: «stimiamo circa 100 nuove
# iscrizioni», «circa 60 domande», «150 iscritti ciascuno», «una media attesa di 40 partecipanti» (on the folded note).
_ESTIMATE = re.compile(r"\b(?:stim(?:iamo|ano|a|at[oaie])|circa|ciascun[oa]|media\s+attesa)\b")


# What the calendar names by its months: «in calendario la nota di novembre», «previste le edizioni di ottobre e
# dicembre» (on the folded note).
_MONTH_NAME = "|".join(values.MONTHS)
_CALENDAR_MONTHS = re.compile(
    r"(?:" + _CALENDAR_WORD + r"|in\s+calendario)\s+(?:il|lo|la|l'|i|gli|le)\s*(?P<noun>[^\W\d_]{3,})\s+(?:di|del|a)\s+"
    rf"(?P<months>(?:{_MONTH_NAME})(?:\s*(?:,|e)\s*(?:{_MONTH_NAME}))*)(?!\w)")

# «non sono previste altre date», «non sono programmate ulteriori edizioni»: what follows a negated calendar word
# closes the calendar (nothing more will come), it puts nothing off.
# A participle told in the future earlier in the clause («il bando sarà approvato dalla Giunta … e pubblicato entro
# agosto»): the acts that follow it in the clause are still to come (on the folded note).
_FUTURE_ACT = re.compile(r"(?<!\w)(?:sara|saranno|verra|verranno)\s+(?:poi\s+)?[^\W\d_]+(?:at|ut|it)[oaie](?!\w)")

# A delay told as a cause, ending where its postponement cue ends («a seguito del ritardo nella», «per il ritardo»).
_DELAY_CAUSE = re.compile(r"(?<!\w)(?:a\s+seguito|a\s+causa|per\s+effetto|per|dovut[oaie]\s+a)\s+(?:del|dei|di|al|ai|il|i)?\s*"
                          r"ritard[oi](?:\s+nell\w*)?$")

_MORE = re.compile(r"\s+(?:altr[eiao]|ulterior[ei])\b")

# A count in words that says how many more («due ulteriori webinar», «altri tre incontri»), written as digits.
_MORE_IN_WORDS = re.compile(
    r"\b(?P<word>due|tre|quattro|cinque|sei|sette|otto|nove|dieci)(?=\s+(?:altr[ie]|ulteriori)\b)"
    r"|(?<=\b(?:altri|altre)\s)(?P<after>due|tre|quattro|cinque|sei|sette|otto|nove|dieci)\b")
_WORD_NUMBERS = {word: str(n) for n, word in enumerate("due tre quattro cinque sei sette otto nove dieci".split(), 2)}

# Who is already enrolled for what the calendar holds, summed over the sentence of a calendar word or a month:
# «il secondo modulo parte a settembre con 20 imprese già iscritte», «Anuga Colonia (ottobre, 12 imprese iscritte) e
# missione a Dubai (novembre, 15 adesioni)»; not a count per item («con 40 iscritti ciascuno»).
_ENROLLED = re.compile(r"(?<![\w/.,])(?P<n>\d{1,3})\s+(?:(?P<noun>[^\W\d_]{3,})\s+)?(?:gia\s+)?"
                       r"(?:iscritt[ieao]|adesioni|iscrizioni|ammess[ieao]|prenotat[ieao])\b(?!\s+(?:ciascun|per\s+ogni|a\s+testa))")
# Counts given month by month: «2 webinar a luglio, 3 a settembre, 2 a ottobre, 1 a novembre», «60 ispezioni a settembre
# e 50 tra ottobre e novembre».
_PER_MONTH = re.compile(r"(?<![\w/.,])(?P<n>\d{1,3})\s+(?:(?P<noun>[^\W\d_]{3,})\s+)?(?:a|ad|in|entro|tra|fra|da|nel\s+mese\s+di)\s+"
                        r"(?:" + "|".join(values.MONTHS) + r")\b")
_CALENDAR_SENTENCE = re.compile(_CALENDAR_WORD + r"|\b(?:" + "|".join(values.MONTHS) + r")\b")

# One more to come, said of the next one with a pronoun and a verb in the future: «quello del II trimestre uscirà a
# settembre», «quella di ottobre sarà pubblicata dopo l'estate» (on the folded note).
_ONE_TO_COME = re.compile(r"(?:quello|quella)\s+(?:del|della|dello|dell'|di)\b[^,]*?\b(?:sara|uscira|verra|si\s+terra)\b")

_RATE = re.compile(r"\s+(?:al|alla|a|ogni|per)\s+(?:mese|settimana|giorno|trimestre)(?!\w)")


# What the note lists after «in calendario:», one item per day written («fiera dei prodotti tipici del 12/10 e workshop
# del 20/11»), up to the end of the sentence; not a period («dal 12/10 al 20/11»).
# Also a calendar agreed with others, before its colon («Calendario concordato con gli Ordini: 6 luglio, 14 settembre e 12
# ottobre»), its days written with the month's name; and a resumption («Si riprende a settembre: modulo 1 il 10/10, …»).
_CALENDAR_LIST = re.compile(r"(?:in\s+calendario|in\s+programma|calendarizzat[oaie]|programmat[oaie]"
                            r"|\bcalendario\s+(?:concordat|fissat|definit|stabilit)o\b[^.;:]{0,80}?"
                            r"|\b(?:si\s+riprende|riprend(?:e|ono)|si\s+riparte|ripart(?:e|ono))\b[^.;:]{0,40}?)\s*:(?P<list>[^.;]*)")
_LISTED_DAY = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"
                         r"|(?<![\w/.,])\d{1,2}\s+(?:" + "|".join(values.MONTHS) + r")\b")
_PERIOD = re.compile(r"(?<!\w)(?:dal|dall')\s*\d")
# The days listed after a calendar word in its sentence, without a colon: «già convocati gli incontri del 6/10, 20/10,
# 10/11 e 1/12/2022»; two days at least (one is the date of a single step: «prevista per il 30/11»), not a period («tra il
# 12/10 e il 20/11»).
_CALENDAR_DAYS = re.compile(_CALENDAR_WORD + r"(?P<list>[^.;:]*)")
_SPAN = re.compile(r"(?<!\w)(?:dal|dall'|tra|fra)\s")


# The note says its calendar is all there will be: «sono previste solo le 12 strutture», «non sono previste ulteriori
# edizioni», «nessun altro evento in programma» (on the folded note).
_CLOSED_CALENDAR = re.compile(
    _CALENDAR_WORD + r"\s+(?:solo|soltanto|solamente|unicamente)\b"
    r"|\bnon\s+(?:sono|e)\s+" + _CALENDAR_WORD + r"\s+(?:altr|ulterior)|\bnessun[oa]?\s+altr[oa]\b"
)


# A budget use: resources spent, committed or paid over the resources budgeted («Risorse consuntivate / Risorse stanziate a
# budget», «>= 90% delle risorse stanziate»); in its note, an amount in euro («€ 230.000», «450.000 euro», «1,2 mln») or a
# commitment made («istruttoria conclusa», «graduatoria approvata», «impegnati i bandi»).
_BUDGET = re.compile(r"\bstanziat|\bbudget\b", re.IGNORECASE)
_AMOUNT = re.compile(r"€\s*\d|\d\s*(?:€|euro\b|mln\b|milioni\b|mila\b)", re.IGNORECASE)
_COMMITTED = re.compile(r"\b(?:conclus|approvat|impegnat|assegnat|concess|aggiudicat)[oaie]\b", re.IGNORECASE)


def uncommitted_budget(note: str, *texts: str | None) -> bool:
    """The indicator (its algorithm or target, ``texts``) measures the share of a budget used, and the note gives
    neither the amount still to be spent nor a commitment made («il bando è in istruttoria; le liquidazioni sono
    previste nel IV trimestre»)."""
    return (any(_BUDGET.search(text or "") for text in texts) and _AMOUNT.search(note) is None
            and _COMMITTED.search(note) is None)


# A calendar that names only the second half of the year: «altre partecipazioni a fiere sono previste nel secondo
# semestre», «nel II semestre è prevista la ripresa degli incontri» (on the folded note, counts in words in figures).
_HALF_YEAR = re.compile(r"(?<!\w)(?:secondo|ii)\s+semestre(?!\w)")
_DATED = re.compile(r"\d|\b(?:" + "|".join(values.MONTHS) + r")\b")


def vague_calendar(note: str) -> bool:
    """The note puts what is left in the second half of the year and says neither how many, nor a month, nor a day."""
    folded = _MORE_IN_WORDS.sub(lambda m: _WORD_NUMBERS[m.group("word") or m.group("after")], _fold(note))
    return _HALF_YEAR.search(folded) is not None and _DATED.search(folded) is None


def closed_calendar(note: str) -> bool:
    """The note says nothing beyond its calendar will come in the year («previste solo …», «non sono previste
    ulteriori …»)."""
    return _CLOSED_CALENDAR.search(_fold(note)) is not None


# One thing named right after a calendar word: «è previsto un webinar», «fissata una sessione» (on the folded note).
_ONE_SCHEDULED = re.compile(_CALENDAR_WORD + r"\s+(?:(?:solo|soltanto)\s+)?(?P<one>un[oa]?)(?=\s+[^\W\d_]{3,})")


def scheduled_count(note: str, noun: str | None) -> Decimal | None:
    """How many more of what the target counts (``noun``: «eventi»; None or «N.» for any) the note says are in the
    calendar («nel II semestre sono calendarizzati 3 eventi»: 3; «in calendario: la fiera del 12/10 e il workshop del
    20/11»: 2, one per day; «a ottobre è previsto un webinar»: 1); None when the note gives no such count."""
    folded = _MORE_IN_WORDS.sub(lambda m: _WORD_NUMBERS[m.group("word") or m.group("after")], _fold(note))
    folded = _ONE_SCHEDULED.sub(lambda m: m.group(0)[:-len(m.group("one"))] + "1" + " " * (len(m.group("one")) - 1), folded)
    if noun == "€":
        return _amounts_ahead(folded)
    for pattern in _SCHEDULED:
        for found in pattern.finditer(folded):
            word = found.group("noun")
            if word in values.MONTHS or (word and noun not in (None, "N.") and not counts_noun(word, noun)):
                continue
            if _RATE.match(folded, found.end()):
                continue  # «programmate 4 ispezioni al mese»: a rate, not how many
            return Decimal(found.group("n").replace(".", "")) * _each(folded, found.end(), noun)
    enrolled = _enrolled(folded, noun)
    if enrolled is not None:
        return enrolled
    monthly = [found for found in _PER_MONTH.finditer(folded)
               if not (found.group("noun") and noun not in (None, "N.") and not counts_noun(found.group("noun"), noun))]
    if monthly:  # «2 webinar a luglio, 3 a settembre, 2 a ottobre, 1 a novembre»: 8
        return sum((Decimal(found.group("n")) for found in monthly), Decimal(0))
    for found in _CALENDAR_MONTHS.finditer(folded):  # «in calendario la nota di novembre»: one for each month named
        if noun in (None, "N.") or counts_noun(found.group("noun"), noun):
            return Decimal(len(re.findall(_MONTH_NAME, found.group("months"))))
    listed = _CALENDAR_LIST.search(folded)
    if listed is not None and not _PERIOD.search(listed.group("list")):
        days = _LISTED_DAY.findall(listed.group("list"))
        return Decimal(len(days)) if days else None
    for listed in _CALENDAR_DAYS.finditer(folded):
        days = _LISTED_DAY.findall(listed.group("list"))
        if len(days) > 1 and not _SPAN.search(listed.group("list")):
            return Decimal(len(days))
    return Decimal(1) if any(_ONE_TO_COME.match(clause.strip()) for clause in re.split(r"[.;]", folded)) else None


def _each(folded: str, start: int, noun: str | None) -> Decimal:
    """What each counted item brings, said later in its sentence of what the target counts («, 150 iscritti ciascuno»);
    1 when the sentence says nothing of it."""
    sentence = re.split(r"[.;](?:\s|$)", folded[start:], maxsplit=1)[0]
    each = _EACH.search(sentence)
    if each is None or (noun not in (None, "N.") and not counts_noun(each.group("noun"), noun)):
        return Decimal(1)
    return Decimal(each.group("n").replace(".", ""))


# An amount in euro written in the note: «(€ 150.000)», «80.000 euro».
_EURO = re.compile(r"€\s*(?P<a>\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,])|(?<![\d.,])(?P<b>\d{1,3}(?:\.\d{3})+|\d+)\s*(?:€|euro\b)")


def _amounts_ahead(folded: str) -> Decimal | None:
    """For a target in euro, the amounts of the sentences of a calendar word or a month, summed («il bando per la
    stagione invernale (€ 150.000) … aprirà il 1° settembre»: 150.000); None when they name none."""
    amounts = [Decimal((found.group("a") or found.group("b")).replace(".", ""))
               for sentence in re.split(r"[.;](?:\s|$)", folded) if _CALENDAR_SENTENCE.search(sentence)
               for found in _EURO.finditer(sentence)]
    return sum(amounts, Decimal(0)) if amounts else None


def estimated_calendar(note: str) -> bool:
    """The note gives what the rest of the year will bring as an estimate («stimiamo circa 100 nuove iscrizioni», «150
    iscritti ciascuno»), not as a list of what is in the calendar so far."""
    return _ESTIMATE.search(_fold(note)) is not None


def _enrolled(folded: str, noun: str | None) -> Decimal | None:
    """The enrolled counts of the first sentence of a calendar word or a month that has any, summed."""
    for sentence in re.split(r"[.;](?:\s|$)", folded):
        if _CALENDAR_SENTENCE.search(sentence) is None:
            continue
        counts = [Decimal(found.group("n")) for found in _ENROLLED.finditer(sentence)
                  if not (found.group("noun") and noun not in (None, "N.") and not counts_noun(found.group("noun"), noun))]
        if counts:
            return sum(counts, Decimal(0))
    return None


# Staff who will take service or be hired («è prevista l'entrata in servizio di due nuovi ispettori», «il nuovo addetto
# prende servizio ad aprile»): a calendar of the means, not of what the target counts.
_STAFFING = re.compile(r"(?<!\w)(?:entrat[aoe]\s+in\s+servizio|prend\w*\s+servizio|presa\s+(?:di\s+)?servizio"
                       r"|assunzion[ei]|reclutament[oi])(?!\w)")


# Days not fixed yet for what the calendar holds: «saranno visitati nel IV trimestre, date da definire», «calendario ancora
# da definire» (on the folded note). A calendar word in that sentence fixes nothing (not «in calendario»).
# No day fixed for what is in the calendar: «date da definire», or a plan that depends on what is not at hand («saranno
# programmate compatibilmente con la disponibilità degli ispettori»).
_UNFIXED = re.compile(r"\b(?:(?:data|date|giorn[oi]|calendario)\s+(?:ancora\s+)?da\s+(?:definire|fissare|stabilire|concordare)"
                      r"|compatibilmente\s+con)\b")


def _known_phase(value: str | None) -> str | None:
    if value is not None and value not in PHASES:
        raise ValueError(f"fase «{value}» sconosciuta: usare una tra {', '.join(PHASES)}")
    return value


class Phase(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    progress: Number = Field(alias="avanzamento", ge=0, le=100)
    words: list[str] = Field(alias="parole", min_length=1)
    endings: list[str] = Field(default_factory=list, alias="desinenze")
    negated: str | None = Field(None, alias="negata")
    attenuated: str | None = Field(None, alias="attenuata")

    _known = field_validator("negated", "attenuated")(_known_phase)


class Waiting(BaseModel):
    """Waiting for an ordinary step of the activity (an opinion, a signature): a normal phase, not a block."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    phase: str = Field(alias="fase")
    words: list[str] = Field(alias="parole", min_length=1)
    steps: list[str] = Field(alias="passaggi", min_length=1)

    _known = field_validator("phase")(_known_phase)


class Lexicon(BaseModel):
    """The cue lexicon of ``rules/note.yaml``."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    description: str = Field(alias="descrizione")
    negations: list[str] = Field(default_factory=list, alias="negazioni")
    attenuators: list[str] = Field(default_factory=list, alias="attenuazioni")
    drafts: list[str] = Field(default_factory=list, alias="bozze")
    fillers: list[str] = Field(default_factory=list, alias="riempitivi")
    starts: dict[str, list[str]] = Field(default_factory=dict, alias="avvio")
    beginnings: list[str] = Field(default_factory=list, alias="inizi")
    future: list[str] = Field(default_factory=list, alias="futuro")
    waiting: Waiting | None = Field(None, alias="attesa")
    phases: dict[str, Phase] = Field(alias="fasi", min_length=1)

    @field_validator("phases")
    @classmethod
    def _known_phases(cls, phases: dict[str, Phase]) -> dict[str, Phase]:
        unknown = [name for name in phases if name not in PHASES]
        if unknown:
            raise ValueError(f"fase «{unknown[0]}» sconosciuta: usare una tra {', '.join(PHASES)}")
        return phases


class NoteReading(BaseModel):
    """What a note suggests about an activity: to be confirmed by a person."""

    phase: str = Field(description="sospesa, bloccata, non_avviata, rinviata, programmata, in_corso, avviata or completata")
    progress: Number = Field(description="Rough progress, %: written in the note, else the phase's default")
    cues: list[str] = Field(description="The words of the note that justify the reading, as written")
    progress_written: bool = Field(False, description="The progress is a percentage written in the note")
    unfinished: bool = Field(False, description="The note denies a completion («nessuno è ancora concluso»)")
    off_topic: bool = Field(False, exclude=True, description="The note tells done only other things than the milestone's («sono stati "
                            "erogati 3 corsi» for «Adozione del Piano di formazione»): it does not speak of the target")
    deadline_missed: bool = Field(False, exclude=True, description="The note says the deadline cannot be met («il termine del 30 giugno "
                                  "non potrà essere rispettato»)")
    own_done: bool = Field(False, exclude=True, description="The note tells done the milestone's own act or object («Regolamento adottato "
                           "il 12/06» for «Adozione del Regolamento»), not only other steps («sottoscritto il contratto»)")
    completed_on: date | None = Field(None, description="The day the note says the activity was completed («terminati il 22 "
                                      "luglio»), in the monitoring year unless written; the first day of the month or "
                                      "part of a month it names instead of a day («a metà aprile»: 11 aprile)")
    completed_by: date | None = Field(None, description="The last day of the month or part of a month the note names for "
                                      "the completion («a metà aprile»: 20 aprile; «entro ottobre»: 31 ottobre); empty "
                                      "when it names the day")
    due_on: date | None = Field(None, description="The deadline of a target set after an event («entro un mese da quando sarà "
                                "formalizzata …»), when the note dates the event")
    planned_on: date | None = Field(None, description="The day a postponed, suspended or not yet started activity is "
                                    "now planned for («rilascio previsto il 15 novembre», «rinviato al 19 ottobre», "
                                    "«riprenderà il 5 settembre»)")
    postponed_to: date | None = Field(None, description="The first day of the later year or month a postponement names "
                                      "(«slittamento del go-live a febbraio 2022», «rinviata al 2023»)")

    def text(self) -> str:
        """«in corso, avanzamento indicativo 50% (parole: «individuato», «in corso»)»."""
        words = ", ".join(f"«{c}»" for c in self.cues)
        kind = "indicato nella nota" if self.progress_written else "indicativo"
        when = f" il {format_it.short_date(self.completed_on)}" if self.completed_on is not None else ""
        if self.completed_by is not None:
            when = (f" tra il {format_it.short_date(self.completed_on)} e il {format_it.short_date(self.completed_by)}"
                    if self.completed_on is not None else f" entro il {format_it.short_date(self.completed_by)}")
        if self.planned_on is not None:
            when += (" al " if self.phase == "rinviata" else ", in calendario il ") + format_it.short_date(self.planned_on)
        due = f", scadenza dalla data dell'evento {format_it.short_date(self.due_on)}" if self.due_on is not None else ""
        return (f"{self.phase.replace('_', ' ')}{when}{due}, avanzamento {kind} {format_it.percent(self.progress)} "
                f"(parole: {words})")


_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")  # a title in quotes


def _fold(text: str) -> str:
    """Lower case without accents, keeping one character per character (offsets stay valid); the dot of an
    abbreviation before a number («delibera n. 7 del 22/02/2021», «D.Lgs. 33/2013») is a space, so that it ends no
    clause, and that of a shortened month after a day («5 nov. 2024») is «_»; a day written with dashes or dots
    («12.09.22») is written with slashes."""
    folded = []
    for char in text.lower():
        base = unicodedata.normalize("NFKD", char)[0]
        folded.append(base if len(base) == 1 else char)
    spaced = _ABBREVIATION.sub(lambda dot: dot.group(0).replace(".", " "), "".join(folded))
    spaced = _SHORT_MONTH_DOT.sub(lambda dot: dot.group(0).replace(".", "_"), spaced)
    return _DASHED_DAY.sub(r"\1/\3/\4", spaced)


def _has_accent(cue: str) -> bool:
    """A cue written with an accent is looked for with it: «è online» is not «e online» («cartacee e online»)."""
    return any(_fold(char) != char for char in cue.lower())


def _word(word: str) -> str:
    """One word of a cue: «avviat*» (one or two more letters), «#» (a day and its month: «13 giugno», «1° marzo
    2023»; not the start of a period, «dal 1° al 30 giugno», «dal 01/01/2023 al …»)."""
    if word == "#":
        return r"\d{1,2}(?:°|o)?\s+(?:" + "|".join(values.MONTHS) + r")(?:\s+\d{4})?(?!\s+al\b)"
    return re.escape(word[:-1]) + r"\w{0,2}" if word.endswith("*") else re.escape(word)


def _pattern(cue: str, accented: bool = False) -> str:
    """The pattern of a cue, on the folded note; ``accented``: on the note lower-cased with its accents («è online», not
    «cartacee e online»)."""
    parts = [_word(word) for word in (cue.lower() if accented else _fold(cue)).split()]
    return r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"


class NoteReader:
    """Compiled lexicon: ``read(note)`` gives a :class:`NoteReading` or ``None`` when no cue is found."""

    def __init__(self, lexicon: Lexicon):
        self.order = [name for name in PHASES if name in lexicon.phases]
        self.phases = lexicon.phases
        # per phase: (pattern, matched on the note lower-cased with its accents rather than folded)
        self.cues = {
            name: [(re.compile(_pattern(cue, _has_accent(cue))), _has_accent(cue)) for cue in lexicon.phases[name].words]
            + ([(_endings(lexicon.phases[name].endings), True)] if lexicon.phases[name].endings else [])
            for name in self.order
        }
        self.negation = _alternatives(lexicon.negations)
        self.attenuation = _alternatives(lexicon.attenuators)
        self.draft = _alternatives(lexicon.drafts)
        self.fillers = frozenset(_fold(word) for word in lexicon.fillers)
        self.starts = {_fold(word): [re.compile(_pattern(cue)) for cue in cues] for word, cues in lexicon.starts.items()}
        self.beginnings = frozenset(_fold(word) for word in lexicon.beginnings)
        self.future = _alternatives(lexicon.future)
        self.waiting = lexicon.waiting
        self.waits = re.compile(
            "(?:" + "|".join(_pattern(w)[:-len(r"(?!\w)")] for w in lexicon.waiting.words) + ")" + _STEP_GAP
            + "(?:" + "|".join(re.escape(_fold(step)) for step in lexicon.waiting.steps) + r")(?!\w)"
        ) if lexicon.waiting else None
        self.readings: dict[tuple[str, str | None, int | None], NoteReading | None] = {}  # large plans repeat their notes

    def fresh(self) -> NoteReader:
        """The same compiled lexicon with no readings yet: one per evaluation, so that the readings of one
        evaluation neither outlive it nor meet another's."""
        reader = copy.copy(self)
        reader.readings = {}
        return reader

    def _negation(self, folded: str, start: int, words: re.Pattern[str] | None = None,
                  fillers: frozenset[str] = frozenset()) -> int | None:
        """Where a negation (or the ``words`` given) starts among the few words of the same clause before
        ``start``, if any; ``fillers`` are not counted either, besides the lexicon's."""
        pattern = self.negation if words is None else words
        if pattern is None:
            return None
        clause = re.split(r"[;:.,]", folded[:start])[-1]
        before, counted = [], 0  # the last few words, not counting fillers («non sono al momento programmate»)
        for word in reversed(list(re.finditer(r"\S+", clause))):
            before.append(word)
            counted += word.group(0) not in self.fillers and word.group(0) not in fillers
            if counted == _NEGATION_WINDOW:
                break
        if not before:
            return None
        offset = start - len(clause) + before[-1].start()
        match = pattern.search(folded, offset, start)
        return match.start() if match else None

    def _unscheduled(self, folded: str, start: int, stop: int) -> tuple[int, int] | None:
        """Where the words between ``start`` and ``stop`` deny the awaited step a date («…, non ancora calendarizzata»):
        a calendar cue negated, from its negation to its end; None without."""
        for cue, accented in self.cues.get("programmata", []):
            for match in ([] if accented else cue.finditer(folded, start, stop)):
                negation = self._negation(folded, match.start(), fillers=_NOT_YET)
                if negation is not None and negation >= start:
                    return negation, match.end()
        return None

    def _own_done(self, folded: str, done_at: list[int], activity: str | None) -> bool:
        """Whether a completion told at one of ``done_at`` (not in the future: «sarà trasmessa») is said in a clause that
        names the milestone's object («Regolamento adottato il 12/06» for «Adozione del Regolamento …»; not «il contratto
        con il fornitore è stato sottoscritto» for «Attivazione del nuovo gestionale»), or that opens its clause and so
        is said of the target itself («Completato in ritardo per la sostituzione del referente»; «Completato
        l'aggiornamento il 15 novembre» for «Aggiornamento della sezione …»: the target's own act). Without an object to
        look for, any completion counts."""
        objects = _objects(activity)
        acts = re.findall(r"[^\W\d_]{5,}", _fold(_QUOTED.sub(" ", activity or "")))[:1]
        for start in done_at:
            if self._negation(folded, start, self.future) is not None or _share(_clause(folded, start)):
                continue  # «sarà trasmessa»; «Completata la scansione del 70% dei fascicoli»: a part, not the target
            opens = (not re.split(r"[;:.,]", folded[:start])[-1].strip() and not _said_of_other(folded, start, objects + acts)
                     and not _act_of_other(folded, start, acts, objects))
            if not objects or opens or _names_any(_clause(folded, start), objects) or _act_as_subject(folded, start, acts):
                return True  # «Completato oltre la scadenza …»: said of the target itself
        return False

    def _said_of_others(self, folded: str, done_at: list[int], activity: str | None) -> bool:
        """Whether every completion told at ``done_at`` is said of something the milestone does not name, right after it
        («sono stati erogati 3 corsi su appalti» for «Adozione del Piano di formazione»; «pubblicati 42 comunicati
        stampa …; attivata la pagina LinkedIn» for «Approvazione del Piano»), in a clause that names none of the
        milestone's objects. False without objects or completions."""
        objects = _objects(activity)
        if not objects or not done_at:
            return False
        return all(_said_of_other(folded, start, objects) and not _names_any(_clause(folded, start), objects)
                   for start in done_at)

    def _rest_done(self, folded: str, match: re.Match[str]) -> bool:
        """Whether a cue ending in «sono» («le altre sono», «gli altri sono») is followed by a completion («già
        concluse», «state completate»): the rest is done, not under way."""
        if not match.group(0).endswith("sono"):
            return False
        after = _BEFORE_COMPLETION.match(folded, match.end())
        start = after.end() if after else match.end()
        return any(cue.match(folded, start) for cue, accented in self.cues.get("completata", []) if not accented)

    def _draft(self, folded: str, start: int) -> int | None:
        """Where a draft («bozza», «prima stesura») is named earlier in the clause of the cue at ``start``, if it is."""
        if self.draft is None:
            return None
        clause = re.split(r"[;:.,]", folded[:start])[-1]
        match = self.draft.search(folded, start - len(clause), start)
        return match.start() if match else None

    def _started(self, folded: str, activity: str | None) -> list[tuple[int, int]]:
        """Where the note says that an activity which *is* an act («Avvio servizio …», «Costituzione e avvio
        tavoli …», «Consegna progetto definitivo») has been done, each time it says so («attivato Lo sportello è stato
        attivato il 2 maggio»: the value cell, then the note); not when the activity also asks for more
        («Nomina … e misurazione …»), nor when the act is still to come («sarà consegnato»). A start («Avvio
        analisi …») is also done when the note completes its object in one clause («Analisi conclusa»)."""
        named = _QUOTED.sub(" ", activity or "")  # «Sannio, terra di vini e di borghi»: a name, not two acts
        parts = re.split(r"\s+(?:e|ed)\s+", _fold(named).strip())
        firsts = [re.match(r"[^\W\d_]+", part) for part in parts]
        words = [first.group(0) for first in firsts if first]
        if not parts or len(words) < len(parts) or not all(word in self.starts for word in words):
            return []
        objects = [w for part in parts for w in re.findall(r"[^\W\d_]{5,}", part)[1:] if w not in _NOT_OBJECT]
        for cue in self.starts[words[0]]:
            spans = [match.span() for match in cue.finditer(folded)
                     if self._negation(folded, match.start()) is None and self._negation(folded, match.start(), self.future) is None
                     and not _FUTURE_ACT.search(_clause_before(folded, match.start()))
                     and not self._other_object(folded, match, objects)]
            if spans:
                return spans
        if len(parts) > 1 or words[0] not in self.beginnings:
            return []
        # what is started, not how («Attivazione dello sportello … in videochiamata»: the «sportello»)
        objects = [w for w in re.findall(r"[^\W\d_]{5,}", parts[0])[1:] if w not in _NOT_OBJECT][:1]
        for cue, accented in self.cues.get("completata", []):
            for match in ([] if accented else cue.finditer(folded)):
                clause = re.split(r"[;:.,]", folded[:match.start()])[-1] + re.split(r"[;:.,]", folded[match.start():])[0]
                if (any(re.search(r"(?<!\w)" + word + r"(?!\w)", clause) for word in objects)
                        and not _completes_other(folded, match, objects)
                        and self._negation(folded, match.start()) is None
                        and self._negation(folded, match.start(), self.attenuation) is None):
                    return [match.span()]
        return []

    @staticmethod
    def _other_object(folded: str, match: re.Match[str], objects: list[str]) -> bool:
        """Whether the act at ``match`` is said of something else than the milestone's object: «Avviato il confronto con
        gli Ordini» for «Avvio del servizio» (the object follows the participle), when the clause never names the
        milestone's object («servizio»)."""
        after = _OBJECT_AFTER.match(folded, match.end())
        if after is None or not objects:
            return False
        clause = re.split(r"[;:.]", folded[:match.start()])[-1] + re.split(r"[;:.]", folded[match.start():])[0]
        return not any(re.search(r"(?<!\w)" + word[:-1] + r"\w?(?!\w)", clause) for word in objects)

    def _months_ahead(self, folded: str, note: str, as_of: date, found: dict[str, list[str]],
                      taken: list[tuple[int, int]]) -> None:
        """A month still to come at ``as_of`` named as when something happens puts it in the calendar (negated,
        «non a novembre», a postponement); not in a clause (between commas) that tells something done or past
        («pubblicato a luglio», «i programmi sono arrivati a luglio», «ricevuti a luglio»; but «calendario pubblicato
        sul sito - 2 webinar a luglio, 3 a settembre»: the months after a comma), nor staff taking service («il nuovo
        addetto prende servizio ad aprile»), nor in words already read («attende la validazione, prevista per
        settembre»: the step awaited)."""
        done = [cue for cue, accented in self.cues.get("completata", []) if not accented]
        for match in _MONTH.finditer(folded):
            if values.MONTHS[match.group("month")] <= as_of.month or any(
                    match.start() < e and s < match.end() for s, e in taken):
                continue
            clause = _clause(folded, match.start())
            if (_PAST.search(clause) or _PARTICIPLE_BEFORE.search(folded, 0, match.start())
                    or any(cue.search(clause) for cue in done) or _STAFFING.search(clause)):
                continue
            negation = self._negation(folded, match.start())
            start = match.start() if negation is None else negation
            found.setdefault("programmata" if negation is None else "rinviata", []).append(note[start:match.end()])

    def read(self, note: str | None, activity: str | None = None, as_of: date | None = None) -> NoteReading | None:
        """The reading of ``note``; ``activity`` is the milestone's text, when the target is one; ``as_of``, the
        monitoring date, tells which months named in the note are still to come. Read once per distinct (note,
        activity, month of the date): the readings are shared, never changed."""
        if not note or not note.strip():
            return None
        key = (note, activity, as_of.month if as_of is not None else None)
        if key not in self.readings:
            self.readings[key] = self._read(note, activity, as_of)
        return self.readings[key]

    def _read(self, note: str, activity: str | None, as_of: date | None) -> NoteReading | None:
        folded, lowered = _fold(note), note.lower()
        started = self._started(folded, activity)
        due = _event_day(note, folded, activity, as_of) or _note_deadline(folded, as_of)
        if started:
            others = tuple(match.start() for cue, accented in self.cues.get("completata", [])
                           for match in cue.finditer(lowered if accented else folded))
            # with several, the latest day («pubblicato … il 28/10; pubblicato in Amministrazione trasparente il 5 nov.»)
            day = _completion_day(folded, [start for start, _ in started], as_of, due[1:] if due else None, others=others)
            cues = [note[started[0][0]:started[0][1]]] + [note[d[1]:d[2]] for d in (day, due) if d is not None]
            return NoteReading(phase="completata", progress=Decimal(100), cues=cues, completed_on=day[0] if day else None,
                               completed_by=day[3] if day else None, due_on=due[0] if due else None)
        found: dict[str, list[str]] = {}
        taken: list[tuple[int, int]] = []
        done_at: list[int] = []  # where the completion cues (not negated nor attenuated) start
        planned_at: list[int] = []  # where the calendar cues (not negated) start
        postponed_at: list[int] = []  # where the postponement cues end
        held_at: list[int] = []  # where the block cues end («in attesa della nuova release»)
        unfinished = False
        closing: list[tuple[int, int]] = []  # negated calendar words before «altre», «ulteriori»
        earlier: dict[str, list[str]] = {}  # hold-ups told in the pluperfect: before what the note tells done
        if self.waits is not None and self.waiting is not None:
            for match in self.waits.finditer(folded):  # «in attesa del parere»: an ordinary step, not a block
                # the rest of the clause speaks of that step («…, prevista per settembre»), not of the activity
                clause_end = re.search(r"[;.]|$", folded[match.end():])
                stop = match.end() + (clause_end.start() if clause_end else 0)
                taken.append((match.start(), stop))
                undated = self._unscheduled(folded, match.end(), stop)
                if undated is None:
                    found.setdefault(self.waiting.phase, []).append(note[match.start():match.end()])
                else:  # «si attende la delibera della Giunta regionale, non ancora calendarizzata»: no date, a block
                    found.setdefault("bloccata", []).extend([note[match.start():match.end()], note[undated[0]:undated[1]]])
        fraction = _FRACTION.search(folded)
        done, total = (int(fraction.group(1)), int(fraction.group(2))) if fraction else (0, 0)
        if fraction is not None and 0 < done <= total:
            phase = "completata" if done == total else "in_corso"
            found.setdefault(phase, []).append(note[fraction.start():fraction.end()])
        else:
            fraction = None
        for name in self.order:
            for cue, accented in self.cues[name]:
                for match in cue.finditer(lowered if accented else folded):
                    start, end = match.span()
                    if any(start < e and s < end for s, e in taken):
                        continue  # the words already gave another cue («in fase avanzata» is not also «avanzat*»)
                    if _BEYOND_TARGET.search(_sentence(folded, start)):
                        continue  # «resta in programma una versione stampata, non prevista dall'obiettivo»: not the target
                    if name == "in_corso" and _CURRENT.search(folded, max(0, start - 14), end + 13):
                        continue  # «il certificato in corso scade il 31 luglio»: the current one, not work under way
                    if name == "in_corso" and self._rest_done(folded, match):
                        continue  # «le altre sono già concluse»: the rest is done too
                    taken.append((start, end))
                    if name != "completata" and _EARLIER_STEP.search(folded, max(0, start - 12), start):
                        continue  # «approvato … dopo la raccolta dei fabbisogni»: a step before what the note tells
                    if name == "programmata" and _gone(folded, end, as_of):
                        continue  # «il seminario previsto a maggio è saltato», read at 30/09: a past plan
                    if name == "programmata" and _STAFFING.search(_clause(folded, start)):
                        continue  # «è prevista l'entrata in servizio di due nuovi ispettori»: the means, not the work
                    if name == "programmata" and _UNFIXED.search(_sentence(folded, start)):
                        continue  # «saranno visitati nel IV trimestre, date da definire»: no day fixed, no calendar
                    phase = name
                    # a cue that holds its own negation («non è possibile») is not negated again («senza il report»)
                    negation = None if _NEGATED_CUE.match(folded, start) else self._negation(
                        folded, start, fillers=_NOT_YET if name == "programmata" else frozenset())
                    if name == "completata" and negation is None and _FUTURE_ACT.search(_clause_before(folded, start)):
                        phase = "programmata"  # «sarà approvato dalla Giunta il 22 luglio e pubblicato entro agosto»
                    elif negation is not None:
                        negated = self.phases[name].negated
                        if negated is None:
                            continue
                        if name == "programmata" and _MORE.match(folded, end):
                            closing.append((negation, end))  # «non sono previste altre date»: the calendar closed
                            continue
                        phase, start = negated, negation
                        unfinished = unfinished or name == "completata"
                    else:
                        attenuated = self.phases[name].attenuated
                        if attenuated is not None:  # «quasi ultimata»: not yet done
                            attenuation = self._negation(folded, start, self.attenuation)
                            if attenuation is None:  # «la bozza del progetto è pronta»: the act is still to come
                                attenuation = self._draft(folded, start)
                            if attenuation is not None:
                                phase, start = attenuated, attenuation
                    if phase == "completata":
                        done_at.append(start)
                    elif phase == "programmata":
                        planned_at.append(start)
                    elif phase == "rinviata":
                        postponed_at.append(end)
                    elif phase == "bloccata":
                        held_at.append(end)
                    if phase in _HOLD_UPS and _PLUPERFECT.search(folded, 0, start):
                        earlier.setdefault(phase, []).append(note[start:end])  # «la seduta era stata annullata»
                        continue
                    found.setdefault(phase, []).append(note[start:end])
        for match in _MOVED_WITH_OBJECT.finditer(folded):  # «ha riprogrammato il passaggio al 30 aprile 2025»
            if not any(match.start() < e and s < match.end() for s, e in taken) and self._negation(folded, match.start()) is None:
                postponed_at.append(match.end())
                found.setdefault("rinviata", []).append(note[match.start():match.end()])
        for match in _ONLY_AFTER.finditer(folded):  # «la firma potrà avvenire solo dopo quell'atto»: it waits on another
            if not any(match.start() < e and s < match.end() for s, e in taken):
                held_at.append(match.end())
                found.setdefault("bloccata", []).append(note[match.start():match.end()])
        happened = [(start, end) for start, end in _acts_happened(folded, activity) if self._negation(folded, start) is None]
        for start, end in happened:
            done_at.append(start)
            found.setdefault("completata", []).append(note[start:end])
        if "completata" not in found:  # a hold-up told as before the act holds only when the act is not done
            for name, words in earlier.items():
                found.setdefault(name, []).extend(words)
        if as_of is not None:
            self._months_ahead(folded, note, as_of, found, taken)
        if "programmata" not in found:  # nothing else in the calendar: «non sono programmate altre iniziative», put off
            for start, end in closing:
                postponed_at.append(end)
                found.setdefault("rinviata", []).append(note[start:end])
        if not found:
            return _cited_act(note, folded, as_of)
        phase = next(name for name in PHASES if name in found)
        if phase == "rinviata" and "completata" in found and due is not None and due == _note_deadline(folded, as_of):
            late = _completion_day(folded, done_at, as_of, due[1:])
            if late is not None and late[0] is not None and late[0] > due[0]:  # «pubblicata il 09/08, oltre il termine del 31/07»: done late
                phase = "completata"
        if phase == "rinviata" and _completion_day(folded, [start for start, _ in happened], as_of) is not None:
            phase = "completata"  # «la pubblicazione è avvenuta il 9 gennaio per ritardi nell'impaginazione»: done, late
        if phase == "rinviata" and _delay_as_cause(folded, done_at, postponed_at, as_of):
            phase = "completata"  # «pubblicato online il 12/12/2022, a seguito del ritardo nella consegna»: done, late
        later = _later_year(note, folded, postponed_at, as_of)
        if later is not None and phase != "completata":
            phase = "rinviata"  # «sospesa …; rinviata al 2023»: put off to a later year, whatever else holds it up
        elif phase == "bloccata":  # «in attesa della nuova release, annunciata per il primo trimestre 2023»
            later = _later_year(note, folded, held_at, as_of)
        written = _written_progress(note)
        if written is None and fraction is not None:
            share = Decimal(done * 100) / Decimal(total)
            written = share.quantize(Decimal(1) if share == share.to_integral_value() else Decimal("0.1"))
        if phase == "completata" and written is not None and written < 100:
            phase = "in_corso"  # «adottata … per circa il 30%», «completata per 2 commissioni su 4»
        off_topic = phase == "completata" and not happened and self._said_of_others(folded, done_at, activity)
        if off_topic:
            phase = "non_avviata"  # nothing told of the target: no activity on it reported
        completed_on = (_completion_day(folded, done_at, as_of, due[1:] if due else None, activity=activity)
                        if phase == "completata" else None)
        default = self.phases[phase].progress if phase in self.phases else Decimal(0)
        planned_on = _new_day(folded, planned_at, postponed_at, as_of) if phase in _REPLANNED else None
        if planned_on is not None and as_of is not None and (planned_on[0] is None or planned_on[0] <= as_of):
            planned_on = None  # a day already gone is not the new date
        cues = [cue for name in PHASES for cue in found.get(name, [])]
        spans: list[tuple[int, int]] = [(day[1], day[2]) for day in (completed_on, planned_on) if day is not None]
        spans += [(day[1], day[2]) for day in (due, later) if day is not None]
        for start, end in spans:
            if not any(note[start:end] in cue for cue in cues):
                cues.append(note[start:end])  # «dal 13 giugno» already shows its day
        missed = _deadline_missed(folded, as_of) if phase != "completata" else None
        if missed is not None and not any(note[missed[0]:missed[1]] in cue for cue in cues):
            cues.append(note[missed[0]:missed[1]])  # «non potrà essere riallestita nel 2023»
        own_done = not off_topic and (bool(happened) or (self._own_done(folded, done_at, activity)
                                                         and not _act_ahead(folded, planned_at, activity)))
        return NoteReading(
            phase=phase, progress=written if written is not None else default, cues=cues,
            progress_written=written is not None, unfinished=unfinished and phase != "completata", own_done=own_done,
            deadline_missed=missed is not None, off_topic=off_topic,
            completed_on=completed_on[0] if completed_on is not None else None,
            completed_by=completed_on[3] if completed_on is not None else None,
            due_on=due[0] if due is not None else None, planned_on=planned_on[0] if planned_on is not None else None,
            postponed_to=later[0] if later is not None else None,
        )


# A note that only cites the act, with its number and day («Delibera di Giunta n. 88 del 2/10/2023.»).
_CITED_ACT = re.compile(r"\s*(?:delibera(?:zione)?|determina(?:zione)?|decreto|provvedimento)(?!\w)[^;:.]{0,60}?"
                        r"(?<!\w)n(?:r)?\s*\d+(?:/\d+)?\s*(?:,\s*)?del(?:l')?\s*")


def _completes_other(folded: str, match: re.Match[str], objects: list[str]) -> bool:
    """Whether the completion at ``match`` has its own object right after it, other than the milestone's («il personale
    dello sportello ha completato la formazione» for «Apertura dello sportello»: the training is done, not the opening)."""
    after = _OBJECT_AFTER.match(folded, match.end())
    return (after is not None and after.group("word") not in _NOT_OBJECT
            and not any(after.group("word")[:-1] == word[:-1] for word in objects))


def _cited_act(note: str, folded: str, as_of: date | None) -> NoteReading | None:
    """A note that says nothing but the act that did the thing, numbered and dated: done that day (the act cited is the
    target's own)."""
    cited = _CITED_ACT.match(folded)
    if cited is None or as_of is None:
        return None
    day = _day_at(folded, cited.end(), as_of)
    if day is None or folded[day[2]:].strip(" .") or not day[0] <= as_of:
        return None
    return NoteReading(phase="completata", progress=Decimal(100), cues=[note[cited.start():day[2]].strip()],
                       own_done=True, completed_on=day[0])


def _delay_as_cause(folded: str, done_at: list[int], postponed_at: list[int], as_of: date | None) -> bool:
    """Whether every postponement cue is a delay told as the cause of a completion dated earlier in its sentence
    («il portale è stato pubblicato il 12/12/2022, a seguito del ritardo nella consegna da parte del fornitore»)."""
    if not done_at or not postponed_at:
        return False
    for end in postponed_at:
        cause = _DELAY_CAUSE.search(folded, max(0, end - 40), end)
        done = [start for start in done_at if start < end and not re.search(r"[;:.]", folded[start:end])]
        if cause is None or cause.end() != end or not done or _completion_day(folded, done, as_of) is None:
            return False
    return True


def _deadline_missed(folded: str, as_of: date | None) -> tuple[int, int] | None:
    """Where the note says the deadline cannot be met, or the act will not be done in the monitoring year."""
    found = _DEADLINE_MISSED.search(folded)
    if found is not None:
        return found.span()
    return next((match.span() for match in _NOT_IN_YEAR.finditer(folded)
                 if as_of is not None and int(match.group("year")) == as_of.year), None)


def _acts_happened(folded: str, activity: str | None) -> list[tuple[int, int]]:
    """Where the note tells that an act the milestone asks for happened («la pubblicazione … è avvenuta il 9 gennaio»
    for «Pubblicazione del Rapporto»): the participle. The acts are the first words, nouns of an act («-zione»,
    «-sione»), of the milestone and of each part joined by «e»."""
    named = _QUOTED.sub(" ", activity or "")
    acts = {first.group(0) for part in re.split(r"\s+(?:e|ed)\s+", _fold(named))
            if (first := re.match(r"[^\W\d_]+(?:[zs]ione)(?!\w)", part.strip()))}
    return [found.span("done") for act in sorted(acts)
            for found in re.finditer(_ACT_HAPPENED.format(act=re.escape(act)), folded)]


def _act_ahead(folded: str, planned_at: list[int], activity: str | None) -> bool:
    """Whether the note puts in the calendar the very act the milestone asks for, named before a calendar word in its
    clause («la trasmissione alla Regione avverrà nella prima settimana di aprile» for «Trasmissione alla Regione della
    relazione»): what the note tells done of the same object («Relazione approvata») is an earlier step."""
    act = re.match(r"[^\W\d_]+[zs]ione(?!\w)", _fold(_QUOTED.sub(" ", activity or "")).strip())
    return act is not None and any(re.search(r"(?<!\w)" + act.group(0) + r"(?!\w)", _clause_before(folded, start))
                                   for start in planned_at)


def _event_day(note: str, folded: str, activity: str | None, as_of: date | None) -> tuple[date, int, int] | None:
    """The deadline of a target set after an event («entro un mese da quando sarà formalizzata la ridefinizione …»)
    when the note dates the event in the sentence that names it («ha formalizzato le nuove priorità con delib. n. 118
    del 18/07/2022»), with where the event's day is written."""
    event = event_deadline(activity)
    if event is None or as_of is None:
        return None
    number, unit, stem = event
    for named in re.finditer(rf"(?<!\w){re.escape(_fold(stem))}\w*", folded):
        end = re.search(r"[;]|\.\s+(?=[A-ZÀ-Ý])|$", note[named.end():])
        stop = named.end() + (end.start() if end else 0)
        day = _DAY.search(folded, named.end(), stop)
        if day is None:
            continue
        month = _day_month(day)
        try:
            when = date(_year(day, as_of), month, int(day.group("day")))
        except ValueError:
            continue
        if unit == "mesi":
            year, month = divmod(when.month - 1 + number, 12)
            due = date(when.year + year, month + 1, min(when.day, calendar.monthrange(when.year + year, month + 1)[1]))
        else:
            due = when + timedelta(days=number * (7 if unit == "settimane" else 1))
        return due, day.start(), day.end()
    return None


# A postponement told done whose cue ends with its preposition («è stato spostato a marzo 2025»); not a request («hanno
# chiesto di spostare al 2022»).
_CUE_PREPOSITION = re.compile(r"[^\W\d_]+at[oaie]\s+(?P<to>a|ad|al|alla|all')$")


def _later_year(note: str, folded: str, ends: list[int], as_of: date | None) -> tuple[date, int, int] | None:
    """The latest year (or month of a year) named after a postponement cue in its sentence, after the monitoring year
    («slittamento del go-live a febbraio 2022», «rinviata al 2023», «non si terrà: … con l'edizione 2021», «al
    prossimo anno»; «non sarà possibile … entro l'anno»: the next one), not a forecast («stima la fine a marzo 2024»): the first day of it, with where it is written;
    None without."""
    if as_of is None:
        return None
    found: list[tuple[date, int, int]] = []
    for end in ends:
        stop = re.search(r"[;]|\.\s+(?=[A-ZÀ-Ý])|$", note[end:])
        ending = _CUE_PREPOSITION.search(folded, 0, end)  # «spostato a marzo 2025»: the cue's own «a» comes before the year
        for match in _LATER.finditer(folded, ending.start("to") if ending else end, end + (stop.start() if stop else 0)):
            if _ESTIMATE.search(folded, end, match.start()):
                continue  # «il direttore dei lavori stima la fine a marzo 2024»: a forecast, not a postponement
            if match.group("next"):
                when = date(as_of.year + 1, 1, 1)
            else:
                month = values.MONTHS[match.group("month")] if match.group("month") else 1
                when = date(int(match.group("year")), month, 1)
            if when.year > as_of.year:
                found.append((when, match.start("when"), match.end()))
    beyond = _NOT_THIS_YEAR.search(folded) if ends and not found else None
    if beyond is not None:
        found.append((date(as_of.year + 1, 1, 1), beyond.start("when"), beyond.end()))
    return max(found, default=None)


def _new_day(folded: str, planned_at: list[int], postponed_at: list[int], as_of: date | None) -> tuple[date | None, int, int] | None:
    """The latest day the note puts the activity on: named in the clause of a calendar cue («nuova data fissata per il 12
    settembre», «riprenderà il 5 settembre»), or right after a postponement («rinviato al 19 ottobre 2023»; not «la
    scadenza del 30 settembre non sarà rispettata»), with where it is written."""
    planned = _completion_day(folded, planned_at, as_of, months=False)
    days: list[tuple[date | None, int, int] | None] = [planned[:3] if planned is not None else None]
    if as_of is not None:
        # «si riprende a settembre: modulo 1 il 10/10, modulo 2 il 24/10, modulo 3 il 14/11»: the days listed after it
        days += [_listed_after_colon(folded, start, as_of) for start in planned_at]
        days += [_day_at(folded, moved.end(), as_of) for moved in (_MOVED_TO.match(folded, end) for end in postponed_at) if moved]
    return max((day for day in days if day is not None), key=lambda day: day[0] or date.min, default=None)


def _listed_after_colon(folded: str, start: int, as_of: date) -> tuple[date | None, int, int] | None:
    """The latest day listed after the colon that ends the clause of the calendar cue at ``start`` (up to the end of the
    sentence), with where it is written; None without a colon there or a day after it."""
    colon = re.match(r"[^;:.]*:", folded[start:])
    if colon is None:
        return None
    begin = start + colon.end()
    stop = begin + len(re.split(r"[;.]", folded[begin:])[0])
    listed = [(when, day.start(), day.end()) for day in _DAY.finditer(folded, begin, stop)
              if (when := _day_of(day, as_of)) is not None]
    return max(listed, key=lambda day: day[0], default=None)


def _gone(folded: str, end: int, as_of: date | None) -> bool:
    """Whether the calendar word ending at ``end`` names right after it a month already past at ``as_of``."""
    month = _MONTH_AFTER.match(folded, end)
    return as_of is not None and month is not None and values.MONTHS[month.group("month")] < as_of.month


def _day_month(day: re.Match[str]) -> int:
    """The month of a day matched by ``_DAY``: named, shortened or written as a number."""
    if day.group("month"):
        return values.MONTHS[day.group("month")]
    return _SHORT_MONTHS[day.group("short")] if day.group("short") else int(day.group("mm"))


def _year(day: re.Match[str], as_of: date) -> int:
    """The year of a day matched by ``_DAY``: written (two digits are 20xx), else the monitoring date's."""
    written = day.group("year") or day.group("yy")
    return int(written) + (2000 if len(written) == 2 else 0) if written else as_of.year


def _day_at(folded: str, start: int, as_of: date) -> tuple[date, int, int] | None:
    """The day written at ``start`` («31/07/2024», «30 giugno»), with where it is written."""
    day = _DAY.match(folded, start)
    if day is None:
        return None
    month = _day_month(day)
    try:
        return date(_year(day, as_of), month, int(day.group("day"))), day.start(), day.end()
    except ValueError:
        return None


def _note_deadline(folded: str, as_of: date | None) -> tuple[date, int, int] | None:
    """The deadline the note names for something done after it («pubblicata il 09/08, oltre il termine del 31/07»)."""
    match = _NOTE_DEADLINE.search(folded) if as_of is not None else None
    return _day_at(folded, match.end(), as_of) if match is not None and as_of is not None else None


def _completion_day(folded: str, starts: list[int], as_of: date | None, besides: tuple[int, int] | None = None,
                    months: bool = True, activity: str | None = None,
                    others: tuple[int, ...] = ()) -> tuple[date | None, int, int, date | None] | None:
    """The day named in the clause of a completion cue («terminati il 22 luglio», «il 28/06 è stata trasmessa»), with
    where it is written; the year is the monitoring date's unless written. With several completions the latest day
    («decreto pubblicato il 4 luglio; procedura adottata il 28 luglio»: done on the 28th). With ``months``, a clause
    that names no day but one month, or part of one, gives its first and (fourth) last day («approvato a ottobre»,
    «attivato a metà aprile»; «entro ottobre»: only the last). A clause that names several days dates each act with
    the first day written after it, before the next act («approvato dalla Giunta il 28 giugno, firmato il 9 luglio»;
    «approvato con delibera n. 21 del 27/02/2026, previo parere dell'OIV del 20/02/2026»: the 27th). With the
    ``activity``, the act it names wins over the others («Sottoscrizione del protocollo»: the day it was «sottoscritto»);
    ``others`` are where other acts are told, to split a clause only. None without the date, or when no clause names
    exactly one day (or month) for an act."""
    if as_of is None:
        return None
    days: list[tuple[date | None, int, int, date | None]] = []
    named_acts: list[tuple[date | None, int, int, date | None]] = []
    stems = _act_stems(activity)
    for start in sorted(starts):
        begin = max((folded.rfind(mark, 0, start) for mark in ";:."), default=-1) + 1
        stop = min((i for i in (folded.find(mark, start) for mark in ";:.") if i >= 0), default=len(folded))
        named = [day for day in _DAY.finditer(folded, begin, stop)
                 if besides is None or day.start() != besides[0]]  # not the deadline the note names
        if len(named) > 1 and _RANGE_AFTER.match(folded, start) is None:  # «domande aperte fino al 31 gennaio»: a term
            named = [day for day in named if not _UNTIL.search(folded, max(begin, day.start() - 12), day.start())] or named
        if len(named) > 1 and len({_day_of(day, as_of) for day in named}) == 1:
            named = named[-1:]  # «pubbl. 12.06.25 Vademecum pubblicato sul sito il 12 giugno»: one day, written twice
        if len(named) > 1:  # several days in one clause: this act's own day, if it has one
            acts = [other for other in {*starts, *others} if begin <= other < stop and other != start
                    and not _said_again(folded, start, other, named)]
            named = _own_day(folded, named, start, acts)
            if not named:
                continue
        if not named and months:
            spell = _month_done(folded, begin, stop, as_of)
            if spell is not None:
                days.append(spell)
        if len(named) != 1:
            continue
        day = named[0]
        month = _day_month(day)
        year = _year(day, as_of)
        try:
            days.append((date(year, month, int(day.group("day"))), day.start(), day.end(), None))
        except ValueError:
            continue
        if any(folded.startswith(stem, start) for stem in stems) and not any(start < other < day.start() for other in starts):
            named_acts.append(days[-1])  # the act the name asks for, with its own day (no other act between them)
    return max(named_acts or days, key=lambda day: day[0] or date.min, default=None)


def _day_of(day: re.Match[str], as_of: date) -> date | None:
    """The date a day found by ``_DAY`` names (the year is the monitoring date's unless written); None if impossible."""
    try:
        return date(_year(day, as_of), _day_month(day), int(day.group("day")))
    except ValueError:
        return None


def _act_as_subject(folded: str, start: int, acts: list[str]) -> bool:
    """Whether the sentence of the completion at ``start`` opens with the target's act as its subject («L'aggiornamento,
    curato dal RPCT, è stato adottato …» for «Aggiornamento della sottosezione …»): it is said of the target itself."""
    opening = re.split(r"[;:.]", folded[:start])[-1]
    return bool(acts) and re.match(r"\s*(?:l'|il\s+|la\s+|lo\s+)?" + acts[0] + r"(?!\w)", opening) is not None


def _said_again(folded: str, start: int, other: int, named: list[re.Match[str]]) -> bool:
    """Whether the act at ``other`` is the one at ``start`` said again, with no day written between them («approvato
    Piano approvato con delibera n. 61 del 9 luglio»: the value cell, then the note): one act, not two."""
    word = re.match(r"[^\W\d_]+", folded[start:])
    first, last = sorted((start, other))
    return (word is not None and re.match(word.group(0) + r"(?!\w)", folded[other:]) is not None
            and not any(first < day.start() < last for day in named))


def _own_day(folded: str, named: list[re.Match[str]], start: int, acts: list[int]) -> list[re.Match[str]]:
    """Of the days of a clause that names several, the one of the act at ``start`` (``acts``: the clause's other
    acts). In a clause of several acts, each act's day is the first written after it, before the next act, when that
    gives every day of the clause to an act («approvato dalla Giunta il 28 giugno, firmato il 9 luglio»; not «in vigore
    dal 1° gennaio 2022, incarichi conferiti il 20/12»). In a clause of one act, the last day of a span written right
    after it («calendarizzati tra il 15 settembre e il 31 ottobre», «dal 2 maggio al 20 giugno»), the date of a numbered act written
    after it («approvato con delibera n. 21 del 27/02/2026, previo parere dell'OIV del 20/02/2026»), or the day written
    right after the act («pervenuto il 4 luglio 2023, dopo la seduta dell'Organismo del 3 luglio»). None otherwise."""
    if not acts:
        span = _RANGE_AFTER.match(folded, start)
        if (span is not None and len(named) == 2 and named[0].start() == span.end()
                and _RANGE_AND.fullmatch(folded, named[0].end(), named[1].start())):
            return [named[1]]  # «calendarizzati tra il 15 settembre e il 31 ottobre»: done by the end of the span
        after = _RIGHT_AFTER.match(folded, start)
        return [day for day in named if after is not None and day.start() == after.end()] or [
            day for day in named if day.start() > start
            and _NUMBERED_ACT.search(folded, max(start, day.start() - 30), day.start())][:1]
    every = sorted([start, *acts])
    own = {act: [day for day in named if act < day.start() < following][:1]
           for act, following in zip(every, [*every[1:], len(folded)])}
    if sorted(day.start() for days in own.values() for day in days) != [day.start() for day in named]:
        return []
    return own[start]


# A day that ends a window left open after the act («avviso pubblicato il 4 dicembre, domande aperte fino al 31 gennaio»):
# not the act's day.
_UNTIL = re.compile(r"\bfino\s+(?:al|a|all')\s*$")
_RANGE_AFTER = re.compile(r"[^\W\d_]+\s+(?:(?:tra|fra)\s+(?:il\s+)?|dal(?:l')?\s*)")  # an act's word, then a span of days
_RANGE_AND = re.compile(r"\s+(?:e\s+(?:il\s+|l')?|al(?:l')?\s*)")
# an act's word and the day right after it («pervenuto il 4 luglio», «chiusura fissata al 15 ottobre», «fissato per il 12»)
_RIGHT_AFTER = re.compile(r"[^\W\d_]+\s+(?:il\s+|in\s+data\s+|al\s+|per\s+il\s+)?")
_NUMBERED_ACT = re.compile(r"(?<!\w)n(?:r?\.|°)?\s*\d+(?:/\d+)?\s*(?:,\s*)?del(?:l')?\s*$")


def _objects(activity: str | None) -> list[str]:
    """The words of at least five letters after the first that name a milestone's object («Adozione del Regolamento per
    la concessione del patrocinio»: «regolamento», «concessione», «patrocinio»), folded."""
    named = _fold(_QUOTED.sub(" ", activity or ""))
    return [word for word in re.findall(r"[^\W\d_]{5,}", named)[1:] if word not in _NOT_OBJECT]


def _said_of_other(folded: str, start: int, objects: list[str]) -> bool:
    """Whether the completion word at ``start`` is followed by something the milestone does not name («erogati 3 corsi»,
    «attivata la pagina LinkedIn»); not a day («in esercizio dal 10 gennaio»)."""
    word = re.match(r"[^\W\d_]+", folded[start:])
    after = _SAID_OF.match(folded, start + (word.end() if word else 0))
    return after is not None and after.group("word") not in values.MONTHS and not _names_any(after.group("word"), objects)


def _act_of_other(folded: str, start: int, acts: list[str], objects: list[str]) -> bool:
    """Whether the completion word at ``start`` is followed by the milestone's act said of something it does not name
    («Conclusa la revisione della modulistica» for «Revisione della Carta dei servizi»)."""
    word = re.match(r"[^\W\d_]+", folded[start:])
    act = _SAID_OF.match(folded, start + (word.end() if word else 0))
    of = _OF_WHAT.match(folded, act.end()) if act is not None and act.group("word") in acts else None
    return of is not None and not _names_any(of.group("word"), objects)


def _names_any(text: str, objects: list[str]) -> bool:
    """Whether ``text`` names one of ``objects``, singular or plural («piano», «piani»)."""
    return any(re.search(r"(?<!\w)" + re.escape(word[:-1]) + r"\w?(?!\w)", text) for word in objects)


def _clause_before(folded: str, start: int) -> str:
    """The words of the clause before ``start`` (back to the last «;», «:» or «.»)."""
    return re.split(r"[;:.]", folded[:start])[-1]


def _sentence(folded: str, start: int) -> str:
    """The sentence around ``start``, between semicolons and full stops."""
    return re.split(r"[;.]", folded[:start])[-1] + re.split(r"[;.]", folded[start:])[0]


def _clause(folded: str, start: int) -> str:
    """The clause around ``start``, between commas, semicolons, colons and full stops."""
    return re.split(r"[;:.,]", folded[:start])[-1] + re.split(r"[;:.,]", folded[start:])[0]


def _share(clause: str) -> bool:
    """Whether the clause names a percentage below 100 («la scansione del 70% dei fascicoli»)."""
    return any(Decimal(found.group(1).replace(",", ".")) < 100 for found in _PERCENT.finditer(clause))


def _act_stems(activity: str | None) -> tuple[str, ...]:
    """The stems of the acts the milestone names with its first word («Sottoscrizione del protocollo»: «sottoscri»,
    which also begins «sottoscritto»)."""
    first = re.match(r"[^\W\d_]+?(?=[zs]ione(?!\w))", _fold(activity or "").strip())
    return (first.group(0),) if first is not None and len(first.group(0)) >= 5 else ()


def _month_done(folded: str, begin: int, stop: int, as_of: date) -> tuple[date | None, int, int, date | None] | None:
    """The only month, or part of one, named between ``begin`` and ``stop`` as when something was done, as its first
    and last day with where it is written; the year is the monitoring date's unless written. Without a year, a month
    later than the one after the monitoring date is not dated: it may be a fact written after the date or one of the
    year before («approvato a novembre», read at 31/03)."""
    found = list(_MONTH_DONE.finditer(folded, begin, stop))
    if len(found) != 1:
        return None
    match = found[0]
    month = values.MONTHS[match.group("month")]
    if match.group("year") is None and month > as_of.month + 1:
        return None
    year = int(match.group("year") or as_of.year)
    days = calendar.monthrange(year, month)[1]
    first, last = _PARTS.get(match.group("part") or "", (1, days))
    if match.group("by"):
        return None, match.start(), match.end(), date(year, month, days)
    return date(year, month, first), match.start(), match.end(), date(year, month, min(last, days))


def _alternatives(words: list[str]) -> re.Pattern[str] | None:
    """One pattern for a list of words or phrases (folded), the longest tried first."""
    folded = sorted((_fold(w) for w in words), key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in folded) + r")(?!\w)")


def _endings(endings: list[str]) -> re.Pattern[str]:
    """Words of at least five letters ending as written («realizzerà», «partiranno»): the ending keeps its
    accent, so the pattern is matched on the note lower-cased but not folded. Not in a relative clause
    («le relazioni che confluiranno nel bilancio»): that describes the thing, not when it is done."""
    return re.compile(r"(?<!\bche )(?<!\bcui )(?<!\bche si )(?<!\bcui si )(?<!\w)[^\W\d_]{2,}(?:" + "|".join(re.escape(e.lower()) for e in endings) + r")(?!\w)")


def _written_progress(note: str) -> Decimal | None:
    """A single percentage in a note that speaks of progress («in misura pari al 30% circa»); not a share of people
    («risposte pari al 71% del personale»: how many answered, not how far the activity is)."""
    numbers = [found.group(1) for found in _PERCENT.finditer(note) if not _OF_PEOPLE.match(note, found.end())]
    if len(numbers) != 1 or not _PROGRESS_WORDS.search(note):
        return None
    value = Decimal(numbers[0].replace(",", "."))
    return value if value <= 100 else None


def note_checks(lexicon: Lexicon | None) -> Callable[[Subject], list[Problem]]:
    """A check for ``piao-rules verifica``: every activity without a measure whose note proposes a status."""
    reader = NoteReader(lexicon) if lexicon is not None else None

    def check(subject: Subject) -> list[Problem]:
        if reader is None or subject.measures is None:
            return []
        year = subject.plan.year
        targets = {indicator.code: indicator.target_for(year) for indicator, _, _ in subject.indicators()}
        names = {indicator.code: indicator.name for indicator, _, _ in subject.indicators()}
        problems = []
        for index, measure in enumerate(subject.measures.measures):
            measured = any((measure.value is not None, measure.progress is not None, measure.completed_on is not None,
                            bool(measure.components), measure.judgement is not None))
            if measured or not measure.note or not targets.get(measure.code):
                continue
            try:
                target = parse_target(targets[measure.code], year)
            except TargetError:
                continue
            target = one_thing(target, measure, names.get(measure.code)) or target
            reading = reader.read(measure.note, target.milestone) if target.kind.traits.activity else None
            if reading is not None:
                problems.append(subject.in_measures(
                    ("misure", index, "nota"),
                    f"{measure.code}: nessuna misura; dalla nota si legge {reading.text()}: lo stato sarà proposto, da confermare",
                    warning=True,
                ))
        return problems

    return check
