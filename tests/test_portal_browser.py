"""The portal in a real headless Chromium, without JavaScript: an office enters, the controller decides and downloads.

Screenshots of each step are saved in <tmp>/piao-rules-artefatti/portale/.
"""

from __future__ import annotations

import io
import socket
import tempfile
import threading
from pathlib import Path

import pytest
from docx import Document
from portal_helpers import copy, seeded
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTEFACTS = Path(tempfile.gettempdir()) / "piao-rules-artefatti" / "portale"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium non installato in /usr/bin/chromium: "
                                                                                       "prova nel browser saltata")]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    app = copy(seeded(tmp_path / "modello"), tmp_path / "dati")
    port = _free_port()
    running = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", app
    running.shutdown()
    thread.join()


def test_office_enters_controller_decides_and_downloads(server):
    from playwright.sync_api import sync_playwright

    base, app = server
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(java_script_enabled=False, accept_downloads=True)
            page.set_default_timeout(15000)
            page.goto(f"{base}/")
            assert page.url.startswith(f"{base}/accesso") and page.locator("html").get_attribute("lang") == "it"
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "Vai al contenuto"
            page.screenshot(path=str(ARTEFACTS / "01-accesso.png"), full_page=True)

            page.get_by_label("Nome utente").fill("ufficio01")
            page.get_by_label("Password").fill("demo")
            page.get_by_role("button", name="Entra").click()
            assert page.get_by_role("heading", level=1).inner_text() == "Cruscotto del monitoraggio"
            page.screenshot(path=str(ARTEFACTS / "02-cruscotto-ufficio.png"), full_page=True)
            page.get_by_role("link", name="Misure", exact=True).click()
            page.get_by_role("link", name="O01-2", exact=True).click()
            page.get_by_label("Valore", exact=True).fill("40%")
            page.get_by_label("Nota", exact=True).fill("Questionari parziali del primo semestre.")
            page.get_by_role("button", name="Registra la misura").click()
            assert page.get_by_role("status").inner_text() == "Misura di O01-2 registrata."
            assert page.locator("#stato").inner_text() != "raggiunto"
            page.screenshot(path=str(ARTEFACTS / "03-misura-registrata.png"), full_page=True)
            page.get_by_role("button", name="Esci").click()

            page.get_by_label("Nome utente").fill("controllo")
            page.get_by_label("Password").fill("demo")
            page.get_by_role("button", name="Entra").click()
            page.get_by_role("link", name="Segnalazioni").click()
            card = page.locator("article").filter(has=page.get_by_role("heading", name="O01-2/"))
            flag = card.get_by_role("heading").inner_text().split()[0]
            card.get_by_label("azione correttiva", exact=True).check()
            card.get_by_label("Nota (perché si decide così)").fill("Nuova somministrazione a settembre")
            card.get_by_role("button", name=f"Registra la decisione su {flag}").click()
            assert page.get_by_role("status").inner_text() == f"Decisione registrata per {flag}."
            page.screenshot(path=str(ARTEFACTS / "04-decisione.png"), full_page=True)

            page.goto(f"{base}/misure/O06-1")
            page.get_by_label("neutralizzazione", exact=False).check()
            page.get_by_label("Motivo").fill("Piattaforma regionale ferma da marzo")
            page.get_by_label("Atto di approvazione").fill("delibera n. 12 del 15/07/2023")
            page.get_by_role("button", name="Registra la rettifica di O06-1").click()
            assert page.get_by_role("status").inner_text().startswith("Rettifica di O06-1 registrata")
            assert "delibera n. 12 del 15/07/2023" in page.locator("#rettifica").inner_text()
            page.screenshot(path=str(ARTEFACTS / "04b-rettifica.png"), full_page=True)

            page.get_by_role("link", name="Documenti").click()
            with page.expect_download() as download:
                page.get_by_role("link", name="Scarica l'allegato (Word)").click()
            data = Path(download.value.path()).read_bytes()
            text = "\n".join(c.text for t in Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells)
            assert "Nuova somministrazione a settembre" in text
            assert "Neutralizzato con delibera n. 12 del 15/07/2023" in text
            page.get_by_role("link", name="Cruscotto").click()
            page.screenshot(path=str(ARTEFACTS / "05-cruscotto-controllo.png"), full_page=True)
        finally:
            browser.close()
    events = app.extensions["piao_portal"].store.events(limit=3)
    assert [(e.kind, e.who) for e in events] == [("rettifica", "controllo"), ("decisione", "controllo"), ("misura", "ufficio01")]
