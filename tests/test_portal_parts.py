"""Parts of the portal on their own: SMTP reminders, the colours of the style sheet, the measure form."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from piao_rules.errors import InputError
from piao_rules.io.model import Measure
from piao_rules.portal import entries, reminders

STYLE = Path(entries.__file__).parent / "templates" / "stile.css"


def test_reminders_go_through_the_configured_smtp_server(monkeypatch, tmp_path):
    sent = []

    class FakeSmtp:
        def __init__(self, host, port, timeout):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def starttls(self):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user, password))

        def send_message(self, mail):
            sent.append(("send", mail["To"], mail["Subject"]))

    monkeypatch.setattr(reminders.smtplib, "SMTP", FakeSmtp)
    server = reminders.Smtp("posta.ente.it", 587, "controllo@ente.it", "controllo", "segreta")
    mail = reminders.message("CCIAA", "SEGRETERIA", ["segreteria@ente.it"], server.sender, date(2023, 6, 30), ["O01-1"], "http://x/")
    assert reminders.deliver([mail], tmp_path / "solleciti", server) == []
    assert sent == [("connect", "posta.ente.it", 587), ("starttls",), ("login", "controllo", "segreta"),
                    ("send", "segreteria@ente.it", "Monitoraggio al 30/06/2023: misure da inserire")]
    assert not (tmp_path / "solleciti").exists()
    assert "mancano ancora le misure di 1 indicatore:\n  - O01-1" in mail.get_content()


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_text_colour_has_aa_contrast_on_its_background():
    checked = 0
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", STYLE.read_text(encoding="utf-8")):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body)
        if not colour:
            continue
        background = re.search(r"background:\s*(#[0-9a-fA-F]{3,6})", body)
        lighter, darker = sorted([_luminance(colour.group(1)), _luminance(background.group(1) if background else "#fff")],
                                 reverse=True)
        ratio = (lighter + 0.05) / (darker + 0.05)
        assert ratio >= 4.5, f"{selector.strip()}: contrasto {ratio:.1f}:1"
        checked += 1
    assert checked >= 8


def test_the_form_keeps_what_was_typed_and_reads_it_as_a_measures_file_row():
    item = next(i for i in entries.items(_plan()).values() if i.components)
    form = {"valore": " ", "nota": " Otto iniziative ", "componente:iniziative": "8", "componente:soggetti": "1.018"}
    data = entries.form_data(form, item)
    assert data == {"codice": item.code, "nota": "Otto iniziative", "componenti": {"iniziative": "8", "soggetti": "1.018"}}
    assert entries.measure(data).components == {"iniziative": 8, "soggetti": 1018}
    with pytest.raises(InputError) as raised:
        entries.measure({"codice": item.code, "avanzamento": "140"})
    assert "avanzamento" in str(raised.value.problems[0])


@pytest.mark.parametrize("typed", [{"valore": "80%"}, {"valore": "1.018,5"}, {"valore": "SI"}, {"valore": "30/06/2023"},
                                   {"giudizio": "in_linea", "riferimento": "3,64"}, {"avanzamento": "50"}])
def test_a_measure_read_from_a_file_comes_back_to_the_same_form(typed):
    measure = Measure.model_validate({"codice": "X1", **typed})
    assert entries.measure(entries.form_values(measure)) == measure


def _plan():
    from roundtrip_helpers import CUNEO

    from piao_rules.io import load_plan

    return load_plan(CUNEO / "piano.yaml")[0]
