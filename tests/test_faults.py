"""Faults while writing: the old file survives, the message is Italian and names the file."""

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from piao_rules import atomic
from piao_rules.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CUNEO = [str(EXAMPLES / "cuneo/piano.yaml"), str(EXAMPLES / "cuneo/misure-2023-06-30.csv")]


def annex(out: Path):
    return CliRunner().invoke(main, ["allegato", *CUNEO, "--al", "30/06/2023", "--motore", "interno", "-o", str(out)])


def test_crash_in_the_middle_of_a_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "allegato.docx"
    target.write_bytes(b"versione precedente")
    real_fsync = os.fsync

    def dying_fsync(fd):
        real_fsync(fd)
        raise KeyboardInterrupt  # the process is interrupted after writing, before renaming

    monkeypatch.setattr(atomic.os, "fsync", dying_fsync)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b"nuova versione, mai completata")
    assert target.read_bytes() == b"versione precedente"
    assert [p.name for p in tmp_path.iterdir()] == ["allegato.docx"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "disco pieno"),
        (errno.EACCES, "la cartella è in sola lettura oppure il file è aperto in un altro programma"),
        (errno.EROFS, "disco in sola lettura"),
        (errno.EBUSY, "in uso da un altro programma"),
    ],
)
def test_write_failures_give_a_clear_message_and_keep_the_old_file(tmp_path, monkeypatch, code, message):
    out = tmp_path / "allegato.docx"
    out.write_bytes(b"versione precedente")

    def failing_replace(source, destination):
        raise OSError(code, os.strerror(code), source)

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    result = annex(out)
    assert result.exit_code == 2
    assert f"{out}: " in result.output and message in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"versione precedente"
    assert [p.name for p in tmp_path.iterdir()] == ["allegato.docx"]


def test_full_disk_while_writing_the_temporary_file(tmp_path, monkeypatch):
    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "open", no_space)
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.startswith(f"{tmp_path / 'piano.schema.json'}: disco pieno")
    assert not any(tmp_path.iterdir())


def test_missing_output_folder(tmp_path):
    result = annex(tmp_path / "manca" / "allegato.docx")
    assert result.exit_code == 2
    assert "file o cartella inesistente" in result.output


def test_an_internal_error_is_reported_without_traceback(monkeypatch):
    import importlib

    valuta = importlib.import_module("piao_rules.cli.valuta")  # loaded on first use of the command

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(valuta, "evaluate_files", broken)
    result = CliRunner().invoke(main, ["valuta", *CUNEO])
    assert result.exit_code == 3
    assert "errore interno di piao-rules" in result.output and "Traceback" not in result.output
