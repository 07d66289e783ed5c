"""``piao-rules portale``: the demo on the Cuneo example, new accounts, the served address."""

from __future__ import annotations

import importlib
import shutil

from click.testing import CliRunner
from roundtrip_helpers import CUNEO

from piao_rules.cli import main

command = importlib.import_module("piao_rules.portal.app")  # the command imports serve from here when it runs


def example(tmp_path):
    folder = tmp_path / "cuneo"
    shutil.copytree(CUNEO, folder, ignore=shutil.ignore_patterns("portale"))
    return folder


def test_demo_starts_on_the_example_with_demo_users(monkeypatch, tmp_path):
    folder = example(tmp_path)
    served = {}
    monkeypatch.setattr(command, "serve", lambda app, host, port: served.update(app=app, host=host, port=port))
    result = CliRunner().invoke(main, ["portale", str(folder), "--demo"])
    assert result.exit_code == 0, result.output
    assert "Utenti dimostrativi (password «demo»):" in result.output and "controllo" in result.output
    assert f"Portale del monitoraggio su http://127.0.0.1:8770/ (dati: {folder / 'portale'})" in result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8770
    store = served["app"].extensions["piao_portal"].store
    round_ = store.current_round()
    assert round_.open and round_.as_of.isoformat() == "2023-06-30" and len(store.latest_measures(round_.id)) == 71
    again = CliRunner().invoke(main, ["portale", str(folder), "--demo"])
    assert "Utenti già presenti" in again.output and len(store.users()) == len(served["app"].extensions["piao_portal"].offices) + 3


def test_a_new_account_asks_for_its_password(monkeypatch, tmp_path):
    folder = example(tmp_path)
    monkeypatch.setattr(command, "serve", lambda *args: None)
    runner = CliRunner()
    result = runner.invoke(main, ["portale", str(folder), "--nuovo-utente", "rossi", "--ruolo", "ufficio", "--ufficio", "SEGRETERIA",
                                  "--nome", "Maria Rossi"], input="una password lunga\nuna password lunga\n")
    assert result.exit_code == 0, result.output
    assert "utente «rossi» creato con ruolo ufficio" in result.output
    wrong = runner.invoke(main, ["portale", str(folder), "--nuovo-utente", "bianchi", "--ruolo", "ufficio", "--ufficio", "NESSUNO"],
                          input="x\nx\n")
    assert wrong.exit_code == 2 and "--ufficio deve essere uno degli uffici del piano" in wrong.output
    short = runner.invoke(main, ["portale", str(folder), "--nuovo-utente", "verdi", "--ruolo", "oiv"], input="corta\ncorta\n")
    assert short.exit_code == 2 and "almeno 10 caratteri" in short.output


def test_a_wsgi_server_gets_the_portal_from_the_environment(monkeypatch, tmp_path):
    import sys

    folder = example(tmp_path)
    monkeypatch.setenv("PIAO_PORTALE_CARTELLA", str(folder))
    monkeypatch.setenv("PIAO_PORTALE_DATI", str(tmp_path / "dati"))
    monkeypatch.setenv("PIAO_PORTALE_COOKIE_SICURI", "1")
    monkeypatch.setenv("PIAO_PORTALE_SMTP_HOST", "posta.ente.it")
    monkeypatch.delitem(sys.modules, "piao_rules.portal.wsgi", raising=False)
    wsgi = importlib.import_module("piao_rules.portal.wsgi")
    portal = wsgi.app.extensions["piao_portal"]
    assert portal.settings.ente == folder / "ente.yaml" and portal.settings.smtp.host == "posta.ente.it"
    assert wsgi.app.config["SESSION_COOKIE_SECURE"] and (tmp_path / "dati" / "portale.sqlite").exists()
    assert wsgi.app.test_client().get("/").headers["Location"].startswith("/accesso")
    monkeypatch.delitem(sys.modules, "piao_rules.portal.wsgi")
