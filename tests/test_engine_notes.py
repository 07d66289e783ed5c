"""Progress cues read in notes (rules/note.yaml): a proposed phase, progress and status, never final."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import yaml
from engine_helpers import measures, one, plan_with, plan_yaml, run
from hypothesis import given, settings
from hypothesis import strategies as st

from piao_rules import values
from piao_rules.engine.notes import NoteReader, estimated_calendar, scheduled_count, uncommitted_budget, vague_calendar
from piao_rules.engine.result import Status
from piao_rules.engine.rulebook import load_rulebook
from piao_rules.errors import InputError
from piao_rules.resources import default_rules_dir

READER = NoteReader(load_rulebook().notes)
MID, END = date(2023, 6, 30), date(2023, 12, 31)


@pytest.mark.parametrize(("note", "phase", "cues"), [
    ("Affidatario individuato; progettazione in corso.", "in_corso", ["in corso", "individuato"]),
    ("Attività non ancora avviata.", "non_avviata", ["non ancora avviata"]),
    ("Non è stato completato il report.", "in_corso", ["Non è stato completato"]),
    ("Lavori sospesi per cause non dipendenti dall'ente.", "sospesa", ["sospesi", "non dipendenti"]),
    ("Consegna rinviata al 2024.", "rinviata", ["rinviata"]),
    ("Completata la prima fase; la seconda è in calendario nel II semestre.", "programmata",
     ["in calendario", "nel II semestre", "Completata"]),
    ("Relazione approvata e pubblicata.", "completata", ["approvata", "pubblicata"]),
    ("Otto iniziative realizzate.", "completata", ["realizzate"]),  # «iniziative» is not «iniziat*»
])
def test_phases_negations_and_precedence(note, phase, cues):
    reading = READER.read(note)
    assert reading.phase == phase and reading.cues == cues


@pytest.mark.parametrize(("note", "phase", "cues"), [
    # waiting for an ordinary step of the activity is a normal phase ...
    ("Bozza predisposta, in attesa del confronto con le organizzazioni sindacali.", "in_corso",
     ["in attesa del confronto", "predisposta"]),
    ("Testo definito; si attende la firma della convenzione.", "in_corso", ["si attende la firma", "definito"]),
    ("In attesa dell'approvazione della Giunta.", "in_corso", ["In attesa dell'approvazione"]),
    # ... waiting for anything else, or a note that says blocked, is not
    ("Riorganizzazione in attesa della nuova dotazione organica.", "bloccata", ["in attesa"]),
    ("Attività bloccata in attesa del parere del Ministero.", "bloccata", ["bloccata", "in attesa del parere"]),
])
def test_waiting_for_an_ordinary_step_is_under_way_not_blocked(note, phase, cues):
    reading = READER.read(note)
    assert reading.phase == phase and reading.cues == cues


@pytest.mark.parametrize(("note", "phase", "progress", "cue"), [
    ("Migrazione completata per 2 commissioni su 4.", "in_corso", Decimal(50), "2 commissioni su 4"),
    ("Realizzate 9 misure su 12; le altre a novembre.", "in_corso", Decimal(75), "9 misure su 12"),
    ("Svolti 3 dei 5 moduli.", "in_corso", Decimal(60), "3 dei 5"),
    ("Completate 4 sale su 4.", "completata", Decimal(100), "4 sale su 4"),
    ("Censiti 2 processi su 3 e il resto in corso.", "in_corso", Decimal("66.7"), "2 processi su 3"),
])
def test_a_partial_completion_written_with_numbers_is_under_way_with_that_progress(note, phase, progress, cue):
    reading = READER.read(note)
    assert (reading.phase, reading.progress, reading.progress_written) == (phase, progress, True)
    assert cue in reading.cues
    assert not READER.read("Caricate 12 pratiche su 7,5 GB; completata la migrazione.").progress_written  # not a fraction


def test_written_progress_wins_and_a_partial_completion_is_under_way():
    reading = READER.read("Piattaforma adottata dagli uffici in misura pari al 30% circa.")
    assert (reading.phase, reading.progress, reading.progress_written) == ("in_corso", Decimal(30), True)
    assert READER.read("Progettazione in corso.").progress == Decimal(50)
    assert READER.read("Se ne occupa l'ufficio.") is None


def test_an_activity_that_is_a_start_is_completed_when_started():
    assert READER.read("Servizio avviato; proseguono i percorsi.", "Avvio servizio certificazione").phase == "completata"
    assert READER.read("Avviati i tavoli.", "Costituzione e avvio tavoli di lavoro").phase == "completata"
    # the target asks for more than the start
    assert READER.read("Nominato l'energy manager.", "Nomina energy manager e misurazione consumi").phase == "avviata"
    assert READER.read("Servizio non ancora avviato.", "Avvio servizio").phase == "non_avviata"
    assert READER.read("Sportello attivo dal 1° marzo.", "Attivazione sportello digitale").phase == "completata"
    assert READER.read("Partecipazione attiva degli uffici.", "Revisione del regolamento") is None  # only for a start


@pytest.mark.parametrize(("note", "as_of", "extra", "status"), [
    ("Progettazione in corso.", MID, {}, Status.ON_TRACK),
    ("Progettazione in corso.", END, {}, Status.MISSED),
    ("Consegna rinviata di qualche settimana.", MID, {}, Status.AT_RISK),
    ("Consegna rinviata al 2024.", MID, {}, Status.MISSED),  # put off to a later year: not reached in this one
    ("Documento approvato dalla Giunta.", MID, {}, Status.REACHED),
    ("Attività sospese in attesa del programma nazionale.", MID, {"causa_esterna": "Programma in ritardo"},
     Status.AT_RISK),  # an external cause is a reason, not a status
])
def test_rules_turn_a_phase_into_a_proposed_status(note, as_of, extra, status):
    result = one("Consegna progetto definitivo", as_of, nota=note, **extra)
    assert result.status is status and result.proposed
    assert result.achievement is None
    flag = next(f for f in result.flags if f.code == "stato_proposto")
    assert "dalla nota si legge" in flag.reason and result.reading.cues[0] in flag.reason
    assert any(step.rule.startswith("ST08") for step in result.explanation.steps)


def test_a_measure_wins_over_the_note():
    result = one("Consegna progetto definitivo", MID, avanzamento="20", nota="Progettazione in corso.")
    assert result.reading is None and not result.proposed and result.status is Status.AT_RISK


def test_a_count_behind_pace_whose_note_puts_the_rest_in_the_calendar_gets_a_proposed_status():
    note = "Una campagna informativa; 4 eventi in calendario nel II semestre."
    result = one("≥ 4", MID, valore="1", nota=note)
    assert result.status is Status.ON_TRACK and result.proposed
    assert result.achievement == Decimal(25)  # the degree stays the count's until a person decides
    assert result.reading.phase == "programmata" and all(cue in note for cue in result.reading.cues)
    flag = next(f for f in result.flags if f.code == "stato_proposto")
    assert "sotto l'andamento atteso" in flag.reason and "in calendario" in flag.reason
    assert not any(f.code == "azione_correttiva" for f in result.flags)
    assert any(step.rule == "ST17N" for step in result.explanation.steps)
    # a vague note, a count on pace, or the year-end: no proposal
    vague = one("≥ 4", MID, valore="1", nota="Altri eventi da definire.")
    assert vague.status is Status.AT_RISK and not vague.proposed and vague.reading is None
    on_pace = one("≥ 4", MID, valore="3", nota="Altri eventi in calendario nel II semestre.")
    assert on_pace.status is Status.ON_TRACK and not on_pace.proposed and on_pace.reading is None
    final = one("≥ 4", END, valore="1", nota="Altri eventi in calendario nel 2024.")
    assert final.status is Status.MISSED and not final.proposed


def test_a_plan_can_drop_the_proposals_or_change_the_words(tmp_path):
    rules = tmp_path / "regole"
    rules.mkdir()
    stato = yaml.safe_load((default_rules_dir() / "stato.yaml").read_text(encoding="utf-8"))
    stato["regole"] = [r for r in stato["regole"] if not r["id"].startswith("ST08") or r["id"] == "ST08"]
    (rules / "stato.yaml").write_text(yaml.safe_dump(stato, allow_unicode=True), encoding="utf-8")
    lexicon = yaml.safe_load((default_rules_dir() / "note.yaml").read_text(encoding="utf-8"))
    lexicon["fasi"]["in_corso"]["parole"].append("si lavora")
    (rules / "note.yaml").write_text(yaml.safe_dump(lexicon, allow_unicode=True), encoding="utf-8")
    plan = plan_with({"target": "Consegna progetto definitivo"})
    result = run(plan, measures({"codice": "I1", "nota": "Si lavora al progetto."}), MID, rulebook=load_rulebook(rules)).indicators[0]
    assert result.reading.phase == "in_corso" and result.status is Status.TO_ASSESS and not result.proposed


def test_a_broken_lexicon_is_refused_in_italian(tmp_path):
    (tmp_path / "note.yaml").write_text("descrizione: x\nfasi:\n  finita: {avanzamento: 100, parole: [fatto]}\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_rulebook(tmp_path)
    assert "note.yaml" in str(error.value) and "fase «finita» sconosciuta" in str(error.value)


def test_verifica_warns_about_every_status_a_note_will_propose(tmp_path):
    from click.testing import CliRunner

    from piao_rules.cli import main

    (tmp_path / "piano.yaml").write_text(plan_yaml(
        "{codice: I1, nome: Progetto, target: Consegna progetto definitivo}",
        "{codice: I2, nome: Conteggio, target: '≥ 10'}"), encoding="utf-8")
    (tmp_path / "misure.csv").write_text(
        "codice;data;nota\nI1;30/06/2023;\"Affidatario individuato; progettazione in corso.\"\nI2;30/06/2023;In corso.\n",
        encoding="utf-8")
    output = CliRunner().invoke(main, ["verifica", str(tmp_path / "piano.yaml"), str(tmp_path / "misure.csv")]).output
    assert "I1: nessuna misura; dalla nota si legge in corso" in output and "lo stato sarà proposto, da confermare" in output
    assert "I2: nessuna misura" not in output  # a count is never proposed from words


@pytest.mark.parametrize(("note", "phase", "cues"), [
    # an attenuated completion is not yet a completion
    ("Progettazione quasi ultimata.", "in_corso", ["quasi ultimata"]),
    ("Report in gran parte completato.", "in_corso", ["in gran parte completato"]),
    ("Testo pressoché concluso.", "in_corso", ["pressoché concluso"]),
    ("Lavori in fase di ultimazione.", "in_corso", ["in fase di"]),
    ("Sito in via di completamento.", "in_corso", ["in via di"]),
    # calendar words and the future tense put what remains in the calendar
    ("Lavori aggiudicati; il cantiere partirà a settembre come da cronoprogramma.", "programmata", ["cronoprogramma", "partirà"]),
    ("Il secondo incontro è fissato per il 12 ottobre.", "programmata", ["fissato per"]),
    ("La prima azione è prevista a maggio.", "programmata", ["prevista a"]),
    ("Gli eventi si svolgeranno in autunno.", "programmata", ["svolgeranno"]),
    ("Gli incontri sono calendarizzati a novembre.", "programmata", ["calendarizzati"]),
    # ... not a relative clause describing the thing, nor a date of the step waited for
    ("In preparazione le relazioni che confluiranno nel bilancio.", "in_corso", ["In preparazione"]),
    ("Bozza pronta; attende la validazione del DPO, prevista per settembre.", "in_corso",
     ["attende la validazione", "Bozza pronta"]),
    # negated, the calendar slips
    ("Il corso non si terrà.", "rinviata", ["non si terrà"]),
    ("La mappatura non sarà completata entro l'anno.", "rinviata", ["non sarà completata", "non sarà completata entro l'anno"]),
    ("Il progetto ha subito ritardi per la gara deserta.", "rinviata", ["subito ritardi"]),
    ("Ritardi nella consegna del software.", "rinviata", ["Ritardi nella"]),
    ("Analisi in corso per ridurre i ritardi nei pagamenti.", "in_corso", ["in corso"]),  # a delay is the subject
    ("Completato senza ritardi.", "completata", ["Completato"]),  # «senza» negates the delay
    ("Sono previsti altri 3 eventi entro dicembre.", "programmata", ["Sono previsti", "entro dicembre"]),
    ("Realizzate tutte le attività previste dal piano.", "completata", ["Realizzate"]),  # «previste» alone is no date
    ("Evento annullato per l'emergenza sanitaria.", "sospesa", ["annullato"]),
    ("Nessuna attività svolta nel semestre.", "non_avviata", ["Nessuna attività svolta"]),
    ("Il servizio non è ancora partito.", "non_avviata", ["non è ancora partito"]),
    ("Il servizio è partito a marzo.", "avviata", ["è partito"]),
])
def test_attenuations_calendar_words_future_tense_and_their_negations(note, phase, cues):
    reading = READER.read(note)
    assert reading.phase == phase and reading.cues == cues


def test_a_target_of_one_thing_reported_in_a_note_is_read_as_an_activity():
    plan = plan_with({"target": "Attivazione n. 1 newsletter dedicata"}, year=2023)
    result = one_result(plan, {"nota": "Newsletter attivata: due numeri già inviati."})
    assert (result.status, result.proposed, result.target.read_as) == (Status.REACHED, True, "attivita")
    assert "lettura del target" in result.explanation.inputs
    counted = one_result(plan, {"valore": "1"})  # with a count, the count is scored as before
    assert (counted.status, counted.target.read_as) == (Status.REACHED, None)


def one_result(plan, row):
    return run(plan, measures({"codice": "I1", **row}), MID).indicators[0]


@pytest.mark.parametrize(("note", "as_of", "phase", "cues"), [
    # a month still to come at the monitoring date is in the calendar; one gone, or told as done, is not
    ("Il secondo evento è a novembre con le ATP Finals.", date(2022, 9, 30), "programmata", ["a novembre"]),
    ("Il secondo evento è a novembre con le ATP Finals.", date(2022, 12, 31), None, []),
    ("Il corso non si farà a ottobre.", date(2023, 6, 30), "rinviata", ["non si farà a ottobre"]),
    ("Relazione consegnata alla dirigenza a luglio.", date(2023, 6, 30), "completata", ["consegnata", "a luglio"]),
    ("I programmi nazionali sono arrivati a luglio.", date(2023, 6, 30), None, []),
    ("Programmi ricevuti a luglio.", date(2023, 6, 30), None, []),
    ("Registro in bozza; attende la validazione del DPO, prevista per settembre.", date(2023, 6, 30), "in_corso",
     ["attende la validazione", "in bozza"]),
    # in place since a day; the rest still to do; words of a draft, of an agreement, of works not finished
    ("Dal 13 giugno tutti gli sportelli incassano con POS.", date(2022, 6, 30), "completata", ["Dal 13 giugno"]),
    ("Rassegna stampa dal 1° gennaio al 30 giugno: 979 articoli.", date(2023, 6, 30), None, []),  # a period
    ("Realizzate due iniziative, le altre sono state riprogrammate.", date(2020, 9, 30), "in_corso",
     ["le altre sono", "Realizzate"]),
    ("Concordate le specifiche; la pagina è in bozza.", date(2022, 6, 30), "in_corso", ["in bozza", "Concordate"]),
    ("I lavori non sono finiti.", date(2022, 6, 30), "in_corso", ["non sono finiti"]),
    # a block by somebody else's act
    ("Lo sportello non è ancora attivo: aspettiamo che l'Ente firmi la convenzione.", date(2022, 9, 30), "bloccata",
     ["aspettiamo", "non è ancora attivo"]),
])
def test_months_to_come_and_the_third_pass_words(note, as_of, phase, cues):
    reading = READER.read(note, as_of=as_of)
    assert (reading.phase, reading.cues) == (phase, cues) if phase else reading is None


def test_an_activity_blocked_or_suspended_by_an_external_cause_is_at_risk():
    when = date(2023, 9, 30)
    blocked = one("Entro 31/12/2023", when, nota="Attività bloccata: si aspetta l'accordo con la Regione.",
                  causa_esterna="Accordo regionale")
    suspended = one("Entro 31/12/2023", when, nota="Attività sospesa per decreto.", causa_esterna="Decreto")
    assert (blocked.status, blocked.proposed) == (Status.AT_RISK, True)
    assert (suspended.status, suspended.proposed) == (Status.AT_RISK, True)  # the cause is a reason, not a status
    assert all(any(f.code == "causa_esterna" for f in r.flags) for r in (blocked, suspended))


@pytest.mark.parametrize(("note", "as_of", "phase", "cues", "day"), [
    # sent and put off; the day a completion happened, in its clause, in the monitoring year unless written
    ("Rendicontazione trasmessa a Unioncamere il 28 giugno.", date(2022, 6, 30), "completata",
     ["trasmessa", "28 giugno"], date(2022, 6, 28)),
    ("Lavori terminati il 22/07/2021, in ritardo sul cronoprogramma.", date(2022, 9, 30), "rinviata",
     ["in ritardo", "cronoprogramma", "terminati"], None),  # the delay leads: no completion to date
    ("Piano consegnato il 12/05.", date(2023, 6, 30), "completata", ["consegnato", "12/05"], date(2023, 5, 12)),
    ("Delibera del 9 maggio; il budget è stato consegnato il 3 giugno.", date(2022, 6, 30), "completata",
     ["consegnato", "3 giugno"], date(2022, 6, 3)),
    ("La domanda non è stata inviata: l'invio è rimandato.", date(2022, 6, 30), "rinviata",
     ["rimandato", "non è stata inviata"], None),
    # a draft said to be ready is under way; a draft named after the completion is not
    ("La bozza del progetto è pronta; andrà in Giunta il 7 aprile.", date(2022, 3, 31), "in_corso",
     ["bozza del progetto è pronta"], None),
    ("Regolamento approvato il 20 settembre, sulla base della bozza di luglio.", date(2023, 9, 30), "completata",
     ["approvato", "20 settembre"], date(2023, 9, 20)),
])
def test_the_fifth_pass_words_and_the_day_of_a_completion(note, as_of, phase, cues, day):
    reading = READER.read(note, as_of=as_of)
    assert (reading.phase, reading.cues, reading.completed_on) == (phase, cues, day)


def test_a_completion_after_the_deadline_told_in_the_note_is_not_reached():
    late = one("Entro 30/06/2022", date(2022, 9, 30), nota="Lavori terminati il 22 luglio per la mancanza di materiali.")
    on_time = one("Entro 30/06/2022", date(2022, 9, 30), nota="Lavori terminati il 22 giugno.")
    assert (late.status, late.proposed) == (Status.MISSED, True)
    assert (on_time.status, on_time.proposed) == (Status.REACHED, True)
    assert "il 22/07/2022" in late.reading.text()


@pytest.mark.parametrize(("note", "activity", "as_of", "phase", "cues"), [
    # fillers do not count in the negation window; a calendar month already gone is no calendar
    ("Non sono al momento programmate altre iniziative.", None, date(2023, 9, 30), "rinviata",
     ["Non sono al momento programmate"]),
    ("Il convegno previsto a maggio è saltato.", None, date(2023, 9, 30), "sospesa", ["saltato"]),
    ("Il convegno è previsto a novembre.", None, date(2023, 9, 30), "programmata", ["previsto a"]),
    # moved, stopped, not possible (a cue holding its own negation is not negated again), delivered
    ("La presentazione è stata spostata a marzo 2024.", None, date(2023, 12, 31), "rinviata", ["spostata a", "marzo 2024"]),
    ("Progetto fermo da luglio.", None, date(2023, 9, 30), "bloccata", ["fermo da"]),
    ("Senza i dati non è possibile procedere.", None, date(2023, 6, 30), "bloccata", ["non è possibile"]),
    ("Moduli erogati on line; l'ultimo svolto in aula.", None, date(2023, 12, 31), "completata", ["erogati", "svolto"]),
    # the rest already done; waiting for data is an ordinary step
    ("Fatte le prime due, le altre sono già concluse.", None, date(2023, 9, 30), "completata", ["concluse", "Fatte"]),
    ("Relazione impostata, in attesa dei dati.", None, date(2023, 6, 30), "in_corso", ["in attesa dei dati", "impostata"]),
    # an act done when the note says it, not when it is still to come; a start done by its object completed
    ("Studio consegnato il 6 dicembre; la verifica, che si concluderà a febbraio, è avviata.", "Consegna dello studio",
     date(2023, 12, 31), "completata", ["consegnato", "6 dicembre"]),
    ("Il piano sarà consegnato a gennaio.", "Consegna del piano", date(2023, 12, 31), "programmata",
     ["sarà", "consegnato"]),
    ("Mappatura terminata a novembre.", "Avvio mappatura dei rischi", date(2023, 12, 31), "completata",
     ["terminata", "a novembre"]),
    ("Conclusa la gara; il servizio partirà a novembre.", "Avvio del servizio", date(2023, 9, 30), "programmata",
     ["partirà", "a novembre", "Conclusa"]),
])
def test_the_sixth_pass_words(note, activity, as_of, phase, cues):
    reading = READER.read(note, activity, as_of)
    assert (reading.phase, reading.cues) == (phase, cues)


def test_a_deadline_after_an_event_dated_in_the_note_and_a_postponement_within_the_deadline():
    when = date(2023, 9, 30)
    late = one("Piano entro 30 giorni dopo l'approvazione del regolamento", when,
               nota="Regolamento approvato il 3 luglio; piano consegnato il 25 agosto.")
    assert (late.status, late.proposed, late.reading.due_on) == (Status.MISSED, True, date(2023, 8, 2))
    assert "scadenza dalla data dell'evento 02/08/2023" in late.reading.text()
    within = one("Entro 31/12/2023", when, nota="Il collaudo è slittato; nuova data fissata per il 14 novembre.")
    beyond = one("Entro 31/10/2023", when, nota="Il collaudo è slittato; nuova data fissata per il 14 novembre.")
    assert (within.status, within.reading.planned_on) == (Status.ON_TRACK, date(2023, 11, 14))
    assert (beyond.status, beyond.proposed) == (Status.MISSED, True)  # a new day past the deadline (ST08Z)


@pytest.mark.parametrize(("note", "noun", "count"), [
    ("Realizzati 2 eventi; nel II semestre sono calendarizzati 3 eventi.", "eventi", Decimal(3)),
    ("Svolto un incontro; in programma altri 3 incontri a ottobre.", "incontri", Decimal(3)),
    ("Svolti due incontri; 8 incontri sono calendarizzati tra settembre e novembre.", None, Decimal(8)),
    ("Gli altri incontri sono programmati per l'autunno.", "incontri", None),  # a calendar without a count
    ("I corsi partono ad aprile; previste 40 ore a maggio.", "eventi", None),  # a count of something else
    ("Secondo evento fissato per il 12 ottobre.", None, None),  # a day, not a count
    ("Altri 3 in calendario a ottobre.", "check-up", Decimal(3)),  # without its noun: more of what the target counts
    ("Contattate altre 4 imprese.", "check-up", None),
    # thirteenth pass: the total of what the calendar holds, in the sentence of the calendar word
    ("In calendario da settembre i corsi sugli appalti, per circa 420 ore complessive.", "ore", Decimal(420)),
    ("Previsti 4 laboratori nel II semestre, per circa 1.200 imprese in totale.", "imprese", Decimal(1200)),
    ("Svolti 3 corsi per 120 ore complessive; altri in calendario.", "ore", None),  # the total of what is done
])
def test_the_count_a_note_puts_in_the_calendar(note, noun, count):
    assert scheduled_count(note, noun) == count


@pytest.mark.parametrize(("note", "activity", "phase", "completed_on"), [
    # twelfth pass: signing, transferring and being online are things done; «è online» only with its accent
    ("Convenzione sottoscritta il 27/05/2023; saldi trasferiti il 16/06.", None, "completata", date(2023, 6, 16)),
    ("Accordo firmato dalle parti il 15 luglio.", None, "completata", date(2023, 7, 15)),
    ("Il nuovo sito è online dal 20/12/2021; l'archivio seguirà nel 2022.", "Messa online del nuovo sito", "completata",
     date(2021, 12, 20)),
    ("Esaminate 26 testate, cartacee e online.", None, "in_corso", None),
    # the dot of «n. 7» ends no clause: the day of the act is in the clause of «approvato»
    ("Regolamento approvato dalla Giunta con delibera n. 7 del 22/02/2021.", None, "completata", date(2021, 2, 22)),
])
def test_the_twelfth_pass_words_and_the_dot_of_an_abbreviation(note, activity, phase, completed_on):
    reading = READER.read(note, activity, END)
    assert (reading.phase, reading.completed_on) == (phase, completed_on)


@pytest.mark.parametrize(("note", "activity", "phase"), [
    # thirteenth pass: presenting is the act of «Presentazione …»; a quoted title is one name, not two acts
    ("Definito il partenariato; il progetto è stato presentato alla Regione il 27/09.",
     "Presentazione del progetto «Terra di vini e di borghi» al bando regionale", "completata"),
    ("Definito il partenariato; la presentazione è prevista a novembre.",
     "Presentazione del progetto «Terra di vini e di borghi» al bando regionale", "avviata"),
])
def test_the_thirteenth_pass_presentation_and_quoted_titles(note, activity, phase):
    assert READER.read(note, activity, END).phase == phase


def test_a_si_dated_after_its_deadline_by_its_note_is_late_as_a_proposal():
    plan = plan_with({"nome": "Adozione del Piano della formazione", "target": "SI entro il 31/03/2023"})
    late = run(plan, measures({"codice": "I1", "valore": "SI", "nota": "Piano adottato con determinazione n. 48 del 12/04/2023."}),
               MID).indicators[0]
    assert (late.status, late.proposed, [step.rule for step in late.explanation.steps if step.table == "stato"]) == (
        Status.MISSED, True, ["ST08S"])
    undone = run(plan, measures({"codice": "I1", "valore": "NO", "nota": "Bozza trasmessa il 12/04/2023."}), MID).indicators[0]
    assert (undone.status, undone.proposed) == (Status.MISSED, False)  # a NO past the deadline is simply not done


@pytest.mark.parametrize(("note", "as_of", "first", "last"), [
    # a month, or part of one, told as when the act was done: an interval, in the monitoring year unless written
    ("Il modello è stato approvato a ottobre.", date(2022, 9, 30), date(2022, 10, 1), date(2022, 10, 31)),
    ("Lo sportello è stato attivato a metà aprile.", date(2025, 6, 30), date(2025, 4, 11), date(2025, 4, 20)),
    ("Regolamento approvato all'inizio di maggio.", date(2024, 6, 30), date(2024, 5, 1), date(2024, 5, 10)),
    ("Regolamento approvato a fine febbraio.", date(2024, 6, 30), date(2024, 2, 21), date(2024, 2, 29)),
    ("Rapporto pubblicato nel mese di gennaio 2027.", date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 31)),
    ("Regolamento approvato entro ottobre.", date(2024, 12, 31), None, date(2024, 10, 31)),  # only by when
    # a day wins over the month; a later month without its year, or two months in the clause, are not dated
    ("Approvato a ottobre, con delibera del 12/10/2022.", date(2022, 12, 31), date(2022, 10, 12), None),
    ("Regolamento approvato a novembre.", date(2024, 3, 31), None, None),
    ("Il piano, previsto a settembre, è stato approvato a ottobre.", date(2024, 12, 31), None, None),
])
def test_a_completion_dated_by_its_month(note, as_of, first, last):
    reading = READER.read(note, as_of=as_of)
    assert (reading.phase, reading.completed_on, reading.completed_by) == ("completata", first, last)


@given(month=st.sampled_from(sorted(values.MONTHS)), part=st.sampled_from(["", "inizio ", "metà ", "fine "]),
       year=st.integers(2019, 2027), verb=st.sampled_from(["approvato", "pubblicata", "attivati", "adottate"]))
@settings(max_examples=60, deadline=None)
def test_a_month_of_completion_is_an_interval_inside_that_month(month, part, year, verb):
    reading = READER.read(f"Documento {verb} a {part}{month} {year}.", as_of=date(year, 12, 31))
    first, last = reading.completed_on, reading.completed_by
    assert reading.phase == "completata" and first <= last
    assert (first.year, first.month) == (last.year, last.month) == (year, values.MONTHS[month])
    assert (first.day == 1) == (part in ("", "inizio ")) and (last.day >= 28) == (part in ("", "fine "))
    assert f"a {part}{month} {year}" in reading.cues


@pytest.mark.parametrize(("note", "as_of", "phase"), [
    # «entro ottobre» in a plan, negations and a future tense are no completion: no day
    ("L'approvazione è prevista entro ottobre.", date(2024, 6, 30), "programmata"),
    ("Il regolamento non è stato approvato a ottobre.", date(2024, 12, 31), "in_corso"),
    ("Il piano sarà approvato a ottobre.", date(2024, 6, 30), "programmata"),
])
def test_a_month_outside_a_completion_dates_nothing(note, as_of, phase):
    reading = READER.read(note, as_of=as_of)
    assert (reading.phase, reading.completed_on, reading.completed_by) == (phase, None, None)


@pytest.mark.parametrize(("note", "target", "as_of", "status"), [
    ("Modello approvato dal Consiglio a ottobre.", "entro il 30/09/2022", date(2022, 12, 31), Status.MISSED),
    ("Modello approvato dal Consiglio a settembre.", "entro il 30/09/2022", date(2022, 12, 31), Status.REACHED),
    # the month straddles the deadline: not guessed, as without the month
    ("Modello approvato dal Consiglio a settembre.", "entro il 15/09/2022", date(2022, 12, 31), Status.REACHED),
    ("Modello approvato dal Consiglio a fine settembre.", "entro il 15/09/2022", date(2022, 12, 31), Status.MISSED),
])
def test_a_completion_month_after_the_deadline_is_late_as_a_proposal(note, target, as_of, status):
    result = one(target, as_of, nota=note)
    assert (result.status, result.proposed) == (status, True)


def test_a_si_whose_name_holds_the_deadline_is_late_when_its_note_says_so():
    plan = plan_with({"nome": "Adozione del modello 231 entro il 30/09/2022", "target": "SI"}, year=2022)
    late, on_time = (run(plan, measures({"codice": "I1", "valore": "SI", "nota": f"Modello approvato a {month}."},
                                        when="31/12/2022"), date(2022, 12, 31)) for month in ("ottobre", "settembre"))
    assert (late.indicators[0].status, late.indicators[0].proposed) == (Status.MISSED, True)
    assert (on_time.indicators[0].status, on_time.indicators[0].proposed) == (Status.REACHED, False)
    assert "tra il 01/10/2022 e il 31/10/2022" in late.indicators[0].reading.text()


@pytest.mark.parametrize(("note", "activity", "phase", "day"), [
    # the act the milestone asks for, told as happened, is done; another act is not («la trasmissione è avvenuta»)
    ("La pubblicazione sul sito è avvenuta il 9 gennaio 2027 per ritardi nell'impaginazione.",
     "Pubblicazione del Rapporto", "completata", date(2027, 1, 9)),
    ("Integrazione completata il 28 giugno; l'asseverazione del Dipartimento è pervenuta il 22 luglio.",
     "Integrazione di SPID e asseverazione della misura", "completata", date(2026, 7, 22)),
    ("Piano approvato il 21/12; la trasmissione al MEF è avvenuta il 12/01/2027.", "Approvazione del piano",
     "completata", date(2026, 12, 21)),
    ("La pubblicazione non è ancora avvenuta.", "Pubblicazione del Rapporto", None, None),
    # a hold-up told in the pluperfect is before the act done; alone it still holds
    ("Approvato nella seduta del 4 aprile; la seduta del 27 marzo era stata annullata.", None, "completata",
     date(2026, 4, 4)),
    ("La seduta del 27 marzo era stata annullata.", None, "sospesa", None),
])
def test_an_act_told_as_happened_and_a_hold_up_told_before_it(note, activity, phase, day):
    reading = READER.read(note, activity, date(2026, 12, 31))
    assert (reading.phase, reading.completed_on) == (phase, day) if phase else reading is None


@pytest.mark.parametrize(("note", "activity", "day"), [
    # a clause dating two acts: each act its own day; the act the name asks for wins, else the latest
    ("Il protocollo, approvato dalla Giunta il 28 giugno, è stato firmato dalle parti il 9 luglio 2024.",
     "Sottoscrizione del protocollo d'intesa", date(2024, 7, 9)),
    ("Il protocollo, approvato dalla Giunta il 28 giugno, è stato firmato dalle parti il 9 luglio 2024.",
     "Approvazione del protocollo d'intesa", date(2024, 6, 28)),
    # one act and two days: the date of the numbered act written after it
    ("Piano approvato con delibera di Giunta n. 21 del 27/02/2024, previo parere dell'OIV del 20/02/2024.", None,
     date(2024, 2, 27)),
    # days that do not go one to each act: not dated, as before (the other clause gives the day)
    ("Macrostruttura approvata dalla Giunta il 15/11/2023; in vigore dal 1° gennaio 2024, incarichi conferiti il 20/12.",
     None, date(2023, 11, 15)),
])
def test_a_clause_that_dates_several_acts_gives_each_its_own_day(note, activity, day):
    reading = READER.read(note, activity, date(2024, 9, 30))
    assert reading.phase == "completata" and reading.completed_on == day


@pytest.mark.parametrize(("note", "phase", "cues"), [
    # an awaited step the note says has no date yet is a block (seventeenth pass) ...
    ("Convenzione pronta; si attende la delibera dell'Unione dei Comuni, non ancora calendarizzata.", "bloccata",
     ["si attende la delibera", "non ancora calendarizzata", "pronta"]),
    ("Testo definito, in attesa della firma della Regione, non ancora programmata.", "bloccata",
     ["in attesa della firma", "non ancora programmata", "definito"]),
    # ... with its date it is the ordinary next step
    ("Convenzione pronta; si attende la delibera dell'Unione, calendarizzata per settembre.", "in_corso",
     ["si attende la delibera", "pronta"]),
])
def test_an_awaited_step_without_a_date_is_a_block(note, phase, cues):
    reading = READER.read(note, None, MID)
    assert reading.phase == phase and reading.cues == cues


@pytest.mark.parametrize(("note", "day"), [
    ("Documento di validazione dell'OIV pervenuto il 4 luglio 2023, dopo la seduta dell'Organismo del 3 luglio.",
     date(2023, 7, 4)),
    ("Documento di validazione arrivato il 27 giugno 2023, dopo la riunione dell'OIV del 25 giugno.", date(2023, 6, 27)),
])
def test_an_act_told_without_its_auxiliary_is_dated_by_the_day_right_after_it(note, day):
    reading = READER.read(note, "Validazione della Relazione sulla performance entro il 30/06/2023", MID)
    assert (reading.phase, reading.completed_on) == ("completata", day)


@pytest.mark.parametrize(("note", "activity", "own_done"), [
    ("Il contratto con il fornitore è stato sottoscritto a maggio; la messa in produzione è slittata a settembre.",
     "Attivazione del nuovo gestionale delle iscrizioni", False),
    ("La relazione sarà trasmessa entro il 15 dicembre, una volta concluse le ultime ispezioni.",
     "Trasmissione della relazione annuale", False),  # a future act and a completion of something else
    ("Regolamento adottato con delibera n. 41 del 12/06; la formazione agli uffici si terrà a settembre.",
     "Adozione del Regolamento per la gestione documentale", True),
])
def test_whether_a_note_tells_done_the_milestones_own_object(note, activity, own_done):
    assert READER.read(note, activity, MID).own_done is own_done


@pytest.mark.parametrize(("value", "note", "target", "as_of", "status"), [
    # a SI the note contradicts: not reached at the deadline, judged by the note before it
    ("SI", "Licenza acquistata; l'avvio in produzione è rinviato a ottobre.", "entro il 30/06/2023", MID, Status.MISSED),
    ("SI", "Il catalogo sarà pubblicato a novembre, dopo la revisione delle schede.", "SI", date(2023, 9, 30),
     Status.ON_TRACK),
    ("SI", "Il servizio è stato configurato; l'avvio è sospeso in attesa del nuovo fornitore.", "SI", date(2023, 9, 30),
     Status.AT_RISK),
    # a SI whose note tells the target's own object done, with something else to come, stands
    ("SI", "Regolamento adottato il 12/06; la formazione agli uffici si terrà a settembre.", "entro il 30/06/2023", MID,
     Status.REACHED),
])
def test_a_si_contradicted_by_its_note_is_a_proposal(value, note, target, as_of, status):
    plan = plan_with({"nome": "Adozione del Regolamento per il servizio", "target": target})
    result = run(plan, measures({"codice": "I1", "valore": value, "nota": note}, when=as_of.strftime("%d/%m/%Y")),
                 as_of).indicators[0]
    assert (result.status, result.proposed) == (status, status is not Status.REACHED)
    assert result.achievement == 100  # the SI's degree until the proposal is confirmed


@pytest.mark.parametrize(("note", "status", "phase"), [
    ("Raccolta dei contributi in corso; la scadenza del 30 settembre non potrà essere rispettata.", Status.MISSED,
     "rinviata"),
    ("Raccolta dei contributi in corso; non sarà possibile rispettare la scadenza del 30 settembre.", Status.MISSED,
     "rinviata"),
    # a forecast of a delay is not an impossibility
    ("Raccolta dei contributi in corso; la scadenza del 30 settembre non sarà rispettata.", Status.AT_RISK, "rinviata"),
])
def test_a_deadline_the_note_says_cannot_be_met_is_missed_before_it(note, status, phase):
    result = one("Approvazione del Piano entro il 30/09/2023", MID, nota=note)
    assert (result.status, result.proposed, result.reading.phase) == (status, True, phase)


@pytest.mark.parametrize(("note", "status", "phase"), [
    ("Nel trimestre sono stati erogati 3 corsi su appalti, con 42 partecipanti.", Status.TO_ASSESS, "non_avviata"),
    ("Pubblicati 42 comunicati stampa; attivata la pagina LinkedIn dell'ente.", Status.TO_ASSESS, "non_avviata"),
    ("Svolte due edizioni del corso sul Codice di comportamento.", Status.TO_ASSESS, "non_avviata"),
    # the target's object done, or a completion said of nothing after it, or a day: read as before
    ("Piano approvato dalla Giunta il 20 maggio; erogati 3 corsi.", Status.REACHED, "completata"),
    ("Relazione consegnata alla dirigenza a maggio.", Status.REACHED, "completata"),
    ("Servizio in esercizio dal 10 maggio.", Status.REACHED, "completata"),
])
def test_a_note_that_tells_only_other_things_done_is_left_to_a_person(note, status, phase):
    result = one("Approvazione del Piano di formazione entro il 31/10/2023", MID, nota=note)
    assert (result.status, result.reading.phase) == (status, phase)


@pytest.mark.parametrize(("note", "count"), [
    ("Nel II semestre sono previste due collettive con 14 imprese già iscritte.", Decimal(14)),
    ("Per ottobre-dicembre programmate 4 ispezioni al mese.", None),  # a rate, not how many
])
def test_the_count_in_the_calendar_enrolled_or_a_rate(note, count):
    assert scheduled_count(note, "imprese" if "imprese" in note else "ispezioni") == count


@pytest.mark.parametrize(("scheduled", "versus"), [(14, Status.AT_RISK), (24, Status.ON_TRACK)])
def test_a_lowering_proposal_the_calendar_does_not_reach_is_at_risk(scheduled, versus):
    plan = plan_with({"target": "≥ 60 imprese", "unita": "N."}, year=2022)
    row = {"codice": "I1", "valore": 18, "nota": f"Nel II semestre sono previste due collettive con {scheduled} imprese già iscritte.",
           "proposta_target": "≥ 40 imprese", "motivazione": "Fiera di marzo annullata."}
    result = run(plan, measures(row, when="30/06/2022"), date(2022, 6, 30)).indicators[0]
    assert result.status is Status.AT_RISK  # ST15P, against the target in force
    assert (result.against_proposal.status, result.against_proposal.pace) == (versus, 90)


@pytest.mark.parametrize("row", [
    {"completato_il": "12/07/2023", "nota": "Slittamento dovuto ai tempi della procedura di affidamento."},
    {"valore": "SI", "nota": "Completato in ritardo per la sostituzione del referente."},
])
def test_a_dated_completion_or_one_said_of_the_target_is_not_contradicted_by_its_note(row):
    result = one("entro il 30/06/2023", date(2023, 12, 31), indicator={"nome": "Adozione del Regolamento per il servizio"},
                 **row)
    assert not result.proposed and not any(step.rule.startswith("ST08") for step in result.explanation.steps)


@pytest.mark.parametrize(("note", "planned_on"), [
    ("L'evento previsto per il 15 giugno è stato rinviato al 19 ottobre 2023 per la concomitanza con un convegno.",
     date(2023, 10, 19)),  # the day right after the postponement, not the old one
    ("Rilevazione sospesa a maggio; riprenderà il 5 settembre e si chiuderà il 31 ottobre.", date(2023, 10, 31)),
    ("Non avviato. Corso calendarizzato il 7 e 8 novembre 2023, docenti già individuati.", date(2023, 11, 8)),
    ("Attività sospesa da maggio; la ripresa è prevista a settembre.", None),  # a month, not a day
    ("Raccolta dei contributi in corso; la scadenza del 30 settembre non sarà rispettata.", None),  # the deadline named
])
def test_the_day_a_postponed_suspended_or_not_started_activity_is_put_on(note, planned_on):
    assert READER.read(note, None, MID).planned_on == planned_on


@pytest.mark.parametrize(("note", "status"), [
    ("L'evento è stato rinviato al 19 ottobre 2023; sala già confermata.", Status.ON_TRACK),
    ("Attività sospesa dall'ufficio a maggio; riprenderà il 5 settembre.", Status.ON_TRACK),
    ("Non avviato: seminario fissato per il 14 ottobre.", Status.ON_TRACK),
    ("L'evento è stato rinviato al 3 dicembre 2023.", Status.MISSED),  # a day after the deadline (ST08Z)
    ("Attività sospesa dall'ufficio a maggio; riprenderà il 5 dicembre.", Status.MISSED),
    ("Attività sospesa da maggio; la ripresa è prevista a settembre.", Status.AT_RISK),  # a month: the delay not certain
    ("L'evento è stato rinviato a dicembre.", Status.AT_RISK),
])
def test_an_activity_put_on_a_day_within_the_deadline_is_on_track_and_past_it_missed(note, status):
    result = one("Realizzazione dell'evento entro il 30/11/2023", MID, nota=note)
    assert (result.status, result.proposed) == (status, True)


@pytest.mark.parametrize(("note", "postponed_to"), [
    ("L'attività è stata rinviata al primo semestre 2024 per il nuovo catalogo dei processi.", date(2024, 1, 1)),
    ("L'evento non si terrà: è rinviato alla primavera 2024.", date(2024, 1, 1)),
    ("La rassegna è rinviata alla primavera del 2024.", date(2024, 1, 1)),
    ("Il riordino è stato rinviato al secondo semestre.", None),  # within the year
])
def test_a_postponement_to_a_semester_or_season_of_a_later_year(note, postponed_to):
    assert READER.read(note, None, MID).postponed_to == postponed_to


@pytest.mark.parametrize(("note", "phase"), [
    ("Per la firma serve la delibera del Senato Accademico, che non è ancora stata calendarizzata.", "rinviata"),
    ("Bozza pronta; si attende l'esame della Giunta, che non è ancora stato calendarizzato.", "bloccata"),
    ("Bozza pronta; si attende l'esame della Giunta, calendarizzato per il 12 ottobre.", "in_corso"),
    ("L'indagine non è ancora stata avviata; si prevede di somministrare il questionario a novembre.", "programmata"),
    # delays the supplier reports, with the new schedule not yet sent: not a calendar
    ("Il fornitore ha segnalato ritardi e non ha ancora trasmesso il nuovo cronoprogramma.", "rinviata"),
])
def test_a_calendar_not_yet_fixed(note, phase):
    assert READER.read(note, None, MID).phase == phase


@pytest.mark.parametrize(("note", "activity", "own_done"), [
    ("Completata la scansione del 70% dei fascicoli; il restante 30% sarà digitalizzato nel 2024.",
     "Digitalizzazione dell'archivio dei fascicoli", False),  # a share, not the target
    ("Completato l'aggiornamento il 15 novembre; verificata la coerenza con la griglia ANAC.",
     "Aggiornamento della sezione Amministrazione trasparente", True),  # the target's own act
    ("Conclusa la revisione della modulistica; la Carta dei servizi sarà aggiornata a gennaio.",
     "Revisione della Carta dei servizi", False),  # the same act, of something else
])
def test_a_share_done_and_the_targets_own_act(note, activity, own_done):
    assert READER.read(note, activity, END).own_done is own_done

# eighteenth pass, part C: the calendar names what is due by its months
@pytest.mark.parametrize(("note", "noun", "count"), [
    ("In calendario la nota di novembre.", None, 1), ("Previste le edizioni di ottobre e dicembre.", "edizioni", 2),
    ("In calendario la nota di novembre.", "eventi", None), ("Il rapporto di novembre è in preparazione.", None, None)])
def test_the_calendar_by_its_months(note, noun, count):
    assert scheduled_count(note, noun) == count

@pytest.mark.parametrize(("note", "noun", "count"), [
    # eighteenth pass, part B2: more in words, «1 solo», enrolled counts summed, counts month by month
    ("Due ulteriori webinar sono in calendario a novembre.", "webinar", Decimal(2)),
    ("In programma altri tre incontri a ottobre.", "incontri", Decimal(3)),
    ("Tre seminari sono calendarizzati tra ottobre e novembre.", "seminari", None),  # words without «altri»: not read
    ("È calendarizzato 1 solo evento, il 22 novembre.", "eventi", Decimal(1)),
    ("Il secondo modulo parte a settembre con 20 imprese già iscritte.", "imprese", Decimal(20)),
    ("In calendario: Anuga Colonia (ottobre, 12 imprese iscritte) e missione a Dubai (novembre, 15 adesioni).", None,
     Decimal(27)),
    ("Seminario Export USA (12/10, 40 imprese già iscritte), missione B2B (25 imprese ammesse) a novembre.", None,
     Decimal(65)),
    ("A novembre due corsi con 25 iscritti ciascuno.", None, None),  # a count per item is not summed
    ("Sono 45 le imprese iscritte nella sezione speciale.", None, None),  # no calendar in the sentence
    ("Calendario pubblicato: 2 webinar a luglio, 3 a settembre, 2 a ottobre, 1 a novembre.", "webinar", Decimal(8)),
    ("Il piano prevede 60 ispezioni a settembre e 50 tra ottobre e novembre.", None, Decimal(110)),
])
def test_the_count_in_the_calendar_in_words_enrolled_or_month_by_month(note, noun, count):
    assert scheduled_count(note, noun) == count


@pytest.mark.parametrize(("note", "phase"), [
    ("È calendarizzato 1 solo evento, il 22 novembre; non sono previste altre date.", "programmata"),  # closed, not put off
    ("L'evento di novembre non è previsto: rinviato al 2024.", "rinviata"),
    ("Nel IV trimestre è prevista l'entrata in servizio di due nuovi ispettori metrici.", None),  # the means, not the work
    ("A ottobre prende servizio il secondo ispettore; le restanti verifiche sono calendarizzate a novembre.", "programmata"),
    ("Calendario del II semestre pubblicato sul sito - 2 webinar a luglio, 3 a settembre.", "programmata"),
])
def test_a_closed_calendar_staff_taking_service_and_months_after_a_comma(note, phase):
    reading = READER.read(note, None, date(2023, 6, 30))
    assert (reading.phase if reading else None) == phase


@pytest.mark.parametrize(("note", "uncommitted"), [
    ("Il bando voucher è in fase di istruttoria; le liquidazioni sono previste nel IV trimestre.", True),
    ("Le liquidazioni dei bandi avverranno in prevalenza nel II semestre.", True),
    ("Istruttoria conclusa ad aprile; le liquidazioni si concentreranno nell'ultimo trimestre.", False),
    ("Le liquidazioni dei restanti voucher, per complessivi € 450.000, sono programmate a settembre.", False),
])
def test_a_budget_use_whose_note_gives_no_amount_nor_commitment(note, uncommitted):
    assert uncommitted_budget(note, "Risorse consuntivate / Risorse stanziate a budget * 100") is uncommitted
    assert not uncommitted_budget(note, "N. voucher liquidati", "≥ 40")  # not a budget use


@pytest.mark.parametrize(("value", "status", "rule"), [
    ("6 seminari, 170 partecipanti", Status.AT_RISK, "ST17K"),  # participants at 85% of the pace
    ("5 seminari, 200 partecipanti", Status.ON_TRACK, "ST17"),  # both at the pace
    ("4 seminari, 120 partecipanti", Status.AT_RISK, "ST18"),  # below the tolerance
])
def test_a_compound_target_with_a_component_behind_the_pace_is_at_risk(value, status, rule):
    result = one("≥ 10 seminari 400 partecipanti", date(2023, 6, 30), valore=value)
    assert (result.status, result.explanation.steps[2].rule) == (status, rule)


@pytest.mark.parametrize(("note", "status", "rule"), [
    ("Il bando è in istruttoria; le liquidazioni sono previste nel IV trimestre.", Status.AT_RISK, "ST17B"),
    ("Graduatoria approvata a luglio; le liquidazioni sono previste nel IV trimestre.", Status.ON_TRACK, "ST17N"),
])
def test_a_budget_use_behind_the_pace_needs_the_commitment_in_its_note(note, status, rule):
    result = one(">= 90%", date(2023, 9, 30), indicator={"algoritmo": "Risorse consuntivate / Risorse stanziate a budget * 100"},
                 componenti={"Risorse consuntivate": "€ 156.000", "Risorse stanziate a budget": "€ 520.000"}, nota=note)
    assert (result.status, result.explanation.steps[2].rule, result.proposed) == (status, rule, rule == "ST17N")


@pytest.mark.parametrize(("note", "phase"), [
    ("Il bando sarà approvato dalla Giunta il 22 luglio e pubblicato entro agosto.", "programmata"),
    ("L'avviso verrà esaminato in Giunta e poi pubblicato sul sito.", "programmata"),
    # a completion told in the past is read as before, whatever follows it
    ("Il bando è stato pubblicato il 20 giugno; le domande saranno istruite a settembre.", "completata"),
])
def test_an_act_after_a_participle_told_in_the_future_is_still_to_come(note, phase):
    assert READER.read(note, "Pubblicazione del bando voucher", MID).phase == phase


@pytest.mark.parametrize(("note", "as_of", "missed"), [
    ("Sviluppo sospeso a luglio; il rilascio entro il 30/11/2023 non è più possibile.", MID, True),
    ("Sviluppo sospeso a luglio; la consegna entro la scadenza non sarà possibile.", MID, True),
    ("La Regione ha comunicato che la convenzione non sarà rinnovata per il 2023.", MID, True),
    ("Il quarto percorso non sarà realizzato nel 2023 per il ritiro delle imprese.", MID, True),
    # another year, or a forecast of a delay within the year: not missed
    ("La Regione ha comunicato che la convenzione non sarà rinnovata per il 2022.", MID, False),
    ("La mappatura non sarà completata entro l'anno per la riduzione del personale.", MID, False),
])
def test_a_deadline_impossible_after_entro_and_an_act_not_done_in_the_year(note, as_of, missed):
    assert READER.read(note, None, as_of).deadline_missed is missed


@pytest.mark.parametrize(("note", "status"), [
    ("La Regione ha comunicato che la convenzione non sarà rinnovata per il 2023.", Status.MISSED),
    ("La firma della convenzione è rinviata a ottobre.", Status.AT_RISK),
])
def test_a_si_still_no_whose_note_says_the_act_will_not_be_done_is_missed(note, status):
    result = one("SI", MID, valore="NO", nota=note)
    assert (result.status, result.proposed) == (status, True)


@pytest.mark.parametrize(("note", "postponed_to", "status"), [
    ("In attesa della nuova release di InfoCamere, annunciata per il primo trimestre 2024.", date(2024, 1, 1), Status.MISSED),
    ("In attesa della nuova release di InfoCamere, annunciata per settembre 2023.", None, Status.AT_RISK),
])
def test_an_awaited_step_announced_for_a_later_year(note, postponed_to, status):
    assert READER.read(note, None, MID).postponed_to == postponed_to
    assert one("entro il 30/11/2023", MID, valore="n.d.", nota=note).status == status


@pytest.mark.parametrize(("note", "phase"), [
    ("Il portale è stato pubblicato il 12/12/2023, a seguito del ritardo nella consegna del fornitore.", "completata"),
    ("Il servizio è stato attivato il 20/11/2023 per il ritardo del fornitore.", "completata"),
    # a delay without a dated completion, or told as a postponement, stays a postponement
    ("Il portale non è stato pubblicato a causa del ritardo nella consegna del fornitore.", "rinviata"),
    ("Il portale è stato collaudato il 12/12/2023; la pubblicazione è rinviata a gennaio.", "rinviata"),
])
def test_a_delay_told_as_the_cause_of_a_dated_completion(note, phase):
    assert READER.read(note, "Pubblicazione del portale", END).phase == phase


@pytest.mark.parametrize(("note", "phase"), [
    ("Il Piano è stato predisposto e approvato con determinazione del 10/12/2023.", "completata"),
    ("Il Piano sarà predisposto a novembre.", "programmata"),
])
def test_a_preparation_is_done_when_the_note_says_prepared(note, phase):
    assert READER.read(note, "Predisposizione del Piano di formazione", MID).phase == phase


@pytest.mark.parametrize(("note", "phase"), [
    ("Il servizio partirà dopo la firma della convenzione; non è ancora stata fissata una data per la firma.", "bloccata"),
    ("La bozza è all'esame dell'Ordine; non è stata fissata la data della firma.", "bloccata"),
    ("La firma è fissata per il 12 ottobre.", "programmata"),  # a date fixed: the calendar
])
def test_no_date_fixed_yet_is_a_block(note, phase):
    assert READER.read(note, None, MID).phase == phase


# twentieth pass, part A: the next one announced with «quello del» and a verb in the future is one more in the calendar
@pytest.mark.parametrize(("note", "count"), [
    ("Il report del I trimestre è stato pubblicato a maggio; quello del II trimestre uscirà a settembre.", Decimal(1)),
    ("Uscita la nota di marzo; quella di giugno sarà pubblicata a luglio.", Decimal(1)),
    ("Il report del I trimestre è stato pubblicato a maggio.", None),
    ("Quello del II trimestre è stato pubblicato a giugno.", None),  # done, not to come
])
def test_the_next_one_announced_is_one_more(note, count):
    assert scheduled_count(note, None) == count

# twentieth pass, part B1
@pytest.mark.parametrize(("indicator", "as_of", "status"), [
    ({"algoritmo": "Entro 30.06.2023"}, date(2023, 9, 30), Status.MISSED),
    ({"nome": "Adozione del regolamento entro il 30/06/2023"}, date(2023, 9, 30), Status.MISSED),
    # before the deadline written in the algorithm the note still tells the state
    ({"algoritmo": "Entro 30.09.2023"}, MID, Status.AT_RISK),
])
def test_a_si_still_no_after_the_deadline_in_its_name_or_algorithm_is_missed(indicator, as_of, status):
    result = one("SI", as_of, indicator=indicator, valore="NO", nota="Attivazione slittata a novembre per il ritardo del fornitore.")
    assert result.status == status


def test_the_act_is_dated_where_the_note_tells_it_again_after_the_value_cell():
    note = "attivato Lo sportello è stato attivato il 2 maggio 2023 presso la sede e dal 3 giugno anche a Matera."
    assert READER.read(note, "Attivazione dello sportello PNRR", END).completed_on == date(2023, 5, 2)
    result = one("Attivazione entro 30/04/2023", END, indicator={"nome": "Attivazione dello sportello PNRR"},
                 valore="attivato", nota=note[9:])
    assert (result.status, result.proposed) == (Status.MISSED, True)


@pytest.mark.parametrize(("note", "planned_on"), [
    ("Sospesa ad aprile; i processi restanti sono calendarizzati tra il 15 settembre e il 31 ottobre 2023.", date(2023, 10, 31)),
    ("Sospesa ad aprile; le visite sono programmate dal 4 settembre al 20 ottobre.", date(2023, 10, 20)),
    # two days that are not a span: the day right after the word, as before
    ("Sospesa ad aprile; incontri calendarizzati il 15 settembre, dopo la riunione del 31 luglio.", date(2023, 9, 15)),
])
def test_a_span_in_the_calendar_ends_on_its_last_day(note, planned_on):
    assert READER.read(note, None, MID).planned_on == planned_on


@pytest.mark.parametrize(("note", "status"), [
    ("Relazione approvata dal Comitato il 27/06/2023; la trasmissione alla Regione avverrà a luglio.", Status.MISSED),
    # the act itself done, or another act put in the calendar: the SI holds
    ("Relazione approvata e trasmessa alla Regione il 27/06/2023.", Status.REACHED),
    ("Relazione trasmessa alla Regione il 27/06/2023; la presentazione in Consiglio avverrà a luglio.", Status.REACHED),
])
def test_the_targets_own_act_put_in_the_calendar_is_still_to_come(note, status):
    result = one("SI (entro il 30/06/2023)", MID, indicator={"nome": "Trasmissione alla Regione della relazione annuale"},
                 valore="SI", nota=note)
    assert (result.status, result.proposed) == (status, status is Status.MISSED)


@pytest.mark.parametrize(("note", "status", "versus"), [
    ("Terza sala in collaudo a ottobre. La quarta sala non potrà essere riallestita nel 2023: manca l'autorizzazione.",
     Status.MISSED, Status.ON_TRACK),
    # a delay within the year is not an impossibility: the pace decides
    ("Terza sala in collaudo a ottobre; la quarta sarà riallestita a novembre.", Status.AT_RISK, Status.ON_TRACK),
])
def test_a_count_whose_note_says_the_rest_will_not_be_done_in_the_year(note, status, versus):
    result = one("4", date(2023, 9, 30), indicator={"nome": "N. sale riallestite", "unita": "N."}, valore="2", nota=note,
                 proposta_target="3", motivazione="Diniego dell'autorizzazione.")
    assert (result.status, result.against_proposal.status) == (status, versus)
    assert result.proposed is (status is Status.MISSED)

# twentieth pass, part B2
@pytest.mark.parametrize(("note", "count"), [
    ("Già convocati gli incontri del 6/10, 20/10, 10/11 e 1/12/2022 (ordini del giorno inviati).", Decimal(4)),
    ("Già convocate le riunioni del 14/10 e del 4/11/2024.", Decimal(2)),
    ("La conclusione è prevista per il 30/11.", None),  # one day: the date of a single step
    ("Incontri previsti tra il 12/10 e il 20/11.", None),  # a period
])
def test_the_days_listed_after_a_calendar_word_are_counted(note, count):
    assert scheduled_count(note, "incontri") == count


@pytest.mark.parametrize(("note", "phase"), [
    ("Già convocati gli incontri del 6/10 e 20/10.", "programmata"),
    ("Corso svolto il 12 ottobre, con una partecipazione pari all'85% dei dipendenti convocati.", "completata"),
    ("I restanti 7 centri saranno visitati nel IV trimestre, date da definire.", "in_corso"),  # no day fixed: no calendar
    ("I restanti 7 centri saranno visitati nel IV trimestre.", "programmata"),
    ("Al Comune di Tursi non è stato possibile effettuare la visita.", "bloccata"),
])
def test_convened_meetings_days_not_fixed_and_what_could_not_be_done(note, phase):
    assert READER.read(note, None, date(2023, 9, 30)).phase == phase


@pytest.mark.parametrize(("note", "vague"), [
    ("Altre partecipazioni a fiere sono previste nel secondo semestre.", True),
    ("Nel II semestre è prevista la ripresa degli incontri.", True),
    ("Nel II semestre sono in calendario due ulteriori seminari.", False),  # how many
    ("Nel secondo semestre sono in calendario 4 eventi.", False),
    ("Nel secondo semestre sono previsti corsi a ottobre e novembre.", False),  # the months
    ("Altri corsi sono previsti a ottobre.", False),  # not the second half
])
def test_a_calendar_that_names_only_the_second_half(note, vague):
    assert vague_calendar(note) is vague


@pytest.mark.parametrize(("note", "status", "rule"), [
    ("Altri corsi sono previsti nel secondo semestre.", Status.AT_RISK, "ST17V"),  # 45 of 100: within the tolerance
    ("Nel secondo semestre sono in calendario altri 60 corsi.", Status.ON_TRACK, "ST17"),
])
def test_the_rest_put_in_the_second_half_without_numbers_is_at_risk(note, status, rule):
    result = one("≥ 100 corsi", date(2023, 6, 30), valore="45", nota=note)
    assert (result.status, result.explanation.steps[2].rule) == (status, rule)


@pytest.mark.parametrize(("note", "activity", "completed_on"), [
    # the value cell, then the note: one act said twice, dated by its numbered act
    ("approvato Piano approvato con delibera n. 61 del 9 luglio 2026, dopo il parere dei revisori pervenuto il 2 luglio.",
     "approvazione del Piano", date(2026, 7, 9)),
    ("avviato il 17-11-2025", "Avvio del sistema di prenotazione", date(2025, 11, 17)),  # a dash
    ("attivato il 12.09.22", "Attivazione del servizio", date(2022, 9, 12)),  # dots, a two-digit year
    ("Webinar svolti: 1.500 partecipanti; servizio attivato il 3 maggio.", "Attivazione del servizio", date(2026, 5, 3)),
])
def test_the_day_of_an_act_said_again_or_written_with_dashes_or_dots(note, activity, completed_on):
    assert READER.read(note, activity, date(2026, 12, 31)).completed_on == completed_on


@pytest.mark.parametrize(("note", "postponed_to"), [
    ("Il Forum è stato spostato a marzo 2025, insieme al Rapporto annuale.", date(2025, 3, 1)),
    ("Le associazioni hanno chiesto di spostare al 2025 gli incontri.", None),  # a request, not a postponement
])
def test_a_postponement_whose_cue_ends_with_its_preposition(note, postponed_to):
    assert READER.read(note, "Organizzazione del Forum", date(2024, 9, 30)).postponed_to == postponed_to


@pytest.mark.parametrize(("note", "activity", "phase"), [
    ("Configurazione dello strumento di videochiamata completata. L'apertura è stata spostata al 14 aprile.",
     "Attivazione dello sportello virtuale in videochiamata", "rinviata"),  # how it works, not what is started
    ("Sportello virtuale completato e aperto il 10 marzo.", "Attivazione dello sportello virtuale in videochiamata",
     "completata"),
    ("fatto Allineamento chiuso il 5 settembre.", "Aggiornamento della sottosezione Bandi di gara", "completata"),
    ("online dal 12.09.22 Nuovo sito in produzione; verificata l'accessibilità.", "Pubblicazione del nuovo sito",
     "completata"),
])
def test_what_a_start_names_an_office_done_and_a_site_online(note, activity, phase):
    assert READER.read(note, activity, date(2024, 9, 30)).phase == phase


def test_a_deadline_no_longer_possible_and_a_no_the_note_says_done():
    note = "Attività interrotte dall'ufficio. L'apertura entro novembre non è quindi più possibile."
    assert READER.read(note, "Apertura dello sportello", date(2024, 9, 30)).deadline_missed
    result = one("SI", date(2023, 12, 31), indicator={"nome": "Aggiornamento della sottosezione Rischi corruttivi"},
                 valore="NO", nota="L'aggiornamento, curato dal RPCT, è stato adottato dalla Giunta il 30/01/2023.")
    assert (result.status, result.explanation.steps[2].rule, result.proposed) == (Status.REACHED, "ST08N", True)
    draft = one("SI", date(2023, 12, 31), indicator={"nome": "Aggiornamento della sottosezione Rischi corruttivi"},
                valore="NO", nota="La bozza dell'aggiornamento è pronta; l'adozione è prevista a gennaio.")
    assert draft.status is Status.MISSED

# twenty-first pass, part B2: what each item brings, the office's estimates, agreed calendars, amounts in euro
@pytest.mark.parametrize(("note", "noun", "count"), [
    ("Altri 2 webinar in calendario a novembre, 150 iscritti ciascuno.", None, Decimal(300)),
    ("Nel II semestre sono calendarizzati 8 webinar, con una media attesa di 40 partecipanti ciascuno.", "N.", Decimal(320)),
    ("Altri 3 corsi in calendario a ottobre, 20 ore ciascuno.", "corsi", Decimal(3)),  # hours are not what is counted
    ("A settembre partirà una campagna con cui stimiamo circa 100 nuove iscrizioni.", None, Decimal(100)),
    ("Le liquidazioni (circa 60 domande istruite) sono previste per novembre.", None, Decimal(60)),
    ("Calendario concordato con gli Ordini: 6 luglio, 14 settembre e 12 ottobre.", None, Decimal(3)),
    ("Il bando invernale (€ 150.000) aprirà il 1° settembre.", "€", Decimal(150000)),
    ("Graduatoria del bando Fiere (€ 1.200.000) a maggio; il bando Digitale (€ 600.000) a ottobre.", "€", Decimal(1800000)),
    ("Impegnati € 60.000 per le fiere.", "€", None),  # no calendar in the sentence
])
def test_the_calendar_with_its_yield_estimates_named_days_and_amounts(note, noun, count):
    assert scheduled_count(note, noun) == count


@pytest.mark.parametrize(("note", "estimated"), [
    ("A settembre stimiamo circa 100 nuove iscrizioni.", True),
    ("Altri 2 webinar a novembre, 150 iscritti ciascuno.", True),
    ("Altri 5 interventi già in calendario con le ATL tra luglio e ottobre.", False),
])
def test_an_estimate_of_what_the_rest_of_the_year_brings(note, estimated):
    assert estimated_calendar(note) is estimated


# twenty-second pass, part B: the act done late (a shortened month, the act only cited, a step told after «dopo»), the
# postponement with its day, the day right after its calendar word
@pytest.mark.parametrize(("note", "as_of", "phase", "done_on"), [
    ("Approvato in Giunta il 28/10/2024; pubblicato in Amministrazione trasparente il 5 nov. 2024.", date(2024, 12, 31),
     "completata", date(2024, 11, 5)),
    ("Lavori terminati il 12 sett.; collaudo in corso.", date(2024, 12, 31), "in_corso", None),
    ("Delibera di Giunta n. 88 del 2/10/2023.", date(2023, 12, 31), "completata", date(2023, 10, 2)),
    ("Determinazione del SG n. 41 del 28/03/2023.", date(2023, 3, 31), "completata", date(2023, 3, 28)),
    ("Il piano è stato approvato con determinazione n. 58 del 27 aprile 2022, dopo la raccolta dei fabbisogni.",
     date(2022, 9, 30), "completata", date(2022, 4, 27)),
])
def test_the_day_of_the_act(note, as_of, phase, done_on):
    reading = READER.read(note, "Pubblicazione del piano", as_of)
    assert (reading.phase, reading.completed_on) == (phase, done_on)


def test_a_citation_is_not_read_when_the_note_says_more_or_the_day_is_to_come():
    assert READER.read("Delibera di Giunta n. 88 del 2/10/2023.", None, date(2023, 9, 30)) is None  # not yet at the date
    assert READER.read("Delibera n. 5 del 3/03/2023: in attesa della firma.", None, date(2023, 6, 30)).completed_on is None
    assert READER.read("Serve la delibera n. 88 del 2/10/2023.", None, date(2023, 12, 31)) is None  # not the note's opening


@pytest.mark.parametrize(("note", "phase", "later"), [
    ("Con determinazione del 14/09/2023 la migrazione è stata riprogrammata al 30 aprile 2024.", "rinviata", date(2024, 4, 1)),
    ("Evento rinviato al 15 marzo 2024.", "rinviata", date(2024, 3, 1)),
    ("Evento riprogrammato al 15 novembre.", "rinviata", None),  # the same year: not a later year
])
def test_a_postponement_with_its_day(note, phase, later):
    reading = READER.read(note, None, date(2023, 9, 30))
    assert (reading.phase, reading.postponed_to) == (phase, later)


def test_the_day_right_after_its_calendar_word():
    reading = READER.read("Somministrazione sospesa durante il trasloco; si riprende il 1° settembre, chiusura fissata al "
                          "15 ottobre.", None, date(2025, 6, 30))
    assert (reading.phase, reading.planned_on) == ("sospesa", date(2025, 10, 15))


def test_the_day_right_after_a_postponement_that_ends_with_its_preposition():
    reading = READER.read("Il lancio è stato riprogrammato al 15 novembre 2024.", None, date(2024, 9, 30))
    assert (reading.phase, reading.planned_on) == ("rinviata", date(2024, 11, 15))


def test_a_plan_that_depends_on_what_is_not_at_hand_is_no_calendar():
    assert READER.read("Le verifiche sugli altri centri saranno programmate compatibilmente con la disponibilità degli "
                       "ispettori.", None, date(2024, 6, 30)) is None
    assert READER.read("Le verifiche sugli altri centri sono programmate a settembre.", None, date(2024, 6, 30)).phase == "programmata"


@pytest.mark.parametrize(("note", "phase"), [
    ("L'ufficio ha deciso di sospendere la somministrazione fino alla fine del trasloco.", "sospesa"),
    ("La Giunta ha deciso a marzo di fermare il progetto in attesa del nuovo bando.", "sospesa"),
    ("Si è scelto di interrompere le attività preparatorie.", "sospesa"),
    ("L'ufficio ha deciso di non sospendere la somministrazione.", None),  # «di non …»: no cue
])
def test_a_decision_to_stop_is_a_suspension(note, phase):
    reading = READER.read(note, None, date(2025, 3, 31))
    assert (reading.phase if reading else None) == phase


def test_what_can_happen_only_after_another_act_is_blocked():
    note = ("La Giunta ha approvato lo schema di convenzione e lo ha trasmesso alla Regione. La firma potrà avvenire solo "
            "dopo la delibera regionale.")
    assert READER.read(note, "Sottoscrizione della convenzione", date(2024, 12, 31)).phase == "bloccata"
    assert READER.read("Schema approvato e firmato dopo la delibera regionale.", None, date(2024, 12, 31)).phase == "completata"


@pytest.mark.parametrize(("note", "later", "planned"), [
    ("La dirigenza ha riprogrammato il passaggio al 30 aprile 2025.", date(2025, 4, 1), date(2025, 4, 30)),
    ("L'audit è stato spostato dall'organismo stesso a febbraio 2026.", date(2026, 2, 1), None),
    ("L'evento è stato spostato dagli organizzatori al 20 novembre.", None, date(2024, 11, 20)),
])
def test_a_postponement_with_what_is_moved_before_its_new_date(note, later, planned):
    reading = READER.read(note, None, date(2024, 9, 30))
    assert (reading.phase, reading.postponed_to, reading.planned_on) == ("rinviata", later, planned)


def test_what_is_moved_to_another_place_is_no_postponement():
    assert READER.read("L'archivio è stato spostato dagli operai nel nuovo magazzino.", None, date(2024, 9, 30)) is None


def test_the_completion_of_something_else_named_with_the_object_does_not_start_it():
    note = ("Il personale dello sportello ha completato la formazione. L'apertura è stata spostata al 15 settembre 2025 per "
            "il ritardo nella consegna degli arredi.")
    reading = READER.read(note, "Apertura dello sportello di Piacenza", date(2025, 3, 31))
    assert (reading.phase, reading.planned_on) == ("rinviata", date(2025, 9, 15))
    assert READER.read("Lo sportello è stato completato e aperto al pubblico.", "Apertura dello sportello",
                       date(2025, 3, 31)).phase == "completata"


def test_what_the_note_says_is_beyond_the_target_tells_nothing_of_it():
    note = ("La Carta è stata approvata il 27 febbraio e pubblicata il 3 marzo. Resta in programma una versione stampata, "
            "non prevista dall'obiettivo, che sarà pronta in estate.")
    reading = READER.read(note, None, date(2025, 3, 31))
    assert (reading.phase, reading.completed_on) == ("completata", date(2025, 3, 3))
    assert READER.read("Carta approvata. Resta in programma una versione stampata, che sarà pronta in estate.", None,
                       date(2025, 3, 31)).phase == "programmata"


def test_one_day_written_twice_in_a_clause_is_its_day():
    reading = READER.read("pubbl. 12.06.25 Vademecum pubblicato sul sito il 12 giugno.", "Pubblicazione del vademecum",
                          date(2025, 6, 30))
    assert reading.completed_on == date(2025, 6, 12)
    assert READER.read("Approvato il 3/06 pubblicato sul sito il 12 giugno.", None, date(2025, 6, 30)).completed_on != date(2025, 6, 3)


@pytest.mark.parametrize(("note", "phase"), [
    ("L'organismo non ha ancora comunicato la data dell'audit; il certificato in corso scade il 31 luglio.", "bloccata"),
    ("Certificato in corso di validità.", None),
    ("Nell'anno in corso sono stati svolti 3 audit.", "completata"),
    ("Audit di rinnovo in corso.", "in_corso"),
])
def test_the_current_certificate_is_no_work_under_way(note, phase):
    reading = READER.read(note, None, date(2026, 6, 30))
    assert (reading.phase if reading else None) == phase


def test_a_resumption_with_its_days_listed_after_the_colon():
    reading = READER.read("L'ufficio ha deciso di sospendere l'attività nel I semestre. Si riprende a settembre: modulo 1 il "
                          "10/10, modulo 2 il 24/10, modulo 3 il 14/11.", None, date(2023, 6, 30))
    assert (reading.phase, reading.planned_on) == ("sospesa", date(2023, 11, 14))
    reading = READER.read("L'ufficio ha deciso di sospendere l'attività. Si riprende a settembre.", None, date(2023, 6, 30))
    assert (reading.phase, reading.planned_on) == ("sospesa", None)


@pytest.mark.parametrize(("note", "count"), [
    ("Si riprende a settembre: modulo 1 il 10/10, modulo 2 il 24/10, modulo 3 il 14/11.", Decimal(3)),
    ("Si riprende a settembre: 1 incontro il 12/09; gli altri non sono ancora in calendario.", Decimal(1)),
    ("Si riprende a settembre.", None),
])
def test_the_days_listed_after_a_resumption_are_in_the_calendar(note, count):
    assert scheduled_count(note, None) == count


@pytest.mark.parametrize(("days", "status"), [
    ("il 12/09, il 26/09, il 10/10 e il 24/10.", Status.ON_TRACK),  # ST17S, proposed
    ("1 incontro il 12/09.", Status.AT_RISK),  # 0 + 1 of 4: the calendar falls short
    ("il 12/09, il 26/09, il 10/10 e il 24/12.", Status.AT_RISK),  # the last day past the deadline
])
def test_a_suspended_count_put_back_in_the_calendar(days, status):
    note = "L'ufficio ha deciso di sospendere gli incontri fino a giugno. Si riprende a settembre: " + days
    result = one("Realizzazione di 4 incontri entro il 30/11/2023", MID, valore="0 incontri", nota=note)
    assert result.status is status and result.proposed is (status is Status.ON_TRACK)


@pytest.mark.parametrize(("note", "phase"), [
    ("Testo inviato alla Regione il 3 aprile; senza il parere il regolamento non può andare in Giunta.", "bloccata"),
    ("Avviso d'asta pubblicato a ottobre; l'aggiudicazione non può avvenire senza l'autorizzazione.", "bloccata"),
    ("Locali pronti; senza l'agibilità lo sportello non si può aprire.", "bloccata"),
    ("Domanda presentata a marzo, in istruttoria: il Ministero non ha dato indicazioni sui tempi.", "bloccata"),
    ("Relazione approvata e pubblicata.", "completata"),
])
def test_what_cannot_go_on_is_blocked_before_the_steps_done(note, phase):
    assert READER.read(note, None, MID).phase == phase


@pytest.mark.parametrize(("note", "planned_on"), [
    ("La premiazione è stata spostata a venerdì 15 settembre 2023.", date(2023, 9, 15)),
    ("La missione è stata spostata al 20-22 settembre 2023.", date(2023, 9, 22)),
    ("La missione è stata spostata al 20 settembre 2023.", date(2023, 9, 20)),
])
def test_a_postponement_to_a_weekday_or_a_span_of_days(note, planned_on):
    reading = READER.read(note, None, MID)
    assert (reading.phase, reading.planned_on) == ("rinviata", planned_on)


@pytest.mark.parametrize(("note", "completed_on"), [
    ("Firma digitale apposta da entrambe le parti il 9 gennaio 2024.", date(2024, 1, 9)),
    ("(ordine di servizio del 14 aprile 2023)", date(2023, 4, 14)),
    ("(determinazione del 20 maggio 2023)", date(2023, 5, 20)),
])
def test_a_signature_affixed_or_a_dated_act_is_done_that_day(note, completed_on):
    reading = READER.read(note, "Nomina del responsabile", END)
    assert (reading.phase, reading.completed_on) == ("completata", completed_on)


@pytest.mark.parametrize(("valore", "nota", "status"), [
    ("Sì (ordine di servizio del 14 aprile 2023)", None, Status.MISSED),  # ST08S, proposed
    ("SI (delibera del 12 marzo 2023)", None, Status.REACHED),
    ("SI", "Firme digitali apposte il 9 gennaio 2024.", Status.MISSED),  # after the year
])
def test_a_yes_with_its_act_dated_after_the_deadline(valore, nota, status):
    result = one("SI entro il 31/03/2023" if nota is None else "SI", END, valore=valore, **({"nota": nota} if nota else {}))
    assert result.status is status


@pytest.mark.parametrize(("note", "completed_on"), [
    ("Disciplinare approvato a novembre; avviso pubblicato il 4 dicembre 2023, domande aperte fino al 31 gennaio 2024.",
     date(2023, 12, 4)),
    ("Avviso pubblicato il 20 novembre 2023, domande aperte fino al 15 gennaio 2024.", date(2023, 11, 20)),
])
def test_a_window_left_open_after_the_act_is_not_its_day(note, completed_on):
    reading = READER.read(note, "Pubblicazione dell'avviso", END)
    assert (reading.phase, reading.completed_on) == ("completata", completed_on)
