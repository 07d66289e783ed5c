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


# ---------------------------------------------------------------- Torino


def torino_rows() -> list[dict[str, str]]:
    with open(EXAMPLES / "torino" / "piano.csv", encoding="utf-8-sig", newline="") as stream:
        return [{k: v for k, v in row.items() if v} for row in csv.DictReader(stream, delimiter=";")]


def _groups(rows: list[dict[str, str]], key: str) -> list[tuple[str, list[dict[str, str]]]]:
    groups: list[tuple[str, list[dict[str, str]]]] = []
    for row in rows:
        if not groups or groups[-1][0] != row[key]:
            groups.append((row[key], []))
        groups[-1][1].append(row)
    return groups


def _flags(note: str) -> str:
    return " ".join(re.findall(r"\(([CSA])\)", note)) if note.startswith("Contrassegni") else ""


def _strategic_kpi(row: dict[str, str]) -> tuple[str, str]:
    """The «Indicatore» and «Algoritmo» cells of a strategic KPI, packed as in the PIAO."""
    parts = [row["codice"], _flags(row.get("note", "")), row["nome"]]
    if row.get("soglia"):
        parts.append(f"SOGLIA {row['soglia']}")
    if row.get("tipologia"):
        parts.append(f"(Tipologia: {row['tipologia']})")
    formula = row.get("algoritmo", "")
    if row.get("fonte"):
        formula = f"{formula} (Fonte {row['fonte']})".strip()
    return " ".join(p for p in parts if p), formula


TORINO_KPI_HEADER = ["Indicatore", "Algoritmo", "Valore 2021", "Target 2022", "Target 2023", "Target 2024"]


def build_torino(path: Path) -> Path:
    rows = torino_rows()
    document = docx.Document()
    document.core_properties.title = "Piano integrato di attività e organizzazione 2022"
    document.add_paragraph("Piano integrato di attività e organizzazione 2022-2024", style="Title")
    document.add_paragraph("Camera di commercio industria artigianato e agricoltura di Torino")
    document.add_heading("3.1 – Valore pubblico: gli obiettivi strategici", level=1)
    strategic = [r for r in rows if r.get("obiettivo_tipo") == "strategico"]
    for area_code, area_rows in _groups(strategic, "area_codice"):
        number = area_code[1:]
        area_name = area_rows[0]["area_nome"]
        in_table = number == "5"  # the seed prints the last area inside the table
        if not in_table:
            document.add_heading(f"{number} - {area_name}", level=2)
            document.add_paragraph("Attività di sostegno e sviluppo della linea strategica.")
        for position, (objective_code, objective_rows) in enumerate(_groups(area_rows, "obiettivo_codice")):
            _strategic_table(document, objective_code, objective_rows, f"{number} - {area_name} Attività della linea" if in_table and position == 0 else None)
    document.add_heading("3.2 – Performance operativa", level=1)
    document.add_paragraph("Le tabelle riportano gli obiettivi delle unità organizzative per il 2022.")
    operational = [r for r in rows if r.get("obiettivo_tipo") == "operativo"]
    for area_code, area_rows in _groups(operational, "area_codice"):
        _operational_table(document, area_code, area_rows)
    document.add_heading("3.3 – Performance individuale", level=1)
    individual = [r for r in rows if r.get("obiettivo_tipo") == "individuale"]
    for holder, holder_rows in _groups(individual, "obiettivo_responsabile"):
        document.add_paragraph(f"Obiettivi individuali - {holder}")
        _individual_table(document, holder_rows, with_values=holder == "Dirigente Area Anagrafe")
    document.save(path)
    return path


def _strategic_table(document, objective_code: str, rows: list[dict[str, str]], area_row: str | None) -> None:
    name = rows[0]["obiettivo_nome"]
    kpis = [r for r in rows if r.get("codice")]
    split = next((i for i, r in enumerate(kpis) if r["codice"] == "kpi4.1.1_08"), None)
    pages = [kpis] if split is None else [kpis[: split + 1], kpis[split + 1:]]
    for page, page_kpis in enumerate(pages):
        table = document.add_table(rows=0, cols=6)
        table.style = "Table Grid"
        if page == 0:
            if area_row:
                _full_row(table, area_row)
            _objective_heading(table, objective_code, name)
            described = table.add_row().cells
            described[0].text = "Descrizione"
            described[1].merge(described[5]).text = f"<i>{name}</i>"
            _cells(table.add_row(), TORINO_KPI_HEADER)
        for kpi in page_kpis:
            if "_continuation" in kpi:  # the rest of the row cut by the page break
                _cells(table.add_row(), [*kpi["_continuation"], "", "", "", ""])
                continue
            indicator, formula = _strategic_kpi(kpi)
            targets = [kpi.get("target_2022", ""), kpi.get("target_2023", ""), kpi.get("target_2024", "")]
            baseline = kpi.get("baseline_valore", "")
            if kpi["codice"] == "kpi4.1.1_08" and page == 0:
                head, tail = _split_words(indicator, 6)
                algo_head, algo_tail = _split_words(formula, 8)
                _cells(table.add_row(), [head, algo_head, baseline, *targets])
                pages[1].insert(0, {"_continuation": [tail, algo_tail]})
                continue
            if kpi["codice"] == "kpi4.1.1_01":  # the source of the formula wraps to a row of its own
                main, source = formula.rsplit(" (Fonte", 1)
                _cells(table.add_row(), [indicator, main, baseline, *targets])
                _cells(table.add_row(), ["", f"(Fonte{source}", "", "", "", ""])
                continue
            if kpi["codice"] == "kpi6.1.1_02":  # the end of the indicator text wraps to a row of its own
                head, tail = _split_words(indicator, len(indicator.split()) - 4)
                _cells(table.add_row(), [head, formula, baseline, *targets])
                _cells(table.add_row(), [tail, "", "", "", "", ""])
                continue
            _cells(table.add_row(), [indicator, formula, baseline, *targets])
        document.add_paragraph("")


def _objective_heading(table, code: str, name: str) -> None:
    """The objective rows in the forms the seed shows."""
    if code == "OS04.1.1":
        _full_row(table, f"{code} - {name}")
        _full_row(table, "Obiettivo strategico")
    elif code == "OS08.2.1":
        cells = table.add_row().cells
        cells[0].text = "Obiettivo strategico"
        cells[1].merge(cells[5]).text = f"{code} - {name}"
    else:
        _full_row(table, f"Obiettivo strategico {code} - {name}")


def _full_row(table, text: str) -> None:
    cells = table.add_row().cells
    cells[0].merge(cells[-1]).text = text


def _cells(row, texts: list[str]) -> None:
    for cell, text in zip(row.cells, texts):
        if text:
            cell.text = text


def _split_words(text: str, at: int) -> tuple[str, str]:
    words = text.split()
    return " ".join(words[:at]), " ".join(words[at:])


def _percent(value: str) -> str:
    return f"{value}%"


def _kpi_text(row: dict[str, str]) -> str:
    text = f"{row['codice']} - {row['nome']}"
    soglia = row.get("soglia")
    if soglia:
        text += f" (SOGLIA {soglia})" if soglia == "0,5" else f" SOGLIA {soglia}"
    return text


TORINO_SHIFTED = {"kpi4.1.1-02a", "kpi4.1.1-03a", "kpi4.1.1-04a", "kpi4.1.1-1a", "kpi4.1.1-1b"}
TORINO_OBJECTIVE_IN_INDICATOR_COLUMN = {"OP7.1.2-06", "OP7.1.2-10"}
TORINO_SPLIT_OBJECTIVES = {"OP14.5.1-01", "OP2.1.1-04", "OP4.1.1-06"}


def _operational_table(document, area_code: str, rows: list[dict[str, str]]) -> None:
    area_name = rows[0]["area_nome"]
    if area_code == "ASTRM":
        document.add_heading(area_name, level=2)
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    _cells(table.add_row(), ["Area", "Obiettivo", "Indicatore", "Target"])
    if area_code != "ASTRM":
        cells = table.add_row().cells
        cells[0].text = area_name
    for objective_code, objective_rows in _groups(rows, "obiettivo_codice"):
        objective = objective_rows[0]
        kpis = [r for r in objective_rows if r.get("codice")]
        title = f"{objective_code} - {objective['obiettivo_nome']}"
        weight = _percent(objective["obiettivo_peso"])
        first_inline = kpis and "peso" not in kpis[0]
        if objective_code in TORINO_OBJECTIVE_IN_INDICATOR_COLUMN:
            _cells(table.add_row(), [weight, "", title, ""])
        elif first_inline:
            kpi = kpis.pop(0)
            _cells(table.add_row(), [weight, title, _kpi_text(kpi), kpi["target_2022"]])
        elif objective_code in TORINO_SPLIT_OBJECTIVES:
            head, tail = _split_words(title, 8)
            _cells(table.add_row(), [weight, head, "", ""])
            _cells(table.add_row(), ["", tail, "", ""])
        else:
            _cells(table.add_row(), [weight, title, "", ""])
        for kpi in kpis:
            if kpi["codice"] in TORINO_SHIFTED:
                _cells(table.add_row(), [_percent(kpi["peso"]), _kpi_text(kpi), kpi["target_2022"], ""])
            else:
                _cells(table.add_row(), ["", _percent(kpi["peso"]) if kpi.get("peso") else "", _kpi_text(kpi), kpi["target_2022"]])
    document.add_paragraph("")


def _description(row: dict[str, str]) -> str:
    note = row.get("note", "")
    text = row["nome"]
    if note.startswith("Descrizione: "):
        text = note.removeprefix("Descrizione: ").split(" Nella scheda")[0].split(" Soglia 2021")[0].rstrip(".")
    if row.get("soglia"):
        before = "SOGLIA 20% (anno 2021) " if "Soglia 2021" in note else ""
        text += f" {before}SOGLIA {row['soglia']}"
    return text


def _individual_table(document, rows: list[dict[str, str]], with_values: bool) -> None:
    header = ["Obiettivo", "Peso indicatore", "Indicatore", "Descrizione", "Algoritmo", "Target"]
    if with_values:
        header.insert(5, "Valore misure")
    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    _cells(table.add_row(), header)
    for objective_code, objective_rows in _groups(rows, "obiettivo_codice"):
        _full_row(table, f"{objective_code} - {objective_rows[0]['obiettivo_nome']}")
        if objective_code == "OP1.1.1-12":  # the name repeated on a row of its own
            _full_row(table, objective_rows[0]["obiettivo_nome"])
        for kpi in (r for r in objective_rows if r.get("codice")):
            values = [_percent(kpi["peso"]) if kpi.get("peso") else "", f"{kpi['codice']} - {kpi['nome']}",
                      _description(kpi), kpi.get("algoritmo", "")]
            if with_values:
                values.append("n.d. / n.d." if "n.d. / n.d." in kpi.get("note", "") else "n.d.")
            values.append(kpi.get("target_2022", ""))
            if kpi["codice"] == "kpi1.1.1-06b":  # the empty first cell dropped: the row shifts left
                _cells(table.add_row(), values + [""])
            else:
                _cells(table.add_row(), [""] + values)
    document.add_paragraph("")


# ---------------------------------------------------------------- Alessandria (Alessandria-Asti 2020)

# (name, weight, «Stato», targets by year, formula of the detail card or None)
_Kpi = tuple[str, str, str, dict[int, str], str | None]

AL_AREA1 = "AREA1 - SOSTENERE L'INNOVAZIONE E IL RILANCIO COMPETITIVO DEI TERRITORI"
AL_OS1 = "GARANTIRE IL RAFFORZAMENTO DELLE IMPRESE"
AL_OS1_KPIS: list[_Kpi] = [
    ("Organizzazione momenti formativi per le imprese su tematiche specifiche ed innovative", "40 %", "6",
     {2020: ">= 3", 2021: ">= 3", 2022: ">= 3"}, "EVENTI INIZIATIVE ORGANIZZATE - Fonte: Rilevazione interna CCIAA"),
    ("Valore medio performance obiettivi operativi", "60 %", "100",
     {2020: ">= 80", 2021: ">= 80", 2022: ">= 80"}, "VALORE MEDIO OBIETTIVI OPERATIVI - Fonte: Elaborazione interna CCIAA"),
]
AL_OP1 = ("011-005-001", "Regolamentazione, incentivazione dei settori imprenditoriali e riassetto industriali")
_RESOURCES = "RISORSE CONSUMATE PER PROGETTI SPECIFICI / RISORSE A BUDGET ASSEGNATE A PROGETTO SPECIFICO*100 - Fonte: Rilevazione interna CCIAA"
AL_OP1_KPIS: list[_Kpi] = [
    ("Realizzazione di iniziative formative/informative in collaborazione con il Comitato per l'imprenditoria "
     "femminile rivolte prevalentemente a donne imprenditrici o aspiranti tali", "14,29 %", "1", {2020: ">= 1"},
     "REALIZZAZIONE INIZIATIVE SPECIFICHE RIFERIBILI A OBIETTIVI OPERATIVI - Fonte: Rilevazione interna CCIAA"),
    ("Grado di utilizzo delle risorse stanziati per il sostegno alla diffusione della digitalizzazione delle imprese",
     "14,29 %", "100 %", {2020: ">= 60 %"}, _RESOURCES),
    ("Iniziativa formative e informative (convegni, congressi, seminari, percorsi formativi) rivolte alle imprese",
     "14,29 %", "10", {2020: ">= 3"},
     "REALIZZAZIONE INIZIATIVE SPECIFICHE RIFERIBILI A OBIETTIVI OPERATIVI - Fonte: Rilevazione interna CCIAA"),
    ("Grado di utilizzo delle risorse stanziati per l'orientamento al lavoro e alle professioni", "14,29 %", "100 %",
     {2020: ">= 60 %"}, _RESOURCES),
    ("Grado di utilizzo delle risorse stanziati per la valorizzazione del turismo e del patrimonio culturale", "14,26 %",
     "---", {2020: ">= 60 %"}, _RESOURCES),
    ("Pubblicazione, diffusione e divulgazione del bilancio di genere", "14,29 %", "---", {2020: "SI"},
     "PUBBLICAZIONE E DIFFUSIONE BILANCIO DI GENERE - Fonte: Rilevazione interna CCIAA"),
    ("Coordinare le attività di CAMERA DI COMMERCIO e AZIENDA SPECIALE ASPERIA per la realizzazione di iniziative "
     "promozionali a favore del territorio", "14,29 %", "---", {2020: "SI"},
     "COORDINAMENTO ATTIVITA' DI CAMERA DI COMMERCIO E AZIENDA SPECIALE ASPERIA - Fonte: Rilevazione interna CCIAA"),
]
AL_OP2 = ("011-005-003", "Efficienza processi tecnico amministrativi")
AL_OP2_KPIS: list[_Kpi] = [
    ("Customer servizi camerali - Rilevazione del grado di soddisfazione dell'utenza", "100 %", "---", {2020: ">= 3"}, None),
]
AL_AREA2 = "AREA 2 - RAFFORZARE IL MERCATO E PROMUOVERE L'IMPRESA ITALIANA NEL MONDO"
AL_OS2 = "PROMUOVERE LA REGOLAZIONE DEL MERCATO"
AL_OS2_KPIS: list[_Kpi] = [
    ("Sportello Suap: numero di comuni con funzioni di backoffice", "20 %", "60", {2020: ">= 60", 2021: ">= 60", 2022: ">= 60"}, None),
    ("Valore medio performance obiettivi operativi", "60 %", "100", {2020: ">= 80", 2021: ">= 80", 2022: ">= 80"}, None),
    ("Percentuale di evasione delle pratiche registro imprese entro i termini (5 giorni) maggiore della media "
     "nazionale dell'anno precedente", "20 %", "---", {2020: "SI", 2021: "SI", 2022: "SI"}, None),
]
AL_OP3 = ("012-004-001", "Vigilanza sui mercati e sui prodotti e tutela dei consumatori")
AL_OP3_KPIS: list[_Kpi] = [
    ("Grado di utilizzo delle risorse stanziare per il supporto della Camera Arbitrale e per la tutela dei consumatori",
     "50 %", "100 %", {2020: ">= 60 %"}, None),
    ("Iniziativa in tema di diffusione attività conciliativa e di strumenti per la trasparenza del mercato e la "
     "tutela dei consumatori", "50 %", "2", {2020: ">= 2"}, None),
]
AL_OP4 = ("012-004-003", "Efficienza processi tecnico amministrativi dell'anagrafe")
AL_OP4_KPIS: list[_Kpi] = [
    ("Customer servizi camerale - Rilevazione del grado di soddisfazione dell'utenza", "50 %", "---", {2020: ">= 3"}, None),
    ("Riorganizzazione dell'unità Registro Imprese in un'ottica di miglioramento della qualità dei servizi all'utenza",
     "50 %", "---", {2020: "SI"}, None),
]
AL_ACTIONS = ["1.11.5.01.05 Promozione e servizi generali a rilevanza economica",
              "1.11.5.01.09 Supporto alla diffusione della digitalizzazione"]


def _label_card(document, kpis: list[_Kpi]) -> None:
    """«Indicatori» then, for each indicator, its name and one label per row."""
    rows: list[tuple[str, str]] = [("Indicatori", "")]
    for name, weight, measure, targets, _ in kpis:
        rows += [(name, ""), ("Peso", weight), ("Stato", measure)]
        rows += [(f"Target {year}", text) for year, text in targets.items()]
    table = document.add_table(rows=0, cols=2)
    for first, second in rows:
        _cells(table.add_row(), [first, second])


def _inline_card(document, kpis: list[_Kpi], actions: list[str]) -> None:
    """The labels packed in one cell under the name; the second column lists the actions."""
    table = document.add_table(rows=0, cols=2)
    _cells(table.add_row(), ["Indicatori", "Azione"])
    for (name, weight, measure, targets, _), action in zip(kpis, actions + [""] * len(kpis)):
        _cells(table.add_row(), [name, action])
        labels = f"Peso {weight} Stato {measure} " + " ".join(f"Target {year} {text}" for year, text in targets.items())
        _cells(table.add_row(), [labels, ""])


def _kpi_table(document, kpis: list[_Kpi], typo: dict[str, str]) -> None:
    """«KPI Associati»: one row per indicator, targets written «Anno: 2020 >= 3 Anno: 2021 >= 3»."""
    table = document.add_table(rows=0, cols=5)
    _cells(table.add_row(), ["Indicatori testo", "Algoritmo", "Peso", "Stato", "Target"])
    for name, weight, measure, targets, formula in kpis:
        target = targets[2020] if len(targets) == 1 else " ".join(f"Anno: {y} {t}" for y, t in targets.items())
        for written, changed in typo.items():
            name = name.replace(written, changed)
        _cells(table.add_row(), [name, formula or "", weight.replace(" %", ""), measure.replace(" %", ""), target])


def build_alessandria(path: Path) -> Path:
    """Area 1 of the Alessandria 2020 tree, its detail cards, and part of area 2."""
    document = docx.Document()
    document.add_heading("Camera di commercio Alessandria-Asti", level=1)
    document.add_heading("Albero della Performance 2020", level=2)
    document.add_paragraph("sede di Alessandria")
    document.add_heading("Area Strategica", level=3)
    document.add_paragraph(AL_AREA1)
    document.add_heading("Obiettivo Strategico", level=4)
    document.add_paragraph(AL_OS1)
    _label_card(document, AL_OS1_KPIS)
    document.add_heading("Programma", level=4)
    document.add_paragraph("005 Promozione e attuazione di politiche di sviluppo e innovazione")
    document.add_heading("Obiettivo Operativo", level=4)
    document.add_paragraph(" ".join(AL_OP1))
    _label_card(document, AL_OP1_KPIS)
    document.add_paragraph("Azione")
    for action in AL_ACTIONS:
        document.add_paragraph(action)
    document.add_paragraph(" ".join(AL_OP2))
    _label_card(document, AL_OP2_KPIS)
    document.add_heading("Area Strategica", level=3)
    document.add_paragraph(AL_AREA2)
    document.add_heading("OBBIETTIVO STRATEGICO", level=4)  # the misspelling of the seed
    document.add_paragraph(AL_OS2)
    _label_card(document, AL_OS2_KPIS[:1])
    document.add_heading("Obiettivo Operativo", level=4)  # the seed prints the label before the rest of the OS card
    _label_card(document, AL_OS2_KPIS[1:])
    document.add_heading(" ".join(AL_OP3), level=4)
    _inline_card(document, AL_OP3_KPIS, ["2.12.4.01.01 Supporto alla Camera Arbitrale del Piemonte"])
    document.add_heading(" ".join(AL_OP4), level=4)
    _inline_card(document, AL_OP4_KPIS, [])
    # Detail cards: the strategic objective of area 1 and its first operational objective.
    document.add_page_break()
    document.add_heading(f"Obiettivo strategico: {AL_OS1}", level=1)
    document.add_paragraph("Durata 2020 - 2022")
    document.add_heading("Area Strategica", level=2)
    document.add_paragraph(AL_AREA1)
    document.add_heading("Descrizione", level=2)
    document.add_paragraph("Sostegno alle imprese del territorio con formazione e servizi mirati.")
    document.add_heading("KPI Associati", level=2)
    _kpi_table(document, AL_OS1_KPIS, {})
    document.add_page_break()
    document.add_heading(f"{AL_OP1[0]} {AL_OP1[1].replace('riassetto', 'riassetti')}", level=1)
    document.add_heading("Area Strategica", level=2)
    document.add_paragraph(AL_AREA1)
    document.add_heading("Obiettivo Strategico", level=2)
    document.add_paragraph(AL_OS1)
    document.add_heading("Responsabili:", level=2)
    document.add_paragraph("Ufficio promozione; Ufficio studi")
    document.add_heading("KPI Associati", level=2)
    _kpi_table(document, AL_OP1_KPIS, {"stanziati": "stanziate"})
    document.save(path)
    return path
