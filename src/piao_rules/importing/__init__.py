"""Import existing plans and monitoring tables from Word and Excel (``piao-rules importa``).

Public API::

    import_file(path, options, mapping=None) -> (Built, Report)   # raises InputError
    write_outputs(built, report, plan_path, measures_path, source)  # plan YAML with comments, measures CSV

A .docx is read table by table (headers recognised by their words, merged, shifted and
split rows put right, headings giving areas and objectives); a spreadsheet or CSV is
read through a column mapping (``mappa.yaml``) or a guessed one.
"""

from piao_rules.importing.build import Built, Options
from piao_rules.importing.files import import_file
from piao_rules.importing.output import write_outputs
from piao_rules.importing.report import Report

__all__ = ["Built", "Options", "Report", "import_file", "write_outputs"]
