"""The flag codes the code relies on (engine/flag_codes.py) and the annex labels read back (annex_labels.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from piao_rules import annex_labels
from piao_rules.cli import main
from piao_rules.engine import flag_codes
from piao_rules.engine.rulebook import load_rulebook
from piao_rules.errors import InputError
from piao_rules.importing import headings
from piao_rules.importing.records import Origin
from piao_rules.resources import default_rules_dir

ROOT = Path(__file__).resolve().parents[1]
CUNEO = ROOT / "examples/cuneo"


def _rules_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "regole"
    folder.mkdir()
    (folder / "segnalazioni.yaml").write_text(text, encoding="utf-8")
    return folder


def _default_flags() -> str:
    return (default_rules_dir() / "segnalazioni.yaml").read_text(encoding="utf-8")


def test_the_shipped_rules_assign_every_code_the_code_relies_on():
    assigned = {rule.then["segnalazione"] for rule in load_rulebook().tables["segnalazioni"].rules}
    assert set(flag_codes.REQUIRED) <= assigned


def test_a_renamed_flag_in_a_plans_rules_folder_is_refused_naming_file_and_code(tmp_path):
    folder = _rules_with(tmp_path, _default_flags().replace("segnalazione: dato_mancante", "segnalazione: dati_mancanti"))
    with pytest.raises(InputError) as error:
        load_rulebook(folder)
    [problem] = error.value.problems
    assert problem.file == str(folder / "segnalazioni.yaml")
    assert "nessuna regola assegna la segnalazione «dato_mancante» (forse rinominata in «dati_mancanti»?)" in problem.message
    assert "ripristinare «segnalazione: dato_mancante»" in problem.message


def test_the_cli_reports_the_missing_code_in_italian(tmp_path):
    folder = _rules_with(tmp_path, _default_flags().replace("segnalazione: scadenza_imminente", "segnalazione: scadenza_vicina"))
    plan = (CUNEO / "piano.yaml").read_text(encoding="utf-8").replace("anno: 2023\n", f"anno: 2023\nregole: {folder}\n", 1)
    (tmp_path / "piano.yaml").write_text(plan, encoding="utf-8")
    result = CliRunner().invoke(main, ["valuta", str(tmp_path / "piano.yaml"), str(CUNEO / "misure-2023-06-30.csv")])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "segnalazioni.yaml" in result.output and "«scadenza_imminente»" in result.output


def test_every_code_is_named_only_in_flag_codes():
    """Outside flag_codes.py the code names flags through its constants: no string compared with a code."""
    codes = set(flag_codes.REQUIRED)
    found = []
    for path in (ROOT / "src/piao_rules").rglob("*.py"):
        if path.name == "flag_codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                parts = [node.left, *node.comparators]
                if any(isinstance(p, ast.Attribute) and p.attr == "code" for p in parts):
                    found += [f"{path.name}:{node.lineno}" for p in parts if isinstance(p, ast.Constant) and p.value in codes]
    assert not found


def test_the_objective_data_the_annex_prints_are_read_back():
    line = annex_labels.SEPARATOR.join([
        annex_labels.labelled(annex_labels.OWNER, "Mario Rossi"), annex_labels.labelled(annex_labels.KIND, "di struttura"),
        f"{annex_labels.PARENT} OS1", annex_labels.labelled(annex_labels.WEIGHT, "40"),
    ])
    found = headings.details(line, Origin("allegato.docx"))
    assert (found.owner, found.kind, found.parent, found.weight) == ("Mario Rossi", "di struttura", "OS1", "40")
