"""Write the collection workbooks: one per responsible office and one for all.

Each workbook has the sheet «Misure» (read-only columns locked, input columns
unlocked, with data validation), the sheet «Istruzioni», and a hidden, protected
sheet «Dati del modello» that lets :mod:`.gather` recognise the plan version and
the rows. Sheets are protected without a password: protection guards against
mistakes, not against people.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from piao_rules import atomic, format_it
from piao_rules.collect.layout import (
    ALL_OFFICES,
    COLUMNS,
    DATE,
    FIRST_ROW,
    FORMAT,
    GUIDE_SHEET,
    HEADER_ROW,
    INPUTS,
    JUDGEMENT,
    JUDGEMENTS,
    LEGEND_ROW,
    META_LABELS,
    META_SHEET,
    NUMBER,
    PROGRESS,
    ROWS_LABEL,
    SHEET,
    TITLE_ROW,
    YES_NO,
    Metadata,
    TemplateRow,
    file_name,
    plan_fingerprint,
    rows_fingerprint,
    template_rows,
)
from piao_rules.engine.prepare import show_value
from piao_rules.io.model import Measure, MeasureSet, Plan
from piao_rules.targets.parser import TargetError, parse_target

DATE_FORMAT = "DD/MM/YYYY"
READ_ONLY_FILL = "E7E6E6"  # light grey: not to be changed
INPUT_FILL = "FFFFFF"
HEADER_FILL = "1F3864"  # dark blue with white text (contrast 12:1)


@dataclass
class Written:
    office: str
    path: Path
    rows: int


def _workbooks(plan: Plan, folder: Path) -> list[tuple[str, list[TemplateRow], Path]]:
    """Each workbook to write: the office, its rows and its file (one per office, then the one for all)."""
    offices = template_rows(plan)
    taken: set[str] = set()
    everything = [row for rows in offices.values() for row in rows]
    return [(office, rows, folder / file_name(office, taken))
            for office, rows in sorted(offices.items()) + [(ALL_OFFICES, everything)]]


def template_paths(plan: Plan, folder: Path) -> list[Path]:
    """The files :func:`write_templates` writes into ``folder``."""
    return [path for _, _, path in _workbooks(plan, folder)]


def write_templates(plan: Plan, as_of: date, folder: Path, previous: MeasureSet | None = None) -> list[Written]:
    """Write one workbook per office and one for all offices into ``folder``; return what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    latest = previous.at(as_of) if previous is not None else {}
    written = []
    for office, rows, path in _workbooks(plan, folder):
        data = workbook_bytes(plan, as_of, office, rows, latest, previous)
        atomic.write_bytes(path, data)
        written.append(Written(office, path, len(rows)))
    return written


def _previous_text(measure: Measure | None, row: TemplateRow, plan: Plan, previous: MeasureSet | None) -> str:
    if measure is None or previous is None:
        return ""
    try:
        target = parse_target(row.target, plan.year)
    except TargetError:
        target = None
    if row.component and row.component in measure.components:
        text = f"{format_it.number(measure.components[row.component])} {row.component}"
    else:
        text = show_value(measure, target)
    taken = previous.taken_on(measure)
    return f"{text} al {format_it.short_date(taken)}" if taken else text


def workbook_bytes(
    plan: Plan, as_of: date, office: str, rows: list[TemplateRow], latest: dict[str, Measure], previous: MeasureSet | None
) -> bytes:
    """The workbook for ``office`` as bytes."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    _measures_sheet(sheet, plan, as_of, office, rows, latest, previous)
    _guide_sheet(workbook.create_sheet(GUIDE_SHEET), plan, as_of)
    meta = Metadata(
        ente=plan.ente.name, title=plan.title or "", year=plan.year, revision=plan.revision, as_of=as_of, office=office,
        plan_fingerprint=plan_fingerprint(plan), rows_fingerprint=rows_fingerprint([r.key for r in rows]),
        created=datetime.now().strftime("%d/%m/%Y %H:%M"), rows=[(r.key, r.target) for r in rows],
    )
    _meta_sheet(workbook.create_sheet(META_SHEET), meta)
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _measures_sheet(sheet, plan: Plan, as_of: date, office: str, rows: list[TemplateRow], latest, previous) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    who = "tutti gli uffici" if office == ALL_OFFICES else f"ufficio {office}"
    sheet.cell(TITLE_ROW, 1, f"{plan.ente.name} — misure al {format_it.short_date(as_of)} — {who}").font = Font(bold=True, size=13)
    sheet.cell(LEGEND_ROW, 1, "Compilare solo le colonne bianche, una riga per indicatore; le colonne grigie sono del piano "
                              "e non si modificano. Istruzioni nel foglio «Istruzioni».").font = Font(italic=True)
    grey = PatternFill("solid", fgColor=READ_ONLY_FILL)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for position, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, position, column.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if column.help:
            cell.comment = Comment(column.help, "piao-rules")
        sheet.column_dimensions[get_column_letter(position)].width = column.width
    for number, row in enumerate(rows, start=FIRST_ROW):
        measure = latest.get(row.code)
        values = {
            "codice": row.code, "componente": row.component or "", "obiettivo": f"{row.objective.code} {row.objective.name}",
            "indicatore": row.indicator.name,
            "target": row.target if row.original_target is None else f"{row.target} (rev.; prima: {row.original_target})",
            "soglia": row.threshold or "", "unita": row.indicator.unit or "",
            "precedente": _previous_text(measure, row, plan, previous),
        }
        for position, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(number, position)
            cell.alignment = wrap
            if column.kind is None:
                cell.value = values[column.key] or None
                cell.data_type = "s"
                cell.fill = grey
                continue
            cell.protection = Protection(locked=False)
            if column.kind == DATE:
                cell.number_format = DATE_FORMAT
            elif column.kind in (NUMBER, PROGRESS):
                cell.number_format = "General"
            else:
                cell.number_format = "@"
    last = FIRST_ROW + max(len(rows), 1) - 1
    _validations(sheet, last)
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 2)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may widen columns and rows
    sheet.protection.formatRows = False
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"


def _validations(sheet, last: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    def add(kind_key: str, validation: DataValidation) -> None:
        position = next(i for i, c in enumerate(COLUMNS, start=1) if c.key == kind_key)
        letter = get_column_letter(position)
        validation.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        validation.showErrorMessage = True
        validation.showInputMessage = True
        sheet.add_data_validation(validation)

    for column in INPUTS:
        if column.kind == NUMBER:
            validation = DataValidation(type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000", allow_blank=True)
            validation.error = "Scrivere solo un numero (es. 80, 80% oppure 1.018,5). Il testo va nella colonna Nota."
        elif column.kind == PROGRESS:
            validation = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
            validation.error = "L'avanzamento è una percentuale da 0 a 100."
        elif column.kind == YES_NO:
            validation = DataValidation(type="list", formula1='"SI,NO"', allow_blank=True)
            validation.error = "Scegliere SI oppure NO."
        elif column.kind == DATE:
            validation = DataValidation(type="date", operator="between", formula1="36526", formula2="73415", allow_blank=True)
            validation.error = "Scrivere una data come gg/mm/aaaa (es. 30/06/2023)."
        elif column.kind == JUDGEMENT:
            validation = DataValidation(type="list", formula1='"' + ",".join(JUDGEMENTS) + '"', allow_blank=True)
            validation.error = "Scegliere un giudizio dall'elenco."
        else:
            continue
        validation.errorTitle = "Valore non valido"
        validation.promptTitle = column.header
        validation.prompt = column.help
        add(column.key, validation)


GUIDE = [
    ("Come compilare il modello", True),
    ("Il foglio «Misure» elenca gli indicatori di cui l'ufficio è responsabile, con il target del piano "
     "e il valore della rilevazione precedente. Ogni riga è un indicatore (i target composti, come "
     "«≥ 10 iniziative 500 soggetti», hanno una riga per componente).", False),
    ("Le colonne grigie vengono dal piano e sono protette; si compilano solo le colonne bianche. "
     "La protezione non ha password: serve a evitare modifiche per errore. Non spostare, cancellare "
     "o rinominare righe, colonne e fogli: il file viene riletto dal controllo di gestione.", False),
    ("Cosa scrivere", True),
    ("Valore: il numero misurato alla data (80, 80%, 1.018,5). Solo numeri: le parole vanno nella Nota.", False),
    ("Avanzamento %: per attività e traguardi, la parte svolta da 0 a 100.", False),
    ("SI/NO: per i target SI, SI se realizzato, NO se non ancora. Non compilare insieme Valore e SI/NO.", False),
    ("Data di completamento: quando l'attività è stata completata, come gg/mm/aaaa.", False),
    ("Giudizio: per i target descrittivi, scegliere raggiunto, in linea, a rischio o non raggiunto.", False),
    ("Valore di riferimento: per i target relativi (es. «> media del triennio precedente»), il valore di confronto.", False),
    ("Totale unità: per i target di copertura (es. «almeno 1 incontro con ciascun ufficio»), quante unità vanno "
     "coperte in tutto (es. il numero degli uffici); il Valore è il numero di quelle già coperte. Senza il totale "
     "il target non si può valutare.", False),
    ("Nota, Fonte: il commento che accompagna il dato e da dove viene il dato.", False),
    ("Proposta di aggiornamento del target e Motivazione: solo se si chiede di cambiare il target; "
     "la proposta senza motivazione non viene presentata alla Giunta.", False),
    ("Causa esterna: un evento non dipendente dall'ufficio che spiega lo scostamento.", False),
    ("Validato da: il dirigente o l'E.Q. che ha controllato i dati.", False),
    ("Numeri e date", True),
    ("Le date si scrivono gg/mm/aaaa (30/06/2023); i decimali con la virgola (85,5). "
     "Se un dato non è disponibile, lasciare vuota la cella e spiegarlo nella Nota.", False),
]


def _guide_sheet(sheet, plan: Plan, as_of: date) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.column_dimensions["A"].width = 110
    sheet.cell(1, 1, f"{plan.ente.name} — rilevazione delle misure al {format_it.long_date(as_of)}").font = Font(bold=True, size=13)
    for number, (text, heading) in enumerate(GUIDE, start=3):
        cell = sheet.cell(number, 1, text)
        cell.font = Font(bold=heading, size=12 if heading else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.protection.sheet = True


def _meta_sheet(sheet, meta: Metadata) -> None:
    from openpyxl.styles import Font

    sheet.cell(1, 1, "NON MODIFICARE: dati usati da piao-rules per rileggere il modello").font = Font(bold=True)
    values = {
        "format": FORMAT, "ente": meta.ente, "title": meta.title, "year": meta.year, "revision": meta.revision,
        "as_of": meta.as_of, "office": meta.office, "plan_fingerprint": meta.plan_fingerprint,
        "rows_fingerprint": meta.rows_fingerprint, "created": meta.created,
    }
    number = 3
    for key, label in META_LABELS.items():
        sheet.cell(number, 1, label)
        cell = sheet.cell(number, 2, values[key])
        if key == "as_of":
            cell.number_format = DATE_FORMAT
        elif isinstance(values[key], str):
            cell.data_type = "s"
        number += 1
    number += 1
    sheet.cell(number, 1, ROWS_LABEL).font = Font(bold=True)
    for key, target in meta.rows:
        number += 1
        sheet.cell(number, 1, key).data_type = "s"
        sheet.cell(number, 2, target).data_type = "s"
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 60
    sheet.protection.sheet = True
    sheet.sheet_state = "hidden"
