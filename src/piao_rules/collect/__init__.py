"""Collecting the measures from the offices: Excel templates out, filled workbooks back in.

Public API::

    write_templates(plan, as_of, folder, previous=None) -> [Written]   # one workbook per office + one for all
    template_paths(plan, folder) -> [Path]                            # the files write_templates writes
    gather(folder, plan=None, strict=False) -> Gathered                 # merged MeasureSet + located problems
"""

from piao_rules.collect.gather import Gathered, gather
from piao_rules.collect.template import Written, template_paths, write_templates

__all__ = ["Gathered", "Written", "gather", "template_paths", "write_templates"]
