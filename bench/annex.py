"""Time and memory of the Word annex on generated plans.

    PYTHONPATH=src python bench/annex.py [100 1000 5000]

For each size a fresh process generates the plan and the measures
(bench/generate.py), evaluates them with the built-in engine and builds the
annex; it prints the evaluation time and, apart, the document time (the
subject of this bench), the size of the .docx and the peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(size: int) -> dict:
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(HERE)!r})
from datetime import date
import generate
from piao_rules.documents.annex import AnnexRequest, build_annex
from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.rulebook import load_rulebook
plan = generate.plan({size}); measures = generate.measures(plan)
rulebook = load_rulebook()
start = time.perf_counter()
evaluation = evaluate(plan, measures, date(2023, 6, 30), rulebook=rulebook, engine="interno")
evaluated = time.perf_counter()
data = build_annex(AnnexRequest(evaluation, rulebook))
done = time.perf_counter()
print(json.dumps({{"evaluation": evaluated - start, "document": done - evaluated, "kb": len(data) / 1024,
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(output)


def main(sizes: list[int]) -> None:
    print(f"{'indicatori':>10} {'valutazione s':>13} {'documento s':>11} {'ms/ind.':>8} {'docx KB':>8} {'memoria MB':>10}")
    for size in sizes:
        row = measure(size)
        print(f"{size:>10} {row['evaluation']:>13.2f} {row['document']:>11.2f} {row['document'] / size * 1e3:>8.2f} "
              f"{row['kb']:>8.0f} {row['peak_mb']:>10.0f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])
