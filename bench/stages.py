"""One benchmark stage on one generated plan size, in this process; prints a JSON line.

    python bench/stages.py STAGE SIZE

Stages: carica (read plan YAML and measures CSV), lettura (the same files read plainly:
yaml CSafeLoader and csv, the floor for carica), valuta-interno, valuta-durable,
narrativa, allegato, importa (read back the generated annex), comando-valuta (the whole
``piao-rules valuta`` command in a subprocess, from its start to its table printed to a pipe;
``mb`` is then the command's peak memory), and the baselines:
ciclo (``floor_loop``: a plain Python loop reading the target and measure texts with two
regular expressions and picking one of four statuses, a floor that skips most of the work),
ciclo-pari (``reference.same_work_loop``: a plain Python loop doing the same parsing,
comparisons, pacing and statuses as the evaluation, with the same results) and
tabella (a minimal python-docx table of the same size as the annex).
Inputs are prepared before the clock starts; ``mb`` is the growth of the process's
peak memory during the stage.
"""

from __future__ import annotations

import csv
import io
import json
import re
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


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _inputs(size: int):
    plan = generate.plan(size)
    return plan, generate.measures(plan, AS_OF)


def _evaluated(size: int, engine: str = "interno"):
    plan, measures = _inputs(size)
    rulebook = load_rulebook()
    return evaluate(plan, measures, AS_OF, rulebook=rulebook, engine=engine), rulebook


_TARGET_NUMBER = re.compile(r"(<=|>=|≤|≥|<|>)?\s*(\d+(?:,\d+)?)\s*(%?)")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _raw_measure(measure) -> tuple[str | None, str | None, str | None]:
    """A measure as the text a CSV cell holds: value, progress, completion date."""
    if measure is None:
        return None, None, None
    value = measure.value
    text = None if value is None or isinstance(value, (bool, date)) else str(value).replace(".", ",")
    done = measure.completed_on.strftime("%d/%m/%Y") if measure.completed_on else None
    return text, None if measure.progress is None else str(measure.progress), done


def _day(text: str) -> date:
    day, month, year = _DATE.search(text).groups()
    return date(int(year), int(month), int(day))


def plain_reading(plan: Path, measures: Path) -> tuple[object, list[dict[str, str]]]:
    """The floor loading is compared with: the same files read as fast as plain Python can
    (libyaml's CSafeLoader, the csv module), without checks or models."""
    import yaml

    with plan.open(encoding="utf-8") as text:
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    with measures.open(encoding="utf-8-sig", newline="") as text:
        delimiter = ";" if ";" in text.readline() else ","
        text.seek(0)
        rows = list(csv.DictReader(text, delimiter=delimiter))
    return data, rows


def floor_loop(rows: list[tuple[str, tuple[str | None, str | None, str | None]]]) -> list[tuple[float | None, str]]:
    """A floor, not the same work: per indicator, read the target text and the measure text, compare
    them and pick a status, in plain Python with no caching (it ignores soglie, components, references
    and pace: its status agrees with the engine's for a quarter of a generated plan's indicators at 30/06)."""
    results = []
    for target, (value, progress, done) in rows:
        if _DATE.search(target):
            degree = None if done is None else (100.0 if _day(done) <= _day(target) else 0.0)
        else:
            found = _TARGET_NUMBER.search(target)
            if found is None or value is None:
                degree = None if progress is None else float(progress)
            else:
                goal, measured = float(found[2].replace(",", ".")), float(value.replace(",", "."))
                if found[1] in ("<=", "≤", "<"):
                    degree = 100.0 if measured <= goal else 0.0
                else:
                    degree = min(100.0, measured / goal * 100) if goal else 100.0
        status = ("non_rilevabile" if degree is None else "raggiunto" if degree >= 100
                  else "a_rischio" if degree >= 60 else "non_raggiunto")
        results.append((degree, status))
    return results


def prepare(stage: str, size: int) -> Callable[[], object]:
    """The work of ``stage``, with its inputs ready; calling it is what gets timed."""
    if stage == "carica":
        folder = Path(tempfile.mkdtemp())
        plan, measures = _inputs(size)
        write_plan(plan, folder / "piano.yaml")
        write_measures(measures, folder / "misure.csv")
        return lambda: (load_plan(folder / "piano.yaml"), load_measures(folder / "misure.csv"))
    if stage == "lettura":
        folder = Path(tempfile.mkdtemp())
        plan, measures = _inputs(size)
        write_plan(plan, folder / "piano.yaml")
        write_measures(measures, folder / "misure.csv")
        return lambda: plain_reading(folder / "piano.yaml", folder / "misure.csv")
    if stage.startswith("valuta-"):
        plan, measures = _inputs(size)
        rulebook = load_rulebook()
        return lambda: evaluate(plan, measures, AS_OF, rulebook=rulebook, engine=stage.removeprefix("valuta-"))
    if stage == "ciclo":
        plan, measures = _inputs(size)
        latest = measures.at(AS_OF)
        rows = [(indicator.target_for(plan.year) or "", _raw_measure(latest.get(indicator.code)))
                for _, _, indicator in plan.indicators()]
        return lambda: floor_loop(rows)
    if stage == "ciclo-pari":
        from reference import same_work_loop

        plan, measures = _inputs(size)
        rulebook = load_rulebook()
        return lambda: same_work_loop(plan, measures, AS_OF, rulebook)
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
        from piao_rules import safety
        from piao_rules.importing.files import import_file

        # The zip-bomb guard refuses annexes above 64 MB of XML (about 30,000 indicators): lifted
        # here only, so that the importer's own speed can be measured at every size.
        safety.MAX_PART = safety.MAX_TOTAL = 2**40
        path = Path(tempfile.mkdtemp()) / "allegato.docx"
        path.write_bytes(build_annex(request))
        return lambda: import_file(path)
    if stage == "comando-valuta":  # the whole command in its own process, its table printed to a pipe
        import subprocess

        folder = Path(tempfile.mkdtemp())
        plan, measures = _inputs(size)
        write_plan(plan, folder / "piano.yaml")
        write_measures(measures, folder / "misure.csv")
        command = [sys.executable, "-m", "piao_rules", "valuta", str(folder / "piano.yaml"), str(folder / "misure.csv")]
        return lambda: subprocess.run(command, stdout=subprocess.PIPE, check=True)
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
    command = _peak_mb(resource.RUSAGE_CHILDREN)  # a stage that runs a command: the command's peak
    print(json.dumps({"stage": stage, "size": size, "seconds": seconds, "mb": max(0.0, _peak_mb() - before, command),
                      "peak_mb": max(_peak_mb(), command)}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
