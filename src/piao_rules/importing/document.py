"""Turn a read document (paragraphs and tables) into a plan: the reading order of a .docx."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date

from piao_rules.importing import cards, rows, vocabulary
from piao_rules.importing.build import Builder, Built, Options
from piao_rules.importing.headings import LONG, HeadingReader, heading_roles
from piao_rules.importing.layout import Layout, find_layout, own_texts
from piao_rules.importing.records import Event, IndicatorRow, Note, Origin
from piao_rules.importing.report import Report
from piao_rules.importing.source import Document, Grid, Paragraph

_ENTE = re.compile(
    r"\bCamera\s+di\s+commercio(?:,?\s+industria,?\s+artigianato\s+e\s+agricoltura)?(?:\s+(?:di|del|della|dell'))?\s*"
    r"(?P<city>[A-ZÀ-Ú][\w'’]+(?:[- ](?:[A-ZÀ-Ú][\w'’]+))*)",
    re.IGNORECASE,
)


def import_document(document: Document, report: Report, options: Options) -> Built:
    """The plan (and measures) of ``document``; the report collects what was read and what was not."""
    notes: list[Note] = []
    layouts = _layouts(document, notes)
    known = rows.Known()
    for grid in document.grids:
        if grid.number in layouts:
            rows.learn(grid, layouts[grid.number], known)
    events: list[Event] = []
    state = rows.State()
    headings = HeadingReader(notes, roles=heading_roles([b for b in document.blocks if isinstance(b, Paragraph)]))
    paragraphs = 0
    titles: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            paragraphs += 1
            state.break_flow()
            events.extend(headings.read(block, Origin(f"paragrafo {paragraphs}"), paragraphs - 1))
            continue
        headings.table()
        events.extend(_read_grid(block, layouts.get(block.number), state, known, notes, titles))
    report.notes.extend(notes)
    builder = Builder(report, options)
    builder.feed(events)
    as_of = options.as_of or _monitoring_date(titles, events, options.year, report)
    ente = _ente(document)
    return builder.build(ente, options.year, as_of, title=document.title or None)


def _layouts(document: Document, notes: list[Note]) -> dict[int, Layout]:
    """The layout of each indicator table. A table without header after an indicator table of the
    same width (or one column narrower), with only headings or short paragraphs between, continues
    it: a table cut by a page break, or split by the conversion of a PDF. A table whose first row
    Word marks as its header has a header of its own, and is never such a continuation."""
    layouts: dict[int, Layout] = {}
    previous: Grid | None = None
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if len(block.text) > LONG:
                previous = None
            continue
        layout = find_layout(block)
        if layout is not None and not layout.has(vocabulary.TARGET) and cards.is_card(block):
            layout = None  # «Indicatori | Azione» above cards with the labels in one cell
        if layout is None and previous is not None and previous.width - 1 <= block.width <= previous.width \
                and not block.headed and not cards.is_card(block):
            layout = replace(layouts[previous.number], header_rows=[], notes=[], typos=[])
            notes.append(Note("intestazioni", block.label(), f"tabella senza intestazione dopo la {previous.label()}: "
                                                             "letta con la stessa intestazione (tabella spezzata tra due pagine)"))
        if layout is not None:
            layouts[block.number] = layout
            previous = block if layout.header_rows else previous
        else:
            previous = None
    return layouts


def _read_grid(grid: Grid, layout: Layout | None, state: rows.State, known: rows.Known, notes: list[Note],
               titles: list[str]) -> list[Event]:
    label = grid.label()
    filled = [cell for row in grid.rows for cell in row if cell.text]
    if not filled:
        if any(cell.image for row in grid.rows for cell in row):
            notes.append(Note("tabelle", label, "contiene solo immagini, nessun testo da leggere: se è una tabella "
                                                "incollata come immagine, ricopiarla come tabella di Word"))
        else:
            notes.append(Note("tabelle", label, "tabella vuota: ignorata"))
        return []
    if layout is not None:
        for message in layout.notes:
            notes.append(Note("intestazioni", label, message))
        for written, known_word in layout.typos:
            notes.append(Note("refusi", label, f"intestazione «{written}» letta come «{known_word}»"))
        titles.extend(layout.titles)
        found = rows.read_rows(grid, layout, state, known, notes)
        count = sum(1 for e in found if isinstance(e, IndicatorRow))
        columns = ", ".join(f"{h.role}" for _, h in sorted(layout.columns.items()))
        notes.append(Note("tabelle", label, f"letta come tabella di indicatori ({columns}): {count} righe di indicatori"))
        return found
    if cards.is_card(grid):
        state.break_flow()
        found = cards.read_card(grid, notes)
        notes.append(Note("tabelle", label, f"letta come schede di indicatori (Peso, Stato, Target): {len(found)} indicatori"))
        return found
    first = next((own_texts(row) for row in grid.rows if own_texts(row)), {})
    shown = " | ".join(list(first.values())[:4])
    notes.append(Note("tabelle", label, f"nessuna intestazione riconosciuta (servono almeno Indicatore e Target): ignorata; prima riga «{shown[:100]}»"))
    return []


def _monitoring_date(titles: list[str], events: list[Event], year: int | None, report: Report) -> date | None:
    """The date the measure columns name («Stato di attuazione al 30.6.2023», «Misura al 30.6»)."""
    full: Counter = Counter()
    partial = []
    for text in titles + [e.measure_when for e in events if isinstance(e, IndicatorRow) and e.measure_when]:
        try:
            when = vocabulary.header_date(text, None)
        except ValueError:
            report.add("intestazioni", "", f"data impossibile nell'intestazione «{text}»: ignorata")
            continue
        if when is not None:
            full[when] += 1
        elif vocabulary.read_header(text) is not None or re.search(r"\d", text):
            partial.append(text)
    if full:
        return full.most_common(1)[0][0]
    if year is not None:
        for text in partial:
            try:
                when = vocabulary.header_date(text, year)
            except ValueError:
                continue
            if when is not None:
                return when
    return None


def _ente(document: Document) -> str | None:
    """«Camera di commercio di Cuneo», as written in the title or the first paragraphs."""
    paragraphs = [b.text for b in document.blocks[:60] if isinstance(b, Paragraph)]
    pairs = [f"{a} {b}" for a, b in zip(paragraphs, paragraphs[1:])]
    for text in [document.title, *paragraphs, *pairs]:
        if match := _ENTE.search(text or ""):
            if match.group("city").lower() in ("industria", "artigianato"):
                continue
            return " ".join(match.group(0).split())
    return None
