"""The dashboard, the indicators, the measure form, comments and evidence files."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from flask import Flask, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from werkzeug.utils import secure_filename

from piao_rules.engine.result import Status
from piao_rules.errors import InputError
from piao_rules.portal import entries
from piao_rules.portal.auth import PERMISSIONS
from piao_rules.portal.pages.common import KIND_LABELS, item_for, me, require_open, visible, when
from piao_rules.portal.store import COMMENT, Conflict, Event

if TYPE_CHECKING:
    from piao_rules.portal.app import Portal


def add_routes(app: Flask, portal: Portal) -> None:
    store = portal.store

    @app.get("/")
    def dashboard():
        round_ = store.current_round()
        context: dict[str, Any] = {"round": round_, "offices": [], "areas": [], "result": None}
        if round_ is not None:
            entered = set(store.latest_measures(round_.id))
            shown = {i.code: i for i in visible(portal)}
            context["offices"] = entries.progress(shown, entered, "office")
            context["areas"] = entries.progress(shown, entered, "area")
            context["result"] = portal.monitoring(round_).evaluation
        return render_template("cruscotto.html", **context)

    @app.get("/misure")
    def measures():
        round_ = store.current_round()
        latest = store.latest_measures(round_.id) if round_ else {}
        result = portal.monitoring(round_).evaluation if round_ else None
        status = {i.code: i.status for i in result.indicators} if result else {}
        adjusted = {i.code: i.adjustment.effect.label for i in result.indicators if i.adjustment} if result else {}
        return render_template("misure.html", round=round_, items=visible(portal), latest=latest, status=status,
                               adjusted=adjusted)

    def indicator_page(code: str, status: int = 200, errors: list[str] | None = None, sent: dict[str, Any] | None = None,
                       conflict: Event | None = None):
        item = item_for(portal, code)
        round_ = store.current_round()
        latest = store.latest_measures(round_.id).get(code) if round_ else None
        result = None
        narrative = None
        if round_ is not None:
            monitoring = portal.monitoring(round_)
            result = next((i for i in monitoring.evaluation.indicators if i.code == code), None)
            narrative = monitoring.narratives.indicators.get(code)
        shown = sent if sent is not None else (latest.data if latest else {})
        earlier = [r for r in store.rounds() if round_ is not None and r.as_of < round_.as_of]
        previous = (earlier[0], store.latest_measures(earlier[0].id).get(code)) if earlier else None
        history = store.events(round_id=round_.id, subject=code) if round_ else []
        return render_template(
            "indicatore.html", item=item, round=round_, latest=latest, result=result, narrative=narrative,
            fields=entries.FIELDS, judgements=entries.JUDGEMENTS, shown=shown, errors=errors or [], conflict=conflict,
            history=history, kinds=KIND_LABELS, previous=previous, files=store.files(round_.id, code) if round_ else [],
            editable=round_ is not None and round_.open and current_user.role in PERMISSIONS["enter"],
            rectifiable=round_ is not None and current_user.role in PERMISSIONS["rectify"], statuses=[s.label for s in Status],
            version=(conflict.id if conflict else (latest.id if latest else 0)),
        ), status

    @app.get("/misure/<code>")
    def indicator(code: str):
        return indicator_page(code)

    @app.post("/misure/<code>")
    def enter(code: str):
        item = item_for(portal, code)
        round_ = require_open(portal)
        data = entries.form_data(request.form, item)
        try:
            entries.measure(data)
        except InputError as error:
            return indicator_page(code, 400, [p.message if not p.where else f"{p.where}: {p.message}" for p in error.problems], data)
        seen = request.form.get("versione", "0")
        try:
            store.enter_measure(round_.id, code, item.office, me(), data, int(seen) if seen.isdigit() else -1)
        except Conflict as conflict:
            return indicator_page(code, 409, [
                f"Nel frattempo {conflict.current.who} ha registrato un altro dato ({when(conflict.current.at)}): "
                "il suo dato è mostrato sotto, il suo inserimento non è stato salvato. Controllare e inviare di nuovo."],
                data, conflict.current)
        flash(f"Misura di {code} registrata.")
        return redirect(url_for("indicator", code=code), code=303)

    @app.post("/misure/<code>/commenti")
    def comment(code: str):
        item = item_for(portal, code)
        round_ = store.current_round()
        text = request.form.get("testo", "").strip()
        if round_ is None or not text:
            return indicator_page(code, 400, ["Scrivere il testo del commento."])
        store.record(COMMENT, me(), round_.id, code, item.office, {"testo": text, "ruolo": current_user.role})
        flash("Commento registrato.")
        return redirect(url_for("indicator", code=code), code=303)

    @app.post("/misure/<code>/allegati")
    def upload(code: str):
        item = item_for(portal, code)
        round_ = require_open(portal)
        sent = request.files.get("file")
        if not sent or not sent.filename:
            return indicator_page(code, 400, ["Scegliere il file da allegare."])
        name = secure_filename(sent.filename) or "allegato"
        content = sent.read()
        store.add_file(round_.id, code, name, sent.mimetype or "application/octet-stream", content, me(), item.office)
        flash(f"Allegato «{name}» registrato.")
        return redirect(url_for("indicator", code=code), code=303)

    @app.get("/allegati/<int:file_id>")
    def attachment(file_id: int):
        found = store.file(file_id)
        if found is None:
            abort(404)
        meta, content = found
        item_for(portal, meta.code)
        return send_file(io.BytesIO(content), mimetype="application/octet-stream", as_attachment=True, download_name=meta.name)
