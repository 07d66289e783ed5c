"""``piao-rules importa`` through click's runner; its output passes ``piao-rules verifica``."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from importa_builders import build_alessandria, build_cuneo

from piao_rules.cli import main


def _run(*arguments):
    return CliRunner().invoke(main, [str(a) for a in arguments])


@pytest.fixture(scope="module")
def monitoring(tmp_path_factory):
    return build_cuneo(tmp_path_factory.mktemp("doc") / "monitoraggio.docx")


def test_help_in_italian():
    result = _run("importa", "--aiuto")
    assert result.exit_code == 0
    assert "Importa il piano (e le misure) da un DOCUMENTO Word" in result.output
    assert "--mostra-mappa" in result.output and "--sovrascrivi" in result.output
    assert "importa" in _run("--aiuto").output


def test_import_writes_plan_measures_and_report_that_verifica_accepts(monitoring, tmp_path):
    result = _run("importa", monitoring, "-o", tmp_path / "piano.yaml", "--rapporto", tmp_path / "rapporto.txt")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Importazione di monitoraggio.docx\n\nLetti 71 indicatori in 53 obiettivi")
    assert f"Scritti: {tmp_path / 'piano.yaml'}, {tmp_path / 'misure.csv'}, {tmp_path / 'rapporto.txt'}." in result.output
    assert (tmp_path / "rapporto.txt").read_text(encoding="utf-8").startswith("Importazione di monitoraggio.docx")
    checked = _run("verifica", tmp_path / "piano.yaml", tmp_path / "misure.csv")
    assert checked.exit_code == 0, checked.output
    assert "Piano: 71 indicatori in 53 obiettivi; misure: 71; 0 errori" in checked.output


def test_existing_files_are_kept_unless_asked(monitoring, tmp_path):
    plan = tmp_path / "piano.yaml"
    plan.write_text("scritto a mano\n", encoding="utf-8")
    result = _run("importa", monitoring, "-o", plan)
    assert result.exit_code == 2
    assert "il file esiste già: scegliere un altro nome o aggiungere --sovrascrivi" in result.output
    assert plan.read_text(encoding="utf-8") == "scritto a mano\n" and not (tmp_path / "misure.csv").exists()
    assert _run("importa", monitoring, "-o", plan, "--sovrascrivi").exit_code == 0
    assert plan.read_text(encoding="utf-8").startswith("# Piano importato da monitoraggio.docx")


def test_plan_as_csv_and_measures_elsewhere(monitoring, tmp_path):
    result = _run("importa", monitoring, "-o", tmp_path / "piano.csv", "--misure", tmp_path / "giugno.yaml")
    assert result.exit_code == 0, result.output
    assert _run("verifica", tmp_path / "piano.csv", tmp_path / "giugno.yaml").exit_code == 0


def test_a_wrong_extension_writes_nothing(monitoring, tmp_path):
    result = _run("importa", monitoring, "-o", tmp_path / "piano.yaml", "--misure", tmp_path / "misure.txt")
    assert result.exit_code == 2 and "l'estensione «.txt» non è riconosciuta" in result.output
    assert not (tmp_path / "piano.yaml").exists()


def test_date_option_for_undated_measures(tmp_path):
    document = build_alessandria(tmp_path / "albero.docx")
    result = _run("importa", document, "-o", tmp_path / "piano.yaml")
    assert result.exit_code == 0 and "indicarla con --al" in result.output
    assert not (tmp_path / "misure.csv").exists()
    result = _run("importa", document, "-o", tmp_path / "piano2.yaml", "--al", "30/09/2020", "--misure", tmp_path / "m.csv")
    assert result.exit_code == 0 and (tmp_path / "m.csv").exists()
    assert _run("verifica", tmp_path / "piano2.yaml", tmp_path / "m.csv").exit_code == 0


def test_errors_exit_2_without_traceback(tmp_path, monitoring):
    (tmp_path / "vecchio.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    result = _run("importa", tmp_path / "vecchio.doc", "-o", tmp_path / "piano.yaml")
    assert result.exit_code == 2 and "Word 97-2003 (.doc)" in result.output and "Traceback" not in result.output
    result = _run("importa", monitoring)
    assert result.exit_code == 2 and "indicarlo con -o" in result.output
    result = _run("importa", monitoring, "--mostra-mappa")
    assert result.exit_code == 2 and "vale per fogli Excel e CSV" in result.output


def test_show_mapping(tmp_path):
    (tmp_path / "kpi.csv").write_text("Codice;Indicatore;Target 2024;Peso\nK1;Pratiche;>= 5;100\n", encoding="utf-8")
    result = _run("importa", tmp_path / "kpi.csv", "--mostra-mappa")
    assert result.exit_code == 0
    assert "colonne:\n  codice: Codice\n  indicatore: Indicatore\n  target:\n    2024: Target 2024\n  peso: Peso\n" in result.output
    (tmp_path / "mappa.yaml").write_text(result.output, encoding="utf-8")
    result = _run("importa", tmp_path / "kpi.csv", "--mappa", tmp_path / "mappa.yaml", "--ente", "Camera di commercio di Valle Alta",
                  "-o", tmp_path / "piano.yaml")
    assert result.exit_code == 0, result.output
    assert _run("verifica", tmp_path / "piano.yaml").exit_code == 0
