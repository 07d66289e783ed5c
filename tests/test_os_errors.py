"""Operating-system errors, for every command that writes: Italian, naming the file, exit 2, the old file kept.

Full disk (ENOSPC while flushing), read-only disk (EROFS on rename), permission
denied (EACCES creating the file), a port in use, an unreadable input, and a
device or folder given as output.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from importa_builders import build_cuneo
from roundtrip_helpers import CUNEO, JUNE, cuneo_plan, fill

from piao_rules import atomic
from piao_rules.cli import main
from piao_rules.collect import write_templates
from piao_rules.io import files

CUNEO_ARGS = ["piano.yaml", "misure-2023-06-30.csv", "--al", "30/06/2023", "--motore", "interno"]
REVISION = "O24.2-1/rimodulazione_target"


@pytest.fixture(scope="module")
def monitoring(tmp_path_factory):
    return build_cuneo(tmp_path_factory.mktemp("doc") / "monitoraggio.docx")


@pytest.fixture
def work(tmp_path, monkeypatch, monitoring):
    for name in ("piano.yaml", "misure-2023-06-30.csv", "ente.yaml"):
        shutil.copy(CUNEO / name, tmp_path)
    shutil.copy(monitoring, tmp_path)
    write_templates(cuneo_plan(), JUNE, tmp_path / "compilati")
    fill(tmp_path / "compilati" / "ufficio-ragioneria-e-partecipazioni.xlsx", {"O15.2-1": {"Valore": 18}})
    (tmp_path / "uscita").mkdir()
    monkeypatch.chdir(tmp_path)
    decided = CliRunner().invoke(main, ["decidi", *CUNEO_ARGS[:4], REVISION, "--esito", "accolta", "--nota", "ok",
                                        "--giornale", "giornale.jsonl"])
    assert decided.exit_code == 0, decided.output
    return tmp_path


# (command line, the file the message must name); every output goes to uscita/
WRITERS = {
    "allegato": (["allegato", *CUNEO_ARGS, "-o", "uscita/allegato.docx"], "uscita/allegato.docx"),
    "delibera": (["delibera", *CUNEO_ARGS, "--ente", "ente.yaml", "--numero", "1", "--seduta", "31/07/2023", "-o",
                  "uscita/delibera.docx"], "uscita/delibera.docx"),
    "importa": (["importa", "monitoraggio.docx", "-o", "uscita/piano.yaml"], "uscita/piano.yaml"),
    "modello-misure": (["modello-misure", "piano.yaml", "--al", "30/06/2023", "-o", "uscita"], "uscita/"),
    "raccogli": (["raccogli", "compilati", "-o", "uscita/misure.xlsx"], "uscita/misure.xlsx"),
    "revisiona": (["revisiona", "piano.yaml", "--giornale", "giornale.jsonl", "-o", "uscita/piano-rev1.yaml"],
                  "uscita/piano-rev1.yaml"),
    "schema": (["schema", "-o", "uscita"], "uscita/"),
    "modelli": (["modelli", "--esporta", "uscita"], "uscita/"),
    "decidi": (["decidi", *CUNEO_ARGS[:4], "O06-1/incoerenza", "--esito", "rinviata", "--nota", "n", "--giornale",
                "uscita/giornale.jsonl"], "uscita/giornale.jsonl"),
}


def _full_disk_on_flush(monkeypatch):
    def fsync(handle):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(atomic.os, "fsync", fsync)


def _read_only_disk_on_rename(monkeypatch):
    def replace(source, destination):
        raise OSError(errno.EROFS, "Read-only file system", source)
    monkeypatch.setattr(atomic.os, "replace", replace)


def _permission_denied_on_create(monkeypatch):
    def create(target):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))
    monkeypatch.setattr(atomic, "_create_beside", create)


FAULTS = {
    "disco-pieno": (_full_disk_on_flush, "disco pieno: liberare spazio e riprovare"),
    "sola-lettura": (_read_only_disk_on_rename, "la cartella è su un disco in sola lettura"),
    "permesso-negato": (_permission_denied_on_create, "permesso negato: la cartella è in sola lettura"),
}


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".lock"}  # the journal's lock may stay


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", WRITERS)
def test_every_writer_reports_os_errors_in_italian(work, monkeypatch, command, fault):
    args, named = WRITERS[command]
    (work / "uscita" / "giornale.jsonl").write_bytes((work / "giornale.jsonl").read_bytes())  # an existing journal
    before = digest(work)
    inject, reason = FAULTS[fault]
    inject(monkeypatch)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Error" not in result.output
    assert any(line.startswith(named) and f": {reason}" in line for line in result.output.splitlines()), result.output
    assert digest(work) == before  # nothing replaced, no temporary file left


def test_an_unreadable_input_is_named_in_italian(work, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith("misure-2023-06-30.csv"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(files.os, "open", refuse)
    result = CliRunner().invoke(main, ["valuta", *CUNEO_ARGS])
    assert result.exit_code == 2
    assert "misure-2023-06-30.csv: permesso negato: non si ha il permesso di leggere il file" in result.output
    assert "Permission denied" not in result.output


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="POSIX devices")
@pytest.mark.parametrize("output", ["/dev/null", "uscita"])
@pytest.mark.parametrize("command", ["revisiona", "importa"])
def test_a_device_or_folder_is_never_replaced_by_an_output(work, output, command):
    arguments = {"revisiona": ["piano.yaml", "--giornale", "giornale.jsonl"], "importa": ["monitoraggio.docx"]}
    result = CliRunner().invoke(main, [command, *arguments[command], "-o", output])
    assert result.exit_code == 2
    assert f"{output}: non è un file ma una cartella o un file speciale" in result.output or (
        "è una cartella" in result.output and output == "uscita")  # click's own check of -o, where the option has one
    assert not Path(output).is_file()


def test_a_port_in_use_is_reported_in_italian(work):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    try:
        done = subprocess.run([sys.executable, "-m", "piao_rules", "revisione", *CUNEO_ARGS[:4], "--porta", str(port)],
                              capture_output=True, text=True, timeout=120, cwd=work)
    finally:
        busy.close()
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"la porta {port} è già usata da un altro programma" in done.stderr
    assert "--porta" in done.stderr and "Traceback" not in done.stderr and "in use" not in done.stderr


def test_a_full_disk_while_deciding_on_the_review_page_keeps_the_typed_decision(tmp_path, monkeypatch):
    import re

    from piao_rules.cli.common import evaluate_files
    from piao_rules.review.web import create_app

    evaluation = evaluate_files(CUNEO / "piano.yaml", CUNEO / "misure-2023-06-30.csv", None)[0]
    journal = tmp_path / "decisioni-2023.jsonl"
    client = create_app(evaluation, journal, "misure-2023-06-30.csv", "utente").test_client()
    base = "http://127.0.0.1:8765"
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/", base_url=base).get_data(as_text=True)).group(1)
    _full_disk_on_flush(monkeypatch)
    note = "nota scritta con cura"
    response = client.post("/decisione", base_url=base, data={"csrf": token, "id": "O06-1/incoerenza", "esito": "rinviata",
                                                               "nota": note, "chi": "SG"})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert f"decisione non registrata: {journal}: disco pieno" in page and note in page
    assert not journal.exists() and [p.name for p in tmp_path.iterdir()] in ([], ["decisioni-2023.jsonl.lock"])


def test_revisione_serves_on_a_free_port(work):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "piao_rules", "revisione", *CUNEO_ARGS[:4], "--porta", str(port)],
                              cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().startswith(f"Revisione delle segnalazioni su http://127.0.0.1:{port}/")
        with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
            connection.sendall(f"GET / HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            reply = connection.recv(64)
        assert reply.startswith(b"HTTP/1.1 200") or reply.startswith(b"HTTP/1.0 200")
    finally:
        server.terminate()
        server.wait(timeout=30)
