"""The collector pauses during large steps and is always switched back on."""

import gc

import pytest

from piao_rules.gc_pause import gc_paused


def test_the_collector_pauses_and_resumes_even_after_an_error():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves the outer pause alone
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycles_made_during_the_pause_are_collected_afterwards():
    import weakref

    class Node:
        pass

    with gc_paused():
        node = Node()
        node.self = node
        alive = weakref.ref(node)
        del node
    gc.collect()
    assert alive() is None and gc.get_freeze_count() == 0


def test_the_long_steps_run_without_a_single_collection():
    from datetime import date
    from pathlib import Path

    from piao_rules.engine.evaluate import evaluate
    from piao_rules.io import load_measures, load_plan
    from piao_rules.narrative import narrate

    example = Path(__file__).resolve().parents[1] / "examples" / "cuneo"
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        plan, _ = load_plan(example / "piano.yaml")
        measures, _ = load_measures(example / "misure-2023-06-30.csv")
        evaluation = evaluate(plan, measures, date(2023, 6, 30), engine="interno")
        narrate(evaluation)
    finally:
        gc.callbacks.remove(count)
    assert collections == []  # a decorator moved off one of these steps would let the collector run again
