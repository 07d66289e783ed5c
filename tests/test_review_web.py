"""The review screen: local only, CSRF, escaping, decisions written; and a real headless browser."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from roundtrip_helpers import CUNEO
from werkzeug.serving import make_server

from piao_rules.cli.common import evaluate_files
from piao_rules.review.journal import read_journal
from piao_rules.review.web import SECURITY_HEADERS, create_app

LOCAL = "http://127.0.0.1:8765"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_files(CUNEO / "piano.yaml", CUNEO / "misure-2023-06-30.csv", None)[0]


@pytest.fixture
def journal(tmp_path):
    return tmp_path / "decisioni-2023.jsonl"


@pytest.fixture
def client(evaluation, journal):
    app = create_app(evaluation, journal, "misure-2023-06-30.csv", "utente")
    return app.test_client()


def token(client) -> str:
    page = client.get("/", base_url=LOCAL).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_page_lists_open_flags_in_italian(client):
    response = client.get("/", base_url=LOCAL)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and '<html lang="it">' in page
    assert "43 segnalazioni aperte su 43" in page
    assert "O24.2-1/rimodulazione_target" in page and "Spiegazione del calcolo" in page
    assert page.count('type="hidden" name="csrf"') == 43
    for key, value in SECURITY_HEADERS.items():
        assert response.headers[key] == value
    assert "<script" not in page and "http://" not in page.replace(LOCAL, "")  # nothing from the internet
    css = client.get("/stile.css", base_url=LOCAL)
    assert css.status_code == 200 and css.mimetype == "text/css"
    filtered = client.get("/?gravita=alta", base_url=LOCAL).get_data(as_text=True)
    assert "Segnalazioni (1)" in filtered


def test_other_hosts_are_refused(client):
    assert client.get("/", base_url="http://attaccante.example").status_code == 400
    assert client.get("/", base_url="http://localhost:8765").status_code == 200


def test_posts_without_a_valid_token_are_refused(client, journal):
    data = {"id": "O06-1/incoerenza", "esito": "rinviata", "nota": "x", "chi": "SG"}
    assert client.post("/decisione", data=data, base_url=LOCAL).status_code == 403
    refused = client.post("/decisione", data=data | {"csrf": "falso"}, base_url=LOCAL)
    assert refused.status_code == 403 and "Richiesta rifiutata" in refused.get_data(as_text=True)
    assert not journal.exists()


def test_a_decision_is_written_and_escaped(client, journal):
    data = {"csrf": token(client), "id": "O06-1/incoerenza", "esito": "azione_correttiva",
            "nota": "<script>alert(1)</script> concordare", "responsabile": "SEGRETARIO GENERALE", "chi": "Dott.ssa Rossi",
            "gravita": "media"}
    response = client.post("/decisione", data=data, base_url=LOCAL)
    assert response.status_code == 303
    assert response.headers["Location"] == "/?fatto=O06-1/incoerenza&gravita=media"
    (decision,) = read_journal(journal).decisions
    assert decision.note == "<script>alert(1)</script> concordare" and decision.who == "Dott.ssa Rossi"
    assert decision.measures == "misure-2023-06-30.csv"
    page = client.get("/?tutte=1", base_url=LOCAL).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; concordare" in page and "<script>" not in page
    assert "decisa: azione correttiva" in page
    assert "O06-1/incoerenza" not in client.get("/", base_url=LOCAL).get_data(as_text=True)


def test_a_proposed_status_is_corrected_from_the_page(client, journal):
    page = client.get("/?tipo=stato_proposto", base_url=LOCAL).get_data(as_text=True)
    assert 'name="stato"' in page and '<option value="a rischio"' in page
    data = {"csrf": token(client), "id": "O18.2-1/stato_proposto", "esito": "respinta", "stato": "a rischio",
            "nota": "sperimentazione ferma", "chi": "SG"}
    assert client.post("/decisione", data=data, base_url=LOCAL).status_code == 303
    (decision,) = read_journal(journal).decisions
    assert (decision.outcome.value, decision.status) == ("respinta", "a_rischio")


def test_a_wrong_decision_shows_the_reason(client, journal):
    data = {"csrf": token(client), "id": "O06-1/incoerenza", "esito": "accolta", "nota": "x", "nuovo_target": "≥ 90%", "chi": "SG"}
    response = client.post("/decisione", data=data, base_url=LOCAL)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'role="alert"' in page
    assert "il nuovo target si indica solo con esito «accolta» su una segnalazione rimodulazione_target" in page
    unknown = client.post("/decisione", data=data | {"id": "../../etc/passwd"}, base_url=LOCAL)
    assert unknown.status_code == 400 and "non c&#39;è nella valutazione" in unknown.get_data(as_text=True)
    assert not journal.exists()


def test_no_paths_in_urls(client):
    for url in ("/../../etc/passwd", "/static/../../etc/passwd", "/stile.css/../../etc/passwd", "/decisione"):
        response = client.get(url, base_url=LOCAL)
        assert response.status_code in (404, 405)
        assert "root:" not in response.get_data(as_text=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium non installato")
def test_in_a_real_browser(evaluation, tmp_path):
    from playwright.sync_api import sync_playwright

    journal = tmp_path / "decisioni-2023.jsonl"
    app = create_app(evaluation, journal, "misure-2023-06-30.csv", "utente")
    port = _free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(java_script_enabled=False)
            page.set_default_timeout(10000)
            page.goto(f"http://127.0.0.1:{port}/")
            assert page.get_by_role("heading", level=1).inner_text() == "Revisione delle segnalazioni"
            page.get_by_label("Gravità", exact=True).select_option("alta")
            page.get_by_role("button", name="Filtra").click()
            articles = page.locator("article")
            assert articles.count() == 1
            card = articles.filter(has_text="O25.2-1/incoerenza")
            card.get_by_label("azione correttiva", exact=True).check()
            card.get_by_label("Nota (perché si decide così)").fill("Chiedere all'ufficio la misura pertinente")
            card.get_by_label("Chi decide").fill("Segretario Generale")
            card.get_by_role("button", name="Registra la decisione").click()
            assert page.get_by_role("status").inner_text() == "Decisione registrata per la segnalazione O25.2-1/incoerenza."
            assert page.locator("article").count() == 0  # the filter is kept, the decided flag is gone
            page.get_by_label("Tipo", exact=True).select_option("rimodulazione_target")
            page.get_by_label("Gravità", exact=True).select_option("")
            page.get_by_role("button", name="Filtra").click()
            card = page.locator("article").filter(has_text="O24.2-1/rimodulazione_target")
            card.get_by_label("accolta", exact=True).check()
            card.get_by_label("Nota (perché si decide così)").fill("programmi arrivati a luglio")
            card.get_by_label("Nuovo target", exact=False).fill("entro il 31/02/2023")
            card.get_by_role("button", name="Registra la decisione").click()
            alert = page.get_by_role("alert")
            assert "nuovo target non valido: data impossibile" in alert.inner_text()
            card = page.locator("article").filter(has_text="O24.2-1/rimodulazione_target")
            assert card.get_by_label("Nota (perché si decide così)").input_value() == "programmi arrivati a luglio"
            browser.close()
    finally:
        server.shutdown()
        thread.join()
    (decision,) = read_journal(journal).decisions
    assert decision.flag == "O25.2-1/incoerenza" and decision.who == "Segretario Generale"


def _revisione(folder: Path, port: int) -> subprocess.Popen:
    shutil.copy(CUNEO / "piano.yaml", folder)
    shutil.copy(CUNEO / "misure-2023-06-30.csv", folder)
    return subprocess.Popen([sys.executable, "-m", "piao_rules", "revisione", "piano.yaml", "misure-2023-06-30.csv",
                             "--porta", str(port)], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_revisione_command_serves_on_the_local_address_in_italian(tmp_path):
    port = _free_port()
    process = _revisione(tmp_path, port)
    try:
        first = process.stdout.readline()
        assert first == (f"Revisione delle segnalazioni su http://127.0.0.1:{port}/ "
                         f"(giornale: decisioni-2023.jsonl). Chiudere con Ctrl+C.\n")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 200 and "Revisione delle segnalazioni" in response.read().decode()
        assert len(read_journal(tmp_path / "decisioni-2023.jsonl").entries) == 1  # the flags raised, recorded
    finally:
        process.send_signal(signal.SIGINT)
        rest, errors = process.communicate(timeout=30)
    assert process.returncode == 0, errors
    assert rest == "Revisione chiusa.\n"
    assert errors == ""  # no werkzeug banner, no English request log


def test_revisione_on_a_busy_port_says_so_in_italian(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _revisione(tmp_path, port)
        output, errors = process.communicate(timeout=60)
    assert process.returncode == 2
    assert output == ""
    assert errors.startswith(f"Errore: la porta {port} è già usata da un altro programma")
    assert f"--porta {port + 1}" in errors and "Traceback" not in errors
    assert not (tmp_path / "decisioni-2023.jsonl").exists()


def test_revisione_refuses_a_privileged_port(tmp_path):
    from click.testing import CliRunner

    from piao_rules.cli import main

    refused = CliRunner().invoke(main, ["revisione", str(CUNEO / "piano.yaml"), str(CUNEO / "misure-2023-06-30.csv"),
                                        "--porta", "80"])
    assert refused.exit_code == 2
