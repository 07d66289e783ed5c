"""The labelled set (tests/fixtures/giudizio): agreement with a controller's reading, per class and set,
as reported in docs/giudizio.md; both engines give the same results on it."""

from __future__ import annotations

import pytest
import yaml
from giudizio_helpers import CASES, agreement, cases, evaluate_case

# (agreeing, rows) per (class, set): the figures of docs/giudizio.md. «verifica» and «verifica_3» to «verifica_5» are held-out
# sets, labelled before the tool was run on them; their labels are never changed to make the figures agree.
# The 16 rows of set 3 fixed in the third pass are development rows now («prima: verifica_3»), and so are the
# rows of set 4 fixed in the fourth and fifth passes («prima: verifica_4»), of set 5 fixed in the fifth
# («prima: verifica_5»), of set 6 fixed in the sixth («prima: verifica_6»), of set 7 fixed in the seventh
# («prima: verifica_7») and of set 8 fixed in the eighth («prima: verifica_8»).
REPORTED = {
    ("note", "sviluppo"): (281, 287), ("note", "verifica"): (8, 8), ("note", "verifica_3"): (9, 10),
    ("andamento", "sviluppo"): (191, 191), ("andamento", "verifica"): (7, 7), ("andamento", "verifica_3"): (11, 11),
    ("copertura", "sviluppo"): (140, 140), ("copertura", "verifica"): (4, 4), ("copertura", "verifica_3"): (2, 2),
    ("conteggio", "sviluppo"): (214, 214), ("conteggio", "verifica"): (2, 2), ("conteggio", "verifica_3"): (4, 4),
    ("si_no", "sviluppo"): (75, 75), ("si_no", "verifica"): (4, 4), ("si_no", "verifica_3"): (5, 5),
    ("calcolo", "sviluppo"): (137, 137), ("calcolo", "verifica"): (5, 5), ("calcolo", "verifica_3"): (6, 6),
    ("proposta", "sviluppo"): (50, 50), ("proposta", "verifica"): (2, 2), ("proposta", "verifica_3"): (4, 5),
    # the fourth set, measured blind once, after the third pass
    ("note", "verifica_4"): (10, 10), ("andamento", "verifica_4"): (10, 11), ("conteggio", "verifica_4"): (6, 6),
    ("si_no", "verifica_4"): (5, 5), ("calcolo", "verifica_4"): (5, 5), ("proposta", "verifica_4"): (4, 4),
    # the fifth set, measured blind once, after the fourth pass; the rows fixed in the fifth pass are development rows
    ("note", "verifica_5"): (9, 9), ("andamento", "verifica_5"): (8, 9), ("copertura", "verifica_5"): (2, 2),
    ("conteggio", "verifica_5"): (4, 5), ("si_no", "verifica_5"): (2, 2), ("calcolo", "verifica_5"): (6, 6),
    ("proposta", "verifica_5"): (4, 4),
    # the sixth set, measured blind once, after the fifth pass (28/50); the 20 rows fixed in the sixth pass are
    # development rows now, the 30 left agree 28 times before and after it
    ("note", "verifica_6"): (6, 6), ("andamento", "verifica_6"): (8, 9), ("copertura", "verifica_6"): (5, 5),
    ("conteggio", "verifica_6"): (1, 1), ("si_no", "verifica_6"): (3, 3), ("calcolo", "verifica_6"): (4, 4),
    ("proposta", "verifica_6"): (2, 2),
    # the seventh set (invented rows), measured blind once, after the sixth pass: 35/50 (the six rows whose measure
    # the tool refused, «2 sale», «6 iniziative 88 imprese», counted as disagreeing); the nine rows fixed in the
    # seventh pass are development rows now; of the 41 left, «Brescia sportello» agrees since the seventh pass too
    # (kept here: its phase is read «programmata», the controller's is «avviata»)
    ("note", "verifica_7"): (10, 10), ("andamento", "verifica_7"): (8, 8), ("copertura", "verifica_7"): (4, 5),
    ("si_no", "verifica_7"): (3, 3), ("calcolo", "verifica_7"): (6, 6),
    ("proposta", "verifica_7"): (4, 5),
    # the eighth set (invented rows, other chambers), measured blind once, after the seventh pass: 40/50; the four
    # rows fixed in the eighth pass are development rows now, the 46 left agree 40 times before and after it
    ("note", "verifica_8"): (8, 10), ("andamento", "verifica_8"): (7, 9), ("copertura", "verifica_8"): (5, 5),
    ("conteggio", "verifica_8"): (5, 5), ("si_no", "verifica_8"): (4, 4), ("calcolo", "verifica_8"): (7, 7),
    ("proposta", "verifica_8"): (4, 4),
    # the ninth set (invented rows), measured blind once, after the eighth pass: 37/50
    ("note", "verifica_9"): (8, 11), ("andamento", "verifica_9"): (7, 8), ("copertura", "verifica_9"): (4, 5),
    ("conteggio", "verifica_9"): (3, 4), ("si_no", "verifica_9"): (4, 4), ("calcolo", "verifica_9"): (8, 8),
    ("proposta", "verifica_9"): (3, 3),
    # the tenth set (invented rows), measured blind once, after the ninth pass: 36/50
    ("note", "verifica_10"): (7, 8), ("andamento", "verifica_10"): (6, 8), ("copertura", "verifica_10"): (4, 5),
    ("conteggio", "verifica_10"): (3, 3), ("si_no", "verifica_10"): (4, 4), ("calcolo", "verifica_10"): (7, 7),
    ("proposta", "verifica_10"): (5, 5),
    # the eleventh set (invented rows), measured blind once, after the tenth pass: 38/50; its row «Molise schede
    # procedimento», fixed after the measure, and the four rows fixed in the eleventh pass are development rows now
    # («prima: verifica_11»). The eleventh pass also fixed four rows of the tenth set, one of the eighth and one of
    # the seventh (development rows now), and made «AA21 POLA … KRONOS» of the sixth set agree (kept there: its phase
    # is read «rinviata», the controller's is «sospesa»)
    ("note", "verifica_11"): (9, 10), ("andamento", "verifica_11"): (7, 8), ("copertura", "verifica_11"): (4, 5),
    ("conteggio", "verifica_11"): (3, 4), ("si_no", "verifica_11"): (4, 4), ("calcolo", "verifica_11"): (8, 8),
    ("proposta", "verifica_11"): (3, 5),
    # the twelfth set (invented rows), measured blind once, after the eleventh pass: 37/50 (two rows whose measure
    # the tool refused counted as disagreeing); the eight rows fixed in the twelfth pass are development rows now
    # («prima: verifica_12»), the 42 left agree 37 times before and after it
    ("note", "verifica_12"): (8, 8), ("andamento", "verifica_12"): (8, 9), ("copertura", "verifica_12"): (3, 3),
    ("conteggio", "verifica_12"): (5, 5), ("si_no", "verifica_12"): (3, 3), ("calcolo", "verifica_12"): (7, 7),
    ("proposta", "verifica_12"): (3, 4),
    # the thirteenth set (invented rows, northern chambers), measured blind once, after the twelfth pass: 38/50 (one row
    # whose measure the tool refused counted as disagreeing); the four rows fixed in the thirteenth pass and the one fixed
    # in the fourteenth are development rows now («prima: verifica_13»), the 45 left agree 38 times
    ("note", "verifica_13"): (10, 12), ("andamento", "verifica_13"): (9, 9), ("copertura", "verifica_13"): (5, 5),
    ("conteggio", "verifica_13"): (3, 5), ("si_no", "verifica_13"): (2, 2), ("calcolo", "verifica_13"): (7, 7),
    ("proposta", "verifica_13"): (2, 3),
    # the fourteenth set (invented rows, central and southern chambers), measured blind once, after the twelfth pass, like
    # the thirteenth: 29/50 (two rows whose measure the tool refused counted as disagreeing); the four rows fixed in the
    # thirteenth pass are development rows now («prima: verifica_14»), the 46 left agree 29 times before and after it
    ("note", "verifica_14"): (10, 10), ("andamento", "verifica_14"): (5, 8), ("copertura", "verifica_14"): (3, 6),
    ("conteggio", "verifica_14"): (2, 5), ("si_no", "verifica_14"): (3, 3), ("calcolo", "verifica_14"): (6, 6),
    ("proposta", "verifica_14"): (1, 4),
    # the fifteenth set (invented rows, regional unions and special agencies of every region) and the sixteenth (invented
    # rows, PIAO 2024-2026 subjects), measured blind once, after the thirteenth pass: 27/50 and 25/50 (nine and twelve
    # rows whose measure the tool refused counted as disagreeing); the two rows of each fixed in the fourteenth pass (part B,
    # dates of completion) are development rows now, the 48 left agree 27 and 25 times. Part A (value cells written the way
    # offices write them) made 17 of the 21 refused rows agree: 13 are development rows now («prima: verifica_15»,
    # «prima: verifica_16»); four agree but stay here, as «Brescia sportello» did, because the phase read is not the
    # controller's (Lombardia Accordo di programma, Lazio piano di formazione, Sicilia mappatura dei processi, Cuneo nuovo
    # sito): the 44 and 39 rows left agree 30 and 26 times; the twenty-third pass, part B1, fixed «Toscana Nord-Ovest
    # certificazione parità di genere» (a development row now): 38 rows of the sixteenth set are left, 26 agree
    ("note", "verifica_15"): (7, 8), ("andamento", "verifica_15"): (4, 8), ("copertura", "verifica_15"): (4, 5),
    ("conteggio", "verifica_15"): (3, 3), ("si_no", "verifica_15"): (3, 3), ("calcolo", "verifica_15"): (8, 8),
    ("proposta", "verifica_15"): (1, 3),
    ("note", "verifica_16"): (2, 3), ("andamento", "verifica_16"): (8, 9), ("copertura", "verifica_16"): (3, 5),
    ("conteggio", "verifica_16"): (3, 3), ("si_no", "verifica_16"): (3, 3), ("calcolo", "verifica_16"): (6, 8),
    ("proposta", "verifica_16"): (2, 4),
    # the seventeenth set (invented rows, market regulation and services to firms) and the eighteenth (invented rows, the
    # chambers' internal processes), measured blind once, after the fourteenth pass: 32/50 and 34/50 (four and three
    # rows whose measure the tool refused counted as disagreeing). The fifteenth pass, part A (value cells, a relative
    # target's reference in the note, hours and days), fixed four rows of the seventeenth and two of the eighteenth
    # (development rows now, «prima: verifica_17», «verifica_18»); «Sondrio carnet ATA» and «Genova migrazione» agree
    # since but stay here, their phase not being the controller's: the 46 and 48 rows left agree 33 and 35 times.
    # The fifteenth pass, part B, fixed four more rows of the seventeenth and two of the eighteenth (development rows now):
    # proposals that lower the target (ST15P), coverage whose note says a unit missing (ST12U, ST12V), the day of each
    # act in a clause that dates several
    ("note", "verifica_17"): (9, 10), ("andamento", "verifica_17"): (8, 8), ("copertura", "verifica_17"): (3, 4),
    ("conteggio", "verifica_17"): (1, 3), ("si_no", "verifica_17"): (2, 2), ("calcolo", "verifica_17"): (8, 8),
    ("proposta", "verifica_17"): (2, 3),
    ("note", "verifica_18"): (10, 10), ("andamento", "verifica_18"): (6, 7), ("copertura", "verifica_18"): (4, 5),
    ("conteggio", "verifica_18"): (4, 4), ("si_no", "verifica_18"): (3, 3), ("calcolo", "verifica_18"): (7, 7),
    ("proposta", "verifica_18"): (3, 4),
    # the nineteenth set (invented rows, promotion) and the twentieth (invented rows, every area, offices writing
    # differently), measured blind once, after the fifteenth pass: 35/50 and 40/50 (three and two rows whose measure the
    # tool refused counted as disagreeing). The sixteenth pass, part A, fixed four rows of the nineteenth and two of the
    # twentieth (development rows now, «prima: verifica_19», «verifica_20»): abbreviated scales, «in corso (70%)», a count
    # with its part («di cui»), a component written with its unit. The sixteenth pass, part B, fixed three rows of the
    # nineteenth, three of the twentieth and one of the fourteenth (development rows now, «prima: verifica_N»)
    ("note", "verifica_19"): (10, 12), ("andamento", "verifica_19"): (8, 9), ("copertura", "verifica_19"): (4, 6),
    ("conteggio", "verifica_19"): (1, 2), ("si_no", "verifica_19"): (2, 2), ("calcolo", "verifica_19"): (7, 7),
    ("proposta", "verifica_19"): (3, 4),
    ("note", "verifica_20"): (11, 11), ("andamento", "verifica_20"): (8, 8), ("copertura", "verifica_20"): (5, 6),
    ("conteggio", "verifica_20"): (3, 3), ("si_no", "verifica_20"): (4, 4), ("calcolo", "verifica_20"): (6, 6),
    ("proposta", "verifica_20"): (4, 5),
    # the twenty-first set (invented rows, every area) and the twenty-second (invented rows, regional unions, special
    # agencies and chambers of the South and the islands), measured blind once, after the sixteenth pass: 34/50 and
    # 35/50 (two rows whose measure the tool refused counted as disagreeing). The seventeenth pass, part A (reading the
    # measures), fixed five rows of the twenty-first and four of the twenty-second (development rows now, «prima:
    # verifica_21», «verifica_22»): the 45 and 46 rows left agree 34 and 35 times, as at the blind measure. The
    # seventeenth pass, part B (judgement rules and the reading of notes), fixed three more rows of the twenty-first and
    # five of the twenty-second (development rows now), two rows of the twelfth and one each of the fifteenth,
    # seventeenth and eighteenth; «Venezia Rovigo prenotazione online» (21st) and «Lucca avvio scansione» (20th) agree
    # since but stay here, their phase not being the controller's: the 42 and 41 rows left agree 35 and 35 times
    ("note", "verifica_21"): (9, 10), ("andamento", "verifica_21"): (9, 10), ("copertura", "verifica_21"): (3, 3),
    ("conteggio", "verifica_21"): (2, 3), ("si_no", "verifica_21"): (3, 3), ("calcolo", "verifica_21"): (6, 7),
    ("proposta", "verifica_21"): (3, 4),
    ("note", "verifica_22"): (7, 9), ("andamento", "verifica_22"): (8, 10), ("copertura", "verifica_22"): (4, 5),
    ("conteggio", "verifica_22"): (2, 2), ("si_no", "verifica_22"): (4, 4), ("calcolo", "verifica_22"): (8, 8),
    ("proposta", "verifica_22"): (2, 3),
    # the twenty-third to twenty-sixth sets (invented rows: the North-West and the Centre, PIAO 2025-27 subjects; the
    # North-East, the islands and the regional unions; every region at 30/09 and 31/12; the mid-year judgement of pace),
    # measured blind once, after the seventeenth pass: 37/50, 34/50, 38/50 and 37/50 (five rows whose measure the tool
    # refused counted as disagreeing). The eighteenth pass, in four parts (A: value cells, units, calculated indicators;
    # C: counts and coverage; B1: notes; B2: pace, calendars, proposals), fixed 40 of their rows and 14 of earlier sets
    # (development rows now, «prima: verifica_N»); «V23 Modena sportello ESG», «V23 Riviere di Liguria alberatura»,
    # «Umbria convenzione tirocini» (24th), «V26 archivio fascicoli cessate» and «Firenze certificato prevenzione
    # incendi» (18th) agree since but stay here, their phase not being the controller's
    ("note", "verifica_23"): (11, 11), ("andamento", "verifica_23"): (6, 6), ("copertura", "verifica_23"): (6, 6),
    ("conteggio", "verifica_23"): (4, 4), ("si_no", "verifica_23"): (3, 3), ("calcolo", "verifica_23"): (7, 7),
    ("proposta", "verifica_23"): (2, 2),
    ("note", "verifica_24"): (10, 12), ("andamento", "verifica_24"): (6, 8), ("copertura", "verifica_24"): (4, 5),
    ("conteggio", "verifica_24"): (0, 1), ("si_no", "verifica_24"): (4, 4), ("calcolo", "verifica_24"): (7, 7),
    ("proposta", "verifica_24"): (4, 5),
    ("note", "verifica_25"): (12, 12), ("andamento", "verifica_25"): (7, 7), ("copertura", "verifica_25"): (4, 5),
    ("conteggio", "verifica_25"): (1, 2), ("si_no", "verifica_25"): (4, 4), ("calcolo", "verifica_25"): (6, 6),
    ("proposta", "verifica_25"): (4, 4),
    ("note", "verifica_26"): (9, 9), ("andamento", "verifica_26"): (7, 7), ("copertura", "verifica_26"): (4, 4),
    ("conteggio", "verifica_26"): (3, 4), ("si_no", "verifica_26"): (4, 4), ("calcolo", "verifica_26"): (6, 6),
    ("proposta", "verifica_26"): (5, 5),
    # the twenty-seventh and twenty-eighth sets (invented rows: Lazio and the South; the North and the Centre, offices
    # writing with abbreviations and pointers), measured blind once, after the eighteenth pass: 28/50 and 35/50 (thirteen
    # rows whose measure the tool refused counted as disagreeing). The nineteenth pass, part A (value cells pointing to
    # the components, counts in words above twenty, «bozza», «ok», «N», «mila», a component written as a sentence, a total
    # with its noun), fixed six rows of the 27th and two of the 28th (development rows now, «prima: verifica_27»,
    # «verifica_28»); «V27 Caserta regolamento … in bozza» agrees since but stays here, its phase not being the controller's.
    # The nineteenth pass, part B1 (the notes: the act told in the future, the deadline impossible, the act not done in the
    # year, the awaited step announced for a later year, «predisposizione», the delay as the cause of a dated completion,
    # no date fixed yet), fixed five rows of the 27th and two of the 28th (development rows now)
    ("note", "verifica_27"): (7, 8), ("andamento", "verifica_27"): (8, 9), ("copertura", "verifica_27"): (4, 4),
    ("conteggio", "verifica_27"): (1, 1), ("si_no", "verifica_27"): (3, 3), ("calcolo", "verifica_27"): (2, 2),
    ("proposta", "verifica_27"): (4, 5),
    ("note", "verifica_28"): (9, 11), ("andamento", "verifica_28"): (8, 9), ("copertura", "verifica_28"): (3, 5),
    ("conteggio", "verifica_28"): (3, 4), ("si_no", "verifica_28"): (3, 3), ("calcolo", "verifica_28"): (5, 5),
    ("proposta", "verifica_28"): (4, 5),
    # the twenty-ninth and thirtieth sets (invented rows: chambers little used before, at 30/06 and 31/12; every region
    # at 31/03 and 30/09), measured blind once, after the nineteenth pass: 33/50 and 35/50 (three rows whose measure the
    # tool refused counted as disagreeing); the rows fixed in the twentieth pass are development rows now («prima:
    # verifica_29», «prima: verifica_30»): part A, five of set 29 (all its counts) and five of set 30; part B1, one of
    # set 29 and four of set 30 («V29 Novara mappatura processi» agrees but stays, its phase not being shown); part B2,
    # five of set 29 and two of set 30; after the pass, «V30 Padova PEC» (YAML «1.250» read as thousands)
    ("note", "verifica_29"): (9, 11), ("andamento", "verifica_29"): (7, 7), ("copertura", "verifica_29"): (4, 4),
    ("si_no", "verifica_29"): (4, 4), ("calcolo", "verifica_29"): (7, 8),
    ("proposta", "verifica_29"): (3, 5),
    ("note", "verifica_30"): (12, 12), ("andamento", "verifica_30"): (8, 8), ("copertura", "verifica_30"): (3, 4),
    ("conteggio", "verifica_30"): (1, 2), ("si_no", "verifica_30"): (2, 2), ("calcolo", "verifica_30"): (6, 7),
    ("proposta", "verifica_30"): (3, 3),
    # the thirty-first to thirty-fourth sets (invented rows: the South and islands at 30/06 and 31/12; the North at
    # 31/03, 30/06 and 30/09; the Centre at year end; every region, value cells as busy offices write them), measured
    # blind once, after the twentieth pass: 39/50, 36/50, 33/50 and 31/50 (14 rows whose measure the tool refused
    # counted as disagreeing); the rows fixed in the twenty-first pass are development rows now («prima: verifica_31»,
    # «prima: verifica_32», «prima: verifica_34»): part A, one of set 31, one of set 32 and four of set 34 («V31
    # regolamento contributi Napoli» and «V31 regolamento lavoro agile Chieti Pescara» agree but stay, their phase not
    # being read as the controller's)
    ("note", "verifica_31"): (11, 11), ("andamento", "verifica_31"): (7, 8), ("copertura", "verifica_31"): (5, 5),
    ("conteggio", "verifica_31"): (2, 2), ("si_no", "verifica_31"): (4, 4), ("calcolo", "verifica_31"): (8, 8),
    ("proposta", "verifica_31"): (4, 4),
    ("note", "verifica_32"): (8, 9), ("andamento", "verifica_32"): (8, 8), ("copertura", "verifica_32"): (3, 4),
    ("conteggio", "verifica_32"): (1, 1), ("si_no", "verifica_32"): (4, 4), ("calcolo", "verifica_32"): (7, 8),
    ("proposta", "verifica_32"): (5, 5),
    ("note", "verifica_33"): (10, 10), ("andamento", "verifica_33"): (6, 9), ("copertura", "verifica_33"): (5, 6),
    ("conteggio", "verifica_33"): (0, 1), ("si_no", "verifica_33"): (3, 3), ("calcolo", "verifica_33"): (6, 7),
    ("proposta", "verifica_33"): (3, 5),
    ("note", "verifica_34"): (9, 9), ("andamento", "verifica_34"): (5, 5), ("copertura", "verifica_34"): (4, 4),
    ("conteggio", "verifica_34"): (0, 4), ("si_no", "verifica_34"): (4, 4), ("calcolo", "verifica_34"): (6, 6),
    ("proposta", "verifica_34"): (3, 5),
    # the thirty-fifth and thirty-sixth sets (invented rows: every region, aziende speciali and Unioni regionali at the
    # four dates; the North-West, the Centre and the South at 30/06 and 31/12, coverage, calculated indicators,
    # proposals), measured blind once, after the twenty-first pass: 39/50 and 40/50 (five rows whose measure the tool
    # refused counted as disagreeing). The twenty-second pass (parts A and B) fixed three rows of the 35th and seven of
    # the 36th, the twenty-third one more of the 35th (development rows now, «prima: verifica_35», «verifica_36»)
    ("note", "verifica_35"): (9, 10), ("andamento", "verifica_35"): (10, 10), ("copertura", "verifica_35"): (5, 6),
    ("conteggio", "verifica_35"): (1, 3), ("si_no", "verifica_35"): (4, 4), ("calcolo", "verifica_35"): (8, 8),
    ("proposta", "verifica_35"): (3, 5),
    ("note", "verifica_36"): (10, 10), ("andamento", "verifica_36"): (10, 10), ("copertura", "verifica_36"): (3, 5),
    ("conteggio", "verifica_36"): (2, 2), ("si_no", "verifica_36"): (3, 3), ("calcolo", "verifica_36"): (8, 8),
    ("proposta", "verifica_36"): (5, 5),
    # the thirty-seventh and thirty-eighth sets (invented rows: chambers rarely named before, at 30/06 and 30/09; every
    # region at 31/12 and 31/03), measured blind once, after the twenty-first pass: 36/50 and 36/50 (eight rows whose
    # measure the tool refused counted as disagreeing). The twenty-second pass (parts A and B) fixed eight rows of the
    # 37th and five of the 38th, the twenty-third one more of the 38th and its part A another (development rows now, «prima: verifica_37»,
    # «verifica_38»)
    ("note", "verifica_37"): (10, 11), ("andamento", "verifica_37"): (8, 8), ("copertura", "verifica_37"): (3, 4),
    ("conteggio", "verifica_37"): (1, 2), ("si_no", "verifica_37"): (3, 4), ("calcolo", "verifica_37"): (8, 8),
    ("proposta", "verifica_37"): (3, 5),
    ("note", "verifica_38"): (8, 11), ("andamento", "verifica_38"): (7, 9), ("copertura", "verifica_38"): (4, 5),
    ("conteggio", "verifica_38"): (2, 2), ("si_no", "verifica_38"): (4, 4), ("calcolo", "verifica_38"): (8, 8),
    ("proposta", "verifica_38"): (3, 4),
    # the thirty-ninth to forty-second sets (invented rows: small chambers of the South and islands at 30/06 and 30/09;
    # the North-East and accorpate chambers at 31/12 and 31/03; the Centre and North-West at 30/06; Unioni regionali and
    # rarely named chambers at the four dates), measured blind once, after the twenty-second pass and ST08Z: 28/50,
    # 37/50, 40/50 and 37/50 (seventeen rows whose measure the tool refused counted as disagreeing); the rows fixed in
    # the twenty-third pass are development rows now (part B1: 2, 5 and 2 rows of the 39th, 40th and 42nd sets)
    ("note", "verifica_39"): (10, 10), ("andamento", "verifica_39"): (4, 7), ("copertura", "verifica_39"): (4, 6),
    ("conteggio", "verifica_39"): (0, 1), ("si_no", "verifica_39"): (3, 3), ("calcolo", "verifica_39"): (5, 5),
    ("proposta", "verifica_39"): (4, 5),
    ("note", "verifica_40"): (7, 7), ("andamento", "verifica_40"): (9, 10), ("copertura", "verifica_40"): (4, 5),
    ("conteggio", "verifica_40"): (1, 2), ("si_no", "verifica_40"): (4, 4), ("calcolo", "verifica_40"): (8, 8),
    ("proposta", "verifica_40"): (4, 4),
    ("note", "verifica_41"): (12, 12), ("andamento", "verifica_41"): (7, 9), ("copertura", "verifica_41"): (3, 4),
    ("conteggio", "verifica_41"): (2, 2), ("si_no", "verifica_41"): (4, 4), ("calcolo", "verifica_41"): (7, 7),
    ("proposta", "verifica_41"): (5, 5),
    ("note", "verifica_42"): (8, 9), ("andamento", "verifica_42"): (8, 9), ("copertura", "verifica_42"): (6, 6),
    ("conteggio", "verifica_42"): (0, 1), ("si_no", "verifica_42"): (4, 4), ("calcolo", "verifica_42"): (6, 6),
    ("proposta", "verifica_42"): (5, 5),
    # the forty-third to forty-sixth sets (invented rows: every region at 30/06 with value cells from Excel exports;
    # Lombardia, Veneto, Piemonte and Emilia-Romagna at 30/09 and 31/12 with events and contacts counted; the Centre and
    # South at 31/03 and 30/06 with procurement, blocks and postponements; aziende speciali and chambers at 31/12 and
    # 30/09 with calculated indicators, proposals and coverage), measured blind once, after the twenty-third pass:
    # 45/50, 37/50, 35/50 and 40/50 (eight rows whose measure the tool refused counted as disagreeing); the rows fixed in the
    # twenty-fourth pass are development rows now («prima: verifica_43» to «prima: verifica_46»; part B1: one of set 43, one
    # of set 44, five of set 45, two of set 46, with one of set 34 of the same family, «prima: verifica_34»)
    ("note", "verifica_43"): (11, 12), ("andamento", "verifica_43"): (10, 10), ("copertura", "verifica_43"): (6, 6),
    ("conteggio", "verifica_43"): (2, 3), ("si_no", "verifica_43"): (3, 3), ("calcolo", "verifica_43"): (8, 8),
    ("proposta", "verifica_43"): (5, 5),
    ("note", "verifica_44"): (12, 12), ("andamento", "verifica_44"): (7, 8), ("copertura", "verifica_44"): (3, 6),
    ("conteggio", "verifica_44"): (1, 3), ("si_no", "verifica_44"): (3, 3), ("calcolo", "verifica_44"): (7, 7),
    ("proposta", "verifica_44"): (5, 5),
    ("note", "verifica_45"): (6, 7), ("andamento", "verifica_45"): (8, 10), ("copertura", "verifica_45"): (5, 6),
    ("conteggio", "verifica_45"): (2, 5), ("si_no", "verifica_45"): (4, 4), ("calcolo", "verifica_45"): (6, 6),
    ("proposta", "verifica_45"): (4, 5),
    ("note", "verifica_46"): (10, 11), ("andamento", "verifica_46"): (6, 8), ("copertura", "verifica_46"): (4, 5),
    ("conteggio", "verifica_46"): (4, 5), ("si_no", "verifica_46"): (4, 4), ("calcolo", "verifica_46"): (8, 8),
    ("proposta", "verifica_46"): (4, 4),
    # the forty-seventh to fiftieth sets (invented rows: Sicily, Sardinia and Calabria at 30/09 with cells typed by
    # several offices into one sheet; Liguria, Piedmont and Lombardy at 31/12 with terse notes; Tuscany, the Marche,
    # Lazio and Abruzzo at 30/06 with long notes by dirigenti; merged chambers at 30/09 and 31/12 with data per office
    # or per quarter), measured blind once, after the twenty-fourth pass: 43/50, 39/50, 38/50 and 37/50 (thirteen rows
    # whose measure the tool refused counted as disagreeing)
    ("note", "verifica_47"): (11, 12), ("andamento", "verifica_47"): (8, 10), ("copertura", "verifica_47"): (5, 6),
    ("conteggio", "verifica_47"): (4, 5), ("si_no", "verifica_47"): (3, 4), ("calcolo", "verifica_47"): (8, 8),
    ("proposta", "verifica_47"): (4, 5),
    ("note", "verifica_48"): (10, 12), ("andamento", "verifica_48"): (6, 10), ("copertura", "verifica_48"): (5, 6),
    ("conteggio", "verifica_48"): (2, 5), ("si_no", "verifica_48"): (4, 4), ("calcolo", "verifica_48"): (7, 8),
    ("proposta", "verifica_48"): (5, 5),
    ("note", "verifica_49"): (6, 12), ("andamento", "verifica_49"): (8, 10), ("copertura", "verifica_49"): (6, 6),
    ("conteggio", "verifica_49"): (3, 5), ("si_no", "verifica_49"): (4, 4), ("calcolo", "verifica_49"): (7, 8),
    ("proposta", "verifica_49"): (4, 5),
    ("note", "verifica_50"): (10, 12), ("andamento", "verifica_50"): (6, 10), ("copertura", "verifica_50"): (5, 6),
    ("conteggio", "verifica_50"): (5, 5), ("si_no", "verifica_50"): (3, 4), ("calcolo", "verifica_50"): (5, 8),
    ("proposta", "verifica_50"): (3, 5),
}


# The sixth set: of its 22 misses measured blind after the fifth pass, 20 were fixed in the sixth pass (development
# rows now, «prima: verifica_6»); these two were studied and left, for the reasons in docs/giudizio.md.
SIXTH_SET_MISSES = ["AA20 Alessandria comuni con backoffice SUAP"]


# The seventh set: of its 15 misses measured blind after the sixth pass, 9 were fixed in the seventh pass (development
# rows now, «prima: verifica_7») and «Brescia sportello» agrees since; these five were studied and left, for the
# reasons in docs/giudizio.md.
SEVENTH_SET_MISSES = [
    "Ancona ricavi azienda speciale, proposta (inventato)",
    # agreed by accident until the tenth pass (5 su 14 compared with 100% as 5%); read as the share 36% since, the
    # ST17N reading of «le altre aree partiranno a settembre» makes it in linea (proposed)
    "Como Lecco mappatura processi lavoro agile per ufficio (inventato)",
]


# The eighth set: of its 10 misses measured blind after the seventh pass, 4 were fixed in the eighth pass (development
# rows now, «prima: verifica_8»); these six were studied and left, for the reasons in docs/giudizio.md.
EIGHTH_SET_MISSES = [
    "Venezia Giulia segreteria composizione negoziata (inventato)",
    "Brescia report Excelsior provinciale (inventato)",
    "Verona webinar internazionalizzazione (inventato)", "Bergamo ore di formazione al personale (inventato)",
]


# The ninth set's misses, measured blind after the eighth pass and not studied yet (docs/giudizio.md).
NINTH_SET_MISSES = [
    "Trapani DPIA videosorveglianza della sede (inventato)",
    "Parma piano di riorganizzazione dell'azienda speciale (inventato)", "Frosinone Latina revisione Carta dei servizi (inventato)",
    "Trapani ore di formazione del personale (inventato)",
    "Trapani mappatura rischi corruttivi per area, senza totale (inventato)",
    "Piacenza edizioni del corso Crea la tua impresa (inventato)",
]


# The tenth set's misses, measured blind after the ninth pass; four were fixed in the eleventh pass (development rows
# now), these were studied in it and left, for the reasons in docs/giudizio.md.
TENTH_SET_MISSES = [
    "Trapani pubblicazione bandi di gara (inventato)",
    "Salerno verificazioni periodiche strumenti metrici (inventato)", "Trento riqualificazione energetica della sede (inventato)",
    "Caltanissetta monitoraggio misure anticorruzione per Area (inventato)",
]


# The eleventh set's misses, measured blind after the tenth pass, less the one fixed after the measure and the four
# fixed in the eleventh pass; these were studied in it and left, for the reasons in docs/giudizio.md.
ELEVENTH_SET_MISSES = [
    "Ancona dismissione partecipazioni non strategiche (inventato)",
    "Cosenza eventi di promozione del territorio 2020 (inventato)",
    "Umbria sportello certificativo nelle sedi distaccate (inventato)", "Sud Est Sicilia tre sale per eventi ibridi (inventato)",
    "Messina revisione ruolo periti ed esperti, proposta (inventato)",
    "Treviso-Belluno eventi PID in presenza convertiti in webinar, proposta (inventato)",
]

# The twelfth set, measured blind once after the eleventh pass (37/50): of its thirteen misses, eight were fixed in the
# twelfth pass (development rows now, «prima: verifica_12»); these five were studied and left, for the reasons in
# docs/giudizio.md.
TWELFTH_SET_MISSES = [
    "Milano Monza Brianza Lodi imprese nei percorsi settoriali export (inventato)",
    "Venezia Giulia ispezioni sui distributori di carburante, proposta (inventato)",
]


# The thirteenth and fourteenth sets, measured blind once after the twelfth pass (38/50 and 29/50): of their misses, four
# each were fixed in the thirteenth pass (development rows now, «prima: verifica_13» and «prima: verifica_14»), and one of
# the thirteenth in the fourteenth (the Pordenone-Udine convention signed in January); these were studied and left, for
# the reasons in docs/giudizio.md (the twentieth pass, part B1, fixed «Brescia affidamento»: a SI still NO after the
# deadline in its name).
THIRTEENTH_SET_MISSES = [
    "Reggio Emilia piattaforma provinciale per i tirocini, nota su altro (inventato)",
    "Vicenza trasferimento del laboratorio metrico, gara deserta (inventato)",
    "Mantova incontri con le associazioni sul piano di promozione, primo trimestre (inventato)",
    "Sondrio incontri del Tavolo provinciale del turismo entro giugno (inventato)",
    "Treviso-Belluno sala polifunzionale della sede di Belluno, proposta (inventato)",
]


FOURTEENTH_SET_MISSES = [
    "Arezzo studenti nei percorsi di orientamento 2020 (inventato)",
    "Bari tempo medio pratiche RI in giorni lavorativi (inventato)",
    "Maremma e Tirreno listino settimanale Borsa merci sospeso in lockdown (inventato)",
    "Catanzaro adesione dei Comuni al SUAP camerale (inventato)",
    "Irpinia Sannio aggiornamento Amministrazione trasparente per ufficio (inventato)",
    "Palermo Enna domicilio digitale d'ufficio alle imprese individuali (inventato)",
    "Lecce fiere internazionali del turismo, nota generica (inventato)",
    "Gran Sasso d'Italia report trimestrali sulla demografia d'impresa (inventato)",
    "Molise giornate di consulenza su marchi e brevetti 2024 (inventato)",
    "Napoli incontri B2B e imprese partecipanti, proposta al rialzo (inventato)",
    "Catanzaro Crotone Vibo vigilanza metrologica, da strumenti a impianti (inventato)",
    "Frosinone Latina sportello PID nella sede di Latina, apertura slittata (inventato)",
]


# The fifteenth and sixteenth sets, measured blind once after the thirteenth pass (27/50 and 25/50): of their misses, two
# each were fixed in the fourteenth pass, part B (development rows now, «prima: verifica_15», «prima: verifica_16»), with
# one of the thirteenth set («prima: verifica_13»); the 21 rows whose measure the tool refused were studied in part A and
# 17 of them agree since; the others not yet studied or left, for the reasons in docs/giudizio.md.
FIFTEENTH_SET_MISSES = [
    "Unioncamere Emilia-Romagna Rapporto sull'economia regionale, nota sulle rilevazioni Excelsior (inventato)",
    "Bari azienda speciale per la formazione, giornate d'aula erogate (inventato)",
    "Umbria azienda speciale, ricavi da servizi a pagamento a metà 2025 (inventato)",
    "Unioncamere Abruzzo uscite della newsletter regionale (inventato)",
    "Valle d'Aosta azienda speciale, imprese nelle collettive fieristiche con ritiri (inventato)",
    "Liguria azienda speciale, questionario di gradimento in tutti i corsi a settembre (inventato)",
    "Unioncamere Sicilia da imprese contattate a check-up completati, proposta (inventato)",
    "Friuli Venezia Giulia azienda speciale, buyer in incoming, proposta al rialzo (inventato)",
]


SIXTEENTH_SET_MISSES = [
    "Rieti Viterbo concorso per quattro funzionari del piano dei fabbisogni (inventato)",
    "Trento accordi di lavoro agile, valore di gennaio smentito dalla nota (inventato)",
    "Umbria verifica accessibilità documenti per Area, una Area senza totale (inventato)",
    "Rieti Viterbo corso etica pubblica, sessione di recupero a ottobre (inventato)",
    "Treviso Belluno capacità di spesa PNRR, liquidato in migliaia di euro (inventato)",
    "Catanzaro Crotone Vibo PDF accessibili, allegati dei bandi esclusi dal totale (inventato)",
    "Cagliari-Oristano CER sulla copertura della sede, allaccio a novembre, proposta di proroga (inventato)",
    "Rieti Viterbo ore di formazione digitale, proposta pro capite al rialzo (inventato)",
]


# The seventeenth and eighteenth sets, measured blind once after the fourteenth pass (32/50 and 34/50): misses listed;
# the fifteenth pass, part A, fixed or made agree the rows whose value cell was refused (but three), whose relative
# target's reference is in the note, and whose measure is in hours for a target in days; part B fixed six more
# (development rows now) and also «TO kpi9.2.1_01 partner Torino Social Impact» of the fourth set, two rows of the
# ninth, one of the twelfth, one of the thirteenth, one of the fourteenth and two each of the fifteenth and sixteenth.
# The twenty-third pass, part C, fixed «Cuneo seminari ambientali» (a note listing what was done after «vedi nota»).
SEVENTEENTH_SET_MISSES = [
    "Monte Rosa Laghi Alto Piemonte campagna sulle etichette dei prodotti tessili (inventato)",
    "Genova verbali di accertamento trasmessi all'ufficio sanzioni entro 30 giorni (inventato)",
    "Toscana Nord-Ovest campagne di controllo sicurezza prodotti, una sola conclusa (inventato)",
    "Maremma e Tirreno cancellazioni d'ufficio dal Registro imprese, determinazioni attese (inventato)",
    "Bologna controlli casuali sugli strumenti di misura, proposta al ribasso per ispettori in quiescenza (inventato)",
]


EIGHTEENTH_SET_MISSES = [
    "Bergamo ore di formazione 2024 con calendario che non chiude il divario (inventato)",
    "Pisa schede obiettivi individuali consegnate, tre in ritardo (inventato)",
    "Sud Est Sicilia nuovo sito PNRR 1.4.1, proroga al 31/12 proposta (inventato)",
]


# The nineteenth and twentieth sets, measured blind once after the fifteenth pass (35/50 and 40/50): the misses left
# after the sixteenth pass, part A (docs/_giro16_a.md).
NINETEENTH_SET_MISSES = [
    "Pisa vetrina e-commerce, nota sull'incontro con le associazioni (inventato)",
    "Parma banca dati prezzi agroalimentari su open data, quotazioni a marzo (inventato)",
    "Cagliari-Oristano variazione annua presenze turistiche con dato parziale (inventato)",
    "Marche riunioni del tavolo regionale per l'internazionalizzazione (inventato)",
    "Parma gradimento nelle collettive in fiera, Tuttofood senza rilevazione (inventato)",
    "Irpinia Sannio progetti PCTO proposti e avviati (inventato)",
    "Bergamo domande finanziate sul voucher internazionalizzazione, risorse esaurite (inventato)",
]


TWENTIETH_SET_MISSES = [
    "Benevento incontri gruppo PIAO con le tre Aree, servizi interni scoperta (inventato)",
    "Benevento strumenti verificati convertiti in impianti di carburante (inventato)",
]


# The twenty-first and twenty-second sets, measured blind once after the sixteenth pass (34/50 and 35/50): the misses
# left after the seventeenth pass, parts A and B (docs/giudizio.md, «Il diciassettesimo giro»).
TWENTY_FIRST_SET_MISSES = [
    "Valle d'Aosta impianto fotovoltaico della sede in attesa di allaccio (inventato)",
    "Lecce certificati di origine rilasciati entro 2 giorni, valore del solo mese di giugno (inventato)",
    "Caltanissetta giornate di formazione per gli aspiranti agenti di commercio, una annullata (inventato)",
    "Cremona-Mantova-Pavia partecipazione all'indagine sul benessere organizzativo chiusa a settembre (inventato)",
    "Varese ore di consulenza del PID, proposta al ribasso ancora insufficiente (inventato)",
]


TWENTY_SECOND_SET_MISSES = [
    "Sud Est Sicilia sede di Siracusa, regolamento dei patrocini con nota sugli eventi (inventato)",
    "Sud Est Sicilia sede di Ragusa, prenotazione online delle carte tachigrafiche (inventato)",
    "Molise sede di Campobasso, partecipanti ai seminari di finanza agevolata (inventato)",
    "Sud Est Sicilia sede di Ragusa, workshop sul credito con quattro rinviati (inventato)",
    "Campania azienda speciale per la formazione, test finale saltato a Caserta (inventato)",
    "Salerno regolamento sulla videosorveglianza delle sedi, proroga in attesa dell'Ispettorato (inventato)",
]


# The twenty-third to twenty-sixth sets, measured blind once after the seventeenth pass (37/50, 34/50, 38/50, 37/50):
# the misses left after the eighteenth pass, studied and left for the reasons in docs/giudizio.md («Il diciottesimo giro»).
TWENTY_THIRD_SET_MISSES = [
]


TWENTY_FOURTH_SET_MISSES = [
    "Bolzano rinnovo certificazione audit famiglia e lavoro, certificato atteso a gennaio (inventato)",
    "Sassari campagna Nord Ovest Sardegna sospesa dopo la revoca del cofinanziamento (inventato)",
    "Unioncamere FVG ore di formazione alle Camere associate in giornate da 6 ore (inventato)",
    "Messina verbali metrici notificati entro 60 giorni, 94% smentito dalla nota (inventato)",
    "Venezia Rovigo formazione sul front office SUAP ai Comuni polesani, quattro senza data (inventato)",
    "Unioncamere Abruzzo assessment di maturità digitale completati (inventato)",
    "Umbria vigilanza sugli strumenti in servizio riformulata per imprese controllate, proposta (inventato)",
]


TWENTY_FIFTH_SET_MISSES = [
    "V25 Palermo Enna corso anticorruzione, nuove edizioni regionali non fissate (inventato)",
    "V25 Rieti-Viterbo progetti turistici finanziati e compartecipati (inventato)",
]


# «circa 25» is read as 25 since the twenty-fourth pass (part A, with a verifica warning): 25 of 40 at September is
# in linea by the pace, the label says a rischio for a figure still provisional.
TWENTY_SIXTH_SET_MISSES = [
    "V26 imprese accompagnate SEI, dato provvisorio a settembre (inventato)",
]


# The twenty-seventh and twenty-eighth sets, measured blind once after the eighteenth pass (28/50 and 35/50): the misses
# left after the nineteenth pass, parts A, B1 and B2, studied and left for the reasons in docs/giudizio.md.
TWENTY_SEVENTH_SET_MISSES = [
    "V27 Frosinone-Latina SPID in mobilità presso associazioni (inventato)",
    "V27 Bari sportello internazionalizzazione imprese assistite (inventato)",
    "V27 Bari azienda speciale percorsi export proposta tre su quattro (inventato)",
]


TWENTY_EIGHTH_SET_MISSES = [
    "V28 Umbria digitalizzazione archivio storico (inventato)",
    "V28 Venezia Rovigo corso appalti nota fuori tema (inventato)",
    "V28 Verona controlli metrici stagionali (inventato)",
    "V28 Como-Lecco schede carichi di lavoro (inventato)",
    "V28 Pistoia-Prato sessioni gestionale uffici anagrafe (inventato)",
    "V28 Varese sportello etichettatura quesiti e imprese (inventato)",
    "V28 Maremma e Tirreno formazione da giornate a ore (inventato)",
]


# The twenty-ninth and thirtieth sets, measured blind once after the nineteenth pass (33/50 and 35/50): the misses left
# after the twentieth pass, studied and left for the reasons in docs/giudizio.md (part A: «Grosseto pagoPA», «Catania
# risorse», «Ferrara Ravenna», «Cremona Mantova Pavia»; part B1: «Piacenza ISO 9001», «Trieste cantieri», «Catania
# strumenti»; part B2: «Milano Monza Brianza Lodi designazioni»).
TWENTY_NINTH_SET_MISSES = [
    "V29 Piacenza azienda speciale ISO 9001, nota sul CdA (inventato)",
    "V29 Grosseto pagoPA diritti di segreteria, manca la sede di Livorno (inventato)",
    "V29 Catania risorse dei bandi impegnate, milioni in lettere (inventato)",
    "V29 Trieste cantieri digitali, finanziamento regionale revocato (inventato)",
    "V29 Catania strumenti metrici in impianti, con conversione (inventato)",
]


THIRTIETH_SET_MISSES = [
    "V30 Milano Monza Brianza Lodi designazioni privacy, 4 in aspettativa fino al 2027 (inventato)",
    "V30 Ferrara Ravenna progetti europei, uno approvato su tre presentati (inventato)",
    "V30 Cremona Mantova Pavia assistenza informatica, 30 chiuse oltre i 2 giorni (inventato)",
]


# The thirty-first to thirty-fourth sets, measured blind once after the twentieth pass (39/50, 36/50, 33/50, 31/50):
# the misses left after the twenty-first pass (part A: «Trento portale», «Novara VCO», «Firenze osservatorio» and
# «Reggio Calabria conciliazione» are read now and judged by the note, B1's; «Umbria schede» and «Messina seminari»
# studied and left, for the reasons in docs/giudizio.md; the others are parts B1, B2 and C's). «Trento portale» and
# «Novara VCO» agree since the twenty-second pass, part B (development rows now).
THIRTY_FIRST_SET_MISSES = [
    "V31 verifiche metriche Reggio Calabria con un solo ispettore (inventato)",
]


THIRTY_SECOND_SET_MISSES = [
    "V32 Mantova arretrato cancellazioni d'ufficio con una sola unità (inventato)",
    "V32 Alessandria-Asti visite alle quattro sedi distaccate per elenco (inventato)",
    "V32 Trento ore medie di formazione per dipendente a metà anno (inventato)",
]


THIRTY_THIRD_SET_MISSES = [
    "V33 Umbria imprese assistite export con tre assistenze di gennaio successivo (inventato)",
    "V33 Lucca eventi e presenze a settembre con tre eventi prenotati che colmano (inventato)",
    "V33 Frosinone Latina follower per canale con LinkedIn poco sotto (inventato)",
    "V33 Marche audit su tutte le sedi con valore a quattro e nota che ne elenca cinque (inventato)",
    "V33 Maremma e Tirreno progetti finanziati con uno solo in graduatoria (inventato)",
    "V33 Gran Sasso customer con i giudizi tre da sommare ai positivi (inventato)",
    "V33 Marche laboratori orientamento da cinque a tre dopo la rinuncia di due istituti (inventato)",
    "V33 Firenze osservatorio turismo che aspetta i dati ISTAT senza data (inventato)",
]


THIRTY_FOURTH_SET_MISSES = [
    "V34 Milano Monza Brianza Lodi missioni incoming e outgoing (inventato)",
    "V34 Gran Sasso d'Italia eventi filiere di cui fuori regione (inventato)",
    "V34 Umbria schede settoriali turismo sostituita (inventato)",
    "V34 Messina seminari primo trimestre uno rinviato (inventato)",
    "V34 Palermo Enna secondo sportello decentrato senza locali (inventato)",
    "V34 Chieti Pescara piattaforma open data gara deserta (inventato)",
]


# The thirty-fifth and thirty-sixth sets, measured blind once after the twenty-first pass (39/50 and 40/50); the rows
# fixed in the twenty-second pass are development rows now.
THIRTY_FIFTH_SET_MISSES = [
    "V35 Napoli digitalizzazione fascicoli storici al 24% senza nuovo cronoprogramma (inventato)",
    "V35 Irpinia Sannio questionario agli sportelli, due in attesa dei totem (inventato)",
    "V35 Gran Sasso d'Italia progetti europei finanziati, due ancora in valutazione (inventato)",
    "V35 Ferrara Ravenna imprese ai laboratori transizione ecologica sommate a settembre (inventato)",
    "V35 Unioncamere Campania osservatorio crediti dopo la firma ABI di maggio (inventato)",
    "V35 Messina seminari fermati dal taglio del budget promozionale (inventato)",
]


THIRTY_SIXTH_SET_MISSES = [
    "V36 Pavia SUAP camerale 100% con due comuni da configurare (inventato)",
    "V36 Palermo Enna start-up innovative contattate con invio PEC a luglio (inventato)",
]


# The thirty-seventh and thirty-eighth sets, measured blind once after the twenty-first pass (36/50 and 36/50); the
# rows fixed in the twenty-second pass are development rows now.
THIRTY_SEVENTH_SET_MISSES = [
    "V37 Bolzano scansione archivio bilanci al sessanta per cento con lotti finali a ottobre (inventato)",
    "V37 Nuoro colloqui di feedback, due dipendenti in aspettativa fino a dicembre (inventato)",
    "V37 Cagliari-Oristano eventi enogastronomici senza la fiera curata dalla Regione (inventato)",
    "V37 Nuoro rilevazione mensile Kronos con aprile caricato a giugno (inventato)",
    "V37 Trento progetti digitalizzazione PMI, il terzo slitta al 2027 (inventato)",
    "V37 Basilicata ore medie di formazione con proposta di aumento a ventiquattro (inventato)",
]


THIRTY_EIGHTH_SET_MISSES = [
    "V38 CCIAA Sassari mappatura processi area anagrafica nota generica (inventato)",
    "V38 Unioncamere Lombardia piattaforma bandi collaudo credenziali (inventato)",
    "V38 CCIAA Verona customer RI programmata in autunno (inventato)",
    "V38 CCIAA Bari webinar tematici primo trimestre 2025 (inventato)",
    "V38 Azienda speciale Aosta imprese accompagnate percorso primo export (inventato)",
    "V38 Unioncamere Sicilia trasmissione dati Camere entro dicembre 2025 (inventato)",
    "V38 CCIAA Taranto Brindisi gestionale protocollo migrazione ottobre (inventato)",
]


# The thirty-ninth to forty-second sets, measured blind once after the twenty-second pass and ST08Z (28/50, 37/50, 40/50
# and 37/50). The twenty-third pass, part B1, fixed two rows of the thirty-ninth, five of the fortieth and two of the
# forty-second (note and SI/NO rows: development rows now, «prima: verifica_39/40/42»), and «Toscana Nord-Ovest
# certificazione parità di genere» of the sixteenth set («prima: verifica_16»).
THIRTY_NINTH_SET_MISSES = [
    "V39 Sassari incontri filiera sughero, partecipanti indietro (inventato)",
    "V39 Messina mediazioni con organismo sospeso fino a fine anno (inventato)",
    "V39 Caserta accessi orientamento al lavoro con dato al 15 settembre (inventato)",
    "V39 Benevento audit antiriciclaggio fatti in due unità su dieci (inventato)",
    "V39 Agrigento convenzione SUAP, due comuni restano sulla piattaforma regionale (inventato)",
    "V39 Salerno imprese assistite su bandi UE, solo alcune hanno candidato (inventato)",
    "V39 Avellino verifiche metriche convertite da strumenti a impianti carburante (inventato)",
]


FORTIETH_SET_MISSES = [
    "V40 Pordenone-Udine voucher digitali liquidati poco a marzo (inventato)",
    "V40 Trento visite agli istituti superiori, sette scuole spostate all'autunno (inventato)",
    "V40 Venezia Giulia imprese goriziane avviate ai percorsi di sostenibilità (inventato)",
]


FORTY_FIRST_SET_MISSES = [
    "V41 Torino check-up sostenibilità ambientale sessioni autunnali già fissate (inventato)",
    "V41 Como-Lecco newsletter Ambiente e Imprese al 30 settembre (inventato)",
    "V41 Pavia incontri orientamento in ciascuno dei 14 istituti superiori (inventato)",
]


FORTY_SECOND_SET_MISSES = [
    "V42 Unioncamere Sardegna indagine congiunturale artigianato, solo avviato l'affidamento (inventato)",
    "V42 Riviere di Liguria sede di Imperia tempo medio cancellazione protesti a 19 giorni (inventato)",
    "V42 Unioncamere Lazio comunicati stampa mensili, saltato febbraio (inventato)",
]


# The forty-third to forty-sixth sets, measured blind once after the twenty-third pass (45/50, 37/50, 35/50 and 40/50); the rows
# fixed in the twenty-fourth pass are development rows now.
FORTY_THIRD_SET_MISSES = [
    "V43 Firenze portale archivio storico RdO MePA appena pubblicata (inventato)",
    "V43 Riviere di Liguria newsletter tematiche e comunicati (inventato)",
]


FORTY_FOURTH_SET_MISSES = [
    "V44 Reggio Emilia contatti sportello estero con recall che non basta (inventato)",
    "V44 Vicenza incontri nei mandamenti, Asiago annullato per neve (inventato)",
    "V44 Pavia materiali di tutti i seminari con slide mancanti in nota (inventato)",
    "V44 Como Lecco presentazione bando nei comuni capofila, uno a gennaio (inventato)",
    "V44 Milano iniziative di formazione per trimestre, cinque su dodici (inventato)",
    "V44 Modena contatti start-up per periodo con doppio conteggio in nota (inventato)",
]


FORTY_FIFTH_SET_MISSES = [
    "V45 Cosenza rinnovo postazioni PC con ordine diretto MePA (inventato)",
    "V45 Cagliari-Oristano assistenza deposito marchi con richieste di sola informazione (inventato)",
    "V45 Gran Sasso margine di struttura a metà anno (inventato)",
    "V45 Messina istanze di accesso civico evase nei termini al semestre (inventato)",
    "V45 Frosinone-Latina protocolli con enti del territorio, uno non ancora firmato (inventato)",
    "V45 Benevento bandi contributo già pubblicati a marzo (inventato)",
    "V45 Chieti Pescara corsi per il personale elencati con due in autunno (inventato)",
    "V45 Toscana Nord-Ovest metrologia da strumenti a distributori (inventato)",
]


FORTY_SIXTH_SET_MISSES = [
    "V46 laboratorio, migrazione archivio sul nuovo gestionale riprogrammata a febbraio (inventato)",
    "V46 imprese dei percorsi PID con sei di gennaio dentro il totale (inventato)",
    "V46 newsletter dell'azienda speciale con ritmo mensile rispettato (inventato)",
    "V46 azienda speciale, progetti europei con una sola candidatura approvata (inventato)",
    "V46 visite di verifica alle imprese beneficiarie con il totale nella nota (inventato)",
]


# The forty-seventh to fiftieth sets, measured blind once after the twenty-fourth pass (43/50, 39/50, 38/50 and 37/50).
FORTY_SEVENTH_SET_MISSES = [
    "V47 Cosenza sportello telematico contributi slittato a marzo dell'anno dopo (inventato)",
    "V47 Cosenza imprese assistite dal PID centoventi in lettere (inventato)",
    "V47 Nuoro conciliazioni circa sessanta a giugno (inventato)",
    "V47 Sassari totem nelle sedi, Tempio Pausania slitta al 2027 (inventato)",
    "V47 Reggio Calabria candidature europee di cui due ammesse (inventato)",
    "V47 Sud Est Sicilia manuale di gestione documentale adottato a settembre (inventato)",
    "V47 Messina strumenti metrici convertiti in impianti di carburante (inventato)",
]


FORTY_EIGHTH_SET_MISSES = [
    "V48 Alessandria-Asti scansione fascicoli chiusa a dicembre (inventato)",
    "V48 Sondrio bilancio sociale presentato solo al Consiglio (inventato)",
    "V48 Cuneo eventi di filiera con partecipanti sotto soglia (inventato)",
    "V48 Milano imprese assistite dal PID scritte in lettere (inventato)",
    "V48 Bergamo partecipanti ai corsi gonfiati dagli iscritti assenti (inventato)",
    "V48 Brescia nuovi follower sui due canali social (inventato)",
    "V48 Cuneo formazione anticorruzione senza i neoassunti (inventato)",
    "V48 Torino newsletter dedicata mai attivata (inventato)",
    "V48 Bergamo convenzioni firmate più una in bozza (inventato)",
    "V48 Alessandria-Asti grandi eventi con un solo palinsesto (inventato)",
    "V48 Varese soddisfazione sui soli questionari validi (inventato)",
]


FORTY_NINTH_SET_MISSES = [
    "V49 Firenze regolamento contributi alle imprese adottato ad aprile (inventato)",
    "V49 Rieti-Viterbo forum agroalimentare con nota sulla delegazione estera (inventato)",
    "V49 Chieti-Pescara trasloco degli uffici di Pescara nei nuovi locali (inventato)",
    "V49 Lucca percorso formativo transizione ecologica slittato al 2026 (inventato)",
    "V49 Maremma e Tirreno mappatura dei processi ferma all'area anagrafica (inventato)",
    "V49 Massa-Carrara applicativo ufficio metrico con rilascio del fornitore a ridosso della scadenza (inventato)",
    "V49 Pistoia-Prato webinar di formazione digitale con calendario da definire (inventato)",
    "V49 Lucca imprese alle fiere estere con iscrizioni autunnali già versate (inventato)",
    "V49 Roma seminari su marchi e brevetti più un webinar di giugno (inventato)",
    "V49 Chieti-Pescara giornate dello sportello itinerante con quattro annullate (inventato)",
    "V49 Frosinone-Latina soddisfazione utenti con risposte per punteggio (inventato)",
    "V49 Marche cantieri di digitalizzazione degli archivi, il quarto solo avviato (inventato)",
]


FIFTIETH_SET_MISSES = [
    "V50 modulistica Registro imprese unica pubblicata a fine giugno (inventato)",
    "V50 digitalizzazione archivio protesti sospesa dall'ufficio per altre priorità (inventato)",
    "V50 imprese assistite PID, dati per sede a settembre al passo (inventato)",
    "V50 verifiche metriche per trimestre con agosto fermo e recupero generico (inventato)",
    "V50 seminari per le imprese con calendario d'autunno pubblicato che colma il target (inventato)",
    "V50 quesiti sportello etichettatura sommati per trimestre (inventato)",
    "V50 adesione di tutti i Comuni delle due province al protocollo SUAP (inventato)",
    "V50 tempi di pagamento per sede, pubblicato solo il dato aggregato (inventato)",
    "V50 soddisfazione sportelli con giudizi per sede sotto l'ottanta per cento (inventato)",
    "V50 risposta sportello internazionalizzazione entro 5 gg sommata per trimestre (inventato)",
    "V50 pratiche sospese sulle protocollate per sede appena sotto l'otto per cento (inventato)",
    "V50 sale riunioni delle sedi, terza sala ferma per la Soprintendenza (inventato)",
    "V50 vigilanza metrica, proposta in impianti di carburante al posto degli strumenti (inventato)",
]


# Development rows whose label a later convention contradicts. Labels are never changed: these rows are reported as
# disagreeing. «slittato, partirà nel 2024» (a variant written in the second pass, labelled a rischio knowing the rules
# of then) is a postponement to a later year, which five blind first labels call non raggiunto (ST08Y, eleventh pass).
# «CN 24 vigilanza Unioncamere» and «AA20 procedimenti sospesi» (activities put back in the calendar or suspended by an
# external cause, non rilevabile in their first labels) are a rischio since ST08C follows the blind labels (nine readings
# out of twelve; the second reading says a rischio for «AA20 procedimenti sospesi» too).
# Three variants (sixth, eighteenth and twenty-second passes) labelled a rischio a postponement to a named day past the
# deadline within the same year; the blind labels call it non raggiunto (V35 Trento, V38 Bozen), as the labelling
# conventions say when the note makes the delay certain (ST08Z, twenty-third pass).
DEVELOPMENT_MISSES = ["variante: slittato, partirà nel 2024", "CN 24 vigilanza Unioncamere", "AA20 procedimenti sospesi",
                      "variante: slittato a un giorno oltre la scadenza",
                      "variante: convegno rinviato a un giorno oltre la scadenza",
                      "variante: rilevazione sospesa, la ripresa fissata a un giorno oltre la scadenza"]


@pytest.fixture(scope="module")
def outcomes():
    return [evaluate_case(case) for case in cases()]


def test_agreement_per_class_is_the_reported_one(outcomes):
    assert agreement(outcomes) == REPORTED
    disagreeing = sorted(o.case["fonte"] for o in outcomes if not o.agrees)
    assert disagreeing == sorted([  # held out, judged in docs/giudizio.md (third and fourth sets)
        "CN 16 cantieri delle sale, proposta",
        # lost in the eleventh pass: an activity suspended by an external cause is a rischio now (ST08C)
        "AA20 Alessandria sviluppo competenze riforma",
        "TO kpi3.1.1-04 PEC attribuite d'ufficio",
        # the fifth set: studied in the fifth pass and left, for the reasons in docs/giudizio.md
        "TO kpi3.1.1-05 cassetto digitale a metà anno",
        "TO kpi7.1.2-03a report Google Analytics Area Anagrafe",
    ] + SIXTH_SET_MISSES + SEVENTH_SET_MISSES + EIGHTH_SET_MISSES + NINTH_SET_MISSES + TENTH_SET_MISSES + ELEVENTH_SET_MISSES + TWELFTH_SET_MISSES
        + THIRTEENTH_SET_MISSES + FOURTEENTH_SET_MISSES + FIFTEENTH_SET_MISSES + SIXTEENTH_SET_MISSES
        + SEVENTEENTH_SET_MISSES + EIGHTEENTH_SET_MISSES + NINETEENTH_SET_MISSES + TWENTIETH_SET_MISSES
        + TWENTY_FIRST_SET_MISSES + TWENTY_SECOND_SET_MISSES + TWENTY_THIRD_SET_MISSES + TWENTY_FOURTH_SET_MISSES
        + TWENTY_FIFTH_SET_MISSES + TWENTY_SIXTH_SET_MISSES + TWENTY_SEVENTH_SET_MISSES + TWENTY_EIGHTH_SET_MISSES
        + TWENTY_NINTH_SET_MISSES + THIRTIETH_SET_MISSES + THIRTY_FIRST_SET_MISSES + THIRTY_SECOND_SET_MISSES
        + THIRTY_THIRD_SET_MISSES + THIRTY_FOURTH_SET_MISSES
        + THIRTY_FIFTH_SET_MISSES + THIRTY_SIXTH_SET_MISSES
        + THIRTY_SEVENTH_SET_MISSES + THIRTY_EIGHTH_SET_MISSES
        + THIRTY_NINTH_SET_MISSES + FORTIETH_SET_MISSES + FORTY_FIRST_SET_MISSES + FORTY_SECOND_SET_MISSES
        + FORTY_THIRD_SET_MISSES + FORTY_FOURTH_SET_MISSES + FORTY_FIFTH_SET_MISSES + FORTY_SIXTH_SET_MISSES
        + FORTY_SEVENTH_SET_MISSES + FORTY_EIGHTH_SET_MISSES + FORTY_NINTH_SET_MISSES + FIFTIETH_SET_MISSES
        + DEVELOPMENT_MISSES)
    assert all(o.case["insieme"].startswith("verifica_") or o.case["fonte"] in DEVELOPMENT_MISSES
               for o in outcomes if not o.agrees)


def test_every_status_read_from_a_note_is_a_proposal_with_its_words(outcomes):
    read = [o for o in outcomes if o.result is not None and o.result.proposed]
    assert len(read) >= 30
    for outcome in read:
        result = outcome.result
        assert result.reading is not None and result.reading.cues
        written = " ".join(str(outcome.case["misura"].get(key, "")) for key in ("valore", "nota"))  # a sentence in «valore» is a note
        assert all(cue.lower() in written.lower() for cue in result.reading.cues)
        assert any(f.code == "stato_proposto" for f in result.flags)
        if not {"valore", "componenti"} & outcome.case["misura"].keys():
            assert result.achievement is None  # a proposal never enters the degrees until confirmed
    for outcome in outcomes:  # the phase read agrees with the controller's on every development row of the class that has one
        case = outcome.case
        if (case["classe"] == "note" and case["insieme"] == "sviluppo" and not case["fonte"].startswith("TO")
                and "fase" in case["controllore"]):
            assert outcome.phase_agrees, outcome.case["fonte"]


def test_both_engines_agree_on_the_labelled_set(outcomes):
    pytest.importorskip("durable")
    for outcome in (o for o in outcomes if o.result is not None):
        durable = evaluate_case(outcome.case, engine="durable").result
        assert durable.model_dump(exclude={"explanation"}) == outcome.result.model_dump(exclude={"explanation"})
        assert durable.explanation.steps == outcome.result.explanation.steps


def test_a_second_blind_reading_agrees_with_the_first_and_the_tool_as_reported(outcomes):
    """Label noise: the 240 rows held out when written, read again by other blind labellers (docs/giudizio.md)."""
    second = yaml.safe_load((CASES[0].parent / "seconda_lettura.yaml").read_text(encoding="utf-8"))["letture"]
    by_row = {(o.case["fonte"], str(o.case["al"])): o for o in outcomes}
    labellers = tool = 0
    for reading in second:
        outcome = by_row[(reading["fonte"], str(reading["al"]))]
        first = outcome.case["controllore"]
        wanted = (reading["stato"], reading.get("stato_proposta") if "stato_proposta" in first else None)
        labellers += wanted == (first["stato"], first.get("stato_proposta"))
        versus = outcome.result.against_proposal
        tool += wanted == (outcome.result.status.value, versus.status.value if versus and "stato_proposta" in first else None)
    assert (len(second), labellers, tool) == (240, 230, 229)
