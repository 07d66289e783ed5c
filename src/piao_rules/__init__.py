"""piao-rules.

``piao_rules.monitor(plan, measures, as_of)`` is the library API (see :mod:`piao_rules.monitoring`);
it is imported on first use, so that ``import piao_rules`` stays light.
"""
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in ("monitor", "Monitoring"):
        import importlib

        return getattr(importlib.import_module("piao_rules.monitoring"), name)
    raise AttributeError(f"module 'piao_rules' has no attribute {name!r}")
