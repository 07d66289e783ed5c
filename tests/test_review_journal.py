"""The decision journal: appended, superseded, never damaged by an interrupted write."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from roundtrip_helpers import CUNEO, ROOT

from piao_rules.errors import InputError
from piao_rules.review.journal import PAUSE_ENV, Decision, Sighting, _parse, append, read_journal, record_sighting

JUNE, SEPTEMBER = date(2023, 6, 30), date(2023, 9, 30)


def decision(flag: str, outcome: str = "rinviata", as_of: date = JUNE, note: str = "da rivedere") -> Decision:
    return Decision(id=flag, esito=outcome, nota=note, chi="SG", quando=datetime(2023, 7, 10, 9, 0, tzinfo=timezone.utc),
                    al=as_of, anno=2023, segnalazione=flag.split("/")[1], oggetto=flag.split("/")[0], gravita="media",
                    motivo="…")


def test_append_read_and_supersede(tmp_path):
    path = tmp_path / "decisioni-2023.jsonl"
    assert read_journal(path).entries == []
    append(path, [decision("O06-1/incoerenza")])
    journal = append(path, [decision("O06-1/incoerenza", "azione_correttiva", note="concordare il valore")])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["esito"] == "rinviata"  # the earlier line is still there
    assert json.loads(lines[1]) == {
        "tipo": "decisione", "id": "O06-1/incoerenza", "esito": "azione_correttiva", "nota": "concordare il valore",
        "chi": "SG", "quando": "2023-07-10T09:00:00Z", "al": "2023-06-30", "anno": 2023, "segnalazione": "incoerenza",
        "oggetto": "O06-1", "gravita": "media", "motivo": "…",
    }
    assert journal.in_force("O06-1/incoerenza", 2023, JUNE).note == "concordare il valore"
    assert len(journal.history("O06-1/incoerenza", 2023)) == 2
    assert journal.in_force("O06-1/incoerenza", 2023, SEPTEMBER) is None


def test_open_since_follows_the_monitorings(tmp_path):
    path = tmp_path / "j.jsonl"
    record_sighting(path, 2023, JUNE, ["A/x", "B/x", "C/x"], "m.csv")
    record_sighting(path, 2023, JUNE, ["A/x", "B/x", "C/x"], "m.csv")  # same flags: nothing new written
    append(path, [decision("A/x", "rinviata"), decision("B/x", "azione_correttiva")])
    journal = record_sighting(path, 2023, SEPTEMBER, ["A/x", "B/x"], "m9.csv")
    assert len(path.read_text().splitlines()) == 4
    assert journal.open_since("A/x", 2023, SEPTEMBER) == JUNE  # postponed in June, still raised
    assert journal.open_since("B/x", 2023, SEPTEMBER) is None  # decided in June: raised again, open anew
    assert journal.open_since("C/x", 2023, date(2023, 12, 31)) is None  # not raised in September


def test_damaged_journal_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "j.jsonl"
    append(path, [decision("A/x")])
    path.write_text(path.read_text() + '{"tipo": "decisione", "id": \n', encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError) as error:
        append(path, [decision("B/x")])
    assert str(error.value.problems[0]).startswith(f"{path}:riga 2: riga del giornale non leggibile")
    assert path.read_bytes() == before


def test_killed_in_the_middle_of_a_write_loses_nothing(tmp_path):
    """A decidi process killed after writing the new journal but before committing it: the journal is as it was."""
    shutil.copy(CUNEO / "piano.yaml", tmp_path)
    shutil.copy(CUNEO / "misure-2023-06-30.csv", tmp_path)
    journal = tmp_path / "decisioni-2023.jsonl"
    append(journal, [decision("O06-1/incoerenza"), decision("O07-1/dato_mancante", "azione_correttiva")])
    before = journal.read_bytes()
    env = {**os.environ, PAUSE_ENV: "60", "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "piao_rules", "decidi", "piano.yaml", "misure-2023-06-30.csv", "O08-1/dato_mancante",
               "--esito", "azione_correttiva", "--nota", "sollecitare l'ufficio", "--chi", "SG"]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        pending: list[Path] = []
        while time.monotonic() < deadline and process.poll() is None:
            pending = [p for p in tmp_path.glob(".decisioni-2023.jsonl.*.tmp") if b"O08-1" in p.read_bytes()]
            if pending:
                break
            time.sleep(0.05)
        assert pending, process.communicate()[1].decode() if process.poll() is not None else "no temporary file"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert journal.read_bytes() == before
    assert [d.flag for d in read_journal(journal).decisions] == ["O06-1/incoerenza", "O07-1/dato_mancante"]
    # the lock died with the process: the next decision is written
    done = subprocess.run(command, cwd=tmp_path, env={**env, PAUSE_ENV: "0"}, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert [d.flag for d in read_journal(journal).decisions][-1] == "O08-1/dato_mancante"
    assert journal.read_bytes().startswith(before)


def test_concurrent_writers_keep_every_decision(tmp_path):
    path = tmp_path / "j.jsonl"
    script = (
        "import sys\nfrom datetime import datetime, timezone, date\n"
        "from piao_rules.review.journal import Decision, append\n"
        "for n in range(8):\n"
        "    flag = f'{sys.argv[1]}{n}/x'\n"
        "    append(__import__('pathlib').Path(sys.argv[2]), [Decision(id=flag, esito='rinviata', nota='n', chi='c',"
        " quando=datetime.now(timezone.utc), al=date(2023, 6, 30), anno=2023, segnalazione='x', oggetto='o',"
        " gravita='bassa', motivo='m')])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    writers = [subprocess.Popen([sys.executable, "-c", script, name, str(path)], env=env) for name in "ABC"]
    assert all(w.wait(timeout=120) == 0 for w in writers)
    flags = sorted(d.flag for d in read_journal(path).decisions)
    assert flags == sorted(f"{name}{n}/x" for name in "ABC" for n in range(8))


def test_decision_texts_for_the_documents(tmp_path):
    from piao_rules.cli.common import evaluate_files
    from piao_rules.review.flags import decision_texts

    evaluation = evaluate_files(CUNEO / "piano.yaml", CUNEO / "misure-2023-06-30.csv", None)[0]
    path = tmp_path / "j.jsonl"
    accepted = decision("O24.2-1/rimodulazione_target", "accolta", note="programmi arrivati a luglio")
    accepted.new_target = "≥ 120 impianti di carburante"
    journal = append(path, [decision("O06-1/incoerenza"), accepted, decision("O99/x", "respinta"),
                            decision("O07-1/dato_mancante", "respinta", as_of=SEPTEMBER)])
    assert decision_texts(evaluation, journal) == {
        "O06-1/incoerenza": "Rinviata: da rivedere (SG, 10/07/2023)",
        "O24.2-1/rimodulazione_target": "Accolta, nuovo target «≥ 120 impianti di carburante»: programmi arrivati a luglio (SG, 10/07/2023)",
    }


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), st.just('{"tipo": "rilevazione"}'),
                          st.just('{"tipo": "decisione", "id": "A/x"}'), st.just("[1, 2]"), st.just("null")), max_size=5))
def test_any_journal_text_reads_or_names_the_line(lines):
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    try:
        entries = _parse(Path("j.jsonl"), text)
    except InputError as error:
        assert all(str(p).startswith("j.jsonl:riga ") for p in error.problems)
    else:
        assert all(isinstance(e, (Decision, Sighting)) for e in entries)


def test_a_line_whose_kind_is_not_a_word_is_named():
    with pytest.raises(InputError) as error:
        _parse(Path("j.jsonl"), '{"tipo": ["decisione"]}')
    assert all(str(p).startswith("j.jsonl:riga 1") for p in error.value.problems)


def test_written_lines_read_back_the_same(tmp_path):
    path = tmp_path / "j.jsonl"
    written = [decision("A/x", "accolta", note="«virgolette» e \"doppi\"\nriga nuova"), decision("B/y")]
    journal = append(path, written)
    assert read_journal(path).entries == written == journal.entries
