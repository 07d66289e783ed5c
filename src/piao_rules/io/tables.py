"""Tables from CSV and xlsx files, as Italian offices write them, and back.

CSV: the delimiter is sniffed among ``;``, ``,`` and tab; the text is UTF-8 (with
or without BOM), UTF-16 with BOM, or else cp1252 (with a warning). xlsx: cells
may be numbers, dates or text; merged cells give their value to every cell they
cover; a number formatted as a percentage reads as «85%».

Column names are matched ignoring case, accents, spaces and dashes
(«Unità di misura» → ``unita_di_misura``). Rows are numbered as a spreadsheet
numbers them: the header is row 1.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from piao_rules import atomic, safety, values
from piao_rules.errors import InputError, Problems
from piao_rules.io.files import CSV, XLSX

DELIMITERS = (";", ",", "\t")
MAX_COLUMNS = 1_000  # a plan or measures table has a few dozen
MAX_ROWS = 200_000  # rows of one sheet holding values (a plan of 50.000 indicators has 50.000)
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Percent:
    """A number written with «%» (85 → «85%»; in xlsx the cell 0,85 formatted as a percentage)."""

    value: Decimal


@dataclass
class Row:
    number: int
    cells: dict[str, Any]  # column → value; empty cells left out


@dataclass
class Table:
    file: str
    sheet: str | None  # named only when it is not the sheet the user expects
    columns: list[str]
    rows: list[Row] = field(default_factory=list)

    def where(self, row: int, column: str | None = None) -> str:
        sheet = f"foglio {self.sheet}, " if self.sheet else ""
        return f"{sheet}riga {row}" + (f"/{column}" if column else "")


Grid = list[list[Any]]


def column_key(text: Any) -> str:
    """A header as a column name: «Unità» and «UNITA'» → ``unita``, «Target 2023» → ``target_2023``."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().replace("'", "")
    plain = re.sub(r"[\s\-]+", "_", plain.strip().lower())
    return re.sub(r"_+", "_", plain).strip("_")


def cell_text(value: Any) -> str:
    """A cell as text, the Italian way: 14,29 · 30/06/2023 · SI · 85%."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "SI" if value else "NO"
    if isinstance(value, Percent):
        return cell_text(value.value) + "%"
    if isinstance(value, (datetime, date)):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return str(value)


def same_value(first: Any, second: Any) -> bool:
    """Two cells say the same thing: same text, or the same number or date written differently."""
    a, b = cell_text(first).strip(), cell_text(second).strip()
    if a == b:
        return True
    for reader in (values.parse_number, values.parse_date):
        try:
            return reader(a) == reader(b)
        except ValueError:
            continue
    return False


# ---------------------------------------------------------------- reading


def read_sheets(path: Path, data: bytes, kind: str, problems: Problems) -> dict[str, Grid]:
    """The grids of cells in a CSV (one, named "") or an xlsx file (one per sheet, in order)."""
    if kind == CSV:
        return {"": _csv_grid(path, data, problems)}
    if kind == XLSX:
        return _xlsx_grids(path, data)
    raise ValueError(kind)


def decode(path: Path, data: bytes, problems: Problems) -> str:
    """Text from UTF-8 (with or without BOM) or UTF-16 with BOM; else cp1252, with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError.single(path, "il file non è un file di testo: salvarlo come testo (UTF-8) o come CSV da Excel")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        problems.warning("", "il file non è in UTF-8: letto come Windows-1252; se gli accenti appaiono sbagliati, salvarlo in UTF-8")
        return data.decode("cp1252", errors="replace")


def _fields(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter)))
    except csv.Error:  # a field longer than the csv module's limit: the loop below reports it with its row
        return line.count(delimiter) + 1


def _csv_grid(path: Path, data: bytes, problems: Problems) -> Grid:
    text = decode(path, data, problems)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(DELIMITERS, key=lambda d: _fields(header_line, d))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid: Grid = []
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                raise InputError.single(path, f"la riga ha {len(record)} colonne (al massimo {MAX_COLUMNS}): controllare il "
                                              "separatore e che sia il file giusto", f"riga {reader.line_num}")
            grid.append([cell.strip() or None for cell in record])
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            message = (f"un campo supera {csv.field_size_limit():,} caratteri: probabilmente una virgoletta «\"» non è "
                       "chiusa (il testo che segue finisce tutto in una cella); controllare le virgolette").replace(",", ".")
        else:
            message = "il CSV non è leggibile in questo punto: controllare le virgolette e i caratteri speciali"
        raise InputError.single(path, message, f"riga {reader.line_num}") from None
    return grid


def used_extent(sheet: Any, path: Path) -> tuple[int, int]:
    """The rows and columns of ``sheet`` up to the last cell holding a value; refuses a sheet beyond the limits.

    Formatting alone does not count: a sheet with one formatted cell at XFD1048576 is
    as small as its data (openpyxl would otherwise walk seventeen billion cells).
    """
    from openpyxl.utils import get_column_letter

    rows = columns = 0
    for (row, column), cell in sheet._cells.items():  # openpyxl keeps only the cells present in the file
        if cell.value is None:
            continue
        if row > MAX_ROWS or column > MAX_COLUMNS:
            raise InputError.single(path, f"il foglio ha dati oltre la riga {MAX_ROWS:,} o la colonna {MAX_COLUMNS:,} "
                                          "(al massimo): togliere le celle in eccesso o usare il file giusto".replace(",", "."),
                                    f"{sheet.title}!{get_column_letter(column)}{row}")
        rows, columns = max(rows, row), max(columns, column)
    return rows, columns


def _xlsx_grids(path: Path, data: bytes) -> dict[str, Grid]:
    import openpyxl  # imported when needed: it takes a fifth of a second

    safety.check_package(path, data, "xlsx", "xl/workbook.xml")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged or foreign file
        raise InputError.single(
            path,
            "non è un file Excel .xlsx valido (danneggiato, protetto da password o di altro formato): "
            "aprirlo con Excel e salvarlo di nuovo come .xlsx",
        ) from None
    grids = {}
    for sheet in workbook.worksheets:
        rows, columns = used_extent(sheet, path)
        grid = [[_xlsx_value(cell) for cell in row] for row in sheet.iter_rows(max_row=rows, max_col=columns)] if rows else []
        for merged in sheet.merged_cells.ranges:
            if merged.min_row > len(grid) or merged.min_col > columns:
                continue
            top_left = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                    grid[r][c] = top_left
        grids[sheet.title] = grid
    return grids


def _xlsx_value(cell: Any) -> Any:
    value = cell.value
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool) or value is None or isinstance(value, date):
        return value
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (getattr(cell, "number_format", "") or ""):
            return cell_text((number * 100).normalize()) + "%"
        return int(number) if number == number.to_integral_value() and abs(number) < 10**15 else number
    return str(value)


def pick_sheet(grids: dict[str, Grid], name: str) -> tuple[str, Grid]:
    """The sheet called ``name`` (ignoring case and accents), else the first one."""
    for title, grid in grids.items():
        if column_key(title) == column_key(name):
            return title, grid
    title = next(iter(grids))
    return title, grids[title]


def column_letter(number: int) -> str:
    """The spreadsheet name of the column ``number`` (1-based): 1 → A, 27 → AA (without
    importing openpyxl, which a CSV file does not need)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def make_table(
    grid: Grid,
    file: str,
    sheet: str | None,
    known: Callable[[str], bool],
    known_names: Iterable[str],
    required: list[str] | tuple[str, ...],
    problems: Problems,
) -> Table | None:
    """Read the header and the rows of ``grid``; report unknown, repeated and missing columns.

    Returns None when the table cannot be read at all (no header, missing columns).
    """
    table = Table(file=file, sheet=sheet, columns=[])
    filled = [i for i, row in enumerate(grid) if any(cell is not None for cell in row)]
    if not filled:
        problems.error(table.where(1) if sheet else "", "il foglio non contiene righe: la prima riga deve avere i nomi delle colonne")
        return None
    start = _header_row(grid, filled[:HEADER_SEARCH], known)
    if start is None:
        problems.error(
            table.where(filled[0] + 1),
            "manca la riga di intestazione: la prima riga deve contenere i nomi delle colonne "
            f"(almeno {', '.join(required)})",
        )
        return None
    if start != filled[0]:
        above = [str(i + 1) for i in filled if i < start]
        problems.warning(
            table.where(start + 1),
            f"intestazione trovata alla riga {start + 1}: ignorate le righe sopra ({', '.join(above)})",
        )
    header = grid[start]
    names = [column_key(cell) if cell is not None else "" for cell in header]
    known_names = list(known_names)
    listing = ", ".join(known_names)
    ok = True
    for position, (raw, name) in enumerate(zip(header, names)):
        letter = column_letter(position + 1)
        if not name:
            if any(len(row) > position and row[position] is not None for row in grid[start + 1:]):
                problems.error(table.where(start + 1), f"la colonna {letter} ha dati ma non ha un nome: scriverlo nell'intestazione")
                ok = False
        elif not known(name):
            close = difflib.get_close_matches(name, known_names, n=1, cutoff=0.7)
            hint = f"forse «{close[0]}»? " if close else ""
            problems.error(
                table.where(start + 1),
                f"colonna sconosciuta «{raw}» (colonna {letter}): {hint}le colonne ammesse sono {listing}",
            )
            ok = False
        elif name in names[:position]:
            problems.error(table.where(start + 1), f"colonna «{raw}» ripetuta (colonna {letter}): tenerne una sola")
            ok = False
    for name in required:
        if name not in names:
            problems.error(table.where(start + 1), f"manca la colonna obbligatoria «{name}»: aggiungerla all'intestazione")
            ok = False
    if not ok:
        return None
    table.columns = [name for name in names if name]
    for index in range(start + 1, len(grid)):
        row = grid[index]
        extra = [cell for cell in row[len(names):] if cell is not None]
        if extra:
            problems.error(
                table.where(index + 1),
                f"la riga ha {len(names) + len(extra)} celle piene ma l'intestazione ha {len(names)} colonne: "
                "controllare il separatore e le virgolette",
            )
        cells = {name: cell for name, cell in zip(names, row) if name and cell is not None}
        if cells and sheet is None and len(row) < len(names):
            problems.warning(
                table.where(index + 1),
                f"la riga ha {len(row)} celle ma l'intestazione ha {len(names)} colonne: il file potrebbe essere "
                "troncato o mancare un separatore; controllare la riga",
            )
        if cells:
            table.rows.append(Row(index + 1, cells))
    return table


HEADER_SEARCH = 10  # the header may sit below a few title rows


def _header_row(grid: Grid, candidates: list[int], known: Callable[[str], bool]) -> int | None:
    """The first row naming at least two known columns (or one, if no row names two)."""
    def count(index: int) -> int:
        return sum(1 for cell in grid[index] if cell is not None and known(column_key(cell)))

    for least in (2, 1):
        for index in candidates:
            if count(index) >= least:
                return index
    return None


# ---------------------------------------------------------------- writing


def write_csv(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
    """A ``;``-separated CSV in UTF-8 with BOM, as Italian Excel opens it."""
    with atomic.atomic_open(path, "w", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell_text(row.get(column)) for column in columns])


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[dict[str, Any]]]]) -> None:
    """An xlsx workbook: one sheet per (title, columns, rows); numbers and dates as real cells."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title)
        for position, column in enumerate(columns, start=1):
            cell = sheet.cell(1, position, column)
            cell.font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(position)].width = max(10, min(40, len(column) + 2))
        for number, row in enumerate(rows, start=2):
            for position, column in enumerate(columns, start=1):
                if row.get(column) is not None:
                    _set_cell(sheet.cell(number, position), row[column])
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    atomic.write_bytes(path, buffer.getvalue())


def _set_cell(cell: Any, value: Any) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment

    if isinstance(value, bool):
        value = "SI" if value else "NO"
    if isinstance(value, Percent):
        cell.value = float(value.value / 100)
        cell.number_format = "0%" if value.value == value.value.to_integral_value() else "0.00%"
    elif isinstance(value, Decimal):
        cell.value = int(value) if value == value.to_integral_value() and abs(value) < 10**15 else float(value)
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str):
        # Control characters cannot be stored in xlsx; «= 100%» must stay text, not become a formula.
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
        if "\n" in value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        cell.value = value
