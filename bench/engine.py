"""Evaluation speed and memory on generated plans, both engines.

    PYTHONPATH=src python bench/engine.py [1000 10000 50000]

Prints, per size and engine, the evaluation time (plan and measures already in
memory), the peak memory of a separate process, and the growth factor per 10×.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def measure(size: int, engine: str) -> dict:
    """Run one evaluation in a fresh process and report its time and peak memory."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from datetime import date
import generate
from piao_rules.engine.evaluate import evaluate
plan = generate.plan({size}); measures = generate.measures(plan)
start = time.perf_counter()
result = evaluate(plan, measures, date(2023, 6, 30), engine={engine!r})
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "flags": len(result.flags)}}))
"""
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(output)


def main(sizes: list[int]) -> None:
    print(f"{'indicatori':>10} {'motore':>8} {'secondi':>8} {'µs/ind.':>8} {'memoria MB':>10} {'crescita ×10':>12}")
    previous: dict[str, float] = {}
    for size in sizes:
        for engine in ("interno", "durable"):
            row = measure(size, engine)
            growth = ""
            if engine in previous and size == 10 * previous[engine][0]:
                growth = f"{row['seconds'] / previous[engine][1]:.1f}"
            previous[engine] = (size, row["seconds"])
            print(f"{size:>10} {engine:>8} {row['seconds']:>8.2f} {row['seconds'] / size * 1e6:>8.0f} {row['peak_mb']:>10.0f} {growth:>12}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000, 50000])
