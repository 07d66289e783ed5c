"""Read the archived years back as each indicator's earlier targets and actuals.

Indicators are matched across years by code. Codes are labels, not keys: when a code changed,
the plan's ``codice_precedente`` or the file ``codici.yaml`` in the history folder
(``codice_attuale: codice_precedente`` or a list of earlier codes) names the old one.
"""

from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path
from typing import Union

from pydantic import RootModel, ValidationError

from piao_rules.engine.past import PastYear
from piao_rules.engine.result import Evaluation, IndicatorResult
from piao_rules.errors import InputError, Problem, Problems, Severity
from piao_rules.history.archive import EVALUATION
from piao_rules.io import tables, yamlfile
from piao_rules.io.files import read_bytes
from piao_rules.io.model import Plan
from piao_rules.io.places import YamlPlaces
from piao_rules.io.validation import validate

CODES = "codici.yaml"
SAME_NAME = 0.6  # similarity below which the name of a matched indicator is reported as changed
YEAR = re.compile(r"^\d{4}$")


class CodeMap(RootModel[dict[str, Union[str, list[str]]]]):
    """``codici.yaml``: today's code → the code (or codes) it had in earlier years."""

    def earlier(self, code: str) -> list[str]:
        found = self.root.get(code, [])
        return [found] if isinstance(found, str) else list(found)


def _code_map(folder: Path, plan: Plan, problems: list[Problem]) -> CodeMap:
    path = folder / CODES
    if not path.exists():
        return CodeMap({})
    found = Problems(path)
    content, root = yamlfile.parse(tables.decode(path, read_bytes(path), found), path)
    places = YamlPlaces(str(path), content, yamlfile.line_finder(root))
    codes = validate(CodeMap, content if content is not None else {}, places)
    known = {i.code for _, _, i in plan.indicators()}
    for code in codes.root:
        if code not in known:
            problems.append(Problem(
                file=str(path), where=code, severity=Severity.WARNING,
                message=f"«{code}» non è un indicatore del piano {plan.year}: la corrispondenza è ignorata",
            ))
    return codes


def _same_name(earlier: str, today: str) -> bool:
    """Names may be reworded from year to year; a very different name suggests a code reused for another indicator."""
    a, b = " ".join(earlier.casefold().split()), " ".join(today.casefold().split())
    return a == b or SequenceMatcher(None, a, b).ratio() >= SAME_NAME


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _read_year(path: Path, year: int) -> Evaluation:
    try:
        evaluation = Evaluation.model_validate_json(read_bytes(path))
    except ValidationError:
        raise InputError.single(
            path, "non è una valutazione archiviata da piao-rules: rigenerarla con «piao-rules archivia»"
        ) from None
    if evaluation.year != year:
        raise InputError.single(
            path, f"la valutazione è dell'anno {evaluation.year} ma si trova nella cartella {year}: spostarla in «{evaluation.year}»"
        )
    return evaluation


def _past_year(evaluation: Evaluation, result: IndicatorResult) -> PastYear:
    measure = result.measure
    value = measure.value if measure is not None and isinstance(measure.value, Decimal) else None
    percent = bool(measure is not None and measure.percent) or (result.target is not None and result.target.unit == "%")
    return PastYear(
        year=evaluation.year, as_of=evaluation.as_of, final=evaluation.final, code=result.code,
        target_text=result.target_text, value=value, percent=percent,
        shown=result.explanation.inputs.get("valore", "n.d."), status=result.status.value, achievement=result.achievement,
    )


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise InputError.single(folder, "cartella dello storico non trovata: indicare la cartella che contiene le cartelle degli anni (es. storico/)")


def _earlier_years(folder: Path, plan: Plan, problems: list[Problem]) -> list[Evaluation]:
    """The archived evaluations of the years before ``plan.year``, oldest first."""
    _check_folder(folder)
    years: list[Evaluation] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and YEAR.match(p.name)):
        if int(sub.name) >= plan.year:
            continue
        path = sub / EVALUATION
        if not path.exists():
            problems.append(Problem(file=str(sub), severity=Severity.WARNING,
                                    message=f"manca {EVALUATION}: l'anno {sub.name} è ignorato (archiviarlo con «piao-rules archivia»)"))
            continue
        years.append(_read_year(path, int(sub.name)))
    return years


def read_area_trend(folder: str | Path, plan: Plan) -> dict[str, list[tuple[int, Decimal | None]]]:
    """Each area of ``plan`` (by code) with its degree of achievement at the end of each archived year."""
    years = [e for e in _earlier_years(Path(folder), plan, []) if e.final]
    trend: dict[str, list[tuple[int, Decimal | None]]] = {}
    for area in plan.areas:
        found = [(e.year, next(a.achievement for a in e.areas if a.code == area.code)) for e in years
                 if any(a.code == area.code for a in e.areas)]
        if found:
            trend[area.code] = found
    return trend


def read_history(folder: str | Path, plan: Plan) -> tuple[dict[str, list[PastYear]], list[Problem]]:
    """Each indicator of ``plan`` (by today's code) with its archived years before ``plan.year``, oldest first."""
    folder = Path(folder)
    problems: list[Problem] = []
    _check_folder(folder)
    codes = _code_map(folder, plan, problems)
    years = _earlier_years(folder, plan, problems)
    history: dict[str, list[PastYear]] = {}
    for _, _, indicator in plan.indicators():
        candidates = [indicator.code, *([indicator.previous_code] if indicator.previous_code else []), *codes.earlier(indicator.code)]
        found = []
        for evaluation in years:
            code = next((c for c in candidates if evaluation.has_indicator(c)), None)
            if code is not None:
                earlier = evaluation.indicator(code)
                if not _same_name(earlier.name, indicator.name):
                    problems.append(Problem(
                        file=str(folder / str(evaluation.year) / EVALUATION), where=code, severity=Severity.WARNING,
                        message=f"nel {evaluation.year} l'indicatore {code} si chiamava «{_short(earlier.name)}», oggi "
                                f"{indicator.code} è «{_short(indicator.name)}»: se non è lo stesso indicatore, correggere "
                                f"il codice o la corrispondenza ({CODES}, codice_precedente)",
                    ))
                found.append(_past_year(evaluation, earlier))
        if found:
            history[indicator.code] = found
    return history, problems
