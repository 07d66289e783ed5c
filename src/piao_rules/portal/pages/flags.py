"""The flags of the round and the controller's decisions on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user

from piao_rules.engine.result import Status
from piao_rules.errors import InputError
from piao_rules.portal.auth import CONTROLLER, OFFICE
from piao_rules.portal.pages.common import me, now, require_open
from piao_rules.portal.store import DECISION
from piao_rules.review import Outcome
from piao_rules.review.decide import PROPOSAL_FLAG

if TYPE_CHECKING:
    from piao_rules.portal.app import Portal


def add_routes(app: Flask, portal: Portal) -> None:
    store = portal.store

    @app.get("/segnalazioni")
    def flags():
        from piao_rules.review.flags import views

        round_ = store.current_round()
        found = []
        if round_ is not None:
            monitoring = portal.monitoring(round_)
            found = [v for v in views(monitoring.evaluation, monitoring.journal)
                     if current_user.role != OFFICE or v.owner == current_user.user.office]
        return render_template("segnalazioni.html", round=round_, views=found,
                               outcomes=[(o.value, o.label) for o in Outcome], proposal_flag=PROPOSAL_FLAG,
                               statuses=[s.label for s in Status],
                               decide=current_user.role == CONTROLLER and round_ is not None and round_.open)

    @app.post("/segnalazioni")
    def decide():
        from piao_rules.review.decide import decision
        from piao_rules.review.flags import find, views

        round_ = require_open(portal)
        monitoring = portal.monitoring(round_)
        form = {k: request.form.get(k, "") for k in ("id", "esito", "nota", "nuovo_target", "stato", "responsabile")}
        try:
            view = find(views(monitoring.evaluation, monitoring.journal), form["id"], round_.as_of)
            entry = decision(monitoring.evaluation, view, form["esito"], form["nota"], new_target=form["nuovo_target"],
                             owner=form["responsabile"], who=current_user.user.name, when=now(), measures="portale",
                             status=form["stato"])
        except InputError as error:
            flash("; ".join(p.message for p in error.problems), "errore")
            return redirect(url_for("flags"), code=303)
        store.record(DECISION, me(), round_.id, entry.flag, view.owner,
                     entry.model_dump(mode="json", by_alias=True, exclude_none=True))
        flash(f"Decisione registrata per {entry.flag}.")
        return redirect(url_for("flags"), code=303)
