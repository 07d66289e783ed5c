"""The portal on PostgreSQL: migrations, the append-only register, the vertical slice and 50 concurrent offices.

The server is the one named by PIAO_RULES_TEST_POSTGRES (a SQLAlchemy URL), else a throwaway
cluster started here with the installed PostgreSQL (initdb, pg_ctl); without either, or without
the psycopg driver, the tests are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import test_portal_concurrency as concurrency
from portal_helpers import logged_in, seeded, settings, token
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError

pytest.importorskip("psycopg", reason="driver psycopg non installato: prove PostgreSQL saltate (pip install 'piao-rules[postgresql]')")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def server():
    given = os.environ.get("PIAO_RULES_TEST_POSTGRES")
    if given:
        yield given
        return
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not binaries or (os.geteuid() == 0 and not shutil.which("runuser")):
        pytest.skip("PostgreSQL non installato (né PIAO_RULES_TEST_POSTGRES impostata): prove PostgreSQL saltate")
    folder = Path(tempfile.mkdtemp(prefix="piao-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    bin_dir, port, data = Path(binaries[-1]).parent, _free_port(), folder / "dati"
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "piao", "-E", "UTF8"]),
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off"
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
                                    "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://piao@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database(server):
    """A new empty database on the server, dropped afterwards."""
    name = f"prova_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as db:
        db.execute(text(f"CREATE DATABASE {name}"))
    yield server.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as db:
        db.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def test_vertical_slice_and_append_only_register(database, tmp_path):
    from piao_rules.portal.app import create_app

    seeded(tmp_path / "dati", database)
    app = create_app(settings(tmp_path / "dati", database))
    store = app.extensions["piao_portal"].store
    desk = logged_in(app, "ufficio01")
    page = desk.get("/misure/O01-2").get_data(as_text=True)
    version = page.split('name="versione" value="', 1)[1].split('"', 1)[0]
    assert desk.post("/misure/O01-2", data={"csrf_token": token(desk), "versione": version, "valore": "40%"}).status_code == 303
    stale = desk.post("/misure/O01-2", data={"csrf_token": token(desk), "versione": version, "valore": "41%"})
    assert stale.status_code == 409
    controller = logged_in(app, "controllo")
    flags = controller.get("/segnalazioni").get_data(as_text=True)
    flag = flags.split('name="id" value="O01-2/', 1)[1].split('"', 1)[0]
    assert controller.post("/segnalazioni", data={"csrf_token": token(controller), "id": f"O01-2/{flag}", "esito": "rinviata",
                                                  "nota": "Da rivedere a settembre"}).status_code == 303
    assert controller.get("/documenti/allegato.docx").status_code == 200
    assert [e.kind for e in store.events(limit=2)] == ["decisione", "misura"]
    assert [e.data["valore"] for e in store.events(subject="O01-2", kinds=("misura",))] == ["40%", "80%"]
    with store.engine.begin() as db, pytest.raises(DatabaseError, match="si può solo estendere"):
        db.execute(text("UPDATE registro SET who = 'altri'"))
    with store.engine.begin() as db, pytest.raises(DatabaseError, match="si può solo estendere"):
        db.execute(text("DELETE FROM registro"))


def test_fifty_offices_at_once_on_postgresql(database, tmp_path):
    concurrency.test_fifty_offices_entering_at_once_lose_no_write(tmp_path, database)


def test_writers_racing_on_postgresql(database, tmp_path):
    concurrency.test_writers_racing_on_one_indicator_each_see_the_previous_write(tmp_path, database)
