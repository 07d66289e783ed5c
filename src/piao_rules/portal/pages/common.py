"""What the pages share: the portal of the running app, the round, the indicators a person may see."""

from __future__ import annotations

import io
from datetime import date, datetime

from flask import abort, send_file
from flask_login import current_user

from piao_rules.portal import entries
from piao_rules.portal.store import COMMENT, DECISION, MEASURE, RECTIFICATION, SIGHTING, Round

ROUND_DATES = ((6, 30), (9, 30), (12, 31))
KIND_LABELS = {
    MEASURE: "misura", DECISION: "decisione", COMMENT: "commento", SIGHTING: "segnalazioni rilevate alla chiusura",
    "allegato": "allegato", "giro_aperto": "giro aperto", "giro_chiuso": "giro chiuso", "solleciti": "solleciti",
    "importazione": "importazione da Excel", RECTIFICATION: "rettifica",
}


def require_open(portal) -> Round:
    """The open round; 409 when there is none."""
    found = portal.store.current_round()
    if found is None or not found.open:
        abort(409, "Nessun giro di monitoraggio aperto: il controllo di gestione deve aprirlo.")
    return found


def item_for(portal, code: str) -> entries.Item:
    """The indicator ``code``; 404 if unknown, 403 if it belongs to another office than the person's."""
    item = portal.items.get(code)
    if item is None:
        abort(404)
    if not current_user.sees(item.office):
        abort(403)
    return item


def visible(portal) -> list[entries.Item]:
    return [i for i in portal.items.values() if current_user.sees(i.office)]


def me() -> str:
    return current_user.user.username


def now() -> datetime:
    from piao_rules.review.journal import now as journal_now

    return journal_now()


def when(at: str) -> str:
    """An ISO time of the register as «05/12/2026 12:14»."""
    return f"{at[8:10]}/{at[5:7]}/{at[:4]} {at[11:16]}"


def round_dates(year: int) -> list[date]:
    return [date(year, m, d) for m, d in ROUND_DATES]


def docx(data: bytes, name: str):
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")

