"""The Word templates: checking edited copies, exporting, rendering user templates safely."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from documents_helpers import cuneo, read, rulebook
from docx import Document
from docx.oxml.ns import qn

from piao_rules.cli import main
from piao_rules.documents.annex import DEFAULT_WIDTH, AnnexRequest, build_annex
from piao_rules.documents.templates import (
    ANNEX,
    DELIBERATION,
    KINDS,
    export,
    placeholder_guide,
    verify,
)
from piao_rules.errors import InputError
from piao_rules.resources import default_templates_dir


def edited(tmp_path: Path, kind_file: str, edit) -> Path:
    """A copy of a default template changed by ``edit(document)``, as Word would save it."""
    folder = tmp_path / "modelli"
    folder.mkdir(exist_ok=True)
    document = Document(str(default_templates_dir() / kind_file))
    edit(document)
    path = folder / kind_file
    document.save(str(path))
    return path


def add_paragraph(text: str, *runs: str):
    def edit(document):
        paragraph = document.add_paragraph(text)
        for run in runs:
            paragraph.add_run(run)
    return edit


def messages(path: Path, kind) -> list[str]:
    return [str(p) for p in verify(path, kind)]


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda k: k.name)
def test_default_templates_are_clean(kind):
    assert verify(default_templates_dir() / kind.file, kind) == []


def test_unknown_variable_with_suggestion_and_context(tmp_path):
    path = edited(tmp_path, "allegato.docx", add_paragraph("Redatto per {{ entee }} nel mese di luglio."))
    found = messages(path, ANNEX)
    assert len(found) == 1
    assert "variabile «entee» sconosciuta (forse «ente»?)" in found[0]
    assert "«Redatto per {{ entee }} nel mese di luglio.»" in found[0]
    assert found[0].startswith(f"{path}:testo:")


def test_placeholder_split_across_runs_is_read_as_word_shows_it(tmp_path):
    path = edited(tmp_path, "allegato.docx", add_paragraph("Ente: {{ en", "te_breve }}", " e {{ titolo }}."))
    assert verify(path, ANNEX) == []


def test_unclosed_block(tmp_path):
    path = edited(tmp_path, "delibera.docx", add_paragraph("{%p if finale %}"))
    found = messages(path, DELIBERATION)
    assert any("blocco «{% if %}» non chiuso: aggiungere «{% endif %}»" in m for m in found)


def test_block_end_without_start(tmp_path):
    path = edited(tmp_path, "delibera.docx", add_paragraph("{%p endfor %}"))
    assert any("«{% endfor %}» senza il blocco di apertura" in m for m in messages(path, DELIBERATION))


def test_unknown_field_of_a_loop_item(tmp_path):
    def edit(document):
        document.add_paragraph("{%p for m in presenti %}")
        document.add_paragraph("{{ m.cognme }}")
        document.add_paragraph("{%p endfor %}")
    found = messages(edited(tmp_path, "delibera.docx", edit), DELIBERATION)
    assert len(found) == 1 and "campo «cognme» sconosciuto in «m» (forse «cognome»?)" in found[0]


def test_generated_parts_must_stand_alone_and_values_must_not_use_p(tmp_path):
    path = edited(tmp_path, "allegato.docx", add_paragraph("Vedi {{ esiti }}"))
    assert any("«esiti» è una parte generata: scriverla come «{{p esiti }}»" in m for m in messages(path, ANNEX))
    path = edited(tmp_path, "allegato.docx", add_paragraph("{{p ente }}"))
    assert any("«{{p ente }}» non è ammesso" in m for m in messages(path, ANNEX))


def test_removed_part_is_a_warning(tmp_path):
    def edit(document):
        for paragraph in document.paragraphs:
            if "{{p metodologia }}" in paragraph.text:
                paragraph._p.getparent().remove(paragraph._p)
    found = verify(edited(tmp_path, "allegato.docx", edit), ANNEX)
    assert len(found) == 1 and not found[0].is_error and "{{p metodologia }}" in found[0].message


def test_not_a_word_file(tmp_path):
    path = tmp_path / "allegato.docx"
    path.write_text("non sono un docx", encoding="utf-8")
    assert "non è un documento Word" in messages(path, ANNEX)[0]


def test_user_template_text_and_style_are_used(tmp_path):
    def edit(document):
        for paragraph in document.paragraphs:
            if paragraph.text.startswith("Art. 35 del D.P.R."):
                paragraph.text = "Documento approvato dall'OIV per {{ ente_breve }}"
        document.styles["Heading 1"].font.name = "Georgia"
    path = edited(tmp_path, "allegato.docx", edit)
    _, evaluation = cuneo()
    data = build_annex(AnnexRequest(evaluation, rulebook(), short_name="CCIAA di Cuneo", templates=path.parent))
    document = read(data)
    assert "Documento approvato dall'OIV per CCIAA di Cuneo" in [p.text for p in document.paragraphs]
    assert document.styles["Heading 1"].font.name == "Georgia"


def test_broken_user_template_stops_generation_with_the_file_named(tmp_path):
    path = edited(tmp_path, "allegato.docx", add_paragraph("{{ entee }}"))
    _, evaluation = cuneo()
    with pytest.raises(InputError) as error:
        build_annex(AnnexRequest(evaluation, rulebook(), templates=path.parent))
    assert error.value.problems[0].file == str(path)


def test_sandbox_refuses_code(tmp_path):
    path = edited(tmp_path, "allegato.docx", add_paragraph("{{ ente.__class__.__mro__[1].__subclasses__() }}"))
    _, evaluation = cuneo()
    with pytest.raises(InputError) as error:
        build_annex(AnnexRequest(evaluation, rulebook(), templates=path.parent))
    assert "modello" in str(error.value)


def test_missing_style_is_reported(tmp_path):
    def edit(document):
        style = document.styles["Stato raggiunto"]
        style.element.getparent().remove(style.element)
    path = edited(tmp_path, "allegato.docx", edit)
    _, evaluation = cuneo()
    with pytest.raises(InputError) as error:
        build_annex(AnnexRequest(evaluation, rulebook(), templates=path.parent))
    assert "mancano gli stili «Stato raggiunto»" in str(error.value)


def test_export_and_guide(tmp_path):
    written = export(tmp_path / "m")
    assert sorted(p.name for p in written) == ["SEGNAPOSTO.md", "allegato.docx", "delibera.docx", "scheda.docx"]
    assert (tmp_path / "m" / "allegato.docx").read_bytes() == (default_templates_dir() / "allegato.docx").read_bytes()
    with pytest.raises(FileExistsError):
        export(tmp_path / "m")
    guide = placeholder_guide()
    assert "`{{p esiti }}`" in guide and "`{{ al_data }}`" in guide and "campi: `cognome`" in guide


def test_modelli_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["modelli", "--esporta", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["modelli", "--esporta", str(tmp_path / "m")])
    assert result.exit_code == 2 and "esiste già" in result.output
    result = runner.invoke(main, ["modelli", "--verifica", str(tmp_path / "m")])
    assert result.exit_code == 0 and "nessun problema" in result.output
    shutil.copyfile(edited(tmp_path, "delibera.docx", add_paragraph("{{ numro }}")), tmp_path / "m" / "delibera.docx")
    result = runner.invoke(main, ["modelli", "--verifica", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "variabile «numro» sconosciuta (forse «numero»?)" in result.output
    result = runner.invoke(main, ["modelli"])
    assert result.exit_code == 2 and "--esporta" in result.output


def test_templates_fall_back_to_the_defaults(tmp_path):
    from piao_rules.documents.templates import locate

    assert locate(ANNEX, tmp_path) == default_templates_dir() / "allegato.docx"


def test_a_template_without_a_page_size_gets_tables_of_the_default_width(tmp_path):
    def edit(document):
        for section in document.element.body.iter(qn("w:sectPr")):
            for size in section.findall(qn("w:pgSz")):
                section.remove(size)
    path = edited(tmp_path, "allegato.docx", edit)
    _, evaluation = cuneo()
    document = read(build_annex(AnnexRequest(evaluation, rulebook(), templates=path.parent)))
    widths = [int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) for table in document.tables]
    assert widths and abs(max(widths) - DEFAULT_WIDTH.twips) <= len(document.tables[0].columns)


def test_a_part_shown_twice_by_the_template_appears_twice_with_its_rows(tmp_path):
    def edit(document):
        for paragraph in document.paragraphs:
            if paragraph.text.replace(" ", "") == "{{psintesi}}":
                paragraph._p.addnext(copy.deepcopy(paragraph._p))
    path = edited(tmp_path, "allegato.docx", edit)
    _, evaluation = cuneo()
    document = read(build_annex(AnnexRequest(evaluation, rulebook(), templates=path.parent)))
    firsts = [table.rows[1].cells[0].text for table in document.tables if len(table.rows) > 1]
    assert firsts.count("Grado complessivo di raggiungimento dell'Ente") == 2
    drawings = [node.get("id") for node in document.element.body.iter(qn("wp:docPr"))]
    assert len(drawings) == 4 and drawings == [str(n) for n in range(1001, 1005)]
