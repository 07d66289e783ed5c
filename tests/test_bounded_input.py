"""Bounded work on any input: YAML aliases and nesting, file size, special files, CSV and sheet limits.

Every reader is covered: plan, measures, rules, ente, mappa, phrases (YAML); CSV;
xlsx; docx (import and Word templates); the journal. Each case checks the exit code,
that the message names the file and the place, and that nothing was written.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from roundtrip_helpers import CUNEO, ROOT

from piao_rules.cli import main
from piao_rules.io import files, tables, yamlfile
from piao_rules.io.plans import load_plan

GALLERY = ROOT / "tests" / "gallery" / "file"
CUNEO_ARGS = ["piano.yaml", "misure-2023-06-30.csv", "--al", "30/06/2023", "--motore", "interno"]


def laughs(levels: int = 9) -> str:
    """«Billion laughs»: each level repeats the previous one nine times (10^9 strings once expanded)."""
    lines = ['l0: &l0 ["ah", "ah", "ah", "ah", "ah", "ah", "ah", "ah", "ah"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    for name in ("piano.yaml", "misure-2023-06-30.csv", "ente.yaml"):
        shutil.copy(CUNEO / name, tmp_path)
    shutil.copytree(ROOT / "rules", tmp_path / "regole")
    (tmp_path / "uscita").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str]):
    """The command, stopped by an alarm if it ever blocks (a pipe opened for reading waits for a writer)."""
    if not hasattr(signal, "SIGALRM"):  # Windows: no pipes to block on either
        return CliRunner().invoke(main, args)

    def blocked(signum, frame):
        raise AssertionError(f"il comando si è bloccato: {args}")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(60)
    try:
        return CliRunner().invoke(main, args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def refused(result, file: str, *parts: str, where: str = "") -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "errore interno" not in result.output
    place = f"{file}:{where}: " if where else f"{file}:"
    lines = [line for line in result.output.splitlines() if line.startswith(place)]
    assert lines and all(part in lines[0] for part in parts), result.output
    assert not any((Path("uscita")).iterdir())


# Every YAML reader, given a file of «billion laughs»: (command line, the file, placed where)
YAML_READERS = {
    "piano": (["verifica", "x.yaml"], "x.yaml"),
    "misure": (["verifica", "piano.yaml", "x.yaml"], "x.yaml"),
    "regole": (["valuta", *CUNEO_ARGS, "--regole", "regole"], "regole/stato.yaml"),
    "ente": (["allegato", *CUNEO_ARGS, "--ente", "x.yaml", "-o", "uscita/a.docx"], "x.yaml"),
    "mappa": (["importa", "misure-2023-06-30.csv", "--mappa", "x.yaml", "-o", "uscita/p.yaml"], "x.yaml"),
    "frasi": (["valuta", *CUNEO_ARGS, "--frasi", "x.yaml"], "x.yaml"),
}


@pytest.mark.parametrize("reader", YAML_READERS)
def test_billion_laughs_is_refused_by_every_yaml_reader(work, reader):
    args, file = YAML_READERS[reader]
    (work / file).write_text(laughs(), encoding="utf-8")
    refused(run(args), file, "i riferimenti «*» alle ancore «&» ripetono oltre 100.000 elementi", where="riga 6")


@pytest.mark.parametrize(("text", "where", "message"), [
    ("a: &a [1, *a]\n", "riga 1", "riferimento circolare"),
    ("a: &a {b: *a}\n", "riga 1", "riferimento circolare"),
    ("a: " + "[" * 100 + "]" * 100 + "\n", "riga 1", f"dati annidati su più di {yamlfile.MAX_DEPTH} livelli"),
])
def test_self_references_and_deep_nesting_are_refused(work, text, where, message):
    (work / "x.yaml").write_text(text, encoding="utf-8")
    refused(run(["verifica", "x.yaml"]), "x.yaml", message, where=where)


def test_ordinary_anchors_are_still_read(work):
    text = (work / "piano.yaml").read_text(encoding="utf-8")
    anchored = "x-responsabile: &resp UFFICIO PROVA\n" + text
    data, _ = yamlfile.parse(anchored, "p.yaml")
    assert data["x-responsabile"] == "UFFICIO PROVA"
    laughs_below_the_cap = yamlfile.parse(laughs(levels=4), "p.yaml")[0]  # 9^5 = 59.049 strings: allowed
    assert len(laughs_below_the_cap["l4"]) == 9


def special_file(path: Path, kind: str) -> None:
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "cartella":
        path.mkdir()
    else:
        os.symlink("/dev/zero", path)


# Every reader, given a pipe, a folder or a device: (command line, the file)
READERS = {
    "piano-yaml": (["verifica", "x.yaml"], "x.yaml"),
    "piano-xlsx": (["verifica", "x.xlsx"], "x.xlsx"),
    "misure-csv": (["verifica", "piano.yaml", "x.csv"], "x.csv"),
    "documento-docx": (["importa", "x.docx", "-o", "uscita/p.yaml"], "x.docx"),
    "giornale": (["allegato", *CUNEO_ARGS, "--giornale", "x.jsonl", "-o", "uscita/a.docx"], "x.jsonl"),
    "ente": (["allegato", *CUNEO_ARGS, "--ente", "x.yaml", "-o", "uscita/a.docx"], "x.yaml"),
    "mappa": (["importa", "misure-2023-06-30.csv", "--mappa", "x.yaml", "-o", "uscita/p.yaml"], "x.yaml"),
    "frasi": (["valuta", *CUNEO_ARGS, "--frasi", "x.yaml"], "x.yaml"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes and devices")
@pytest.mark.parametrize("kind", ["pipe", "dispositivo", "cartella"])
@pytest.mark.parametrize("reader", READERS)
def test_special_files_are_refused_before_reading(work, reader, kind):
    args, file = READERS[reader]
    special_file(work / file, kind)
    result = run(args)
    if kind == "cartella" and result.output.startswith("Uso:"):  # click's own check of the option
        assert result.exit_code == 2 and "è una cartella" in result.output
        return
    expected = {"pipe": "canale (pipe o socket)", "dispositivo": "dispositivo", "cartella": "cartella"}[kind]
    refused(result, file, expected)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_among_the_rules_or_the_templates_is_refused(work):
    (work / "regole" / "stato.yaml").unlink()
    os.mkfifo(work / "regole" / "stato.yaml")
    refused(run(["valuta", *CUNEO_ARGS, "--regole", "regole"]), "regole/stato.yaml", "canale (pipe o socket)")
    (work / "modelli").mkdir()
    os.mkfifo(work / "modelli" / "allegato.docx")
    refused(run(["allegato", *CUNEO_ARGS, "--modelli", "modelli", "-o", "uscita/a.docx"]), "modelli/allegato.docx",
            "canale (pipe o socket)")


@pytest.mark.parametrize(("name", "limit"), [("x.yaml", files.MAX_TEXT_SIZE), ("x.csv", files.MAX_TEXT_SIZE),
                                             ("x.xlsx", files.MAX_OFFICE_SIZE)])
def test_files_over_the_size_limit_are_refused_unread(work, name, limit):
    with open(work / name, "wb") as stream:  # sparse: no disk space used
        stream.truncate(limit + 1)
    refused(run(["verifica", name]), name, "il file è troppo grande", f"al massimo {limit // files.MEGABYTE} MB")


def test_a_file_growing_past_the_limit_while_read_is_cut(work, monkeypatch):
    monkeypatch.setattr(files, "MAX_TEXT_SIZE", 100)
    (work / "x.yaml").write_text("a: " + "b" * 200, encoding="utf-8")
    refused(run(["verifica", "x.yaml"]), "x.yaml", "il file è troppo grande", "al massimo 0 MB")


def test_a_very_wide_csv_header_is_located(work):
    (work / "x.csv").write_text(";".join(f"colonna{n}" for n in range(200_000)) + "\n", encoding="utf-8")
    refused(run(["verifica", "x.csv"]), "x.csv", "200000 colonne", f"al massimo {tables.MAX_COLUMNS}", where="riga 1")


def test_a_csv_field_over_the_csv_limit_is_located(work):
    text = "codice;data;valore;nota\nK1;30/06/2023;64;\"" + "x" * 200_000 + "\n"
    (work / "x.csv").write_text(text, encoding="utf-8")
    refused(run(["verifica", "piano.yaml", "x.csv"]), "x.csv", "un campo supera", "virgolett", where="riga 2")


def test_a_sheet_with_a_value_in_the_last_cell_is_refused_and_formatting_alone_is_ignored(work):
    plan, _ = load_plan(GALLERY / "piano.yaml")
    from piao_rules.io import write_plan

    write_plan(plan, work / "x.xlsx")
    workbook = openpyxl.load_workbook(work / "x.xlsx")
    workbook.worksheets[0]["XFD1048576"].number_format = "0.00%"  # formatted, empty: as Excel leaves it
    workbook.save(work / "formattato.xlsx")
    workbook.worksheets[0]["XFD1048576"] = "x"
    workbook.save(work / "lontano.xlsx")
    assert run(["verifica", "formattato.xlsx"]).exit_code == 0
    sheet = workbook.worksheets[0].title
    refused(run(["verifica", "lontano.xlsx"]), "lontano.xlsx", "il foglio ha dati oltre la riga",
            where=f"{sheet}!XFD1048576")


def test_a_returned_workbook_formatted_down_to_the_last_row_is_read_quickly(work):
    from datetime import date

    from roundtrip_helpers import fill

    from piao_rules.collect import write_templates
    from piao_rules.collect.layout import SHEET

    plan, _ = load_plan(GALLERY / "piano.yaml")
    write_templates(plan, date(2023, 6, 30), work / "compilati")
    office = work / "compilati" / "ufficio-ufficio-pid.xlsx"
    fill(office, {"K1": {"Valore": 64}})
    workbook = openpyxl.load_workbook(office)
    workbook[SHEET]["XFD1048576"].number_format = "0.00"  # a whole column formatted by hand leaves such cells
    workbook[SHEET]["A1048576"].number_format = "0.00"
    workbook.save(office)
    result = run(["raccogli", "compilati", "-o", "uscita/misure.csv"])
    assert result.exit_code == 0, result.output
    assert "uscita/misure.csv: 1 misure al 30/06/2023 da 2 file" in result.output
    workbook[SHEET]["A1048576"] = "O99"  # a value down there is refused, with its cell
    workbook.save(office)
    (work / "uscita" / "misure.csv").unlink()
    refused(run(["raccogli", "compilati", "-o", "uscita/misure.csv", "--rigoroso"]), "ufficio-ufficio-pid.xlsx",
            "il foglio ha dati oltre la riga", where="Misure!A1048576")
