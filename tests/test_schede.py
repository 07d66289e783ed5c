"""SMVP file and individual evaluation forms: figures read back from the generated .docx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from piao_rules.cli import main
from piao_rules.cli.schede import file_name
from piao_rules.documents.templates import FORM, locate, verify
from piao_rules.errors import InputError
from piao_rules.io.smvp import load_smvp

ROOT = Path(__file__).resolve().parents[1]
CUNEO = ROOT / "examples" / "cuneo"
SMVP = CUNEO / "smvp.yaml"


def _schede(tmp_path: Path, smvp: Path = SMVP, *extra: str):
    return CliRunner().invoke(main, ["schede", str(CUNEO / "piano.yaml"), str(CUNEO / "misure-2023-06-30.csv"),
                                     "--smvp", str(smvp), "-o", str(tmp_path / "schede"), "--motore", "interno", *extra])


def _texts(path: Path) -> tuple[list[str], list[list[str]]]:
    document = Document(str(path))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return [p.text for p in document.paragraphs], rows


def test_the_default_template_is_valid():
    assert not [p for p in verify(locate(FORM), FORM) if p.is_error]


def test_one_form_per_person_with_figures_traceable_to_indicators(tmp_path):
    result = _schede(tmp_path)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "schede"
    assert sorted(p.name for p in folder.iterdir()) == [
        "scheda-dirigente.docx", "scheda-e-q-settore-regolazione-del-mercato.docx", "scheda-segretario-generale.docx"]
    paragraphs, rows = _texts(folder / "scheda-e-q-settore-regolazione-del-mercato.docx")
    objectives = {r[0]: r for r in rows if r[0].startswith("O10.") and len(r) == 4}
    # weights from the SMVP file; degrees of the objectives at 30/06/2023
    assert [(r[2], r[3]) for r in objectives.values()] == [("30", "100%"), ("20", "n.d."), ("20", "50%"), ("15", "100%"), ("15", "66,67%")]
    # O10.2 is not measurable: left out, the others renormalised: (30×100 + 20×50 + 15×100 + 15×66,67) / 80
    expected = (Decimal(30) * 100 + Decimal(20) * 50 + Decimal(15) * 100 + Decimal(15) * Decimal(200) / 3) / 80
    assert f"{expected:.2f}".replace(".", ",") == "81,25"
    assert "Grado medio ponderato degli obiettivi: 81,25% (esclusi dalla media perché non misurabili: O10.2)." in paragraphs
    assert "Punti della componente: 81,25% × 60 / 100 = 48,75 su 60." in paragraphs
    assert "Punteggio complessivo: 48,75 + ________ = ________ su 100." in paragraphs
    indicators = [r for r in rows if len(r) == 6 and r[0] != "Obiettivo"]
    assert ["O10.3", "O10.3-1 – Predisposizione di un cruscotto informativo periodico degli incassi da Diritto Annuale",
            "4 report/anno", "2", "50%", "In linea"] in indicators
    behaviours = [r for r in rows if len(r) == 4 and r[0] in ("C1", "C2", "C3", "C4")]
    assert [(r[0], r[2], r[3]) for r in behaviours] == [("C1", "30", ""), ("C2", "30", ""), ("C3", "20", ""), ("C4", "20", "")]
    assert ["Codice", "Comportamento", "Peso", "Punteggio (1–5)"] in rows
    assert "5 – eccellente" in paragraphs


def test_objectives_found_by_owner_use_equal_weights_and_say_so(tmp_path):
    assert _schede(tmp_path).exit_code == 0
    paragraphs, rows = _texts(tmp_path / "schede" / "scheda-segretario-generale.docx")
    codes = [r[0] for r in rows if len(r) == 4 and r[0].startswith("O0")]
    assert codes == ["O02", "O05", "O06", "O07", "O08"]  # «SEGRETARIO GENERALE» and «SEGRETARIO GENERALE / DIRIGENTE»
    assert any("; pesi uguali (né il file SMVP né il piano li indicano)." in p for p in paragraphs)


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(SMVP.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "smvp.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    (lambda d: d["componenti"].update(comportamenti=30), "sommano a 90 invece di 100"),
    (lambda d: d["scala_comportamenti"].update(massimo=1), "deve essere maggiore di «minimo»"),
    (lambda d: d["comportamenti"][0].update(peso=10), "dei comportamenti sommano a 80"),
    (lambda d: d["valutati"][2]["obiettivi"][0].update(codice="O99"), "«O99» non è un obiettivo del piano 2023"),
    (lambda d: d["valutati"][1].update(responsabile="NESSUNO"), "nessun obiettivo del piano ha responsabile «NESSUNO»"),
    (lambda d: d["valutati"][2]["obiettivi"][0].pop("peso"), "il peso di tutti gli obiettivi assegnati oppure di nessuno"),
    (lambda d: d.pop("componenti"), "componenti"),
])
def test_bad_smvp_files_give_located_italian_errors(tmp_path, change, message):
    result = _schede(tmp_path, _write(tmp_path, change))
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output, result.output
    assert "smvp.yaml" in result.output and "riga" in result.output
    assert not (tmp_path / "schede").exists()


def test_smvp_loads_with_italian_names():
    smvp, _ = load_smvp(SMVP)
    assert smvp.components.organisational == 60 and smvp.scale.maximum == 5 and len(smvp.people) == 3
    with pytest.raises(InputError):
        load_smvp(CUNEO / "piano.yaml")


@given(st.text(min_size=1, max_size=40))
@settings(max_examples=80, deadline=None)
def test_form_file_names_are_safe_and_distinct(name):
    taken: set[str] = set()
    first, second = file_name(name, taken), file_name(name, taken)
    assert first != second
    for made in (first, second):
        assert made.startswith("scheda-") and made.endswith(".docx")
        assert all(c.isascii() and (c.isalnum() or c in "-.") for c in made)


def test_year_end_forms_for_torino_with_the_linear_behaviour_formula(tmp_path):
    torino = ROOT / "examples" / "torino"
    result = CliRunner().invoke(main, ["schede", str(torino / "piano.csv"), str(torino / "misure-2022-12-31.csv"),
                                       "--smvp", str(torino / "smvp.yaml"), "-o", str(tmp_path), "--motore", "interno"])
    assert result.exit_code == 0, result.output
    paragraphs, rows = _texts(tmp_path / "scheda-dirigente-area-risorse-finanziarie-e-provveditorato.docx")
    assert "Anno 2022 – risultati al 31 dicembre 2022" in paragraphs
    assert [r[0] for r in rows if len(r) == 4 and r[0].startswith("OP")] == ["OP1.1.1-04", "OP1.1.1-11", "OP1.1.1-13"]
    assert ("Punti della componente = (Σ (peso × punteggio) / 100 − 1) / (4 − 1) × 30 (media ponderata dei punteggi "
            "rapportata all'ampiezza della scala).") in paragraphs
    assert ["Codice", "Comportamento", "Peso", "Punteggio (1–4)"] in rows


@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
@settings(max_examples=80, deadline=None)
def test_component_weights_are_accepted_exactly_when_they_sum_to_100(organisational, behaviours):
    from pydantic import ValidationError

    from piao_rules.io.smvp import Components

    try:
        Components(organizzativa=str(organisational).replace(".", ","), comportamenti=behaviours)
        accepted = True
    except ValidationError as error:
        accepted = False
        assert "invece di 100" in str(error)
    assert accepted == (abs(organisational + behaviours - 100) <= Decimal("0.01"))
