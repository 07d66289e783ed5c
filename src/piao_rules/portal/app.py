"""The portal's web application: pages rendered on the server, usable without JavaScript.

Every request passes one gate (:func:`create_app._gate`): the endpoint's roles come from
:data:`piao_rules.portal.auth.PERMISSIONS` (an endpoint missing there is refused), a
person not logged in is sent to the login page, every POST carries a CSRF token
(Flask-WTF). An office sees and changes only its own indicators.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFError, CSRFProtect

from piao_rules import format_it
from piao_rules.io import load_plan
from piao_rules.io.model import Plan
from piao_rules.portal import entries, reminders
from piao_rules.portal.auth import PERMISSIONS, PUBLIC, Account, Throttle
from piao_rules.portal.pages import access, documents, flags, measures, rectifications, rounds
from piao_rules.portal.store import DECISION, MEASURE, RECTIFICATION, ROLES, SIGHTING, Round, Store, database_url
from piao_rules.review.journal import Decision, Entry, Journal, Rectification, Sighting

HERE = Path(__file__).parent
MAX_UPLOAD = 10 * 1024 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
ERRORS = {
    400: "Richiesta non valida.",
    403: "Operazione non consentita al proprio ruolo.",
    404: "Pagina inesistente.",
    405: "Operazione non consentita su questa pagina.",
    409: "Il dato è stato modificato da un'altra persona nel frattempo.",
    413: "File troppo grande (massimo 10 MB).",
}
EVALUATED = (MEASURE, DECISION, SIGHTING, RECTIFICATION)  # the events that change an evaluation
JOURNALED: dict[str, type[Entry]] = {DECISION: Decision, SIGHTING: Sighting, RECTIFICATION: Rectification}  # register kind → journal line


@dataclass
class Settings:
    """Where the plan and the data are, and how to reach people."""

    plan: Path
    data: Path
    database: str | None = None
    ente: Path | None = None
    smtp: reminders.Smtp | None = None
    secret_key: str | None = None
    address: str = "http://127.0.0.1:8770/"
    secure_cookies: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # more Flask configuration (tests)

    @classmethod
    def for_folder(cls, folder: Path, data: Path | None = None, database: str | None = None,
                   address: str = "http://127.0.0.1:8770/") -> Settings:
        """The settings for a plan folder (piano.yaml, ente.yaml) or plan file; SMTP from PIAO_PORTALE_SMTP_*."""
        plan = folder / "piano.yaml" if folder.is_dir() else folder
        ente = plan.parent / "ente.yaml"
        return cls(plan=plan, data=data or plan.parent / "portale", database=database, ente=ente if ente.exists() else None,
                   smtp=reminders.smtp_from_environment(), address=address)


class Portal:
    """The plan, its rules, the store, and the evaluation of a round (recomputed when something was recorded)."""

    def __init__(self, settings: Settings):
        from piao_rules.engine.rulebook import load_rulebook

        self.settings = settings
        self.plan: Plan = load_plan(settings.plan)[0]
        folder = settings.plan.parent
        self.rulebook = load_rulebook(folder / self.plan.rules if self.plan.rules else None)
        self.items = entries.items(self.plan)
        self.offices = sorted({i.office for i in self.items.values()})
        settings.data.mkdir(parents=True, exist_ok=True)
        self.store = Store(database_url(settings.data, settings.database))
        self.throttle = Throttle()
        self._lock = threading.Lock()
        self._cached: tuple[tuple[int, int], Any] | None = None

    def journal(self) -> Journal:
        """The decisions, sightings and rectifications of the register as a review journal (oldest first)."""
        found = [JOURNALED[event.kind].model_validate(event.data) for event in reversed(self.store.events(kinds=tuple(JOURNALED)))]
        return Journal(Path("registro"), found)

    def monitoring(self, round_: Round):
        """The library API's result on the latest measures of ``round_`` (cached until the next event)."""
        from piao_rules.monitoring import monitor

        key = (round_.id, self.store.version(EVALUATED))
        with self._lock:
            if self._cached is not None and self._cached[0] == key:
                return self._cached[1]
        latest = {code: event.data for code, event in self.store.latest_measures(round_.id).items()}
        result = monitor(self.plan, entries.measure_set(round_.as_of, latest), round_.as_of, rules=self.rulebook,
                         decisions=self.journal(), base_dir=self.settings.plan.parent)
        with self._lock:
            self._cached = (key, result)
        return result


def create_app(settings: Settings) -> Flask:
    """The portal application for one plan and one database."""
    portal = Portal(settings)
    store = portal.store
    app = Flask(__name__, template_folder=str(HERE / "templates"), static_folder=None)
    app.config.update(
        SECRET_KEY=settings.secret_key or _secret(settings.data),
        MAX_CONTENT_LENGTH=MAX_UPLOAD,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        WTF_CSRF_TIME_LIMIT=None,  # valid for the whole session
    )
    app.config.update(settings.extra)
    app.extensions["piao_portal"] = portal
    app.jinja_env.filters["percento"] = format_it.percent
    CSRFProtect(app)
    logins = LoginManager(app)

    @logins.user_loader
    def _load(user_id: str) -> Account | None:
        user = store.user(int(user_id)) if user_id.isdigit() else None
        return Account(user) if user else None

    @app.before_request
    def _gate():
        roles = PERMISSIONS.get(request.endpoint or "")
        if roles is None:
            abort(404)
        if roles is PUBLIC:
            return None
        if not current_user.is_authenticated:
            return redirect(url_for("login", next=request.path))
        if current_user.role not in roles:
            abort(403)
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.context_processor
    def _common() -> dict[str, Any]:
        return {"ente": portal.plan.ente.name, "year": portal.plan.year, "roles": ROLES, "me": current_user,
                "can": lambda endpoint: current_user.is_authenticated and current_user.role in PERMISSIONS.get(endpoint, ())}

    for pages in (access, measures, flags, rectifications, rounds, documents):
        pages.add_routes(app, portal)

    # ------------------------------------------------------------- errors

    def _error(status: int, message: str):
        return render_template("errore.html", status=status, message=message), status

    @app.errorhandler(CSRFError)
    def _csrf(_error_: CSRFError):
        return _error(400, "Il modulo è scaduto o non proviene da questo portale: ricaricare la pagina e riprovare.")

    def _handler(status: int, message: str):
        def handle(error):
            own = getattr(error, "description", None)
            return _error(status, own if own and own != type(error).description else message)
        return handle

    for status, message in ERRORS.items():
        app.register_error_handler(status, _handler(status, message))
    return app


def _secret(folder: Path) -> str:
    """The key signing the session cookies, kept in the data folder so that sessions survive a restart."""
    from piao_rules import atomic

    path = folder / "chiave-sessioni"
    if not path.exists():
        atomic.write_bytes(path, secrets.token_urlsafe(48).encode())
        path.chmod(0o600)
    return path.read_text().strip()


def serve(app: Flask, host: str, port: int) -> None:
    """Serve ``app`` with the threaded development server of werkzeug (enough for one chamber's offices)."""
    from werkzeug.serving import run_simple

    run_simple(host, port, app, use_reloader=False, use_debugger=False, threaded=True)
