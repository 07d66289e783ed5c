"""``piao-rules portale``: the multi-user web portal of a monitoring round.

Offices enter their measures, the controller reviews flags and runs the round, the
OIV and the Segretario read and comment. Everything written is an event in an
append-only register (who, when, what); the evaluation is the library API's
(:func:`piao_rules.monitoring.monitor`) on the latest entries. Needs the ``portale``
extra (SQLAlchemy, Alembic, argon2-cffi, Flask-WTF, Flask-Login).
"""
