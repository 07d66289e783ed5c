"""A seeded demo portal on the Cuneo example, copied fresh for each test, and logging in through the forms."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from roundtrip_helpers import CUNEO

from piao_rules.io import load_measures
from piao_rules.portal.app import Settings, create_app
from piao_rules.portal.demo import seed

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def settings(data: Path, database: str | None = None, **extra) -> Settings:
    return Settings(plan=CUNEO / "piano.yaml", data=data, database=database, ente=CUNEO / "ente.yaml", secret_key="prova",
                    extra=extra)


def seeded(folder: Path, database: str | None = None) -> Path:
    """A data folder with the demo users and the round at 30/06/2023 filled with the example's measures."""
    app = create_app(settings(folder, database))
    portal = app.extensions["piao_portal"]
    seed(portal, load_measures(CUNEO / "misure-2023-06-30.csv")[0])
    portal.store.engine.dispose()
    return folder


def copy(template: Path, target: Path):
    """A fresh app on a copy of the seeded data."""
    shutil.copytree(template, target)
    return create_app(settings(target))


def token(client, path: str = "/") -> str:
    return TOKEN.search(client.get(path).get_data(as_text=True)).group(1)


def login(client, username: str, password: str = "demo"):
    return client.post("/accesso", data={"utente": username, "password": password, "csrf_token": token(client, "/accesso")})


def logged_in(app, username: str):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def office_user(app, office: str) -> str:
    """The demo account of ``office``."""
    store = app.extensions["piao_portal"].store
    return next(u.username for u in store.users() if u.office == office)
