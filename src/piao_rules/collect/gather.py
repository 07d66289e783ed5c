"""Read the filled collection workbooks back and merge them into one set of measures.

Rows are matched by code (and component), never by position. Every problem names
the file and the cell (``ufficio-ragioneria.xlsx:Misure!H7``). Nothing typed is
lost: a cell that cannot be read as what its column asks for is reported and its
text is kept in the measure's ``nota`` (with ``strict``, it is an error instead);
two different values for the same indicator are an error. A workbook that cannot
be read at all (a sheet or a column deleted, not an Excel file) is reported and left
out, and the others are merged (with ``strict``, it stops everything instead).
"""

from __future__ import annotations

import difflib
import io
import warnings
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from piao_rules import safety, values
from piao_rules.collect.layout import (
    ADDED_LATER,
    BY_KEY,
    COLUMNS,
    DATE,
    FORMAT,
    HEADERS,
    INPUTS,
    JUDGEMENT,
    JUDGEMENTS,
    META_LABELS,
    META_SHEET,
    NUMBER,
    PROGRESS,
    ROWS_LABEL,
    SHEET,
    TEXT,
    YES_NO,
    Column,
    header_key,
    owner_of,
    plan_fingerprint,
    row_key,
)
from piao_rules.errors import InputError, Problem, Problems, Severity
from piao_rules.io.files import read_bytes
from piao_rules.io.model import Measure, MeasureSet, Plan
from piao_rules.io.tables import cell_text, used_extent

WORKBOOKS = (".xlsx", ".xlsm")
OTHER_SPREADSHEETS = (".xls", ".ods", ".csv")
HEADER_SEARCH = 10


@dataclass
class Entry:
    """A value read from one cell."""

    value: Any
    ref: str  # file:Misure!H7
    percent: bool = False


@dataclass
class RowReading:
    file: str
    number: int
    code: str
    component: str | None
    where: str  # the code's cell: Misure!A7
    entries: dict[str, Entry] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)  # unreadable cells, kept as text for the note


@dataclass
class WorkbookReading:
    file: str
    meta: dict[str, Any]
    rows: list[RowReading]
    expected: list[tuple[str, str]]  # (row key, target at creation)
    first_row: dict[str, int]  # row key → sheet row where it was read


@dataclass
class Gathered:
    measures: MeasureSet
    problems: list[Problem]
    workbooks: list[WorkbookReading]
    filled: int
    empty: int
    skipped: list[str] = field(default_factory=list)  # workbooks left out because they could not be read


# ---------------------------------------------------------------- one workbook


def _load(path: Path, data: bytes):
    import openpyxl

    safety.check_package(Path(path.name), data, "xlsx", "xl/workbook.xml")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
            cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged or foreign file
        raise InputError.single(
            path.name, "non è un file Excel .xlsx valido (danneggiato, protetto da password o di altro formato): "
            "usare il modello creato da piao-rules modello-misure, salvato come .xlsx",
        ) from None
    return formulas, cached


def _metadata(path: Path, workbook, problems: Problems) -> tuple[dict[str, Any], list[tuple[str, str]]] | None:
    if META_SHEET not in workbook.sheetnames:
        problems.error("", f"manca il foglio «{META_SHEET}»: non è un modello creato da piao-rules modello-misure "
                           "(o il foglio è stato cancellato); compilare il modello originale")
        return None
    sheet = workbook[META_SHEET]
    labels = {label: key for key, label in META_LABELS.items()}
    meta: dict[str, Any] = {}
    expected: list[tuple[str, str]] = []
    in_rows = False
    for row in sheet.iter_rows(min_row=2, max_col=2, values_only=True):
        label, value = (row + (None, None))[:2]
        if label == ROWS_LABEL:
            in_rows = True
        elif in_rows and label is not None:
            expected.append((str(label), "" if value is None else str(value)))
        elif label in labels:
            meta[labels[label]] = value
    if meta.get("format") != FORMAT:
        problems.error(f"{META_SHEET}!B3", f"il foglio «{META_SHEET}» non è quello di un modello di piao-rules "
                                           f"(atteso «{FORMAT}»): rigenerare il modello con piao-rules modello-misure")
        return None
    when = meta.get("as_of")
    meta["as_of"] = when.date() if isinstance(when, datetime) else when
    if not isinstance(meta["as_of"], date):
        problems.error(f"{META_SHEET}!B8", "manca la data del monitoraggio nei dati del modello: rigenerare il modello")
        return None
    return meta, expected


def _header(path: Path, sheet, problems: Problems) -> tuple[int, dict[str, int]] | None:
    """The header row and the column of each known field, matched by name."""
    from openpyxl.utils import get_column_letter

    rows = list(sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH, values_only=True))
    found = None
    for index, row in enumerate(rows, start=1):
        names = [header_key(cell) for cell in row if cell is not None]
        if header_key("Codice") in names and sum(1 for n in names if n in HEADERS) >= 3:
            found = (index, row)
            break
    if found is None:
        problems.error(f"{SHEET}!A1", "non trovo la riga di intestazione (Codice, Obiettivo, Indicatore, Valore…): "
                                      "non cancellare né rinominare le intestazioni del modello")
        return None
    number, row = found
    positions: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    for position, cell in enumerate(row, start=1):
        if cell is None:
            continue
        column = HEADERS.get(header_key(cell))
        if column is None:
            unknown.append((position, str(cell)))
        elif column.key in positions:
            problems.error(f"{SHEET}!{get_column_letter(position)}{number}", f"colonna «{cell}» ripetuta: tenerne una sola")
        else:
            positions[column.key] = position
    missing = [c for c in COLUMNS if c.key not in positions and c.key not in ADDED_LATER
               and (c.kind or c.key in ("codice", "componente"))]
    for position, text in unknown:
        where = f"{SHEET}!{get_column_letter(position)}{number}"
        close = difflib.get_close_matches(header_key(text), [header_key(c.header) for c in missing], n=1, cutoff=0.4)
        if close:
            original = HEADERS[close[0]].header
            problems.error(where, f"la colonna «{text}» era «{original}» nel modello: ripristinare il nome originale")
            missing = [c for c in missing if c.header != original]
        else:
            problems.error(where, f"colonna «{text}» non prevista dal modello: toglierla (le note vanno nella colonna Nota)")
    for column in missing:
        problems.error(f"{SHEET}!{number}", f"manca la colonna «{column.header}»: è stata cancellata o rinominata? "
                                            "ripristinarla come nel modello")
    return number, positions


def read_workbook(path: Path, strict: bool = False) -> tuple[WorkbookReading | None, list[Problem]]:
    """One filled workbook: its metadata and rows; problems located by cell."""
    name = path.name
    problems = Problems(name)
    try:
        formulas, cached = _load(path, read_bytes(path))
    except InputError as error:
        return None, [replace(p, file=name) for p in error.problems]
    if SHEET not in cached.sheetnames:
        shown = ", ".join(f"«{s}»" for s in cached.sheetnames)
        problems.error("", f"manca il foglio «{SHEET}» (fogli presenti: {shown}): non rinominare né cancellare "
                           "i fogli del modello")
        return None, list(problems)
    found = _metadata(path, cached, problems)
    header = _header(path, cached[SHEET], problems)
    if found is None or header is None or problems.errors:
        return None, list(problems)
    meta, expected = found
    header_row, positions = header
    reading = WorkbookReading(name, meta, [], expected, {})
    known = {key for key, _ in expected}
    values_sheet, formula_sheet = cached[SHEET], formulas[SHEET]
    try:  # rows up to the last one holding a value: a formatted cell far below adds no work
        last_row = max(used_extent(values_sheet, Path(name))[0], used_extent(formula_sheet, Path(name))[0])
    except InputError as error:
        return None, list(problems) + error.problems
    for number in range(header_row + 1, last_row + 1):
        row = _read_row(name, number, values_sheet, formula_sheet, positions, problems, strict)
        if row is None:
            continue
        key = row_key(row.code, row.component)
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
            hint = f" (forse «{close[0]}»?)" if close else ""
            problems.error(row.where, f"«{key}» non è tra le righe del modello{hint}: "
                                                       "non aggiungere righe e non cambiare i codici")
            continue
        reading.first_row.setdefault(key, number)
        reading.rows.append(row)
    for index, (key, _) in enumerate(expected):
        if key not in reading.first_row:
            problems.warning(f"{SHEET}!A{header_row + 1 + index}",
                             f"manca la riga di {key} (riga {header_row + 1 + index} del modello): è stata cancellata? "
                             "l'indicatore risulta senza misura da questo file")
    return reading, list(problems)


def _read_row(name: str, number: int, sheet, formula_sheet, positions: dict[str, int], problems: Problems,
              strict: bool) -> RowReading | None:
    from openpyxl.utils import get_column_letter

    def cell(key: str):
        return sheet.cell(number, positions[key]) if key in positions else None

    code = cell_text(cell("codice").value).strip()
    component = (cell_text(cell("componente").value).strip() or None) if "componente" in positions else None
    row = RowReading(name, number, code, component, f"{SHEET}!{get_column_letter(positions['codice'])}{number}")
    for column in INPUTS:
        target = cell(column.key)
        if target is None:  # a column added after the workbook was written
            continue
        letter = get_column_letter(positions[column.key])
        where = f"{SHEET}!{letter}{number}"
        ref = f"{name}:{where}"
        if target.value is None:
            formula = formula_sheet.cell(number, positions[column.key]).value
            if isinstance(formula, str) and formula.startswith("="):
                problems.error(where, f"la cella contiene la formula «{formula}» senza un valore calcolato: "
                                      "aprire il file con Excel e salvarlo, oppure scrivere il valore")
            continue
        if isinstance(target.value, str) and not target.value.strip():
            continue
        try:
            value, percent = convert(column, target.value, target.number_format or "")
        except ValueError as error:
            shown = cell_text(target.value)
            message = f"«{shown}» non si può usare come {column.header} ({error})"
            if strict:
                problems.error(where, f"{message}: correggere la cella")
            else:
                problems.warning(where, f"{message}: il testo è conservato nella nota; correggere la cella se serve")
                row.kept.append(f"{column.header} «{shown}» ({ref})")
            continue
        if value is not None:
            row.entries[column.key] = Entry(value, ref, percent)
    if not code:
        if row.entries or row.kept:
            problems.error(f"{SHEET}!A{number}", "la riga ha dati ma non il codice dell'indicatore: "
                                                 "scrivere i dati nella riga dell'indicatore")
        return None
    _contradictions(row, problems)
    return row


def convert(column: Column, raw: Any, number_format: str = "") -> tuple[Any, bool]:
    """A cell as the value its column asks for, and whether it was written as a percentage; ValueError if not."""
    kind = column.kind
    if kind in (NUMBER, PROGRESS):
        if column.key == "valore" and isinstance(raw, str) and len(values.parse_counts(raw) or ()) == 1:
            return raw.strip(), False  # «2 sale»: the measure keeps what the value counts
        number, percent = _number(raw, number_format)
        if kind == PROGRESS and not 0 <= number <= 100:
            raise ValueError("deve essere tra 0 e 100")
        return number, percent
    if kind == YES_NO:
        if isinstance(raw, bool):
            return raw, False
        if isinstance(raw, str):
            return values.parse_bool(raw), False
        raise ValueError("scrivere SI oppure NO")
    if kind == DATE:
        if isinstance(raw, datetime):
            return raw.date(), False
        if isinstance(raw, date):
            return raw, False
        if isinstance(raw, str):
            return values.parse_date(raw), False
        raise ValueError("scrivere una data come gg/mm/aaaa")
    if kind == JUDGEMENT:
        text = " ".join(str(raw).lower().replace("_", " ").split())
        if text not in JUDGEMENTS:
            raise ValueError(f"scegliere tra {', '.join(JUDGEMENTS)}")
        return text.replace(" ", "_"), False
    if kind == TEXT:
        return cell_text(raw).strip() or None, False
    raise AssertionError(kind)


def _number(raw: Any, number_format: str) -> tuple[Decimal, bool]:
    if isinstance(raw, bool) or isinstance(raw, (date, datetime)):
        raise ValueError("scrivere un numero")
    if isinstance(raw, (int, float)):
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        if "%" in number_format:
            return (number * 100).normalize(), True
        return number, False
    text = str(raw).strip()
    return values.parse_number(text), text.endswith("%")


def _contradictions(row: RowReading, problems: Problems) -> None:
    entries = row.entries

    def where(key: str) -> str:
        return entries[key].ref.split(":", 1)[1]

    yes_no = entries.get("si_no")
    if yes_no is not None and "valore" in entries:
        problems.error(where("si_no"), f"Valore ({where('valore')}) e SI/NO compilati insieme per {row.code}: "
                                       "per un target SI usare solo SI/NO, per un target numerico solo Valore")
    if yes_no is not None and yes_no.value is False and "completato_il" in entries:
        problems.error(where("si_no"), f"SI/NO dice NO ma è indicata una data di completamento ({where('completato_il')}) "
                                       f"per {row.code}: correggere una delle due celle")
    progress = entries.get("avanzamento")
    if yes_no is not None and progress is not None:
        if yes_no.value is True and progress.value < 100:
            problems.error(where("si_no"), f"SI/NO dice SI ma l'avanzamento è {cell_text(progress.value)}% "
                                           f"({where('avanzamento')}) per {row.code}: correggere una delle due celle")
        elif yes_no.value is False and progress.value == 100:
            problems.error(where("si_no"), f"SI/NO dice NO ma l'avanzamento è 100% ({where('avanzamento')}) "
                                           f"per {row.code}: correggere una delle due celle")


# ---------------------------------------------------------------- many workbooks


def workbook_files(folder: Path, skip: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """The workbooks of ``folder``; other spreadsheets are errors, other files are mentioned."""
    if not folder.is_dir():
        raise InputError.single(folder, "non è una cartella: indicare la cartella con i modelli compilati")
    problems: list[Problem] = []
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() or (skip is not None and path.resolve() == skip.resolve()):
            continue
        suffix = path.suffix.lower()
        if path.name.startswith("~$"):
            problems.append(Problem(file=path.name, message="file temporaneo di Excel ignorato (il modello è ancora aperto?)",
                                    severity=Severity.WARNING))
        elif suffix in WORKBOOKS:
            found.append(path)
        elif suffix in OTHER_SPREADSHEETS:
            problems.append(Problem(file=path.name, message=f"il formato {suffix} non è un modello compilato: "
                                                            "aprirlo e salvarlo come .xlsx (Cartella di lavoro di Excel)"))
        elif not path.name.startswith("."):
            problems.append(Problem(file=path.name, message="file ignorato: non è un modello .xlsx", severity=Severity.WARNING))
    if not found and not any(p.is_error for p in problems):
        problems.append(Problem(file=str(folder), message="la cartella non contiene modelli .xlsx compilati"))
    return found, problems


def is_collection_workbook(path: Path) -> bool:
    """Whether ``path`` is a workbook made by ``modello-misure`` (it has the sheet of the template's data)."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(read_bytes(path)), read_only=True)
    except Exception:  # not a readable workbook: not one of the offices' files either
        return False
    try:
        return META_SHEET in workbook.sheetnames
    finally:
        workbook.close()


def holds_data(path: Path) -> bool:
    """Whether the existing file ``path`` holds anything a template would lose: filled cells, or a foreign file."""
    reading, _ = read_workbook(path)
    return reading is None or any(row.entries or row.kept for row in reading.rows)


def gather(folder: Path, plan: Plan | None = None, strict: bool = False, skip: Path | None = None) -> Gathered:
    """Read every workbook of ``folder`` and merge them; raises InputError on errors.

    A workbook that cannot be read at all is left out with its problems as warnings
    (unless ``strict``): the others are still merged.
    """
    files, problems = workbook_files(folder, skip)
    readings = []
    skipped = []
    for path in files:
        reading, found = read_workbook(path, strict)
        if reading is None and not strict:
            skipped.append(path.name)
            problems += [replace(p, severity=Severity.WARNING) for p in found]
            problems.append(Problem(file=path.name, severity=Severity.WARNING, message=(
                "file non raccolto: i suoi indicatori restano senza misura; correggerlo (o compilare di nuovo il "
                "modello) e ripetere la raccolta; con --rigoroso un file così ferma la raccolta")))
            continue
        problems += found
        if reading is not None:
            readings.append(reading)
    if not readings and not any(p.is_error for p in problems):
        problems.append(Problem(file=str(folder), message="nessun modello compilato leggibile nella cartella"))
    if any(p.is_error for p in problems):
        raise InputError(problems)
    as_of = _check_versions(readings, plan, problems)
    measures, filled = _merge(readings, plan, problems)
    _missing(readings, plan, measures, problems)
    if any(p.is_error for p in problems):
        raise InputError(problems)
    expected = {key for r in readings for key, _ in r.expected}
    return Gathered(MeasureSet(as_of=as_of, measures=measures), problems, readings, filled, len(expected) - filled, skipped)


def _check_versions(readings: list[WorkbookReading], plan: Plan | None, problems: list[Problem]) -> date:
    dates = {r.meta["as_of"] for r in readings}
    if len(dates) > 1:
        shown = "; ".join(f"{r.file} al {r.meta['as_of']:%d/%m/%Y}" for r in readings)
        raise InputError(problems + [Problem(message=f"modelli di monitoraggi diversi ({shown}): raccogliere in una "
                                                     "cartella solo i modelli della stessa data")])
    if plan is None:
        prints = {(r.meta.get("year"), r.meta.get("revision"), r.meta.get("plan_fingerprint")) for r in readings}
        if len(prints) > 1:
            shown = "; ".join(f"{r.file}: revisione {r.meta.get('revision')}" for r in readings)
            raise InputError(problems + [Problem(message=f"modelli creati da versioni diverse del piano ({shown}): "
                                                         "indicare il piano in vigore con --piano")])
        return dates.pop()
    current = plan_fingerprint(plan)
    targets = {i.code: i.target_for(plan.year) or "" for _, _, i in plan.indicators()}
    for reading in readings:
        meta = reading.meta
        if meta.get("year") != plan.year:
            problems.append(Problem(file=reading.file, message=f"il modello è per il piano {meta.get('year')}, il piano "
                                                               f"indicato è del {plan.year}: usare il piano giusto"))
            continue
        if meta.get("plan_fingerprint") == current:
            continue
        problems.append(Problem(
            file=reading.file, severity=Severity.WARNING,
            message=f"modello creato dalla revisione {meta.get('revision')} del piano, in vigore la revisione "
                    f"{plan.revision} (o il piano è cambiato): le righe sono lette per codice",
        ))
        for key, old in reading.expected:
            code = key.split(" | ")[0]
            number = reading.first_row.get(key)
            where = f"{SHEET}!A{number}" if number else ""
            if code not in targets:
                if number and any(r.code == code and (r.entries or r.kept) for r in reading.rows):
                    problems.append(Problem(file=reading.file, where=where, message=f"l'indicatore {code} non è più nel "
                                            "piano in vigore: toglierne i dati o usare il piano con cui è stato creato il modello"))
            elif old != targets[code] and number:
                problems.append(Problem(
                    file=reading.file, where=where, severity=Severity.WARNING,
                    message=f"il modello riportava per {code} il target «{old}», il piano in vigore «{targets[code]}»: "
                            "controllare che il valore si riferisca al target in vigore",
                ))
    if any(p.is_error for p in problems):
        raise InputError(problems)
    return dates.pop()


def _merge(readings: list[WorkbookReading], plan: Plan | None, problems: list[Problem]) -> tuple[list[Measure], int]:
    """One measure per indicator code; different values for the same field are an error."""
    by_code: dict[str, list[RowReading]] = {}
    for reading in readings:
        for row in reading.rows:
            by_code.setdefault(row.code, []).append(row)
    order = [i.code for _, _, i in plan.indicators()] if plan is not None else []
    order += [code for code in by_code if code not in order]
    measures = []
    filled = 0
    for code in [c for c in order if c in by_code]:
        rows = by_code[code]
        fields: dict[str, Entry] = {}
        components: dict[str, Entry] = {}
        kept: list[str] = []
        for row in rows:
            kept += row.kept
            for key, entry in row.entries.items():
                if key == "valore" and row.component:
                    _put(components, row.component, entry, code, problems)
                else:
                    _put(fields, key, entry, code, problems)
        filled += len({row_key(r.code, r.component) for r in rows if r.entries or r.kept})
        if not fields and not components and not kept:
            continue
        data: dict[str, Any] = {"codice": code}
        for key, entry in fields.items():
            if key == "si_no":
                data["valore"] = entry.value
            else:
                data[key] = entry.value
        if "valore" in fields and fields["valore"].percent:
            data["percentuale"] = True
        if components:
            data["componenti"] = {label: entry.value for label, entry in components.items()}
        if kept:
            note = data.get("nota")
            data["nota"] = "; ".join(([note] if note else []) + [f"[non letto: {k}]" for k in kept])
        try:
            measures.append(Measure.model_validate({k: v for k, v in data.items() if v is not None}))
        except ValidationError as error:
            first = next(iter(fields.values()), None) or next(iter(components.values()))
            messages = "; ".join(e["msg"] for e in error.errors())
            file, where = first.ref.split(":", 1)
            problems.append(Problem(file=file, where=where, message=f"la misura di {code} non è valida: {messages}"))
    return measures, filled


def _put(fields: dict[str, Entry], key: str, entry: Entry, code: str, problems: list[Problem]) -> None:
    current = fields.get(key)
    if current is None:
        fields[key] = entry
        return
    if current.value == entry.value and current.percent == entry.percent:
        return
    column = BY_KEY[key].header if key in BY_KEY else f"Valore ({key})"
    file, where = entry.ref.split(":", 1)
    first, second = _shown(current), _shown(entry)
    problems.append(Problem(
        file=file, where=where,
        message=f"{column} di {code}: «{second}» qui, «{first}» in {current.ref}: due valori diversi per lo stesso "
                "indicatore; lasciarne uno solo",
    ))


def _shown(entry: Entry) -> str:
    return cell_text(entry.value) + ("%" if entry.percent else "")


def _missing(readings: list[WorkbookReading], plan: Plan | None, measures: list[Measure], problems: list[Problem]) -> None:
    """Warn about indicators nobody filled in, once per file (the office's own file when there is one)."""
    measured = {m.code for m in measures}
    offices = [r for r in readings if r.meta.get("office") != "tutti gli uffici"] or readings
    reported: set[str] = set()
    for reading in offices + readings:
        empty = []
        for key, _ in reading.expected:
            code = key.split(" | ")[0]
            if code in measured or code in reported or key not in reading.first_row:
                continue
            reported.add(code)
            empty.append(f"{code} (riga {reading.first_row[key]})")
        if empty:
            problems.append(Problem(file=reading.file, severity=Severity.WARNING,
                                    message=f"nessun dato per {len(empty)} indicatori: {', '.join(empty)}"))
    if plan is None:
        return
    present = {key.split(" | ")[0] for r in readings for key, _ in r.expected}
    absent: dict[str, list[str]] = {}
    for _, objective, indicator in plan.indicators():
        if not indicator.computed and indicator.code not in present:
            absent.setdefault(owner_of(indicator, objective), []).append(indicator.code)
    for office, codes in absent.items():
        problems.append(Problem(severity=Severity.WARNING, message=f"nessun modello per l'ufficio {office}: mancano "
                                                            f"{', '.join(codes)}"))
    linked = {i.code: i.linked_to for _, _, i in plan.indicators() if i.linked_to}
    by_code = {m.code: m for m in measures}
    for code, root in linked.items():
        first, second = by_code.get(root), by_code.get(code)
        if first is not None and second is not None and first.value is not None and second.value is not None \
                and first.value != second.value:
            problems.append(Problem(severity=Severity.WARNING, message=f"{code} e {root} sono lo stesso indicatore ma hanno "
                                                               f"valori diversi ({cell_text(second.value)} e "
                                                               f"{cell_text(first.value)}): concordare un unico valore"))
