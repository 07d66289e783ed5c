"""Demo accounts and data: one account per role and per office, a round opened with the example's measures."""

from __future__ import annotations

from dataclasses import dataclass

from piao_rules.io.model import MeasureSet
from piao_rules.portal import entries
from piao_rules.portal.app import Portal
from piao_rules.portal.auth import CONTROLLER, OFFICE, OIV, SECRETARY, hash_password

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    office: str | None


def seed(portal: Portal, measures: MeasureSet | None) -> list[DemoUser]:
    """Create the demo accounts (password «demo») unless accounts exist; open a round with ``measures``."""
    store = portal.store
    if store.users():
        return []
    people = [DemoUser("controllo", CONTROLLER, None), DemoUser("oiv", OIV, None), DemoUser("segretario", SECRETARY, None)]
    people += [DemoUser(f"ufficio{n:02d}", OFFICE, office) for n, office in enumerate(portal.offices, start=1)]
    secret = hash_password(DEMO_PASSWORD)  # one hash for all: argon2 is slow on purpose
    names = {CONTROLLER: "Controllo di gestione (demo)", OIV: "OIV (demo)", SECRETARY: "Segretario generale (demo)"}
    for person in people:
        store.add_user(person.username, names.get(person.role, f"Ufficio {person.office} (demo)"), person.role, secret,
                       office=person.office, email=f"{person.username}@example.invalid")
    if measures is not None and measures.as_of is not None and measures.as_of.year == portal.plan.year:
        round_ = store.open_round(portal.plan.year, measures.as_of, "controllo")
        for found in measures.at(measures.as_of).values():
            item = portal.items.get(found.code)
            if item is not None:
                store.enter_measure(round_.id, found.code, item.office, "controllo", entries.form_values(found), 0)
    return people
