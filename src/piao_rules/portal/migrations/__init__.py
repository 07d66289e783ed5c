"""Alembic migrations of the portal's database, run at start by :func:`piao_rules.portal.store.upgrade`."""
