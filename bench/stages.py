"""One benchmark stage on one generated plan size, in this process; prints a JSON line.

    python bench/stages.py STAGE SIZE

Stages: carica (read plan YAML and measures CSV), valuta-interno, valuta-durable,
narrativa, allegato, importa (read back the generated annex), and the two baselines:
ciclo (a plain Python loop doing the same comparisons as the evaluation) and
tabella (a minimal python-docx table of the same size as the annex).
Inputs are prepared before the clock starts; ``mb`` is the growth of the process's
peak memory during the stage.
"""

from __future__ import annotations

import io
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import generate  # noqa: E402

from piao_rules.engine.evaluate import evaluate  # noqa: E402
from piao_rules.engine.rulebook import load_rulebook  # noqa: E402
from piao_rules.io import load_measures, load_plan, write_measures, write_plan  # noqa: E402

AS_OF = date(2023, 6, 30)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _inputs(size: int):
    plan = generate.plan(size)
    return plan, generate.measures(plan, AS_OF)


def _evaluated(size: int, engine: str = "interno"):
    plan, measures = _inputs(size)
    rulebook = load_rulebook()
    return evaluate(plan, measures, AS_OF, rulebook=rulebook, engine=engine), rulebook


def prepare(stage: str, size: int) -> Callable[[], object]:
    """The work of ``stage``, with its inputs ready; calling it is what gets timed."""
    if stage == "carica":
        folder = Path(tempfile.mkdtemp())
        plan, measures = _inputs(size)
        write_plan(plan, folder / "piano.yaml")
        write_measures(measures, folder / "misure.csv")
        return lambda: (load_plan(folder / "piano.yaml"), load_measures(folder / "misure.csv"))
    if stage.startswith("valuta-"):
        plan, measures = _inputs(size)
        rulebook = load_rulebook()
        return lambda: evaluate(plan, measures, AS_OF, rulebook=rulebook, engine=stage.removeprefix("valuta-"))
    if stage == "ciclo":
        evaluation, _ = _evaluated(size)
        pairs = [(i.measure.value, i.target.value, i.target.lower_is_better) for i in evaluation.indicators
                 if i.measure is not None and i.target is not None and i.target.value is not None
                 and i.measure.value is not None and not isinstance(i.measure.value, (bool, date))]

        def loop():
            return [min(100, value / target * 100) if target and not lower else (100 if value <= target else 0)
                    for value, target, lower in pairs]

        return loop
    if stage == "narrativa":
        from piao_rules.narrative import narrate

        evaluation, _ = _evaluated(size)
        return lambda: narrate(evaluation)
    if stage in ("allegato", "importa"):
        from piao_rules.documents.annex import AnnexRequest, build_annex
        from piao_rules.narrative import narrate

        evaluation, rulebook = _evaluated(size)
        request = AnnexRequest(evaluation, rulebook, narratives=narrate(evaluation))
        if stage == "allegato":
            return lambda: build_annex(request)
        from piao_rules.importing.files import import_file

        path = Path(tempfile.mkdtemp()) / "allegato.docx"
        path.write_bytes(build_annex(request))
        return lambda: import_file(path)
    if stage == "tabella":
        import docx

        rows = [(f"K{n}", f"Indicatore generato {n}", "≥ 70%", "80%", "Raggiunto") for n in range(size)]

        def table():
            document = docx.Document()
            grid = document.add_table(rows=1, cols=5)
            for cell, text in zip(grid.rows[0].cells, ("Codice", "Indicatore", "Target", "Valore", "Stato")):
                cell.text = text
            for row in rows:
                for cell, text in zip(grid.add_row().cells, row):
                    cell.text = text
            document.save(io.BytesIO())

        return table
    raise SystemExit(f"fase sconosciuta: {stage}")


def main(stage: str, size: int) -> None:
    work = prepare(stage, size)
    before = _peak_mb()
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(json.dumps({"stage": stage, "size": size, "seconds": seconds, "mb": max(0.0, _peak_mb() - before),
                      "peak_mb": _peak_mb()}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
