"""The controller's rectifications of an indicator: neutralisation, forced status or degree, with the approving act."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask, abort, flash, redirect, request, url_for
from flask_login import current_user

from piao_rules.errors import InputError
from piao_rules.portal.pages.common import item_for, me, now
from piao_rules.portal.store import RECTIFICATION
from piao_rules.review.rectify import rectification

if TYPE_CHECKING:
    from piao_rules.portal.app import Portal

FIELDS = {"stato": "«Stato imposto»", "grado": "«Grado imposto»"}  # how the indicator page names the fields


def add_routes(app: Flask, portal: Portal) -> None:
    store = portal.store

    @app.post("/misure/<code>/rettifica")
    def rectify(code: str):
        """Record a rectification for the current round (open or closed: the Giunta's act often follows the round)."""
        item = item_for(portal, code)
        round_ = store.current_round()
        if round_ is None:
            abort(409, "Nessun giro di monitoraggio: il controllo di gestione deve aprirlo.")
        form = {k: request.form.get(k, "") for k in ("effetto", "stato", "grado", "motivo", "approvata_con")}
        try:
            entry = rectification(portal.monitoring(round_).evaluation, code, form["effetto"], form["stato"], form["grado"],
                                  form["motivo"], form["approvata_con"], who=current_user.user.name, when=now(), names=FIELDS)
        except InputError as error:
            flash("Rettifica non registrata: " + "; ".join(p.message for p in error.problems), "errore")
            return redirect(url_for("indicator", code=code), code=303)
        store.record(RECTIFICATION, me(), round_.id, code, item.office,
                     entry.model_dump(mode="json", by_alias=True, exclude_none=True))
        flash(f"Rettifica di {code} registrata ({entry.effect}, {entry.approved_by}).")
        return redirect(url_for("indicator", code=code), code=303)
