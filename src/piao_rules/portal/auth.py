"""Accounts and permissions: argon2 password hashes, the logged-in user, which role may use which page."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin

from piao_rules.portal.store import User

OFFICE, CONTROLLER, OIV, SECRETARY = "ufficio", "controllo", "oiv", "segretario"
EVERYONE = frozenset({OFFICE, CONTROLLER, OIV, SECRETARY})
READERS = frozenset({CONTROLLER, OIV, SECRETARY})
PUBLIC: frozenset[str] = frozenset()  # pages open without logging in

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
    "rectify": frozenset({CONTROLLER}),
    "round": frozenset({CONTROLLER}),
    "open_round": frozenset({CONTROLLER}),
    "close_round": frozenset({CONTROLLER}),
    "remind": frozenset({CONTROLLER}),
    "template": frozenset({OFFICE, CONTROLLER}),
    "import_template": frozenset({OFFICE, CONTROLLER}),
    "register": READERS,
    "journal": READERS,
    "measures_file": READERS,
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


class Throttle:
    """Refuse logins to a name after ``limit`` failures within ``window`` seconds, until the window has passed."""

    def __init__(self, limit: int = 5, window: float = 300, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, name: str) -> list[float]:
        now = self.clock()
        found = [t for t in self._failures.get(name, []) if now - t < self.window]
        self._failures[name] = found
        return found

    def blocked(self, name: str) -> bool:
        with self._lock:
            return len(self._recent(name)) >= self.limit

    def failed(self, name: str) -> None:
        with self._lock:
            self._recent(name).append(self.clock())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)
