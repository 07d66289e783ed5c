"""Which reader a file needs, from its extension and its first bytes."""

from __future__ import annotations

from pathlib import Path

from piao_rules import safety
from piao_rules.errors import InputError
from piao_rules.gc_pause import gc_paused
from piao_rules.importing.build import Built, Options
from piao_rules.importing.checking import check_import
from piao_rules.importing.report import Report
from piao_rules.io.files import read_bytes

WORD = {".docx", ".docm"}
SHEETS = {".xlsx", ".xlsm", ".csv"}
_OLD = {
    ".doc": "docx", ".dot": "docx", ".xls": "xlsx",
}
_OTHER = {
    ".odt": "il formato .odt non è supportato: salvare il documento come .docx (Word)",
    ".ods": "il formato .ods non è supportato: salvare il foglio come .xlsx oppure come CSV",
    ".pdf": "i PDF non sono supportati: usare il documento Word (.docx) da cui il PDF è stato prodotto, "
            "oppure copiare le tabelle in Word o in Excel",
    ".rtf": "il formato .rtf non è supportato: aprirlo con Word e salvarlo come .docx",
}


@gc_paused()
def import_file(path: str | Path, options: Options | None = None, mapping: Path | None = None) -> tuple[Built, Report]:
    """Read ``path`` (.docx, .xlsx, .csv) into a plan and measures, with the report of the import
    (which ends with the checks ``piao-rules verifica`` makes on them)."""
    path = Path(path)
    built, report = _read(path, options or Options(), mapping)
    weights, report.checks = check_import(built, path.name)
    for problem in weights:
        report.add("pesi", problem.where, problem.message)
    return built, report


def _read(path: Path, options: Options, mapping: Path | None) -> tuple[Built, Report]:
    suffix = path.suffix.lower()
    report = Report(source=path.name)
    if suffix in _OTHER:
        raise InputError.single(path, _OTHER[suffix])
    if suffix not in WORD | SHEETS | set(_OLD):
        shown = f"l'estensione «{path.suffix}»" if path.suffix else "un file senza estensione"
        raise InputError.single(path, f"{shown} non è riconosciuta: importare un documento Word (.docx), un file Excel (.xlsx) o un CSV")
    data = read_bytes(path)
    if suffix in _OLD:
        safety.check_ole(path, data, _OLD[suffix])
        kind = "documento Word 97-2003 (.doc)" if _OLD[suffix] == "docx" else "file Excel 97-2003 (.xls)"
        new = ".docx" if _OLD[suffix] == "docx" else ".xlsx"
        raise InputError.single(path, f"il {kind} non è supportato: aprirlo e salvarlo come {new}")
    if suffix in WORD:
        if mapping is not None:
            raise InputError.single(mapping, "la mappa delle colonne vale solo per fogli Excel e CSV, non per i documenti Word")
        from piao_rules.importing.document import import_document
        from piao_rules.importing.docx_reader import read_docx

        return import_document(read_docx(path, data), report, options), report
    from piao_rules.importing.spreadsheet import import_sheet

    return import_sheet(path, data, report, options, mapping), report
