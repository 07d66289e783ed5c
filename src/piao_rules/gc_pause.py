"""Pause Python's cyclic garbage collector while a large batch of objects is built.

Loading, evaluating, narrating, writing or importing a plan of thousands of
indicators allocates hundreds of thousands of small objects that live until the
end of the step; the collector would walk the whole growing heap again and again
(a quarter to a half of the time on large plans). Reference counting still frees
everything as usual; cycles left behind are collected by the next full collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Within the block (or the decorated function) the collector does not run; nested
    uses are fine, and it is switched back on only if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # The objects made meanwhile join the oldest generation as they are, instead of being
            # walked by the next young collection: they are mostly the step's long-lived result.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
