"""The review screen: a small local web page where the Segretario Generale records decisions.

Served on 127.0.0.1 only; requests naming another host are refused (no DNS
rebinding). Pages are rendered on the server (Jinja, autoescaped), need no
JavaScript and load nothing from the internet. Every form carries a token that
is secret to this process; a POST without it is refused. No URL carries a file
path: the only inputs are the flag id and the filters, as form or query fields.
"""

from __future__ import annotations

import errno
import hmac
import os
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Response, abort, redirect, render_template, request, url_for
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from piao_rules.engine import SEVERITIES
from piao_rules.engine.result import Evaluation, Status
from piao_rules.errors import InputError, describe_os_error
from piao_rules.review import Outcome
from piao_rules.review import journal as journals
from piao_rules.review.decide import PROPOSAL_FLAG, REVISION_FLAG, decision
from piao_rules.review.flags import find, select, views

HOST = "127.0.0.1"
ALLOWED_HOSTS = {"127.0.0.1", "localhost"}
_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}
HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
ERRORS = {
    400: "Richiesta non valida.",
    403: "Richiesta rifiutata: il modulo non proviene da questa pagina o è scaduto. Ricaricare la pagina e riprovare.",
    404: "Pagina inesistente.",
    405: "Operazione non consentita su questa pagina.",
}


def create_app(evaluation: Evaluation, journal_path: Path, measures_name: str, default_who: str,
               clock: Callable = journals.now) -> Flask:
    """The review application for one evaluation and one journal."""
    app = Flask(__name__, template_folder=str(HERE / "templates"), static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    token = secrets.token_urlsafe(32)
    outcomes = [(o.value, o.label) for o in Outcome]

    @app.before_request
    def _only_local() -> None:
        if request.host.rsplit(":", 1)[0].strip("[]").lower() not in ALLOWED_HOSTS:
            abort(400)
        if request.method == "POST":
            sent = request.form.get("csrf", "")
            if not hmac.compare_digest(sent.encode(), token.encode()):
                abort(403)

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response

    def page(status: int = 200, errors: dict[str, str] | None = None, sent: dict[str, str] | None = None,
             general: str | None = None):
        found = views(evaluation, journals.read_journal(journal_path))
        office = request.args.get("ufficio") or None
        severity = request.args.get("gravita") if request.args.get("gravita") in SEVERITIES else None
        code = request.args.get("tipo") or None
        everything = request.args.get("tutte") == "1"
        try:
            shown = select(found, office, severity, code, everything)
            filter_error = None
        except InputError as error:
            shown, filter_error = [], "; ".join(p.message for p in error.problems)
        html = render_template(
            "revisione.html", evaluation=evaluation, views=shown, total=len(found),
            open_count=sum(1 for v in found if v.open), offices=sorted({v.owner for v in found}),
            codes=sorted({v.flag.code for v in found}), severities=SEVERITIES, outcomes=outcomes,
            revision_flag=REVISION_FLAG, proposal_flag=PROPOSAL_FLAG, statuses=[s.label for s in Status], filters={"ufficio": office or "", "gravita": severity or "", "tipo": code or "",
                                                  "tutte": everything},
            csrf=token, errors=errors or {}, sent=sent or {}, done=request.args.get("fatto"), who=default_who,
            filter_error=general or filter_error, journal=journal_path.name,
        )
        return html, status

    @app.get("/")
    def index():
        return page()

    @app.post("/decisione")
    def decide():
        form = {k: request.form.get(k, "") for k in ("id", "esito", "nota", "nuovo_target", "stato", "responsabile", "chi")}
        found = views(evaluation, journals.read_journal(journal_path))
        try:
            view = find(found, form["id"], evaluation.as_of)
        except InputError as error:
            return page(400, general="; ".join(p.message for p in error.problems))
        try:
            entry = decision(evaluation, view, form["esito"], form["nota"], new_target=form["nuovo_target"],
                             owner=form["responsabile"], who=form["chi"] or default_who, when=clock(),
                             measures=measures_name, status=form["stato"])
            journals.append(journal_path, [entry])
        except InputError as error:
            return page(400, {form["id"]: "; ".join(p.message for p in error.problems)}, form)
        except OSError as error:  # disk full, journal read-only: said in Italian, the typed decision kept in the form
            return page(503, {form["id"]: f"decisione non registrata: {describe_os_error(error)}"}, form)
        filters = {k: request.form.get(k) for k in ("ufficio", "gravita", "tipo", "tutte") if request.form.get(k)}
        return redirect(url_for("index", fatto=entry.flag, **filters), code=303)

    @app.get("/stile.css")
    def style():
        return Response((HERE / "templates" / "stile.css").read_text(encoding="utf-8"), mimetype="text/css")

    for status, message in ERRORS.items():
        app.register_error_handler(status, lambda error, s=status, m=message: (render_template("errore.html", status=s, message=m), s))
    return app


class PortBusy(Exception):
    """The port is taken by another program."""


class _QuietHandler(WSGIRequestHandler):
    """No request log on the terminal: the page is for one person on this computer."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def open_server(app: Flask, port: int) -> BaseWSGIServer:
    """A threaded server for ``app`` bound to 127.0.0.1:``port``, not yet serving (werkzeug prints nothing).

    Raises PortBusy if another program listens on the port (werkzeug would print English and exit 1).
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if os.name == "posix":
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port left in TIME_WAIT is free
    try:
        listener.bind((HOST, port))
        listener.listen(socket.SOMAXCONN)
    except OSError as error:
        listener.close()
        if error.errno in _IN_USE:
            raise PortBusy(port) from None
        raise
    try:
        return make_server(HOST, port, app, threaded=True, request_handler=_QuietHandler, fd=listener.fileno())
    finally:
        listener.close()  # the server holds its own copy of the socket
