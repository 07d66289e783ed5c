"""The portal for a production WSGI server, configured by environment variables.

    PIAO_PORTALE_CARTELLA=/srv/piao/piano PIAO_PORTALE_DATABASE=postgresql+psycopg://… \\
        gunicorn --threads 8 'piao_rules.portal.wsgi:app'

``PIAO_PORTALE_CARTELLA`` (required): the plan folder; ``PIAO_PORTALE_DATI``: the data folder
(default: the plan folder's ``portale``); ``PIAO_PORTALE_DATABASE``: a database URL instead of
SQLite; ``PIAO_PORTALE_INDIRIZZO``: the public address written in the reminders;
``PIAO_PORTALE_COOKIE_SICURI=1`` behind HTTPS; SMTP as in :mod:`piao_rules.portal.reminders`.
"""

from __future__ import annotations

import os
from pathlib import Path

from piao_rules.portal.app import Settings, create_app


def settings_from_environment() -> Settings:
    folder = os.environ.get("PIAO_PORTALE_CARTELLA")
    if not folder:
        raise RuntimeError("impostare PIAO_PORTALE_CARTELLA con la cartella del piano (piano.yaml)")
    data = os.environ.get("PIAO_PORTALE_DATI")
    settings = Settings.for_folder(Path(folder), Path(data) if data else None, os.environ.get("PIAO_PORTALE_DATABASE"),
                                   os.environ.get("PIAO_PORTALE_INDIRIZZO", "http://127.0.0.1:8770/"))
    settings.secure_cookies = os.environ.get("PIAO_PORTALE_COOKIE_SICURI") == "1"
    return settings


app = create_app(settings_from_environment())
