"""Accounts and permissions: argon2 password hashes, the logged-in user, which role may use which page."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin

from piao_rules.portal.store import User

OFFICE, CONTROLLER, OIV, SECRETARY = "ufficio", "controllo", "oiv", "segretario"
EVERYONE = frozenset({OFFICE, CONTROLLER, OIV, SECRETARY})
READERS = frozenset({CONTROLLER, OIV, SECRETARY})
PUBLIC = frozenset()  # pages open without logging in

# Endpoint → roles allowed. An endpoint missing here is refused to everyone (fail closed).
PERMISSIONS: dict[str, frozenset[str]] = {
    "login": PUBLIC,
    "style": PUBLIC,
    "logout": EVERYONE,
    "dashboard": EVERYONE,
    "measures": EVERYONE,
    "indicator": EVERYONE,  # an office sees only its own indicators
    "enter": frozenset({OFFICE, CONTROLLER}),
    "comment": EVERYONE,
    "upload": frozenset({OFFICE, CONTROLLER}),
    "attachment": EVERYONE,
    "flags": EVERYONE,  # an office sees only its own flags
    "decide": frozenset({CONTROLLER}),
    "round": frozenset({CONTROLLER}),
    "open_round": frozenset({CONTROLLER}),
    "close_round": frozenset({CONTROLLER}),
    "remind": frozenset({CONTROLLER}),
    "template": frozenset({OFFICE, CONTROLLER}),
    "import_template": frozenset({OFFICE, CONTROLLER}),
    "register": READERS,
    "documents": READERS,
    "annex": READERS,
    "deliberation": frozenset({CONTROLLER, SECRETARY}),
}

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


class Account(UserMixin):
    """The logged-in person, as Flask-Login sees them."""

    def __init__(self, user: User):
        self.user = user
        self.id = str(user.id)

    @property
    def role(self) -> str:
        return self.user.role

    def sees(self, office: str) -> bool:
        """Whether this person may see and act on the indicators of ``office``."""
        return self.user.role != OFFICE or self.user.office == office
