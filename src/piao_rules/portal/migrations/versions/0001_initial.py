"""The first tables: users, rounds, the append-only register, latest measures, attachments.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

REFUSAL = "il registro si può solo estendere: nessuna riga può essere modificata o cancellata"


def upgrade() -> None:
    op.create_table(
        "utenti",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(80), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("office", sa.String(200)),
        sa.Column("email", sa.String(200)),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "giri",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("opened_by", sa.String(80), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("closed_by", sa.String(80)),
        sa.Column("closed_at", sa.String(40)),
    )
    op.create_table(
        "registro",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("giri.id")),
        sa.Column("kind", sa.String(30), nullable=False, index=True),
        sa.Column("subject", sa.String(120), index=True),
        sa.Column("office", sa.String(200)),
        sa.Column("who", sa.String(80), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "ultime_misure",
        sa.Column("round_id", sa.Integer, sa.ForeignKey("giri.id"), primary_key=True),
        sa.Column("code", sa.String(120), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("registro.id"), nullable=False),
    )
    op.create_table(
        "allegati",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("round_id", sa.Integer, sa.ForeignKey("giri.id"), nullable=False),
        sa.Column("code", sa.String(120), nullable=False, index=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("mimetype", sa.String(120), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("who", sa.String(80), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER registro_no_{action.lower()} BEFORE {action} ON registro "
                       f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")
    elif dialect == "postgresql":
        op.execute(f"CREATE FUNCTION registro_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '{REFUSAL}'; "
                   "END; $$ LANGUAGE plpgsql")
        op.execute("CREATE TRIGGER registro_append_only BEFORE UPDATE OR DELETE ON registro "
                   "FOR EACH ROW EXECUTE FUNCTION registro_append_only()")


def downgrade() -> None:
    for name in ("allegati", "ultime_misure", "registro", "giri", "utenti"):
        op.drop_table(name)
