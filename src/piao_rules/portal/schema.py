"""The portal's tables (SQLAlchemy core). Changes go through a new Alembic revision in ``migrations/versions``."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

users = Table(
    "utenti", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("office", String(200)),
    Column("email", String(200)),
    Column("password_hash", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
)

rounds = Table(
    "giri", metadata,
    Column("id", Integer, primary_key=True),
    Column("year", Integer, nullable=False),
    Column("as_of", Date, nullable=False),
    Column("opened_by", String(80), nullable=False),
    Column("opened_at", String(40), nullable=False),
    Column("closed_by", String(80)),
    Column("closed_at", String(40)),
)

# The register: append-only (triggers refuse UPDATE and DELETE). ``data`` is JSON.
events = Table(
    "registro", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", Integer, ForeignKey("giri.id")),
    Column("kind", String(30), nullable=False, index=True),
    Column("subject", String(120), index=True),
    Column("office", String(200)),
    Column("who", String(80), nullable=False),
    Column("at", String(40), nullable=False),
    Column("data", Text, nullable=False),
)

# The latest measure event of each indicator in a round: a compare-and-set index over the register.
heads = Table(
    "ultime_misure", metadata,
    Column("round_id", Integer, ForeignKey("giri.id"), primary_key=True),
    Column("code", String(120), primary_key=True),
    Column("event_id", Integer, ForeignKey("registro.id"), nullable=False),
)

files = Table(
    "allegati", metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("giri.id"), nullable=False),
    Column("code", String(120), nullable=False, index=True),
    Column("name", String(255), nullable=False),
    Column("mimetype", String(120), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("who", String(80), nullable=False),
    Column("at", String(40), nullable=False),
)
