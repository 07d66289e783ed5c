"""No command writes over one of its inputs, or writes two outputs to one file: through links, any spelling, any case.

Every case checks the exit code, that the message names the file, and that nothing
in the working folder changed (same bytes, same inode, no new file).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from roundtrip_helpers import CUNEO, JUNE, ROOT, cuneo_plan, fill

from piao_rules.cli import main
from piao_rules.cli.common import same_file
from piao_rules.collect import write_templates

OFFICE = "ufficio-ragioneria-e-partecipazioni.xlsx"
CUNEO_ARGS = ["piano.yaml", "misure-2023-06-30.csv", "--al", "30/06/2023"]


@pytest.fixture
def work(tmp_path, monkeypatch):
    shutil.copy(CUNEO / "piano.yaml", tmp_path)
    shutil.copy(CUNEO / "misure-2023-06-30.csv", tmp_path)
    shutil.copy(CUNEO / "ente.yaml", tmp_path)
    write_templates(cuneo_plan(), JUNE, tmp_path / "compilati")
    fill(tmp_path / "compilati" / OFFICE, {"O15.2-1": {"Valore": 18}})
    assert CliRunner().invoke(main, ["modelli", "--esporta", str(tmp_path / "modelli")]).exit_code == 0
    os.symlink(tmp_path / "piano.yaml", tmp_path / "collegamento.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder`` (links not followed): inode and content digest."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[str(path.relative_to(folder))] = (path.stat().st_ino, hashlib.sha256(path.read_bytes()).hexdigest())
    return files


# (command line, the output named in the message)
OVERWRITES = [
    pytest.param(["revisiona", "piano.yaml", "--giornale", "g.jsonl", "-o", "piano.yaml"], "piano.yaml", id="revisiona-stesso-file"),
    pytest.param(["revisiona", "piano.yaml", "--giornale", "g.jsonl", "-o", "collegamento.yaml"], "collegamento.yaml",
                 id="revisiona-collegamento"),
    pytest.param(["revisiona", "piano.yaml", "--giornale", "g.jsonl", "-o", "compilati/../PIANO.yaml"],
                 "compilati/../PIANO.yaml", id="revisiona-maiuscole-e-percorso"),
    pytest.param(["importa", "misure-2023-06-30.csv", "-o", "misure-2023-06-30.csv", "--sovrascrivi"],
                 "misure-2023-06-30.csv", id="importa-sovrascrivi-sorgente"),
    pytest.param(["importa", "misure-2023-06-30.csv", "--mappa", "ente.yaml", "-o", "nuovo.yaml", "--rapporto", "ente.yaml"],
                 "ente.yaml", id="importa-rapporto-sulla-mappa"),
    pytest.param(["importa", "misure-2023-06-30.csv", "-o", "nuovo.yaml", "--misure", "nuovo.yaml"], "nuovo.yaml",
                 id="importa-misure-uguale-al-piano"),
    pytest.param(["allegato", *CUNEO_ARGS, "--modelli", "modelli", "-o", "modelli/allegato.docx"], "modelli/allegato.docx",
                 id="allegato-sul-modello"),
    pytest.param(["delibera", *CUNEO_ARGS, "--ente", "ente.yaml", "--numero", "1", "--seduta", "31/07/2023",
                  "--modelli", "modelli", "-o", "modelli/Delibera.docx"], "modelli/Delibera.docx", id="delibera-sul-modello"),
    pytest.param(["raccogli", "compilati", "-o", f"compilati/{OFFICE}"], f"compilati/{OFFICE}",
                 id="raccogli-su-un-file-compilato"),
    pytest.param(["raccogli", "compilati", "-o", "piano.yaml", "--piano", "collegamento.yaml"], "piano.yaml",
                 id="raccogli-sul-piano"),
    pytest.param(["modello-misure", "piano.yaml", "--al", "30/06/2023", "-o", "compilati", "--misure-precedenti",
                  f"compilati/{OFFICE}"], f"compilati/{OFFICE}", id="modello-misure-sulle-misure-precedenti"),
    pytest.param(["decidi", *CUNEO_ARGS, "O06-1/incoerenza", "--esito", "rinviata", "--nota", "n", "--giornale",
                  "misure-2023-06-30.csv"], "misure-2023-06-30.csv", id="decidi-giornale-sulle-misure"),
    pytest.param(["segnalazioni", *CUNEO_ARGS, "--giornale", "collegamento.yaml"], "collegamento.yaml",
                 id="segnalazioni-giornale-sul-piano"),
    pytest.param(["revisione", *CUNEO_ARGS, "--giornale", "piano.yaml"], "piano.yaml", id="revisione-giornale-sul-piano"),
]


@pytest.mark.parametrize(("args", "named"), OVERWRITES)
def test_an_output_is_never_an_input(work, args, named):
    (work / "g.jsonl").write_text("", encoding="utf-8")
    before = snapshot(work)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert any(line.startswith(f"{named}: ") and "file da leggere" in line or line.startswith(f"{named}: ") and "due volte" in line
               for line in lines), result.output
    assert lines[-1].endswith("nessun file è stato modificato.")
    assert snapshot(work) == before


def test_collecting_again_into_the_folder_replaces_only_the_previous_output(work):
    args = ["raccogli", "compilati", "-o", "compilati/misure.xlsx"]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    assert "compilati/misure.xlsx: 1 misure al 30/06/2023" in second.output


def test_same_file_through_links_case_and_dots(tmp_path):
    real = tmp_path / "piano.yaml"
    real.write_text("x")
    os.symlink(real, tmp_path / "link.yaml")
    assert same_file(tmp_path / "link.yaml", real)
    assert same_file(tmp_path / "sub" / ".." / "piano.yaml", real)
    assert same_file(tmp_path / "PIANO.YAML", real)  # a name not yet written: the same file where case is ignored
    other = tmp_path / "altro.yaml"
    other.write_text("x")
    assert not same_file(other, real)
    if not (tmp_path / "Piano.yaml").exists():  # a case-sensitive file system holding both names: two files
        (tmp_path / "Piano.yaml").write_text("y")
        assert not same_file(tmp_path / "Piano.yaml", real)


def test_the_default_measures_file_is_never_the_imported_export(tmp_path, monkeypatch):
    """«misure.csv beside the plan» is the default for the measures read: refused when it is the export itself."""
    rows = (ROOT / "tests" / "gallery" / "file" / "piano.csv").read_text(encoding="utf-8-sig").splitlines()
    export = [rows[0] + ";valore"] + [row + ";64" for row in rows[1:]]
    (tmp_path / "misure.csv").write_text("\n".join(export) + "\n", encoding="utf-8")
    (tmp_path / "mappa.yaml").write_text("colonne:\n  codice: codice\n  indicatore: nome\n  target: target\n"
                                         "  obiettivo_codice: obiettivo_codice\n  obiettivo: obiettivo_nome\n"
                                         "  misura: valore\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["importa", "misure.csv", "--mappa", "mappa.yaml", "-o", "piano.yaml",
                                       "--al", "30/06/2023", "--ente", "CCIAA di Prova", "--anno", "2023", "--sovrascrivi"])
    assert result.exit_code == 2, result.output
    assert "misure.csv: è anche uno dei file da leggere" in result.output
    assert snapshot(tmp_path) == before
    elsewhere = CliRunner().invoke(main, ["importa", "misure.csv", "--mappa", "mappa.yaml", "-o", "piano.yaml",
                                          "--al", "30/06/2023", "--ente", "CCIAA di Prova", "--anno", "2023", "--misure", "misure-lette.csv"])
    assert elsewhere.exit_code == 0, elsewhere.output
    assert snapshot(tmp_path)["misure.csv"] == before["misure.csv"]
    assert "K1;30/06/2023;64" in (tmp_path / "misure-lette.csv").read_text(encoding="utf-8-sig")


def test_new_templates_never_replace_filled_ones(work):
    """Templates made again into a folder of returned workbooks: the filled one stops everything, empty ones are fine."""
    again = ["modello-misure", "piano.yaml", "--al", "30/06/2023", "-o", "compilati"]
    before = snapshot(work)
    result = CliRunner().invoke(main, again)
    assert result.exit_code == 2, result.output
    assert f"compilati/{OFFICE}: esiste già e contiene dati compilati" in result.output
    assert "tutti-gli-uffici.xlsx" not in result.output  # still empty: it could be replaced
    assert snapshot(work) == before
    (work / "compilati" / OFFICE).unlink()
    assert CliRunner().invoke(main, again).exit_code == 0
