"""`piao-rules verifica` on the shipped examples and on broken copies of them."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from piao_rules.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def verifica(*args):
    result = CliRunner().invoke(main, ["verifica", *map(str, args)])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("plan", "measures"),
    [("cuneo/piano.yaml", "cuneo/misure-2023-06-30.csv"), ("torino/piano.xlsx", "torino/misure-2022-06-30.csv"),
     ("torino/piano.csv", "torino/misure-2022-12-31.csv")],
)
def test_examples_pass_with_only_warnings(plan, measures):
    code, output = verifica(EXAMPLES / plan, EXAMPLES / measures)
    assert code == 0, output
    assert "0 errori" in output


def test_cuneo_warnings_are_the_real_inconsistencies():
    _, output = verifica(EXAMPLES / "cuneo/piano.yaml", EXAMPLES / "cuneo/misure-2023-06-30.csv")
    assert "misure-2023-06-30.csv:riga 68/valore: avviso: la misura di O25.2-1 non è del tipo richiesto" in output
    assert "piano.yaml:riga 33/aree[DIR].obiettivi[O01].indicatori[O01-3].target: avviso: target: manca l'operatore" in output


@pytest.fixture
def cuneo(tmp_path):
    for name in ("piano.yaml", "misure-2023-06-30.csv"):
        shutil.copy(EXAMPLES / "cuneo" / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_bad_date_in_a_measure(cuneo):
    edit(cuneo / "misure-2023-06-30.csv", "O01-2;30/06/2023", "O01-2;30/16/2023")
    code, output = verifica(cuneo / "piano.yaml", cuneo / "misure-2023-06-30.csv")
    assert code == 2
    assert "misure-2023-06-30.csv:riga 3/data: «30/16/2023»: il mese 16 non esiste" in output


def test_bad_date_in_a_target(cuneo):
    edit(cuneo / "piano.yaml", "target: Adozione delle procedure adeguate entro il 30/06/2023", "target: Adozione delle procedure adeguate entro il 31/02/2023")
    code, output = verifica(cuneo / "piano.yaml")
    assert code == 2
    assert (
        "piano.yaml:riga 573/aree[UFF].obiettivi[O25.2].indicatori[O25.2-1].target: data impossibile nel target: "
        "«31/02/2023»: il giorno 31 non esiste nel mese 2/2023"
    ) in output


def test_duplicate_code(cuneo):
    edit(cuneo / "piano.yaml", "- codice: O01-2", "- codice: O01-1")
    code, output = verifica(cuneo / "piano.yaml")
    assert code == 2
    assert (
        "piano.yaml:riga 26/aree[DIR].obiettivi[O01].indicatori[O01-1].codice: il codice «O01-1» è già usato da un "
        "altro indicatore (riga 22/"
    ) in output


def test_unknown_unit(cuneo):
    edit(cuneo / "piano.yaml", "unita: '%'", "unita: kg/m2")
    code, output = verifica(cuneo / "piano.yaml")
    assert code == 0
    assert "indicatori[O01-2].unita: avviso: unità «kg/m2» non riconosciuta" in output


def test_unit_not_matching_the_target(cuneo):
    edit(cuneo / "piano.yaml", "unita: '%'", "unita: giorni")
    _, output = verifica(cuneo / "piano.yaml")
    assert "indicatori[O01-2].unita: avviso: unità «giorni» diversa da quella del target «≥ 70%»" in output


def test_missing_column(cuneo):
    path = cuneo / "misure-2023-06-30.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [";".join(line.split(";")[1:]) for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = verifica(cuneo / "piano.yaml", path)
    assert code == 2
    assert "misure-2023-06-30.csv" in output and "codice" in output


def test_corrupt_xlsx(tmp_path):
    broken = tmp_path / "piano.xlsx"
    broken.write_bytes((EXAMPLES / "torino/piano.xlsx").read_bytes()[:2000])
    code, output = verifica(broken)
    assert code == 2
    assert "piano.xlsx" in output and "Traceback" not in output


def test_soglia_on_the_wrong_side(tmp_path):
    plan = tmp_path / "piano.yaml"
    plan.write_text(
        "ente: {nome: Prova}\nanno: 2023\naree:\n- codice: A\n  nome: Area\n  obiettivi:\n  - codice: O\n    nome: Ob\n"
        "    indicatori:\n    - codice: I\n      nome: Tempo\n      target: <= 2 gg\n      soglia: 1 gg\n",
        encoding="utf-8",
    )
    code, output = verifica(plan)
    assert code == 0
    assert "riga 13/aree[A].obiettivi[O].indicatori[I].soglia: avviso: soglia «1 gg» dal lato sbagliato" in output
    assert "superiore al target" in output
