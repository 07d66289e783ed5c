"""Column tables are derived from the model fields' metadata: one place names a column.

The workbook, the portal form, the measures table, the flat plan and the importer's header
words must agree with the fields' :class:`Column` and :class:`Words`; a table restated by
hand that drifts from the model makes one of these tests fail.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from roundtrip_helpers import cuneo_plan

from piao_rules.collect import write_templates
from piao_rules.collect.layout import COLUMNS, HEADER_ROW, INPUTS, SHEET, TEXT
from piao_rules.importing import vocabulary as v
from piao_rules.importing.mapping import guess
from piao_rules.importing.roles import KEYS, ROLE_WORDS, Columns
from piao_rules.io import flat, measures
from piao_rules.io.columns import VALUES_FIRST, Column, Words, described, flat_columns, inputs
from piao_rules.io.model import Indicator, Judgement, Measure, MeasureSet, TargetRevision
from piao_rules.portal.entries import FIELDS


def _measure_fields_people_fill() -> set[str]:
    return {name for name, info in Measure.model_fields.items() if info.alias not in ("codice", "data", "percentuale", "componenti", "conta", "conta_componenti",
                                                                                  "valore_scritto")}


def test_every_measure_field_people_fill_has_header_width_and_help():
    found = {e.attribute: e.column for e in described(Measure)}
    assert set(found) == _measure_fields_people_fill()
    for attribute, column in found.items():
        assert column.header and column.help and column.width > 0, attribute
        assert column.help.endswith(".") and (column.form_help or ".").endswith("."), attribute
    assert set(VALUES_FIRST) <= set(found)


def test_workbook_input_columns_and_portal_form_are_the_model_metadata():
    entries = inputs(Measure)
    workbook = [c for c in INPUTS if c.key != "si_no"]
    assert [(c.key, c.header, c.width, c.help) for c in workbook] == [
        (e.name, e.column.header, e.column.width, e.column.help) for e in entries
    ]
    assert [name for name, _, _ in FIELDS] == [e.name for e in entries]
    assert [(label, help) for _, label, help in FIELDS] == [(e.column.header, e.form_help) for e in entries]
    # the texts come after the values, in the model's order
    texts = [c.key for c in INPUTS if c.kind == TEXT]
    assert texts == [e.name for e in entries if e.attribute not in VALUES_FIRST]
    assert [e.attribute for e in entries[: len(VALUES_FIRST)]] == list(VALUES_FIRST)


@pytest.fixture(scope="module")
def workbook_sheet(tmp_path_factory):
    folder = tmp_path_factory.mktemp("modelli-colonne")
    written = write_templates(cuneo_plan(), date(2023, 6, 30), folder)
    return openpyxl.load_workbook(written[-1].path)[SHEET]


def test_written_workbook_shows_the_model_headers_widths_and_help(workbook_sheet):
    by_header = {workbook_sheet.cell(HEADER_ROW, n).value: n for n in range(1, len(COLUMNS) + 1)}
    for entry in inputs(Measure):
        position = by_header[entry.column.header]
        cell = workbook_sheet.cell(HEADER_ROW, position)
        assert cell.comment.text == entry.column.help
        assert workbook_sheet.column_dimensions[get_column_letter(position)].width == entry.column.width
    assert by_header["Fonte"] == 1 + next(i for i, c in enumerate(COLUMNS) if c.key == "fonte")


def test_measures_table_has_a_column_for_every_measure_field():
    aliases = [info.alias for info in Measure.model_fields.values()]
    expected = [a for a in aliases if a not in ("percentuale", "componenti", "conta", "conta_componenti")] + ["componente"]
    assert sorted(measures.COLUMNS) == sorted(expected)
    assert measures.COLUMNS[:4] == ["codice", "data", "valore", "componente"]


def test_a_measure_with_every_field_survives_the_table(tmp_path):
    measure = Measure(
        codice="I1", data=date(2023, 6, 30), valore="80 pratiche evase", avanzamento=40, completato_il=date(2023, 5, 2),
        riferimento="12,5", totale=3, giudizio=Judgement.AT_RISK, nota="n", fonte="Report Registro Imprese",
        proposta_target="≥ 70%", motivazione="m", causa_esterna="c", validato_da="v", valore_scritto="80 su 100",
    )
    assert all(getattr(measure, name) is not None for name in Measure.model_fields)
    path = tmp_path / "misure.csv"
    measures.write_measures(MeasureSet(data=date(2023, 6, 30), misure=[measure]), path)
    read, _ = measures.load_measures(path)
    assert read.measures == [measure]
    assert read.measures[0].reference == Decimal("12.5")


def test_flat_plan_columns_are_the_indicator_and_revision_fields():
    indicator = flat.INDICATOR_COLUMNS
    assert indicator["fonte"] == ("fonte",)
    assert indicator["baseline_anno"] == ("baseline", "anno")
    assert indicator["riferimento_descrizione"] == ("riferimento", "descrizione")
    tops = {path[0] for path in indicator.values()}
    assert tops == {info.alias or name for name, info in Indicator.model_fields.items()} - {"revisioni"}
    assert list(flat.REVISION_COLUMNS) == [info.alias for info in TargetRevision.model_fields.values()]
    assert flat_columns(Indicator, skip=("revisions",)).keys() == indicator.keys()
    assert set(flat.ORDER) >= set(indicator) | set(flat.REVISION_COLUMNS)


def test_every_indicator_field_is_written_to_its_flat_column():
    plan = cuneo_plan()
    _, _, first = next(plan.indicators())
    full = first.model_copy(update={"source": "Report Registro Imprese", "note": "una nota", "linked_to": "X1",
                                    "previous_code": "OLD", "total": Decimal(4)})
    row = flat._indicator_rows(full, {})[0]
    assert row["fonte"] == "Report Registro Imprese"
    assert row["note"] == "una nota"
    assert row["collegato_a"] == "X1" and row["codice_precedente"] == "OLD" and row["totale"] == Decimal(4)


def test_importer_roles_are_the_mapping_keys_and_their_words_read_as_such():
    roles = {value for name, value in vars(v).items() if name.isupper() and isinstance(value, str)}
    named = set(ROLE_WORDS.values())
    assert named <= set(KEYS) and named <= roles
    assert v.HEAD_WORDS["fonti"] == v.SOURCE == "fonte"
    for word, key in ROLE_WORDS.items():
        header = v.read_header(word.capitalize())
        assert header is not None and header.role == key, word
    columns, unused = guess(["Fonti", "Indicatore", "Tipologia", "Nota"], [])
    assert columns == {"fonte": "Fonti", "indicatore": "Indicatore", "tipologia": "Tipologia", "nota": "Nota"}
    assert not unused


def test_metadata_is_carried_by_annotations_not_by_the_schema():
    info = Measure.model_fields["source"]
    assert any(isinstance(m, Column) for m in info.metadata)
    assert any(isinstance(m, Words) for m in Columns.model_fields["source"].metadata)
    assert "Da dove viene" not in str(Measure.model_json_schema())  # the help is for the workbook and the form
