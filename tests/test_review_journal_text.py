"""The journal reads back, byte for byte, whatever it wrote: any text in any free field, line ends included."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, timezone

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrip_helpers import MEASURES, PLAN

from piao_rules.cli import main
from piao_rules.review.journal import Decision, Sighting, append, read_journal

CUNEO = [str(PLAN), str(MEASURES)]

# Characters that str.splitlines() (and many editors) take for line ends, plus controls pasted from Word.
LINE_BREAKERS = ["\u2028", "\u2029", "\u0085", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x00", "\r", "\n", "\r\n"]
# Every code point the entries accept: pydantic refuses lone surrogates in text fields, so no entry can hold one.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=("Cs",)), min_size=1, max_size=30)
SOME_TEXT = st.one_of(ANY_TEXT, st.sampled_from(LINE_BREAKERS), st.lists(st.sampled_from(LINE_BREAKERS + ["a"]),
                                                                          min_size=1).map("".join))


@st.composite
def decisions(draw) -> Decision:
    optional = st.none() | SOME_TEXT
    return Decision(
        id=draw(SOME_TEXT), esito=draw(st.sampled_from(["accolta", "respinta", "azione_correttiva", "rinviata"])),
        nota=draw(SOME_TEXT), nuovo_target=draw(optional), responsabile=draw(optional), chi=draw(SOME_TEXT),
        quando=datetime(2023, 7, 10, 9, 0, tzinfo=timezone.utc), al=date(2023, 6, 30), anno=2023,
        segnalazione=draw(SOME_TEXT), oggetto=draw(SOME_TEXT), gravita=draw(SOME_TEXT), motivo=draw(SOME_TEXT),
        motivazione_proposta=draw(optional), misure=draw(optional),
    )


sightings = st.builds(lambda flags, measures: Sighting(al=date(2023, 6, 30), anno=2023, quando=datetime(2023, 7, 1),
                                                       segnalazioni=flags, misure=measures),
                      st.lists(SOME_TEXT, max_size=4), st.none() | SOME_TEXT)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(decisions(), sightings), min_size=1, max_size=4))
def test_any_text_in_any_field_reads_back_equal(tmp_path, entries):
    path = tmp_path / "j.jsonl"
    path.unlink(missing_ok=True)
    for entry in entries:  # one write per entry: every append re-reads what the previous one wrote
        append(path, [entry])
    assert read_journal(path).entries == entries
    raw = path.read_bytes()
    assert raw.count(b"\n") == len(entries) and raw.endswith(b"\n")  # exactly one line per entry, none lost
    assert raw.decode("utf-8").splitlines() == raw.decode("utf-8").split("\n")[:-1]  # no other line end is written


def test_a_note_pasted_from_word_keeps_the_whole_journal_readable(tmp_path):
    journal = tmp_path / "decisioni-2023.jsonl"
    args = ["decidi", *CUNEO, "O06-1/incoerenza", "--esito", "rinviata", "--giornale", str(journal)]
    note = "Prima riga\u2028seconda\u2029terza\u0085quarta\vquinta\fsesta\x1cfine\x00"
    first = CliRunner().invoke(main, [*args, "--nota", note])
    second = CliRunner().invoke(main, [*args, "--nota", "di nuovo"])
    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    decisions = read_journal(journal).decisions
    assert [d.note for d in decisions] == [note, "di nuovo"]
    listed = CliRunner().invoke(main, ["segnalazioni", *CUNEO, "--giornale", str(journal), "--tutte"])
    assert listed.exit_code == 0 and "Traceback" not in listed.output


def test_an_old_journal_with_raw_line_separators_is_read(tmp_path):
    """Lines written before the separators were escaped: the reader splits on "\\n" only."""
    path = tmp_path / "j.jsonl"
    line = {"tipo": "rilevazione", "al": "2023-06-30", "anno": 2023, "quando": "2023-07-01T00:00:00",
            "segnalazioni": ["A\u2028B", "C\u0085D"], "misure": "m\u2029.csv"}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (entry,) = read_journal(path).entries
    assert entry.flags == ["A\u2028B", "C\u0085D"] and entry.measures == "m\u2029.csv"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_shared_journal_keeps_its_mode_when_rewritten(tmp_path):
    path = tmp_path / "j.jsonl"
    append(path, [Sighting(al=date(2023, 6, 30), anno=2023, quando=datetime(2023, 7, 1), segnalazioni=["A/x"])])
    os.chmod(path, 0o664)
    before = os.stat(path)
    append(path, [Sighting(al=date(2023, 9, 30), anno=2023, quando=datetime(2023, 10, 1), segnalazioni=["A/x"])])
    after = os.stat(path)
    assert after.st_ino != before.st_ino  # really rewritten (atomically), not edited in place
    assert stat.S_IMODE(after.st_mode) == 0o664
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert len(read_journal(path).entries) == 2
    lock = path.with_name("j.jsonl.lock")
    lock.unlink(missing_ok=True)  # a colleague's next write creates the lock anew: the group may write it too
    append(path, [Sighting(al=date(2023, 12, 31), anno=2023, quando=datetime(2024, 1, 1), segnalazioni=[])])
    assert not lock.exists() or stat.S_IMODE(os.stat(lock).st_mode) == 0o664
