"""The round: opening and closing, reminders, the Excel workbooks for the offices out and back."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from werkzeug.utils import secure_filename

from piao_rules import values
from piao_rules.errors import InputError
from piao_rules.portal import entries, reminders
from piao_rules.portal.auth import OFFICE
from piao_rules.portal.pages.common import me, now, require_open, round_dates
from piao_rules.review.journal import Sighting

if TYPE_CHECKING:
    from piao_rules.portal.app import Portal


def add_routes(app: Flask, portal: Portal) -> None:
    store, settings = portal.store, portal.settings

    @app.get("/giro", endpoint="round")
    def round_page():
        round_ = store.current_round()
        entered = set(store.latest_measures(round_.id)) if round_ else set()
        return render_template("giro.html", round=round_, rounds=store.rounds(), dates=round_dates(portal.plan.year),
                               offices=entries.progress(portal.items, entered, "office"))

    @app.post("/giro/apertura")
    def open_round():
        try:
            chosen = values.parse_date(request.form.get("al", ""))
            if chosen.year != portal.plan.year:
                raise ValueError(f"la data deve cadere nell'anno del piano ({portal.plan.year})")
            store.open_round(portal.plan.year, chosen, me())
        except ValueError as error:
            flash(f"Giro non aperto: {error}.", "errore")
            return redirect(url_for("round"), code=303)
        flash(f"Giro di monitoraggio al {chosen:%d/%m/%Y} aperto.")
        return redirect(url_for("round"), code=303)

    @app.post("/giro/chiusura")
    def close_round():
        round_ = require_open(portal)
        evaluation = portal.monitoring(round_).evaluation
        sighting = Sighting(al=round_.as_of, anno=round_.year, quando=now(), segnalazioni=sorted(f.id for f in evaluation.flags),
                            misure="portale")
        try:
            store.close_round(round_.id, me(), sighting.model_dump(mode="json", by_alias=True, exclude_none=True))
        except ValueError as error:
            flash(str(error), "errore")
            return redirect(url_for("round"), code=303)
        flash(f"Giro al {round_.as_of:%d/%m/%Y} chiuso.")
        return redirect(url_for("round"), code=303)

    @app.post("/giro/solleciti")
    def remind():
        round_ = require_open(portal)
        entered = set(store.latest_measures(round_.id))
        emails: dict[str, list[str]] = {}
        for user in store.users():
            if user.role == OFFICE and user.office and user.email:
                emails.setdefault(user.office, []).append(user.email)
        sender = settings.smtp.sender if settings.smtp else "controllo@localhost"
        mails = []
        for office in portal.offices:
            missing = [i.code for i in portal.items.values() if i.office == office and i.code not in entered]
            if missing:
                mails.append(reminders.message(portal.plan.ente.name, office, emails.get(office, []), sender, round_.as_of,
                                               missing, settings.address))
        written = reminders.deliver(mails, settings.data / "solleciti", settings.smtp)
        store.record("solleciti", me(), round_.id, None, None, {"uffici": len(mails), "file": [p.name for p in written]})
        where = f"scritti in {settings.data / 'solleciti'}" if not settings.smtp else "inviati per posta elettronica"
        flash(f"{len(mails)} solleciti {where}.")
        return redirect(url_for("round"), code=303)

    @app.get("/giro/modello.xlsx")
    def template():
        from piao_rules.collect.layout import ALL_OFFICES, template_rows
        from piao_rules.collect.template import workbook_bytes

        round_ = require_open(portal)
        office = current_user.user.office if current_user.role == OFFICE else request.args.get("ufficio") or ALL_OFFICES
        rows = template_rows(portal.plan)
        chosen = [r for rs in rows.values() for r in rs] if office == ALL_OFFICES else rows.get(office)
        if chosen is None:
            abort(404)
        measures = portal.monitoring(round_).measures
        data = workbook_bytes(portal.plan, round_.as_of, office, chosen, measures.at(round_.as_of), measures)
        name = secure_filename(f"misure-{office}-{round_.as_of:%Y-%m-%d}.xlsx") or "misure.xlsx"
        return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                         mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    @app.post("/giro/importazione")
    def import_template():
        from piao_rules.collect.gather import gather

        round_ = require_open(portal)
        sent = request.files.get("file")
        if not sent or not (sent.filename or "").lower().endswith(".xlsx"):
            flash("Scegliere il file Excel (.xlsx) compilato.", "errore")
            return redirect(url_for("measures" if current_user.role == OFFICE else "round"), code=303)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "modello.xlsx"
            path.write_bytes(sent.read())
            try:
                gathered = gather(Path(folder), portal.plan)
                if gathered.measures.as_of != round_.as_of:
                    raise InputError.single(sent.filename, f"il modello è del {gathered.measures.as_of:%d/%m/%Y}, "
                                                           f"il giro aperto è al {round_.as_of:%d/%m/%Y}")
            except InputError as error:
                flash("File non importato: " + "; ".join(str(p) for p in error.problems[:10]), "errore")
                return redirect(url_for("measures"), code=303)
        found = [m for m in gathered.measures.measures if m.code in portal.items]
        refused = [m.code for m in found if not current_user.sees(portal.items[m.code].office)]
        if refused:
            flash(f"File non importato: contiene indicatori di altri uffici ({', '.join(refused[:5])}).", "errore")
            return redirect(url_for("measures"), code=303)
        latest = store.latest_measures(round_.id)
        for found_measure in found:
            current_event = latest.get(found_measure.code)
            store.enter_measure(round_.id, found_measure.code, portal.items[found_measure.code].office, me(),
                                entries.form_values(found_measure), current_event.id if current_event else 0)
        store.record("importazione", me(), round_.id, None, current_user.user.office,
                     {"file": secure_filename(sent.filename or ""), "misure": len(found)})
        flash(f"Importate {len(found)} misure dal file Excel.")
        return redirect(url_for("measures"), code=303)
