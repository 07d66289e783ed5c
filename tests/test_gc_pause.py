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
