"""The checks of ``piao-rules verifica`` on an imported plan, named by the document's tables and rows."""

from __future__ import annotations

from piao_rules.errors import Problem
from piao_rules.importing.build import Built
from piao_rules.io import checks
from piao_rules.io.places import Loc, PathPlaces, Place, readable_path
from piao_rules.targets import checks as target_checks


class DocumentPlaces(PathPlaces):
    """«tabella 1, riga 11 (aree[A1].obiettivi[O07].peso)»: the row an entity was read from, then its path."""

    def __init__(self, file: str, data: object, origins: dict[Loc, str]):
        super().__init__(file, data)
        self.origins = origins

    def place(self, loc: Loc) -> Place:
        path = readable_path(self.data, loc)
        for size in range(len(loc), 0, -1):
            origin = self.origins.get(tuple(loc[:size]))
            if origin:
                return Place(where=f"{origin} ({path})" if path else origin, field=loc[-1] if loc else None)
        return Place(where=path, field=loc[-1] if loc else None)


def _plan_places(built: Built, file: str) -> DocumentPlaces:
    origins: dict[Loc, str] = {}

    def objective(item, loc: Loc) -> None:
        origins[loc] = str(built.objective_origins.get(item.code, ""))
        for index, indicator in enumerate(item.indicators):
            origins[loc + ("indicatori", index)] = str(built.origins.get(indicator.code, ""))
        for index, child in enumerate(item.objectives):
            objective(child, loc + ("obiettivi", index))

    for area_index, area in enumerate(built.plan.areas):
        origins[("aree", area_index)] = str(built.area_origins.get(area.code, ""))
        for index, item in enumerate(area.objectives):
            objective(item, ("aree", area_index, "obiettivi", index))
    return DocumentPlaces(file, built.plan.model_dump(by_alias=True), origins)


def _measure_places(built: Built, file: str) -> DocumentPlaces | None:
    if built.measures is None:
        return None
    origins = {("misure", index): str(built.origins.get(m.code, "")) for index, m in enumerate(built.measures.measures)}
    return DocumentPlaces(file, built.measures.model_dump(by_alias=True), origins)


def check_import(built: Built, file: str) -> tuple[list[Problem], list[Problem]]:
    """(weights that do not add up, every other problem verifica finds) on the imported plan and measures."""
    subject = checks.Subject(built.plan, built.measures, _plan_places(built, file), _measure_places(built, file))
    weights = checks.weights(subject)
    others = [problem for run in (*checks.CHECKS, *target_checks.CHECKS) if run is not checks.weights
              for problem in run(subject)]
    return weights, others
