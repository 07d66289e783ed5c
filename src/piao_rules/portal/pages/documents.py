"""The register of everything recorded, and the annex and deliberation for the Giunta."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, Response, abort, flash, redirect, render_template, request, url_for

from piao_rules import values
from piao_rules.errors import InputError
from piao_rules.portal.pages.common import KIND_LABELS, docx

if TYPE_CHECKING:
    from piao_rules.portal.app import Portal


def add_routes(app: Flask, portal: Portal) -> None:
    store, settings = portal.store, portal.settings

    @app.get("/registro")
    def register():
        round_id = request.args.get("giro", type=int)
        return render_template("registro.html", events=store.events(round_id=round_id, limit=500), kinds=KIND_LABELS,
                               rounds=store.rounds(), chosen=round_id)

    @app.get("/documenti")
    def documents():
        return render_template("documenti.html", round=store.current_round(), has_ente=settings.ente is not None and settings.ente.exists())

    @app.get("/documenti/allegato.docx")
    def annex():
        round_ = store.current_round()
        if round_ is None:
            abort(404)
        ente = settings.ente if settings.ente is not None and settings.ente.exists() else None
        data = portal.monitoring(round_).annex_bytes(ente=ente)
        return docx(data, f"allegato-monitoraggio-{round_.as_of:%Y-%m-%d}.docx")

    @app.get("/documenti/delibera.docx")
    def deliberation():
        round_ = store.current_round()
        if round_ is None or settings.ente is None or not settings.ente.exists():
            abort(404)
        number = request.args.get("numero", "").strip()
        try:
            sitting = values.parse_date(request.args.get("seduta", ""))
        except ValueError:
            sitting = None
        if not number or sitting is None:
            flash("Indicare numero e data della seduta (gg/mm/aaaa) della delibera.", "errore")
            return redirect(url_for("documents"), code=303)
        try:
            data = portal.monitoring(round_).deliberation_bytes(ente=settings.ente, number=number, sitting=sitting)
        except InputError as error:
            flash("; ".join(str(p) for p in error.problems), "errore")
            return redirect(url_for("documents"), code=303)
        return docx(data, f"delibera-monitoraggio-{round_.as_of:%Y-%m-%d}.docx")

    @app.get("/registro/decisioni.jsonl")
    def journal():
        """The decisions and sightings as a review journal file, for ``piao-rules allegato --giornale``."""
        lines = (json.dumps(e.model_dump(mode="json", by_alias=True, exclude_none=True), ensure_ascii=False) + "\n"
                 for e in portal.journal().entries)
        return Response("".join(lines), mimetype="application/x-ndjson",
                        headers={"Content-Disposition": f"attachment; filename=decisioni-{portal.plan.year}.jsonl"})

    @app.get("/giro/misure.csv")
    def measures_file():
        """The latest measures of the round as a measures file, for the commands of piao-rules."""
        from piao_rules.io import write_measures

        round_ = store.current_round()
        if round_ is None:
            abort(404)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "misure.csv"
            write_measures(portal.monitoring(round_).measures, path)
            data = path.read_bytes()
        return Response(data, mimetype="text/csv",
                        headers={"Content-Disposition": f"attachment; filename=misure-{round_.as_of:%Y-%m-%d}.csv"})
