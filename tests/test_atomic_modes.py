"""Atomic rewrites keep the file's mode and owner; new files get the umask's usual mode; links are followed."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from piao_rules import atomic
from piao_rules.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def umask():
    """Set the umask for one test, and put the previous one back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_usual_mode_for_the_umask(tmp_path, umask, mask, mode):
    umask(mask)
    atomic.write_text(tmp_path / "nuovo.txt", "testo")
    assert stat.S_IMODE(os.stat(tmp_path / "nuovo.txt").st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["nuovo.txt"]


@pytest.mark.parametrize("mode", [0o640, 0o664, 0o600, 0o444])
def test_a_rewritten_file_keeps_its_mode_and_owner(tmp_path, umask, mode):
    umask(0o077)  # a strict umask must not narrow a file that already exists
    path = tmp_path / "giornale.jsonl"
    path.write_text("prima\n")
    os.chmod(path, mode)
    before = os.stat(path)
    atomic.write_bytes(path, b"dopo\n")
    after = os.stat(path)
    assert path.read_bytes() == b"dopo\n" and after.st_ino != before.st_ino
    assert stat.S_IMODE(after.st_mode) == mode
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


def test_a_link_is_followed_and_kept(tmp_path):
    real = tmp_path / "condivisa" / "allegato.docx"
    real.parent.mkdir()
    real.write_bytes(b"prima")
    os.chmod(real, 0o660)
    link = tmp_path / "allegato.docx"
    os.symlink(real, link)
    atomic.write_bytes(link, b"dopo")
    assert link.is_symlink() and real.read_bytes() == b"dopo"
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o660
    assert sorted(p.name for p in real.parent.iterdir()) == ["allegato.docx"]


def test_documents_written_by_a_command_are_readable_by_the_group(tmp_path, umask):
    umask(0o002)
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    modes = {p.name: stat.S_IMODE(os.stat(p).st_mode) for p in tmp_path.iterdir()}
    assert modes == {"piano.schema.json": 0o664, "misure.schema.json": 0o664}
