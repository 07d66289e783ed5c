"""Word documents laid out like the seed documents, built with python-docx from the examples.

- :func:`build_cuneo`: the monitoring tables of the Cuneo annex at 30/06/2023 (71 indicator
  rows): «N. | OBIETTIVO … | responsabile | Indicatori | Target | Misura al 30.6», one table per
  page with the header repeated, header labels one column left of the data in some tables,
  merged N., objective and owner cells, rows shifted one or two columns left (blocks 11, 12,
  17), a measure split by a page break, markup remnants and «proposta di aggiornamento» in
  the target cells. Built from ``examples/cuneo``.
- :func:`build_torino`: the PIAO 2022 of Torino: strategic KPI tables per objective with
  SOGLIA, «(Tipologia: …)», «(Fonte …)» and the C/S/A marks inside the cells; operational
  tables «Area | Obiettivo | Indicatore | Target» with the weights in the first columns;
  individual cards. Built from ``examples/torino/piano.csv``.
- :func:`build_alessandria`: a part of the Alessandria 2020 tree (area 1, and the cards
  of its objectives) as printed in the Alessandria-Asti deliberation: label/value cards
  «Peso | 40 %», «Stato | 6», «Target 2020 | >= 3», one-cell cards «Peso 50 % Stato 100 %
  Target 2020 >= 60 %», and «KPI Associati» tables with «Anno: 2020 >= 3 Anno: 2021 >= 3».
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import yaml
from docx.enum.text import WD_BREAK

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


# ---------------------------------------------------------------- helpers


def _merge_down(table, column: int, first: int, last: int, text: str) -> None:
    cell = table.cell(first, column)
    if last > first:
        cell = cell.merge(table.cell(last, column))
    cell.text = text


def _set(table, row: int, column: int, text: str) -> None:
    table.cell(row, column).text = text


def _page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ---------------------------------------------------------------- Cuneo


@dataclass
class _Row:
    code: str
    indicator: str
    target: str
    measure: str
    shift: int = 0  # cells written this many columns left of their place


@dataclass
class _Objective:
    name: str
    rows: list[_Row] = field(default_factory=list)


@dataclass
class _Block:
    number: str
    owner: str
    objectives: list[_Objective] = field(default_factory=list)


# Tables of the annex: (header kind, header variant, blocks). Variant «A» prints the labels one
# column left of the data, «B» above it (both occur in the seed).
CUNEO_TABLES = [
    ("DIRIGENZIALE", "A", ["1", "2", "3", "4", "5", "6", "7"]),
    ("DIRIGENZIALE", "B", ["8"]),
    ("OPERATIVO", "B", ["9", "10", "11"]),
    ("DIRIGENZIALE", "A", ["12"]),
    ("OPERATIVO", "A", ["13", "14", "15", "16"]),
    ("OPERATIVO", "A", ["17", "18", "19"]),
    ("OPERATIVO", "A", ["20"]),  # page break inside block 20: its first measure goes on
    ("OPERATIVO", "A", ["20", "21", "22"]),
    ("OPERATIVO", "B", ["23", "24", "25", "26"]),
    ("OPERATIVO", "B", ["27"]),
    ("OPERATIVO", "B", ["28"]),
]
CUNEO_SHIFTED = {"O11.4-2": 2, "O12-2": 1, "O12-3": 1, "O17.1-2": 1}
CUNEO_SPLIT = "O20.1-1"  # its measure is cut by the page break between tables 7 and 8
CUNEO_HEADER_TYPO = 3  # table whose header reads «30.6.20235»


def cuneo_measure_text(measure: dict[str, str], components: list[tuple[str, str]]) -> str:
    """The «Misura al 30.6» cell of one indicator, in the forms the seed uses."""
    value, progress, note = measure.get("valore", ""), measure.get("avanzamento", ""), measure.get("nota", "")
    if components and not note.count(":") and len(components) == 2 and components[0][0] == "Facebook":
        return " ".join(f"{label}: {number}" for label, number in components)
    if components and components[0][0] == "iniziative":
        return f"{components[0][1]} iniziative {components[1][1]} partecipanti"
    if progress and not note:
        return f"{progress}%"
    if progress:
        return f"{note.rstrip('.')} ({progress}%)"
    if value and not note:
        return value
    if value and re.search(rf"(?<![\d,]){re.escape(value.rstrip('%'))}(?![\d,])", note):
        return note
    if value:
        return f"{value} ({note.rstrip('.')})"
    return note


def cuneo_blocks() -> list[_Block]:
    plan = yaml.safe_load((EXAMPLES / "cuneo" / "piano.yaml").read_text(encoding="utf-8"))
    with open(EXAMPLES / "cuneo" / "misure-2023-06-30.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    measures: dict[str, dict[str, str]] = {}
    components: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        if row["componente"]:
            components.setdefault(row["codice"], []).append((row["componente"], row["valore"]))
        measures.setdefault(row["codice"], {k: v for k, v in row.items() if v})
    blocks: dict[str, _Block] = {}
    for area in plan["aree"]:
        for objective in area["obiettivi"]:
            number = objective["codice"][1:].split(".")[0].lstrip("0")
            name = objective["nome"]
            if objective.get("tipo") == "di_struttura":
                name += " (OBIETTIVO DI STRUTTURA)"
            block = blocks.setdefault(number, _Block(number, objective["responsabile"]))
            item = _Objective(name)
            for indicator in objective["indicatori"]:
                code = indicator["codice"]
                measure = measures.get(code, {})
                target = str(indicator["target"])
                if measure.get("proposta_target"):
                    target = _with_proposal(code, target, measure["proposta_target"])
                text = cuneo_measure_text(measure, components.get(code, []))
                item.rows.append(_Row(code, indicator["nome"], target, text, CUNEO_SHIFTED.get(code, 0)))
            block.objectives.append(item)
    return [blocks[str(n)] for n in range(1, 29)]


def _with_proposal(code: str, target: str, proposal: str) -> str:
    if target.startswith("<p>"):
        return f"{target} <p>proposta di aggiornamento: {proposal}</p>"
    return f"{target} proposta di aggiornamento {proposal}"


def build_cuneo(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Monitoraggio periodico performance organizzativa al 30 giugno 2023"
    document.add_paragraph("MONITORAGGIO PERIODICO PERFORMANCE ORGANIZZATIVA al 30 giugno 2023", style="Title")
    document.add_paragraph("Allegato alla Delibera di Giunta n. 107 del 31 luglio 2023")
    document.add_paragraph("Camera di commercio di Cuneo")
    document.add_heading("Valutazione sintetica stato di attuazione obiettivi 2023", level=1)
    document.add_paragraph("Situazione al 30 giugno 2023")
    blocks = {block.number: block for block in cuneo_blocks()}
    first_rows = {"20": 1}  # table 7 holds the first row of block 20, table 8 the rest
    for number, (kind, variant, block_numbers) in enumerate(CUNEO_TABLES, start=1):
        rows: list[tuple[_Block, int, _Objective, _Row]] = []
        for block_number in block_numbers:
            block = blocks[block_number]
            flat = [(block, i, o, r) for i, o in enumerate(block.objectives) for r in o.rows]
            if block_number in first_rows:
                split = first_rows[block_number]
                flat = flat[:split] if number == 7 else flat[split:]
            rows.extend(flat)
        extra = 1 if number == 8 else 0  # the continuation row at the top of table 8
        table = document.add_table(rows=2 + extra + len(rows), cols=6)
        table.style = "Table Grid"
        _cuneo_header(table, kind, variant, "30.6.20235" if number == CUNEO_HEADER_TYPO else "30.6.2023")
        start = 2
        if extra:
            _set(table, 2, 5, _split_measure(blocks["20"].objectives[0].rows[0].measure)[1])
            start = 3
        _cuneo_rows(table, rows, start, continued=number == 8)
        if number < len(CUNEO_TABLES):
            _page_break(document)
    document.add_heading("Grado di soddisfazione dei destinatari delle attività e dei servizi", level=1)
    document.add_paragraph("Il grado di soddisfazione è rilevato con indagini periodiche.")
    document.save(path)
    return path


def _split_measure(text: str) -> tuple[str, str]:
    words = text.split()
    half = len(words) // 2
    return " ".join(words[:half]), " ".join(words[half:])


def _cuneo_header(table, kind: str, variant: str, when: str) -> None:
    _merge_down(table, 0, 0, 1, "N.")
    _merge_down(table, 1, 0, 1, f"OBIETTIVO {kind}")
    group = 2 if variant == "A" else 3
    table.cell(0, group).merge(table.cell(0, 5)).text = f"Stato di attuazione al {when}"
    for offset, label in enumerate(("Indicatori", "Target", "Misura al 30.6")):
        _set(table, 1, group + offset, label)


def _cuneo_rows(table, rows, start: int, continued: bool) -> None:
    """Write the indicator rows, merging N. and owner over each block and the objective over its rows."""
    index = start
    groups: list[tuple[_Block, list[int]]] = []
    objective_rows: dict[tuple[str, int], list[int]] = {}
    for block, objective_index, objective, row in rows:
        if not groups or groups[-1][0] is not block:
            groups.append((block, []))
        groups[-1][1].append(index)
        if row.shift == 0:
            objective_rows.setdefault((block.number, objective_index), []).append(index)
        cells = ["", "", "", row.indicator, row.target, row.measure]
        if row.code == CUNEO_SPLIT and not continued:
            cells[5] = _split_measure(row.measure)[0]
        if row.shift:
            moved = [row.indicator, row.target, row.measure]
            cells = ["", "", "", "", "", ""]
            if row.shift == 1:  # the indicator lands in the objective column, the owner cell stays merged
                cells[1], cells[3], cells[4] = moved
            else:
                cells[1:4] = moved
        for column in (1, 3, 4, 5) if row.shift != 2 else (1, 2, 3):
            if cells[column]:
                _set(table, index, column, cells[column])
        index += 1
    for block, indexes in groups:
        if not continued or block.number != "20":
            _merge_down(table, 0, indexes[0], indexes[-1], block.number)
        owner_rows = [i for i in indexes if not _shifted_two(rows, i - start)]
        _merge_owner(table, owner_rows, "" if continued and block.number == "20" else block.owner)
    for (block_number, objective_index), indexes in objective_rows.items():
        block = next(b for b, _ in groups if b.number == block_number)
        if continued and block_number == "20" and objective_index == 0:
            continue  # the objective's cell was on the previous page
        name = block.objectives[objective_index].name
        _merge_down(table, 1, indexes[0], indexes[-1], name)


def _shifted_two(rows, position: int) -> bool:
    return rows[position][3].shift == 2


def _merge_owner(table, indexes: list[int], owner: str) -> None:
    """Merge the owner cell over the block's rows (a row shifted by two has its own cell there)."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for number, run in enumerate(runs):
        _merge_down(table, 2, run[0], run[-1], owner if number == 0 else "")
