"""Input and output of the plan and the measures: YAML, CSV and xlsx, with located Italian errors.

Public API::

    load_plan(path) -> (Plan, warnings)             # raises InputError on errors
    load_measures(path, as_of=None) -> (MeasureSet, warnings)
    write_plan(plan, path), write_measures(measure_set, path)   # by extension, atomic
    checks.check(plan, measures=None) -> problems   # structural checks

``read_plan``/``read_measures`` return also where each part came from, so that
checks can name rows and lines.
"""

from piao_rules.io import checks
from piao_rules.io.checks import check
from piao_rules.io.flat import plan_from_rows, plan_to_rows
from piao_rules.io.loaded import Loaded
from piao_rules.io.measures import load_measures, measures_to_rows, read_measures, write_measures
from piao_rules.io.plans import load_plan, read_plan, write_plan

__all__ = [
    "Loaded",
    "check",
    "checks",
    "load_measures",
    "load_plan",
    "measures_to_rows",
    "plan_from_rows",
    "plan_to_rows",
    "read_measures",
    "read_plan",
    "write_measures",
    "write_plan",
]
