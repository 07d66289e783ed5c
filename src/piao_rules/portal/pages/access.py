"""Logging in and out, and the style sheet (the only pages open without logging in)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, Response, redirect, render_template, request, url_for
from flask_login import login_user, logout_user

from piao_rules.portal.auth import Account, check_password

if TYPE_CHECKING:
    from piao_rules.portal.app import Portal

TEMPLATES = Path(__file__).parent.parent / "templates"


def add_routes(app: Flask, portal: Portal) -> None:
    store, throttle = portal.store, portal.throttle

    @app.route("/accesso", methods=["GET", "POST"])
    def login():
        error = None
        if request.method == "POST":
            name = request.form.get("utente", "").strip()
            if throttle.blocked(name.casefold()):
                error = "Troppi tentativi non riusciti con questo nome utente: riprovare tra qualche minuto."
                return render_template("accesso.html", error=error), 429
            user = store.user_named(name)
            if user is not None and check_password(user.password_hash, request.form.get("password", "")):
                throttle.succeeded(name.casefold())
                login_user(Account(user))
                target = request.args.get("next", "")
                local = target.startswith("/") and not target.startswith("//") and "\\" not in target
                return redirect(target if local else url_for("dashboard"))
            throttle.failed(name.casefold())
            error = "Nome utente o password non corretti."
        return render_template("accesso.html", error=error), (401 if error else 200)

    @app.post("/uscita")
    def logout():
        logout_user()
        return redirect(url_for("login"))

    @app.get("/stile.css")
    def style():
        return Response((TEMPLATES / "stile.css").read_text(encoding="utf-8"), mimetype="text/css")
