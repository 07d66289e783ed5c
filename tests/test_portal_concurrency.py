"""50 offices entering at once lose nothing; writers racing on one indicator never overwrite each other unseen."""

from __future__ import annotations

import re
import threading
from datetime import date

import yaml
from argon2 import PasswordHasher
from portal_helpers import login, token

from piao_rules.portal.app import Settings, create_app
from piao_rules.portal.auth import CONTROLLER, OFFICE

OFFICES = 50
WRITES = 3


def plan_file(folder):
    objectives = [{"codice": f"O{n:02d}", "nome": f"Obiettivo {n}", "responsabile": f"Ufficio {n:02d}",
                   "indicatori": [{"codice": f"O{n:02d}-1", "nome": f"Pratiche evase {n}", "target": "≥ 100"}]}
                  for n in range(1, OFFICES + 1)]
    plan = {"ente": {"nome": "Camera di commercio di prova"}, "anno": 2023,
            "aree": [{"codice": "A", "nome": "Area unica", "obiettivi": objectives}]}
    path = folder / "piano.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    return path


def build(tmp_path, database: str | None = None):
    app = create_app(Settings(plan=plan_file(tmp_path), data=tmp_path / "dati", database=database, secret_key="prova"))
    store = app.extensions["piao_portal"].store
    secret = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("segreta")  # cheap to verify 60 times
    for n in range(1, OFFICES + 1):
        store.add_user(f"u{n:02d}", f"Ufficio {n:02d}", OFFICE, secret, office=f"Ufficio {n:02d}")
    for n in range(10):
        store.add_user(f"c{n}", f"Controllo {n}", CONTROLLER, secret)
    store.open_round(2023, date(2023, 6, 30), "c0")
    return app, store


def run(workers):
    errors: list[BaseException] = []

    def guarded(work):
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors[:3]
    assert not any(t.is_alive() for t in threads)


def version(client, code: str) -> str:
    return re.search(r'name="versione" value="(\d+)"', client.get(f"/misure/{code}").get_data(as_text=True)).group(1)


def test_fifty_offices_entering_at_once_lose_no_write(tmp_path, database=None):
    app, store = build(tmp_path, database)
    barrier = threading.Barrier(OFFICES)

    def office(n: int):
        client = app.test_client()
        assert login(client, f"u{n:02d}", "segreta").status_code == 302
        code = f"O{n:02d}-1"
        barrier.wait(timeout=120)
        for value in range(1, WRITES + 1):
            answer = client.post(f"/misure/{code}", data={"csrf_token": token(client, "/accesso"), "versione": version(client, code),
                                                          "valore": str(10 * n + value), "nota": f"scrittura {value}"})
            assert answer.status_code == 303, answer.get_data(as_text=True)[:500]

    run([lambda n=n: office(n) for n in range(1, OFFICES + 1)])
    round_ = store.current_round()
    assert len(store.events(kinds=("misura",))) == OFFICES * WRITES
    latest = store.latest_measures(round_.id)
    assert {code: e.data["valore"] for code, e in latest.items()} == {f"O{n:02d}-1": str(10 * n + WRITES) for n in range(1, OFFICES + 1)}
    evaluation = app.extensions["piao_portal"].monitoring(round_).evaluation
    assert all(i.measure is not None for i in evaluation.indicators) and len(evaluation.indicators) == OFFICES


def test_writers_racing_on_one_indicator_each_see_the_previous_write(tmp_path, database=None):
    app, store = build(tmp_path, database)
    done: list[int] = []
    lock = threading.Lock()

    def controller(n: int):
        client = app.test_client()
        assert login(client, f"c{n}", "segreta").status_code == 302
        for _ in range(100):  # bounded: give up after 100 conflicts
            answer = client.post("/misure/O01-1", data={"csrf_token": token(client, "/accesso"), "versione": version(client, "O01-1"),
                                                        "valore": str(n)})
            if answer.status_code == 303:
                with lock:
                    done.append(n)
                return
            assert answer.status_code == 409
        raise AssertionError(f"c{n} non è riuscito a scrivere")

    run([lambda n=n: controller(n) for n in range(10)])
    events = store.events(subject="O01-1", kinds=("misura",))
    assert sorted(done) == list(range(10)) and len(events) == 10  # refused writes left nothing behind
    assert store.latest_measures(store.current_round().id)["O01-1"].id == events[0].id
