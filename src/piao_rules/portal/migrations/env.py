"""Alembic environment: the connection is handed over by piao_rules.portal.store.upgrade."""

from alembic import context

from piao_rules.portal.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
