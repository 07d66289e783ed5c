"""The controller's rectifications and decisions on proposed statuses in the portal, applied by monitor() everywhere."""

from __future__ import annotations

import io
import json
import re

import pytest
from docx import Document
from portal_helpers import copy, logged_in, office_user, seeded, token

from piao_rules.format_it import percent

ACT = "delibera n. 12 del 15/07/2023"
REASON = "Questionario sospeso per il blocco della piattaforma regionale"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return seeded(tmp_path_factory.mktemp("rettifiche") / "dati")


@pytest.fixture
def app(template, tmp_path):
    return copy(template, tmp_path / "dati")


def portal(app):
    return app.extensions["piao_portal"]


def evaluation(app):
    return portal(app).monitoring(portal(app).store.current_round()).evaluation


def text_of(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def rectify(client, code: str, **form):
    return client.post(f"/misure/{code}/rettifica", data={"csrf_token": token(client), **form})


def errors(client, answer) -> list[str]:
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    return re.findall(r'<p class="errore" role="alert">([^<]*)</p>', page)


def test_a_neutralisation_leaves_the_degree_and_the_annex_names_the_act(app):
    before = evaluation(app)
    o01 = before.objective("O01")
    assert before.indicator("O01-2").status.value == "in_linea" and "O01-2" not in o01.excluded
    controller = logged_in(app, "controllo")
    assert "Rettifica approvata al 30/06/2023" in controller.get("/misure/O01-2").get_data(as_text=True)

    sent = rectify(controller, "O01-2", effetto="neutralizzazione", motivo=REASON, approvata_con=ACT)
    assert sent.status_code == 303 and not errors(controller, sent)

    after = evaluation(app)
    indicator = after.indicator("O01-2")
    assert indicator.adjustment.effect.value == "neutralizzazione" and indicator.achievement is None
    assert "O01-2" in after.objective("O01").excluded and after.objective("O01").achievement != o01.achievement
    assert after.summary.achievement != before.summary.achievement

    page = controller.get("/misure/O01-2").get_data(as_text=True)
    shown = page[page.index('id="rettifica"'):]
    assert ACT in shown and REASON in shown and "stato in linea, grado 100%" in shown  # the figures before it
    assert f"Con {ACT} l&#39;indicatore è neutralizzato" in page
    assert "il risultato si conferma" in page  # the data are still told as they are

    annex = text_of(controller.get("/documenti/allegato.docx").data)
    assert f"Neutralizzato con {ACT}" in annex
    assert "in quanto neutralizzato con atto della Giunta, l'indicatore O01-2" in annex
    assert "non rilevabile (neutralizzato)" in controller.get("/misure").get_data(as_text=True)
    deliberation = text_of(controller.get("/documenti/delibera.docx?numero=12&seduta=15/07/2023").data)
    assert f"complessivo dell'Ente è del {percent(after.summary.achievement)}" in deliberation

    register = portal(app).store.events(subject="O01-2", kinds=("rettifica",))
    assert [(e.who, e.data["approvata_con"], e.data["effetto"]) for e in register] == [("controllo", ACT, "neutralizzazione")]
    journal = [json.loads(line) for line in controller.get("/registro/decisioni.jsonl").get_data(as_text=True).splitlines()]
    assert any(line["tipo"] == "rettifica" and line["codice"] == "O01-2" for line in journal)  # the commands apply it too


def test_a_forced_status_and_degree(app):
    controller = logged_in(app, "controllo")
    assert rectify(controller, "O24.2-1", effetto="grado", grado="75,5", stato="in linea", motivo="Recupero documentato",
                   approvata_con=ACT).status_code == 303
    indicator = evaluation(app).indicator("O24.2-1")
    assert indicator.status.value == "in_linea" and str(indicator.achievement) == "75.5"
    assert indicator.adjustment.before_status.value == "a_rischio"
    page = controller.get("/misure/O24.2-1").get_data(as_text=True)
    assert "stato a rischio, grado 16%" in page and "grado rettificato" in page
    assert f"grado, stato in linea, grado 75,5%, approvata con {ACT}: Recupero documentato" in page  # the history


@pytest.mark.parametrize(("form", "message"), [
    ({"effetto": "stato"}, "indicare lo stato imposto («Stato imposto»)"),
    ({"effetto": "grado", "grado": "120"}, "grado «120» non valido"),
    ({"effetto": "neutralizzazione", "stato": "in linea"}, "non indicare «Stato imposto» né «Grado imposto»"),
    ({"effetto": "neutralizzazione", "approvata_con": " "}, "motivo e atto di approvazione non possono essere vuoti"),
])
def test_a_wrong_rectification_is_explained_and_not_recorded(app, form, message):
    controller = logged_in(app, "controllo")
    answer = rectify(controller, "O01-2", **{"motivo": "m", "approvata_con": ACT, **form})
    assert answer.status_code == 303
    assert any(message in e.replace("&#39;", "'") for e in errors(controller, answer))
    assert not portal(app).store.events(kinds=("rettifica",))


@pytest.mark.parametrize("who", ["office", "oiv", "segretario"])
def test_only_the_controller_rectifies(app, who):
    username = office_user(app, "DIRIGENTE") if who == "office" else who
    client = logged_in(app, username)
    assert "Rettifica approvata" not in client.get("/misure/O01-2").get_data(as_text=True)
    answer = rectify(client, "O01-2", effetto="neutralizzazione", motivo=REASON, approvata_con=ACT)
    assert answer.status_code == 403
    assert not portal(app).store.events(kinds=("rettifica",))
    assert evaluation(app).indicator("O01-2").adjustment is None


def test_a_proposed_status_is_confirmed_or_corrected_on_the_flags_page(app):
    before = evaluation(app)
    assert before.indicator("O09.2-1").proposed and before.indicator("O18.2-1").proposed
    controller = logged_in(app, "controllo")
    page = controller.get("/segnalazioni").get_data(as_text=True)
    assert "Stato giusto" in page and '<option value="a rischio">a rischio</option>' in page
    data = {"csrf_token": token(controller)}
    assert controller.post("/segnalazioni", data={**data, "id": "O09.2-1/stato_proposto", "esito": "accolta",
                                                  "nota": "Confermato dal dirigente"}).status_code == 303
    assert controller.post("/segnalazioni", data={**data, "id": "O18.2-1/stato_proposto", "esito": "respinta",
                                                  "stato": "a rischio", "nota": "Sperimentazione ferma"}).status_code == 303
    wrong = controller.post("/segnalazioni", data={**data, "id": "O09.2-1/stato_proposto", "esito": "accolta",
                                                   "stato": "raggiunto", "nota": "x"})
    assert any("solo con esito «respinta»" in e for e in errors(controller, wrong))

    after = evaluation(app)
    confirmed, corrected = after.indicator("O09.2-1"), after.indicator("O18.2-1")
    assert confirmed.adjustment.effect.value == "conferma" and not confirmed.proposed
    assert corrected.status.value == "a_rischio" and corrected.adjustment.effect.value == "rifiuto"
    assert "respinta, stato a rischio: Sperimentazione ferma" in controller.get("/segnalazioni").get_data(as_text=True)
    page = controller.get("/misure/O18.2-1").get_data(as_text=True)
    assert "Decisione sullo stato proposto" in page and "Rettifica in vigore" not in page
    assert "Stato proposto respinto" in text_of(controller.get("/documenti/allegato.docx").data)
