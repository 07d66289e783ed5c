"""The portal's web application: pages rendered on the server, usable without JavaScript.

Every request passes one gate (:func:`create_app._gate`): the endpoint's roles come from
:data:`piao_rules.portal.auth.PERMISSIONS` (an endpoint missing there is refused), a
person not logged in is sent to the login page, every POST carries a CSRF token
(Flask-WTF). An office sees and changes only its own indicators.
"""

from __future__ import annotations

import io
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.utils import secure_filename

from piao_rules import format_it, values
from piao_rules.errors import InputError
from piao_rules.io import load_plan
from piao_rules.io.model import Plan
from piao_rules.portal import entries, reminders
from piao_rules.portal.auth import CONTROLLER, OFFICE, PERMISSIONS, PUBLIC, Account, Throttle, check_password
from piao_rules.portal.store import COMMENT, DECISION, MEASURE, ROLES, SIGHTING, Conflict, Event, Round, Store, database_url
from piao_rules.review.journal import Decision, Journal, Outcome, Sighting

HERE = Path(__file__).parent
ROUND_DATES = ((6, 30), (9, 30), (12, 31))
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
EVALUATED = (MEASURE, DECISION, SIGHTING)  # the events that change an evaluation
KIND_LABELS = {
    MEASURE: "misura", DECISION: "decisione", COMMENT: "commento", SIGHTING: "segnalazioni rilevate alla chiusura",
    "allegato": "allegato", "giro_aperto": "giro aperto", "giro_chiuso": "giro chiuso", "solleciti": "solleciti",
    "importazione": "importazione da Excel",
}


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
        self._lock = threading.Lock()
        self._cached: tuple[tuple[int, int], Any] | None = None

    def journal(self) -> Journal:
        """The decisions and sightings of the register as a review journal (oldest first)."""
        found: list[Decision | Sighting] = []
        for event in reversed(self.store.events(kinds=(DECISION, SIGHTING))):
            found.append(Decision.model_validate(event.data) if event.kind == DECISION else Sighting.model_validate(event.data))
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
    throttle = Throttle()

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

    def current() -> Round | None:
        return store.current_round()

    def require_open() -> Round:
        found = current()
        if found is None or not found.open:
            abort(409, "Nessun giro di monitoraggio aperto: il controllo di gestione deve aprirlo.")
        return found

    def item_for(code: str) -> entries.Item:
        item = portal.items.get(code)
        if item is None:
            abort(404)
        if not current_user.sees(item.office):
            abort(403)
        return item

    def visible() -> list[entries.Item]:
        return [i for i in portal.items.values() if current_user.sees(i.office)]

    def me() -> str:
        return current_user.user.username

    # ------------------------------------------------------------- access

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
        return Response((HERE / "templates" / "stile.css").read_text(encoding="utf-8"), mimetype="text/css")

    # ---------------------------------------------------------- dashboard

    @app.get("/")
    def dashboard():
        round_ = current()
        context: dict[str, Any] = {"round": round_, "offices": [], "areas": [], "result": None}
        if round_ is not None:
            entered = set(store.latest_measures(round_.id))
            shown = {i.code: i for i in visible()}
            context["offices"] = entries.progress(shown, entered, "office")
            context["areas"] = entries.progress(shown, entered, "area")
            context["result"] = portal.monitoring(round_).evaluation
        return render_template("cruscotto.html", **context)

    # ----------------------------------------------------------- measures

    @app.get("/misure")
    def measures():
        round_ = current()
        latest = store.latest_measures(round_.id) if round_ else {}
        result = portal.monitoring(round_).evaluation if round_ else None
        status = {i.code: i.status for i in result.indicators} if result else {}
        return render_template("misure.html", round=round_, items=visible(), latest=latest, status=status)

    def indicator_page(code: str, status: int = 200, errors: list[str] | None = None, sent: dict[str, Any] | None = None,
                       conflict: Event | None = None):
        item = item_for(code)
        round_ = current()
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
            version=(conflict.id if conflict else (latest.id if latest else 0)),
        ), status

    @app.get("/misure/<code>")
    def indicator(code: str):
        return indicator_page(code)

    @app.post("/misure/<code>")
    def enter(code: str):
        item = item_for(code)
        round_ = require_open()
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
                f"Nel frattempo {conflict.current.who} ha registrato un altro dato ({_when(conflict.current.at)}): "
                "il suo dato è mostrato sotto, il suo inserimento non è stato salvato. Controllare e inviare di nuovo."],
                data, conflict.current)
        flash(f"Misura di {code} registrata.")
        return redirect(url_for("indicator", code=code), code=303)

    @app.post("/misure/<code>/commenti")
    def comment(code: str):
        item = item_for(code)
        round_ = current()
        text = request.form.get("testo", "").strip()
        if round_ is None or not text:
            return indicator_page(code, 400, ["Scrivere il testo del commento."])
        store.record(COMMENT, me(), round_.id, code, item.office, {"testo": text, "ruolo": current_user.role})
        flash("Commento registrato.")
        return redirect(url_for("indicator", code=code), code=303)

    @app.post("/misure/<code>/allegati")
    def upload(code: str):
        item = item_for(code)
        round_ = require_open()
        sent = request.files.get("file")
        name = secure_filename(sent.filename or "") if sent else ""
        if not sent or not name:
            return indicator_page(code, 400, ["Scegliere il file da allegare."])
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
        item_for(meta.code)
        return send_file(io.BytesIO(content), mimetype="application/octet-stream", as_attachment=True, download_name=meta.name)

    # -------------------------------------------------------------- flags

    @app.get("/segnalazioni")
    def flags():
        from piao_rules.review.flags import views

        round_ = current()
        found = []
        if round_ is not None:
            monitoring = portal.monitoring(round_)
            found = [v for v in views(monitoring.evaluation, monitoring.journal)
                     if current_user.role != OFFICE or v.owner == current_user.user.office]
        return render_template("segnalazioni.html", round=round_, views=found,
                               outcomes=[(o.value, o.label) for o in Outcome],
                               decide=current_user.role == CONTROLLER and round_ is not None and round_.open)

    @app.post("/segnalazioni")
    def decide():
        from piao_rules.review.decide import decision
        from piao_rules.review.flags import find, views

        round_ = require_open()
        monitoring = portal.monitoring(round_)
        form = {k: request.form.get(k, "") for k in ("id", "esito", "nota", "nuovo_target", "responsabile")}
        try:
            view = find(views(monitoring.evaluation, monitoring.journal), form["id"], round_.as_of)
            entry = decision(monitoring.evaluation, view, form["esito"], form["nota"], new_target=form["nuovo_target"],
                             owner=form["responsabile"], who=current_user.user.name, when=_now(), measures="portale")
        except InputError as error:
            flash("; ".join(p.message for p in error.problems), "errore")
            return redirect(url_for("flags"), code=303)
        store.record(DECISION, me(), round_.id, entry.flag, view.owner,
                     entry.model_dump(mode="json", by_alias=True, exclude_none=True))
        flash(f"Decisione registrata per {entry.flag}.")
        return redirect(url_for("flags"), code=303)

    # -------------------------------------------------------------- round

    @app.get("/giro", endpoint="round")
    def round_page():
        round_ = current()
        entered = set(store.latest_measures(round_.id)) if round_ else set()
        return render_template("giro.html", round=round_, rounds=store.rounds(), dates=_round_dates(portal.plan.year),
                               offices=entries.progress(portal.items, entered, "office"))

    @app.post("/giro/apertura")
    def open_round():
        try:
            when = values.parse_date(request.form.get("al", ""))
            if when.year != portal.plan.year:
                raise ValueError(f"la data deve cadere nell'anno del piano ({portal.plan.year})")
            store.open_round(portal.plan.year, when, me())
        except ValueError as error:
            flash(f"Giro non aperto: {error}.", "errore")
            return redirect(url_for("round"), code=303)
        flash(f"Giro di monitoraggio al {when:%d/%m/%Y} aperto.")
        return redirect(url_for("round"), code=303)

    @app.post("/giro/chiusura")
    def close_round():
        round_ = require_open()
        evaluation = portal.monitoring(round_).evaluation
        sighting = Sighting(al=round_.as_of, anno=round_.year, quando=_now(), segnalazioni=sorted(f.id for f in evaluation.flags),
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
        round_ = require_open()
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

        round_ = require_open()
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

        round_ = require_open()
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

    # ---------------------------------------------------------- documents

    @app.get("/registro")
    def register():
        round_id = request.args.get("giro", type=int)
        return render_template("registro.html", events=store.events(round_id=round_id, limit=500), kinds=KIND_LABELS,
                               rounds=store.rounds(), chosen=round_id)

    @app.get("/documenti")
    def documents():
        return render_template("documenti.html", round=current(), has_ente=settings.ente is not None and settings.ente.exists())

    @app.get("/documenti/allegato.docx")
    def annex():
        round_ = current()
        if round_ is None:
            abort(404)
        ente = settings.ente if settings.ente is not None and settings.ente.exists() else None
        data = portal.monitoring(round_).annex_bytes(ente=ente)
        return _docx(data, f"allegato-monitoraggio-{round_.as_of:%Y-%m-%d}.docx")

    @app.get("/documenti/delibera.docx")
    def deliberation():
        round_ = current()
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
        return _docx(data, f"delibera-monitoraggio-{round_.as_of:%Y-%m-%d}.docx")

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


def _docx(data: bytes, name: str):
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def _round_dates(year: int) -> list[date]:
    return [date(year, m, d) for m, d in ROUND_DATES]


def _now():
    from piao_rules.review.journal import now

    return now()


def _when(at: str) -> str:
    return f"{at[8:10]}/{at[5:7]}/{at[:4]} {at[11:16]}"


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
