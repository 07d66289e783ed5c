"""The portal's database: users, rounds, the append-only register, latest measures and attachments.

SQLite by default (a file in the data folder), PostgreSQL with a ``postgresql+psycopg://`` URL.
The schema is brought up to date with Alembic when the store opens. A measure is recorded by
appending an event and moving the indicator's head from the version the writer saw to the new
event in one transaction (compare and set): a writer working on a stale version gets
:class:`Conflict` instead of silently overwriting someone else's entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, select, update
from sqlalchemy.engine import Connection, CursorResult, Engine
from sqlalchemy.exc import IntegrityError

from piao_rules.portal.schema import events, files, heads, rounds, users

HERE = Path(__file__).parent
ROLES = {"ufficio": "ufficio", "controllo": "controllo di gestione", "oiv": "OIV", "segretario": "Segretario generale"}
DECISION, MEASURE, COMMENT, SIGHTING, RECTIFICATION = "decisione", "misura", "commento", "rilevazione", "rettifica"


class Conflict(Exception):
    """The indicator was changed by someone else since the writer read it."""

    def __init__(self, current: Event):
        super().__init__(current.subject)
        self.current = current


class _Stale(Exception):
    pass


@dataclass(frozen=True)
class User:
    id: int
    username: str
    name: str
    role: str
    office: str | None
    email: str | None
    password_hash: str
    created_at: str


@dataclass(frozen=True)
class Round:
    id: int
    year: int
    as_of: date
    opened_by: str
    opened_at: str
    closed_by: str | None
    closed_at: str | None

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Event:
    id: int
    round_id: int | None
    kind: str
    subject: str | None
    office: str | None
    who: str
    at: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Attachment:
    id: int
    round_id: int
    code: str
    name: str
    mimetype: str
    size: int
    who: str
    at: str


def now() -> str:
    return datetime.now().astimezone().replace(microsecond=0).isoformat()


def database_url(folder: Path, url: str | None = None) -> str:
    """The configured URL, else a SQLite file in ``folder``."""
    return url or f"sqlite:///{(folder / 'portale.sqlite').resolve()}"


def upgrade(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """The portal's data; every method runs in its own transaction."""

    def __init__(self, url: str):
        sqlite = url.startswith("sqlite")
        self.engine = create_engine(url, connect_args={"timeout": 30} if sqlite else {}, pool_pre_ping=not sqlite,
                                    pool_size=10, max_overflow=30, pool_timeout=60)
        if sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        upgrade(self.engine)

    # ------------------------------------------------------------------ users

    def add_user(self, username: str, name: str, role: str, password_hash: str, office: str | None = None,
                 email: str | None = None) -> User:
        if role not in ROLES:
            raise ValueError(f"ruolo «{role}» sconosciuto: scegliere tra {', '.join(ROLES)}")
        if role == "ufficio" and not office:
            raise ValueError("un utente con ruolo ufficio deve indicare il proprio ufficio")
        with self.engine.begin() as db:
            db.execute(insert(users).values(username=username, name=name, role=role, office=office, email=email,
                                            password_hash=password_hash, created_at=now()))
        found = self.user_named(username)
        assert found is not None
        return found

    def user(self, user_id: int) -> User | None:
        with self.engine.connect() as db:
            row = db.execute(select(users).where(users.c.id == user_id)).mappings().first()
        return User(**row) if row else None

    def user_named(self, username: str) -> User | None:
        with self.engine.connect() as db:
            row = db.execute(select(users).where(users.c.username == username)).mappings().first()
        return User(**row) if row else None

    def users(self) -> list[User]:
        with self.engine.connect() as db:
            return [User(**row) for row in db.execute(select(users).order_by(users.c.username)).mappings()]

    # ----------------------------------------------------------------- rounds

    def open_round(self, year: int, as_of: date, who: str) -> Round:
        """Open a round at ``as_of``; ValueError when one is open already or the date was used."""
        with self.engine.begin() as db:
            if db.execute(select(rounds.c.id).where(rounds.c.closed_at.is_(None))).first():
                raise ValueError("c'è già un giro di monitoraggio aperto: chiuderlo prima di aprirne un altro")
            if db.execute(select(rounds.c.id).where(rounds.c.year == year, rounds.c.as_of == as_of)).first():
                raise ValueError(f"il giro al {as_of:%d/%m/%Y} è già stato aperto")
            round_id = _new_id(db.execute(insert(rounds).values(year=year, as_of=as_of, opened_by=who, opened_at=now())))
            self._record(db, "giro_aperto", who, round_id, None, None, {"al": as_of.isoformat()})
        return self.round(round_id)

    def close_round(self, round_id: int, who: str, sighting: dict[str, Any]) -> None:
        """Close the round, noting in the register the flags raised at its date (a journal «rilevazione»)."""
        with self.engine.begin() as db:
            done = db.execute(update(rounds).where(rounds.c.id == round_id, rounds.c.closed_at.is_(None))
                              .values(closed_by=who, closed_at=now())).rowcount
            if not done:
                raise ValueError("il giro è già chiuso")
            self._record(db, SIGHTING, who, round_id, None, None, sighting)
            self._record(db, "giro_chiuso", who, round_id, None, None, {})

    def round(self, round_id: int) -> Round:
        with self.engine.connect() as db:
            return Round(**db.execute(select(rounds).where(rounds.c.id == round_id)).mappings().one())

    def rounds(self) -> list[Round]:
        with self.engine.connect() as db:
            return [Round(**r) for r in db.execute(select(rounds).order_by(rounds.c.as_of.desc())).mappings()]

    def current_round(self) -> Round | None:
        """The open round, else the latest closed one."""
        found = self.rounds()
        return next((r for r in found if r.open), found[0] if found else None)

    # --------------------------------------------------------------- register

    def record(self, kind: str, who: str, round_id: int | None = None, subject: str | None = None,
               office: str | None = None, data: dict[str, Any] | None = None) -> int:
        with self.engine.begin() as db:
            return self._record(db, kind, who, round_id, subject, office, data or {})

    @staticmethod
    def _record(db: Connection, kind: str, who: str, round_id: int | None, subject: str | None, office: str | None,
                data: dict[str, Any]) -> int:
        values = dict(kind=kind, who=who, round_id=round_id, subject=subject, office=office, at=now(),
                      data=json.dumps(data, ensure_ascii=False, default=str))
        return _new_id(db.execute(insert(events).values(**values)))

    def events(self, round_id: int | None = None, subject: str | None = None, kinds: tuple[str, ...] = (),
               limit: int | None = None) -> list[Event]:
        """Events, newest first."""
        query = select(events).order_by(events.c.id.desc())
        if round_id is not None:
            query = query.where(events.c.round_id == round_id)
        if subject is not None:
            query = query.where(events.c.subject == subject)
        if kinds:
            query = query.where(events.c.kind.in_(kinds))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as db:
            return [_event(row) for row in db.execute(query).mappings()]

    def enter_measure(self, round_id: int, code: str, office: str | None, who: str, data: dict[str, Any],
                      seen: int) -> int:
        """Record a measure of ``code`` over version ``seen`` (0: none yet); Conflict if someone else came first."""
        try:
            with self.engine.begin() as db:
                event_id = self._record(db, MEASURE, who, round_id, code, office, data)
                if seen:
                    moved = db.execute(update(heads).where(heads.c.round_id == round_id, heads.c.code == code,
                                                           heads.c.event_id == seen).values(event_id=event_id)).rowcount
                    if not moved:
                        raise _Stale()
                else:
                    db.execute(insert(heads).values(round_id=round_id, code=code, event_id=event_id))
        except (_Stale, IntegrityError):  # the whole transaction, event included, was rolled back
            raise Conflict(self.latest_measures(round_id)[code]) from None
        return event_id

    def latest_measures(self, round_id: int) -> dict[str, Event]:
        """The latest measure event of each indicator in the round."""
        query = (select(events).join(heads, heads.c.event_id == events.c.id).where(heads.c.round_id == round_id))
        with self.engine.connect() as db:
            return {row["subject"]: _event(row) for row in db.execute(query).mappings()}

    def version(self, kinds: tuple[str, ...] = ()) -> int:
        """The id of the latest event (of ``kinds``, if given): changes whenever such an event is recorded."""
        query = select(events.c.id).order_by(events.c.id.desc()).limit(1)
        if kinds:
            query = query.where(events.c.kind.in_(kinds))
        with self.engine.connect() as db:
            return db.execute(query).scalar() or 0

    # ------------------------------------------------------------ attachments

    def add_file(self, round_id: int, code: str, name: str, mimetype: str, content: bytes, who: str, office: str | None) -> int:
        with self.engine.begin() as db:
            file_id = _new_id(db.execute(insert(files).values(round_id=round_id, code=code, name=name, mimetype=mimetype,
                                                              size=len(content), content=content, who=who, at=now())))
            self._record(db, "allegato", who, round_id, code, office, {"allegato": file_id, "nome": name, "byte": len(content)})
        return file_id

    def files(self, round_id: int, code: str) -> list[Attachment]:
        columns = [c for c in files.c if c.name != "content"]
        query = select(*columns).where(files.c.round_id == round_id, files.c.code == code).order_by(files.c.id)
        with self.engine.connect() as db:
            return [Attachment(**row) for row in db.execute(query).mappings()]

    def file(self, file_id: int) -> tuple[Attachment, bytes] | None:
        with self.engine.connect() as db:
            row = db.execute(select(files).where(files.c.id == file_id)).mappings().first()
        if row is None:
            return None
        content = row["content"]
        return Attachment(**{k: v for k, v in row.items() if k != "content"}), content


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key a single-row INSERT gave its row (SQLAlchemy types it optional, for other statements)."""
    key = result.inserted_primary_key
    assert key is not None  # an insert of one row into a table with an autoincrement key
    return int(key[0])


def _event(row) -> Event:
    return Event(**{**row, "data": json.loads(row["data"])})
