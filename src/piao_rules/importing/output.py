"""Write what was imported: the plan as YAML with the source of each indicator, the measures, the report."""

from __future__ import annotations

from pathlib import Path

from piao_rules import atomic
from piao_rules.importing.build import Built
from piao_rules.importing.records import Origin
from piao_rules.importing.report import Report
from piao_rules.io import write_measures, write_plan, yamlfile
from piao_rules.io.files import file_format
from piao_rules.io.model import Plan
from piao_rules.io.plans import plan_data


def plan_yaml(plan: Plan, origins: dict[str, Origin], source: str) -> str:
    """The plan's YAML with a comment «# fonte: tabella 3, riga 7» above each indicator."""
    text = yamlfile.dump(plan_data(plan))
    _, root = yamlfile.parse(text, "")
    line_of = yamlfile.line_finder(root)
    comments: dict[int, str] = {}
    for area_index, area in enumerate(plan.areas):
        for index, objective in enumerate(area.objectives):
            _comment_indicators(objective, ("aree", area_index, "obiettivi", index), origins, line_of, comments)
    lines = text.splitlines()
    for line_number in sorted(comments, reverse=True):
        line = lines[line_number - 1]
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(line_number - 1, f"{indent}# fonte: {comments[line_number]}")
    header = [
        f"# Piano importato da {source} con «piao-rules importa».",
        "# Controllare il rapporto dell'importazione; ogni indicatore indica la tabella e la riga da cui è stato letto.",
    ]
    return "\n".join(header + lines) + "\n"


def _comment_indicators(objective, loc, origins, line_of, comments) -> None:
    for index, indicator in enumerate(objective.indicators):
        origin = origins.get(indicator.code)
        line = line_of((*loc, "indicatori", index))
        if origin is not None and line is not None:
            comments[line] = str(origin)
    for index, child in enumerate(objective.objectives):
        _comment_indicators(child, (*loc, "obiettivi", index), origins, line_of, comments)


def measures_path_for(plan_path: Path) -> Path:
    """«misure.csv» beside the plan."""
    return plan_path.with_name("misure.csv")


def write_outputs(built: Built, report: Report, plan_path: Path, measures_path: Path | None, source: str,
                  report_path: Path | None = None) -> list[Path]:
    """Write the plan (YAML with comments, or CSV/xlsx by extension), the measures and the report.

    The extensions are checked first: a wrong one writes nothing."""
    file_format(plan_path)
    if built.measures is not None:
        file_format(measures_path or measures_path_for(plan_path))
    written = []
    if plan_path.suffix.lower() in (".yaml", ".yml"):
        atomic.write_text(plan_path, plan_yaml(built.plan, built.origins, source))
    else:
        write_plan(built.plan, plan_path)
    written.append(plan_path)
    if built.measures is not None:
        target = measures_path or measures_path_for(plan_path)
        write_measures(built.measures, target)
        written.append(target)
    if report_path is not None:
        atomic.write_text(report_path, report.text())
        written.append(report_path)
    return written
