"""Who may use which page: every route of the portal, for every role and for someone not logged in."""

from __future__ import annotations

import io

import pytest
from portal_helpers import copy, logged_in, seeded, token

from piao_rules.portal.auth import PERMISSIONS, PUBLIC

ROLES = {"ufficio": "ufficio01", "controllo": "controllo", "oiv": "oiv", "segretario": "segretario"}  # ufficio01: DIRIGENTE
OWN, FOREIGN = "O01-2", "O06-1"  # DIRIGENTE's indicator and another office's


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("accessi")
    app = copy(seeded(folder / "modello"), folder / "dati")
    items = app.extensions["piao_portal"].items
    assert items[OWN].office == "DIRIGENTE" and items[FOREIGN].office != "DIRIGENTE"
    controller = logged_in(app, "controllo")
    for code in (OWN, FOREIGN):
        controller.post(f"/misure/{code}/allegati", data={"csrf_token": token(controller), "file": (io.BytesIO(b"x"), f"{code}.txt")},
                        content_type="multipart/form-data")
    return app


def attachment(app, code: str) -> int:
    store = app.extensions["piao_portal"].store
    return store.files(store.current_round().id, code)[0].id


def routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def url(app, rule, code: str = OWN) -> str:
    values = {"code": code, "file_id": attachment(app, code)}
    with app.test_request_context():
        from flask import url_for
        return url_for(rule.endpoint, **{k: values[k] for k in rule.arguments})


def call(client, method: str, path: str):
    if method == "GET":
        return client.get(path)
    return client.post(path, data={"csrf_token": token(client, "/accesso"), "testo": "prova", "versione": "0"})


def test_every_route_has_its_roles_and_every_rule_a_route(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(PERMISSIONS)


@pytest.mark.parametrize("role", [None, *ROLES])
def test_every_route_for_every_role(app, role):
    checked = 0
    client = app.test_client() if role is None else logged_in(app, ROLES[role])  # argon2 is slow: log in once
    for rule, method in routes(app):
        allowed = PERMISSIONS[rule.endpoint]
        answer = call(client, method, url(app, rule))
        if rule.endpoint == "logout" and role is not None:
            client = logged_in(app, ROLES[role])
        where = f"{method} {rule.rule} come {role or 'anonimo'}: {answer.status_code}"
        assert answer.status_code < 500, where
        if allowed is PUBLIC:
            assert answer.status_code != 403 and "/accesso" not in answer.headers.get("Location", "x"), where
        elif role is None:
            assert answer.status_code == 302 and answer.headers["Location"].startswith("/accesso"), where
        elif role in allowed:
            assert answer.status_code != 403, where
        else:
            assert answer.status_code == 403, where
        checked += 1
    assert checked == sum(1 for _ in routes(app))


@pytest.mark.parametrize("endpoint", ["indicator", "enter", "comment", "upload", "attachment"])
def test_an_office_is_refused_another_offices_indicator(app, endpoint):
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    method = "POST" if "POST" in rule.methods else "GET"
    desk = logged_in(app, ROLES["ufficio"])
    assert call(desk, method, url(app, rule, FOREIGN)).status_code == 403
    assert call(desk, method, url(app, rule, OWN)).status_code != 403
